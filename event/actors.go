package event

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

// Actor coding of a noun phrase, in order of preference:
//
//  1. an entity over the phrase's head that carries an actor code (the entities, resolve
//     and actors stages coded it: "Mike Pompeo" USAGOV, "he" resolved to him);
//  2. a user's actor dictionary over the core words of the phrase (longest name), with
//     an agent of a user's agents dictionary ("Iranian" IRN + "officials" ~GOV);
//  3. the actor knowledge base's CodeNounPhrase over the core words ("Iranian officials"
//     IRNGOV, "the United States" USA);
//  4. an entity with an actor inside the core phrase: a possessor or modifier ("Soleimani's
//     daughter", "US bases"), or an apposition ("the secretary, Mike Pompeo").
//
// The core words are the head and the words that modify it before it (determiners,
// adjectives, compounds, possessors) and names joined to it (flat); prepositional
// complements are left out, so "the families of US soldiers" is not the United States.

// howCount is the how of an actor that is only a count of people ("killed 20", "three
// others"): people= in classes.txt reads it, other classes ignore it.
const howCount = "a count of people"

// isCount reports whether token h counts people without saying who they are: a number
// or a word of cues.txt's [people] ("others", "dozens").
func (x *extractor) isCount(h int) bool {
	return x.d.Tokens[h].POS == "NUM" || x.cue(h).has(cuePeople)
}

// codeArgs codes the noun phrase headed by h and the phrases conjoined to it ("the US and
// Israel"), at most three.
func (x *extractor) codeArgs(h int) []actorArg {
	if h < 0 {
		return nil
	}
	if pair := x.pairActors(h); len(pair) == 2 {
		return pair
	}
	var out []actorArg
	if a, ok := x.spokesFor(h, false); ok {
		out = append(out, a)
	} else if a, ok := x.codeNP(h); ok {
		out = append(out, a)
	}
	s := &x.s
	for _, ch := range s.children(h) {
		if s.dep(int(ch)) == "conj" && len(out) < 3 {
			if a, ok := x.codeNP(int(ch)); ok {
				out = append(out, a)
			}
		}
	}
	// "Indian and Chinese troops": conjoined nationalities before one noun are as many
	// actors, with the noun's agent.
	if len(out) == 1 && len(out[0].code) >= 3 {
		agent := out[0].code[3:]
		for _, ch := range s.children(h) {
			m := int(ch)
			if s.dep(m) != "amod" && s.dep(m) != "compound" {
				continue
			}
			for _, cc := range s.children(m) {
				k := int(cc)
				if s.dep(k) != "conj" || len(out) >= 3 {
					continue
				}
				if e := x.ent[k]; e >= 0 && len(x.d.Entities[e].Actor) >= 3 && !x.agentOnly(x.d.Entities[e].Actor) {
					en := &x.d.Entities[e]
					out = append(out, actorArg{code: country(en.Actor) + agent, span: en.Span, head: k, how: "conjoined " + en.Text})
				} else if code, _ := x.codeWords([]string{x.d.Tokens[k].Text}); len(code) >= 3 && !x.agentOnly(code) {
					// a demonym the entity layer did not mark ("Iranian and Saudi diplomats")
					out = append(out, actorArg{code: country(code) + agent, span: x.d.Tokens[k].Span, head: k, how: "conjoined " + x.d.Tokens[k].Text})
				}
			}
		}
	}
	// "the navies of China, India and Oman": the conjuncts of the "of" complement that
	// gave the phrase its country are as many actors, with the phrase's agent.
	if len(out) == 1 && len(out[0].code) > 3 {
		for _, ch := range s.children(h) {
			c := int(ch)
			if s.dep(c) != "nmod" || c < h || !x.lowerIs(caseTok(s, c), "of") {
				continue
			}
			if e := x.ent[c]; e < 0 || country(x.d.Entities[e].Actor) != country(out[0].code) {
				break
			}
			for _, cc := range s.children(c) {
				k := int(cc)
				if s.dep(k) != "conj" || len(out) >= 5 {
					continue
				}
				if e := x.ent[k]; e >= 0 && len(x.d.Entities[e].Actor) == 3 && !x.agentOnly(x.d.Entities[e].Actor) {
					en := &x.d.Entities[e]
					out = append(out, actorArg{code: en.Actor + out[0].code[3:], span: en.Span, head: k, how: "conjoined " + en.Text + " of " + x.lower(h)})
				}
			}
			break
		}
	}
	// "the Colombian government and the rebels": a conjunct with an agent but no
	// country is of its coded neighbour's country.
	for i := range out {
		agent := strings.TrimLeft(out[i].code, "-")
		if !x.agentOnly(agent) || agent == "PPL" {
			continue // generic people are nobody's: classes.txt's people= reads them
		}
		for j := range out {
			if c := out[j].code; j != i && !strings.HasPrefix(c, "-") && !x.agentOnly(c) && len(c) >= 3 {
				out[i].code = country(c) + agent
				out[i].how += "; country of " + x.argText(out[j])
				break
			}
		}
	}
	return out
}

