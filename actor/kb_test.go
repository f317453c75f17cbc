package actor

import (
	"strings"
	"sync"
	"testing"
)

var (
	kbOnce   sync.Once
	kbShared *KB
	kbErr    error
)

// testKB returns the embedded knowledge base, loaded once for all tests.
func testKB(t testing.TB) *KB {
	t.Helper()
	kbOnce.Do(func() { kbShared, kbErr = Load() })
	if kbErr != nil {
		t.Fatal(kbErr)
	}
	return kbShared
}

func words(s string) []string { return phraseTokens(s) }

func TestEmbeddedSizes(t *testing.T) {
	kb := testKB(t)
	st := kb.Stats()
	t.Logf("%+v, %d warnings", st, len(kb.Warnings()))
	// The three Phoenix actor files hold 27,252 entries; the demonyms some 190, tocsin's
	// files a few dozen.
	if st.Entries < 27252+190 || st.Entries > 27600 {
		t.Errorf("entries = %d", st.Entries)
	}
	if st.ActorPhrases < 35000 || st.AgentPhrases < 5000 || st.CountryCodes < 190 || st.DatedEntries < 18000 {
		t.Errorf("stats = %+v", st)
	}
	// The code-less entries left: U.N._ and two US departments.
	if st.UncodedEntries != 3 {
		t.Errorf("uncoded entries = %d, want 3", st.UncodedEntries)
	}
	// The canonical files read back cleanly: the only warnings are those three.
	if n := len(kb.Warnings()); n != 3 {
		t.Errorf("%d warnings reading the embedded files: %v", n, kb.Warnings())
	}
}

