package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"time"

	"chibo/backend/seed"
	"chibo/backend/server"
	"chibo/backend/serverstore"
)

// database is where a server command finds its database: --db (a PostgreSQL URL), else
// --data (the folder of the SQLite file). CHIBO_SERVER_DB and CHIBO_SERVER_DATA give the
// defaults; a flag on the command line beats either variable.
type database struct {
	fs       *flag.FlagSet
	data, db *string
}

// dataFlag adds --data and --db to fs with their defaults.
func dataFlag(fs *flag.FlagSet) database {
	def := os.Getenv("CHIBO_SERVER_DATA")
	if def == "" {
		def = "chibo-server-data"
	}
	return database{
		fs:   fs,
		data: fs.String("data", def, "server data folder (the SQLite file)"),
		db:   fs.String("db", os.Getenv("CHIBO_SERVER_DB"), "PostgreSQL database URL (postgres://user:password@host/db); several servers may share it"),
	}
}

// url is the PostgreSQL database to use, "" for the SQLite file: an explicit --data is not
// overridden by a URL that only the environment gives.
func (d database) url() string {
	var data, db bool
	d.fs.Visit(func(f *flag.Flag) {
		data = data || f.Name == "data"
		db = db || f.Name == "db"
	})
	if data && !db {
		return ""
	}
	return *d.db
}

func (d database) open() (*serverstore.Store, error) {
	if url := d.url(); url != "" {
		if !serverstore.IsURL(url) {
			return nil, fmt.Errorf("--db %q: not a PostgreSQL URL (postgres://…); a SQLite file lives in --data DIR", url)
		}
		return serverstore.OpenPostgres(url)
	}
	return serverstore.Open(*d.data)
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8443", "listen address")
	data := dataFlag(fs)
	cert := fs.String("tls-cert", "", "TLS certificate (PEM); serve HTTPS")
	key := fs.String("tls-key", "", "TLS private key (PEM)")
	seedDemo := fs.Bool("seed-demo", false, "load the Kim Sơn demo and its accounts before serving")
	preset := fs.String("preset", "kimson2018", "the example --seed-demo loads: kimson2018 (the district of the article) or ninhbinh2025 (the province and its communes since the 2025 reorganization)")
	days := fs.Int("tombstone-days", 90, "forget deleted records' content after this many days; devices offline longer resync")
	jsonLogs := fs.Bool("log-json", false, "log JSON lines instead of text")
	pprofAddr := fs.String("pprof-addr", "", "serve Go's profiling endpoints (/debug/pprof/) on this loopback address, for diagnosing load")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*cert == "") != (*key == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	var h slog.Handler = slog.NewTextHandler(stderr, nil)
	if *jsonLogs {
		h = slog.NewJSONHandler(stderr, nil)
	}
	log := slog.New(h)
	st, err := data.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if *seedDemo {
		accts, err := seedPreset(ctx, st, *preset)
		if err != nil {
			return err
		}
		printAccounts(stdout, accts)
	}
	if *pprofAddr != "" {
		if err := servePprof(*pprofAddr, log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	scheme := "http"
	if *cert != "" {
		scheme = "https"
	}
	srv := &http.Server{Handler: server.New(st, log), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 1 << 20,
		ErrorLog: slog.NewLogLogger(h, slog.LevelWarn)}
	fmt.Fprintf(stdout, "chibo-server listening on %s://%s (data %s)\n", scheme, ln.Addr(), st.Path())
	log.Info("listening", "addr", ln.Addr().String(), "tls", *cert != "", "data", st.Path())

	errc := make(chan error, 1)
	go func() {
		if *cert != "" {
			errc <- srv.ServeTLS(ln, *cert, *key)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	go purgeLoop(ctx, st, time.Duration(*days)*24*time.Hour, log)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Finish the requests in flight (a push commits or rolls back as a whole), then stop.
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// purgeLoop forgets old tombstones' content once at start and then every six hours.
func purgeLoop(ctx context.Context, st *serverstore.Store, age time.Duration, log *slog.Logger) {
	t := time.NewTicker(6 * time.Hour)
	defer t.Stop()
	for {
		before := time.Now().Add(-age).UTC().Format(time.RFC3339Nano)
		if n, err := st.PurgeTombstones(ctx, before); err != nil {
			log.Error("purge tombstones", "err", err)
		} else if n > 0 {
			log.Info("purged tombstones", "count", n, "before", before)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func demoAccounts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo-accounts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := dataFlag(fs)
	preset := fs.String("preset", "kimson2018", "kimson2018 or ninhbinh2025")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := data.open()
	if err != nil {
		return err
	}
	defer st.Close()
	accts, err := seedPreset(ctx, st, *preset)
	if err != nil {
		return err
	}
	counts, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "loaded the %s example into %s: %d units, %d communes, %d officials\n", *preset, st.Path(), counts["unit"], counts["commune"], counts["official"])
	printAccounts(stdout, accts)
	return nil
}

// seedPreset loads one of the shipped examples with its accounts.
func seedPreset(ctx context.Context, st *serverstore.Store, preset string) ([]seed.Account, error) {
	switch preset {
	case "kimson2018", "":
		return seed.Demo(ctx, st)
	case "ninhbinh2025":
		return seed.NinhBinh2025(ctx, st)
	}
	return nil, fmt.Errorf("unknown preset %q (kimson2018 or ninhbinh2025)", preset)
}

func printAccounts(w io.Writer, accts []seed.Account) {
	fmt.Fprintf(w, "demo accounts (password for all: %s)\n", seed.DemoPassword)
	fmt.Fprintf(w, "  %-16s %-20s %s\n", "USERNAME", "ROLE", "SCOPE")
	for _, a := range accts {
		scope := "cấp ủy cấp trên (toàn bộ)"
		if a.Area != "" {
			scope = a.Area
		} else if a.Commune != "" {
			scope = a.Commune
		}
		fmt.Fprintf(w, "  %-16s %-20s %s\n", a.Username, a.Role, scope)
	}
}

// servePprof serves net/http/pprof's handlers on addr, which must be a loopback address:
// profiles show internals no one outside the machine should see.
func servePprof(addr string, log *slog.Logger) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--pprof-addr: %w", err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--pprof-addr %s: only a loopback address (127.0.0.1:PORT)", addr)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	log.Info("profiling endpoints", "addr", ln.Addr().String())
	go http.Serve(ln, mux)
	return nil
}
