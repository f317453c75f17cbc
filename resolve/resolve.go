// Package resolve is tocsin's within-article entity resolution: the "resolve" stage, run
// after the "entities" stage, which makes one entity of each real person or thing however
// the article writes it, gives people the roles the article states, and links
// descriptions that clearly refer back to a person ("the general").
//
// # Names
//
// Two mentions of a person are the same entity when their names match word for word by
// phonetic key (see Key: "Qasem Soleimani" and "Qassem Soleimani"), when they agree on
// the first and last word ("Mohammad Javad Zarif", "Mohammad Zarif"), or when one is the
// end of the other ("Ali Khamenei", "Sayyed Ali Khamenei"). The words "al" and "el" and
// the prefixes "al-", "el-" are ignored ("al-Baghdadi" is "Baghdadi"). A one-word mention
// ("Soleimani", "Soleimani's") is the person whose last name it matches, named in full
// before it (or anywhere, for a headline); if several people share it, the one whose
// role is of the same kind ("President Obama" for the Obama called president before),
// else the one mentioned most often so far, then most recently; never one whose titles
// tell the other sex ("Mrs", "daughter" against "Mr"). A one-word mention that is no one's last name is the person whose first
// name it is, when exactly one person has it. Organisations match by the same keys
// word for word; places and groups (LOCATION, NORP) by their words ignoring case and
// dots ("US", "U.S."). A short all-capital name ("US", "IRGC") is the same as a longer
// one of the same type whose initials it spells ("United States"). "The South" or "the
// North" is the one place named before it whose name begins with that word ("South
// Korea"; roles.txt [short-place]).
//
// The canonical name of an entity is its longest name form, the first one in the text
// when several are as long (for "Qasem Soleimani" … "Qassem Soleimani" … "Soleimani":
// "Qasem Soleimani"). Titles and possessives are never part of it.
//
// # Roles
//
// Role holds what the article says a person is, as written, in parts separated by "; ",
// in order of appearance, each part once. A part is one of:
//
//   - the titles immediately before a name (capitalised, as titles before names are),
//     with the words that describe the person before them when those lack a noun of
//     their own: "Maj Gen" (Maj Gen Hossein Salami), "US President" (US President
//     Donald Trump);
//   - a description before the name or its titles ("fallen leader" from "mourn fallen
//     leader Qasem Soleimani", "Iranian military commander" from "Iranian military
//     commander Qassem Soleimani"; "Islamic Republic founder" before "Ayatollah
//     Ruhollah Khomeini" gives "Islamic Republic founder; Ayatollah"). Before a one-word
//     name only titles count: "the federal judge Trump was referring to" says nothing
//     about Trump;
//   - an appositive: a description that opens the sentence and is followed by a comma
//     and the name ("The US secretary of state, Mike Pompeo" → "US secretary of state";
//     "Top general, Maj Gen Hossein Salami" → "top general; Maj Gen"), or that follows a
//     comma and an article, with a comma after the name ("Following the vote, a United
//     States Department of State spokesperson, Morgan Ortagus, said"), or follows the
//     name between commas ("Mike Pompeo, the US secretary of state, said"). In an
//     appositive before the name any nouns and adjectives may modify the head, the
//     comma marking it as a description ("The head of the UK's counter terror police,
//     Neil Basu"); after the name too, when the description names a country or
//     nationality ("Zalmay Khalilzad, a US peace envoy,"; without one, "director of
//     global news for AFP", such a looser reading gave more false events than true);
//   - the organisation or place a person speaks for, after "of": "Sabrina Bennoui of
//     Reporters Without Borders said" gives "of Reporters Without Borders";
//   - a family relation, "KIN of CANONICAL": "Soleimani's daughter Zeinab" and "Zeinab,
//     Soleimani's daughter," give Zeinab "daughter of Qasem Soleimani";
//   - a nationality given as a noun phrase of its own after the person is named: "The
//     sixteen-year-old Swede" after "Greta Thunberg" gives her "Swede" (see nationals).
//
// A description is made of the words in roles.txt (titles, head nouns, modifiers) and of
// the organisation, place and nationality entities around them, and must hold a head
// noun or title. A leading article is left out, and a sentence-initial capital of a
// common word is lowered ("Top general" → "top general"). Every mention of an entity
// carries the whole entity's Role.
//
// # Descriptions that refer back
//
// A definite description ("the general", "the fallen leader", "the head of the Quds
// force") becomes a PERSON entity with Mention "nominal" and the person's Canonical and
// Role when exactly one person named earlier has a role of the same class (roles.txt:
// "general" and "Maj Gen" and "military commander" are all military; "head" and "leader"
// are leaders), or, when several have, exactly one has a role containing the whole
// description ("fallen leader"). A nationality, a modifier that tells people apart
// ("former", "vice", "health": [distinguishing] in roles.txt) and an "of" complement
// ("the president of Namibia") must appear in the role. Otherwise the description is
// left unlinked. "head", "chief" and "member" count
// only with an "of" complement. Named mentions have Mention "name". Pronouns are left to
// the stages that need them (the quote stage resolves speakers itself).
//
// Entities written as hashtags are dropped.
package resolve

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lexicon"
	"github.com/tocsin-project/tocsin/segment"
)

//go:embed roles.txt
var rolesTxt string

// Stage is the pipeline stage that resolves entities within an article.
type Stage struct {
	v *lexicon.Lexicon
}

// New returns the stage with the embedded vocabulary (roles.txt).
func New() (*Stage, error) {
	v, err := lexicon.Parse("resolve/roles.txt", strings.NewReader(rolesTxt))
	if err != nil {
		return nil, err
	}
	return &Stage{v: v}, nil
}

// LoadVocabulary adds titles, heads, modifiers, kin words and classes from a file in the
// format of roles.txt. It must not be called while the stage is in use.
func (s *Stage) LoadVocabulary(name string, r io.Reader) error { return s.v.Load(name, r) }

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "resolve" }

// Languages implements pipeline.LanguageBound.
func (*Stage) Languages() []string { return []string{"en"} }

// Mention kinds written to doc.Entity.Mention.
const (
	MentionName    = "name"
	MentionNominal = "nominal"
)

