package sqlite

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
)

// ErrSchemaTooNew is returned by Open for a database written by a newer tocsin, whose
// schema this binary does not know.
var ErrSchemaTooNew = errors.New("database schema is newer than this program supports")

// migrationFS holds the schema migrations, one file per version, named NNNN_what.sql.
// Applied migrations are never edited: a schema change is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one schema version's SQL script.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the migrations in fsys's migrations directory, ordered by
// version, and checks that the versions run 1, 2, 3, ... without gaps.
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

// migrate applies the migrations the database lacks, each in its own transaction
// together with its schema_migrations row, and refuses a database that has a version
// beyond the last of migs.
func (s *Store) migrate(ctx context.Context, migs []migration) error {
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`
	if _, err := s.db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	v, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if err := checkVersion(v, len(migs)); err != nil {
		return err
	}
	for _, m := range migs[v:] {
		if err := s.apply(ctx, m, len(migs)); err != nil {
			return err
		}
	}
	return nil
}

// apply runs migration m unless the database already has it. The version is read
// inside the write transaction, so two processes opening the same new database
// cannot both apply m.
func (s *Store) apply(ctx context.Context, m migration, known int) error {
	unlock, err := s.lockWrite(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()

	var v int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if err := checkVersion(v, known); err != nil {
		return err
	}
	if v >= m.version {
		return nil // another process applied it meanwhile
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if fill := backfills[m.name]; fill != nil {
		if err := fill(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	const record = `INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`
	if _, err := tx.ExecContext(ctx, record, m.version, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return nil
}

// schemaVersion is the highest migration version applied to the database.
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// checkVersion refuses a database at schema version have when this binary knows
// versions up to known.
func checkVersion(have, known int) error {
	if have > known {
		return fmt.Errorf("%w: database is at version %d, this program knows up to %d; upgrade tocsin",
			ErrSchemaTooNew, have, known)
	}
	return nil
}
