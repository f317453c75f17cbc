package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
)

// TestBenchStartLine checks that tocsin bench reports the CPU spent before the first
// article, as a total that is the sum of its two parts.
func TestBenchStartLine(t *testing.T) {
	seed := sharedtest.Path(t, "seed/kerman-stampede.txt")
	code, out, stderr := runCLI(t, "bench", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var line string
	for l := range strings.Lines(out) {
		if strings.HasPrefix(l, "start ") {
			line = l
		}
	}
	var total, init, build, wall float64
	_, err := fmt.Sscanf(line, "start %fs of CPU before the first article: process and package initialisation %fs, pipeline %fs (%fs wall)", &total, &init, &build, &wall)
	if err != nil {
		t.Fatalf("no start line in\n%s(%v)", out, err)
	}
	if init <= 0 || build < 0 || wall <= 0 || total < init+build-0.0015 || total > init+build+0.0015 {
		t.Errorf("start figures do not add up: %q", line)
	}
}
