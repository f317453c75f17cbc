package actor

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// Stage is the "actors" pipeline stage: it gives entities CAMEO actor codes. It runs
// after the "resolve" stage, whose canonical names and roles it reads.
//
// People and organisations are coded once per entity (one Canonical), and every mention,
// nominal ones included, gets the same code:
//
//  1. by the dictionaries, looking up the canonical name, the other full-length names
//     the article uses, and each role part followed by the name ("Ayatollah Ruhollah
//     Khomeini"), with the code valid on the article's date (Document.Published; with no
//     date, the current code — see codeAt). Rule "dict:DICTIONARY:ENTRY_". A name
//     whose dictionary codes have all ended before that day (KB.Lapsed: Nancy Pelosi
//     in the news of 2019) keeps the country of the last one, with the role's agent
//     (step 3) when the role gives one: rule "lapsed:DICTIONARY:ENTRY_".
//  2. for organisations, by reading the name as a noun phrase ("Iranian Foreign
//     Ministry" → IRNGOV).
//  3. from the role, each part read as a noun phrase (KB.CodeNounPhrase): the first
//     part with a country (or other actor) and an agent ("fallen leader; Iranian
//     military commander" → IRNMIL, "US secretary of state" → USAGOV), else the first
//     with an agent, else the first with a country. Rule "descriptor:" and the words
//     used. When the role gives an agent but no country ("top general; Maj Gen"), the
//     country is taken from the sentences that name the person, only when each of them
//     that names any country names exactly one and they agree ("… as Iranian officials
//     renewed their threats" → IRNMIL); the rule then ends in "+context:WORD". The
//     article's most frequent country is not used: in news about two countries at
//     odds it is wrong half of the time. With no country at all the code is the agent
//     alone ("MIL").
//  4. from a family relation in the role ("daughter of Qasem Soleimani"): the relative's
//     country, without an agent. Rule "relation:ROLE PART".
//
// Nationalities and places (NORP, LOCATION) are coded per mention by the dictionaries
// ("Iranians" → IRN, rule "demonym:Iranians"; "Tehran" → IRN, rule
// "dict:PHOENIX_COUNTRIES:IRAN_"). When the words right after one name a group
// ("Iranian officials", "US soldiers") or the dictionary knows a longer name ("U.S.
// military"), the mention stands for that group: it gets the group's code (IRNGOV,
// USAMIL) and the group as its Canonical, unless those words describe a person named
// next to them ("Iranian military commander Qassem Soleimani"). Places that are not in
// the actor dictionaries (most cities) stay uncoded. A place the places stage took for a
// country's first-level division is coded as that country, where the dictionaries give
// its name to another ("Georgia" among Virginia and Alabama → USA, rule
// "division:Georgia (US.GA), not dict:PHOENIX_COUNTRIES:GEORGIA_").
type Stage struct{ kb *KB }

// New returns the stage with the embedded knowledge base (see Load).
func New() (*Stage, error) {
	kb, err := Load()
	if err != nil {
		return nil, err
	}
	return &Stage{kb: kb}, nil
}

// NewStage returns the stage with kb, for users who load their own dictionaries.
func NewStage(kb *KB) *Stage { return &Stage{kb: kb} }

// KB returns the stage's knowledge base.
func (s *Stage) KB() *KB { return s.kb }

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "actors" }

// Languages implements pipeline.LanguageBound: descriptions are read as English.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage.
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c := coder{kb: s.kb, d: d, day: DayOf(d.Published)}
	c.align()
	c.places()
	c.people()
	return nil
}

type coder struct {
	kb   *KB
	d    *doc.Document
	day  int32
	a, b []int // entity → token range, -1 when not on token boundaries
	sent []int // entity → sentence, -1 when unknown
	// countries named in each sentence: sentence → country code → word
	sentCountries map[int]map[string]string
	buf           []string
	// offsets where named people start and end, built on first use
	personStart, personEnd map[int]bool
	// the article's country (see focus), found on first use
	focusCC   string
	focusDone bool
}

func (c *coder) align() {
	n := len(c.d.Entities)
	c.a, c.b, c.sent = make([]int, n), make([]int, n), make([]int, n)
	toks := c.d.Tokens
	for i, e := range c.d.Entities {
		c.a[i], c.b[i], c.sent[i] = -1, -1, -1
		a := sort.Search(len(toks), func(k int) bool { return toks[k].End > e.Start })
		b := a
		for b < len(toks) && toks[b].Start < e.End {
			b++
		}
		if a < b {
			if s := c.d.SentenceOfToken(a); s >= 0 {
				c.sent[i] = s
			}
			if toks[a].Start == e.Start && toks[b-1].End == e.End {
				c.a[i], c.b[i] = a, b
			}
		}
	}
}

