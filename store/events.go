package store

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
)

// EventStore is the event dataset: every coded event of every stored article as a row,
// queried by EventFilter. Rows are written with their article (Store.Put), in the same
// transaction.
type EventStore interface {
	// Events returns one page of the events that match f, in row-ID order, and how many
	// match in all.
	Events(ctx context.Context, f EventFilter, page Page) ([]EventRow, int, error)
	// EachEvent calls fn with every event that matches f, in row-ID order, one row at a
	// time, so that exports run in constant memory. The row is reused between calls.
	// An error from fn stops the walk and is returned.
	EachEvent(ctx context.Context, f EventFilter, fn func(*EventRow) error) error
}

// EventRow is one event with its evidence: the article it came from and the sentence
// that says it. Its JSON form is the row of `tocsin events --json` and `/api/events`.
type EventRow struct {
	// ID is the row's stable integer ID: assigned when the event is stored, never
	// changed or reused (it is GDELT's GLOBALEVENTID in the gdelt export).
	ID int64 `json:"id"`

	ArticleID  string `json:"article_id"`
	URL        string `json:"url"`
	Published  string `json:"published"`
	SourceName string `json:"source_name"` // the outlet
	Title      string `json:"title"`
	// Ingested is when the article was stored: UTC, 2006-01-02T15:04:05.000000000Z.
	Ingested string `json:"ingested"`

	// Index is the event's position in the article's events layer.
	Index        int          `json:"index"`
	Sentence     int          `json:"sentence"` // index into the article's sentences
	SentenceText string       `json:"sentence_text"`
	SentenceSpan doc.Span     `json:"sentence_span"` // byte offsets in the article text
	Evidence     doc.Evidence `json:"evidence"`      // byte offsets in the article text

	Source          string `json:"source"`           // CAMEO actor code, e.g. IRNMIL
	SourceText      string `json:"source_text"`      // the actor as written
	SourceCanonical string `json:"source_canonical"` // the article's one name for it
	Target          string `json:"target"`
	TargetText      string `json:"target_text"`
	TargetCanonical string `json:"target_canonical"`

	Code       string  `json:"code"` // CAMEO event code, e.g. 1951
	Base       string  `json:"base"` // its first three digits, e.g. 195
	Root       string  `json:"root"` // its first two digits, e.g. 19
	QuadClass  int     `json:"quad_class"`
	Goldstein  float64 `json:"goldstein"`
	PloverType string  `json:"plover_type"`
	PloverMode string  `json:"plover_mode"`
	Modality   string  `json:"modality"`
	Rule       string  `json:"rule"`

	Date       string `json:"date"`        // ISO-8601, possibly partial (2020-01); "" when unknown
	DateSource string `json:"date_source"` // text, mention, narrative, publication...

	Place       *doc.Location `json:"place"` // null when the text does not say where
	PlaceSource string        `json:"place_source"`

	// Story is the ID of the story the event is a mention of (package story). Its
	// mentions, outlets and articles are what the GDELT export writes as NumMentions,
	// NumSources and NumArticles; all 0 when the event has no story.
	Story         string `json:"story"`
	StoryMentions int    `json:"-"`
	StorySources  int    `json:"-"`
	StoryArticles int    `json:"-"`
}

// DayOf is the first day of a possibly partial ISO-8601 date or date-time, as
// YYYY-MM-DD: 2020 → 2020-01-01, 2020-01 → 2020-01-01, 2020-01-07T10:00 → 2020-01-07.
// It is "" for a value that is not such a date.
func DayOf(date string) string {
	var d string
	switch {
	case len(date) >= 10:
		d = date[:10]
	case len(date) == 7:
		d = date + "-01"
	case len(date) == 4:
		d = date + "-01-01"
	default:
		return ""
	}
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return ""
	}
	return d
}

