package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/store"
)

// maxTerms bounds the number of terms in a search query.
const maxTerms = 64

// ftsQuery turns a user's search query into an FTS5 MATCH expression that cannot be a
// syntax error. The rules:
//
//   - Words are separated by white space, and every word must match (implicit AND).
//     FTS5 operators (AND, OR, NOT, NEAR, column:, ^, +, -, parentheses) have no special
//     meaning: each word is quoted, so "U.S.", "Kerman's" or "al-Quds" are searched as
//     the tokens they contain, in sequence ("u s", "kerman s", "al quds").
//   - Text between double quotes ("..." or “...”) is a phrase; an unclosed quote runs
//     to the end of the query.
//   - A trailing * on a word or a closing quote makes its last token a prefix:
//     Solei* matches Soleimani, "Qasem Solei"* matches the phrase Qasem Soleimani.
//   - Words and phrases with no letter or digit (a lone dash, "&", "*") are dropped,
//     as are control characters and invalid UTF-8.
//
// A query left with no terms, or with more than maxTerms, is a *store.QueryError.
func ftsQuery(query string) (string, error) {
	terms := splitQuery(query)
	if len(terms) == 0 {
		return "", &store.QueryError{Query: query, Reason: "no words to search for"}
	}
	if len(terms) > maxTerms {
		return "", &store.QueryError{Query: query, Reason: "too many words (the limit is 64)"}
	}
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t.text, `"`, `""`))
		b.WriteByte('"')
		if t.prefix {
			b.WriteByte('*')
		}
	}
	return b.String(), nil
}

// term is a word or a phrase of a search query.
type term struct {
	text   string
	prefix bool
}

// splitQuery splits a query into its searchable terms.
func splitQuery(q string) []term {
	q = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)

	var terms []term
	add := func(text string, prefix bool) {
		text = strings.TrimSpace(text)
		if strings.IndexFunc(text, isTokenRune) >= 0 {
			terms = append(terms, term{text: text, prefix: prefix})
		}
	}
	for q != "" {
		r, n := utf8.DecodeRuneInString(q)
		switch {
		case unicode.IsSpace(r):
			q = q[n:]
		case isQuote(r):
			q = q[n:]
			end := strings.IndexFunc(q, isQuote)
			if end < 0 {
				end = len(q)
			}
			phrase := q[:end]
			q = q[end:]
			if q != "" {
				_, n := utf8.DecodeRuneInString(q)
				q = q[n:] // the closing quote
			}
			rest := strings.TrimLeft(q, "*")
			add(phrase, len(rest) < len(q))
			q = rest
		default:
			end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || isQuote(r) })
			if end < 0 {
				end = len(q)
			}
			word := q[:end]
			q = q[end:]
			stem := strings.TrimRight(word, "*")
			add(stem, len(stem) < len(word))
		}
	}
	return terms
}

// isQuote reports whether r delimits a phrase: the ASCII double quote, or the curly
// double quotes that text pasted from an article brings along.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// isTokenRune reports whether FTS5's unicode61 tokenizer keeps r in a token (its
// default token categories are L*, N* and Co); every other rune separates tokens.
func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}
