package event

import (
	"fmt"
	"strings"

	"github.com/tocsin-project/tocsin/cameo"
)

// nounCand codes an event noun ("Iran's attacks on US bases", "the US drone strike") when
// the sentence asserts the event: no word above the noun has been coded already (the verb
// that governs it codes it: "condemned the attack", "threatened an attack"), and none is
// an absorbing noun or a verb of intention ("fears of a war", "plans an attack").
func (x *extractor) nounCand(n int) { x.nounCandAs(n, false) }

// nestedNounCand codes event noun n as what a verb above it says is intended ("promised
// to continue military aid": the aid), for a transformation to recode; it returns the
// candidate's index in x.cands, -1 when there is none.
func (x *extractor) nestedNounCand(n int) int {
	x.nounCandAs(n, true)
	return max(int(x.candOf[n-x.s.first]), -1)
}

// nounCandAs codes noun n once; nested skips the test of the words above it, which the
// verb that asks for it does itself.
func (x *extractor) nounCandAs(n int, nested bool) {
	s := &x.s
	if x.candOf[n-s.first] != -1 {
		return
	}
	c := x.st.c
	es := x.nounEntries(n)
	if len(es) == 0 || x.dated[n] || x.capitalizedInBody(n) {
		// no event noun; or one inside a date ("on March 15") or written as a name in
		// running text, which is a month ("began March with $20 million") or names
		// something else ("March for Bernie", "the 1963 March on Washington")
		return
	}
	var e *nounEntry
	for i := range es {
		if x.modsMatch(n, es[i].mods) {
			e = &es[i]
			break
		}
	}
	if e == nil || e.none {
		return // no entry, or a phrase that names no event ("heart attack")
	}
	if e.with != "" && !x.toldWith(n, e.with) {
		return // "gun violence", not told with a protest (nouns.txt with=)
	}
	if h := s.head(n); s.dep(n) == "compound" && h == n+1 && x.d.Tokens[h].POS == "NOUN" && !x.isCount(h) && x.d.Sentences[x.si].Start >= x.d.BodyStart {
		// a modifier of another noun: "arrest warrants", "protest vote", "attack
		// helicopters" (not in a headline, whose verbs the tagger takes for nouns:
		// "Police arrest twelve")
		return
	}
	// Absorbed by something above it? Not by a verb of taking part in it, whose
	// subject does it ("thousands joined the protests").
	modality := Asserted
	if x.questioned(n) {
		modality = Hypothetical
	}
	if s.child(n, "cop") >= 0 {
		// the noun is the predicate: "there will be more protests", "it was not an attack"
		modality = x.modality(n)
	}
	joined, absorber := -1, -1
	judge, culprit := -1, -1
	if e.verb == "" && violent(e.code) {
		judge, culprit = x.culprit(n) // a crime of violence, not "convicted of drug violations"
	}
	standing := e.standing && x.ownSource(n, e)
	below := n // the word just below h
	for h, steps := s.head(n), 0; h >= 0 && steps < 12 && !(nested && steps > 0); below, h, steps = h, s.head(h), steps+1 {
		if steps > 0 && s.dep(below) == "advcl" {
			// an adverbial clause tells its own event: "Police shoot teenage protester
			// as Hong Kong demonstrations continue"
			break
		}
		k := h - s.first
		if steps == 0 && x.d.Tokens[h].POS == "VERB" && x.cue(h).hasAny(cueParticipation, cueUndergo) && (s.dep(n) == "obj" || s.dep(n) == "obl") {
			joined = h
		} else if steps == 1 && x.d.Tokens[h].POS == "VERB" && x.cue(h).has(cueUndergo) && x.cue(below).has(cueInjury) && s.dep(below) == "obj" && s.dep(n) == "nmod" {
			joined = h // "suffered two deep wounds in the attack" ([injury])
		} else if steps == 1 && x.d.Tokens[h].POS == "VERB" && x.cue(h).has(cueParticipation) && x.seriesOf(below) == n && (s.dep(below) == "obj" || s.dep(below) == "obl") {
			joined = h // "passed two articles of impeachment", "conducted a series of raids" ([series])
		} else if x.candOf[k] >= 0 && !x.cands[x.candOf[k]].code.Null && h != judge && !standing {
			if dc, _ := defaultCode(x.verbRefs(h)); e.notBy == "" || !strings.HasPrefix(lead(x.cands[x.candOf[k]].code), e.code[:2]) || strings.HasPrefix(lead(dc), e.code[:2]) {
				return // ("protesting at Trump rallies" is the verb's own event)
			}
			// a verb's pattern that codes the noun's own event ("held rallies", "at
			// Trump rallies"): the noun's not-by decides for it, below
			absorber = int(x.candOf[k])
			break
		}
		cu := x.cue(h)
		if cu.has(cueAbsorbing) && x.d.Tokens[h].POS == "NOUN" {
			return
		}
		if steps == 0 && cu.has(cueEnding) && x.d.Tokens[h].POS == "VERB" && (s.dep(n) == "obj" || s.rel(n, "nsubj:pass")) {
			return // "an overnight curfew has been lifted": the curfew ends ([ending])
		}
		if p := x.d.Tokens[h].POS; p == "VERB" || p == "AUX" && steps == 0 {
			if cu.hasAny(cueIntention, cueAttempt) || cu.hasAny(cueDeny, cueNegating) && !standing {
				return
			}
			// A verb's negation is the noun's only when the noun is what the clause says
			// happened, its subject: "protests were not reported", "there were no
			// clashes", "the attack did not take place"; not "did not condemn the
			// attack", which happened.
			// Nor is it the noun's when the noun is in what the verb did not make happen:
			// "a red notice does not force countries to conduct the arrest".
			m := x.ownModality(h)
			if m == Negated && (standing || (steps > 0 || s.dep(n) != "nsubj") && !(steps > 0 && s.dep(below) == "xcomp")) {
				m = Asserted
			}
			if m != Asserted && modality == Asserted {
				modality = m
			}
		}
	}
	for _, ch := range s.children(n) {
		if s.dep(int(ch)) == "det" && x.cue(int(ch)).has(cueNegation) {
			modality = Negated
		}
	}
	cd := cand{trigger: n, noun: true, modality: modality}
	// Arguments: the possessor, a by-phrase, an actor modifier ("US drone strike",
	// "Iranian missile strikes"); the target after a target preposition.
	poss, by, mod := -1, -1, -1
	tgt := -1
	for _, ch := range s.children(n) {
		ci := int(ch)
		switch {
		case s.rel(ci, "nmod:poss") || ci < n && x.possessive(ci):
			poss = ci
		case s.dep(ci) == "nmod":
			p := x.lower(caseTok(s, ci))
			if containsStr(e.sources, p) && by < 0 {
				by = ci
			} else if containsStr(e.targets, p) && tgt < 0 {
				tgt = ci
			}
		case (s.dep(ci) == "compound" || s.dep(ci) == "amod") && ci < n:
			// a word of the entry's own phrase ("military aid", "drone strike") is no
			// actor: the drone is the means, and its owner is not known from it
			// a town that modifies it is where it happened, not who did it ("the Kabul
			// car bombing"); a country is ("the US drone strike")
			if mod < 0 && !x.entryWord(ci, e.mods) && !x.townAt(ci) {
				if a := x.codeArgs(ci); len(a) > 0 {
					mod = ci
				}
			}
		}
	}
	srcH := by
	if culprit >= 0 {
		srcH = -1 // "was sentenced for her murder by a court": the court's is the sentence
	}
	if poss >= 0 {
		// "Soleimani's killing": the possessor suffers the event, unless another
		// complement names the target ("Israel's killing of the commander").
		if e.possTarget && tgt < 0 {
			tgt = poss
		} else if srcH < 0 {
			srcH = poss
		}
	}
	if srcH < 0 && culprit < 0 {
		srcH = mod
	}
	if srcH >= 0 {
		cd.src = x.codeArgs(srcH)
		if len(cd.src) == 0 && srcH == poss && x.d.Tokens[poss].POS == "PRON" {
			// "officials renewed their threats": an unresolved possessive pronoun
			// stands for the subject of the verb above.
			if h := s.head(n); h >= 0 {
				if sb := s.child(h, "nsubj"); sb >= 0 {
					cd.src = x.codeArgs(sb)
				}
			}
		}
	}
	undergone := joined >= 0 && x.cue(joined).has(cueUndergo)
	if joined >= 0 && !undergone && len(cd.src) > 0 && srcH == mod && x.agentOnly(strings.TrimLeft(cd.src[0].code, "-")) {
		cd.src = nil // "Turkey launched a military offensive": Turkey's, not "military"'s
	}
	if len(cd.src) == 0 && culprit >= 0 {
		cd.src = x.culpritArgs(culprit)
	}
	if len(cd.src) == 0 && joined < 0 {
		cd.src = x.sentFrom(n)
	}
	if len(cd.src) == 0 && joined >= 0 && !undergone {
		if sb := s.child(joined, "nsubj"); sb >= 0 {
			cd.src = x.codeArgs(sb)
		}
	}
	if held, own := x.heldBy(n, e.notBy, cd.src, poss, mod); e.notBy != "" && tgt < 0 && (held || len(cd.src) == 0 && poss < 0 && containsStr(x.held, e.rule)) {
		if own && !containsStr(x.held, e.rule) {
			x.held = append(x.held, e.rule)
		}
		// "Trump's rally", "Clinton held a rally": a campaign event (nouns.txt not-by=),
		// which neither the noun nor the verb's pattern for it ("* RALLY") codes
		if absorber >= 0 {
			x.cands[absorber].consumed = true
		}
		if joined >= 0 {
			if ci := x.candOf[joined-s.first]; ci >= 0 {
				x.cands[ci].consumed = true
			}
		}
		return
	}
	if absorber >= 0 {
		return
	}
	switch {
	case tgt >= 0:
		cd.tgt = x.codeArgs(tgt)
		// the entry's own code (cd.code is set from it below); not a crime judged, whose
		// target is what its own words say
		if len(cd.tgt) == 0 && culprit < 0 && x.st.c.classOf(e.code).targetStruck {
			// "a knife attack on London Bridge": a place attacked stands for its country
			if a, ok := x.struckCountry(n, []int{tgt}); ok {
				a.rule = "struck-place"
				cd.tgt = []actorArg{a}
			}
		}
	case undergone:
		if sb := s.child(joined, "nsubj"); sb >= 0 {
			cd.tgt = x.codeArgs(sb) // "Wiranto survived the attack"
		}
	case culprit >= 0:
		// the crime judged strikes whom its own words say ("of his wife"), not the
		// court or the place the sentence names ("at Leeds Crown Court")
	default:
		cd.tgt = x.throughNoun(n, false)
	}
	if len(cd.tgt) == 0 && culprit < 0 {
		cd.tgt = x.passiveSubject(n)
	}
	if len(cd.tgt) == 0 {
		cd.tgt = x.targetAfter(n, e.targets)
	}
	if len(cd.tgt) == 0 && standing {
		// "Lam did not accede to the protesters' demands", "Trump dismissed Pelosi's
		// accusations": the words were aimed at whoever answers them, the subject of
		// the verb they are the object of
		if h := s.head(n); h >= 0 && x.d.Tokens[h].POS == "VERB" && (s.dep(n) == "obj" || s.dep(n) == "obl") {
			if sb := s.child(h, "nsubj"); sb >= 0 {
				cd.tgt = x.codeArgs(sb)
			}
		}
	}
	post := x.phrase(n, true)
	cd.retaliate = x.speaksOfRetaliation(n, post)
	if e.verb != "" {
		refs := c.verbs[e.verb]
		for _, r := range refs {
			if !containsBlock(cd.blocks, r.block) {
				cd.blocks = append(cd.blocks, r.block)
			}
		}
		if pm, ok := x.bestPattern(cd.blocks, nil, post); ok {
			cd.code, cd.rule = pm.p.code, pm.p.rule
		} else {
			cd.code, cd.rule = defaultCode(refs)
			cd.rule += " " + cd.code.String()
		}
		cd.rule = e.rule + " → " + cd.rule
	} else {
		cd.code = cameo.Code{Forward: e.code}
		cd.rule = e.rule
	}
	// "The shooting took place in Tsuen Wan": a definite event noun, the subject of its
	// clause, with no actor of its own, tells an event of the story again; this comes
	// before the place it took place in is read as its target. Only as a subject: "after
	// the attack", "in the attack" set the scene of another event.
	up := x.counted(n) // "a couple of suicide bombings took place": the clause's word
	if len(cd.src) == 0 && len(cd.tgt) == 0 && joined < 0 && x.definite(n) && strings.HasPrefix(s.dep(up), "nsubj") {
		if code, src, tgt, note := x.toldBefore(lead(cd.code)); note != "" {
			cd.src, cd.tgt = src, tgt
			cd.code = cameo.Code{Forward: code}
			cd.rule += note
		}
	}
	// "Turkey began a military offensive in Syria": an attack named by a noun, with no
	// target, strikes the country where it takes place, as a verb's does (targetStruck),
	// when that is not its own source's country.
	if len(cd.tgt) == 0 && culprit < 0 && x.st.c.classOf(lead(cd.code)).targetStruck {
		a, ok := x.struckCountry(n, nil)
		if !ok && joined >= 0 {
			a, ok = x.struckCountry(joined, nil) // "began an offensive in Syria"
		}
		if h := s.head(up); !ok && h >= 0 && strings.HasPrefix(s.dep(up), "nsubj") {
			// "suicide bombings took place in Tunis", "in Tunis" on the verb or on its
			// object of happening ([happening])
			var objs []int
			if o := s.child(h, "obj"); o >= 0 && x.cue(o).has(cueHappening) {
				objs = []int{o}
			}
			a, ok = x.struckCountry(h, objs)
		}
		if ok && (len(cd.src) == 0 || a.code != country(cd.src[0].code)) {
			a.rule = "struck-place"
			cd.tgt = []actorArg{a}
		}
	}
	if culprit >= 0 {
		cd.rule += "; done by the one " + x.lower(judge) + " judges"
	}
	if joined >= 0 {
		if ci := x.candOf[joined-s.first]; ci >= 0 {
			x.cands[ci].consumed = true // "joined" is no meeting of its own
		}
		if undergone {
			cd.rule += "; done to the subject of " + x.lower(joined)
			// "she received death threats": the subject was threatened by someone the
			// text leaves unsaid (classes.txt source=received)
			cd.received = len(cd.src) == 0
		} else {
			cd.rule += "; done by the subject of " + x.lower(joined)
			cd.mutual = true
		}
	}
	x.candOf[n-s.first] = int32(len(x.cands))
	x.cands = append(x.cands, cd)
}

