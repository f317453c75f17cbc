package syntax

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Sentence is one sentence of a CoNLL-U treebank: its syntactic words (multi-word token
// lines "1-2" and empty nodes "3.1" are skipped) with their annotation. Head holds 0-based
// word indexes, -1 for the root.
type Sentence struct {
	ID     string
	Form   []string
	Lemma  []string
	UPOS   []string
	XPOS   []string
	Head   []int
	Deprel []string
}

// Len is the number of words.
func (s *Sentence) Len() int { return len(s.Form) }

// ReadCoNLLU reads every sentence of a CoNLL-U file.
func ReadCoNLLU(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := parseCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sents, nil
}

func parseCoNLLU(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() error {
		if cur.Len() == 0 {
			cur = Sentence{}
			return nil
		}
		for i, h := range cur.Head {
			if h < -1 || h >= cur.Len() {
				return fmt.Errorf("sentence ending at line %d: word %d has head %d outside the sentence", line, i+1, h+1)
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if strings.HasPrefix(t, "#") {
			if id, ok := strings.CutPrefix(t, "# sent_id = "); ok {
				cur.ID = id
			}
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multi-word token or empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != cur.Len()+1 {
			return nil, fmt.Errorf("line %d: word id %q, want %d", line, cols[0], cur.Len()+1)
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("line %d: head %q is not a number", line, cols[6])
		}
		cur.Form = append(cur.Form, cols[1])
		cur.Lemma = append(cur.Lemma, cols[2])
		cur.UPOS = append(cur.UPOS, cols[3])
		cur.XPOS = append(cur.XPOS, cols[4])
		cur.Head = append(cur.Head, head-1)
		cur.Deprel = append(cur.Deprel, cols[7])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}
