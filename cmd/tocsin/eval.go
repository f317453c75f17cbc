package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/event"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/place"
	"github.com/tocsin-project/tocsin/quote"
	"github.com/tocsin-project/tocsin/syntax"

	"github.com/tocsin-project/tocsin/eval"
)

// evaluations maps an annotator to the command that scores it.
var evaluations = map[string]struct {
	synopsis string
	run      func(ctx context.Context, e *env, paths []string) error
}{
	"sentences":  {"CONLLU_FILE... (e.g. ../shared/data/ud-ewt/en_ewt-ud-test.conllu)", evalSentences},
	"casualties": {"JSONL_FILE... (casualty/testdata/dev.jsonl, dev-individuals.jsonl: the team's development sentences; casualty/testdata/wikinews/dev.jsonl, heldout.jsonl: killed and injured totals of real Wikinews articles read from ../shared, beside the largest-count baseline); --misses lists errors", evalCasualties},
	"events":     {"JSONL_FILE|GOLD_DIR... (a directory such as ../shared/data/event-gold-dev: whole real articles coded by hand; a file such as event/testdata/dev.jsonl: the team's development sentences); --misses lists what was missed and invented", evalEvents},
	"syntax":     {"CONLLU_FILE... (e.g. ../shared/data/ud-ewt/en_ewt-ud-test.conllu)", evalSyntax},
	"ner":        {"FORMAT:FILE... (conll2003:../shared/data/conll2003/valid.txt, uner:../shared/data/uner-ewt/en_ewt-ud-test.iob2); prose v2 on the same data: go run ./ner/cmd/eval-ner -prose FORMAT:FILE...", evalNER},
	"places":     {"FILE... (place/testdata/wikinews/dev.jsonl, dev2.jsonl, heldout.jsonl: toponyms annotated in whole Wikinews articles read from ../shared, with the population baseline; place/testdata/ambiguous.tsv: the team's ambiguous place names); --misses lists errors, --wikinews=PATH", evalPlaces},
	"quotes":     {"DIR (PolNeAR layout: text/ and attributions/, e.g. ../shared/data/polnear-dev)", evalQuotes},
	"dates":      {"TSV_FILE... (e.g. dates/testdata/dev.tsv: the team's development set)", evalScore(dates.Evaluate)},
	"alerts":     {"STREAM_FILE... (alert/testdata/dev-stream.jsonl: the project's own development stream, its gold in dev-gold.tsv beside it); precision and recall of the default rule; --misses lists false and missed alerts", evalAlerts},
	"stories":    {"GOLD_FILE... (story/testdata/dev.jsonl: the development stream of samples and Wikinews reports from ../shared, by story/testdata/GUIDELINES.md; dev-local.jsonl, local.jsonl and heldout.jsonl name their own streams); B-cubed beside the Phoenix and TF-IDF baselines, reconciled killed and injured; --misses lists errors", evalStories},
}

// evalScore adapts an evaluation that returns one score per file.
func evalScore(f func(path string) (eval.Score, error)) func(context.Context, *env, []string) error {
	return func(_ context.Context, e *env, paths []string) error {
		for _, p := range paths {
			s, err := f(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s: %v\n", p, s)
		}
		return nil
	}
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "WHAT PATH...  where WHAT is one of: "+strings.Join(evalNames(), ", "))
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: tocsin eval WHAT PATH...\n\nEvaluations:")
		for _, name := range evalNames() {
			fmt.Fprintf(e.stderr, "  %-10s %s\n", name, evaluations[name].synopsis)
		}
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return usageError{"want WHAT and at least one PATH, e.g. tocsin eval sentences ../shared/data/ud-ewt/en_ewt-ud-test.conllu"}
	}
	ev, ok := evaluations[fs.Arg(0)]
	if !ok {
		return usageError{fmt.Sprintf("unknown evaluation %q (known: %s)", fs.Arg(0), strings.Join(evalNames(), ", "))}
	}
	return ev.run(ctx, e, fs.Args()[1:])
}

func evalNames() []string {
	return slices.Sorted(maps.Keys(evaluations))
}

