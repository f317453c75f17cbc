package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/doc"
	wikinews "github.com/tocsin-project/tocsin/internal/wikinews"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

// evalStories scores story linking on gold files of the development stream
// (story/testdata): B-cubed of the article partition beside the Phoenix and TF-IDF
// baselines, and the reconciled killed and injured figures; --misses lists the errors.
func evalStories(ctx context.Context, e *env, paths []string) error {
	misses := slices.Contains(paths, "--misses")
	paths = slices.DeleteFunc(paths, func(p string) bool { return p == "--misses" })
	p, err := newPipeline(nil)
	if err != nil {
		return err
	}
	cas, err := casualty.New()
	if err != nil {
		return err
	}
	for _, path := range paths {
		gold, err := story.ReadGold(path)
		if err != nil {
			return err
		}
		arts, err := story.Stream(gold.Stream, wikinews.Path(path), filepath.Dir(path))
		if err != nil {
			return fmt.Errorf("%s: the %s stream: %w", path, gold.Stream, err)
		}
		docs := make([]*doc.Document, 0, len(arts))
		for _, a := range arts {
			d, err := p.Analyze(ctx, a)
			if err != nil {
				return fmt.Errorf("%s: %w", a.Origin, err)
			}
			docs = append(docs, d)
		}
		r, err := story.Evaluate(story.NewLinker(), docs, cas.Totals, gold.Stories)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Fprintf(e.stdout, "%s: stream %s, %d articles, %d gold stories of two or more\n", path, gold.Stream, r.Articles, r.GoldStories)
		fmt.Fprintf(e.stdout, "  linker        B-cubed P %.3f R %.3f F1 %.3f\n", r.P, r.R, r.F1)
		fmt.Fprintf(e.stdout, "  phoenix       B-cubed P %.3f R %.3f F1 %.3f (day, source, target, code)\n", r.Phoenix[0], r.Phoenix[1], r.Phoenix[2])
		fmt.Fprintf(e.stdout, "  tf-idf        B-cubed P %.3f R %.3f F1 %.3f (cosine >= %.2f within 7 days, its best threshold)\n", r.TFIDF[0], r.TFIDF[1], r.TFIDF[2], r.TFIDFThreshold)
		fmt.Fprintf(e.stdout, "  singletons    B-cubed P %.3f R %.3f F1 %.3f (every article alone)\n", r.Singletons[0], r.Singletons[1], r.Singletons[2])
		fmt.Fprintf(e.stdout, "  killed exact  %d/%d; injured exact %d/%d\n", r.Killed[0], r.Killed[1], r.Injured[0], r.Injured[1])
		if misses {
			for _, m := range r.Misses {
				fmt.Fprintf(e.stdout, "  %s\n", m)
			}
		}
	}
	return nil
}

// maxStoriesLimit bounds --limit of tocsin stories.
const maxStoriesLimit = 10000

// storyFilterFlags registers the story filters (store.StoryFilterNames) as flags.
func storyFilterFlags(fs *flag.FlagSet) url.Values {
	usage := map[string]string{
		"source":  "an actor `CODE` (or prefix) that is a source in the story's events",
		"target":  "an actor `CODE` (or prefix) that is a target in the story's events",
		"dyad":    "actor pair `A-B`, both in the story's events",
		"root":    "the story's dominant CAMEO root `NN` (repeatable)",
		"country": "ISO 3166 alpha-3 `CODE` of the story's place",
		"since":   "first event `date` on or after, YYYY-MM-DD",
		"until":   "first event `date` on or before, YYYY-MM-DD",
		"q":       "full-text `query` over the articles that report it",
	}
	return filterValues(fs, store.StoryFilterNames, usage)
}

func runStories(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stories", "[--db PATH] [filters] [--format table|json|csv] [--limit N --offset N] | --id ID | --rebuild")
	db := dbFlag(fs, e)
	filters := storyFilterFlags(fs)
	lf := addListFlags(fs, "stories", "output `format`: table, json (JSON Lines, every field) or csv", maxStoriesLimit)
	id := fs.String("id", "", "show the one story with this `ID` (JSON)")
	rebuild := fs.Bool("rebuild", false, "relink every stored report into stories from the stored units, after the linking code changed")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: filters are flags, e.g. --country IRN", fs.Arg(0))}
	}
	if err := lf.check(""); err != nil {
		return err
	}
	f, err := store.ParseStoryFilter(filters)
	if err != nil {
		return filterError(err)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *rebuild {
		n, err := st.RebuildStories(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "stories rebuilt: %d\n", n)
		return nil
	}
	if *id != "" {
		s, err := st.Story(ctx, *id)
		if errors.Is(err, store.ErrNoStory) {
			return fmt.Errorf("--id %s: no such story in %s", *id, *db)
		}
		if err != nil {
			return err
		}
		return json.NewEncoder(e.stdout).Encode(s)
	}
	list, total, err := st.Stories(ctx, f, store.Page{Limit: lf.limit, Offset: lf.offset})
	if err != nil {
		return filterError(err)
	}
	switch lf.format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		for _, s := range list {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
	case "csv":
		err = storyCSV(e.stdout, list)
	default:
		err = storyTable(e.stdout, list)
	}
	if err != nil {
		return err
	}
	lf.tell(e.stderr, len(list), total)
	return nil
}

// storyColumns are the columns of the table and CSV forms; JSON has every field.
var storyColumns = []string{"id", "date", "date_end", "place", "code", "actors", "articles", "sources", "mentions", "killed", "injured", "label"}

func storyFields(s *story.Story) []string {
	place := ""
	if s.Place != nil {
		place = s.Place.String()
	}
	best := func(kind string) string {
		if t := s.Casualties[kind]; t != nil {
			return strconv.Itoa(t.Best)
		}
		return ""
	}
	return []string{s.ID, s.Date, s.DateEnd, place, s.Code, strings.Join(s.Actors, " "),
		strconv.Itoa(len(s.Articles)), strconv.Itoa(len(s.Sources)), strconv.Itoa(s.Mentions),
		best("killed"), best("injured"), s.Label}
}

func storyCSV(w io.Writer, list []*story.Story) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(storyColumns); err != nil {
		return err
	}
	for _, s := range list {
		if err := cw.Write(storyFields(s)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func storyTable(w io.Writer, list []*story.Story) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tPLACE\tCODE\tARTICLES\tSOURCES\tKILLED\tINJURED\tLABEL")
	for _, s := range list {
		f := storyFields(s)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f[0], dash(f[1]), dash(cut(f[3], 24)), dash(f[4]),
			f[6], f[7], dash(f[9]), dash(f[10]), cut(f[11], 70))
	}
	return tw.Flush()
}