// ownSource reports whether event noun n names its own source: a possessor that is no
// pronoun ("the protesters' demands", not "their demands", which is the subject's) or
// a phrase of one of the entry's source prepositions ("demands from the opposition").
func (x *extractor) ownSource(n int, e *nounEntry) bool {
	s := &x.s
	for _, ch := range s.children(n) {
		ci := int(ch)
		switch {
		case s.rel(ci, "nmod:poss") || ci < n && x.possessive(ci):
			if x.d.Tokens[ci].POS != "PRON" && !e.possTarget {
				return true
			}
		case s.dep(ci) == "nmod":
			if containsStr(e.sources, x.lower(caseTok(s, ci))) {
				return true
			}
		}
	}
	return false
}

// culprit finds the verb of legal action or confession ([culprit]) that event noun n is
// the crime of, through the nouns that hold it ("charged with one count of murder",
// "jailed for the abuse and rape of two girls"), and the person it judges, who did the
// crime: the verb's object ("prosecutors charged the suspect with murder"), else its
// subject ("Waseem was sentenced for her murder", "he confessed to the killing"). It
// returns -1, -1 when the noun is no crime a verb judges someone for.
func (x *extractor) culprit(n int) (verb, who int) {
	s := &x.s
	below := n
	for h, steps := s.head(n), 0; h >= 0 && steps < 4; below, h, steps = h, s.head(h), steps+1 {
		d := s.dep(below)
		if x.d.Tokens[h].POS != "VERB" && x.cue(h).has(cueGuilt) {
			// "was found guilty of murder", "pleaded guilty to the murder": the subject
			// of the verb that the word of guilt completes
			v := s.head(h)
			if (d != "nmod" && d != "obl") || v < 0 || x.d.Tokens[v].POS != "VERB" {
				return -1, -1
			}
			if c := s.child(v, "obj"); c >= 0 && s.dep(h) == "xcomp" {
				return v, c // "a jury found the officer guilty of murder": its object
			}
			if c := s.subject(v); c >= 0 {
				return v, c
			}
			return -1, -1
		}
		switch x.d.Tokens[h].POS {
		case "NOUN":
			if d != "nmod" && d != "conj" {
				return -1, -1
			}
			continue
		case "VERB":
			if !x.cue(h).has(cueCulprit) || d != "obl" && d != "obj" {
				return -1, -1
			}
			// The object is the person judged ("charged the suspect in the shooting"),
			// unless it is the crime itself ("confessed the murder") or the plea
			// ("pleaded guilty to the stabbing").
			if c := s.child(h, "obj"); c >= 0 && !x.cue(c).has(cueGuilt) && (c != below || below != n && !x.eventNoun(c)) {
				return h, c
			}
			// A participle conjoined to a clause judges its subject ("Tarrant appeared
			// in court, charged with murder").
			for v := h; v >= 0; v = s.head(v) {
				if c := s.subject(v); c >= 0 {
					return h, c
				}
				if s.dep(v) != "conj" {
					break
				}
			}
		}
		return -1, -1
	}
	return -1, -1
}

