package eval

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/tocsin-project/tocsin/segment"
)

// SentenceReport is the sentence-boundary score on a CoNLL-U treebank.
type SentenceReport struct {
	Documents, Paragraphs, Sentences int
	// Inner counts only boundaries inside paragraphs: paragraph ends are given to the
	// splitter by the layout, so counting them would flatter it.
	Inner Score
	// All counts every sentence end, paragraph ends included.
	All Score
}

// SentenceBoundaries rebuilds the running text of each document in a CoNLL-U file (the
// "# text =" lines, joined by a space within a paragraph and a blank line between
// paragraphs), splits it with tocsin's text layer and compares sentence end offsets with
// the treebank's.
func SentenceBoundaries(path string) (SentenceReport, error) {
	var rep SentenceReport
	f, err := os.Open(path)
	if err != nil {
		return rep, err
	}
	defer f.Close()
	var paras [][]string // current document: paragraphs of sentences
	flush := func() {
		if len(paras) == 0 {
			return
		}
		rep.Documents++
		inner, all := scoreDoc(paras)
		rep.Inner.Add(inner)
		rep.All.Add(all)
		for _, p := range paras {
			rep.Paragraphs++
			rep.Sentences += len(p)
		}
		paras = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
		case strings.HasPrefix(line, "# newpar"):
			paras = append(paras, nil)
		case strings.HasPrefix(line, "# text = "):
			if len(paras) == 0 {
				paras = append(paras, nil)
			}
			t := strings.TrimSpace(strings.TrimPrefix(line, "# text = "))
			paras[len(paras)-1] = append(paras[len(paras)-1], t)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("%s: %w", path, err)
	}
	if rep.Sentences == 0 {
		return rep, fmt.Errorf("%s: no '# text =' lines: not a CoNLL-U file with sentence text", path)
	}
	return rep, nil
}

func scoreDoc(paras [][]string) (inner, all Score) {
	var b strings.Builder
	gold := map[int]bool{} // every sentence end
	paraEnd := map[int]bool{}
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, s := range p {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(segment.Normalize(s))
			gold[b.Len()] = true
		}
		paraEnd[b.Len()] = true
	}
	text := b.String()
	// The text is already normal form, so offsets agree; Normalize again would not change it.
	toks := segment.Tokenize(text)
	got := map[int]bool{}
	for _, s := range segment.Sentences(text, toks, segment.Paragraphs(text)) {
		got[s.End] = true
	}
	for off := range got {
		hit := gold[off]
		count(&all, hit, true)
		if !paraEnd[off] {
			count(&inner, hit, true)
		}
	}
	for off := range gold {
		if !got[off] {
			all.FN++
			if !paraEnd[off] {
				inner.FN++
			}
		}
	}
	return inner, all
}

func count(s *Score, hit, _ bool) {
	if hit {
		s.TP++
	} else {
		s.FP++
	}
}
