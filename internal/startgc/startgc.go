// Package startgc defers a process's first garbage collection until its heap is large
// (FirstHeap). The tocsin command imports it for that effect alone.
//
// Before main runs, go-dateparser (linked through the HTML reader, go-trafilatura) builds
// some 60 MB of locale tables, which stay live; building the pipeline then allocates
// tables that stay live too. With the default pacing the heap's growth from 4 MB
// triggers eight collections during that package initialisation and more while the
// pipeline is built, each marking what is all still live: about 0.1 s of CPU of a short
// article's 0.25 s, and nothing to collect. Go initialises a package as soon as the
// packages it imports are initialised, taking the first by import path when several are
// ready; this one imports only the runtime and os, so it is initialised long before
// go-dateparser's tables, which wait for regexp, and the deferral covers them. (Done from
// main, as it was, it came after them.)
//
// It cannot import runtime/debug for that: Go initialises the ready package first by
// import path, and runtime/debug, late in that order, would be initialised (and this
// package after it) only once the dateparser's tables were built. So it reaches the two
// functions of runtime/debug that it needs, which the runtime implements and exports to
// runtime/debug by name, through go:linkname; TestDefer checks that they act as
// runtime/debug's, and TestFirstCollection that no collection runs before main.
package startgc

import (
	"os"
	"runtime"
	_ "unsafe" // go:linkname
)

// setGCPercent is runtime/debug.SetGCPercent's implementation in the runtime.
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(int32) int32

// setMemoryLimit is runtime/debug.SetMemoryLimit's.
//
//go:linkname setMemoryLimit runtime/debug.setMemoryLimit
func setMemoryLimit(int64) int64

// FirstHeap is the heap size at which the first collection runs, about twice what
// analysing a short article needs (unless GOGC or GOMEMLIMIT is set).
const FirstHeap = 256 << 20

func init() { Defer(os.Getenv) }

// Defer delays the first collection as FirstHeap says, unless the environment (read
// with getenv) sets the collector's pacing itself; once it has run, the default pacing
// (or the one GOGC set) resumes.
func Defer(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := setGCPercent(-1)
	limit := setMemoryLimit(FirstHeap)
	// The cleanup of an object nothing refers to runs after the first collection.
	runtime.AddCleanup(new(sentinel), func(struct{}) {
		setGCPercent(percent)
		setMemoryLimit(limit)
	}, struct{}{})
}

// sentinel is large enough not to share a block with other small objects, so that the
// first collection frees it.
type sentinel [64]byte
