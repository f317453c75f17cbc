package story

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// GoldStory is one line of a story gold file: a happening reported by two or more
// articles of the stream (by URL), with its reconciled killed and injured figures
// (nil: not scored). See testdata/GUIDELINES.md.
type GoldStory struct {
	Story    string   `json:"story"`
	Articles []string `json:"articles"`
	Killed   *int     `json:"killed"`
	Injured  *int     `json:"injured"`
	Note     string   `json:"note"`
}

// GoldSet is a story gold file: the stream it scores (StreamDev unless its first
// line names another: {"stream": "heldout"}) and its stories.
type GoldSet struct {
	Stream  string
	Stories []GoldStory
}

// ReadGold reads a story gold file.
func ReadGold(path string) (GoldSet, error) {
	set := GoldSet{Stream: StreamDev}
	f, err := os.Open(path)
	if err != nil {
		return set, err
	}
	defer f.Close()
	var out []GoldStory
	seen := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if line == 1 {
			var h struct {
				Stream *string `json:"stream"`
			}
			if json.Unmarshal(sc.Bytes(), &h) == nil && h.Stream != nil {
				if !slices.Contains(Streams, *h.Stream) {
					return set, fmt.Errorf("%s:%d: unknown stream %q (want one of %s)", path, line, *h.Stream, strings.Join(Streams, ", "))
				}
				set.Stream = *h.Stream
				continue
			}
		}
		var g GoldStory
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return set, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if g.Story == "" || len(g.Articles) < 2 {
			return set, fmt.Errorf("%s:%d: want a story name and two or more articles", path, line)
		}
		for _, a := range g.Articles {
			if s, ok := seen[a]; ok {
				return set, fmt.Errorf("%s:%d: article %s is already in story %s", path, line, a, s)
			}
			seen[a] = g.Story
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return set, fmt.Errorf("%s: %w", path, err)
	}
	set.Stories = out
	return set, nil
}

