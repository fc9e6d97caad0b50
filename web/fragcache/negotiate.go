package fragcache

import (
	"net/http"
	"strconv"
	"strings"
)

// noneMatch reports whether any If-None-Match header value matches etag
// using weak comparison (RFC 9110 §13.1.2): "*" matches, W/ prefixes are
// ignored on both sides. Entity tags may contain commas, so the list is
// scanned tag by tag rather than split on ",". A malformed list stops the
// scan; whatever matched before it still counts.
func noneMatch(values []string, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, v := range values {
		for {
			v = strings.TrimLeft(v, " \t,")
			if v == "" {
				break
			}
			if v[0] == '*' {
				return true
			}
			tag, rest, ok := scanETag(v)
			if !ok {
				break
			}
			if tag == want {
				return true
			}
			v = rest
		}
	}
	return false
}

// scanETag reads one entity-tag from the start of s and returns its opaque
// (quoted) part without any W/ prefix, and the remainder of s.
func scanETag(s string) (tag, rest string, ok bool) {
	s = strings.TrimPrefix(s, "W/")
	if len(s) < 2 || s[0] != '"' {
		return "", "", false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			return s[:i+1], s[i+1:], true
		case c == 0x21 || (c >= 0x23 && c <= 0x7e) || c >= 0x80:
			// etagc
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// acceptsGzip reports whether the Accept-Encoding values accept gzip
// (RFC 9110 §12.5.3): "gzip" (or the legacy "x-gzip") with q > 0, or
// "*" with q > 0 when gzip is not listed explicitly. An explicit q=0 is a
// refusal. An unparsable q is treated as a refusal too, since plain is
// always a safe answer.
func acceptsGzip(values []string) bool {
	gzipQ, starQ := -1.0, -1.0
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.TrimSpace(coding)
			q := qvalue(params)
			switch {
			case strings.EqualFold(coding, "gzip"), strings.EqualFold(coding, "x-gzip"):
				gzipQ = max(gzipQ, q)
			case coding == "*":
				starQ = max(starQ, q)
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}

// qvalue returns the q parameter from ";"-separated params, 1 when absent
// and 0 when invalid.
func qvalue(params string) float64 {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, val, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}

// varies reports whether the Vary header already lists field (or "*"),
// so ServeHTTP does not duplicate a value set by middleware.
func varies(h http.Header, field string) bool {
	for _, v := range h.Values("Vary") {
		for f := range strings.SplitSeq(v, ",") {
			f = strings.TrimSpace(f)
			if f == "*" || strings.EqualFold(f, field) {
				return true
			}
		}
	}
	return false
}