func TestCodeNounPhrase(t *testing.T) {
	kb := testKB(t)
	for _, c := range []struct{ phrase, date, code, rule string }{
		{"Iranian officials", "", "IRNGOV", "descriptor:Iranian+officials"},
		{"US soldiers", "", "USAMIL", "descriptor:US+soldiers"},
		{"the United States", "", "USA", "dict:PHOENIX_COUNTRIES:UNITED_STATES_OF_AMERICA_"},
		{"Iranians", "", "IRN", "dict:PHOENIX_COUNTRIES:IRAN_"},                      // stem "+IRANIAN" in the plural
		{"Americans", "", "USA", "dict:PHOENIX_COUNTRIES:UNITED_STATES_OF_AMERICA_"}, // plural of "+AMERICAN_"
		{"mourners", "", "CVL", "descriptor:mourners"},
		{"protesters", "", "OPP", "descriptor:protesters"},
		{"civilians", "", "CVL", "descriptor:civilians"},
		{"riot police", "", "COP", "descriptor:riot police"},
		{"Iranian military commander", "", "IRNMIL", "descriptor:Iranian+military commander"},
		{"top general", "", "MIL", "descriptor:general"},
		// a rank or office word last in its phrase, or a title before a name, is the
		// agent (before another word, an adjective: see below)
		{"General Qasem Soleimani", "", "MIL", "descriptor:General"},
		{"a senior official", "", "GOV", "descriptor:senior official"},
		{"a senior Chilean diplomat", "", "CHLGOV", "descriptor:Chilean+diplomat"},
		{"the head of the Quds Force", "", "IRNMIL", "descriptor:Quds Force"},
		{"IRN", "", "IRN", "country:IRN"},
		// Forces and hardware as actors; an armed group keeps one armed role.
		{"Israeli jets", "", "ISRMIL", "descriptor:Israeli+jets"},
		{"Russian forces", "", "RUSMIL", "descriptor:Russian+forces"},
		{"Taliban fighters", "", "AFGREB", "descriptor:Taliban+fighters"},
		// Who flags, leads or owns it is its country; who backs it is not.
		{"a British-flagged tanker", "", "GBRBUS", "descriptor:British-flagged+tanker"},
		{"Saudi-led warplanes", "", "SAUMIL", "descriptor:Saudi-led+warplanes"},
		{"Iranian-backed militias", "", "UAF", "descriptor:militias"},
		{"Tehran", "", "IRN", "dict:PHOENIX_COUNTRIES:IRAN_"},
		// Armed groups the 2014 dictionaries lack (fixes.actors.txt), dated where their
		// role changed.
		{"the Houthis", "", "YEMREB", "dict:TOCSIN_FIXES:HOUTHI"},
		{"Rapid Support Forces", "2020-06-01", "SDNMIL", "dict:TOCSIN_FIXES:RAPID_SUPPORT_FORCES_"},
		{"Rapid Support Forces", "2023-05-10", "SDNREB", "dict:TOCSIN_FIXES:RAPID_SUPPORT_FORCES_"},
		// Date-restricted codes.
		{"Mahmoud Ahmadinejad", "2010-05-01", "IRNGOV", "dict:PHOENIX_COUNTRIES:MAHMOUD_AHMADINEJAD_"},
		{"Mahmoud Ahmadinejad", "2016-05-01", "IRNELI", "dict:PHOENIX_COUNTRIES:MAHMOUD_AHMADINEJAD_"},
		{"Donald Trump", "2019-06-01", "USAGOV", "dict:TOCSIN_LEADERS:DONALD_TRUMP_"},
		{"Donald Trump", "2023-06-01", "USAELI", "dict:TOCSIN_LEADERS:DONALD_TRUMP_"},
		{"Donald Trump", "", "USAGOV", "dict:TOCSIN_LEADERS:DONALD_TRUMP_"},
		{"President Biden", "2022-03-01", "USAGOV", "dict:TOCSIN_LEADERS:JOE_BIDEN_"},
		{"Mr Trump", "20200107", "USAGOV", "dict:TOCSIN_LEADERS:DONALD_TRUMP_"},
		// Names listed with their article ("THE_ISLAMIC_STATE", "+THE_UK_") match
		// without it, as phrases are read without their determiner.
		{"the Islamic State", "", "IMGMUSISI", "dict:PHOENIX_COUNTRIES:THE_ISLAMIC_STATE"},
		// A name the dictionaries write as two words, joined by a hyphen in the text.
		{"Guinea-Bissau", "", "GNB", "dict:PHOENIX_COUNTRIES:GUINEA_BISSAU"},
		{"Timor-Leste's president", "", "TMPGOV", "descriptor:Timor-Leste+president"},
		// Country names of the gazetteer's aliases that the Phoenix files lack.
		{"the UK", "", "GBR", "dict:COUNTRY_NAMES:UK_"},
		{"the DRC", "", "COD", "dict:COUNTRY_NAMES:DRC_"},
		// Agents tocsin adds (tocsin.agents.txt).
		{"the attackers", "", "CRM", "descriptor:attackers"},
		{"two suspects", "", "CRM", "descriptor:suspects"},
		{"the three officers", "", "COP", "descriptor:officers"},
		{"army officers", "", "MIL", "descriptor:army officers"},
		// One officer is a policeman, but an officer of a firm or an office is not.
		{"an officer", "", "COP", "descriptor:officer"},
		{"the chief executive officer", "", "BUS", "descriptor:chief executive officer"},
		{"a press officer", "", "GOV", "descriptor:press officer"},
		{"the opposition", "", "OPP", "descriptor:opposition"},
		// A church attacked is the civilians in it; a church that acts, its clergy.
		{"a church", "", "CVL", "descriptor:church"},
		{"the Greek Orthodox Church", "", "GRCREL", "descriptor:Greek+Orthodox Church"},
		{"church leaders", "", "REL", "descriptor:church leaders"},
		// Titles with their dots, as US news writes them before names.
		{"Sen. Chuck Schumer", "", "LEG", "descriptor:Sen."},
		{"Rep. Adam Schiff", "", "LEG", "descriptor:Rep."},
		{"Maj. Gen. Hossein Salami", "", "MIL", "descriptor:Maj. Gen."},
	} {
		code, rule, ok := kb.CodeNounPhrase(words(c.phrase), c.date)
		if !ok || code != c.code || rule != c.rule {
			t.Errorf("CodeNounPhrase(%q, %q) = %q %q %v, want %q %q", c.phrase, c.date, code, rule, ok, c.code, c.rule)
		}
	}
	// Actor names start with a capital: lower-case words that are also place names
	// ("chad") are not actors; nor are phrases with nothing known, nor a rank or
	// office word used as an adjective ("the general utility of more visas").
	for _, p := range []string{"chad", "a quiet afternoon", "fallen leader", "", "the general utility", "official crime statistics", "a major attack"} {
		if code, rule, ok := kb.CodeNounPhrase(words(p), ""); ok {
			t.Errorf("CodeNounPhrase(%q) = %q %q, want nothing", p, code, rule)
		}
	}
	if code, _, _ := kb.CodeNounPhrase(words("Chad"), ""); code != "TCD" {
		t.Errorf("Chad = %q, want TCD", code)
	}
}

