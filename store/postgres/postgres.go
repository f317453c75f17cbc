// Package postgres is a store.Store on PostgreSQL, for a team: several workers ingest
// into one database while servers read it. It keeps the same tables as the SQLite
// store (package store/sqlite), with PostgreSQL's own full-text search (tsvector and
// GIN indexes) and its own migrations, and satisfies the same contract: an article
// and all its rows in one transaction, idempotent puts by content-hash ID, and
// stories that stay one per happening when several processes link at once (see
// linkLocks in stories.go).
//
// It uses pgx (github.com/jackc/pgx/v5) through a connection pool.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/story"
)

// ErrNoDatabase is returned by Open, without Options.Create, when the URL names a
// database that does not exist or that holds no tocsin schema.
var ErrNoDatabase = errors.New("no tocsin store in that database")

// ErrSchemaTooNew is returned by Open for a database written by a newer tocsin.
var ErrSchemaTooNew = errors.New("database schema is newer than this program supports")

// Options configures Open.
type Options struct {
	// Create makes a database the URL names that does not exist (when the server lets
	// the user create databases) and the schema in an empty one; without it, either
	// is ErrNoDatabase.
	Create bool
}

// Store is a store.Store on a PostgreSQL database. It is safe for concurrent use, by
// goroutines and by other processes on the same database.
type Store struct {
	name string // the URL without its password, for messages
	pool *pgxpool.Pool
	link *linking

	// beforeCommit, when set (by tests), runs inside Put's transaction just before
	// the commit; beforeLink just before the article's stories are linked.
	beforeCommit func()
	beforeLink   func()
	// noKeyLocks, set by a test, links without the story-key locks, to show what
	// they prevent.
	noKeyLocks bool
}

// Open connects to the database the URL dsn names (postgres:// or postgresql://, any
// libpq-style URL: host, port, user, password, dbname, sslmode...), creates it and
// its schema with opts.Create, and applies the migrations it lacks. It refuses a
// database whose schema is newer than this binary knows (ErrSchemaTooNew).
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store/postgres: open: %w", err)
	}
	name := redacted(cfg.ConnConfig)
	fail := func(err error) (*Store, error) {
		return nil, fmt.Errorf("store/postgres: open %s: %w", name, err)
	}
	link, err := newLinking()
	if err != nil {
		return fail(err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return fail(err)
	}
	err = pool.Ping(ctx)
	if pgCode(err) == "3D000" { // invalid_catalog_name: no such database
		pool.Close()
		if !opts.Create {
			return fail(fmt.Errorf("%w: database %q does not exist", ErrNoDatabase, cfg.ConnConfig.Database))
		}
		if err := createDatabase(ctx, cfg.ConnConfig); err != nil {
			return fail(err)
		}
		if pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
			return fail(err)
		}
		err = pool.Ping(ctx)
	}
	if err != nil {
		pool.Close()
		return fail(err)
	}
	s := &Store{name: name, pool: pool, link: link}
	if err := s.migrate(ctx, opts.Create); err != nil {
		pool.Close()
		return fail(err)
	}
	return s, nil
}

// createDatabase creates the database cfg names, connected to the server's
// maintenance database (postgres). Another process creating it at the same time is
// no error.
func createDatabase(ctx context.Context, cfg *pgx.ConnConfig) error {
	admin := cfg.Copy()
	admin.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return fmt.Errorf("create database %q: %w", cfg.Database, err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{cfg.Database}.Sanitize())
	if err != nil && pgCode(err) != "42P04" { // duplicate_database
		return fmt.Errorf("create database %q: %w", cfg.Database, err)
	}
	return nil
}

// Close closes the pool. The store must not be used afterwards.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// redacted names the database of cfg for messages, without its password.
func redacted(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// pgCode is the SQLSTATE of a PostgreSQL error, "" for other errors.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// migrationFS holds the schema migrations, one file per version, named NNNN_what.sql.
// Applied migrations are never edited: a schema change is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the migrations, ordered by version, and checks that the
// versions run 1, 2, 3, ... without gaps.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var migs []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_description.sql", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		migs = append(migs, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	for i, m := range migs {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return migs, nil
}

// migrationLock is the advisory lock key that serializes migrations across
// processes opening one database at once.
const migrationLock = 0x746f6373696e0001 // "tocsin" 1

// migrate applies the migrations the database lacks, all in one transaction under
// an advisory lock (PostgreSQL's DDL is transactional), so that two processes opening
// a new database never both apply one, and a failed migration leaves nothing behind.
// Without create, a database with no schema at all is ErrNoDatabase.
func (s *Store) migrate(ctx context.Context, create bool) error {
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("lock for migrations: %w", err)
	}
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return err
	}
	if !exists && !create {
		return ErrNoDatabase
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer     PRIMARY KEY,
		applied_at timestamptz NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migs) {
		return fmt.Errorf("%w: database is at version %d, this program knows up to %d; upgrade tocsin",
			ErrSchemaTooNew, v, len(migs))
	}
	for _, m := range migs[v:] {
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,
			m.version, time.Now().UTC()); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if m.name == "0004_series_weeks.sql" { // sum the stories it marked
			if err := flushSeries(ctx, tx); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	for _, m := range migs[v:] {
		if q := vacuums[m.name]; q != "" {
			if _, err := s.pool.Exec(ctx, q); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
	}
	return nil
}

// vacuums are run after the migrations named have committed, outside a transaction as
// VACUUM must be: 0006 rewrites every row of story_actors, whose old versions a server
// without autovacuum (the project's test server has none) keeps, a bitmap scan of
// the table then reading twice its pages (a dyad's stories at 20,000 events p50
// 20-33 ms against 6-11 before the migration, 3.8 ms once vacuumed); ANALYZE gives the
// planner the new columns' statistics. 0007 fills a new table, whose statistics the
// planner needs to read a word's matches through it.
var vacuums = map[string]string{"0006_story_actors_root.sql": `VACUUM (ANALYZE) story_actors`,
	"0007_story_articles.sql": `VACUUM (ANALYZE) story_articles`}

// linking is what Put links stories with: the linker and the casualty stage whose
// article totals become a report's claims.
type linking struct {
	linker *story.Linker
	cas    *casualty.Stage
}

func newLinking() (*linking, error) {
	cas, err := casualty.New()
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return &linking{linker: story.NewLinker(), cas: cas}, nil
}

// Bytes is the size of the store's database on the server (pg_database_size).
func (s *Store) Bytes(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store/postgres: size: %w", err)
	}
	return n, nil
}
