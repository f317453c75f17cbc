package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/export"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

// filterFlags registers the event filters (store.FilterNames) as flags and collects
// their values by name; root and code may repeat.
func filterFlags(fs *flag.FlagSet) url.Values {
	v := url.Values{}
	usage := map[string]string{
		"source":   "source actor `CODE` or its prefix (IRN matches IRNMIL)",
		"target":   "target actor `CODE` or its prefix",
		"dyad":     "actor pair `A-B`, either direction (IRN-USA)",
		"root":     "CAMEO root `NN` (repeatable)",
		"code":     "CAMEO event `CODE` (repeatable)",
		"quad":     "quad class `N` (1 verbal cooperation … 4 material conflict)",
		"country":  "ISO 3166 alpha-3 `CODE` of the event's place",
		"since":    "first event `date`, YYYY-MM-DD (inclusive)",
		"until":    "last event `date`, YYYY-MM-DD (inclusive)",
		"modality": "`M`: asserted, negated, hypothetical or future",
		"article":  "article `ID`",
		"q":        "full-text `query` over the event's sentence",
	}
	for _, name := range store.FilterNames {
		fs.Func(name, usage[name], func(s string) error {
			v.Add(name, s)
			return nil
		})
	}
	return v
}

// parseFilter turns the collected filter flags into a store.EventFilter; a bad value
// is a usage error naming the flag.
func parseFilter(v url.Values) (store.EventFilter, error) {
	f, err := store.ParseEventFilter(v)
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		return f, usageError{fmt.Sprintf("--%s %q: %s", fe.Name, fe.Value, fe.Reason)}
	}
	return f, err
}

// filterError turns a filter the store rejects (a full-text query it cannot run) into
// a usage error.
func filterError(err error) error {
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		return usageError{fmt.Sprintf("--%s %q: %s", fe.Name, fe.Value, fe.Reason)}
	}
	return err
}

// openStore opens the store at db for reading; a path with no store is an error, not a
// new, empty store.
func openStore(ctx context.Context, db string) (*sqlite.Store, error) {
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("--db %s: there is no store there; ingest articles into it first (nothing was created)", db)
	}
	return sqlite.Open(ctx, db)
}

// maxEventsLimit bounds --limit of tocsin events; tocsin export writes any number.
const maxEventsLimit = 10000

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "events", "[--db PATH] [filters] [--format table|json|csv] [--limit N --offset N]")
	db := dbFlag(fs, e)
	filters := filterFlags(fs)
	format := fs.String("format", "table", "output `format`: table, json (JSON Lines) or csv")
	asJSON := fs.Bool("json", false, "same as --format json")
	limit := fs.Int("limit", 50, fmt.Sprintf("events to show, 1 to %d", maxEventsLimit))
	offset := fs.Int("offset", 0, "events to skip")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: filters are flags, e.g. --source IRN", fs.Arg(0))}
	}
	if *asJSON {
		*format = "json"
	}
	switch *format {
	case "table", "json", "csv":
	default:
		return usageError{fmt.Sprintf("--format %q: want table, json or csv", *format)}
	}
	if *limit < 1 || *limit > maxEventsLimit {
		return usageError{fmt.Sprintf("--limit %d: want 1 to %d (tocsin export writes every event)", *limit, maxEventsLimit)}
	}
	if *offset < 0 {
		return usageError{fmt.Sprintf("--offset %d: want 0 or more", *offset)}
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
	rows, total, err := st.Events(ctx, f, store.Page{Limit: *limit, Offset: *offset})
	if err != nil {
		return filterError(err)
	}
	switch *format {
	case "json":
		err = writeRows(e.stdout, "jsonl", rows)
	case "csv":
		err = writeRows(e.stdout, "csv", rows)
	default:
		err = eventTable(e.stdout, rows)
	}
	if err != nil {
		return err
	}
	first := *offset + 1
	if len(rows) == 0 {
		first = *offset
	}
	fmt.Fprintf(e.stderr, "events %d-%d of %d\n", first, *offset+len(rows), total)
	return nil
}

// writeRows writes rows in one of the export formats.
func writeRows(w io.Writer, format string, rows []store.EventRow) error {
	ew, err := export.New(format, w)
	if err != nil {
		return err
	}
	for i := range rows {
		if err := ew.Write(&rows[i]); err != nil {
			return err
		}
	}
	return ew.Close()
}

// eventTable prints rows as an aligned table, the sentence cut to fit a line.
func eventTable(w io.Writer, rows []store.EventRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSOURCE\tCODE\tTARGET\tPLACE\tSENTENCE")
	for _, r := range rows {
		place := ""
		if r.Place != nil {
			place = r.Place.String()
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, dash(r.Date), dash(r.Source), r.Code,
			dash(r.Target), dash(place), cut(r.SentenceText, 80))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cut shortens s to at most n runes on one line, marking a cut with an ellipsis.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
