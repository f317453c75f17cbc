// Package pgtest gives tests a PostgreSQL database of their own on the real server:
// DB creates a database with a unique name and drops it when the test ends, so that
// test packages running in parallel never share one. The server is
// $TOCSIN_TEST_POSTGRES (a URL of any database on it, default
// postgres://root@127.0.0.1:5432/postgres?sslmode=disable, the project's machines'
// trust-auth service). When it cannot be reached, tests skip with a message, or
// fail when TOCSIN_REQUIRE_SERVICES=1 (as CI sets it).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultServer is the server tests use unless TOCSIN_TEST_POSTGRES names another.
const DefaultServer = "postgres://root@127.0.0.1:5432/postgres?sslmode=disable"

// Server returns the URL of the test server's maintenance database, or skips t (fails
// it under TOCSIN_REQUIRE_SERVICES=1) when the server does not answer.
func Server(t testing.TB) string {
	t.Helper()
	srv := os.Getenv("TOCSIN_TEST_POSTGRES")
	if srv == "" {
		srv = DefaultServer
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, srv)
	if err != nil {
		if os.Getenv("TOCSIN_REQUIRE_SERVICES") == "1" {
			t.Fatalf("PostgreSQL at %s is required (TOCSIN_REQUIRE_SERVICES=1): %v", srv, err)
		}
		t.Skipf("PostgreSQL is not available at %s (%v); set TOCSIN_TEST_POSTGRES, or TOCSIN_REQUIRE_SERVICES=1 to fail instead", srv, err)
	}
	conn.Close(ctx)
	return srv
}

// DB creates an empty database with a unique name on the test server and returns its
// URL; the database is dropped, with any connection left to it, when t ends.
func DB(t testing.TB) string {
	t.Helper()
	srv := Server(t)
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	name := "tocsin_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, srv)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, srv)
		if err != nil {
			t.Errorf("drop test database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(srv)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
