package quote

import (
	"bufio"
	"strings"
	"testing"
)

// sections reads an embedded vocabulary file into its phrases by label.
func sections(t *testing.T, name string) map[string][]string {
	t.Helper()
	b, err := vocabFS.ReadFile("vocab/" + name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	label := ""
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			label = strings.Trim(line, "[]")
		default:
			out[label] = append(out[label], line)
		}
	}
	return out
}

// TestCueSubclassesAreCues: [tell], [invert] and [accuse] refine [speech]; a phrase only
// in a subclass would never be read as a cue.
func TestCueSubclassesAreCues(t *testing.T) {
	s := sections(t, "speech.vocab")
	speech := map[string]bool{}
	for _, p := range s["speech"] {
		speech[p] = true
	}
	for _, label := range []string{"tell", "invert", "accuse"} {
		if len(s[label]) == 0 {
			t.Errorf("[%s] is empty", label)
		}
		for _, p := range s[label] {
			if !speech[p] {
				t.Errorf("[%s] %q is not under [speech]", label, p)
			}
		}
	}
}

func TestExtraVocabulary(t *testing.T) {
	body := "The harbour master opined that the storm had passed."
	if d := analyze(t, "Storm", body); len(d.Quotes) != 0 {
		t.Fatalf("\"opined\" is a cue before it is added:\n%s", dump(d))
	}
	s, err := New(strings.NewReader("# site words\n[speech]\nopined\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := analyze(t, "Storm", body)
	if err := s.Annotate(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Cue != "opined" || d.Quotes[0].Speaker.Text != "The harbour master" ||
		d.Quotes[0].Text != "the storm had passed" {
		t.Errorf("with an extra cue:\n%s", dump(d))
	}
}

func TestExtraVocabularyErrors(t *testing.T) {
	for _, src := range []string{"[speach]\nopined\n", "opined\n"} {
		_, err := New(strings.NewReader("[speech]\nsaid\n"), strings.NewReader(src))
		if err == nil || !strings.Contains(err.Error(), "extra#2:") {
			t.Errorf("New with %q: error %v, want one naming extra#2 and the line", src, err)
		}
	}
}

// TestLabels: every label named in errors is known, with its own feature, and every
// heading in the embedded files is one of them.
func TestLabels(t *testing.T) {
	seen := map[feat]string{}
	for _, l := range strings.Split(labelNames, ", ") {
		f, ok := labelFeat(l)
		if !ok || f == 0 {
			t.Errorf("label %q is not known", l)
		}
		if other, dup := seen[f]; dup {
			t.Errorf("labels %q and %q share a feature", l, other)
		}
		seen[f] = l
	}
	for _, file := range []string{"speech.vocab", "people.vocab", "grammar.vocab"} {
		for label := range sections(t, file) {
			if _, ok := labelFeat(label); !ok {
				t.Errorf("%s: unknown heading [%s]", file, label)
			}
		}
	}
}
