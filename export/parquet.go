package export

import (
	"io"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"

	"github.com/tocsin-project/tocsin/store"
)

// ParquetRow is the schema of the parquet format: the csv columns, typed. Dates are
// DATE columns, days since 1970-01-01 (day: the event's date, its first day when
// partial; published_day),
// the ingest time a TIMESTAMP, counts and offsets INT32/INT64, scores DOUBLE, and the
// place's fields are null when the event has no place.
type ParquetRow struct {
	ID              int64      `parquet:"id"`
	ArticleID       string     `parquet:"article_id,dict"`
	URL             string     `parquet:"url,dict"`
	Published       string     `parquet:"published,dict"`
	PublishedDay    *int32     `parquet:"published_day,date,optional"`
	SourceName      string     `parquet:"source_name,dict"`
	Title           string     `parquet:"title,dict"`
	Ingested        *time.Time `parquet:"ingested,timestamp(microsecond),optional"`
	Index           int32      `parquet:"index"`
	Sentence        int32      `parquet:"sentence"`
	SentenceText    string     `parquet:"sentence_text"`
	SentenceStart   int32      `parquet:"sentence_start"`
	SentenceEnd     int32      `parquet:"sentence_end"`
	SourceStart     int32      `parquet:"evidence_source_start"`
	SourceEnd       int32      `parquet:"evidence_source_end"`
	TriggerStart    int32      `parquet:"evidence_trigger_start"`
	TriggerEnd      int32      `parquet:"evidence_trigger_end"`
	TargetStart     int32      `parquet:"evidence_target_start"`
	TargetEnd       int32      `parquet:"evidence_target_end"`
	Source          string     `parquet:"source,dict"`
	SourceText      string     `parquet:"source_text"`
	SourceCanonical string     `parquet:"source_canonical,dict"`
	Target          string     `parquet:"target,dict"`
	TargetText      string     `parquet:"target_text"`
	TargetCanonical string     `parquet:"target_canonical,dict"`
	Code            string     `parquet:"code,dict"`
	Base            string     `parquet:"base,dict"`
	Root            string     `parquet:"root,dict"`
	QuadClass       int32      `parquet:"quad_class"`
	Goldstein       float64    `parquet:"goldstein"`
	PloverType      string     `parquet:"plover_type,dict"`
	PloverMode      string     `parquet:"plover_mode,dict"`
	Modality        string     `parquet:"modality,dict"`
	Rule            string     `parquet:"rule,dict"`
	Date            string     `parquet:"date,dict"`
	Day             *int32     `parquet:"day,date,optional"`
	DateSource      string     `parquet:"date_source,dict"`
	PlaceName       *string    `parquet:"place_name,optional,dict"`
	PlaceCountry    *string    `parquet:"place_country,optional,dict"`
	PlaceAdmin1     *string    `parquet:"place_admin1,optional,dict"`
	PlaceLat        *float64   `parquet:"place_lat,optional"`
	PlaceLon        *float64   `parquet:"place_lon,optional"`
	PlaceGeonameID  *int64     `parquet:"place_geonameid,optional"`
	PlaceSource     string     `parquet:"place_source,dict"`
}

// Parquet buffering: rows are handed to the library in batches, and a row group is
// closed every parquetRowGroup rows, which bounds the memory an export takes.
const (
	parquetBatch    = 1024
	parquetRowGroup = 128 * 1024
)

// parquetWriter writes one Parquet file (snappy-compressed) with the ParquetRow schema.
type parquetWriter struct {
	w     *parquet.GenericWriter[ParquetRow]
	batch []ParquetRow
}

func newParquet(w io.Writer) *parquetWriter {
	return &parquetWriter{
		w: parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&snappy.Codec{}),
			parquet.MaxRowsPerRowGroup(parquetRowGroup), parquet.CreatedBy("tocsin", "", "")),
		batch: make([]ParquetRow, 0, parquetBatch),
	}
}

func (p *parquetWriter) Write(r *store.EventRow) error {
	p.batch = append(p.batch, toParquet(r))
	if len(p.batch) == cap(p.batch) {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	if len(p.batch) == 0 {
		return nil
	}
	_, err := p.w.Write(p.batch)
	clear(p.batch)
	p.batch = p.batch[:0]
	return err
}

// Close writes the last rows and the file's footer.
func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

func toParquet(r *store.EventRow) ParquetRow {
	ev := r.Evidence
	out := ParquetRow{
		ID: r.ID, ArticleID: r.ArticleID, URL: r.URL, Published: r.Published, SourceName: r.SourceName,
		Title: r.Title, Index: int32(r.Index), Sentence: int32(r.Sentence), SentenceText: r.SentenceText,
		SentenceStart: int32(r.SentenceSpan.Start), SentenceEnd: int32(r.SentenceSpan.End),
		SourceStart: int32(ev.Source.Start), SourceEnd: int32(ev.Source.End),
		TriggerStart: int32(ev.Trigger.Start), TriggerEnd: int32(ev.Trigger.End),
		TargetStart: int32(ev.Target.Start), TargetEnd: int32(ev.Target.End),
		Source: r.Source, SourceText: r.SourceText, SourceCanonical: r.SourceCanonical,
		Target: r.Target, TargetText: r.TargetText, TargetCanonical: r.TargetCanonical,
		Code: r.Code, Base: r.Base, Root: r.Root, QuadClass: int32(r.QuadClass), Goldstein: r.Goldstein,
		PloverType: r.PloverType, PloverMode: r.PloverMode, Modality: r.Modality, Rule: r.Rule,
		Date: r.Date, DateSource: r.DateSource, PlaceSource: r.PlaceSource,
		Day: dayPtr(r.Date), PublishedDay: dayPtr(r.Published),
	}
	if t, err := time.Parse(time.RFC3339Nano, r.Ingested); err == nil {
		out.Ingested = &t
	}
	if l := r.Place; l != nil {
		gid := int64(l.GeonameID)
		out.PlaceName, out.PlaceCountry, out.PlaceAdmin1 = &l.Name, &l.Country, &l.Admin1
		out.PlaceLat, out.PlaceLon, out.PlaceGeonameID = &l.Lat, &l.Lon, &gid
	}
	return out
}

// dayPtr is the first day of a possibly partial ISO date as a Parquet DATE, days since
// 1970-01-01; nil when there is none.
func dayPtr(date string) *int32 {
	d := store.DayOf(date)
	if d == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return nil
	}
	days := int32(t.Unix() / 86400)
	return &days
}
