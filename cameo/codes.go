package cameo

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Info describes one CAMEO event code.
type Info struct {
	Code      string  // two to four digits: "19", "195"
	Root      string  // the first two digits: "19"
	Name      string  // "Employ aerial weapons"
	Goldstein float64 // conflict–cooperation score, -10 to +10 (ICEWS table)
	QuadClass int     // 1 verbal cooperation … 4 material conflict
	// Plover, PloverMode and PloverContext are the PLOVER event type, mode and context
	// (CAMEO2PLOVER-2021). Statements (CAMEO 01) have no PLOVER type.
	Plover, PloverMode, PloverContext string
	// PloverFrom says where the PLOVER values come from when the table has no row for
	// the code: "parent 19" (the nearest coded ancestor), "tocsin: as 103" (appeals, 02,
	// take the type and mode of the matching demand, 10, as PLOVER merges them into
	// REQUEST). Empty when the table has the code.
	PloverFrom string
}

// Quad classes, the usual four-way summary of CAMEO roots.
const (
	VerbalCooperation   = 1 // roots 01–05
	MaterialCooperation = 2 // roots 06–08
	VerbalConflict      = 3 // roots 09–13
	MaterialConflict    = 4 // roots 14–20
)

// QuadClassOf returns the quad class of a code or root, 0 when it is not a CAMEO code.
func QuadClassOf(code string) int {
	if len(code) < 2 {
		return 0
	}
	r, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case r >= 1 && r <= 5:
		return VerbalCooperation
	case r >= 6 && r <= 8:
		return MaterialCooperation
	case r >= 9 && r <= 13:
		return VerbalConflict
	case r >= 14 && r <= 20:
		return MaterialConflict
	}
	return 0
}

var (
	codesOnce sync.Once
	codeTable map[string]*Info
	codeList  []*Info
	codesErr  error
)

func loadCodes() {
	codeTable = make(map[string]*Info)
	for n, line := range strings.Split(codesTSV, "\n") {
		if n == 0 || line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			codesErr = fmt.Errorf("cameo: data/codes.tsv:%d: want 7 fields, have %d", n+1, len(f))
			return
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			codesErr = fmt.Errorf("cameo: data/codes.tsv:%d: goldstein %q", n+1, f[2])
			return
		}
		in := &Info{Code: f[0], Root: f[0][:2], Name: f[1], Goldstein: g, QuadClass: QuadClassOf(f[0]),
			Plover: f[3], PloverMode: f[4], PloverContext: f[5], PloverFrom: f[6]}
		codeTable[in.Code] = in
		codeList = append(codeList, in)
	}
}

// Lookup returns what is known of a CAMEO event code. A code the table lacks but whose
// parent it has ("1951" under "195") takes the parent's values with its own Code.
func Lookup(code string) (Info, bool) {
	codesOnce.Do(loadCodes)
	if codesErr != nil {
		panic(codesErr) // the embedded table is part of the program; tests catch a bad one
	}
	if in, ok := codeTable[code]; ok {
		return *in, true
	}
	for c := code; len(c) > 2; {
		c = c[:len(c)-1]
		if in, ok := codeTable[c]; ok {
			out := *in
			out.Code = code
			return out, true
		}
	}
	return Info{}, false
}

// Codes returns every code of the table in order.
func Codes() []Info {
	codesOnce.Do(loadCodes)
	out := make([]Info, len(codeList))
	for i, in := range codeList {
		out[i] = *in
	}
	return out
}
