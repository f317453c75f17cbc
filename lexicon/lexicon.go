// Package lexicon matches phrases from a vocabulary against a document's tokens. It is the
// matching engine behind tocsin's rule-based annotators: their knowledge (casualty words,
// speech verbs, date words) lives in plain-text vocabulary files that users can read and
// extend, and this package finds those phrases in text, longest match first.
//
// File format, one phrase per line under a [label] heading:
//
//	# comments start with '#'
//	[killed]
//	killed
//	lost their lives
//	death toll
//
// Phrases are matched token by token, case-insensitively, with the same tokenizer that
// reads articles (so "U.S." and "Soleimani's" behave as in text). A phrase may belong to
// several labels; Match reports all of them.
package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// Lexicon is a set of labelled phrases. The zero value is empty and ready to use; a
// Lexicon must not be modified while it is being matched from other goroutines.
type Lexicon struct {
	root node
	size int
}

type node struct {
	next   map[string]*node
	labels []string // labels of the phrase ending here
}

// Parse reads a vocabulary file. name is used in error messages.
func Parse(name string, r io.Reader) (*Lexicon, error) {
	l := &Lexicon{}
	if err := l.Load(name, r); err != nil {
		return nil, err
	}
	return l, nil
}

// MustParse parses an embedded vocabulary, panicking on error: embedded files are part of
// the program, and a broken one is a build defect caught by the package's tests.
func MustParse(name, src string) *Lexicon {
	l, err := Parse(name, strings.NewReader(src))
	if err != nil {
		panic(err)
	}
	return l
}

// Load adds the phrases of a vocabulary file to l.
func (l *Lexicon) Load(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	label := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") || len(line) < 3 {
				return fmt.Errorf("%s:%d: malformed heading %q: want [label]", name, n, line)
			}
			label = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		if label == "" {
			return fmt.Errorf("%s:%d: phrase %q comes before any [label] heading", name, n, line)
		}
		l.Add(line, label)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Add adds phrase under label.
func (l *Lexicon) Add(phrase, label string) {
	toks := segment.TokenizePhrase(segment.NormalizeLine(phrase))
	if len(toks) == 0 {
		return
	}
	n := &l.root
	for _, t := range toks {
		key := fold(t.Text)
		if n.next == nil {
			n.next = make(map[string]*node)
		}
		c := n.next[key]
		if c == nil {
			c = &node{}
			n.next[key] = c
		}
		n = c
	}
	if !slices.Contains(n.labels, label) {
		if len(n.labels) == 0 {
			l.size++
		}
		n.labels = append(n.labels, label)
	}
}

// Len is the number of distinct phrases.
func (l *Lexicon) Len() int { return l.size }

// Match returns the labels and token length of the longest phrase starting at toks[i],
// or n == 0 when none starts there.
func (l *Lexicon) Match(toks []doc.Token, i int) (labels []string, n int) {
	cur := &l.root
	for j := i; j < len(toks) && cur.next != nil; j++ {
		c := cur.next[fold(toks[j].Text)]
		if c == nil {
			break
		}
		cur = c
		if len(c.labels) > 0 {
			labels, n = c.labels, j-i+1
		}
	}
	return labels, n
}

// Has reports whether the phrase starting at toks[i] with the longest match carries label.
func (l *Lexicon) Has(toks []doc.Token, i int, label string) (n int, ok bool) {
	labels, n := l.Match(toks, i)
	return n, n > 0 && slices.Contains(labels, label)
}

// Hit is one phrase found in a token range.
type Hit struct {
	Labels     []string
	First, End int // token indexes [First, End)
}

// FindAll returns the non-overlapping longest matches in toks[from:to], left to right.
func (l *Lexicon) FindAll(toks []doc.Token, from, to int) []Hit {
	var hits []Hit
	for i := from; i < to; {
		labels, n := l.Match(toks[:to], i)
		if n == 0 {
			i++
			continue
		}
		hits = append(hits, Hit{Labels: labels, First: i, End: i + n})
		i += n
	}
	return hits
}

// fold lower-cases s without allocating when it is already lower-case ASCII, and maps the
// typographic apostrophe to the straight one so "Iran’s" matches "Iran's".
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}
