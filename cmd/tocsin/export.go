package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tocsin-project/tocsin/export"
	"github.com/tocsin-project/tocsin/store"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "--format "+strings.Join(export.Formats, "|")+" [--out FILE] [--force] [--db PATH] [filters]")
	db := dbFlag(fs, e)
	filters := filterFlags(fs)
	format := fs.String("format", "", "output `format`: "+strings.Join(export.Formats, ", "))
	out := fs.String("out", "-", "output `file`; - for standard output")
	force := fs.Bool("force", false, "overwrite --out if it exists")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: give the file as --out FILE", fs.Arg(0))}
	}
	if *format == "" {
		return usageError{"no --format: want one of " + strings.Join(export.Formats, ", ")}
	}
	if err := export.CheckFormat(*format); err != nil {
		return usageError{"--format: " + err.Error()}
	}
	f, err := parseFilter(filters)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := exportEvents(ctx, st, f, *format, *out, e, *force)
	if err != nil {
		return filterError(err)
	}
	if *out != "-" {
		fmt.Fprintf(e.stderr, "wrote %d events to %s\n", n, *out)
	}
	return nil
}

// exportEvents writes the events st holds that match f to path (- for stdout), in
// format, and reports how many it wrote. A file is written under a temporary name
// and renamed when complete; on any error or interruption it is removed.
func exportEvents(ctx context.Context, st store.EventStore, f store.EventFilter, format, path string, e *env, force bool) (int, error) {
	o, err := export.Create(path, e.stdout, force)
	if errors.Is(err, export.ErrExists) {
		return 0, usageError{"--out " + err.Error()}
	}
	if err != nil {
		return 0, err
	}
	defer o.Abort()
	w, err := export.New(format, o)
	if err != nil {
		return 0, err
	}
	n := 0
	f.NoStoryCounts = !export.WritesStoryCounts(format)
	err = st.EachEvent(ctx, f, func(r *store.EventRow) error {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n++
		return w.Write(r)
	})
	if err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return n, o.Commit()
}
