// Package article holds an article as a reader delivers it, before any analysis:
// the fields a news item has, and the limits every reader enforces.
package article

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxBytes is the largest article body (or input file, for single-article formats) that
// tocsin accepts: 5 MiB. Larger inputs are rejected with a clear message, not truncated,
// because a truncated article would silently lose events.
const MaxBytes = 5 << 20

// Article is one news item as read from a file, a feed, a web page or an API request.
type Article struct {
	Title      string
	Standfirst string   // sub-headline or caption lines between headline and body
	Body       string   // paragraphs separated by blank lines
	Hashtags   []string // without the leading '#'
	Published  string   // ISO-8601 date or date-time; "" when unknown
	Source     string   // outlet or feed name
	URL        string
	Author     string
	Language   string // ISO 639-1 when the input declares it
	// Origin names where the article came from (a path, "path:line", a URL) for messages.
	Origin string
}

// Validate reports why a is not an acceptable article, or nil.
func (a *Article) Validate() error {
	if strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Body) == "" {
		return fmt.Errorf("empty article: no title and no text")
	}
	if n := len(a.Title) + len(a.Standfirst) + len(a.Body); n > MaxBytes {
		return fmt.Errorf("article is %d bytes, over the %d-byte limit", n, MaxBytes)
	}
	for name, s := range map[string]string{"title": a.Title, "standfirst": a.Standfirst, "text": a.Body} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s is not valid UTF-8", name)
		}
		if looksBinary(s) {
			return fmt.Errorf("%s looks like binary data, not text", name)
		}
	}
	return nil
}

// looksBinary reports whether s holds NUL bytes or a high share of control characters.
func looksBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	ctrl, n := 0, 0
	for _, r := range s {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
		if n == 4096 {
			break
		}
	}
	return n > 0 && ctrl*20 > n
}

// InputError says that one input (a file, a line of a file, a feed item) was rejected.
type InputError struct {
	Input  string
	Reason string
}

func (e *InputError) Error() string { return e.Input + ": " + e.Reason }

// Reject builds an InputError for input with a formatted reason.
func Reject(input, format string, args ...any) *InputError {
	return &InputError{Input: input, Reason: fmt.Sprintf(format, args...)}
}