// Annotate implements pipeline.Stage.
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w := newWork(s, d)
	w.clean()
	w.align()
	for i := range w.ms {
		if w.ms[i].typ == "PERSON" {
			w.trimPerson(i)
		}
	}
	w.keys()
	for i := range w.ms {
		if w.ms[i].typ == "PERSON" && w.ms[i].a >= 0 {
			w.describe(i)
		}
	}
	w.nationals()
	w.cluster()
	w.finish()
	w.nominals()
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	return nil
}

// mention is one named entity mention being resolved.
type mention struct {
	typ   string
	a, b  int // tokens [a, b); a == -1 when the span does not fall on token boundaries
	sent  int // sentence index, -1 when unknown
	name  string
	keys  []string
	cl    int
	parts []part
}

// part is one piece of a role; a relation when kin is set.
type part struct {
	text string
	kin  string
	of   int // mention index of the relative
}

type work struct {
	s      *Stage
	d      *doc.Document
	toks   []doc.Token
	ms     []mention // parallel to d.Entities
	tokEnt []int32   // token → mention index, -1
	used   []bool    // tokens that belong to a description already read
	sents  []doc.Sentence
	info   []partInfo // cache of partInfo, once the roles are read
}

// partInfo is what a mention's role parts say: classes and sex.
type partInfo struct {
	classes []string
	sex     string
	done    bool
}

func newWork(s *Stage, d *doc.Document) *work {
	w := &work{s: s, d: d, toks: d.Tokens, sents: d.Sentences}
	if len(w.sents) == 0 && len(w.toks) > 0 {
		w.sents = []doc.Sentence{{FirstToken: 0, EndToken: len(w.toks)}}
	}
	return w
}

// clean drops hashtag entities and earlier nominal mentions (so the stage can run twice)
// and marks the rest as named mentions.
func (w *work) clean() {
	out := w.d.Entities[:0]
	for _, e := range w.d.Entities {
		if e.Mention == MentionNominal || e.Mention == "pronoun" {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(e.Text), "#") || w.overlapsTag(e.Span) {
			continue
		}
		if e.Mention == "" {
			e.Mention = MentionName
		}
		out = append(out, e)
	}
	w.d.Entities = out
	w.ms = make([]mention, len(out))
	for i, e := range out {
		w.ms[i] = mention{typ: e.Type, a: -1, b: -1, sent: -1, cl: i}
	}
}

func (w *work) overlapsTag(s doc.Span) bool {
	i := sort.Search(len(w.toks), func(i int) bool { return w.toks[i].End > s.Start })
	for ; i < len(w.toks) && w.toks[i].Start < s.End; i++ {
		if k := w.toks[i].Kind; k == doc.Hashtag || k == doc.URL {
			return true
		}
	}
	return false
}

// align finds each entity's tokens and sentence.
func (w *work) align() {
	w.tokEnt = make([]int32, len(w.toks))
	for i := range w.tokEnt {
		w.tokEnt[i] = -1
	}
	w.used = make([]bool, len(w.toks))
	for i, e := range w.d.Entities {
		a := sort.Search(len(w.toks), func(k int) bool { return w.toks[k].End > e.Start })
		b := a
		for b < len(w.toks) && w.toks[b].Start < e.End {
			b++
		}
		if a >= b || w.toks[a].Start != e.Start || w.toks[b-1].End != e.End {
			continue
		}
		m := &w.ms[i]
		m.a, m.b = a, b
		for k := a; k < b; k++ {
			if w.tokEnt[k] < 0 {
				w.tokEnt[k] = int32(i)
			}
		}
		m.sent = sort.Search(len(w.sents), func(k int) bool { return w.sents[k].EndToken > a })
		if m.sent >= len(w.sents) {
			m.sent = -1
		}
	}
}

// sentBounds returns the token range of mention i's sentence.
func (w *work) sentBounds(i int) (lo, hi int) {
	if s := w.ms[i].sent; s >= 0 {
		return w.sents[s].FirstToken, w.sents[s].EndToken
	}
	return 0, len(w.toks)
}

// trimPerson moves titles at the start of a person's span and a possessive at its end
// out of the span.
func (w *work) trimPerson(i int) {
	e := &w.d.Entities[i]
	m := &w.ms[i]
	if m.a >= 0 {
		a0, b0 := m.a, m.b
		for m.b-m.a > 1 {
			labels, n := w.s.v.Match(w.toks[:m.b-1], m.a)
			if n == 0 || !slices.Contains(labels, "title") {
				break
			}
			m.a += n
		}
		for m.b-m.a > 1 && isPossessive(w.toks[m.b-1].Text) {
			m.b--
		}
		for k := a0; k < b0; k++ {
			if w.tokEnt[k] == int32(i) && (k < m.a || k >= m.b) {
				w.tokEnt[k] = -1
			}
		}
		e.Span = doc.Span{Start: w.toks[m.a].Start, End: w.toks[m.b-1].End}
		e.Text = w.d.Text[e.Start:e.End]
		return
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(e.Text, suf); ok && t != "" {
			e.Text, e.End = t, e.End-len(suf)
			break
		}
	}
}

func isPossessive(s string) bool {
	switch s {
	case "'s", "’s", "'S", "’S", "'", "’":
		return true
	}
	return false
}

// keys computes the name and its matching keys for every mention.
func (w *work) keys() {
	for i, e := range w.d.Entities {
		m := &w.ms[i]
		m.name = e.Text
		words := strings.Fields(e.Text)
		switch e.Type {
		case "PERSON", "ORG":
			for k, wd := range words {
				lw := strings.ToLower(wd)
				if lw == "al" || lw == "el" || lw == "ul" || (e.Type == "ORG" && k == 0 && lw == "the") {
					continue
				}
				if key := Key(wd); key != "" {
					m.keys = append(m.keys, key)
				}
			}
		default:
			for k, wd := range words {
				lw := strings.ToLower(strings.ReplaceAll(wd, ".", ""))
				if lw == "" || (k == 0 && lw == "the") {
					continue
				}
				m.keys = append(m.keys, lw)
			}
		}
	}
}

// phraseEnding returns the start and labels of the longest vocabulary phrase that ends
// at token j and starts at lo or later, outside any entity; k == -1 when there is none.
func (w *work) phraseEnding(j, lo int) (k int, labels []string) {
	for k = max(lo, j-5); k < j; k++ {
		if ls, n := w.s.v.Match(w.toks[:j], k); n == j-k && !w.inEntity(k, j) && w.capitalOK(ls, k) && !w.finiteVerb(k, j) {
			return k, ls
		}
	}
	return -1, nil
}

