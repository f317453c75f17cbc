package event

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
)

// Modality values of doc.Event.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Hypothetical = "hypothetical"
	Future       = "future"
)

// extractor holds the scratch state of one document's coding; extractors are pooled so
// that coding allocates little beyond the events it returns.
type extractor struct {
	st   *Stage
	d    *doc.Document
	low  []byte  // Document.Text with ASCII letters lower-cased
	lows string  // low as a string: tokens' lower-cased forms are substrings of it
	ent  []int32 // entity index of each token, -1 when none
	// dated marks the tokens of a date mention ("on Monday", "in January") and the
	// preposition before it, which verb patterns do not read: "called on Monday" is
	// no appeal ("call on").
	dated []bool
	fill  []int32
	s     sent
	si    int // sentence index

	idOff []int32 // per sentence token: offset of its word ids in idBuf, -1 not computed
	idLen []uint8
	idBuf []int32
	cues  []cue  // per token: its cues once looked up (cue)
	known []bool // per token: whether cues holds its cues yet
	// inPre and inPost are bestPattern's sets of the word ids its phrases hold (idSet).
	inPre, inPost []uint64

	cands   []cand
	candOf  []int32  // per sentence token: index in cands, -1 not computed, -2 none
	inQuote []bool   // per sentence token: within a direct quotation (quoted)
	mods    []string // per sentence token: its modality, "" not computed
	seq     []int32  // scratch for phrases
	pre     []int32
	m       matcher
	words   []string
	refBuf  []verbRef // scratch for verbRefs
	refOut  []verbRef
	blocks  []*cblock // the candidates' blocks, sliced per candidate

	events      []doc.Event
	dateline    int       // index in Document.Places of the dateline, -1 none
	focus       string    // the article's main country (focusCountry), "" none
	nationality string    // the nationality of most of its people when it places nothing (nationalFocus)
	undated     []undated // events dated by the publication date, for datedMentions
	// held lists the event nouns (their nouns.txt rules) that the document has told as
	// the doing of their not-by= agents ("Trump held a rally"): the same noun with no
	// actor of its own is theirs later ("people ejected from a rally").
	held []string
}

// undated is an event whose own clause gives no date, with the note its rule carries.
type undated struct {
	event int
	note  string
}

var extractors = sync.Pool{New: func() any { return new(extractor) }}

// cand is a candidate event of one sentence: a trigger, its actors, its code.
type cand struct {
	trigger   int
	noun      bool
	mutual    bool // a noun whose conjoined sources may act on one another: done by the subjects of a verb of taking part ("held talks"), or between its parties ("clashes between the army and rebels")
	src, tgt  []actorArg
	code      cameo.Code
	rule      string
	modality  string
	ownNeg    bool // negated in its own clause ("never invaded"), not by a verb above
	passive   bool // a passive verb: its sources are the by-agents
	received  bool // an event noun its target received ("received death threats"), its doer unsaid
	consumed  bool // nested in another event, which codes it (a transformation) or not at all
	retaliate bool // the phrase speaks of retaliation
	blocks    []*cblock
	patterned bool // a pattern coded it, which names what is done, not the verb's default
	court     bool // a word of a court's acts (cues.txt [court]) is the trigger, its object or its passive subject
}

// actorArg is one coded actor of an event.
type actorArg struct {
	code string
	span doc.Span
	head int
	how  string // how it was coded, for the rule
	rule string // the target rule that found it (targetRules), "" for a source
}

func (x *extractor) lower(i int) string {
	t := &x.d.Tokens[i]
	return x.lows[t.Start:t.End]
}

// lowerIs compares token i's lower-cased text with w.
func (x *extractor) lowerIs(i int, w string) bool { return x.lower(i) == w }

func (x *extractor) prepare(st *Stage, d *doc.Document) {
	x.st, x.d = st, d
	x.m.x = x
	x.events = nil
	x.undated = x.undated[:0]
	x.held = x.held[:0]
	x.dateline = findDateline(d)
	x.focus = focusCountry(d)
	x.nationality = nationalFocus(d)
	x.low = grow(x.low, len(d.Text))
	for i := 0; i < len(d.Text); i++ {
		c := d.Text[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		x.low[i] = c
	}
	x.lows = string(x.low)
	x.cues = grow(x.cues, len(d.Tokens))
	x.known = grow(x.known, len(d.Tokens))
	clear(x.known)
	x.ent = grow(x.ent, len(d.Tokens))
	for i := range x.ent {
		x.ent[i] = -1
	}
	x.dated = grow(x.dated, len(d.Tokens))
	clear(x.dated)
	for _, dt := range d.Dates {
		k := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].End > dt.Start })
		m := k
		for m < len(d.Tokens) && d.Tokens[m].Start < dt.End {
			m++
		}
		if m == k || m < len(d.Tokens) && d.Tokens[m].Dep == "case" && d.Tokens[m].Head < m {
			continue // "last night's attack": the date says which attack
		}
		for q := k; q < m; q++ {
			x.dated[q] = true
		}
		if p := k - 1; p >= 0 && d.Tokens[p].POS == "ADP" && d.Tokens[p].Head >= k && d.Tokens[p].Head < m {
			x.dated[p] = true // "on" of "on Monday", not "down" of "step down today"
		}
	}
	// Tokens are in text order; so, mostly, are entities.
	for ei, e := range d.Entities {
		k := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].End > e.Start })
		for ; k < len(d.Tokens) && d.Tokens[k].Start < e.End; k++ {
			if x.ent[k] < 0 || d.Entities[x.ent[k]].Actor == "" {
				x.ent[k] = int32(ei)
			}
		}
	}
}

// run codes the document's events.
func (x *extractor) run() []doc.Event {
	d := x.d
	parsed := false
	for i := range d.Tokens {
		if d.Tokens[i].Dep != "" {
			parsed = true
			break
		}
	}
	if !parsed || x.storyDiscarded() {
		return nil
	}
	for si, sn := range d.Sentences {
		first, end := max(sn.FirstToken, 0), min(sn.EndToken, len(d.Tokens))
		if first >= end {
			continue
		}
		x.si = si
		x.sentence(first, end)
	}
	x.datedMentions()
	x.narrativeDates()
	x.narrativePlaces()
	x.mentionedPlaces()
	return x.events
}

func (x *extractor) sentence(first, end int) {
	s := &x.s
	s.reset(x, first, end)
	discarded := x.discarded(first, end)
	n := end - first
	x.idOff = grow(x.idOff, n)
	x.idLen = grow(x.idLen, n)
	x.candOf = grow(x.candOf, n)
	x.inQuote = grow(x.inQuote, n)
	x.mods = grow(x.mods, n)
	for i := range n {
		x.idOff[i], x.candOf[i] = -1, -1
		x.inQuote[i], x.mods[i] = false, ""
	}
	x.markQuoted(first, end)
	x.idBuf = x.idBuf[:0]
	x.cands = x.cands[:0]
	x.blocks = x.blocks[:0]
	toks := x.d.Tokens
	for i := first; i < end; i++ {
		if (toks[i].POS == "VERB" && s.dep(i) != "amod") || x.readiness(i) || x.statalPassive(i) {
			x.verbCand(i)
		}
	}
	for i := first; i < end; i++ {
		if toks[i].POS == "NOUN" || toks[i].POS == "PROPN" && toks[i].Kind == doc.Word {
			x.nounCand(i)
		}
	}
	before := len(x.events)
	for ci := range x.cands {
		if !x.cands[ci].consumed && (!discarded || x.personCoerced(&x.cands[ci])) {
			x.emit(&x.cands[ci])
		}
	}
	if len(x.events) == before && !discarded {
		x.quoteJudgement(first, end)
	}
}

// personCoerced reports whether candidate c is coercion (CAMEO 17: arrest, charge,
// sentence) of a person named in the text: such an event is coded even in a sentence
// that a discard phrase marks as sports, entertainment or history, whose people are
// arrested and charged like anyone ("Nikoloz Basilashvili, a Georgian tennis player, was
// arrested on a charge of domestic violence"). Force (18) stays uncoded there: the
// game's and history's "beat", "attacks" and "strikes" ("the World War II general who
// beat Hitler", the one such event in 840 news-bench files).
func (x *extractor) personCoerced(c *cand) bool {
	if !strings.HasPrefix(lead(c.code), "17") {
		return false
	}
	for _, a := range c.tgt {
		if x.person(a.head) {
			return true
		}
	}
	return !c.noun && x.person(x.patient(c.trigger, c.passive)) // "Basilashvili, a tennis player, was arrested"
}

// personSuffixes are the endings of nouns taken for people: "prisoner", "protestor",
// "extremist", "assailant", "detainee", "tribesman" (and "tribesmen", should the
// lemmatiser leave the plural).
var personSuffixes = [...]string{"er", "or", "ist", "ant", "ee", "man", "men"}

