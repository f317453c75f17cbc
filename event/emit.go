package event

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/doc"
)

// emit turns a candidate into events: one per source–target pair and direction of its
// code, once the code is known and both actors are.
func (x *extractor) emit(c *cand) {
	if c.code.Null || c.code.IsZero() {
		return
	}
	if p := x.pledged(c); p != nil {
		c = p
	}
	cl := x.st.c.classOf(lead(c.code))
	srcs := c.src
	if len(srcs) == 0 && violent(lead(c.code)) && c.passive && x.victims(c.tgt) {
		// "Six Mexican nationals were killed in the attack": victims of the story's
		// attacker, told before.
		if a, n := x.storyAttacker(c.tgt); a.code != "" {
			srcs = []actorArg{a}
			defer func(r string) { c.rule = r }(c.rule)
			c.rule += n
		}
	}
	if len(srcs) == 0 && violent(lead(c.code)) && !c.noun && len(c.tgt) > 0 && !x.namedPerson(c.tgt[0].head) {
		// "Two police officers were injured", "the night's incidents injured fourteen
		// police officers", in a report of a protest: the protesters' doing.
		if a, n := x.storyProtesters(c, c.tgt[0]); a.code != "" {
			srcs = []actorArg{a}
			defer func(r string) { c.rule = r }(c.rule)
			c.rule += n
		}
	}
	var agentTgt []actorArg
	if c.code.Forward == "" && cl.sourceAgent != "" && len(c.tgt) == 0 {
		// A pattern that codes only the reverse ("Tarrant appeared in court" [:173]):
		// the one who usually does the code is the clause's target side, which the
		// reverse makes the doer; the clause's subject is who it is done to.
		agentTgt = []actorArg{{code: cl.sourceAgent, head: -1, how: "not named: " + cl.sourceAgent + ", who usually does " + c.code.Reverse}}
		if len(srcs) == 0 {
			if !cl.targetOptional {
				return
			}
			srcs = unknownActor
		}
	}
	if len(srcs) == 0 {
		switch {
		case c.court && cl.courtAgent != "":
			srcs = []actorArg{{code: cl.courtAgent, head: -1, how: "not named: " + cl.courtAgent + ", a court's act"}}
		case cl.sourceAgent != "":
			srcs = []actorArg{{code: cl.sourceAgent, head: -1, how: "not named: " + cl.sourceAgent + ", who usually does " + c.code.Forward}}
		case cl.sourceless(c):
			srcs = unknownActor
		default:
			return
		}
	}
	if len(c.src) == 0 && len(c.tgt) >= 2 && x.between(c.tgt[0].head) {
		// "clashes between the army and rebels": the parties act on one another
		c.src, c.tgt = c.tgt, nil
		srcs = c.src
	}
	tgts := c.tgt
	if agentTgt != nil {
		tgts = agentTgt
	}
	note := ""
	if len(tgts) == 0 && x.reciprocal(c) {
		x.emitReciprocal(c)
		return
	}
	if len(tgts) == 0 && c.retaliate && len(c.src) > 0 {
		if t, n := x.retaliationTarget(c.src[0].code); t.code != "" {
			tgts, note = []actorArg{t}, n
		}
	}
	if len(tgts) == 0 {
		if !cl.targetOptional {
			return
		}
		tgts = unknownActor
	}
	place := x.place(c)
	date, dsrc, dnote, own := x.date(c)
	trig := x.d.Tokens[c.trigger].Span
	if !own {
		defer func(from int) {
			for i := from; i < len(x.events); i++ {
				x.undated = append(x.undated, undated{i, dnote})
			}
		}(len(x.events))
	}
	for _, src := range srcs {
		for _, tgt := range tgts {
			tgt = x.counterpart(tgt, src)
			if c.code.Forward != "" {
				x.add(src, tgt, false, c.code.Forward, trig, c, place, date, dsrc, note+dnote)
			}
			// A mutual code ("exchanged fire", 193:193) with one side unknown is one
			// event, not the unknown side's too: "bombs struck the cathedral".
			mutual := c.code.Reverse == c.code.Forward && (src.code == "" || tgt.code == "")
			if c.code.Reverse != "" && !mutual {
				x.add(tgt, src, true, c.code.Reverse, trig, c, place, date, dsrc, note+dnote+"; reverse of a paired code")
			}
		}
	}
}

// pledged returns candidate c recoded as the intent its class gives a future event
// (classes.txt pledge=), asserted, or nil: "Japan will provide $1 billion in aid" is
// Japan's intent to provide economic aid (0331), stated now, as the CAMEO coders code it;
// only when a pattern or an event noun says what is given.
func (x *extractor) pledged(c *cand) *cand {
	if c.modality != Future || c.code.Reverse != "" || !c.patterned && !c.noun {
		return nil // a verb's default ("will help", "will pay") names no aid
	}
	p, ok := x.st.c.pledge(c.code.Forward)
	if !ok {
		return nil
	}
	one := *c
	one.code = cameo.Code{Forward: p}
	one.modality = Asserted
	one.rule += "; " + p + ": a future " + c.code.Forward + " is an intent"
	return &one
}

// pledge returns the intent code (03) of code's class for the event told in the future
// (classes.txt pledge=), with code's sub-code after the root where CAMEO has one (071:
// 0331, 073: 0333), else the class's own (075: 033).
func (c *compiled) pledge(code string) (string, bool) {
	if len(code) < 3 {
		return "", false
	}
	p := c.classOf(code).pledge
	if p == "" {
		return "", false
	}
	if _, ok := cameo.Lookup(p + code[2:]); ok && code[2:] != "0" {
		p += code[2:]
	}
	return p, true
}

// oneAttack reports whether two events of roots a and b between the same actors in one
// sentence are one act of violence told in several verbs ("killed three people and
// injured three others", "shot and wounded"): one event, as ACLED and the casualties
// layer count it, the first verb's code kept.
func oneAttack(a, b string) bool {
	return a == b && (a == "18" || a == "19" || a == "20")
}

// lead is the code whose class decides what a candidate needs: its forward code, or for
// a pattern that codes only the reverse ("died in a raid" [:190], the dead as target),
// the reverse one.
func lead(c cameo.Code) string {
	if c.Forward != "" {
		return c.Forward
	}
	return c.Reverse
}

// recodeOf returns the first recode of code's class (classes.txt) that applies to an
// event of source code sc against target code tc, whose head is token th.
func (x *extractor) recodeOf(code, sc, tc string, th int) (recode, bool) {
	for _, r := range x.st.c.classOf(code).recodes {
		if r.code == code || !agentIs(sc, r.source) || !agentIs(tc, r.target) {
			continue
		}
		if r.person && !x.namedPerson(th) {
			continue
		}
		return r, true
	}
	return recode{}, false
}

// agentIs reports whether actor code c has agent a after its country ("*": any).
func agentIs(c, a string) bool {
	return a == "*" || len(c) >= 6 && c[3:6] == a
}

// namedPerson reports whether token h is in a person's name.
func (x *extractor) namedPerson(h int) bool {
	if h < 0 || h >= len(x.ent) {
		return false
	}
	e := x.ent[h]
	return e >= 0 && x.d.Entities[e].Type == "PERSON"
}

func anyone(a string) string {
	if a == "*" {
		return "anyone"
	}
	return a
}

func whom(r recode) string {
	if r.person {
		return "a named " + anyone(r.target)
	}
	return anyone(r.target)
}

// asPeople reads a generic people code (PPL: "three people", "a man") as agent, for
// the classes whose events make such people civilians (classes.txt, people=).
func asPeople(code, agent string) (string, string) {
	if strings.TrimLeft(code, "-") != "PPL" {
		return code, ""
	}
	return agent, "; people read as " + agent
}

// counterpart gives "his Indian counterpart" the role of the one it is the counterpart
// of: a foreign minister's Indian counterpart is INDGOV, not IND.
func (x *extractor) counterpart(tgt, src actorArg) actorArg {
	if tgt.head < 0 || tgt.head >= len(x.d.Tokens) || len(tgt.code) != 3 || len(src.code) <= 3 || strings.HasPrefix(src.code, "-") {
		return tgt
	}
	if l := x.d.Tokens[tgt.head].Lemma; l != "counterpart" && l != "counterparts" {
		return tgt
	}
	tgt.code += src.code[3:]
	tgt.how += "; counterpart of " + x.argText(src)
	return tgt
}

