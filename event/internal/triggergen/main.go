// Command triggergen learns a lexicon of event trigger words (event/learned.txt) by weak
// supervision, so that the event coder can find events whose words the hand-made verb
// dictionaries and event/nouns.txt lack ("stormed", "riot", "crackdown", "ceasefire").
//
// Run from the module root:
//
//	go run ./event/internal/triggergen -data ../shared/data -out event/learned.txt
//
// # Material
//
// The labelled material is the 4,500 synthetic stories of NGEC-2025
// (ngec-synthetic/stories.jsonl.gz), each with one PLOVER event type and often a mode
// (PROTEST/RIOT, ASSAULT/ABDUCT). Only the body is read: each headline is a template
// shared by some 24 stories, so its words would be counted 24 times over for one
// writer's choice. The background is unlabelled real news, the undated Wikinews bodies
// and the news-bench articles, so that words frequent in all news ("say", "government")
// are not learned. No text of either is written out: only lemmas and statistics.
//
// Every text goes through tocsin's own segmenter and syntax stage (tokenizer, tagger,
// lemmatiser), and the vocabulary is keyed by lemma and universal POS (VERB or NOUN) as
// the event coder sees tokens: "stormed" and "storming" count as storm VERB, "riots" as
// riot NOUN.
//
// # Scoring
//
// A story counts a key once (document frequency), which keeps one long story that
// repeats a word from weighing more than many that use it once. For each key and label
// the score is the smoothed log-odds ratio of the key's document rate in that label's
// stories against the stories of all other labels, with an informative prior (Monroe,
// Colaresi and Quinn 2008, "Fightin' Words", in the binomial form for document
// incidence): Alpha = 20 pseudo-documents at the key's rate over all text, labelled and
// background, so a key needs real evidence to stand out and a rare key is shrunk towards
// no association. SCORE in the output is that log-odds ratio's z (delta / its standard
// error), which ranks by strength and evidence together. A key is kept for its best label
// when
//
//   - it occurs in at least 8 stories of the label, written for at least 3 different
//     headlines (one template's quirk is not evidence);
//   - z against the other labels >= 3 (the labels are one corpus written by one model, so
//     this compares like with like);
//   - z of the same label against the background news >= 2.5 (a word of all news, or of
//     news-bench's US campaign politics, is not a trigger even if one label uses it more);
//   - its smoothed document rate in the label is at least 1.6 times its rate in every
//     other label: specific to exactly one type, so a word spread over PROTEST and
//     ASSAULT ("clash" the noun) or COERCE and PROTEST ("crackdown") is dropped, not
//     given to either. (A share of the summed rates >= 0.5 was tried first: with 16
//     labels whose stories all mention protests and arrests in passing it kept 42 words.)
//   - a noun must name an action (see eventive), and must not be an agent (below).
//
// The thresholds were set by reading the top entries per label (printed to stderr).
//
// # Actors are not triggers
//
// The trigger is the action word, not the agent: nouns that name people or bodies are
// dropped. Agents come from the PETRARCH/Phoenix agents dictionary (its one-word entries,
// "protester", "soldier", "gunman"), tocsin's own agents (actor/data/tocsin.agents.txt)
// and a short list below of person nouns those lack. As a guard for the rest, a noun
// that is the subject of a clause in more than 30% of its occurrences in the stories,
// and is not a deverbal event noun (-ion, -ment, -ure, -age, -al, -ing), is taken for an
// agent. Proper nouns, adjectives (nationalities) and place names are excluded by POS.
//
// # Codes
//
// PLOVER types are coarser than CAMEO codes, so each label, and each mode of it, gets the
// most typical CAMEO code, found by reading CAMEO2PLOVER-2021.txt in reverse: the most
// general code the file maps to that type and mode (PROTEST/DEMO → 141, COERCE/ARREST →
// 173, CONSULT → 040), with a few choices where the file gives several or none; they are
// in labelCodes and modeCodes, and the generator checks every code against CAMEO's code
// list and warns when PLOVER maps it elsewhere. A key takes its mode's code when at
// least half of its stories in the label, normalised by mode size, come from the modes
// of one code ("riot" → 145, "kidnap" → 181), otherwise the label's code.
//
// Labels whose top entries are mostly not event words are dropped entirely (dropLabels):
// see the comment there.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/syntax"
)

