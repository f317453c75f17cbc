package postgres

import (
	"context"
	"testing"

	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// openTest opens a store on a new database of the test server (internal/pgtest).
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.DB(t), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestContract runs the contract every store satisfies (package storetest).
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}

// BenchmarkStore measures Put and the event query mix on copies of the samples
// (storetest.Bench); run it with -benchtime 1x.
func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, openTest(b))
}
