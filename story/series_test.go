package story

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/pipeline/standard"
)

// Two primaries eleven days apart, told in the same words, stay two stories, while a
// second outlet's report of the first joins it. Neither tells of a casualty incident,
// so the NoIncident weight asks more of their text. The articles are the team's own,
// written for this test.
func TestPrimariesOfOneCampaign(t *testing.T) {
	p, err := standard.New(standard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cas, err := casualty.New()
	if err != nil {
		t.Fatal(err)
	}
	arts := []*article.Article{
		{Title: "Sanders wins New Hampshire primary", Source: "Outlet A", URL: "a", Published: "2020-02-12",
			Body: "Senator Bernie Sanders won the Democratic presidential primary in New Hampshire on Tuesday, narrowly ahead of Pete Buttigieg, with Amy Klobuchar third, according to results from the state.\n\nSanders thanked his supporters in Manchester and said the win was the beginning of the end for Donald Trump."},
		{Title: "Sanders edges Buttigieg in New Hampshire", Source: "Outlet B", URL: "b", Published: "2020-02-12",
			Body: "Senator Bernie Sanders won New Hampshire's Democratic presidential primary on Tuesday, beating Pete Buttigieg by a narrow margin, while Amy Klobuchar finished third.\n\nSanders thanked supporters in Manchester and said the victory was the beginning of the end for Donald Trump."},
		{Title: "Sanders wins Nevada caucuses", Source: "Outlet A", URL: "c", Published: "2020-02-23",
			Body: "Senator Bernie Sanders won the Democratic presidential caucuses in Nevada on Saturday, well ahead of Joe Biden, with Pete Buttigieg third, according to results from the state party.\n\nSanders thanked his supporters in San Antonio and said the win showed his campaign could beat Donald Trump."},
	}
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
			t.Fatalf("%s: no unit: %d events", a.Title, len(d.Events))
		}
		leads = append(leads, of[0])
	}
	if leads[0] != leads[1] {
		t.Errorf("two reports of the New Hampshire primary are in stories %s and %s", leads[0].ID, leads[1].ID)
	}
	if leads[0] == leads[2] {
		t.Errorf("the New Hampshire primary and the Nevada caucuses share story %s", leads[0].ID)
	}
}
