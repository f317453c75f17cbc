package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/internal/telemetry"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/web"
)

// serveOpts holds the flags shared by serve and demo.
type serveOpts struct {
	addr, token *string
}

func serveFlags(fs *flag.FlagSet) serveOpts {
	return serveOpts{
		addr:  fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on"),
		token: fs.String("token", "", "bearer `token` required for writes (env TOCSIN_TOKEN; a random one is made and printed when unset)"),
	}
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--db PATH] [--create] [--addr HOST:PORT] [--token TOKEN]")
	db := dbFlag(fs, e)
	create := fs.Bool("create", false, "create an empty store when --db names none (otherwise serving a missing store is an error)")
	so := serveFlags(fs)
	dicts := dictFlags(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	// A mistyped --db must not silently serve a new, empty store.
	open := storeopen.OpenExisting
	if *create {
		open = storeopen.Open
	}
	st, err := open(ctx, *db)
	if errors.Is(err, storeopen.ErrNoStore) {
		return fmt.Errorf("--db %s: there is no store there; ingest articles into it first, or give --create to serve a new, empty one (nothing was created)", storeopen.Redact(*db))
	}
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(dicts)
	if err != nil {
		return err
	}
	return serve(ctx, e, st, p, so, *db)
}

// serve runs the HTTP server until ctx is cancelled, then shuts it down gracefully.
func serve(ctx context.Context, e *env, st store.Store, p *pipeline.Pipeline, so serveOpts, db string) error {
	token := *so.token
	if token == "" {
		token = e.getenv("TOCSIN_TOKEN")
	}
	generated := false
	if token == "" {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		token, generated = hex.EncodeToString(b), true
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	ln, err := net.Listen("tcp", *so.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", *so.addr, err)
	}
	// /metrics beside the web handler (which serves /healthz); POSTed articles counted.
	m := telemetry.New(p)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler(nil))
	mux.Handle("/", m.CountPosts("/api/articles", web.New(st, p, web.Options{Token: token, Logger: logger})))
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	printServing(e.stdout, ln.Addr().String(), db, token, generated)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
}

func printServing(w io.Writer, addr, db, token string, generated bool) {
	fmt.Fprintf(w, "tocsin is serving %s\n  open  http://%s/\n  API   http://%s/api/articles  (search: /api/search?q=...)\n", db, addr, addr)
	if generated {
		fmt.Fprintf(w, "  write token (made for this run; set TOCSIN_TOKEN or --token to choose one): %s\n", token)
	}
	fmt.Fprintln(w, "Press Ctrl-C to stop.")
}
