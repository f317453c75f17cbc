package story

import (
	_ "embed"
	"iter"
	"maps"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopwords are the words too common in news to tell two happenings apart, one per
// line; see stopwords.txt.
//
//go:embed stopwords.txt
var stopwordText string

// stopSet is stopwords.txt as a set, built once at start-up and only read after.
var stopSet = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(stopwordText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// addTerms adds the terms of text to t: lower-cased words of three letters or more that
// are not stop words, digits left out (a toll changes from report to report). A word
// written with a capital inside a sentence (a name: Kerman, Soleimani, Elazig) weighs
// twice, since names tell happenings apart better than common words.
func addTerms(t map[string]float64, text string, w float64) {
	first := true
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		word = strings.Trim(word, "'’")
		word = strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s")
		if utf8.RuneCountInString(word) < 3 {
			first = false
			continue
		}
		lw := strings.ToLower(word)
		if stopSet[lw] {
			first = false
			continue
		}
		weight := w
		if r, _ := utf8.DecodeRuneInString(word); !first && unicode.IsUpper(r) {
			weight *= 2
		}
		t[lw] += weight
		first = false
	}
}

// cosine is the cosine similarity of two term vectors. Its sums are taken in fixed
// point, each product rounded to 2^-32, so that they do not depend on the order the
// maps are walked in: floating-point addition is not associative, and a score that
// changed in its last bit from run to run could break a tie between two stories
// differently, where linking must give the same stories for the same stream.
func cosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb int64
	for k, v := range a {
		dot += fixed(v * b[k])
		na += fixed(v * v)
	}
	for _, v := range b {
		nb += fixed(v * v)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return float64(dot) / math.Sqrt(float64(na)*float64(nb))
}

// fixed is x in fixed point with 32 bits after the point. Term weights are below a
// few hundred, so a vector's sum of squares stays far below the int64 limit.
func fixed(x float64) int64 { return int64(math.Round(x * (1 << 32))) }

func mapsKeys[K comparable, V any](m map[K]V) iter.Seq[K] { return maps.Keys(m) }
