package event

import (
	"bufio"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tocsin-project/tocsin/cameo"
)

// The dictionaries are compiled into lookup tables: verbs by lemma and form, pattern words
// by a small integer id, synonym sets as lists of id sequences, actor and agent names by
// their first word. Matching then compares ids, not strings.

// wordTable numbers the words of the patterns. A word used as a stem ("ATTACK") and the
// same word used exactly ("CASE_") share an id; which use applies is recorded per
// element, so a token gets the ids of the words it equals and, separately, of the stems
// it begins with.
type wordTable struct {
	ids     map[string]int32 // lower-case word → id
	stems   map[string]int32 // lower-case stems used as stems → id
	stemLen [64]bool         // lengths of the stems, to probe only those
	n       int32
}

func (w *wordTable) id(word string, stem bool) int32 {
	word = strings.ToLower(word)
	id, ok := w.ids[word]
	if !ok {
		id = w.n
		w.n++
		w.ids[word] = id
	}
	if stem && len(word) > 3 && len(word) < len(w.stemLen) {
		w.stems[word] = id
		w.stemLen[len(word)] = true
	}
	return id
}

// alt is one alternative of a literal element: word ids that must match consecutive
// tokens; the last may be a stem.
type alt struct {
	ids      []int32
	lastStem bool
}

// elemKind mirrors cameo.ElemKind.
type celem struct {
	kind cameo.ElemKind
	alts []alt // ElemWord, ElemSet
	sub  []celem
}

// cpattern is a compiled pattern.
type cpattern struct {
	pre, post []celem
	code      cameo.Code
	lits      int // literal elements: the pattern's specificity
	// needPre and needPost are, for each word element the pattern's words before and
	// after the verb must match, the ids of which one at least must be among those
	// words for it to match (needs).
	needPre, needPost [][]int32
	order             int    // priority on ties: lower first (later dictionaries come first)
	rule              string // "CAMEO.2.0.txt: BLAME — * (OF TERRORISM) [1124]"
}

// cblock is a verb block with the patterns of every dictionary that defines it.
type cblock struct {
	name     string
	code     cameo.Code
	dict     string
	patterns []*cpattern
	// sourceless says whether any code of the block may be coded without a source
	// (classes.txt), so that verbs without a subject skip the others' patterns.
	sourceless bool
}

// verbRef is one dictionary entry for a verb word.
type verbRef struct {
	block     *cblock
	particles []string // lower case, for multi-word verbs
	code      cameo.Code
	entry     string // "CAMEO.2.0.txt: KILL" for rules
	rank      int    // dictionary rank: later dictionaries are higher
}

// ctransform is a compiled transformation.
type ctransform struct {
	t     cameo.Transform
	verbs map[string]bool // lemmas of the outer verb
	rule  string
}

// nameEntry is an actor or agent name: the words after the first, the code(s).
type nameEntry struct {
	rest   []string // lower case
	last   bool     // the last word may be a stem
	codes  []cameo.DatedCode
	agent  string
	prefix bool
	rule   string
}

// nounEntry is an event noun of nouns.txt.
type nounEntry struct {
	mods       []string // modifiers, lower case
	code       string   // CAMEO code, or "" with verb set or none
	verb       string   // =VERB: the verb whose patterns code the noun
	none       bool     // ---: the phrase names no event ("heart attack")
	possTarget bool
	targets    []string
	sources    []string
	// notBy names an agent set of classes.txt ("politicians") whose members' events
	// of this noun are no event of it (not-by=): a politician's rally is a campaign
	// event, not a demonstration.
	notBy string
	// standing: the noun's event, when the noun names its own source (a possessor or a
	// source preposition), was made whatever the verb above does with it ("did not
	// accede to the protesters' demands", "rejected Iran's request"): that verb's own
	// event, its negation or denial do not absorb it (standing).
	standing bool
	// with is a CAMEO root ("14") that another event of the noun's sentence must have for
	// the noun to name an event (with=): "violence" is a violent protest only told with a
	// protest ("violence broke out at a pro-Trump protest"), not "gun violence".
	with string
	rule string
}

