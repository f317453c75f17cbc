package cameo

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

const verbSample = `# a comment
&MILITARY
+TROOPS
# a comment inside a set
+ARMED_FORCES

&AIRCRAFT_
+DRONE
+FIGHTER_JET

---  ACCUSE   [112]  ---
ACCUSE [112]
CHARGE
CONDEMN [111]  # a comment
+CALL_OUT {+CALLS_OUT +CALLED_OUT} [111]
- * (OF {&MILITARY AGGRESSION})             [1123]   # ACCUSE
- + BEEN * BY $ WITH FORMING GOVERNMENT     [060]
- * ATTACK ON +                             [112]
- COURT *                                   [173]
- * (BY/WITH)                               [110]
- * EACH OTHER                              [112:112]
- * (BEFORE COURT)                          [:173]
- * CASE_                                   [---]

---  VISIT   [042:043]  ---
VISIT
GO {GOES WENT GONE GOING}

~ a (b . ATTACK) SAY = a b 112
`

func TestReadVerbs(t *testing.T) {
	d, err := LoadDictionary("", "sample.txt", strings.NewReader(verbSample))
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != Verbs {
		t.Fatalf("kind %q, want verbs", d.Kind)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings: %v", d.Warnings)
	}
	if got := d.Synsets["MILITARY"]; len(got) != 2 || got[1].String() != "ARMED_FORCES" {
		t.Errorf("MILITARY = %v, want TROOPS and ARMED_FORCES (a comment line does not end a set)", got)
	}
	if got := d.Synsets["AIRCRAFT"]; len(got) != 2 {
		t.Errorf("AIRCRAFT_ is read as AIRCRAFT with 2 words, got %v", got)
	}
	if len(d.Blocks) != 2 {
		t.Fatalf("%d blocks, want 2", len(d.Blocks))
	}
	b := d.Blocks[0]
	if b.Name != "ACCUSE" || b.Code != (Code{Forward: "112"}) {
		t.Errorf("block %s %v", b.Name, b.Code)
	}
	if len(b.Verbs) != 4 {
		t.Fatalf("%d verbs, want 4", len(b.Verbs))
	}
	if v := b.Verbs[0]; !reflect.DeepEqual(v.Forms, []string{"ACCUSES", "ACCUSED", "ACCUSING"}) || v.Code.Forward != "112" {
		t.Errorf("ACCUSE forms %v code %v", v.Forms, v.Code)
	}
	if v := b.Verbs[1]; !v.Code.IsZero() {
		t.Errorf("CHARGE has its own code %v, want none (the block's)", v.Code)
	}
	if v := b.Verbs[3]; !reflect.DeepEqual(v.Words, []string{"CALL", "OUT"}) || !reflect.DeepEqual(v.Forms, []string{"CALLS", "CALLED"}) || v.Code.Forward != "111" {
		t.Errorf("+CALL_OUT = %+v", v)
	}
	if len(b.Patterns) != 8 {
		t.Fatalf("%d patterns, want 8", len(b.Patterns))
	}
	p := b.Patterns[0]
	if len(p.Pre) != 0 || len(p.Post) != 1 || p.Post[0].Kind != ElemPrep || p.Code.Forward != "1123" {
		t.Fatalf("pattern 0 = %+v", p)
	}
	pp := p.Post[0].Sub
	if len(pp) != 2 || pp[0].Phrase.String() != "OF" || pp[1].Kind != ElemNP || pp[1].Sub[0].Kind != ElemSet || pp[1].Sub[0].Set != "MILITARY" {
		t.Errorf("(OF {&MILITARY AGGRESSION}) = %+v", pp)
	}
	p = b.Patterns[1]
	if len(p.Pre) != 2 || p.Pre[0].Kind != ElemTarget || p.Post[0].Phrase.String() != "BY" || p.Post[1].Kind != ElemSource {
		t.Errorf("+ BEEN * BY $ ... = %+v", p)
	}
	if p := b.Patterns[2]; p.Post[2].Kind != ElemTarget {
		t.Errorf("ATTACK ON + = %+v", p)
	}
	if p := b.Patterns[3]; len(p.Pre) != 1 || p.Pre[0].Phrase.String() != "COURT" {
		t.Errorf("COURT * = %+v", p)
	}
	if w := b.Patterns[4].Post[0].Sub[0].Phrase[0]; !reflect.DeepEqual(w.Alt, []string{"BY", "WITH"}) {
		t.Errorf("BY/WITH = %+v", w)
	}
	if c := b.Patterns[5].Code; c != (Code{Forward: "112", Reverse: "112"}) {
		t.Errorf("[112:112] = %v", c)
	}
	if c := b.Patterns[6].Code; c != (Code{Reverse: "173"}) {
		t.Errorf("[:173] = %v", c)
	}
	if p := b.Patterns[7]; !p.Code.Null || !p.Post[0].Phrase[0].Exact {
		t.Errorf("CASE_ [---] = %+v", p)
	}
	if v := d.Blocks[1].Verbs[1]; !reflect.DeepEqual(v.Forms, []string{"GOES", "WENT", "GONE", "GOING"}) {
		t.Errorf("GO forms = %v", v.Forms)
	}
	if d.Blocks[1].Code != (Code{Forward: "042", Reverse: "043"}) {
		t.Errorf("VISIT code %v", d.Blocks[1].Code)
	}
	if len(d.Transforms) != 1 {
		t.Fatalf("transforms %v", d.Transforms)
	}
	tr := d.Transforms[0]
	if tr.InnerSource != "b" || tr.InnerTarget != "." || tr.Class != "ATTACK" || tr.Verb != "SAY" || tr.Code != "112" {
		t.Errorf("transform %+v", tr)
	}
}