// capitalOK rejects a phrase marked capitalised-only ("Major", "Justice") written in
// lower case, where it is an ordinary word ("a major donor").
func (w *work) capitalOK(labels []string, k int) bool {
	if !has(labels, "capitalised-only") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.toks[k].Text)
	return unicode.IsUpper(r)
}

// phraseAt returns the labels and length of the longest vocabulary phrase starting at
// token k, ending by hi, outside any entity.
func (w *work) phraseAt(k, hi int) ([]string, int) {
	ls, n := w.s.v.Match(w.toks[:hi], k)
	if n == 0 || w.inEntity(k, k+n) || !w.capitalOK(ls, k) || w.finiteVerb(k, k+n) {
		return nil, 0
	}
	return ls, n
}

// finiteVerb reports whether the tagger read a token of [a, b) as a finite verb: a
// modifier such as "killed" is then the verb of a clause ("the United States killed
// Iranian commander X"), not part of a description ("the killed commander"). Without
// tags (no syntax stage) nothing is a verb.
func (w *work) finiteVerb(a, b int) bool {
	for k := a; k < b; k++ {
		if w.toks[k].Finite() {
			return true
		}
	}
	return false
}

func (w *work) inEntity(a, b int) bool {
	for k := a; k < b; k++ {
		if w.tokEnt[k] >= 0 {
			return true
		}
	}
	return false
}

func has(labels []string, l ...string) bool {
	for _, x := range l {
		if slices.Contains(labels, x) {
			return true
		}
	}
	return false
}

func lower(s string) string { return strings.ToLower(s) }

func isDet(s string) bool {
	switch lower(s) {
	case "the", "a", "an":
		return true
	}
	return false
}

// entityEndingAt returns the non-person entity mention whose tokens end at j, or -1.
func (w *work) entityEndingAt(j, lo int) int {
	if j <= 0 || j > len(w.toks) {
		return -1
	}
	ei := w.tokEnt[j-1]
	if ei < 0 || w.ms[ei].typ == "PERSON" || w.ms[ei].b != j || w.ms[ei].a < lo {
		return -1
	}
	return int(ei)
}

// entityStartingAt returns the non-person entity mention whose tokens start at k and
// end by hi, or -1.
func (w *work) entityStartingAt(k, hi int) int {
	if k < 0 || k >= len(w.toks) {
		return -1
	}
	ei := w.tokEnt[k]
	if ei < 0 || w.ms[ei].typ == "PERSON" || w.ms[ei].a != k || w.ms[ei].b > hi {
		return -1
	}
	return int(ei)
}

// runBack scans a description backwards from token j (exclusive) to no earlier than lo:
// vocabulary words, non-person entities and their possessives, and "of (the)" between a
// head and its complement. It returns where the description starts and whether it holds
// a head noun or title.
func (w *work) runBack(j, lo int) (start int, head bool) {
	start = j
	orig := j
	for j > lo {
		if ei := w.entityEndingAt(j, lo); ei >= 0 {
			j = w.ms[ei].a
			start = j
			continue
		}
		t := w.toks[j-1].Text
		if isPossessive(t) {
			if ei := w.entityEndingAt(j-1, lo); ei >= 0 {
				j = w.ms[ei].a
				start = j
				continue
			}
			break
		}
		if k, ls := w.phraseEnding(j, lo); k >= 0 && has(ls, "title", "head", "modifier") {
			head = head || has(ls, "title", "head")
			j, start = k, k
			continue
		}
		// "head of the Quds force": "of" or "of the" after a head, before a complement
		// already read.
		of := j - 1
		if isDet(t) {
			of = j - 2
		}
		if of > lo && lower(w.toks[of].Text) == "of" && j < orig {
			if k, ls := w.phraseEnding(of, lo); k >= 0 && has(ls, "title", "head") {
				head = true
				j, start = k, k
				continue
			}
		}
		break
	}
	return start, head
}

// pastEntity returns where an entity that starts at token k (before hi) ends, with its
// possessive ending ("the UK's"), and whether one starts there.
func (w *work) pastEntity(k, hi int) (int, bool) {
	ei := w.entityStartingAt(k, hi)
	if ei < 0 {
		return k, false
	}
	k = w.ms[ei].b
	if k < hi && isPossessive(w.toks[k].Text) {
		k++
	}
	return k, true
}

// runFwd scans a description forwards from token k to no later than hi; it returns where
// it ends and whether it holds a head noun or title. An organisation whose name ends in
// one is a head too: the entity layer takes "the Defence Secretary" for an organisation.
func (w *work) runFwd(k, hi int) (end int, head bool) {
	for k < hi {
		if ei := w.entityStartingAt(k, hi); ei >= 0 && w.ms[ei].typ == "ORG" && w.endsInHead(w.ms[ei].a, w.ms[ei].b) {
			head = true
		}
		if end, ok := w.pastEntity(k, hi); ok {
			k = end
			continue
		}
		if ls, n := w.phraseAt(k, hi); n > 0 && has(ls, "title", "head", "modifier") {
			head = head || has(ls, "title", "head")
			k += n
			continue
		}
		if lower(w.toks[k].Text) == "of" && head {
			n := k + 1
			if n < hi && isDet(w.toks[n].Text) {
				n++
			}
			if e, _ := w.runFwd(n, hi); e > n {
				k = e
				continue
			}
		}
		break
	}
	return k, head
}

// runAppos scans the description of an appositive, from token k to no later than hi
// ("The head of the UK's counter terror police, Neil Basu", "Zalmay Khalilzad, a US
// peace envoy,"). The comma marks it as a description, so that any nouns and adjectives
// may modify its head, not only roles.txt's modifiers; but it must end with a head noun
// or title (roles.txt), an organisation whose name ends in one ("Defence Secretary"),
// or the "of" or "for" complement of one. It returns where the description ends, and
// false when it is none.
func (w *work) runAppos(k, hi int) (int, bool) {
	headEnd := -1
	for k < hi {
		if ei := w.entityStartingAt(k, hi); ei >= 0 {
			m := &w.ms[ei]
			k = m.b
			if k < hi && isPossessive(w.toks[k].Text) {
				k++
			} else if m.typ == "ORG" && w.endsInHead(m.a, m.b) {
				headEnd = k
			}
			continue
		}
		if ls, n := w.phraseAt(k, hi); n > 0 && has(ls, "title", "head", "modifier") {
			k += n
			if has(ls, "title", "head") {
				headEnd = k
			}
			continue
		}
		if t := lower(w.toks[k].Text); (t == "of" || t == "for") && headEnd == k {
			n := k + 1
			if n < hi && isDet(w.toks[n].Text) {
				n++
			}
			if e := w.complement(n, hi); e > n {
				k, headEnd = e, e
				continue
			}
		}
		if w.describing(k) {
			k++
			continue
		}
		break
	}
	return headEnd, headEnd > 0 && headEnd == k
}