// culpritArgs codes the person judged for a crime as its source: a person named
// without a code, or people told by no more than their number or sex ("nine men"), are
// criminals (CRM) of the place, as the coders code the accused.
func (x *extractor) culpritArgs(who int) []actorArg {
	args := x.named(x.codeArgs(who), who)
	for i := range args {
		a := &args[i]
		switch {
		case a.how == namedNoCode && x.person(who):
			a.code, a.how = "CRM", "judged for the crime, no code: CRM"
		case x.agentOf(strings.TrimLeft(a.code, "-")) == "PPL" || x.agentOf(strings.TrimLeft(a.code, "-")) == "CVL":
			a.code, a.how = "CRM", a.how+"; judged for the crime: CRM"
		}
	}
	return args
}

// nounEntries returns the event-noun entries for token n, by its lemma, else by its
// lower-cased form (when the lemmatiser missed).
func (x *extractor) nounEntries(n int) []nounEntry {
	if es := x.st.c.nouns[x.d.Tokens[n].Lemma]; len(es) > 0 {
		return es
	}
	return x.st.c.nouns[x.lower(n)]
}

// eventNoun reports whether noun n is an event noun of nouns.txt with the modifiers its
// entry needs: "fire" alone is none, "artillery fire" is.
func (x *extractor) eventNoun(n int) bool {
	for _, e := range x.nounEntries(n) {
		if !e.none && x.modsMatch(n, e.mods) {
			return true
		}
	}
	return false
}

