//go:build unix

// Package cputime reads the CPU time the process has used, for the benchmarks that report
// work per CPU second beside work per wall second: other programs on a shared machine
// slow the wall time down, not the CPU time.
package cputime

import (
	"syscall"
	"time"
)

// Self returns the CPU time (user and system) the process has used so far, 0 when
// unknown.
func Self() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
