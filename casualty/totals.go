package casualty

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// mention is what Totals knows of one count besides its doc.Casualty.
type mention struct {
	sent        int    // index of its sentence
	one         bool   // one person written without a number: a name, a pronoun, "the driver"
	indefinite  bool   // "a man was shot dead": one more person, not one already named
	additive    bool   // "five other civilians also died": besides those counted
	perpetrator bool   // the attackers: "the gunman was shot dead", "police shot him dead"
	update      bool   // a toll brought to a new figure: "the death toll rose to 56"
	laterToll   bool   // a toll told "later" in its sentence: "police later announced a death toll of 138"
	mayDie      bool   // people shot or stabbed, who may include the dead
	toll        bool   // read after a toll noun: "the death toll as high as 18"
	part        bool   // some of a group: "two of the victims", "one of them"
	also        bool   // "also" in the evidence: "A US employee was also killed"
	conj        bool   // joined by "and" to the count before it, sharing its verb
	definite    bool   // "the three officers": people the text may have counted already
	name        string // the words of a named or described person, for matching mentions
	times       int    // "two bombs ... killing three people each": the count is of each of times
	sequel      bool   // told of another incident: "A second blast killed three people"
	ofHurt      bool   // some of those just counted hurt: "one of them", "two of the wounded"
	ofInjured   bool   // ofHurt by a noun for the hurt ("one of the injured"), not "of them"
	laterOther  bool   // "Another later died": one more dead, of those just counted hurt
}

// mention describes the count c with evidence items [first, last].
func (r *reader) mention(c count, first, last int) mention {
	its := r.its
	m := mention{sent: r.sent}
	m.indefinite = its[c.num].glue == gIndef
	m.one = c.value == 1 && !its[c.num].has(fNumber) && !m.indefinite
	for j := max(first-1, 0); j <= last && j < len(its); j++ {
		if its[j].has(fAdditive) && !its[j].hasKind() { // "another three died"
			m.additive = true
		}
	}
	// "A second fire on Saturday ... killed another person": another day's, no more of these.
	m.additive = m.additive && !r.otherDay(first)
	m.perpetrator = c.head >= 0 && its[c.head].has(fPerpetrator)
	for j := c.start; j <= last && j < len(its); j++ {
		m.perpetrator = m.perpetrator || its[j].has(fPerpetrator) && its[j].hasKind() // "he blew himself up"
	}
	m.update = its[first].kinds[roleToll] != 0 && c.num > 0 && its[c.num-1].glue == gTo
	for j := first; j <= last && j < len(its); j++ {
		m.mayDie = m.mayDie || its[j].has(fMayDie)
	}
	if m.one {
		m.name = strings.ToLower(r.d.Text[r.toks[its[first].first].Start:r.toks[its[last].end-1].End])
	}
	// "Police shot him dead", "was shot dead by police": who did it says who died.
	// Only for one person: "Security forces killed at least eight militants" counts the
	// dead of the incident, not attackers besides them.
	for j := first - 1; m.one && j >= 0 && j >= first-3 && its[first].kinds[roleObject] != 0 && its[j].glue != gComma && its[j].glue != gStop; j-- {
		if its[j].has(fStopper) {
			m.perpetrator = true // not "clashed with police, killing at least one soldier"
		}
	}
	m.toll = its[first].kinds[roleToll] != 0
	for j := first - 1; m.toll && j >= 0 && its[j].glue != gStop; j-- {
		m.laterToll = m.laterToll || r.word(j) == "later"
	}
	m.conj = r.conj[c.num]
	m.part = c.inner >= 0 || c.num+2 < len(its) && its[c.num+1].glue == gOf && its[c.num+2].has(fPartitive) ||
		c.start > 0 && its[c.start-1].has(fPartCue) // "at least thirty dead, including about ten children"
	m.definite = its[c.num].has(fNumber) && c.num > 0 && (its[c.num-1].glue == gThe || its[c.num-1].glue == gPoss)
	for j := first; j <= last+1 && j < len(its); j++ {
		m.also = m.also || r.word(j) == "also" // "At least four demonstrators were killed also"
	}
	for j := last + 1; j < len(its) && j <= last+3; j++ {
		if its[j].glue == gBy && j+1 < len(its) && its[j+1].has(fStopper) {
			m.perpetrator = true
		}
	}
	m.times = r.times(c, first)
	if c.num+2 < len(its) && its[c.num+1].glue == gOf {
		w := r.word(c.num + 2)
		m.ofHurt = w == "them" || w == "whom"
	}
	m.ofInjured = c.inner < 0 && c.head >= 0 && its[c.head].kinds[rolePredicate]&2 != 0 // "one of the injured"
	m.ofHurt = m.ofHurt || m.ofInjured
	m.sequel = r.sequel(first)
	if m.additive && c.value <= 2 && r.word(first) == "another" {
		for j := first; j <= last && j < len(its); j++ {
			if w := r.word(j); w == "later" || w == "subsequently" {
				m.laterOther = true // "Another later died"
			}
		}
	}
	return m
}

