package event

import "strings"

// The target of a verb's event is found by an ordered table of named rules (targetRules):
// each rule looks in one place of the clause; the first that finds a coded actor wins, and
// its name goes into the event's rule ("target IRN (object: entity Iran)"). A rule may
// also end the search, leaving the fallback: an agent with no country of its own ("the
// police") that an earlier rule found and set aside, to be completed from the places
// later. Which rules apply to an event depends on its CAMEO class, read from classes.txt
// (target-from, target-near, target-of, target-judged, target-asked, target-struck), not
// from literals here.

// targetQuery is the state of one search for a verb's target.
type targetQuery struct {
	v, tgt   int // the verb; the target a pattern or a passive gave, -1 none
	passive  bool
	cl       class
	objs     []int      // the verb's objects, once the object rule has run
	fallback []actorArg // the first agent-only actor found, taken when nothing better is
	done     bool       // a rule ended the search: the fallback, if any, is the target
	none     bool       // a rule ended the search with no target at all
}

// targetRule is one named way of finding the target.
type targetRule struct {
	name string
	find func(x *extractor, q *targetQuery) []actorArg
}

// targetRules are tried in order.
var targetRules = []targetRule{
	{"judged", (*extractor).targetJudged},
	{"given", (*extractor).targetGiven},
	{"object", (*extractor).targetObject},
	{"preposition", (*extractor).targetPreposition},
	{"place-near", (*extractor).targetNear},
	{"object-complement", (*extractor).targetObjectComplement},
	{"asked", (*extractor).targetAsked},
	{"struck-place", (*extractor).targetStruck},
}

// targetArgs finds the target of verb v's event, of class cl; tgt is the head a pattern
// or a passive gave, -1 none.
func (x *extractor) targetArgs(v, tgt int, passive bool, cl class) []actorArg {
	q := targetQuery{v: v, tgt: tgt, passive: passive, cl: cl}
	for _, r := range targetRules {
		if a := r.find(x, &q); len(a) > 0 {
			return byRule(a, r.name)
		}
		if q.none {
			return nil
		}
		if q.done {
			break
		}
	}
	return byRule(q.fallback, "fallback")
}

// byRule records in each actor the name of the target rule that found it.
func byRule(a []actorArg, rule string) []actorArg {
	for i := range a {
		a[i].rule = rule
	}
	return a
}

// take returns actors a found at token h, unless they are only an agent with no country
// ("the police") or a generic marker, which it keeps as the fallback instead.
func (x *extractor) take(q *targetQuery, a []actorArg, h int) []actorArg {
	if len(a) == 0 {
		return nil
	}
	if strings.HasPrefix(a[0].code, "---") || x.agentOnly(a[0].code) {
		if q.fallback == nil && !x.ownedByPronoun(h) {
			q.fallback = a
		}
		return nil
	}
	return a
}

