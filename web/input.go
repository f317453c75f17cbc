package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/reader"
)

// origin names a posted article in Document.Origin.
const origin = "POST /api/articles"

// errArticleTooLarge reports a body whose article is over article.MaxBytes, though the
// body itself is within maxPostBytes.
var errArticleTooLarge = fmt.Errorf("the article is over the limit of %d bytes", article.MaxBytes)

// parseArticle reads the body of POST /api/articles: one JSON object with the fields of a
// JSON Lines record, laid out as the client likes. The object is compacted onto one line
// and read by reader.ParseJSONL, so that the API and `tocsin ingest` agree on every field
// (html extraction, date normalisation, hashtags, validation). Rejections come back as
// *article.InputError; errors from ctx as they are.
func parseArticle(ctx context.Context, body []byte) (*article.Article, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, article.Reject(origin, "the request body is empty; send one JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, article.Reject(origin, "%s", syntaxReason(err))
	}
	if raw[0] != '{' {
		return nil, article.Reject(origin, "invalid JSON: the body must be one object, not %s", jsonKind(raw[0]))
	}
	if rest := bytes.TrimLeft(body[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, article.Reject(origin, "invalid JSON: the body must hold one object and nothing after it (more at byte %d)",
			len(body)-len(rest)+1) // 1-based, as encoding/json counts
	}
	// A publication date tocsin cannot read is refused rather than dropped: the client
	// would otherwise store an undated article believing it dated.
	var meta struct {
		Published any `json:"published"`
	}
	if json.Unmarshal(raw, &meta) == nil {
		if p, ok := meta.Published.(string); ok && strings.TrimSpace(p) != "" && reader.NormalizeDate(p) == "" {
			return nil, article.Reject(origin, "published %q is not a date tocsin reads: give an ISO 8601 date or date-time "+
				"(2020-01-07, 2020-01-07T10:30:00Z), an RFC 1123 date (Tue, 07 Jan 2020 10:30:00 GMT), or leave it out", p)
		}
	}
	var line bytes.Buffer
	if err := json.Compact(&line, raw); err != nil { // cannot fail: raw is valid JSON
		return nil, article.Reject(origin, "%s", syntaxReason(err))
	}
	if line.Len() > article.MaxBytes {
		return nil, errArticleTooLarge
	}
	var got *article.Article
	var rejected error
	err := reader.ParseJSONL(ctx, origin, &line, func(a *article.Article, err error) error {
		got, rejected = a, err
		return nil
	})
	switch {
	case err != nil:
		return nil, err
	case rejected != nil:
		if ie, ok := errors.AsType[*article.InputError](rejected); ok {
			return nil, article.Reject(origin, "%s", ie.Reason) // without ParseJSONL's ":1"
		}
		return nil, rejected
	case got == nil: // cannot happen: the line is not blank
		return nil, article.Reject(origin, "the body holds no article")
	}
	got.Origin = origin
	return got, nil
}

// syntaxReason words a decoding error, with its offset into the body.
func syntaxReason(err error) string {
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Sprintf("invalid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "invalid JSON: the body ends in the middle of a value"
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}

// jsonKind names the kind of JSON value that starts with c.
func jsonKind(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
