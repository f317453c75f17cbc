package export

import (
	"strings"
	"testing"
)

// The byte loops of the writers give what the plain string functions give.
func TestAppendHelpers(t *testing.T) {
	for _, s := range []string{"", "Tehran", "Islamic Revolutionary Guard Corps", "a\tb\r\nc", "Zürich", "straße\t1",
		"İstanbul", "\"quoted\", said", "x,y", "line\nbreak", "ǅemal"} {
		if got, want := string(appendUpperClean([]byte("<"), s)), "<"+string(appendClean(nil, strings.ToUpper(s))); got != want {
			t.Errorf("appendUpperClean(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendClean([]byte("<"), s)), "<"+strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s); got != want {
			t.Errorf("appendClean(%q) = %q, want %q", s, got, want)
		}
		if got, want := needsQuotes(s), strings.ContainsAny(s, ",\"\r\n"); got != want {
			t.Errorf("needsQuotes(%q) = %v, want %v", s, got, want)
		}
	}
}