// argText is the text of an actor argument, for rules.
func (x *extractor) argText(a actorArg) string { return x.d.Text[a.span.Start:a.span.End] }

// codeNP codes one noun phrase.
func (x *extractor) codeNP(h int) (actorArg, bool) { return x.codeNPOpt(h, false) }

func (x *extractor) codeNPOpt(h int, apposUp bool) (actorArg, bool) {
	s := &x.s
	d := x.d
	if x.cue(h).has(cueRelative) {
		if v := s.head(h); v >= 0 {
			h = x.antecedent(v, h)
		}
		if h < 0 {
			return actorArg{}, false
		}
	}
	switch d.Tokens[h].POS {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "DET", "SYM":
	default:
		return actorArg{}, false
	}
	if q := x.quantityOf(h); q >= 0 {
		h = q // "thousands of protesters": the protesters
	}
	if x.currencyPrefix(h) {
		return actorArg{}, false // "offers US$78 million": a sum, not the United States
	}
	if e := x.ent[h]; e >= 0 && d.Entities[e].Actor != "" {
		en := &d.Entities[e]
		return actorArg{code: en.Actor, span: en.Span, head: h, how: "entity " + en.Text}, true
	}
	if d.Tokens[h].POS == "PRON" {
		if a, ok := x.pronounActor(h); ok {
			return a, true
		}
	}
	first, last := x.core(h)
	x.words = x.words[:0]
	for q := first; q <= last; q++ {
		if d.Tokens[q].Kind != doc.Punct {
			x.words = append(x.words, d.Tokens[q].Text)
		}
	}
	span := doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last].End}
	agentOnly := actorArg{}
	code, how := x.codeWords(x.words)
	if len(code) >= 3 && !x.agentOnly(strings.TrimLeft(code, "-")[:3]) && x.uncodedWholeName(h, first, last) {
		// "St. John's Episcopal Church": a place inside the name of a building that
		// the entity stage read whole and left uncoded says nothing of the country;
		// the agent of the name's head stays, to take the country of where it is.
		if len(code) > 3 && x.agentOnly(code[3:]) {
			code, how = "---"+code[3:], how+"; no country from inside the name"
		} else {
			code = ""
		}
	}
	if code != "" {
		if len(code) == 3 || x.agentOnly(strings.TrimLeft(code, "-")) {
			// "The US secretary of state": the "of" complement may complete the
			// agent; taken only to refine the country the core already gives, or
			// to give the agent its country ("the Foreign Ministry of Iraq").
			agent := strings.TrimLeft(code, "-")
			if more, mhow, end := x.codeWithOf(h, last); len(more) > len(code) && strings.HasPrefix(more, code) ||
				x.agentOnly(agent) && len(more) == len(agent)+3 && strings.HasSuffix(more, agent) && !x.agentOnly(more) {
				code, how = more, mhow
				span.End = d.Tokens[end].End
			}
		}
		a := actorArg{code: code, span: span, head: h, how: how}
		if !strings.HasPrefix(code, "---") {
			return a, true
		}
		agentOnly = a // "the fallen leader": a name beside it may say whose
	}
	// A name after the head is the head's own ("his daughter Zeinab"); else a modifier
	// or possessor that is an actor: "US bases", "Soleimani's daughter".
	for q := h + 1; q <= last; q++ {
		if e := x.ent[q]; e >= 0 && d.Entities[e].Actor != "" && d.Entities[e].Type == "PERSON" {
			en := &d.Entities[e]
			return actorArg{code: en.Actor, span: span, head: h, how: "name " + en.Text}, true
		}
	}
	for _, ch := range s.children(h) {
		c := int(ch)
		if e := x.ent[c]; e >= 0 && s.dep(c) == "appos" && d.Entities[e].Actor != "" && d.Entities[e].Type == "PERSON" {
			en := &d.Entities[e]
			return actorArg{code: en.Actor, span: en.Span, head: c, how: "apposition entity " + en.Text}, true
		}
	}
	for q := first; q <= last; q++ {
		if e := x.ent[q]; e >= 0 && d.Entities[e].Actor != "" && q != h {
			en := &d.Entities[e]
			return actorArg{code: en.Actor, span: span, head: h, how: "modifier " + en.Text}, true
		}
	}
	if x.cue(h).has(cueEntourage) {
		// "his associates", "their lawyers", "my thoughts": the owner's, when the
		// possessive pronoun can be resolved.
		for _, ch := range s.children(h) {
			if c := int(ch); s.rel(c, "nmod:poss") && d.Tokens[c].POS == "PRON" {
				if a, ok := x.pronounActor(c); ok {
					a.span, a.head, a.how = span, h, "owner: "+a.how
					return a, true
				}
			}
		}
	}
	if e := x.ent[h]; e >= 0 && d.Entities[e].Type == "PERSON" {
		if a, ok := x.spokesFor(h, true); ok {
			return a, true // "Sabrina Bennoui of Reporters Without Borders"
		}
	}
	for _, ch := range s.children(h) {
		c := int(ch)
		if s.dep(c) == "appos" && !apposUp {
			if a, ok := x.spokesFor(c, false); ok {
				a.how = "apposition " + a.how
				return a, true // "Ahmed al-Assadi, a spokesman for the PMF"
			}
			if a, ok := x.codeNPOpt(c, true); ok {
				a.how = "apposition " + a.how
				return a, true
			}
		}
	}
	if s.dep(h) == "appos" && !apposUp {
		// "commander Qassem Soleimani" parsed as an apposition: the noun it stands beside.
		if a, ok := x.codeNPUp(s.head(h)); ok {
			a.how = "apposition " + a.how
			return a, true
		}
	}
	if agentOnly.code == "" && x.isCount(h) && !(h+1 < len(d.Tokens) && x.lowerIs(h+1, "of")) {
		// "killed 20", "injured three others": a count of people nobody names (not
		// "thousands of protesters", whose complement says who they are).
		return actorArg{code: "PPL", span: span, head: h, how: howCount}, true
	}
	return agentOnly, agentOnly.code != ""
}

