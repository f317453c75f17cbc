package incident

import (
	"context"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// analyze runs the text layer, the casualty stage and, after add has had its say on the
// document (events given by hand), the incidents stage.
func analyze(t *testing.T, title, body string, add func(d *doc.Document)) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Language: "en", Published: "2021-06-15"})
	cas, err := casualty.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []pipeline.Stage{segment.Stage{}, cas} {
		if err := st.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if add != nil {
		add(d)
	}
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// summary writes an incident as "cause/kind: kind value, kind value [events]".
func summary(d *doc.Document, inc doc.Incident) string {
	var b strings.Builder
	b.WriteString(inc.Cause + "/" + inc.Kind + ":")
	for _, ci := range inc.Casualties {
		c := d.Casualties[ci]
		b.WriteString(" " + c.Kind)
	}
	if len(inc.Events) > 0 {
		b.WriteString(" +events")
	}
	return b.String()
}

func TestIncidents(t *testing.T) {
	for _, c := range []struct {
		title, body string
		want        []string
	}{
		{"Crush at funeral", "At least 50 people were killed and more than 200 injured in a stampede at the funeral in Kerman.",
			[]string{"stampede/accident: killed injured"}},
		// A later sentence that names no cause goes on about the same incident.
		{"Quake hits east", "An earthquake killed 22 people in eastern Turkey on Friday. More than 1,000 were injured.",
			[]string{"earthquake/disaster: killed injured"}},
		// The same cause in another paragraph is the same incident.
		{"Floods", "Floods killed 16 people in Jakarta.\n\nRescuers said the floods had displaced 31,000 people.",
			[]string{"Floods/disaster: killed displaced"}},
		// Two causes, two incidents.
		{"Two disasters", "A landslide killed 12 villagers in the north.\n\nIn the south, a bus crash killed seven passengers.",
			[]string{"landslide/disaster: killed", "crash/accident: killed"}},
		// No cause named: an incident all the same, cause unknown.
		{"Toll rises", "Officials said 30 people had died.", []string{"/: killed"}},
	} {
		d := analyze(t, c.title, c.body, nil)
		var got []string
		for _, inc := range d.Incidents {
			got = append(got, summary(d, inc))
			if inc.Start < 0 || inc.End > len(d.Text) || inc.Start >= inc.End {
				t.Errorf("%s: bad span %+v", c.body, inc.Span)
			} else if inc.Cause != "" && d.Slice(inc.Span) != inc.Cause {
				t.Errorf("%s: span %q is not the cause %q", c.body, d.Slice(inc.Span), inc.Cause)
			}
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s\n  got  %q\n  want %q", c.body, got, c.want)
		}
		for _, inc := range d.Incidents {
			if inc.Events == nil || inc.Casualties == nil {
				t.Errorf("%s: an incident's lists must be arrays, not null: %+v", c.body, inc)
			}
		}
	}
}

// TestEventLinks: a bombing points to the event coded in its sentence; a stampede does
// not, even with an event in the same sentence.
func TestEventLinks(t *testing.T) {
	event := func(text string, root string) func(d *doc.Document) {
		return func(d *doc.Document) {
			for si, s := range d.Sentences {
				if strings.Contains(s.Text, text) {
					d.Events = append(d.Events, doc.Event{Source: "AAA", Target: "BBB", Root: root, Sentence: si, Place: &doc.Location{Name: "Kabul"}, Date: "2021-06-14", DateSource: "text"})
				}
			}
		}
	}
	d := analyze(t, "Blast", "A suicide bombing killed 14 soldiers at a base near Kabul.", event("bombing", "18"))
	if len(d.Incidents) != 1 || len(d.Incidents[0].Events) != 1 || d.Incidents[0].Kind != "violence" {
		t.Errorf("bombing: incidents %+v, want one of violence with the event", d.Incidents)
	} else if d.Incidents[0].Date != "2021-06-14" {
		t.Errorf("bombing: date %q, want the event's", d.Incidents[0].Date)
	}
	d = analyze(t, "Crush", "Twenty mourners were killed in a stampede at the funeral of a general who was killed in a drone strike.", event("stampede", "19"))
	if len(d.Incidents) != 1 || len(d.Incidents[0].Events) != 0 || d.Incidents[0].Cause != "stampede" {
		t.Errorf("stampede: incidents %+v, want one, a stampede, without events", d.Incidents)
	}
}

func TestNoCasualtiesNoIncidents(t *testing.T) {
	d := analyze(t, "Talks", "Iran and Iraq held talks in Baghdad on Monday.", nil)
	if d.Incidents == nil || len(d.Incidents) != 0 {
		t.Errorf("incidents %+v, want an empty layer", d.Incidents)
	}
}

func TestExtraVocabulary(t *testing.T) {
	s, err := New(strings.NewReader("[accident]\ngrain silo explosion\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, n := s.causes.Match(segmentTokens("grain silo explosion"), 0); n != 3 {
		t.Errorf("the added phrase matches %d tokens, want 3", n)
	}
	if _, err := New(strings.NewReader("no heading\n")); err == nil {
		t.Error("a vocabulary without a heading was accepted")
	}
}

func segmentTokens(s string) []doc.Token {
	var out []doc.Token
	for _, t := range segment.Tokenize(s) {
		out = append(out, doc.Token{Text: t.Text, Span: doc.Span{Start: t.Start, End: t.End}})
	}
	return out
}

// TestTwoIncidentsInOneSentence: each count takes the cause that is its verb's subject,
// and an event goes to the incident whose cause it touches.
func TestTwoIncidentsInOneSentence(t *testing.T) {
	body := "A rocket attack on a base near Kirkuk killed a US civilian contractor, and American air strikes two days later killed 25 fighters."
	d := analyze(t, "Strikes", body, func(d *doc.Document) {
		i := strings.Index(d.Text, "air strikes")
		d.Events = append(d.Events, doc.Event{Source: "USA", Target: "IRQREB", Root: "19", Sentence: d.SentenceAt(i),
			Evidence: doc.Evidence{Trigger: doc.Span{Start: i, End: i + len("air strikes")}}})
	})
	var got []string
	for _, inc := range d.Incidents {
		got = append(got, summary(d, inc))
	}
	// Without the syntax layer (not run here), the nearest cause decides.
	want := "rocket attack/violence: killed; air strikes/violence: killed +events"
	if strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "; "), want)
	}
}

// TestViolenceWithoutCausePhrase: a count no cause phrase names, linked to a violent
// event, is an incident of violence whose cause is the event's words.
func TestViolenceWithoutCausePhrase(t *testing.T) {
	body := "Police arrested 12 protesters outside the parliament in Minsk on Sunday."
	d := analyze(t, "Arrests", body, func(d *doc.Document) {
		i := strings.Index(d.Text, "arrested")
		d.Events = append(d.Events, doc.Event{Source: "BLRCOP", Target: "BLROPP", Root: "17", Code: "173", Sentence: d.SentenceAt(i),
			Evidence: doc.Evidence{Trigger: doc.Span{Start: i, End: i + len("arrested")}}})
	})
	if len(d.Incidents) != 1 {
		t.Fatalf("incidents %+v, want one", d.Incidents)
	}
	inc := d.Incidents[0]
	if inc.Kind != "violence" || inc.Cause != "arrested" || d.Slice(inc.Span) != "arrested" || len(inc.Events) != 1 {
		t.Errorf("incident %+v, want violence caused by %q with the event", inc, "arrested")
	}
}
