package quote

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/internal/sharedtest"
	"github.com/tocsin-project/tocsin/segment"
)

// TestPolNeAR runs the evaluation on the PolNeAR development split and checks a sanity
// floor, not the exact numbers: those are reported by `tocsin eval quotes`.
func TestPolNeAR(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: PolNeAR evaluation in -short mode")
	}
	r, err := EvaluatePolNeAR(sharedtest.Path(t, "data/polnear-dev"))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.String())
	if r.Articles < 50 || r.Gold < 1000 {
		t.Fatalf("read %d articles with %d gold attributions; want the whole dev split", r.Articles, r.Gold)
	}
	if f := r.Overlap.F1(); f < 0.5 {
		t.Errorf("content+source overlap F1 = %.3f, want > 0.5", f)
	}
	if p := r.ContentOverlap.Precision(); p < 0.8 {
		t.Errorf("content overlap precision = %.3f, want > 0.8", p)
	}
}

// TestPolNeAROffsets checks that gold spans, mapped from code points in the raw text to
// bytes in the normalised text, still cover the annotated words.
func TestPolNeAROffsets(t *testing.T) {
	dir := sharedtest.Path(t, "data/polnear-dev")
	texts, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	checked := 0
	for _, tf := range texts {
		name := strings.TrimSuffix(filepath.Base(tf), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dir, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		raw, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		ann, err := os.ReadFile(anns[0])
		if err != nil {
			t.Fatal(err)
		}
		orig := string(raw)
		norm := segment.Normalize(orig)
		m, at := alignOffsets(orig, norm), runeOffsets(orig)
		for _, line := range strings.Split(string(ann), "\n") {
			f := strings.Split(line, "\t")
			if len(f) < 3 || !strings.HasPrefix(f[0], "T") {
				continue
			}
			_, locs, _ := strings.Cut(f[1], " ")
			from, to, ok := strings.Cut(locs, " ")
			if !ok || strings.Contains(locs, ";") {
				continue
			}
			s, _ := strconv.Atoi(from)
			e, _ := strconv.Atoi(to)
			got := strings.Join(strings.Fields(norm[m[at[s]]:m[at[e]]]), " ")
			want := strings.Join(strings.Fields(segment.Normalize(f[2])), " ")
			if got != want {
				t.Errorf("%s %s: mapped span reads %q, annotation says %q", name, f[0], got, want)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("checked %d spans, want the whole split", checked)
	}
}

func TestAlignOffsets(t *testing.T) {
	orig := "Cafe\u0301 ha\u00a0s  two\r\nlines \n\nand\u00adsoft."
	norm := segment.Normalize(orig)
	m := alignOffsets(orig, norm)
	for _, w := range []string{"ha", "s", "two", "lines", "soft."} {
		i := strings.Index(orig, w)
		if got := norm[m[i]:m[i+len(w)]]; got != w {
			t.Errorf("%q maps to %q in %q", w, got, norm)
		}
	}
	if m[len(orig)] != len(norm) {
		t.Errorf("end maps to %d, want %d", m[len(orig)], len(norm))
	}
}
