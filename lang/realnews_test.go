package lang

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/syntax"
)

// englishArticle is one English news article of the shared corpora, read in place.
type englishArticle struct {
	set, id     string
	title, body string
}

// conllArticles rebuilds the Reuters articles of a CoNLL-2003 file: tokens joined by
// spaces, one line per sentence, the first sentence as headline. Sports results, market
// tables and lists of names are a large part of them: the English news that looks least
// English to a trigram model.
func conllArticles(t testing.TB, rel string) []englishArticle {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []englishArticle
	var sents []string
	var cur []string
	flushSent := func() {
		if len(cur) > 0 {
			sents = append(sents, strings.Join(cur, " "))
			cur = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) > 0 {
			out = append(out, englishArticle{set: rel, id: rel + "#" + itoa(len(out)+1), title: sents[0], body: strings.Join(sents[1:], "\n")})
		}
		sents = nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "-DOCSTART-"):
			flushDoc()
		case line == "":
			flushSent()
		default:
			cur = append(cur, strings.Fields(line)[0])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flushDoc()
	return out
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// wikinewsArticles reads the dated Wikinews articles.
func wikinewsArticles(t testing.TB) []englishArticle {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, "data/wikinews/articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []englishArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text, URL string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, englishArticle{set: "wikinews", id: a.URL, title: a.Title, body: a.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// wikinewsUndated reads the undated Wikinews bodies, whose non-ASCII letters are lost:
// English that a trigram model has not seen spelt this way.
func wikinewsUndated(t testing.TB, limit int) []englishArticle {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, "data/wikinews/undated-unlabelled.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []englishArticle
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && len(out) < limit {
		var a map[string]any
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		text, _ := a["text"].(string)
		title, _ := a["title"].(string)
		out = append(out, englishArticle{set: "wikinews-undated", id: "undated#" + itoa(len(out)+1), title: title, body: text})
	}
	return out
}

// newsBenchArticles reads the plain-text US political news of news-bench.
func newsBenchArticles(t testing.TB) []englishArticle {
	t.Helper()
	dir := sharedtest.Path(t, "data/news-bench")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []englishArticle
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, englishArticle{set: "data/news-bench", id: filepath.Base(n), body: string(b)})
	}
	return out
}

// TestRealEnglishNewsIsEnglish: English news, including Reuters sports results, market
// tables and lists of names, must be taken as English (issue 10: 23 of 231 Reuters
// articles were taken as French, Javanese, German...). At most 1% of each set may be
// missed.
func TestRealEnglishNewsIsEnglish(t *testing.T) {
	syn, err := syntax.New()
	if err != nil {
		t.Fatal(err)
	}
	st := Stage{Known: syn.Knows}
	sets := [][]englishArticle{
		conllArticles(t, "data/conll2003/valid.txt"),
		conllArticles(t, "data/conll2003/train.txt"),
		wikinewsArticles(t),
		wikinewsUndated(t, 500),
		newsBenchArticles(t),
	}
	for _, set := range sets {
		missed := 0
		for _, a := range set {
			d := pipeline.NewDocument(&article.Article{Title: a.title, Body: a.body})
			if err := st.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if d.Language != "en" {
				missed++
				if testing.Verbose() {
					t.Logf("%s: %q  %.80q", a.id, d.Language, d.Text)
				}
			}
		}
		name := set[0].set
		t.Logf("%s: %d of %d English articles not taken as English", name, missed, len(set))
		if missed*100 > len(set) {
			t.Errorf("%s: %d of %d English articles not taken as English, want at most 1%%", name, missed, len(set))
		}
	}
}

// gnupgHelp reads the help texts that Debian's gnupg-l10n installs in /usr/share/gnupg,
// one per language: real text in some twenty languages written by translators, split
// into its entries of at least minBytes. It returns nil when they are not installed.
func gnupgHelp(t testing.TB, minBytes int) map[string][]string {
	t.Helper()
	names, _ := filepath.Glob("/usr/share/gnupg/help*.txt")
	out := map[string][]string{}
	for _, n := range names {
		code := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(n), "help."), ".txt")
		if filepath.Base(n) == "help.txt" {
			code = "txt"
		}
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		// An entry starts at a ".key" line and ends at a line holding only "." or at
		// the next key.
		var cur []string
		flush := func() {
			if e := strings.TrimSpace(strings.Join(cur, "\n")); len(e) >= minBytes {
				out[code] = append(out[code], e)
			}
			cur = nil
		}
		for _, line := range strings.Split(string(b), "\n") {
			switch {
			case strings.HasPrefix(line, "#"):
			case strings.HasPrefix(line, "."):
				flush()
			default:
				cur = append(cur, line)
			}
		}
		flush()
	}
	return out
}

// TestOtherLanguagesAreNotEnglish: the English evidence that keeps results tables English
// must not take real text in other languages for English. It reads GnuPG's translated
// help texts when the system has them (Debian's gnupg-l10n).
func TestOtherLanguagesAreNotEnglish(t *testing.T) {
	texts := gnupgHelp(t, 200)
	if len(texts) == 0 {
		t.Skip("SKIP: /usr/share/gnupg/help.*.txt (Debian gnupg-l10n) is not installed")
	}
	// The translations leave some entries in English, some in an older wording; an
	// entry whose first line is in the English help is not counted.
	english := strings.Join(strings.Fields(strings.Join(texts["txt"], " ")), " ")
	syn, err := syntax.New()
	if err != nil {
		t.Fatal(err)
	}
	total, wrong := 0, 0
	for code, entries := range texts {
		if code == "txt" {
			continue
		}
		n := 0
		for _, e := range entries {
			if head := strings.Join(strings.Fields(e), " "); strings.Contains(english, head[:min(24, len(head))]) {
				continue // left untranslated
			}
			total++
			if DetectWith(e, syn.Knows) == "en" {
				n++
				if testing.Verbose() {
					t.Logf("%s taken as English: %.120q", code, e)
				}
			}
		}
		wrong += n
	}
	t.Logf("%d of %d non-English help entries taken as English", wrong, total)
	if wrong*100 > total {
		t.Errorf("%d of %d non-English help entries taken as English, want at most 1%%", wrong, total)
	}
}
