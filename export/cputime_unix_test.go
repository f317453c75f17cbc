//go:build unix

package export

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used so far, 0 when
// unknown: BenchmarkExport reports rows per CPU second as well as per wall second,
// which other programs on a shared machine slow down.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
