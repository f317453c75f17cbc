// Package incident is tocsin's "incidents" stage: it turns the casualty counts of an
// article into incidents, the things that caused them. A stampede, an earthquake or a
// plane crash has victims but no actor acting on another, so the event coder rightly
// finds no event in it; an analyst still wants it as one record, with its counts, place
// and date. A bombing has both, and its incident points to the coded events.
//
// # How counts become incidents
//
// The cause is the phrase of the vocabulary (causes.txt, [violence], [accident],
// [disaster], [health]) nearest to a count in the count's sentence: "At least 50 people
// have been killed ... in a stampede" is a stampede. Counts of one sentence are one
// incident; counts in other sentences join an incident with the same cause ("the
// stampede" again), and a count whose sentence names no cause joins the incident of the
// sentence before it in the same paragraph, as reports go on about one incident ("More
// than 200 were injured."), or else the article's only incident with a cause, if the
// places agree and the count fits its kind (no arrests in an earthquake); otherwise it is an incident of its own, cause unknown. The casualty
// stage has already merged a headline's count with the body's.
//
// An incident of violence (or of unknown cause) points to the coercion, assaults and
// mass violence (CAMEO roots 17 to 20) coded in its sentences; an accident, disaster or
// epidemic to none. Its place and date are its counts' first, else its events'. A
// violent incident whose sentences name no cause takes as its cause the trigger words
// of its first event ("arrested", "opened fire").
package incident

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lexicon"
)

//go:embed causes.txt
var causesSrc string

// kindOf returns the kind of incident among a phrase's labels (the headings of
// causes.txt), "" when none is one.
func kindOf(labels []string) string {
	for _, l := range labels {
		switch l {
		case "violence", "accident", "disaster", "health":
			return l
		}
	}
	return ""
}

// Stage is the pipeline stage that writes Document.Incidents.
type Stage struct {
	causes *lexicon.Lexicon
}

// New returns the stage with the embedded vocabulary and any extra vocabulary files
// (same headings), read after it.
func New(extra ...io.Reader) (*Stage, error) {
	l, err := lexicon.Parse("incident/causes.txt", strings.NewReader(causesSrc))
	if err != nil {
		return nil, err
	}
	for i, r := range extra {
		if err := l.Load(fmt.Sprintf("incident vocabulary %d", i+1), r); err != nil {
			return nil, err
		}
	}
	return &Stage{causes: l}, nil
}

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "incidents" }

// Languages implements pipeline.LanguageBound.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage.
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Incidents = s.Incidents(d)
	return nil
}

// cause is a cause phrase found in a sentence.
type cause struct {
	text, key, kind string
	span            doc.Span
}

// Incidents returns d's incidents, in the order of their first count.
func (s *Stage) Incidents(d *doc.Document) []doc.Incident {
	out := []doc.Incident{}
	if len(d.Casualties) == 0 {
		return out
	}
	var sentOf []int                            // sentence of each incident's latest count
	countSent := make([]int, len(d.Casualties)) // sentence of each count
	for ci := range d.Casualties {
		c := &d.Casualties[ci]
		si := d.SentenceAt(c.Start)
		countSent[ci] = si
		cs, found := s.causeNear(d, si, c.Span)
		join := -1
		for k := range out {
			inc := &out[k]
			switch {
			case found:
				// The same cause, or a causeless incident of the same sentence.
				if inc.Cause != "" && key(inc.Cause) == cs.key || inc.Cause == "" && sentOf[k] == si {
					join = k
				}
			case sentOf[k] == si:
				join = k
			case si > 0 && sentOf[k] == si-1 && sameParagraph(d, si-1, si):
				join = k
			}
			if join >= 0 {
				break
			}
		}
		if join < 0 {
			inc := doc.Incident{Sentence: si, Span: c.Span}
			out = append(out, inc)
			sentOf = append(sentOf, si)
			join = len(out) - 1
		}
		inc := &out[join]
		inc.Casualties = append(inc.Casualties, ci)
		sentOf[join] = si
		if found && inc.Cause == "" {
			inc.Cause, inc.Kind, inc.Span = cs.text, cs.kind, cs.span
		}
		if inc.Place == "" {
			inc.Place = c.Place
		}
		if inc.Date == "" {
			inc.Date = c.Date
		}
	}
	out = mergeUncaused(out, d)
	for k := range out {
		s.linkEvents(d, out, k, countSent)
	}
	return out
}

