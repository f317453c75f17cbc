package sqlite

import (
	"errors"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Soleimani funeral", `"Soleimani" "funeral"`},
		{"  U.S.   strike ", `"U.S." "strike"`},
		{"Kerman's", `"Kerman's"`},
		{`"funeral procession"`, `"funeral procession"`},
		{`“funeral procession”`, `"funeral procession"`},
		{`"Qasem Solei"* Kerman`, `"Qasem Solei"* "Kerman"`},
		{"Solei*", `"Solei"*`},
		{"Solei**", `"Solei"*`},
		{"*Solei", `"*Solei"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`a"b c"d`, `"a" "b c" "d"`},
		{"prices AND OR NOT", `"prices" "AND" "OR" "NOT"`},
		{"title:oil col:(x)", `"title:oil" "col:(x)"`},
		{"oil - — & prices", `"oil" "prices"`},
		{"oil\x00prices\tgas", `"oil" "prices" "gas"`},
		{"caf\xe9 bar", `"caf" "bar"`},
		{"Tehrān ٣ 中文", `"Tehrān" "٣" "中文"`},
	}
	for _, tt := range tests {
		got, err := ftsQuery(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ftsQuery(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestFTSQueryErrors(t *testing.T) {
	for _, in := range []string{"", " ", `""`, `"" ""`, "*", `"*"*`, "-- !!", strings.Repeat("w ", maxTerms+1)} {
		_, err := ftsQuery(in)
		var qe *store.QueryError
		if !errors.As(err, &qe) || qe.Query != in || qe.Reason == "" {
			t.Errorf("ftsQuery(%q) error = %v; want a *store.QueryError", in, err)
		}
	}
}
