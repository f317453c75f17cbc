// Package doc holds the annotated document: one value per article that carries its
// metadata and every annotation layer, each annotation pointing at byte offsets in Text.
//
// The JSON form of Document is the contract documented in the README and DESIGN.md:
// field names are stable, and every layer is an array (empty, never absent).
package doc

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// Document is one article with all its annotation layers.
//
// Text is the normalised article: the headline, then the standfirst (if any), then the
// body, paragraphs separated by a blank line. The headline is part of Text so that
// annotations found in it (a death toll in a headline, say) carry offsets like any other;
// BodyStart marks where the body begins.
type Document struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Standfirst string `json:"standfirst,omitempty"`
	Published  string `json:"published"` // ISO-8601 date or date-time; "" when unknown
	// DateSource says where Published came from: "article", "filename" (a date in the
	// input's file name, when the article gives none) or "user" (--date).
	DateSource string   `json:"date_source,omitempty"`
	Source     string   `json:"source"`
	URL        string   `json:"url"`
	Author     string   `json:"author,omitempty"`
	Language   string   `json:"language"` // ISO 639-1 code, "" when undetermined
	Origin     string   `json:"origin,omitempty"`
	Text       string   `json:"text"`
	BodyStart  int      `json:"body_start"`
	Hashtags   []string `json:"hashtags"`

	Tokens     []Token    `json:"tokens,omitempty"` // large; omitted from JSON unless asked for
	Paragraphs []Span     `json:"paragraphs"`
	Sentences  []Sentence `json:"sentences"`
	Entities   []Entity   `json:"entities"`
	Places     []Place    `json:"places"`
	Quotes     []Quote    `json:"quotes"`
	Casualties []Casualty `json:"casualties"`
	Dates      []Date     `json:"dates"`
	Events     []Event    `json:"events"`
	Incidents  []Incident `json:"incidents"`
	Skipped    []Skip     `json:"skipped"`
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Token is one word or punctuation mark.
type Token struct {
	Text string `json:"text"`
	Span
	// Kind is a coarse class set by the tokenizer; later stages refine it.
	Kind TokenKind `json:"kind"`
	// SpaceBefore reports whether whitespace precedes the token in Text.
	SpaceBefore bool `json:"space_before"`
	// Truecased is the word as it would be written in a sentence of ordinary case, set by
	// the truecase stage only where that differs from Text: in a headline written in
	// title case ("Police Arrest 20 Protesters in Nairobi"), "Arrest" reads "arrest"; in
	// capitals ("POLICE ARREST 20 PROTESTERS IN NAIROBI"), "NAIROBI" reads "Nairobi".
	// The tagger, parser and entity recogniser read Form; Text and the offsets stay as
	// written, and so does everything the output quotes.
	Truecased string `json:"truecased,omitempty"`

	// Syntax, filled by the syntax stage; empty until it runs.
	POS   string `json:"pos,omitempty"`   // Universal POS tag (NOUN, VERB, PROPN...)
	Tag   string `json:"tag,omitempty"`   // Penn Treebank tag (NN, VBD, NNP...)
	Lemma string `json:"lemma,omitempty"` // dictionary form
	// Head is the Document.Tokens index of the syntactic head, -1 for a sentence root;
	// meaningful only when Dep is set (and in JSON present exactly then, see MarshalJSON).
	Head int    `json:"head,omitempty"`
	Dep  string `json:"dep,omitempty"` // Universal Dependencies relation (nsubj, obj...)
}

// Form is the token as the statistical models read it: Truecased when the truecase
// stage set it, otherwise Text.
func (t *Token) Form() string {
	if t.Truecased != "" {
		return t.Truecased
	}
	return t.Text
}

// Finite reports whether the syntax layer tagged the token as a finite verb (Penn VBD,
// VBZ, VBP or MD): the verb of a clause, not a participle, infinitive or gerund.
func (t *Token) Finite() bool {
	switch t.Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// MarshalJSON writes the token with "head" whenever the token has a relation, even when
// the head is token 0, and without it otherwise.
func (t Token) MarshalJSON() ([]byte, error) {
	type plain Token // the same fields, without this method
	out := struct {
		plain
		Head *int `json:"head,omitempty"`
	}{plain: plain(t)}
	if t.Dep != "" {
		out.Head = &t.Head
	}
	return json.Marshal(out)
}

// TokenKind is the tokenizer's coarse class of a token.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
	Symbol
	Hashtag
	URL
)