// currencyPrefix reports whether token h is a country's abbreviation written before a
// currency sign ("US$78 million", "A$5m", "US $2.6 billion"), which the parser may make
// the head of the sum.
func (x *extractor) currencyPrefix(h int) bool {
	toks := x.d.Tokens
	if h+1 >= len(toks) || len(strings.ReplaceAll(toks[h].Text, ".", "")) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[h+1].Text)
	return unicode.Is(unicode.Sc, r) && toks[h+1].Start-toks[h].End <= 1
}

// codeWithOf codes the core words of h (in x.words) followed by h's "of" complement
// ("secretary" + "of state"); it returns "" when h has none. The complement's last
// token is end.
func (x *extractor) codeWithOf(h, last int) (code, how string, end int) {
	s := &x.s
	d := x.d
	for _, ch := range s.children(h) {
		c := int(ch)
		if c <= last || s.dep(c) != "nmod" {
			continue
		}
		k := caseTok(s, c)
		if k == c || !x.lowerIs(k, "of") {
			continue
		}
		words := x.words
		for q := last + 1; q <= int(s.right[c-s.first]); q++ {
			if d.Tokens[q].Kind != doc.Punct {
				words = append(words, d.Tokens[q].Text)
			}
		}
		code, how = x.codeWords(words)
		return code, how, int(s.right[c-s.first])
	}
	return "", "", 0
}