// compiled is everything the stage matches against.
type compiled struct {
	words      wordTable
	sets       map[string][]alt
	verbs      map[string][]verbRef // lemma or form, lower case
	blocks     map[string]*cblock
	transforms []ctransform
	actors     map[string][]nameEntry // first word, lower case
	agents     map[string][]nameEntry
	discards   map[string][]nameEntry // first word; codes unused; agent "story" marks story level
	nouns      map[string][]nounEntry // head noun
	cues       map[string]cue
	classes    map[string]class // by CAMEO code or root
	armed      map[string]bool  // agent codes of armed forces (classes.txt)
	// agentSets are the named sets of agent codes of classes.txt ("armed", "attackers",
	// "fighters", "politicians").
	agentSets map[string]map[string]bool
	patterns  int
}

// cueID identifies one word list of cues.txt.
type cueID uint8

// cue is the set of word lists of cues.txt a word belongs to, a bit per cueID. One
// uint64 held only 64 lists; an array of them grows by one constant (cueLists) and
// stays a small value that extractor.cues caches per token. Call sites name list
// identifiers, x.cue(h).has(cueSpeech) or x.cue(h).hasAny(cueDeny, cueNegating): with a
// constant identifier has inlines to one AND on one word, as the single integer did, and
// hasAny inlines too, its arguments on the stack (no allocation). Sets that are passed
// on or kept in tables are built once with cueSet.
type cue [cueLists / 64]uint64

// cueLists is the number of lists a cue holds, a multiple of 64; raise it when cueCount
// outgrows it (the constant check below fails to compile until then).
const cueLists = 128

const _ uint = cueLists - uint(cueCount) // cueCount <= cueLists

// has reports whether list id is in c.
func (c cue) has(id cueID) bool { return c[id/64]&(1<<(id%64)) != 0 }

// hasAny reports whether any of the lists ids is in c.
func (c cue) hasAny(ids ...cueID) bool {
	for _, id := range ids {
		if c.has(id) {
			return true
		}
	}
	return false
}

// with returns c with list id added.
func (c cue) with(id cueID) cue {
	c[id/64] |= 1 << (id % 64)
	return c
}

// without returns c with list id removed.
func (c cue) without(id cueID) cue {
	c[id/64] &^= 1 << (id % 64)
	return c
}

// and returns the lists in both c and d.
func (c cue) and(d cue) cue {
	for i := range c {
		c[i] &= d[i]
	}
	return c
}

// meets reports whether c and d share a list.
func (c cue) meets(d cue) bool {
	for i := range c {
		if c[i]&d[i] != 0 {
			return true
		}
	}
	return false
}

// cueSet returns the set of the lists ids.
func cueSet(ids ...cueID) cue {
	var c cue
	for _, id := range ids {
		c = c.with(id)
	}
	return c
}

const (
	cueNegation cueID = iota
	cueFuture
	cueHypothetical
	cueConditional
	cueDeny
	cueNegating
	cueIntention
	cueObjectControl
	cueRelative
	cueTargetPrep
	cueAgentPrep
	cuePlacePrep
	cueAbsorbing
	cueRetaliation
	cueComplementMark
	cueSpokesperson
	cueAgentCode
	cueLocalAgent
	cuePeople
	cueParticipation
	cueArrival
	cueUndergo
	cueDescribe
	cuePraise
	cueBlame
	cueDefinite
	cueSpeech
	cueCondemn
	cueAccusation
	cueEntourage
	cueCommend
	cueAttempt
	cueAdmission
	cueNationals
	cueAllege
	cueContest
	cueVerbalForce
	cueMessage
	cueMeans
	cueDivision
	cueSent
	cuePair
	cueBoth
	cueAccident
	cueExperience
	cueOpinion
	cueAudience
	cueIndefinite
	cueUncertain
	cueMandative
	cueHazard
	cueDoneTo
	cueCulprit
	cueGuilt
	cueCollective
	cueProperty
	cueEnding
	cueInjury
	cueQuantity
	cueHappening
	cueSeries
	cueGear
	cueRivalry
	cueJudging
	cueCourt
	cueMarket
	cueDemanding
	cueAskedFor
	cueContribution

	cueCount // the number of lists; not a list
)