// modsMatch reports whether every modifier word modifies noun n (as a compound or
// adjective before it) or is joined to it ("airstrike").
func (x *extractor) modsMatch(n int, mods []string) bool {
	s := &x.s
	for _, m := range mods {
		found := false
		for _, ch := range s.children(n) {
			ci := int(ch)
			if ci < n && (s.dep(ci) == "compound" || s.dep(ci) == "amod") && (x.lowerIs(ci, m) || x.d.Tokens[ci].Lemma == m) {
				found = true
				break
			}
		}
		if !found && n > s.first && x.lowerIs(n-1, m) {
			found = true
		}
		if !found {
			return false
		}
	}
	return true
}

// targetAfter finds the target of event noun n by the words that follow it when the tree
// does not give it: a target preposition of the entry within three words of the noun,
// then a named actor within three words of the preposition ("military aid to war-torn
// Mozambique", parsed with Mozambique conjoined to the aid).
func (x *extractor) targetAfter(n int, preps []string) []actorArg {
	s := &x.s
	for k := n + 1; k < s.end && k <= n+3; k++ {
		if !containsStr(preps, x.lower(k)) {
			continue
		}
		for j := k + 1; j < s.end && j <= k+3; j++ {
			if e := x.ent[j]; e >= 0 {
				en := &x.d.Entities[e]
				if len(en.Actor) >= 3 && !x.agentOnly(en.Actor) {
					return []actorArg{{code: en.Actor, span: en.Span, head: j, how: "entity " + en.Text + " after " + x.lower(k)}}
				}
				return nil
			}
		}
		return nil
	}
	return nil
}

