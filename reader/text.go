package reader

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/article"
)

// Limits of the plain-text layout rules; see ParseText.
const (
	maxStandfirstRunes = 120 // a standfirst line is shorter than this
	maxStandfirstLines = 3   // more short lines than this are body, not a standfirst
	maxTitleRunes      = 300 // a longer first line is a paragraph, not a headline
)

// ParseText reads one plain-text article. Its layout rules:
//
//   - The first non-empty line is the headline (Title), unless it is longer than 300
//     characters, in which case the text has no headline and is all body.
//   - Up to three short lines after the headline, before the first real body paragraph,
//     are the Standfirst, joined by newlines. A line is short when it is under 120
//     characters, holds a letter or digit, and does not end like a sentence (in . ! ? … :
//     ; or , before any closing quote or bracket). When no real paragraph follows, or more
//     than three short lines do, they are body. Among these lines, one made only of a date
//     (as NormalizeDate reads it, digits alone excepted) becomes Published and one like
//     "By Jane Roe and Ali Khan" becomes Author.
//   - A last line made only of #hashtags (letters, digits, '_') becomes Hashtags (without
//     '#', in order, without repeats) and is removed from Body, unless it is the only line.
//   - Body paragraphs are separated by "\n\n"; runs of blank lines collapse to one,
//     single newlines inside a paragraph are kept. CRLF and CR become LF, a UTF-8 BOM is
//     dropped.
//
// name is the input's name, used in Origin and in errors.
func ParseText(name string, data []byte) (*article.Article, error) {
	return parseText(name, data, article.MaxBytes)
}

func parseText(name string, data []byte, max int64) (*article.Article, error) {
	if n := int64(len(data)); n > max {
		return nil, article.Reject(name, "%s", sizeReason("input", n, max))
	}
	data = bytes.TrimPrefix(data, bom)
	if p := textProblem(data); p != "" {
		return nil, article.Reject(name, "%s", p)
	}
	a := &article.Article{Origin: name}
	lines := strings.Split(normalizeNewlines(string(data)), "\n")
	lines, a.Hashtags = cutHashtags(lines)

	i := nextNonBlank(lines, 0)
	if i == len(lines) {
		return nil, article.Reject(name, "empty file")
	}
	if title := strings.TrimSpace(lines[i]); utf8.RuneCountInString(title) <= maxTitleRunes {
		a.Title = title
		i++
		i = takeStandfirst(a, lines, i)
	}
	a.Body = joinParagraphs(lines[i:])
	return finish(a)
}

// takeStandfirst looks at the lines from i and, when they open with at most
// maxStandfirstLines short lines followed by a real paragraph, moves those lines into a's
// Standfirst (or Published, or Author) and returns where the body starts.
func takeStandfirst(a *article.Article, lines []string, i int) int {
	var short []string
	j := i
	for {
		j = nextNonBlank(lines, j)
		if j == len(lines) {
			return i // no real paragraph follows: the short lines are the body
		}
		l := strings.TrimSpace(lines[j])
		if !isShortLine(l) {
			break
		}
		short = append(short, l)
		j++
	}
	if len(short) > maxStandfirstLines {
		return i
	}
	var stand []string
	for _, l := range short {
		if d := lineDate(l); d != "" && a.Published == "" {
			a.Published = d
		} else if by := byline(l); by != "" && a.Author == "" {
			a.Author = by
		} else {
			stand = append(stand, l)
		}
	}
	a.Standfirst = strings.Join(stand, "\n")
	return j
}

// lineDate returns the date a line made only of a date gives, or "". A line of digits
// alone is more likely a number than a Unix time, so it is not a date here.
func lineDate(l string) string {
	if !strings.ContainsFunc(l, func(r rune) bool { return r < '0' || r > '9' }) {
		return ""
	}
	return NormalizeDate(l)
}

// isShortLine reports whether l can be a standfirst line: short, holding a letter or a
// digit, and not ending like a sentence.
func isShortLine(l string) bool {
	return utf8.RuneCountInString(l) < maxStandfirstRunes &&
		strings.IndexFunc(l, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 &&
		!endsLikeSentence(l)
}

// endsLikeSentence reports whether l ends in sentence or clause punctuation, ignoring
// closing quotes and brackets after it.
func endsLikeSentence(l string) bool {
	l = strings.TrimRight(l, "\"')]»”’ \t")
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?…:;,", r)
}

// bylineJoiners are the lower-case words a byline's names may contain.
var bylineJoiners = map[string]bool{"and": true, "&": true, "de": true, "da": true, "di": true, "du": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "al": true, "el": true, "bin": true, "ibn": true}

// byline returns the names in a line like "By Jane Roe and Ali Khan", or "".
func byline(l string) string {
	if len(l) < 3 || !strings.EqualFold(l[:3], "by ") {
		return ""
	}
	rest := strings.TrimSpace(l[3:])
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 6 {
		return ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !bylineJoiners[strings.TrimRight(w, ",")] {
			return ""
		}
	}
	if r, _ := utf8.DecodeRuneInString(words[0]); !unicode.IsUpper(r) {
		return ""
	}
	return rest
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// nextNonBlank returns the index of the first line at or after i that is not blank, or
// len(lines).
func nextNonBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// joinParagraphs makes a body from lines: paragraphs (runs of non-blank lines) trimmed and
// separated by "\n\n", lines inside a paragraph kept, trailing spaces dropped.
func joinParagraphs(lines []string) string {
	var b strings.Builder
	var para []string
	flush := func() {
		if p := strings.TrimSpace(strings.Join(para, "\n")); p != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p)
		}
		para = para[:0]
	}
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		para = append(para, l)
	}
	flush()
	return b.String()
}

// normalizeBody applies the body rules of ParseText to text that is all body (a JSON
// Lines "text" field, a feed item): newlines normalised, paragraphs separated by "\n\n",
// a trailing hashtag line cut off and returned.
func normalizeBody(text string) (body string, hashtags []string) {
	text = strings.TrimPrefix(text, "\uFEFF")
	lines := strings.Split(normalizeNewlines(text), "\n")
	lines, hashtags = cutHashtags(lines)
	return joinParagraphs(lines), hashtags
}

// cutHashtags removes the last non-blank line when it is made only of #hashtags and is not
// the only line, and returns the tags without '#', in order, without repeats.
func cutHashtags(lines []string) ([]string, []string) {
	last := len(lines) - 1
	for last >= 0 && strings.TrimSpace(lines[last]) == "" {
		last--
	}
	if last <= 0 || nextNonBlank(lines, 0) == last {
		return lines, nil
	}
	tags := hashtagLine(lines[last])
	if tags == nil {
		return lines, nil
	}
	return lines[:last], tags
}

// hashtagLine returns the tags of a line made only of #hashtags, or nil.
func hashtagLine(line string) []string {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil
	}
	var tags []string
	seen := map[string]bool{}
	for _, f := range fields {
		tag, ok := strings.CutPrefix(f, "#")
		if !ok || tag == "" || strings.IndexFunc(tag, notTagRune) >= 0 {
			return nil
		}
		if !seen[tag] {
			seen[tag] = true
			tags = append(tags, tag)
		}
	}
	return tags
}

// notTagRune reports runes that cannot be part of a hashtag.
func notTagRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && !unicode.Is(unicode.Mn, r)
}
