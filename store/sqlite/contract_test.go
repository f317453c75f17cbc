package sqlite

import (
	"testing"

	"github.com/tocsin-project/tocsin/store/storetest"
)

// TestContract runs the contract every store satisfies (package storetest).
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
