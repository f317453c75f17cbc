package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/store"
)

// GDELTColumns is the number of columns of a GDELT 2.0 event record.
const GDELTColumns = 61

// gdeltWriter writes the GDELT 2.0 event table as the GDELT Event Codebook V2.0
// defines it: 61 tab-separated columns, no header. What tocsin does not know is
// written as GDELT writes a missing value: empty, or 0 for the geo types. In
// particular:
//
//   - SQLDATE, MonthYear, Year and FractionDate are the event's date (its first day
//     when partial), else the article's publication date;
//   - the actor fields split the CAMEO actor code into country, known group, religion
//     and type codes; ethnic codes are not told apart from known groups;
//   - Actor1Name and Actor2Name are the canonical names (else the text as written),
//     upper-cased as GDELT has them;
//   - IsRootEvent is 1 for an event in the article's first three sentences (headline
//     and lead), as GDELT marks events of the lead paragraph;
//   - NumMentions, NumSources and NumArticles are the event's story's mentions,
//     outlets and articles (package story), 1 each for an event without a story, and
//     AvgTone is 0 (tocsin does not score tone);
//   - only the ActionGeo fields are filled, from the event's place, with FIPS 10-4
//     country codes and ADM1 codes made of the FIPS country and the GeoNames
//     first-level code (IR + 29); the Actor1Geo and Actor2Geo types are 0;
//   - DATEADDED is when the article was ingested, SOURCEURL its URL.
type gdeltWriter struct {
	w   *bufio.Writer
	t   *tables
	buf []byte
}

func newGDELT(w io.Writer) (*gdeltWriter, error) {
	t, err := loadTables()
	if err != nil {
		return nil, err
	}
	return &gdeltWriter{w: bufio.NewWriterSize(w, 64<<10), t: t}, nil
}

func (g *gdeltWriter) Close() error { return g.w.Flush() }

func (g *gdeltWriter) Write(r *store.EventRow) error {
	b := g.buf[:0]
	tab := func() { b = append(b, '\t') }

	// 1-5: ID and date.
	b = strconv.AppendInt(b, r.ID, 10)
	tab()
	day := store.DayOf(r.Date)
	if day == "" {
		day = store.DayOf(r.Published)
	}
	if day != "" {
		b = append(b, day[0:4]...)
		b = append(b, day[5:7]...)
		b = append(b, day[8:10]...)
		tab()
		b = append(b, day[0:4]...)
		b = append(b, day[5:7]...)
		tab()
		b = append(b, day[0:4]...)
		tab()
		b = appendFraction(b, day)
	} else {
		b = append(b, "\t\t\t"...)
	}
	tab()
	// 6-25: the actors.
	b = g.actor(b, r.Source, r.SourceCanonical, r.SourceText)
	tab()
	b = g.actor(b, r.Target, r.TargetCanonical, r.TargetText)
	tab()
	// 26-35: the event.
	if r.Sentence < 3 {
		b = append(b, '1')
	} else {
		b = append(b, '0')
	}
	tab()
	b = appendClean(b, r.Code)
	tab()
	b = appendClean(b, r.Base)
	tab()
	b = appendClean(b, r.Root)
	tab()
	b = strconv.AppendInt(b, int64(r.QuadClass), 10)
	tab()
	b = strconv.AppendFloat(b, r.Goldstein, 'f', -1, 64)
	// 32-34: NumMentions, NumSources, NumArticles from the event's story; 1 each (this
	// one report) for an event without one. 35: AvgTone.
	if r.Story != "" && r.StoryMentions > 0 {
		tab()
		b = strconv.AppendInt(b, int64(r.StoryMentions), 10)
		tab()
		b = strconv.AppendInt(b, int64(max(r.StorySources, 1)), 10)
		tab()
		b = strconv.AppendInt(b, int64(max(r.StoryArticles, 1)), 10)
		b = append(b, "\t0\t"...)
	} else {
		b = append(b, "\t1\t1\t1\t0\t"...)
	}
	// 36-51: Actor1Geo and Actor2Geo, type 0 and seven empty fields each.
	b = append(b, "0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t"...)
	// 52-59: ActionGeo.
	b = g.geo(b, r)
	tab()
	// 60-61.
	b = appendDateAdded(b, r.Ingested)
	tab()
	b = appendClean(b, r.URL)
	b = append(b, '\n')
	g.buf = b
	_, err := g.w.Write(b)
	return err
}