// cueNames are the lists by their headings in cues.txt.
var cueNames = map[string]cueID{
	"negation": cueNegation, "future": cueFuture, "hypothetical": cueHypothetical,
	"conditional": cueConditional, "deny": cueDeny, "negating": cueNegating,
	"intention": cueIntention, "object-control": cueObjectControl, "relative": cueRelative,
	"target-prep": cueTargetPrep, "agent-prep": cueAgentPrep, "place-prep": cuePlacePrep,
	"absorbing-noun": cueAbsorbing, "retaliation": cueRetaliation, "agent-code": cueAgentCode, "local-agent": cueLocalAgent,
	"people": cuePeople, "participation": cueParticipation, "arrival": cueArrival, "undergo": cueUndergo, "describe": cueDescribe, "praise": cuePraise, "blame": cueBlame, "definite": cueDefinite,
	"speech": cueSpeech, "condemn": cueCondemn, "accusation": cueAccusation, "entourage": cueEntourage, "commend": cueCommend, "attempt": cueAttempt, "admission": cueAdmission, "nationals": cueNationals, "allege": cueAllege, "contest": cueContest, "verbal-force": cueVerbalForce, "message": cueMessage, "means": cueMeans, "division": cueDivision, "sent": cueSent, "pair": cuePair, "both": cueBoth, "accident": cueAccident, "experience": cueExperience, "opinion": cueOpinion, "audience": cueAudience, "indefinite": cueIndefinite, "uncertain": cueUncertain, "mandative": cueMandative, "hazard": cueHazard, "done-to": cueDoneTo, "culprit": cueCulprit, "guilt": cueGuilt, "collective": cueCollective, "property": cueProperty, "ending": cueEnding, "injury": cueInjury, "quantity": cueQuantity, "happening": cueHappening, "series": cueSeries, "gear": cueGear, "rivalry": cueRivalry, "contribution": cueContribution, "judging": cueJudging, "court": cueCourt,
	"complement-mark": cueComplementMark, "spokesperson": cueSpokesperson, "market": cueMarket, "demanding": cueDemanding, "asked-for": cueAskedFor,
}

// sourceless reports whether an event of class cl may be coded without a source, for
// candidate c, passive or received or neither: a class whose unnamed source is known
// (source-agent) may always.
func (cl class) sourceless(c *cand) bool {
	return cl.sourceOptional || cl.sourcePassive && c.passive || cl.sourceReceived && c.received || cl.sourceAgent != ""
}

