package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// timeLayout is how ingested_at is stored: always UTC and fixed-width, so that the
// text order is the time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// DefaultLimit is the page size used when Page.Limit is zero or negative.
const DefaultLimit = 50

// Put stores d, all layers included, in one transaction. It reports created=false, and
// changes nothing, when an article with d's ID is already stored. Nil layers are stored
// as empty arrays; d itself is not modified.
func (s *Store) Put(ctx context.Context, d *doc.Document) (created bool, err error) {
	if d == nil {
		return false, errors.New("store/sqlite: put: nil document")
	}
	if d.ID == "" {
		return false, errors.New("store/sqlite: put: document has no ID")
	}
	created, err = s.put(ctx, d)
	if cerr := ctx.Err(); err != nil && cerr != nil {
		// A context that ends mid-transaction has database/sql roll the transaction back
		// from another goroutine and close its prepared statements, so the statement
		// that runs next fails with "sql: statement is closed" or sql.ErrTxDone, which
		// is no fault of the store: report the cause (a 1M-event bench store stopped
		// with SIGTERM ended on "candidates of unit 1 ...: sql: statement is closed").
		err = cerr
	}
	if err != nil {
		return false, fmt.Errorf("store/sqlite: put %q: %w", d.ID, err)
	}
	return created, nil
}

func (s *Store) put(ctx context.Context, d *doc.Document) (bool, error) {
	c := *d // a shallow copy, so that Normalize leaves the caller's document alone
	c.Normalize()
	js, err := json.Marshal(&c)
	if err != nil {
		return false, err
	}

	unlock, err := s.lockWrite(ctx)
	if err != nil {
		return false, err
	}
	defer unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()

	// The FTS row is written by the articles_fts_insert trigger, in this transaction.
	const insert = `INSERT INTO articles (id, title, standfirst, published, source, url, author,
		language, origin, text, body_start, doc_json, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`
	// The time is taken under the write lock, so ingestion order follows commit order.
	now := time.Now().UTC().Format(timeLayout)
	res, err := tx.ExecContext(ctx, insert, c.ID, c.Title, c.Standfirst, c.Published, c.Source,
		c.URL, c.Author, c.Language, c.Origin, c.Text, c.BodyStart, string(js), now)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil // already stored; the deferred rollback ends the transaction
	}
	// The event dataset's rows go in the same transaction: never an article without
	// its rows, nor rows without their article.
	seq, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if err := writeRowsRecords(ctx, tx, seq, now, &c); err != nil {
		return false, err
	}
	// Stories are linked in the same transaction, after the rows they point to.
	if err := s.link.article(ctx, tx, seq, &c); err != nil {
		return false, fmt.Errorf("stories: %w", err)
	}
	if s.beforeCommit != nil {
		s.beforeCommit()
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return true, nil
}

// Get returns the document with the given ID, or an error wrapping store.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*doc.Document, error) {
	var js string
	err := s.db.QueryRowContext(ctx, `SELECT doc_json FROM articles WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store/sqlite: get %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: get %q: %w", id, err)
	}
	d := new(doc.Document)
	if err := json.Unmarshal([]byte(js), d); err != nil {
		return nil, fmt.Errorf("store/sqlite: get %q: decode stored document: %w", id, err)
	}
	d.Normalize()
	return d, nil
}

// List returns one page of article summaries, newest ingested first (newest published
// first with Page.ByPublished, undated last), and the number of stored articles. A
// Page.Limit of zero or less means DefaultLimit.
func (s *Store) List(ctx context.Context, page store.Page) ([]store.Summary, int, error) {
	sums, total, err := s.list(ctx, page)
	if err != nil {
		return nil, 0, fmt.Errorf("store/sqlite: list: %w", err)
	}
	return sums, total, nil
}

func (s *Store) list(ctx context.Context, page store.Page) ([]store.Summary, int, error) {
	limit, offset := window(page)
	// A read transaction gives the count and the page the same snapshot.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()

	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return nil, 0, err
	}
	q := `SELECT ` + summaryColumns + ` FROM articles a
		ORDER BY a.ingested_at DESC, a.seq DESC LIMIT ? OFFSET ?`
	if page.ByPublished {
		// ISO 8601 dates sort as text, and "" (unknown) sorts last in descending order.
		q = `SELECT ` + summaryColumns + ` FROM articles a
		ORDER BY a.published DESC, a.ingested_at DESC, a.seq DESC LIMIT ? OFFSET ?`
	}
	rows, err := tx.QueryContext(ctx, q, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	sums := []store.Summary{}
	for rows.Next() {
		var sum store.Summary
		if err := scanSummary(rows, &sum); err != nil {
			return nil, 0, err
		}
		sums = append(sums, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	return sums, total, nil
}

// window turns a Page into LIMIT and OFFSET values.
func window(p store.Page) (limit, offset int) {
	limit, offset = p.Limit, p.Offset
	if limit <= 0 {
		limit = DefaultLimit
	}
	if offset < 0 {
		offset = 0
	}
	return limit, offset
}
