package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/textsearch"
)

// Full-text search uses PostgreSQL's tsvector and tsquery with GIN indexes, but tocsin
// builds both itself rather than with to_tsvector and to_tsquery: a vector is the
// tokens textsearch.Tokenize makes, folded as it folds them (lower case, diacritics
// removed), with their positions, and a query is textsearch.Parse's terms in the same
// tokens. PostgreSQL's parsers split text otherwise ("al-Quds" is three tokens to
// them, "U.S." a host name), so this is what makes a query match the same articles in
// both stores. No stemming, as in SQLite: "strike" does not match "strikes" (use
// strike*).
//
// PostgreSQL bounds a vector: positions above 16,383 count as 16,383, a lexeme keeps
// at most 256 positions, and the whole vector at most 1 MB. Words are all indexed up
// to maxVectorBytes; phrases are matched by position, so a phrase far into a very long
// article (past some 16,000 words) may be missed.
const (
	maxPosition    = 16383
	maxPositions   = 256
	maxLexemeBytes = 2046
	maxVectorBytes = 900 << 10
)

// vector accumulates a tsvector: each lexeme's positions, and its weight class.
type vector struct {
	pos   map[string][]int
	order []string
	size  int
}

func newVector() *vector { return &vector{pos: map[string][]int{}} }

// add indexes the tokens of text from position first (1-based); it returns the
// position after the last.
func (v *vector) add(text string, first int) int {
	p := first
	for _, t := range textsearch.Tokenize(text) {
		lex := t.Folded
		if len(lex) > maxLexemeBytes {
			p++
			continue
		}
		ps, seen := v.pos[lex]
		if !seen {
			if v.size+len(lex)+8 > maxVectorBytes {
				p++
				continue
			}
			v.order = append(v.order, lex)
			v.size += len(lex) + 8
		}
		if len(ps) < maxPositions {
			at := min(p, maxPosition)
			if len(ps) == 0 || ps[len(ps)-1] != at {
				v.pos[lex] = append(ps, at)
				v.size += 2
			}
		}
		p++
	}
	return p
}

// literal writes the vector as a tsvector literal; positions below weightA get weight
// A (the title's), the others the default D.
func (v *vector) literal(weightA int) string {
	var b strings.Builder
	for i, lex := range v.order {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeLexeme(&b, lex)
		for k, p := range v.pos[lex] {
			if k == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
			if p < weightA {
				b.WriteByte('A')
			}
		}
	}
	return b.String()
}

// writeLexeme writes lex quoted for a tsvector or tsquery literal.
func writeLexeme(b *strings.Builder, lex string) {
	b.WriteByte('\'')
	for _, r := range lex {
		if r == '\'' || r == '\\' {
			b.WriteRune(r)
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
}

// articleVector is the tsvector of an article: its title at weight A, then its text
// from one position further, so that no phrase matches across the two (FTS5 matches
// phrases within a column).
func articleVector(title, text string) string {
	v := newVector()
	next := v.add(title, 1)
	v.add(text, next+1)
	return v.literal(next)
}

// sentenceVector is the tsvector of a sentence.
func sentenceVector(text string) string {
	v := newVector()
	v.add(text, 1)
	return v.literal(0)
}

// tsquery writes a parsed query as a tsquery literal: each term its tokens joined by
// <-> (a phrase), its last token a prefix (:*) when the term is one; the alternatives
// of a clause joined by |, the clauses by &, and the excluded terms as & !(...).
func tsquery(q textsearch.Query) string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteString(" & ")
		}
		writeAlternatives(&b, c)
	}
	if len(q.Excluded) > 0 {
		b.WriteString(" & !")
		writeAlternatives(&b, q.Excluded)
	}
	return b.String()
}

func writeAlternatives(b *strings.Builder, ts []textsearch.Term) {
	b.WriteByte('(')
	for i, t := range ts {
		if i > 0 {
			b.WriteString(" | ")
		}
		toks := textsearch.Tokenize(t.Text)
		b.WriteByte('(')
		for k, tok := range toks {
			if k > 0 {
				b.WriteString(" <-> ")
			}
			writeLexeme(b, tok.Folded)
			if t.Prefix && k == len(toks)-1 {
				b.WriteString(":*")
			}
		}
		b.WriteByte(')')
	}
	b.WriteByte(')')
}

// textQuery parses a user's query into a tsquery literal, or a *store.QueryError.
func textQuery(q string) (string, textsearch.Query, error) {
	p, err := textsearch.Parse(q)
	if err != nil {
		return "", p, err
	}
	return tsquery(p), p, nil
}

// filterQuery is textQuery for the q filter of events and stories: its errors are a
// *store.FilterError naming q.
func filterQuery(q string) (string, error) {
	tsq, _, err := textQuery(q)
	if err != nil {
		reason := err.Error()
		if qe, ok := err.(*store.QueryError); ok {
			reason = qe.Reason
		}
		return "", &store.FilterError{Name: "q", Value: q, Reason: reason}
	}
	return tsq, nil
}

// rankWeights are ts_rank's weights of the classes D, C, B, A: a title match (A)
// weighs four times a match in the text, as in SQLite's bm25(4.0, 1.0).
const rankWeights = `'{0.25, 0.25, 0.25, 1.0}'`

// Search runs a full-text query over titles and texts and returns one page of hits,
// best first (ts_rank, a title match weighing four times a text match; ties newest
// stored first), and the number of matching articles. Queries have the syntax of
// textsearch.Parse; one it rejects is a *store.QueryError. Ranking runs in one
// statement, which pgx cancels on the server when ctx ends; snippets are computed in
// Go over the first textsearch.SnippetScan characters of each hit.
func (s *Store) Search(ctx context.Context, q string, page store.Page) ([]store.Hit, int, error) {
	tsq, p, err := textQuery(q)
	if err != nil {
		return nil, 0, err
	}
	hits, total, err := s.search(ctx, tsq, page)
	if pgCode(err) == "22P02" || pgCode(err) == "42601" { // a tsquery PostgreSQL cannot read
		return nil, 0, &store.QueryError{Query: q, Reason: err.Error()}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store/postgres: search %q: %w", q, err)
	}
	terms := p.Positive()
	for i := range hits {
		hits[i].Snippet, hits[i].Highlights = textsearch.Snippet(hits[i].Snippet, terms)
	}
	return hits, total, nil
}

func (s *Store) search(ctx context.Context, tsq string, page store.Page) ([]store.Hit, int, error) {
	limit, offset := window(page)
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles WHERE tsv @@ $1::tsquery`, tsq).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+`, left(a.text, $2)
		FROM articles a WHERE a.tsv @@ $1::tsquery
		ORDER BY ts_rank(`+rankWeights+`, a.tsv, $1::tsquery) DESC, a.seq DESC
		LIMIT $3 OFFSET $4`, tsq, textsearch.SnippetScan, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	hits := []store.Hit{}
	for rows.Next() {
		var h store.Hit
		if err := scanSummary(rows, &h.Summary, &h.Snippet); err != nil {
			return nil, 0, err
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	return hits, total, nil
}