// namesPlace reports whether tokens [a, b) hold a place or nationality mention.
func (w *work) namesPlace(a, b int) bool {
	for k := a; k < b; k++ {
		if w.nationalAt(k) {
			return true
		}
	}
	return false
}

// endsInHead reports whether tokens [a, b) end with a head noun or title of roles.txt
// ("Defence Secretary", which the entity layer may take for an organisation).
func (w *work) endsInHead(a, b int) bool {
	for k := max(a, b-3); k < b; k++ {
		if ls, n := w.s.v.Match(w.toks[:b], k); n == b-k && has(ls, "title", "head") {
			return true
		}
	}
	return false
}

// complement scans the complement of a head after "of" or "for" ("of global news",
// "for the Bharatiya Janata Party"): entities, vocabulary words, nouns and adjectives.
func (w *work) complement(k, hi int) int {
	for k < hi {
		if end, ok := w.pastEntity(k, hi); ok {
			k = end
			continue
		}
		if ls, n := w.phraseAt(k, hi); n > 0 && has(ls, "title", "head", "modifier") {
			k += n
			continue
		}
		if !w.describing(k) {
			break
		}
		k++
	}
	return k
}

// describing reports whether token k, outside any entity, is a noun or adjective that
// may modify a head in an appositive ("peace" in "a US peace envoy").
func (w *work) describing(k int) bool {
	if w.tokEnt[k] >= 0 || w.toks[k].Finite() {
		return false
	}
	switch w.toks[k].POS {
	case "NOUN", "ADJ", "PROPN":
		return true
	}
	return w.toks[k].Tag == "AFX" // "counter" in "counter terror police"
}

// text returns the document text of tokens [a, b).
func (w *work) text(a, b int) string {
	return w.d.Text[w.toks[a].Start:w.toks[b-1].End]
}

// descText is text(a, b) with a sentence-initial capital of a common word lowered.
func (w *work) descText(a, b, sentStart int) string {
	s := w.text(a, b)
	if a == sentStart && w.tokEnt[a] < 0 {
		if ls, _ := w.phraseAt(a, b); has(ls, "head", "modifier") && !has(ls, "title") {
			r, n := utf8.DecodeRuneInString(s)
			s = string(unicode.ToLower(r)) + s[n:]
		}
	}
	return s
}

func (w *work) markUsed(a, b int) {
	for k := max(a, 0); k < b && k < len(w.used); k++ {
		w.used[k] = true
	}
}

// nationalAt reports whether token k starts a place or nationality mention.
func (w *work) nationalAt(k int) bool {
	if k < 0 || k >= len(w.tokEnt) {
		return false
	}
	e := w.tokEnt[k]
	if e < 0 || w.ms[e].a != k {
		return false
	}
	t := w.ms[e].typ
	return t == "NORP" || t == "LOCATION"
}

func (w *work) addPart(i int, p part) {
	w.ms[i].parts = append(w.ms[i].parts, p)
}