// Sentence is one sentence; Tokens indexes Document.Tokens as [First, Last).
type Sentence struct {
	Text string `json:"text"`
	Span
	FirstToken int `json:"first_token"`
	EndToken   int `json:"end_token"`
	Paragraph  int `json:"paragraph"`
	// Repairs names the syntax stage's repairs of the sentence's dependency tree, in the
	// order they ran ("verbless", "report-before-verb"; see package syntax), nil when
	// the parser's tree was kept.
	Repairs []string `json:"repairs,omitempty"`
}

// Entity is a named entity mention.
type Entity struct {
	Text      string `json:"text"`
	Type      string `json:"type"` // PERSON, ORG, LOCATION, NORP, ...
	Canonical string `json:"canonical"`
	Actor     string `json:"actor,omitempty"` // CAMEO actor code, e.g. IRNMIL
	Role      string `json:"role,omitempty"`
	// Mention is "name" for a named mention, "nominal" for a description linked to a
	// named entity ("the general"), "pronoun" for a resolved pronoun.
	Mention string `json:"mention,omitempty"`
	// Rule says what produced Actor (a dictionary entry, a descriptor, a demonym), so
	// users can see why an entity was coded as it was.
	ActorRule string `json:"actor_rule,omitempty"`
	Span
}

// Location is a resolved place without its mention: where an event happened.
type Location struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"` // ISO 3166 alpha-3
	Admin1    string  `json:"admin1"`  // GeoNames first-level division code, e.g. IR.29
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid"`
}

// Location returns where p is, without the mention's span.
func (p *Place) Location() *Location {
	return &Location{Name: p.Name, Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, GeonameID: p.GeonameID}
}

// String is "Name, CCC" ("" for nil), as pages and tables show a place.
func (l *Location) String() string {
	switch {
	case l == nil:
		return ""
	case l.Country == "":
		return l.Name
	}
	return l.Name + ", " + l.Country
}

// Place is a resolved place mention.
type Place struct {
	Name    string `json:"name"`
	Country string `json:"country"` // ISO 3166 alpha-3
	Admin1  string `json:"admin1"`  // GeoNames first-level division code, e.g. IR.29
	// Admin1Name is the division's name ("Kerman"), when the gazetteer knows it.
	Admin1Name string  `json:"admin1_name,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	GeonameID  int     `json:"geonameid"`
	// Rule says why the name was taken for a place and why this place won over its
	// namesakes ("a LOCATION entity; city PPLA2; over 4 namesakes; held by Florida, named
	// next to it").
	Rule string `json:"rule,omitempty"`
	Span
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Text      string `json:"text"`
	Canonical string `json:"canonical,omitempty"`
	Actor     string `json:"actor,omitempty"`
	Span
}

// Quote is a direct or indirect quotation.
type Quote struct {
	Text    string  `json:"text"`
	Direct  bool    `json:"direct"`
	Cue     string  `json:"cue"`
	Speaker Speaker `json:"speaker"`
	Date    string  `json:"date,omitempty"`
	Span
}

// Casualty is a count of people killed, injured, missing, arrested, kidnapped or displaced.
type Casualty struct {
	Kind      string `json:"kind"`
	Value     int    `json:"value"`
	Qualifier string `json:"qualifier"`
	Vague     bool   `json:"vague"`
	Victims   string `json:"victims,omitempty"`
	Place     string `json:"place,omitempty"`
	Date      string `json:"date,omitempty"`
	Text      string `json:"text"`
	Span
}

// Brief writes the count as a reader says it: "killed at least 50", "injured 48".
func (c Casualty) Brief() string {
	q := ""
	if c.Qualifier != "" && c.Qualifier != "exact" {
		q = strings.ReplaceAll(c.Qualifier, "_", " ") + " "
	}
	return c.Kind + " " + q + strconv.Itoa(c.Value)
}

// Date is a temporal expression, resolved against the publication date when possible.
type Date struct {
	Text     string `json:"text"`
	Value    string `json:"value"` // ISO-8601, possibly partial: 1989, 2020-01
	Resolved bool   `json:"resolved"`
	Reason   string `json:"reason,omitempty"` // why it is unresolved
	Span
}

// Plover is the PLOVER event type and mode.
type Plover struct {
	Type string `json:"type"`
	Mode string `json:"mode,omitempty"`
}

// Evidence holds the byte spans that justify an event.
type Evidence struct {
	Source  Span `json:"source"`
	Trigger Span `json:"trigger"`
	Target  Span `json:"target"`
}

// Event is one coded actor-to-actor event.
type Event struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Code      string  `json:"code"`
	Root      string  `json:"root"`
	Plover    Plover  `json:"plover"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	// Place is where the event happened, nil when the text does not say; PlaceSource
	// says how it was found: "clause" (a locative phrase of the event's clause or its
	// target), "sentence" (a locative phrase elsewhere in its sentence), "dateline" (the
	// article's dateline, "BEIRUT —"), "story" (the place of the story's latest earlier
	// placed event, in the country of this event's source, or of its target for a
	// material act), "mention" (the latest place the text named up to the event's
	// sentence in the country where it happens: its target's for a material act, else its
	// source's).
	Place       *Location `json:"place,omitempty"`
	PlaceSource string    `json:"place_source,omitempty"`
	Date        string    `json:"date,omitempty"`
	// DateSource says where Date comes from: "text" (the event's clause or sentence),
	// "mention" (another mention of the same incident), "publication" (the article's
	// publication date, when the text gives none).
	DateSource string   `json:"date_source,omitempty"`
	Sentence   int      `json:"sentence"`
	Evidence   Evidence `json:"evidence"`
	Rule       string   `json:"rule"`
	Modality   string   `json:"modality"`
}