func TestBadPatternLinesAreSkippedWithTheirLine(t *testing.T) {
	src := "--- X [010] ---\nX\n- * (A B [020]\n- NO VERB MARKER [020]\n- * GOOD [030]\n"
	d, err := LoadDictionary(Verbs, "bad.txt", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks[0].Patterns) != 1 || len(d.Warnings) != 2 || !strings.HasPrefix(d.Warnings[0], "bad.txt:3:") {
		t.Errorf("patterns %d, warnings %v", len(d.Blocks[0].Patterns), d.Warnings)
	}
}

func TestRegularForms(t *testing.T) {
	for base, want := range map[string]string{
		"ATTACK":  "ATTACKS ATTACKED ATTACKING",
		"ACCUSE":  "ACCUSES ACCUSED ACCUSING",
		"DENY":    "DENIES DENIED DENYING",
		"PLAN":    "PLANS PLANED PLANING PLANNED PLANNING",
		"PUSH":    "PUSHES PUSHED PUSHING",
		"FLEE":    "FLEES FLEED FLEING FLEEING",
		"DESTROY": "DESTROYS DESTROYED DESTROYING",
	} {
		if got := strings.Join(RegularForms(base), " "); got != want {
			t.Errorf("RegularForms(%s) = %s, want %s", base, got, want)
		}
	}
}