// passiveSubject codes what event noun n was done to when it is the by-agent of a
// passive verb: "oil facilities in Saudi Arabia were hit by drone strikes" (the
// facilities, else the country where they stood).
func (x *extractor) passiveSubject(n int) []actorArg {
	s := &x.s
	h := s.head(n)
	if h < 0 || x.agent(h) != n {
		return nil
	}
	sb := s.child(h, "nsubj:pass")
	if sb < 0 {
		return nil
	}
	if a := x.codeArgs(sb); len(a) > 0 {
		return a
	}
	if a, ok := x.struckCountry(sb, []int{sb}); ok {
		a.rule = "struck-place"
		return []actorArg{a}
	}
	return nil
}

// possessive reports whether token i carries a possessive marker ("the United States'
// killing of Soleimani", which the parser may attach by another relation).
func (x *extractor) possessive(i int) bool {
	for _, ch := range x.s.children(i) {
		if c := int(ch); c > i && x.d.Tokens[c].Tag == "POS" {
			return true
		}
	}
	return false
}

// townAt reports whether token i is in a place below a country (a town or a region the
// places stage resolved, with a first-level division).
func (x *extractor) townAt(i int) bool {
	t := &x.d.Tokens[i]
	for _, p := range x.d.Places {
		if p.Start <= t.Start && t.End <= p.End {
			return p.Admin1 != ""
		}
	}
	return false
}

