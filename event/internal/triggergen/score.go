package main

import (
	"maps"
	"math"
	"slices"
	"sort"
)

// Key is one vocabulary item as the event coder sees it: a lower-case lemma and its
// universal part of speech (VERB or NOUN).
type Key struct {
	Lemma, POS string
}

// Counts holds document frequencies: how many labelled stories of each label, and how
// many background articles, contain each key at least once.
type Counts struct {
	Docs   map[string]int         // label → stories with that label
	DF     map[Key]map[string]int // key → label → stories containing the key
	BgDocs int                    // background articles
	BgDF   map[Key]int            // key → background articles containing the key
}

// Labels returns the labels in order and the number of stories over all of them.
func (c *Counts) Labels() ([]string, int) {
	total := 0
	for _, n := range c.Docs {
		total += n
	}
	return slices.Sorted(maps.Keys(c.Docs)), total
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{Docs: map[string]int{}, DF: map[Key]map[string]int{}, BgDF: map[Key]int{}}
}

// AddDoc counts one labelled story (label != "") or background article (label == "")
// with its set of keys.
func (c *Counts) AddDoc(label string, keys map[Key]bool) {
	if label == "" {
		c.BgDocs++
		for k := range keys {
			c.BgDF[k]++
		}
		return
	}
	c.Docs[label]++
	for k := range keys {
		m := c.DF[k]
		if m == nil {
			m = map[string]int{}
			c.DF[k] = m
		}
		m[label]++
	}
}

// Params are the selection thresholds.
type Params struct {
	Alpha    float64 // prior strength, in pseudo-documents
	MinDocs  int     // minimum stories of the label containing the key
	MinZ     float64 // minimum z of the label against the other labels
	MinBgZ   float64 // minimum z of the label against background news
	MinRatio float64 // minimum ratio of the key's rate in its best label to the next label's
}

// DefaultParams are the thresholds the generator uses; see the package comment.
var DefaultParams = Params{Alpha: 20, MinDocs: 8, MinZ: 3, MinBgZ: 2.5, MinRatio: 1.6}

// Assoc is the association of one key with its best label.
type Assoc struct {
	Key   Key
	Label string
	Docs  int     // stories of Label containing the key
	Z     float64 // z of the log-odds ratio, Label against all other labels
	Delta float64 // the log-odds ratio itself
	BgZ   float64 // z of the log-odds ratio, Label against background news
	Ratio float64 // the key's smoothed document rate in Label over its rate in the next label
}

// logOdds is the smoothed log-odds ratio of a key's document rate in group a (ya of na
// documents) against group b (yb of nb), each smoothed with alpha pseudo-documents at the
// prior rate p0, and its z score (Monroe, Colaresi and Quinn 2008, eq. 16 and 20, in the
// binomial form for document incidence).
func logOdds(ya, na, yb, nb int, p0, alpha float64) (delta, z float64) {
	a1, a0 := alpha*p0, alpha*(1-p0)
	pa := float64(ya) + a1
	qa := float64(na-ya) + a0
	pb := float64(yb) + a1
	qb := float64(nb-yb) + a0
	delta = math.Log(pa/qa) - math.Log(pb/qb)
	v := 1/pa + 1/qa + 1/pb + 1/qb
	return delta, delta / math.Sqrt(v)
}

// Score computes every key's association with its best label and returns, sorted by key,
// the associations that pass p. A key passes when it is frequent in one label (MinDocs),
// that label's rate is well above the other labels' (MinZ) and above background news
// (MinBgZ), and its document rate in that label is at least MinRatio times its rate in any
// other label, so that a key shared by two labels is dropped rather than given to either.
// Rates are smoothed like the log-odds: (df + Alpha p0) / (stories + Alpha).
func Score(c *Counts, p Params) []Assoc {
	labels, total := c.Labels()
	keys := make([]Key, 0, len(c.DF))
	for k := range c.DF {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })

	var out []Assoc
	for _, k := range keys {
		df := c.DF[k]
		all := 0
		for _, l := range labels {
			all += df[l]
		}
		// The informative prior: the key's document rate over all text, labelled and
		// background, so that a key common everywhere needs much evidence to stand out.
		p0 := float64(all+c.BgDF[k]+1) / float64(total+c.BgDocs+2)
		best := Assoc{Key: k, Z: math.Inf(-1)}
		for _, l := range labels {
			y, n := df[l], c.Docs[l]
			delta, z := logOdds(y, n, all-y, total-n, p0, p.Alpha)
			if z > best.Z {
				best = Assoc{Key: k, Label: l, Docs: y, Z: z, Delta: delta}
			}
		}
		if best.Label == "" || best.Docs < p.MinDocs || best.Z < p.MinZ {
			continue
		}
		rate := func(l string) float64 {
			return (float64(df[l]) + p.Alpha*p0) / (float64(c.Docs[l]) + p.Alpha)
		}
		next := 0.0
		for _, l := range labels {
			if l != best.Label {
				next = max(next, rate(l))
			}
		}
		best.Ratio = rate(best.Label) / next
		if best.Ratio < p.MinRatio {
			continue
		}
		_, best.BgZ = logOdds(best.Docs, c.Docs[best.Label], c.BgDF[k], c.BgDocs, p0, p.Alpha)
		if best.BgZ < p.MinBgZ {
			continue
		}
		out = append(out, best)
	}
	return out
}

func keyLess(a, b Key) bool {
	if a.Lemma != b.Lemma {
		return a.Lemma < b.Lemma
	}
	return a.POS < b.POS
}
