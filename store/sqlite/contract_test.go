package sqlite

import (
	"testing"

	"github.com/tocsin-project/tocsin/store/storetest"
)

// TestContract runs the contract every store satisfies (package storetest).
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}

// BenchmarkStore measures Put and the event query mix on copies of the samples
// (storetest.Bench); run it with -benchtime 1x.
func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, openTest(b))
}
