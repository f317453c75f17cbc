package sqlite

import (
	"errors"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/textsearch"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Soleimani funeral", `"Soleimani" AND "funeral"`},
		{"  U.S.   strike ", `"U.S." AND "strike"`},
		{"Kerman's", `"Kerman's"`},
		{`"funeral procession"`, `"funeral procession"`},
		{`“funeral procession”`, `"funeral procession"`},
		{`"Qasem Solei"* Kerman`, `"Qasem Solei"* AND "Kerman"`},
		{"Solei*", `"Solei"*`},
		{"Solei**", `"Solei"*`},
		{"*Solei", `"*Solei"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`a"b c"d`, `"a" AND "b c" AND "d"`},
		{"prices and or not", `"prices" AND "and" AND "or" AND "not"`},
		{"iran -iraq", `("iran") NOT "iraq"`},
		{`iran OR iraq sanctions -"oil price"* -gas`, `(("iran" OR "iraq") AND "sanctions") NOT ("oil price"* OR "gas")`},
		{"title:oil", `"title:oil"`},
		{"oil - — & prices", `"oil" AND "prices"`},
		{"oil\x00prices\tgas", `"oil" AND "prices" AND "gas"`},
		{"caf\xe9 bar", `"caf" AND "bar"`},
		{"Tehrān ٣ 中文", `"Tehrān" AND "٣" AND "中文"`},
	}
	for _, tt := range tests {
		got, err := ftsQuery(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ftsQuery(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestFTSQueryErrors(t *testing.T) {
	for _, in := range []string{"", " ", `""`, `"" ""`, "*", `"*"*`, "-- !!", strings.Repeat("w ", textsearch.MaxTerms+1)} {
		_, err := ftsQuery(in)
		var qe *store.QueryError
		if !errors.As(err, &qe) || qe.Query != in || qe.Reason == "" {
			t.Errorf("ftsQuery(%q) error = %v; want a *store.QueryError", in, err)
		}
	}
}
