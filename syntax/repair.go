package syntax

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/tocsin-project/tocsin/doc"
)

// The parser is trained on web text (EWT) and misreads some constructions that news uses
// often: headlines without an auxiliary, a verb the tagger took for a noun or adjective, a
// report placed before its verb. The repairs below mend those trees after parsing, so that
// every stage (events, casualties, quotes, places, actors) reads one repaired tree; each
// mends one misparse, narrowly, and says which with an example. They ran in the event
// coder until issue 9, and their order is the order they ran in there.
//
// Each repair reads and changes a tree: one sentence's words with sentence-local heads.
// The stage runs them on every sentence after parsing and records the names of those that
// changed it in doc.Sentence.Repairs; Model.Analyze is the parser's own analysis, and
// Evaluate scores it both before and after the repairs.

// repairs are the tree repairs in the order they run.
var repairs = [...]struct {
	name string
	mend func(*tree) bool
	// unless names an earlier repair after which this one does not run.
	unless string
}{
	{name: "verbless", mend: (*tree).verbless},
	{name: "headline-verb", mend: (*tree).headlineVerb, unless: "verbless"},
	{name: "reduced-passive", mend: (*tree).reducedPassive, unless: "verbless"},
	{name: "loose-subject", mend: (*tree).looseSubject, unless: "verbless"},
	{name: "relative-verb", mend: (*tree).relativeVerb},
	{name: "two-subjects", mend: (*tree).twoSubjects},
	{name: "name-subject", mend: (*tree).nameSubject},
	{name: "report-before-verb", mend: (*tree).reportBeforeVerb},
	{name: "count-object", mend: (*tree).countObject},
	{name: "agent-object", mend: (*tree).agentObject},
	{name: "than-object", mend: (*tree).thanObject},
	{name: "gerund-complement", mend: (*tree).gerundComplement},
	{name: "oblique-root", mend: (*tree).obliqueRoot},
	{name: "subordinate-clause", mend: (*tree).subordinateClause},
	{name: "possessor", mend: (*tree).possessor},
	{name: "finite-conjunct", mend: (*tree).finiteConjunct},
	{name: "complement-subject", mend: (*tree).complementSubject},
	{name: "time-between", mend: (*tree).timeBetween},
	{name: "object-predicate", mend: (*tree).objectPredicate},
}

// RepairNames returns the names of the tree repairs in the order they run, as they appear
// in doc.Sentence.Repairs.
func RepairNames() []string {
	names := make([]string, len(repairs))
	for i, r := range repairs {
		names[i] = r.name
	}
	return names
}

// tree is one sentence's dependency tree as the repairs read and mend it. Indexes are
// sentence-local; a head is -1 for a root.
type tree struct {
	form, pos, tag, dep []string
	head                []int32
	punct               []bool // punctuation, as the tokenizer (or the treebank) says
	// headline: the sentence is an article's headline, which drops its auxiliaries
	// ("Three soldiers killed in attack").
	headline bool
	// verb is the word verbless made a verb though it was tagged a noun or adjective, -1
	// if none; passive says whether it reads as a passive participle. The caller retags
	// it (see Model.retagVerb).
	verb    int
	passive bool
	// present says that verb is a headline's present tense in the base form (headlineVerb).
	present bool
	// noun is the word verbless found tagged a finite verb though it is no verb form,
	// -1 if none; the caller retags it a noun.
	noun int
	// adj is the word objectPredicate read as an adjective though it was tagged a noun,
	// -1 if none; the caller retags it an adjective.
	adj   int
	fired uint32 // bit i: repairs[i] changed the tree
	buf   []byte // the lemmatiser's scratch space
}

// reset sizes the tree for n words; the caller fills it.
func (t *tree) reset(n int, headline bool) {
	t.form, t.pos, t.tag, t.dep = grow(t.form, n), grow(t.pos, n), grow(t.tag, n), grow(t.dep, n)
	t.head, t.punct = grow(t.head, n), grow(t.punct, n)
	t.headline, t.verb, t.noun, t.adj, t.passive, t.present, t.fired = headline, -1, -1, -1, false, false, 0
}

// fromTokens fills the tree from one sentence's tokens; base is the document index of
// toks[0]. A head outside the sentence counts as none.
func (t *tree) fromTokens(toks []doc.Token, base int, headline bool) {
	t.reset(len(toks), headline)
	for i := range toks {
		k := &toks[i]
		h := k.Head - base
		if k.Dep == "" || h < 0 || h >= len(toks) || h == i {
			h = -1
		}
		t.form[i], t.pos[i], t.tag[i], t.dep[i] = k.Form(), k.POS, k.Tag, k.Dep
		t.head[i], t.punct[i] = int32(h), k.Kind == doc.Punct
	}
}

// repair runs the repairs in order and reports whether any changed the tree.
func (t *tree) repair() bool {
	for i, r := range repairs {
		if r.unless != "" && t.didRepair(r.unless) {
			continue
		}
		if r.mend(t) {
			t.fired |= 1 << i
		}
	}
	return t.fired != 0
}

// didRepair reports whether the repair named name changed the tree.
func (t *tree) didRepair(name string) bool {
	for i, r := range repairs {
		if r.name == name {
			return t.fired&(1<<i) != 0
		}
	}
	return false
}

// names returns the names of the repairs that changed the tree, nil if none.
func (t *tree) names() []string {
	if t.fired == 0 {
		return nil
	}
	var out []string
	for i, r := range repairs {
		if t.fired&(1<<i) != 0 {
			out = append(out, r.name)
		}
	}
	return out
}

