package segment

import (
	"strings"
	"testing"
)

func texts(text string) []string {
	toks := Tokenize(text)
	var out []string
	for _, s := range Sentences(text, toks, Paragraphs(text)) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"titles without dots", "Maj Gen Ali Rahimi said the talks had failed. Mr Hollis disagreed.",
			[]string{"Maj Gen Ali Rahimi said the talks had failed.", "Mr Hollis disagreed."}},
		{"titles with dots", "Lt. Col. Dana Brooks met Gen. Okafor on Monday. Dr. Lee was absent.",
			[]string{"Lt. Col. Dana Brooks met Gen. Okafor on Monday.", "Dr. Lee was absent."}},
		{"U.S. mid-sentence", "The U.S. military said it had moved two ships. Talks resumed.",
			[]string{"The U.S. military said it had moved two ships.", "Talks resumed."}},
		{"U.S. at sentence end", "Sanctions were imposed by the U.S. The measures take effect soon.",
			[]string{"Sanctions were imposed by the U.S.", "The measures take effect soon."}},
		{"U.S. before a name", "The U.S. President spoke on the phone with officials.",
			[]string{"The U.S. President spoke on the phone with officials."}},
		{"months with dots", "The attacks of Sept. 11 changed the region. On Jan. 3 the strike came.",
			[]string{"The attacks of Sept. 11 changed the region.", "On Jan. 3 the strike came."}},
		{"run-on", "Crowds filled the streets of Mosul.This was the largest rally in years.",
			[]string{"Crowds filled the streets of Mosul.", "This was the largest rally in years."}},
		{"mixed quotes", "The minister said: \"We will rebuild every house”, as aid arrived. “Nobody will be left behind,\" she added.",
			[]string{"The minister said: \"We will rebuild every house”, as aid arrived.", "“Nobody will be left behind,\" she added."}},
		{"backtick quotes", "The ban was extended. ``We do not need aircraft,'' he said. Then ``It is over.'' Talks ended.",
			[]string{"The ban was extended.", "``We do not need aircraft,'' he said.", "Then ``It is over.''", "Talks ended."}},
		{"quote ends sentence", "He said: \"The border is closed.\" Trucks turned back.",
			[]string{"He said: \"The border is closed.\"", "Trucks turned back."}},
		{"question in quote", "\"Where is the water?\" asked a farmer. Nobody answered.",
			[]string{"\"Where is the water?\" asked a farmer.", "Nobody answered."}},
		{"numbers", "The toll rose to 1,200 by 10:30 on Friday. It was 3.5 times higher.",
			[]string{"The toll rose to 1,200 by 10:30 on Friday.", "It was 3.5 times higher."}},
		{"initials", "The report by J. R. Malik was published. It cited 40 sources.",
			[]string{"The report by J. R. Malik was published.", "It cited 40 sources."}},
		{"paragraphs", "Headline without a stop\n\nFirst paragraph here. Second sentence.",
			[]string{"Headline without a stop", "First paragraph here.", "Second sentence."}},
		{"ellipsis", "They waited... Nothing happened.", []string{"They waited...", "Nothing happened."}},
	}
	for _, c := range cases {
		got := texts(c.text)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Soleimani's hometown", "Soleimani|'s|hometown"},
		{"Iran’s attacks don't stop", "Iran|’s|attacks|do|n't|stop"},
		{"the Iranians' anger", "the|Iranians|'|anger"},
		{"O'Brien met anti-American crowds", "O'Brien|met|anti-American|crowds"},
		{"$1,200.50 (about 50%)", "$|1,200.50|(|about|50|%|)"},
		{"in Iran.This was", "in|Iran|.|This|was"},
		{"the U.S. military", "the|U.S.|military"},
		{"#Iran #UnitedStates", "#Iran|#UnitedStates"},
		{"see https://example.org/a?b=1.", "see|https://example.org/a?b=1|."},
		{"AT&T and “confident”", "AT&T|and|“|confident|”"},
	}
	for _, c := range cases {
		var got []string
		for _, tok := range Tokenize(c.text) {
			if c.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has offsets %d-%d", c.text, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("Tokenize(%q) = %s, want %s", c.text, g, c.want)
		}
	}
}

func TestTokenizePhrase(t *testing.T) {
	// A vocabulary phrase keeps the dots of its abbreviations, as text before a name
	// does ("Gen. Mark Milley"); other punctuation stays apart.
	cases := []struct{ text, want string }{
		{"gen.", "gen."},
		{"maj. gen.", "maj.|gen."},
		{"SEN.", "SEN."},
		{"U.S. military", "U.S.|military"},
		{"secretary of state", "secretary|of|state"},
		{"AMERICA (US)", "AMERICA|(|US|)"},
	}
	for _, c := range cases {
		var got []string
		for _, tok := range TokenizePhrase(c.text) {
			if c.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has offsets %d-%d", c.text, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("TokenizePhrase(%q) = %s, want %s", c.text, g, c.want)
		}
	}
	if g := Tokenize("Gen. Mark Milley"); g[0].Text != "Gen." {
		t.Errorf("Tokenize gives %q before a name, which TokenizePhrase(\"gen.\") must match", g[0].Text)
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\ufeffTitle\r\n\r\n\r\nBody  one\u00a0two\r\nline", "Title\n\nBody one two\nline"},
		{"  lead  \n\n\n\n tail ", "lead\n\ntail"},
		{"e\u0301te\u200b", "éte"}, // NFC composes; zero-width space dropped
		{"a\u2029b", "a\n\nb"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := NormalizeLine("  Two\nlines "); got != "Two lines" {
		t.Errorf("NormalizeLine = %q", got)
	}
}