// mergeUncaused folds the incidents whose text names no cause into the article's one
// incident with a cause, when there is exactly one and the places agree: a report about
// a stampede that gives the injured in a later paragraph ("212 people were hurt") is
// still about the stampede. With two causes or none, nothing says which.
func mergeUncaused(out []doc.Incident, d *doc.Document) []doc.Incident {
	caused := -1
	for k := range out {
		if out[k].Cause != "" {
			if caused >= 0 {
				return out
			}
			caused = k
		}
	}
	if caused < 0 {
		return out
	}
	kept := out[:0]
	target := out[caused]
	for k, inc := range out {
		switch {
		case k == caused:
		case fits(d, inc, target.Kind) && (inc.Place == "" || target.Place == "" || inc.Place == target.Place):
			target.Casualties = append(target.Casualties, inc.Casualties...)
			if target.Place == "" {
				target.Place = inc.Place
			}
			continue
		}
		kept = append(kept, inc)
	}
	for k := range kept {
		if kept[k].Cause != "" {
			kept[k] = target
			slices.Sort(kept[k].Casualties)
		}
	}
	return kept
}

// causeNear finds the cause of the count at span in sentence si: the cause phrase that is
// the subject or an oblique of the count's verb ("a rocket attack ... killed a
// contractor", "were killed in a stampede"), else the phrase nearest to the count, one
// after it past a comma counting as farther than any in its own clause.
func (s *Stage) causeNear(d *doc.Document, si int, span doc.Span) (cause, bool) {
	if si < 0 || si >= len(d.Sentences) || len(d.Tokens) == 0 {
		return cause{}, false
	}
	sn := d.Sentences[si]
	first, end := max(sn.FirstToken, 0), min(sn.EndToken, len(d.Tokens))
	verbs := map[int]bool{} // the verbs of the count, from the syntax layer
	for i := first; i < end; i++ {
		t := &d.Tokens[i]
		if t.Start >= span.Start && t.End <= span.End && t.POS == "VERB" {
			verbs[i] = true
		}
	}
	best, bestDist := cause{}, -1
	for _, h := range s.causes.FindAll(d.Tokens, first, end) {
		kind := kindOf(h.Labels)
		if kind == "" {
			continue
		}
		sp := doc.Span{Start: d.Tokens[h.First].Start, End: d.Tokens[h.End-1].End}
		if argumentOf(d, h.First, h.End, verbs) {
			text := d.Text[sp.Start:sp.End]
			return cause{text: text, key: key(text), kind: kind, span: sp}, true
		}
		dist := 0
		switch {
		case sp.End <= span.Start:
			dist = span.Start - sp.End
		case sp.Start >= span.End:
			dist = sp.Start - span.End
			if strings.Contains(d.Text[span.End:sp.Start], ",") {
				dist += len(sn.Text) // another clause's: "killed a US civilian contractor, and American air strikes ..."
			}
		}
		if bestDist < 0 || dist < bestDist {
			text := d.Text[sp.Start:sp.End]
			best, bestDist = cause{text: text, key: key(text), kind: kind, span: sp}, dist
		}
	}
	return best, bestDist >= 0
}

// argumentOf reports whether the phrase of tokens [first, end) heads a subject or an
// oblique of one of verbs.
func argumentOf(d *doc.Document, first, end int, verbs map[int]bool) bool {
	for i := first; i < end; i++ {
		t := &d.Tokens[i]
		if !verbs[t.Head] || t.Dep == "" {
			continue
		}
		switch t.Dep {
		case "nsubj", "nsubj:pass", "obl", "obl:agent":
			return true
		}
	}
	return false
}