// targetJudged: what a judgement is passed on is the agent of the act judged
// ("condemned Iran's attack on Israel": Iran), for the classes with target-judged.
func (x *extractor) targetJudged(q *targetQuery) []actorArg {
	if !q.cl.targetJudged {
		return nil
	}
	if q.tgt >= 0 && !q.passive {
		// the act a pattern bound: "spoke out against the attack by the United States"
		if a := x.nounAgent(q.tgt); len(a) > 0 {
			return a
		}
	}
	for _, ch := range x.s.children(q.v) {
		if c := int(ch); x.s.dep(c) == "obj" {
			if a := x.nounAgent(c); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// targetGiven: the target a pattern bound or the subject of a passive; an uncoded name
// there, or a passive's subject that is only an agent, ends the search.
func (x *extractor) targetGiven(q *targetQuery) []actorArg {
	if q.tgt < 0 {
		return nil
	}
	if a := x.take(q, x.codeArgs(q.tgt), q.tgt); len(a) > 0 {
		return a
	}
	if a := x.take(q, x.throughNoun(q.tgt, q.cl.targetOf), q.tgt); len(a) > 0 {
		return a
	}
	// A passive subject that is the means of violence ("a car bomb was rammed into a
	// military base": [means]) is not what the violence was done to: the search goes
	// on to the prepositions.
	q.done = q.passive && !x.cue(q.tgt).has(cueMeans) || x.uncodedName(q.tgt)
	return nil
}

// targetObject: the verb's object or indirect object, except for shows of force
// (target-near), whose object is the force ("massed troops near the border"). An
// uncoded name as object ends the search. A nominal xcomp of a verb with no object
// stands for the object: the parser reads "named the PKK as terrorists" with "the PKK"
// as the predicate that "named him president" has.
func (x *extractor) targetObject(q *targetQuery) []actorArg {
	s := &x.s
	noObj := s.child(q.v, "obj") < 0
	for _, ch := range s.children(q.v) {
		c := int(ch)
		dep := s.dep(c)
		if dep == "xcomp" && noObj && isNominal(x.d.Tokens[c].POS) {
			dep = "obj"
		}
		switch dep {
		case "obj", "iobj":
			if x.cue(q.v).has(cueSpeech) && x.audience(c) {
				// "Cruz told reporters", "told CNN that…": whom words are told to is
				// no target; what they say may name one (judgeSpeech)
				continue
			}
			q.objs = append(q.objs, c)
			if q.cl.targetNear {
				continue
			}
			if a := x.take(q, x.codeArgs(c), c); len(a) > 0 {
				return a
			}
			if x.uncodedName(c) {
				q.done = true
				return nil
			}
		}
	}
	return nil
}

// audience reports whether nominal c is an audience of words: a word of cues.txt's
// [audience] ("reporters", "the crowd") or an actor of the media ("CNN").
func (x *extractor) audience(c int) bool {
	if x.cue(c).has(cueAudience) {
		return true
	}
	for _, a := range x.codeArgs(c) {
		if x.agentOf(a.code) == "MED" {
			return true
		}
	}
	return false
}

// targetPrep reports whether nominal c has a preposition that introduces the target of
// an event of class cl: one of cues.txt's [target-prep] ("fired missiles at US bases"),
// "from" for the classes with target-from ("asked for help from France", "withdrew
// from Iraq"), "near", "along" or "around" for those with target-near.
func (x *extractor) targetPrep(cl class, c int) bool {
	k := caseTok(&x.s, c)
	if k == c {
		return false
	}
	if x.cue(k).has(cueTargetPrep) || cl.targetFrom && x.lowerIs(k, "from") {
		return true
	}
	return cl.targetNear && (x.lowerIs(k, "near") || x.lowerIs(k, "along") || x.lowerIs(k, "around"))
}

// targetPreposition: a phrase on the verb whose preposition introduces the target (an
// nmod on a verb is the parser's slip for obl), or the actor through its noun ("an
// attack on the US military").
func (x *extractor) targetPreposition(q *targetQuery) []actorArg {
	s := &x.s
	for _, ch := range s.children(q.v) {
		c := int(ch)
		if (s.dep(c) == "obl" || s.dep(c) == "nmod") && x.targetPrep(q.cl, c) {
			args := x.codeArgs(c)
			if q.cl.venue && (x.lowerIs(caseTok(s, c), "at") || len(args) > 0 && x.outlet(args[0].code)) {
				continue // "said on CNN", "spoke at the convention"
			}
			if a := x.take(q, args, c); len(a) > 0 {
				return a
			}
			if a := x.take(q, x.throughNoun(c, q.cl.targetOf), c); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// outlet reports whether an actor code is a news outlet's or the media's (its last
// agent MED: "USAMED", "MED").
func (x *extractor) outlet(code string) bool { return strings.HasSuffix(code, "MED") }

// targetNear: for a show of force (target-near), the place phrase it faces, which may
// hang on any word of the clause ("put its forces on high alert near Taiwan"); nothing
// else is its target.
func (x *extractor) targetNear(q *targetQuery) []actorArg {
	if !q.cl.targetNear {
		return nil
	}
	s := &x.s
	for p := q.v + 1; p <= int(s.right[q.v-s.first]); p++ {
		if s.clauseOf(p) == q.v && (s.dep(p) == "nmod" || s.dep(p) == "obl") && x.targetPrep(q.cl, p) {
			if a := x.take(q, x.codeArgs(p), p); len(a) > 0 {
				return a
			}
		}
	}
	q.none = true
	return nil
}

// targetObjectComplement: the actor through an object that is none ("anti-American
// slogans", "the attack on the base of the US army" for the classes with target-of).
func (x *extractor) targetObjectComplement(q *targetQuery) []actorArg {
	s := &x.s
	for _, o := range q.objs {
		if a := x.take(q, x.throughNoun(o, q.cl.targetOf), o); len(a) > 0 {
			return a
		}
		if !q.cl.targetFrom {
			continue
		}
		// "recalled its ambassador from Colombia", the "from" phrase hung on the object
		for _, ch := range s.children(o) {
			if c := int(ch); s.dep(c) == "nmod" && x.lowerIs(caseTok(s, c), "from") {
				if a := x.take(q, x.codeArgs(c), c); len(a) > 0 {
					return a
				}
			}
		}
	}
	return nil
}

// targetAsked: for requests, demands and threats without an object (target-asked), the
// subject of what they ask ("demanded that Turkey withdraw"); for accusations, of what
// they allege ("charged that India sheltered the militants").
func (x *extractor) targetAsked(q *targetQuery) []actorArg {
	if len(q.objs) > 0 || !q.cl.targetAsked {
		return nil
	}
	s := &x.s
	for _, ch := range s.children(q.v) {
		c := int(ch)
		if s.dep(c) == "ccomp" || s.dep(c) == "xcomp" {
			if sb := s.child(c, "nsubj"); sb >= 0 {
				if a := x.take(q, x.codeArgs(sb), sb); len(a) > 0 {
					return a
				}
			}
		}
	}
	return nil
}

// targetStruck: for an attack (target-struck) on an object that is no actor, the country
// of the place where the object stood ("A Russian missile struck a residential building
// in Kyiv": UKR).
func (x *extractor) targetStruck(q *targetQuery) []actorArg {
	if q.fallback != nil || !q.cl.targetStruck || len(q.objs) == 0 {
		return nil
	}
	if a, ok := x.struckCountry(q.v, q.objs); ok {
		return []actorArg{a}
	}
	return nil
}

// isNominal reports whether a universal part of speech names a thing.
func isNominal(pos string) bool { return pos == "NOUN" || pos == "PROPN" }