// quantityOf returns the noun that a quantity head counts ("thousands of protesters",
// "dozens of soldiers", "hundreds of Kenyans": cues.txt [quantity], or a number), -1
// when h is no such quantity.
func (x *extractor) quantityOf(h int) int { return x.ofPhrase(h, cueQuantity) }

// seriesOf returns the noun that a quantity or a series counts or groups ("dozens of
// airstrikes", "a series of airstrikes": [quantity], [series]), -1 when h is none.
func (x *extractor) seriesOf(h int) int { return x.ofPhrase(h, cueQuantity, cueSeries) }

// ofPhrase returns the noun of the "of" phrase of h when h, as written or by its lemma,
// is in one of the lists (or is a number), -1 otherwise: "crowds" is a quantity, though its
// lemma "crowd" is a body of people.
func (x *extractor) ofPhrase(h int, lists ...cueID) int {
	if !x.cue(h).hasAny(lists...) && !x.st.c.cues[x.lower(h)].hasAny(lists...) && x.d.Tokens[h].POS != "NUM" {
		return -1
	}
	s := &x.s
	for _, ch := range s.children(h) {
		c := int(ch)
		if s.dep(c) == "nmod" && c > h {
			if k := caseTok(s, c); k != c && x.lowerIs(k, "of") {
				return c
			}
		}
	}
	return -1
}

// uncodedWholeName reports whether the core phrase first..last of head h is a multi-word
// name of a building or institution (its head a word of cues.txt [property]: church,
// school, hospital) that the entity stage resolved whole and left uncoded: its words are
// the name's (a determiner aside). Such names take places and saints for where they
// stand or whom they honour ("St. John's Episcopal Church" in Washington is not
// Antigua's), while a newspaper or a firm named after a country is that country's
// ("the Saudi Gazette").
func (x *extractor) uncodedWholeName(h, first, last int) bool {
	e := x.ent[h]
	if e < 0 || !x.cue(h).has(cueProperty) {
		return false
	}
	en := &x.d.Entities[e]
	switch en.Type {
	case "LOCATION", "ORG", "FAC":
	default:
		return false
	}
	if en.Actor != "" || en.Mention != "" && en.Mention != "name" {
		return false
	}
	n := 0
	for q := first; q <= last; q++ {
		t := &x.d.Tokens[q]
		if t.Kind == doc.Punct || t.POS == "DET" {
			continue
		}
		if x.ent[q] != e {
			return false
		}
		n++
	}
	return n >= 2
}

// codeNPUp codes the noun an apposition stands beside, without looking back down into
// its appositions.
func (x *extractor) codeNPUp(h int) (actorArg, bool) {
	if h < 0 {
		return actorArg{}, false
	}
	return x.codeNPOpt(h, true)
}

// counted returns the quantity or series head that counts event noun n ("a series of
// airstrikes": series), which stands in the clause in n's place, or n itself.
func (x *extractor) counted(n int) int {
	if h := x.s.head(n); h >= 0 && x.seriesOf(h) == n {
		return h
	}
	return n
}

// core returns the token range of h's core phrase: its left modifiers and flat names.
func (x *extractor) core(h int) (first, last int) {
	s := &x.s
	first, last = h, h
	for _, ch := range s.children(h) {
		c := int(ch)
		switch s.dep(c) {
		case "det", "amod", "compound", "nmod", "flat", "nummod", "fixed":
			if s.dep(c) == "nmod" && !s.rel(c, "nmod:poss") {
				continue
			}
			l, r := int(s.left[c-s.first]), int(s.right[c-s.first])
			if c < h && l < first {
				first = l
			}
			if c > h && (s.dep(c) == "flat" || s.dep(c) == "compound") && r > last {
				last = r
			}
		}
	}
	return first, last
}

