// Command gencameo generates the embedded data of package cameo from the open sources in
// the shared data folder (see cameo/NOTICE.md):
//
//	go run ./internal/gencameo -data ../../shared/data -out data
//
// It writes
//
//   - codes.tsv: code, name, Goldstein score (cameo/cameo-codes.tsv, the ICEWS table),
//     PLOVER type, mode, context (plover/CAMEO2PLOVER-2021.txt) and where the PLOVER values
//     came from when the table lacks the code;
//   - CAMEO.2.0.verbs: phoenix/CAMEO.2.0.txt with comments, blank lines and padding
//     removed, checked to parse to the same blocks, verbs, patterns, synonym sets and
//     transformations as the original;
//   - Phoenix.discards: phoenix/Phoenix.discards.txt compacted the same way.
//
// The output is deterministic, so running it twice changes nothing.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/tocsin-project/tocsin/cameo"
)

func main() {
	data := flag.String("data", "../../shared/data", "shared data `dir`")
	out := flag.String("out", "data", "output `dir`")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	codes, err := buildCodes(filepath.Join(data, "cameo", "cameo-codes.tsv"), filepath.Join(data, "plover", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "codes.tsv"), codes, 0o644); err != nil {
		return err
	}
	for _, f := range []struct {
		kind     cameo.Kind
		src, dst string
		header   string
	}{
		{cameo.Verbs, "phoenix/CAMEO.2.0.txt", "CAMEO.2.0.verbs",
			"# CAMEO.2.0.txt of openeventdata/petrarch2 (676801cd), comments and padding removed by\n" +
				"# cameo/internal/gencameo. MIT License, Copyright (c) 2015 Open Event Data Alliance;\n" +
				"# see cameo/NOTICE.md.\n"},
		{cameo.Discards, "phoenix/Phoenix.discards.txt", "Phoenix.discards",
			"# Phoenix.discards.txt of openeventdata/petrarch2 (676801cd), compacted by\n" +
				"# cameo/internal/gencameo. MIT License, Copyright (c) 2015 Open Event Data Alliance;\n" +
				"# see cameo/NOTICE.md. Lines with + discard the whole story.\n"},
	} {
		raw, err := os.ReadFile(filepath.Join(data, f.src))
		if err != nil {
			return err
		}
		small := []byte(f.header + string(compact(raw, f.kind)))
		a, err := cameo.LoadDictionary(f.kind, filepath.Base(f.src), bytes.NewReader(raw))
		if err != nil {
			return err
		}
		b, err := cameo.LoadDictionary(f.kind, filepath.Base(f.src), bytes.NewReader(small))
		if err != nil {
			return err
		}
		if err := same(a, b); err != nil {
			return fmt.Errorf("%s: the compact form differs from the original: %w", f.src, err)
		}
		if err := os.WriteFile(filepath.Join(out, f.dst), small, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s → %s: %d → %d bytes; %v\n", f.src, f.dst, len(raw), len(small), a.Stats())
	}
	return nil
}

// compact drops comments, blank lines (except those that end a synonym set) and runs of
// spaces. Verb files keep one blank line before each block and synonym set, which the
// parser needs to end a synonym set.
func compact(raw []byte, kind cameo.Kind) []byte {
	var b bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if kind == cameo.Verbs && (line[0] == '&' || strings.HasPrefix(line, "---") || line[0] == '~' && !strings.HasPrefix(lastLine(b.Bytes()), "~")) {
			b.WriteByte('\n')
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func lastLine(b []byte) string {
	b = bytes.TrimRight(b, "\n")
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return string(b[i+1:])
	}
	return string(b)
}

// same compares two parses, ignoring line numbers and warnings' line numbers.
func same(a, b *cameo.Dictionary) error {
	strip := func(d *cameo.Dictionary) {
		for _, bl := range d.Blocks {
			bl.Line = 0
			for i := range bl.Verbs {
				bl.Verbs[i].Line = 0
			}
			for i := range bl.Patterns {
				bl.Patterns[i].Line = 0
			}
		}
		for i := range d.Transforms {
			d.Transforms[i].Line = 0
		}
		for i := range d.Discards {
			d.Discards[i].Line = 0
		}
	}
	strip(a)
	strip(b)
	if len(a.Warnings) != len(b.Warnings) {
		return fmt.Errorf("%d warnings, compact %d", len(a.Warnings), len(b.Warnings))
	}
	if !reflect.DeepEqual(a.Blocks, b.Blocks) {
		return fmt.Errorf("blocks differ")
	}
	if !reflect.DeepEqual(a.Synsets, b.Synsets) || !reflect.DeepEqual(a.Transforms, b.Transforms) || !reflect.DeepEqual(a.Discards, b.Discards) {
		return fmt.Errorf("synonym sets, transformations or discards differ")
	}
	return nil
}

// buildCodes joins the CAMEO code table and the PLOVER mapping.
func buildCodes(codesPath, ploverPath string) ([]byte, error) {
	pl, err := readPlover(ploverPath)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(codesPath)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("# code\tname\tgoldstein\tplover\tplover_mode\tplover_context\tplover_from\n")
	n := 0
	for i, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("%s:%d: want code, root, name, goldstein", codesPath, i+1)
		}
		code, name, gold := f[0], f[2], f[3]
		m, from := ploverFor(code, pl)
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", code, name, gold, m.typ, m.mode, m.context, from)
		n++
	}
	fmt.Printf("%s + %s → codes.tsv: %d codes\n", codesPath, ploverPath, n)
	return b.Bytes(), nil
}

type plover struct{ typ, mode, context string }

// readPlover reads "code: TYPE, mode, context # comment" lines.
func readPlover(path string) (map[string]plover, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := make(map[string]plover)
	for _, line := range strings.Split(string(raw), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		parts := strings.SplitN(rest, ",", 3)
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		p := plover{typ: strings.TrimSpace(parts[0]), mode: strings.TrimSpace(parts[1]), context: strings.Join(strings.Fields(parts[2]), " ")}
		if _, seen := m[code]; !seen { // 175 is listed twice, the same both times
			m[code] = p
		}
	}
	return m, nil
}

// ploverFor finds the PLOVER values of code: its own row; for appeals (02x), the row of
// the matching demand (10x), since PLOVER's REQUEST covers both; otherwise the nearest
// ancestor's row. Statements (01) have none.
func ploverFor(code string, pl map[string]plover) (plover, string) {
	if p, ok := pl[code]; ok {
		return p, ""
	}
	if strings.HasPrefix(code, "01") {
		return plover{}, "none: PLOVER does not code statements"
	}
	if strings.HasPrefix(code, "02") {
		demand := "10" + code[2:]
		if p, ok := pl[demand]; ok {
			return p, "tocsin: as " + demand
		}
	}
	for c := code; len(c) > 2; {
		c = c[:len(c)-1]
		if p, ok := pl[c]; ok {
			return p, "parent " + c
		}
	}
	return plover{}, "none"
}