// labelCodes is each PLOVER type's most typical CAMEO code.
var labelCodes = map[string]string{
	"ACCUSE":    "112", // accuse; ACCUSE/DISAPPROVE 111 and /INVESTIGATE 090 by mode
	"AGREE":     "030", // express intent to cooperate: PLOVER AGREE is CAMEO 03
	"AID":       "070",
	"ASSAULT":   "180", // unconventional violence; military modes give 19x
	"COERCE":    "170",
	"CONCEDE":   "080",
	"CONSULT":   "040",
	"COOPERATE": "060",
	"MOBILIZE":  "150",
	"PROTEST":   "141", // most protest news is demonstrations; 140 is a residual
	"REJECT":    "120",
	"REQUEST":   "100", // PLOVER maps CAMEO 10 (demand) to REQUEST
	"RETREAT":   "080", // yield; modes give 084x, 086, 087x
	"SANCTION":  "160",
	"SUPPORT":   "050",
	"THREATEN":  "130",
}

// modeCodes is the code of each label/mode of the stories, the most general code
// CAMEO2PLOVER maps to that type and mode, or the nearest CAMEO code where the file has
// no such mode (STRIKE, CROWD-CONTROL, DESTROY, EXECUTE, RESIGN, CONVICT).
var modeCodes = map[string]string{
	"ACCUSE/ALLEGE":          "112",
	"ACCUSE/DISAPPROVE":      "111",
	"ACCUSE/INVESTIGATE":     "090",
	"ASSAULT/ABDUCT":         "181",
	"ASSAULT/AERIAL":         "195",
	"ASSAULT/ASSASSINATE":    "186",
	"ASSAULT/BEAT":           "182",
	"ASSAULT/CLEANSING":      "203",
	"ASSAULT/CROWD-CONTROL":  "175",
	"ASSAULT/DESTROY":        "1712",
	"ASSAULT/DRONE":          "195",
	"ASSAULT/EXECUTE":        "1823",
	"ASSAULT/EXPLOSIVES":     "183",
	"ASSAULT/FIREARMS":       "193",
	"ASSAULT/HEAVY-WEAPONS":  "194",
	"ASSAULT/MASSACRE":       "202",
	"ASSAULT/SEXUAL":         "1821",
	"ASSAULT/SUICIDE-ATTACK": "1831",
	"ASSAULT/TORTURE":        "1822",
	"ASSAULT/UNCONVENTIONAL": "204",
	"COERCE/ARREST":          "173",
	"COERCE/BAN":             "1722",
	"COERCE/CENSOR":          "1721",
	"COERCE/CURFEW":          "1723",
	"COERCE/DEPORT":          "174",
	"COERCE/MARTIAL-LAW":     "1724",
	"COERCE/RESTRICT":        "172",
	"COERCE/SIEZE":           "171",
	"CONSULT/PHONE":          "041",
	"CONSULT/THIRD-PARTY":    "044",
	"CONSULT/VISIT":          "042",
	"MOBILIZE/POLICE":        "153",
	"MOBILIZE/TROOPS":        "154",
	"PROTEST/BOYCOTT":        "143",
	"PROTEST/DEMO":           "141",
	"PROTEST/HUNGER":         "142",
	"PROTEST/OBSTRUCT":       "144",
	"PROTEST/RIOT":           "145",
	"PROTEST/STRIKE":         "143",
	"REJECT/ASSIST":          "121",
	"REJECT/CHANGE":          "123",
	"REJECT/MEET":            "125",
	"REJECT/YIELD":           "124",
	"REQUEST/ASSIST":         "101",
	"REQUEST/CHANGE":         "104",
	"REQUEST/MEET":           "106",
	"REQUEST/YIELD":          "105",
	"RETREAT/ACCESS":         "086",
	"RETREAT/CEASEFIRE":      "0871",
	"RETREAT/DISARM":         "087",
	"RETREAT/RELEASE":        "0841",
	"RETREAT/RESIGN":         "0831",
	"RETREAT/RETURN":         "0842",
	"RETREAT/WITHDRAW":       "087",
	"SANCTION/CONVICT":       "173",
	"SANCTION/DISCONTINUE":   "162",
	"SANCTION/EXPEL":         "166",
	"SANCTION/WITHDRAW":      "161",
	"THREATEN/BAN":           "132",
	"THREATEN/EXPEL":         "136",
	"THREATEN/RELATIONS":     "131",
	"THREATEN/RESTRICT":      "1312",
	"THREATEN/TERRITORY":     "1382",
	"THREATEN/VIOLENCE":      "138",
	"COERCE/CYBER":           "",
	"COERCE/MISINFORMATION":  "",
	"CONSULT/MULTILATERAL":   "",
	"MOBILIZE/MILITIA":       "",
	"MOBILIZE/WEAPONS":       "",
	"ASSAULT/PRIMATIVE":      "",
	"THREATEN/ARREST":        "",
}