// words returns the token texts of entity i (re-tokenising its text when it does not
// fall on token boundaries). The slice is reused by the next call.
func (c *coder) words(i int) []string {
	c.buf = c.buf[:0]
	if c.a[i] >= 0 {
		for _, t := range c.d.Tokens[c.a[i]:c.b[i]] {
			c.buf = append(c.buf, t.Text)
		}
		return c.buf
	}
	for _, t := range segment.Tokenize(c.d.Entities[i].Text) {
		c.buf = append(c.buf, t.Text)
	}
	return c.buf
}

func (c *coder) sentBounds(i int) (lo, hi int) {
	if s := c.sent[i]; s >= 0 {
		return c.d.Sentences[s].FirstToken, c.d.Sentences[s].EndToken
	}
	return 0, len(c.d.Tokens)
}

// places codes NORP and LOCATION mentions and records the countries of each sentence.
func (c *coder) places() {
	c.sentCountries = map[int]map[string]string{}
	divisions := c.divisions()
	for i := range c.d.Entities {
		e := &c.d.Entities[i]
		if e.Type != "NORP" && e.Type != "LOCATION" || e.Mention != "" && e.Mention != "name" || c.currencyPrefix(e) {
			continue
		}
		words := c.words(i)
		code, rule, ok := c.kb.Name(words, c.day)
		if !ok && len(words) == 1 {
			code, rule = c.kb.fallbackCountry(words[0], c.day)
			ok = code != ""
		}
		if !ok {
			code, rule, ok = c.sharedHead(i, words)
		}
		if !ok && e.Canonical != "" && e.Canonical != e.Text {
			// a short form the resolve stage linked to a name ("the South": South Korea)
			if code, rule, ok = c.kb.Name(phraseTokens(e.Canonical), c.day); ok {
				rule += "; as " + e.Canonical
			}
		}
		if !ok {
			continue
		}
		if e.Type == "NORP" && c.kb.IsCountry(code) {
			rule = "demonym:" + e.Text
		}
		if p, ok := divisions[e.Start]; ok && c.kb.IsCountry(code) && code != p.Country && c.kb.IsCountry(p.Country) {
			code, rule = p.Country, "division:"+p.Name+" ("+p.Admin1+"), not "+rule
		}
		e.Actor, e.ActorRule = code, rule
		if ext, extRule, end, ok := c.extend(i, code); ok {
			e.Actor, e.ActorRule = ext, extRule
			e.Canonical = c.d.Text[e.Start:c.d.Tokens[end-1].End]
		}
		if cc := c.kb.CountryOf(code); cc != "" && c.sent[i] >= 0 {
			c.namesCountry(c.sent[i], cc, e.Text)
		}
	}
	// Towns and regions the places stage put in a country ("arrested a man in Reading")
	// name that country too, for organisations and people coded by context.
	toks := c.d.Tokens
	for _, p := range c.d.Places {
		if !c.kb.IsCountry(p.Country) {
			continue
		}
		k := sort.Search(len(toks), func(k int) bool { return toks[k].End > p.Start })
		if s := c.d.SentenceOfToken(k); k < len(toks) && s >= 0 {
			c.namesCountry(s, p.Country, p.Name)
		}
	}
}

