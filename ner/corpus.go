package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// unlabelledSource is one body of unlabelled text under the shared data folder.
type unlabelledSource struct {
	Path string // relative to the data folder; a folder means every *.txt in it
	Kind string // "conll", "conllu", "jsonl", "jsonl.gz", "txt"
}

// defaultUnlabelled lists the unlabelled text word clusters and capitalisation statistics
// are learnt from. UD EWT test is left out because UNER's test set is built on it, and
// CoNLL valid because it is the development set; CoNLL train's words are used without
// their labels.
var defaultUnlabelled = []unlabelledSource{
	{"conll2003/train.txt", "conll"},
	{"ud-ewt/en_ewt-ud-train.conllu", "conllu"},
	{"ud-ewt/en_ewt-ud-dev.conllu", "conllu"},
	{"wikinews/articles.jsonl", "jsonl"},
	{"wikinews/undated-unlabelled.jsonl.gz", "jsonl.gz"},
	{"polnear-dev/text", "txt"},
	{"news-bench", "txt"},
}

// unlabelled is tokenised unlabelled text: sentences of words.
type unlabelled struct {
	Sents   [][]string
	Sources []string // the sources read, with their sizes, for the model's notes
}

// readUnlabelled reads every default source under dataDir that exists; it fails when none does.
func readUnlabelled(dataDir string, progress io.Writer) (*unlabelled, error) {
	u := &unlabelled{}
	for _, src := range defaultUnlabelled {
		p := filepath.Join(dataDir, src.Path)
		before, words := len(u.Sents), 0
		var err error
		switch src.Kind {
		case "conll":
			var docs []labDoc
			docs, err = readLabelled(p, FormatCoNLL)
			for _, d := range docs {
				for _, s := range d.Sents {
					u.Sents = append(u.Sents, s.Words)
				}
			}
		case "conllu":
			err = readConllu(p, u)
		case "jsonl", "jsonl.gz":
			err = readJSONLText(p, src.Kind == "jsonl.gz", u)
		case "txt":
			err = readTextFolder(p, u)
		}
		if os.IsNotExist(err) {
			fmt.Fprintf(progress, "unlabelled: %s missing, skipped\n", p)
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, s := range u.Sents[before:] {
			words += len(s)
		}
		u.Sources = append(u.Sources, fmt.Sprintf("%s (%d sentences, %d tokens)", src.Path, len(u.Sents)-before, words))
		fmt.Fprintf(progress, "unlabelled: %s: %d sentences, %d tokens\n", src.Path, len(u.Sents)-before, words)
	}
	if len(u.Sents) == 0 {
		return nil, fmt.Errorf("no unlabelled text found under %s", dataDir)
	}
	return u, nil
}

// addText segments and tokenises a text with tocsin's own text layer.
func (u *unlabelled) addText(text string) {
	text = segment.Normalize(text)
	toks := segment.Tokenize(text)
	for _, s := range segment.Sentences(text, toks, segment.Paragraphs(text)) {
		words := make([]string, 0, s.EndToken-s.FirstToken)
		for _, t := range toks[s.FirstToken:s.EndToken] {
			if t.Kind == doc.URL {
				continue
			}
			words = append(words, t.Text)
		}
		if len(words) > 0 {
			u.Sents = append(u.Sents, words)
		}
	}
}

func readConllu(path string, u *unlabelled) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if s, ok := strings.CutPrefix(sc.Text(), "# text = "); ok {
			u.addText(s)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func readJSONLText(path string, gz bool, u *unlabelled) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	dec := json.NewDecoder(r)
	for {
		var row struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := dec.Decode(&row); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if row.Title != "" {
			u.addText(row.Title)
		}
		u.addText(row.Text)
	}
}

func readTextFolder(dir string, u *unlabelled) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return err
		}
	}
	slices.Sort(names)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		u.addText(string(b))
	}
	return nil
}
