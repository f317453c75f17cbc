package postgres

import (
	"slices"
	"testing"

	"github.com/tocsin-project/tocsin/story"
)

// TestBatchIndexTop checks how a batch sees one key's latest stories: the rows read,
// but a story the batch linked where it wrote it (its keys and last day then), not
// where a unit of the article being linked has just moved it, and not where its row
// read says.
func TestBatchIndexTop(t *testing.T) {
	w := keyWindow{"n:pence", "2016-07-10", "2016-10-07"}
	x := &batchIndex{lists: map[keyWindow]*keyList{w: {rows: []keyRow{
		{"2016-08-22", "st-c"}, {"2016-08-20", "st-a"}, {"2016-08-01", "st-b"}}}},
		stories: map[string]*story.Story{}, changed: map[string]string{}, written: map[string]keySet{}}
	// st-a, read at 2016-08-20, was linked again by an earlier article of the batch
	// and written with the last day 2016-08-24; st-new was started and written
	// without the key.
	x.order = []string{"st-a", "st-new"}
	x.changed["st-a"], x.changed["st-new"] = "{}", "{}"
	x.written["st-a"] = keySet{"2016-08-24", []string{"a:USA", "n:pence"}}
	x.written["st-new"] = keySet{"2016-08-24", []string{"a:USA"}}
	// The article being linked has just added the key to st-new and moved st-a on:
	// neither shows until the article is written.
	x.stories["st-new"] = &story.Story{ID: "st-new", Date: "2016-08-25", DateEnd: "2016-08-25",
		State: &story.State{Keys: []string{"a:USA", "n:pence"}}}
	x.stories["st-a"] = &story.Story{ID: "st-a", Date: "2016-08-30", DateEnd: "2016-08-30",
		State: &story.State{Keys: []string{"n:pence"}}}
	top, err := x.top(w)
	if err != nil {
		t.Fatal(err)
	}
	want := []keyRow{{"2016-08-24", "st-a"}, {"2016-08-22", "st-c"}, {"2016-08-01", "st-b"}}
	if !slices.Equal(top, want) {
		t.Errorf("top = %v, want %v", top, want)
	}
}
