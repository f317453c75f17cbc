package actor

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// A dictionary written for these tests: every construction of the PETRARCH actor format,
// and the problems the real files have.
const testActors = `# a comment line
<!-- an XML comment
     over two lines -->
FREEDONIA_  [FRD]   # inline comment
+FREEDONIAN
+REPUBLIC_OF_FREEDONIA_
+FREEDONIA_(COUNTRY)_

FREEDONIAN_ARMY_
+FREEDONIAN_TROOPS_
	[FRDMIL]
RUFUS_FIREFLY_  # a leader with dated codes
+PRESIDENT_FIREFLY_
	[FRDELI 330101-331117]
	[FRDGOV 19331117-19450101]
	[FRDELI]
TRENTINO_PRIME_
TRENTINO_THE_SECOND_
	[SYLGOV >200601]
GLORIA_TEASDALE_ [FRDGOV <350101] [FRDELI 350101-400101]
HOLLOW_NAME_

NEXT_ENTRY_ [SYL]
BROKEN_DATES_
	[SYLGOV 990101-990101]
	[SYLGOV 2001x101-20020101]
	[SYLMIL > 140608]
	[SYLGOV 020304]
`

func TestParseActors(t *testing.T) {
	entries, warns, err := ParseActors("test.actors", strings.NewReader(testActors))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Name: "FREEDONIA_", Synonyms: []string{"FREEDONIAN", "REPUBLIC_OF_FREEDONIA_", "FREEDONIA_(COUNTRY)_"},
			Codes: []DatedCode{{"FRD", 0, 0}}, Line: 4},
		{Name: "FREEDONIAN_ARMY_", Synonyms: []string{"FREEDONIAN_TROOPS_"}, Codes: []DatedCode{{"FRDMIL", 0, 0}}, Line: 9},
		{Name: "RUFUS_FIREFLY_", Synonyms: []string{"PRESIDENT_FIREFLY_"}, Codes: []DatedCode{
			{"FRDELI", 19330101, 19331117}, {"FRDGOV", 19331117, 19450101}, {"FRDELI", 0, 0}}, Line: 12},
		// No code and the next name on the next line: it shares that name's codes.
		{Name: "TRENTINO_PRIME_", Codes: []DatedCode{{"SYLGOV", 20200601, 0}}, Line: 17},
		{Name: "TRENTINO_THE_SECOND_", Codes: []DatedCode{{"SYLGOV", 20200601, 0}}, Line: 18}, // YYMMDD: 2020-06-01
		{Name: "GLORIA_TEASDALE_", Codes: []DatedCode{{"FRDGOV", 0, 19350101}, {"FRDELI", 19350101, 19400101}}, Line: 20},
		// No code and a blank line after it: it stays code-less, as in PETRARCH.
		{Name: "HOLLOW_NAME_", Line: 21},
		{Name: "NEXT_ENTRY_", Codes: []DatedCode{{"SYL", 0, 0}}, Line: 23},
		// The empty and unreadable ranges are dropped; "> 140608" and a lone date are read.
		{Name: "BROKEN_DATES_", Codes: []DatedCode{{"SYLMIL", 20140608, 0}, {"SYLGOV", 20020304, 0}}, Line: 24},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("entries:\n got %+v\nwant %+v", entries, want)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, frag := range []string{
		"test.actors:17: TRENTINO_PRIME_ has no code: it takes the codes of TRENTINO_THE_SECOND_",
		"test.actors:21: HOLLOW_NAME_ has no code",
		"test.actors:25: code SYLGOV: date range \"990101-990101\" is empty",
		"test.actors:26: code SYLGOV: date \"2001x101\" is not a number",
	} {
		if !strings.Contains(all, frag) {
			t.Errorf("warnings lack %q:\n%s", frag, all)
		}
	}
}