// currencyPrefix reports whether a place's name is the prefix of a currency sign, as
// in "US$7 billion", "A$5m", "HK$" or "US $2.6 billion": it names a currency, not the
// country as an actor. A sign after a space follows only a short capitalised
// abbreviation ("gave Democrats $5 million" names the Democrats).
func (c *coder) currencyPrefix(e *doc.Entity) bool {
	rest := c.d.Text[e.End:]
	spaced := strings.HasPrefix(rest, " ")
	if spaced {
		if len(e.Text) > 3 || !isUpperASCII(strings.ReplaceAll(e.Text, ".", "")) {
			return false
		}
		rest = rest[1:]
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.Is(unicode.Sc, r)
}

// divisions returns, by start offset, the places the places stage took for a country's
// first-level division (its name is its division's): "Georgia" among Iowa and New
// Hampshire is the US state. The dictionaries give such a name to the country that bears
// it (GEORGIA_ [GEO]); the places stage, which reads the places around it, decides which
// is meant, and a division is coded as its country (USA).
func (c *coder) divisions() map[int]doc.Place {
	var m map[int]doc.Place
	for _, p := range c.d.Places {
		if p.Admin1 == "" || !strings.EqualFold(p.Admin1Name, p.Name) {
			continue
		}
		if m == nil {
			m = map[int]doc.Place{}
		}
		m[p.Start] = p
	}
	return m
}

// namesCountry records that sentence s names country cc, by word.
func (c *coder) namesCountry(s int, cc, word string) {
	m := c.sentCountries[s]
	if m == nil {
		m = map[string]string{}
		c.sentCountries[s] = m
	}
	if _, seen := m[cc]; !seen {
		m[cc] = word
	}
}

// sharedHead codes a place named by its first word only, coordinated with a name that
// shares the rest: "North" in "North and South Korea" is North Korea, "East" in "East and
// West Germany" East Germany. The next mention must follow "and" (or "or") and be longer.
func (c *coder) sharedHead(i int, words []string) (string, string, bool) {
	if i+1 >= len(c.d.Entities) || len(words) != 1 {
		return "", "", false
	}
	next := &c.d.Entities[i+1]
	e := &c.d.Entities[i]
	between := strings.TrimSpace(c.d.Text[e.End:min(next.Start, len(c.d.Text))])
	if between != "and" && between != "or" {
		return "", "", false
	}
	first := words[0] // c.words reuses its buffer
	rest := c.words(i + 1)
	if len(rest) < 2 {
		return "", "", false
	}
	name := append([]string{first}, rest[1:]...)
	code, rule, ok := c.kb.Name(name, c.day)
	if !ok {
		return "", "", false
	}
	return code, rule + "; shares the head of " + next.Text, true
}

// skippable are adjectives allowed between a nationality and a group noun ("Iranian
// senior officials").
var skippable = map[string]bool{
	"senior": true, "top": true, "former": true, "local": true, "high-ranking": true,
	"elite": true, "special": true, "armed": true, "regular": true, "ordinary": true,
	"young": true, "unarmed": true, "innocent": true, "civilian": true, "government": true,
}

// extend looks for the group a NORP or LOCATION mention i stands for: a longer
// dictionary name starting with it ("U.S. military"), or a group noun after it ("Iranian
// officials"). It returns the group's code, the rule and the token where the group ends.
func (c *coder) extend(i int, code string) (string, string, int, bool) {
	a, b := c.a[i], c.b[i]
	if a < 0 {
		return "", "", 0, false
	}
	toks := c.d.Tokens
	_, hi := c.sentBounds(i)
	limit := min(hi, a+12)
	words := c.buf[:0]
	for _, t := range toks[a:limit] {
		words = append(words, t.Text)
	}
	c.buf = words
	coded := func(idx int32) bool { return codeAt(c.kb.entries[idx].codes, c.day) != "" }
	var (
		newCode, rule string
		end           int
	)
	if idx, n := c.kb.actors.longestFunc(words, 0, coded); n > b-a {
		e := &c.kb.entries[idx]
		newCode, rule, end = codeAt(e.codes, c.day), "dict:"+e.dict+":"+e.name, a+n
	} else {
		k := b
		if k+1 < limit && skippable[strings.ToLower(toks[k].Text)] {
			if _, n := c.kb.agents.longest(words, k+1-a); n == 0 {
				return "", "", 0, false
			}
			k++
		}
		ci, n := c.kb.agents.longest(words, k-a)
		if n == 0 {
			return "", "", 0, false
		}
		end = k + n
		newCode = combine(code, []string{c.kb.codes[ci]})
		rule = "descriptor:" + c.d.Entities[i].Text + "+" + c.d.Text[toks[k].Start:toks[end-1].End]
	}
	if c.otherEntity(i, b, end) || c.describesPerson(a, end, hi) {
		return "", "", 0, false
	}
	return newCode, rule, end, true
}

// otherEntity reports whether tokens [from, to) hold part of a named entity other than i.
func (c *coder) otherEntity(i, from, to int) bool {
	lo, hi := c.d.Tokens[from].Start, c.d.Tokens[to-1].End
	for j := range c.d.Entities[i+1:] {
		e := &c.d.Entities[i+1+j]
		if e.Start >= hi {
			break
		}
		if e.Mention != "nominal" && e.End > lo {
			return true
		}
	}
	return false
}

// describesPerson reports whether tokens [a, end) are a description of a person named
// next to them: followed by the name ("US President Donald Trump", "The US secretary of
// state, Mike Pompeo") or following it ("Mike Pompeo, the US secretary of state").
func (c *coder) describesPerson(a, end, hi int) bool {
	toks := c.d.Tokens
	k := end
	if k < hi && toks[k].Text == "," {
		k++
	}
	if k < hi && c.personAt(toks[k].Start, true) {
		return true
	}
	j := a - 1
	if j >= 0 && isDeterminer(toks[j].Text) {
		j--
	}
	return j >= 1 && toks[j].Text == "," && c.personAt(toks[j-1].End, false)
}

// personAt reports whether a named PERSON entity starts (start) or ends (!start) at off.
func (c *coder) personAt(off int, start bool) bool {
	if c.personStart == nil {
		c.personStart, c.personEnd = map[int]bool{}, map[int]bool{}
		for _, e := range c.d.Entities {
			if e.Type == "PERSON" && e.Mention != "nominal" {
				c.personStart[e.Start], c.personEnd[e.End] = true, true
			}
		}
	}
	if start {
		return c.personStart[off]
	}
	return c.personEnd[off]
}

// group is one person or organisation: the mentions that share a canonical name.
type group struct {
	typ, canon, role string
	ments            []int
	code, rule       string
}

// people codes PERSON and ORG entities, one code per canonical entity.
func (c *coder) people() {
	var groups []*group
	byKey := map[string]*group{}
	for i, e := range c.d.Entities {
		if e.Type != "PERSON" && e.Type != "ORG" {
			continue
		}
		canon := e.Canonical
		if canon == "" {
			canon = e.Text
		}
		k := e.Type + "\x00" + canon
		g := byKey[k]
		if g == nil {
			g = &group{typ: e.Type, canon: canon}
			byKey[k] = g
			groups = append(groups, g)
		}
		if g.role == "" {
			g.role = e.Role
		}
		g.ments = append(g.ments, i)
	}
	persons := map[string]*group{}
	for _, g := range groups {
		if g.typ == "PERSON" {
			persons[g.canon] = g
		}
	}
	// relation returns the relative named by a role part "KIN of CANONICAL".
	relation := func(g *group, p string) *group {
		if _, who, ok := strings.Cut(p, " of "); ok {
			if r := persons[who]; r != nil && r != g {
				return r
			}
		}
		return nil
	}
	var related []*group
	for _, g := range groups {
		g.code, g.rule = c.byName(g.canon, g.role, g.ments, c.kb.Name)
		// a name whose dictionary codes have all ended keeps its country: the role's
		// agent is added to it, and it is the code when nothing else gives one
		lapsed, lapsedRule := "", ""
		if g.code == "" {
			lapsed, lapsedRule = c.byName(g.canon, g.role, g.ments, c.kb.Lapsed)
		}
		if g.code != "" && g.role != "" {
			if code, rule := c.roleOver(g, g.code, func(p string) bool { return relation(g, p) != nil }); code != "" {
				g.code, g.rule = code, rule+"; over "+g.rule
			}
		}
		if g.code == "" && g.typ == "ORG" {
			if code, rule, ok := c.titledName(g); ok {
				g.code, g.rule = code, rule
				continue
			}
			words := phraseTokens(g.canon)
			// A country that only agents give is none: "Islamic" is ~MUS, Muslims,
			// not Mauritius.
			var m phraseMatch
			c.kb.scan(words, c.day, &m)
			if code, rule, ok := c.kb.codePhrase(words, c.day); ok && m.actor != "" && c.kb.CountryOf(code) != "" {
				g.code, g.rule = code, rule
				if kind, head, ok := orgKind(words); ok && orgAgents[kind] && kind != "MIL" && c.kb.IsCountry(code) {
					// "Hong Kong Journalists Association", "Bank of America
					// Corporation": the country's organisation of the head's kind
					if g.code, g.rule = combine(code, []string{"~" + kind}), rule; !strings.HasSuffix(rule, head) {
						g.rule += "+" + head
					}
				}
				if reb, ok := movement(words, g.code); ok {
					g.code, g.rule = reb, rule+"+movement"
				}
			} else {
				g.code, g.rule = c.byHead(g)
			}
		}
		if g.code == "" && g.role != "" {
			g.code, g.rule = c.byRole(g, lapsed, lapsedRule, func(p string) bool { return relation(g, p) != nil })
		}
		if g.code == "" && lapsed != "" {
			g.code, g.rule = lapsed, lapsedRule
		}
		if g.code == "" && g.role != "" {
			related = append(related, g)
		}
	}
	for _, g := range related {
		for _, p := range strings.Split(g.role, "; ") {
			if r := relation(g, p); r != nil {
				if cc := c.kb.CountryOf(r.code); cc != "" {
					g.code, g.rule = cc, "relation:"+p
					break
				}
			}
		}
	}
	for _, g := range groups {
		if g.code == "" {
			continue
		}
		for _, i := range g.ments {
			c.d.Entities[i].Actor, c.d.Entities[i].ActorRule = g.code, g.rule
		}
	}
}

// byName looks an entity up in the dictionaries by its names with lookup (KB.Name, or
// KB.Lapsed for the country of a name whose codes have all ended).
func (c *coder) byName(canon, role string, ments []int, lookup func([]string, int32) (string, string, bool)) (string, string) {
	try := func(s string) (string, string, bool) {
		words := phraseTokens(s)
		code, rule, ok := lookup(words, c.day)
		if !ok && len(words) > 2 && strings.EqualFold(words[0], "the") {
			// "The Washington Post": the dictionaries list the name without its article
			code, rule, ok = lookup(words[1:], c.day)
		}
		return code, rule, ok
	}
	if code, rule, ok := try(canon); ok {
		return code, rule
	}
	n := len(strings.Fields(canon))
	for _, i := range ments {
		e := &c.d.Entities[i]
		if e.Mention == "nominal" || e.Text == canon || len(strings.Fields(e.Text)) < n {
			continue
		}
		if code, rule, ok := try(e.Text); ok {
			return code, rule
		}
	}
	if role != "" {
		for _, p := range strings.Split(role, "; ") {
			if len(strings.Fields(p)) > 4 {
				continue
			}
			if code, rule, ok := try(p + " " + canon); ok {
				return code, rule
			}
		}
	}
	return "", ""
}

// titledName reads an organisation that is a person's name split by the entity
// recogniser after a title with "of" or "for": "President of Ukraine Volodymyr
// Zelenskyy" gives the ORG "Ukraine Volodymyr Zelenskyy", "US Special Representative for
// Iran Brian Hook" the ORG "Iran Brian Hook". Its words are a country's name, then
// capitalised words no dictionary knows. After "of", the title is an office of that
// country (UKRGOV); after "for", the country is what the office deals with, and the
// person's country is the one the title names before it ("US" → USAGOV), or none: the
// name is then left uncoded rather than given the wrong country. ok is false when the
// entity is not such a name.
func (c *coder) titledName(g *group) (code, rule string, ok bool) {
	if len(g.ments) == 0 {
		return "", "", false
	}
	i := g.ments[0]
	a, b := c.a[i], c.b[i]
	lo, _ := c.sentBounds(i)
	if a < 0 || a-2 < lo {
		return "", "", false
	}
	toks := c.d.Tokens
	words := make([]string, 0, b-a)
	for _, t := range toks[a:b] {
		words = append(words, t.Text)
	}
	coded := func(idx int32) bool { return codeAt(c.kb.entries[idx].codes, c.day) != "" }
	idx, n := c.kb.actors.longestFunc(words, 0, coded)
	if n == 0 || n >= len(words) {
		return "", "", false
	}
	country := codeAt(c.kb.entries[idx].codes, c.day)
	if !c.kb.IsCountry(country) {
		return "", "", false
	}
	for k := n; k < len(words); k++ {
		if !capitalised(words[k]) {
			return "", "", false
		}
		if _, m := c.kb.actors.longestFunc(words, k, coded); m > 0 {
			return "", "", false
		}
		if _, m := c.kb.agents.longest(words, k); m > 0 {
			return "", "", false
		}
	}
	prep := strings.ToLower(toks[a-1].Text)
	if prep != "of" && prep != "for" {
		return "", "", false
	}
	// the title: the capitalised words before the preposition
	t := a - 1
	for t > lo && a-1-t < 5 && capitalised(toks[t-1].Text) {
		t--
	}
	if t == a-1 {
		return "", "", false
	}
	title := make([]string, 0, a-1-t)
	for _, tk := range toks[t : a-1] {
		title = append(title, tk.Text)
	}
	var m phraseMatch
	c.kb.scan(title, c.day, &m)
	if len(m.agents) == 0 && m.actor == "" {
		return "", "", false
	}
	pieces := strings.Join(m.pieces, "+")
	if prep == "of" {
		if cc := c.kb.CountryOf(m.actor); len(m.agents) == 0 || cc != "" && cc != country {
			return "", "", false
		}
		return combine(country, m.agents), "descriptor:" + pieces + "+of+" + strings.Join(words[:n], " "), true
	}
	if cc := c.kb.CountryOf(m.actor); cc != "" {
		return combine(cc, m.agents), "descriptor:" + pieces + "+for", true
	}
	return "", "", true // the office's country is unknown: no code, not the country it deals with
}

// orgHeads are the last words of organisations' names that say what kind of
// organisation they are (data/orgheads.txt): the agent code each gives a name the
// dictionaries do not know ("Bharatiya Janata Party" PTY, "Military Times" MED,
// "Hyundai Motor Company" BUS, "Popular Mobilization Forces" MIL, then REB: see
// nonState). Keys are the lower-case words without final dots, joined by spaces; "" is
// a value for words that end names of no one kind.
var orgHeads, orgHeadsMax = loadOrgHeads()

// loadOrgHeads reads data/orgheads.txt: "WORDS CODE" lines, "-" for no code. It
// returns the table and its longest entry in words.
func loadOrgHeads() (map[string]string, int) {
	b, err := dataFS.ReadFile("data/orgheads.txt")
	if err != nil {
		panic("actor: embedded data/orgheads.txt: " + err.Error())
	}
	m, most := map[string]string{}, 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		code := f[len(f)-1]
		if code == "-" {
			code = ""
		}
		words := f[:len(f)-1]
		for i, w := range words {
			words[i] = headWord(w)
		}
		m[strings.Join(words, " ")] = code
		most = max(most, len(words))
	}
	return m, most
}

