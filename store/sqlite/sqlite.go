// Package sqlite is the default store.Store: one SQLite file in WAL mode, the full
// Document JSON per article, and an FTS5 index over titles and texts.
//
// It uses modernc.org/sqlite (pure Go, no cgo). One *sql.DB serves everything: reads
// run concurrently on a small pool, while writes are serialized by an in-process lock
// (SQLite has a single writer) and start with BEGIN IMMEDIATE, so a write transaction
// never has to upgrade a read lock and fail with SQLITE_BUSY halfway through.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/tocsin-project/tocsin/store"
)

// maxConns bounds the connection pool: one writer plus concurrent readers.
const maxConns = 8

// busyTimeout is how long a statement waits for a lock held by another connection or
// process before failing with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// Store is a store.Store backed by one SQLite database file. It is safe for concurrent
// use.
type Store struct {
	path  string
	db    *sql.DB
	write chan struct{} // a one-slot semaphore serializing write transactions
	link  *linking      // links each stored article's reports into stories

	// beforeCommit, when set (by tests), runs inside Put's transaction just before
	// the commit.
	beforeCommit func()
}

var _ store.Store = (*Store)(nil)

// Open opens, or creates, the database at path and brings its schema up to date. It
// creates the parent directory if needed, and refuses a database whose schema is newer
// than this binary knows (ErrSchemaTooNew). path must name a file; ":memory:" is not
// supported, since every pooled connection would get its own empty database.
func Open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("store/sqlite: open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)

	link, err := newLinking()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store/sqlite: open %s: %w", path, err)
	}
	s := &Store{path: path, db: db, write: make(chan struct{}, 1), link: link}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store/sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// init checks the connection and applies pending migrations.
func (s *Store) init(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return err
	}
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		return err
	}
	return s.migrate(ctx, migs)
}

// dsn builds the driver's data source name for the absolute file path abs: a file: URI
// (so that '?', '#' and '%' in the path are escaped) carrying the connection pragmas,
// which the driver runs on every new connection.
func dsn(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path, C:/x, becomes file:///C:/x
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	// Statement journals and sort b-trees in memory, not temporary files: a Put's
	// multi-row inserts of event rows each journal the pages they change.
	q.Add("_pragma", "temp_store(MEMORY)")
	// A page cache of 32 MB a connection rather than 2 MB, and a checkpoint every 8,000
	// pages of WAL rather than 1,000: linking an article reads and rewrites pages of
	// the story indexes all over the file, which a small cache read again with a
	// system call each, and a frequent checkpoint copied back to it again and again.
	q.Add("_pragma", "cache_size(-32768)")
	q.Add("_pragma", "wal_autocheckpoint(8000)")
	q.Set("_txlock", "immediate") // read-only transactions still begin DEFERRED
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// Close runs PRAGMA optimize, as SQLite advises before closing, and closes the
// database. The store must not be used afterwards.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = s.db.ExecContext(ctx, "PRAGMA optimize") // advisory: its failure loses nothing
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store/sqlite: close %s: %w", s.path, err)
	}
	return nil
}

// lockWrite takes the write lock, or gives up when ctx is done. The caller must call
// the returned function to release it.
func (s *Store) lockWrite(ctx context.Context) (unlock func(), err error) {
	select {
	case s.write <- struct{}{}:
		return func() { <-s.write }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
