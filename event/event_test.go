package event

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
)

// Hand-built trees: the coding engine on syntax set by hand, independent of the parser.

func code(t *testing.T, s *Stage, d *doc.Document) []string {
	t.Helper()
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return events(d)
}

func want(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(want) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
}

func TestThreatToAttackIsAThreat(t *testing.T) {
	d := tree(t, "Iran threatened to attack US bases.",
		"Iran PROPN 2 nsubj IRN",
		"threaten VERB 0 root",
		"to PART 4 mark",
		"attack VERB 2 xcomp",
		"US PROPN 6 compound USA",
		"base NOUN 4 obj",
		". PUNCT 2 punct")
	s := testStage(t)
	want(t, code(t, s, d), "IRN→USA 138")
	e := d.Events[0]
	if e.Root != "13" || e.Plover.Type != "THREATEN" || e.Plover.Mode != "violence" || e.QuadClass != 3 || e.Goldstein != -7 {
		t.Errorf("event %+v", e)
	}
	if !strings.Contains(e.Rule, "THREATEN") || !strings.Contains(e.Rule, "ATTACK") {
		t.Errorf("rule %q should name the transformation", e.Rule)
	}
	if d.Slice(e.Evidence.Trigger) != "threatened" || d.Slice(e.Evidence.Source) != "Iran" || d.Slice(e.Evidence.Target) != "US bases" {
		t.Errorf("evidence %q %q %q", d.Slice(e.Evidence.Source), d.Slice(e.Evidence.Trigger), d.Slice(e.Evidence.Target))
	}
	if e.Date != "2021-06-15" || !strings.Contains(e.Rule, "date: publication date") {
		t.Errorf("date %q, rule %q: want the publication date, noted", e.Date, e.Rule)
	}
}

func TestModality(t *testing.T) {
	s := testStage(t)
	for _, c := range []struct {
		name string
		d    *doc.Document
		want string
	}{
		{"negated", tree(t, "Iran did not attack Israel.",
			"Iran PROPN 4 nsubj IRN", "do AUX 4 aux", "not PART 4 advmod", "attack VERB 0 root", "Israel PROPN 4 obj ISR", ". PUNCT 4 punct"),
			"IRN→ISR 190 negated"},
		{"future", tree(t, "Iran will attack Israel.",
			"Iran PROPN 3 nsubj IRN", "will AUX 3 aux", "attack VERB 0 root", "Israel PROPN 3 obj ISR", ". PUNCT 3 punct"),
			"IRN→ISR 190 future"},
		{"modal", tree(t, "Iran could attack Israel.",
			"Iran PROPN 3 nsubj IRN", "could AUX 3 aux", "attack VERB 0 root", "Israel PROPN 3 obj ISR", ". PUNCT 3 punct"),
			"IRN→ISR 190 hypothetical"},
		{"denied", tree(t, "Israel denied attacking Syria.",
			"Israel PROPN 2 nsubj ISR", "deny VERB 0 root", "attack VERB 2 xcomp", "Syria PROPN 3 obj SYR", ". PUNCT 2 punct"),
			"ISR→SYR 190 negated"},
		{"conditional", tree(t, "If Iran attacks Israel, Israel will retaliate.",
			"if SCONJ 3 mark", "Iran PROPN 3 nsubj IRN", "attack VERB 8 advcl", "Israel PROPN 3 obj ISR", ", PUNCT 3 punct",
			"Israel PROPN 8 nsubj ISR", "will AUX 8 aux", "retaliate VERB 0 root", ". PUNCT 8 punct"),
			"IRN→ISR 190 hypothetical"},
	} {
		got := code(t, s, c.d)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		if e := c.d.Events[0]; !strings.HasSuffix(e.Plover.Mode, e.Modality) {
			t.Errorf("%s: PLOVER mode %q should carry the modality", c.name, e.Plover.Mode)
		}
	}
}

