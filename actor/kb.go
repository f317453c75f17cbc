package actor

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/segment"
)

//go:generate go run ./gen -phoenix ../../shared/data/phoenix -countries ../gazetteer/countries.tsv -out data
//go:generate go test -run TestKBFresh -update .

//go:embed data
var dataFS embed.FS

// embedded lists the dictionaries Load reads, in order: later ones override earlier ones
// for the same phrase.
var embedded = []struct{ name, file string }{
	{"DEMONYMS", "data/demonyms.actors.txt"},
	{"COUNTRY_NAMES", "data/countrynames.actors.txt"},
	{"PHOENIX_COUNTRIES", "data/phoenix-countries.actors.gz"},
	{"PHOENIX_INTERNATIONAL", "data/phoenix-international.actors.gz"},
	{"PHOENIX_MNSA", "data/phoenix-milnonstate.actors.gz"},
	{"TOCSIN_FIXES", "data/fixes.actors.txt"},
	{"TOCSIN_LEADERS", "data/leaders.actors.txt"},
	{"PHOENIX_AGENTS", "data/phoenix.agents.gz"},
	{"TOCSIN_AGENTS", "data/tocsin.agents.txt"},
}

// KB is an actor knowledge base: actor dictionaries (names → CAMEO actor codes, possibly
// date-restricted) and agent dictionaries (role nouns → agent codes such as ~MIL). A KB
// is built by Load or New and the Load* methods, and must not be modified while it is
// being used from other goroutines; lookups are safe for concurrent use.
type KB struct {
	entries   []kbEntry
	actors    *table // phrase → index in entries
	agents    *table // phrase → index in agentCodes
	codes     []string
	codeIdx   map[string]int32
	countries map[string]bool // three-letter codes used as whole actor codes
	warnings  []Warning
	nAgents   int
}

type kbEntry struct {
	dict, name string
	codes      []DatedCode
}

// NewKB returns an empty knowledge base, for users who want only their own dictionaries.
func NewKB() *KB {
	return &KB{
		actors:    newTable(),
		agents:    newTable(),
		codeIdx:   map[string]int32{},
		countries: map[string]bool{},
	}
}

// Load returns the knowledge base embedded in tocsin: the Phoenix actor dictionaries
// (countries, international organisations, militarised non-state actors), tocsin's
// corrections and leaders files, the Phoenix agents and tocsin's additional agents. Each
// call returns a new KB, read from kb.bin (what loading those dictionaries builds; see
// bin.go) in a few tens of milliseconds; keep the result.
func Load() (*KB, error) {
	kb, err := unmarshalKB(kbBin)
	if err != nil {
		return nil, fmt.Errorf("actor: embedded kb.bin: %w", err)
	}
	return kb, nil
}

// loadSources builds the knowledge base that Load returns from the embedded dictionaries,
// for kb.bin and its test.
func loadSources() (*KB, error) {
	kb := NewKB()
	for _, e := range embedded {
		if err := kb.loadEmbedded(e.name, e.file); err != nil {
			return nil, err
		}
	}
	return kb, nil
}

func (kb *KB) loadEmbedded(name, file string) error {
	b, err := dataFS.ReadFile(file)
	if err != nil {
		return fmt.Errorf("actor: embedded %s: %w", file, err)
	}
	var r io.Reader = bytes.NewReader(b)
	if strings.HasSuffix(file, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("actor: embedded %s: %w", file, err)
		}
		defer zr.Close()
		r = zr
	}
	if strings.Contains(file, ".agents") {
		return kb.LoadAgents(name, r)
	}
	return kb.LoadActors(name, r)
}

