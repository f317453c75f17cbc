package sqlite

import (
	"strings"

	"github.com/tocsin-project/tocsin/store/textsearch"
)

// Syntax is what a search query may contain, as error messages and the README say it.
const Syntax = textsearch.Syntax

// ftsQuery turns a user's search query into an FTS5 MATCH expression: the query is
// parsed by textsearch.Parse (the syntax, and the *store.QueryError for what tocsin
// does not offer), and each word or phrase is quoted for FTS5, so that FTS5 reads it as
// the tokens it contains, as textsearch.Tokenize splits them ("U.S." is "u s").
func ftsQuery(q string) (string, error) {
	p, err := textsearch.Parse(q)
	if err != nil {
		return "", err
	}
	return fts(p), nil
}

// fts writes q as an FTS5 expression, parenthesised so that FTS5's own precedence
// (NOT, then AND, then OR) cannot regroup it.
func fts(q textsearch.Query) string {
	var b strings.Builder
	if len(q.Excluded) > 0 {
		b.WriteByte('(')
	}
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteString(" AND ")
		}
		writeAlternatives(&b, c)
	}
	if len(q.Excluded) > 0 {
		b.WriteString(") NOT ")
		writeAlternatives(&b, q.Excluded)
	}
	return b.String()
}

func writeAlternatives(b *strings.Builder, ts []textsearch.Term) {
	if len(ts) > 1 {
		b.WriteByte('(')
	}
	for i, t := range ts {
		if i > 0 {
			b.WriteString(" OR ")
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t.Text, `"`, `""`))
		b.WriteByte('"')
		if t.Prefix {
			b.WriteByte('*')
		}
	}
	if len(ts) > 1 {
		b.WriteByte(')')
	}
}
