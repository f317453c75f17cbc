package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/tocsin-project/tocsin/store"
)

// jsonlWriter writes JSON Lines: each row as `tocsin events --json` prints it.
type jsonlWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

func newJSONL(w io.Writer) *jsonlWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{w: bw, enc: enc}
}

func (j *jsonlWriter) Write(r *store.EventRow) error { return j.enc.Encode(r) }

func (j *jsonlWriter) Close() error { return j.w.Flush() }