func compile(dicts []*cameo.Dictionary) (*compiled, error) {
	c := &compiled{
		words:    wordTable{ids: map[string]int32{}, stems: map[string]int32{}},
		sets:     map[string][]alt{},
		verbs:    map[string][]verbRef{},
		blocks:   map[string]*cblock{},
		actors:   map[string][]nameEntry{},
		agents:   map[string][]nameEntry{},
		discards: map[string][]nameEntry{},
		nouns:    map[string][]nounEntry{},
	}
	// Synonym sets first: patterns of any file may use sets of any other.
	for _, d := range dicts {
		for name, phrases := range d.Synsets {
			for _, p := range phrases {
				c.sets[name] = append(c.sets[name], c.phraseAlts(p)...)
			}
		}
	}
	order := 0
	for rank := len(dicts) - 1; rank >= 0; rank-- { // later dictionaries' patterns first
		d := dicts[rank]
		name := filepath.Base(d.Name)
		switch d.Kind {
		case cameo.Verbs:
			for _, b := range d.Blocks {
				cb := c.blocks[b.Name]
				if cb == nil {
					cb = &cblock{name: b.Name, code: b.Code, dict: d.Name}
					c.blocks[b.Name] = cb
				} else if cb.code.IsZero() || cb.code.Null && !b.Code.Null {
					cb.code = b.Code
				}
				for _, p := range b.Patterns {
					cp, err := c.pattern(p)
					if err != "" {
						return nil, fmt.Errorf("%s:%d: %s", d.Name, p.Line, err)
					}
					cp.order = order
					order++
					cp.rule = fmt.Sprintf("%s: %s — %s %s", name, b.Name, p.Text, p.Code)
					cb.patterns = append(cb.patterns, cp)
					c.patterns++
				}
			}
		case cameo.Actors:
			for _, a := range d.Actors {
				for _, n := range a.Names {
					c.addName(c.actors, n, nameEntry{codes: a.Codes, rule: fmt.Sprintf("%s:%d", name, a.Line)})
				}
			}
		case cameo.Agents:
			for _, a := range d.Agents {
				for _, n := range a.Names {
					c.addName(c.agents, n, nameEntry{agent: a.Code, prefix: a.Prefix, rule: fmt.Sprintf("%s:%d", name, a.Line)})
				}
			}
		case cameo.Discards:
			for _, x := range d.Discards {
				if !x.Story && datedDiscard(x.Phrase) {
					continue
				}
				e := nameEntry{rule: fmt.Sprintf("%s:%d", name, x.Line)}
				if x.Story {
					e.agent = "story"
				}
				c.addName(c.discards, x.Phrase, e)
			}
		}
	}
	// Verbs: every dictionary's entries, later dictionaries ranked higher.
	for rank, d := range dicts {
		if d.Kind != cameo.Verbs {
			continue
		}
		for _, b := range d.Blocks {
			cb := c.blocks[b.Name]
			for _, v := range b.Verbs {
				ref := verbRef{block: cb, code: v.Code, rank: rank, entry: filepath.Base(d.Name) + ": " + b.Name}
				for _, p := range v.Words[1:] {
					ref.particles = append(ref.particles, strings.ToLower(p))
				}
				keys := append([]string{v.Words[0]}, v.Forms...)
				for _, k := range keys {
					k = strings.ToLower(k)
					c.verbs[k] = append(c.verbs[k], ref)
				}
			}
		}
		for _, t := range d.Transforms {
			ct := ctransform{t: t, verbs: map[string]bool{}, rule: filepath.Base(d.Name) + ": " + t.Text}
			for _, v := range strings.Split(t.Verb, "|") { // tocsin's extension: PLAN|INTEND
				ct.verbs[strings.ToLower(v)] = true
			}
			c.transforms = append(c.transforms, ct)
		}
	}
	// Transformations: the most specific class first (a longer code prefix, then a named
	// class or block, then Q), in file order otherwise.
	sort.SliceStable(c.transforms, func(i, j int) bool {
		return classRank(c.transforms[i].t.Class) > classRank(c.transforms[j].t.Class)
	})
	// Within one key, entries of later dictionaries come first, each dictionary's in
	// file order.
	for k, refs := range c.verbs {
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].rank > refs[j].rank })
		c.verbs[k] = dedupeRefs(refs)
	}
	return c, nil
}

// classRank orders transformation classes by specificity: a code prefix by its length
// (2 to 4), a named class or block 2, Q 0.
func classRank(class string) int {
	switch {
	case class == "Q":
		return 0
	case class != "" && strings.Trim(class, "0123456789") == "":
		return len(class)
	}
	return 2
}

