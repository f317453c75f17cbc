package reader

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the forms NormalizeDate accepts, most specific first. Layouts with a
// numeric offset keep it; those with a zone name keep it only for UTC/GMT (other
// abbreviations are ambiguous, so the wall-clock time is kept without an offset).
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
	"Monday, 2 January 2006",
	"Monday, January 2, 2006",
	"Mon, 2 Jan 2006",
	"Mon, January 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 PM",
	"2 January 2006 15:04",
	"2006-01",
	"January 2006",
}

// NormalizeDate returns s as an ISO-8601 date ("2006-01-02"), date-time
// ("2006-01-02T15:04:05Z07:00", or without offset when s gave none) or year-month
// ("2006-01"), or "" when s is not a date it recognises. It accepts RFC 3339, "2006-01-02",
// "2006-01-02 15:04:05", the RFC 822/1123 forms of feeds, dates with English month names
// ("7 January 2020", "January 7, 2020"), compact "20200107", and Unix times of 10 (seconds)
// or 13 (milliseconds) digits. Day-month order in all-numeric forms like 01/02/2006 is
// ambiguous, so those are not accepted.
func NormalizeDate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return ""
	}
	if d := unixDate(s); d != "" {
		return d
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil || t.Year() < 1000 || t.Year() > 9999 {
			continue
		}
		switch {
		case layout == "2006-01" || layout == "January 2006":
			return t.Format("2006-01")
		case !strings.Contains(layout, "15") && !strings.Contains(layout, "3:04"):
			return t.Format(time.DateOnly)
		case strings.Contains(layout, "MST"):
			if name, _ := t.Zone(); name == "UTC" || name == "GMT" || name == "UT" || name == "Z" {
				return t.UTC().Format(time.RFC3339)
			}
			return t.Format("2006-01-02T15:04:05")
		case strings.Contains(layout, "Z07") || strings.Contains(layout, "-07"):
			return t.Format(time.RFC3339)
		}
		return t.Format("2006-01-02T15:04:05")
	}
	return ""
}

// unixDate reads 10 digits as Unix seconds and 13 as Unix milliseconds, or returns "".
func unixDate(s string) string {
	if len(s) != 10 && len(s) != 13 {
		return ""
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return ""
	}
	if len(s) == 13 {
		n /= 1000
	}
	return time.Unix(n, 0).UTC().Format(time.RFC3339)
}

// formatTime writes t as NormalizeDate does: a bare date when t is midnight UTC (what
// date-only metadata parses to), an RFC 3339 date-time otherwise.
func formatTime(t time.Time) string {
	if t.IsZero() || t.Year() < 1000 || t.Year() > 9999 {
		return ""
	}
	if _, off := t.Zone(); off == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// fileNameDate finds a YYYY-MM-DD date between non-digits in a file name.
var fileNameDate = regexp.MustCompile(`(?:^|[^0-9])([12][0-9]{3}-[01][0-9]-[0-3][0-9])(?:[^0-9]|$)`)

// FileNameDate returns the date a file's name carries, as news archives name files
// (politico_2016-08-08_inside-the-swing-state.txt), or "". origin is an article's
// Origin: a path, or "path:LINE" for JSON Lines; URLs are not file names and give "".
// Only the base name counts, and only a real calendar date between 1900 and 2099.
func FileNameDate(origin string) string {
	if strings.Contains(origin, "://") {
		return ""
	}
	name := filepath.Base(filepath.ToSlash(origin))
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i] // the line number of a JSON Lines record
		}
	}
	m := fileNameDate.FindStringSubmatch(name)
	if m == nil {
		return ""
	}
	t, err := time.Parse(time.DateOnly, m[1])
	if err != nil || t.Year() < 1900 || t.Year() > 2099 {
		return ""
	}
	return m[1]
}