// between reports whether token h is in a phrase after "between".
func (x *extractor) between(h int) bool {
	if h < 0 || h >= len(x.d.Tokens) {
		return false
	}
	k := caseTok(&x.s, h)
	return k != h && x.lowerIs(k, "between")
}

// reciprocal reports whether a candidate without a target is done by its conjoined
// sources to one another: "South Korea and Japan agreed to resume summits", "Chile and
// Peru signed an agreement", "Indian and Chinese troops clashed", "Iran and Saudi Arabia
// held talks" (a noun done by the subjects of a verb of taking part). Only cooperation
// (CAMEO 03 to 06) and fighting verbs read so: "Russia and China vetoed the resolution"
// is not a veto of each other; nor do the agents of a passive ("a coalition joined by
// Australia and Bahrain").
func (x *extractor) reciprocal(c *cand) bool {
	if len(c.src) < 2 || c.noun && !c.mutual || c.passive || len(c.code.Forward) < 2 {
		return false
	}
	switch root := c.code.Forward[:2]; {
	case strings.HasPrefix(c.code.Forward, "033"):
		return false // pledges of aid go to a third party ("China, Iran and Russia pledged funds")
	case root >= "03" && root <= "06":
		return true
	case root == "19":
		l := x.d.Tokens[c.trigger].Lemma
		return l == "clash" || l == "fight"
	}
	return false
}

// emitReciprocal codes a reciprocal candidate: each source with each other as target.
func (x *extractor) emitReciprocal(c *cand) {
	srcs := c.src
	for i := range srcs {
		others := make([]actorArg, 0, len(srcs)-1)
		for j := range srcs {
			if j != i {
				others = append(others, srcs[j])
			}
		}
		one := *c
		one.src, one.tgt = srcs[i:i+1], others
		one.code.Reverse = "" // each direction is coded from its own source
		one.rule += "; reciprocal: the conjoined subjects act on one another"
		x.emit(&one)
	}
}

// add records the event src → tgt. reversed says that src and tgt are the clause's target
// and source (the second code of a pair): an actor's country is completed by its role in
// the clause, the same way in both events.
func (x *extractor) add(src, tgt actorArg, reversed bool, code string, trig doc.Span, c *cand, place where, date, dateSource, note string) {
	cl := x.st.c.classOf(code)
	sc, tc := src.code, tgt.code
	var snote, tnote string
	if cl.people != "" {
		sp := cl.people
		if cl.sourcePeople != "" && src.head >= 0 && src.head < len(x.d.Tokens) && x.d.Tokens[src.head].Tag == "NN" {
			sp = cl.sourcePeople
		}
		sc, snote = asPeople(sc, sp)
		tc, tnote = asPeople(tc, cl.people)
		sc, snote = x.nationals(sc, src, cl.people, snote)
		tc, tnote = x.nationals(tc, tgt, cl.people, tnote)
	} else {
		// A bare count ("others", "20") is somebody only where the class reads people
		// as civilians: "Cruz and others met" names no second actor.
		if src.how == howCount {
			sc = ""
		}
		if tgt.how == howCount {
			tc = ""
		}
	}
	if tc == "" && cl.victim != "" && x.victimNamed(c, src, tgt) {
		tc, tnote = cl.victim, tnote+"; a person named with no code, read as "+cl.victim
	}
	var scn, tcn string
	sc0, tc0 := sc, tc
	if reversed {
		sc, scn = x.withCountry(sc, src.span, c, false, doc.Span{})
		tc, tcn = x.withCountry(tc, tgt.span, c, true, src.span)
	} else {
		sc, scn = x.withCountry(sc, src.span, c, true, tgt.span)
		tc, tcn = x.withCountry(tc, tgt.span, c, false, doc.Span{})
	}
	// An agent that no place localises takes the country its fellow agent took from the
	// places: "Police detained dozens" after a sentence on Belgrade are Serbian police
	// detaining Serbians; such events of force are mostly domestic (classes.txt
	// fellow-country).
	if !cl.fellowCountry {
		// other events do not say their actors share a country
	} else if tc == "" && sc != "" {
		tc, tcn = x.fellowCountry(tc0, sc, sc0, c, reversed)
	} else if sc == "" && tc != "" {
		sc, scn = x.fellowCountry(sc0, tc, tc0, c, !reversed)
	}
	snote, tnote = snote+scn, tnote+tcn
	// A country named bare as the target of an actor of its own with a role is where or
	// about what that actor acts, no second actor: "Trump visited California" (nor does
	// the US host the visit, the reverse event), "Mugabe ruled Zimbabwe", "Biden claimed
	// the plan would create five million US jobs". A bare country that acts is the state
	// ("Colombia suspended peace talks with the rebels"), a person coded by country alone
	// is one ("Rubio congratulated Donald Trump"), and violence keeps the country where it
	// struck ("a gunman opens fire in El Paso": USA, target-struck).
	switch {
	case isAttack(code[:2]):
	case !reversed && ownCountry(sc, tc) && !x.namedPerson(tgt.head):
		tc, tnote = "", tnote+"; its own country, no actor"
	case reversed && ownCountry(tc, sc) && !x.namedPerson(src.head):
		sc, snote = "", snote+"; its own country, no actor"
	}
	// An event needs its coded actors (classes.txt), or names that have no code, and two
	// different ones.
	srcOK := sc != "" || cl.sourceless(c) || src.how == namedNoCode
	tgtOK := tc != "" || cl.targetOptional || tgt.how == namedNoCode
	if tc == "" && cl.objectActor && x.doneToThing(c) {
		return
	}
	if !srcOK || !tgtOK || sc == "" && tc == "" || sc == tc && !(cl.sameCode && x.distinctNamed(src, tgt)) {
		return
	}
	// "Biden defeated Trump": a verb of contest is violence only against a fighting
	// force or a state that the text names, not against a candidate or a party, nor
	// against someone uncoded ("defeated the incumbent"): [contest].
	if violent(code) && x.cue(c.trigger).has(cueContest) && (tc == "" || !x.fighting(tc)) {
		return
	}
	// "Sanders beat Clinton in Oklahoma": a verb of winning that also names violence is
	// none when done to a candidate by a politician or by no one named: [rivalry].
	if violent(code) && x.cue(c.trigger).has(cueRivalry) && x.inSet(tc, "candidates") && (sc == "" || x.inSet(sc, "politicians")) {
		return
	}
	// "Cooper donated $750 to Clinton's campaign": money given to a politician, a party
	// or a legislator is a campaign contribution, no aid: [contribution].
	if strings.HasPrefix(code, "07") && x.cue(c.trigger).has(cueContribution) && x.inSet(tc, "campaigners") {
		return
	}
	// "Trump attacked Pelosi", "the senator slammed the court": words of force between
	// politicians, or by one against a person named without a code, are words (111), as
	// the coders read them, not force ([verbal-force]).
	if violent(code) && x.cue(c.trigger).has(cueVerbalForce) && x.inSet(sc, "politicians") {
		// A politician with no state's force ("Sanders and Clinton are fighting about
		// Obama", "Trump has blasted the delegate system", "We will fight back") fights
		// with words whomever or whatever the words are aimed at, and does nothing when
		// they are aimed at nothing; a government may also use force.
		wordsOnly := x.agentOf(sc) != "GOV"
		switch {
		case x.inSet(tc, "politicians") || tc == "" && x.person(tgt.head) || tc == "" && wordsOnly && x.aimed(c.trigger, tgt):
			code, note = "111", note+"; 111: force in words, between politicians"
		case tc == "" && wordsOnly:
			return
		}
	}
	// "Clinton on Monday ripped into Sanders", "to hammer her", "Jeb Bush fired at Trump":
	// the same words aimed at a politician by someone the coder could not code, or by a
	// person it names without a code, are words too; not a passive ("the senator was
	// attacked") nor an event noun ("an attack on the president"), which leave the doer
	// unsaid as violence does.
	if violent(code) && x.cue(c.trigger).has(cueVerbalForce) && x.inSet(tc, "politicians") && !c.passive && !c.noun &&
		(src.how == namedNoCode && x.person(src.head) || sc == "" && src.how != namedNoCode) && !x.doneByMeans(c.trigger) {
		code, note = "111", note+"; 111: force in words, aimed at a politician"
	}
	// An unknown attacker of an armed force is taken for an armed one.
	if irr := x.st.c.classes[code].irregular; irr != "" && !x.st.c.regular(sc) && (sc != "" || !x.st.c.regular(tc)) {
		code, note = irr, note+"; "+irr+": the source is no armed force"
	}
	if r, ok := x.recodeOf(code, sc, tc, tgt.head); ok {
		code, note = r.code, note+fmt.Sprintf("; %s: done by %s to %s", r.code, anyone(r.source), whom(r))
	}
	in, ok := cameo.Lookup(code)
	if !ok {
		return
	}
	ev := doc.Event{
		Source:      sc,
		Target:      tc,
		Code:        code,
		Root:        in.Root,
		Plover:      doc.Plover{Type: in.Plover, Mode: in.PloverMode},
		QuadClass:   in.QuadClass,
		Goldstein:   in.Goldstein,
		Place:       place.loc,
		PlaceSource: place.source,
		Date:        date,
		DateSource:  dateSource,
		Sentence:    x.si,
		Evidence:    doc.Evidence{Source: src.span, Trigger: trig, Target: tgt.span},
		Modality:    c.modality,
	}
	if ev.Modality != Asserted {
		// PLOVER's mode is kept, with the modality as an auxiliary mode after it.
		if ev.Plover.Mode == "" {
			ev.Plover.Mode = ev.Modality
		} else {
			ev.Plover.Mode += "; " + ev.Modality
		}
	}
	var b strings.Builder
	b.WriteString(c.rule)
	how := tgt.how
	if tgt.rule != "" {
		how = tgt.rule + ": " + how
	}
	fmt.Fprintf(&b, "; source %s (%s); target %s (%s)", orUnknown(sc), src.how, orUnknown(tc), how)
	b.WriteString(snote)
	b.WriteString(tnote)
	b.WriteString(note)
	ev.Rule = b.String()
	for _, o := range x.events {
		if o.Sentence == ev.Sentence && o.Source == ev.Source && o.Target == ev.Target && (o.Code == ev.Code || oneAttack(o.Root, ev.Root)) {
			return // the same event found twice in one sentence
		}
	}
	x.events = append(x.events, ev)
}

