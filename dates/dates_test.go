package dates

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/segment"
)

// annotate runs the text stage and s on an article with the given title, body and
// publication date.
func annotate(t testing.TB, s *Stage, published, title, body string) *doc.Document {
	t.Helper()
	d := pipeline.NewDocument(&article.Article{Title: title, Body: body, Published: published, Language: "en"})
	if err := (segment.Stage{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := s.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, dt := range d.Dates {
		if d.Text[dt.Start:dt.End] != dt.Text {
			t.Fatalf("date %q has offsets %d-%d covering %q", dt.Text, dt.Start, dt.End, d.Text[dt.Start:dt.End])
		}
	}
	return d
}

// pairs renders dates as "text=value", with the reason in brackets when unresolved.
func pairs(ds []doc.Date) string {
	var out []string
	for _, d := range ds {
		p := d.Text + "=" + d.Value
		if !d.Resolved {
			p += " (" + d.Reason + ")"
		}
		out = append(out, p)
	}
	return strings.Join(out, " | ")
}

type dateCase struct {
	name, published, text, want string
}

func run(t *testing.T, cases []dateCase) {
	t.Helper()
	s := New()
	for _, c := range cases {
		d := annotate(t, s, c.published, "", c.text)
		if got := pairs(d.Dates); got != c.want {
			t.Errorf("%s: %q (published %q)\n got  %s\n want %s", c.name, c.text, c.published, got, c.want)
		}
	}
}

func TestAbsolute(t *testing.T) {
	run(t, []dateCase{
		{"month day year", "", "The accord was signed on January 3, 2020, in Oslo.", "January 3, 2020=2020-01-03"},
		{"day month year", "", "The accord was signed on 3 January 2020 in Oslo.", "3 January 2020=2020-01-03"},
		{"ordinal of", "", "Voting closes on the 21st of March, 2021.", "21st of March, 2021=2021-03-21"},
		{"month year", "", "Prices fell in January 2020 and rose in March of 2021.", "January 2020=2020-01 | March of 2021=2021-03"},
		{"abbreviated month year", "", "The levy took effect in Jan 2019.", "Jan 2019=2019-01"},
		{"iso", "", "The decree dated 2020-01-03 was published.", "2020-01-03=2020-01-03"},
		{"us slash order", "", "The permit expired on 01/03/2020.", "01/03/2020=2020-01-03"},
		{"slash day first when month is impossible", "", "The permit expired on 25/12/2019.", "25/12/2019=2019-12-25"},
		{"weekday joins its date", "", "Fighting resumed on Friday, Jan. 3, 2020, near the border.", "Friday, Jan. 3, 2020=2020-01-03"},
		{"no such day", "", "The filing claimed a February 30, 2020 deadline.", ""},
		{"decade", "", "The valley was mined heavily in the 1990s.", "1990s=199"},
		{"year in", "", "In 1989 the wall came down.", "1989=1989"},
		{"year since", "", "The dispute has simmered since 1979.", "1979=1979"},
		{"year the", "", "Crowds recalled the 1989 funeral of the leader.", "1989=1989"},
		{"year possessive", "", "Iran's 1979 revolution changed the region.", "1979=1979"},
		{"year range", "", "The survey ran from 2015 to 2019 in six provinces.", "2015=2015 | 2019=2019"},
		{"year by", "", "The plan aims for zero emissions by 2050.", "2050=2050"},
		{"partial without publication date", "", "The envoy arrived on Jan. 3 and left on 5 March.", "Jan. 3=--01-03 (no publication date) | 5 March=--03-05 (no publication date)"},
		{"month alone without publication date", "", "The envoy will return in March.", "March=--03 (no publication date)"},
		{"sentence-final abbreviation", "2020-01-08", "The statue was unveiled on 3 Jan.", "3 Jan=2020-01-03"},
	})
}

func TestNotDates(t *testing.T) {
	run(t, []dateCase{
		{"comma number", "2020-01-08", "Officials said 1,200 people had fled.", ""},
		{"count", "2020-01-08", "More than 2000 troops were deployed.", ""},
		{"count after the", "2020-01-08", "The 2000 troops arrived by train.", ""},
		{"count after context", "2020-01-08", "Around 1900 people attended the rally.", ""},
		{"measure", "2020-01-08", "The wall is 2000 metres long.", ""},
		{"model number", "2020-01-08", "The 737 jet crashed after take-off.", ""},
		{"route", "2020-01-08", "Traffic on Route 66 was halted.", ""},
		{"clock time", "2020-01-08", "The curfew starts at 1900 GMT.", ""},
		{"no context", "2020-01-08", "Nearly 1800 homes were damaged.", ""},
		{"verbs may and march", "2020-01-08", "Markets may recover and troops will march on.", ""},
		{"surname", "2020-01-08", "Theresa May said little.", ""},
		{"duration", "2020-01-08", "The plant has been closed for 18 months and talks stalled in the last week.", ""},
		{"relative to an event", "2020-01-08", "Crowds gathered the day before the vote.", ""},
		{"unit without count", "2020-01-08", "Their days were spent waiting.", ""},
	})
}

func TestRelative(t *testing.T) {
	const pub = "2020-01-08" // a Wednesday, in ISO week 2020-W02
	run(t, []dateCase{
		{"weekday past", pub, "Protesters gathered on Tuesday.", "Tuesday=2020-01-07"},
		{"weekday on publication day", pub, "The minister spoke on Wednesday.", "Wednesday=2020-01-08"},
		{"weekday part of day", pub, "Shots were heard Tuesday night and Monday morning.", "Tuesday night=2020-01-07 | Monday morning=2020-01-06"},
		{"weekday future", pub, "The council will meet on Tuesday.", "Tuesday=2020-01-14"},
		{"weekday fronted future", pub, "On Friday, the council will vote.", "Friday=2020-01-10"},
		{"weekday past before future", pub, "He said on Monday that talks will resume.", "Monday=2020-01-06"},
		{"last weekday", pub, "The strike happened last Friday.", "last Friday=2020-01-03"},
		{"last weekday on its own day", pub, "They met last Wednesday.", "last Wednesday=2020-01-01"},
		{"next weekday", pub, "The vote is set for next Tuesday.", "next Tuesday=2020-01-14"},
		{"this weekday", pub, "The envoy left this Monday.", "this Monday=2020-01-06"},
		{"deictic days", pub, "Yesterday it rained, today it snows and tomorrow it clears.", "Yesterday=2020-01-07 | today=2020-01-08 | tomorrow=2020-01-09"},
		{"deictic with part", pub, "Police moved in yesterday morning.", "yesterday morning=2020-01-07"},
		{"parts of day", pub, "Shelling continued overnight; the minister flies out tonight.", "overnight=2020-01-08 | tonight=2020-01-08"},
		{"overnight after a day", pub, "After his arrest on Sunday, he stayed in a cell overnight before appearing in court the next day.", "Sunday=2020-01-05 | overnight=2020-01-05 | the next day=2020-01-06"},
		{"this morning and last night", pub, "This morning the streets were calm after clashes last night.", "This morning=2020-01-08 | last night=2020-01-07"},
		{"last week", pub, "The ceasefire collapsed last week.", "last week=2020-W01"},
		{"this week", pub, "Officials will meet this week.", "this week=2020-W02"},
		{"next week", pub, "Officials will meet next week.", "next week=2020-W03"},
		{"last month", pub, "Exports fell last month.", "last month=2019-12"},
		{"last year", pub, "The firm lost money last year.", "last year=2019"},
		{"earlier this month", pub, "Prices rose earlier this month.", "earlier this month=2020-01"},
		{"later this year", pub, "Elections are due later this year.", "later this year=2020"},
		{"days ago", pub, "Three soldiers died two days ago.", "two days ago=2020-01-06"},
		{"digits ago", pub, "The boat sank 3 days ago.", "3 days ago=2020-01-05"},
		{"weeks ago", pub, "The bridge collapsed three weeks ago.", "three weeks ago=2019-W51"},
		{"a month ago", pub, "A month ago the currency fell.", "A month ago=2019-12"},
		{"last month name", pub, "The law passed last March and takes effect next March.", "last March=2019-03 | next March=2020-03"},
		{"month alone", pub, "The festival opens in March.", "March=2020-03"},
		{"day month nearest year", pub, "Fires began on Dec. 28 and the inquiry reports on June 1.", "Dec. 28=2019-12-28 | June 1=2020-06-01"},
		{"day month next year", "2020-11-20", "The summit is planned for Jan. 5.", "Jan. 5=2021-01-05"},
		{"sept", "2020-09-20", "Voting ended on Sept. 11.", "Sept. 11=2020-09-11"},
		{"day before", pub, "The convoy was attacked on Tuesday. The day before, two bridges fell.", "Tuesday=2020-01-07 | The day before=2020-01-06"},
		{"previous day from publication", pub, "The ship docked the previous day.", "the previous day=2020-01-07"},
		{"next day", pub, "Rebels took the town on Sunday. The next day, they left.", "Sunday=2020-01-05 | The next day=2020-01-06"},
		{"days later", pub, "Protests began on Jan. 2. Two days later, troops arrived.", "Jan. 2=2020-01-02 | Two days later=2020-01-04"},
		{"a day earlier", pub, "The port closed on Jan. 5, a day earlier than planned.", "Jan. 5=2020-01-05 | a day earlier=2020-01-04"},
		{"anchor ignores years", pub, "Since 1989 the square has been a symbol. The day before, police cleared it.", "1989=1989 | The day before=2020-01-07"},
		{"date-time publication", "2020-01-08T09:30:00Z", "Protesters gathered on Tuesday.", "Tuesday=2020-01-07"},
		{"bad publication date", "January 2020", "Protesters gathered on Tuesday.", `Tuesday= (publication date "January 2020" is not a YYYY-MM-DD date)`},
	})
}

func TestUnresolvedWithoutPublication(t *testing.T) {
	run(t, []dateCase{
		{"weekday", "", "Protesters gathered on Tuesday night.", "Tuesday night= (no publication date)"},
		{"week", "", "The ceasefire collapsed last week.", "last week= (no publication date)"},
		{"deictic", "", "Yesterday the curfew ended.", "Yesterday= (no publication date)"},
		{"ago", "", "The bridge fell two days ago.", "two days ago= (no publication date)"},
		{"day before", "", "The day before, crowds filled the square.", "The day before= (no publication date)"},
		{"anchored to an absolute date", "", "Fighting began on Jan. 5, 2020. The next day, rebels took the airport.", "Jan. 5, 2020=2020-01-05 | The next day=2020-01-06"},
	})
}

// TestSeed checks the dates of the seed article, which has no publication date, and
// the same article dated as the CLI's --date would.
func TestSeed(t *testing.T) {
	raw, err := os.ReadFile(sharedtest.Path(t, "seed/kerman-stampede.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(raw), "\n")
	s := New()
	find := func(d *doc.Document, text string) doc.Date {
		t.Helper()
		for _, dt := range d.Dates {
			if dt.Text == text {
				return dt
			}
		}
		t.Fatalf("no date %q in %s", text, pairs(d.Dates))
		return doc.Date{}
	}

	d := annotate(t, s, "", title, body)
	for _, text := range []string{"last week", "Tuesday night", "The day before"} {
		if dt := find(d, text); dt.Resolved || dt.Value != "" || dt.Reason != "no publication date" {
			t.Errorf("undated seed: %q = %+v, want unresolved with reason %q", text, dt, "no publication date")
		}
	}
	if dt := find(d, "1989"); !dt.Resolved || dt.Value != "1989" {
		t.Errorf("undated seed: 1989 = %+v, want resolved 1989", dt)
	}
	if !strings.Contains(d.Text[find(d, "last week").End:], "'s US airstrike") {
		t.Errorf("last week is not the one in \"last week's US airstrike\"")
	}
	if len(d.Dates) != 4 {
		t.Errorf("undated seed: %d dates (%s), want 4", len(d.Dates), pairs(d.Dates))
	}

	d = annotate(t, s, "2020-01-07", title, body)
	for text, want := range map[string]string{"Tuesday night": "2020-01-07", "last week": "2020-W01", "The day before": "2020-01-06", "1989": "1989"} {
		if dt := find(d, text); !dt.Resolved || dt.Value != want {
			t.Errorf("seed published 2020-01-07: %q = %+v, want %s", text, dt, want)
		}
	}
}

func TestAt(t *testing.T) {
	s := New()
	d := annotate(t, s, "2020-01-08", "",
		"On Tuesday, 50 people were killed in the north; 12 died on Monday in the south. No date here, 7 hurt.")
	span := func(word string) doc.Span {
		i := strings.Index(d.Text, word)
		return doc.Span{Start: i, End: i + len(word)}
	}
	for word, want := range map[string]string{"50": "2020-01-07", "12": "2020-01-06", "south": "2020-01-06"} {
		if dt, ok := At(d, span(word)); !ok || dt.Value != want {
			t.Errorf("At(%q) = %+v, %v; want %s", word, dt, ok, want)
		}
	}
	if dt, ok := At(d, span("7 hurt")); ok {
		t.Errorf("At in a sentence without a date = %+v, want false", dt)
	}
	// Same clause beats nearer: the count is nearer to Monday but shares no clause with it.
	d = annotate(t, s, "2020-01-08", "", "Clashes broke out on Sunday: on Monday police said 40 were hurt; by then it was over.")
	if dt, ok := At(d, span("40")); !ok || dt.Text != "Monday" {
		t.Errorf("At(40) = %+v, %v; want Monday", dt, ok)
	}
	if dt, ok := At(d, span("over")); !ok || dt.Text != "Monday" {
		t.Errorf("At(over) = %+v, %v; want the nearest date, Monday", dt, ok)
	}
}

func TestLoad(t *testing.T) {
	s := New()
	if err := s.Load("extra.txt", strings.NewReader("# more counts\n[number 13]\nthirteen\n")); err != nil {
		t.Fatal(err)
	}
	d := annotate(t, s, "2020-01-20", "", "The siege began thirteen days ago.")
	if got := pairs(d.Dates); got != "thirteen days ago=2020-01-07" {
		t.Errorf("extended vocabulary: got %s", got)
	}
	for _, src := range []string{"[mnth 1]\nfoo\n", "\n[month 13]\nfoo\n", "[unit fortnight]\nfortnight\n", "[ago 1]\nago\n", "foo\n"} {
		err := New().Load("bad.txt", strings.NewReader(src))
		if err == nil || !strings.Contains(err.Error(), "bad.txt:") {
			t.Errorf("Load(%q) error = %v, want one naming bad.txt and the line", src, err)
		}
	}
	if err := (&Stage{}).Load("x.txt", strings.NewReader("")); err == nil {
		t.Error("Load on a zero Stage succeeded")
	}
	if err := (&Stage{}).Annotate(context.Background(), &doc.Document{}); err == nil {
		t.Error("Annotate on a zero Stage succeeded")
	}
}

func TestStage(t *testing.T) {
	s := New()
	if s.Name() != "dates" || strings.Join(s.Languages(), ",") != "en" {
		t.Errorf("Name, Languages = %q, %v", s.Name(), s.Languages())
	}
	p := pipeline.New(segment.Stage{}, s)
	d, err := p.Analyze(context.Background(), &article.Article{Body: "Talks failed on Tuesday.", Language: "fr", Origin: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Dates) != 0 || len(d.Skipped) != 1 || d.Skipped[0].Stage != "dates" {
		t.Errorf("French article: dates %v, skipped %v; want the stage skipped", d.Dates, d.Skipped)
	}
	// Annotating twice replaces the layer rather than appending to it.
	d = annotate(t, s, "2020-01-08", "", "Talks failed on Tuesday.")
	if err := s.Annotate(context.Background(), d); err != nil || len(d.Dates) != 1 {
		t.Errorf("second Annotate: %v, %d dates", err, len(d.Dates))
	}
	if err := s.Annotate(context.Background(), &doc.Document{Text: "untokenised"}); err == nil {
		t.Error("Annotate without tokens succeeded")
	}
}

// TestNoAllocationPerToken checks that the cost in allocations does not grow with the
// number of tokens: ten times the text must not allocate more.
func TestNoAllocationPerToken(t *testing.T) {
	s := New()
	one := "Officials in the Northern Province said the Aid Convoy reached Kerman, and Iran's envoy spoke to Reporters. "
	allocs := func(text string) float64 {
		d := annotate(t, s, "2020-01-08", "", text)
		return testing.AllocsPerRun(20, func() {
			if err := s.Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(one), allocs(strings.Repeat(one, 10))
	if large > small || large > 6 {
		t.Errorf("allocations: %v for one sentence, %v for ten; want a small constant", small, large)
	}
}