// codeWords codes words with the user's actor and agent dictionaries, then the knowledge
// base. It returns the code and how it was found, "" when nothing codes.
func (x *extractor) codeWords(words []string) (string, string) {
	if len(words) == 0 {
		return "", ""
	}
	c := x.st.c
	if len(c.actors) > 0 || len(c.agents) > 0 {
		country, crule := "", ""
		agent, arule, prefix := "", "", false
		for i := 0; i < len(words); i++ {
			if code, rule, n := x.matchName(c.actors, words, i, true); n > 0 {
				if country == "" {
					country, crule = code, rule
				}
				i += n - 1
				continue
			}
			if code, rule, n := x.matchName(c.agents, words, i, false); n > 0 {
				agent, arule = code, rule
				prefix = strings.HasPrefix(rule, "prefix ")
				i += n - 1
			}
		}
		switch {
		case country != "" && agent != "" && len(country) == 3:
			if prefix {
				return agent + country, "dictionaries " + crule + " + " + arule
			}
			return country + agent, "dictionaries " + crule + " + " + arule
		case country != "":
			return country, "dictionary " + crule
		case agent != "":
			// An agent without a country ("mourners"): the country is looked for later.
			return "---" + agent, "agent " + arule
		}
	}
	if x.st.kb != nil {
		if code, rule, ok := x.st.kb.CodeNounPhrase(words, x.d.Published); ok && code != "" {
			return code, "actors: " + rule
		}
	}
	return "", ""
}