func evalSentences(_ context.Context, e *env, paths []string) error {
	for _, p := range paths {
		r, err := eval.SentenceBoundaries(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %d documents, %d paragraphs, %d sentences\n", p, r.Documents, r.Paragraphs, r.Sentences)
		fmt.Fprintf(e.stdout, "  boundaries inside paragraphs  %v\n", r.Inner)
		fmt.Fprintf(e.stdout, "  all sentence ends             %v\n", r.All)
	}
	return nil
}

// evalNER scores the entity recogniser. prose v2, for comparison, is scored by
// ner/cmd/eval-ner -prose, so that this command does not link it.
func evalNER(ctx context.Context, e *env, args []string) error {
	st, err := ner.New()
	if err != nil {
		return err
	}
	for _, a := range args {
		format, path, ok := strings.Cut(a, ":")
		if !ok {
			return usageError{fmt.Sprintf("%q: want FORMAT:FILE with FORMAT conll2003 or uner", a)}
		}
		r, err := ner.Evaluate(ctx, st.Model(), path, format)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, r)
	}
	return nil
}

// evalQuotes scores quotes and their speakers on PolNeAR-format attributions.
func evalQuotes(_ context.Context, e *env, dirs []string) error {
	for _, dir := range dirs {
		r, err := quote.EvaluatePolNeAR(dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s:\n%s\n", dir, r)
	}
	return nil
}

// evalPlaces scores place resolution: on whole Wikinews articles with their toponyms
// annotated (a .jsonl gold file, beside the population baseline), or on sentences with
// ambiguous place names (a .tsv file). --misses lists the errors on a gold file;
// --wikinews=PATH names the articles the gold file points into.
func evalPlaces(ctx context.Context, e *env, paths []string) error {
	misses, wikinews := false, filepath.Join("..", "shared", "data", "wikinews", "articles.jsonl")
	var ps *place.Stage
	var ents *ner.Stage
	for _, p := range paths {
		if p == "--misses" {
			misses = true
			continue
		}
		if w, ok := strings.CutPrefix(p, "--wikinews="); ok {
			wikinews = w
			continue
		}
		if !strings.HasSuffix(p, ".jsonl") {
			r, err := place.Evaluate(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s:\n%v\n", p, r)
			continue
		}
		if ps == nil {
			var err error
			if ps, err = place.New(); err != nil {
				return err
			}
			if ents, err = ner.New(); err != nil {
				return err
			}
		}
		r, err := place.EvaluateGold(ctx, ps, ents, p, wikinews)
		if err != nil {
			return err
		}
		fmt.Fprint(e.stdout, r)
		if misses {
			fmt.Fprint(e.stdout, r.MissLines())
		}
	}
	return nil
}

// evalEvents scores event coding through the whole pipeline.
func evalEvents(ctx context.Context, e *env, paths []string) error {
	p, err := newPipeline(nil)
	if err != nil {
		return err
	}
	misses := false
	if len(paths) > 0 && paths[0] == "--misses" {
		misses, paths = true, paths[1:]
	}
	for _, path := range paths {
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			r, err := event.EvaluateGold(ctx, p.Run, path, "")
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s:\n%v\n", path, r)
			if misses {
				for _, m := range r.Misses {
					kind := "missed"
					switch {
					case m.Extra:
						kind = "extra "
					case m.Date:
						kind = "date  "
					case m.Place:
						kind = "place "
					}
					fmt.Fprintf(e.stdout, "%s %s %s\n    %s\n", kind, m.Article, m.Event, m.Sentence)
				}
			}
			continue
		}
		r, err := event.Evaluate(ctx, p.Run, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s:\n%v\n", path, r)
	}
	return nil
}

// evalSyntax scores the tagger and the parser on a treebank.
func evalSyntax(ctx context.Context, e *env, paths []string) error {
	st, err := syntax.New()
	if err != nil {
		return err
	}
	for _, path := range paths {
		r, err := syntax.Evaluate(ctx, st.Model(), path)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s:\n%v\n", path, r)
	}
	return nil
}

// evalCasualties scores the casualties stage on sentence files and on article gold files
// (casualty.Report); --misses lists the errors.
func evalCasualties(_ context.Context, e *env, paths []string) error {
	misses := slices.Contains(paths, "--misses")
	return casualty.Report(e.stdout, misses, slices.DeleteFunc(paths, func(p string) bool { return p == "--misses" })...)
}