func TestPassiveAgentAndRelativePronoun(t *testing.T) {
	d := tree(t, "Soleimani, who was killed by America.",
		"Soleimani PROPN 0 root IRNMIL", ", PUNCT 5 punct", "who PRON 5 nsubj:pass", "be AUX 5 aux:pass",
		"kill VERB 1 acl:relcl", "by ADP 7 case", "America PROPN 5 obl USA", ". PUNCT 1 punct")
	want(t, code(t, testStage(t), d), "USA→IRNMIL 190")
	if r := d.Events[0].Rule; !strings.Contains(r, "passive") {
		t.Errorf("rule %q", r)
	}
}

func TestPatternWithPreposition(t *testing.T) {
	d := tree(t, "Pompeo accused Iran of terrorism.",
		"Pompeo PROPN 2 nsubj USAGOV", "accuse VERB 0 root", "Iran PROPN 2 obj IRN", "of ADP 5 case", "terrorism NOUN 2 obl", ". PUNCT 2 punct")
	want(t, code(t, testStage(t), d), "USAGOV→IRN 1124")
	if r := d.Events[0].Rule; !strings.HasPrefix(r, "CAMEO.2.0.txt: BLAME — * ( OF TERRORISM ) [1124]") {
		t.Errorf("rule %q", r)
	}
}

// TestAccusationAimedAtWhatItAlleges checks that an accusation without an object is aimed
// at the subject of the clause it alleges (classes.txt: 11 target-asked).
func TestAccusationAimedAtWhatItAlleges(t *testing.T) {
	for _, c := range []struct{ verb, want string }{{"charge", "PAK→IND 112"}, {"complain", "PAK→IND 114"}} {
		d := tree(t, "Pakistan charged that India sheltered the militants.",
			"Pakistan PROPN 2 nsubj PAK", c.verb+" VERB 0 root", "that SCONJ 5 mark", "India PROPN 5 nsubj IND",
			"shelter VERB 2 ccomp", "the DET 7 det", "militants NOUN 5 obj", ". PUNCT 2 punct")
		want(t, code(t, testStage(t), d), c.want)
	}
}

func TestPairedCode(t *testing.T) {
	d := tree(t, "Macron visited Germany.",
		"Macron PROPN 2 nsubj FRAGOV", "visit VERB 0 root", "Germany PROPN 2 obj DEU", ". PUNCT 2 punct")
	want(t, code(t, testStage(t), d), "FRAGOV→DEU 042", "DEU→FRAGOV 043")
	// A visit to a place of one's own country is no visit to a second actor, and no one
	// hosts it.
	d = tree(t, "Trump visited California.",
		"Trump PROPN 2 nsubj USAGOV", "visit VERB 0 root", "California PROPN 2 obj USA", ". PUNCT 2 punct")
	want(t, code(t, testStage(t), d))
	// A bare country that acts is the state, against its own rebels too.
	d = tree(t, "Syria attacked the rebels.",
		"Syria PROPN 2 nsubj SYR", "attack VERB 0 root", "the DET 4 det", "rebels NOUN 2 obj SYRREB", ". PUNCT 2 punct")
	want(t, code(t, testStage(t), d), "SYR→SYRREB 190")
}

func TestEventNouns(t *testing.T) {
	s := testStage(t)
	d := tree(t, "Iran's attacks on Israel angered America.",
		"Iran PROPN 3 nmod:poss IRN", "'s PART 1 case", "attack NOUN 6 nsubj", "on ADP 5 case", "Israel PROPN 3 nmod ISR",
		"anger VERB 0 root", "America PROPN 6 obj USA", ". PUNCT 6 punct")
	want(t, code(t, s, d), "IRN→ISR 190")
	// A coded verb codes the noun below it: condemning an attack is not an attack. What
	// is condemned is the attacker. (112, not 111: CONDEMN shares its block, and so its
	// patterns, with BLAME, whose "* ATTACK ON +" matches, as in PETRARCH.)
	d = tree(t, "America condemned Iran's attack on Israel.",
		"America PROPN 2 nsubj USA", "condemn VERB 0 root", "Iran PROPN 5 nmod:poss IRN", "'s PART 3 case", "attack NOUN 2 obj",
		"on ADP 7 case", "Israel PROPN 5 nmod ISR", ". PUNCT 2 punct")
	want(t, code(t, s, d), "USA→IRN 112")
	// A drone strike by its modifier.
	d = tree(t, "A US drone strike on Iraq.",
		"a DET 4 det", "US PROPN 4 compound USA", "drone NOUN 4 compound", "strike NOUN 0 root", "on ADP 6 case", "Iraq PROPN 4 nmod IRQ", ". PUNCT 4 punct")
	want(t, code(t, s, d), "USA→IRQ 195")
	// Fears of a war are no war.
	d = tree(t, "Fears of an attack on Israel by Iran.",
		"fear NOUN 0 root", "of ADP 4 case", "a DET 4 det", "attack NOUN 1 nmod", "on ADP 6 case", "Israel PROPN 4 nmod ISR",
		"by ADP 8 case", "Iran PROPN 4 nmod IRN", ". PUNCT 1 punct")
	want(t, code(t, s, d))
}

