package reader

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tocsin-project/tocsin/article"
)

// bom is the UTF-8 byte-order mark, which editors on some systems put at the start of files.
var bom = []byte("\uFEFF")

// textProblem says why data cannot be read as text, or returns "" when it can. Binary
// content is reported before invalid UTF-8 because a binary file is usually both, and
// "binary" is the more useful thing to hear.
func textProblem(data []byte) string {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "empty file"
	case looksBinary(data):
		return "binary content (NUL or control bytes), not text"
	case !utf8.Valid(data):
		return "not valid UTF-8"
	}
	return ""
}

// looksBinary reports NUL bytes anywhere, or a high share of control characters in the
// first 4 KiB, the same test article.Validate applies to the fields it checks.
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data[:min(len(data), 4096)]
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// sizeReason words an over-limit input of n bytes.
func sizeReason(what string, n, max int64) string {
	return fmt.Sprintf("%s is %d bytes, over the %d-byte limit", what, n, max)
}

// finish validates a and checks that every field is valid UTF-8, returning the InputError
// that names a.Origin when it is not acceptable.
func finish(a *article.Article) (*article.Article, error) {
	if err := a.Validate(); err != nil {
		return nil, &article.InputError{Input: a.Origin, Reason: err.Error()}
	}
	for _, s := range append([]string{a.Published, a.Source, a.URL, a.Author, a.Language}, a.Hashtags...) {
		if !utf8.ValidString(s) {
			return nil, article.Reject(a.Origin, "not valid UTF-8")
		}
	}
	return a, nil
}

// normLang reduces a declared language tag ("en-GB", "EN_us", "fr", "eng") to its ISO
// 639-1 primary subtag (ISO 639-3 where none exists), or "" when the tag does not start
// with a language code.
func normLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 || strings.Trim(tag, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	// "eng" and "en" are one language: stages bound to English know it as "en".
	if b, err := language.ParseBase(tag); err == nil {
		return b.String()
	}
	return tag
}