func TestParseActorsStrays(t *testing.T) {
	entries, warns, err := ParseActors("stray", strings.NewReader("+ORPHAN_\n\t[XYZ]\nREAL_ [ABC] trailing words\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name != "REAL_" || entries[0].Codes[0].Code != "ABC" {
		t.Errorf("entries = %+v", entries)
	}
	if len(warns) != 3 {
		t.Errorf("want 3 warnings (synonym and code before any actor, text after codes), got %v", warns)
	}
}

func TestWriteActorsRoundTrip(t *testing.T) {
	entries, _, err := ParseActors("test.actors", strings.NewReader(testActors))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteActors(&buf, entries); err != nil {
		t.Fatal(err)
	}
	again, warns, err := ParseActors("canonical", &buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range again {
		again[i].Line = entries[i].Line
	}
	if !reflect.DeepEqual(again, entries) {
		t.Errorf("round trip changed the entries:\n%s", buf.String())
	}
	if len(warns) != 1 { // HOLLOW_NAME_ has no code
		t.Errorf("canonical form gave warnings %v", warns)
	}
}

const testAgents = `!PERSON! = MAN, WOMAN
PATROL!PERSON! [~COP]
SENTRY [~MIL]
MILITIA {} [~UAF]
ENVOY [~GOV]
ARMY_CORPS {ARMY_CORPS} [~MIL]
ACTRESS [~MED]
ABBEY [~REL]
PEACE_MONITOR [IGO~]
TAILOR [BUS]
NOCODE
!PERSON!_OF_AD!PERSON!ISTRATION [~GOV]
`

func TestParseAgents(t *testing.T) {
	agents, warns, err := ParseAgents("test.agents", strings.NewReader(testAgents))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range agents {
		got[a.Phrase] = a.Code
	}
	want := map[string]string{
		"PATROLMAN": "~COP", "PATROLWOMAN": "~COP", // substitutions take no plural
		"SENTRY": "~MIL", "SENTRIES": "~MIL",
		"MILITIA": "~UAF",
		"ENVOY":   "~GOV", "ENVOIES": "~GOV", // PETRARCH's rule: a final Y always becomes IES
		"ARMY_CORPS": "~MIL",
		"ACTRESS":    "~MED", "ACTRESSES": "~MED",
		"ABBEY": "~REL", "ABBEIES": "~REL",
		"PEACE_MONITOR": "IGO~", "PEACE_MONITORS": "IGO~",
		"TAILOR": "~BUS", "TAILORS": "~BUS",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("agents:\n got %v\nwant %v", got, want)
	}
	if len(warns) != 3 { // TAILOR lacks the tilde, NOCODE a code; a phrase has two markers
		t.Errorf("warnings = %v", warns)
	}
	var buf bytes.Buffer
	if err := WriteAgents(&buf, agents); err != nil {
		t.Fatal(err)
	}
	again, _, err := ParseAgents("canonical", &buf)
	if err != nil || len(again) != len(agents) {
		t.Errorf("round trip: %d agents, want %d (%v)", len(again), len(agents), err)
	}
}

func TestCodeAt(t *testing.T) {
	firefly := []DatedCode{{"FRDELI", 19330101, 19331117}, {"FRDGOV", 19331117, 19450101}, {"FRDELI", 0, 0}}
	terms := []DatedCode{{"SYLELI", 0, 20170120}, {"SYLGOV", 20170120, 20210120}, {"SYLELI", 20210120, 20250120}, {"SYLGOV", 20250120, 0}}
	reappointed := []DatedCode{{"FRDGOV", 19811013, 19890803}, {"FRDGOV", 19890604, 0}, {"FRDELI", 0, 0}}
	closed := []DatedCode{{"FRDGOV", 19900101, 19950101}, {"FRDLEG", 19800101, 19900101}}
	for _, c := range []struct {
		codes []DatedCode
		day   int32
		want  string
	}{
		{firefly, 19330601, "FRDELI"},
		{firefly, 19331117, "FRDGOV"}, // ranges include their first day
		{firefly, 19450101, "FRDELI"}, // and exclude their last: the undated code applies
		{firefly, 0, "FRDELI"},        // no date: no open range, so the undated code
		{terms, 20160101, "SYLELI"},
		{terms, 20200107, "SYLGOV"},
		{terms, 20220101, "SYLELI"},
		{terms, 0, "SYLGOV"}, // no date: the open-ended, current code
		{reappointed, 19890701, "FRDGOV"},
		{reappointed, 0, "FRDGOV"},
		{closed, 0, "FRDGOV"},  // no date, nothing open or undated: the range that ends last
		{closed, 20000101, ""}, // a date outside every range: no code
		{[]DatedCode{{"---", 0, 0}}, 0, ""},
	} {
		if got := codeAt(c.codes, c.day); got != c.want {
			t.Errorf("codeAt(%v, %d) = %q, want %q", c.codes, c.day, got, c.want)
		}
	}
}

func TestDayOf(t *testing.T) {
	for in, want := range map[string]int32{
		"2020-01-07": 20200107, "2020-01-07T10:30:00Z": 20200107, "2020-01": 20200101, "2020": 20200101,
		"20200107": 20200107, "200107": 20200107, "890604": 19890604, "": 0, "yesterday": 0, "2020-13-01": 0,
	} {
		if got := DayOf(in); got != want {
			t.Errorf("DayOf(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestCombine(t *testing.T) {
	for _, c := range []struct {
		actor  string
		agents []string
		want   string
	}{
		{"IRN", []string{"~MIL", "~MIL"}, "IRNMIL"},
		{"IRN", []string{"~GOVMIL"}, "IRNGOVMIL"},
		{"IRNGOV", []string{"~GOVMIL"}, "IRNGOVMIL"},
		{"USA", []string{"IGO~"}, "IGOUSA"},
		{"", []string{"~CVL"}, "CVL"},
		{"USA", []string{"~PPL", "~MIL"}, "USAMIL"},
		{"USA", nil, "USA"},
	} {
		if got := combine(c.actor, c.agents); got != c.want {
			t.Errorf("combine(%q, %v) = %q, want %q", c.actor, c.agents, got, c.want)
		}
	}
}