// headWord is a name's word as orgHeads keys it: lower case, without final dots.
func headWord(w string) string { return strings.TrimRight(strings.ToLower(w), ".") }

// orgKind returns the agent code that the last words of an organisation's name give it
// by orgHeads, and those words as written: the longest entry that ends the name, leaving
// a word before it, and whose first word is capitalised in the name ("Teamsters union"
// is not read as a union, "Islamic State group" not as a firm). ok is false when no
// entry ends the name; code is "" when the entry says the words give no one kind.
func orgKind(words []string) (code, head string, ok bool) {
	for len(words) > 0 && isPunct(words[len(words)-1]) {
		words = words[:len(words)-1] // "Carrier Corp ."
	}
	var key strings.Builder
	for n := min(orgHeadsMax, len(words)); n >= 1; n-- {
		tail := words[len(words)-n:]
		if !capitalised(tail[0]) {
			continue
		}
		if n == len(words) && n == 1 {
			continue // "Times", "Union": a name's head alone
		}
		key.Reset()
		for i, w := range tail {
			if i > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(headWord(w))
		}
		if code, found := orgHeads[key.String()]; found {
			return code, strings.Join(tail, " "), true
		}
	}
	return "", "", false
}

// isPunct reports whether a token has no letter or digit.
func isPunct(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// nonState are words that, in the name of an armed organisation the dictionaries do not
// know, mark a movement rather than a state's forces: "Syrian Democratic Forces",
// "Popular Mobilization Forces". CAMEO codes such groups as rebels (REB) of the country
// they fight in, not as its military.
var nonState = map[string]bool{
	"democratic": true, "popular": true, "mobilization": true, "mobilisation": true,
	"liberation": true, "resistance": true, "free": true, "patriotic": true,
	"salvation": true, "mujahideen": true, "jihad": true,
}

// orgAgents are the agents an organisation's head word may give it: not "Foreign
// Terrorist" UAF or a person's rank.
var orgAgents = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true,
	"MED": true, "PTY": true, "EDU": true, "HLH": true, "REB": true, "OPP": true,
	"BUS": true, "LAB": true, "NGO": true, "REL": true,
}