// dropLabels are labels whose learned words are mostly not event triggers; see the report
// printed by the generator. Their stories still count as "other labels" for the rest.
var dropLabels = map[string]string{
	"AGREE": "its 120 stories yield only context nouns (requirement, framework)",
	"AID":   "aid NOUN apart, its words are the disasters aid answers (displace, affect)",
}

// skipModes are story modes that name a topic with no CAMEO action: COERCE/CYBER and
// COERCE/MISINFORMATION teach "internet", "network", "information". Their stories are
// left out altogether.
var skipModes = map[string]bool{"COERCE/CYBER": true, "COERCE/MISINFORMATION": true}

// notTriggers are the spot-check corrections: words that pass every test for a label
// because its stories tell the circumstances of the event, not the event ("seize" in
// stories of property returned, "jail" in stories of jailed hunger strikers, the "pepper
// spray" and "bottles" of protest stories). Each is dropped for that label only.
var notTriggers = map[string]bool{
	"seize VERB RETREAT": true, "jail VERB PROTEST": true, "pepper NOUN PROTEST": true,
	"spray NOUN PROTEST": true, "bottle NOUN PROTEST": true, "shop NOUN PROTEST": true,
	// "stated her intention to endorse", "announced his intention to run" are no refusals;
	// people shout at anything ("the man shouted"); "air" is the air strike's modifier,
	// not an attack ("the air is thick with insults")
	"intention NOUN REJECT": true, "shout VERB PROTEST": true, "air NOUN ASSAULT": true,
}

// extraAgents are person and body nouns the agents dictionaries lack.
var extraAgents = []string{
	"people", "person", "man", "woman", "child", "resident", "citizen", "civilian",
	"member", "leader", "official", "authority", "government", "state", "country",
	"nation", "party", "group", "force", "troop", "army", "military", "police", "crowd",
	"protester", "protestor", "demonstrator", "striker", "rioter", "gunman", "attacker",
	"assailant", "militant", "insurgent", "rebel", "fighter", "terrorist", "bomber",
	"hostage", "victim", "detainee", "prisoner", "suspect", "worker", "teacher", "student",
	"union", "activist", "organizer", "organiser", "participant", "supporter", "opponent",
	"minister", "president", "spokesman", "spokeswoman", "spokesperson", "diplomat",
	"delegation", "delegate", "envoy", "ambassador", "negotiator", "mediator", "official",
	"administration", "ministry", "agency", "regime", "junta", "militia", "coalition",
	"ally", "partner", "neighbor", "neighbour", "observer", "inspector", "journalist",
	"reporter", "witness", "doctor", "nurse", "officer", "soldier", "guard", "commander",
	"unit", "company", "firm", "bank", "court", "judge", "prosecutor", "lawyer", "attorney",
	"clinic", "hospital", "village", "town", "city", "capital", "province", "region",
	"district", "street", "square", "border", "area", "camp", "building", "embassy",
}

