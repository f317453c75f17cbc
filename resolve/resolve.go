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
// one of the same type whose initials it spells ("United States").
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
//     "Top general, Maj Gen Hossein Salami" → "top general; Maj Gen"), or follows the
//     name between commas ("Mike Pompeo, the US secretary of state, said");
//   - a family relation, "KIN of CANONICAL": "Soleimani's daughter Zeinab" and "Zeinab,
//     Soleimani's daughter," give Zeinab "daughter of Qasem Soleimani".
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
		for k := range w.tokEnt {
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
		if ls, n := w.s.v.Match(w.toks[:j], k); n == j-k && !w.inEntity(k, j) && w.capitalOK(ls, k) {
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
	if n == 0 || w.inEntity(k, k+n) || !w.capitalOK(ls, k) {
		return nil, 0
	}
	return ls, n
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

// runFwd scans a description forwards from token k to no later than hi; it returns where
// it ends and whether it holds a head noun or title.
func (w *work) runFwd(k, hi int) (end int, head bool) {
	for k < hi {
		if ei := w.entityStartingAt(k, hi); ei >= 0 {
			k = w.ms[ei].b
			if k < hi && isPossessive(w.toks[k].Text) {
				k++
			}
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
	if rhead && rs < ts && m.b-m.a == 1 {
		// "The federal judge Trump was referring to": before a one-word name a
		// description is too often a clause of its own; titles still count.
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
		if head && end > k && (end == hi || isClose(w.toks[end].Text)) {
			w.addPart(i, part{text: w.text(k, end)})
			w.markUsed(b, end)
		}
	}
}

// isClose reports whether s ends an appositive.
func isClose(s string) bool {
	switch s {
	case ",", ".", ";", ":", ")", "—", "–", "--", "!", "?":
		return true
	}
	return false
}

// cluster groups mentions into entities.
func (w *work) cluster() {
	n := len(w.ms)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		ri, rj := find(i), find(j)
		if ri == rj {
			return
		}
		if rj < ri {
			ri, rj = rj, ri
		}
		parent[rj] = ri
	}

	// Full names: same keys, same first and last word, or one the end of the other.
	for i := 0; i < n; i++ {
		mi := &w.ms[i]
		if len(mi.keys) == 0 {
			continue
		}
		for j := i + 1; j < n; j++ {
			mj := &w.ms[j]
			if mj.typ != mi.typ || len(mj.keys) == 0 {
				continue
			}
			switch mi.typ {
			case "PERSON":
				if len(mi.keys) >= 2 && len(mj.keys) >= 2 && samePerson(mi.keys, mj.keys) {
					union(i, j)
				}
			default:
				if slices.Equal(mi.keys, mj.keys) {
					union(i, j)
				}
			}
		}
	}
	// One-word person mentions: a last name, else a unique first name.
	for i := 0; i < n; i++ {
		mi := &w.ms[i]
		if mi.typ != "PERSON" || len(mi.keys) != 1 {
			continue
		}
		if c := w.pickByWord(i, find, func(k []string) bool { return k[len(k)-1] == mi.keys[0] }); c >= 0 {
			union(c, i)
			continue
		}
		if c := w.pickByWord(i, find, func(k []string) bool { return k[0] == mi.keys[0] }); c >= 0 && w.unique(i, find, func(k []string) bool { return k[0] == mi.keys[0] }) {
			union(c, i)
		}
	}
	// One-word mentions left alone cluster with their own kind ("Zeinab", "Zeinab").
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			mi, mj := &w.ms[i], &w.ms[j]
			if mi.typ == mj.typ && len(mi.keys) == 1 && len(mj.keys) == 1 && mi.keys[0] == mj.keys[0] && find(i) == i && find(j) == j {
				union(i, j)
			}
		}
	}
	// Initials: "US" is "United States", "IRGC" an organisation spelled out.
	for i := 0; i < n; i++ {
		mi := &w.ms[i]
		if mi.typ == "PERSON" {
			continue
		}
		ac := acronym(mi.name)
		if ac == "" {
			continue
		}
		for j := 0; j < n; j++ {
			mj := &w.ms[j]
			if j == i || mj.typ != mi.typ || len(strings.Fields(mj.name)) < 2 {
				continue
			}
			if initials(mj.name) == ac {
				union(j, i)
				break
			}
		}
	}
	for i := range w.ms {
		w.ms[i].cl = find(i)
	}
}

// pickByWord returns the cluster (root) of a multi-word person mention whose keys satisfy
// ok, for the one-word mention i. People whose titles or relations tell the other sex
// are left out ("Mrs Obama" is not "Mr Obama"; a mention with no title takes the sex
// the titles of the same one-word name agree on), and so are people named in full only
// after i, unless i is in the headline, and so are relatives named as relatives of
// another of them ("Hunter Biden, son of Joe Biden"); of the others, the only one; else the
// only one whose role shares a class with the mention's ("President Obama" is the
// Obama called president before); else the one mentioned most often before i, and of
// those the one mentioned last.
func (w *work) pickByWord(i int, find func(int) int, ok func([]string) bool) int {
	start := w.d.Entities[i].Start
	classes, sex := w.partInfo(i)
	if sex == "" {
		// "President Obama" … "Mr. Obama": a one-word name says its sex through the
		// titles of the other mentions written the same way, when they agree.
		for j := range w.ms {
			mj := &w.ms[j]
			if j == i || mj.typ != "PERSON" || len(mj.keys) != 1 || mj.keys[0] != w.ms[i].keys[0] {
				continue
			}
			switch _, sx := w.partInfo(j); {
			case sx == "":
			case sex == "":
				sex = sx
			case sx != sex:
				sex = "?"
			}
		}
		if sex == "?" {
			sex = ""
		}
	}
	type cand struct {
		classes []string
		sex     string
		last    int // start of its last mention before i, -1
		before  int // mentions before i
	}
	cands := map[int]*cand{}
	var order []int
	for j := range w.ms {
		mj := &w.ms[j]
		if j == i || mj.typ != "PERSON" || len(mj.keys) < 2 || !ok(mj.keys) {
			continue
		}
		r := find(j)
		if cands[r] == nil {
			cands[r] = &cand{last: -1}
			order = append(order, r)
		}
	}
	if len(cands) == 0 {
		return -1
	}
	for j := range w.ms {
		c := cands[find(j)]
		if c == nil || j == i {
			continue
		}
		cl, sx := w.partInfo(j)
		c.classes = append(c.classes, cl...)
		switch {
		case c.sex == "":
			c.sex = sx
		case sx != "" && sx != c.sex:
			c.sex = "?"
		}
		if p := w.d.Entities[j].Start; p < start {
			c.before++
			c.last = max(c.last, p)
		}
	}
	// A name is introduced in full before it is shortened, except in headlines: a
	// one-word name in the body does not refer to a person first named later.
	headline := start < w.d.BodyStart
	var fit []int
	for _, r := range order {
		c := cands[r]
		if (sex == "" || c.sex == "" || c.sex == "?" || c.sex == sex) && (c.last >= 0 || headline) {
			fit = append(fit, r)
		}
	}
	if len(fit) > 1 {
		// A surname is the principal's, not that of a relative named as such ("Biden"
		// is not "Hunter Biden, son of Joe Biden").
		var principals []int
		for _, r := range fit {
			relative := false
			for j := range w.ms {
				if find(j) != r {
					continue
				}
				for _, p := range w.ms[j].parts {
					if p.kin != "" && cands[find(p.of)] != nil && find(p.of) != r {
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
			if overlap(cands[r].classes, classes) {
				same = append(same, r)
			}
		}
		if len(same) == 1 {
			return same[0]
		}
	}
	best := -1
	for _, r := range fit {
		c := cands[r]
		if best < 0 || c.before > cands[best].before || c.before == cands[best].before && c.last > cands[best].last {
			best = r
		}
	}
	return best
}

// partInfo returns the classes of mention i's role parts and the sex they tell ("male",
// "female" or "").
func (w *work) partInfo(i int) (classes []string, sex string) {
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

// unique reports whether exactly one person cluster has a multi-word name satisfying ok.
func (w *work) unique(i int, find func(int) int, ok func([]string) bool) bool {
	roots := map[int]bool{}
	for j := range w.ms {
		mj := &w.ms[j]
		if j != i && mj.typ == "PERSON" && len(mj.keys) >= 2 && ok(mj.keys) {
			roots[find(j)] = true
		}
	}
	return len(roots) == 1
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