// finite reports whether a Penn tag marks a finite verb (as doc.Token.Finite does).
func finite(tag string) bool {
	switch tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// nominal reports whether word i is a noun, a name or a pronoun.
func (t *tree) nominal(i int) bool {
	switch t.pos[i] {
	case "NOUN", "PROPN", "PRON":
		return true
	}
	return false
}

// child returns the first dependent of h with relation rel, exactly, -1 if none.
func (t *tree) child(h int, rel string) int {
	for k := range t.head {
		if int(t.head[k]) == h && t.dep[k] == rel {
			return k
		}
	}
	return -1
}

// root returns the sentence's first word that has no head and is not punctuation, -1
// when there is none, and whether it is the only one.
func (t *tree) root() (first int, only bool) {
	first, n := -1, 0
	for i := range t.head {
		if t.head[i] < 0 && !t.punct[i] {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return first, n == 1
}

// hasCase reports whether q has a case marker before it.
func (t *tree) hasCase(q int) bool {
	for k := 0; k < q; k++ {
		if int(t.head[k]) == q && t.dep[k] == "case" {
			return true
		}
	}
	return false
}

// cycles reports whether following heads from i never reaches a root.
func (t *tree) cycles(i int) bool {
	for steps := 0; steps <= len(t.head); steps++ {
		h := t.head[i]
		if h < 0 {
			return false
		}
		i = int(h)
	}
	return true
}

// inSubtree reports whether j lies in i's subtree.
func (t *tree) inSubtree(j, i int) bool {
	for steps := 0; j >= 0 && steps <= len(t.head); steps++ {
		if j == i {
			return true
		}
		j = int(t.head[j])
	}
	return false
}

// hasSuffixFold reports whether s ends in the lower-case ASCII suffix, in any case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// verbless re-reads a sentence that the parser took for a noun phrase because its verb
// was tagged as a participle, adjective or noun: "China donated vaccines to Cambodia" as
// "China donated-vaccines", "Russian forces invaded Ukraine" as forces with a reduced
// relative, "A gunman shot three people" with "shot" a noun after "gunman". When no word
// is a finite verb and none is a verbal root, the first past participle after the first
// word becomes the root, the noun phrase before it its subject, and the old root, when it
// follows, its object. A gerund or a base form stays: in a sentence without a finite verb
// it mostly modifies a noun ("people offering a brilliant service", "Search Engine
// Optimization"); letting them be roots cost EWT 0.04 LAS points and gained no event. Failing a verb, the first adjective in -ed that is a verb form ("imposed
// sanctions"), then the first noun that is a verb form and has an object of its own (only
// a verb takes one) or "dead" after it ("journalist shot dead in Aden"). In a headline, a verb followed by a preposition ("Three soldiers
// killed in attack") is read as a passive.
func (t *tree) verbless() bool {
	n := len(t.head)
	v := -1
	// In a headline, a word tagged a finite verb that is no verb form ("Hong Kong
	// leader announces withdrawal of extradition bill", with "withdrawal" a VBP) is a
	// noun the tagger misread.
	fake := -1
	for i := range n {
		if finite(t.tag[i]) {
			if t.headline && fake < 0 && !verbForms.has(t.form[i]) {
				fake = i
				continue
			}
			return false
		}
		if t.head[i] < 0 && (t.pos[i] == "VERB" || t.pos[i] == "AUX") {
			return false
		}
		if v < 0 && t.pos[i] == "VERB" && t.tag[i] == "VBN" && i > 0 {
			v = i
		}
	}
	retag, present := false, false
	if v < 0 && t.headline {
		// A headline's present tense in -s, which the tagger took for a plural noun
		// ("Violence breaks out in Washington", "Iraqi Parliament votes for expulsion
		// of United States troops"): a verb form between a noun phrase and more words.
		bv := t.baseVerb()
		for i := 1; i+1 < n; i++ {
			if i > bv && bv >= 0 && t.pos[bv] != "NOUN" {
				// a base form the tagger took for an adverb or adjective comes first:
				// headlineVerb's ("Nurses protest pay cuts", not "pay cuts")
				return false
			}
			if t.tag[i] == "NNS" && hasSuffixFold(t.form[i], "s") && verbForms.has(t.form[i]) && t.nominal(i-1) && !t.punct[i+1] {
				v, retag, present = i, true, true
				break
			}
		}
	}
	if v < 0 && fake >= 0 {
		return false
	}
	if v < 0 {
		for i := 1; i < n; i++ {
			if t.pos[i] == "ADJ" && hasSuffixFold(t.form[i], "ed") && verbForms.has(t.form[i]) {
				v, retag = i, true
				break
			}
		}
	}
	if v < 0 {
		for i := 1; i < n; i++ {
			// ... or is "shot dead": "Yemeni journalist … shot dead in Aden"
			if t.pos[i] == "NOUN" && (t.child(i, "obj") >= 0 || i+1 < n && strings.EqualFold(t.form[i+1], "dead")) && verbForms.has(t.form[i]) {
				v, retag = i, true
				break
			}
		}
	}
	if v < 0 {
		return false
	}
	// Only a headline drops its auxiliary ("Three soldiers killed in attack"); in the
	// body such a verb is a past tense the tagger missed ("protesters marched in Paris").
	passive := false
	for q := v + 1; q < n && t.headline && !present; q++ {
		switch {
		case t.pos[q] == "ADV" || t.pos[q] == "PART":
			continue
		case t.pos[q] == "ADP" || strings.EqualFold(t.form[q], "dead"):
			passive = true // "killed in attack", "shot dead in Aden"
		}
		break
	}
	return t.makeRoot(v, retag, passive, fake)
}

// makeRoot makes word v, which the parser hung inside a noun phrase, the root of a
// sentence that has no verbal root: the noun phrase just before it becomes its subject
// (a passive one when passive is set), the old root after it its object, and the noun
// phrases after it that hung on the subject its object and obliques. retag says that v
// was tagged no verb (the caller retags it, see Model.retagVerb); fake is a word tagged a
// finite verb that is none, retagged a noun, -1 if none. It reports false, changing
// nothing, when no noun phrase stands just before v.
func (t *tree) makeRoot(v int, retag, passive bool, fake int) bool {
	n := len(t.head)
	// The subject: the noun phrase just before the verb.
	subj := v - 1
	for subj >= 0 && t.punct[subj] {
		subj--
	}
	if subj < 0 || !t.nominal(subj) {
		return false
	}
	for range 4 {
		h := int(t.head[subj])
		if h < 0 || h >= v {
			break
		}
		switch t.dep[subj] {
		case "compound", "flat", "amod", "det", "nummod":
			subj = h
			continue
		}
		break
	}
	root, _ := t.root()
	// The subject is the whole noun phrase the old root heads when the noun before the
	// verb hangs in it: "Thousands of people protested in Paris", parsed as thousands
	// of people (who) protested, has "thousands" for its subject, not "people".
	if root >= 0 && root < subj && int(t.head[subj]) == root && t.dep[subj] == "nmod" && t.hasCase(subj) {
		subj = root
	}
	t.head[v], t.dep[v] = -1, "root"
	t.head[subj] = int32(v)
	if passive {
		t.dep[subj] = "nsubj:pass"
	} else {
		t.dep[subj] = "nsubj"
	}
	if retag {
		t.verb, t.passive = v, passive
	}
	t.noun = fake
	// Words before the subject that hung on a word after the verb are the subject's
	// ("Hong Kong" of "Hong Kong leader").
	for q := 0; q < subj; q++ {
		if int(t.head[q]) > v && t.nominal(q) {
			t.head[q], t.dep[q] = int32(subj), "compound"
		}
	}
	if root > v && root != subj {
		t.head[root], t.dep[root] = int32(v), "obj"
	}
	// Noun phrases after the verb that hung on the subject ("diplomats held talks", read
	// as "diplomats, held-talks") are the verb's: the first its object, those with a
	// preposition its obliques.
	hasObj := root > v && root != subj
	for q := v + 1; q < n; q++ {
		if h := int(t.head[q]); h < 0 || h != subj && h != root || !t.nominal(q) {
			continue
		}
		if int(t.head[q]) == root && hasObj && fake >= 0 {
			continue // the misread noun, now the object, keeps its own phrases ("withdrawal of extradition bill")
		}
		if t.hasCase(q) {
			t.head[q], t.dep[q] = int32(v), "obl"
		} else if !hasObj && !passive {
			t.head[q], t.dep[q] = int32(v), "obj"
			hasObj = true
		}
	}
	// Whatever still forms a cycle with the verb now hangs from the verb, and so does an
	// old root left before it: a sentence has one root.
	for i := range n {
		if i != v && t.cycles(i) {
			t.head[i] = int32(v)
		}
		if i != v && t.head[i] < 0 {
			t.head[i], t.dep[i] = int32(v), "dep"
		}
	}
	return true
}

// headlineVerb reads a headline's present tense in the base form after a plural
// subject, which the tagger took for an adverb, an adjective or a noun: "Hundreds rally
// in Nairobi" ("rally" an adverb by its -ly), "Students protest fee hikes in Accra"
// ("protest" an adjective). The sentence has no finite verb and no verbal root, as
// verbless asks; the word is a verb form (verbs.txt) in lower case (a word the truecase
// stage left capitalised in a title-case headline is a name: "Human Rights Watch"),
// neither in -s, -ed nor -ing, right after a plural noun and before more words.
func (t *tree) headlineVerb() bool {
	if !t.headline {
		return false
	}
	for i := range t.head {
		if finite(t.tag[i]) || t.head[i] < 0 && (t.pos[i] == "VERB" || t.pos[i] == "AUX") {
			return false
		}
	}
	v := t.baseVerb()
	if v < 0 {
		return false
	}
	if !t.makeRoot(v, true, false, -1) {
		return false
	}
	t.present = true
	return true
}

// baseVerb returns the first word of a headline that headlineVerb reads as a verb in the
// base form, -1 if none.
func (t *tree) baseVerb() int {
	if !t.headline {
		return -1
	}
	n := len(t.head)
	for i := 1; i+1 < n; i++ {
		switch t.pos[i] {
		case "ADV", "NOUN":
		case "ADJ":
			// an adjective after a subject takes no object: "Sanders ready to take a
			// stand", "Streets calm after protests"
			if !t.nominal(i+1) && t.pos[i+1] != "DET" && t.pos[i+1] != "NUM" {
				continue
			}
		default:
			continue
		}
		f := t.form[i]
		if (t.tag[i-1] != "NNS" && t.tag[i-1] != "NNPS") || t.punct[i+1] || f == "" || f[0] < 'a' || f[0] > 'z' ||
			hasSuffixFold(f, "s") || hasSuffixFold(f, "ed") || hasSuffixFold(f, "ing") || !verbForms.has(f) {
			continue
		}
		return i
	}
	return -1
}

// reducedPassive reads a headline's or caption's passive without its auxiliary whose
// participle the tagger took for a noun: "Reporter shot and killed by masked gunmen", with
// "shot" the root noun and "killed" its conjunct, or "Opposition leader beaten with
// baseball bat", "beaten" a noun modified by "leader". The participle is a verb form
// (verbs.txt) of a past participle's shape (in -ed or -en, or an irregular participle of
// irregular.txt that is not also its base form, as "cut" and "hit" are, which are nouns as
// often), in lower case, after a noun phrase; it becomes the root, a passive one, and the
// noun phrase its subject. It is read so before "and" and a past participle with a
// by-agent or, in a headline, a preposition after it ("shot and wounded in Kabul"), or,
// in a headline, before a preposition. The
// sentence has no finite verb and no verbal root, as verbless asks.
func (t *tree) reducedPassive() bool {
	n := len(t.head)
	for i := range n {
		if finite(t.tag[i]) || t.head[i] < 0 && (t.pos[i] == "VERB" || t.pos[i] == "AUX") {
			return false
		}
	}
	for v := 1; v+1 < n; v++ {
		if t.pos[v] != "NOUN" && t.pos[v] != "ADJ" || !t.nominal(v-1) || !isParticiple(t.form[v]) {
			continue
		}
		next := v + 1
		for next < n && (t.pos[next] == "ADV" || t.pos[next] == "PART") {
			next++
		}
		// "shot and killed by": the conjunct after "and" is a participle the tagger read
		if c := next + 1; c < n && t.pos[next] == "CCONJ" && int(t.head[c]) == v && t.dep[c] == "conj" && t.tag[c] == "VBN" {
			if t.child(c, "obl:agent") < 0 && !(t.headline && c+1 < n && t.pos[c+1] == "ADP") {
				continue
			}
		} else if !t.headline || next >= n || t.pos[next] != "ADP" {
			continue
		}
		return t.makeRoot(v, true, true, -1)
	}
	return false
}

// looseSubject gives a subjectless finite root verb the noun the parser hung elsewhere
// before it: in "The day before, mourners, spreading across several miles, chanted
// slogans" it reads "mourners" as a conjunct of "day". The subject is the nearest noun or
// pronoun before the verb, in the verb's own tree, with no preposition, attached loosely
// (conjunct, apposition, unclassified); a finite verb before it ends the search, as it
// starts another clause.
func (t *tree) looseSubject() bool {
	v, _ := t.root()
	if v < 0 || t.pos[v] != "VERB" || !finite(t.tag[v]) {
		return false
	}
	for i := range t.head {
		if int(t.head[i]) == v {
			switch d := t.dep[i]; {
			case strings.HasPrefix(d, "nsubj"), strings.HasPrefix(d, "csubj"), d == "expl":
				return false
			}
		}
	}
	for q := v - 1; q >= 0; q-- {
		if finite(t.tag[q]) {
			return false
		}
		if !t.nominal(q) {
			continue
		}
		switch t.dep[q] {
		case "conj", "appos", "dep", "list", "parataxis", "vocative":
		default:
			continue
		}
		if t.hasCase(q) || !t.inSubtree(q, v) {
			continue
		}
		t.head[q], t.dep[q] = int32(v), "nsubj"
		return true
	}
	return false
}

// relativeVerb re-reads a sentence whose root is a noun and whose past tense verb the
// parser hung on a noun as a reduced relative: "Thousands of protesters marched in Paris"
// as "thousands of protesters (who) marched". The verb becomes the root and the noun
// phrase before it its subject. A past participle ("Man arrested in Paris") stays, as does
// a verb whose noun has a preposition ("a gunman shot shoppers, with 25 others injured").
func (t *tree) relativeVerb() bool {
	root, only := t.root()
	if !only || t.pos[root] == "VERB" || t.pos[root] == "AUX" {
		return false
	}
	for v := range t.head {
		if t.tag[v] != "VBD" || t.dep[v] != "acl" {
			continue
		}
		n := int(t.head[v])
		if n < 0 || n > v || t.pos[n] != "NOUN" && t.pos[n] != "PROPN" {
			continue
		}
		// The subject is the whole noun phrase: "thousands" when the noun is its "of"
		// complement and it is the root.
		subj := n
		if h := int(t.head[n]); h == root && root < n && t.dep[n] == "nmod" {
			subj = root
		}
		// A noun after a preposition is no clause's subject: "with 25 others injured"
		// is an absolute phrase.
		if subj == n && t.hasCase(n) || t.child(v, "mark") >= 0 {
			continue
		}
		t.head[v], t.dep[v] = -1, "root"
		t.head[subj], t.dep[subj] = int32(v), "nsubj"
		// What hung on the old root after the verb (the final full stop) is the verb's.
		for i := v + 1; i < len(t.head); i++ {
			if int(t.head[i]) == root && root != subj {
				t.head[i] = int32(v)
			}
			if int(t.head[i]) == subj && subj == root && t.punct[i] {
				t.head[i] = int32(v)
			}
		}
		return true
	}
	return false
}

// twoSubjects reads a name that the parser made a second subject of the same verb, right
// after the first, as the first's apposition: "Soleimani's daughter Zeinab threatened"
// has one subject, the daughter, who is Zeinab.
func (t *tree) twoSubjects() bool {
	changed := false
	for i := 1; i < len(t.head); i++ {
		p := i - 1
		if t.pos[i] != "PROPN" || t.dep[i] != "nsubj" || t.dep[p] != "nsubj" {
			continue
		}
		if t.head[i] != t.head[p] || t.pos[p] != "NOUN" {
			continue
		}
		t.head[i], t.dep[i] = int32(p), "appos"
		changed = true
	}
	return changed
}

// nameSubject reads a name the parser made the subject of the noun right after it as
// that noun's compound: in "the United States government labeled" it hangs "States" on
// "government" as nsubj, which only a copular clause has ("he is a doctor", where the
// noun has its "is").
func (t *tree) nameSubject() bool {
	changed := false
	for i := 0; i+1 < len(t.head); i++ {
		h := int(t.head[i])
		if h != i+1 || t.dep[i] != "nsubj" || t.pos[i] != "PROPN" {
			continue
		}
		if p := t.pos[h]; p != "NOUN" && p != "PROPN" {
			continue
		}
		if t.child(h, "cop") < 0 {
			t.dep[i] = "compound"
			changed = true
		}
	}
	return changed
}

// reportBeforeVerb mends the commonest misparse of a report placed before its verb: in
// "Russia never invaded Georgia, the Kremlin said" the parser takes "Georgia" for the
// subject of "said" and "the Kremlin" for its conjunct. When a verb's subject sits
// between the verb and its clausal complement on the left, has a conjunct after a comma,
// and the complement has no object, the subject is the complement's object and the
// conjunct the verb's subject.
func (t *tree) reportBeforeVerb() bool {
	changed := false
	for v := range t.head {
		if t.pos[v] != "VERB" {
			continue
		}
		c, subj := -1, -1
		for i := 0; i < v; i++ {
			if int(t.head[i]) != v {
				continue
			}
			switch t.dep[i] {
			case "ccomp":
				c = i
			case "nsubj":
				subj = i
			}
		}
		if c < 0 || subj < c || t.pos[c] != "VERB" {
			continue
		}
		conj, comma, hasObj := -1, false, false
		for i := range t.head {
			switch {
			case int(t.head[i]) == subj && t.dep[i] == "conj" && i > subj && i < v:
				conj = i
			case int(t.head[i]) == c && t.dep[i] == "obj":
				hasObj = true
			}
			if i > subj && i < v && t.form[i] == "," {
				comma = true
			}
		}
		if conj < 0 || !comma || hasObj {
			continue
		}
		t.head[subj], t.dep[subj] = int32(c), "obj"
		t.head[conj], t.dep[conj] = int32(v), "nsubj"
		changed = true
	}
	return changed
}

// countObject reads a number that the parser hung on a verb as its numeric modifier as
// the verb's object, when the verb has none: "Bombs kill at least 20 at cathedral" (only
// nouns take numeric modifiers).
func (t *tree) countObject() bool {
	changed := false
	for i := range t.head {
		h := int(t.head[i])
		if h < 0 || h > i || t.dep[i] != "nummod" || t.pos[i] != "NUM" {
			continue
		}
		if t.objectless(h) && t.child(h, "ccomp") < 0 {
			t.dep[i] = "obj"
			changed = true
		}
	}
	return changed
}

// objectless reports whether word h is a verb without an object, which the object
// repairs may give one.
func (t *tree) objectless(h int) bool {
	return t.pos[h] == "VERB" && t.child(h, "obj") < 0
}

// agentObject reads a noun phrase that the labeller made a passive's agent (obl:agent)
// though no "by" introduces it as the verb's object: "Sanders criticized President Donald
// Trump", with "President" taken for the start of a by-less agent. Only where the verb has
// no object of its own.
func (t *tree) agentObject() bool {
	changed := false
	for i := range t.head {
		h := int(t.head[i])
		if h < 0 || t.dep[i] != "obl:agent" || t.child(i, "case") >= 0 || !t.objectless(h) {
			continue
		}
		t.dep[i] = "obj"
		changed = true
	}
	return changed
}

// thanObject reads a counted noun phrase after "more than", "less than" or "fewer than"
// that the parser hung on the verb as an oblique of "than" as the verb's object:
// "Madagascar expelled more than a dozen American diplomats", "Kenya deported fewer than
// ten refugees". Only for a counted phrase ("spent more than Uganda" compares), where the
// comparative follows the verb and the verb has no object.
func (t *tree) thanObject() bool {
	changed := false
	for i := range t.head {
		h := int(t.head[i])
		if h < 0 || i < h+3 || t.dep[i] != "obl" || !t.objectless(h) {
			continue
		}
		// the phrase opens right after the verb with the comparative and "than", however
		// the parser hung them (a case of the noun, or "than" fixed to the comparative)
		switch strings.ToLower(t.form[h+1]) {
		case "more", "less", "fewer":
		default:
			continue
		}
		if !strings.EqualFold(t.form[h+2], "than") || t.child(i, "nummod") < 0 && t.pos[i] != "NUM" {
			continue // a comparison, not a count: "spent more than Uganda"
		}
		t.dep[i] = "obj"
		changed = true
	}
	return changed
}

// gerundComplement reads a gerund with an object that the parser hung on a verb as an
// adjective as the verb's complement: "Iran admits downing Ukrainian jet" (a verb has no
// adjectival modifiers).
func (t *tree) gerundComplement() bool {
	changed := false
	for i := range t.head {
		h := int(t.head[i])
		if h < 0 || t.dep[i] != "amod" || t.pos[i] != "VERB" || t.pos[h] != "VERB" || !hasSuffixFold(t.form[i], "ing") {
			continue
		}
		if t.child(i, "obj") >= 0 {
			t.dep[i] = "xcomp"
			changed = true
		}
	}
	return changed
}

// obliqueRoot reads a sentence that opens with a prepositional phrase and a comma, and
// that the parser rooted in that phrase, with the clause after the comma as a relative
// clause of its noun: "According to al-Eryani, the rebels are backed by Iran" as
// al-Eryani (by whom) the rebels are backed. A noun with a preposition is no clause's
// head; when the root is one, and a verb with a subject of its own hangs on it after a
// comma as a clausal modifier and is a finite clause of its own (finiteClause), the verb
// is the root and the noun its oblique.
func (t *tree) obliqueRoot() bool {
	root, only := t.root()
	if !only || !t.nominal(root) || !t.hasCase(root) || t.hasSubject(root) || t.child(root, "cop") >= 0 {
		return false // a copula's predicate ("is above the law") has a preposition too
	}
	for v := root + 1; v < len(t.head); v++ {
		if int(t.head[v]) != root || t.pos[v] != "VERB" || !strings.HasPrefix(t.dep[v], "acl") || !t.finiteClause(v) {
			continue
		}
		// The comma closes the opening phrase: it lies before the verb's clause.
		comma := false
		for k := root + 1; k < v && !comma; k++ {
			comma = t.form[k] == "," && (int(t.head[k]) == v || !t.inSubtree(k, v))
		}
		if !comma {
			return false
		}
		t.head[v], t.dep[v] = -1, "root"
		t.head[root], t.dep[root] = int32(v), "obl"
		// What hung on the old root after the verb (the final full stop) is the verb's, as
		// is a comma before the verb.
		for k := range t.head {
			if int(t.head[k]) == root && (k > v || t.punct[k]) {
				t.head[k] = int32(v)
			}
		}
		return true
	}
	return false
}

// finiteClause reports whether verb v heads a finite clause of its own: it is finite or
// has a finite auxiliary, and it has a subject that is no relative pronoun ("Mr. Paulson,
// who made billions, told investors" is a relative clause, rightly).
func (t *tree) finiteClause(v int) bool {
	fin, subj := finite(t.tag[v]), false
	for k := range t.head {
		if int(t.head[k]) != v {
			continue
		}
		switch d := t.dep[k]; {
		case d == "aux" || d == "aux:pass":
			fin = fin || finite(t.tag[k])
		case strings.HasPrefix(d, "nsubj"):
			if t.tag[k] == "WP" || t.tag[k] == "WDT" {
				return false
			}
			subj = true
		}
	}
	return fin && subj
}

// subordinateClause reads an adverbial clause whose conjunction the parser took for a
// preposition as a clause: in "Police shoot teenage protester as Hong Kong demonstrations
// continue" it hangs "demonstrations" on "shoot" as an oblique with the case marker "as",
// and leaves "continue" without a subject, a conjunct of "shoot"; likewise "after the
// group took over", "as Turkey invades Syria's northeast". When a conjunction of
// subordinators.txt is the case marker of a noun phrase that runs up to a finite verb
// without a subject (or its auxiliary or copula), the noun phrase is that verb's subject,
// the conjunction its marker, and the verb an adverbial clause of the clause the noun
// phrase hung on, which must come before the conjunction (a clause that opens the sentence
// is reparseFronted's).
func (t *tree) subordinateClause() bool {
	changed := false
	n := len(t.head)
	for m := range n {
		if t.dep[m] != "case" || !isSubordinator(t.form[m]) {
			continue
		}
		np := int(t.head[m])
		if np <= m || !t.nominal(np) {
			continue
		}
		// "as many as 30 percent": a comparison, no clause.
		if m >= 2 && strings.EqualFold(t.form[m-2], "as") {
			continue
		}
		// The noun phrase is every word from the conjunction to the verb, with no
		// punctuation and no verb but a modifier, which would be signs of another reading
		// ("as a tool of big money interests ― it also draws", "serves as a major wake-up
		// call indicating just how frustrated average voters are").
		f := m + 1
		for f < n && t.inSubtree(f, np) && t.inPhrase(f) {
			f++
		}
		if f >= n || f <= np || t.inSubtree(f, np) || !finite(t.tag[f]) {
			continue
		}
		c := f // the clause's head: the verb, or what its auxiliary or copula serves
		switch {
		case t.pos[f] == "VERB":
		case t.pos[f] == "AUX" && int(t.head[f]) > f && (t.dep[f] == "aux" || t.dep[f] == "aux:pass" || t.dep[f] == "cop"):
			c = int(t.head[f])
		default:
			continue
		}
		if t.hasSubject(c) {
			continue
		}
		main := int(t.head[np])
		if main == c {
			main = int(t.head[c])
		}
		if main < 0 || main >= m {
			continue
		}
		switch t.pos[main] {
		case "VERB", "AUX", "ADJ":
		default:
			continue
		}
		hc, dc, hn, dn, hm, dm := t.head[c], t.dep[c], t.head[np], t.dep[np], t.head[m], t.dep[m]
		t.head[c], t.dep[c] = int32(main), "advcl"
		t.head[np], t.dep[np] = int32(c), "nsubj"
		if t.child(c, "aux:pass") >= 0 {
			t.dep[np] = "nsubj:pass"
		}
		t.head[m], t.dep[m] = int32(c), "mark"
		if t.cycles(c) || t.cycles(np) || t.cycles(main) {
			t.head[c], t.dep[c], t.head[np], t.dep[np], t.head[m], t.dep[m] = hc, dc, hn, dn, hm, dm
			continue
		}
		changed = true
	}
	return changed
}

// inPhrase reports whether word k may lie inside a noun phrase that subordinateClause
// reads as a clause's subject.
func (t *tree) inPhrase(k int) bool {
	switch {
	case t.punct[k]:
		return false
	case t.pos[k] == "VERB" || t.pos[k] == "AUX":
		return t.dep[k] == "amod" || t.dep[k] == "compound"
	}
	return true
}

// hasSubject reports whether word h has a subject (nominal or clausal) or an expletive.
func (t *tree) hasSubject(h int) bool {
	for k := range t.head {
		if int(t.head[k]) != h {
			continue
		}
		switch d := t.dep[k]; {
		case strings.HasPrefix(d, "nsubj"), strings.HasPrefix(d, "csubj"), d == "expl":
			return true
		}
	}
	return false
}

// possessor reads a word marked possessive ("'s", "'") that the parser hung elsewhere as
// the possessor of the noun phrase after it: in "Protesters' demands include the
// withdrawal of the bill", with "Protesters" tagged a name at the sentence's start, it
// makes "Protesters" a second subject of "include"; a possessive marker only marks a
// possessor. The noun phrase is the one that opens right after the marker.
func (t *tree) possessor() bool {
	changed := false
	n := len(t.head)
	for k := 1; k+1 < n; k++ {
		i := k - 1
		if t.tag[k] != "POS" || int(t.head[k]) != i || !t.nominal(i) {
			continue
		}
		if h := int(t.head[i]); t.dep[i] == "nmod:poss" && h >= 0 && t.nominal(h) {
			continue
		}
		// The possessed noun: the head of the phrase that opens after the marker.
		h := k + 1
		for range 6 {
			p := int(t.head[h])
			if p <= h || !inNounPhrase(t.dep[h]) {
				break
			}
			h = p
		}
		if !t.nominal(h) || t.hasCase(h) && !t.hasCase(i) {
			continue
		}
		if t.inSubtree(h, i) {
			// the possessed noun hung under its possessor: it takes the possessor's place
			t.head[h], t.dep[h] = t.head[i], t.dep[i]
		}
		t.head[i], t.dep[i] = int32(h), "nmod:poss"
		changed = true
	}
	return changed
}

// inNounPhrase reports whether a word with relation dep modifies a noun inside its phrase.
func inNounPhrase(dep string) bool {
	switch dep {
	case "det", "amod", "compound", "nummod", "nmod:poss", "flat":
		return true
	}
	return false
}

// finiteConjunct reads a verb with a finite auxiliary of its own that the parser
// conjoined to a verb without one as the conjunct of the nearest finite verb above: in
// "Lam also agreed to add two members to the council but did not accede to protesters'
// demands" it conjoins "accede" to "add", inside the complement of "agreed"; an
// infinitive or a participle has no conjunct with "did" ("agreed to add and (to)
// accede").
func (t *tree) finiteConjunct() bool {
	changed := false
	for c := range t.head {
		x := int(t.head[c])
		if x < 0 || x > c || t.dep[c] != "conj" || t.pos[c] != "VERB" || !t.finiteVerb(c) || t.pos[x] != "VERB" || t.finiteVerb(x) {
			continue
		}
		// Only a conjunct with its conjunction: one without ("seeking to quell any
		// controversy after the FBI closed out a probe") is another misparse.
		if t.child(c, "cc") < 0 {
			continue
		}
		a := x
		for steps := 0; a >= 0 && steps < 4 && !t.finiteVerb(a); steps++ {
			switch t.dep[a] {
			case "xcomp", "advcl", "ccomp":
				a = int(t.head[a])
				continue
			}
			a = -1
		}
		if a < 0 || !t.finiteVerb(a) || t.pos[a] != "VERB" {
			continue
		}
		t.head[c] = int32(a)
		changed = true
	}
	return changed
}

// finiteVerb reports whether word v is a finite verb or has a finite auxiliary or copula.
func (t *tree) finiteVerb(v int) bool {
	if finite(t.tag[v]) {
		return true
	}
	for k := 0; k < v; k++ {
		if int(t.head[k]) == v && finite(t.tag[k]) {
			switch t.dep[k] {
			case "aux", "aux:pass", "cop":
				return true
			}
		}
	}
	return false
}

// complementSubject reads the subject of a clause that complements a verb of saying or
// thinking without "that" (clauseverbs.txt) as the clause's subject: in "Some members of
// opposition parties have claimed violent protesters were sent by the government" the
// parser makes "protesters" the object of "claimed" and "were sent" a reduced relative,
// and in "police suspect the attackers had been exposed to radicalism" it makes
// "attackers" the object of "suspect". A finite clause with no subject of its own that
// hangs on the verb or on its object right after the object (nothing between them but
// the clause's own words) has the object for its subject, and is the verb's complement;
// a clause conjoined to the verb only when the object is a bare noun phrase, since
// "announce deal with Assad's government as Turkey invades Syria's northeast" is two
// clauses.
func (t *tree) complementSubject() bool {
	changed := false
	for v := range t.head {
		// A participle that modifies a noun leaves the finite verb after its object to
		// the noun: "a man claiming allegiance to ISIS gunned down 49 people".
		if t.pos[v] != "VERB" || !clauseVerbs.has(t.form[v]) || strings.HasPrefix(t.dep[v], "acl") {
			continue
		}
		o := t.child(v, "obj")
		if o < v || t.pos[o] == "PRON" && t.tag[o] != "PRP" {
			continue
		}
		end := o // the object's last word
		for k := o + 1; k < len(t.head) && t.inSubtree(k, o); k++ {
			end = k
		}
		for c := end + 1; c < len(t.head); c++ {
			h := int(t.head[c])
			if h != v && h != o || t.pos[c] != "VERB" && t.child(c, "cop") < 0 {
				continue
			}
			switch t.dep[c] {
			case "acl", "ccomp", "advcl", "dep":
			case "xcomp":
				// A small clause's participle is tagged a past tense as often ("found the
				// air strike justified"); a past tense with an object of its own is none
				// ("claiming some patients deceived him").
				if finite(t.tag[c]) && t.child(c, "obj") < 0 {
					continue
				}
			case "conj", "parataxis":
				// A clause of its own after an object with phrases of its own is
				// another clause with the same subject ("Kurds announce deal with
				// Assad's government as Turkey invades Syria's northeast"), as is a past
				// tense without an auxiliary ("denied the allegations, labeled them as
				// disinformation").
				if !t.bareNoun(o, end) || finite(t.tag[c]) {
					continue
				}
			default:
				continue
			}
			if !t.finiteVerb(c) || t.hasSubject(c) || t.child(c, "cc") >= 0 || t.child(c, "mark") >= 0 {
				continue
			}
			between := true
			for k := end + 1; k < c && between; k++ {
				between = t.inSubtree(k, c)
			}
			if !between {
				break
			}
			// A clause whose finite word is the sentence's only one is its main clause,
			// the verb of saying inside its subject: "The latest plan to stop Trump from
			// claiming the nomination is a classic Hail Mary play".
			if !t.finiteOutside(c) {
				break
			}
			t.head[c], t.dep[c] = int32(v), "ccomp"
			t.head[o], t.dep[o] = int32(c), "nsubj"
			if t.child(c, "aux:pass") >= 0 {
				t.dep[o] = "nsubj:pass"
			}
			changed = true
			break
		}
	}
	return changed
}

// finiteOutside reports whether the sentence has a finite word outside c's subtree.
func (t *tree) finiteOutside(c int) bool {
	for k := range t.head {
		if finite(t.tag[k]) && !t.inSubtree(k, c) {
			return true
		}
	}
	return false
}

// bareNoun reports whether the words of noun o's phrase, up to end, are only its
// determiners, modifiers, compounds, appositions and punctuation: no prepositional phrase
// and no clause.
func (t *tree) bareNoun(o, end int) bool {
	for k := range end + 1 {
		if k == o || !t.inSubtree(k, o) {
			continue
		}
		if !inNounPhrase(t.dep[k]) && !t.punct[k] && t.dep[k] != "appos" && t.dep[k] != "case" {
			return false
		}
		if t.dep[k] == "case" && t.tag[k] != "POS" {
			return false
		}
	}
	return true
}

// timeBetween reads a phrase of time between an auxiliary and its participle
// (timewords.txt) that the parser took for the predicate of a copula: "A car bomb was on
// Monday rammed into a military base" is rooted in "Monday", with "was" its copula and
// "rammed" a reduced relative; in "Two soldiers were on Friday wounded in an ambush",
// "wounded" is a past tense and "were" the copula of "Friday". When a time noun with a
// preposition has a copula and a past form right after it, the form is a passive
// participle, the root or the noun's head, the copula its passive auxiliary and the
// subject passive.
func (t *tree) timeBetween() bool {
	changed := false
	n := len(t.head)
	for r := 0; r+1 < n; r++ {
		v := r + 1
		if !t.nominal(r) || !timeWords.has(t.form[r]) || !t.hasCase(r) || t.pos[v] != "VERB" {
			continue
		}
		cop := t.child(r, "cop")
		if cop < 0 || cop > r {
			continue
		}
		switch {
		case t.head[r] < 0 && int(t.head[v]) == r && t.tag[v] == "VBN":
			// the time noun is the root, the participle its modifier
			t.head[v], t.dep[v] = -1, "root"
		case int(t.head[r]) == v && (t.tag[v] == "VBN" || t.tag[v] == "VBD"):
			// the time noun already hangs on the participle
		default:
			continue
		}
		for k := range n {
			if k == v || int(t.head[k]) != r {
				continue
			}
			switch d := t.dep[k]; {
			case k == cop:
				t.head[k], t.dep[k] = int32(v), "aux:pass"
			case d == "case" || d == "det" || d == "amod" || d == "compound" || d == "nummod":
			default:
				t.head[k] = int32(v)
			}
		}
		for k := range n {
			if int(t.head[k]) == v && t.dep[k] == "nsubj" {
				t.dep[k] = "nsubj:pass"
			}
		}
		t.head[r], t.dep[r] = int32(v), "obl"
		if t.tag[v] != "VBN" && t.verb < 0 {
			t.verb, t.passive = v, true
		}
		changed = true
	}
	return changed
}

// objectPredicate reads an adjective of judgement (predicatives.txt) that the parser made
// the head of a verb's object, its true object a compound before it, as the object's
// predicate: in "a jury found the officer guilty of murder" the object is "the officer"
// and "guilty (of murder)" what the jury found it. The words before the adjective that
// hung on it (the determiner, adjectives, the compound itself) go to the object.
func (t *tree) objectPredicate() bool {
	changed := false
	for g := range t.head {
		v := int(t.head[g])
		if v < 0 || t.dep[g] != "obj" || t.pos[v] != "VERB" || !predicatives.has(t.form[g]) || g == 0 {
			continue
		}
		o := g - 1
		if int(t.head[o]) != g || t.dep[o] != "compound" {
			continue
		}
		for k := range g {
			if int(t.head[k]) == g && k != o {
				t.head[k] = int32(o)
			}
		}
		t.head[o], t.dep[o] = int32(v), "obj"
		t.dep[g], t.adj = "xcomp", g
		changed = true
	}
	return changed
}

// wordList is a word list of this package's data files (words separated by spaces or
// lines, "#" comments), read at its first use and matched in any case.
type wordList func() map[string]bool

// newWordList returns the word list of text.
func newWordList(text string) wordList {
	return sync.OnceValue(func() map[string]bool {
		set := map[string]bool{}
		for l := range strings.SplitSeq(text, "\n") {
			if l = strings.TrimSpace(l); l == "" || l[0] == '#' {
				continue
			}
			for _, w := range strings.Fields(l) {
				set[w] = true
			}
		}
		return set
	})
}

// has reports whether word, in any case, is in the list.
func (l wordList) has(word string) bool { return l()[strings.ToLower(word)] }

// clauseverbs.txt lists the verbs that complementSubject reads, every form.
//
//go:embed clauseverbs.txt
var clauseVerbsTxt string

var clauseVerbs = newWordList(clauseVerbsTxt)

// timewords.txt lists the nouns of time that timeBetween reads.
//
//go:embed timewords.txt
var timeWordsTxt string

var timeWords = newWordList(timeWordsTxt)

// predicatives.txt lists the adjectives that objectPredicate reads.
//
//go:embed predicatives.txt
var predicativesTxt string

var predicatives = newWordList(predicativesTxt)

// subordinators.txt lists the conjunctions that subordinateClause reads.
//
//go:embed subordinators.txt
var subordinatorsTxt string

var subordinators = sync.OnceValue(func() []string {
	var words []string
	for l := range strings.SplitSeq(subordinatorsTxt, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			words = append(words, l)
		}
	}
	return words
})

// isSubordinator reports whether word, in any case, is a conjunction of subordinators.txt.
func isSubordinator(word string) bool {
	for _, s := range subordinators() {
		if strings.EqualFold(word, s) {
			return true
		}
	}
	return false
}

// verbs.txt lists English verb forms, one a line, lower case: every form of every verb of
// the Phoenix CAMEO 2.0 verb dictionary (package cameo), some 7,000. verbless asks it
// whether a word the tagger took for an adjective or noun can be a verb. That knowledge
// was the event coder's compiled dictionaries; syntax keeps its own copy as data, so that
// the repaired tree is the same whichever dictionaries a user loads (--dict, --dict-only)
// and syntax does not depend on the event coder. It leaves out the forms only tocsin.verbs
// adds, which the team edits often. TestVerbFormsFresh regenerates it (-update) and fails
// when it is stale.
//
//go:embed verbs.txt
var verbsTxt string

var verbForms = newWordList(verbsTxt)

// irregularParticiples are the past participles of irregular.txt that differ from their
// verb's base form ("shot", "beaten"; not "cut" or "hit"), lower case.
var irregularParticiples = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for l := range strings.SplitSeq(irregularVerbs, "\n") {
		f := strings.Fields(l)
		if len(f) != 3 || f[0][0] == '#' {
			continue
		}
		for p := range strings.SplitSeq(f[2], "/") {
			if p != f[0] {
				set[p] = true
			}
		}
	}
	return set
})