// deverbal are noun endings of event nouns, which the subject-share guard spares
// ("the protest drew thousands", "the explosion killed").
var deverbal = []string{"ion", "ment", "ure", "age", "al", "ing", "ance", "ence", "ade", "ike", "ot", "ack", "fire", "ault"}

type story struct {
	label, mode, title, text string
}

// docStats is what one text contributes.
type docStats struct {
	label, mode, title string
	keys               map[Key]bool
	subj, occ          map[Key]int
}

// posCounts counts, over all texts, how often each lemma is a verb and a noun.
type posCounts struct{ verb, noun map[string]int }

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	out := flag.String("out", "event/learned.txt", "output file")
	top := flag.Int("top", 15, "entries per label to print to stderr")
	workers := flag.Int("workers", 2, "analysis goroutines")
	explain := flag.String("explain", "", "comma-separated lemmas whose per-label statistics to print")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("triggergen: ")

	codes, err := readCodes(filepath.Join(*data, "cameo", "cameo-codes.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	plover, err := readPlover(filepath.Join(*data, "plover", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		log.Fatal(err)
	}
	checkCodes(codes, plover)

	stories, err := readStories(filepath.Join(*data, "ngec-synthetic", "stories.jsonl.gz"))
	if err != nil {
		log.Fatal(err)
	}
	bg, err := readBackground(*data)
	if err != nil {
		log.Fatal(err)
	}
	agents, err := readAgents(filepath.Join(*data, "phoenix", "Phoenix.agents.txt"), "actor/data/tocsin.agents.txt")
	if err != nil {
		log.Fatal(err)
	}
	known := readKnown("cameo/data/CAMEO.2.0.verbs", "cameo/data/tocsin.verbs", "event/nouns.txt")
	log.Printf("%d stories, %d background articles, %d agent words", len(stories), len(bg), len(agents))

	st, err := syntax.New()
	if err != nil {
		log.Fatal(err)
	}
	all := append(stories, bg...)
	stats := analyse(all, st, *workers)

	c := NewCounts()
	modeDocs := map[string]int{}                  // label/mode → stories
	modeDF := map[Key]map[string]int{}            // key → label/mode → stories
	heads := map[Key]map[string]map[string]bool{} // key → label → headlines
	subj, occ := map[Key]int{}, map[Key]int{}
	pc := posCounts{verb: map[string]int{}, noun: map[string]int{}}
	for _, s := range stats {
		if skipModes[s.label+"/"+s.mode] {
			continue
		}
		for k, n := range s.occ {
			if k.POS == "VERB" {
				pc.verb[k.Lemma] += n
			} else {
				pc.noun[k.Lemma] += n
			}
		}
		c.AddDoc(s.label, s.keys)
		if s.label == "" {
			continue
		}
		lm := s.label + "/" + s.mode
		modeDocs[lm]++
		for k := range s.keys {
			if modeDF[k] == nil {
				modeDF[k] = map[string]int{}
				heads[k] = map[string]map[string]bool{}
			}
			modeDF[k][lm]++
			if heads[k][s.label] == nil {
				heads[k][s.label] = map[string]bool{}
			}
			heads[k][s.label][s.title] = true
		}
		for k, n := range s.subj {
			subj[k] += n
		}
		for k, n := range s.occ {
			occ[k] += n
		}
	}

	if *explain != "" {
		explainKeys(c, strings.Split(*explain, ","))
	}
	var kept []Assoc
	var notEventive []string
	droppedByLabel := map[string][]string{}
	why := map[string]int{}
	for _, a := range Score(c, DefaultParams) {
		switch {
		case dropLabels[a.Label] != "":
			why["dropped label"]++
			droppedByLabel[a.Label] = append(droppedByLabel[a.Label], a.Key.Lemma)
		case notTriggers[a.Key.Lemma+" "+a.Key.POS+" "+a.Label]:
			why["spot-check correction"]++
		case len(heads[a.Key][a.Label]) < 3:
			why["fewer than 3 headlines"]++
		case a.Key.POS == "NOUN" && agents[a.Key.Lemma]:
			why["agent noun (dictionary)"]++
		case a.Key.POS == "NOUN" && isAgentBySubject(a.Key, subj[a.Key], occ[a.Key]):
			why["agent noun (subject share)"]++
			log.Printf("subject-share agent: %s (%d/%d)", a.Key.Lemma, subj[a.Key], occ[a.Key])
		case a.Key.POS == "NOUN" && !known[a.Key] && !pc.eventive(a.Key.Lemma):
			why["noun not eventive"]++
			notEventive = append(notEventive, a.Key.Lemma+"/"+a.Label)
		default:
			kept = append(kept, a)
		}
	}

	type entry struct {
		Assoc
		code, mode string
	}
	var entries []entry
	for _, a := range kept {
		code, mode := labelCodes[a.Label], ""
		if mc, ok := bestCode(a, modeDF[a.Key], modeDocs); ok {
			code, mode = mc, "by mode"
		}
		if _, ok := codes[code]; !ok {
			log.Fatalf("%s %s: code %q not in cameo-codes.tsv", a.Key.Lemma, a.Label, code)
		}
		entries = append(entries, entry{a, code, mode})
	}

	var b strings.Builder
	b.WriteString(header)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %s %s %.2f %s\n", e.Key.Lemma, e.Key.POS, e.code, e.Z, e.Label)
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}

	// The report for a human reader.
	byLabel := map[string][]entry{}
	for _, e := range entries {
		byLabel[e.Label] = append(byLabel[e.Label], e)
	}
	labels, _ := c.Labels()
	newCount := 0
	for _, e := range entries {
		if !known[e.Key] {
			newCount++
		}
	}
	log.Printf("wrote %s: %d entries, %d not in the verb dictionaries or nouns.txt", *out, len(entries), newCount)
	whys := make([]string, 0, len(why))
	for w := range why {
		whys = append(whys, w)
	}
	sort.Strings(whys)
	for _, w := range whys {
		log.Printf("  passed the scores but dropped: %s: %d", w, why[w])
	}
	log.Printf("  nouns not eventive: %s", strings.Join(notEventive, " "))
	for _, l := range sortedKeys(dropLabels) {
		log.Printf("  dropped label %s (%s): %s", l, dropLabels[l], strings.Join(droppedByLabel[l], " "))
	}
	for _, l := range labels {
		es := byLabel[l]
		sort.SliceStable(es, func(i, j int) bool { return es[i].Z > es[j].Z })
		log.Printf("%s (%d stories): %d entries", l, c.Docs[l], len(es))
		for i, e := range es {
			if i == *top {
				break
			}
			mark := ""
			if !known[e.Key] {
				mark = " *new"
			}
			log.Printf("  %-16s %-4s %-4s z=%5.2f lo=%4.2f bgz=%5.2f ratio=%.2f docs=%d %s%s",
				e.Key.Lemma, e.Key.POS, e.code, e.Z, e.Delta, e.BgZ, e.Ratio, e.Docs, e.mode, mark)
		}
	}
}

