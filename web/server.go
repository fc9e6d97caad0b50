package web

import (
	"errors"
	"net/http"

	"github.com/owlcms/tracker/web/fragcache"
)

// server holds what every handler reads. Each handler is a method that returns an error
// instead of answering one itself; handle turns the error into the answer and the log line.
type server struct {
	cfg   Config
	cache *fragcache.Cache
	langs langFallbacks // languages boards were opened in and OWLCMS did not send
}

// handlerFunc is a handler that returns its failure for handle to answer. It must not have
// written anything when it returns an error.
type handlerFunc func(http.ResponseWriter, *http.Request) error

// httpError is a failure with what the client is told: its status and message. cause, for a
// server-side failure, is logged and never shown.
type httpError struct {
	status int
	msg    string
	cause  error
}

func (e *httpError) Error() string {
	if e.cause != nil {
		return e.msg + ": " + e.cause.Error()
	}
	return e.msg
}

func (e *httpError) Unwrap() error { return e.cause }

// errNotFound is the answer to a path that names nothing.
var errNotFound = &httpError{status: http.StatusNotFound, msg: "404 page not found"}

func badRequest(msg string) error { return &httpError{status: http.StatusBadRequest, msg: msg} }

// failed is a server-side failure: msg tells the viewer where to look, cause goes to the log.
func failed(msg string, cause error) error {
	return &httpError{status: http.StatusInternalServerError, msg: msg, cause: cause}
}

// handle is the one place where a handler's error becomes an answer: client errors are
// answered as they are, server errors are logged with the request and answered with their
// message only. An error that is not an httpError is a server error.
func (s *server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var he *httpError
		if !errors.As(err, &he) {
			he = &httpError{status: http.StatusInternalServerError, msg: "internal error; the details are in the tracker's log", cause: err}
		}
		if he.status >= 500 {
			s.cfg.Logger.Error("request failed", "status", he.status, "method", r.Method, "path", r.URL.Path,
				"query", r.URL.RawQuery, "error", he)
		}
		http.Error(w, he.msg, he.status)
	}
}
