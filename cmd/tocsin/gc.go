package main

import (
	"runtime"
	"runtime/debug"
)

// firstGCHeap is the heap size at which the process's first garbage collection after
// start-up runs (unless GOGC or GOMEMLIMIT is set).
//
// Before main runs, go-dateparser (linked through the HTML reader, go-trafilatura) has
// built some 60 MB of locale tables, which stay live. Building the pipeline then
// allocates tables that stay live too, and with the default pacing that triggers a
// collection which marks all of it: about 60 ms of CPU, a fifth of what `tocsin analyze`
// spends on one short article, and nothing to collect. So the first collection waits
// until the heap reaches firstGCHeap (about twice what analysing a short article needs);
// once it has run, the default pacing (or the one GOGC set) resumes.
const firstGCHeap = 256 << 20

// deferFirstGC delays the first collection as firstGCHeap says, unless the environment
// sets the collector's pacing itself. getenv reads the environment.
func deferFirstGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(firstGCHeap)
	// The cleanup of an object nothing refers to runs after the first collection.
	runtime.AddCleanup(new(gcSentinel), func(struct{}) {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}, struct{}{})
}

// gcSentinel is large enough not to share a block with other small objects, so that the
// first collection frees it.
type gcSentinel [64]byte
