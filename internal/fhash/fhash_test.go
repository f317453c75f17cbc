package fhash

import (
	"strings"
	"testing"
)

func TestLowerAndAffix(t *testing.T) {
	for _, s := range []string{"Iran", "KERMAN", "Ünal", "İstanbul", "ΑΘΗΝΑ", "u.s.", ""} {
		if Lower(s) != String(strings.ToLower(s)) {
			t.Errorf("Lower(%q) differs from String(ToLower)", s)
		}
		if Bytes([]byte(s)) != String(s) {
			t.Errorf("Bytes(%q) differs from String", s)
		}
	}
	if p, ok := Affix("Kerman", 3, false); !ok || p != String("ker") {
		t.Error("prefix hash")
	}
	if s, ok := Affix("Kerman", 3, true); !ok || s == String("man") || s == String("nam") {
		t.Error("a suffix hashes like a word")
	}
	if _, ok := Affix("ab", 3, true); ok {
		t.Error("suffix longer than word")
	}
}

// The keys are stored in the models: these values, computed with the functions as they
// were in ner and syntax when the models were trained, pin them, so a change to any
// function fails here before it fails the models' freshness tests.
func TestKeysPinned(t *testing.T) {
	suf, _ := Affix("Kerman", 3, true)
	for _, c := range []struct {
		name      string
		got, want uint64
	}{
		{"String", String("Kerman"), 0xcf2dd4ce56d540d7},
		{"Lower", Lower("İstanbul"), 0x27f662aa9fee77a7},
		{"Affix", suf, 0xdba9cc435ae3ea3a},
		{"Mix", Mix(1, 2), 0x5ad58937f39747b8},
		{"F1", F1(1, 2), 0xb7cbd785b18cbcb6},
		{"F4", F4(1, 2, 3, 4, 5), 0xf0dfce490e01cc2a},
	} {
		if c.got != c.want {
			t.Errorf("%s = %#x, want %#x", c.name, c.got, c.want)
		}
	}
}