// Where an organisation coded by its head may take its country from, when its name
// gives none: by default its sentences, else the article's country (focus).
const (
	anywhere     = iota
	sentenceOnly // its sentences only
	nameOnly     // its own name only
)

// orgReach are the kinds of organisation often named in the news of countries not
// their own, which the article's country would misplace: news outlets report on other
// countries ("Military Times" on a rocket attack in Iraq), and firms trade in them,
// often in sentences that name only the country they deal with ("GM's behaviour towards
// Germany", "the SITE Intelligence Group said" of an attack in France).
var orgReach = map[string]int{"MED": sentenceOnly, "BUS": nameOnly}

// movement recodes an armed organisation's code (its last agent part MIL, UAF or INS)
// as a rebel one (REB) when its name holds a word of nonState.
func movement(words []string, code string) (string, bool) {
	n := len(code)
	if n < 3 || !isArmed(code[n-3:]) || code[n-3:] == "REB" {
		return code, false
	}
	for _, w := range words {
		if nonState[strings.ToLower(w)] {
			return code[:n-3] + "REB", true
		}
	}
	return code, false
}

// byHead codes an organisation the dictionaries do not know by the head of its name:
// words of orgHeads, or an agent phrase that ends the name ("Thames Valley Police" COP),
// an armed one becoming REB when the name marks a movement (nonState). The country is
// the one the name gives, else that of the sentences that name the organisation (see
// context), else the article's own country when most of its places are in one (see
// focus). With no country the organisation stays uncoded: its name alone says nothing
// of where it acts.
func (c *coder) byHead(g *group) (string, string) {
	words := phraseTokens(g.canon)
	if len(words) < 2 {
		return "", ""
	}
	var m phraseMatch
	c.kb.scan(words, c.day, &m)
	agent, head, ok := orgKind(words)
	rule := "head:" + head
	if !ok && capitalised(words[len(words)-1]) && len(m.agents) > 0 &&
		strings.HasSuffix(strings.ToLower(m.pieces[len(m.pieces)-1]), strings.ToLower(words[len(words)-1])) {
		// the head's agent alone: "General Services Administration" is GOV, not MILGOV
		agent = strings.TrimPrefix(m.agents[len(m.agents)-1], "~")
		rule = "head:" + m.pieces[len(m.pieces)-1]
	}
	if agent == "" || len(agent) != 3 || !orgAgents[agent] {
		return "", ""
	}
	cc := c.kb.CountryOf(m.actor)
	if m.actor != "" && cc == "" {
		return "", "" // an international organisation's body, coded (or not) by codePhrase
	}
	if code, ok := movement(words, agent); ok {
		agent, rule = code, rule+"+movement"
	}
	if cc != "" {
		rule = "descriptor:" + m.pieces[0] + "+" + strings.TrimPrefix(rule, "head:")
	} else if agent == "MIL" {
		// a state's forces named without their country ("Corps-Quds Force", split
		// from "Islamic Revolutionary Guard"): the country of their sentences is as
		// often their enemy's
		return "", ""
	} else if orgReach[agent] == nameOnly {
		return "", ""
	} else if cc, word := c.context(g.ments); cc != "" {
		rule = "descriptor:" + strings.TrimPrefix(rule, "head:") + "+context:" + word
		return combine(cc, []string{"~" + agent}), rule
	} else if cc = c.focus(); cc != "" && orgReach[agent] != sentenceOnly {
		rule = "descriptor:" + strings.TrimPrefix(rule, "head:") + "+focus:" + cc
		return combine(cc, []string{"~" + agent}), rule
	}
	if cc == "" {
		return "", ""
	}
	return combine(cc, []string{"~" + agent}), rule
}