// times is how many things the count c, its evidence starting at item first, is of each
// of: "Two bombs exploded in the market, killing three people each" (two); 1 without
// "each" after it, or without an exact number from two to twenty before it in the
// sentence that is not itself a count of people.
func (r *reader) times(c count, first int) int {
	its := r.its
	if c.end >= len(its) || !its[c.end].has(fEach) {
		return 1
	}
	for j := min(first, c.start) - 1; j >= 0; j-- {
		x := &its[j]
		if x.has(fNumber) && !x.has(fVague) && !x.has(fYear) && !r.used[j] && x.value >= 2 && x.value <= 20 {
			return int(x.value)
		}
	}
	return 1
}

// otherDay reports whether the clause before item first names another blast or fire of
// another day: an [additive] word at most two items before an [incident] noun and a day or
// month named in the clause ("A second fire on Saturday ... killed another person"), an
// incident apart from the article's, whose people add nothing to its counts.
func (r *reader) otherDay(first int) bool {
	its := r.its
	day, second := false, false
	for j := first - 1; j >= 0 && its[j].glue != gStop; j-- {
		day = day || its[j].has(fNotPlace)
		if its[j].has(fIncident) {
			for k := j - 1; k >= 0 && k >= j-2; k-- {
				second = second || its[k].has(fAdditive) && !its[k].hasKind()
			}
		}
	}
	return day && second
}

// sequel reports whether the clause before the evidence starting at item first names
// another blast of the incident: an [additive] word ("second", "another") at most two
// items before an [incident] noun ("A second blast an hour later killed three people"),
// and no day or month named in the clause ("a second bomb on Saturday" is another day's).
func (r *reader) sequel(first int) bool {
	its := r.its
	for j := first - 1; j >= 0 && its[j].glue != gStop; j-- {
		if its[j].has(fNotPlace) {
			return false
		}
	}
	for j := first - 1; j >= 0 && its[j].glue != gStop; j-- {
		if !its[j].has(fIncident) {
			continue
		}
		for k := j - 1; k >= 0 && k >= j-2; k-- {
			if its[k].has(fAdditive) && !its[k].hasKind() {
				return true
			}
		}
	}
	return false
}

// refineLimit is how far above an "at least" lead a later exact figure may be and still
// refine it rather than count something else.
const refineLimit = 1.6