// entryWord reports whether token i is one of an entry's modifier words.
func (x *extractor) entryWord(i int, mods []string) bool {
	for _, m := range mods {
		if x.lowerIs(i, m) || x.d.Tokens[i].Lemma == m {
			return true
		}
	}
	return false
}

func containsStr(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}

// toldWith reports whether the sentence of noun n tells an event of CAMEO root besides
// it: a verb coded so, or another event noun whose entry has such a code ("violence broke
// out when thousands rallied", "violence at a pro-Trump protest").
func (x *extractor) toldWith(n int, root string) bool {
	for i := range x.cands {
		if c := &x.cands[i]; !c.code.Null && strings.HasPrefix(lead(c.code), root) {
			return true
		}
	}
	for i := x.s.first; i < x.s.end; i++ {
		if i == n || x.d.Tokens[i].POS != "NOUN" {
			continue
		}
		for _, e := range x.nounEntries(i) {
			if !e.none && e.with == "" && strings.HasPrefix(e.code, root) && x.modsMatch(i, e.mods) {
				return true
			}
		}
	}
	return false
}

// definite reports whether event noun n has a determiner that points back ([definite]:
// "the shooting", "these attacks").
func (x *extractor) definite(n int) bool {
	for _, ch := range x.s.children(n) {
		if x.s.dep(int(ch)) == "det" && x.cue(int(ch)).has(cueDefinite) {
			return true
		}
	}
	return false
}

// toldBefore finds the event that a definite event noun with no actor of its own points
// back to: the latest asserted act of violence (violent) of the three sentences before,
// when the noun names violence too ("a gunman opened fire… The shooting took place in
// Tsuen Wan"). It returns that event's code and actors, the noun being only a name for
// it, and a note for the rule, or no note when the story has told no such event. Other
// events told again ("the rally started at six") are left uncoded, as the coders leave
// them; a noun further from its event mostly names another one.
func (x *extractor) toldBefore(code string) (told string, src, tgt []actorArg, note string) {
	in, ok := cameo.Lookup(code)
	if !ok {
		return "", nil, nil, ""
	}
	for i := len(x.events) - 1; i >= 0; i-- {
		e := &x.events[i]
		if e.Sentence < x.si-3 {
			break
		}
		if e.Sentence >= x.si || e.Modality != Asserted || !violent(e.Code) || !violent(in.Code) {
			continue
		}
		how := fmt.Sprintf("the event told in sentence %d", e.Sentence)
		if e.Source != "" {
			src = []actorArg{{code: e.Source, span: e.Evidence.Source, head: -1, how: how}}
		}
		if e.Target != "" {
			tgt = []actorArg{{code: e.Target, span: e.Evidence.Target, head: -1, how: how}}
		}
		return e.Code, src, tgt, fmt.Sprintf("; the %s event %s→%s of sentence %d told again", e.Code, orUnknown(e.Source), orUnknown(e.Target), e.Sentence)
	}
	return "", nil, nil, ""
}

