package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// serverCPU is the CPU time (user and system, with that of their reaped children:
// PostgreSQL's ended backends) used so far by the processes of this machine whose
// command name is name, read from /proc; ok is false where there is no /proc or no
// such process. bench queue reads it before and after a run for the share of the
// store's and the queue's servers, when they run on this machine.
func serverCPU(name string) (cpu time.Duration, ok bool) {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // ended meanwhile
		}
		// pid (comm) state ppid ...: comm may hold spaces, so fields count from its ')'.
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open || s[open+1:end] != name {
			continue
		}
		fields := strings.Fields(s[end+1:])
		if len(fields) < 15 {
			continue
		}
		// utime, stime, cutime, cstime are fields 14 to 17 of stat(5), counted from
		// the pid; here 12 to 15 from state, in clock ticks (USER_HZ, 100 on Linux).
		for _, v := range fields[11:15] {
			n, err := strconv.ParseInt(v, 10, 64)
			if err == nil {
				cpu += time.Duration(n) * 10 * time.Millisecond
			}
		}
		ok = true
	}
	return cpu, ok
}