// Totals returns d's count of each kind for its incident, reconciled from its counts
// rather than the largest of them:
//
//   - the lead states the toll: the first sentence of the body with a count of two or
//     more gives it, all its counts of the kind added ("killed 12 soldiers and 3
//     civilians"); later sentences restate it, break it down or tell of other incidents
//     ("the deadliest since 2018, when 150 were killed");
//   - unless the toll is brought to a new figure: the last "death toll rose to 56" wins;
//   - people counted one by one ("A man was shot dead. A woman was also killed.") count
//     as many as the sentence that names the most of them, or as those introduced with
//     "a"/"an", when that is more than the lead's figure; the same victim mentioned twice
//     counts once;
//   - vague counts ("dozens") stand only when no exact count of the kind does;
//   - people besides those counted add to them: "at least five other civilians also
//     died", "Another later died", "The local police chief and two others were also
//     injured" (vocab [additive]), when the text counted that kind before;
//   - attackers are counted apart from their victims and added: "killing four ... The
//     attacker was shot dead by police" is five (vocab [perpetrator], [stopper]);
//   - people shot or stabbed may include the dead: such a count is left out when its
//     sentence also counts the dead ("Five people were shot in all, three have been
//     killed and two others have been injured"; vocab [may include dead]);
//   - a person reported injured who then died is killed, not injured (see
//     diedOfInjuries);
//   - "other" people who, with those told one by one after the lead, make the lead's
//     figure exactly break it down rather than add ("Six were wounded. An officer was
//     shot in the arm, and five other people were hurt" is six);
//     so does one "also" hurt after a person told one by one after the lead ("two
//     people injured ... a worker was taken to hospital ... An employee was also
//     injured" is two);
//   - an attacker shot who later died is counted with the attackers ("Police shot him.
//     He later died" after "killing three" is four);
//   - a count "each" is multiplied by the number before it in the sentence ("Two bombs
//     exploded, killing three people each" is six; vocab [each]);
//   - a second blast adds its counts to the first's ("A second blast an hour later
//     killed three"; vocab [incident]), unless the total already holds both;
//   - some of the people just counted injured who died ("Two men were stabbed. One of
//     them died") come off the injured;
//   - one person "also" after a count of the kind in the same sentence is one more of
//     that clause ("Three were killed in Sana'a, while a boy was also killed in
//     Mukalla" is four); a number "also" adds after people told one by one only ("X
//     was shot ... Two security guards were also injured" is three) or when it names
//     another group than every count before ("seven UN workers ... At least four
//     demonstrators were killed also" is eleven);
//   - some and others "more" that make a figure the lead's "at least" or "more than"
//     allows refine it rather than add ("More than a dozen ... six people were killed
//     ... at least ten more" is sixteen);
//   - "one of the injured has died" takes one from the last count of the injured (and
//     from an earlier count of the same figure, the same people), and
//     "Another later died" from the count of the injured in a sentence before ("three
//     passengers were taken to a nearby hospital. Another later died");
//   - a later sentence that gives both the dead and the injured above the lead's
//     figures and close to them updates both ("killed at least 81 ... injured another
//     14 ... confirmed that 83 inmates had died, and that another 21 were injured");
//   - the headline states the total: when its count of a kind is larger, it stands.
func (s *Stage) Totals(d *doc.Document) map[string]int {
	ms := map[doc.Span]mention{}
	cs := s.extract(d, ms)
	died, attacker := diedOfInjuries(cs, ms)
	// "Two men were stabbed. One of them died in hospital": those of the injured who
	// died are killed, not injured (the guidelines), so a killed part of the count just
	// before, in the same or the sentence before, when that is of injured, comes off it;
	// "one of the injured has died" names the injured, and takes the last count of them
	// however far back ("two people have been shot ... Police later confirmed that one
	// of the injured has died").
	lessDied := map[int]int{}
	for i, c := range cs {
		m := ms[c.Span]
		if c.Kind != "killed" || !(m.part && m.ofHurt || m.laterOther) || i == 0 || c.Vague {
			continue
		}
		j := i - 1
		if m.ofInjured || m.laterOther {
			for j > 0 && cs[j].Kind != "injured" {
				j--
			}
		}
		if o := cs[j]; o.Kind == "injured" && !o.Vague && (m.ofInjured || m.sent-ms[o.Span].sent <= 1) && o.Value-lessDied[j] > c.Value &&
			(!m.laterOther || m.sent > ms[o.Span].sent) {
			lessDied[j] += c.Value
		}
	}
	// The same figure told before is the same people: "61 others were wounded ... We
	// admitted 61 wounded people ... Three of them died" is 58 injured.
	for j, v := range lessDied {
		for k := range j {
			if o := cs[k]; o.Kind == "injured" && o.Value == cs[j].Value && !o.Vague && lessDied[k] == 0 {
				lessDied[k] = v
			}
		}
	}
	for i, c := range cs {
		if attacker[i] {
			// "Police shot him. He later died": the attacker, whose death adds to
			// his victims', not one of them told again.
			m := ms[c.Span]
			m.perpetrator = true
			ms[c.Span] = m
		}
	}
	type key struct {
		kind string
		sent int
	}
	killedIn := map[int]bool{}
	seen, seenMany := map[string]bool{}, map[string]bool{}
	additive := map[key]bool{}
	for i, c := range cs {
		m := ms[c.Span]
		if c.Kind == "killed" && !m.perpetrator {
			killedIn[m.sent] = true
		}
		if c.Start < d.BodyStart {
			continue
		}
		// A sentence whose count says "other" or "another", or one person "also" ("The
		// driver of the vehicle was also killed"), adds all its counts of the kind to the
		// rest, when the text counted that kind before and no count of another kind comes
		// first in it ("two died and three others were injured").
		// One person "also" after a count of the kind in the same sentence is one more
		// of that clause: "Three people were killed in Sana'a, while a teenage boy was
		// also killed in Mukalla" is four, which the lead's "killing four" restates.
		sameSent := false
		for _, o := range cs[:i] {
			sameSent = sameSent || o.Kind == c.Kind && ms[o.Span].sent == m.sent && !ms[o.Span].perpetrator
		}
		if !m.additive && (m.indefinite || m.one) && m.also && sameSent && !m.perpetrator {
			m.conj = true
			ms[c.Span] = m
		} else if (m.additive || (m.indefinite || m.one || !seenMany[c.Kind] && !m.part || otherGroup(cs[:i], ms, c)) && m.also) && seen[c.Kind] {
			// A number "also" after people told one by one and no count of more adds
			// to them: "Rola El-Halabi was shot ... Two security guards were also
			// injured" is three.
			other := false
			for _, o := range cs[:i] {
				other = other || o.Kind != c.Kind && ms[o.Span].sent == m.sent
			}
			if !other {
				additive[key{c.Kind, m.sent}] = true
			}
		}
		if !c.Vague {
			seen[c.Kind] = true // an exact count that others can add to
			seenMany[c.Kind] = seenMany[c.Kind] || c.Value >= 2
		}
	}
	type group struct {
		sums       map[int]int // sentence → its largest clause total, tolls apart
		clause     map[int]int // sentence → the total of its clause being read
		joined     map[int]bool
		upTo       map[int]int // sentence → its largest "up to" count
		tolls      map[int]int // sentence → its largest toll
		parts      map[int]int // sentence → its counts of some of a group
		leadSent   int         // the first sentence with an exact count of two or more
		lead       doc.Casualty
		hasUpd     bool
		updValue   int
		updLater   bool                    // the update was told "later": the incident's own toll, however far above
		ones       map[int]map[string]bool // sentence → people counted one by one
		indefinite int
		vague      int
		extra      int
		extraOnes  int  // people counted one by one in the sentences that add
		extraAlso  bool // one of those says "also": besides, never a breakdown
		last       int  // the last exact count that is no part, before the sequels
		lastSent   int  // the sentence of last
		seq        int  // the counts of other incidents: "A second blast killed three"
		seqPrev    int  // the last exact count before the first of them
		exact      bool
		refined    int
	}
	newGroup := func() group {
		return group{leadSent: -1, sums: map[int]int{}, clause: map[int]int{}, joined: map[int]bool{}, upTo: map[int]int{},
			tolls: map[int]int{}, parts: map[int]int{}, ones: map[int]map[string]bool{}}
	}
	groups := map[string]*[2]group{} // by kind: victims, perpetrators
	head := map[string]int{}
	for i, c := range cs {
		m := ms[c.Span]
		if died[i] || c.Kind == "injured" && m.mayDie && killedIn[m.sent] {
			continue
		}
		c.Value -= lessDied[i]
		if m.times > 1 {
			c.Value *= m.times // "two bombs ... killing three people each"
		}
		if m.definite && i > 0 {
			m.part = true // "killing four ... the three officers were stabbed": some of them
		}
		if c.Start < d.BodyStart {
			head[c.Kind] = max(head[c.Kind], c.Value)
			continue
		}
		gs := groups[c.Kind]
		if gs == nil {
			gs = &[2]group{newGroup(), newGroup()}
			groups[c.Kind] = gs
		}
		g := &gs[0]
		if m.perpetrator {
			g = &gs[1]
		}
		switch {
		case m.sequel && !c.Vague && !m.part && g.exact:
			if g.seq == 0 {
				g.seqPrev = g.last
			}
			g.seq += c.Value
		case additive[key{c.Kind, m.sent}]:
			g.extra += c.Value
			if c.Value == 1 && !c.Vague {
				g.extraOnes++
			}
			// "also" says besides the lead's figure, unless a person was told one by one
			// after the lead just before: "Two people were injured. The worker was
			// hospitalised ... An employee was also injured" is the two.
			toldAfter := false
			for sent := range g.ones {
				toldAfter = toldAfter || g.leadSent >= 0 && sent > g.leadSent
			}
			g.extraAlso = g.extraAlso || m.also && !toldAfter
		case c.Vague:
			g.vague = max(g.vague, c.Value)
		default:
			g.exact = true
			if m.update || m.laterToll && g.leadSent >= 0 && m.sent > g.leadSent {
				g.hasUpd, g.updValue, g.updLater = true, c.Value, m.laterToll
			}
			if g.leadSent < 0 && !m.part && (c.Value >= 2 || !m.one && !m.indefinite) {
				g.leadSent, g.lead = m.sent, c // "One official died" leads, "He died" does not
			}
			if m.part {
				g.parts[m.sent] += c.Value
			}
			switch {
			case m.toll:
				g.tolls[m.sent] = max(g.tolls[m.sent], c.Value)
			case c.Qualifier == UpTo:
				g.upTo[m.sent] = max(g.upTo[m.sent], c.Value) // "but as many as 32"
			case !m.part:
				// Counts joined by "and" add up ("killed 12 soldiers and 3 civilians");
				// others in the sentence restate or break down: the largest stands.
				if m.conj || g.joined[m.sent] {
					g.clause[m.sent] += c.Value
				} else {
					g.clause[m.sent] = c.Value
				}
				g.joined[m.sent] = m.conj
				g.sums[m.sent] = max(g.sums[m.sent], g.clause[m.sent])
				g.last, g.lastSent = c.Value, m.sent
			}
			if g.leadSent >= 0 && m.sent > g.leadSent && c.Qualifier == Exact && !m.part && !m.toll && g.lead.Qualifier != Exact &&
				overlap(c, g.lead) && float64(c.Value) <= refineLimit*float64(g.lead.Value) {
				// A later exact figure the lead's "at least" allows, close to it: "at
				// least a dozen people lost their lives ... the minister said 18 people
				// died"; "wounding more than a dozen ... 13 others were wounded". A
				// figure far above it is another incident or a cumulative toll ("2,412
				// Afghan civilians were killed in 2009").
				g.refined = c.Value
			}
			if c.Value == 1 {
				// One person a mention; pronouns in a sentence are one person ("he
				// died ... he was dead").
				who := fmt.Sprint(c.Start)
				if isPronoun(m.name) {
					who = "pronoun"
				}
				if g.ones[m.sent] == nil {
					g.ones[m.sent] = map[string]bool{}
				}
				g.ones[m.sent][who] = true
				if m.indefinite {
					g.indefinite++
				}
			}
		}
	}
	updates := jointUpdates(cs, ms, d.BodyStart)
	out := map[string]int{}
	for kind, gs := range groups {
		for gi, g := range gs {
			best := g.vague
			if g.exact {
				lead := g.sums[g.leadSent]
				if lead == 0 {
					lead = max(g.tolls[g.leadSent], g.upTo[g.leadSent])
				}
				if g.leadSent < 0 && g.indefinite == 0 && len(g.ones) == 0 {
					// Only parts ("All three of the plane's passengers were killed"):
					// the sentence that counts the most.
					for _, v := range g.parts {
						lead = max(lead, v)
					}
				}
				best = max(lead, g.refined, g.indefinite)
				if g.leadSent >= 0 && gi == 0 {
					best = max(best, updates[kind])
				}
				for _, v := range g.ones {
					n := len(v)
					if v["pronoun"] && n > 1 {
						n-- // "A boy was hospitalised; he was shot in the ear": the boy
					}
					best = max(best, n)
				}
				if g.hasUpd && (best == 0 || g.updLater || float64(g.updValue) <= refineLimit*float64(best)) {
					// Tolls rise: "the death toll rose to 56", "police later announced
					// a provisional death toll of 138" after "at least 80". A figure far
					// above the article's own is a cumulative toll: "take the death toll
					// in the province to 73 in three days".
					best = max(best, g.updValue)
				}
			}
			extra := g.extra
			if q := g.lead.Qualifier; extra > 0 && g.leadSent >= 0 && g.lastSent > g.leadSent && (q == AtLeast || q == MoreThan) {
				// Some and others "more" that make a figure the lead's "more than"
				// allows, close to it: "More than a dozen people have been reported
				// dead ... six people were killed ... at least ten more people were
				// killed" is sixteen.
				if v := g.last + extra; v >= g.lead.Value && float64(v) <= refineLimit*float64(g.lead.Value) {
					best, extra = max(best, v), 0
				}
			}
			if g.leadSent >= 0 && extra > 0 && !g.extraAlso {
				// The people "other" to one or more told one by one after the lead may
				// be the rest of the lead's own figure: "Five journalists were injured.
				// Photographer John Smith was hit in the leg. Four other journalists
				// suffered minor injuries" is five. When one by one and others together
				// make the lead's figure exactly, they break it down and add nothing; not
				// so "also" ("A US employee was also killed").
				ones := g.extraOnes
				for sent, v := range g.ones {
					if sent > g.leadSent {
						ones += len(v)
					}
				}
				outside := ones - g.extraOnes
				if ones > 0 && extra+outside == g.sums[g.leadSent] {
					extra = 0
				}
			}
			if g.seq > 0 && g.seqPrev+g.seq > best {
				// Another incident adds, unless the total already holds it with the
				// count told just before: "Two blasts killed eight. The first killed
				// five people near the mosque; a second blast killed three".
				extra += g.seq
			}
			out[kind] += best + extra
		}
	}
	for kind, v := range head {
		out[kind] = max(out[kind], v)
	}
	return out
}