func TestOneSidedEventsAndTheSameActor(t *testing.T) {
	s := testStage(t)
	// An attack with no target is recorded with an unknown target (classes.txt); a
	// meeting with nobody is no event.
	want(t, code(t, s, tree(t, "Iran attacked.", "Iran PROPN 2 nsubj IRN", "attack VERB 0 root", ". PUNCT 2 punct")), "IRN→ 190")
	want(t, code(t, s, tree(t, "Iran met.", "Iran PROPN 2 nsubj IRN", "meet VERB 0 root", ". PUNCT 2 punct")))
	want(t, code(t, s, tree(t, "Iran attacked Iran.", "Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Iran PROPN 2 obj IRN", ". PUNCT 2 punct")))
	// Force needs someone it is done to: grappling with allegations is none, fighting
	// with Iraq is.
	want(t, code(t, s, tree(t, "Iran grappled with allegations.",
		"Iran PROPN 2 nsubj IRN", "grapple VERB 0 root", "with ADP 4 case", "allegation NOUN 2 obl", ". PUNCT 2 punct")))
	want(t, code(t, s, tree(t, "Iran fought with Iraq.",
		"Iran PROPN 2 nsubj IRN", "fight VERB 0 root", "with ADP 4 case", "Iraq PROPN 2 obl IRQ", ". PUNCT 2 punct")), "IRN→IRQ 190", "IRQ→IRN 190")
	// No syntax: nothing, and no panic.
	d := tree(t, "Iran attacked Israel.", "Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Israel PROPN 2 obj ISR", ". PUNCT 2 punct")
	for i := range d.Tokens {
		d.Tokens[i].Dep = ""
	}
	want(t, code(t, s, d))
}

func TestDiscards(t *testing.T) {
	d := tree(t, "Iran attacked Israel in the football final.",
		"Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Israel PROPN 2 obj ISR", "in ADP 7 case", "the DET 7 det",
		"football NOUN 7 compound", "final NOUN 2 obl", ". PUNCT 2 punct")
	want(t, code(t, testStage(t), d))
	// A sport's name before its gear (cues.txt [gear]) names a thing: no discard.
	d = tree(t, "Iran attacked Israel with baseball bats.",
		"Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Israel PROPN 2 obj ISR", "with ADP 6 case",
		"baseball NOUN 6 compound", "bat NOUN 2 obl", ". PUNCT 2 punct")
	if got := code(t, testStage(t), d); len(got) == 0 {
		t.Error("a baseball bat discarded the sentence")
	}
	d = tree(t, "Iran attacked Israel in baseball.",
		"Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Israel PROPN 2 obj ISR", "in ADP 5 case",
		"baseball NOUN 2 obl", ". PUNCT 2 punct")
	want(t, code(t, testStage(t), d))
}