// LoadActors adds the entries of a PETRARCH/TABARI actor dictionary (see ParseActors)
// read from r; name identifies the dictionary in actor rules ("dict:NAME:ENTRY_") and
// messages. A phrase already known takes the new entry's codes, so a user dictionary
// loaded after Load's overrides the embedded one. Lines PETRARCH would skip are skipped
// and reported by Warnings.
func (kb *KB) LoadActors(name string, r io.Reader) error {
	entries, warns, err := ParseActors(name, r)
	kb.warnings = append(kb.warnings, warns...)
	if err != nil {
		return err
	}
	for _, e := range entries {
		idx := int32(len(kb.entries))
		kb.entries = append(kb.entries, kbEntry{dict: name, name: e.Name, codes: e.Codes})
		for _, c := range e.Codes {
			if len(c.Code) == 3 && isUpperASCII(c.Code) && !notCountries[c.Code] {
				kb.countries[c.Code] = true
			}
		}
		kb.addName(e.Name, idx)
		for _, s := range e.Synonyms {
			kb.addName(s, idx)
		}
	}
	return nil
}

// notCountries are CAMEO's three-letter codes of actor types, sectors and regions, which
// the Phoenix dictionaries also use as whole codes ("REUTERS [MED]", "UNOCAL [MNC]",
// "AMNESTY [NGO]" parts, a region "[WEU]"): they name no country, so that an
// organisation coded MED alone is not taken for one with a country, and its country is
// looked for (see Stage).
var notCountries = map[string]bool{
	"IGO": true, "NGO": true, "NGM": true, "MNC": true, "IMG": true, "UIS": true,
	"ELI": true, "MED": true, "MOS": true, "BUS": true, "CVL": true, "GOV": true,
	"MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true,
	"SPY": true, "EDU": true, "CRM": true, "LAB": true, "AGR": true, "REL": true,
	"REF": true, "HLH": true, "HRI": true, "DEV": true, "ENV": true, "LEG": true,
	"INS": true, "UAF": true, "SEP": true,
	"AFR": true, "ASA": true, "BLK": true, "CAU": true, "CFR": true, "CAS": true,
	"CEU": true, "EIN": true, "EAF": true, "EEU": true, "EUR": true, "LAM": true,
	"MEA": true, "MDT": true, "NAF": true, "NMR": true, "PGS": true, "SCN": true,
	"SAM": true, "SAS": true, "SEA": true, "SAF": true, "WAF": true, "WST": true,
	"WEU": true,
}

// addName stores one actor name; a stem (no final underscore) is also stored with its
// last word in the plural. A name that starts with THE ("THE_ISLAMIC_STATE",
// "THE_SECURITY_COUNCIL_") is also stored without it, as the matcher reads noun phrases
// and entities without their determiner; only when the rest is not a name already and is
// two words or more or an acronym of three letters at most ("THE_UK_"), so that
// "THE_FOUNDATION_" does not make every "Foundation" an actor.
func (kb *KB) addName(name string, idx int32) {
	toks := phraseTokens(name)
	if !kb.actors.add(toks, idx) {
		return
	}
	if len(toks) > 1 && strings.EqualFold(toks[0], "the") && (len(toks) > 2 || len(toks[1]) <= 3) {
		if _, known := kb.actors.exact(toks[1:]); !known {
			kb.addName(strings.Join(toks[1:], "_")+tail(name), idx)
		}
	}
	if !strings.HasSuffix(name, "_") {
		last := toks[len(toks)-1]
		if p := pluralWord(last); p != "" {
			pl := append(toks[:len(toks)-1:len(toks)-1], p)
			kb.actors.add(pl, idx)
		}
	}
}

// tail is a name's final underscore, if it has one.
func tail(name string) string {
	if strings.HasSuffix(name, "_") {
		return "_"
	}
	return ""
}

