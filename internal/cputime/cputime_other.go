//go:build !unix

// Package cputime reads the CPU time the process has used, for the benchmarks that report
// work per CPU second beside work per wall second.
package cputime

import "time"

// Self is unknown on this platform: 0.
func Self() time.Duration { return 0 }