// BCubed scores a partition of items (item → cluster) against the gold partition:
// for each item, precision is the share of its predicted cluster that is in its gold
// cluster and recall the share of its gold cluster that is in its predicted cluster,
// averaged over items (Bagga and Baldwin 1998). Items missing from pred count as
// singletons.
func BCubed(pred, gold map[string]string) (p, r, f float64) {
	items := slices.Sorted(maps.Keys(gold))
	if len(items) == 0 {
		return 0, 0, 0
	}
	cluster := func(m map[string]string, it string) string {
		if c, ok := m[it]; ok {
			return c
		}
		return "\x00" + it
	}
	predOf, goldOf := map[string][]string{}, map[string][]string{}
	for _, it := range items {
		predOf[cluster(pred, it)] = append(predOf[cluster(pred, it)], it)
		goldOf[gold[it]] = append(goldOf[gold[it]], it)
	}
	for _, it := range items {
		pc, gc := predOf[cluster(pred, it)], goldOf[gold[it]]
		both := 0
		for _, o := range pc {
			if gold[o] == gold[it] {
				both++
			}
		}
		p += float64(both) / float64(len(pc))
		r += float64(both) / float64(len(gc))
	}
	p /= float64(len(items))
	r /= float64(len(items))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Result is what Evaluate measures on one stream.
type Result struct {
	Articles, GoldStories int
	P, R, F1              float64 // B-cubed of the article partition by the linker
	Phoenix               [3]float64
	Singletons            [3]float64 // every article a story of its own: the floor of a stream of mostly single reports
	TFIDF                 [3]float64
	TFIDFThreshold        float64
	Killed, Injured       [2]int // exact reconciled figures: right, scored
	Misses                []string
}

// Evaluate links docs, in stream order, with l and scores the article partition (each
// article in the story of its lead unit) against gold, beside two baselines run on the
// same stream: Phoenix's one-a-day rule (articles whose lead events share day, source,
// target and code are one) and TF-IDF cosine clustering of whole articles within 7
// days, at the best of its thresholds. totals gives an article's casualty totals (nil
// for the fallback of Units).
func Evaluate(l *Linker, docs []*doc.Document, totals func(*doc.Document) map[string]int, gold []GoldStory) (Result, error) {
	res := Result{Articles: len(docs), GoldStories: len(gold)}
	goldOf := map[string]string{}
	for _, d := range docs {
		goldOf[d.URL] = "single:" + d.URL
	}
	for _, g := range gold {
		for _, a := range g.Articles {
			if _, ok := goldOf[a]; !ok {
				return res, fmt.Errorf("gold story %s: article %s is not in the stream", g.Story, a)
			}
			goldOf[a] = g.Story
		}
	}
	mem := NewMemory()
	pred := map[string]string{}
	for _, d := range docs {
		var tot map[string]int
		if totals != nil {
			tot = totals(d)
		}
		us := Units(d, tot)
		of, touched, err := l.Link(us, mem)
		if err != nil {
			return res, err
		}
		for _, s := range touched {
			mem.Put(s)
		}
		if len(of) > 0 {
			pred[d.URL] = of[0].ID
		}
	}
	res.P, res.R, res.F1 = BCubed(pred, goldOf)

	// Casualties: the story holding most of a gold story's articles.
	byID := map[string]*Story{}
	for _, s := range mem.Stories() {
		byID[s.ID] = s
	}
	for _, g := range gold {
		votes := map[string]int{}
		for _, a := range g.Articles {
			if id, ok := pred[a]; ok {
				votes[id]++
			}
		}
		id := ""
		for _, k := range slices.Sorted(maps.Keys(votes)) {
			if id == "" || votes[k] > votes[id] {
				id = k
			}
		}
		s := byID[id]
		for _, k := range []struct {
			kind  string
			want  *int
			score *[2]int
		}{{"killed", g.Killed, &res.Killed}, {"injured", g.Injured, &res.Injured}} {
			if k.want == nil {
				continue
			}
			k.score[1]++
			got := 0
			if s != nil && s.Casualties[k.kind] != nil {
				got = s.Casualties[k.kind].Best
			}
			if got == *k.want {
				k.score[0]++
			} else {
				res.Misses = append(res.Misses, fmt.Sprintf("%s %s: got %d, want %d", g.Story, k.kind, got, *k.want))
			}
		}
	}
	for _, a := range slices.Sorted(maps.Keys(goldOf)) {
		for _, b := range slices.Sorted(maps.Keys(goldOf)) {
			if a < b && goldOf[a] == goldOf[b] && pred[a] != pred[b] {
				res.Misses = append(res.Misses, "split: "+a+" | "+b)
			}
			if a < b && goldOf[a] != goldOf[b] && pred[a] == pred[b] && pred[a] != "" {
				res.Misses = append(res.Misses, "merged: "+a+" | "+b)
			}
		}
	}

	res.Singletons[0], res.Singletons[1], res.Singletons[2] = BCubed(map[string]string{}, goldOf)
	ph := phoenix(docs)
	res.Phoenix[0], res.Phoenix[1], res.Phoenix[2] = BCubed(ph, goldOf)
	for t := 0.05; t < 0.96; t += 0.05 {
		p, r, f := BCubed(tfidfClusters(docs, t, 7), goldOf)
		if f > res.TFIDF[2] {
			res.TFIDF = [3]float64{p, r, f}
			res.TFIDFThreshold = math.Round(t*100) / 100
		}
	}
	return res, nil
}

// phoenix is the one-a-day baseline: an article's key is the day, source, target and
// code of its first event; articles without events stay alone.
func phoenix(docs []*doc.Document) map[string]string {
	out := map[string]string{}
	for _, d := range docs {
		if len(d.Events) == 0 {
			continue
		}
		e := d.Events[0]
		for i := range d.Events {
			if d.Events[i].Sentence < e.Sentence {
				e = d.Events[i]
			}
		}
		day := dayOf(e.Date)
		if day == "" {
			day = dayOf(d.Published)
		}
		out[d.URL] = strings.Join([]string{day, e.Source, e.Target, e.Code}, "|")
	}
	return out
}

// tfidfClusters is the TF-IDF baseline: each article, in stream order, joins the
// cluster of its most similar earlier article published within days days when their
// cosine (TF-IDF over the stream's title and text words) reaches threshold.
func tfidfClusters(docs []*doc.Document, threshold float64, days int) map[string]string {
	tfs := make([]map[string]float64, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		tf := map[string]float64{}
		addTerms(tf, d.Title+". "+d.Text, 1)
		tfs[i] = tf
		for t := range tf {
			df[t]++
		}
	}
	n := float64(len(docs))
	for _, tf := range tfs {
		for t, v := range tf {
			tf[t] = (1 + math.Log(v)) * math.Log(n/float64(df[t]))
		}
	}
	out := map[string]string{}
	for i, d := range docs {
		out[d.URL] = d.URL
		best, bestSim := -1, threshold
		for j := range i {
			if !withinDays(docs[j].Published, d.Published, days) {
				continue
			}
			if s := cosine(tfs[i], tfs[j]); s >= bestSim {
				best, bestSim = j, s
			}
		}
		if best >= 0 {
			out[d.URL] = out[docs[best].URL]
		}
	}
	return out
}

func withinDays(a, b string, days int) bool {
	x, y := shift(dayOf(a), 0), shift(dayOf(b), days)
	z := shift(dayOf(b), -days)
	if x == "" || y == "" {
		return false
	}
	return cmp.Compare(x, y) <= 0 && cmp.Compare(x, z) >= 0
}
