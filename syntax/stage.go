package syntax

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/fhash"
)

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, read from model.tables on first use and shared
// afterwards.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = readTables(modelTables)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("syntax: embedded model.tables: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Stage is the pipeline stage that fills the syntax fields of every token: POS, Tag,
// Lemma, Head and Dep.
type Stage struct{ m *Model }

// Knows reports whether the model's English vocabulary (the treebank's words and those
// of its word clusters) holds word, in any case. The language stage uses it on texts too
// short for trigram statistics.
func (s *Stage) Knows(word string) bool {
	_, ok := s.m.lexicon[fhash.Bytes(lowerNorm(nil, word))]
	return ok
}

// WrittenLower reports whether word, in any case, is a word that English writes in lower
// case: known reports whether the model has evidence on it at all, and lower whether that
// evidence says lower case. The evidence is, first, how the unlabelled news and web text
// the word clusters were learnt from writes it away from a sentence's start (lower case
// half the time or more: "police", "arrest"; less: "Kenya", "Bush"), then the verb forms
// of verbs.txt ("expels"). The truecase stage asks it of the words of title-case
// headlines.
func (s *Stage) WrittenLower(word string) (lower, known bool) {
	if e, ok := s.m.lexicon[fhash.Bytes(lowerNorm(nil, word))]; ok && e.cas != caseUnknown {
		return e.cas == caseLower || e.cas == caseMostLow, true
	}
	if verbForms.has(word) {
		return true, true
	}
	return false, false
}

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
func (*Stage) Name() string { return "syntax" }

// Languages implements pipeline.LanguageBound.
func (*Stage) Languages() []string { return []string{"en"} }

// maxChunk is the longest stretch the parser takes at once: a longer sentence (a list, a
// table flattened into text) is parsed in pieces cut after punctuation, each with its own
// root.
const maxChunk = 200

// Annotate implements pipeline.Stage. Each sentence is tagged and parsed on its own, and
// its tree repaired (repair.go), the names of the repairs kept in its Repairs; tokens
// outside every sentence are left alone, and a document without sentences is treated as
// one sentence.
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w := s.m.getWorker()
	defer putWorker(w)
	tr := getTree()
	defer putTree(tr)
	if len(d.Sentences) == 0 {
		if len(d.Tokens) > 0 {
			w.annotate(d.Tokens, 0)
			tr.repairSentence(s.m, d, 0, len(d.Tokens), nil)
		}
		return nil
	}
	for i, sent := range d.Sentences {
		if i%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		first, end := max(sent.FirstToken, 0), min(sent.EndToken, len(d.Tokens))
		if first < end {
			w.annotate(d.Tokens[first:end], first)
			tr.repairSentence(s.m, d, first, end, &d.Sentences[i])
		}
	}
	return nil
}

// pieces are the words the model sees for a stretch of tokens: the treebank splits
// hyphenated compounds ("anti - American"), so the stage does too and joins the
// analyses afterwards.
type pieces struct {
	forms []string
	owner []int32 // index of the token in the stretch
	off   []int32 // byte offset of the piece in its token's text
	head  []int32 // piece index of the head, -1 for a root
	label []int32
	tag   []uint16
	first []int32 // first piece of each token
}

// split fills p with the pieces of toks.
func (p *pieces) split(toks []doc.Token) {
	p.forms, p.owner, p.off = p.forms[:0], p.owner[:0], p.off[:0]
	p.first = p.first[:0]
	for i := range toks {
		t := &toks[i]
		p.first = append(p.first, int32(len(p.forms)))
		text := t.Form() // a title-case headline's words as ordinary case writes them
		switch {
		case t.Kind == doc.Hashtag && len(text) > 1:
			p.add(text[1:], i, 1) // #Iran reads as Iran
			continue
		case t.Kind == doc.Word && len(text) > 2:
			if p.splitHyphens(text, i) {
				continue
			}
		}
		p.add(text, i, 0)
	}
}

func (p *pieces) add(form string, owner, off int) {
	p.forms = append(p.forms, form)
	p.owner = append(p.owner, int32(owner))
	p.off = append(p.off, int32(off))
}

// splitHyphens adds the parts of a hyphenated word and its hyphens; it reports false,
// adding nothing, when text has no inner hyphen or an empty part.
func (p *pieces) splitHyphens(text string, owner int) bool {
	if strings.IndexByte(text, '-') < 0 {
		return false
	}
	if text[0] == '-' || text[len(text)-1] == '-' || strings.Contains(text, "--") {
		return false
	}
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '-' {
			p.add(text[start:i], owner, start)
			p.add("-", owner, i)
			start = i + 1
		}
	}
	p.add(text[start:], owner, start)
	return true
}

// annotate analyses one sentence's tokens; base is the document index of toks[0].
func (w *worker) annotate(toks []doc.Token, base int) {
	if len(toks) == 0 {
		return
	}
	m := w.m
	p := &w.pc
	p.split(toks)
	n := len(p.forms)
	p.head = grow(p.head, n)
	p.label = grow(p.label, n)
	p.tag = grow(p.tag, n)
	for start := 0; start < n; {
		end := chunkEnd(p, start, n)
		w.parseRange(start, end)
		w.reparseFronted(start, end)
		start = end
	}
	for i := range toks {
		t := &toks[i]
		a := int(p.first[i])
		b := n
		if i+1 < len(toks) {
			b = int(p.first[i+1])
		}
		k := a
		if b-a > 1 {
			k = p.top(a, b)
		}
		tag := p.tag[k]
		t.Tag, t.POS = m.xpos[tag], m.upos[tag]
		t.Dep = m.labels[p.label[k]]
		if h := p.head[k]; h < 0 {
			t.Head = -1
		} else {
			t.Head = base + int(p.owner[h])
		}
		switch {
		case t.Kind == doc.Hashtag || t.Kind == doc.URL:
			t.Lemma = t.Text
		case b-a == 1:
			t.Lemma, w.buf = m.lemmas.lemma(t.Form(), t.Tag, w.buf)
		case k == b-1: // a compound whose last part is its head: anti-Americans → anti-American
			var l string
			l, w.buf = m.lemmas.lemma(p.forms[k], t.Tag, w.buf)
			t.Lemma = t.Form()[:p.off[k]] + l
		default:
			t.Lemma = t.Form()
		}
	}
}

