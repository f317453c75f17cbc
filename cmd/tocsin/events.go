package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/export"
	"github.com/tocsin-project/tocsin/internal/storeopen"
	"github.com/tocsin-project/tocsin/store"
)

// filterFlags registers the event filters (store.FilterNames) as flags and collects
// their values by name; root and code may repeat.
func filterFlags(fs *flag.FlagSet) url.Values {
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
	return filterValues(fs, store.FilterNames, usage)
}

// filterValues registers a repeatable flag for each filter name, collecting their values
// for the store's filter parser.
func filterValues(fs *flag.FlagSet, names []string, usage map[string]string) url.Values {
	v := url.Values{}
	for _, name := range names {
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
	return f, filterError(err)
}

// filterError turns a bad filter value, or a filter the store rejects (a full-text query
// it cannot run), into a usage error naming the flag.
func filterError(err error) error {
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		return usageError{fmt.Sprintf("--%s %q: %s", fe.Name, fe.Value, fe.Reason)}
	}
	return err
}

// openStore opens the store db names (a SQLite path or a PostgreSQL URL, see
// storeopen) for reading; a --db with no store is an error, not a new, empty store.
func openStore(ctx context.Context, db string) (storeopen.Store, error) {
	st, err := storeopen.OpenExisting(ctx, db)
	if errors.Is(err, storeopen.ErrNoStore) {
		return nil, fmt.Errorf("--db %s: there is no store there; ingest articles into it first (nothing was created)", storeopen.Redact(db))
	}
	return st, err
}

// maxEventsLimit bounds --limit of tocsin events; tocsin export writes any number.
const maxEventsLimit = 10000

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "events", "[--db PATH] [filters] [--format table|json|csv] [--limit N --offset N]")
	db := dbFlag(fs, e)
	filters := filterFlags(fs)
	list := addListFlags(fs, "events", "output `format`: table, json (JSON Lines) or csv", maxEventsLimit)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: filters are flags, e.g. --source IRN", fs.Arg(0))}
	}
	if err := list.check(" (tocsin export writes every event)"); err != nil {
		return err
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
	rows, total, err := st.Events(ctx, f, store.Page{Limit: list.limit, Offset: list.offset})
	if err != nil {
		return filterError(err)
	}
	switch list.format {
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
	list.tell(e.stderr, len(rows), total)
	return nil
}

// listFlags are the flags of a command that lists a page of rows: --format (and --json),
// --limit and --offset.
type listFlags struct {
	what          string // the rows, for messages ("events")
	format        string
	asJSON        bool
	limit, offset int
	max           int
}

// addListFlags registers the list flags on fs; max bounds --limit.
func addListFlags(fs *flag.FlagSet, what, formatUsage string, max int) *listFlags {
	l := &listFlags{what: what, max: max}
	fs.StringVar(&l.format, "format", "table", formatUsage)
	fs.BoolVar(&l.asJSON, "json", false, "same as --format json")
	fs.IntVar(&l.limit, "limit", 50, fmt.Sprintf("%s to show, 1 to %d", what, max))
	fs.IntVar(&l.offset, "offset", 0, what+" to skip")
	return l
}

// check validates the parsed list flags, --json setting the format; limitNote ends the
// message of a --limit out of range.
func (l *listFlags) check(limitNote string) error {
	if l.asJSON {
		l.format = "json"
	}
	switch l.format {
	case "table", "json", "csv":
	default:
		return usageError{fmt.Sprintf("--format %q: want table, json or csv", l.format)}
	}
	if l.limit < 1 || l.limit > l.max {
		return usageError{fmt.Sprintf("--limit %d: want 1 to %d%s", l.limit, l.max, limitNote)}
	}
	if l.offset < 0 {
		return usageError{fmt.Sprintf("--offset %d: want 0 or more", l.offset)}
	}
	return nil
}

// tell writes which rows of how many were listed ("events 1-50 of 300").
func (l *listFlags) tell(w io.Writer, n, total int) {
	first := l.offset + 1
	if n == 0 {
		first = l.offset
	}
	fmt.Fprintf(w, "%s %d-%d of %d\n", l.what, first, l.offset+n, total)
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
