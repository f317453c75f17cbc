package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// layersStage stands in for the entity, place, quote, casualty and event annotators on
// floodJSON's text: Lowmoor named twice, a country-level place without a GeoNames id, a
// count "at least 40", a quote of the council with an event inside it, and an event
// outside any quote.
type layersStage struct{}

func (layersStage) Name() string { return "layers" }

func (layersStage) Annotate(_ context.Context, d *doc.Document) error {
	span := func(s string, nth int) doc.Span {
		at := 0
		for range nth {
			at += strings.Index(d.Text[at:], s) + 1
		}
		i := at - 1 + strings.Index(d.Text[at-1:], s)
		return doc.Span{Start: i, End: i + len(s)}
	}
	d.Entities = append(d.Entities,
		doc.Entity{Text: "Lowmoor", Type: "LOCATION", Canonical: "Lowmoor", Span: span("Lowmoor", 1)},
		doc.Entity{Text: "Lowmoor", Type: "LOCATION", Canonical: "Lowmoor", Span: span("Lowmoor", 2)},
		doc.Entity{Text: "county council", Type: "ORG", Canonical: "Lowmoor County Council", Actor: "GBRGOV", Span: span("county council", 1)})
	d.Places = append(d.Places, doc.Place{Name: "England", Country: "GBR", GeonameID: 0, Span: span("Lowmoor", 2)})
	d.Casualties = append(d.Casualties, doc.Casualty{Kind: "displaced", Value: 40, Qualifier: "at_least", Span: span("40 homes", 1)})
	d.Quotes = append(d.Quotes, doc.Quote{Text: "40 homes were evacuated overnight", Cue: "said",
		Speaker: doc.Speaker{Text: "The county council"}, Span: span("40 homes were evacuated overnight", 1)})
	d.Events = append(d.Events,
		doc.Event{Source: "GBRGOV", Target: "GBR", Code: "0233", Root: "02", Plover: doc.Plover{Type: "AID"}, Modality: "asserted",
			Evidence: doc.Evidence{Trigger: span("evacuated", 1)}},
		doc.Event{Source: "", Target: "GBR", Code: "180", Root: "18", Modality: "asserted",
			Evidence: doc.Evidence{Trigger: span("pushed", 1)}})
	return nil
}

func TestArticlePageLayers(t *testing.T) {
	h := New(openStore(t), pipeline.New(lang.Stage{}, segment.Stage{}, layersStage{}), Options{Token: testToken, Logger: testLogger(t)})
	id := mustPost(t, h, floodJSON)
	body := wantHTML(t, do(t, h, "GET", "/articles/"+id, nil), http.StatusOK)
	for _, want := range []string{
		// One row per entity, with its mentions counted.
		"Entities (2)", "<td>Lowmoor</td><td>LOCATION</td><td></td><td></td><td>Lowmoor ×2</td>",
		// A count in words.
		`<td class="num">at least 40</td>`,
		// The quote marked, the event inside it, the evidence in title and data-note.
		`<mark class="quote" tabindex="0" title="indirect quote by The county council (said)"`,
		`40 homes were <mark class="event" tabindex="0" title="event 0233 AID: GBRGOV → GBR" data-note="event 0233 AID: GBRGOV → GBR">evacuated</mark> overnight</mark>`,
		`<mark class="event" tabindex="0" title="event 180: (unnamed) → GBR"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	if strings.Count(body, "<td>Lowmoor</td>") != 1 {
		t.Error("Lowmoor has more than one entity row")
	}
	if strings.Contains(body, `<td class="num">0</td>`) || strings.Contains(body, "at_least") {
		t.Errorf("article page shows a GeoNames id 0 or a raw qualifier:\n%s", body)
	}
}