// dedupeRefs drops repeated entries of a word in one block (a verb listed with and
// without its forms, say).
func dedupeRefs(refs []verbRef) []verbRef {
	out := refs[:0]
	for _, r := range refs {
		dup := false
		for _, o := range out {
			if o.block == r.block && strings.Join(o.particles, " ") == strings.Join(r.particles, " ") && o.code == r.code {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

func (c *compiled) addName(m map[string][]nameEntry, p cameo.Phrase, e nameEntry) {
	if len(p) == 0 {
		return
	}
	words := make([]string, len(p))
	for i, w := range p {
		words[i] = strings.ToLower(w.Text)
	}
	e.rest = words[1:]
	e.last = !p[len(p)-1].Exact
	m[words[0]] = append(m[words[0]], e)
}

// phraseAlts compiles a phrase (with "/" alternatives on single words) into alternatives.
func (c *compiled) phraseAlts(p cameo.Phrase) []alt {
	if len(p) == 1 && len(p[0].Alt) > 0 {
		out := make([]alt, len(p[0].Alt))
		for i, a := range p[0].Alt {
			out[i] = alt{ids: []int32{c.words.id(a, !p[0].Exact)}, lastStem: !p[0].Exact}
		}
		return out
	}
	a := alt{ids: make([]int32, len(p)), lastStem: !p[len(p)-1].Exact}
	for i, w := range p {
		a.ids[i] = c.words.id(w.Text, i == len(p)-1 && !w.Exact)
	}
	return []alt{a}
}

func (c *compiled) pattern(p cameo.Pattern) (*cpattern, string) {
	cp := &cpattern{code: p.Code}
	var err string
	if cp.pre, err = c.elems(p.Pre, &cp.lits); err != "" {
		return nil, err
	}
	if cp.post, err = c.elems(p.Post, &cp.lits); err != "" {
		return nil, err
	}
	cp.needPre, cp.needPost = needs(cp.pre, nil), needs(cp.post, nil)
	return cp, ""
}

// needs appends to out, for each word or set element of es and of their phrases, the
// first ids of its alternatives: an element matches only where one of its alternatives'
// words begins, so a sequence holding none of them cannot match es. An undefined set,
// with no alternatives, needs what no sequence holds.
func needs(es []celem, out [][]int32) [][]int32 {
	for _, e := range es {
		switch e.kind {
		case cameo.ElemWord, cameo.ElemSet:
			first := make([]int32, 0, len(e.alts))
			for _, a := range e.alts {
				first = append(first, a.ids[0])
			}
			out = append(out, first)
		case cameo.ElemPrep, cameo.ElemNP:
			out = needs(e.sub, out)
		}
	}
	return out
}

func (c *compiled) elems(es []cameo.Elem, lits *int) ([]celem, string) {
	out := make([]celem, 0, len(es))
	for _, e := range es {
		ce := celem{kind: e.Kind}
		switch e.Kind {
		case cameo.ElemWord:
			ce.alts = c.phraseAlts(e.Phrase)
			*lits += len(e.Phrase)
		case cameo.ElemSet:
			alts, ok := c.sets[e.Set]
			if !ok {
				// PETRARCH ignores an undefined set; so does tocsin, by never matching it.
				alts = nil
			}
			ce.alts = alts
			*lits++
		case cameo.ElemPrep, cameo.ElemNP:
			sub, err := c.elems(e.Sub, lits)
			if err != "" {
				return nil, err
			}
			ce.sub = sub
		}
		out = append(out, ce)
	}
	return out, ""
}

// dataLines calls each with the number and text of every line of one of the stage's data
// files that holds something once its "#" comment and surrounding space are removed; an
// error each returns is given the file's name and the line's number.
func dataLines(name, src string, each func(n int, line string) error) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := each(n, line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// loadCues reads cues.txt.
func loadCues(src string) (map[string]cue, error) {
	m := map[string]cue{}
	cur, heading := cueID(0), false
	err := dataLines("cues.txt", src, func(_ int, line string) error {
		if line[0] == '[' {
			id, ok := cueNames[strings.Trim(line, "[]")]
			if !ok {
				return fmt.Errorf("unknown heading %s", line)
			}
			cur, heading = id, true
			return nil
		}
		if !heading {
			return errors.New("words before a heading")
		}
		for _, w := range strings.Fields(line) {
			m[w] = m[w].with(cur)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// loadNouns reads nouns.txt.
func loadNouns(src string, c *compiled) error {
	err := dataLines("nouns.txt", src, func(n int, line string) error {
		phrase, rest, ok := strings.Cut(line, ":")
		f := strings.Fields(rest)
		words := strings.Fields(strings.ToLower(phrase))
		if !ok || len(f) == 0 || len(words) == 0 {
			return errors.New("want PHRASE: CODE [options]")
		}
		e := nounEntry{mods: words[:len(words)-1], sources: []string{"by"}, rule: fmt.Sprintf("nouns.txt:%d: %s", n, line)}
		if f[0] == "---" {
			e.none = true
		} else if strings.HasPrefix(f[0], "=") {
			e.verb = strings.ToLower(f[0][1:])
			if _, ok := c.verbs[e.verb]; !ok {
				return nil // the verb dictionaries in use (--dict-only) lack it
			}
		} else {
			if _, ok := cameo.Lookup(f[0]); !ok {
				return fmt.Errorf("%q is not a CAMEO code", f[0])
			}
			e.code = f[0]
		}
		for _, o := range f[1:] {
			k, v, _ := strings.Cut(o, "=")
			switch k {
			case "poss":
				e.possTarget = v == "target"
			case "target":
				e.targets = strings.Split(v, ",")
			case "source":
				e.sources = strings.Split(v, ",")
			case "not-by":
				if !agentSetNames[v] {
					return fmt.Errorf("not-by=%s: no such agent set in classes.txt", v)
				}
				e.notBy = v
			case "standing":
				e.standing = true
			case "with":
				if _, ok := cameo.Lookup(v); !ok || len(v) != 2 {
					return fmt.Errorf("with=%s: not a CAMEO root", v)
				}
				e.with = v
			default:
				return fmt.Errorf("unknown option %q", o)
			}
		}
		head := words[len(words)-1]
		c.nouns[head] = append(c.nouns[head], e)
		return nil
	})
	if err != nil {
		return err
	}
	// Longest phrases first.
	for h, es := range c.nouns {
		for i := 1; i < len(es); i++ {
			for j := i; j > 0 && len(es[j].mods) > len(es[j-1].mods); j-- {
				es[j], es[j-1] = es[j-1], es[j]
			}
		}
		c.nouns[h] = es
	}
	return nil
}

// class is what an event of one CAMEO code, or of every code under it, needs (classes.txt).
type class struct {
	sourceOptional, targetOptional bool
	// The target rules (target.go) each class uses: "from" introduces the target
	// (targetFrom: requests, retreats, demands); a show of force faces the place after
	// "near", "along" or "around", and its object is the force (targetNear); the actor may
	// be reached through an "of" phrase (targetOf: force and violence); a judgement is
	// passed on the agent of the act judged (targetJudged); a request, demand or threat
	// without an object is aimed at the subject of what it asks (targetAsked); an attack
	// on a thing strikes the country where it stood (targetStruck).
	targetFrom, targetNear, targetOf, targetJudged, targetAsked, targetStruck bool
	// venue: a phrase with "at", and a news outlet after any preposition, say where
	// the words were said or printed, not whom they concern (venue: "spoke at the
	// Fair Immigration Reform Movement", "said on CNN").
	venue bool
	// objectActor: the event is done to people, so a verb whose object (or passive
	// subject) is a thing no dictionary codes codes none ("released a statement").
	objectActor bool
	// sameCode lets two different named persons or organisations with the same code do
	// the event to one another (same-code): acts of words and politics, which two people
	// of one government or party do as often as two countries.
	sameCode bool
	// sourcePassive lets the source be unknown only where the text leaves it unsaid, in
	// a passive without a by-agent (source=passive): "Chirac was convicted of
	// corruption" (by a court), "Qawi was accused of inciting the murder".
	sourcePassive bool
	// sourceReceived lets the source be unknown where an event noun tells what its
	// target received, which leaves the doer unsaid as a passive does (source=received):
	// "she received death threats".
	sourceReceived bool
	// sourceDoer lets the source be unknown only where the text names a doer it does not
	// code (source=doer): not in a passive without a by-agent, nor when the subject is a
	// thing ("was forced to resign", "a complaint has forced China to stop"), where the
	// event is a circumstance, no act of an actor.
	sourceDoer bool
	// subjectActs makes the subject of a passive without a by-agent the source
	// (source=subject): forces that "were placed on high alert" or "were deployed"
	// show their own force, whoever ordered it.
	subjectActs bool
	// fellowCountry lets an agent with no country take its fellow agent's, when the
	// places gave that one its country (fellow-country): "Police detained dozens" after a
	// sentence on Belgrade detained Serbians.
	fellowCountry bool
	// sourceAgent is the agent code of an unnamed source ("CVL" for protests): the
	// country comes from the places, as for any agent without one.
	sourceAgent string
	// courtAgent is the agent code of an unnamed source when a word of a court's acts
	// (cues.txt [court]) codes the event (court-agent=): "he was sentenced to life", "was
	// given a suspended sentence", "charges were filed against the officers" are the
	// judiciary's, where an unnamed arrest is the police's (source-agent=).
	courtAgent string
	// people is the agent that generic people ("three people", "a man", PPL) are read
	// as in an event of this class: "a stabbing killed three people" strikes civilians
	// (CVL), who then take the country of the place like any agent without one.
	people string
	// sourcePeople is the agent that one generic person is read as when he or she does
	// the event (source-people=): "a man stabbed four people" is an assault by a criminal
	// (CRM) on civilians, as the coders code "a gunman", while a crowd that throws stones
	// stays people.
	sourcePeople string
	// victim is the agent that a person named with no code is read as when the event is
	// done to him or her (victim=): "Baloch was murdered" strikes a civilian (CVL) of the
	// place, as the coders code a victim they know nothing more of.
	victim string
	// irregular is the code of the same act done by no armed force (CAMEO 18 rather
	// than 19): a killing by an unknown or unnamed attacker, a gunman, the police.
	irregular string
	// recodes recode an event of the class by who does it to whom (recode=), the first
	// that applies.
	recodes []recode
	// pledge is the intent code (03) that a future event of the class is (pledge=):
	// "Japan will provide aid" states Japan's intent to provide aid (033), now.
	pledge string
}

// recode is one recode= option of classes.txt: an event whose source has agent source
// and whose target has agent target ("*" any; person: the target is a named person)
// takes code.
type recode struct {
	source, target string
	person         bool
	code           string
}

// parseRecode reads "SOURCE>TARGET:CODE" ("COP>CVL:175", "*>+GOV:186").
func parseRecode(v string) (recode, error) {
	who, code, ok := strings.Cut(v, ":")
	src, tgt, ok2 := strings.Cut(who, ">")
	if !ok || !ok2 || src == "" || tgt == "" {
		return recode{}, fmt.Errorf("recode=%s: want SOURCE>TARGET:CODE", v)
	}
	if _, known := cameo.Lookup(code); !known {
		return recode{}, fmt.Errorf("recode=%s: %s is not a CAMEO code", v, code)
	}
	r := recode{source: src, code: code}
	r.target, r.person = strings.CutPrefix(tgt, "+")
	return r, nil
}

// loadClasses reads classes.txt into a table indexed by code: a root ("14") or a longer
// code ("173"), which inherits its root's options unless it sets its own.
func loadClasses(src string) (map[string]class, map[string]map[string]bool, error) {
	t := map[string]class{}
	sets := map[string]map[string]bool{}
	err := dataLines("classes.txt", src, func(_ int, line string) error {
		code, rest, ok := strings.Cut(line, ":")
		if agentSetNames[code] {
			set := map[string]bool{}
			for _, a := range strings.Fields(rest) {
				set[a] = true
			}
			sets[code] = set
			return nil
		}
		root := len(code) == 2 && code >= "01" && code <= "20"
		if _, known := cameo.Lookup(code); !ok || !known && !root {
			return errors.New("want CODE: [options] with a CAMEO code or root")
		}
		cl := t[code[:2]] // a longer code starts from its root's options
		for _, o := range strings.Fields(rest) {
			switch k, v, _ := strings.Cut(o, "="); {
			case o == "source=optional":
				cl.sourceOptional = true
			case o == "source=passive":
				cl.sourcePassive = true
			case o == "source=received":
				cl.sourceReceived = true
			case o == "source=doer":
				cl.sourceDoer = true
			case o == "source=subject":
				cl.subjectActs = true
			case o == "fellow-country":
				cl.fellowCountry = true
			case o == "same-code":
				cl.sameCode = true
			case o == "target-from":
				cl.targetFrom = true
			case o == "target-near":
				cl.targetNear = true
			case o == "target-of":
				cl.targetOf = true
			case o == "target-judged":
				cl.targetJudged = true
			case o == "target-asked":
				cl.targetAsked = true
			case o == "target-struck":
				cl.targetStruck = true
			case o == "venue":
				cl.venue = true
			case o == "target=optional":
				cl.targetOptional = true
			case o == "target=required":
				cl.targetOptional = false
			case o == "object=actor":
				cl.objectActor = true
			case k == "source-agent" && v != "":
				cl.sourceAgent = v
			case k == "court-agent" && v != "":
				cl.courtAgent = v
			case k == "people" && v != "":
				cl.people = v
			case k == "source-people" && v != "":
				cl.sourcePeople = v
			case k == "victim" && v != "":
				cl.victim = v
			case k == "irregular":
				if _, ok := cameo.Lookup(v); !ok {
					return fmt.Errorf("irregular=%s is not a CAMEO code", v)
				}
				cl.irregular = v
			case k == "pledge":
				if _, ok := cameo.Lookup(v); !ok || !strings.HasPrefix(v, "03") {
					return fmt.Errorf("pledge=%s is not a CAMEO code of intent (03)", v)
				}
				cl.pledge = v
			case k == "recode":
				r, err := parseRecode(v)
				if err != nil {
					return err
				}
				cl.recodes = append(cl.recodes[:len(cl.recodes):len(cl.recodes)], r)
			default:
				return fmt.Errorf("unknown option %q", o)
			}
		}
		t[code] = cl
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return t, sets, nil
}

// agentSetNames are the sets of agent codes classes.txt names; a set it leaves out is
// empty.
var agentSetNames = map[string]bool{"armed": true, "attackers": true, "fighters": true, "politicians": true, "envoys": true, "forces": true, "candidates": true, "campaigners": true}

// classOf returns the class of a CAMEO code: its own entry, else its root's.
func (c *compiled) classOf(code string) class {
	for n := len(code); n >= 2; n-- {
		if cl, ok := c.classes[code[:n]]; ok {
			return cl
		}
	}
	return class{}
}

// regular reports whether an actor code is a state or an armed force (classes.txt,
// armed), whose violence is CAMEO 19, not 18: a country alone, an international
// organisation, or a code whose agent is an armed one.
func (c *compiled) regular(code string) bool {
	switch {
	case code == "":
		return false
	case len(code) == 3 || strings.HasPrefix(code, "IGO"):
		return true
	}
	return c.armed[code[3:min(6, len(code))]]
}

// markSourceless sets each block's sourceless flag from the classes.
func (c *compiled) markSourceless() {
	ok := func(code cameo.Code) bool {
		f, r := c.classOf(code.Forward), c.classOf(code.Reverse)
		return f.sourceOptional || f.sourcePassive || f.subjectActs || r.sourceOptional || r.sourcePassive || r.subjectActs
	}
	for _, b := range c.blocks {
		b.sourceless = ok(b.code)
		for _, p := range b.patterns {
			b.sourceless = b.sourceless || ok(p.code)
		}
	}
}

// addLearned adds the learned triggers (learned.txt) that the dictionaries lack: a verb
// becomes a block of its own with the learned code and no patterns, coded with its
// subject and object like any verb; a noun an event noun whose target follows "on" or
// "against". Dictionary entries always win: a word they know is not taken from here.
func (c *compiled) addLearned(src string) error {
	return dataLines("learned.txt", src, func(n int, line string) error {
		f := strings.Fields(line)
		if len(f) != 5 {
			return errors.New("want LEMMA POS CODE SCORE LABEL")
		}
		lemma, pos, code := f[0], f[1], f[2]
		if _, ok := cameo.Lookup(code); !ok {
			return fmt.Errorf("%q is not a CAMEO code", code)
		}
		rule := fmt.Sprintf("learned.txt:%d: %s %s %s (%s, z %s)", n, lemma, pos, code, f[4], f[3])
		switch pos {
		case "VERB":
			if len(c.verbs[lemma]) == 0 {
				b := &cblock{name: strings.ToUpper(lemma), code: cameo.Code{Forward: code}, dict: "learned.txt"}
				c.verbs[lemma] = []verbRef{{block: b, code: b.code, entry: rule}}
			}
		case "NOUN":
			if len(c.nouns[lemma]) == 0 {
				c.nouns[lemma] = []nounEntry{{code: code, targets: []string{"on", "against"}, sources: []string{"by"}, rule: rule}}
			}
		default:
			return fmt.Errorf("POS %q is neither VERB nor NOUN", pos)
		}
		return nil
	})
}

// datedDiscard reports whether a sentence discard only marks the sentence as telling of
// the past: a year ("2007"), "years ago", "months later". PETRARCH drops such sentences
// so as not to code old events as new; tocsin dates every event (the dates stage resolves
// "in 2007", "two years ago"), so it codes them with their own date instead: "In 2015,
// Saudi Arabia started supporting the government" is an event of 2015.
func datedDiscard(p cameo.Phrase) bool {
	switch len(p) {
	case 1:
		w := p[0].Text
		if len(w) != 4 {
			return false
		}
		for _, r := range w {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	case 2:
		unit, rel := strings.ToUpper(p[0].Text), strings.ToUpper(p[1].Text)
		return (unit == "YEARS" || unit == "MONTHS" || unit == "WEEKS" || unit == "DAYS") && (rel == "AGO" || rel == "LATER" || rel == "EARLIER")
	}
	return false
}
