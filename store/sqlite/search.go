package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/textsearch"
)

// SnippetEllipsis marks text cut off at either end of a snippet.
const SnippetEllipsis = textsearch.SnippetEllipsis

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
	p, err := textsearch.Parse(q)
	if err != nil {
		return nil, 0, err
	}
	hits, total, err := s.search(ctx, fts(p), page)
	if reason, ok := ftsError(err); ok {
		return nil, 0, &store.QueryError{Query: q, Reason: reason}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store/sqlite: search %q: %w", q, err)
	}
	terms := p.Positive()
	for i := range hits {
		hits[i].Snippet, hits[i].Highlights = textsearch.Snippet(hits[i].Snippet, terms)
	}
	return hits, total, nil
}

// search returns the page of hits for an FTS5 MATCH expression, each hit's Snippet
// holding the first textsearch.SnippetScan characters of its text.
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
	rows, err := tx.QueryContext(ctx, q, textsearch.SnippetScan, match, limit, offset)
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
