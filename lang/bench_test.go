package lang

import (
	"strings"
	"testing"
)

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Rescue teams searched through the rubble on Friday after the earthquake struck the eastern province, officials said. ", 20)
	for b.Loop() {
		Detect(text)
	}
}
