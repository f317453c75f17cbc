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
// than 200 were injured."); otherwise it is an incident of its own, cause unknown. The
// casualty stage has already merged a headline's count with the body's.
//
// An incident of violence (or of unknown cause) points to the coercion, assaults and
// mass violence (CAMEO roots 17 to 20) coded in its sentences; an accident, disaster or
// epidemic to none. Its place and date are its counts' first, else its events'.
package incident

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"sort"
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
	var sentOf []int // sentence of each incident's latest count
	for ci := range d.Casualties {
		c := &d.Casualties[ci]
		si := sentenceAt(d, c.Start)
		cs, found := s.causeNear(d, si, c.Span)
		join := -1
		for k := range out {
			inc := &out[k]
			switch {
			case sentOf[k] == si:
				join = k
			case found && inc.Cause != "" && key(inc.Cause) == cs.key:
				join = k
			case !found && si > 0 && sentOf[k] == si-1 && sameParagraph(d, si-1, si):
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
	for k := range out {
		s.linkEvents(d, &out[k])
	}
	return out
}

// causeNear finds the cause phrase of sentence si nearest to span.
func (s *Stage) causeNear(d *doc.Document, si int, span doc.Span) (cause, bool) {
	if si < 0 || si >= len(d.Sentences) || len(d.Tokens) == 0 {
		return cause{}, false
	}
	sn := d.Sentences[si]
	first, end := max(sn.FirstToken, 0), min(sn.EndToken, len(d.Tokens))
	best, bestDist := cause{}, -1
	for _, h := range s.causes.FindAll(d.Tokens, first, end) {
		kind := kindOf(h.Labels)
		if kind == "" {
			continue
		}
		sp := doc.Span{Start: d.Tokens[h.First].Start, End: d.Tokens[h.End-1].End}
		dist := 0
		switch {
		case sp.End <= span.Start:
			dist = span.Start - sp.End
		case sp.Start >= span.End:
			dist = sp.Start - span.End
		}
		if bestDist < 0 || dist < bestDist {
			text := d.Text[sp.Start:sp.End]
			best, bestDist = cause{text: text, key: key(text), kind: kind, span: sp}, dist
		}
	}
	return best, bestDist >= 0
}

// linkEvents adds the violent events of the incident's sentences, and takes their place
// and date when the counts gave none. An accident, disaster or epidemic has no actors:
// an event in the same sentence is another matter ("killed in a stampede at the funeral
// of X, who was assassinated in a drone strike").
func (s *Stage) linkEvents(d *doc.Document, inc *doc.Incident) {
	inc.Events = []int{}
	if inc.Kind != "" && inc.Kind != "violence" {
		return
	}
	sents := map[int]bool{}
	for _, ci := range inc.Casualties {
		sents[sentenceAt(d, d.Casualties[ci].Start)] = true
	}
	for ei, e := range d.Events {
		if !sents[e.Sentence] || e.Root < "17" || e.Root > "20" {
			continue
		}
		inc.Events = append(inc.Events, ei)
		if inc.Place == "" {
			inc.Place = e.Place
		}
		if inc.Date == "" && e.DateSource == "text" {
			inc.Date = e.Date
		}
		if inc.Kind == "" {
			inc.Kind = "violence"
		}
	}
}

// key is the form under which causes are compared: lower case, a plural "s" dropped.
func key(text string) string {
	k := strings.ToLower(text)
	if len(k) > 4 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") {
		k = k[:len(k)-1]
	}
	return k
}

// sentenceAt returns the index of the sentence holding byte offset off, -1 if none.
func sentenceAt(d *doc.Document, off int) int {
	ss := d.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	return -1
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
