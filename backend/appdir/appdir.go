// Package appdir decides where Chi Bộ keeps its local database.
//
// The order is: the --db flag, then the CHIBO_DB environment variable, then
// os.UserConfigDir()/ChiBo/chibo.db ($XDG_CONFIG_HOME or ~/.config on Linux, %APPDATA% on
// Windows, ~/Library/Application Support on macOS).
package appdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EnvDB is the environment variable that names the database file.
const EnvDB = "CHIBO_DB"

// DirName and FileName make up the default location under the user's config folder.
const (
	DirName  = "ChiBo"
	FileName = "chibo.db"
)

// DBPath resolves the database path for the running process from os.Args, the environment
// and the user's config folder.
func DBPath() (string, error) {
	return Resolve(os.Args[1:], os.Getenv, os.UserConfigDir)
}

// Default returns the default database path, os.UserConfigDir()/ChiBo/chibo.db.
func Default() (string, error) {
	return defaultPath(os.UserConfigDir)
}

// Resolve returns the database path: the --db flag in args, else getenv(CHIBO_DB), else
// configDir()/ChiBo/chibo.db. The result is absolute and cleaned.
func Resolve(args []string, getenv func(string) string, configDir func() (string, error)) (string, error) {
	p, found, err := FlagValue(args, "db")
	if err != nil {
		return "", err
	}
	if !found {
		p = getenv(EnvDB)
	}
	if p == "" {
		return defaultPath(configDir)
	}
	return filepath.Abs(p)
}

func defaultPath(configDir func() (string, error)) (string, error) {
	dir, err := configDir()
	if err != nil {
		return "", fmt.Errorf("no user config folder (set --db or %s): %w", EnvDB, err)
	}
	return filepath.Join(dir, DirName, FileName), nil
}

// FlagValue finds the flag name in args tolerantly: every other argument, including flags
// this program does not know (Wails' -assetdir, -devserver …), is skipped. It accepts
// -name VALUE, --name VALUE, -name=VALUE and --name=VALUE, stops at "--", and the last
// occurrence wins. found is false when the flag is absent; an empty or missing value is
// an error.
func FlagValue(args []string, name string) (value string, found bool, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		body := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		key, val, hasEq := strings.Cut(body, "=")
		if key != name {
			continue
		}
		if !hasEq {
			if i+1 >= len(args) {
				return "", false, fmt.Errorf("flag -%s needs a value", name)
			}
			i++
			val = args[i]
		}
		if val == "" {
			return "", false, errors.New("flag -" + name + " has an empty value")
		}
		value, found = val, true
	}
	return value, found, nil
}