// isParticiple reports whether word, in lower case, is a verb form of verbs.txt shaped as
// a past participle: in -ed or -en, or an irregular participle (irregularParticiples).
func isParticiple(word string) bool {
	if word == "" || word[0] < 'a' || word[0] > 'z' || !verbForms.has(word) {
		return false
	}
	return strings.HasSuffix(word, "ed") || strings.HasSuffix(word, "en") || irregularParticiples()[word]
}

// retagVerb gives a word that a repair made a verb a verb's tags and lemma: a passive
// participle VBN, a present tense in the base form VBP, a form in -ed VBD, a form in -s
// VBZ, a past form the lemmatiser knows ("shot", lemma "shoot") VBD, any other VBP.
func (m *Model) retagVerb(form string, passive, present bool, buf []byte) (tag, lemma string, _ []byte) {
	switch {
	case passive:
		tag = "VBN"
	case present:
		tag = "VBP"
	case hasSuffixFold(form, "ed"):
		tag = "VBD"
	case hasSuffixFold(form, "s") && !hasSuffixFold(form, "ss"):
		tag = "VBZ"
	default:
		var past string
		past, buf = m.lemmas.lemma(form, "VBD", buf)
		if strings.EqualFold(past, form) {
			tag = "VBP"
		} else {
			tag = "VBD"
		}
	}
	lemma, buf = m.lemmas.lemma(form, tag, buf)
	return tag, lemma, buf
}

