package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The shipped command links no package that only development needs: prose v2 (scored
// beside tocsin by ner/cmd/eval-ner -prose) and the gonum and sentences packages it
// brings. (The models' training code is in their packages, ner and syntax, and
// internal/wordcluster; nothing the command runs reaches it, so the linker leaves it out.)
func TestNoDevelopmentDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: runs go list in -short mode")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("SKIP: go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps gave %d packages", len(deps))
	}
	for _, d := range deps {
		for _, bad := range []string{"github.com/jdkato/prose", "gonum.org/", "gopkg.in/neurosnap/sentences", "tocsin/ner/proseeval"} {
			if strings.Contains(d, bad) {
				t.Errorf("tocsin links %s", d)
			}
		}
	}
}
