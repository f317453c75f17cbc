// Package eval measures tocsin's annotators against gold data the project did not write,
// reporting precision, recall and F1.
package eval

import "fmt"

// Score counts matches between a system's output and gold annotations.
type Score struct {
	TP, FP, FN int
}

// Add accumulates o into s.
func (s *Score) Add(o Score) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN), 0 when there is no gold.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Score) String() string {
	return fmt.Sprintf("P %.4f  R %.4f  F1 %.4f  (tp %d, fp %d, fn %d)", s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