// pluralWord is the regular English plural of an upper-case word, "" for words that are
// not letters or already end in S.
func pluralWord(w string) string {
	if w == "" || !isUpperASCII(w) {
		return ""
	}
	switch last := w[len(w)-1]; {
	case last == 'S' || last == 'X' || last == 'Z' || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		return ""
	case last == 'Y' && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	}
	return w + "S"
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// phraseTokens splits a dictionary name into the tokens the text tokenizer would make of
// it, so that "U.S._MILITARY" and "AMERICA_(US)_" match text as written.
func phraseTokens(name string) []string {
	s := strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
	toks := segment.TokenizePhrase(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

// LoadAgents adds the phrases of a PETRARCH agents dictionary (see ParseAgents).
func (kb *KB) LoadAgents(name string, r io.Reader) error {
	agents, warns, err := ParseAgents(name, r)
	kb.warnings = append(kb.warnings, warns...)
	if err != nil {
		return err
	}
	for _, a := range agents {
		ci, ok := kb.codeIdx[a.Code]
		if !ok {
			ci = int32(len(kb.codes))
			kb.codes = append(kb.codes, a.Code)
			kb.codeIdx[a.Code] = ci
		}
		if kb.agents.add(phraseTokens(a.Phrase), ci) {
			kb.nAgents++
		}
	}
	return nil
}

// Warnings returns the problems found in the dictionaries loaded so far.
func (kb *KB) Warnings() []Warning { return kb.warnings }

// Stats counts what the knowledge base holds.
type Stats struct {
	Entries        int // actor entries
	ActorPhrases   int // distinct actor names, plural forms of stems included
	AgentPhrases   int // distinct agent phrases
	CountryCodes   int // three-letter codes used as whole actor codes
	DatedEntries   int // entries with at least one date-restricted code
	UncodedEntries int
}

// Stats reports the knowledge base's size.
func (kb *KB) Stats() Stats {
	s := Stats{Entries: len(kb.entries), ActorPhrases: len(kb.actors.phrases),
		AgentPhrases: len(kb.agents.phrases), CountryCodes: len(kb.countries)}
	for _, e := range kb.entries {
		if len(e.codes) == 0 {
			s.UncodedEntries++
		}
		for _, c := range e.codes {
			if c.Dated() {
				s.DatedEntries++
				break
			}
		}
	}
	return s
}

// codeAt chooses an entry's code for a day (YYYYMMDD, 0 when unknown).
//
// With a date, a dated code whose range holds the day wins over undated codes; among
// several, the last listed wins (dictionaries list later appointments later); with no
// dated code for the day, the last undated code applies; otherwise the entry has no code
// on that day. Without a date, the current code is preferred: the open-ended one (">D")
// with the latest start, else the undated code, else the closed range that ends last.
// The code "---" (PETRARCH's "no code") gives "".
func codeAt(codes []DatedCode, day int32) string {
	best := -1
	if day != 0 {
		for i, c := range codes {
			if c.Dated() && c.Contains(day) {
				best = i
			}
		}
	} else {
		for i, c := range codes {
			if c.From != 0 && c.To == 0 && (best < 0 || c.From >= codes[best].From) {
				best = i
			}
		}
	}
	if best < 0 {
		for i, c := range codes {
			if !c.Dated() {
				best = i
			}
		}
	}
	if best < 0 && day == 0 {
		for i, c := range codes {
			if c.To != 0 && (best < 0 || c.To >= codes[best].To) {
				best = i
			}
		}
	}
	if best < 0 || codes[best].Code == "---" {
		return ""
	}
	return codes[best].Code
}

// Name looks words up as one whole actor name (no partial matches) and returns the code
// for day (YYYYMMDD, 0 when unknown) and the rule "dict:DICTIONARY:ENTRY_". ok is false
// when the name is unknown or has no code on that day.
func (kb *KB) Name(words []string, day int32) (code, rule string, ok bool) {
	idx, found := kb.actors.exact(words)
	if !found {
		return "", "", false
	}
	e := &kb.entries[idx]
	code = codeAt(e.codes, day)
	return code, "dict:" + e.dict + ":" + e.name, code != ""
}

// IsCountry reports whether code is a three-letter code the dictionaries use for a
// country (or another whole actor: IRN, USA, PSE...).
func (kb *KB) IsCountry(code string) bool { return kb.countries[code] }

// CountryOf returns the country part of an actor code ("IRN" for "IRNMIL"), or "".
func (kb *KB) CountryOf(code string) string {
	if len(code) >= 3 && kb.countries[code[:3]] {
		return code[:3]
	}
	return ""
}

// Country returns the actor code of a country named by an ISO 3166 alpha-3 code
// ("IRN"), a name ("Iran", "the United States") or a demonym ("Iranian", "Americans").
func (kb *KB) Country(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 3 && kb.countries[strings.ToUpper(s)] {
		return strings.ToUpper(s), true
	}
	words := phraseTokens(s)
	code, _, ok := kb.CodeNounPhrase(words, "")
	if !ok {
		return "", false
	}
	if c := kb.CountryOf(code); c != "" {
		return c, true
	}
	return "", false
}

// CodeNounPhrase codes a noun phrase given as tokens ("Iranian", "officials"; "US",
// "soldiers"; "the", "United", "States"; "mourners") for a date (ISO-8601 or YYYYMMDD,
// "" when unknown). It returns the CAMEO actor code, the rule that produced it and
// whether anything was found.
//
// The phrase is read left to right, longest match first: an actor name (which must start
// with a capitalised word or a digit, so that common words that are also place names
// do not become actors) gives the actor code, the first one found winning; agent phrases
// (in any case) add their codes, PETRARCH-style: "~MIL" appends MIL unless the code
// already has it, "IGO~" puts IGO in front. A three-letter country code (IRN) or a
// plural demonym missing from the dictionary ("Americans" for AMERICAN_) counts as the
// country. An agent with no actor gives the bare agent code ("mourners" → CVL).
//
// The rule is "dict:DICTIONARY:ENTRY_" when one dictionary name is the whole phrase
// (leading determiners aside), else "descriptor:" and the matched words joined by '+'
// ("descriptor:US+soldiers").
func (kb *KB) CodeNounPhrase(words []string, date string) (code, rule string, ok bool) {
	return kb.codePhrase(words, DayOf(date))
}

// documents are the last words of phrases that name a text, not an actor: "the Paris
// Agreement", "the Minsk Protocol", "the Geneva Conventions", whose place would otherwise
// code them. A dictionary name that is the whole phrase still codes ("Warsaw Pact").
var documents = map[string]bool{
	"agreement": true, "agreements": true, "accord": true, "accords": true, "treaty": true,
	"convention": true, "conventions": true, "protocol": true, "charter": true,
	"declaration": true, "resolution": true, "act": true,
}

// adjectival are agent words (GENERAL [~MIL], OFFICIAL [~GOV]) that, written in lower
// case before another word of their noun phrase, are adjectives: "more general
// anti-government protests", "official figures", "a major attack", "private security
// firms". Last in the phrase ("the general", "a senior official") or capitalised before a
// name ("General Qasem Soleimani") they are still the agent.
var adjectival = map[string]bool{"general": true, "official": true, "major": true, "private": true}

// phraseMatch is what codePhrase found.
type phraseMatch struct {
	actor      string   // actor code, "" if none
	actorRule  string   // dict rule of the actor
	actorWhole bool     // the actor name is the whole phrase
	agents     []string // agent codes in order
	pieces     []string // matched texts, in order
}

func (kb *KB) codePhrase(words []string, day int32) (string, string, bool) {
	var m phraseMatch
	kb.scan(words, day, &m)
	if m.actor == "" && len(m.agents) == 0 {
		return "", "", false
	}
	if len(words) > 0 && documents[strings.ToLower(words[len(words)-1])] && !m.actorWhole {
		return "", "", false // "the Paris Agreement" is a text, not France
	}
	code := combine(m.actor, m.agents)
	if code == "" {
		return "", "", false
	}
	if m.actorWhole && len(m.agents) == 0 {
		return code, m.actorRule, true
	}
	return code, "descriptor:" + strings.Join(m.pieces, "+"), true
}

// scan fills m with the actor and agents found in words.
func (kb *KB) scan(words []string, day int32, m *phraseMatch) {
	first := 0
	for first < len(words) && isDeterminer(words[first]) {
		first++
	}
	for i := first; i < len(words); {
		w := words[i]
		if i+1 < len(words) && currencySign(words[i+1]) && len(strings.ReplaceAll(w, ".", "")) <= 3 {
			i++ // "US $ 7 billion", "A $": a currency, not the country
			continue
		}
		if capitalised(w) {
			coded := func(idx int32) bool { return codeAt(kb.entries[idx].codes, day) != "" }
			if idx, n := kb.actors.longestFunc(words, i, coded); n > 0 {
				e := &kb.entries[idx]
				if m.actor == "" {
					m.actor, m.actorRule = codeAt(e.codes, day), "dict:"+e.dict+":"+e.name
					m.actorWhole = i == first && i+n == len(words)
				}
				m.pieces = append(m.pieces, strings.Join(words[i:i+n], " "))
				i += n
				continue
			}
			if m.actor == "" && strings.IndexByte(w, '-') > 0 {
				// "Guinea-Bissau", "Timor-Leste": the text joins with a hyphen the words
				// of a name the dictionaries write as two.
				if parts := strings.Split(w, "-"); len(parts) > 1 {
					if idx, n := kb.actors.longestFunc(parts, 0, coded); n == len(parts) {
						e := &kb.entries[idx]
						m.actor, m.actorRule = codeAt(e.codes, day), "dict:"+e.dict+":"+e.name
						m.actorWhole = i == first && i+1 == len(words)
						m.pieces = append(m.pieces, w)
						i++
						continue
					}
				}
			}
			if m.actor == "" {
				// "British-flagged tanker", "Saudi-led coalition": the country that
				// flags, leads or owns it. Not "Iranian-backed militias": backing is
				// someone else's.
				if base, ok := ownedBy(w); ok {
					one := [1]string{base}
					if idx, n := kb.actors.longestFunc(one[:], 0, coded); n > 0 {
						e := &kb.entries[idx]
						if c := codeAt(e.codes, day); len(c) == 3 && kb.countries[c] {
							m.actor, m.actorRule = c, "dict:"+e.dict+":"+e.name
							m.pieces = append(m.pieces, w)
							i++
							continue
						}
					}
				}
				if c, rule := kb.fallbackCountry(w, day); c != "" {
					m.actor, m.actorRule = c, rule
					m.actorWhole = i == first && i+1 == len(words)
					m.pieces = append(m.pieces, w)
					i++
					continue
				}
			}
		}
		ci, n := kb.agents.longest(words, i)
		if n > 0 && capitalised(w) && i+n < len(words) && allCapitalised(words[i:]) {
			// "General Motors", "Police Federation": the agent word begins an
			// organisation's name, whose head says what it is (or nothing)
			if kind, _, ok := orgKind(words[i:]); ok {
				if kind != "" {
					m.agents = append(m.agents, "~"+kind)
					m.pieces = append(m.pieces, strings.Join(words[i:], " "))
				}
				break
			}
		}
		if n > 0 && !(n == 1 && adjectival[w] && i+1 < len(words) && !capitalised(words[i+1])) {
			m.agents = append(m.agents, kb.codes[ci])
			m.pieces = append(m.pieces, strings.Join(words[i:i+n], " "))
			i += n
			continue
		}
		i++
	}
}

// currencySign reports whether a token starts with a currency sign ("$", "$78", "£").
func currencySign(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Sc, r)
}

// allCapitalised reports whether every word is capitalised.
func allCapitalised(words []string) bool {
	for _, w := range words {
		if !capitalised(w) {
			return false
		}
	}
	return true
}

// ownedBy splits a hyphenated modifier whose first part owns what it modifies:
// "British-flagged", "Saudi-led", "US-based", "state-owned". It reports the first part.
func ownedBy(w string) (string, bool) {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 {
		return "", false
	}
	switch strings.ToLower(w[i+1:]) {
	case "flagged", "led", "based", "owned", "registered", "operated", "run", "made", "built":
		return w[:i], true
	}
	return "", false
}

// fallbackCountry recognises a three-letter country code or the plural of a demonym the
// dictionary has only in the singular ("Americans", "Iraqis"). The singular must name a
// country: an entry with a whole three-letter country code among its codes, whose code
// on day (YYYYMMDD, 0 when unknown) is that country's ("IRAQ_ +IRAQI_" is IRQ before
// 2003 and after 2006 and IRQOCC in between: "Iraqis" is IRQ on every day).
func (kb *KB) fallbackCountry(w string, day int32) (code, rule string) {
	if len(w) == 3 && isUpperASCII(w) && kb.countries[w] {
		return w, "country:" + w
	}
	if len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') {
		one := [1]string{w[:len(w)-1]}
		if idx, ok := kb.actors.exact(one[:]); ok {
			e := &kb.entries[idx]
			now := codeAt(e.codes, day)
			for _, c := range e.codes {
				if kb.countries[c.Code] && strings.HasPrefix(now, c.Code) {
					return c.Code, "dict:" + e.dict + ":" + e.name
				}
			}
		}
	}
	return "", ""
}

// combine adds agent codes to an actor code as PETRARCH does, without repeating a
// three-letter part the code already has: IRN + ~MIL + ~MIL = IRNMIL, IRN + ~GOVMIL =
// IRNGOVMIL, USA + IGO~ = IGOUSA. A generic "~PPL" is dropped when other agents are
// present.
func combine(actor string, agents []string) string {
	code := actor
	for _, ag := range agents {
		if ag == "~PPL" && len(agents) > 1 {
			continue
		}
		if p, ok := strings.CutSuffix(ag, "~"); ok {
			if !hasPart(code, p) {
				code = p + code
			}
			continue
		}
		s := strings.TrimPrefix(ag, "~")
		armedBefore := hasArmed(code)
		for k := 0; k+3 <= len(s); k += 3 {
			part := s[k : k+3]
			if hasPart(code, part) || armedBefore && isArmed(part) {
				// "Taliban fighters": the Taliban (AFGREB) are already an armed
				// group; "fighters" (UAF) adds nothing but noise.
				continue
			}
			code += part
		}
	}
	return code
}

// isArmed reports whether an agent code is an armed actor's; a code holds at most one.
func isArmed(part string) bool {
	switch part {
	case "MIL", "REB", "UAF", "INS":
		return true
	}
	return false
}

// hasArmed reports whether code holds an armed agent part after its first three letters.
func hasArmed(code string) bool {
	for k := 3; k+3 <= len(code); k += 3 {
		if isArmed(code[k : k+3]) {
			return true
		}
	}
	return false
}

// hasPart reports whether code holds the three-letter part p at a multiple of three.
func hasPart(code, p string) bool {
	for k := 0; k+3 <= len(code); k += 3 {
		if code[k:k+3] == p {
			return true
		}
	}
	return false
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "these", "those":
		return true
	}
	return false
}

