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
)

// LocalArticles and DevLocalArticles are the files of the team-written streams'
// articles, in the gold file's folder.
const (
	LocalArticles    = "local-articles.jsonl"
	DevLocalArticles = "dev-local-articles.jsonl"
)

// Streams lists the stream names.
var Streams = []string{StreamDev, StreamHeldout, StreamLocal, StreamDevLocal}

// Stream reads the named stream: StreamDev or StreamHeldout from wikinews
// (../shared/data/wikinews/articles.jsonl), StreamLocal and StreamDevLocal from
// their articles' file in dir, the gold file's folder.
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
