package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/tocsin-project/tocsin/store"
)

// SnippetEllipsis marks text cut off at either end of a snippet.
const SnippetEllipsis = "…"

// Snippet bounds. A snippet is computed by tocsin, not by FTS5's snippet(), whose cost
// grows with the square of a word's repeats in one article (15 s for one word repeated
// 40,000 times): tocsin reads at most snippetScan characters of each hit's text and
// shows about snippetTokens tokens around the first match found there (the start of the
// text when the first match lies further on).
const (
	snippetTokens = 24
	snippetBefore = 6 // tokens shown before the first match
	snippetScan   = 64 << 10
)

// Search runs a full-text query over titles and texts and returns one page of hits,
// best match first (bm25, a title match weighing more), and the number of matching
// articles. See ftsQuery for what a query may contain; a query with nothing to search
// for, or with syntax tocsin does not offer, is a *store.QueryError. A Page.Limit of
// zero or less means DefaultLimit.
//
// The cost of a search is bounded whatever the articles hold: ranking is FTS5's and
// runs in the first step of one statement, which the driver interrupts when ctx ends
// (it does not interrupt later steps, so no statement here does work per row beyond
// copying it), and snippets are computed in Go over a bounded prefix of each hit.
func (s *Store) Search(ctx context.Context, q string, page store.Page) ([]store.Hit, int, error) {
	p, err := parseQuery(q)
	if err != nil {
		return nil, 0, err
	}
	hits, total, err := s.search(ctx, p.fts(), page)
	if reason, ok := ftsError(err); ok {
		return nil, 0, &store.QueryError{Query: q, Reason: reason}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store/sqlite: search %q: %w", q, err)
	}
	terms := p.positive()
	for i := range hits {
		hits[i].Snippet, hits[i].Highlights = snippet(hits[i].Snippet, terms)
	}
	return hits, total, nil
}

// search returns the page of hits for an FTS5 MATCH expression, each hit's Snippet
// holding the first snippetScan characters of its text.
func (s *Store) search(ctx context.Context, match string, page store.Page) ([]store.Hit, int, error) {
	limit, offset := window(page)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()

	var total int
	const count = `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`
	if err := tx.QueryRowContext(ctx, count, match).Scan(&total); err != nil {
		return nil, 0, err
	}
	// rank is bm25 with the column weights the schema configures; seq breaks ties so
	// that pages do not overlap. The ORDER BY makes SQLite rank every match before
	// the first row comes out, inside the step the driver can interrupt.
	const q = `SELECT ` + summaryColumns + `, substr(a.text, 1, ?)
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY articles_fts.rank, a.seq DESC
		LIMIT ? OFFSET ?`
	rows, err := tx.QueryContext(ctx, q, snippetScan, match, limit, offset)
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

// span is a token of a text: its byte offsets and its folded form.
type span struct {
	start, end int
	folded     string
}

// tokenize splits text into the tokens FTS5's unicode61 tokenizer would make, each
// folded as it folds them (lower case, diacritics removed).
func tokenize(text string) []span {
	var toks []span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isTokenRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isTokenRune(r) {
				break
			}
			j += n
		}
		toks = append(toks, span{start: i, end: j, folded: fold(text[i:j])})
		i = j
	}
	return toks
}

// fold lower-cases s and removes its diacritics, as "remove_diacritics 2" does.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// matchAt returns how many tokens of toks, from i, the term t matches (0 for none).
func matchAt(toks []span, i int, t []string, prefix bool) int {
	if len(t) == 0 || i+len(t) > len(toks) {
		return 0
	}
	for k, w := range t {
		got := toks[i+k].folded
		if k == len(t)-1 && prefix {
			if !strings.HasPrefix(got, w) {
				return 0
			}
		} else if got != w {
			return 0
		}
	}
	return len(t)
}

// snippet returns about snippetTokens tokens of text around the first match of one of
// terms, on one line, and the byte offsets in it of every match it shows. Its cost is
// linear in len(text).
func snippet(text string, terms []term) (string, []store.Highlight) {
	toks := tokenize(text)
	marks := []store.Highlight{}
	if len(toks) == 0 {
		return "", marks
	}
	words := make([][]string, len(terms))
	for i, t := range terms {
		for _, tok := range tokenize(t.text) {
			words[i] = append(words[i], tok.folded)
		}
	}
	// match returns the length in tokens of the longest term matching at token i.
	match := func(i int) int {
		best := 0
		for k, t := range terms {
			best = max(best, matchAt(toks, i, words[k], t.prefix))
		}
		return best
	}
	first := 0
	for i := range toks {
		if match(i) > 0 {
			first = i
			break
		}
	}
	from := max(0, first-snippetBefore)
	to := min(len(toks), from+snippetTokens)

	var b strings.Builder
	if from > 0 {
		b.WriteString(SnippetEllipsis)
	}
	markEnd := -1 // the token index where the open highlight ends
	for i := from; i < to; i++ {
		if i > from {
			writeCollapsed(&b, text[toks[i-1].end:toks[i].start])
		} else if i > 0 {
			b.WriteByte(' ')
		}
		if i >= markEnd {
			if n := match(i); n > 0 && i+n <= to {
				marks = append(marks, store.Highlight{Start: b.Len()})
				markEnd = i + n
			}
		}
		b.WriteString(text[toks[i].start:toks[i].end])
		if i+1 == markEnd {
			marks[len(marks)-1].End = b.Len()
		}
	}
	if to < len(toks) {
		b.WriteString(" " + SnippetEllipsis)
	}
	return b.String(), marks
}

// writeCollapsed writes s with each run of white space, line breaks included, as one
// space.
func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// summaryColumns are the columns of articles, aliased a, that scanSummary reads.
const summaryColumns = `a.id, a.title, a.published, a.source, a.url, a.language, a.ingested_at`

// scanSummary scans summaryColumns into sum, and any further columns into extra.
func scanSummary(rows *sql.Rows, sum *store.Summary, extra ...any) error {
	var ingested string
	dest := append([]any{&sum.ID, &sum.Title, &sum.Published, &sum.Source, &sum.URL,
		&sum.Language, &ingested}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	t, err := time.Parse(timeLayout, ingested)
	if err != nil {
		return fmt.Errorf("article %q: ingested_at: %w", sum.ID, err)
	}
	sum.Ingested = t
	return nil
}

// ftsError reports whether err is FTS5 rejecting a MATCH expression, and why.
func ftsError(err error) (reason string, ok bool) {
	var se *msqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_ERROR {
		return "", false
	}
	msg := se.Error() // e.g. `SQL logic error: fts5: syntax error near "" (1)`
	for _, marker := range []string{"fts5: ", "malformed MATCH", "unknown special query"} {
		if i := strings.Index(msg, marker); i >= 0 {
			msg = msg[i:]
			if j := strings.LastIndex(msg, " ("); j > 0 && strings.HasSuffix(msg, ")") {
				msg = msg[:j] // the result code
			}
			return msg, true
		}
	}
	return "", false
}