// parseRange tags and parses pieces [a, b) as one sentence.
func (w *worker) parseRange(a, b int) {
	p := &w.pc
	w.tagWords(p.forms[a:b])
	w.parse()
	for i := a; i < b; i++ {
		h := w.st.head[i-a]
		if int(h) == b-a {
			p.head[i] = -1
		} else {
			p.head[i] = int32(a) + h
		}
		p.label[i] = w.st.label[i-a]
		p.tag[i] = w.tags[i-a]
	}
}

// maxFronted is the longest opening phrase before a comma that reparseFronted splits off.
const maxFronted = 10

// reparseFronted mends the commonest misparse of news prose: a sentence that opens with a
// phrase and a comma ("On Saturday morning, a gunman shot shoppers…", "In Paris, the
// officers were stabbed…", "As the company was bankrupt, the government had to pay…")
// parsed with its root inside that opening phrase, so that the clause after the comma
// hangs from it and its verb is often tagged as a noun ("shot"). The treebank the model
// learnt from has few such sentences. When the root of [a, b) lies before the first comma
// and the opening phrase starts with a preposition, adverb or subordinating conjunction,
// the two parts are parsed on their own; if the rest then has a verb as its root, the
// opening phrase is hung from that verb (obl for a prepositional phrase, advmod for an
// adverb, advcl for a clause) and the comma with it. Otherwise the first parse stays.
func (w *worker) reparseFronted(a, b int) {
	p, m := &w.pc, w.m
	comma := -1
	for i := a + 1; i < b && i <= a+maxFronted; i++ {
		if p.forms[i] == "," {
			comma = i
			break
		}
	}
	if comma < 0 || b-comma < 4 {
		return
	}
	switch m.xpos[p.tag[a]] {
	case "IN", "RB", "RBR", "WRB":
	default:
		return
	}
	if root := p.rootIn(a, b); root < 0 || root > comma {
		return
	}
	// The rest is parsed again only when the tagger saw a verb in it, which the new
	// parse is to make its root.
	verb := false
	for i := comma + 1; i < b && !verb; i++ {
		verb = m.upos[p.tag[i]] == "VERB"
	}
	if !verb {
		return
	}
	// The first parse of the rest, put back when the new one has no verb for its root.
	rs := comma + 1
	w.savedHead = append(w.savedHead[:0], p.head[rs:b]...)
	w.savedLabel = append(w.savedLabel[:0], p.label[rs:b]...)
	w.savedTag = append(w.savedTag[:0], p.tag[rs:b]...)
	w.parseRange(rs, b)
	rest := p.rootIn(rs, b)
	if rest < 0 || m.upos[p.tag[rest]] != "VERB" {
		copy(p.head[rs:b], w.savedHead)
		copy(p.label[rs:b], w.savedLabel)
		copy(p.tag[rs:b], w.savedTag)
		return
	}
	w.parseRange(a, comma)
	for i := a; i < comma; i++ {
		if p.head[i] < 0 {
			rel := "advcl"
			switch m.upos[p.tag[i]] {
			case "NOUN", "PROPN", "NUM", "PRON":
				rel = "obl"
			case "ADV":
				rel = "advmod"
			}
			p.head[i], p.label[i] = int32(rest), m.labelID(rel)
		}
	}
	p.head[comma], p.label[comma] = int32(rest), m.labelID("punct")
}

// rootIn returns the first piece of [a, b) with no head, -1 when there is none.
func (p *pieces) rootIn(a, b int) int {
	for i := a; i < b; i++ {
		if p.head[i] < 0 {
			return i
		}
	}
	return -1
}

// labelID returns the index of dependency label name in the model's labels.
func (m *Model) labelID(name string) int32 {
	for i, l := range m.labels {
		if l == name {
			return int32(i)
		}
	}
	return 0
}

// top returns the piece of [a, b) nearest the root, the rightmost of equals; joining the
// pieces of each token under it keeps the token-level structure a tree.
func (p *pieces) top(a, b int) int {
	best, bestDepth := a, -1
	for k := a; k < b; k++ {
		d := 0
		for h := p.head[k]; h >= 0 && d <= len(p.head); h = p.head[h] {
			d++
		}
		if bestDepth < 0 || d <= bestDepth {
			best, bestDepth = k, d
		}
	}
	return best
}

// chunkEnd returns where the chunk starting at start ends: at n when the rest fits,
// otherwise after the last punctuation (or, failing that, the last token boundary) that
// keeps the chunk within maxChunk pieces.
func chunkEnd(p *pieces, start, n int) int {
	if n-start <= maxChunk {
		return n
	}
	limit := start + maxChunk
	cut := -1
	for e := limit; e > start+maxChunk/2; e-- {
		if p.owner[e] == p.owner[e-1] {
			continue // inside a token
		}
		if cut < 0 {
			cut = e
		}
		switch p.forms[e-1] {
		case ".", ";", ",", ":", "!", "?":
			return e
		}
	}
	if cut < 0 {
		cut = limit // a single token of maxChunk pieces: cut it
	}
	return cut
}