// focus returns the country of most of the article's places, when it holds more than
// half of those that name where something is (not "US" in "US troops"), at least two;
// "" in news about two countries at odds, where none has such a majority.
func (c *coder) focus() string {
	if c.focusDone {
		return c.focusCC
	}
	c.focusDone = true
	n, counts := 0, map[string]int{}
	for _, p := range c.d.Places {
		if p.Country != "" && !c.d.Modifier(p.Span) {
			n++
			counts[p.Country]++
		}
	}
	for cc, k := range counts {
		if k >= 2 && 2*k > n && c.kb.IsCountry(cc) {
			c.focusCC = cc
		}
	}
	return c.focusCC
}

// roleOver reads the role the text gives a person the dictionaries code (dictCode): the
// first part, not a relation and not a former office, that names both an actor and an
// agent ("Indonesian security minister" → IDNGOV), or an international organisation
// ("NATO Secretary-General" → IGONAT). When that actor is not the dictionary's
// (a country or organisation other than the code's first three letters), the text wins:
// it is what the person is on the article's day, where the dictionary's dates may be
// stale (Jens Stoltenberg is NORGOV "from 2005" in the Phoenix files, and NATO's
// Secretary-General from 2014). A part that agrees with the dictionary keeps its code.
func (c *coder) roleOver(g *group, dictCode string, isRelation func(string) bool) (string, string) {
	for _, p := range strings.Split(g.role, "; ") {
		if isRelation(p) || formerRole(p) {
			continue
		}
		var m phraseMatch
		c.kb.scan(phraseTokens(p), c.day, &m)
		if m.actor == "" || len(m.agents) == 0 && !strings.HasPrefix(m.actor, "IGO") {
			continue
		}
		code := combine(m.actor, m.agents)
		if len(code) < 3 || len(dictCode) >= 3 && code[:3] == dictCode[:3] {
			return "", ""
		}
		return code, "descriptor:" + strings.Join(m.pieces, "+")
	}
	return "", ""
}

