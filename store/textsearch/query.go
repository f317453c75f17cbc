// Package textsearch is the user's full-text query language and the search snippets,
// shared by the stores: Parse reads a query into clauses of words and phrases, each
// store writes it in its engine's own syntax (FTS5's MATCH, PostgreSQL's tsquery),
// and Snippet shows the matches of a hit with byte-offset highlights. Tokenize splits
// text as SQLite FTS5's unicode61 tokenizer does, so that both stores index and match
// the same tokens.
package textsearch

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/store"
)

// MaxTerms bounds the number of terms in a search query.
const MaxTerms = 64

// Syntax is what a search query may contain, as error messages and the README say it.
const Syntax = `words (all must match), "a phrase", prefix* (a word or phrase that starts so), ` +
	`-word or -"a phrase" to leave out articles that contain it, and OR between alternatives`

// Query is a parsed search query: every clause must match (a clause matches when one of
// its alternatives does), and no excluded term may.
type Query struct {
	Clauses  [][]Term
	Excluded []Term
}

// Term is a word or a phrase of a search query.
type Term struct {
	Text   string
	Prefix bool // its last token is a prefix
}

// Positive returns the terms whose matches a snippet shows.
func (q Query) Positive() []Term {
	var ts []Term
	for _, c := range q.Clauses {
		ts = append(ts, c...)
	}
	return ts
}

// reserved are the engine operators a query may not use, with what to write instead.
var reserved = map[string]string{
	"AND":  "words are all required already",
	"NOT":  "write -word to leave a word out",
	"NEAR": "proximity search is not supported",
}

// token is one lexical item of a query: a term (possibly excluded) or the OR operator.
type token struct {
	Term
	or, exclude bool
}

// Parse parses a user's search query. The rules:
//
//   - Words are separated by white space, and every word must match (implicit AND).
//     A word is searched as the tokens it contains (Tokenize), in sequence: "U.S.",
//     "Kerman's" or "al-Quds" are "u s", "kerman s", "al quds".
//   - Text between double quotes ("..." or “...”) is a phrase; an unclosed quote runs
//     to the end of the query.
//   - A trailing * on a word or a closing quote makes its last token a prefix:
//     Solei* matches Soleimani, "Qasem Solei"* matches the phrase Qasem Soleimani.
//   - A word or phrase preceded by - leaves out the articles that contain it, whatever
//     else they match: `iran -iraq`.
//   - OR (in capitals) between two terms matches either; it binds tighter than the
//     implicit AND: `iran OR iraq sanctions` is (iran OR iraq) AND sanctions.
//   - Words and phrases with no letter or digit (a lone dash, "&", "*") are dropped,
//     as are control characters and invalid UTF-8.
//
// AND, NOT and NEAR in capitals, parentheses, and a term starting with ^ or + are
// engine syntax tocsin does not offer: they, a query left with no terms to look for,
// and one with more than MaxTerms terms are a *store.QueryError saying what is allowed.
func Parse(q string) (Query, error) {
	bad := func(format string, args ...any) (Query, error) {
		return Query{}, &store.QueryError{Query: q, Reason: fmt.Sprintf(format, args...) + "; a query may use " + Syntax}
	}
	toks, err := lexQuery(q)
	if err != nil {
		return bad("%s", err.Error())
	}
	var p Query
	n := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.or:
			return bad("OR needs a word or phrase on each side")
		case t.exclude:
			p.Excluded = append(p.Excluded, t.Term)
			n++
			continue
		}
		alts := []Term{t.Term}
		n++
		for i+2 < len(toks) && toks[i+1].or && !toks[i+2].or {
			if toks[i+2].exclude {
				return bad("OR cannot join an excluded term (-word)")
			}
			alts = append(alts, toks[i+2].Term)
			n++
			i += 2
		}
		if i+1 < len(toks) && toks[i+1].or {
			return bad("OR needs a word or phrase on each side")
		}
		p.Clauses = append(p.Clauses, alts)
	}
	switch {
	case n > MaxTerms:
		return Query{}, &store.QueryError{Query: q, Reason: fmt.Sprintf("too many words (the limit is %d)", MaxTerms)}
	case len(p.Clauses) == 0 && len(p.Excluded) > 0:
		return bad("nothing to look for, only words to leave out")
	case len(p.Clauses) == 0:
		return Query{}, &store.QueryError{Query: q, Reason: "no words to search for"}
	}
	return p, nil
}

// lexQuery splits a query into terms and OR operators.
func lexQuery(q string) ([]token, error) {
	q = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)

	var toks []token
	add := func(text string, prefix, exclude bool) {
		text = strings.TrimSpace(text)
		if strings.IndexFunc(text, IsTokenRune) >= 0 {
			toks = append(toks, token{Term: Term{Text: text, Prefix: prefix}, exclude: exclude})
		}
	}
	for q != "" {
		r, n := utf8.DecodeRuneInString(q)
		if unicode.IsSpace(r) {
			q = q[n:]
			continue
		}
		exclude := false
		if r == '-' && len(q) > 1 {
			if r2, _ := utf8.DecodeRuneInString(q[1:]); isQuote(r2) || IsTokenRune(r2) {
				exclude = true
				q = q[1:]
				r, n = utf8.DecodeRuneInString(q)
			}
		}
		if isQuote(r) {
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
			add(phrase, len(rest) < len(q), exclude)
			q = rest
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || isQuote(r) })
		if end < 0 {
			end = len(q)
		}
		word := q[:end]
		q = q[end:]
		if word == "OR" && !exclude {
			toks = append(toks, token{or: true})
			continue
		}
		kw, _, _ := strings.Cut(word, "(")
		if why, ok := reserved[kw]; ok && !exclude {
			return nil, fmt.Errorf("%s is not an operator here (%s)", kw, why)
		}
		if strings.ContainsAny(word, "()") {
			return nil, fmt.Errorf("parentheses cannot group terms (in %q)", word)
		}
		if strings.HasPrefix(word, "^") || strings.HasPrefix(word, "+") {
			return nil, fmt.Errorf("%q: a term may not start with %s", word, word[:1])
		}
		stem := strings.TrimRight(word, "*")
		add(stem, len(stem) < len(word), exclude)
	}
	return toks, nil
}

// isQuote reports whether r delimits a phrase: the ASCII double quote, or the curly
// double quotes that text pasted from an article brings along.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// IsTokenRune reports whether FTS5's unicode61 tokenizer keeps r in a token (its
// default token categories are L*, N* and Co); every other rune separates tokens.
func IsTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}
