package dates

import "strings"

// Parsers for numeric tokens. The tokenizer keeps "2020-01-03", "01/03/2020", "1,200" and
// "3rd" whole, so each is one token's text; these functions never allocate.

// atoi parses a short run of ASCII digits.
func atoi(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseDay reads a day of the month: "3", "03", "3rd", "21st" (lower-case text).
func parseDay(s string) (int, bool) {
	if n := len(s); n > 2 {
		switch s[n-2:] {
		case "st", "nd", "rd", "th":
			s = s[:n-2]
		}
	}
	if len(s) > 2 {
		return 0, false
	}
	d, ok := atoi(s)
	return d, ok && d >= 1 && d <= 31
}

// fourDigits reads a four-digit number such as a year in a full date.
func fourDigits(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	return atoi(s)
}

// isoDate reads "2020-01-03".
func isoDate(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, ok1 := atoi(s[:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:])
	return y, m, d, ok1 && ok2 && ok3
}

// slashDate reads "01/03/2020" in US order (month first), or day first when the first
// part cannot be a month ("25/12/2019"). Two-digit years are not read: "1/3/20" is too
// often a score or a fraction.
func slashDate(s string) (y, m, d int, ok bool) {
	i := strings.IndexByte(s, '/')
	if i < 1 || i > 2 {
		return 0, 0, 0, false
	}
	j := i + 1 + strings.IndexByte(s[i+1:], '/')
	if j-i-1 < 1 || j-i-1 > 2 || len(s)-j-1 != 4 {
		return 0, 0, 0, false
	}
	a, ok1 := atoi(s[:i])
	b, ok2 := atoi(s[i+1 : j])
	y, ok3 := atoi(s[j+1:])
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, false
	}
	if a > 12 {
		a, b = b, a
	}
	return y, a, b, true
}

// decade reads "1990s" and returns its ISO-8601 value, "199".
func decade(s string) (string, bool) {
	if len(s) != 5 || s[4] != 's' || s[3] != '0' {
		return "", false
	}
	y, ok := atoi(s[:4])
	return s[:3], ok && y >= 1800 && y <= 2100
}