const header = `# Learned event triggers: lemmas that news uses for one PLOVER event type, learned by
# weak supervision for the event coder (words the verb dictionaries and nouns.txt lack).
# Generated by event/internal/triggergen -- do not edit; from the module root run
#   go run ./event/internal/triggergen -data ../shared/data -out event/learned.txt
# Method (in the generator's doc comment): every story and background article is
# tokenised, tagged and lemmatised by tocsin's own segment and syntax stages; a lemma+POS
# is kept for a type when it is in at least 8 stories of that type (from 3 or more
# headlines), its smoothed log-odds ratio with an informative Dirichlet prior (Monroe,
# Colaresi and Quinn 2008) against the other types has z >= 3 and against background
# news z >= 2.5, and its rate in the type is >= 1.6 times its rate in any other type;
# nouns must name an action, agent nouns (protester, police, gunman) are dropped, and
# the types AGREE and AID (mostly context words) and a few spot-checked words are left out.
# Sources and licences (only lemmas and statistics are kept, no text):
#   - NGEC-2025 synthetic stories (ahalterman/NGEC-2025, Halterman 2023), MIT: the labels;
#   - PLOVER CAMEO2PLOVER-2021.txt (openeventdata/PLOVER), CC BY-SA 4.0: type to CAMEO code;
#   - English Wikinews (Wikinews contributors), CC BY 2.5, and the news-bench articles
#     (PolNeAR texts, research corpus, word statistics only): background news;
#   - Phoenix agents dictionary (openeventdata/petrarch2, MIT): agent nouns left out;
#   - CAMEO codes from andybega/icews cameo-codes.csv, MIT.
#
# LEMMA POS CODE SCORE LABEL
#   LEMMA lower case; POS VERB or NOUN; CODE a CAMEO event code; SCORE the z of the
#   log-odds ratio against the other types (higher = stronger); LABEL the PLOVER type.
`

