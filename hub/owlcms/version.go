package owlcms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// DefaultMinimumVersion is the oldest OWLCMS protocol version accepted: the first release whose
// sender puts its own version (64.x) in every frame instead of the old "2.3.0".
const DefaultMinimumVersion = "64.0.0"

// versionPattern is the reference tracker's parseVersion: MAJOR.MINOR.PATCH with an optional
// prerelease or build suffix that is ignored when comparing, so 64.0.0-rc08 passes a 64.0.0
// minimum even though semver would rank it lower. OWLCMS release candidates rely on this.
var versionPattern = regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$`)

// version is a parsed protocol version. The numbers are kept as digit strings so that a
// version with absurdly long components compares correctly instead of overflowing.
type version [3]string

// parseVersion parses s, reporting whether it is a protocol version at all.
func parseVersion(s string) (version, bool) {
	m := versionPattern.FindStringSubmatch(s)
	if m == nil {
		return version{}, false
	}
	var v version
	for i := range v {
		v[i] = strings.TrimLeft(m[i+1], "0")
	}
	return v, true
}

// less reports whether v sorts before w, comparing major, minor then patch numerically.
func (v version) less(w version) bool {
	for i := range v {
		if c := compareDigits(v[i], w[i]); c != 0 {
			return c < 0
		}
	}
	return false
}

// compareDigits compares two decimal numbers written without leading zeros.
func compareDigits(a, b string) int {
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// versionGate applies the minimum protocol version.
type versionGate struct {
	minimum     string // as configured, for messages
	minimumVers version
}

func newVersionGate(minimum string) versionGate {
	if minimum == "" {
		minimum = DefaultMinimumVersion
	}
	v, ok := parseVersion(minimum)
	if !ok {
		// A programming error in main, like a bad regexp.MustCompile pattern.
		panic(fmt.Sprintf("owlcms: MinimumVersion %q is not MAJOR.MINOR.PATCH", minimum))
	}
	return versionGate{minimum: minimum, minimumVers: v}
}

// accepts reports whether a well-formed version string is recent enough.
func (g versionGate) accepts(v version) bool { return !v.less(g.minimumVers) }

// versionFailure is a rejected text frame version. Reason is one of the reference tracker's
// exact strings; Received is the raw JSON value of "version" (nil when absent or falsy), echoed
// in the reply's details.
type versionFailure struct {
	Reason   string
	Received json.RawMessage
}

// receivedText is the rejected version as plain text for the status page.
func (f *versionFailure) receivedText() string {
	if f.Received == nil {
		return ""
	}
	var s string
	if json.Unmarshal(f.Received, &s) == nil {
		return s
	}
	return string(f.Received)
}

// The reference tracker's failure reasons (see docs/protocol.md, replies), kept word for word
// because OWLCMS operators and existing tooling know them.
const (
	reasonNotObject      = "Message is not a valid object"
	reasonMissingVersion = `Message missing "version" field. Expected format: {"version":"2.0.0","type":"...","payload":{...}}`
)

func reasonInvalidVersion(v string) string {
	return fmt.Sprintf(`Invalid version format from OWLCMS: "%s" (expected "MAJOR.MINOR.PATCH")`, v)
}

func (g versionGate) reasonTooOld(v string) string {
	return fmt.Sprintf("OWLCMS protocol version %s is below required minimum %s. Please upgrade OWLCMS.", v, g.minimum)
}

// checkText validates the top-level "version" of a text envelope. raw is its JSON value (nil
// when the key is absent). It returns the accepted version string, or the failure.
func (g versionGate) checkText(raw json.RawMessage) (string, *versionFailure) {
	raw = bytes.TrimSpace(raw)
	if isFalsy(raw) {
		return "", &versionFailure{Reason: reasonMissingVersion}
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		// A number (64), a boolean or an object: truthy but not a version string.
		return "", &versionFailure{Reason: reasonInvalidVersion(string(raw)), Received: raw}
	}
	v, ok := parseVersion(s)
	if !ok {
		return "", &versionFailure{Reason: reasonInvalidVersion(s), Received: raw}
	}
	if !g.accepts(v) {
		return "", &versionFailure{Reason: g.reasonTooOld(s), Received: raw}
	}
	return s, nil
}

// isFalsy mirrors JavaScript truthiness for a JSON value, which is how the reference tracker
// decides that "version" is missing: absent, null, false, 0 and "" all count as missing.
func isFalsy(raw json.RawMessage) bool {
	switch string(raw) {
	case "", "null", "false", `""`:
		return true
	}
	if raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9' {
		var f float64
		return json.Unmarshal(raw, &f) == nil && f == 0
	}
	return false
}