// trees are the repairs' scratch trees, pooled so that repairing allocates nothing but
// the names of the repairs of a repaired sentence.
var trees sync.Pool

func getTree() *tree {
	if t, ok := trees.Get().(*tree); ok {
		return t
	}
	return new(tree)
}

func putTree(t *tree) { trees.Put(t) }

// repairSentence repairs the tree of one sentence of d, the tokens [first, end), in place,
// and records the names of the repairs in rec when rec is not nil.
func (t *tree) repairSentence(m *Model, d *doc.Document, first, end int, rec *doc.Sentence) {
	toks := d.Tokens[first:end]
	// A sentence before the body is the headline; so is a line the truecase stage found
	// written in title case, the style of headlines, which drop auxiliaries as they do.
	headline := toks[0].Start < d.BodyStart || slices.ContainsFunc(toks, func(k doc.Token) bool { return k.Truecased != "" })
	t.fromTokens(toks, first, headline)
	if !t.repair() {
		if rec != nil {
			rec.Repairs = nil
		}
		return
	}
	for i := range toks {
		k := &toks[i]
		if t.head[i] < 0 {
			k.Head = -1
		} else {
			k.Head = first + int(t.head[i])
		}
		k.Dep = t.dep[i]
	}
	if v := t.verb; v >= 0 {
		k := &toks[v]
		k.POS = "VERB"
		k.Tag, k.Lemma, t.buf = m.retagVerb(k.Form(), t.passive, t.present, t.buf)
	}
	if q := t.noun; q >= 0 {
		toks[q].POS, toks[q].Tag = "NOUN", "NN"
	}
	if q := t.adj; q >= 0 {
		toks[q].POS, toks[q].Tag = "ADJ", "JJ"
	}
	if rec != nil {
		rec.Repairs = t.names()
	}
}

// repairWords repairs the tree of one sentence analysed by Analyze in place, as the stage
// does (a treebank's sentence is never a headline), and returns the names of the repairs
// that changed it.
func (m *Model) repairWords(out []Word) []string {
	if len(out) == 0 {
		return nil
	}
	t := getTree()
	defer putTree(t)
	t.reset(len(out), false)
	for i, o := range out {
		t.form[i], t.pos[i], t.tag[i], t.dep[i] = o.Form, o.POS, o.Tag, o.Dep
		t.head[i], t.punct[i] = int32(o.Head), o.POS == "PUNCT"
	}
	if !t.repair() {
		return nil
	}
	for i := range out {
		out[i].Head, out[i].Dep = int(t.head[i]), t.dep[i]
	}
	if v := t.verb; v >= 0 {
		out[v].POS = "VERB"
		out[v].Tag, out[v].Lemma, t.buf = m.retagVerb(out[v].Form, t.passive, t.present, t.buf)
	}
	if q := t.adj; q >= 0 {
		out[q].POS, out[q].Tag = "ADJ", "JJ"
	}
	return t.names()
}