// jointUpdates returns the figures of killed and injured that a later sentence gives
// together, each above the lead's figure of its kind and close to it (no estimate
// "about" or "up to"): "killed at least 81 inmates, and injured another 14 ... Piñera also confirmed that
// 83 inmates had died, and that another 21 were injured" updates both (the guidelines
// take the latest figure for the incident).
func jointUpdates(cs []doc.Casualty, ms map[doc.Span]mention, bodyStart int) map[string]int {
	type fig struct{ sent, value int }
	lead := map[string]fig{}
	bySent := map[int]map[string]int{}
	for _, c := range cs {
		m := ms[c.Span]
		if c.Start < bodyStart || c.Vague || m.part || m.perpetrator || m.toll || m.sequel || c.Qualifier == UpTo || c.Qualifier == About ||
			c.Kind != "killed" && c.Kind != "injured" {
			continue
		}
		if _, ok := lead[c.Kind]; !ok {
			if c.Value >= 2 {
				lead[c.Kind] = fig{m.sent, c.Value}
			}
			continue
		}
		if bySent[m.sent] == nil {
			bySent[m.sent] = map[string]int{}
		}
		bySent[m.sent][c.Kind] = max(bySent[m.sent][c.Kind], c.Value)
	}
	out, latest := map[string]int{}, -1
	for sent, v := range bySent {
		k, i := v["killed"], v["injured"]
		lk, li := lead["killed"], lead["injured"]
		if k == 0 || i == 0 || lk.value == 0 || li.value == 0 || sent <= lk.sent || sent <= li.sent ||
			k <= lk.value || i <= li.value ||
			float64(k) > refineLimit*float64(lk.value) || float64(i) > refineLimit*float64(li.value) {
			continue
		}
		if sent > latest {
			latest, out["killed"], out["injured"] = sent, k, i
		}
	}
	return out
}