// linkEvents adds the violent events of the incident's sentences, and takes their place
// and date when the counts gave none. An event whose trigger or actors touch the
// incident's cause or counts is its; when none does, the sentence's violent events are
// the incident's only if no other incident shares the sentence ("a rocket attack killed
// a contractor, and air strikes killed 25 fighters" has two). An accident, disaster or
// epidemic has no actors: an event in the same sentence is another matter ("killed in a
// stampede at the funeral of X, who was assassinated in a drone strike"). countSent is
// the sentence of each casualty count.
func (s *Stage) linkEvents(d *doc.Document, incs []doc.Incident, k int, countSent []int) {
	inc := &incs[k]
	inc.Events = []int{}
	if inc.Kind != "" && inc.Kind != "violence" {
		return
	}
	sents := map[int]bool{}
	var spans []doc.Span
	if inc.Cause != "" {
		spans = append(spans, inc.Span)
	}
	for _, ci := range inc.Casualties {
		sents[countSent[ci]] = true
		spans = append(spans, d.Casualties[ci].Span)
	}
	touches := func(e *doc.Event) bool {
		for _, sp := range spans {
			for _, x := range []doc.Span{e.Evidence.Trigger, e.Evidence.Source, e.Evidence.Target} {
				if x.End > x.Start && x.Start < sp.End && sp.Start < x.End {
					return true
				}
			}
		}
		return false
	}
	shared := false
	for j := range incs {
		if j == k {
			continue
		}
		for _, ci := range incs[j].Casualties {
			if sents[countSent[ci]] {
				shared = true
			}
		}
	}
	near, all := []int{}, []int{}
	for ei := range d.Events {
		e := &d.Events[ei]
		if !sents[e.Sentence] || e.Root < "17" || e.Root > "20" {
			continue
		}
		all = append(all, ei)
		if touches(e) {
			near = append(near, ei)
		}
	}
	switch {
	case len(near) > 0:
		inc.Events = near
	case !shared:
		inc.Events = all
	}
	for _, ei := range inc.Events {
		e := &d.Events[ei]
		if inc.Place == "" {
			inc.Place = e.Place.String()
		}
		if inc.Date == "" && e.DateSource == "text" {
			inc.Date = e.Date
		}
		if inc.Kind == "" {
			inc.Kind = "violence"
		}
		// No cause phrase named it: the words of its first event that has them do
		// ("arrested", "opened fire"), so that a violent incident always says what it was.
		if tr := e.Evidence.Trigger; inc.Cause == "" && tr.Start >= 0 && tr.Start < tr.End && tr.End <= len(d.Text) {
			inc.Cause, inc.Span = d.Text[tr.Start:tr.End], tr
		}
	}
}

// fits reports whether every count of inc can belong to an incident of the kind: people
// are arrested or kidnapped in violence, not in an earthquake.
func fits(d *doc.Document, inc doc.Incident, kind string) bool {
	for _, ci := range inc.Casualties {
		switch d.Casualties[ci].Kind {
		case "arrested", "kidnapped":
			if kind != "violence" {
				return false
			}
		}
	}
	return true
}

// key is the form under which causes are compared: lower case, a plural "s" dropped.
func key(text string) string {
	k := strings.ToLower(text)
	if len(k) > 4 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") {
		k = k[:len(k)-1]
	}
	return k
}

// sameParagraph reports whether sentences a and b are in one paragraph.
func sameParagraph(d *doc.Document, a, b int) bool {
	if a < 0 || b >= len(d.Sentences) {
		return false
	}
	for _, p := range d.Paragraphs {
		if p.Start <= d.Sentences[a].Start && d.Sentences[b].End <= p.End {
			return true
		}
	}
	return false
}
