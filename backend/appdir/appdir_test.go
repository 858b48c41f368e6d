package appdir

import (
	"errors"
	"path/filepath"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func cfg(dir string) func() (string, error) {
	return func() (string, error) { return dir, nil }
}

func TestResolveOrder(t *testing.T) {
	base := t.TempDir()
	flagPath := filepath.Join(base, "flag.db")
	envPath := filepath.Join(base, "env.db")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"default", nil, nil, filepath.Join(base, "cfg", "ChiBo", "chibo.db")},
		{"env", nil, map[string]string{EnvDB: envPath}, envPath},
		{"flag beats env", []string{"--db", flagPath}, map[string]string{EnvDB: envPath}, flagPath},
		{"single dash", []string{"-db", flagPath}, nil, flagPath},
		{"equals", []string{"--db=" + flagPath}, nil, flagPath},
		{"among wails flags", []string{"-assetdir", "./frontend/dist", "-devserver", "127.0.0.1:34115", "--db", flagPath, "-loglevel", "info"}, nil, flagPath},
		{"last wins", []string{"--db", envPath, "-db=" + flagPath}, nil, flagPath},
		{"after -- ignored", []string{"--", "--db", flagPath}, nil, filepath.Join(base, "cfg", "ChiBo", "chibo.db")},
		{"similar name ignored", []string{"--dbx", flagPath}, nil, filepath.Join(base, "cfg", "ChiBo", "chibo.db")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Resolve(c.args, env(c.env), cfg(filepath.Join(base, "cfg")))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestResolveRelativeIsAbsolute(t *testing.T) {
	got, err := Resolve([]string{"--db", "x/chibo.db"}, env(nil), cfg("/unused"))
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(got) || filepath.Base(got) != "chibo.db" {
		t.Fatalf("got %q, want an absolute path ending in chibo.db", got)
	}
}

func TestResolveErrors(t *testing.T) {
	for _, args := range [][]string{{"--db"}, {"--db="}, {"-db", ""}} {
		if _, err := Resolve(args, env(nil), cfg("/c")); err == nil {
			t.Errorf("Resolve(%q): want an error", args)
		}
	}
	noCfg := func() (string, error) { return "", errors.New("no HOME") }
	if _, err := Resolve(nil, env(nil), noCfg); err == nil {
		t.Error("want an error without a config folder")
	}
	// An explicit path works without a config folder.
	if _, err := Resolve(nil, env(map[string]string{EnvDB: "/tmp/a.db"}), noCfg); err != nil {
		t.Errorf("env path without config folder: %v", err)
	}
}

func TestDefaultUsesUserConfigDir(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/xdg") // Linux; other systems ignore it
	got, err := Default()
	if err != nil {
		t.Skip("no user config folder here:", err)
	}
	if filepath.Base(got) != FileName || filepath.Base(filepath.Dir(got)) != DirName {
		t.Fatalf("got %q", got)
	}
}
