package story

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/wikinews"
)

var updateIDF = flag.Bool("update", false, "rewrite idf.txt from ../shared/data")

// idfSources are the corpora idf.txt counts, under ../shared/data: unlabelled news
// text, not the dated Wikinews articles the gold streams are made of.
var idfSources = []string{"wikinews/undated-unlabelled.jsonl.gz", "ngec-synthetic/stories.jsonl.gz"}

// buildIDF counts, for each term, the documents of the corpora under data that hold it.
func buildIDF(data string) ([]byte, error) {
	df := map[string]int{}
	docs := 0
	for _, src := range idfSources {
		path := filepath.Join(data, src)
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(nil, 1<<24)
		for line := 1; sc.Scan(); line++ {
			var d struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			t := map[string]float64{}
			addTerms(t, d.Title+". "+d.Text, 1)
			for w := range t {
				df[w]++
			}
			docs++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# documents %d\n", docs)
	for _, w := range slices.Sorted(mapsKeys(df)) {
		if df[w] >= idfMinDocs {
			fmt.Fprintf(&b, "%s\t%d\n", w, df[w])
		}
	}
	return []byte(b.String()), nil
}

// TestIDFFresh checks that idf.txt is what the corpora and addTerms give; with -update
// it rewrites idf.txt instead (go generate ./story/).
func TestIDFFresh(t *testing.T) {
	data := filepath.Dir(filepath.Dir(wikinews.Path(filepath.Join("testdata", "dev.jsonl"))))
	want, err := buildIDF(data)
	if err != nil {
		if os.Getenv("TOCSIN_REQUIRE_SHARED") != "" || *updateIDF {
			t.Fatal(err)
		}
		t.Skipf("no corpus: %v", err)
	}
	if *updateIDF {
		if err := os.WriteFile("idf.txt", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(want) != idfText {
		t.Fatal("idf.txt is stale: run `go test ./story -run TestIDFFresh -update` and commit idf.txt")
	}
}

// Rare words (a stampede) weigh more than the words of every crime report (police), and
// a name the corpus does not hold weighs most.
func TestIDFOrder(t *testing.T) {
	if idf("police") >= idf("stampede") || idf("stampede") > idfTable.rare {
		t.Errorf("idf: police %.2f, stampede %.2f, rare %.2f", idf("police"), idf("stampede"), idfTable.rare)
	}
	if idf("ortiz") != idfTable.rare {
		t.Errorf("idf of an unlisted name is %.2f, want the rare weight %.2f", idf("ortiz"), idfTable.rare)
	}
}

// The similarity of two vectors is the same to the last bit however the maps are
// walked: summed in floating point in map order, these two gave 8 different values in
// 200 runs.
func TestCosineOrderFree(t *testing.T) {
	a, b := map[string]float64{}, map[string]float64{}
	for i := range 60 {
		a["t"+strconv.Itoa(i)] = 1 + math.Log(float64(i+2))*0.37
		b["t"+strconv.Itoa(i*2)] = 0.5 + math.Sqrt(float64(i+1))*0.13
	}
	want := cosine(a, b)
	for range 200 {
		if got := cosine(a, b); got != want {
			t.Fatalf("cosine gave %v, then %v", want, got)
		}
	}
	if want <= 0 || want >= 1 {
		t.Errorf("cosine %v, want in (0, 1)", want)
	}
}
