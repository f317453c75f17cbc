package quote

import (
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// TestSeed checks the quotes of the article tocsin was started from.
func TestSeed(t *testing.T) {
	title, body := readArticle(t, sharedtest.Path(t, "seed/kerman-stampede.txt"))
	d := analyze(t, title, body)
	find := func(prefix string) doc.Quote {
		t.Helper()
		for _, q := range d.Quotes {
			if strings.HasPrefix(q.Text, prefix) {
				return q
			}
		}
		t.Fatalf("no quote starts with %q; got\n%s", prefix, dump(d))
		return doc.Quote{}
	}

	// Opened with a straight mark, closed with a curly one; the title stays in the speaker.
	q := find("The martyr")
	if q.Text != "The martyr Qasem Soleimani is more powerful, now that he is dead" || !q.Direct ||
		q.Speaker.Text != "Maj Gen Hossein Salami" || q.Cue != "said" {
		t.Errorf("Salami quote: %+v", q)
	}
	// Opened curly, closed straight; "she" is Soleimani's daughter Zeinab.
	q = find("The families of US soldiers")
	if !q.Direct || !strings.Contains(q.Speaker.Text, "Zeinab") || q.Cue != "said" {
		t.Errorf("Zeinab quote: %+v", q)
	}
	// A partial quote governed by "vowed": the reported clause, attributed to Iran.
	q = find("to take")
	if !strings.Contains(q.Text, "severe revenge") || q.Direct || q.Speaker.Text != "Iran" || q.Cue != "vowed" {
		t.Errorf("severe revenge: %+v", q)
	}
	// Reported speech holding a one-word quote; "He" is Pompeo.
	q = find("he was “confident”")
	if q.Direct || !strings.Contains(q.Speaker.Text, "Pompeo") || q.Cue != "said" ||
		!strings.HasSuffix(q.Text, "before Donald Trump ordered the strike") {
		t.Errorf("Pompeo: %+v", q)
	}
	// A quote after a dash with no cue: direct, without a speaker.
	q = find("If you attack us again")
	if q.Text != "If you attack us again, we’ll hit you again." || !q.Direct || q.Speaker.Text != "" || q.Cue != "" {
		t.Errorf("Tehran signal: %+v", q)
	}
	// "confident" and "severe revenge" are not quotes of their own.
	for _, q := range d.Quotes {
		if q.Text == "confident" || q.Text == "severe revenge" {
			t.Errorf("partial quote reported on its own: %+v", q)
		}
	}
}
