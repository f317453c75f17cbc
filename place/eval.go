package place

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// PointKm is how close a resolved point must be to the expected one to count as right.
const PointKm = 50.0

// Case is one line of an evaluation file: a text, a place name in it and where it is.
type Case struct {
	Line     int
	Mention  string // its first occurrence in Text is scored
	Country  string // expected ISO alpha-3, "" for a region that spans countries
	Lat, Lon float64
	HasPoint bool // Lat and Lon were given
	Text     string
}

// Result is what the stage made of one case.
type Result struct {
	Case
	Found     bool      // the stage resolved the mention
	Got       doc.Place // when Found
	Km        float64   // distance from the expected point, when both exist
	CountryOK bool
	PointOK   bool
	// Tagged reports whether the entities stage found the mention itself; when it did
	// not, the evaluation adds it as a LOCATION so that resolution is measured alone.
	Tagged bool
}

// Report is the outcome of Evaluate.
type Report struct {
	Path           string
	Cases          int
	Found          int // mentions resolved to some place
	CountryCorrect int
	Points         int // cases with an expected point
	PointsWithin   int // of those, resolved within PointKm
	Untagged       int // mentions the entities stage missed
	Results        []Result
	// PlaceTime is the time spent in the places stage alone, over all cases.
	PlaceTime time.Duration
}

// CountryAccuracy is the share of cases resolved to the expected country.
func (r Report) CountryAccuracy() float64 { return ratio(r.CountryCorrect, r.Cases) }

// PointAccuracy is the share of cases with a point resolved within PointKm of it.
func (r Report) PointAccuracy() float64 { return ratio(r.PointsWithin, r.Points) }

// Failures returns the cases resolved to the wrong country or too far away, or not at all.
func (r Report) Failures() []Result {
	var out []Result
	for _, x := range r.Results {
		if !x.CountryOK || x.HasPoint && !x.PointOK {
			out = append(out, x)
		}
	}
	return out
}

func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "places %s: %d cases, %d resolved; country %d/%d = %.1f%%; point within %.0f km %d/%d = %.1f%%; entities stage missed %d mentions; %.1f µs per case in the places stage\n",
		r.Path, r.Cases, r.Found, r.CountryCorrect, r.Cases, 100*r.CountryAccuracy(), PointKm,
		r.PointsWithin, r.Points, 100*r.PointAccuracy(), r.Untagged,
		float64(r.PlaceTime.Microseconds())/float64(max(r.Cases, 1)))
	for _, f := range r.Failures() {
		got := "nothing"
		if f.Found {
			got = fmt.Sprintf("%s %s (%.2f, %.2f) geonameid %d", f.Got.Country, f.Got.Admin1, f.Got.Lat, f.Got.Lon, f.Got.GeonameID)
			if f.HasPoint {
				got += fmt.Sprintf(", %.0f km off", f.Km)
			}
		}
		fmt.Fprintf(&b, "  line %d: %q want %s, got %s\n", f.Line, f.Mention, cmpOr(f.Country, "(no country)"), got)
	}
	return b.String()
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate scores the places stage on an evaluation file (see testdata/ambiguous.tsv for
// the format): each text goes through the text and entities stages, then the places
// stage, and the place found at the mention is compared with the expected country and
// point.
func Evaluate(path string) (Report, error) {
	ents, err := ner.New()
	if err != nil {
		return Report{}, err
	}
	s, err := New()
	if err != nil {
		return Report{}, err
	}
	return EvaluateWith(context.Background(), s, ents, path)
}

// EvaluateWith is Evaluate with stages already loaded; ents writes Document.Entities.
func EvaluateWith(ctx context.Context, s *Stage, ents pipeline.Stage, path string) (Report, error) {
	cases, err := ReadCases(path)
	if err != nil {
		return Report{}, err
	}
	pre := pipeline.New(segment.Stage{}, ents)
	rep := Report{Path: path}
	for _, c := range cases {
		d, err := pre.Analyze(ctx, &article.Article{Body: c.Text, Language: "en", Origin: fmt.Sprintf("%s:%d", path, c.Line)})
		if err != nil {
			return rep, err
		}
		at := strings.Index(d.Text, c.Mention)
		if at < 0 {
			return rep, fmt.Errorf("%s:%d: mention %q is not in the text", path, c.Line, c.Mention)
		}
		want := doc.Span{Start: at, End: at + len(c.Mention)}
		res := Result{Case: c}
		for _, e := range d.Entities {
			if e.Span == want {
				res.Tagged = true
			}
		}
		if !res.Tagged {
			rep.Untagged++
			d.Entities = withEntity(d.Entities, doc.Entity{Text: c.Mention, Type: "LOCATION", Canonical: c.Mention, Span: want})
		}
		start := time.Now()
		if err := s.Annotate(ctx, d); err != nil {
			return rep, err
		}
		rep.PlaceTime += time.Since(start)
		// The place at the mention, or one containing it ("Ain al-Asad air base").
		for _, p := range d.Places {
			if p.Span == want || !res.Found && p.Start <= want.Start && want.End <= p.End {
				res.Found, res.Got = true, p
			}
		}
		rep.score(&res)
	}
	return rep, nil
}

func (rep *Report) score(res *Result) {
	rep.Cases++
	if res.Found {
		rep.Found++
		res.CountryOK = res.Got.Country == res.Country
	}
	if res.HasPoint {
		rep.Points++
		if res.Found {
			res.Km = Distance(res.Lat, res.Lon, res.Got.Lat, res.Got.Lon)
			res.PointOK = res.Km <= PointKm
		}
		if res.PointOK {
			rep.PointsWithin++
		}
	}
	if res.CountryOK {
		rep.CountryCorrect++
	}
	rep.Results = append(rep.Results, *res)
}

// withEntity replaces the entities overlapping e by e.
func withEntity(ents []doc.Entity, e doc.Entity) []doc.Entity {
	out := []doc.Entity{e}
	for _, x := range ents {
		if x.End <= e.Start || e.End <= x.Start {
			out = append(out, x)
		}
	}
	return out
}

// ReadCases reads an evaluation file: '#' comments, and lines of mention, country,
// latitude, longitude (both may be empty) and text, tab-separated.
func ReadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != 5 || col[0] == "" || col[4] == "" {
			return nil, fmt.Errorf("%s:%d: want mention, country, lat, lon, text separated by tabs", path, n)
		}
		c := Case{Line: n, Mention: col[0], Country: col[1], Text: col[4]}
		if col[2] != "" || col[3] != "" {
			c.Lat, err = strconv.ParseFloat(col[2], 64)
			if err == nil {
				c.Lon, err = strconv.ParseFloat(col[3], 64)
			}
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad point %q, %q", path, n, col[2], col[3])
			}
			c.HasPoint = true
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