// bestCode is the CAMEO code of the key's modes within its label: modes are grouped by
// their code (PROTEST/STRIKE and /BOYCOTT are both 143), each group's rate is its stories
// with the key over its stories, and a group wins when it has at least 4 stories with the
// key, at least half of the summed rates of all the label's modes, and at least half of
// the key's stories in the label (so "strike", common to hunger strikes and strikes, keeps
// the label's code).
func bestCode(a Assoc, df map[string]int, modeDocs map[string]int) (string, bool) {
	prefix := a.Label + "/"
	hits, docs := map[string]int{}, map[string]int{}
	for lm, n := range modeDocs {
		if !strings.HasPrefix(lm, prefix) {
			continue
		}
		code := modeCodes[lm] // "" for the label's plain stories and code-less modes
		if code == "" {
			code = "-" + lm
		}
		docs[code] += n
		hits[code] += df[lm]
	}
	codes := make([]string, 0, len(docs))
	for c := range docs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	sum, best, bestRate, total := 0.0, "", 0.0, 0
	for _, c := range codes {
		r := float64(hits[c]) / float64(docs[c])
		sum += r
		total += hits[c]
		if r > bestRate && hits[c] >= 4 && c[0] != '-' {
			best, bestRate = c, r
		}
	}
	if best == "" || bestRate < 0.5*sum || float64(hits[best]) < 0.5*float64(total) {
		return "", false
	}
	return best, true
}

// eventSuffixes are endings of nouns derived from verbs (action nouns).
var eventSuffixes = []string{"tion", "sion", "ment", "ance", "ence", "ing", "val", "sal", "wal"}

// eventive reports whether a noun names an action rather than a thing, a place or a
// topic: a deverbal noun ("explosion", "withdrawal", "shelling"), a lemma the texts also
// use as a verb in at least 5% of its occurrences ("protest", "riot", "bomb"), or a
// compound ending in such a lemma of five letters or more ("airstrike"). Nouns of
// event/nouns.txt ("raid", "threat") are eventive by definition. Instruments, places and
// topics that a label's stories mention ("pepper spray", "highway", "internet") are
// associated with the label but are not its triggers.
func (pc posCounts) eventive(lemma string) bool {
	for _, suf := range eventSuffixes {
		if strings.HasSuffix(lemma, suf) && len(lemma) > len(suf)+2 {
			return true
		}
	}
	verbal := func(l string) bool {
		v := pc.verb[l]
		return v >= 5 && float64(v) >= 0.05*float64(v+pc.noun[l])
	}
	if verbal(lemma) {
		return true
	}
	for i := 3; i+5 <= len(lemma); i++ {
		if verbal(strings.TrimPrefix(lemma[i:], "-")) {
			return true
		}
	}
	return false
}