// personByEnding reports whether noun h names a person by its ending (personSuffixes),
// one the dictionaries may not know ("a prisoner", "the shooter").
func (x *extractor) personByEnding(h int) bool {
	l := x.d.Tokens[h].Lemma
	for _, suf := range personSuffixes {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// blameless reports whether h, the subject or by-agent of a verb of violence or protest
// that codes as no actor, is a thing that names no attacker: a disaster or a mishap
// (cues.txt [accident] and [hazard], also as a named storm's first word: "a fire killed
// five girls", "Hurricane Lorenzo hits Azores", "the tremor damaged 143 buildings"), a
// thing of the markets, whatever nationality it has (cues.txt [market]: "Indian shares
// rallied"), or a
// common noun that is neither an event noun (nouns.txt: "the attack killed"), a means of
// violence (cues.txt [means]: "a car bomb killed") nor, by its ending, a person.
func (x *extractor) blameless(h int) bool {
	if h < 0 || h >= len(x.d.Tokens) {
		return false
	}
	if q := x.seriesOf(h); q >= 0 && (x.eventNoun(q) || x.cue(q).has(cueMeans)) {
		return false // "a series of airstrikes", "a barrage of rockets"
	}
	if x.hazard(h) || x.d.Tokens[h].POS == "NOUN" && x.cue(h).has(cueMarket) {
		return true // also "Indian shares", which the nationality codes
	}
	if x.d.Tokens[h].POS != "NOUN" || x.ent[h] >= 0 {
		return false
	}
	if len(x.codeArgs(h)) > 0 || x.eventNoun(h) || x.cue(h).has(cueMeans) {
		return false
	}
	if x.personByEnding(h) {
		return false // a person the dictionaries do not know may be an attacker
	}
	for _, ch := range x.s.children(h) {
		// "a group of youths", "a band of al-Qaeda-linked tribesmen": a body of people
		// (cues.txt [collective]), or anything of people the text names, is as much an
		// attacker as the people it holds
		if c := int(ch); x.s.dep(c) == "nmod" && x.lowerIs(caseTok(&x.s, c), "of") && x.d.Tokens[c].POS == "NOUN" &&
			(len(x.codeArgs(c)) > 0 || x.personByEnding(c) || x.cue(h).has(cueCollective)) {
			return false
		}
	}
	for _, ch := range x.s.children(h) {
		if d := x.s.dep(int(ch)); (d == "compound" || d == "amod") && (x.cue(int(ch)).has(cueMeans) || len(x.nounEntries(int(ch))) > 0) {
			return false // "car bomb", "sniper fire"
		}
	}
	return true
}

// hazard reports whether noun h names a disaster or a mishap (cues.txt [accident],
// [hazard]), itself or by a compound's first word ("Hurricane Lorenzo"), and no means
// of violence modifies it ("sniper fire", "artillery fire").
func (x *extractor) hazard(h int) bool {
	s := &x.s
	is := x.cue(h).hasAny(cueAccident, cueHazard)
	for _, ch := range s.children(h) {
		c := int(ch)
		switch {
		case s.dep(c) != "compound":
		case x.cue(c).has(cueMeans) || len(x.nounEntries(c)) > 0:
			return false
		case c < h && x.cue(c).hasAny(cueAccident, cueHazard):
			is = true
		}
	}
	return is
}

// inAccident reports whether verb v is said to have happened in an accident or a
// disaster (cues.txt [accident]): "107 killed in Mecca crane collapse", "died in a car
// crash"; or is the relative clause of one ("the storm that killed 30 people").
func (x *extractor) inAccident(v int) bool {
	s := &x.s
	if s.full(v) == "acl:relcl" && x.hazard(s.head(v)) {
		return true // "the storm that killed 30 people": the relative clause's subject
	}
	for _, ch := range s.children(v) {
		if c := int(ch); s.dep(c) == "obl" && x.cue(c).has(cueAccident) && x.lowerIs(caseTok(s, c), "in") {
			return true
		}
	}
	// The words as written, for the trees a headline's missing auxiliary leaves wrong
	// ("At least 107 killed in Mecca crane collapse" hangs "killed" on "collapse"): "in"
	// right after the verb, then the noun phrase up to its first word of another kind.
	if v+2 >= s.end || !x.lowerIs(v+1, "in") {
		return false
	}
	for i := v + 2; i < s.end && i < v+7; i++ {
		switch x.d.Tokens[i].POS {
		case "DET", "ADJ", "NOUN", "PROPN", "NUM":
			if x.cue(i).has(cueAccident) {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// statalPassive reports whether token i is a participle that the tagger read as an
// adjective after "be" ("three people were injured", "he was wounded"), which the
// treebank often tags so: it is a passive verb when its form is one the verb
// dictionaries know.
func (x *extractor) statalPassive(i int) bool {
	t := &x.d.Tokens[i]
	if t.POS != "ADJ" || !strings.HasSuffix(x.lower(i), "ed") || x.s.child(i, "cop") < 0 {
		return false
	}
	if x.s.child(i, "det") >= 0 || x.s.child(i, "case") >= 0 {
		return false // a noun of people: "my thoughts are with the injured"
	}
	return len(x.st.c.verbs[x.lower(i)]) > 0
}

// quoteJudgement codes a sentence of a direct quotation that holds no other event and no
// verb of saying by what its words say, as judgeSpeech does for what a verb of saying
// says, with the quotation's speaker as the source: "'Those who want to link the
// region's incidents to Iran are lying…'" (Rouhani, quoted a sentence earlier).
func (x *extractor) quoteJudgement(first, end int) {
	d := x.d
	sn := d.Sentences[x.si]
	var src actorArg
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !q.Direct || q.Start > sn.Start+1 || q.End < sn.End-2 {
			continue // the whole sentence within the quotation (its marks aside)
		}
		if a, ok := x.speakerActor(q); ok {
			src = a
		}
		break
	}
	if src.code == "" {
		return
	}
	var code string
	trig := -1
	for q := first; q < end && code == ""; q++ {
		if x.cue(q).has(cueSpeech) && d.Tokens[q].POS == "VERB" {
			return // said within the quotation: someone else's words
		}
		code, trig = x.judged(q, cueSet(cueCondemn, cueAccusation)), q
	}
	if code == "" {
		return
	}
	c := cand{trigger: trig, modality: Asserted, code: cameo.Code{Forward: code}, src: []actorArg{src}}
	c.rule = fmt.Sprintf("cues.txt: [speech] quoted words — %q says %s", x.lower(trig), code)
	for q := first; q < end && c.tgt == nil; q++ {
		c.tgt = x.namedActor(q, src.code)
	}
	x.emit(&c)
}

// judgements are the codes that words of judgement give what is said or what something
// is called, by the word lists of cues.txt, in order of precedence.
var judgements = [...]struct {
	words cue
	code  string
}{
	{cueSet(cueCondemn, cueBlame), "111"},
	{cueSet(cueAccusation), "112"},
	{cueSet(cueCommend, cuePraise), "051"},
}

// judged returns the code of the first judgement that word q gives among the word lists
// in lists, "" when it gives none. A word of accusation that is a verb with an object
// tells an act, not whose doing it was: "it was doing its best", "we're doing everything
// we can" (not "the crash was likely Iran's doing").
func (x *extractor) judged(q int, lists cue) string {
	cu := x.cue(q).and(lists)
	if cu.has(cueAccusation) && x.d.Tokens[q].POS == "VERB" && q >= x.s.first && q < x.s.end && x.s.child(q, "obj") >= 0 {
		cu = cu.without(cueAccusation)
	}
	for _, j := range judgements {
		if cu.meets(j.words) {
			return j.code
		}
	}
	return ""
}

// namedActor codes token q when it is in the name of an actor other than src and not
// a place where something is ("journalism in Yemen"): the target of what is said.
func (x *extractor) namedActor(q int, src string) []actorArg {
	e := x.ent[q]
	if e < 0 || x.d.Entities[e].Actor == "" || x.agentOnly(x.d.Entities[e].Actor) || x.cue(caseTok(&x.s, q)).has(cuePlacePrep) {
		return nil
	}
	if a := x.codeArgs(q); len(a) > 0 && a[0].code != src {
		return a
	}
	return nil
}

// verbRefs returns the dictionary entries of verb token v whose particles follow it;
// multi-word verbs ("call off") win over the single verb.
func (x *extractor) verbRefs(v int) []verbRef {
	c := x.st.c
	t := &x.d.Tokens[v]
	refs := c.verbs[t.Lemma]
	if len(refs) == 0 {
		refs = c.verbs[x.lower(v)]
	} else if low := x.lower(v); low != t.Lemma {
		if more := c.verbs[low]; len(more) > 0 {
			x.refBuf = append(append(x.refBuf[:0], refs...), more...)
			refs = x.refBuf
		}
	}
	if len(refs) == 0 {
		return nil
	}
	multi := false
	for _, r := range refs {
		if len(r.particles) > 0 && x.particlesFollow(v, r.particles) {
			multi = true
			break
		}
	}
	out := x.refOut[:0]
	for _, r := range refs {
		if len(r.particles) > 0 {
			if multi && x.particlesFollow(v, r.particles) {
				out = append(out, r)
			}
		} else if !multi {
			out = append(out, r)
		}
	}
	x.refOut = out
	return out
}

// particlesFollow reports whether ps follow verb v within three tokens each, in its
// clause ("called the talks off", "called off the talks").
func (x *extractor) particlesFollow(v int, ps []string) bool {
	p := v + 1
	for _, w := range ps {
		found := false
		for q := p; q < x.s.end && q < p+4; q++ {
			if x.lowerIs(q, w) {
				found, p = true, q+1
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// phrase fills x.seq with the words after trigger t in its phrase, in text order: for a
// verb, the tokens of its own clause after it; for a noun, its subtree after it. Subordinate
// clauses and punctuation are left out; at most 16 words.
func (x *extractor) phrase(t int, noun bool) []int32 {
	s := &x.s
	x.seq = x.seq[:0]
	limit := int(s.right[t-s.first])
	home := t
	if noun {
		home = s.clauseOf(t)
	}
	for q := t + 1; q <= limit && len(x.seq) < 16; q++ {
		if x.d.Tokens[q].Kind == doc.Punct || x.dated[q] {
			continue
		}
		if noun && !s.inSubtree(q, t) {
			continue
		}
		if c := s.clauseOf(q); c != home && !x.gerundIn(c, home) && !x.predicateOf(q, home) {
			continue
		}
		x.seq = append(x.seq, int32(q))
	}
	return x.seq
}

// passiveObject returns the words after a passive verb with the noun phrase of its
// subject before them, where the active verb has its object: the patterns' object words
// then match "the curfew was lifted" as they match "lifted the curfew" (LIFT — * CURFEW,
// 0813), where the noun alone would be coded as what the verb ends (a curfew, 1723).
func (x *extractor) passiveObject(subj int, post []int32) []int32 {
	s := &x.s
	l, r := int(s.left[subj-s.first]), int(s.right[subj-s.first])
	out := make([]int32, 0, r-l+1+len(post))
	for q := l; q <= r; q++ {
		if x.d.Tokens[q].Kind != doc.Punct && !x.dated[q] && !x.inClauseOf(q, subj) {
			out = append(out, int32(q))
		}
	}
	return append(out, post...)
}

// inClauseOf reports whether token q lies in a clause or apposition that modifies noun n
// ("a man suspected of supplying the gun", "the minister, who ..."), which names no
// object of the verb.
func (x *extractor) inClauseOf(q, n int) bool {
	s := &x.s
	for h := q; h >= 0 && h != n; h = s.head(h) {
		switch s.dep(h) {
		case "acl", "appos", "parataxis":
			return true
		}
	}
	return false
}

// gerundIn reports whether clause c is a gerund without a subject of its own inside
// clause home: "accused India of spying", "warned against attacking". A gerund that
// modifies a noun is a reduced relative clause, not part of the verb's phrase: in
// "posted a message blaming Iran for the attacks" the attacks are blamed, not posted.
func (x *extractor) gerundIn(c, home int) bool {
	s := &x.s
	if x.d.Tokens[c].Tag != "VBG" || s.child(c, "nsubj") >= 0 || s.dep(c) == "acl" {
		return false
	}
	h := s.head(c)
	return h >= 0 && s.clauseOf(h) == home
}

// courtAct reports whether verb v, its object or its passive subject subj is a word of a
// court's acts (cues.txt [court]): "was sentenced", "was given a suspended sentence",
// "charges were filed".
func (x *extractor) courtAct(v, subj int, passive bool) bool {
	if x.cue(v).has(cueCourt) {
		return true
	}
	if o := x.s.child(v, "obj"); o >= 0 && x.cue(o).has(cueCourt) {
		return true
	}
	return passive && subj >= 0 && x.cue(subj).has(cueCourt)
}

// predicateOf reports whether token q is the adjective that predicates the complement of
// home, a verb of judging (cues.txt [judging]: "ruled the prorogation unlawful", "found it
// to be unlawful", "ruled that the law was unconstitutional"): the verb's patterns name
// it ("RULE — * UNLAWFUL"), while the rest of its clause stays out of the verb's phrase.
func (x *extractor) predicateOf(q, home int) bool {
	s := &x.s
	if x.d.Tokens[q].POS != "ADJ" || s.head(q) != home || s.clauseOf(q) != q || !x.cue(home).has(cueJudging) {
		return false
	}
	switch s.dep(q) {
	case "xcomp", "ccomp", "parataxis":
		return true
	}
	return false
}

// prePhrase fills x.pre with the words of verb v's clause before it.
func (x *extractor) prePhrase(v int) []int32 {
	s := &x.s
	x.pre = x.pre[:0]
	for q := int(s.left[v-s.first]); q < v; q++ {
		if x.d.Tokens[q].Kind != doc.Punct && s.clauseOf(q) == v {
			x.pre = append(x.pre, int32(q))
		}
	}
	if len(x.pre) > 12 {
		x.pre = x.pre[len(x.pre)-12:]
	}
	return x.pre
}

// cue returns the cue lists of token i's lemma (or lower-cased text).
func (x *extractor) cue(i int) cue {
	if x.known[i] {
		return x.cues[i]
	}
	cs := x.st.c.cues
	c, ok := cs[x.d.Tokens[i].Lemma]
	if !ok {
		c = cs[x.lower(i)]
	}
	// Coding asks a token's cues many times, and two map lookups each time were a sixth
	// of the stage's time; known keeps the bit set free for cues.
	x.cues[i], x.known[i] = c, true
	return c
}

// candAt returns the index in x.cands of the candidate of verb token v, computing it
// once; -1 when there is none. (An index, not a pointer: x.cands grows.)
func (x *extractor) candAt(v int) int {
	k := v - x.s.first
	if x.candOf[k] == -1 {
		x.verbCand(v)
	}
	return max(int(x.candOf[k]), -1)
}

// verbCand codes verb v, storing the candidate (if any) in x.cands.
func (x *extractor) verbCand(v int) {
	s := &x.s
	k := v - s.first
	if x.candOf[k] != -1 {
		return
	}
	x.candOf[k] = -2
	c := cand{trigger: v}
	c.modality = x.modality(v)
	c.ownNeg = x.ownModality(v) == Negated
	srcH, tgtH, passive := x.args(v)
	if passive && x.cue(v).has(cueExperience) {
		// "The United States was disappointed by the Parliament's decision": one who is
		// disappointed, angered or alarmed by something disapproves of it ([experience])
		srcH, tgtH, passive = tgtH, srcH, false
	}

	// Complements first: a nested event may be recoded by a transformation, and a verb
	// of intention or denial keeps its complement from being coded as a fact.
	inner := -1
	var intended []int // complements of a verb of intention or request
	plan := x.intentNoun(v)
	planned := -1 // the complement of plan, whose transformation is plan's
	for _, ch := range x.complements(v, plan) {
		dep := s.dep(int(ch))
		if x.toComplement(int(ch), v) {
			dep = "xcomp" // "called on Germany to supply", parsed as a purpose clause
		}
		ofPlan := plan >= 0 && (s.head(int(ch)) == plan || (dep == "xcomp" || dep == "advcl") && x.toMarked(int(ch)))
		if ofPlan {
			dep = "xcomp"
		}
		if dep != "xcomp" && dep != "ccomp" && !(dep == "advcl" && x.d.Tokens[ch].POS == "VERB" && x.d.Tokens[ch].Tag == "VBG") {
			continue
		}
		if x.d.Tokens[ch].POS != "VERB" {
			continue
		}
		if f := x.goingFuture(int(ch)); f >= 0 {
			ch = int32(f) // "said he is going to visit": what is said is the visit
		}
		ii := x.candAt(int(ch))
		if (ii < 0 || x.cands[ii].code.Null) && x.cue(int(ch)).has(cueParticipation) {
			// "promised to continue military aid": what is promised is the aid
			if o := s.child(int(ch), "obj"); o >= 0 && x.d.Tokens[o].POS == "NOUN" {
				ii = x.nestedNounCand(o)
			}
		}
		if ii < 0 {
			continue
		}
		ic := &x.cands[ii]
		if ofPlan {
			// "announced plans to send aid", "made an offer to hold talks": the
			// complement is the noun's, as "planned to send aid", "offered to hold
			// talks" is the verb's
			if ic.modality == Asserted {
				ic.modality = Hypothetical
			}
			if planned < 0 && !ic.code.Null {
				planned = ii
			}
			continue
		}
		cv := x.cue(v)
		before := len(intended)
		switch {
		case cv.has(cueDeny) || cv.has(cueNegating):
			ic.modality = Negated
		case c.ownNeg && dep == "xcomp" && ic.modality == Asserted:
			// "does not force countries to conduct the arrest", "did not order troops to
			// fire": what a negated verb would have made happen did not happen
			ic.modality = Negated
		case cv.has(cueAttempt) && violent(lead(ic.code)):
			// attempted violence happened: asserted, and the attempt is no event of its own
			intended = append(intended, ii)
		case cv.hasAny(cueIntention, cueAttempt) && (dep != "advcl" || x.complementMark(int(ch))):
			if ic.modality == Asserted {
				ic.modality = Hypothetical
			}
			intended = append(intended, ii)
		}
		// The verbs conjoined to the complement share its fate: "asks police to find and
		// arrest a person" arrests nobody either.
		mod, isIntended := x.cands[ii].modality, len(intended) > before
		for _, g := range s.children(int(ch)) {
			if s.dep(int(g)) != "conj" || x.d.Tokens[g].POS != "VERB" || mod == Asserted && !isIntended {
				continue
			}
			if jj := x.candAt(int(g)); jj >= 0 {
				if x.cands[jj].modality == Asserted {
					x.cands[jj].modality = mod
				}
				if isIntended {
					intended = append(intended, jj)
				}
			}
		}
		if inner < 0 && dep != "advcl" {
			inner = ii
		}
	}
	// "admitted downing the jet": the downing happened, and the admission is one of
	// responsibility (015), not what the verb's entries code ("admit" 050).
	admitted := inner >= 0 && x.cue(v).has(cueAdmission) && !x.cands[inner].code.Null && x.cands[inner].modality == Asserted
	named := false // v names its object in quotation marks, with no word that judges it
	if x.cue(v).has(cueDescribe) {
		var done bool
		if done, named = x.describeCand(v, srcH, c.modality); done {
			return
		}
	}
	if x.goingFuture(v) >= 0 {
		return // "going" of "is going to attack" is no event; its complement is
	}
	// After the complements, which use the same scratch space.
	refs := x.verbRefs(v)
	if len(refs) == 0 {
		return
	}
	start := len(x.blocks)
	for _, r := range refs {
		if !containsBlock(x.blocks[start:], r.block) {
			x.blocks = append(x.blocks, r.block)
		}
	}
	c.blocks = x.blocks[start:len(x.blocks):len(x.blocks)]
	c.src = x.named(x.codeArgs(srcH), srcH)
	if len(c.src) == 0 && inner < 0 && !anySourceless(c.blocks) && !x.refsSourceless(refs) {
		return // no source, and nothing this verb codes may lack one
	}
	post := x.phrase(v, false)
	c.retaliate = x.speaksOfRetaliation(v, post)
	pre := x.prePhrase(v)
	c.court = x.courtAct(v, tgtH, passive)
	subjWords := 0 // words of the passive subject put before post
	if passive && tgtH >= 0 && tgtH < v && x.d.Tokens[tgtH].POS == "NOUN" && s.head(tgtH) == v && s.full(tgtH) == "nsubj:pass" &&
		!x.cue(v).hasAny(cueSpeech, cueDescribe) {
		// not a participle that modifies its noun ("the delegates needed", "the exit
		// polls conducted for the networks"), which says what the noun is; nor a verb
		// of saying, whose passive subject is its topic ("Iran's attacks were described
		// as the end")
		n := len(post)
		post = x.passiveObject(tgtH, post)
		subjWords = len(post) - n
	}
	pm, ok := x.bestPattern(c.blocks, pre, post)
	if ok && pm.p.code.Null && x.cue(v).has(cueSpeech) && x.clausalComplement(v) && (pm.targ < 0 || x.inComplementClause(v, pm.targ)) {
		// "repeated that Soleimani had been planning attacks": a verb of saying's null
		// pattern for its object ("repeated his name", REPEAT's "* +") does not read the
		// clause it says, which is saying, as "said that" is ([speech])
		ok = false
	}
	if ok && pm.start < subjWords && pm.targ < 0 && len(x.codeArgs(tgtH)) == 0 {
		// "a case was filed against him": the passive subject is the thing the
		// pattern names as the object, no target; the target is found as for the
		// active verb, after "against"
		tgtH = -1
	}
	if ok {
		c.code, c.rule, c.patterned = pm.p.code, pm.p.rule, true
		if pm.source >= 0 {
			if a := x.codeArgs(pm.source); len(a) > 0 {
				c.src = a
			}
		}
		if pm.targ >= 0 {
			tgtH = pm.targ
		}
	} else {
		if named {
			return // "calling them “very boring tax returns”" is no phone call
		}
		c.code, c.rule = defaultCode(refs)
		if c.code.IsZero() {
			c.code.Null = true
		}
		c.rule += " " + c.code.String() + " (verb " + strings.ToLower(x.d.Tokens[v].Lemma) + ")"
	}
	if passive && ok && len(c.src) == 0 && tgtH >= 0 && x.st.c.classOf(lead(c.code)).subjectActs {
		// "the army was placed on high alert": the force shows its own force, as a
		// pattern says ("Obama was moved to tears" is no move of forces)
		if a := x.named(x.codeArgs(tgtH), tgtH); len(a) > 0 && x.st.c.agentSets["forces"][x.agentOf(a[0].code)] {
			c.src, tgtH, passive = a, -1, false
			c.rule += "; passive, its subject the source"
		}
	}
	c.tgt = x.named(x.targetArgs(v, tgtH, passive, x.st.c.classOf(lead(c.code))), tgtH)
	if len(c.tgt) == 0 && tgtH < 0 && passive && x.st.c.classOf(lead(c.code)).victim != "" {
		c.tgt = x.named(nil, x.patient(v, passive)) // "Baloch was murdered": victimNamed
	}
	if !passive && srcH >= 0 && violent(lead(c.code)) && x.judgedAct(v) {
		// "Waseem confessed to killing his sister": the one who confesses to it, or is
		// convicted or charged with it, is the criminal who did it
		if a := x.culpritArgs(srcH); len(a) > 0 && a[0].code != "" {
			c.src = a
			c.rule += "; done by the one " + x.lower(x.s.head(v)) + " judges"
		}
	}
	if passive {
		c.rule += "; passive"
		c.passive = true
		if h := s.head(v); s.dep(v) == "acl" && h >= 0 && (v == h+1 || s.full(v) == "acl:relcl" && x.generic(h)) && len(c.src) == 0 &&
			(len(c.tgt) == 1 && strings.HasSuffix(c.tgt[0].code, "PPL") || len(c.tgt) == 0 && x.generic(h)) &&
			!x.isCount(h) {
			// "a law to extradite people accused of crimes", "people who had been
			// accused of crimes", "anyone accused of a crime" says who they are; a
			// count ("Three killed") is a headline's event.
			return
		}
	}
	if sb := s.child(v, "nsubj"); x.d.Tokens[v].Tag == "VBN" && s.dep(v) == "xcomp" && s.child(v, "aux") < 0 && sb >= 0 && x.generic(sb) && len(c.src) == 0 {
		// "to extradite anyone accused of a crime", read as a small clause: the
		// participle says who they are
		return
	}
	if len(c.tgt) == 0 && len(c.src) > 0 && x.cue(v).has(cueArrival) && strings.HasPrefix(lead(c.code), "04") {
		// "Mubarak arrived in Baghdad for talks", "the minister visited the islands of
		// Pitcairn and Nauru": the host is the country he came to. The place a visit
		// names as its object hosts only a state's or an envoy's visit (classes.txt):
		// "a Lebanese man visiting Nice with his family" is a tourist.
		var objs []int
		if sc := c.src[0].code; len(sc) == 3 || x.st.c.agentSets["envoys"][x.agentOf(sc)] {
			objs = objectOf(s, v)
		}
		if a, ok := x.struckCountry(v, objs); ok && a.code != country(c.src[0].code) {
			a.how = "the country of " + x.argText(a) + ", where the visit was"
			c.tgt = []actorArg{a}
		}
	}
	// "was killed in a US drone strike": the agent of the means is the source; for a
	// pattern that codes only the reverse ("died in an Israeli air raid" [:190]) it is
	// the clause's target, which the reverse makes the source.
	means := &c.src
	if c.code.Forward == "" && c.code.Reverse != "" {
		means = &c.tgt
	}
	if len(*means) == 0 {
		if a, n := x.meansAgent(v); len(a) > 0 {
			*means = a
			c.rule += "; " + a[0].how + ", the agent of the " + x.lower(n)
		}
	}
	if len(c.src) == 0 && violent(lead(c.code)) && (s.dep(v) != "acl" && x.blameless(srcH) || x.inAccident(v)) {
		return // "a crane fell, killing 107", "killed by his lions", "killed in a crane collapse": an accident
	}
	if !ok && strings.HasPrefix(lead(c.code), "14") && !passive && x.blameless(srcH) {
		return // "Indian shares fell before rallying", "the market rallied": prices, no protest
	}
	if admitted {
		c.code, c.rule = cameo.Code{Forward: "015"}, "cues.txt: [admission] "+x.lower(v)+" what it did: 015"
	} else if planned >= 0 {
		if x.transform(&c, plan, &x.cands[planned]) {
			x.nounDone(plan) // the noun's event is the transformation's
		}
	} else if inner >= 0 {
		x.transform(&c, v, &x.cands[inner])
	}
	if !ok && x.cue(v).has(cueOpinion) && x.clausalComplement(v) && (inner < 0 || x.cands[inner].code.Null) {
		// "Clinton's campaign has argued that Sanders will lose support", "he suggested
		// the U.S. should use a database": with what it holds in a clause, the verb
		// states an opinion, not its block's event; what the clause says may still be
		// one (judgeSpeech, when the verb is also one of saying). A clause that tells
		// an event keeps the verb's code ("acknowledged their government had shot down
		// a passenger jet": 015).
		c.code, c.rule = cameo.Code{Null: true}, "cues.txt: [opinion] "+x.lower(v)+" with a clause"
	}
	if !ok && x.cue(v).has(cueDemanding) && !x.asksFor(v) {
		// "insisted that her son was 100 percent American", "asked Clinton if Trump
		// benefits": no demand or appeal, but saying or a question
		c.code, c.rule = cameo.Code{Null: true}, "cues.txt: [demanding] "+x.lower(v)+" asking for nothing"
	}
	if !ok && x.cue(v).has(cueSpeech) && (inner < 0 || !x.cands[inner].consumed) {
		// what is said holds no event that a transformation made the saying's own
		x.judgeSpeech(&c, v)
	}
	if cl := x.st.c.classOf(lead(c.code)); len(c.src) == 0 && (!cl.sourceless(&c) || cl.sourceDoer && (c.passive || x.blameless(srcH))) {
		return
	}
	if !c.code.Null {
		// What a verb of intention or request codes ("demanded that Turkey withdraw",
		// "plans to visit") is not a second event; without it, the complement stays,
		// marked hypothetical.
		for _, ii := range intended {
			x.cands[ii].consumed = true
		}
	}
	x.candOf[k] = int32(len(x.cands))
	x.cands = append(x.cands, c)
}

func (x *extractor) refsSourceless(refs []verbRef) bool {
	for _, r := range refs {
		if cl := x.st.c.classOf(lead(r.code)); cl.sourceOptional || cl.sourcePassive {
			return true
		}
	}
	return false
}

func anySourceless(bs []*cblock) bool {
	for _, b := range bs {
		if b.sourceless {
			return true
		}
	}
	return false
}

func containsBlock(bs []*cblock, b *cblock) bool {
	for _, o := range bs {
		if o == b {
			return true
		}
	}
	return false
}

// complementMark reports whether clause c is introduced by a complement mark of cues.txt
// ("against attacking").
func (x *extractor) complementMark(c int) bool {
	m := x.s.child(c, "mark")
	return m >= 0 && x.cue(m).has(cueComplementMark)
}

// defaultCode is the code of a verb when no pattern matches: the verb's own code, else
// its block's, of the first entry that has one; entries of later dictionaries come first.
func defaultCode(refs []verbRef) (cameo.Code, string) {
	for _, r := range refs {
		if !r.code.IsZero() {
			return r.code, r.entry
		}
		if !r.block.code.IsZero() && !r.block.code.Null {
			return r.block.code, r.entry
		}
	}
	if len(refs) > 0 {
		return refs[0].block.code, refs[0].entry
	}
	return cameo.Code{}, ""
}

// speaksOfRetaliation reports whether the verb or its phrase is a retaliation cue.
func (x *extractor) speaksOfRetaliation(v int, post []int32) bool {
	if x.cue(v).has(cueRetaliation) {
		return true
	}
	for _, q := range post {
		if x.cue(int(q)).has(cueRetaliation) {
			return true
		}
	}
	return false
}

// generic reports whether noun h names people in general, not one known person: a
// plural ("people who had been accused of crimes") or a pronoun ("anyone", which the
// tagger may take for a noun: cues.txt [indefinite]).
func (x *extractor) generic(h int) bool {
	t := &x.d.Tokens[h]
	return t.Tag == "NNS" || t.POS == "PRON" || x.cue(h).has(cueIndefinite)
}

// bareParticiple reports whether v is a past participle heading its sentence, or a verb
// conjoined to it, with no auxiliary: the passive of a headline ("Wiranto stabbed",
// "Basilashvili arrested on domestic violence charge"), also when the tagger read it as
// a past tense and the verb is one news uses only of what is done to someone.
func (x *extractor) bareParticiple(v int) bool {
	s := &x.s
	if s.child(v, "aux") >= 0 || x.d.Sentences[x.si].Start >= x.d.BodyStart {
		return false // the tagger takes a past tense for a participle in running text
	}
	if t := x.d.Tokens[v].Tag; t != "VBN" && !(t == "VBD" && x.cue(v).has(cueDoneTo) && !x.objectNext(v)) {
		// a past tense is a passive only for a verb done to someone (cues.txt
		// [done-to]) with no object after it that the parser missed ("Drone Strike
		// Killed 2 Civilians")
		return false
	}
	h := v
	if s.dep(v) == "conj" {
		h = s.head(v)
	}
	return h >= 0 && s.head(h) < 0
}

// objectNext reports whether the word after verb v can begin its object: a number, a
// determiner, a noun or a name.
func (x *extractor) objectNext(v int) bool {
	if v+1 >= x.s.end {
		return false
	}
	switch x.d.Tokens[v+1].POS {
	case "NUM", "DET", "NOUN", "PROPN", "PRON", "ADJ":
		return true
	}
	return false
}

// args finds the subject and object heads of verb v: (source, target, passive). For a
// passive verb the source is the agent ("by the United States") and the target the
// subject. A verb without its own subject takes it from the verb it depends on:
// "threatened to attack" (xcomp), "urged Iran to release" (object control), "attacked and
// killed" (conj), "victims killed in" (a participle modifying its target).
func (x *extractor) args(v int) (src, tgt int, passive bool) {
	s := &x.s
	src, tgt = -1, -1
	subj := -1
	for _, ch := range s.children(v) {
		c := int(ch)
		switch s.full(c) {
		case "nsubj", "csubj":
			if subj < 0 {
				subj = c
			}
		case "nsubj:pass", "csubj:pass":
			if subj < 0 {
				subj, passive = c, true
			}
		case "aux:pass":
			passive = true
		}
	}
	if tag := x.d.Tokens[v].Tag; !passive && s.dep(v) == "conj" && (tag == "VBN" || tag == "VBD") && s.child(v, "aux") < 0 && s.child(v, "obj") < 0 &&
		s.head(v) >= 0 && s.child(s.head(v), "aux:pass") >= 0 {
		// "13 soldiers were killed and 55 wounded": a participle conjoined to a passive
		// shares its auxiliary (the tagger often reads it as a past tense)
		passive = true
	}
	if passive && subj >= 0 && s.full(subj) == "nsubj:pass" && s.child(v, "aux") < 0 && !x.bareParticiple(v) {
		// a passive subject with no auxiliary in running text is the parser's slip for
		// an active past tense: "Thousands marched through the streets"
		passive = false
	}
	if x.statalPassive(v) {
		passive = true // "three people were injured", tagged an adjective
	}
	if subj >= 0 && x.cue(subj).has(cueRelative) {
		// "the general, who was killed": the relative pronoun stands for the noun.
		subj = x.antecedent(v, subj)
	}
	if subj < 0 {
		// A name just before the verb that the parser hung on it as a compound or
		// modifier ("India supplied food", read as "India-supplied food").
		for _, ch := range s.children(v) {
			c := int(ch)
			if c >= v {
				break
			}
			switch s.dep(c) {
			case "compound", "nmod", "dep", "obl", "amod", "list":
				t := x.d.Tokens[c].POS
				named := t == "PROPN" || t == "NOUN" || t == "ADJ" && x.ent[c] >= 0 // "Azerbaijan" read as an adjective
				if named && caseTok(s, c) == c && c == x.prevWord(v) {
					subj = c
				}
			}
		}
	}
	if !passive && subj >= 0 && s.child(v, "obj") < 0 && (x.resultDead(v) || x.bareParticiple(v)) {
		// "Yemeni journalist shot dead in Aden", "Indonesian security minister Wiranto
		// stabbed", "Philippines' largest television network shut down by government": a
		// headline's passive without its auxiliary.
		passive = true
	}
	if subj < 0 {
		subj = x.inheritedSubject(v, &passive)
	}
	if subj >= 0 && s.dep(v) == "ccomp" && x.d.Tokens[subj].POS == "PRON" && x.ent[subj] < 0 {
		// "The Israeli army said it had killed …": an unresolved pronoun subject of a
		// reported clause is the reporter.
		switch x.lower(subj) {
		case "it", "they", "he", "she", "we":
			if h := s.head(v); h >= 0 {
				if o := s.child(h, "nsubj"); o >= 0 && o != subj {
					subj = o
				}
			}
		}
	}
	if passive {
		return x.agent(v), subj, true
	}
	src = subj
	// The relative pronoun as object: "the base that Iran attacked".
	if s.rel(v, "acl") {
		for _, ch := range s.children(v) {
			if s.rel(int(ch), "obj") && x.cue(int(ch)).has(cueRelative) {
				tgt = s.head(v)
			}
		}
	}
	return src, tgt, false
}

// prevWord returns the token before i that is not punctuation, or the head of the name
// it ends ("Sri Lanka" → Sri), -1 at the start of the sentence.
func (x *extractor) prevWord(i int) int {
	s := &x.s
	q := i - 1
	for q >= s.first && x.d.Tokens[q].Kind == doc.Punct {
		q--
	}
	if q < s.first {
		return -1
	}
	for steps := 0; steps < 3; steps++ {
		h := s.head(q)
		if h < 0 || h >= i || s.dep(q) != "flat" && s.dep(q) != "compound" {
			break
		}
		q = h
	}
	return q
}

// agent finds the agent of passive verb v: "killed by rebels", or a by-phrase the parser
// hung on the verb's prepositional object ("killed in a strike by the United States").
func (x *extractor) agent(v int) int {
	s := &x.s
	for _, ch := range s.children(v) {
		c := int(ch)
		if s.rel(c, "obl") && x.cue(caseTok(s, c)).has(cueAgentPrep) {
			return c
		}
	}
	for _, ch := range s.children(v) {
		if !s.rel(int(ch), "obl") {
			continue
		}
		for _, g := range s.children(int(ch)) {
			c := int(g)
			if s.dep(c) == "nmod" && caseTok(s, c) != c && x.cue(caseTok(s, c)).has(cueAgentPrep) {
				return c
			}
		}
	}
	// "was shot and killed by masked gunmen": the by-phrase hangs on the last of
	// conjoined participles and is the agent of each of them.
	for _, ch := range s.children(v) {
		c := int(ch)
		if s.dep(c) == "conj" && c > v && x.d.Tokens[c].Tag == "VBN" && s.child(c, "nsubj") < 0 && s.child(c, "nsubj:pass") < 0 {
			if a := x.agent(c); a >= 0 {
				return a
			}
		}
	}
	return -1
}

// headline reports whether noun h is the root of a sentence with no finite verb: a
// headline-like sentence the parser read as a noun phrase.
func (x *extractor) headline(h int) bool {
	s := &x.s
	for q := s.first; q < s.end; q++ {
		if x.d.Tokens[q].Finite() {
			return false
		}
	}
	return s.head(h) < 0
}

// antecedent returns the noun a relative pronoun stands for: the head of the relative
// clause v, or, when the parser did not attach the clause to it, the noun phrase just
// before the pronoun ("Qassem Soleimani, who was assassinated").
func (x *extractor) antecedent(v, rel int) int {
	s := &x.s
	who := x.lowerIs(rel, "who") || x.lowerIs(rel, "whom")
	if s.rel(v, "acl") && !who {
		return s.head(v)
	}
	// "who" stands for the person named just before it, wherever the parser hung the
	// clause ("the procession of commander Qassem Soleimani, who was assassinated").
	q := rel - 1
	for q >= s.first && x.d.Tokens[q].Kind == doc.Punct {
		q--
	}
	if q < s.first {
		return -1
	}
	switch x.d.Tokens[q].POS {
	case "NOUN", "PROPN", "PRON":
	default:
		if s.rel(v, "acl") {
			return s.head(v)
		}
		return -1
	}
	for steps := 0; steps < 3; steps++ {
		h := s.head(q)
		if h < 0 || !(s.dep(q) == "flat" || s.dep(q) == "compound") {
			break
		}
		q = h
	}
	return q
}

// caseTok returns the case marker of nominal c, or c itself when it has none.
func caseTok(s *sent, c int) int {
	for _, k := range s.children(c) {
		if s.full(int(k)) == "case" && int(k) < c {
			return int(k)
		}
	}
	return c
}

// toComplement reports whether c, an adverbial "to" clause of the object-control verb h,
// is really h's complement: "called on Germany to supply", "appealed to Venezuela to
// release", which the parser reads as purpose clauses.
func (x *extractor) toComplement(c, h int) bool {
	s := &x.s
	if s.dep(c) != "advcl" || s.head(c) != h || !x.cue(h).has(cueObjectControl) {
		return false
	}
	m := s.child(c, "mark")
	return m >= 0 && x.lowerIs(m, "to")
}

// inheritedSubject finds the subject of a verb that has none of its own.
func (x *extractor) inheritedSubject(v int, passive *bool) int {
	s := &x.s
	for steps := 0; steps < 4; steps++ {
		h := s.head(v)
		if h < 0 {
			return -1
		}
		switch dep := s.dep(v); {
		case dep == "xcomp" || x.toComplement(v, h):
			if x.cue(h).has(cueObjectControl) {
				// "urged Iran to release", and "asked Kenya to extradite", which the
				// parser often reads with Kenya as the indirect object.
				if o := s.child(h, "obj"); o >= 0 {
					return o
				}
				if o := s.child(h, "iobj"); o >= 0 {
					return o
				}
				// "called on Germany to supply", "appealed to Venezuela to release"
				for _, ch := range s.children(h) {
					c := int(ch)
					if s.dep(c) == "obl" && c < v {
						if k := caseTok(s, c); k != c && (x.lowerIs(k, "on") || x.lowerIs(k, "upon") || x.lowerIs(k, "to")) {
							return c
						}
					}
				}
			}
		case dep == "conj" || dep == "advcl":
			if x.d.Tokens[v].Tag == "VBN" && s.child(v, "aux") < 0 && s.child(v, "obj") < 0 && (dep == "advcl" || s.child(v, "cc") < 0) {
				// "appeared in court, charged with murder", "backed by Iran, the rebels
				// attacked": a participle clause is passive, the subject it shares its
				// target (a participle the parser conjoined without "and" too)
				*passive = true
			}
		case dep == "acl":
			// "victims killed in the strike": a participle is passive, its noun the
			// target; but a headline the parser read as a noun phrase ("Russian forces
			// invaded Ukraine": forces, then a participle with an object, and no other
			// verb) is an active sentence.
			// A count of people before the participle is its victims even so ("Three
			// killed, three others injured", "Four stabbed to death").
			if x.d.Tokens[v].Tag == "VBG" && x.cue(h).has(cueMessage) {
				return x.messageAuthor(h)
			}
			t := &x.d.Tokens[v]
			// The tagger reads a participle as a past tense too: "Germany says Alexei
			// Navalny poisoned with Novichok", with no subject or object of its own.
			participle := t.Tag == "VBN" || t.Tag == "VBD" && s.full(v) == "acl" && s.child(v, "obj") < 0 && s.child(v, "nsubj") < 0
			if participle && (x.isCount(h) && s.child(v, "obj") < 0 || !(s.head(h) < 0 && (s.child(v, "obj") >= 0 || x.agent(v) < 0 && x.d.Tokens[h].POS != "PRON" && x.headline(h)))) {
				*passive = true
			}
			return h
		default:
			return -1
		}
		for _, ch := range s.children(h) {
			switch s.full(int(ch)) {
			case "nsubj", "csubj":
				return int(ch)
			case "nsubj:pass":
				if s.dep(v) == "xcomp" {
					return int(ch)
				}
				if s.dep(v) == "conj" {
					*passive = true
				}
				return int(ch)
			}
		}
		v = h
	}
	return -1
}

// messageAuthor returns who put out message noun m ([message]): its possessor
// ("Pompeo's statement"), else the subject of the verb it is the object of ("Pompeo posted
// a message"), else -1.
func (x *extractor) messageAuthor(m int) int {
	s := &x.s
	if p := s.child(m, "nmod:poss"); p >= 0 {
		return p
	}
	if h := s.head(m); h >= 0 && s.dep(m) == "obj" {
		if sub := s.child(h, "nsubj"); sub >= 0 {
			return sub
		}
		var passive bool
		return x.inheritedSubject(h, &passive)
	}
	return -1
}

// describeCand codes a verb that says what its object is ([describe]: "called Trump's
// order swift", "described the attacks as a dastardly act") by the words of what it
// says: praise (051), disapproval (111), or no event at all when they are neither, as
// "called X swift" is no phone call. It reports false when v has no such complement, for
// the verb's dictionary entries to code it ("called for talks", "called Erdogan").
func (x *extractor) describeCand(v, srcH int, modality string) (done, named bool) {
	s := &x.s
	obj, comp := -1, -1
	for _, ch := range s.children(v) {
		c := int(ch)
		switch {
		case s.dep(c) == "obj" && obj < 0:
			obj = c
		case s.dep(c) == "obj" && comp < 0 && x.indefinite(c):
			// "called the merger a terrible deal", the parser making both objects
			// the verb's (not "called snap elections", the parser splitting one)
			comp = c
		case s.dep(c) == "xcomp" && comp < 0:
			comp = c
		case s.dep(c) == "obl" && comp < 0:
			if k := caseTok(s, c); k != c && x.lowerIs(k, "as") {
				comp = c
			}
		case s.dep(c) == "advcl" && comp < 0 && c > v:
			// "characterized the attack as a serious violation", the parser taking
			// "as" for a clause's marker; "called D'Souza humble and soft-spoken",
			// the adjectives taken for a clause
			comp = c
		}
	}
	if obj >= 0 && comp < 0 {
		// "described the attacks as a dastardly act", the parser hanging the
		// as-phrase on the object; "called Trump a clown", the parser making the
		// indefinite noun phrase the object's apposition (not "called Erdoğan, the
		// Turkish president", a phone call)
		for _, ch := range s.children(obj) {
			c := int(ch)
			if s.dep(c) == "obl" || s.dep(c) == "nmod" {
				if k := caseTok(s, c); k != c && x.lowerIs(k, "as") {
					comp = c
					break
				}
			}
			if c > obj && caseTok(s, c) == c && s.dep(c) != "conj" && x.indefinite(c) && s.child(c, "det") > obj {
				// "called Trump a clown" (the parser's apposition), "called the deal
				// a mistake" (its object), "called the move a smash and grab on our
				// democracy" (its relative clause): an indefinite phrase after the
				// object says what it is
				comp = c
				break
			}
		}
	}
	quoted := false
	if obj < 0 {
		// "called the Democrats' investigation a "witch hunt"", the parser making the
		// object a complement: the first noun phrase before a quoted name is the object
		q := x.quotedName(v, -1)
		for _, ch := range s.children(v) {
			if c := int(ch); q >= 0 && c > v && c < q && (s.dep(c) == "obj" || s.dep(c) == "xcomp") && (x.d.Tokens[c].POS == "NOUN" || x.d.Tokens[c].POS == "PROPN" || x.d.Tokens[c].POS == "PRON") {
				obj, comp = c, -1
				break
			}
		}
		if obj < 0 {
			return false, false
		}
	}
	judge := comp
	if judge < 0 {
		// "called Trump's order swift, forceful and decisive", the parser making the
		// adjectives the object's: only adjectives of the object then judge it
		judge = obj
	}
	var code, word string
	lists := cueSet(cueBlame, cueCondemn, cuePraise, cueCommend)
	if comp >= 0 {
		lists = lists.with(cueAccusation) // "called the system rigged" (not "described a rigged system")
	}
	for q := int(s.left[judge-s.first]); q <= int(s.right[judge-s.first]) && code == ""; q++ {
		if comp < 0 && x.d.Tokens[q].POS != "ADJ" && (q == obj || s.dep(q) != "conj") {
			continue
		}
		if code = x.judged(q, lists); code != "" {
			word = x.lower(q)
		}
	}
	if q := x.quotedName(v, obj); comp < 0 && code == "" && q >= 0 {
		// "calling them “very boring tax returns”", "calls her 'a rising star'",
		// "called the Democrats' investigation a "witch hunt"": a name in quotation
		// marks after the object says what it is, which no phone call does; the words
		// of the object's phrase after it too ("calling Mexican border-crossers
		// "rapists" and criminals")
		quoted = true
		to := q + 1
		for to+1 < s.end && !x.quoteMark(to+1) {
			to++
		}
		to = max(to, int(s.right[obj-s.first]))
		for k := q + 1; k <= to && code == ""; k++ {
			if code = x.judged(k, lists.with(cueAccusation)); code != "" {
				word = x.lower(k)
			}
		}
		if code == "" {
			return false, true // a name the verb's patterns may still code ("* DICTATOR")
		}
	}
	if comp < 0 && code == "" {
		return false, false // "called Erdoğan": the verb's own entries code it
	}
	if code == "" {
		return true, false // "called X swift and forceful"? only with a word that says which
	}
	c := cand{trigger: v, modality: modality, code: cameo.Code{Forward: code}}
	c.src = x.named(x.codeArgs(srcH), srcH)
	c.tgt = x.codeArgs(obj)
	if len(c.tgt) == 0 {
		c.tgt = x.nounAgent(obj) // "described the attacks as…": the attackers
	}
	c.rule = fmt.Sprintf("cues.txt: [describe] %s — %q says %s", x.lower(v), word, code)
	if len(c.src) == 0 {
		return !quoted, quoted // a name's patterns may code it with no source ("* LIAR")
	}
	x.candOf[v-s.first] = int32(len(x.cands))
	x.cands = append(x.cands, c)
	return true, false
}

// indefinite reports whether noun c has the indefinite article ("a clown").
func (x *extractor) indefinite(c int) bool {
	d := x.s.child(c, "det")
	return d >= 0 && (x.lowerIs(d, "a") || x.lowerIs(d, "an"))
}

// resultDead reports whether verb v has "dead" as its result ("shot dead").
func (x *extractor) resultDead(v int) bool {
	for _, ch := range x.s.children(v) {
		if c := int(ch); x.s.dep(c) == "xcomp" && x.lowerIs(c, "dead") {
			return true
		}
	}
	return false
}

// struckCountry returns, as a target, the country of the first place named inside the
// objects of attack verb v or in a place phrase of v ("struck a building in Kyiv",
// "bombed a depot near Damascus"), when one is.
func (x *extractor) struckCountry(v int, objs []int) (actorArg, bool) {
	s := &x.s
	heads := objs
	for _, ch := range s.children(v) {
		c := int(ch)
		if s.dep(c) == "obl" || s.dep(c) == "nmod" {
			if k := caseTok(s, c); k != c && x.cue(k).has(cuePlacePrep) {
				heads = append(heads[:len(heads):len(heads)], c)
			}
		}
	}
	for _, p := range x.d.Places {
		if p.Country == "" || x.modifierPlace(p) {
			continue
		}
		k := x.tokenAt(p.Start)
		if k < s.first || k >= s.end {
			continue
		}
		for _, o := range heads {
			if s.inSubtree(k, o) && (k != o || x.ent[k] >= 0) {
				return actorArg{code: p.Country, span: p.Span, head: k, how: "the country of " + p.Name + ", where it struck"}, true
			}
		}
	}
	return actorArg{}, false
}

// admittedAct reports whether verb v is a gerund that a verb of admission or legal
// action has after the preposition "to" ("confessed to killing his sister", "admitted to
// taking bribes"): what is admitted happened, no purpose ("came to Iraq to fight") nor
// intention ("would not commit to accepting the results").
func (x *extractor) admittedAct(v int) bool {
	h := x.s.head(v)
	return h >= 0 && x.d.Tokens[v].Tag == "VBG" && x.cue(h).hasAny(cueAdmission, cueCulprit)
}

// judgedAct reports whether verb v tells the act that a verb of legal action or
// confession above it ([culprit]) is about: "confessed to killing", "convicted of
// murdering", "charged with attacking".
func (x *extractor) judgedAct(v int) bool {
	h := x.s.head(v)
	if h < 0 || !x.cue(h).has(cueCulprit) {
		return false
	}
	d := x.s.dep(v)
	return d == "advcl" || d == "xcomp" || d == "ccomp"
}

// patient returns verb v's object, or its subject when v is passive; -1 if none.
func (x *extractor) patient(v int, passive bool) int {
	if passive {
		return x.s.child(v, "nsubj:pass")
	}
	return x.s.child(v, "obj")
}

// uncodedName reports whether h is a named person or organisation that the actors stage
// could not code. It is still the target, not something to look past: "blamed Soleimani
// for attacks on US forces" is not aimed at the US forces.
// named returns args, or, when they are empty and h is the head of a person's or an
// organisation's name that no dictionary codes ("Ahmed al-Assadi", "the SDF"), that
// name as an actor with an empty code: the event is kept, with the name as evidence,
// rather than lost or given a wrong code.
func (x *extractor) named(args []actorArg, h int) []actorArg {
	if len(args) > 0 || h < 0 || !x.uncodedName(h) {
		return args
	}
	return []actorArg{{span: x.d.Entities[x.ent[h]].Span, head: h, how: namedNoCode}}
}

func (x *extractor) uncodedName(h int) bool {
	e := x.ent[h]
	if e < 0 || x.d.Entities[e].Actor != "" {
		return false
	}
	t := x.d.Entities[e].Type
	return t == "PERSON" || t == "ORG"
}

// nounAgent codes the agent of event noun n: its possessor ("Iran's attack"), unless the
// noun's possessor is what suffers it ("Soleimani's killing"), or its by-phrase.
func (x *extractor) nounAgent(n int) []actorArg {
	es := x.nounEntries(n)
	if len(es) == 0 {
		return nil
	}
	s := &x.s
	for _, ch := range s.children(n) {
		c := int(ch)
		switch {
		case s.rel(c, "nmod:poss") && !es[0].possTarget:
			return x.codeArgs(c)
		case s.dep(c) == "nmod" && x.cue(caseTok(s, c)).has(cueAgentPrep):
			return x.codeArgs(c)
		case s.dep(c) == "acl" && x.d.Tokens[c].Tag == "VBN":
			// "the sanctions imposed by the United States"
			if a := x.agent(c); a >= 0 {
				return x.codeArgs(a)
			}
		}
	}
	return nil
}

// meansAgent codes the agent of an event noun that says how verb v was done, when the
// verb names no source: "was killed in a US drone strike" (USA), "died in an Israeli
// air raid", "were wounded in the Taliban's attack". The noun's possessor or by-phrase
// (nounAgent) comes first, then an actor modifying it.
func (x *extractor) meansAgent(v int) ([]actorArg, int) {
	s := &x.s
	for _, ch := range s.children(v) {
		n := int(ch)
		if s.dep(n) != "obl" || len(x.nounEntries(n)) == 0 {
			continue
		}
		if k := caseTok(s, n); k == n || !x.cue(k).has(cuePlacePrep) && !x.lowerIs(k, "during") && !x.lowerIs(k, "by") {
			continue
		}
		a := x.nounAgent(n)
		if len(a) == 0 {
			for _, m := range s.children(n) {
				mi := int(m)
				if mi < n && (s.dep(mi) == "compound" || s.dep(mi) == "amod") {
					if b := x.codeArgs(mi); len(b) > 0 && !x.agentOnly(strings.TrimLeft(b[0].code, "-")) {
						a = b
						break
					}
				}
			}
		}
		if len(a) > 0 {
			return a, n
		}
	}
	return nil, -1
}

// ownedByPronoun reports whether noun h has a possessive pronoun: "its troops".
func (x *extractor) ownedByPronoun(h int) bool {
	for _, ch := range x.s.children(h) {
		if x.s.rel(int(ch), "nmod:poss") && x.d.Tokens[ch].POS == "PRON" {
			return true
		}
	}
	return false
}

// throughNoun finds the target inside a noun that is not an actor: its prepositional
// complement ("an attack on the US military"), with allowOf also an "of" complement
// ("bombed positions of the Syrian army", for violence only: "condemned the killing of
// X" does not make X the target), or an "anti-" modifier ("anti-American slogans").
func (x *extractor) throughNoun(n int, allowOf bool) []actorArg {
	s := &x.s
	for _, ch := range s.children(n) {
		c := int(ch)
		switch s.dep(c) {
		case "nmod", "obl": // an oblique under a noun is the parser's slip for nmod
			if k := caseTok(s, c); k != c && (x.cue(k).has(cueTargetPrep) || allowOf && x.lowerIs(k, "of")) {
				if a := x.codeArgs(c); len(a) > 0 {
					return a
				}
			}
		case "amod", "compound":
			if a := x.antiArgs(c); len(a) > 0 {
				return a
			}
		}
	}
	// An "anti-" word just before the noun, however the parser hung it: its first
	// piece, "anti", is often read as an affix of the verb.
	for q := n - 1; q >= s.first && q >= n-4; q-- {
		low := x.lower(q)
		if strings.HasPrefix(low, "anti-") {
			if a := x.antiArgs(q); len(a) > 0 {
				return a
			}
		} else if low != "and" && low != "," && x.d.Tokens[q].POS != "ADJ" {
			break
		}
	}
	// "protested against China's treatment of the Uighurs": whose treatment.
	if s.dep(n) == "obl" || s.dep(n) == "nmod" {
		if p := s.child(n, "nmod:poss"); p >= 0 {
			return x.codeArgs(p)
		}
	}
	return nil
}

// antiArgs codes "anti-American" as the United States, and its conjuncts
// ("anti-American and anti-Israeli").
func (x *extractor) antiArgs(c int) []actorArg {
	var out []actorArg
	s := &x.s
	add := func(t int) {
		low := x.lower(t)
		if !strings.HasPrefix(low, "anti-") || len(low) <= 5 {
			return
		}
		word := x.d.Tokens[t].Text[5:]
		if code, how := x.codeWords([]string{word}); code != "" && strings.TrimLeft(code, "-") != "MIL" {
			// "anti-tank", "anti-aircraft": a weapon's target, not an actor.
			out = append(out, actorArg{code: code, span: x.d.Tokens[t].Span, head: t, how: how})
		}
	}
	add(c)
	for _, ch := range s.children(c) {
		if s.dep(int(ch)) == "conj" {
			add(int(ch))
		}
	}
	return out
}

// questioned reports whether token i lies in a question: a "?" follows it in its
// sentence before the edge of a direct quotation. A question asserts none of its events ("Was
// this event planned by the railway?"), nor does a question quoted in a longer sentence
// ("'Why's he attacking me?' Trump asked"), whose reporting clause still does.
func (x *extractor) questioned(i int) bool {
	f := x.s.first
	q := x.inQuote[i-f]
	for k := i + 1; k < x.s.end; k++ {
		if x.d.Tokens[k].Text == "?" {
			return true
		}
		if x.inQuote[k-f] != q || x.opensQuote(k) {
			return false
		}
	}
	return false
}

// quoteMark reports whether token k is a quotation mark.
func (x *extractor) quoteMark(k int) bool {
	switch x.d.Tokens[k].Text {
	case "\"", "“", "”", "‘", "’", "``", "''", "'", "«", "»":
		return true
	}
	return false
}

// quotedName returns the quotation mark that opens a name in verb v's phrase, after its
// object when the parser found none (obj -1), before any other verb ("calls her “an
// extremely intelligent woman”", "calls Trump line 'racist'", "whom he called “the most
// divisive figure”"), else -1; not one after a comma or colon, which opens a quotation
// (opensQuote).
func (x *extractor) quotedName(v, obj int) int {
	s := &x.s
	k := v + 1
	if obj < 0 {
		k++ // an object the parser did not find comes first
	}
	for ; k <= int(s.right[v-s.first]); k++ {
		switch {
		case x.d.Tokens[k].POS == "VERB" || x.d.Tokens[k].POS == "AUX":
			return -1
		case x.quoteMark(k) && x.d.Tokens[k].POS == "PUNCT": // not the possessive "'"
			if x.opensQuote(k) {
				return -1
			}
			return k
		}
	}
	return -1
}

// opensQuote reports whether token k is a quotation mark after a comma or colon, which
// opens a quotation the quotes layer may not have attributed ('he asks, "Do we …?"').
func (x *extractor) opensQuote(k int) bool {
	switch x.d.Tokens[k].Text {
	case "\"", "“", "‘", "``", "'", "«":
	default:
		return false
	}
	p := k - 1
	return p >= x.s.first && (x.d.Tokens[p].Text == "," || x.d.Tokens[p].Text == ":")
}

// modality returns the modality of verb v from its own dependents and the clause that
// conditions it, and, when they leave it asserted or only future, from the word that
// governs it (governed); the verbs above it adjust it further in verbCand.
func (x *extractor) modality(v int) string {
	k := v - x.s.first
	if x.mods[k] != "" {
		return x.mods[k]
	}
	mod := x.ownModality(v)
	if mod != Negated {
		if g := x.governed(v); g == Negated || g != Asserted && mod == Asserted {
			mod = g
		}
	}
	x.mods[k] = mod
	return mod
}

// ownModality is the modality verb v has from its own dependents and the clause that
// conditions it.
func (x *extractor) ownModality(v int) string {
	s := &x.s
	mod := Asserted
	if x.questioned(v) {
		mod = Hypothetical
	}
	if h := s.head(v); h >= 0 && x.d.Tokens[h].POS == "NOUN" && x.cue(h).has(cueAbsorbing) && (s.dep(v) == "acl" || s.dep(v) == "xcomp") {
		mod = Hypothetical // "a plot to kill the ambassador", "fears of attacking"
	}
	if s.dep(v) == "advcl" && !x.admittedAct(v) {
		if k := s.child(v, "mark"); k >= 0 && x.lowerIs(k, "to") {
			mod = Hypothetical // a purpose: "the coalition came to Iraq to fight ISIS"
		}
	}
	if x.imperative(v) {
		mod = Hypothetical // "take a knife … and attack them": advice, not an act
	}
	if h := s.head(v); h >= 0 && s.dep(v) == "xcomp" && x.goingFuture(h) == v {
		mod = Future // "we are going to defeat them"
	}
	for _, ch := range s.children(v) {
		c := int(ch)
		cu := x.cue(c)
		switch s.dep(c) {
		case "advmod", "neg", "det":
			if cu.has(cueNegation) {
				return Negated
			}
			if cu.has(cueUncertain) && s.dep(c) == "advmod" {
				mod = Hypothetical // "tweeted about possibly delaying the election"
			}
		case "nsubj":
			// "nobody has been arrested", "none of his rivals attacked him": the subject
			// denies the event, itself or by its determiner ("no troops were injured")
			// or its correlative ("neither Cruz nor Christie acknowledged")
			if cu.has(cueNegation) {
				return Negated
			}
			for _, g := range s.children(c) {
				if (s.dep(int(g)) == "det" || s.full(int(g)) == "cc:preconj") && x.cue(int(g)).has(cueNegation) {
					return Negated
				}
			}
		case "aux":
			switch {
			case cu.has(cueFuture):
				mod = Future
			case cu.has(cueHypothetical):
				mod = Hypothetical
			}
		case "mark":
			switch {
			case cu.has(cueNegation):
				return Negated // "campaigned without mentioning Sanders"
			case cu.hasAny(cueConditional, cueUncertain):
				mod = Hypothetical // "if Iran attacks", "whether Clinton would forsake"
			}
		case "advcl":
			// "we'll hit you if you attack": the consequence of a condition.
			for _, g := range s.children(c) {
				if s.dep(int(g)) == "mark" && x.cue(int(g)).has(cueConditional) {
					mod = Hypothetical
				}
			}
		}
	}
	return mod
}

// governed is the modality verb v takes from the verb or adjective that governs it.
// What a verb that did not happen, may or will happen would have brought about did not
// happen either: its complement ("no one is eager to attack him", "may leave to join
// the campaign", "would have had to resign"), a clause of its purpose or manner without
// a subject of its own ("would create a summer of agony, forcing her to fend off"), and
// a verb conjoined to it that shares its subject and auxiliary ("did not touch or harm
// the protesters"; not a finite one, "did not attend and criticised the talks"). What is
// not said, known or asked is not asserted ("I don't know how you're going to round up
// ..."). Modality does not cross a quotation's edge, nor a clause set off by a comma: the
// reporting clause keeps its own ("'We did not attack,' the ministry said").
func (x *extractor) governed(v int) string {
	s := &x.s
	h := s.head(v)
	if h < 0 || x.inQuote[h-s.first] != x.inQuote[v-s.first] {
		return Asserted
	}
	if p := x.d.Tokens[h].POS; p != "VERB" && p != "ADJ" && p != "AUX" {
		return Asserted
	}
	hm := x.modality(h)
	if hm == Asserted || hm != Negated && x.saidFuture(h) {
		// "Trump said he would prefer to agree a solution": a future told in reported
		// speech is coded as the event it tells (transform), and so is its complement
		return Asserted
	}
	switch s.dep(v) {
	case "xcomp":
		return hm
	case "advcl":
		if hm == Negated || s.child(v, "nsubj") >= 0 || s.child(v, "aux") >= 0 || x.finite(v) {
			// "did not attend, citing illness"; "will respond because Iran attacked";
			// "having fought a primary against her, Obama could offer"; a tense of its
			// own is a clause of its own, whatever the parser made of it
			return Asserted
		}
		if !x.plainBetween(h, v) && s.child(h, "aux") < 0 {
			// set off by a comma, a participle is the clause's only when that clause has
			// a modal of its own ("could declare a zone, forcing airliners to detour"),
			// not a purpose ("to cover his events, citing his anger")
			return Asserted
		}
		return hm
	case "conj":
		if s.child(v, "nsubj") >= 0 || s.child(v, "aux") >= 0 || x.d.Tokens[v].Tag == "VBD" {
			return Asserted // a past tense shares no auxiliary: "would create …, sparked criticism"
		}
		if cc := s.child(v, "cc"); cc >= 0 && x.lowerIs(cc, "but") || hm == Negated && x.finite(v) {
			return Asserted // "would have faced impeachment but resigned"
		}
		return hm
	case "ccomp":
		if v < h || !x.plainBetween(h, v) {
			return Asserted
		}
		return Hypothetical
	}
	return Asserted
}

// saidFuture reports whether verb h is a future told by a verb of saying: a clause of
// [speech] with "will" or "would" ("said he would prefer to agree").
func (x *extractor) saidFuture(h int) bool {
	s := &x.s
	sp := s.head(h)
	if sp < 0 || s.dep(h) != "ccomp" || !x.cue(sp).has(cueSpeech) {
		return false
	}
	for _, ch := range s.children(h) {
		if c := int(ch); s.dep(c) == "aux" && (x.cue(c).has(cueFuture) || x.lowerIs(c, "would") || x.lowerIs(c, "'d")) {
			return true
		}
	}
	return false
}

// goingFuture returns the verb that "going to" puts in the future when verb g is that
// "going" (cues.txt [future]) with an auxiliary, -1 otherwise: "we are going to defeat
// them" is "we will defeat them".
func (x *extractor) goingFuture(g int) int {
	s := &x.s
	if x.d.Tokens[g].Tag != "VBG" || !x.cue(g).has(cueFuture) || s.child(g, "aux") < 0 {
		return -1
	}
	v := s.child(g, "xcomp")
	if v < 0 || v < g {
		return -1
	}
	if m := s.child(v, "mark"); m < 0 || !x.lowerIs(m, "to") {
		return -1
	}
	return v
}

// finite reports whether verb v is a finite form, a tense of its own.
func (x *extractor) finite(v int) bool {
	switch x.d.Tokens[v].Tag {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return false
}

// plainBetween reports whether no comma, colon, dash or quotation mark stands between
// tokens h and v.
func (x *extractor) plainBetween(h, v int) bool {
	a, b := min(h, v), max(h, v)
	for k := a + 1; k < b; k++ {
		if x.d.Tokens[k].Kind != doc.Punct {
			continue
		}
		switch x.d.Tokens[k].Text {
		case ",", ":", ";", "-", "–", "—", "\"", "“", "”", "‘", "’", "``", "''", "'", "(", ")":
			return false
		}
	}
	return true
}

// imperative reports whether verb v is an imperative: a base form that heads the
// sentence (or is conjoined to one that does) with no subject and no auxiliary of its own.
func (x *extractor) imperative(v int) bool {
	s := &x.s
	if x.d.Tokens[v].Tag != "VB" {
		return false
	}
	for v >= 0 && s.dep(v) == "conj" {
		v = s.head(v)
		if v >= 0 && x.d.Tokens[v].Tag != "VB" {
			return false
		}
	}
	if v < 0 || s.head(v) >= 0 {
		return false
	}
	for _, ch := range s.children(v) {
		switch s.dep(int(ch)) {
		case "nsubj", "csubj", "aux", "expl":
			return false
		}
	}
	return true
}

// transform recodes c when a transformation matches its nested event inner, and reports
// whether one did.
func (x *extractor) transform(c *cand, v int, inner *cand) bool {
	if inner.ownNeg {
		// "The Kremlin said Russia never invaded Georgia" is a denial, not the
		// accusation "X says Y attacked" codes: the nested event stays, negated.
		return false
	}
	if x.questioned(inner.trigger) && !x.questioned(v) {
		// 'he said, "is she going to be ready?"': what is asked is not told
		return false
	}
	if x.cue(v).has(cueDemanding) && !x.asksFor(v) {
		// "insisted he was returning to the Senate", "asked whether Clinton committed
		// perjury" ask nothing of anyone ([demanding])
		return false
	}
	if x.cue(v).has(cueSpeech) && !x.cue(v).has(cueIntention) && x.mandativeAux(inner.trigger) {
		// "Trump says we should round up illegal immigrants": what a speaker says should
		// happen is neither told as done nor promised; the nested event stays, hypothetical.
		return false
	}
	for _, t := range x.st.c.transforms {
		if !x.outerMatches(&t, v, c) || !classMatches(t.t.Class, inner) {
			continue
		}
		if t.t.InnerTarget == "." && len(inner.tgt) > 0 {
			continue // "." is a nested event without a target
		}
		// "_": the nested event's subject is the outer one's (control), the same words
		// or the same actor ("Russia said it was ready to hold talks").
		if t.t.InnerSource == "_" && len(inner.src) > 0 && len(c.src) > 0 && inner.src[0].head != c.src[0].head && inner.src[0].code != c.src[0].code {
			continue
		}
		if t.t.InnerSource == "_" && x.s.child(v, "obj") >= 0 && x.s.dep(inner.trigger) == "xcomp" {
			continue // object control: "the Taliban want foreign forces to leave"
		}
		if t.t.InnerSource == t.t.Outer && (len(inner.src) == 0 || len(c.src) == 0 || inner.src[0].code != c.src[0].code) {
			continue
		}
		vars := map[string][]actorArg{t.t.Outer: c.src, t.t.InnerSource: inner.src, t.t.InnerTarget: inner.tgt}
		if t.t.InnerSource == "_" {
			vars["_"] = c.src
		}
		src, tgt := vars[t.t.Source], vars[t.t.Target]
		if len(tgt) == 0 && t.t.Target == t.t.InnerSource && t.t.Target != t.t.Outer {
			// "Officials said the officers were stabbed": the nested doer, whom the
			// recoded event would be aimed at, is unknown, so nobody is accused; the
			// report is of the stabbing, which stays.
			continue
		}
		if len(src) == 0 {
			src = c.src
		}
		code := t.t.Code
		if code == "Q" {
			code = inner.code.Forward
		}
		if (code == "015" || violent(code)) && (inner.modality == Future || inner.modality == Hypothetical) && x.cue(v).has(cueSpeech) {
			// "North Korea said it would attack the loudspeakers": violence said to be
			// coming is a threat (138), neither a claim of responsibility nor an attack.
			code = "138"
			t.rule += "; a future attack said is a threat, 138"
		}
		if p, ok := x.st.c.pledge(code); ok && t.t.Code == "Q" && (inner.patterned || inner.noun) && (inner.modality == Future || inner.modality == Hypothetical && x.reportedFuture(inner.trigger)) {
			// "Russia announced that it would infuse its markets with $19.7 billion":
			// aid announced as coming is an intent to give it (classes.txt pledge=).
			code = p
			t.rule += "; " + p + ": aid or cooperation said to be coming is an intent"
		}
		c.src, c.tgt = src, tgt
		c.code = cameo.Code{Forward: code}
		c.rule = t.rule + " (nested: " + inner.rule + ")"
		c.retaliate = c.retaliate || inner.retaliate
		inner.consumed = true
		return true
	}
	return false
}

// mandativeAux reports whether verb v has an auxiliary of cues.txt [mandative] ("should").
func (x *extractor) mandativeAux(v int) bool {
	a := x.s.child(v, "aux")
	return a >= 0 && x.cue(a).has(cueMandative)
}

// reportedFuture reports whether verb v is a future told in reported speech: "would"
// after a past verb of saying ("Russia announced that it would infuse its markets").
func (x *extractor) reportedFuture(v int) bool {
	for _, ch := range x.s.children(v) {
		if c := int(ch); x.s.dep(c) == "aux" && (x.lowerIs(c, "would") || x.lowerIs(c, "'d")) {
			return true
		}
	}
	return false
}

// outerMatches reports whether the transformation's verb is v's lemma (or, when the
// lemmatiser failed, its lower-cased form).
func (x *extractor) outerMatches(t *ctransform, v int, c *cand) bool {
	return t.verbs[x.d.Tokens[v].Lemma] || t.verbs[x.lower(v)]
}

// classMatches tests a transformation's event class against a nested event.
func classMatches(class string, inner *cand) bool {
	code := inner.code.Forward
	if inner.code.Null || code == "" {
		return false
	}
	if class != "" && strings.Trim(class, "0123456789") == "" {
		return strings.HasPrefix(code, class) // a code class: "04", "0841"
	}
	switch class {
	case "Q":
		return true
	case "ATTACK":
		return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
	case "ASSASSINATE":
		return code == "185" || code == "186"
	}
	for _, b := range inner.blocks {
		if b.name == class {
			return true
		}
	}
	return false
}

// namedNoCode is how an actor named in the text but known to no dictionary is coded.
const namedNoCode = "named, no code"

// judgeSpeech codes what a verb of saying says ([speech]) when no pattern coded it and
// nothing it says is an event the dictionaries know: disapproval (111) when the words
// said hold one of [condemn], an accusation (112) when they hold one of [accusation],
// praise (051) when they hold one of [commend] and name whom, with the first actor they
// name, other than the speaker, as the target. What is said
// is the verb's clausal complements ("said the crash was Iran's doing", "'…is
// unacceptable', said Bennoui").
func (x *extractor) judgeSpeech(c *cand, v int) {
	s := &x.s
	var code, word string
	var tgt, alleged []actorArg
	for _, ch := range s.children(v) {
		k := int(ch)
		switch s.dep(k) {
		case "ccomp", "parataxis", "xcomp":
		case "advcl", "obl":
			// 'added, "It is a propaganda stunt…"', the parser hanging the quotation
			// loosely: only words quoted after the verb, or a clause after it with a
			// subject of its own and no subordinator, which is what was said
			// ("claimed Iran is influencing their government")
			if k < v || !x.inQuote[k-s.first] && !x.unmarkedClause(k) {
				continue
			}
		default:
			continue
		}
		src := ""
		if len(c.src) > 0 {
			src = c.src[0].code
		}
		for q := int(s.left[k-s.first]); q <= int(s.right[k-s.first]); q++ {
			if code == "" {
				if code = x.judged(q, cueSet(cueCondemn, cueAccusation, cueCommend)); code != "" {
					word = x.lower(q)
				}
			}
			if tgt == nil {
				tgt = x.namedActor(q, src)
			}
			if alleged == nil && !x.besideTheAct(q, k) {
				alleged = x.namedActor(q, src)
			}
		}
	}
	if code == "" && alleged != nil && x.cue(v).has(cueAllege) {
		code, word, tgt = "112", "(an actor named)", alleged
	}
	if code == "" || code == "051" && tgt == nil {
		return // praise of nobody named is no event
	}
	c.code = cameo.Code{Forward: code}
	c.rule = fmt.Sprintf("cues.txt: [speech] %s — %q says %s", x.lower(v), word, code)
	c.tgt = tgt
}

// besideTheAct reports whether token q of clause k lies in a prepositional phrase other
// than one of "by" or "of": an actor named where or with whom something happened ("said he
// learned this from Chinese business people", "made this decision without influence from
// the White House"), not one a claim accuses of doing it ("claimed protesters were sent by
// the government").
func (x *extractor) besideTheAct(q, k int) bool {
	s := &x.s
	for h := q; h >= 0 && h != k; h = s.head(h) {
		if d := s.dep(h); d == "obl" || d == "nmod" {
			if c := caseTok(s, h); c != h && !x.lowerIs(c, "by") && !x.lowerIs(c, "of") {
				return true
			}
		}
	}
	return false
}

// clausalComplement reports whether verb v has a clause that states something as its
// complement: a ccomp, or an unmarked clause with a subject of its own (unmarkedClause),
// but not a mandative subjunctive, whose bare verb asks for what it names ("insists that
// the budget include funding for the wall", "suggested that he resign"), nor a clause
// with an auxiliary of cues.txt's [mandative] ("should"), which asks as much.
func (x *extractor) clausalComplement(v int) bool {
	s := &x.s
	for _, ch := range s.children(v) {
		k := int(ch)
		if s.dep(k) != "ccomp" && !(k > v && x.unmarkedClause(k)) {
			continue
		}
		if sb := s.child(k, "nsubj"); sb >= 0 && s.child(k, "aux") < 0 && x.bareVerb(k, sb) {
			continue
		}
		if x.mandativeAux(k) {
			continue // "suggested that foreign officials should curb their complaints"
		}
		return true
	}
	return false
}

// asksFor reports whether verb v has a complement that asks for something (cues.txt
// [demanding]): a clause that asks for what it names, a mandative subjunctive whose bare
// verb has a subject of its own ("insists that the budget include funding") or one with an
// auxiliary of [mandative] ("insisting that Trump should release them"); an infinitive
// ("asked the network to donate the profits"); or a phrase of a preposition of
// [asked-for] ("asked the Supreme Court for quick action").
func (x *extractor) asksFor(v int) bool {
	s := &x.s
	for _, ch := range s.children(v) {
		k := int(ch)
		switch d := s.dep(k); {
		case d == "xcomp" && x.toMarked(k), x.toComplement(k, v):
			return true
		case d == "obl":
			if c := caseTok(s, k); c != k && x.cue(c).has(cueAskedFor) {
				return true
			}
		case d == "ccomp" || k > v && x.unmarkedClause(k):
			if sb := s.child(k, "nsubj"); sb >= 0 && s.child(k, "aux") < 0 && x.bareVerb(k, sb) || x.mandativeAux(k) {
				return true
			}
		}
	}
	// The parser may hang the infinitive or the phrase elsewhere ("asked Carrie Lam, who
	// is supported by Beijing, to resign", "asked the US government for an additional $5
	// billion"): such words after the verb count, up to a subordinator, a question's
	// wh-word or a quotation, which begin what is said or asked, not asked for.
	toks := x.d.Tokens
	for q := v + 1; q <= int(s.right[v-s.first]) && q+1 < len(toks); q++ {
		t := &toks[q]
		switch {
		case t.POS == "SCONJ", t.Kind == doc.Punct && strings.ContainsAny(t.Text, "?:\"“”'‘’`"):
			return false
		case strings.HasPrefix(t.Tag, "W") && toks[q-1].Text != ",":
			return false // "asked Trump how high the wall would be", not "asked Lam, who…"
		case t.POS == "ADP" && x.cue(q).has(cueAskedFor) && !strings.HasPrefix(toks[q+1].Tag, "W"):
			return true // not "questions for which he received no answers"
		case x.lowerIs(q, "to"):
			// "to" and a bare verb, past adverbs and quotation marks ("asked the bankers
			// to voluntarily suspend foreclosures"), or "to" tagged as an infinitive's
			// ('asked the campaign to “cease and desist”')
			r := q + 1
			for r+1 < len(toks) && (toks[r].Tag == "RB" || toks[r].Kind == doc.Punct && strings.ContainsAny(toks[r].Text, "\"“‘'`")) {
				r++
			}
			if toks[r].Tag == "VB" || t.Tag == "TO" {
				return true
			}
		}
	}
	return false
}

// inComplementClause reports whether token t is in a clause that is verb v's complement
// ("repeated that Soleimani had been planning attacks"), as clausalComplement finds them.
func (x *extractor) inComplementClause(v, t int) bool {
	s := &x.s
	for h, steps := t, 0; h >= 0 && steps < 20; h, steps = s.head(h), steps+1 {
		if s.head(h) == v {
			return s.dep(h) == "ccomp" || h > v && x.unmarkedClause(h)
		}
	}
	return false
}

// bareVerb reports whether verb k has the bare form with its subject sb: tagged so, or
// a present tense without the -s that a singular noun subject needs ("that the budget
// include").
func (x *extractor) bareVerb(k, sb int) bool {
	switch x.d.Tokens[k].Tag {
	case "VB":
		return true
	case "VBP":
		t := x.d.Tokens[sb].Tag
		return t == "NN" || t == "NNP"
	}
	return false
}

// unmarkedClause reports whether k is an adverbial clause with a subject of its own and
// no subordinator: after a verb of saying, the parser's advcl for a complement clause.
func (x *extractor) unmarkedClause(k int) bool {
	s := &x.s
	return s.dep(k) == "advcl" && s.child(k, "mark") < 0 && s.child(k, "nsubj") >= 0
}

// readiness reports an adjective of intention with a complement, which is coded like a
// verb of intention: "it was ready to hold talks", "willing to release the sailors".
func (x *extractor) readiness(i int) bool {
	return x.d.Tokens[i].POS == "ADJ" && x.cue(i).has(cueIntention) && x.s.child(i, "xcomp") >= 0
}

// markQuoted sets x.inQuote for the tokens first..end-1 of a sentence: those that lie
// within a direct quotation.
func (x *extractor) markQuoted(first, end int) {
	if first >= end {
		return
	}
	toks := x.d.Tokens
	for i := range x.d.Quotes {
		q := &x.d.Quotes[i]
		if !q.Direct || q.End < toks[first].Start || q.Start > toks[end-1].End {
			continue
		}
		for k := first; k < end; k++ {
			if toks[k].Start >= q.Start && toks[k].End <= q.End {
				x.inQuote[k-first] = true
			}
		}
	}
}

// intentNoun returns the noun of intention that verb v, one of taking part or of saying,
// has for its object ("announced plans to send aid", "made an offer to hold talks",
// "stated her intention to run"): an absorbing noun of cues.txt, whose to-clause is coded
// with the transformations of the noun's lemma, as the verb's would be ("planned to send
// aid"); -1 when there is none.
func (x *extractor) intentNoun(v int) int {
	if x.d.Tokens[v].POS != "VERB" || !x.cue(v).hasAny(cueParticipation, cueSpeech) {
		return -1
	}
	if o := x.s.child(v, "obj"); o >= 0 && x.d.Tokens[o].POS == "NOUN" && x.cue(o).has(cueAbsorbing) {
		return o
	}
	return -1
}

// complements lists the words that may hold verb v's complement: its children, and the
// to-clauses of its noun of intention plan (intentNoun), when it has one.
func (x *extractor) complements(v, plan int) []int32 {
	ch := x.s.children(v)
	if plan < 0 {
		return ch
	}
	out := slices.Clone(ch)
	for _, g := range x.s.children(plan) {
		if d := x.s.dep(int(g)); (d == "acl" || d == "xcomp") && x.toMarked(int(g)) {
			out = append(out, g)
		}
	}
	return out
}

// toMarked reports whether clause c is an infinitive marked by "to".
func (x *extractor) toMarked(c int) bool {
	m := x.s.child(c, "mark")
	return m >= 0 && x.lowerIs(m, "to")
}

// nounDone keeps noun n from being coded as an event of its own: a transformation made
// its event the verb's.
func (x *extractor) nounDone(n int) {
	switch k := n - x.s.first; {
	case x.candOf[k] == -1:
		x.candOf[k] = -2
	case x.candOf[k] >= 0:
		x.cands[x.candOf[k]].consumed = true
	}
}
