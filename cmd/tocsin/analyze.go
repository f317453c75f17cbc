package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/reader"
)

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "analyze", "[--json] [--date YYYY-MM-DD] FILE|DIR|URL|- ...")
	asJSON := fs.Bool("json", false, "print each document as one line of JSON (the contract in the README)")
	date := fs.String("date", "", "publication `date` (YYYY-MM-DD) for articles that have none, in their text or their file name")
	tokens := fs.Bool("tokens", false, "include the token layer in JSON output")
	language := languageFlag(fs)
	ro := readerFlags(fs)
	dicts := dictFlags(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no input: give files, directories, URLs, or - for standard input"}
	}
	pubDate, err := parseDate(*date)
	if err != nil {
		return err
	}
	lang, err := parseLanguage(*language)
	if err != nil {
		return err
	}
	p, err := newPipeline(dicts)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	rejected := 0
	emit := func(a *article.Article, d *doc.Document, dateSource string, err error) error {
		if err != nil {
			var ie *article.InputError
			if a == nil || errors.As(err, &ie) {
				rejected++
				fmt.Fprintf(e.stderr, "rejected %v\n", err)
				return nil
			}
			return err
		}
		if dateSource != "" {
			d.DateSource = dateSource
		}
		if !*tokens {
			d.Tokens = nil
		}
		if *asJSON {
			return enc.Encode(d)
		}
		printDocument(e.stdout, d)
		return nil
	}
	if err := analyzeBatches(ctx, p, fs.Args(), func(ctx context.Context, src string, emit func(*article.Article, error) error) error {
		return reader.Read(ctx, src, ro.options(), withLanguage(lang, emit))
	}, pubDate, emit); err != nil {
		return err
	}
	if rejected > 0 {
		return inputError{rejected}
	}
	return nil
}

// readItem is an article read, or the error of one that could not be.
type readItem struct {
	a   *article.Article
	err error
}

// analyzeBatches reads the articles of srcs with read and analyses them in batches,
// stage by stage (pipeline.RunBatch, which gives each article the document it would get
// alone, and keeps each model in the processor's caches across the batch), calling emit
// in input order with each article and its document or error; an article that could not
// be read comes with a nil article; read reads one source, calling its emit with each
// article. A batch is what the reader has waiting, up to
// defaultBatch articles, so that a slow source such as a pipe on standard input is
// answered article by article. An error from emit, or a source that fails, stops the
// reading; the error is returned.
func analyzeBatches(ctx context.Context, p *pipeline.Pipeline, srcs []string, read func(ctx context.Context, src string, emit func(*article.Article, error) error) error,
	pubDate string, emit func(a *article.Article, d *doc.Document, dateSource string, err error) error) error {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan readItem, defaultBatch)
	readErr := make(chan error, 1)
	go func() {
		defer close(items)
		for _, src := range srcs {
			err := read(rctx, src, func(a *article.Article, err error) error {
				select {
				case items <- readItem{a, err}:
					return nil
				case <-rctx.Done():
					return rctx.Err()
				}
			})
			if err != nil {
				readErr <- fmt.Errorf("%s: %w", src, err)
				return
			}
		}
		readErr <- nil
	}()
	batch := make([]readItem, 0, defaultBatch)
	arts := make([]*article.Article, 0, defaultBatch)
	dateSources := make([]string, 0, defaultBatch)
	for it := range items {
		batch = waiting(append(batch[:0], it), items, defaultBatch)
		arts, dateSources = arts[:0], dateSources[:0]
		for _, it := range batch {
			if it.err == nil {
				dateSources = append(dateSources, fillDate(it.a, pubDate))
				arts = append(arts, it.a)
			}
		}
		docs, errs := p.AnalyzeBatch(ctx, arts)
		k := 0
		for _, it := range batch {
			if it.err != nil {
				if err := emit(nil, nil, "", it.err); err != nil {
					return err
				}
				continue
			}
			if err := emit(it.a, docs[k], dateSources[k], errs[k]); err != nil {
				return err
			}
			k++
		}
	}
	return <-readErr
}

