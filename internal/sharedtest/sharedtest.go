// Package sharedtest finds the project's shared data (../shared beside the repository) for
// tests. A test that needs it skips with a visible message when it is absent, and fails
// instead when TOCSIN_REQUIRE_SHARED=1, as in CI.
package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Path returns the path of rel (e.g. "seed/kerman-stampede.txt") under the shared folder,
// or stops the test when it is missing.
func Path(t testing.TB, rel string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if d := os.Getenv("TOCSIN_SHARED"); d != "" {
		root = d
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("TOCSIN_REQUIRE_SHARED") == "1" {
			t.Fatalf("shared data %s is missing and TOCSIN_REQUIRE_SHARED=1: %v", p, err)
		}
		t.Skipf("SKIP: shared data %s is missing (set TOCSIN_SHARED or put ../shared beside the repository)", p)
	}
	return p
}
