package main

import (
	"os"
	"runtime"
	"testing"
)

// collectionsBeforeMain is the number of garbage collections the process had run when
// this package's variables were initialised: during the initialisation of every package
// it imports, go-dateparser's locale tables included.
var collectionsBeforeMain = func() uint32 {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	return s.NumGC
}()

// TestNoCollectionBeforeMain checks that internal/startgc deferred the first collection
// before the imported packages built their tables (done from main, the deferral came
// after eight collections).
func TestNoCollectionBeforeMain(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: the collector's pacing is the environment's")
	}
	if collectionsBeforeMain != 0 {
		t.Errorf("%d garbage collections ran before main", collectionsBeforeMain)
	}
}