// otherGroup reports whether the count c names people ("demonstrators") that no earlier
// count of its kind may hold: each of those names people too, and others ("UN
// workers", "Gurkha guards"), so "At least four demonstrators were killed also" adds to
// them. A count of "people" or of no noun may hold anyone ("two pilgrims from Myanmar
// also died" after "more than 700 people died").
func otherGroup(before []doc.Casualty, ms map[doc.Span]mention, c doc.Casualty) bool {
	if c.Victims == "" || genericVictims(c.Victims) || ms[c.Span].part {
		return false
	}
	n := 0
	for _, o := range before {
		if o.Kind != c.Kind || o.Vague {
			continue
		}
		if o.Victims == "" || genericVictims(o.Victims) || o.Victims == c.Victims {
			return false
		}
		n++
	}
	return n > 0
}

func genericVictims(v string) bool {
	switch v {
	case "people", "persons", "person", "individuals", "others", "civilians", "victims":
		return true
	}
	return false
}

// namedAgain is how many sentences after a person named dead a mention of the same name
// shot or hurt is still that person told again.
const namedAgain = 10

// diedOfInjuries marks the injured counts of one person who, by a later count of one
// person killed, died: the killed count names the same person, or names no one (a
// pronoun: "He died today"), when the nearest earlier injured person is taken.
//
// It also returns the killed counts whose person was an attacker when injured ("Police
// shot him. He later died"): his death is counted with the attackers.
func diedOfInjuries(cs []doc.Casualty, ms map[doc.Span]mention) (map[int]bool, map[int]bool) {
	out, attacker := map[int]bool{}, map[int]bool{}
	perp := onePerpetrators(cs, ms)
	for i, c := range cs {
		m := ms[c.Span]
		if c.Kind != "killed" || !m.one {
			continue
		}
		pick := -1
		for j := i - 1; j >= 0; j-- {
			o, om := cs[j], ms[cs[j].Span]
			if o.Kind != "injured" || !om.one || out[j] || m.sent-om.sent > 3 {
				continue
			}
			if sharesWord(om.name, m.name) {
				pick = j
				break
			}
			if pick < 0 && isPronoun(m.name) {
				pick = j
			}
		}
		if pick >= 0 {
			out[pick] = true
			attacker[i] = perp[pick]
			continue
		}
		// The person named dead and then told again as shot, in the paragraphs after
		// ("Mendoza was gunned down ... Mendoza was shot down"), is the one dead, not one
		// more injured.
		for j := i + 1; j < len(cs); j++ {
			o, om := cs[j], ms[cs[j].Span]
			if o.Kind == "injured" && om.one && !isPronoun(om.name) && !isPronoun(m.name) && om.sent-m.sent <= namedAgain && sharesWord(om.name, m.name) {
				out[j] = true
			}
		}
		// "A gunman has been killed ... he later died": a pronoun dead with no one
		// injured before it is the person last counted, and an attacker stays one.
		attacker[i] = perp[i] && !m.perpetrator
	}
	return out, attacker
}

