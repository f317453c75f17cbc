// Package storeopen opens the store a --db value names: a PostgreSQL store (package
// store/postgres) for a postgres:// or postgresql:// URL, else the SQLite store (package
// store/sqlite) at that file path. Every command that takes --db opens its store here,
// so that the backends are chosen in one place and both give the commands the same
// interface.
package storeopen

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/postgres"
	"github.com/tocsin-project/tocsin/store/sqlite"
	"github.com/tocsin-project/tocsin/trend"
	"github.com/tocsin-project/tocsin/worldmap"
)

// Store is everything the commands use of a store: the articles, the event dataset,
// the stories, the trend queries and the map. Both backends satisfy it.
type Store interface {
	store.Store
	store.EventStore
	store.StoryStore
	trend.Store
	worldmap.Store
}

var (
	_ Store = (*sqlite.Store)(nil)
	_ Store = (*postgres.Store)(nil)
)

// ErrNoStore is returned by OpenExisting when the --db value names no store: a file that
// does not exist, a PostgreSQL database that does not exist or holds no tocsin schema.
var ErrNoStore = errors.New("there is no store there")

// IsPostgres reports whether dsn is a PostgreSQL connection URL (libpq's postgres:// or
// postgresql:// form) rather than a file path.
func IsPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Open opens the store dsn names, creating it when there is none: the SQLite file and
// its directory, or the PostgreSQL database (when the server lets the user create it)
// and its schema. Its schema is brought up to date.
func Open(ctx context.Context, dsn string) (Store, error) {
	return open(ctx, dsn, true)
}

// OpenExisting opens the store dsn names, bringing its schema up to date, but creates
// nothing: a dsn that names no store is an error wrapping ErrNoStore, so that a mistyped
// --db never reads, or serves, a new empty store.
func OpenExisting(ctx context.Context, dsn string) (Store, error) {
	return open(ctx, dsn, false)
}

func open(ctx context.Context, dsn string, create bool) (Store, error) {
	if dsn == "" {
		return nil, errors.New("--db: empty store path or URL")
	}
	if IsPostgres(dsn) {
		if _, err := url.Parse(dsn); err != nil {
			// Not the *url.Error itself: it quotes the URL, password and all.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return nil, fmt.Errorf("--db: not a valid PostgreSQL URL: %w", err)
		}
		st, err := postgres.Open(ctx, dsn, postgres.Options{Create: create})
		if errors.Is(err, postgres.ErrNoDatabase) {
			return nil, fmt.Errorf("--db %s: %w (%w)", Redact(dsn), ErrNoStore, err)
		}
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	if !create {
		if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("--db %s: %w", dsn, ErrNoStore)
		}
	}
	return sqlite.Open(ctx, dsn)
}

// Redact returns dsn with the password of a URL replaced by "xxxxx", for messages; a
// PostgreSQL URL that does not parse is not shown at all.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		if IsPostgres(dsn) {
			return "(a PostgreSQL URL that does not parse)"
		}
		return dsn
	}
	if u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); !ok {
		return dsn
	}
	return u.Redacted()
}
