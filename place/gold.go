package place

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/gazetteer"
	wn "github.com/tocsin-project/tocsin/internal/wikinews"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// AccuracyKm is the distance within which a toponym counts as placed right in the
// evaluation on whole articles: 161 km (100 miles), the usual threshold in geoparsing.
const AccuracyKm = 161.0

// Toponym is one place name of a gold set of whole articles (testdata/wikinews): where it is
// in the text tocsin reads, and the place it means (see testdata/wikinews/GUIDELINES.md).
type Toponym struct {
	Article     string  `json:"article"` // "wikinews-N"
	Line        int     `json:"line"`    // its line in the Wikinews articles.jsonl
	Start       int     `json:"start"`   // byte offsets into the document text
	End         int     `json:"end"`
	Text        string  `json:"text"`
	Kind        string  `json:"kind"` // country, admin1, city, region
	Country     string  `json:"country"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	GeonameID   int     `json:"geonameid"`
	InGazetteer bool    `json:"in_gazetteer"`
	Note        string  `json:"note,omitempty"`
}

// GoldReport is the outcome of EvaluateGold.
type GoldReport struct {
	Path     string
	Articles int
	Gold     int // gold toponyms
	// Span detection, end to end: the places the stage wrote against the gold spans.
	Found, Exact int
	// Resolution with the gold spans given to the stage: placed within AccuracyKm of the
	// gold point, and resolved at all; ErrKm sums the distances of those resolved.
	Within, Resolved int
	ErrKm            float64
	// The population baseline on the same gold spans: the most populous gazetteer place
	// of that name.
	BaseWithin, BaseResolved int
	BaseErrKm                float64
	// EndToEnd counts the gold toponyms found with their exact span and placed within
	// AccuracyKm, with no help from the gold.
	EndToEnd int
	Misses   []GoldMiss
}

// GoldMiss is a gold toponym placed wrongly or not at all, or a place the stage wrote where
// the gold has none.
type GoldMiss struct {
	Toponym
	Kind    string    // "wrong", "unresolved", "missed" (span not found), "extra" (span not in the gold)
	Got     doc.Place // for wrong and extra
	Km      float64   // for wrong
	Context string
}

// Precision is the share of the stage's places whose span is a gold toponym.
func (r GoldReport) Precision() float64 { return ratio(r.Exact, r.Found) }

// Recall is the share of gold toponyms the stage found with their exact span.
func (r GoldReport) Recall() float64 { return ratio(r.Exact, r.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (r GoldReport) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// Accuracy is the share of gold toponyms placed within AccuracyKm, given their spans.
func (r GoldReport) Accuracy() float64 { return ratio(r.Within, r.Gold) }

// BaselineAccuracy is Accuracy for the population baseline.
func (r GoldReport) BaselineAccuracy() float64 { return ratio(r.BaseWithin, r.Gold) }

func (r GoldReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "places %s: %d articles, %d gold toponyms\n", r.Path, r.Articles, r.Gold)
	fmt.Fprintf(&b, "  toponym spans (end to end)     P %.3f  R %.3f  F1 %.3f  (%d found, %d exact)\n",
		r.Precision(), r.Recall(), r.F1(), r.Found, r.Exact)
	fmt.Fprintf(&b, "  acc@%.0f km, gold spans given   tocsin %.3f (%d/%d, mean error %.0f km over %d resolved)\n",
		AccuracyKm, r.Accuracy(), r.Within, r.Gold, r.ErrKm/float64(max(r.Resolved, 1)), r.Resolved)
	fmt.Fprintf(&b, "                                 population baseline %.3f (%d/%d, mean error %.0f km over %d resolved)\n",
		r.BaselineAccuracy(), r.BaseWithin, r.Gold, r.BaseErrKm/float64(max(r.BaseResolved, 1)), r.BaseResolved)
	fmt.Fprintf(&b, "  end to end: exact span and within %.0f km  %.3f (%d/%d)\n", AccuracyKm, ratio(r.EndToEnd, r.Gold), r.EndToEnd, r.Gold)
	return b.String()
}

// MissLines lists the misses, one a line, for tuning on a development set.
func (r GoldReport) MissLines() string {
	var b strings.Builder
	for _, m := range r.Misses {
		switch m.Kind {
		case "wrong":
			fmt.Fprintf(&b, "wrong      %s %q want %s (%.2f, %.2f), got %s %s %d (%.2f, %.2f) %.0f km  …%s…\n",
				m.Article, m.Text, cmpOr(m.Country, "-"), m.Lat, m.Lon, m.Got.Country, m.Got.Admin1, m.Got.GeonameID, m.Got.Lat, m.Got.Lon, m.Km, m.Context)
		case "extra":
			fmt.Fprintf(&b, "extra      %s %q got %s %d  …%s…\n", m.Article, m.Got.Name, m.Got.Country, m.Got.GeonameID, m.Context)
		default:
			fmt.Fprintf(&b, "%-10s %s %q want %s  …%s…\n", m.Kind, m.Article, m.Text, cmpOr(m.Country, "-"), m.Context)
		}
	}
	return b.String()
}

// EvaluateGold scores the stage on a gold file of whole articles (testdata/wikinews/*.jsonl)
// whose texts are read from wikinews (../shared/data/wikinews/articles.jsonl). Each article
// goes through the text and entities stages, then the places stage twice: once as it is,
// for the span scores and the end-to-end figure, and once with the gold spans written as
// LOCATION entities, for the accuracy of resolution alone, beside the population baseline.
func EvaluateGold(ctx context.Context, s *Stage, ents pipeline.Stage, goldPath, wikinews string) (GoldReport, error) {
	rep := GoldReport{Path: goldPath}
	gold, err := ReadToponyms(goldPath)
	if err != nil {
		return rep, err
	}
	texts, err := wn.Lines[wikinewsArticle](wikinews)
	if err != nil {
		return rep, err
	}
	pre := pipeline.New(segment.Stage{}, ents)
	for len(gold) > 0 {
		n := 1
		for n < len(gold) && gold[n].Article == gold[0].Article {
			n++
		}
		art := gold[:n]
		gold = gold[n:]
		line := art[0].Line
		if line < 1 || line > len(texts) {
			return rep, fmt.Errorf("%s: article %s: line %d is not in %s", goldPath, art[0].Article, line, wikinews)
		}
		w := texts[line-1]
		d := pipeline.NewDocument(&article.Article{Title: w.Title, Body: w.Text, Published: w.Published, URL: w.URL, Language: "en", Origin: art[0].Article})
		if err := pre.Run(ctx, d); err != nil {
			return rep, fmt.Errorf("%s: %w", art[0].Article, err)
		}
		for _, t := range art {
			if t.End > len(d.Text) || t.Start < 0 || t.Start >= t.End || d.Text[t.Start:t.End] != t.Text {
				return rep, fmt.Errorf("%s: %s: %q is not at bytes %d-%d of the text (has %s changed?)", goldPath, t.Article, t.Text, t.Start, t.End, wikinews)
			}
		}
		if err := rep.scoreArticle(ctx, s, d, art); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func (rep *GoldReport) scoreArticle(ctx context.Context, s *Stage, d *doc.Document, art []Toponym) error {
	rep.Articles++
	rep.Gold += len(art)
	entities := d.Entities
	ctxOf := func(sp doc.Span) string {
		lo, hi := max(0, sp.Start-40), min(len(d.Text), sp.End+40)
		for lo > 0 && !utf8Start(d.Text[lo]) {
			lo--
		}
		for hi < len(d.Text) && !utf8Start(d.Text[hi]) {
			hi++
		}
		return strings.ReplaceAll(d.Text[lo:hi], "\n", " ")
	}

	// End to end.
	if err := s.Annotate(ctx, d); err != nil {
		return err
	}
	byspan := map[doc.Span]Toponym{}
	for _, t := range art {
		byspan[doc.Span{Start: t.Start, End: t.End}] = t
	}
	got := map[doc.Span]doc.Place{}
	for _, p := range d.Places {
		rep.Found++
		got[p.Span] = p
		t, ok := byspan[p.Span]
		if !ok {
			rep.Misses = append(rep.Misses, GoldMiss{Toponym: Toponym{Article: art[0].Article}, Kind: "extra", Got: p, Context: ctxOf(p.Span)})
			continue
		}
		rep.Exact++
		if Distance(t.Lat, t.Lon, p.Lat, p.Lon) <= AccuracyKm {
			rep.EndToEnd++
		}
	}
	for _, t := range art {
		if _, ok := got[doc.Span{Start: t.Start, End: t.End}]; !ok {
			rep.Misses = append(rep.Misses, GoldMiss{Toponym: t, Kind: "missed", Context: ctxOf(doc.Span{Start: t.Start, End: t.End})})
		}
	}

	// Resolution with the gold spans given.
	ents := slices.Clone(entities)
	for _, t := range art {
		ents = withGold(d.Text, ents, doc.Entity{Text: t.Text, Type: "LOCATION", Canonical: t.Text, Span: doc.Span{Start: t.Start, End: t.End}})
	}
	d.Entities = ents
	if err := s.Annotate(ctx, d); err != nil {
		return err
	}
	got = map[doc.Span]doc.Place{}
	for _, p := range d.Places {
		got[p.Span] = p
	}
	for _, t := range art {
		sp := doc.Span{Start: t.Start, End: t.End}
		if p, ok := got[sp]; ok {
			rep.Resolved++
			km := Distance(t.Lat, t.Lon, p.Lat, p.Lon)
			rep.ErrKm += km
			if km <= AccuracyKm {
				rep.Within++
			} else {
				rep.Misses = append(rep.Misses, GoldMiss{Toponym: t, Kind: "wrong", Got: p, Km: km, Context: ctxOf(sp)})
			}
		} else {
			rep.Misses = append(rep.Misses, GoldMiss{Toponym: t, Kind: "unresolved", Context: ctxOf(sp)})
		}
		if p := PopulationBaseline(s.g, t.Text); p != nil {
			rep.BaseResolved++
			km := Distance(t.Lat, t.Lon, p.Lat, p.Lon)
			rep.BaseErrKm += km
			if km <= AccuracyKm {
				rep.BaseWithin++
			}
		}
	}
	d.Entities = entities
	return nil
}

// withGold writes the gold toponym e over the entities it overlaps, and keeps what those
// entities had on either side of it as entities of their own type ("Koszalin Piotr
// Jedlinski" tagged as one: the person's name stays a name).
func withGold(text string, ents []doc.Entity, e doc.Entity) []doc.Entity {
	out := []doc.Entity{e}
	for _, x := range ents {
		if x.End <= e.Start || e.End <= x.Start {
			out = append(out, x)
			continue
		}
		for _, sp := range []doc.Span{{Start: x.Start, End: e.Start}, {Start: e.End, End: x.End}} {
			part := strings.TrimSpace(text[max(sp.Start, 0):max(sp.End, sp.Start)])
			if part == "" || !unicode.IsLetter([]rune(part)[0]) {
				continue
			}
			start := sp.Start + strings.Index(text[sp.Start:sp.End], part)
			out = append(out, doc.Entity{Text: part, Type: x.Type, Canonical: part, Span: doc.Span{Start: start, End: start + len(part)}})
		}
	}
	return out
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// PopulationBaseline is the most populous gazetteer place named name (a leading "the"
// dropped), nil when there is none: the simple rule a geocoder has to beat.
func PopulationBaseline(g *gazetteer.Gazetteer, name string) *gazetteer.Place {
	var best *gazetteer.Place
	for _, m := range g.Lookup(trimThe(name)) {
		if best == nil || m.Population > best.Population {
			best = m.Place
		}
	}
	return best
}

// ReadToponyms reads a gold file of toponyms, one JSON object a line, grouped by article.
func ReadToponyms(path string) ([]Toponym, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Toponym
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var t Toponym
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if t.Article == "" || t.Text == "" || t.End <= t.Start {
			return nil, fmt.Errorf("%s:%d: want article, text and start < end", path, n)
		}
		if len(out) > 0 && out[len(out)-1].Article != t.Article {
			if seen[t.Article] {
				return nil, fmt.Errorf("%s:%d: the toponyms of article %s are not together", path, n, t.Article)
			}
			seen[out[len(out)-1].Article] = true
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

type wikinewsArticle struct {
	Title, Published, URL, Text string
}
