package segment

import (
	"strings"
	"testing"
)

// benchText is news-like text written for the benchmark, about 2,000 words.
var benchText = strings.Repeat("Rescue teams in the eastern province searched through the rubble on Friday after "+
	"the earthquake, officials said. At least 41 people were killed and more than 1,600 injured, "+
	"according to Gen. Ahmet Kaya of the U.S.-trained disaster agency.\"We will not stop,\" he said. "+
	"The quake struck at 8:55 p.m. on Jan. 24 and was felt in Syria.Aid convoys arrived yesterday.\n\n", 40)

func benchWords() int { return len(strings.Fields(benchText)) }

func BenchmarkNormalize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Normalize(benchText)
	}
	b.ReportMetric(float64(benchWords()*b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkTokenize(b *testing.B) {
	text := Normalize(benchText)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
	b.ReportMetric(float64(benchWords()*b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkSentences(b *testing.B) {
	text := Normalize(benchText)
	toks := Tokenize(text)
	paras := Paragraphs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text, toks, paras)
	}
	b.ReportMetric(float64(benchWords()*b.N)/b.Elapsed().Seconds(), "words/s")
}
