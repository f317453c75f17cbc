package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// Formats of labelled files read by Train and Evaluate.
const (
	// FormatCoNLL is CoNLL-2003: "TOKEN ... TAG" per line (the tag is the last column),
	// blank lines between sentences, "-DOCSTART-" lines between documents, tags IOB1 or
	// IOB2 over PER, ORG, LOC, MISC.
	FormatCoNLL = "conll2003"
	// FormatUNER is Universal NER's IOB2 files: "ID<TAB>TOKEN<TAB>TAG<TAB>...", '#'
	// comment lines ("# newdoc id = ..." starts a document), tags over PER, ORG, LOC, OTH.
	FormatUNER = "uner"
)

// labDoc is a labelled document; labSent a labelled sentence; labSpan an entity over
// tokens [Start, End) with the source's type name (PER, ORG, LOC, MISC, OTH).
type (
	labDoc  struct{ Sents []labSent }
	labSent struct {
		Words []string
		Spans []labSpan
	}
	labSpan struct {
		Start, End int
		Type       string
	}
)

// normalizeFormat maps accepted spellings of a format name to the constants.
func normalizeFormat(format string) (string, error) {
	switch strings.ToLower(format) {
	case "conll", "conll2003", "conll-2003":
		return FormatCoNLL, nil
	case "uner", "iob2", "uner-ewt":
		return FormatUNER, nil
	}
	return "", fmt.Errorf("unknown format %q (want %s or %s)", format, FormatCoNLL, FormatUNER)
}

// readLabelled reads a labelled file (gzip-compressed when it ends in .gz).
func readLabelled(path, format string) ([]labDoc, error) {
	format, err := normalizeFormat(format)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	docs, err := parseLabelled(r, format)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

func parseLabelled(r io.Reader, format string) ([]labDoc, error) {
	var docs []labDoc
	var words, tags []string
	newDoc := true
	flushSent := func(line int) error {
		if len(words) == 0 {
			return nil
		}
		spans, err := decodeIOB(tags)
		if err != nil {
			return fmt.Errorf("sentence ending at line %d: %w", line, err)
		}
		if newDoc || len(docs) == 0 {
			docs = append(docs, labDoc{})
			newDoc = false
		}
		d := &docs[len(docs)-1]
		d.Sents = append(d.Sents, labSent{Words: words, Spans: spans})
		words, tags = nil, nil
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), " \t\r")
		if s == "" {
			if err := flushSent(line); err != nil {
				return nil, err
			}
			continue
		}
		if format == FormatUNER {
			if s[0] == '#' {
				if strings.HasPrefix(s, "# newdoc") {
					if err := flushSent(line); err != nil {
						return nil, err
					}
					newDoc = true
				}
				continue
			}
			cols := strings.Split(s, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("line %d: want ID<TAB>TOKEN<TAB>TAG, got %q", line, s)
			}
			words = append(words, cols[1])
			tags = append(tags, cols[2])
			continue
		}
		cols := strings.Fields(s)
		if cols[0] == "-DOCSTART-" {
			if err := flushSent(line); err != nil {
				return nil, err
			}
			newDoc = true
			continue
		}
		if len(cols) < 2 {
			return nil, fmt.Errorf("line %d: want TOKEN ... TAG, got %q", line, s)
		}
		words = append(words, cols[0])
		tags = append(tags, cols[len(cols)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flushSent(line); err != nil {
		return nil, err
	}
	return docs, nil
}

// decodeIOB turns IOB1 or IOB2 tags into spans: B- always starts an entity, and I- starts
// one when it does not continue an entity of the same type (IOB1, or a stray I- in IOB2).
func decodeIOB(tags []string) ([]labSpan, error) {
	var spans []labSpan
	open := -1 // index in spans of the entity the previous token belongs to
	for i, t := range tags {
		if t == "O" || t == "_" || t == "-" {
			open = -1
			continue
		}
		prefix, typ, ok := strings.Cut(t, "-")
		if !ok || typ == "" || (prefix != "B" && prefix != "I") {
			return nil, fmt.Errorf("token %d: bad tag %q", i+1, t)
		}
		if prefix == "I" && open >= 0 && spans[open].Type == typ {
			spans[open].End = i + 1
			continue
		}
		spans = append(spans, labSpan{Start: i, End: i + 1, Type: typ})
		open = len(spans) - 1
	}
	return spans, nil
}
