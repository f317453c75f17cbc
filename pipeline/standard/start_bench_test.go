package standard

import "testing"

// BenchmarkNew measures building the whole pipeline: the embedded models, gazetteer,
// actor knowledge base and event dictionaries a process decodes before its first article.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
