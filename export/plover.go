package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/store"
)

// ploverEvent is one event with the field names of the PLOVER manual's event record
// (id, date, actor, recipient, event, mode, context, event_text, event_loc,
// text_info), plus the CAMEO values it was mapped from and its evidence offsets.
type ploverEvent struct {
	ID        string       `json:"id"`
	Date      string       `json:"date"`
	Actor     string       `json:"actor"`
	ActorName string       `json:"actor_name,omitempty"`
	Recipient string       `json:"recipient"`
	RecipName string       `json:"recipient_name,omitempty"`
	Event     string       `json:"event"`
	Mode      string       `json:"mode"`
	Context   string       `json:"context"`
	EventText string       `json:"event_text"`
	EventLoc  *ploverLoc   `json:"event_loc"`
	TextInfo  ploverSource `json:"text_info"`
	CAMEO     string       `json:"cameo"`
	Goldstein float64      `json:"goldstein"`
	Modality  string       `json:"modality"`
	Evidence  any          `json:"evidence"`
}

type ploverLoc struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid"`
}

type ploverSource struct {
	ArticleID       string `json:"article_id"`
	URL             string `json:"url"`
	Source          string `json:"source"`
	Title           string `json:"title"`
	PublicationDate string `json:"publication_date"`
	Sentence        int    `json:"sentence"`
}

// ploverWriter writes PLOVER JSON Lines. The event type and mode are those the event
// coder stored, from the CAMEO → PLOVER mapping of package cameo, and the context
// comes from the same mapping. Events PLOVER does not code (CAMEO 01, statements)
// have no PLOVER type and are left out.
type ploverWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

func newPlover(w io.Writer) *ploverWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &ploverWriter{w: bw, enc: enc}
}

func (p *ploverWriter) Close() error { return p.w.Flush() }

func (p *ploverWriter) Write(r *store.EventRow) error {
	if r.PloverType == "" {
		return nil
	}
	info, _ := cameo.Lookup(r.Code)
	e := ploverEvent{
		ID: strconv.FormatInt(r.ID, 10), Date: r.Date,
		Actor: r.Source, ActorName: name(r.SourceCanonical, r.SourceText),
		Recipient: r.Target, RecipName: name(r.TargetCanonical, r.TargetText),
		Event: r.PloverType, Mode: r.PloverMode, Context: info.PloverContext,
		EventText: r.SentenceText,
		TextInfo: ploverSource{ArticleID: r.ArticleID, URL: r.URL, Source: r.SourceName, Title: r.Title,
			PublicationDate: r.Published, Sentence: r.Sentence},
		CAMEO: r.Code, Goldstein: r.Goldstein, Modality: r.Modality, Evidence: r.Evidence,
	}
	if l := r.Place; l != nil {
		e.EventLoc = &ploverLoc{Name: l.Name, Country: l.Country, Admin1: l.Admin1, Lat: l.Lat, Lon: l.Lon, GeonameID: l.GeonameID}
	}
	return p.enc.Encode(&e)
}

// name is the canonical name, else the text as written.
func name(canonical, text string) string {
	if canonical != "" {
		return canonical
	}
	return text
}
