// Command chibo-server is Chi Bộ's central server and its administration tool.
//
//	chibo-server serve [--addr 127.0.0.1:8443] [--data DIR | --db postgres://…] [--tls-cert F --tls-key F] [--seed-demo]
//	chibo-server demo-accounts [--data DIR]         load the demo and print its accounts
//	chibo-server user add|list|disable|enable|passwd [--data DIR] …
//	chibo-server device list|revoke [--data DIR] …
//	chibo-server backup --data DIR --to FILE         online copy of the SQLite database
//	chibo-server new-epoch [--data DIR | --db …]      make every desktop resync (after a restore)
//	chibo-server seed-demo --db FILE                load the Kim Sơn 2018 example into a desktop database
//	chibo-server seed-demo --data DIR               … or into the server's database, with demo accounts
//	chibo-server stats --db FILE                    print the registry's counts as one JSON object
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"chibo/backend/demo"
	"chibo/backend/serverstore"
	"chibo/backend/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "chibo-server:", err)
		os.Exit(1)
	}
}

const usage = `usage: chibo-server COMMAND [flags]

commands:
  serve [--addr 127.0.0.1:8443] [--data DIR] [--tls-cert FILE --tls-key FILE] [--seed-demo [--preset ninhbinh2025]]
                              run the sync server (HTTPS when a certificate is given)
  demo-accounts [--data DIR] [--preset kimson2018|ninhbinh2025]  load an example and print one account per role
  user add --username U --role ROLE [--committee UNIT] [--area NAME|ID] [--commune NAME|ID] [--name TEXT] [--password P]
  user assign U --role ROLE [--committee UNIT] [--area …] [--commune …]   (its desktops resync)
  user grant U --role ROLE [--committee UNIT] [--area …] [--commune …]    one more role at another level; --clear removes them
  user list | user disable U | user enable U | user passwd U [--password P]
  device list [--user U] | device revoke DEVICE-ID
  backup --data DIR --to FILE copy the SQLite database while the server runs (a new file)
  new-epoch                   after restoring PostgreSQL or promoting a standby: every desktop
                              pushes what it holds unsent and resyncs (a backup copy has its own)
  seed-demo --db FILE         load the Kim Sơn 2018 example (deterministic) into a desktop database
  seed-demo --data DIR        load it into the server's database, with the demo accounts
  stats --db FILE             print the registry's counts as one JSON object

Every server command takes --data DIR (default: $CHIBO_SERVER_DATA, else ./chibo-server-data),
or --db postgres://user:password@host/db (default: $CHIBO_SERVER_DB) to run on PostgreSQL:
several chibo-server processes may serve one PostgreSQL database.
Roles: standing_board, org_board, standing_committee (needs --area), district_committee,
district_cadre, commune_office (need --commune). A role held in a commune's own committee
(Đảng ủy xã) takes --committee UNIT instead: its scope is that commune.`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return errors.New("no command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, stdout, stderr)
	case "demo-accounts":
		return demoAccounts(ctx, rest, stdout, stderr)
	case "user":
		return userCmd(ctx, rest, stdout, stderr)
	case "device":
		return deviceCmd(ctx, rest, stdout, stderr)
	case "backup":
		return backupCmd(ctx, rest, stdout, stderr)
	case "new-epoch":
		return newEpochCmd(ctx, rest, stdout, stderr)
	case "seed-demo":
		if hasFlag(rest, "data") || dbURL(rest) {
			return demoAccounts(ctx, rest, stdout, stderr)
		}
		return withStore(rest, stderr, func(st *store.Store) error {
			if err := st.ImportSnapshot(ctx, demo.KimSon2018()); err != nil {
				return err
			}
			s, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "loaded the Kim Sơn 2018 example into %s: %d units, %d members\n", st.Path(), s.Units, s.Members)
			return nil
		})
	case "stats":
		return withStore(rest, stderr, func(st *store.Store) error {
			s, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			return json.NewEncoder(stdout).Encode(s)
		})
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	fmt.Fprintln(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

func backupCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := dataFlag(fs)
	to := fs.String("to", "", "the copy: a new file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if data.url() != "" {
		return errors.New("backup copies the SQLite file; back up PostgreSQL with pg_dump or a standby (docs/deployment.md)")
	}
	if *to == "" {
		return errors.New("--to FILE is required")
	}
	if err := serverstore.Backup(ctx, *data.data, *to); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", *data.data, *to)
	return nil
}

// newEpochCmd starts a new epoch of the server's sequence. A restored database or a
// promoted standby may have lost the last commits; the sequence numbers it hands out next
// were already seen by some desktops, which would skip the records they now mean.
func newEpochCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new-epoch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := dataFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := data.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.NewEpoch(ctx); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "new epoch: every desktop resyncs at its next sync")
	return nil
}

// dbURL reports whether args give --db a PostgreSQL URL (the server's database, not a
// desktop file).
func dbURL(args []string) bool {
	for i, a := range args {
		for _, p := range []string{"-db", "--db"} {
			if a == p && i+1 < len(args) && serverstore.IsURL(args[i+1]) || strings.HasPrefix(a, p+"=") && serverstore.IsURL(a[len(p)+1:]) {
				return true
			}
		}
	}
	return false
}

// hasFlag reports whether args set --name or -name.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		for _, p := range []string{"-" + name, "--" + name} {
			if a == p || len(a) > len(p) && a[:len(p)+1] == p+"=" {
				return true
			}
		}
	}
	return false
}

// withStore parses --db and runs fn on the opened desktop database.
func withStore(args []string, stderr io.Writer, fn func(*store.Store) error) error {
	fs := flag.NewFlagSet("chibo-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" {
		return errors.New("--db FILE is required")
	}
	st, err := store.Open(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}
