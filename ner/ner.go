// Package ner is tocsin's named-entity recogniser: the "entities" stage, which finds
// people (PERSON), organisations (ORG), places (LOCATION) and nationalities, religious and
// political groups (NORP) in a document's tokens.
//
// # Model
//
// An averaged perceptron (Collins 2002) tags tokens left to right with BILOU tags
// (Begin, Inside, Last, Outside, Unit) over five types, greedily: each decision may use
// the two previous decisions, and only tags that keep the sequence well formed are
// considered. Ratinov and Roth (2009) found greedy BILOU decoding nearly as accurate as
// Viterbi for NER with rich features, and it is what makes the stage fast: about fifty
// hashed features per token, each one probe of an open-addressing table and a few adds of
// packed int16 weights that fit in the processor's cache. A linear-chain CRF would cost a
// forward–backward pass per sentence in training and Viterbi at run time for little gain
// with these features. Training uses the tagger's own previous decisions, with a dynamic
// oracle that, after a mistake, rewards the best recovery (close the wrongly opened
// entity, open the missed one); this alone gained 1.5 F1 on CoNLL-2003 valid.
//
// Features per token: the word and its lower-cased form; its shape with runs capped at
// four ("Xxxx", "X.X.", "dddd") and collapsed ("Xx"); prefixes and suffixes of one to four
// letters; the two words and short shapes either side, word bigrams and the shape
// trigram; whether it opens the sentence; how often its lower-case form is written in
// lower case in unlabelled text (so that a capitalised first word such as "People" is
// told apart from a name such as "Iran"); the sentence's casing (normal, title case,
// capitals, as in headlines); word clusters at three granularities for the word and its
// neighbours, learnt by this package from unlabelled text (see clusters.go); gazetteer
// matches (position in the longest matching country, capital, demonym, person or
// organisation name, and first- and last-name lists); the previous one and two tags,
// alone and with the word, shape and cluster; and the types given earlier in the
// document to the same capitalised word (extended prediction history), so a surname
// repeated after the full name keeps its type.
//
// # Types
//
// CoNLL-2003's PER, ORG and LOC become PERSON, ORG and LOCATION. Its MISC names are NORP
// when every word is a nationality or group name in the gazetteer ("Iranian", "Bosnian
// Serb", "Moslem"); other MISC names (events, products, "World Cup") are learnt as MISC so
// that they do not teach the other types, and are not output.
//
// # Spans
//
// Spans are byte offsets into Document.Text over the tokens of the text stage; they never
// cross a sentence. A PERSON span leaves out titles ("Mr", "Maj Gen", "President") and the
// possessive "'s", and no span begins or ends with punctuation, so that later stages can
// resolve names ("Qassem Soleimani" and "Soleimani") and code actors from clean text.
// Hashtags and web addresses are never part of an entity, so a closing line of hashtags
// yields nothing. Canonical is the entity's text until the resolution stage replaces it.
//
// # Data
//
// The shipped model (model.bin, built by `go run ./ner/cmd/train-ner`) is trained on
// CoNLL-2003 train (Reuters newswire) and Universal NER's English EWT dev set (web text:
// reviews, e-mail, answers), with its word clusters learnt from about two million words of
// unlabelled news and web text; see NOTICE.md for every source and licence. Evaluate and
// EvaluateProse measure it, and github.com/jdkato/prose/v2 for comparison, on CoNLL-2003
// valid and UNER test.
package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

//go:embed model.bin
var modelBin []byte

//go:embed gazetteer.tsv
var gazetteerTSV []byte

// Default returns the embedded model. Each call decodes it afresh (about a tenth of a
// second); keep the result.
func Default() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(modelBin))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
}

// Stage is the pipeline stage that writes Document.Entities.
type Stage struct{ m *Model }

// New returns the stage with the embedded model.
func New() (*Stage, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{m: m}, nil
}

// NewStage returns the stage with model m.
func NewStage(m *Model) *Stage { return &Stage{m: m} }

// Model returns the stage's model.
func (s *Stage) Model() *Model { return s.m }

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "entities" }

// Languages implements pipeline.LanguageBound.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage: it replaces d.Entities with the entities found in
// d's tokens and sentences (all tokens form one sentence when there are no sentences).
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Entities = s.m.Entities(d)
	return nil
}

// Entities returns the entities in d's tokens, in text order.
func (m *Model) Entities(d *doc.Document) []doc.Entity {
	out := []doc.Entity{}
	sents := d.Sentences
	if len(sents) == 0 && len(d.Tokens) > 0 {
		sents = []doc.Sentence{{FirstToken: 0, EndToken: len(d.Tokens)}}
	}
	var (
		si    sentInfo
		words []string
		force []bool
		tags  []int
		buf   []uint64
		h     = history{}
	)
	score := func(keys []uint64, sc *scores) { m.table.add(keys, sc) }
	for _, sn := range sents {
		toks := d.Tokens[sn.FirstToken:sn.EndToken]
		if len(toks) == 0 {
			continue
		}
		words, force = words[:0], force[:0]
		skip := true
		for _, t := range toks {
			words = append(words, t.Text)
			f := t.Kind == doc.Hashtag || t.Kind == doc.URL
			force = append(force, f)
			if !f {
				skip = false
			}
		}
		if skip { // a line of hashtags
			continue
		}
		m.res.prepare(&si, words, force)
		if cap(tags) < len(toks) {
			tags = make([]int, len(toks), 2*len(toks))
		}
		tags = tags[:len(toks)]
		buf = decodeSentence(&si, h, tags, buf, score)
		out = m.appendEntities(out, d, toks, tags)
	}
	vote(out)
	return out
}

