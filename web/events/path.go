package events

import (
	"net/http"
	"net/url"
	"strings"
)

// PathPrefix is where the platform streams are served: PathPrefix + the escaped platform name.
const PathPrefix = "/events/"

// Path returns the URL path of a platform's stream ("" = the global stream, "/events"). The
// name is path-escaped as one segment: OWLCMS lets organisers name a platform "A/B", and the
// "/" must not split it.
func Path(fop string) string {
	if fop == "" {
		return strings.TrimSuffix(PathPrefix, "/")
	}
	return PathPrefix + url.PathEscape(fop)
}

// PlatformOf returns the platform named by a request for Path(fop). It reads the escaped path,
// so an escaped "/" ("A%2FB") stays inside the name; an unescaped one ("/events/A/B") names
// the same platform. false when the path names none.
func PlatformOf(r *http.Request) (string, bool) {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), PathPrefix)
	if !ok || rest == "" {
		return "", false
	}
	name, err := url.PathUnescape(rest)
	if err != nil || name == "" {
		return "", false
	}
	return name, true
}
