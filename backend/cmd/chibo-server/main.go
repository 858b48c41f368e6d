// Command chibo-server is Chi Bộ's central server and its administration tool.
//
//	chibo-server seed-demo --db FILE   load the Kim Sơn 2018 example into a database
//	chibo-server stats --db FILE       print the registry's counts as one JSON object
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"chibo/backend/demo"
	"chibo/backend/store"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "chibo-server:", err)
		os.Exit(1)
	}
}

const usage = `usage: chibo-server COMMAND [flags]

commands:
  seed-demo --db FILE   load the Kim Sơn 2018 example (deterministic) into FILE
  stats --db FILE       print the registry's counts as one JSON object`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return errors.New("no command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "seed-demo":
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

// withStore parses --db and runs fn on the opened database.
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
