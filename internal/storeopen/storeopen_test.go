package storeopen

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/store/postgres"
	"github.com/tocsin-project/tocsin/store/sqlite"
)

func TestIsPostgres(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://root@127.0.0.1:5432/tocsin?sslmode=disable": true,
		"postgresql://db.example/tocsin":                        true,
		"PostgreSQL://db.example/tocsin":                        true,
		"tocsin.db":                                             false,
		"/var/lib/tocsin/postgres.db":                           false,
		"postgres.db":                                           false,
	} {
		if got := IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", dsn, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	got := Redact("postgres://tocsin:s3cret@db.example:5432/tocsin")
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "db.example") {
		t.Errorf("Redact kept the password or lost the host: %q", got)
	}
	if got := Redact("postgres://root@127.0.0.1/tocsin"); got != "postgres://root@127.0.0.1/tocsin" {
		t.Errorf("Redact changed a URL without a password: %q", got)
	}
	if got := Redact("postgres://a:pw@[::1"); strings.Contains(got, "pw") {
		t.Errorf("Redact showed an unparsable URL: %q", got)
	}
}

func TestOpenSQLite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "tocsin.db")
	if _, err := OpenExisting(ctx, path); !errors.Is(err, ErrNoStore) {
		t.Fatalf("OpenExisting on a missing file: err = %v, want ErrNoStore", err)
	}
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*sqlite.Store); !ok {
		t.Errorf("Open(%q) gave %T, want the SQLite store", path, st)
	}
	st.Close()
	st, err = OpenExisting(ctx, path)
	if err != nil {
		t.Fatalf("OpenExisting on the store Open made: %v", err)
	}
	st.Close()
}

func TestOpenBadURL(t *testing.T) {
	_, err := Open(context.Background(), "postgres://a:pw@[::1")
	if err == nil || strings.Contains(err.Error(), "pw") {
		t.Errorf("Open of an unparsable URL: err = %v, want an error that does not show the password", err)
	}
}

func TestOpenPostgres(t *testing.T) {
	ctx := context.Background()
	url := pgtest.DB(t) // an empty database: no tocsin schema yet
	if _, err := OpenExisting(ctx, url); !errors.Is(err, ErrNoStore) {
		t.Fatalf("OpenExisting on an empty database: err = %v, want ErrNoStore", err)
	}
	st, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*postgres.Store); !ok {
		t.Errorf("Open(%q) gave %T, want the PostgreSQL store", url, st)
	}
	st.Close()
	st, err = OpenExisting(ctx, url)
	if err != nil {
		t.Fatalf("OpenExisting on the store Open made: %v", err)
	}
	st.Close()
}
