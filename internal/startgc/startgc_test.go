package startgc

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// Until the first collection the collector waits for FirstHeap; after it, the pacing
// is what it was.
func TestDefer(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	defer func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}()
	Defer(func(string) string { return "" })
	if p, l := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); p != -1 || l != FirstHeap {
		t.Fatalf("before the first collection: GC percent %d, limit %d", p, l)
	}
	runtime.GC()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if debug.SetMemoryLimit(-1) == math.MaxInt64 {
			break
		}
		runtime.GC()
	}
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); p != 100 || l != math.MaxInt64 {
		t.Errorf("after it: GC percent %d, limit %d; want 100 and no limit", p, l)
	}
	// With GOGC set, nothing changes.
	Defer(func(k string) string {
		if k == "GOGC" {
			return "50"
		}
		return ""
	})
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("with GOGC set: GC percent %d", p)
	}
}
