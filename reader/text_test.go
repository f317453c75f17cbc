package reader

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
)

func TestParseTextLayout(t *testing.T) {
	tests := []struct {
		name, in           string
		title, stand, body string
		tags               []string
		published, author  string
	}{
		{
			name:  "title and body only",
			in:    "Floods close schools\n\nHeavy rain closed schools across the valley on Monday.\n\nClasses resume on Thursday.",
			title: "Floods close schools",
			body:  "Heavy rain closed schools across the valley on Monday.\n\nClasses resume on Thursday.",
		},
		{
			name:  "two standfirst lines, CRLF, BOM, blank-line runs",
			in:    "\uFEFFTown votes on new dam\r\n\r\nResidents split over cost\r\nCouncil to decide in June\r\n\r\n\r\n\r\nVoters in Ashby will decide on Sunday whether the town should borrow to build a dam.\r\nThe vote is binding.\r\n\r\n\r\nTurnout is expected to be high.\r\n",
			title: "Town votes on new dam",
			stand: "Residents split over cost\nCouncil to decide in June",
			body:  "Voters in Ashby will decide on Sunday whether the town should borrow to build a dam.\nThe vote is binding.\n\nTurnout is expected to be high.",
		},
		{
			name:  "standfirst on the line right under the title",
			in:    "Storm hits coast\nThousands without power\n\nA storm with winds of 120 km/h hit the coast overnight, cutting power to thousands of homes.",
			title: "Storm hits coast",
			stand: "Thousands without power",
			body:  "A storm with winds of 120 km/h hit the coast overnight, cutting power to thousands of homes.",
		},
		{
			name:  "a short sentence is body, not standfirst",
			in:    "Mayor resigns\n\nThe mayor resigned.\n\nShe gave no reason.",
			title: "Mayor resigns",
			body:  "The mayor resigned.\n\nShe gave no reason.",
		},
		{
			name:  "short lines with no paragraph after them are body",
			in:    "Shopping list\n\nbread\nmilk\neggs",
			title: "Shopping list",
			body:  "bread\nmilk\neggs",
		},
		{
			name:  "more than three short lines are body",
			in:    "Results\n\nNorth 3\nSouth 1\nEast 2\nWest 0\n\nThe league resumes next week after a two-week break for the cup, officials said on Friday.",
			title: "Results",
			body:  "North 3\nSouth 1\nEast 2\nWest 0\n\nThe league resumes next week after a two-week break for the cup, officials said on Friday.",
		},
		{
			name:      "byline and date lines",
			in:        "Port strike ends\nWorkers accept pay offer\nBy Dana Whitlock and Omar Said\n12 March 2024\n\nDock workers voted on Tuesday to accept a pay offer, ending a strike that lasted three weeks.",
			title:     "Port strike ends",
			stand:     "Workers accept pay offer",
			body:      "Dock workers voted on Tuesday to accept a pay offer, ending a strike that lasted three weeks.",
			published: "2024-03-12",
			author:    "Dana Whitlock and Omar Said",
		},
		{
			name:  "hashtag line, repeats dropped; hashtags elsewhere stay",
			in:    "Rail link opens\n\nThe #rail link between the two cities opened on Friday.\n\n#Transport #Rail_2024 #Transport #Città\n\n",
			title: "Rail link opens",
			body:  "The #rail link between the two cities opened on Friday.",
			tags:  []string{"Transport", "Rail_2024", "Città"},
		},
		{
			name:  "a line with a hashtag and words is not a hashtag line",
			in:    "Quiet day\n\nNothing happened in parliament today.\n\nFollow us at #news for more",
			title: "Quiet day",
			body:  "Nothing happened in parliament today.\n\nFollow us at #news for more",
		},
		{
			name:  "a title alone",
			in:    "  Just a headline  \n\n",
			title: "Just a headline",
		},
		{
			name: "a very long first line is body, not a headline",
			in:   strings.Repeat("word ", 70) + "end.\n\nSecond paragraph.",
			body: strings.Repeat("word ", 70) + "end.\n\nSecond paragraph.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText("in.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Standfirst != tt.stand || a.Body != tt.body {
				t.Errorf("got title %q\nstandfirst %q\nbody %q\nwant title %q\nstandfirst %q\nbody %q", a.Title, a.Standfirst, a.Body, tt.title, tt.stand, tt.body)
			}
			if !slices.Equal(a.Hashtags, tt.tags) {
				t.Errorf("hashtags = %q, want %q", a.Hashtags, tt.tags)
			}
			if a.Published != tt.published || a.Author != tt.author {
				t.Errorf("published %q author %q, want %q %q", a.Published, a.Author, tt.published, tt.author)
			}
			if a.Origin != "in.txt" {
				t.Errorf("origin = %q", a.Origin)
			}
		})
	}
}

func TestParseTextRejects(t *testing.T) {
	tests := []struct {
		name, in, reason string
	}{
		{"empty", "", "empty file"},
		{"whitespace only", " \n\t\r\n \u00a0\n", "empty file"},
		{"BOM only", "\uFEFF\n", "empty file"},
		{"NUL bytes", "Title\n\nBody with a \x00 NUL in it.", "binary content"},
		{"control bytes", strings.Repeat("\x01\x02\x03\x04ab", 50), "binary content"},
		{"invalid UTF-8", "Caf\xe9 opens\n\nThe caf\xe9 opened today.", "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText("bad.txt", []byte(tt.in))
			ie := wantInputError(t, a, err, "bad.txt")
			if !strings.Contains(ie.Reason, tt.reason) {
				t.Errorf("reason = %q, want it to contain %q", ie.Reason, tt.reason)
			}
		})
	}
}

func TestParseTextTooLarge(t *testing.T) {
	data := []byte("Title\n\n" + strings.Repeat("a", article.MaxBytes))
	a, err := ParseText("big.txt", data)
	ie := wantInputError(t, a, err, "big.txt")
	if want := "over the 5242880-byte limit"; !strings.Contains(ie.Reason, want) {
		t.Errorf("reason = %q, want %q", ie.Reason, want)
	}
}

// wantInputError fails the test unless a is nil and err is an *article.InputError naming
// input, and returns it.
func wantInputError(t *testing.T, a *article.Article, err error, input string) *article.InputError {
	t.Helper()
	if a != nil {
		t.Errorf("got an article %+v, want a rejection", a)
	}
	var ie *article.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *article.InputError", err, err)
	}
	if ie.Input != input {
		t.Errorf("input = %q, want %q", ie.Input, input)
	}
	return ie
}