// appendEntities turns tags over toks into entities, cleaning their spans.
func (m *Model) appendEntities(out []doc.Entity, d *doc.Document, toks []doc.Token, tags []int) []doc.Entity {
	var spans [16]rawSpan // most sentences have fewer entities; more spill to the heap
	return m.appendSpans(out, d, toks, tags, spans[:0])
}

// rawSpan is an entity over tokens [a, b) before cleaning.
type rawSpan struct{ a, b, typ int }

func (m *Model) appendSpans(out []doc.Entity, d *doc.Document, toks []doc.Token, tags []int, spans []rawSpan) []doc.Entity {
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == 0 || tagPos(t) != posB && tagPos(t) != posU {
			continue
		}
		typ := tagType(t)
		j := i + 1
		if tagPos(t) == posB {
			for j < len(tags) && tags[j] != 0 && tagType(tags[j]) == typ && tagPos(tags[j]) != posB && tagPos(tags[j]) != posU {
				j++
				if tagPos(tags[j-1]) == posL {
					break
				}
			}
		}
		// Two people side by side are one name split by the tagger ("Ayatollah
		// Ruhollah" "Khomeini"): news separates names with punctuation or words.
		if n := len(spans); n > 0 && typ == typPERSON && spans[n-1].typ == typPERSON && spans[n-1].b == i {
			spans[n-1].b = j
		} else {
			spans = append(spans, rawSpan{i, j, typ})
		}
		i = j - 1
	}
	for _, sp := range spans {
		a, b := m.trimSpan(toks, sp.a, sp.b, sp.typ)
		typ := sp.typ
		if a < b {
			a, b, typ = m.extendOrg(toks, a, b, typ)
		}
		if a >= b || typ == typMISC {
			continue
		}
		span := doc.Span{Start: toks[a].Start, End: toks[b-1].End}
		text := d.Text[span.Start:span.End]
		out = append(out, doc.Entity{Text: text, Type: typeNames[typ], Canonical: text, Span: span})
	}
	return out
}

// vote gives every mention of the same text the type most of its mentions got, when one
// type has more mentions than any other: a name in a headline ("stampede at Qasem
// Soleimani burial") is read as the body reads it.
func vote(ents []doc.Entity) {
	type tally map[string]int
	byText := map[string]tally{}
	for _, e := range ents {
		t := byText[e.Text]
		if t == nil {
			t = tally{}
			byText[e.Text] = t
		}
		t[e.Type]++
	}
	for i, e := range ents {
		t := byText[e.Text]
		if len(t) < 2 {
			continue
		}
		best, n, tie := "", 0, false
		for typ, c := range t {
			switch {
			case c > n:
				best, n, tie = typ, c, false
			case c == n:
				tie = true
			}
		}
		if !tie {
			ents[i].Type = best
		}
	}
}

// Titles left out of PERSON spans, lower case, without a final dot.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"gen": true, "general": true, "maj": true, "major": true, "col": true, "colonel": true,
	"lt": true, "lieutenant": true, "capt": true, "captain": true, "cmdr": true, "commander": true,
	"sgt": true, "sergeant": true, "cpl": true, "pvt": true, "adm": true, "admiral": true, "brig": true,
	"gov": true, "governor": true, "sen": true, "senator": true, "rep": true, "rev": true, "reverend": true,
	"pres": true, "president": true, "vice": true, "prime": true, "minister": true, "secretary": true,
	"ayatollah": true, "sheikh": true, "imam": true, "mullah": true, "pope": true, "king": true,
	"queen": true, "prince": true, "princess": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"judge": true, "justice": true, "chancellor": true, "premier": true, "mayor": true, "chairman": true,
	"marshal": true, "field": true, "hon": true, "mp": true,
}

// trimSpan narrows the entity toks[a:b]: no punctuation at either end, no possessive
// "'s" except in an organisation's name, and for PERSON no leading titles.
func (m *Model) trimSpan(toks []doc.Token, a, b, typ int) (int, int) {
	edge := func(t doc.Token) bool {
		// An organisation may own its "'s" ("McDonald's"); anything else is possessive.
		return t.Kind == doc.Punct || t.Kind == doc.Symbol || t.Kind == doc.Hashtag || t.Kind == doc.URL || typ != typORG && isClitic(t.Text)
	}
	for a < b && edge(toks[a]) {
		a++
	}
	for b > a && edge(toks[b-1]) {
		b--
	}
	if typ == typPERSON {
		for a < b-1 && m.res.titles[hashLower(strings.TrimSuffix(toks[a].Text, "."))] {
			a++
		}
		for a < b && edge(toks[a]) {
			a++
		}
	}
	return a, b
}

func isClitic(s string) bool {
	switch s {
	case "'s", "’s", "'S", "’S", "'", "’":
		return true
	}
	return false
}

// extendOrg extends an entity over the lower-case words that follow it when the whole is an
// organisation in the gazetteer: a news style writes "the Quds force", and the tagger,
// which learnt from capitalised organisation names, stops at "Quds".
func (m *Model) extendOrg(toks []doc.Token, a, b, typ int) (int, int, int) {
	if typ == typNORP {
		return a, b, typ
	}
	var hs [maxPhraseTokens]uint64
	n := 0
	for i := a; i < b && n < maxPhraseTokens; i++ {
		hs[n] = hashLower(toks[i].Text)
		n++
	}
	if n == maxPhraseTokens {
		return a, b, typ
	}
	for e := b; e < len(toks) && n < maxPhraseTokens; e++ {
		if toks[e].Kind != doc.Word || strings.ToLower(toks[e].Text) != toks[e].Text {
			break
		}
		hs[n] = hashLower(toks[e].Text)
		n++
		if m.res.gaz.lookup(hs[:n])&(1<<gazORG) != 0 {
			return a, e + 1, typORG
		}
	}
	return a, b, typ
}
