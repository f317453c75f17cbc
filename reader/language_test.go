package reader

import "testing"

// TestDeclaredLanguage: a declared language is kept in its ISO 639-1 form, whatever the
// form it is declared in; what is not a language code is dropped.
func TestDeclaredLanguage(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "EN-gb": "en", "en_US": "en", "eng": "en", "fas": "fa", "fr": "fr", "english": "", "e": "", "1x": ""} {
		if got := normLang(in); got != want {
			t.Errorf("normLang(%q) = %q, want %q", in, got, want)
		}
	}
}