func isAgentBySubject(k Key, subj, occ int) bool {
	if occ == 0 || float64(subj) <= 0.3*float64(occ) {
		return false
	}
	for _, suf := range deverbal {
		if strings.HasSuffix(k.Lemma, suf) {
			return false
		}
	}
	return true
}

// analyse runs the segment and syntax stages over every text, in parallel; the result
// is in input order.
func analyse(texts []story, st *syntax.Stage, workers int) []docStats {
	out := make([]docStats, len(texts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = analyseOne(texts[i], st)
			}
		}()
	}
	for i := range texts {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func analyseOne(s story, st *syntax.Stage) docStats {
	ctx := context.Background()
	d := pipeline.NewDocument(&article.Article{Body: s.text, Language: "en"})
	ds := docStats{label: s.label, mode: s.mode, title: s.title, keys: map[Key]bool{}, subj: map[Key]int{}, occ: map[Key]int{}}
	if err := (segment.Stage{}).Annotate(ctx, d); err != nil {
		log.Fatal(err)
	}
	if err := st.Annotate(ctx, d); err != nil {
		log.Fatal(err)
	}
	for i := range d.Tokens {
		k, ok := keyOf(&d.Tokens[i])
		if !ok {
			continue
		}
		ds.keys[k] = true
		ds.occ[k]++
		if strings.HasPrefix(d.Tokens[i].Dep, "nsubj") {
			ds.subj[k]++
		}
	}
	return ds
}

// keyOf is a token's vocabulary key: verbs and common nouns whose lemma is a word of
// letters (inner hyphens allowed, "sit-in"), three letters or more.
func keyOf(t *doc.Token) (Key, bool) {
	if t.POS != "VERB" && t.POS != "NOUN" {
		return Key{}, false
	}
	l := strings.ToLower(t.Lemma)
	if len(l) < 3 || l[0] == '-' || l[len(l)-1] == '-' {
		return Key{}, false
	}
	for _, r := range l {
		if (r < 'a' || r > 'z') && r != '-' {
			return Key{}, false
		}
	}
	return Key{l, t.POS}, true
}

func openMaybeGzip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{z, f}, nil
}

