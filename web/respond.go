package web

import (
	"encoding/json"
	"net/http"
	"strings"
)

// errorBody is the JSON form of every error response.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v as the JSON response body with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil { // every response type marshals; this is a programming error
		status = http.StatusInternalServerError
		b = []byte(`{"error":"internal server error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// writeError writes {"error": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// serverError logs err with the request it failed and answers 500 without details, as
// JSON for API paths and as an HTML page otherwise.
func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	const msg = "internal server error; the server log has the details"
	if isAPI(r) {
		writeError(w, http.StatusInternalServerError, msg)
		return
	}
	s.errorPage(w, r, http.StatusInternalServerError, msg)
}

// isAPI reports whether r is for the JSON API rather than an HTML page.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}
