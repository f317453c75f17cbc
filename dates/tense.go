package dates

import "github.com/tocsin-project/tocsin/doc"

// future reports whether the tense cue nearest before tokens [i, j) in the current
// sentence is a future one ("will", "is expected to"); with none before, the nearest after
// decides ("On Tuesday, the council will vote"). English puts the verb before its time
// adjunct, so the left cue governs "intercepted the boats on Sunday and would escort them".
// With no cue at all the sentence is taken as past, the news default.
func (sc *scanner) future(i, j int) bool {
	for k := i - 1; k >= sc.first; k-- {
		if fut, ok := sc.tense(k); ok {
			return fut
		}
	}
	for k := j; k < sc.end; k++ {
		if fut, ok := sc.tense(k); ok {
			return fut
		}
	}
	return false
}

// tense reads a tense cue at token k: a [future] or [past] phrase of the vocabulary, or a
// word ending in "-ed", which in news is nearly always a past form or participle.
func (sc *scanner) tense(k int) (future, ok bool) {
	if sc.toks[k].Kind != doc.Word {
		return false, false
	}
	w := sc.word(k)
	switch {
	case w.is(kFuture):
		return true, true
	case w.is(kPast):
		return false, true
	}
	t := sc.low[k].Text
	return false, len(t) >= 4 && t[len(t)-2:] == "ed"
}
