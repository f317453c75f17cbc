package reader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/article"
)

// jsonArticle is one JSON Lines record. Fields other than these are ignored.
type jsonArticle struct {
	Title     string   `json:"title"`
	Text      string   `json:"text"`
	HTML      string   `json:"html"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Source    string   `json:"source"`
	Language  string   `json:"language"`
	Author    string   `json:"author"`
	Hashtags  []string `json:"hashtags"`
}

// ParseJSONL reads JSON Lines from r, one article object per line, with the fields title,
// text or html (html goes through ParseHTML), url, published (normalised by
// NormalizeDate; dropped when unrecognised), source, language, author and hashtags (an
// array of strings). Blank lines are skipped. Each article's Origin, and each rejected
// line's Input, is "name:LINE". A line longer than article.MaxBytes is rejected and reading
// goes on with the next. Lines are read one at a time, so memory holds one article at most.
// ParseJSONL returns an error only when ctx is done, r fails or emit returns an error.
func ParseJSONL(ctx context.Context, name string, r io.Reader, emit func(*article.Article, error) error) error {
	return parseJSONL(ctx, name, r, article.MaxBytes, emit)
}

func parseJSONL(ctx context.Context, name string, r io.Reader, max int64, emit func(*article.Article, error) error) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, size, err := readLine(br, max)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		origin := fmt.Sprintf("%s:%d", name, n)
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if size > max {
			if err := emit(nil, article.Reject(origin, "%s", sizeReason("line", size, max))); err != nil {
				return err
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, err := parseJSONLine(origin, line, max)
		if err := emit(a, err); err != nil {
			return err
		}
	}
}

// readLine returns the next line of br without its line ending, and the line's full length
// in bytes. A line longer than max is read to its end but only its first max+2 bytes are
// kept, so that a huge line cannot fill memory. At the end of input it returns io.EOF.
func readLine(br *bufio.Reader, max int64) (line []byte, size int64, err error) {
	for {
		frag, ferr := br.ReadSlice('\n')
		size += int64(len(frag))
		if int64(len(line)) <= max+2 {
			line = append(line, frag[:min(len(frag), int(max+3-int64(len(line))))]...)
		}
		if errors.Is(ferr, bufio.ErrBufferFull) {
			continue
		}
		if ferr != nil && !errors.Is(ferr, io.EOF) {
			return nil, 0, ferr
		}
		if ferr != nil && size == 0 {
			return nil, 0, io.EOF
		}
		break
	}
	if int64(len(line)) == size { // the whole line is kept: cut its ending off it
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, int64(len(line)), nil
	}
	return line, size, nil // too long: the size is all the caller needs
}

// parseJSONLine makes an article from one JSON Lines record.
func parseJSONLine(origin string, line []byte, max int64) (*article.Article, error) {
	if !utf8.Valid(line) {
		return nil, article.Reject(origin, "not valid UTF-8")
	}
	var in jsonArticle
	if err := json.Unmarshal(line, &in); err != nil {
		return nil, article.Reject(origin, "%s", jsonReason(err))
	}
	var a *article.Article
	switch {
	case strings.TrimSpace(in.Text) != "":
		a = &article.Article{Origin: origin}
		a.Body, a.Hashtags = normalizeBody(in.Text)
	case strings.TrimSpace(in.HTML) != "":
		var err error
		if a, err = parseHTML(origin, []byte(in.HTML), strings.TrimSpace(in.URL), "", max); err != nil {
			return nil, err
		}
	default:
		return nil, article.Reject(origin, `no "text" or "html" field: each line needs the article's text`)
	}
	if t := collapse(in.Title); t != "" {
		a.Title = t
	}
	if d := NormalizeDate(in.Published); d != "" {
		a.Published = d
	}
	setIf(&a.URL, in.URL)
	setIf(&a.Source, in.Source)
	setIf(&a.Author, in.Author)
	if l := normLang(in.Language); l != "" {
		a.Language = l
	}
	if tags := cleanHashtags(in.Hashtags); len(tags) > 0 {
		a.Hashtags = tags
	}
	return finish(a)
}

// setIf sets *dst to v trimmed, unless that is empty.
func setIf(dst *string, v string) {
	if v = strings.TrimSpace(v); v != "" {
		*dst = v
	}
}

// cleanHashtags drops '#' prefixes, blanks and repeats.
func cleanHashtags(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, h := range in {
		h = strings.TrimPrefix(strings.TrimSpace(h), "#")
		if h != "" && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// jsonReason words a decoding error for a person, without Go type names.
func jsonReason(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		got, _, _ := strings.Cut(te.Value, " ")
		switch {
		case te.Field == "":
			return fmt.Sprintf("invalid JSON: a line must be an object, not a JSON %s", got)
		case strings.HasPrefix(te.Field, "hashtags"):
			return fmt.Sprintf("invalid JSON: field \"hashtags\" must be an array of strings, not a JSON %s", got)
		}
		return fmt.Sprintf("invalid JSON: field %q must be a string, not a JSON %s", te.Field, got)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "invalid JSON: the line ends in the middle of a value"
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}
