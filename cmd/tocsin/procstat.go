package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// serverCPU is the CPU time (user and system, with that of their reaped children) used
// so far by the processes of this machine whose command name is name, read from
// /proc; ok is false where there is no /proc or no such process. bench queue reads it
// before and after a run for the share of the queue's server, when it runs on this
// machine (other clients of that server count too).
func serverCPU(name string) (cpu time.Duration, ok bool) {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		if comm, t, found := procStat(f, true); found && comm == name {
			cpu += t
			ok = true
		}
	}
	return cpu, ok
}

// pidCPU is the CPU time (user and system) process pid of this machine, named name,
// has used so far; ok is false where it cannot be read or has another name.
func pidCPU(pid int, name string) (cpu time.Duration, ok bool) {
	comm, cpu, ok := procStat(filepath.Join("/proc", strconv.Itoa(pid), "stat"), false)
	return cpu, ok && comm == name
}

// procStat reads a /proc/PID/stat file: the command name and the CPU time, with that
// of the reaped children when children is true.
func procStat(file string, children bool) (comm string, cpu time.Duration, ok bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", 0, false // no /proc, or the process ended meanwhile
	}
	// pid (comm) state ppid ...: comm may hold spaces, so fields count from its ')'.
	s := string(b)
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open {
		return "", 0, false
	}
	fields := strings.Fields(s[end+1:])
	if len(fields) < 15 {
		return "", 0, false
	}
	// utime, stime, cutime, cstime are fields 14 to 17 of proc_pid_stat(5), counted
	// from the pid; here 12 to 15 from the state, in clock ticks (USER_HZ, 100 on Linux).
	n := 2
	if children {
		n = 4
	}
	for _, v := range fields[11 : 11+n] {
		t, err := strconv.ParseInt(v, 10, 64)
		if err == nil {
			cpu += time.Duration(t) * 10 * time.Millisecond
		}
	}
	return s[open+1 : end], cpu, true
}
