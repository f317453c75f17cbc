// Package wikinews finds and reads the Wikinews articles of ../shared/data that the
// project's gold sets annotate. The gold files hold only identifiers and labels; the
// texts are read from the shared corpus in place, never copied into the repository.
package wikinews

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Path finds ../shared/data/wikinews/articles.jsonl for a gold file: under
// $TOCSIN_SHARED when set, else beside the first folder above the gold file that has a
// sibling "shared".
func Path(gold string) string {
	rel := filepath.Join("data", "wikinews", "articles.jsonl")
	if d := os.Getenv("TOCSIN_SHARED"); d != "" {
		return filepath.Join(d, rel)
	}
	dir, err := filepath.Abs(filepath.Dir(gold))
	if err != nil {
		dir = filepath.Dir(gold)
	}
	for {
		p := filepath.Join(dir, "..", "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		up := filepath.Dir(dir)
		if up == dir {
			return filepath.Join("..", "shared", rel)
		}
		dir = up
	}
}

// maxLine bounds one line of the corpus (the longest article is well under it).
const maxLine = 8 << 20

// Lines reads a JSON Lines file, one T per line, in file order; line n of the file is
// element n-1. A line that is not a T is an error naming the file and line.
func Lines[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, maxLine), maxLine)
	for n := 1; sc.Scan(); n++ {
		var a T
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
