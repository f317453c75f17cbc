// Package export writes the event dataset in the formats analysts load: GDELT 2.0 event
// tables, PLOVER JSON Lines, CSV, JSON Lines and Parquet. Every writer streams: it
// takes one store.EventRow at a time and keeps none, so an export of any size runs in
// constant memory. Every format carries each event's evidence, the article URL and
// the sentence.
package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/tocsin-project/tocsin/store"
)

// Writer writes events in one format. Close writes what the format needs at its end
// (Parquet's footer) and flushes; it does not close the underlying io.Writer.
type Writer interface {
	Write(r *store.EventRow) error
	Close() error
}

// Formats are the names New accepts.
var Formats = []string{"gdelt", "csv", "jsonl", "plover", "parquet"}

// FormatError reports a format name New does not know.
type FormatError struct{ Format string }

func (e *FormatError) Error() string {
	return fmt.Sprintf("unknown format %q: want one of %s", e.Format, strings.Join(Formats, ", "))
}

// CheckFormat returns a *FormatError unless format is one of Formats.
func CheckFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return &FormatError{format}
}

// WritesStoryCounts reports whether format writes each event's story counts (GDELT's
// NumMentions, NumSources and NumArticles): only gdelt does, so a walk of the events
// for the others may leave them out (store.EventFilter.NoStoryCounts), which saves a
// lookup per row.
func WritesStoryCounts(format string) bool { return format == "gdelt" }

// New returns a Writer of format (one of Formats) to w.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "gdelt":
		return newGDELT(w)
	case "csv":
		return newCSV(w), nil
	case "jsonl":
		return newJSONL(w), nil
	case "plover":
		return newPlover(w), nil
	case "parquet":
		return newParquet(w), nil
	}
	return nil, &FormatError{format}
}
