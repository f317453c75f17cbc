package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store"
)

// GDELT's NumMentions, NumSources and NumArticles (columns 32-34) come from the
// event's story, and are 1 for an event without one.
func TestGDELTCountsFromStory(t *testing.T) {
	for _, tc := range []struct {
		row  store.EventRow
		want string
	}{
		{store.EventRow{ID: 1, Code: "190", Root: "19", Story: "st-1", StoryMentions: 12, StorySources: 4, StoryArticles: 5}, "12 4 5"},
		{store.EventRow{ID: 2, Code: "190", Root: "19"}, "1 1 1"},
	} {
		var b bytes.Buffer
		w, err := New("gdelt", &b)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&tc.row); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		cols := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
		if len(cols) != 61 {
			t.Fatalf("%d columns, want 61", len(cols))
		}
		if got := strings.Join(cols[31:34], " "); got != tc.want {
			t.Errorf("row %d: NumMentions, NumSources, NumArticles = %s, want %s", tc.row.ID, got, tc.want)
		}
	}
}
