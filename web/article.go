package web

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// entityGroup is one real entity of the article page's entity table: every mention
// with the same canonical name and type, in the order of its first mention.
type entityGroup struct {
	Canonical, Type, Actor, Role string
	Mentions                     []mention // distinct surface forms
	Count                        int       // mentions in all
}

// mention is one surface form of an entity and how often it occurs.
type mention struct {
	Text  string
	Count int
}

// groupEntities folds d's entity mentions into one row per entity (canonical name and
// type), so that an article naming Iran ten times shows one Iran.
func groupEntities(d *doc.Document) []entityGroup {
	var groups []entityGroup
	index := map[[2]string]int{}
	for _, e := range d.Entities {
		name := cmp.Or(e.Canonical, e.Text)
		k := [2]string{strings.ToLower(name), e.Type}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, entityGroup{Canonical: name, Type: e.Type})
		}
		g := &groups[i]
		g.Count++
		g.Actor = cmp.Or(g.Actor, e.Actor)
		g.Role = cmp.Or(g.Role, e.Role)
		if j := slices.IndexFunc(g.Mentions, func(m mention) bool { return m.Text == e.Text }); j >= 0 {
			g.Mentions[j].Count++
		} else {
			g.Mentions = append(g.Mentions, mention{Text: e.Text, Count: 1})
		}
	}
	return groups
}

// mark is a highlighted span of the article text: a quote or an event's trigger, with
// its evidence as a note shown on hover (title) and on focus (CSS).
type mark struct {
	start, end int
	class      string
	notes      []string
}

// quoteMarks returns a mark per quote of d.
func quoteMarks(d *doc.Document) []mark {
	var ms []mark
	for _, q := range d.Quotes {
		who := cmp.Or(q.Speaker.Canonical, q.Speaker.Text, "unknown speaker")
		kind := "indirect"
		if q.Direct {
			kind = "direct"
		}
		note := fmt.Sprintf("%s quote by %s", kind, who)
		if q.Cue != "" {
			note += fmt.Sprintf(" (%s)", q.Cue)
		}
		ms = append(ms, mark{start: q.Start, end: q.End, class: "quote", notes: []string{note}})
	}
	return ms
}

// eventMarks returns a mark per event trigger of d; events sharing a trigger share
// its mark.
func eventMarks(d *doc.Document) []mark {
	var ms []mark
	for _, e := range d.Events {
		sp := e.Evidence.Trigger
		if sp.Start >= sp.End {
			continue
		}
		note := "event " + e.Code
		if e.Plover.Type != "" {
			note += " " + e.Plover.Type
		}
		note += fmt.Sprintf(": %s → %s", orUnknown(e.Source), orUnknown(e.Target))
		if e.Modality != "" && e.Modality != "asserted" {
			note += " (" + e.Modality + ")"
		}
		if e.Place != nil {
			note += ", in " + e.Place.String()
		}
		if e.Date != "" {
			note += ", on " + e.Date
		}
		if i := slices.IndexFunc(ms, func(m mark) bool { return m.start == sp.Start && m.end == sp.End }); i >= 0 {
			ms[i].notes = append(ms[i].notes, note)
			continue
		}
		ms = append(ms, mark{start: sp.Start, end: sp.End, class: "event", notes: []string{note}})
	}
	return ms
}

func orUnknown(code string) string { return cmp.Or(code, "(unnamed)") }

// annotatedParagraphs renders d's body paragraphs as HTML with its quotes and event
// triggers marked. Marks nest: an event may lie inside a quote; an event that crosses
// a quote's edge, or overlaps an earlier event, is left unmarked (its row in the table
// below still shows it).
func annotatedParagraphs(d *doc.Document) []template.HTML {
	quotes := keepDisjoint(quoteMarks(d), nil)
	events := keepDisjoint(eventMarks(d), quotes)
	all := append(quotes, events...)
	slices.SortStableFunc(all, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	var out []template.HTML
	for _, p := range bodySpans(d) {
		var b strings.Builder
		at := p.Start
		var open []mark
		closeTo := func(limit int) {
			for len(open) > 0 && open[len(open)-1].end <= limit {
				top := open[len(open)-1]
				b.WriteString(template.HTMLEscapeString(d.Text[at:top.end]))
				b.WriteString("</mark>")
				at = top.end
				open = open[:len(open)-1]
			}
		}
		for _, m := range all {
			if m.start < p.Start || m.end > p.End {
				continue
			}
			closeTo(m.start)
			b.WriteString(template.HTMLEscapeString(d.Text[at:m.start]))
			note := template.HTMLEscapeString(strings.Join(m.notes, "; "))
			fmt.Fprintf(&b, `<mark class="%s" tabindex="0" title="%s" data-note="%s">`, m.class, note, note)
			at = m.start
			open = append(open, m)
		}
		closeTo(p.End)
		b.WriteString(template.HTMLEscapeString(d.Text[at:p.End]))
		out = append(out, template.HTML(b.String()))
	}
	return out
}

// keepDisjoint returns the marks of ms, in text order, that lie within the text, overlap
// no earlier one, and lie either inside or outside each of outer.
func keepDisjoint(ms, outer []mark) []mark {
	slices.SortStableFunc(ms, func(a, b mark) int { return cmp.Compare(a.start, b.start) })
	var kept []mark
	for _, m := range ms {
		if m.start < 0 || m.start >= m.end {
			continue
		}
		if len(kept) > 0 && m.start < kept[len(kept)-1].end {
			continue
		}
		crosses := slices.ContainsFunc(outer, func(o mark) bool {
			inside := o.start <= m.start && m.end <= o.end
			apart := m.end <= o.start || o.end <= m.start
			return !inside && !apart
		})
		if !crosses {
			kept = append(kept, m)
		}
	}
	return kept
}

// bodySpans returns the spans of d's body paragraphs: the paragraph layer where it
// covers the body, else the body split at blank lines.
func bodySpans(d *doc.Document) []doc.Span {
	start := min(max(d.BodyStart, 0), len(d.Text))
	var spans []doc.Span
	for _, p := range d.Paragraphs {
		if p.Start >= start && p.Start <= p.End && p.End <= len(d.Text) {
			spans = append(spans, p)
		}
	}
	if len(spans) > 0 {
		return spans
	}
	at := start
	for _, p := range strings.Split(d.Text[start:], "\n\n") {
		lead := len(p) - len(strings.TrimLeft(p, " \t\r\n"))
		trimmed := strings.TrimSpace(p)
		if trimmed != "" {
			spans = append(spans, doc.Span{Start: at + lead, End: at + lead + len(trimmed)})
		}
		at += len(p) + 2
	}
	return spans
}

// casualtyCounts writes each casualty count of d as a reader says it: "at least 50",
// not "at_least 50".
func casualtyCounts(d *doc.Document) []string {
	var out []string
	for _, c := range d.Casualties {
		s := fmt.Sprint(c.Value)
		if c.Qualifier != "" && c.Qualifier != "exact" {
			s = strings.ReplaceAll(c.Qualifier, "_", " ") + " " + s
		}
		if c.Vague {
			s += " (vague)"
		}
		out = append(out, s)
	}
	return out
}