// actor appends the ten GDELT fields of an actor: code, name, country, known group,
// ethnic, religion 1 and 2, type 1 to 3.
func (g *gdeltWriter) actor(b []byte, code, canonical, text string) []byte {
	if code == "" && canonical == "" && text == "" {
		return append(b, "\t\t\t\t\t\t\t\t\t"...)
	}
	p := g.t.splitActor(code)
	name := canonical
	if name == "" {
		name = text
	}
	b = appendClean(b, code)
	b = append(b, '\t')
	b = appendUpperClean(b, name)
	for _, f := range [...]string{p.country, p.group, "", p.religion[0], p.religion[1], p.types[0], p.types[1], p.types[2]} {
		b = append(b, '\t')
		b = append(b, f...)
	}
	return b
}

// geo appends the eight ActionGeo fields: type, full name, country, ADM1, ADM2, lat,
// long, feature ID.
func (g *gdeltWriter) geo(b []byte, r *store.EventRow) []byte {
	p := r.Place
	if p == nil {
		return append(b, "0\t\t\t\t\t\t\t"...)
	}
	c := g.t.countries[p.Country]
	adm1 := ""
	if _, code, ok := strings.Cut(p.Admin1, "."); ok && c.fips != "" && code != "" {
		adm1 = c.fips + code
	} else if c.fips != "" {
		adm1 = c.fips
	}
	// Geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state. A place
	// without a first-level division is taken as its country, one with as a city.
	typ := byte('1')
	switch {
	case p.Admin1 == "":
	case p.Country == "USA":
		typ = '3'
	default:
		typ = '4'
	}
	b = append(b, typ, '\t')
	b = appendClean(b, p.Name)
	if c.name != "" && c.name != p.Name {
		b = append(b, ", "...)
		b = append(b, c.name...)
	}
	b = append(b, '\t')
	b = append(b, c.fips...)
	b = append(b, '\t')
	b = appendClean(b, adm1)
	b = append(b, "\t\t"...)
	b = strconv.AppendFloat(b, p.Lat, 'f', -1, 64)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, p.Lon, 'f', -1, 64)
	b = append(b, '\t')
	if p.GeonameID != 0 {
		b = strconv.AppendInt(b, int64(p.GeonameID), 10)
	}
	return b
}

// appendFraction appends GDELT's FractionDate of day (YYYY-MM-DD): the year plus the
// share of it gone by at the start of that day, to four decimals.
func appendFraction(b []byte, day string) []byte {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return b
	}
	days := 365.0
	if y := t.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 366
	}
	return strconv.AppendFloat(b, float64(t.Year())+float64(t.YearDay()-1)/days, 'f', 4, 64)
}

// appendDateAdded appends the ingest time (store's fixed-width RFC 3339,
// 2020-01-07T10:11:12...Z) as YYYYMMDDHHMMSS.
func appendDateAdded(b []byte, ts string) []byte {
	if len(ts) < 19 {
		return b
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		b = append(b, ts[i])
	}
	return b
}

// appendClean appends s with tabs, carriage returns and newlines turned into spaces,
// so that no field can break the table.
func appendClean(b []byte, s string) []byte {
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		if c := b[i]; c == '\t' || c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return b
}

// appendUpperClean is appendClean of s upper-cased, without a copy when s is ASCII.
func appendUpperClean(b []byte, s string) []byte {
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		switch c := b[i]; {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c == '\t' || c == '\r' || c == '\n':
			b[i] = ' '
		case c >= 0x80: // not ASCII: as strings.ToUpper has it
			return appendClean(b[:n], strings.ToUpper(s))
		}
	}
	return b
}
