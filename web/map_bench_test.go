package web

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/tocsin-project/tocsin/store/sqlite"
)

// BenchmarkMapPage renders the map page over an empty store: the cost of drawing the
// world, which every map page pays (tocsin bench store times it over 1M events).
func BenchmarkMapPage(b *testing.B) {
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "map.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	h := New(st, nil, Options{})
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/map?since=2020-12-01&until=2020-12-31", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