func TestCountry(t *testing.T) {
	kb := testKB(t)
	for in, want := range map[string]string{"IRN": "IRN", "usa": "USA", "Iran": "IRN", "the United States": "USA", "Iranian": "IRN", "Americans": "USA", "Kerman": ""} {
		got, ok := kb.Country(in)
		if got != want || ok != (want != "") {
			t.Errorf("Country(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}

// A user dictionary loaded after the embedded ones adds names and overrides known ones.
func TestLoadUserDictionary(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	user := `# my additions
MIKE_POMPEO_
+SECRETARY_POMPEO_
	[USAGOVSPY 20170123-20180426]
	[USAGOV 20180426-20210120]
	[USAELI]
TEHRAN_ [IRNGOV]   # the capital as a metonym for the government
`
	if err := kb.LoadActors("MY_DICT", strings.NewReader(user)); err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadAgents("MY_AGENTS", strings.NewReader("STAMPEDE_VICTIM [~CVL]\n")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ phrase, date, code, rule string }{
		{"Mike Pompeo", "2017-06-01", "USAGOVSPY", "dict:MY_DICT:MIKE_POMPEO_"},
		{"Secretary Pompeo", "2020-01-07", "USAGOV", "dict:MY_DICT:MIKE_POMPEO_"},
		{"Mike Pompeo", "2022-01-01", "USAELI", "dict:MY_DICT:MIKE_POMPEO_"},
		{"Tehran", "", "IRNGOV", "dict:MY_DICT:TEHRAN_"},
		{"Iran", "", "IRN", "dict:PHOENIX_COUNTRIES:IRAN_"},
		{"Iranian stampede victims", "", "IRNCVL", "descriptor:Iranian+stampede victims"},
	} {
		code, rule, ok := kb.CodeNounPhrase(words(c.phrase), c.date)
		if !ok || code != c.code || rule != c.rule {
			t.Errorf("CodeNounPhrase(%q, %q) = %q %q %v, want %q %q", c.phrase, c.date, code, rule, ok, c.code, c.rule)
		}
	}
	// The shared embedded KB is not affected.
	if code, _, _ := testKB(t).CodeNounPhrase(words("Tehran"), ""); code != "IRN" {
		t.Errorf("embedded Tehran = %q after loading a user dictionary into another KB", code)
	}
}

// An empty KB with only a user's files works the same way.
func TestNewKB(t *testing.T) {
	kb := NewKB()
	if err := kb.LoadActors("MINI", strings.NewReader("FREEDONIA_ [FRD]\n+FREEDONIAN\n")); err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadAgents("MINI_AGENTS", strings.NewReader("MINISTER [~GOV]\n")); err != nil {
		t.Fatal(err)
	}
	if code, rule, ok := kb.CodeNounPhrase(words("Freedonian ministers"), ""); !ok || code != "FRDGOV" || rule != "descriptor:Freedonian+ministers" {
		t.Errorf("got %q %q %v", code, rule, ok)
	}
	if code, _, _ := kb.CodeNounPhrase(words("Iranian officials"), ""); code != "" {
		t.Errorf("empty KB coded Iranian officials as %q", code)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCodeNounPhrase(b *testing.B) {
	kb := testKB(b)
	phrases := [][]string{words("Iranian officials"), words("the US secretary of state"), words("mourners"), words("Donald Trump")}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		kb.CodeNounPhrase(phrases[i%len(phrases)], "2020-01-07")
	}
}

// TestDocumentsAreNoActors: a phrase that names a text is no actor, though a place in it
// would code it; a dictionary name that is the whole phrase still codes.
func TestDocumentsAreNoActors(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"the Paris Agreement", "the Minsk Protocol", "Geneva Conventions"} {
		if code, rule, ok := kb.CodeNounPhrase(strings.Fields(p), ""); ok {
			t.Errorf("%q coded %s (%s), want nothing", p, code, rule)
		}
	}
	if code, _, ok := kb.CodeNounPhrase(strings.Fields("the French government"), ""); !ok || code != "FRAGOV" {
		t.Errorf("the French government = %q, want FRAGOV", code)
	}
}