// describe reads the titles, descriptions, appositives and relations around person
// mention i.
func (w *work) describe(i int) {
	m := &w.ms[i]
	lo, hi := w.sentBounds(i)
	a, b := m.a, m.b

	// Relation before the name: "Soleimani's daughter (,) Zeinab".
	if j := a; j > lo {
		if w.toks[j-1].Text == "," {
			j--
		}
		if k, ls := w.phraseEnding(j, lo); k > lo+1 && has(ls, "kin") && isPossessive(w.toks[k-1].Text) {
			if ri := w.tokEnt[k-2]; ri >= 0 && w.ms[ri].typ == "PERSON" && w.ms[ri].b == k-1 {
				w.addPart(i, part{kin: lower(w.text(k, j)), of: int(ri)})
				w.markUsed(k, a)
			}
		}
	}

	// Titles immediately before the name, then a description before them. A title
	// before a name is capitalised ("Maj Gen Hossein Salami"); in lower case the word
	// is a description ("military commander Qassem Soleimani", "the federal judge
	// Trump was referring to").
	ts := a
	for ts > lo {
		k, ls := w.phraseEnding(ts, lo)
		if r, _ := utf8.DecodeRuneInString(w.toks[max(k, 0)].Text); k < 0 || !has(ls, "title") || !unicode.IsUpper(r) {
			break
		}
		ts = k
	}
	rs, rhead := w.runBack(ts, lo)
	if rhead && rs < ts && m.b-m.a == 1 && !w.nationalAt(rs) {
		// "The federal judge Trump was referring to": before a one-word name a
		// description is too often a clause of its own; titles still count, and so
		// does a description that opens with a country or nationality ("Indonesia's
		// security minister Wiranto", "Indonesian security minister Wiranto").
		rs, rhead = ts, false
	}
	switch {
	case rs < ts && rhead:
		w.addPart(i, part{text: w.descText(rs, ts, lo)})
		if ts < a {
			w.addPart(i, part{text: w.text(ts, a)})
		}
	case ts < a:
		w.addPart(i, part{text: w.descText(rs, a, lo)})
	default:
		rs = a
	}
	w.markUsed(rs, a)
	if rs > lo && isDet(w.toks[rs-1].Text) {
		w.markUsed(rs-1, rs)
	}

	// Appositive before: a description opening the sentence, a comma, the name.
	if rs == ts && ts-1 > lo && w.toks[ts-1].Text == "," {
		s, head := w.runBack(ts-1, lo)
		first := lo
		if first < len(w.toks) && isDet(w.toks[first].Text) {
			first++
		}
		if head && s < ts-1 && s == first {
			p := part{text: w.descText(s, ts-1, lo)}
			w.ms[i].parts = append([]part{p}, w.ms[i].parts...)
			w.markUsed(lo, ts)
		} else if s := w.apposBefore(ts-1, lo, first, b, hi); s >= 0 {
			// "The head of the UK's counter terror police, Neil Basu", "Following the
			// vote, a United States Department of State spokesperson, Morgan Ortagus,"
			p := part{text: w.descText(s, ts-1, lo)}
			w.ms[i].parts = append([]part{p}, w.ms[i].parts...)
			w.markUsed(s, ts)
		}
	}

	// After the name: "of" an organisation or place, as news names whom a person speaks
	// for ("Sabrina Bennoui of Reporters Without Borders said", "Yvette Cooper of the
	// Labour Party added"): the organisation or place, then a comma, a full stop or a
	// verb.
	if b+1 < hi && lower(w.toks[b].Text) == "of" {
		k := b + 1
		if isDet(w.toks[k].Text) {
			k++
		}
		if o := w.entityStartingAt(k, hi); o >= 0 && (w.ms[o].typ == "ORG" || w.ms[o].typ == "LOCATION") {
			if e := w.ms[o].b; e == hi || isClose(w.toks[e].Text) || w.toks[e].Finite() {
				w.addPart(i, part{text: w.text(b, e)})
				w.markUsed(b, e)
			}
		}
	}

	// After the name: ", the US secretary of state," or ", Soleimani's daughter,".
	if b < hi && w.toks[b].Text == "," {
		k := b + 1
		if k+2 < hi {
			if ri := w.tokEnt[k]; ri >= 0 && w.ms[ri].typ == "PERSON" && w.ms[ri].a == k && isPossessive(w.toks[w.ms[ri].b].Text) {
				r := w.ms[ri].b + 1
				if ls, n := w.phraseAt(r, hi); n > 0 && has(ls, "kin") && (r+n == hi || isClose(w.toks[r+n].Text)) {
					w.addPart(i, part{kin: lower(w.text(r, r+n)), of: int(ri)})
					w.markUsed(b, r+n)
					return
				}
			}
		}
		if k < hi && isDet(w.toks[k].Text) {
			k++
		}
		end, head := w.runFwd(k, hi)
		if !head || end == k || end < hi && !isClose(w.toks[end].Text) && lower(w.toks[end].Text) != "from" && lower(w.toks[end].Text) != "of" {
			// ", a US peace envoy,", ", a Georgian tennis player,": a looser
			// description, when it names the country or nationality it is of
			if e, ok := w.runAppos(k, hi); ok && w.namesPlace(k, e) && (e == hi || isClose(w.toks[e].Text)) {
				end, head = e, true
			}
		}
		// "Jamal Khashoggi, a journalist from Saudi Arabia,": the place after "from" or
		// "of" says whose the person is.
		if head && end > k && end+1 < hi && (lower(w.toks[end].Text) == "from" || lower(w.toks[end].Text) == "of") {
			if pi := w.tokEnt[end+1]; pi >= 0 && w.ms[pi].a == end+1 && (w.ms[pi].typ == "LOCATION" || w.ms[pi].typ == "NORP") && (w.ms[pi].b == hi || isClose(w.toks[w.ms[pi].b].Text)) {
				end = w.ms[pi].b
			}
		}
		if head && end > k && (end == hi || isClose(w.toks[end].Text)) {
			w.addPart(i, part{text: w.text(k, end)})
			w.markUsed(b, end)
		}
	}
}