// retaliationTarget finds whom an actor retaliates against: the source of the latest
// earlier attack (root 18, 19 or 20) whose target is of the same country as the actor and
// whose source is not.
func (x *extractor) retaliationTarget(src string) (actorArg, string) {
	cc := country(src)
	for i := len(x.events) - 1; i >= 0; i-- {
		e := &x.events[i]
		if e.Source != "" && country(e.Target) == cc && country(e.Source) != cc && e.Modality == Asserted && isAttack(e.Root) {
			return actorArg{code: e.Source, span: e.Evidence.Source, head: -1, how: "retaliation"},
				fmt.Sprintf("; target inferred: retaliation for the %s event %s→%s of sentence %d", e.Code, e.Source, e.Target, e.Sentence)
		}
	}
	return actorArg{}, ""
}

// ownCountry reports whether bare is a country code alone and actor the code of an actor
// of that country with a role ("USA" beside "USAGOV").
func ownCountry(actor, bare string) bool {
	return len(bare) == 3 && len(actor) > 3 && country(actor) == bare
}

// isAttack reports the roots of violence: assault, fight, mass violence.
func isAttack(root string) bool { return root == "18" || root == "19" || root == "20" }

// country returns the country of an actor code: its first three letters, or those after
// MNC for a multinational (CAMEO codes MNCUSA for an American one).
func country(code string) string {
	if len(code) < 3 {
		return code
	}
	if len(code) >= 6 && code[:3] == "MNC" {
		return code[3:6] // a multinational's home country: MNCUSA is American
	}
	return code[:3]
}

// withCountry completes a code that names only an agent ("CVL" for "mourners", "MIL"
// for "the military") at span with a country. First from the nearest earlier actor of
// the same agent in the article: "the military" after "the Pentagon" (USAMIL) is the US
// military, "the insurgents" after "the Taliban" (AFGREB) the Taliban. Else, when the
// agent is one that a place localises (cues.txt, [local-agent]: civilians, police,
// rebels, not "the media" or "Muslims"), from the latest place named in its sentence
// (for a source, also in the two sentences before). A source does not take the country
// of a place inside the target's phrase ("the insurgents promised not to threaten the
// United States"); a target may take the source's ("Colombia suspended talks with the
// rebels"), as such events are mostly domestic. It returns the code unchanged when it
// has a country, "" when none can be found.
func (x *extractor) withCountry(code string, span doc.Span, c *cand, source bool, other doc.Span) (string, string) {
	marked := strings.HasPrefix(code, "---")
	code = strings.TrimLeft(code, "-")
	if !x.agentOnly(code) {
		if marked {
			return "", "" // a generic agent ("people") is not an actor
		}
		return code, ""
	}
	d := x.d
	sn := d.Sentences[x.si]
	from := sn.Start // a target: its own sentence
	if source && x.si >= 2 {
		from = d.Sentences[x.si-2].Start // a source: the two sentences before too
	} else if source {
		from = 0
	}
	inOther := func(sp doc.Span) bool {
		return other.End > other.Start && sp.Start >= other.Start && sp.End <= other.End
	}
	for i := len(d.Entities) - 1; i >= 0; i-- {
		e := &d.Entities[i]
		if e.Start >= span.Start {
			continue
		}
		if len(e.Actor) == len(code)+3 && strings.HasSuffix(e.Actor, code) && !x.agentOnly(e.Actor) && !inOther(e.Span) {
			return e.Actor, fmt.Sprintf("; %s as the %s named before", e.Actor, e.Text)
		}
	}
	if !x.agentCue(code).has(cueLocalAgent) && (source || !violent(lead(c.code))) {
		// "people", "the media", "Muslims": no country from a place; but one attacked
		// is where the attack was ("gunmen killed a journalist in Mexico": MEXMED)
		return "", ""
	}
	best, struck := -1, -1
	for i, p := range d.Places {
		if p.Country != "" && p.Start >= from && p.Start < sn.End && !x.modifierPlace(p) {
			if !inOther(p.Span) {
				best = i
			} else if p.Start >= sn.Start {
				struck = i
			}
		}
	}
	if (best < 0 || d.Places[best].Start < sn.Start) && struck >= 0 && source && violent(lead(c.code)) {
		// "Rebels seized the town of Goma", "a police officer shot a teenager in
		// Chicago": local agents that their own sentence places nowhere else do
		// violence where they strike (not officials who criticise a country), even
		// after a sentence on leaders meeting in Rome.
		p := d.Places[struck]
		return p.Country + code, fmt.Sprintf("; country %s from the place %q, where it struck", p.Country, p.Name)
	}
	if best < 0 {
		if cc := x.sentenceNationality(sn, inOther); cc != "" {
			return cc + code, fmt.Sprintf("; country %s, the one nationality its sentence names", cc)
		}
		if x.focus != "" {
			return x.focus + code, fmt.Sprintf("; country %s, where most places of the article are", x.focus)
		}
		if x.nationality != "" && len(d.Places) == 0 {
			return x.nationality + code, fmt.Sprintf("; country %s, the nationality of most of the article's people", x.nationality)
		}
		return "", "" // an agent of no known country is not coded
	}
	p := d.Places[best]
	return p.Country + code, fmt.Sprintf("; country %s from the place %q", p.Country, p.Name)
}