func load(t *testing.T, kind cameo.Kind, src string) *cameo.Dictionary {
	t.Helper()
	d, err := cameo.LoadDictionary(kind, "user.txt", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestUserDictionaries(t *testing.T) {
	snub := func() *doc.Document {
		return tree(t, "Iran snubbed Israel.", "Iran PROPN 2 nsubj IRN", "snub VERB 0 root", "Israel PROPN 2 obj ISR", ". PUNCT 2 punct")
	}
	attack := func() *doc.Document {
		return tree(t, "Iran attacked Israel.", "Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Israel PROPN 2 obj ISR", ". PUNCT 2 punct")
	}
	verbs := load(t, "", "--- SNUB [111] ---\nSNUB {SNUBS SNUBBED SNUBBING}\n- * INVITATION [125]\n")
	s, err := New(nil, verbs)
	if err != nil {
		t.Fatal(err)
	}
	want(t, code(t, s, snub()), "IRN→ISR 111")
	want(t, code(t, s, attack()), "IRN→ISR 190")
	if r := snub(); code(t, s, r) != nil && !strings.HasPrefix(r.Events[0].Rule, "user.txt: SNUB") {
		t.Errorf("rule %q should name the user's file", r.Events[0].Rule)
	}
	// --dict-only: only the user's verbs.
	only, err := NewOnly(nil, verbs)
	if err != nil {
		t.Fatal(err)
	}
	want(t, code(t, only, snub()), "IRN→ISR 111")
	want(t, code(t, only, attack()))
	if _, err := NewOnly(nil, load(t, cameo.Discards, "FOOTBALL\n")); err == nil {
		t.Error("NewOnly without a verb dictionary should fail")
	}

	// A user's pattern wins a tie with the embedded one.
	over := load(t, "", "--- BLAME [112] ---\n- * (OF TERRORISM) [1121]\n")
	s, _ = New(nil, over)
	d := tree(t, "Pompeo accused Iran of terrorism.",
		"Pompeo PROPN 2 nsubj USAGOV", "accuse VERB 0 root", "Iran PROPN 2 obj IRN", "of ADP 5 case", "terrorism NOUN 2 obl", ". PUNCT 2 punct")
	want(t, code(t, s, d), "USAGOV→IRN 1121")

	// Actors and agents from the user's files when no entity carries a code.
	actors := load(t, "", "IRAN_ [IRN]\n+IRANIAN\nISRAEL_ [ISR]\n")
	agents := load(t, "", "OFFICIAL [~GOV]\n")
	s, _ = New(nil, actors, agents)
	d = tree(t, "Iranian officials accused Israel.",
		"Iranian ADJ 2 amod", "official NOUN 3 nsubj", "accuse VERB 0 root", "Israel PROPN 3 obj", ". PUNCT 3 punct")
	want(t, code(t, s, d), "IRNGOV→ISR 112")

	// A user's discards.
	s, _ = New(nil, load(t, cameo.Discards, "+SNUBBED\n"))
	want(t, code(t, s, attack()), "IRN→ISR 190")
	want(t, code(t, s, snub()))
}

type fakeKB map[string]string

func (k fakeKB) CodeNounPhrase(words []string, date string) (string, string, bool) {
	c, ok := k[strings.ToLower(strings.Join(words, " "))]
	return c, "fake " + date, ok
}

func TestKnowledgeBase(t *testing.T) {
	s, err := New(fakeKB{"the mourners": "CVL", "the united states": "USA"})
	if err != nil {
		t.Fatal(err)
	}
	d := tree(t, "The mourners chanted slogans against the United States.",
		"the DET 2 det", "mourner NOUN 3 nsubj", "chant VERB 0 root", "slogan NOUN 3 obj", "against ADP 8 case",
		"the DET 8 det", "United PROPN 8 compound", "States PROPN 3 obl", ". PUNCT 3 punct")
	// "the United States" is coded through its head "States" with the compound before it.
	d.Places = []doc.Place{{Name: "Iran", Country: "IRN", Span: doc.Span{Start: 0, End: 0}}}
	got := code(t, s, d)
	want(t, got, "IRNCVL→USA 141")
	if len(d.Events) == 1 && !strings.Contains(d.Events[0].Rule, "country IRN") {
		t.Errorf("rule %q should say where the country came from", d.Events[0].Rule)
	}
}

func TestCoverage(t *testing.T) {
	cv := testStage(t).Coverage()
	if cv.Stats.Blocks < 390 || cv.Stats.Patterns < 4600 || cv.Stats.Synsets < 40 || cv.VerbWords < 5000 || cv.Nouns < 40 {
		t.Errorf("coverage %+v", cv)
	}
	t.Logf("coverage: %d dictionaries, %v; %d verb words indexed, %d patterns compiled, %d event nouns",
		cv.Dictionaries, cv.Stats, cv.VerbWords, cv.Patterns, cv.Nouns)
}

func TestOddInput(t *testing.T) {
	s := testStage(t)
	// No tokens, no sentences.
	d := &doc.Document{Text: "", Language: "en"}
	if evs := s.Extract(d); len(evs) != 0 || evs == nil {
		t.Errorf("empty document: %v (want an empty, non-nil layer)", evs)
	}
	// Heads that form cycles, point outside the sentence or at the token itself: no
	// panic, no endless loop.
	base := tree(t, "Iran attacked Israel in Iraq yesterday.",
		"Iran PROPN 2 nsubj IRN", "attack VERB 0 root", "Israel PROPN 2 obj ISR", "in ADP 5 case", "Iraq PROPN 2 obl IRQ",
		"yesterday NOUN 2 obl:tmod", ". PUNCT 2 punct")
	n := len(base.Tokens)
	for seed := 0; seed < 200; seed++ {
		d := *base
		d.Tokens = append([]doc.Token(nil), base.Tokens...)
		for i := range d.Tokens {
			d.Tokens[i].Head = (i*7+seed*13+seed/3)%(n+3) - 2
			if seed%5 == 0 {
				d.Tokens[i].Head = (i + 1) % n // one big cycle
			}
		}
		s.Extract(&d)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := testStage(t)
	done := make(chan []string)
	for g := 0; g < 4; g++ {
		go func() {
			var got []string
			for k := 0; k < 50; k++ {
				d := tree(t, "Iran did not attack Israel.",
					"Iran PROPN 4 nsubj IRN", "do AUX 4 aux", "not PART 4 advmod", "attack VERB 0 root", "Israel PROPN 4 obj ISR", ". PUNCT 4 punct")
				s.Annotate(context.Background(), d)
				got = events(d)
			}
			done <- got
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; len(got) != 1 || got[0] != "IRN→ISR 190 negated" {
			t.Errorf("goroutine result %q", got)
		}
	}
}

func TestClassesFile(t *testing.T) {
	cl, sets, err := loadClasses("14: source=optional source-agent=CVL\n173: source-agent=COP\n190: irregular=180\narmed: MIL REB\n" +
		"attackers: MIL REB CRM\nfighters: MIL REB\npoliticians: GOV\n")
	if err != nil {
		t.Fatal(err)
	}
	if !sets["attackers"]["CRM"] || sets["politicians"]["MIL"] {
		t.Errorf("agent sets %v", sets)
	}
	c := &compiled{classes: cl, armed: sets["armed"]}
	if got := c.classOf("1411"); !got.sourceOptional || got.sourceAgent != "CVL" {
		t.Errorf("1411 takes its root's class: %+v", got)
	}
	if got := c.classOf("173"); got.sourceAgent != "COP" {
		t.Errorf("173: %+v", got)
	}
	if !c.regular("IRNMIL") || !c.regular("IRN") || c.regular("IRNCRM") || c.regular("") {
		t.Error("regular: a state or an armed force only")
	}
	rc, _, err := loadClasses("18: recode=*>+GOV:186 recode=COP>CVL:175\n180: people=CVL\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := rc["180"].recodes; len(got) != 2 || got[0] != (recode{"*", "GOV", true, "186"}) || got[1] != (recode{"COP", "CVL", false, "175"}) {
		t.Errorf("recodes of 180, from its root: %+v", got)
	}
	if !agentIs("HKGCOP", "COP") || agentIs("HKG", "COP") || !agentIs("HKG", "*") {
		t.Error("agentIs: the agent after the country, or anyone")
	}
	for _, bad := range []string{"21: source=optional\n", "14: sauce=optional\n", "190: irregular=999\n", "banana\n", "18: recode=COP:175\n", "18: recode=COP>CVL:999\n"} {
		if _, _, err := loadClasses(bad); err == nil || !strings.Contains(err.Error(), "classes.txt:1") {
			t.Errorf("%q: error %v, want one naming classes.txt:1", bad, err)
		}
	}
}

// TestCuesFile checks the cue sets: every list has one heading, a word keeps all its
// lists, those past the 64th too, and the set tests see each list apart.
func TestCuesFile(t *testing.T) {
	seen := map[cueID]string{}
	for name, id := range cueNames {
		if id >= cueCount || seen[id] != "" {
			t.Errorf("[%s]: list %d out of range or also [%s]", name, id, seen[id])
		}
		seen[id] = name
	}
	if len(seen) != int(cueCount) {
		t.Errorf("%d lists have a heading, want %d", len(seen), cueCount)
	}
	m, err := loadCues("[negation]\nnot never\n[judging]\nruled not\n")
	if err != nil {
		t.Fatal(err)
	}
	if c := m["not"]; !c.has(cueNegation) || !c.has(cueJudging) || c.has(cueFuture) || !c.hasAny(cueFuture, cueJudging) || c.hasAny(cueFuture, cueDeny) {
		t.Errorf("not: %v", c)
	}
	if c := m["ruled"]; c.has(cueNegation) || c != cueSet(cueJudging) {
		t.Errorf("ruled: %v", c)
	}
	wide := cueSet(cueNegation, 64, cueLists-1)
	if !wide.has(64) || !wide.has(cueLists-1) || wide.has(63) || wide.has(65) || wide.without(64).has(64) || !wide.without(64).has(cueNegation) {
		t.Errorf("lists past the 64th: %v", wide)
	}
	if !wide.meets(cueSet(64)) || wide.meets(cueSet(63, 65)) || wide.and(cueSet(64, 65)) != cueSet(64) {
		t.Errorf("set operations: %v", wide)
	}
	for _, bad := range []string{"not\n", "[banana]\nnot\n"} {
		if _, err := loadCues(bad); err == nil || !strings.Contains(err.Error(), "cues.txt:1") {
			t.Errorf("%q: error %v, want one naming cues.txt:1", bad, err)
		}
	}
}

// TestPatternNeeds checks the word ids by which bestPattern rules patterns out before
// matching them: on every pattern of the embedded dictionaries, a phrase holding the
// first word of each of its elements' first alternatives keeps it, and one lacking all
// the words of an element (that no other element shares) rules it out.
// TestPatternWithPreposition and the gold figures check that the patterns that match
// are still found.
func TestPatternNeeds(t *testing.T) {
	c := testStage(t).c
	set := make([]uint64, (int(c.words.n)+63)/64)
	// fill makes set the first words of need's elements but element skip's.
	fill := func(need [][]int32, skip int) {
		clear(set)
		for i, ids := range need {
			if i != skip && len(ids) > 0 {
				set[ids[0]>>6] |= 1 << (ids[0] & 63)
			}
		}
	}
	patterns := 0
	for _, b := range c.blocks {
		for _, p := range b.patterns {
			patterns++
			for _, need := range [][][]int32{p.needPre, p.needPost} {
				fill(need, -1)
				undefined := slices.ContainsFunc(need, func(ids []int32) bool { return len(ids) == 0 })
				if holdsAll(set, need) == undefined {
					t.Errorf("%s: kept %v with the first words of its elements (an undefined set: %v)", p.rule, !undefined, undefined)
				}
				for i, ids := range need {
					shared := slices.ContainsFunc(ids, func(id int32) bool {
						for j, other := range need {
							if j != i && slices.Contains(other, id) {
								return true
							}
						}
						return false
					})
					if shared {
						continue
					}
					fill(need, i)
					if holdsAll(set, need) {
						t.Errorf("%s: kept without the words of element %d", p.rule, i)
					}
				}
			}
		}
	}
	if patterns < 1000 {
		t.Errorf("%d patterns: the dictionaries did not load", patterns)
	}
}
