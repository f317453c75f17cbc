package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/pipeline/standard"
	"github.com/tocsin-project/tocsin/reader"
)

// newFlags returns a flag set whose usage line shows synopsis.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: tocsin %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; -h is not an error, other problems are usage errors.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageError{err.Error()}
	}
	return false, nil
}

// dbFlag adds the --db flag shared by every command that touches the store.
func dbFlag(fs *flag.FlagSet, e *env) *string {
	return fs.String("db", defaultDB(e), "SQLite database `path`, or a postgres:// URL for the PostgreSQL store (env TOCSIN_DB)")
}

// defaultDB is $TOCSIN_DB, else tocsin.db under the user's data directory:
// $XDG_DATA_HOME/tocsin, ~/.local/share/tocsin, or the platform's equivalent.
func defaultDB(e *env) string {
	if p := e.getenv("TOCSIN_DB"); p != "" {
		return p
	}
	if d := e.getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "tocsin", "tocsin.db")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "tocsin.db"
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "tocsin", "tocsin.db")
	case "windows":
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "tocsin", "tocsin.db")
		}
	}
	return filepath.Join(home, ".local", "share", "tocsin", "tocsin.db")
}

// dictOpts holds the --dict and --dict-only flags: PETRARCH-format dictionaries a user
// adds to, or puts in place of, the embedded knowledge.
type dictOpts struct {
	files []string
	only  *bool
}

func dictFlags(fs *flag.FlagSet) *dictOpts {
	o := &dictOpts{}
	fs.Func("dict", "PETRARCH-format dictionary `FILE` to add (repeatable); the kind (verbs, actors, agents, discards) is read from the content, or forced as KIND:FILE", func(v string) error {
		o.files = append(o.files, v)
		return nil
	})
	o.only = fs.Bool("dict-only", false, "use only the --dict files, not the embedded dictionaries")
	return o
}

// newPipeline returns the pipeline with every annotator tocsin has, in order, with the
// --dict and --dict-only flags' dictionaries (see package pipeline/standard).
func newPipeline(dicts *dictOpts) (*pipeline.Pipeline, error) {
	var opts standard.Options
	if dicts != nil {
		opts.Dicts = dicts.files
		opts.DictOnly = dicts.only != nil && *dicts.only
	}
	return standard.New(opts)
}

// parseDate checks a --date value.
func parseDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", usageError{fmt.Sprintf("--date %q: want YYYY-MM-DD", s)}
	}
	return s, nil
}

// readerOpts holds the flags that control reading inputs.
type readerOpts struct {
	fetchLinks, allowPrivate *bool
	timeout                  *time.Duration
}

func readerFlags(fs *flag.FlagSet) readerOpts {
	return readerOpts{
		fetchLinks:   fs.Bool("fetch-links", false, "for feeds, fetch each item's linked page over the network"),
		allowPrivate: fs.Bool("allow-private", false, "allow fetching from loopback and private network addresses"),
		timeout:      fs.Duration("timeout", 20*time.Second, "time limit for each network request"),
	}
}

func (r readerOpts) options() reader.Options {
	return reader.Options{FetchLinks: *r.fetchLinks, AllowPrivate: *r.allowPrivate, Timeout: *r.timeout, UserAgent: "tocsin/0.1 (+https://github.com/tocsin-project/tocsin)"}
}

// defaultBatch is how many articles ingest and bench analyse together, stage by stage
// (pipeline.RunBatch): enough for each model to stay in the processor's caches across
// articles, few enough that a batch's documents take little memory.
const defaultBatch = 32

// languageFlag adds --language: the language of articles whose input declares none.
func languageFlag(fs *flag.FlagSet) *string {
	return fs.String("language", "", "ISO 639 `code` (en, fr, ...) of the articles whose input declares none; it replaces detection (a language declared in JSON Lines, a feed or a page still wins)")
}

// parseLanguage checks a --language value: an ISO 639-1 or 639-3 code, with an optional
// region ("en-GB" is en).
func parseLanguage(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	code := strings.ToLower(s)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	if len(code) < 2 || len(code) > 3 || strings.Trim(code, "abcdefghijklmnopqrstuvwxyz") != "" {
		return "", usageError{fmt.Sprintf("--language %q: want an ISO 639 code such as en or fr", s)}
	}
	if b, err := language.ParseBase(code); err == nil {
		return b.String(), nil // "eng" is "en", the code stages know
	}
	return code, nil
}

// withLanguage gives the articles that emit receives the language code when their input
// declares none.
func withLanguage(code string, emit func(*article.Article, error) error) func(*article.Article, error) error {
	if code == "" {
		return emit
	}
	return func(a *article.Article, err error) error {
		if a != nil && a.Language == "" {
			a.Language = code
		}
		return emit(a, err)
	}
}

// waiting appends to batch, which holds a first item already, what ch has ready, up to
// limit items in all, without waiting for more: a slow source (a feed being fetched, a
// pipe typed into) is not held back to fill a batch.
func waiting[T any](batch []T, ch <-chan T, limit int) []T {
	for len(batch) < limit {
		select {
		case it, ok := <-ch:
			if !ok {
				return batch
			}
			batch = append(batch, it)
		default:
			return batch
		}
	}
	return batch
}
