package sqlite

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/trend"
)

// sampleStore is a store of all the sample articles (samples/articles.jsonl).
func sampleStore(t *testing.T) *Store {
	t.Helper()
	var lines []int
	for i := 1; i <= 37; i++ {
		lines = append(lines, i)
	}
	s := openTest(t)
	for _, d := range analysedSamples(t, lines...) {
		if _, err := s.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestTrendsOnSampleArticles(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)

	// The US-Iran dyad by week, on stories: the week of the Soleimani strike (3 Jan
	// 2020) is mostly conflict, mostly material (the strike) and some verbal (the
	// Pentagon's accusations), beside the Iraqi parliament's vote of 5 Jan, which the
	// event coder reads as intent (030); the next (the missile strikes of 8 Jan) is
	// mixed.
	weeks, err := trend.Series(ctx, s, trend.Query{Dyad: [2]string{"USA", "IRN"}, Period: trend.Week})
	if err != nil {
		t.Fatal(err)
	}
	if len(weeks) < 2 || weeks[0].Start != "2019-12-30" || weeks[0].End != "2020-01-05" {
		t.Fatalf("US-Iran weeks = %+v", weeks)
	}
	w := weeks[0]
	if w.Quad["4"] == 0 || 4*(w.Quad["3"]+w.Quad["4"]) < 3*w.Events || w.NetCooperation > -0.5 || w.GoldsteinMean >= -5 {
		t.Errorf("the week of the Soleimani strike = %+v", w)
	}
	if w.Share <= 0 || w.Share >= 1 {
		t.Errorf("its share of all stories = %v", w.Share)
	}
	// The series counts exactly the dated, coded stories the story filter finds.
	list, _, err := s.Stories(ctx, store.StoryFilter{Dyad: [2]string{"USA", "IRN"}}, store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, st := range list {
		if st.Date != "" && st.Code != "" {
			want++
		}
	}
	got := 0
	for i, r := range weeks {
		got += r.Events
		if i > 0 && r.Start <= weeks[i-1].End {
			t.Errorf("week %d starts %s, before the last ended %s", i, r.Start, weeks[i-1].End)
		}
	}
	if want == 0 || got != want {
		t.Errorf("weekly series counts %d stories, the story filter %d", got, want)
	}

	// Iran by month in January 2020: the Kerman stampede's reconciled dead (56) are in it.
	months, err := trend.Series(ctx, s, trend.Query{Country: "IRN", Period: trend.Month, Since: "2020-01-01", Until: "2020-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 3 || months[0].Killed < 56 || months[2].Events != 0 {
		t.Errorf("Iran by month = %+v", months)
	}
	// Each month holds only stories of its own days (February: the Guards' claim retold
	// by a later report).
	for _, m := range months {
		for _, id := range m.Items {
			st, err := s.Story(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Date < m.Start || st.Date > m.End {
				t.Errorf("story %s of %s is in the month from %s", id, st.Date, m.Start)
			}
		}
	}

	// Counting event rows gives at least as many as stories: one story, many mentions.
	mentions, err := trend.Series(ctx, s, trend.Query{Dyad: [2]string{"USA", "IRN"}, Period: trend.Month,
		Since: "2020-01-01", Until: "2020-01-31", Mentions: true})
	if err != nil {
		t.Fatal(err)
	}
	stories, err := trend.Series(ctx, s, trend.Query{Dyad: [2]string{"USA", "IRN"}, Period: trend.Month,
		Since: "2020-01-01", Until: "2020-01-31"})
	if err != nil {
		t.Fatal(err)
	}
	if len(mentions) != 1 || mentions[0].Events <= stories[0].Events {
		t.Errorf("January: %d event rows, %d stories", mentions[0].Events, stories[0].Events)
	}
}