// capitalised reports whether w starts with an upper-case letter or a digit.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// Lapsed looks words up as one whole actor name whose dictionary codes have all ended
// before day (YYYYMMDD): "NANCY_PELOSI_ [USAELI 19580101-20070104] [USAGOVLEG
// 20070104-20110103]" on 2019-01-11. The Phoenix dictionaries close a person's ranges
// at the end of each office, and were compiled in 2014, so Name gives many people in
// later news no code at all. The offices may have changed since, but people seldom
// change country: Lapsed returns the country of the code that ended last ("USA"), and the
// rule "lapsed:DICTIONARY:ENTRY_". ok is false when the name is unknown, has a code on
// that day, has a code that is not dated or not yet begun, or its last code has no
// country (an international organisation's officer). An entry with a single range is
// left out too: a career of two or more ranges marks a public figure, where a single
// short range is as often a minor official whose name others share ("GEORGE_WALLACE_
// [LBRGOV 20060401-20070831]" is not the governor of Alabama).
func (kb *KB) Lapsed(words []string, day int32) (country, rule string, ok bool) {
	if day == 0 {
		return "", "", false
	}
	idx, found := kb.actors.exact(words)
	if !found {
		return "", "", false
	}
	e := &kb.entries[idx]
	if len(e.codes) < 2 {
		return "", "", false
	}
	last := -1
	for i, c := range e.codes {
		if c.To == 0 || c.To > day {
			return "", "", false
		}
		if last < 0 || c.To >= e.codes[last].To {
			last = i
		}
	}
	if last < 0 {
		return "", "", false
	}
	country = kb.CountryOf(e.codes[last].Code)
	return country, "lapsed:" + e.dict + ":" + e.name, country != ""
}