func TestReadActorsAndAgents(t *testing.T) {
	actors := `# comment
IRAN_  [IRN]
+TEHRAN_
UN_ [IGOUNO]
U.N._

IVO_JOSIPOVIC_
PRESIDENT_JOSIPOVIC_
	[HRVGOV >20120219]
	[HRVGOVLEG 20031222-20100218]
MOHAMMAD_SOLEIMANI_  # CountryInfo.txt
	[IRNGOVMED 050901-090930]
`
	d, err := LoadDictionary("", "a.txt", strings.NewReader(actors))
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != Actors || len(d.Actors) != 4 {
		t.Fatalf("kind %s, %d actors: %+v", d.Kind, len(d.Actors), d.Actors)
	}
	if a := d.Actors[0]; len(a.Names) != 2 || a.Names[1].String() != "TEHRAN_" || a.Codes[0].Code != "IRN" {
		t.Errorf("IRAN = %+v", a)
	}
	if a := d.Actors[1]; len(a.Names) != 2 || a.Names[1].String() != "U.N._" {
		t.Errorf("U.N. should be a name of UN: %+v", a)
	}
	a := d.Actors[2]
	if len(a.Names) != 2 || len(a.Codes) != 2 {
		t.Fatalf("JOSIPOVIC = %+v", a)
	}
	if a.Codes[0] != (DatedCode{Code: "HRVGOV", From: "2012-02-19"}) || a.Codes[1] != (DatedCode{Code: "HRVGOVLEG", From: "2003-12-22", To: "2010-02-18"}) {
		t.Errorf("codes %+v", a.Codes)
	}
	if !a.Codes[0].Valid("2015-01-01") || a.Codes[0].Valid("2010-01-01") || !a.Codes[0].Valid("") {
		t.Error("date ranges")
	}
	if c := d.Actors[3].Codes[0]; c.From != "2005-09-01" || c.To != "2009-09-30" {
		t.Errorf("YYMMDD range %+v", c)
	}

	agents := "!PERSON! = MAN, WOMAN\nPOLICE!PERSON! [~COP]\nREBEL [~REB]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nUN_BODY [IGO~]\n"
	g, err := LoadDictionary("", "g.txt", strings.NewReader(agents))
	if err != nil {
		t.Fatal(err)
	}
	if g.Kind != Agents || len(g.Agents) != 4 {
		t.Fatalf("kind %s, agents %+v", g.Kind, g.Agents)
	}
	var names []string
	for _, p := range g.Agents[0].Names {
		names = append(names, p.String())
	}
	if strings.Join(names, " ") != "POLICEMAN POLICEWOMAN POLICEMANS POLICEWOMANS" || g.Agents[0].Code != "COP" {
		t.Errorf("POLICE!PERSON! = %v %s", names, g.Agents[0].Code)
	}
	if a := g.Agents[1]; len(a.Names) != 2 || a.Names[1].String() != "REBELS" {
		t.Errorf("REBEL plural: %+v", a)
	}
	if a := g.Agents[3]; !a.Prefix || a.Code != "IGO" {
		t.Errorf("[IGO~] = %+v", a)
	}
}

func TestDetectKind(t *testing.T) {
	for src, want := range map[string]Kind{
		"--- ACCUSE [112] ---\nACCUSE\n":           Verbs,
		"IRAN_ [IRN]\n+TEHRAN_\n":                  Actors,
		"ZARIF\n\t[IRNGOV 030101-070731]\n":        Actors,
		"POLICE [~COP]\nREBEL [~REB]\n":            Agents,
		"# sports\nCRICKET\n+FIFA\nGOLD MEDAL\n":   Discards,
		"<ISSUE CATEGORY=\"X\">\nn:school [EDU]\n": "",
	} {
		got, err := DetectKind([]byte(src))
		if got != want || (want == "") != (err != nil) {
			t.Errorf("DetectKind(%q) = %q, %v; want %q", src, got, err, want)
		}
	}
	for arg, want := range map[string][2]string{
		"verbs:my.txt":      {"verbs", "my.txt"},
		"Actors:a.txt":      {"actors", "a.txt"},
		"my.txt":            {"", "my.txt"},
		`C:\dicts\my.txt`:   {"", `C:\dicts\my.txt`},
		"discards:x:y.txt":  {"discards", "x:y.txt"},
		"unknown:thing.txt": {"", "unknown:thing.txt"},
	} {
		k, p := ParseDictArg(arg)
		if string(k) != want[0] || p != want[1] {
			t.Errorf("ParseDictArg(%q) = %q, %q", arg, k, p)
		}
	}
	if _, err := LoadDictionary("", "empty.txt", strings.NewReader("# nothing\n")); err == nil || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("empty file: err %v, want one naming the file", err)
	}
}

