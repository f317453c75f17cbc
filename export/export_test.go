package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

// storedRows returns the event rows of a copy of the store written by the sqlite
// package's migration test data: real articles analysed by tocsin, back-filled.
func storedRows(t *testing.T) []store.EventRow {
	t.Helper()
	b, err := os.ReadFile("../store/sqlite/testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var rows []store.EventRow
	err = st.EachEvent(context.Background(), store.EventFilter{}, func(r *store.EventRow) error {
		rows = append(rows, *r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 30 {
		t.Fatalf("%d rows in the test store", len(rows))
	}
	// One row with the characters CSV and TSV must escape.
	odd := rows[0]
	odd.SentenceText = "He said, \"no\"\r\nthen\tleft."
	odd.ID = 1 << 40
	return append(rows, odd)
}

func write(t *testing.T, format string, rows []store.EventRow) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if err := w.Write(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCSV(t *testing.T) {
	rows := storedRows(t)
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv", rows))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rows)+1 || strings.Join(recs[0], ",") != strings.Join(CSVHeader(), ",") {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	col := map[string]int{}
	for i, name := range recs[0] {
		col[name] = i
	}
	for i, r := range rows {
		rec := recs[i+1]
		if rec[col["id"]] != strconv.FormatInt(r.ID, 10) || rec[col["sentence_text"]] != strings.ReplaceAll(r.SentenceText, "\r\n", "\n") || // the reader's CRLF → LF
			rec[col["url"]] != r.URL || rec[col["code"]] != r.Code || rec[col["source"]] != r.Source {
			t.Errorf("record %d = %v; want row %+v", i, rec, r)
		}
		if r.Place == nil && rec[col["place_lat"]] != "" || r.Place != nil && rec[col["place_country"]] != r.Place.Country {
			t.Errorf("record %d place fields %q %q; want %v", i, rec[col["place_country"]], rec[col["place_lat"]], r.Place)
		}
	}
	// The JSON field names of a row are the CSV columns, flattened.
	js, _ := json.Marshal(rows[0])
	var m map[string]any
	json.Unmarshal(js, &m)
	for name := range m {
		if _, ok := col[name]; !ok && name != "evidence" && name != "place" && name != "sentence_span" {
			t.Errorf("JSON field %s has no CSV column", name)
		}
	}
	// Even no rows make a header.
	if got := string(write(t, "csv", nil)); got != strings.Join(CSVHeader(), ",")+"\r\n" {
		t.Errorf("empty export = %q", got)
	}
}

func TestJSONL(t *testing.T) {
	rows := storedRows(t)
	sc := bufio.NewScanner(bytes.NewReader(write(t, "jsonl", rows)))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r store.EventRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if r.ID != rows[n].ID || r.SentenceText != rows[n].SentenceText || (r.Place == nil) != (rows[n].Place == nil) {
			t.Errorf("line %d = %+v; want %+v", n+1, r, rows[n])
		}
		n++
	}
	if n != len(rows) {
		t.Errorf("%d lines; want %d", n, len(rows))
	}
}

func TestGDELT(t *testing.T) {
	rows := storedRows(t)
	lines := strings.Split(strings.TrimSuffix(string(write(t, "gdelt", rows)), "\n"), "\n")
	if len(lines) != len(rows) {
		t.Fatalf("%d lines for %d rows", len(lines), len(rows))
	}
	// Columns by the GDELT 2.0 Event Codebook, numbered from 1.
	const (
		globalEventID = 1
		sqlDate       = 2
		actor1Code    = 6
		actor1Country = 8
		actor1Type1   = 13
		actor2Code    = 16
		eventCode     = 27
		eventBaseCode = 28
		eventRootCode = 29
		quadClass     = 30
		numMentions   = 32
		actionGeoType = 52
		actionGeoCC   = 54
		actionGeoADM1 = 55
		actionGeoLat  = 57
		dateAdded     = 60
		sourceURL     = 61
	)
	leadingZero, placed := 0, 0
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != GDELTColumns {
			t.Fatalf("line %d has %d columns; want %d: %q", i+1, len(f), GDELTColumns, line)
		}
		col := func(n int) string { return f[n-1] }
		r := rows[i]
		if col(globalEventID) != strconv.FormatInt(r.ID, 10) || col(sourceURL) != r.URL ||
			col(eventCode) != r.Code || col(eventRootCode) != r.Root || col(eventBaseCode) != r.Base ||
			col(actor1Code) != r.Source || col(actor2Code) != r.Target || col(quadClass) != strconv.Itoa(r.QuadClass) ||
			col(numMentions) != strconv.Itoa(max(r.StoryMentions, 1)) {
			t.Errorf("line %d: %q\ndoes not match row %+v", i+1, line, r)
		}
		if _, err := time.Parse("20060102", col(sqlDate)); err != nil {
			t.Errorf("line %d: SQLDATE %q", i+1, col(sqlDate))
		}
		if _, err := time.Parse("20060102150405", col(dateAdded)); err != nil {
			t.Errorf("line %d: DATEADDED %q", i+1, col(dateAdded))
		}
		if strings.HasPrefix(r.Code, "0") {
			leadingZero++
		}
		if r.Source == "USAMIL" && (col(actor1Country) != "USA" || col(actor1Type1) != "MIL") {
			t.Errorf("line %d: USAMIL split as country %q, type %q", i+1, col(actor1Country), col(actor1Type1))
		}
		if r.Place != nil && r.Place.Country == "IRQ" {
			placed++
			if col(actionGeoCC) != "IZ" || !strings.HasPrefix(col(actionGeoADM1), "IZ") || col(actionGeoType) == "0" ||
				col(actionGeoLat) != strconv.FormatFloat(r.Place.Lat, 'f', -1, 64) {
				t.Errorf("line %d: an event in Iraq has ActionGeo %q", i+1, f[actionGeoType-1:actionGeoType+7])
			}
		}
	}
	if leadingZero == 0 || placed == 0 {
		t.Errorf("the test data lacks codes with a leading zero (%d) or events in Iraq (%d)", leadingZero, placed)
	}
}

func TestFIPS(t *testing.T) {
	for iso, fips := range map[string]string{"IRN": "IR", "IRQ": "IZ", "DEU": "GM", "GBR": "UK", "USA": "US", "ISR": "IS", "PSE": "WE", "XXX": ""} {
		if got := FIPS(iso); got != fips {
			t.Errorf("FIPS(%s) = %q; want %q", iso, got, fips)
		}
	}
	tb, err := loadTables()
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]actorParts{
		"IRNMIL":       {country: "IRN", types: [3]string{"MIL"}},
		"USAGOVMIL":    {country: "USA", types: [3]string{"GOV", "MIL"}},
		"IGOUNODEVWBK": {group: "UNO", types: [3]string{"IGO", "DEV"}},
		"IMGMUSALQ":    {group: "ALQ", types: [3]string{"IMG"}, religion: [2]string{"MUS"}},
		"WSTREB":       {country: "WST", types: [3]string{"REB"}},
	} {
		if got := tb.splitActor(code); got != want {
			t.Errorf("splitActor(%s) = %+v; want %+v", code, got, want)
		}
	}
}

func TestPlover(t *testing.T) {
	rows := storedRows(t)
	want := 0
	for _, r := range rows {
		if r.PloverType != "" {
			want++
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(write(t, "plover", rows)))
	n := 0
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		for _, field := range []string{"id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "event_loc", "text_info"} {
			if _, ok := m[field]; !ok {
				t.Errorf("line %d lacks %s: %s", n+1, field, sc.Text())
			}
		}
		if m["event"] == "" || m["event_text"] == "" || m["text_info"].(map[string]any)["url"] == "" {
			t.Errorf("line %d lacks its event type, sentence or URL: %s", n+1, sc.Text())
		}
		if strings.HasPrefix(m["cameo"].(string), "01") {
			t.Errorf("line %d is a statement, which PLOVER does not code: %s", n+1, sc.Text())
		}
		n++
	}
	if n != want || want == 0 || want == len(rows) {
		t.Errorf("%d PLOVER events; want %d of %d rows (statements left out)", n, want, len(rows))
	}
}

func TestParquetReadBack(t *testing.T) {
	rows := storedRows(t)
	b := write(t, "parquet", rows)
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != int64(len(rows)) {
		t.Fatalf("%d rows in the file; want %d", f.NumRows(), len(rows))
	}
	// Typed columns: dates as DATE, numbers as numbers.
	types := map[string]string{}
	for _, c := range f.Schema().Fields() {
		typ := c.Type().String()
		if lt := c.Type().LogicalType(); lt != nil {
			typ = lt.String()
		}
		types[c.Name()] = typ
	}
	for name, want := range map[string]string{"day": "DATE", "published_day": "DATE", "id": "INT(64",
		"goldstein": "DOUBLE", "quad_class": "INT(32", "place_lat": "DOUBLE", "code": "STRING"} {
		if !strings.Contains(types[name], want) {
			t.Errorf("column %s has type %q; want %s", name, types[name], want)
		}
	}
	r := parquet.NewGenericReader[ParquetRow](bytes.NewReader(b))
	got := make([]ParquetRow, len(rows)+1)
	n, err := r.Read(got)
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	if n != len(rows) {
		t.Fatalf("read %d rows; want %d", n, len(rows))
	}
	for i, want := range rows {
		g := got[i]
		if g.ID != want.ID || g.Code != want.Code || g.SentenceText != want.SentenceText || g.URL != want.URL {
			t.Errorf("row %d = %+v; want %+v", i, g, want)
		}
		if d := store.DayOf(want.Date); d != "" && (g.Day == nil || time.Unix(int64(*g.Day)*86400, 0).UTC().Format("2006-01-02") != d) {
			t.Errorf("row %d: day %v; want %s", i, g.Day, d)
		}
		if (g.PlaceLat == nil) != (want.Place == nil) || want.Place != nil && *g.PlaceLat != want.Place.Lat {
			t.Errorf("row %d: place_lat %v; want %v", i, g.PlaceLat, want.Place)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	var fe *FormatError
	if _, err := New("gdelt1", io.Discard); !errors.As(err, &fe) || !strings.Contains(err.Error(), "gdelt, csv") {
		t.Errorf("New(gdelt1) = %v", err)
	}
}

func TestCreateCommitAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.tsv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(path, nil, false); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an existing file = %v; want ErrExists", err)
	}
	// An aborted export leaves the old file and no temporary file.
	o, err := Create(path, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(o, "half")
	o.Abort()
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after Abort the file holds %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files after Abort; want 1", len(ents))
	}
	o, err = Create(path, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(o, "new")
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	o.Abort() // a no-op after Commit
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("after Commit the file holds %q", b)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("the export's mode is %v, %v; want -rw-r--r--", fi.Mode(), err)
	}
	if _, err := Create(dir, nil, true); err == nil {
		t.Error("Create of a directory succeeded")
	}
	var out bytes.Buffer
	o, _ = Create("-", &out, false)
	io.WriteString(o, "to stdout")
	if o.Commit() != nil || out.String() != "to stdout" {
		t.Errorf("stdout output = %q", out.String())
	}
}
