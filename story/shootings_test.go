package story

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/pipeline/standard"
)

// Two shootings in one city on one day stay two stories, while a second outlet's
// report of the first, with its actors named differently, joins it. The articles are
// the team's own, written for this test.
func TestTwoShootingsInOneCity(t *testing.T) {
	arts := []*article.Article{
		{Title: "Two shot dead at Elm Street bar in Dayton", Source: "Outlet A", URL: "a", Published: "2021-03-08",
			Body: "Two people were shot dead at a bar on Elm Street in Dayton, Ohio, late on Sunday, police said.\n\nThe victims were named as John Carter, 31, and Maria Lopez, 27. Officers arrested a suspect near the bar."},
		{Title: "Man killed outside grocery store on Fifth Avenue", Source: "Outlet B", URL: "b", Published: "2021-03-08",
			Body: "A man was shot dead outside a grocery store on Fifth Avenue in Dayton, Ohio, on Sunday afternoon, police said.\n\nThe victim, Tom Becker, 45, was a delivery driver. No arrest has been made."},
		{Title: "Dayton police name Elm Street bar victims", Source: "Outlet C", URL: "c", Published: "2021-03-09",
			Body: "Police in Dayton said a gunman killed John Carter and Maria Lopez at an Elm Street bar late on Sunday, and that a suspect was in custody.\n\nFriends of Carter and Lopez gathered outside the bar on Monday."},
	}
	leads := leadStories(t, arts)
	if leads[0] == leads[1] {
		t.Errorf("the bar and the grocery store shootings share story %s", leads[0].ID)
	}
	if leads[0] != leads[2] {
		t.Errorf("two reports of the bar shooting are in stories %s and %s", leads[0].ID, leads[2].ID)
	}
}

// leadStories analyses arts with the standard pipeline, links them in order into one
// memory store, and returns the story of each one's first unit (the lead's).
func leadStories(t *testing.T, arts []*article.Article) []*Story {
	t.Helper()
	p, cas := analyzers(t)
	mem := NewMemory()
	l := NewLinker()
	var leads []*Story
	for _, a := range arts {
		d, err := p.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		of, touched, err := l.Link(Units(d, cas.Totals(d)), mem)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range touched {
			mem.Put(s)
		}
		if len(of) == 0 {
			t.Fatalf("%s: no unit: %d events, %d incidents", a.Title, len(d.Events), len(d.Incidents))
		}
		leads = append(leads, of[0])
	}
	return leads
}

// analyzers returns the standard pipeline and the casualty stage, as ingest builds them.
func analyzers(tb testing.TB) (*pipeline.Pipeline, *casualty.Stage) {
	tb.Helper()
	p, err := standard.New(standard.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	cas, err := casualty.New()
	if err != nil {
		tb.Fatal(err)
	}
	return p, cas
}
