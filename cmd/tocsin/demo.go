package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/reader"
	"github.com/tocsin-project/tocsin/samples"
)

// runDemo is the README's first command: it needs no set-up and no input.
func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--db PATH] [--addr HOST:PORT] [--no-serve]")
	db := dbFlag(fs, e)
	so := serveFlags(fs)
	noServe := fs.Bool("no-serve", false, "ingest the samples and exit without serving")
	dicts := dictFlags(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	st, err := storeopen.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(dicts)
	if err != nil {
		return err
	}
	ing := &ingester{st: st, p: p, workers: runtime.GOMAXPROCS(0), batch: defaultBatch}
	ing.sources = append(ing.sources, func(emit func(*article.Article, error) error) error {
		return reader.ParseJSONL(ctx, samples.Name, bytes.NewReader(samples.JSONL()), emit)
	})
	fmt.Fprintf(e.stdout, "ingesting the bundled sample articles (illustrative, written by the tocsin team)\n")
	sum, err := ing.run(ctx, e.stderr)
	sum.print(e.stdout, *db)
	if err != nil {
		return err
	}
	if *noServe {
		return nil
	}
	return serve(ctx, e, st, p, so, *db)
}