// fellowCountry completes code, an agent with no country that the places did not
// localise, with the country of other, the other actor of its event, when other was
// itself an agent completed from the places (was: its code before): it returns the
// completed code and a note, or "" when it does not apply. Source says that code does
// the clause's action: as in withCountry, only agents that a place localises
// ([local-agent]) take it, or any victim of violence.
func (x *extractor) fellowCountry(code, other, was string, c *cand, source bool) (string, string) {
	code = strings.TrimLeft(code, "-")
	was = strings.TrimLeft(was, "-")
	if code == "" || len(code) < 3 || !x.agentOnly(code) || !x.agentOnly(was) || x.agentOnly(other) {
		return "", ""
	}
	if !x.agentCue(code).has(cueLocalAgent) && (source || !violent(lead(c.code))) {
		return "", ""
	}
	cc := country(other)
	return cc + code, fmt.Sprintf("; country %s, as its fellow agent's", cc)
}

// sentenceNationality returns the country of the national actors of sentence sn, a
// nationality word with an agent that a place localises ([local-agent]: "Kenyan
// police", "a Libyan militant group"), when they name one country only and lie outside
// the other actor's phrase (skip): "Kenyan police arrested dozens of protesters" are
// Kenyan protesters, as "Kenya's police" made them by the place; "a Libyan militant
// group claimed an attack in which eight police officers were killed" killed Libyan
// police. A nationality alone ("Americans", "Mexican heritage") or a party
// ("Republicans": USAPTY) says nothing of where others act. "" when the sentence names
// no such actor, or several countries.
func (x *extractor) sentenceNationality(sn doc.Sentence, skip func(doc.Span) bool) string {
	cc := ""
	for i := range x.d.Entities {
		e := &x.d.Entities[i]
		if e.Type != "NORP" || len(e.Actor) <= 3 || e.Start < sn.Start || e.End > sn.End || skip(e.Span) || x.agentOnly(e.Actor) || !x.agentCue(x.agentOf(e.Actor)).has(cueLocalAgent) {
			continue
		}
		switch c := country(e.Actor); {
		case cc == "":
			cc = c
		case c != cc:
			return ""
		}
	}
	return cc
}

// modifierPlace reports whether a place mention modifies a noun ("US soldiers", "US
// lives") rather than naming where something is: such a mention says whose soldiers or
// attacks they are, not where the agents of a later sentence were.
func (x *extractor) modifierPlace(p doc.Place) bool {
	// Possessives stay: "Kenya's capital" does say where; and so does a place that
	// names a division ("in Kandahar province", "Kaduna state": [division]).
	if !x.d.Modifier(p.Span) {
		return false
	}
	last := x.tokenAt(p.End - 1)
	if last >= 0 && last < len(x.d.Tokens) {
		if h := x.d.Tokens[last].Head; h > last && x.cue(h).has(cueDivision) {
			return false
		}
	}
	return true
}

// agentOnly reports whether an actor code starts with an agent code (cues.txt,
// [agent-code]) and so names no country: "CVL", "GOVMIL".
func (x *extractor) agentOnly(code string) bool { return x.agentCue(code).has(cueAgentCode) }