// Incident is something that caused casualties, with or without actors: a stampede, an
// earthquake, a bombing. It gathers the casualty counts that report it and points to the
// actor-to-actor events behind it, if the event coder found any. Span is the mention of
// the cause, or the first count when the text names no cause.
type Incident struct {
	Cause      string `json:"cause,omitempty"` // the words that name it: "stampede", "drone strike"
	Kind       string `json:"kind,omitempty"`  // violence, accident, disaster or health
	Casualties []int  `json:"casualties"`      // indexes into Document.Casualties
	Events     []int  `json:"events"`          // indexes into Document.Events
	Place      string `json:"place,omitempty"`
	Date       string `json:"date,omitempty"`
	Sentence   int    `json:"sentence"`
	Span
}

// Skip records that a stage did not run on this document, and why.
type Skip struct {
	Stage  string `json:"stage"`
	Reason string `json:"reason"`
}

// Slice returns the text of s.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// SentenceAt returns the index of the sentence that holds byte offset off, -1 when none
// does.
func (d *Document) SentenceAt(off int) int {
	ss := d.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	return -1
}

// SentenceOfToken returns the index of the sentence that holds token i, -1 when none
// does.
func (d *Document) SentenceOfToken(i int) int {
	ss := d.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].EndToken > i })
	if k < len(ss) && ss[k].FirstToken <= i {
		return k
	}
	return -1
}

// Modifier reports whether the syntax layer reads the phrase ending at s as a modifier of
// a noun (compound or adjective: "US soldiers", "Iranian officials") rather than a noun
// phrase of its own. Without the syntax layer nothing is.
func (d *Document) Modifier(s Span) bool {
	toks := d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End >= s.End })
	if i >= len(toks) || toks[i].End != s.End {
		return false
	}
	return toks[i].Dep == "compound" || toks[i].Dep == "amod"
}

// Normalize replaces nil layers by empty ones so the JSON form never omits a layer.
func (d *Document) Normalize() {
	if d.Hashtags == nil {
		d.Hashtags = []string{}
	}
	if d.Paragraphs == nil {
		d.Paragraphs = []Span{}
	}
	if d.Sentences == nil {
		d.Sentences = []Sentence{}
	}
	if d.Entities == nil {
		d.Entities = []Entity{}
	}
	if d.Places == nil {
		d.Places = []Place{}
	}
	if d.Quotes == nil {
		d.Quotes = []Quote{}
	}
	if d.Casualties == nil {
		d.Casualties = []Casualty{}
	}
	if d.Dates == nil {
		d.Dates = []Date{}
	}
	if d.Events == nil {
		d.Events = []Event{}
	}
	if d.Incidents == nil {
		d.Incidents = []Incident{}
	}
	if d.Skipped == nil {
		d.Skipped = []Skip{}
	}
}