// apposBefore finds a description that ends at the comma at token c before a name (at
// tokens [b-?, b)) and is read as runAppos reads one after a name: opening the sentence
// (at first), or after a comma and an article, with a comma or the sentence's end after
// the name (", a United States Department of State spokesperson, Morgan Ortagus,"). It
// returns where the description starts, -1 when there is none.
func (w *work) apposBefore(c, lo, first, b, hi int) int {
	start := first
	if start >= c {
		return -1
	}
	if end, ok := w.runAppos(start, c); ok && end == c {
		return start
	}
	if b < hi && !isClose(w.toks[b].Text) {
		return -1
	}
	for k := c - 1; k > lo+1; k-- {
		if t := w.toks[k].Text; t == "," || t == ";" || w.toks[k].Finite() {
			return -1
		}
		if isDet(w.toks[k].Text) && w.toks[k-1].Text == "," {
			if end, ok := w.runAppos(k+1, c); ok && end == c {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// nationals reads a nationality that news gives a person it has just named, as a noun
// phrase of its own: "The sixteen-year-old Swede is the youngest recipient" after
// "Greta Thunberg", "the 28-year-old Australian". The head of a definite noun phrase,
// after "the" and one to three adjectives or numbers, that is a nationality mention, or
// a capitalised word of no entity after an age (the entity layer misses many: "Swede"),
// is a role part of the latest person named before it in its sentence or the one
// before; the actors stage reads its country, if it names one.
func (w *work) nationals() {
	for si := range w.sents {
		lo, hi := w.sents[si].FirstToken, w.sents[si].EndToken
		for k := lo; k+2 < hi; k++ {
			if !strings.EqualFold(w.toks[k].Text, "the") {
				continue
			}
			h := k + 1
			for h < hi && h-k <= 3 && (w.toks[h].POS == "ADJ" || w.toks[h].POS == "NUM") && w.tokEnt[h] < 0 {
				h++
			}
			if h == k+1 || h >= hi {
				continue
			}
			end := h + 1
			if e := w.tokEnt[h]; e >= 0 {
				if w.ms[e].typ != "NORP" || w.ms[e].a != h {
					continue
				}
				end = w.ms[e].b
			} else if r, _ := utf8.DecodeRuneInString(w.toks[h].Text); !unicode.IsUpper(r) || w.toks[h].POS != "PROPN" && w.toks[h].POS != "NOUN" || !w.aged(k+1, h) {
				continue
			} else if _, n := w.s.v.Match(w.toks[:h+1], h); n > 0 {
				continue // "the new President": a role word, for nominals
			}
			if end < hi {
				if next := w.toks[end]; next.POS == "NOUN" || next.POS == "PROPN" || isPossessive(next.Text) {
					continue // "the Swedish Parliament", "the Swede's": a modifier
				}
			}
			if p := w.personBefore(k, max(si-1, 0)); p >= 0 {
				w.addPart(p, part{text: w.text(h, end)})
			}
		}
	}
}

// aged reports whether tokens [a, b) hold an age ("sixteen-year-old", "28-year-old"),
// which makes a capitalised word after them a person's description: "the 28-year-old
// Briton", not "the annual Hajj".
func (w *work) aged(a, b int) bool {
	for k := a; k < b; k++ {
		if strings.HasSuffix(lower(w.toks[k].Text), "-old") {
			return true
		}
	}
	return false
}

// personBefore returns the latest person mention that ends by token k in sentence from
// or later, -1 when none.
func (w *work) personBefore(k, from int) int {
	best := -1
	for j := range w.ms {
		o := &w.ms[j]
		if o.typ != "PERSON" || o.a < 0 || o.b > k || o.sent < from {
			continue
		}
		if best < 0 || o.a > w.ms[best].a {
			best = j
		}
	}
	return best
}

// isClose reports whether s ends an appositive.
func isClose(s string) bool {
	switch s {
	case ",", ".", ";", ":", ")", "—", "–", "--", "!", "?":
		return true
	}
	return false
}

// cluster groups mentions into entities. It runs in about linear time in the number of
// mentions (maps keyed by name keys), so that a very long article stays cheap.
func (w *work) cluster() {
	n := len(w.ms)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// union makes j's cluster part of i's, keeping i's root.
	union := func(i, j int) {
		if ri, rj := find(i), find(j); ri != rj {
			parent[rj] = ri
		}
	}
	oneWord := func(m *mention) bool { return m.typ == "PERSON" && len(m.keys) == 1 }

	// Same keys word for word (one-word person names wait for the next steps).
	first := map[string]int{}
	var reps []int // the first mention of each distinct multi-word person name
	for i := range w.ms {
		m := &w.ms[i]
		if len(m.keys) == 0 || oneWord(m) {
			continue
		}
		k := m.typ + "\x00" + strings.Join(m.keys, "\x00")
		if f, ok := first[k]; ok {
			union(f, i)
			continue
		}
		first[k] = i
		if m.typ == "PERSON" {
			reps = append(reps, i)
		}
	}
	// Distinct full names of a person: same first and last word, or one the end of the
	// other. Both share the last word, so only names ending alike are compared.
	byLast := map[string][]int{}
	for _, i := range reps {
		k := w.ms[i].keys
		byLast[k[len(k)-1]] = append(byLast[k[len(k)-1]], i)
	}
	for _, group := range byLast {
		for a := 0; a < len(group); a++ {
			for b := a + 1; b < len(group); b++ {
				if samePerson(w.ms[group[a]].keys, w.ms[group[b]].keys) {
					union(group[a], group[b])
				}
			}
		}
	}

	// One-word person mentions, in text order: a last name, else a unique first name.
	people := newPeople(w, find)
	for i := range w.ms {
		m := &w.ms[i]
		if !oneWord(m) {
			continue
		}
		c := people.pick(i, people.byLast[m.keys[0]])
		if c < 0 && len(people.byLast[m.keys[0]]) == 0 && len(people.byFirst[m.keys[0]]) == 1 {
			c = people.pick(i, people.byFirst[m.keys[0]])
		}
		if c >= 0 {
			union(c, i)
			people.add(c, i)
		}
	}
	// One-word mentions left alone cluster with their own kind ("Zeinab", "Zeinab").
	alone := map[string]int{}
	for i := range w.ms {
		m := &w.ms[i]
		if !oneWord(m) || find(i) != i {
			continue
		}
		if f, ok := alone[m.keys[0]]; ok {
			union(f, i)
		} else {
			alone[m.keys[0]] = i
		}
	}
	// Initials: "US" is "United States", "IRGC" an organisation spelled out.
	spelled := map[string]int{}
	for i := range w.ms {
		m := &w.ms[i]
		if m.typ == "PERSON" || len(strings.Fields(m.name)) < 2 {
			continue
		}
		k := m.typ + "\x00" + initials(m.name)
		if _, ok := spelled[k]; !ok {
			spelled[k] = i
		}
	}
	for i := range w.ms {
		m := &w.ms[i]
		if m.typ == "PERSON" {
			continue
		}
		if ac := acronym(m.name); ac != "" {
			if j, ok := spelled[m.typ+"\x00"+ac]; ok {
				union(j, i)
			}
		}
	}
	// Short forms: "the South" after "South Korea" is South Korea, as news writes the
	// two Koreas or Sudans ([short-place] in roles.txt): a one-word place mention of such
	// a word after "the" is the place named before it whose name begins with the word,
	// when exactly one such place is named before it.
	for i := range w.ms {
		m := &w.ms[i]
		if m.typ != "LOCATION" || m.a < 1 || m.b != m.a+1 || !strings.EqualFold(w.toks[m.a-1].Text, "the") {
			continue
		}
		if n, ok := w.s.v.Has(w.toks[:m.b], m.a, "short-place"); !ok || n != 1 {
			continue
		}
		long := -1
		for j := range w.ms[:i] {
			o := &w.ms[j]
			if o.typ != "LOCATION" || len(o.keys) < 2 || o.keys[0] != lower(w.toks[m.a].Text) || long >= 0 && find(long) == find(j) {
				continue
			}
			if long >= 0 {
				long = -2 // two places begin with the word: neither
				break
			}
			long = j
		}
		if long >= 0 {
			union(long, i)
		}
	}
	for i := range w.ms {
		w.ms[i].cl = find(i)
	}
}

// people indexes the people named in full, for attaching one-word mentions to them.
type people struct {
	w       *work
	find    func(int) int
	byLast  map[string][]int // last-word key → clusters (roots)
	byFirst map[string][]int // first-word key → clusters (roots)
	info    map[int]*person  // root → what is known of the person
	sexOf   map[string]string
}

// person is what the mentions of one person say, for choosing between namesakes.
type person struct {
	starts  []int // starts of the full-name mentions, in order
	oneLast int   // start of the last one-word mention attached, -1
	ones    int   // one-word mentions attached
	classes []string
	sex     string
	kin     []int // mentions with a relation part
}

func newPeople(w *work, find func(int) int) *people {
	p := &people{w: w, find: find, byLast: map[string][]int{}, byFirst: map[string][]int{}, info: map[int]*person{}, sexOf: map[string]string{}}
	for j := range w.ms {
		m := &w.ms[j]
		if m.typ != "PERSON" || len(m.keys) < 2 {
			continue
		}
		r := find(j)
		in := p.info[r]
		if in == nil {
			in = &person{oneLast: -1}
			p.info[r] = in
			last, first := m.keys[len(m.keys)-1], m.keys[0]
			p.byLast[last] = append(p.byLast[last], r)
			if !slices.Contains(p.byFirst[first], r) {
				p.byFirst[first] = append(p.byFirst[first], r)
			}
		}
		in.starts = append(in.starts, w.d.Entities[j].Start)
		p.note(in, j)
	}
	// The sex the titles of each one-word name agree on ("Mr. Obama", "Mr. Obama").
	for j := range w.ms {
		m := &w.ms[j]
		if m.typ != "PERSON" || len(m.keys) != 1 {
			continue
		}
		_, sx := w.partInfo(j)
		switch old, seen := p.sexOf[m.keys[0]]; {
		case sx == "":
		case !seen || old == "":
			p.sexOf[m.keys[0]] = sx
		case old != sx:
			p.sexOf[m.keys[0]] = "?"
		}
	}
	return p
}

// note adds what mention j says to in.
func (p *people) note(in *person, j int) {
	cl, sx := p.w.partInfo(j)
	in.classes = append(in.classes, cl...)
	switch {
	case in.sex == "":
		in.sex = sx
	case sx != "" && sx != in.sex:
		in.sex = "?"
	}
	for _, pt := range p.w.ms[j].parts {
		if pt.kin != "" {
			in.kin = append(in.kin, j)
			break
		}
	}
}

// add records that one-word mention i was attached to cluster root r.
func (p *people) add(r, i int) {
	in := p.info[r]
	in.ones++
	in.oneLast = p.w.d.Entities[i].Start
	p.note(in, i)
}

// pick chooses among the clusters cands for the one-word mention i. People whose titles
// or relations tell the other sex are left out ("Mrs Obama" is not "Mr Obama"; a
// mention with no title takes the sex the titles of the same one-word name agree on),
// and so are people named in full only after i, unless i is in the headline, and so are
// relatives named as relatives of another of them ("Hunter Biden, son of Joe Biden"). Of
// the others: the only one; else the only one whose role shares a class with the
// mention's ("President Obama" is the Obama called president before); else the one
// mentioned most often before i, and of those the one mentioned last.
func (p *people) pick(i int, cands []int) int {
	if len(cands) == 0 {
		return -1
	}
	w := p.w
	start := w.d.Entities[i].Start
	classes, sex := w.partInfo(i)
	if sex == "" {
		if sx := p.sexOf[w.ms[i].keys[0]]; sx != "?" {
			sex = sx
		}
	}
	// A name is introduced in full before it is shortened, except in headlines.
	headline := start < w.d.BodyStart
	before := func(in *person) (count, last int) {
		k := sort.SearchInts(in.starts, start)
		count, last = k+in.ones, in.oneLast
		if k > 0 {
			last = max(last, in.starts[k-1])
		}
		return count, last
	}
	var fit []int
	for _, r := range cands {
		in := p.info[r]
		n, _ := before(in)
		if (sex == "" || in.sex == "" || in.sex == "?" || in.sex == sex) && (n > 0 || headline) {
			fit = append(fit, r)
		}
	}
	if len(fit) > 1 {
		var principals []int
		for _, r := range fit {
			relative := false
			for _, j := range p.info[r].kin {
				for _, pt := range w.ms[j].parts {
					if o := p.find(pt.of); pt.kin != "" && o != r && slices.Contains(fit, o) {
						relative = true
					}
				}
			}
			if !relative {
				principals = append(principals, r)
			}
		}
		if len(principals) > 0 {
			fit = principals
		}
	}
	if len(fit) == 1 {
		return fit[0]
	}
	if len(classes) > 0 {
		var same []int
		for _, r := range fit {
			if overlap(p.info[r].classes, classes) {
				same = append(same, r)
			}
		}
		if len(same) == 1 {
			return same[0]
		}
	}
	best, bestN, bestLast := -1, -1, -1
	for _, r := range fit {
		n, last := before(p.info[r])
		if n > bestN || n == bestN && last > bestLast {
			best, bestN, bestLast = r, n, last
		}
	}
	return best
}

// partInfo returns the classes of mention i's role parts and the sex they tell ("male",
// "female" or "").
func (w *work) partInfo(i int) (classes []string, sex string) {
	if w.info == nil {
		w.info = make([]partInfo, len(w.ms))
	}
	if in := &w.info[i]; in.done {
		return in.classes, in.sex
	}
	defer func() { w.info[i] = partInfo{classes, sex, true} }()
	for _, p := range w.ms[i].parts {
		text := p.text
		if p.kin != "" {
			text = p.kin
		}
		toks := tokenize(text)
		for _, h := range w.s.v.FindAll(toks, 0, len(toks)) {
			classes = append(classes, classLabels(h.Labels)...)
			for _, x := range [...]string{"male", "female"} {
				if has(h.Labels, x) {
					if sex == "" || sex == x {
						sex = x
					} else {
						sex = "?"
					}
				}
			}
		}
	}
	if sex == "?" {
		sex = ""
	}
	return classes, sex
}

// samePerson reports whether two multi-word names (as keys) name the same person.
func samePerson(a, b []string) bool {
	if slices.Equal(a, b) {
		return true
	}
	if a[0] == b[0] && a[len(a)-1] == b[len(b)-1] {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return slices.Equal(a, b[len(b)-len(a):])
}

// acronym returns s without dots when it is a 2–6 letter all-capital word, else "".
func acronym(s string) string {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 6 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return ""
		}
	}
	return s
}

// initials returns the first letters of the capitalised words of s.
func initials(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// finish sets Canonical, Role and Mention on every named mention.
func (w *work) finish() {
	groups := map[int][]int{}
	var order []int
	for i := range w.ms {
		c := w.ms[i].cl
		if _, ok := groups[c]; !ok {
			order = append(order, c)
		}
		groups[c] = append(groups[c], i)
	}
	canon := make([]string, len(w.ms))
	for _, c := range order {
		best := -1
		for _, i := range groups[c] {
			if best < 0 || len(w.ms[i].keys) > len(w.ms[best].keys) ||
				len(w.ms[i].keys) == len(w.ms[best].keys) && len(w.ms[i].keys) == 0 && len(w.ms[i].name) > len(w.ms[best].name) {
				best = i
			}
		}
		for _, i := range groups[c] {
			canon[i] = w.ms[best].name
		}
	}
	roles := map[int]string{}
	for _, c := range order {
		var parts []string
		seen := map[string]bool{}
		for _, i := range groups[c] {
			for _, p := range w.ms[i].parts {
				t := p.text
				if p.kin != "" {
					t = p.kin + " of " + canon[p.of]
				}
				if k := lower(t); t != "" && !seen[k] {
					seen[k] = true
					parts = append(parts, t)
				}
			}
		}
		roles[c] = strings.Join(parts, "; ")
	}
	for i := range w.ms {
		e := &w.d.Entities[i]
		e.Canonical = canon[i]
		if r := roles[w.ms[i].cl]; r != "" {
			e.Role = r
		}
	}
}

// nominals links definite descriptions to the people they refer back to.
func (w *work) nominals() {
	type cand struct {
		cl      int
		first   int // byte offset of the first named mention
		role    string
		classes []string
		ent     int
	}
	var cands []cand
	seen := map[int]bool{}
	for i := range w.ms {
		m := &w.ms[i]
		if m.typ != "PERSON" || seen[m.cl] {
			continue
		}
		seen[m.cl] = true
		e := &w.d.Entities[i]
		if e.Role == "" {
			continue
		}
		cands = append(cands, cand{cl: m.cl, first: e.Start, role: e.Role, classes: w.classesOf(e.Role), ent: i})
	}
	if len(cands) == 0 {
		return
	}
	var added []doc.Entity
	for si := range w.sents {
		lo, hi := w.sents[si].FirstToken, w.sents[si].EndToken
		for i := lo; i < hi; i++ {
			if lower(w.toks[i].Text) != "the" || w.used[i] || w.tokEnt[i] >= 0 {
				continue
			}
			// the [modifiers and nationalities] HEAD [of (the) COMPLEMENT]
			// musts are words the person's role must contain: nationalities, modifiers
			// that tell people apart ("former", "health") and an "of" complement.
			j := i + 1
			var musts []string
			for j < hi {
				if ei := w.entityStartingAt(j, hi); ei >= 0 && (w.ms[ei].typ == "NORP" || w.ms[ei].typ == "LOCATION") {
					musts = append(musts, w.d.Entities[ei].Text)
					j = w.ms[ei].b
					continue
				}
				if ls, n := w.phraseAt(j, hi); n > 0 && has(ls, "modifier") && !has(ls, "head", "title") {
					if has(ls, "distinguishing") {
						musts = append(musts, w.text(j, j+n))
					}
					j += n
					continue
				}
				break
			}
			ls, n := w.phraseAt(j, hi)
			if n == 0 || !has(ls, "head", "title") || w.used[j] {
				continue
			}
			k := j + n
			if k < hi {
				next := w.toks[k]
				if nl, nn := w.phraseAt(k, hi); nn > 0 && has(nl, "nominal-stop", "head", "title", "modifier") && lower(next.Text) != "of" {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(next.Text); unicode.IsUpper(r) && w.tokEnt[k] >= 0 && w.ms[w.tokEnt[k]].typ == "PERSON" {
					continue // a title before a name
				}
			}
			hasOf := false
			if k+1 < hi && lower(w.toks[k].Text) == "of" {
				c := k + 1
				if c < hi && isDet(w.toks[c].Text) {
					c++
				}
				if ei := w.entityStartingAt(c, hi); ei >= 0 {
					k, hasOf = w.ms[ei].b, true
					if !has(ls, "needs-of") {
						musts = append(musts, w.d.Entities[ei].Text)
					}
				}
			}
			if has(ls, "needs-of") && !hasOf {
				continue
			}
			classes := classLabels(ls)
			if len(classes) == 0 {
				continue
			}
			start := w.toks[i].Start
			phrase := lower(w.d.Text[w.toks[i+1].Start:w.toks[k-1].End])
			var match []int
			for ci, c := range cands {
				if c.first >= start || !overlap(c.classes, classes) {
					continue
				}
				ok := true
				for _, m := range musts {
					if !strings.Contains(lower(c.role), lower(m)) {
						ok = false
					}
				}
				if ok {
					match = append(match, ci)
				}
			}
			if len(match) > 1 {
				var exact []int
				for _, ci := range match {
					if strings.Contains(lower(cands[ci].role), phrase) {
						exact = append(exact, ci)
					}
				}
				match = exact
			}
			if len(match) != 1 {
				continue
			}
			c := cands[match[0]]
			src := w.d.Entities[c.ent]
			span := doc.Span{Start: start, End: w.toks[k-1].End}
			added = append(added, doc.Entity{
				Text: w.d.Text[span.Start:span.End], Type: "PERSON", Canonical: src.Canonical,
				Role: src.Role, Mention: MentionNominal, Span: span,
			})
			w.markUsed(i, k)
			i = k - 1
		}
	}
	w.d.Entities = append(w.d.Entities, added...)
}

// classesOf returns the classes of the words of a role, and "kin:WORD" for relations.
func (w *work) classesOf(role string) []string {
	var out []string
	for _, p := range strings.Split(role, "; ") {
		if kin, _, ok := strings.Cut(p, " of "); ok && w.isKin(kin) {
			out = append(out, "kin:"+lower(kin))
		}
	}
	toks := tokenize(role)
	for _, h := range w.s.v.FindAll(toks, 0, len(toks)) {
		out = append(out, classLabels(h.Labels)...)
	}
	return out
}

func (w *work) isKin(s string) bool {
	toks := tokenize(s)
	ls, n := w.s.v.Match(toks, 0)
	return n == len(toks) && has(ls, "kin")
}

// tokenize splits a role or phrase into tokens as the text stage would.
func tokenize(s string) []doc.Token { return segment.Tokenize(s) }

func classLabels(ls []string) []string {
	var out []string
	for _, l := range ls {
		if strings.HasPrefix(l, "class:") {
			out = append(out, l)
		}
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// String describes a mention for debugging.
func (m mention) String() string {
	return fmt.Sprintf("%s %q keys=%v tokens=[%d,%d) parts=%v", m.typ, m.name, m.keys, m.a, m.b, m.parts)
}