// matchName finds the longest name of m starting at words[i]; it returns the code valid
// on the publication date, the entry's rule and the number of words (0: none).
func (x *extractor) matchName(m map[string][]nameEntry, words []string, i int, dated bool) (string, string, int) {
	first := strings.TrimSuffix(strings.ToLower(words[i]), "'s")
	bestN, bestCode, bestRule := 0, "", ""
	keys := [3]string{first, strings.TrimRight(first, ".,"), ""}
	if keys[1] == keys[0] {
		keys[1] = ""
	}
	if strings.HasSuffix(first, "s") {
		keys[2] = first[:len(first)-1] // a stem name ("IRANIAN") matches "Iranians"
	}
	for ki, key := range keys {
		if key == "" {
			continue
		}
		for _, e := range m[key] {
			n := 1 + len(e.rest)
			if n <= bestN || i+n > len(words) {
				continue
			}
			if ki == 2 && len(e.rest) == 0 && !e.last {
				continue // an exact one-word name does not take a plural
			}
			ok := true
			for k, w := range e.rest {
				tw := strings.ToLower(words[i+1+k])
				if tw != w && !(k == len(e.rest)-1 && e.last && strings.HasPrefix(tw, w)) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			code := e.agent
			if dated {
				code = ""
				for _, dc := range e.codes {
					if dc.Valid(x.d.Published) {
						code = dc.Code
						break
					}
				}
			}
			if code == "" {
				continue
			}
			bestN, bestCode, bestRule = n, code, e.rule
			if e.prefix {
				bestRule = "prefix " + e.rule
			}
		}
	}
	return bestCode, bestRule, bestN
}

// spokesFor codes one who speaks for others, or heads or belongs to them, by those
// others (cues.txt, [spokesperson]): "the spokesperson for the German government" is
// DEUGOV, "a spokesman of the PMF" the PMF, "the head of the UK's counter terror police"
// GBRCOP. A named person with such a complement is coded the same way ("Sabrina Bennoui
// of Reporters Without Borders"): person is true for an uncoded name at h. Where the
// others are a bare country, the role's own agent completes it ("the president of
// France": FRA with the president's GOV).
func (x *extractor) spokesFor(h int, person bool) (actorArg, bool) {
	s := &x.s
	if !person && !x.cue(h).has(cueSpokesperson) {
		return actorArg{}, false
	}
	for _, ch := range s.children(h) {
		c := int(ch)
		if s.dep(c) != "nmod" || c < h {
			continue
		}
		if k := caseTok(s, c); k != c && (x.lowerIs(k, "for") || x.lowerIs(k, "of") || x.lowerIs(k, "from")) {
			a, ok := x.codeNP(c)
			if !ok || a.how == howCount || strings.HasPrefix(a.code, "---") {
				continue
			}
			if e := x.ent[a.head]; len(a.code) == 3 && !person && a.head >= 0 && e >= 0 && x.d.Entities[e].Type == "LOCATION" {
				if role, _ := x.codeWords([]string{x.d.Tokens[h].Text}); strings.TrimLeft(role, "-") == "GOV" {
					a.code += "GOV"
				}
			}
			a.how = "speaks for " + a.how
			a.span = s.span(h)
			return a, true
		}
	}
	return actorArg{}, false
}

// pronounActor codes a personal pronoun by the person it stands for: "he" or "she" by the
// latest person named before it, in its sentence or the two before, when that person has
// an actor code ("Erdoğan launched the offensive… He named the PKK and the YPG as
// terrorists"); "they" by the source of the story's latest event just before, else the
// latest group or country named; "I" or
// "we" inside a quotation by the quotation's speaker ("'I have instructed ODESC…', said
// Ardern"). Without gender or number agreement the nearest person is taken: in news the
// pronoun mostly continues the person just named. "It" is left alone: measured on both
// real-news gold sets it stood for a thing or a statement more often than for the
// latest actor.
func (x *extractor) pronounActor(h int) (actorArg, bool) {
	d := x.d
	t := &d.Tokens[h]
	found := func(e *doc.Entity, how string) (actorArg, bool) {
		return actorArg{code: e.Actor, span: t.Span, head: h, how: how + " " + e.Text}, true
	}
	switch x.lower(h) {
	case "it", "they", "he", "she", "we":
		// "Russia said it was ready to hold talks": the subject of a reported clause
		// is the reporter, as args reads it for the clause's own verb.
		if c := x.s.head(h); c >= 0 && x.s.dep(h) == "nsubj" && x.s.dep(c) == "ccomp" && x.s.head(c) >= 0 {
			if o := x.s.child(x.s.head(c), "nsubj"); o >= 0 && o != h && x.d.Tokens[o].POS != "PRON" {
				if a, ok := x.codeNP(o); ok {
					a.span, a.head, a.how = t.Span, h, "the reporter: "+a.how
					return a, true
				}
			}
		}
	}
	switch x.lower(h) {
	case "he", "she", "him", "her", "his":
		from := d.Sentences[max(x.si-2, 0)].Start
		for i := len(d.Entities) - 1; i >= 0; i-- {
			e := &d.Entities[i]
			if e.End > t.Start || e.Start < from {
				continue
			}
			if e.Type == "PERSON" {
				// the latest person named: when the coder knows no code for them, the
				// pronoun is theirs all the same, not an earlier person's. One coded
				// with an agent alone ("Delfin Lorenzana, the Defence Secretary":
				// GOVMIL) is what a subject pronoun stands for ("he urged locals to
				// assist authorities"), and takes a country as the name does; as an
				// object such a pronoun is too often in figurative words ("blow him
				// away") to be taken.
				if e.Actor == "" || x.agentOnly(e.Actor) && x.s.dep(h) != "nsubj" {
					break
				}
				return found(e, "pronoun for")
			}
		}
		// No person named: the speaker of the latest quotation before it, a person the
		// entity layer may have missed ("US Special Representative for Iran Brian Hook
		// said, '…' He added, '…'"), unless the speaker is a body ("the ministry").
		for i := len(d.Quotes) - 1; i >= 0; i-- {
			sp := &d.Quotes[i].Speaker
			if sp.End > t.Start || sp.Start < from || sp.Start == sp.End {
				continue
			}
			if sp.Actor != "" && !x.agentOnly(sp.Actor) && !strings.HasPrefix(strings.ToLower(sp.Text), "the ") {
				return actorArg{code: sp.Actor, span: t.Span, head: h, how: "pronoun for the speaker " + sp.Text}, true
			}
			break
		}
	case "they", "them", "their":
		// The actor of the story's latest event just before, else the latest group
		// or country named: "Hong Kong student groups gave the government until
		// Thursday… They had asked Carrie Lam to resign".
		for i := len(x.events) - 1; i >= 0; i-- {
			e := &x.events[i]
			if e.Sentence < x.si-2 {
				break
			}
			if e.Source != "" && e.Sentence < x.si && !x.agentOnly(e.Source) && x.many(e.Evidence.Source) {
				return actorArg{code: e.Source, span: t.Span, head: h, how: fmt.Sprintf("pronoun for the source of sentence %d", e.Sentence)}, true
			}
		}
		from := d.Sentences[max(x.si-1, 0)].Start
		for i := len(d.Entities) - 1; i >= 0; i-- {
			e := &d.Entities[i]
			if e.End > t.Start || e.Start < from {
				continue
			}
			if (e.Type == "ORG" || e.Type == "NORP") && e.Actor != "" && !x.agentOnly(e.Actor) {
				return found(e, "pronoun for") // a group, not a person or a place
			}
		}
	case "i", "me", "my", "we", "us", "our":
		for i := range d.Quotes {
			q := &d.Quotes[i]
			if !q.Direct || t.Start < q.Start || t.End > q.End || q.Speaker.End <= q.Speaker.Start {
				continue
			}
			if a, ok := x.speakerActor(q); ok {
				a.span, a.head = t.Span, h
				return a, true
			}
		}
	}
	return actorArg{}, false
}

// speakerActor codes the speaker of quotation q: the quote stage's actor, else a person
// in the speaker's words ("Iraqi President Barham Salih"), else another actor there.
func (x *extractor) speakerActor(q *doc.Quote) (actorArg, bool) {
	d := x.d
	if q.Speaker.End <= q.Speaker.Start {
		return actorArg{}, false
	}
	if q.Speaker.Actor != "" && !x.agentOnly(q.Speaker.Actor) {
		return actorArg{code: q.Speaker.Actor, span: q.Speaker.Span, head: -1, how: "the quotation's speaker " + q.Speaker.Text}, true
	}
	var other *doc.Entity
	for j := range d.Entities {
		e := &d.Entities[j]
		if e.Start < q.Speaker.End && e.End > q.Speaker.Start && e.Actor != "" && !x.agentOnly(e.Actor) {
			if e.Type == "PERSON" {
				other = e
				break
			}
			if other == nil {
				other = e
			}
		}
	}
	if other == nil {
		return actorArg{}, false
	}
	return actorArg{code: other.Actor, span: other.Span, head: -1, how: "the quotation's speaker " + other.Text}, true
}

// many reports whether the words at span can be what "they" stands for: not one person
// (a name, "the gunman"), which "they" would not continue.
func (x *extractor) many(span doc.Span) bool {
	if span.End <= span.Start {
		return false
	}
	toks := x.d.Tokens
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End >= span.End })
	if k >= len(toks) {
		return false
	}
	if e := x.ent[k]; e >= 0 && x.d.Entities[e].Type == "PERSON" {
		return false
	}
	return x.d.Tokens[k].Tag != "NN"
}

// pairActors codes "both countries", "the two sides" ([pair] with a word of [both]) as
// the two countries the story named last, in the sentence before h or the two before
// it: "North and South Korea exchanged artillery fire… Both countries have put their
// militaries on high alert". With fewer than two countries named there it codes nothing.
func (x *extractor) pairActors(h int) []actorArg {
	if !x.cue(h).has(cuePair) || x.d.Tokens[h].Tag != "NNS" {
		return nil
	}
	both := false
	for _, ch := range x.s.children(h) {
		if c := int(ch); c < h && x.cue(c).has(cueBoth) {
			both = true
		}
	}
	if !both {
		return nil
	}
	d := x.d
	from := d.Sentences[max(x.si-2, 0)].Start
	t := &d.Tokens[h]
	var out []actorArg
	for i := len(d.Entities) - 1; i >= 0 && len(out) < 2; i-- {
		e := &d.Entities[i]
		if e.End > t.Start || e.Start < from || len(e.Actor) < 3 || x.agentOnly(e.Actor) {
			continue
		}
		c := country(e.Actor)
		if len(out) == 1 && out[0].code == c {
			continue
		}
		out = append(out, actorArg{code: c, span: t.Span, head: h, how: "one of the two countries named before: " + e.Text})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
