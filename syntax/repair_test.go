package syntax

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/tocsin-project/tocsin/cameo"
)

// TestVerbFormsFresh checks that verbs.txt holds exactly the verb forms of the embedded
// Phoenix CAMEO 2.0 verb dictionary; with -update it rewrites the file. tocsin.verbs, which
// the team edits often, is left out, so that adding a verb pattern there does not make
// this file stale (it adds some 60 forms, such as "inked" and "downed").
func TestVerbFormsFresh(t *testing.T) {
	dicts, err := cameo.Default()
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, d := range dicts {
		if d.Kind != cameo.Verbs || d.Name != "CAMEO.2.0.txt" {
			continue
		}
		for _, b := range d.Blocks {
			for _, v := range b.Verbs {
				for _, f := range append([]string{v.Words[0]}, v.Forms...) {
					if f = strings.ToLower(strings.TrimSpace(f)); strings.IndexFunc(f, unicode.IsLetter) >= 0 {
						set[f] = true
					}
				}
			}
		}
	}
	forms := make([]string, 0, len(set))
	for f := range set {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	want := "# Verb forms of the Phoenix CAMEO 2.0 verb dictionary (package cameo, CAMEO.2.0.txt),\n" +
		"# lower case, one a line. Generated: go test ./syntax -run TestVerbFormsFresh -update\n" +
		strings.Join(forms, "\n") + "\n"
	if *update {
		if err := os.WriteFile("verbs.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if verbsTxt != want {
		t.Fatalf("verbs.txt is stale (%d bytes; the dictionaries give %d): run `go test ./syntax -run TestVerbFormsFresh -update` and commit verbs.txt", len(verbsTxt), len(want))
	}
}

// parseTree reads a tree written as "form/UPOS/XPOS/head/relation" words, heads counted
// from 1 as in CoNLL-U (0 for the root).
func parseTree(t *testing.T, spec string, headline bool) *tree {
	t.Helper()
	words := strings.Fields(spec)
	tr := new(tree)
	tr.reset(len(words), headline)
	for i, w := range words {
		f := strings.Split(w, "/")
		if len(f) != 5 {
			t.Fatalf("word %q: want form/UPOS/XPOS/head/relation", w)
		}
		h, err := strconv.Atoi(f[3])
		if err != nil || h < 0 || h > len(words) {
			t.Fatalf("word %q: bad head", w)
		}
		tr.form[i], tr.pos[i], tr.tag[i], tr.dep[i] = f[0], f[1], f[2], f[4]
		tr.head[i], tr.punct[i] = int32(h-1), f[1] == "PUNCT"
	}
	return tr
}

// arc returns word i's head word and relation, "ROOT root" for a root.
func (t *tree) arc(i int) string {
	if t.head[i] < 0 {
		return "ROOT " + t.dep[i]
	}
	return t.form[t.head[i]] + " " + t.dep[i]
}

// TestRepairsMendMisparses runs the repairs on the misparses each one is written for, as
// the parser gives them, and checks the arcs they mend and the names they record.
func TestRepairsMendMisparses(t *testing.T) {
	for _, c := range []struct {
		name     string
		tree     string
		headline bool
		repairs  string            // names of the repairs that fire
		want     map[string]string // word → "head relation" afterwards
		verb     string            // a word retagged as a verb
	}{
		{
			name:    "a verb tagged as a noun, with an object",
			tree:    "A/DET/DT/3/det gunman/NOUN/NN/3/compound shot/NOUN/NN/0/root three/NUM/CD/5/nummod people/NOUN/NNS/3/obj ./PUNCT/./3/punct",
			repairs: "verbless", verb: "shot",
			want: map[string]string{"shot": "ROOT root", "gunman": "shot nsubj", "people": "shot obj"},
		},
		{
			name:     "a headline without its auxiliary",
			tree:     "Three/NUM/CD/2/nummod soldiers/NOUN/NNS/0/root killed/VERB/VBN/2/acl in/ADP/IN/5/case attack/NOUN/NN/3/obl",
			headline: true, repairs: "verbless",
			want: map[string]string{"killed": "ROOT root", "soldiers": "killed nsubj:pass", "attack": "killed obl"},
		},
		{
			name:     "a headline's 'shot dead', shot tagged a noun",
			tree:     "Yemeni/PROPN/NNP/2/compound journalist/NOUN/NN/3/nmod:desc Nabil/PROPN/NNP/0/root al-Quaety/PROPN/NNP/3/flat shot/NOUN/NN/3/list dead/ADJ/JJ/5/amod in/ADP/IN/8/case Aden/PROPN/NNP/3/nmod",
			headline: true, repairs: "verbless", verb: "shot",
			want: map[string]string{"shot": "ROOT root", "Nabil": "shot nsubj:pass", "Aden": "shot obl"},
		},
		{
			name:     "a headline's present tense tagged a plural noun, a noun tagged a verb",
			tree:     "Hong/PROPN/NNP/5/nsubj Kong/PROPN/NNP/1/flat leader/NOUN/NN/4/compound announces/NOUN/NNS/5/nsubj withdrawal/VERB/VBP/0/root of/ADP/IN/8/case extradition/NOUN/NN/8/compound bill/NOUN/NN/5/obl",
			headline: true, repairs: "verbless", verb: "announces",
			want: map[string]string{"announces": "ROOT root", "leader": "announces nsubj", "withdrawal": "announces obj", "bill": "withdrawal obl", "Hong": "leader compound"},
		},
		{
			name:     "a headline's base-form verb after a plural subject, tagged an adverb",
			tree:     "Hundreds/NOUN/NNS/0/root rally/ADV/RB/4/advmod in/ADP/IN/4/case Mombasa/PROPN/NNP/1/nmod against/ADP/IN/7/case fuel/NOUN/NN/7/compound prices/NOUN/NNS/1/nmod",
			headline: true, repairs: "headline-verb", verb: "rally",
			want: map[string]string{"rally": "ROOT root", "Hundreds": "rally nsubj", "Mombasa": "rally obl", "prices": "rally obl"},
		},
		{
			name:     "a headline's base-form verb tagged an adjective, with an object",
			tree:     "Nurses/NOUN/NNS/0/root protest/ADJ/JJS/4/amod pay/NOUN/NN/4/compound cuts/NOUN/NNS/1/obj in/ADP/IN/6/case Kisumu/PROPN/NNP/1/nmod",
			headline: true, repairs: "headline-verb", verb: "protest",
			want: map[string]string{"protest": "ROOT root", "Nurses": "protest nsubj", "cuts": "protest obj", "Kisumu": "protest obl"},
		},
		{
			name:     "an adjective after a plural subject without an object stays",
			tree:     "Sanders/NOUN/NNS/0/root ready/ADJ/JJ/1/amod to/PART/TO/4/mark take/VERB/VB/2/xcomp a/DET/DT/6/det stand/NOUN/NN/4/obj",
			headline: true,
		},
		{
			name: "a base form after a plural noun stays outside a headline",
			tree: "Hundreds/NOUN/NNS/0/root rally/ADV/RB/4/advmod in/ADP/IN/4/case Mombasa/PROPN/NNP/1/nmod",
		},
		{
			name:     "a name the truecase stage kept capitalised is no verb",
			tree:     "Rights/NOUN/NNS/0/root Watch/NOUN/NN/1/compound in/ADP/IN/4/case Mombasa/PROPN/NNP/1/nmod",
			headline: true,
		},
		{
			name:     "a reduced passive whose first participle was tagged a noun",
			tree:     "Journalist/NOUN/NN/2/compound shot/NOUN/NN/0/root and/CCONJ/CC/4/cc killed/VERB/VBN/2/conj by/ADP/IN/6/case gunmen/NOUN/NNS/4/obl:agent in/ADP/IN/8/case Mogadishu/PROPN/NNP/6/nmod",
			headline: true, repairs: "reduced-passive", verb: "shot",
			want: map[string]string{"shot": "ROOT root", "Journalist": "shot nsubj:pass"},
		},
		{
			name:     "a reduced passive with a conjunct before a preposition",
			tree:     "Aid/ADJ/JJ/2/amod worker/NOUN/NN/3/compound shot/NOUN/NN/0/root and/CCONJ/CC/5/cc wounded/VERB/VBN/3/conj in/ADP/IN/7/case Kabul/PROPN/NNP/5/obl",
			headline: true, repairs: "reduced-passive", verb: "shot",
			want: map[string]string{"worker": "shot nsubj:pass"},
		},
		{
			name: "a conjunct participle without a by-agent stays outside a headline",
			tree: "Aid/ADJ/JJ/2/amod worker/NOUN/NN/3/compound shot/NOUN/NN/0/root and/CCONJ/CC/5/cc wounded/VERB/VBN/3/conj in/ADP/IN/7/case Kabul/PROPN/NNP/5/obl",
		},
		{
			name:     "a headline's participle tagged a noun before a preposition",
			tree:     "Union/NOUN/NN/2/compound leader/NOUN/NN/3/compound beaten/NOUN/NN/0/root with/ADP/IN/6/case baseball/NOUN/NN/6/compound bat/NOUN/NN/3/nmod in/ADP/IN/8/case Lusaka/PROPN/NNP/6/nmod",
			headline: true, repairs: "reduced-passive", verb: "beaten",
			want: map[string]string{"beaten": "ROOT root", "leader": "beaten nsubj:pass", "bat": "beaten obl"},
		},
		{
			name:     "a noun that is also a participle's base form stays",
			tree:     "Tax/NOUN/NN/2/compound cut/NOUN/NN/0/root for/ADP/IN/4/case workers/NOUN/NNS/2/nmod in/ADP/IN/6/case Ohio/PROPN/NNP/4/nmod",
			headline: true,
		},
		{
			name: "a participle tagged a noun stays outside a headline without a conjunct",
			tree: "Union/NOUN/NN/2/compound leader/NOUN/NN/3/compound beaten/NOUN/NN/0/root with/ADP/IN/6/case baseball/NOUN/NN/6/compound bat/NOUN/NN/3/nmod",
		},
		{
			name:    "an object labelled a by-less passive agent",
			tree:    "Sanders/PROPN/NNP/2/nsubj criticized/VERB/VBD/0/root President/PROPN/NNP/4/nmod:desc Donald/PROPN/NNP/2/obl:agent Trump/PROPN/NNP/4/flat ./PUNCT/./2/punct",
			repairs: "agent-object",
			want:    map[string]string{"Donald": "criticized obj", "Sanders": "criticized nsubj"},
		},
		{
			name:    "a count after 'more than' read as an oblique",
			tree:    "Madagascar/PROPN/NNP/2/nsubj expelled/VERB/VBD/0/root more/ADJ/JJR/2/advmod than/ADP/IN/8/case a/DET/DT/8/det dozen/NUM/CD/8/nummod American/ADJ/JJ/8/amod diplomats/NOUN/NNS/2/obl ./PUNCT/./2/punct",
			repairs: "than-object",
			want:    map[string]string{"diplomats": "expelled obj"},
		},
		{
			name:    "a comparison after 'more than' stays",
			tree:    "Kenya/PROPN/NNP/2/nsubj spent/VERB/VBD/0/root more/ADJ/JJR/2/advmod than/ADP/IN/5/case Uganda/PROPN/NNP/2/obl ./PUNCT/./2/punct",
			repairs: "",
			want:    map[string]string{"Uganda": "spent obl"},
		},
		{
			name:    "a participle hung on the noun of an 'of' phrase",
			tree:    "Thousands/NOUN/NNS/0/root of/ADP/IN/3/case people/NOUN/NNS/1/nmod protested/VERB/VBN/3/acl in/ADP/IN/6/case Paris/PROPN/NNP/4/obl ./PUNCT/./1/punct",
			repairs: "verbless",
			want:    map[string]string{"protested": "ROOT root", "Thousands": "protested nsubj", "people": "Thousands nmod"},
		},
		{
			name:    "a subject hung on a fronted phrase",
			tree:    "The/DET/DT/2/det day/NOUN/NN/5/obl:tmod ,/PUNCT/,/4/punct mourners/NOUN/NNS/2/conj chanted/VERB/VBD/0/root slogans/NOUN/NNS/5/obj ./PUNCT/./5/punct",
			repairs: "loose-subject",
			want:    map[string]string{"mourners": "chanted nsubj", "day": "chanted obl:tmod"},
		},
		{
			name:    "a past tense read as a reduced relative",
			tree:    "Thousands/NOUN/NNS/0/root of/ADP/IN/3/case protesters/NOUN/NNS/1/nmod marched/VERB/VBD/3/acl in/ADP/IN/6/case Paris/PROPN/NNP/4/obl ./PUNCT/./1/punct",
			repairs: "relative-verb",
			want:    map[string]string{"marched": "ROOT root", "Thousands": "marched nsubj", ".": "marched punct", "protesters": "Thousands nmod"},
		},
		{
			name:    "a name read as a second subject",
			tree:    "Soleimani/PROPN/NNP/3/nmod:poss 's/PART/POS/1/case daughter/NOUN/NN/5/nsubj Zeinab/PROPN/NNP/5/nsubj threatened/VERB/VBD/0/root America/PROPN/NNP/5/obj",
			repairs: "two-subjects",
			want:    map[string]string{"Zeinab": "daughter appos", "daughter": "threatened nsubj"},
		},
		{
			name:    "a name read as the subject of the noun after it",
			tree:    "The/DET/DT/4/det United/ADJ/NNP/3/amod States/PROPN/NNPS/4/nsubj government/NOUN/NN/5/nsubj labeled/VERB/VBD/0/root it/PRON/PRP/5/obj",
			repairs: "name-subject",
			want:    map[string]string{"States": "government compound", "government": "labeled nsubj"},
		},
		{
			name:    "a report before its verb",
			tree:    "Russia/PROPN/NNP/3/nsubj never/ADV/RB/3/advmod invaded/VERB/VBD/8/ccomp Georgia/PROPN/NNP/8/nsubj ,/PUNCT/,/7/punct the/DET/DT/7/det Kremlin/PROPN/NNP/4/conj said/VERB/VBD/0/root ./PUNCT/./8/punct",
			repairs: "report-before-verb",
			want:    map[string]string{"Georgia": "invaded obj", "Kremlin": "said nsubj", "Russia": "invaded nsubj"},
		},
		{
			name:     "a count read as a numeric modifier of a verb",
			tree:     "Bombs/NOUN/NNS/2/nsubj kill/VERB/VBP/0/root at/ADP/IN/4/case least/ADJ/JJS/5/nmod 20/NUM/CD/2/nummod at/ADP/IN/7/case cathedral/NOUN/NN/2/obl",
			headline: true, repairs: "count-object",
			want: map[string]string{"20": "kill obj"},
		},
		{
			name:     "a gerund read as an adjective of a verb",
			tree:     "Iran/PROPN/NNP/2/nsubj admits/VERB/VBZ/0/root downing/VERB/VBG/2/amod Ukrainian/ADJ/JJ/5/amod jet/NOUN/NN/3/obj",
			headline: true, repairs: "gerund-complement",
			want: map[string]string{"downing": "admits xcomp"},
		},
		{
			name:    "a sentence rooted in its opening phrase",
			tree:    "According/VERB/VBG/3/case to/ADP/IN/1/fixed al-Eryani/PROPN/NNP/0/root ,/PUNCT/,/8/punct the/DET/DT/6/det rebels/NOUN/NNS/8/nsubj:pass are/AUX/VBP/8/aux:pass backed/VERB/VBN/3/acl:relcl by/ADP/IN/10/case Iran/PROPN/NNP/8/obl:agent ./PUNCT/./3/punct",
			repairs: "oblique-root",
			want:    map[string]string{"backed": "ROOT root", "al-Eryani": "backed obl", ".": "backed punct"},
		},
		{
			name: "a copula's predicate with a preposition stays the root",
			tree: "No/DET/DT/2/det one/PRON/NN/5/nsubj is/AUX/VBZ/5/cop above/ADP/IN/5/case law/NOUN/NN/0/root ,/PUNCT/,/7/punct Pence/PROPN/NNP/8/nsubj said/VERB/VBD/5/acl:relcl",
		},
		{
			name:     "a clause's conjunction read as a preposition",
			tree:     "Police/NOUN/NNS/2/nsubj shoot/VERB/VBP/0/root teenage/ADJ/JJ/4/amod protester/NOUN/NN/2/obj as/ADP/IN/8/case Hong/PROPN/NNP/7/compound Kong/PROPN/NNP/8/compound demonstrations/NOUN/NNS/2/obl continue/VERB/VBP/2/conj",
			headline: true, repairs: "subordinate-clause",
			want: map[string]string{"continue": "shoot advcl", "demonstrations": "continue nsubj", "as": "continue mark"},
		},
		{
			name: "a comparison is no clause",
			tree: "Polls/NOUN/NNS/2/nsubj show/VERB/VBP/0/root as/ADV/RB/4/advmod many/ADJ/JJ/7/nummod as/ADP/IN/7/case 30/NUM/CD/7/nummod percent/NOUN/NN/2/obl say/VERB/VBP/2/conj",
		},
		{
			name:    "a possessor at the sentence's start read as a second subject",
			tree:    "Protesters/PROPN/NNPS/4/nsubj '/PART/POS/1/case demands/NOUN/NNS/4/nsubj include/VERB/VBP/0/root the/DET/DT/6/det withdrawal/NOUN/NN/4/obj of/ADP/IN/9/case the/DET/DT/9/det bill/NOUN/NN/6/nmod ./PUNCT/./4/punct",
			repairs: "possessor",
			want:    map[string]string{"Protesters": "demands nmod:poss"},
		},
		{
			name: "a possessor already read as one stays",
			tree: "Assad/PROPN/NNP/3/nmod:poss 's/PART/POS/1/case government/NOUN/NN/4/nsubj fell/VERB/VBD/0/root ./PUNCT/./4/punct",
		},
		{
			name:    "a conjunct with 'did' hung on an infinitive",
			tree:    "Lam/PROPN/NNP/3/nsubj also/ADV/RB/3/advmod agreed/VERB/VBD/0/root to/PART/TO/5/mark add/VERB/VB/3/xcomp two/NUM/CD/7/nummod members/NOUN/NNS/5/obj but/CCONJ/CC/11/cc did/AUX/VBD/11/aux not/PART/RB/11/advmod accede/VERB/VB/5/conj to/ADP/IN/15/case protesters/NOUN/NNS/15/nmod:poss '/PART/POS/13/case demands/NOUN/NNS/11/obl ./PUNCT/./3/punct",
			repairs: "finite-conjunct",
			want:    map[string]string{"accede": "agreed conj"},
		},
		{
			name: "a finite conjunct without a conjunction stays",
			tree: "Lawyers/NOUN/NNS/2/nsubj opposed/VERB/VBD/0/root ,/PUNCT/,/4/punct seeking/VERB/VBG/2/advcl to/PART/TO/6/mark quell/VERB/VB/4/xcomp controversy/NOUN/NN/6/obj after/ADP/IN/9/case FBI/PROPN/NNP/7/nmod closed/VERB/VBD/4/conj probe/NOUN/NN/10/obj",
		},
		{
			name: "a verb of saying inside the subject of the only finite clause stays",
			tree: "Plan/NOUN/NN/0/root to/PART/TO/3/mark stop/VERB/VB/1/acl Trump/PROPN/NNP/3/obj from/SCONJ/IN/6/mark claiming/VERB/VBG/3/advcl the/DET/DT/8/det nomination/NOUN/NN/6/obj is/AUX/VBZ/11/cop a/DET/DT/11/det gamble/NOUN/NN/6/parataxis",
		},
		{
			name: "a participle of saying that modifies a noun keeps its object",
			tree: "A/DET/DT/2/det man/NOUN/NN/0/root claiming/VERB/VBG/2/acl allegiance/NOUN/NN/3/obj to/ADP/IN/6/case ISIS/PROPN/NNP/4/nmod gunned/VERB/VBD/3/ccomp down/ADP/RP/7/compound:prt people/NOUN/NNS/7/obj",
		},
		{
			name: "a bare conjunct of an infinitive stays",
			tree: "Lam/PROPN/NNP/2/nsubj agreed/VERB/VBD/0/root to/PART/TO/4/mark add/VERB/VB/2/xcomp members/NOUN/NNS/4/obj and/CCONJ/CC/7/cc hold/VERB/VB/4/conj talks/NOUN/NNS/7/obj ./PUNCT/./2/punct",
		},
		{
			name:    "a complement's subject read as the object of 'claimed'",
			tree:    "Some/DET/DT/2/det members/NOUN/NNS/7/nsubj of/ADP/IN/5/case opposition/NOUN/NN/5/compound parties/NOUN/NNS/2/nmod have/AUX/VBP/7/aux claimed/VERB/VBN/0/root violent/ADJ/JJ/9/amod protesters/NOUN/NNS/7/obj were/AUX/VBD/11/aux:pass sent/VERB/VBN/7/acl by/ADP/IN/14/case the/DET/DT/14/det government/NOUN/NN/11/obl:agent ./PUNCT/./7/punct",
			repairs: "complement-subject",
			want:    map[string]string{"protesters": "sent nsubj:pass", "sent": "claimed ccomp"},
		},
		{
			name:    "a complement's subject read as the object of 'suspect'",
			tree:    "Police/NOUN/NNS/2/nsubj suspect/VERB/VBP/0/root the/DET/DT/4/det attackers/NOUN/NNS/2/obj had/AUX/VBD/7/aux been/AUX/VBN/7/aux:pass exposed/VERB/VBN/2/ccomp to/ADP/IN/9/case radicalism/NOUN/NN/7/obl ./PUNCT/./2/punct",
			repairs: "complement-subject",
			want:    map[string]string{"attackers": "exposed nsubj:pass"},
		},
		{
			name:    "a complement with an object read as a small clause of 'claiming'",
			tree:    "Smithers/PROPN/NNP/2/nsubj testified/VERB/VBD/0/root ,/PUNCT/,/4/punct claiming/VERB/VBG/2/advcl some/DET/DT/6/det patients/NOUN/NNS/4/obj deceived/VERB/VBD/4/xcomp him/PRON/PRP/7/obj ./PUNCT/./2/punct",
			repairs: "complement-subject",
			want:    map[string]string{"patients": "deceived nsubj", "deceived": "claiming ccomp"},
		},
		{
			name: "a small clause of 'found' stays",
			tree: "Netanyahu/PROPN/NNP/2/nsubj found/VERB/VBD/0/root the/DET/DT/5/det air/NOUN/NN/5/compound strike/NOUN/NN/2/obj justified/VERB/VBD/2/xcomp ./PUNCT/./2/punct",
		},
		{
			name: "a past tense conjoined after a comma stays",
			tree: "Biden/PROPN/NNP/2/nsubj denied/VERB/VBD/0/root the/DET/DT/4/det allegations/NOUN/NNS/2/obj ,/PUNCT/,/6/punct labeled/VERB/VBD/2/conj them/PRON/PRP/6/obj ./PUNCT/./2/punct",
		},
		{
			name: "a clause conjoined after an object with phrases of its own stays",
			tree: "Kurds/PROPN/NNPS/2/nsubj announce/VERB/VBP/0/root deal/NOUN/NN/2/obj with/ADP/IN/5/case government/NOUN/NN/3/nmod as/ADP/IN/7/case Turkey/PROPN/NNP/5/nmod invades/VERB/VBZ/2/conj Syria/PROPN/NNP/8/obj",
		},
		{
			name: "an object before an infinitive stays",
			tree: "They/PRON/PRP/2/nsubj believed/VERB/VBD/0/root the/DET/DT/4/det talks/NOUN/NNS/2/obj to/PART/TO/6/mark be/AUX/VB/2/xcomp over/ADV/RB/6/advmod",
		},
		{
			name:    "a day between the auxiliary and its participle read as a predicate",
			tree:    "A/DET/DT/3/det car/NOUN/NN/3/compound bomb/NOUN/NN/6/nsubj was/AUX/VBD/6/cop on/ADP/IN/6/case Monday/PROPN/NNP/0/root rammed/VERB/VBN/6/acl into/ADP/IN/11/case a/DET/DT/11/det military/ADJ/JJ/11/amod base/NOUN/NN/7/obl ./PUNCT/./6/punct",
			repairs: "time-between",
			want:    map[string]string{"rammed": "ROOT root", "Monday": "rammed obl", "was": "rammed aux:pass", "bomb": "rammed nsubj:pass", ".": "rammed punct"},
		},
		{
			name: "a place before a participle stays a predicate",
			tree: "The/DET/DT/2/det bomb/NOUN/NN/6/nsubj was/AUX/VBD/6/cop in/ADP/IN/6/case a/DET/DT/6/det bag/NOUN/NN/0/root left/VERB/VBN/6/acl outside/ADV/RB/7/advmod",
		},
		{
			name: "an absolute phrase with 'with' is no clause",
			tree: "Gunmen/NOUN/NNS/2/nsubj killed/VERB/VBD/0/root three/NUM/CD/2/obj ,/PUNCT/,/7/punct with/ADP/IN/7/case 25/NUM/CD/7/nummod others/NOUN/NNS/2/obl injured/VERB/VBD/7/acl ./PUNCT/./2/punct",
		},
		{
			name:    "an adjective of judgement read as the head of the object",
			tree:    "A/DET/DT/2/det jury/NOUN/NN/3/nsubj found/VERB/VBD/0/root the/DET/DT/7/det former/ADJ/JJ/7/amod officer/NOUN/NN/7/compound guilty/NOUN/NN/3/obj of/ADP/IN/9/case murder/NOUN/NN/7/nmod ./PUNCT/./3/punct",
			repairs: "object-predicate",
			want:    map[string]string{"officer": "found obj", "guilty": "found xcomp", "the": "officer det", "former": "officer amod", "murder": "guilty nmod"},
		},
		{
			name: "a noun compound as an object stays",
			tree: "Police/NOUN/NNS/2/nsubj found/VERB/VBD/0/root the/DET/DT/5/det murder/NOUN/NN/5/compound weapon/NOUN/NN/2/obj ./PUNCT/./2/punct",
		},
		{
			name: "a right parse is kept",
			tree: "Police/NOUN/NNS/2/nsubj arrested/VERB/VBD/0/root 12/NUM/CD/4/nummod protesters/NOUN/NNS/2/obj in/ADP/IN/6/case Paris/PROPN/NNP/2/obl ./PUNCT/./2/punct",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr := parseTree(t, c.tree, c.headline)
			before := parseTree(t, c.tree, c.headline)
			tr.repair()
			if got := strings.Join(tr.names(), " "); got != c.repairs {
				t.Errorf("repairs %q, want %q", got, c.repairs)
			}
			for i, f := range tr.form {
				want, ok := c.want[f]
				if !ok {
					want = before.arc(i) // every other arc stays
				}
				if got := tr.arc(i); got != want {
					t.Errorf("%s: %s, want %s", f, got, want)
				}
			}
			gotVerb := ""
			if tr.verb >= 0 {
				gotVerb = tr.form[tr.verb]
			}
			if gotVerb != c.verb {
				t.Errorf("retagged %q, want %q", gotVerb, c.verb)
			}
		})
	}
}

// TestStageRepairsNews checks the stage's trees of news sentences whose misparse the
// repairs mend: the right arcs, a verb tagged as a verb, and the record of the repairs.
func TestStageRepairsNews(t *testing.T) {
	s := stage(t)
	d := analyze(t, s, "Iran admits downing Ukrainian jet",
		"A gunman shot three people in a supermarket in El Paso, Texas.\n\n"+
			"Russia never invaded Georgia, the Kremlin said.\n\n"+
			"Soleimani's daughter Zeinab threatened the United States.\n\n"+
			"According to al-Eryani, the rebels are backed by Iran.")
	known := map[string]bool{}
	for _, n := range RepairNames() {
		known[n] = true
	}
	for _, sn := range d.Sentences {
		for _, n := range sn.Repairs {
			if !known[n] {
				t.Errorf("%q: unknown repair %q", sn.Text, n)
			}
		}
	}
	for _, c := range []struct{ phrase, word, head, dep string }{
		{"Iran admits", "downing", "admits", "xcomp"},
		{"A gunman", "gunman", "shot", "nsubj"},
		{"A gunman", "people", "shot", "obj"},
		{"A gunman", "shot", "", "root"},
		{"Russia never", "Kremlin", "said", "nsubj"},
		{"Russia never", "Georgia", "invaded", "obj"},
		{"Soleimani", "daughter", "threatened", "nsubj"},
		{"Soleimani", "Zeinab", "daughter", "appos"},
		{"According to", "backed", "", "root"},
		{"According to", "al-Eryani", "backed", "obl"},
	} {
		sn := sentenceWith(t, d, c.phrase)
		i := word(t, d, sn, c.word)
		tk := d.Tokens[i]
		head := ""
		if tk.Head >= 0 {
			head = d.Tokens[tk.Head].Text
		}
		if head != c.head || tk.Dep != c.dep {
			t.Errorf("%q: %s is %s of %q, want %s of %q (repairs %v)\n%s", sn.Text, c.word, tk.Dep, head, c.dep, c.head, sn.Repairs, dump(d, sn))
		}
	}
	sn := sentenceWith(t, d, "A gunman")
	if tk := d.Tokens[word(t, d, sn, "shot")]; tk.POS != "VERB" || tk.Lemma != "shoot" || !tk.Finite() {
		t.Errorf("shot: %s %s %q, want a finite verb of lemma shoot", tk.POS, tk.Tag, tk.Lemma)
	}
}

// TestStageRepairsReports checks the stage's trees of news sentences with a possessor at
// the sentence's start, a report without "that", a conjunct with an auxiliary of its own
// and a day between an auxiliary and its participle.
func TestStageRepairsReports(t *testing.T) {
	s := stage(t)
	d := analyze(t, s, "Protests continue in the capital",
		"Students' demands include the release of all detained activists.\n\n"+
			"Opposition leaders have alleged armed men were hired by the ruling party.\n\n"+
			"Officials believe the gunmen had been trained abroad.\n\n"+
			"The mayor agreed to meet the strikers but did not accept their demands.\n\n"+
			"Two soldiers were on Friday wounded in an ambush.")
	for _, c := range []struct{ phrase, word, head, dep string }{
		{"Students'", "Students", "demands", "nmod:poss"},
		{"Students'", "demands", "include", "nsubj"},
		{"Opposition leaders", "men", "hired", "nsubj:pass"},
		{"Opposition leaders", "hired", "alleged", "ccomp"},
		{"Officials believe", "gunmen", "trained", "nsubj:pass"},
		{"Officials believe", "trained", "believe", "ccomp"},
		{"The mayor", "accept", "agreed", "conj"},
		{"Two soldiers", "wounded", "", "root"},
		{"Two soldiers", "were", "wounded", "aux:pass"},
		{"Two soldiers", "soldiers", "wounded", "nsubj:pass"},
		{"Two soldiers", "Friday", "wounded", "obl"},
	} {
		sn := sentenceWith(t, d, c.phrase)
		tk := d.Tokens[word(t, d, sn, c.word)]
		head := ""
		if tk.Head >= 0 {
			head = d.Tokens[tk.Head].Text
		}
		if head != c.head || tk.Dep != c.dep {
			t.Errorf("%q: %s is %s of %q, want %s of %q (repairs %v)\n%s", sn.Text, c.word, tk.Dep, head, c.dep, c.head, sn.Repairs, dump(d, sn))
		}
	}
	sn := sentenceWith(t, d, "Two soldiers")
	if tk := d.Tokens[word(t, d, sn, "wounded")]; tk.Tag != "VBN" {
		t.Errorf("wounded: %s, want a passive participle (VBN)", tk.Tag)
	}
}
