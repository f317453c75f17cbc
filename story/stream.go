package story

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/samples"
)

// StreamFrom and StreamUntil bound the Wikinews articles of the development stream
// (testdata/GUIDELINES.md).
const (
	StreamFrom  = "2019-10-01"
	StreamUntil = "2020-02-29"
)

// The streams a gold file can score (GoldSet.Stream).
const (
	// StreamDev is the development stream (DevStream).
	StreamDev = "dev"
	// StreamHeldout is every Wikinews article outside the development window, without
	// the samples (testdata/HELDOUT.md): real clusters the linker was not tuned on.
	StreamHeldout = "heldout"
	// StreamLocal is the team-written local-news stream of LocalArticles beside the
	// gold file (testdata/LOCAL.md): several reports per incident and near misses,
	// kept apart from tuning.
	StreamLocal = "local"
	// StreamDevLocal is a second team-written local-news stream, for development
	// (testdata/DEVLOCAL.md): its articles are DevLocalArticles beside the gold file.
	StreamDevLocal = "devlocal"
	// StreamNewsBench is the blind held-out stream of real reports from seven US
	// outlets (testdata/HELDOUT2.md): the news-bench articles published in
	// NewsBenchWindows.
	StreamNewsBench = "newsbench"
)

// NewsBenchWindows are the publication days, first and last, of the news-bench
// articles in StreamNewsBench.
var NewsBenchWindows = [][2]string{{"2016-02-01", "2016-02-29"}, {"2016-06-01", "2016-07-31"}}

// LocalArticles and DevLocalArticles are the files of the team-written streams'
// articles, in the gold file's folder.
const (
	LocalArticles    = "local-articles.jsonl"
	DevLocalArticles = "dev-local-articles.jsonl"
)

// Streams lists the stream names.
var Streams = []string{StreamDev, StreamHeldout, StreamLocal, StreamDevLocal, StreamNewsBench}

// Stream reads the named stream: StreamDev or StreamHeldout from wikinews
// (../shared/data/wikinews/articles.jsonl), StreamLocal and StreamDevLocal from
// their articles' file in dir, the gold file's folder, and StreamNewsBench from the
// news-bench folder beside wikinews' (../shared/data/news-bench).
func Stream(name, wikinews, dir string) ([]*article.Article, error) {
	switch name {
	case StreamDev:
		return DevStream(wikinews)
	case StreamHeldout:
		return readStream(wikinews, false, func(day string) bool { return day < StreamFrom || day > StreamUntil })
	case StreamLocal:
		return LocalStream(filepath.Join(dir, LocalArticles))
	case StreamDevLocal:
		return LocalStream(filepath.Join(dir, DevLocalArticles))
	case StreamNewsBench:
		return NewsBenchStream(filepath.Join(filepath.Dir(filepath.Dir(wikinews)), "news-bench"), NewsBenchWindows)
	}
	return nil, fmt.Errorf("story: unknown stream %q", name)
}

// DevStream reads the development stream: the team's sample articles and the Wikinews
// articles of wikinews (../shared/data/wikinews/articles.jsonl) published from
// StreamFrom to StreamUntil, in publication order (samples first among equals, then
// file order). Wikinews articles get "Wikinews" as their source.
func DevStream(wikinews string) ([]*article.Article, error) {
	return readStream(wikinews, true, func(day string) bool { return day >= StreamFrom && day <= StreamUntil })
}

// LocalStream reads the team's local-news articles of path (JSON Lines of title, text,
// published, source, url), in publication order (ties: file order).
func LocalStream(path string) ([]*article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*article.Article
	if err := readArticles(path, bufio.NewScanner(f), func(a *article.Article) bool {
		out = append(out, a)
		return true
	}); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b *article.Article) int { return strings.Compare(a.Published, b.Published) })
	return out, nil
}

// readArticles decodes the JSON Lines articles of sc (title, text, published, source,
// url, language) and hands each to add.
func readArticles(name string, sc *bufio.Scanner, add func(*article.Article) bool) error {
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		var a struct{ Title, Text, Published, Source, URL, Language string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		add(&article.Article{Title: a.Title, Body: a.Text, Published: a.Published,
			Source: a.Source, URL: a.URL, Language: a.Language, Origin: fmt.Sprintf("%s:%d", name, line)})
	}
	return sc.Err()
}

// readStream reads the Wikinews articles of wikinews whose publication day keep
// accepts, after the samples when samples is set, in publication order (samples
// first among equals, then file order).
func readStream(wikinews string, withSamples bool, keep func(day string) bool) ([]*article.Article, error) {
	var out []*article.Article
	read := func(name string, sc *bufio.Scanner, wiki bool) error {
		return readArticles(name, sc, func(a *article.Article) bool {
			if wiki {
				if !keep(dayOf(a.Published)) {
					return false
				}
				a.Source, a.Language = "Wikinews", "en"
			}
			out = append(out, a)
			return true
		})
	}
	if withSamples {
		if err := read(samples.Name, bufio.NewScanner(bytes.NewReader(samples.JSONL())), false); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(wikinews)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := read(wikinews, bufio.NewScanner(f), true); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b *article.Article) int {
		return strings.Compare(dayOf(a.Published), dayOf(b.Published))
	})
	return out, nil
}

// NewsBenchStream reads the news-bench articles of dir (files named
// OUTLET_YYYY-MM-DD_SLUG.txt, the title on the first line and the text after it)
// published within one of windows, in publication order (ties: file-name order). An
// article's URL is "news-bench/" and its file name, its source the outlet.
func NewsBenchStream(dir string, windows [][2]string) ([]*article.Article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*_*_*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("story: no news-bench articles in %s", dir)
	}
	var out []*article.Article
	for _, path := range names { // Glob sorts by name
		name := filepath.Base(path)
		parts := strings.SplitN(name, "_", 3)
		day := parts[1]
		if !slices.ContainsFunc(windows, func(w [2]string) bool { return day >= w[0] && day <= w[1] }) {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		title, text, _ := strings.Cut(string(b), "\n")
		out = append(out, &article.Article{Title: strings.TrimSpace(title), Body: strings.TrimSpace(text),
			Published: day, Source: parts[0], URL: "news-bench/" + name, Language: "en", Origin: path})
	}
	slices.SortStableFunc(out, func(a, b *article.Article) int { return strings.Compare(a.Published, b.Published) })
	return out, nil
}
