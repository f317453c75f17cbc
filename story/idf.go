package story

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
)

// idfText is how many documents of a reference corpus of news hold each term
// (addTerms' terms), one "term<TAB>documents" a line after a "# documents N" line:
// terms in fewer than idfMinDocs documents are left out and count as rare. It is
// generated from openly licensed news text in ../shared/data (Wikinews' undated
// bodies, CC BY 2.5; the NGEC synthetic stories, MIT) by
//
//	go test ./story -run TestIDFFresh -update
//
// and TestIDFFresh fails while it is stale. A fixed table, rather than counts over the
// store, keeps linking deterministic and independent of what was ingested before.
//
//go:generate go test -run TestIDFFresh -update .
//go:embed idf.txt
var idfText string

// idfMinDocs is the fewest documents a term of idf.txt is in.
const idfMinDocs = 3

// idfTable is idf.txt read once at start-up and only read after: each listed term's
// inverse document frequency, and that of a term the table does not list.
var idfTable = func() (t struct {
	idf  map[string]float64
	rare float64
}) {
	t.idf = map[string]float64{}
	n := 1.0
	for _, l := range strings.Split(idfText, "\n") {
		if v, ok := strings.CutPrefix(l, "# documents "); ok {
			n, _ = strconv.ParseFloat(v, 64)
			continue
		}
		w, c, ok := strings.Cut(l, "\t")
		if !ok {
			continue
		}
		if df, err := strconv.ParseFloat(c, 64); err == nil && df > 0 {
			t.idf[w] = math.Log((n + 1) / (df + 1))
		}
	}
	t.rare = math.Log((n + 1) / idfMinDocs)
	return t
}()

// idf is how much term tells one happening from another: the log of the reference
// corpus' documents over those that hold it. Common news words (police, killed,
// government) weigh little, names of people and streets much.
func idf(term string) float64 {
	if v, ok := idfTable.idf[term]; ok {
		return v
	}
	return idfTable.rare
}

// weighted is t with each term's count damped (1 + ln count) and times its idf: the
// vector text similarity compares.
func weighted(t map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(t))
	for k, v := range t {
		if v > 0 {
			out[k] = weight(k, v)
		}
	}
	return out
}

// weight is one term's weight in weighted.
func weight(term string, count float64) float64 {
	return (1 + math.Log(max(count, 1))) * idf(term)
}

// cosineWeighted is cosine(uw, weighted(raw)) without building the second vector:
// Link compares one unit's weighted terms with each candidate story's raw ones.
func cosineWeighted(uw, raw map[string]float64) float64 {
	var dot, nu, nr int64
	for k, v := range raw {
		if v <= 0 {
			continue
		}
		w := weight(k, v)
		nr += fixed(w * w)
		if x, ok := uw[k]; ok {
			dot += fixed(x * w)
		}
	}
	for _, v := range uw {
		nu += fixed(v * v)
	}
	if nu == 0 || nr == 0 {
		return 0
	}
	return float64(dot) / math.Sqrt(float64(nu)*float64(nr))
}