// agentCue returns the cue lists of an actor code's first three letters.
func (x *extractor) agentCue(code string) cue {
	if len(code) < 3 {
		return cue{}
	}
	var b [3]byte
	for i := range b {
		c := code[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return x.st.c.cues[string(b[:])]
}

// place returns where the event happened and how it was found: a place named in a
// locative phrase (in, near, outside…) of the trigger's clause or inside its target ("US
// bases in Iraq"), the nearest to the trigger ("clause"); else one in a locative phrase
// elsewhere in the sentence, when the sentence names only one such place ("sentence");
// else the article's dateline ("dateline"). Places in other clauses of a sentence that
// names several, where a statement was made or another event happened, are not taken,
// and places that are the actors are not it.
func (x *extractor) place(c *cand) where {
	d := x.d
	s := &x.s
	trig := c.trigger
	cl := s.clauseOf(trig)
	best, bestDist := -1, 1<<30
	other, others := -1, 0
	sn := d.Sentences[x.si]
	for i := range d.Places {
		p := &d.Places[i]
		if p.Start < sn.Start || p.End > sn.End {
			continue
		}
		tk := x.tokenAt(p.Start)
		if tk < s.first || tk >= s.end {
			continue
		}
		// The place's noun phrase head and its preposition.
		h := tk
		for steps := 0; steps < 3; steps++ {
			hh := s.head(h)
			if hh < 0 || !(s.dep(h) == "compound" || s.dep(h) == "flat" || s.dep(h) == "amod") {
				break
			}
			h = hh
		}
		if x.isActorHead(c, h) {
			continue
		}
		k := caseTok(s, h)
		if hh := s.head(h); k != h && x.lowerIs(k, "of") && hh >= 0 && x.cue(hh).has(cueDivision) {
			// "in the US capital city of Washington", "in the town of Pandeglang": the
			// place is where the division word's phrase says
			h, k = hh, caseTok(s, hh)
		}
		if c.noun && k == h && s.head(h) == trig && h < trig && (s.dep(h) == "compound" || s.dep(h) == "amod" || s.dep(h) == "nmod") {
			// a place that modifies the event noun is where it happened: "the Kabul car
			// bombing", "Hong Kong protests continue"
			if best < 0 {
				best, bestDist = i, 0
			}
			continue
		}
		if k == h || !x.cue(k).has(cuePlacePrep) {
			if k = x.placePrepBefore(tk); k < 0 {
				continue
			}
			h = s.head(k) // where the preposition hangs in the tree, for the clause
			if h < 0 {
				h = tk
			}
		}
		inClause := s.clauseOf(h) == cl
		inTarget := false
		for _, t := range c.tgt {
			if t.head >= 0 && s.inSubtree(h, t.head) {
				inTarget = true
			}
		}
		if c.noun && s.inSubtree(h, trig) {
			inClause = true
		}
		if !inClause && !inTarget {
			if other < 0 || d.Places[other].Name != p.Name {
				others++
			}
			other = i
			continue
		}
		dist := h - trig
		if dist < 0 {
			dist = -dist
		}
		if d.Modifier(p.Span) {
			// "in the US capital city of Washington": a place that modifies a noun of the
			// phrase places it only when the phrase names no other
			dist += 1 << 16
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	switch {
	case best >= 0:
		return where{d.Places[best].Location(), PlaceClause}
	case others == 1:
		return where{d.Places[other].Location(), PlaceSentence}
	case x.dateline >= 0:
		return where{d.Places[x.dateline].Location(), PlaceDateline}
	}
	return where{}
}

// nationalFocus returns the country of most of the nationality words of an article that
// places nothing ("Georgian tennis player Nikoloz Basilashvili arrested…": the police
// who arrested him are Georgian), when it holds more than half of them, at least two.
func nationalFocus(d *doc.Document) string {
	var cs []string
	for _, e := range d.Entities {
		if e.Type == "NORP" && len(e.Actor) == 3 {
			cs = append(cs, e.Actor)
		}
	}
	return majority(cs)
}

// majority returns the country that more than half of cs are, at least two; "" when
// none is.
func majority(cs []string) string {
	n := map[string]int{}
	for _, c := range cs {
		if n[c]++; n[c] >= 2 && 2*n[c] > len(cs) {
			return c
		}
	}
	return ""
}

// distinctNamed reports whether a and b are two different named actors, persons or
// organisations, whatever their codes: "Trump lashed out at the mayor Muriel Bowser" is
// USAGOV against USAGOV, "the Prime Minister apologised for his economy minister" too,
// and the coders code such events, where PETRARCH drops every event whose two codes are
// the same. A pronoun counts as the entity it stands for.
func (x *extractor) distinctNamed(a, b actorArg) bool {
	ea, eb := x.entityOf(a.head), x.entityOf(b.head)
	if ea < 0 && eb < 0 {
		return x.distinctRoles(a.head, b.head)
	}
	if ea < 0 || eb < 0 {
		return false
	}
	ca, cb := x.d.Entities[ea].Canonical, x.d.Entities[eb].Canonical
	switch x.d.Entities[ea].Type {
	case "PERSON", "ORG":
	default:
		return false
	}
	return ca != "" && cb != "" && ca != cb
}

// distinctRoles reports whether two unnamed actors are told by different nouns of
// person or office ("the Ukrainian president rejected the prime minister's resignation":
// UKRGOV against UKRGOV), which are two actors as two names are; one noun told twice, or
// a noun and the pronoun that stands for it, is one.
func (x *extractor) distinctRoles(a, b int) bool {
	s := &x.s
	if a < s.first || a >= s.end || b < s.first || b >= s.end {
		return false
	}
	ta, tb := &x.d.Tokens[a], &x.d.Tokens[b]
	return ta.POS == "NOUN" && tb.POS == "NOUN" && ta.Lemma != tb.Lemma && !s.inSubtree(a, b) && !s.inSubtree(b, a)
}

// entityOf returns the entity of token h, -1 when there is none.
func (x *extractor) entityOf(h int) int {
	if h < 0 || h >= len(x.ent) {
		return -1
	}
	return int(x.ent[h])
}

// focusCountry returns the country of most of the article's places when it holds more
// than half of them, at least two: an article about protests in Belgrade that names no
// place in one sentence still reports Serbian police there. In news about two countries
// at odds no country has such a majority, and nothing is returned.
func focusCountry(d *doc.Document) string {
	var cs []string
	for _, p := range d.Places {
		if p.Country != "" && !d.Modifier(p.Span) {
			cs = append(cs, p.Country)
		}
	}
	return majority(cs)
}

// narrativeDates dates each event still dated by publication with the date of the
// latest earlier event whose own text gave one, as a news story goes on telling what
// happened that day ("On Saturday evening a man stabbed three people… He was arrested
// at the scene"). An event in the headline, or one of the body after the lead's date and
// before any dated event, takes the first day given in the first three sentences of the
// body, where a story's lead dates it.
// Dates after publication (a court date ahead) anchor nothing.
func (x *extractor) narrativeDates() {
	pub := pubDate(x.d.Published)
	anchor := func(i int) bool {
		e := &x.events[i]
		// A day only: "in 2020" or "this month" says when the background was, not the
		// day the story tells.
		return e.DateSource == DateText && len(e.Date) == len("2006-01-02") && (pub == "" || e.Date <= pub)
	}
	needs := func(i int) bool { return x.events[i].DateSource == DatePublication }
	x.fromTheStory(anchor, needs, func(i, from int) {
		e, a := &x.events[i], &x.events[from]
		if a.Sentence == e.Sentence {
			return
		}
		note := fmt.Sprintf("; date: the story's, %s from the event of sentence %d", a.Date, a.Sentence)
		e.Rule = strings.Replace(e.Rule, "; date: publication date", note, 1)
		e.Date, e.DateSource = a.Date, DateNarrative
	})
	// A headline's event that no coded event of the lead dates takes the first day the
	// lead gives ("Hong Kong protesters surround police complex" over "On Friday,
	// thousands of Hong Kong protesters…", whose own event the coder may have missed).
	// So does a body's event before any dated one that comes after the lead's date
	// ("Yesterday, Rouhani said… 'The presence of foreign forces can be dangerous…', he
	// said"), as the story goes on telling that day.
	lead, ok := x.leadDay(pub)
	if !ok {
		return
	}
	for i := range x.events {
		e := &x.events[i]
		if e.DateSource != DatePublication || e.Sentence >= len(x.d.Sentences) {
			continue
		}
		if sn := x.d.Sentences[e.Sentence]; sn.Start >= x.d.BodyStart && sn.Start < lead.End {
			continue
		}
		e.Rule = strings.Replace(e.Rule, "; date: publication date", fmt.Sprintf("; date: the lead's, %q", lead.Text), 1)
		e.Date, e.DateSource = lead.Value, DateNarrative
	}
}

// leadDay returns the first date given to the day, not after publication, in the first
// three sentences of the body.
func (x *extractor) leadDay(pub string) (doc.Date, bool) {
	d := x.d
	n := 0
	for _, sn := range d.Sentences {
		if sn.Start < d.BodyStart {
			continue
		}
		if n++; n > 3 {
			break
		}
		for _, dt := range d.Dates {
			if dt.Start >= sn.Start && dt.End <= sn.End && dt.Resolved && len(dt.Value) == len("2006-01-02") && (pub == "" || dt.Value <= pub) {
				return dt, true
			}
		}
	}
	return doc.Date{}, false
}

// narrativePlaces places each event the text does not place with the place of the
// story's latest earlier event that its own clause or sentence placed, as a report goes
// on telling what happened there ("Gunmen stormed a hotel in Mogadishu… Police said
// three guards were killed"), when that place is in the country of the event's source,
// or of its target for a material act: a statement from abroad about the story is not
// placed there. An event in the headline, or before any placed one, takes the lead's
// first placed event's place (in the first five sentences of the body), on the same
// condition. A dateline, which places every event already, leaves nothing to do.
func (x *extractor) narrativePlaces() {
	own := func(i int) bool {
		ps := x.events[i].PlaceSource
		return ps == PlaceClause || ps == PlaceSentence
	}
	needs := func(i int) bool { return x.events[i].Place == nil }
	x.fromTheStory(own, needs, func(i, from int) {
		e, p := &x.events[i], x.events[from].Place
		// A material act happens where its target is; words can be spoken from
		// anywhere, so a verbal one needs its source there.
		if country(e.Source) != p.Country && !(material(e.Root) && country(e.Target) == p.Country) {
			return
		}
		loc := *p
		e.Place, e.PlaceSource = &loc, PlaceStory
		e.Rule += fmt.Sprintf("; place: the story's, %s from the event of sentence %d", p.Name, x.events[from].Sentence)
	})
}

// material reports whether an event of CAMEO root is a material act (06–08, 14–20),
// done where its target is, rather than words, which can be spoken from anywhere.
func material(root string) bool {
	return root >= "14" || root >= "06" && root <= "08"
}

// mentionedPlaces places each event that no locative phrase, dateline or earlier event
// placed at the latest place the text named up to the end of its sentence that lies in
// the country where the event happens: its target's for a material act whose target has
// one (a strike abroad happens where it strikes), else its source's: "On Sunday in
// Argentina's National Congress, President Fernández announced … Thousands of people
// had gathered outside the National Congress" took place in Argentina. A report names
// where it happens before it tells what happened there; a place of another country says
// nothing of where this event was.
// The actor's own name counts ("Kenya condemned …": Kenya), as the gold coders place
// such events. (Leaving the actors' names out, or taking only a country further back
// than three sentences against a town of another episode told above, placed 4 and 2 of
// the 133 gold places of event-gold-dev wrong that this places right.)
func (x *extractor) mentionedPlaces() {
	for i := range x.events {
		e := &x.events[i]
		if e.Place != nil || e.Sentence >= len(x.d.Sentences) {
			continue
		}
		end := x.d.Sentences[e.Sentence].End
		at := country(e.Source)
		if material(e.Root) && country(e.Target) != "" {
			at = country(e.Target)
		}
		if at == "" {
			continue
		}
		// The latest place named in the country, unless it is the country itself (or a
		// place no division holds) and a place within it was named before: "Yemen" in "the
		// journalist was shot in Yemen's Mokha ... Yemen's government condemned" says less
		// of where than the town the story is about.
		var best *doc.Place
		for k := len(x.d.Places) - 1; k >= 0; k-- {
			p := &x.d.Places[k]
			if p.End > end || p.Country != at {
				continue
			}
			if best == nil {
				best = p
			}
			if p.Admin1 != "" {
				best = p
				break
			}
		}
		if best != nil {
			e.Place, e.PlaceSource = best.Location(), PlaceMention
			e.Rule += fmt.Sprintf("; place: %s, the latest place named in its country", best.Name)
		}
	}
}

// fromTheStory walks the events in text order and calls take(i, from) for each event
// i that needs what the story told elsewhere, from being the latest earlier anchor in
// the body or, for an event in the headline or before any anchor, the lead's: the first
// anchor in the first five sentences of the body. An event that needs is no anchor.
func (x *extractor) fromTheStory(anchor, needs func(i int) bool, take func(i, from int)) {
	bodyFirst := 0
	for si, sn := range x.d.Sentences {
		if sn.Start >= x.d.BodyStart {
			bodyFirst = si
			break
		}
	}
	lead := -1
	for i := range x.events {
		if anchor(i) && x.events[i].Sentence >= bodyFirst && x.events[i].Sentence < bodyFirst+5 {
			lead = i
			break
		}
	}
	// An act of violence goes with the latest violence told before it by the same side
	// (the same source country, or the same target country when the source is unknown),
	// when there is one, rather than with a statement in between: "Iran said on
	// Sunday…" does not date "he was also killed in the airstrike" after the US
	// airstrike of Friday; another country's strike dates nothing.
	side := func(i int) string {
		e := &x.events[i]
		if len(e.Source) >= 3 {
			return "s" + e.Source[:3]
		}
		if len(e.Target) >= 3 {
			return "t" + e.Target[:3]
		}
		return ""
	}
	last := -1
	for i := range x.events {
		if !needs(i) {
			if anchor(i) && x.events[i].Sentence >= bodyFirst {
				last = i
			}
			continue
		}
		from := last
		if violent(x.events[i].Code) && side(i) != "" {
			for j := i - 1; j >= 0; j-- {
				if x.events[j].Sentence >= bodyFirst && anchor(j) && !needs(j) && violent(x.events[j].Code) && side(j) == side(i) {
					from = j
					break
				}
			}
		}
		if from < 0 || x.events[i].Sentence < bodyFirst {
			from = lead // the headline's, and the lead's before its first anchor
		}
		if from >= 0 {
			take(i, from)
		}
	}
}

// findDateline returns the index of the place that opens the article's body as a
// dateline ("BEIRUT —", "KABUL, Afghanistan (Reuters) -"), -1 when there is none: a place
// at the start of the first body paragraph, followed within a few words by a dash or an
// opening bracket.
func findDateline(d *doc.Document) int {
	for i := range d.Places {
		p := &d.Places[i]
		if p.Start < d.BodyStart {
			continue
		}
		if p.Start > d.BodyStart+2 {
			return -1
		}
		rest := d.Text[p.End:min(len(d.Text), p.End+40)]
		if k := strings.IndexAny(rest, "—–-("); k >= 0 && !strings.ContainsAny(rest[:k], ".\n") && len(strings.Fields(rest[:k])) <= 3 {
			return i
		}
		return -1
	}
	return -1
}

func (x *extractor) isActorHead(c *cand, h int) bool {
	for _, a := range c.src {
		if a.head == h {
			return true
		}
	}
	for _, a := range c.tgt {
		if a.head == h && a.rule != "struck-place" {
			return true // a country struck is where the event was, too
		}
	}
	return false
}

// tokenAt returns the index of the token that starts at or contains byte offset off.
func (x *extractor) tokenAt(off int) int {
	toks := x.d.Tokens
	lo, hi := x.s.first, x.s.end
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Where an event's place comes from (doc.Event.PlaceSource).
const (
	PlaceClause   = "clause"   // a locative phrase of the event's clause or target
	PlaceSentence = "sentence" // the one place in a locative phrase elsewhere in its sentence
	PlaceDateline = "dateline" // the article's dateline
	PlaceStory    = "story"    // the place of the story's latest earlier placed event
	PlaceMention  = "mention"  // the latest place the text named up to the event, in its actors' country
)

// Where an event's date comes from (doc.Event.DateSource).
const (
	DateText        = "text"        // a date in the event's clause or sentence
	DateMention     = "mention"     // a date given to another mention of the incident
	DatePublication = "publication" // the article's publication date
	DateNarrative   = "narrative"   // the date of the story's latest earlier dated event
)

// date returns the event's date and where it comes from: the resolved date of its clause
// or sentence (dates.At), else the publication date, noted in the rule; own is false
// when the clause gave none (datedMentions may then find one elsewhere).
func (x *extractor) date(c *cand) (date, source, note string, own bool) {
	trig := x.d.Tokens[c.trigger].Span
	dt, ok := x.clauseDate(c.trigger)
	if !ok {
		dt, ok = dates.At(x.d, trig)
	}
	if ok && c.modality == Asserted && dt.Resolved && len(dt.Value) == len("2006-01-02") && x.d.Published != "" && dt.Value > pubDate(x.d.Published) {
		// "ordered the accused remain in custody until his next court appearance on
		// April 5": a day after publication is no day an asserted event happened on
		ok = false
	}
	if ok {
		if dt.Resolved && dt.Value != "" {
			return dt.Value, DateText, "", true
		}
		if x.d.Published != "" {
			return pubDate(x.d.Published), DatePublication, fmt.Sprintf("; date: publication date (%q is unresolved)", dt.Text), true
		}
		return "", "", fmt.Sprintf("; date: %q unresolved and no publication date", dt.Text), true
	}
	if x.d.Published != "" {
		return pubDate(x.d.Published), DatePublication, "; date: publication date", false
	}
	return "", "", "", false
}

// clauseDate returns the date expression of trigger t's own clause, by the tree: the
// nearest one whose words hang in that clause. "On Saturday morning, a gunman shot
// shoppers…, with the death toll rising to 22 on Monday" is Saturday's shooting, though
// Monday is as near in words. dates.At, which knows no tree, decides otherwise.
func (x *extractor) clauseDate(t int) (doc.Date, bool) {
	s := &x.s
	for home, up := s.clauseOf(t), 0; home >= 0 && up < 3; up++ {
		if dt, ok := x.dateInClause(t, home); ok {
			return dt, true
		}
		// "Late on Sunday, the SDF announced it had entered into an agreement": the
		// clause that reports or governs this one dates it.
		h := s.head(home)
		if h < 0 {
			break
		}
		home = s.clauseOf(h)
	}
	return doc.Date{}, false
}

// dateInClause returns the date mention of clause home nearest to token t.
func (x *extractor) dateInClause(t, home int) (doc.Date, bool) {
	s := &x.s
	best, bestDist := -1, 0
	for k, dt := range x.d.Dates {
		if dt.Start < x.d.Tokens[s.first].Start || dt.End > x.d.Tokens[s.end-1].End {
			continue
		}
		q := x.tokenAt(dt.End - 1)
		if q < s.first || q >= s.end || s.clauseOf(q) != home || x.crimeDate(t, q) {
			continue
		}
		dist := abs(q - t)
		if best < 0 || dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return doc.Date{}, false
	}
	return x.d.Dates[best], true
}

// crimeDate reports whether date token q dates the crime that legal action t judges
// rather than the action itself: "appeared in court yesterday, charged with one count of
// murder pertaining to a mass shooting on Friday" is charged yesterday. Such a date lies
// in the phrase of t that names the crime ("with", "for", "of", cues.txt [culprit]).
func (x *extractor) crimeDate(t, q int) bool {
	if !x.cue(t).has(cueCulprit) {
		return false
	}
	s := &x.s
	for _, ch := range s.children(t) {
		c := int(ch)
		if s.dep(c) != "obl" || !s.inSubtree(q, c) {
			continue
		}
		if k := caseTok(s, c); k != c && (x.lowerIs(k, "with") || x.lowerIs(k, "for") || x.lowerIs(k, "of")) {
			return true
		}
	}
	return false
}

// datedMentions dates the events whose own clause gives no date from another mention of
// the same incident in the article: a resolved date that modifies an event noun of the
// same kind ("last week's US airstrike", "the attack on Friday") whose agent, named in
// the noun phrase, is of the event's source country. Reports often give the date once,
// in the background, and the details elsewhere. The nearest mention wins; the rule says
// which sentence the date came from.
func (x *extractor) datedMentions() {
	if len(x.undated) == 0 || len(x.d.Dates) == 0 {
		return
	}
	type mention struct {
		date     doc.Date
		root     string
		agent    string // country of the noun's agent
		sentence int
		noun     int
	}
	var ms []mention
	d := x.d
	for _, dt := range d.Dates {
		if !dt.Resolved || dt.Value == "" {
			continue
		}
		last := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].End >= dt.End })
		if last >= len(d.Tokens) {
			continue
		}
		n := d.Tokens[last].Head
		if n < 0 || n >= len(d.Tokens) || d.Tokens[n].POS != "NOUN" {
			continue
		}
		root := x.nounRoot(n)
		if root == "" {
			continue
		}
		agent := x.nounAgentCountry(n)
		if agent == "" {
			continue
		}
		ms = append(ms, mention{dt, root, agent, x.d.SentenceOfToken(n), n})
	}
	for _, u := range x.undated {
		ev := &x.events[u.event]
		best, bestDist := -1, 1<<30
		for i, m := range ms {
			sameKind := m.root == ev.Root || isAttack(m.root) && isAttack(ev.Root)
			if !sameKind || m.sentence == ev.Sentence || m.agent != country(ev.Source) {
				continue
			}
			if dist := abs(m.sentence - ev.Sentence); dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best < 0 {
			continue
		}
		m := ms[best]
		ev.Date, ev.DateSource = m.date.Value, DateMention
		// The noun may come before its date ("the attack of 5 August") or after it ("the
		// 5 August attack"): quote the span that covers both.
		noun := d.Tokens[m.noun]
		from, to := min(m.date.Start, noun.Start), max(m.date.End, noun.End)
		note := fmt.Sprintf("; date: %q in sentence %d (%q)", m.date.Text, m.sentence, d.Text[from:to])
		if u.note != "" && strings.HasSuffix(ev.Rule, u.note) {
			ev.Rule = strings.TrimSuffix(ev.Rule, u.note) + note
		} else {
			ev.Rule += note
		}
	}
}

// nounRoot returns the CAMEO root of event noun n, "" when it is none or is coded
// through a verb's patterns.
func (x *extractor) nounRoot(n int) string {
	for _, e := range x.nounEntries(n) {
		if len(e.code) >= 2 {
			return e.code[:2]
		}
	}
	return ""
}

// nounAgentCountry returns the country of the actor that modifies noun n as its agent:
// a compound or adjective ("US airstrike", "Israeli raid"), a possessor ("Iran's
// attack") or a by-phrase ("an attack by Iran"). It reads the syntax layer directly, as
// n may be in any sentence.
func (x *extractor) nounAgentCountry(n int) string {
	d := x.d
	lo, hi := max(n-8, 0), min(n+8, len(d.Tokens))
	for k := lo; k < hi; k++ {
		if d.Tokens[k].Head != n {
			continue
		}
		switch d.Tokens[k].Dep {
		case "compound", "amod", "nmod:poss", "nmod", "nmod:agent":
		default:
			continue
		}
		if d.Tokens[k].Dep == "nmod" && !x.byPhrase(k) {
			continue
		}
		if ei := x.ent[k]; ei >= 0 && d.Entities[ei].Actor != "" && !x.agentOnly(d.Entities[ei].Actor) {
			return country(d.Entities[ei].Actor)
		}
	}
	return ""
}

// byPhrase reports whether token k has "by" as its case marker.
func (x *extractor) byPhrase(k int) bool {
	for j := max(k-4, 0); j < k; j++ {
		if x.d.Tokens[j].Head == k && x.d.Tokens[j].Dep == "case" {
			return x.lowerIs(j, "by")
		}
	}
	return false
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

// pubDate keeps the date part of an ISO date-time.
func pubDate(p string) string {
	if len(p) > 10 && p[10] == 'T' {
		return p[:10]
	}
	return p
}

// storyDiscarded reports whether a story-level discard phrase occurs anywhere.
func (x *extractor) storyDiscarded() bool {
	if len(x.st.c.discards) == 0 {
		return false
	}
	for i := range x.d.Tokens {
		if x.discardAt(i, true) {
			return true
		}
	}
	return false
}

// discarded reports whether a sentence-level discard phrase occurs in the sentence.
func (x *extractor) discarded(first, end int) bool {
	if len(x.st.c.discards) == 0 {
		return false
	}
	for i := first; i < end; i++ {
		if x.discardAt(i, false) {
			return true
		}
	}
	return false
}

// discardAt reports whether a discard phrase starts at token i (a story-level one when
// story is set, a sentence-level one otherwise). Discards match whole words; a phrase
// right before a word of cues.txt's [gear] names a thing, not a sport or a show, and
// discards nothing ("a baseball bat", "a hockey stick").
func (x *extractor) discardAt(i int, story bool) bool {
	es := x.st.c.discards[x.lower(i)]
	toks := x.d.Tokens
next:
	for _, e := range es {
		if (e.agent == "story") != story {
			continue
		}
		j := i + 1
		for _, w := range e.rest {
			for j < len(toks) && toks[j].Kind == doc.Punct && toks[j].Text != "&" {
				j++
			}
			if j >= len(toks) || !x.lowerIs(j, w) {
				continue next
			}
			j++
		}
		if j < len(toks) && toks[j].Kind == doc.Word && x.cue(j).has(cueGear) {
			continue // "beaten with a baseball bat": the sport's gear, no sport (cues.txt [gear])
		}
		return true
	}
	return false
}

// where is an event's place and how it was found.
type where struct {
	loc    *doc.Location
	source string
}

// unknownActor stands for the side of a one-sided event that the text does not name or
// that could not be coded (classes.txt says which events may have one).
var unknownActor = []actorArg{{head: -1, how: "not named or not coded"}}

func orUnknown(code string) string {
	if code == "" {
		return "unknown"
	}
	return code
}

// storyAttacker finds who did an act of violence that the text tells without its doer:
// the source of the latest earlier asserted act of violence of the article whose target
// is of the same country as this one's (any, when this one has none), as a coder reads
// the victims of a report's later sentences as the same attack's.
func (x *extractor) storyAttacker(tgts []actorArg) (actorArg, string) {
	tc := ""
	if len(tgts) > 0 {
		tc = country(strings.TrimLeft(tgts[0].code, "-"))
		if x.agentOnly(tc) {
			tc = ""
		}
	}
	for i := len(x.events) - 1; i >= 0; i-- {
		e := &x.events[i]
		if a := x.agentOf(e.Source); e.Source == "" || e.Modality != Asserted || !violent(e.Code) || a != "" && !x.st.c.agentSets["attackers"][a] {
			continue
		}
		if tc != "" && e.Target != "" && country(e.Target) != tc {
			continue
		}
		return actorArg{code: e.Source, span: e.Evidence.Source, head: -1, how: fmt.Sprintf("the attacker of sentence %d", e.Sentence)},
			fmt.Sprintf("; source: the story's attacker, %s in the %s event of sentence %d", e.Source, e.Code, e.Sentence)
	}
	return actorArg{}, ""
}

// storyProtesters finds who did an act of violence, told without its doer, to the
// police, the army or the government in a report of a protest: the source of the latest
// earlier asserted protest (CAMEO 14) of the five sentences before, in the target's
// country; a named person struck or an act named by a noun is another story. Those
// targets are the ones the recodes of the act's class (classes.txt) name for a violent
// protest ("CVL>COP:145"), as the coders read injured officers in a story of riots
// ("twenty people were arrested, and two police officers were injured": 145 by the
// protesters); injured journalists or passers-by may be anyone's victims.
func (x *extractor) storyProtesters(c *cand, tgt actorArg) (actorArg, string) {
	code := lead(c.code)
	ta := x.agentOf(strings.TrimLeft(tgt.code, "-"))
	if !x.protestTarget(code, ta) {
		return actorArg{}, ""
	}
	// the target's country as the event will have it ("soldiers were killed in Kabul")
	tc, _ := x.withCountry(tgt.code, tgt.span, c, false, doc.Span{})
	tc = country(tc)
	for i := len(x.events) - 1; i >= 0; i-- {
		e := &x.events[i]
		if e.Sentence < x.si-storyReach {
			break
		}
		if e.Root != "14" || e.Modality != Asserted || len(e.Source) < 3 || x.agentOnly(e.Source) {
			continue
		}
		if country(e.Source) != tc {
			continue
		}
		if r, ok := x.recodeOf(code, e.Source, country(e.Source)+ta, -1); !ok || !strings.HasPrefix(r.code, "14") {
			continue
		}
		return actorArg{code: e.Source, span: e.Evidence.Source, head: -1, how: fmt.Sprintf("the protesters of sentence %d", e.Sentence)},
			fmt.Sprintf("; source: the story's protesters, %s in the %s event of sentence %d", e.Source, e.Code, e.Sentence)
	}
	return actorArg{}, ""
}

// storyReach is how many sentences back storyProtesters looks for the protest: a report
// tells its riot's injured soon after the protest.
const storyReach = 5

// protestTarget reports whether agent a is one that a recode of code's class names as
// the target of a violent protest (CAMEO 14): "CVL>COP:145" names the police.
func (x *extractor) protestTarget(code, a string) bool {
	if a == "" {
		return false
	}
	for _, r := range x.st.c.classOf(code).recodes {
		if r.target == a && strings.HasPrefix(r.code, "14") {
			return true
		}
	}
	return false
}

// victims reports whether the targets of an act of violence are people it befell (a
// count, civilians, people), whose attacker a report often leaves to earlier sentences.
func (x *extractor) victims(tgts []actorArg) bool {
	if len(tgts) == 0 {
		return false
	}
	a := tgts[0]
	switch x.agentOf(strings.TrimLeft(a.code, "-")) {
	case "CVL", "PPL":
		return true
	}
	return a.how == howCount
}

// agentOf returns the agent part of an actor code ("CRM" of "USACRM", "" of "USA"),
// or the code itself when it is an agent alone ("CVL", cues.txt [agent-code]).
func (x *extractor) agentOf(code string) string {
	switch {
	case len(code) == 3 && x.agentOnly(code):
		return code
	case len(code) >= 6:
		return code[3:6]
	}
	return ""
}

// nationals reads a country's people ("thousands of Swedes", "six Mexican nationals")
// as the people of the class (classes.txt's people=, civilians for protests and
// violence), not as the state: the code of arg a, a bare country, gets the agent.
func (x *extractor) nationals(code string, a actorArg, agent, note string) (string, string) {
	if len(code) != 3 || x.agentOnly(code) || a.head < 0 || a.head >= len(x.d.Tokens) {
		return code, note
	}
	people := x.cue(a.head).has(cueNationals)
	if e := x.ent[a.head]; x.d.Tokens[a.head].Tag == "NNPS" && (e < 0 || x.d.Entities[e].Type == "NORP") {
		people = true // "Swedes", "Mexicans": a plural demonym, not a place
	}
	if !people {
		return code, note
	}
	return code + agent, note + "; " + x.lower(a.head) + " read as " + agent
}

// placePrepBefore finds the place preposition of a place mention at token tk that the
// parser did not hang on it ("in the Serbian capital Belgrade", Belgrade made a modifier
// of another noun): the nearest such preposition before it, with only determiners,
// adjectives and nouns between. It returns -1 when there is none.
func (x *extractor) placePrepBefore(tk int) int {
	toks := x.d.Tokens
	for k, n := tk-1, 0; k >= x.s.first && n < 5; k, n = k-1, n+1 {
		if x.cue(k).has(cuePlacePrep) && toks[k].POS == "ADP" {
			return k
		}
		switch toks[k].POS {
		case "DET", "ADJ", "NOUN", "PROPN":
		default:
			return -1
		}
	}
	return -1
}

// fighting reports whether an actor can be beaten in a fight: a state (a country alone),
// an armed group, or an agent of classes.txt's fighters.
func (x *extractor) fighting(code string) bool {
	return len(code) == 3 || strings.HasPrefix(code, "IMG") || x.st.c.agentSets["fighters"][x.agentOf(code)]
}

// doneToThing reports whether candidate c's verb is done to a thing: its object, or its
// subject when passive, is a common noun that is no actor and names no person by its
// ending ("released a statement", "a statement released by her family", "removed his
// microphone"), not a pronoun or a name ("released him", "released Alan Gross"). A verb
// with no object is done to what follows "with" ("grappling with so many sexual abuse
// allegations", "I struggle with religion"), not to someone ("clashed with police").
// Property (cues.txt [property]: buildings, homes, shops, vehicles) is no such thing:
// burning, looting or destroying it is violence done by its source, whose target is the
// owner if the dictionaries code the noun ("a police station": COP), else unknown.
func (x *extractor) doneToThing(c *cand) bool {
	s := &x.s
	v := c.trigger
	if v < s.first || v >= s.end || x.d.Tokens[v].POS != "VERB" {
		return false
	}
	o := s.child(v, "obj")
	if o < 0 && !c.passive {
		for _, ch := range s.children(v) {
			if s.dep(int(ch)) == "obl" && x.lower(caseTok(s, int(ch))) == "with" {
				o = int(ch)
				break
			}
		}
	}
	if c.passive {
		o = s.child(v, "nsubj:pass")
		if o < 0 && s.dep(v) == "acl" {
			o = s.head(v) // "a statement released by her family"
		}
	}
	if o < 0 || x.d.Tokens[o].POS != "NOUN" || x.ent[o] >= 0 || len(x.codeArgs(o)) > 0 || x.cue(o).has(cueMeans) {
		return false // a means of violence is what is fired or thrown ("fired tear gas at them")
	}
	if x.cue(o).has(cueProperty) {
		return false // property struck: "torched some classrooms", "destroyed five buildings"
	}
	for _, ch := range s.children(o) {
		if s.dep(int(ch)) == "nmod" && x.cue(int(ch)).has(cueMeans) {
			return false // "firing dozens of rounds of artillery"
		}
	}
	return !x.personByEnding(o)
}

// aimed reports whether the words of trigger t are aimed at something: a target found,
// or an object or a phrase of a target preposition ("blasted Sanders", "his attacks on
// billionaire financiers").
func (x *extractor) aimed(t int, tgt actorArg) bool {
	if tgt.head >= 0 {
		return true
	}
	s := &x.s
	for _, ch := range s.children(t) {
		c := int(ch)
		switch s.dep(c) {
		case "obj":
			return true
		case "obl", "nmod":
			if x.targetPrep(class{}, c) { // cues.txt's [target-prep], no class's own
				return true
			}
		}
	}
	return false
}

// doneByMeans reports whether verb v's doer is a means of violence or an event noun
// ("grenades hitting the consulate building", "the blast hit the embassy"): its subject,
// or the noun it modifies as a participle.
func (x *extractor) doneByMeans(v int) bool {
	d := x.s.child(v, "nsubj")
	if d < 0 && x.s.dep(v) == "acl" {
		d = x.s.head(v)
	}
	return d >= 0 && (x.cue(d).has(cueMeans) || x.eventNoun(d))
}

// inSet reports whether code is an agent of classes.txt's agent set with a country (not
// a state alone): the set "politicians" are those who fight with words (not the
// opposition, whose agent also codes protesters), "candidates" those who can be beaten
// at the polls, "campaigners" those whose money received is a campaign's.
func (x *extractor) inSet(code, set string) bool {
	return len(code) >= 6 && x.st.c.agentSets[set][x.agentOf(code)]
}

// victimNamed reports whether target tgt of candidate c is a person named with no code
// who suffers a passive event of force by no one named ("Baloch was murdered", "two
// operators, Glen Doherty and Tyrone Woods, were killed"), which classes.txt's victim=
// reads as civilians. Not where a politician may be the one "attacked", "hit" or
// "defeated" in words or at the polls, nor where someone acts on a person.
func (x *extractor) victimNamed(c *cand, src, tgt actorArg) bool {
	return tgt.how == namedNoCode && x.person(tgt.head) && c.passive && src.code == "" && src.how != namedNoCode &&
		!x.cue(c.trigger).hasAny(cueVerbalForce, cueContest)
}

// person reports whether token h is in a person's name.
func (x *extractor) person(h int) bool {
	if h < 0 || h >= len(x.ent) {
		return false
	}
	e := x.ent[h]
	return e >= 0 && x.d.Entities[e].Type == "PERSON"
}
