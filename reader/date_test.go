package reader

import "testing"

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2020-01-07", "2020-01-07"},
		{" 2020-01-07 ", "2020-01-07"},
		{"2020-01-07T14:30:00Z", "2020-01-07T14:30:00Z"},
		{"2020-01-07T14:30:00.123+03:30", "2020-01-07T14:30:00+03:30"},
		{"2020-01-07T14:30:00+0330", "2020-01-07T14:30:00+03:30"},
		{"2020-01-07T14:30:00", "2020-01-07T14:30:00"},
		{"2020-01-07 14:30:00", "2020-01-07T14:30:00"},
		{"2020-01-07 14:30", "2020-01-07T14:30:00"},
		{"2020/01/07", "2020-01-07"},
		{"20200107", "2020-01-07"},
		{"Tue, 07 Jan 2020 14:30:00 +0000", "2020-01-07T14:30:00Z"},
		{"Tue, 7 Jan 2020 14:30:00 GMT", "2020-01-07T14:30:00Z"},
		{"Tue, 07 Jan 2020 14:30:00 XYZ", "2020-01-07T14:30:00"},
		{"7 January 2020", "2020-01-07"},
		{"January 7, 2020", "2020-01-07"},
		{"Jan 7, 2020", "2020-01-07"},
		{"Tuesday, January 7, 2020", "2020-01-07"},
		{"January 2020", "2020-01"},
		{"2020-01", "2020-01"},
		{"1578407400", "2020-01-07T14:30:00Z"},
		{"1578407400000", "2020-01-07T14:30:00Z"},
		{"", ""},
		{"yesterday", ""},
		{"07/01/2020", ""}, // day or month first? ambiguous
		{"2020-13-45", ""},
		{"2020", ""},
		{"0000-01-01", ""},
	}
	for _, tt := range tests {
		if got := NormalizeDate(tt.in); got != tt.want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFileNameDate(t *testing.T) {
	for in, want := range map[string]string{
		"../shared/data/news-bench/politico_2016-08-08_inside-the-swing-state-trench-wa.txt": "2016-08-08",
		"2020-01-07.txt":                            "2020-01-07",
		"archive/2020-01-07/a.txt":                  "", // a directory's name is not the file's
		"news_2016-08-08.jsonl:12":                  "2016-08-08",
		"report-2016-02-30.txt":                     "", // no such day
		"id_12016-08-081.txt":                       "", // inside a longer number
		"notes.txt":                                 "",
		"https://example.org/2016-08-08/story.html": "",
	} {
		if got := FileNameDate(in); got != want {
			t.Errorf("FileNameDate(%q) = %q, want %q", in, got, want)
		}
	}
}