// onePerpetrators marks the counts of one attacker: those read as one ("the gunman was
// shot dead"), and a pronoun ("he later died", "He was taken to hospital") whose person
// is the one told last before it (one person named, described or a pronoun, killed or
// injured, in the eight sentences before, no count of more people between) when that is
// an attacker.
func onePerpetrators(cs []doc.Casualty, ms map[doc.Span]mention) map[int]bool {
	perp := map[int]bool{}
	for i, c := range cs {
		m := ms[c.Span]
		perp[i] = m.perpetrator
		if perp[i] || !m.one || !isPronoun(m.name) || c.Kind != "killed" && c.Kind != "injured" {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			o, om := cs[j], ms[cs[j].Span]
			if m.sent-om.sent > 8 {
				break
			}
			if o.Kind != "killed" && o.Kind != "injured" || o.Value == 1 && !om.one && !om.indefinite {
				continue // "injuring one officer": a count, not a person named for "he"
			}
			perp[i] = o.Value == 1 && perp[j]
			break
		}
	}
	return perp
}

// sharesWord reports whether two names share a capitalised word of the text (compared
// lower-cased, at least three letters): "paweł adamowicz" and "adamowicz".
func sharesWord(a, b string) bool {
	for _, w := range strings.Fields(a) {
		if len(w) >= 3 && slices.Contains(strings.Fields(b), w) && !commonWord(w) {
			return true
		}
	}
	return false
}

func commonWord(w string) bool {
	switch w {
	case "was", "the", "and", "has", "been", "had", "shot", "dead", "died", "killed", "stabbed", "injured", "wounded", "later":
		return true
	}
	return false
}

func isPronoun(name string) bool {
	for _, w := range strings.Fields(name) {
		switch w {
		case "he", "she", "him", "her":
			return true
		}
	}
	return false
}
