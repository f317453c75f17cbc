package web

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/tocsin-project/tocsin/article"
)

// maxPostBytes bounds the body of POST /api/articles: the largest article plus room
// for its metadata and JSON escaping.
const maxPostBytes = article.MaxBytes + 64<<10

// postResponse is the body of a successful POST /api/articles.
type postResponse struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
}

// postArticle serves POST /api/articles: it analyses the article in the body, stores
// the document and answers 201 with its ID, or 200 when it was already stored.
func (s *server) postArticle(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType,
			contentTypeMessage(r.Header.Get("Content-Type")))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPostBytes))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"request body is over the limit of %d bytes (an article may have at most %d bytes of text)",
			maxPostBytes, article.MaxBytes))
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "reading request body: "+err.Error())
		return
	}
	a, err := parseArticle(r.Context(), body)
	if !s.inputOK(w, r, err) {
		return
	}
	d, err := s.an.Analyze(r.Context(), a)
	if !s.inputOK(w, r, err) {
		return
	}
	d.Tokens = nil // large, and derivable from the text; never stored
	created, err := s.store.Put(r.Context(), d)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/articles/"+d.ID)
	}
	writeJSON(w, status, postResponse{ID: d.ID, Created: created})
}

// inputOK reports whether err is nil, and otherwise answers the request: 413 for an
// article over the size limit, 400 naming the problem for a rejected article, 500 else.
func (s *server) inputOK(w http.ResponseWriter, r *http.Request, err error) bool {
	ie, isInput := errors.AsType[*article.InputError](err)
	switch {
	case err == nil:
		return true
	case errors.Is(err, errArticleTooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, err.Error())
	case isInput:
		writeError(w, http.StatusBadRequest, ie.Reason)
	default:
		s.serverError(w, r, err)
	}
	return false
}

// authorize checks r's bearer token and answers the request itself when it is refused:
// 403 when the server has no token (writes are disabled), 401 when r's token is missing
// or wrong.
func (s *server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: the server has no API token; "+
			"start it with --token TOKEN or TOCSIN_TOKEN set, then send \"Authorization: Bearer TOKEN\"")
		return false
	}
	scheme, tok, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	tok = strings.TrimSpace(tok)
	if !strings.EqualFold(scheme, "Bearer") || tok == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tocsin"`)
		writeError(w, http.StatusUnauthorized, "missing API token: send \"Authorization: Bearer <token>\"")
		return false
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tocsin", error="invalid_token"`)
		writeError(w, http.StatusUnauthorized, "wrong API token")
		return false
	}
	return true
}

// contentTypeMessage explains a refused Content-Type header value.
func contentTypeMessage(ct string) string {
	if ct == "" {
		return "missing Content-Type: send the article as application/json"
	}
	return fmt.Sprintf("Content-Type must be application/json, got %q", ct)
}
