package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/store"
)

// column is one flattened field of an event row: its CSV header name and an appender
// of its value, already escaped as RFC 4180 asks.
type column struct {
	name string
	add  func(b []byte, r *store.EventRow) []byte
}

func str(name string, get func(r *store.EventRow) string) column {
	return column{name, func(b []byte, r *store.EventRow) []byte { return appendCSV(b, get(r)) }}
}

func num(name string, get func(r *store.EventRow) int) column {
	return column{name, func(b []byte, r *store.EventRow) []byte { return strconv.AppendInt(b, int64(get(r)), 10) }}
}

// placeNum is a number of the event's place, empty when it has none.
func placeNum(name string, get func(r *store.EventRow) float64, integer bool) column {
	return column{name, func(b []byte, r *store.EventRow) []byte {
		if r.Place == nil {
			return b
		}
		if integer {
			return strconv.AppendInt(b, int64(get(r)), 10)
		}
		return strconv.AppendFloat(b, get(r), 'f', -1, 64)
	}}
}

func placeStr(name string, get func(r *store.EventRow) string) column {
	return column{name, func(b []byte, r *store.EventRow) []byte {
		if r.Place == nil {
			return b
		}
		return appendCSV(b, get(r))
	}}
}

// csvColumns are the fields of `tocsin events --json`, flattened: nested objects
// become prefix_field (evidence_trigger_start, place_country).
var csvColumns = []column{
	{"id", func(b []byte, r *store.EventRow) []byte { return strconv.AppendInt(b, r.ID, 10) }},
	str("article_id", func(r *store.EventRow) string { return r.ArticleID }),
	str("url", func(r *store.EventRow) string { return r.URL }),
	str("published", func(r *store.EventRow) string { return r.Published }),
	str("source_name", func(r *store.EventRow) string { return r.SourceName }),
	str("title", func(r *store.EventRow) string { return r.Title }),
	str("ingested", func(r *store.EventRow) string { return r.Ingested }),
	num("index", func(r *store.EventRow) int { return r.Index }),
	num("sentence", func(r *store.EventRow) int { return r.Sentence }),
	str("sentence_text", func(r *store.EventRow) string { return r.SentenceText }),
	num("sentence_start", func(r *store.EventRow) int { return r.SentenceSpan.Start }),
	num("sentence_end", func(r *store.EventRow) int { return r.SentenceSpan.End }),
	num("evidence_source_start", func(r *store.EventRow) int { return r.Evidence.Source.Start }),
	num("evidence_source_end", func(r *store.EventRow) int { return r.Evidence.Source.End }),
	num("evidence_trigger_start", func(r *store.EventRow) int { return r.Evidence.Trigger.Start }),
	num("evidence_trigger_end", func(r *store.EventRow) int { return r.Evidence.Trigger.End }),
	num("evidence_target_start", func(r *store.EventRow) int { return r.Evidence.Target.Start }),
	num("evidence_target_end", func(r *store.EventRow) int { return r.Evidence.Target.End }),
	str("source", func(r *store.EventRow) string { return r.Source }),
	str("source_text", func(r *store.EventRow) string { return r.SourceText }),
	str("source_canonical", func(r *store.EventRow) string { return r.SourceCanonical }),
	str("target", func(r *store.EventRow) string { return r.Target }),
	str("target_text", func(r *store.EventRow) string { return r.TargetText }),
	str("target_canonical", func(r *store.EventRow) string { return r.TargetCanonical }),
	str("code", func(r *store.EventRow) string { return r.Code }),
	str("base", func(r *store.EventRow) string { return r.Base }),
	str("root", func(r *store.EventRow) string { return r.Root }),
	num("quad_class", func(r *store.EventRow) int { return r.QuadClass }),
	{"goldstein", func(b []byte, r *store.EventRow) []byte { return strconv.AppendFloat(b, r.Goldstein, 'f', -1, 64) }},
	str("plover_type", func(r *store.EventRow) string { return r.PloverType }),
	str("plover_mode", func(r *store.EventRow) string { return r.PloverMode }),
	str("modality", func(r *store.EventRow) string { return r.Modality }),
	str("rule", func(r *store.EventRow) string { return r.Rule }),
	str("date", func(r *store.EventRow) string { return r.Date }),
	str("date_source", func(r *store.EventRow) string { return r.DateSource }),
	placeStr("place_name", func(r *store.EventRow) string { return r.Place.Name }),
	placeStr("place_country", func(r *store.EventRow) string { return r.Place.Country }),
	placeStr("place_admin1", func(r *store.EventRow) string { return r.Place.Admin1 }),
	placeNum("place_lat", func(r *store.EventRow) float64 { return r.Place.Lat }, false),
	placeNum("place_lon", func(r *store.EventRow) float64 { return r.Place.Lon }, false),
	placeNum("place_geonameid", func(r *store.EventRow) float64 { return float64(r.Place.GeonameID) }, true),
	str("place_source", func(r *store.EventRow) string { return r.PlaceSource }),
	str("story", func(r *store.EventRow) string { return r.Story }),
}

// CSVHeader is the header line of the csv format, in column order.
func CSVHeader() []string {
	out := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		out[i] = c.name
	}
	return out
}

// csvWriter writes RFC 4180 CSV: a header, then one CRLF-terminated record per event;
// a field is quoted when it holds a comma, a double quote, CR or LF.
type csvWriter struct {
	w      *bufio.Writer
	buf    []byte
	header bool
}

func newCSV(w io.Writer) *csvWriter { return &csvWriter{w: bufio.NewWriterSize(w, 64<<10)} }

func (c *csvWriter) Write(r *store.EventRow) error {
	if !c.header {
		c.header = true
		b := c.buf[:0]
		for i, col := range csvColumns {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, col.name...)
		}
		if _, err := c.w.Write(append(b, '\r', '\n')); err != nil {
			return err
		}
	}
	b := c.buf[:0]
	for i, col := range csvColumns {
		if i > 0 {
			b = append(b, ',')
		}
		b = col.add(b, r)
	}
	b = append(b, '\r', '\n')
	c.buf = b
	_, err := c.w.Write(b)
	return err
}

// Close writes the header if no event was written, and flushes.
func (c *csvWriter) Close() error {
	if !c.header {
		c.header = true
		if _, err := c.w.WriteString(strings.Join(CSVHeader(), ",") + "\r\n"); err != nil {
			return err
		}
	}
	return c.w.Flush()
}

// appendCSV appends s as one CSV field, quoted when RFC 4180 requires it.
func appendCSV(b []byte, s string) []byte {
	if !needsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		b = append(b, s[:i+1]...)
		b = append(b, '"')
		s = s[i+1:]
	}
	b = append(b, s...)
	return append(b, '"')
}

// needsQuotes reports whether s holds a comma, a double quote, CR or LF. (A loop over
// the bytes: strings.ContainsAny builds its set of bytes at every call, which was a
// tenth of an export's CPU once reading rows got cheap.)
func needsQuotes(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}
