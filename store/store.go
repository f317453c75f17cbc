// Package store defines where annotated documents are kept. The interface hides the
// backend: SQLite (package store/sqlite) is the default, and a PostgreSQL implementation
// can satisfy the same contract without callers changing.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/tocsin-project/tocsin/doc"
)

// ErrNotFound is returned when no article has the requested ID.
var ErrNotFound = errors.New("article not found")

// Store keeps annotated documents. Implementations are safe for concurrent use.
type Store interface {
	// Put stores d with all its layers in one transaction. It reports created=false, and
	// changes nothing, when an article with the same ID is already stored.
	Put(ctx context.Context, d *doc.Document) (created bool, err error)
	// Get returns the document with the given ID, or ErrNotFound.
	Get(ctx context.Context, id string) (*doc.Document, error)
	// List returns article summaries, newest ingested first, or with page.ByPublished
	// newest published first (undated articles last).
	List(ctx context.Context, page Page) ([]Summary, int, error)
	// Search runs a full-text query over titles and texts, best match first.
	Search(ctx context.Context, query string, page Page) ([]Hit, int, error)
	// Close releases the store.
	Close() error
}

// Page selects a window of results.
type Page struct {
	Limit  int
	Offset int
	// ByPublished orders a List by publication date, newest first, undated last, rather
	// than by ingestion time.
	ByPublished bool
}

// Summary is the short form of a stored article.
type Summary struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Published string    `json:"published"`
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	Language  string    `json:"language"`
	Ingested  time.Time `json:"ingested"`
}

// Hit is a search result: the summary and a snippet of matching text. The snippet is
// plain text, "…" marking text cut off at either end; Highlights are the byte offsets
// in it of the matches, so that no character of the text can be taken for a marker.
type Hit struct {
	Summary
	Snippet    string      `json:"snippet"`
	Highlights []Highlight `json:"highlights"`
}

// Highlight is a match in a snippet: byte offsets, End exclusive.
type Highlight struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// QueryError reports a search query the backend cannot parse. Callers answer it with a
// client error (HTTP 400), not a server error.
type QueryError struct {
	Query  string
	Reason string
}

func (e *QueryError) Error() string { return "bad search query " + quote(e.Query) + ": " + e.Reason }

func quote(s string) string { return "\"" + s + "\"" }