func readJSONL(path string, each func(line []byte) error) error {
	r, err := openMaybeGzip(path)
	if err != nil {
		return err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if err := each(sc.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}

func readStories(path string) ([]story, error) {
	var out []story
	err := readJSONL(path, func(line []byte) error {
		var r struct{ Label, Mode, Title, Text string }
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		if r.Label == "" || strings.TrimSpace(r.Text) == "" {
			return nil
		}
		out = append(out, story{label: r.Label, mode: r.Mode, title: r.Title, text: r.Text})
		return nil
	})
	return out, err
}

// readBackground reads the unlabelled news: the undated Wikinews bodies and news-bench.
func readBackground(data string) ([]story, error) {
	var out []story
	err := readJSONL(filepath.Join(data, "wikinews", "undated-unlabelled.jsonl.gz"), func(line []byte) error {
		var r struct{ Text string }
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		if strings.TrimSpace(r.Text) != "" {
			out = append(out, story{text: r.Text})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(data, "news-bench", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, story{text: string(b)})
	}
	return out, nil
}

// readAgents reads the one-word entries of PETRARCH agents dictionaries, lower case,
// with !PERSON! spelled man, woman and person, plus extraAgents.
func readAgents(paths ...string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, w := range extraAgents {
		out[w] = true
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' || strings.Contains(line, "=") {
				continue
			}
			name := strings.Fields(line)[0]
			if i := strings.IndexAny(name, "[{"); i >= 0 {
				name = name[:i]
			}
			name = strings.ToLower(strings.TrimRight(name, "_"))
			if strings.Contains(name, "_") || name == "" {
				continue
			}
			if strings.Contains(name, "!person!") {
				for _, p := range []string{"man", "woman", "person"} {
					out[strings.ReplaceAll(name, "!person!", p)] = true
				}
				continue
			}
			out[name] = true
		}
	}
	return out, nil
}

// readKnown reads the verbs of PETRARCH verb dictionaries (the plain lines of each
// block) and the head nouns of nouns.txt, only to tell new entries from known ones in the
// report.
func readKnown(verbs1, verbs2, nouns string) map[Key]bool {
	out := map[Key]bool{}
	for _, p := range []string{verbs1, verbs2} {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Printf("known verbs: %v", err)
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.ContainsAny(line[:1], "#-+&[<{") {
				continue
			}
			w := strings.ToLower(strings.Fields(line)[0])
			if !strings.Contains(w, "_") {
				out[Key{w, "VERB"}] = true
			}
		}
	}
	b, err := os.ReadFile(nouns)
	if err != nil {
		log.Printf("known nouns: %v", err)
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if i := strings.Index(line, ":"); i > 0 {
			f := strings.Fields(line[:i])
			out[Key{f[len(f)-1], "NOUN"}] = true
		}
	}
	return out
}

// readCodes reads the CAMEO event codes.
func readCodes(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		if i == 0 || line == "" {
			continue
		}
		out[strings.SplitN(line, "\t", 2)[0]] = true
	}
	return out, nil
}

// readPlover reads CAMEO2PLOVER: code → PLOVER type.
func readPlover(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' || line[0] == '~' {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		typ := strings.TrimSpace(strings.SplitN(rest, ",", 2)[0])
		if i := strings.Index(typ, "#"); i >= 0 {
			typ = strings.TrimSpace(typ[:i])
		}
		out[strings.TrimSpace(code)] = typ
	}
	return out, nil
}

// checkCodes stops on a code CAMEO lacks and notes codes that PLOVER gives another type.
func checkCodes(codes map[string]bool, plover map[string]string) {
	check := func(label, code string) {
		if code == "" {
			return
		}
		if !codes[code] {
			log.Fatalf("%s: code %s not in cameo-codes.tsv", label, code)
		}
		if t := plover[code]; t != "" && t != strings.SplitN(label, "/", 2)[0] {
			log.Printf("note: %s → %s, which PLOVER maps to %s", label, code, t)
		}
	}
	for _, m := range []map[string]string{labelCodes, modeCodes} {
		ks := make([]string, 0, len(m))
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			check(k, m[k])
		}
	}
}

// explainKeys prints, for each lemma, its per-label document counts and z scores.
func explainKeys(c *Counts, lemmas []string) {
	labels, total := c.Labels()
	for _, lemma := range lemmas {
		for _, pos := range []string{"VERB", "NOUN"} {
			k := Key{lemma, pos}
			df := c.DF[k]
			if df == nil {
				continue
			}
			all := 0
			for _, l := range labels {
				all += df[l]
			}
			p0 := float64(all+c.BgDF[k]+1) / float64(total+c.BgDocs+2)
			var parts []string
			for _, l := range labels {
				if df[l] == 0 {
					continue
				}
				_, z := logOdds(df[l], c.Docs[l], all-df[l], total-c.Docs[l], p0, DefaultParams.Alpha)
				parts = append(parts, fmt.Sprintf("%s:%d(%.1f)", l, df[l], z))
			}
			log.Printf("explain %s %s bg=%d/%d: %s", lemma, pos, c.BgDF[k], c.BgDocs, strings.Join(parts, " "))
		}
	}
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