// BaseOf is the CAMEO base code of code, its first three digits ("0211" → "021"); a
// root-level code ("19") is its own base.
func BaseOf(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// EventFilter selects events. The zero value selects every event; set fields combine
// with AND, and the values of one repeatable field with OR.
type EventFilter struct {
	Source   string    // actor-code prefix of the source: IRN matches IRNMIL
	Target   string    // actor-code prefix of the target
	Dyad     [2]string // actor-code prefixes of a pair, in either direction; both or neither set
	Roots    []string  // CAMEO roots, two digits
	Codes    []string  // CAMEO event codes, exact
	Quad     int       // quad class 1-4; 0 for any
	Country  string    // ISO 3166 alpha-3 of the event's place
	Since    string    // first event day, YYYY-MM-DD, inclusive
	Until    string    // last event day, YYYY-MM-DD, inclusive
	Modality string    // asserted, negated, hypothetical or future
	Article  string    // article ID
	Text     string    // full-text query over the sentence (the store's search syntax)

	// NoStoryCounts is not a filter: it lets the store leave the rows' StoryMentions,
	// StorySources and StoryArticles 0, which saves SQLite a lookup per row, for
	// readers that do not show them (every export format but gdelt).
	NoStoryCounts bool
}

// Modalities are the values an event's modality takes.
var Modalities = []string{"asserted", "negated", "hypothetical", "future"}

// FilterNames are the event filters, as query parameters (and, with "--", flags).
var FilterNames = []string{"source", "target", "dyad", "root", "code", "quad", "country",
	"since", "until", "modality", "article", "q"}

// FilterError reports a filter value that is not valid: Name is the filter ("root"),
// Value what was given. Commands answer it with a usage error, the API with 400.
type FilterError struct {
	Name, Value, Reason string
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("bad filter %s=%q: %s", e.Name, e.Value, e.Reason)
}

// maxFilterValues bounds the values of a repeatable filter.
const maxFilterValues = 64

// ParseEventFilter reads the filters in v, keyed by the names in FilterNames (root and
// code may repeat, other filters may not), and checks each value: an unknown CAMEO
// code or root, a country code that is not ISO 3166 alpha-3 letters, a date that is not
// YYYY-MM-DD, an unknown modality, or since after until is a *FilterError. Actor codes
// and countries are upper-cased. Names not in FilterNames are ignored, so that a query
// string may also carry limit and offset.
func ParseEventFilter(v url.Values) (EventFilter, error) {
	var f EventFilter
	one := func(name string) (string, error) {
		vals := v[name]
		switch len(vals) {
		case 0:
			return "", nil
		case 1:
			s := strings.TrimSpace(vals[0])
			if s == "" {
				return "", &FilterError{name, vals[0], "empty value"}
			}
			return s, nil
		}
		return "", &FilterError{name, strings.Join(vals, ","), "give it once"}
	}
	var err error
	if f.Source, err = actorFilter(one, "source"); err != nil {
		return f, err
	}
	if f.Target, err = actorFilter(one, "target"); err != nil {
		return f, err
	}
	dyad, err := one("dyad")
	if err != nil {
		return f, err
	}
	if dyad != "" {
		a, b, ok := strings.Cut(dyad, "-")
		a, b = strings.ToUpper(a), strings.ToUpper(b)
		if !ok || !isActorCode(a) || !isActorCode(b) {
			return f, &FilterError{"dyad", dyad, "want two actor codes joined by a dash, e.g. IRN-USA"}
		}
		f.Dyad = [2]string{a, b}
	}
	if len(v["root"]) > maxFilterValues || len(v["code"]) > maxFilterValues {
		return f, &FilterError{"code", "", fmt.Sprintf("at most %d values of root and of code", maxFilterValues)}
	}
	for _, r := range v["root"] {
		if len(r) != 2 || cameo.QuadClassOf(r) == 0 {
			return f, &FilterError{"root", r, "want a CAMEO root, two digits from 01 to 20"}
		}
		f.Roots = append(f.Roots, r)
	}
	for _, c := range v["code"] {
		if !allDigits(c) || len(c) < 2 || len(c) > 4 {
			return f, &FilterError{"code", c, "want a CAMEO event code, 2 to 4 digits (e.g. 190, 1951)"}
		}
		if _, ok := cameo.Lookup(c); !ok || cameo.QuadClassOf(c) == 0 {
			return f, &FilterError{"code", c, "not a CAMEO event code"}
		}
		f.Codes = append(f.Codes, c)
	}
	quad, err := one("quad")
	if err != nil {
		return f, err
	}
	if quad != "" {
		n, err := strconv.Atoi(quad)
		if err != nil || n < 1 || n > 4 {
			return f, &FilterError{"quad", quad, "want a quad class from 1 to 4"}
		}
		f.Quad = n
	}
	country, err := one("country")
	if err != nil {
		return f, err
	}
	if country != "" {
		c := strings.ToUpper(country)
		if len(c) != 3 || strings.IndexFunc(c, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
			return f, &FilterError{"country", country, "want an ISO 3166 alpha-3 country code, e.g. IRN"}
		}
		f.Country = c
	}
	for _, d := range []struct {
		name string
		to   *string
	}{{"since", &f.Since}, {"until", &f.Until}} {
		s, err := one(d.name)
		if err != nil {
			return f, err
		}
		if s == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return f, &FilterError{d.name, s, "want a date as YYYY-MM-DD"}
		}
		*d.to = s
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return f, &FilterError{"until", f.Until, "is before since " + f.Since}
	}
	mod, err := one("modality")
	if err != nil {
		return f, err
	}
	if mod != "" {
		known := false
		for _, m := range Modalities {
			known = known || m == mod
		}
		if !known {
			return f, &FilterError{"modality", mod, "want one of " + strings.Join(Modalities, ", ")}
		}
		f.Modality = mod
	}
	if f.Article, err = one("article"); err != nil {
		return f, err
	}
	if f.Text, err = one("q"); err != nil {
		return f, err
	}
	return f, nil
}

// actorFilter reads the actor-code prefix filter name.
func actorFilter(one func(string) (string, error), name string) (string, error) {
	s, err := one(name)
	if err != nil || s == "" {
		return "", err
	}
	c := strings.ToUpper(s)
	if !isActorCode(c) {
		return "", &FilterError{name, s, "want a CAMEO actor code or its prefix: letters and digits, e.g. IRN or IRNMIL"}
	}
	return c, nil
}

// isActorCode reports whether s may be (a prefix of) a CAMEO actor code.
func isActorCode(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