// printDocument writes the human-readable form of d.
func printDocument(w io.Writer, d *doc.Document) {
	fmt.Fprintf(w, "== %s\n", d.Title)
	pub := d.Published
	if pub == "" {
		pub = "unknown"
	} else if d.DateSource == "user" {
		pub += " (given with --date)"
	} else if d.DateSource == "filename" {
		pub += " (from the file name)"
	}
	fmt.Fprintf(w, "id %s  published %s  language %s", d.ID, pub, orNone(d.Language))
	if d.Source != "" {
		fmt.Fprintf(w, "  source %s", d.Source)
	}
	fmt.Fprintln(w)
	if d.Origin != "" {
		fmt.Fprintf(w, "from %s\n", d.Origin)
	}
	if d.URL != "" {
		fmt.Fprintf(w, "url %s\n", d.URL)
	}
	if len(d.Hashtags) > 0 {
		fmt.Fprintf(w, "hashtags #%s\n", strings.Join(d.Hashtags, " #"))
	}
	fmt.Fprintf(w, "\n%s, %s:\n", count(len(d.Paragraphs), "paragraph"), count(len(d.Sentences), "sentence"))
	para := -1
	for i, s := range d.Sentences {
		if s.Paragraph != para && para >= 0 {
			fmt.Fprintln(w)
		}
		para = s.Paragraph
		fmt.Fprintf(w, "%4d  %s\n", i+1, s.Text)
	}
	layer := func(name string, n int, line func(i int) string) {
		if n == 0 {
			fmt.Fprintf(w, "\n%s: none\n", name)
			return
		}
		fmt.Fprintf(w, "\n%s (%d):\n", name, n)
		for i := range n {
			fmt.Fprintf(w, "  %s\n", line(i))
		}
	}
	layer("entities", len(d.Entities), func(i int) string {
		x := d.Entities[i]
		return fmt.Sprintf("%-8s %q → %s %s %s", x.Type, x.Text, x.Canonical, x.Actor, x.Role)
	})
	layer("places", len(d.Places), func(i int) string {
		x := d.Places[i]
		where := x.Country
		if x.Admin1Name != "" {
			where = x.Admin1Name + ", " + where
		}
		if where == "" {
			where = "region"
		}
		return fmt.Sprintf("%q → %s (%.2f, %.2f)", x.Name, where, x.Lat, x.Lon)
	})
	layer("quotes", len(d.Quotes), func(i int) string {
		x := d.Quotes[i]
		who := orNone(x.Speaker.Text)
		if x.Speaker.Canonical != "" && x.Speaker.Canonical != x.Speaker.Text {
			who += " (" + x.Speaker.Canonical + ")"
		}
		if x.Speaker.Actor != "" {
			who += " " + x.Speaker.Actor
		}
		kind := "indirect"
		if x.Direct {
			kind = "direct"
		}
		return fmt.Sprintf("%s [%s, %s]: %q", who, x.Cue, kind, x.Text)
	})
	layer("casualties", len(d.Casualties), func(i int) string {
		x := d.Casualties[i]
		s := fmt.Sprintf("%s %s %d", x.Kind, x.Qualifier, x.Value)
		if x.Vague {
			s += " (vague)"
		}
		for _, part := range []struct{ label, v string }{{"", x.Victims}, {"in ", x.Place}, {"on ", x.Date}} {
			if part.v != "" {
				s += " " + part.label + part.v
			}
		}
		return fmt.Sprintf("%s  %q", s, x.Text)
	})
	layer("dates", len(d.Dates), func(i int) string {
		x := d.Dates[i]
		return fmt.Sprintf("%q → %s", x.Text, orNone(x.Value))
	})
	layer("events", len(d.Events), func(i int) string {
		x := d.Events[i]
		s := fmt.Sprintf("%s → %s  %s %s", orNone(x.Source), orNone(x.Target), x.Code, x.Plover.Type)
		if x.Modality != "" && x.Modality != "asserted" {
			s += " (" + x.Modality + ")"
		}
		if x.Place != nil {
			s += "  in " + x.Place.String()
			if x.PlaceSource != "clause" {
				s += " (" + x.PlaceSource + ")"
			}
		}
		if x.Date != "" {
			s += "  on " + x.Date
			switch x.DateSource {
			case "publication":
				s += " (publication date)"
			case "mention":
				s += " (from another mention)"
			}
		}
		if x.Sentence >= 0 && x.Sentence < len(d.Sentences) {
			s += fmt.Sprintf("\n      sentence %d: %s", x.Sentence+1, d.Sentences[x.Sentence].Text)
		}
		return s
	})
	layer("incidents", len(d.Incidents), func(i int) string {
		x := d.Incidents[i]
		s := orNone(x.Cause)
		if x.Kind != "" {
			s += " (" + x.Kind + ")"
		}
		var counts []string
		for _, ci := range x.Casualties {
			counts = append(counts, d.Casualties[ci].Brief())
		}
		s += ": " + strings.Join(counts, ", ")
		if x.Place != "" {
			s += "  in " + x.Place
		}
		if x.Date != "" {
			s += "  on " + x.Date
		}
		if len(x.Events) > 0 {
			s += fmt.Sprintf("  (%d event(s) above)", len(x.Events))
		}
		return s
	})
	for _, s := range d.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", s.Stage, s.Reason)
	}
	fmt.Fprintln(w)
}

// count writes n and the noun, singular for one: "1 paragraph", "3 sentences".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