// formerRole reports whether a role part is an office held before ("former Deputy Chief
// Minister of Goa", "ex-president"): CAMEO codes such people as elites (ELI) of their
// country, as the Phoenix agents code FORMER_PRESIDENT.
func formerRole(p string) bool {
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if w == "former" || strings.HasPrefix(w, "ex-") {
			return true
		}
	}
	return false
}

// byRole codes an entity from the parts of its role that are not relations, each read
// as one noun phrase: the first part that gives both a country (or other actor) and an
// agent ("fallen leader; Iranian military commander" → IRNMIL), else the first that
// gives an agent, with the country of another part if one names it, else known (the
// country its lapsed dictionary codes give, by rule knownRule: "Speaker" Nancy Pelosi →
// USALEG), else that of the entity's sentences (see context), else none ("MIL"); else
// the first country.
func (c *coder) byRole(g *group, known, knownRule string, isRelation func(string) bool) (string, string) {
	var parts []phraseMatch
	for _, p := range strings.Split(g.role, "; ") {
		if isRelation(p) {
			continue
		}
		var m phraseMatch
		c.kb.scan(phraseTokens(p), c.day, &m)
		if formerRole(p) && (m.actor != "" || len(m.agents) > 0) {
			m.agents = []string{"~ELI"}
		}
		if m.actor != "" || len(m.agents) > 0 {
			parts = append(parts, m)
		}
	}
	pick := func(ok func(m *phraseMatch) bool) *phraseMatch {
		for k := range parts {
			if ok(&parts[k]) {
				return &parts[k]
			}
		}
		return nil
	}
	best := pick(func(m *phraseMatch) bool { return m.actor != "" && len(m.agents) > 0 })
	if best == nil {
		best = pick(func(m *phraseMatch) bool { return len(m.agents) > 0 })
	}
	if best == nil {
		best = pick(func(m *phraseMatch) bool { return m.actor != "" })
	}
	if best == nil {
		return "", ""
	}
	actor, pieces := best.actor, best.pieces
	rule := ""
	if actor == "" {
		if other := pick(func(m *phraseMatch) bool { return m.actor != "" }); other != nil {
			actor = other.actor
			pieces = append(append([]string(nil), other.pieces...), pieces...)
		} else if known != "" {
			actor, rule = known, "+"+knownRule
		} else if cc, word := c.context(g.ments); cc != "" {
			actor, rule = cc, "+context:"+word
		}
	}
	code := combine(actor, best.agents)
	if code == "" {
		return "", ""
	}
	return code, "descriptor:" + strings.Join(pieces, "+") + rule
}

// context returns the country named in the sentences of an entity's named mentions, and
// the word that named it, when every one of those sentences that names a country names
// the same single one. A sentence names a country by a coded place or nationality, or by
// a town or region of the places layer ("in Reading": GBR).
func (c *coder) context(ments []int) (string, string) {
	cc, word := "", ""
	for _, i := range ments {
		if m := c.d.Entities[i].Mention; m != "" && m != "name" || c.sent[i] < 0 {
			continue
		}
		countries := c.sentCountries[c.sent[i]]
		if len(countries) > 1 {
			return "", ""
		}
		for k, v := range countries {
			if cc != "" && cc != k {
				return "", ""
			}
			cc, word = k, v
		}
	}
	return cc, word
}