func TestDiscards(t *testing.T) {
	d, err := LoadDictionary(Discards, "d.txt", strings.NewReader("# c\nMONTHS LATER\n+ World Golf Championships   # pas\nGROUP A_\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Discards) != 3 || d.Discards[0].Phrase.String() != "MONTHS_LATER_" || !d.Discards[1].Story || d.Discards[1].Phrase.String() != "WORLD_GOLF_CHAMPIONSHIPS_" {
		t.Errorf("%+v", d.Discards)
	}
}

func TestDefault(t *testing.T) {
	ds, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 {
		t.Fatalf("%d dictionaries", len(ds))
	}
	s := ds[0].Stats()
	if s.Blocks < 390 || s.Verbs < 1800 || s.Patterns < 4600 || s.Synsets != 40 || s.Transforms != 8 {
		t.Errorf("CAMEO.2.0: %v", s)
	}
	if len(ds[1].Warnings) != 0 {
		t.Errorf("tocsin.verbs must parse cleanly: %v", ds[1].Warnings)
	}
	if n := len(ds[2].Discards); n < 500 {
		t.Errorf("%d discards", n)
	}
}

// TestEmbeddedMatchesSource checks that the compact embedded dictionary parses exactly as
// the shared original, so that a stale generated file is noticed.
func TestEmbeddedMatchesSource(t *testing.T) {
	path := sharedtest.Path(t, "data/phoenix/CAMEO.2.0.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	orig, err := LoadDictionary(Verbs, "CAMEO.2.0.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if a, b := orig.Stats(), ds[0].Stats(); a != b {
		t.Errorf("original %v\nembedded %v", a, b)
	}
	for i, b := range orig.Blocks {
		e := ds[0].Blocks[i]
		if b.Name != e.Name || len(b.Patterns) != len(e.Patterns) {
			t.Fatalf("block %d: %s/%d vs %s/%d", i, b.Name, len(b.Patterns), e.Name, len(e.Patterns))
		}
		for j := range b.Patterns {
			if b.Patterns[j].Text != e.Patterns[j].Text || b.Patterns[j].Code != e.Patterns[j].Code {
				t.Fatalf("%s pattern %d: %q %v vs %q %v", b.Name, j, b.Patterns[j].Text, b.Patterns[j].Code, e.Patterns[j].Text, e.Patterns[j].Code)
			}
		}
	}
}

func TestCodes(t *testing.T) {
	all := Codes()
	if len(all) != 312 {
		t.Errorf("%d codes, want 312", len(all))
	}
	for _, c := range []struct {
		code      string
		gold      float64
		quad      int
		typ, mode string
	}{
		{"195", -10, MaterialConflict, "ASSAULT", "heavy-weapons"},
		{"138", -7, VerbalConflict, "THREATEN", "violence"},
		{"112", -2, VerbalConflict, "ACCUSE", "disapprove"},
		{"141", -6.5, MaterialConflict, "PROTEST", "demo"},
		{"042", 1.9, VerbalCooperation, "CONSULT", "visit"},
		{"0234", 3.4, VerbalCooperation, "REQUEST", "assist"},
		{"010", 0, VerbalCooperation, "", ""},
		{"186", -10, MaterialConflict, "ASSAULT", "assassinate"},
		{"073", 7.4, MaterialCooperation, "AID", ""},
	} {
		in, ok := Lookup(c.code)
		if !ok {
			t.Errorf("Lookup(%s) not found", c.code)
			continue
		}
		if in.Goldstein != c.gold || in.QuadClass != c.quad || in.Plover != c.typ || in.PloverMode != c.mode || in.Root != c.code[:2] {
			t.Errorf("Lookup(%s) = %+v, want goldstein %v quad %d plover %s/%s", c.code, in, c.gold, c.quad, c.typ, c.mode)
		}
	}
	// The ICEWS table (see NOTICE.md), which differs from GDELT's on 016, 022, 164, 165.
	if in, _ := Lookup("016"); in.Goldstein != -5 {
		t.Errorf("016 goldstein %v, want -5 (ICEWS)", in.Goldstein)
	}
	if in, ok := Lookup("1951"); !ok || in.Code != "1951" || in.Plover != "ASSAULT" {
		t.Errorf("an unknown sub-code takes its parent's values: %+v %v", in, ok)
	}
	if _, ok := Lookup("99"); ok {
		t.Error("99 is not a code")
	}
	if QuadClassOf("0") != 0 || QuadClassOf("20") != MaterialConflict || QuadClassOf("05") != VerbalCooperation {
		t.Error("QuadClassOf")
	}
}
