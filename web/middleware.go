package web

import (
	"net/http"
	"runtime/debug"
)

// dispatch routes r through s.mux. When no route matches, the mux still decides the
// status (404, 405 with its Allow header, or a redirect to a cleaned path), but the body
// is ours: a JSON error under /api/ and the HTML error page elsewhere.
func (s *server) dispatch(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	s.mux.ServeHTTP(&noRouteWriter{ResponseWriter: w, s: s, r: r}, r)
}

// noRouteWriter replaces the body of the mux's plain-text 404 and 405 responses.
type noRouteWriter struct {
	http.ResponseWriter
	s        *server
	r        *http.Request
	replaced bool
}

func (w *noRouteWriter) WriteHeader(status int) {
	switch status {
	case http.StatusNotFound:
		w.replaced = true
		if isAPI(w.r) {
			writeError(w.ResponseWriter, status, "no such API endpoint: "+w.r.URL.Path)
		} else {
			w.s.errorPage(w.ResponseWriter, w.r, status, "There is no page at "+w.r.URL.Path+".")
		}
	case http.StatusMethodNotAllowed:
		w.replaced = true
		msg := "method " + w.r.Method + " is not allowed on " + w.r.URL.Path +
			"; allowed: " + w.Header().Get("Allow")
		if isAPI(w.r) {
			writeError(w.ResponseWriter, status, msg)
		} else {
			w.s.errorPage(w.ResponseWriter, w.r, status, msg)
		}
	default:
		w.ResponseWriter.WriteHeader(status)
	}
}

func (w *noRouteWriter) Write(p []byte) (int, error) {
	if w.replaced {
		return len(p), nil // the mux's plain-text message; ours is already written
	}
	return w.ResponseWriter.Write(p)
}

// securityHeaders sets headers that forbid sniffing, framing and any script on every
// response.
func (s *server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.setSecurityHeaders(w.Header())
		next.ServeHTTP(w, r)
	})
}

func (s *server) setSecurityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", s.pages.csp)
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
}

// recoverPanics turns a panic in a handler into a logged 500 JSON error. When the
// handler had already started its response, the connection is aborted instead, so the
// client does not take a truncated response for a complete one.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &trackingWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("web: panic serving request", "method", r.Method, "path", r.URL.Path,
				"panic", v, "stack", string(debug.Stack()))
			if tw.started {
				panic(http.ErrAbortHandler)
			}
			h := w.Header()
			clear(h)
			s.setSecurityHeaders(h)
			writeError(w, http.StatusInternalServerError, "internal server error; the server log has the details")
		}()
		next.ServeHTTP(tw, r)
	})
}

// trackingWriter records whether the response has started.
type trackingWriter struct {
	http.ResponseWriter
	started bool
}

func (w *trackingWriter) WriteHeader(status int) {
	w.started = true
	w.ResponseWriter.WriteHeader(status)
}

func (w *trackingWriter) Write(p []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *trackingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