// violent reports the codes of violence, which one noun may name whatever its CAMEO
// class: assault, fight and mass violence, violent protest (145) and violent repression
// (175): "police fired on protesters… The shooting took place in Azadi".
func violent(code string) bool {
	return len(code) >= 2 && isAttack(code[:2]) || strings.HasPrefix(code, "145") || strings.HasPrefix(code, "175")
}

// sentFrom returns who sent what event noun n names when the sentence says where it came
// from ("expressions of condolences have come from al-Eryani", "condemnation poured in
// from Pope Francis"): the "from" phrase of a verb of coming ([sent]) whose subject is
// the noun, or a message noun that holds it ("statements of condemnation").
func (x *extractor) sentFrom(n int) []actorArg {
	s := &x.s
	top := n
	if h := s.head(n); h >= 0 && s.dep(n) == "nmod" && x.cue(h).has(cueMessage) {
		top = h
	}
	v := s.head(top)
	if v < 0 || s.dep(top) != "nsubj" || !x.cue(v).has(cueSent) {
		return nil
	}
	for _, ch := range s.children(v) {
		c := int(ch)
		if s.dep(c) == "obl" {
			if k := caseTok(s, c); k != c && x.lowerIs(k, "from") {
				return x.codeArgs(c)
			}
		}
	}
	return nil
}

// capitalizedInBody reports whether token n of a body sentence, not its first word, is
// written with a capital initial.
func (x *extractor) capitalizedInBody(n int) bool {
	t := &x.d.Tokens[n]
	if n == x.s.first || x.d.Sentences[x.si].Start < x.d.BodyStart || t.End <= t.Start {
		return false
	}
	c := x.d.Text[t.Start]
	return c >= 'A' && c <= 'Z'
}

// heldBy reports whether event noun n, with source src, possessor poss and modifier mod
// (-1 when none), is the doing of a member of agent set set (nouns.txt not-by=), and
// whether by its own words: its source, its possessor, a pronoun one too ("his rally"),
// an actor modifier ("a Trump rally"); or else by the subject of the clause whose object
// it is ("the senator opened a rally", "holding rallies a day") or whose scene it sets
// ("at a rally in Iowa, Trump said", "bashing Sanders during a rally", "at the
// conclusion of a rally").
func (x *extractor) heldBy(n int, set string, src []actorArg, poss, mod int) (held, own bool) {
	if set == "" {
		return false, false
	}
	in := func(args []actorArg) bool {
		for _, a := range args {
			if x.st.c.agentSets[set][x.agentOf(strings.TrimLeft(a.code, "-"))] {
				return true
			}
		}
		return false
	}
	if in(src) || poss >= 0 && in(x.codeArgs(poss)) || mod >= 0 && in(x.codeArgs(mod)) {
		return true, true
	}
	s := &x.s
	h := n
	for steps := 0; steps < 3 && s.dep(h) == "nmod" && s.head(h) >= 0 && x.d.Tokens[s.head(h)].POS == "NOUN"; steps++ {
		h = s.head(h) // "at the conclusion of a rally"
	}
	v := s.head(h)
	if v < 0 || s.dep(h) != "obj" && s.dep(h) != "obl" {
		return false, false
	}
	sb := s.child(v, "nsubj")
	if u := s.head(v); sb < 0 && u >= 0 && (s.dep(v) == "acl" || s.dep(v) == "advcl") && (x.d.Tokens[u].POS == "PROPN" || x.d.Tokens[u].POS == "NOUN") {
		sb = u // "Trump, speaking at a rally"
	} else if sb < 0 {
		passive := false
		sb = x.inheritedSubject(v, &passive)
		if passive {
			return false, false
		}
	}
	return sb >= 0 && in(x.codeArgs(sb)), false
}
