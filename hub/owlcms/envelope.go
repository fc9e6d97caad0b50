package owlcms

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// envelope is a decoded text frame: {"version": "64.0.0", "type": "update", "payload": {...}}.
//
// Keys are matched exactly (encoding/json's case-insensitive struct matching would let
// "Version" or "UpdateKey" through), which is why the top level and the payload are decoded
// into maps of raw values rather than structs.
type envelope struct {
	notObject bool                       // valid JSON, but not an object (null, array, string...)
	top       map[string]json.RawMessage // top-level fields

	version json.RawMessage // raw "version" value, nil when absent

	typ     string // "type", "" when unusable (see problem)
	payload json.RawMessage
	fields  map[string]json.RawMessage // the payload's fields, nil unless it is an object
	problem string                     // why type or payload is unusable, "" when both are fine

	key    string // update key carried by the payload, "" when none
	hasKey bool   // some update key field is present (even empty), for redaction
}

// The payload fields that may carry the update key, in the order the reference tracker reads
// them.
var keyFields = []string{"updateKey", "update_key", "updatekey"}

// parseEnvelope decodes a text frame. The error is only for text that is not JSON at all; a
// JSON value that is not a usable envelope is described by the envelope itself.
func parseEnvelope(data []byte) (*envelope, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		// Unmarshal checks the syntax of the whole input before decoding, so a type error
		// means valid JSON of the wrong kind (array, string, number).
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return &envelope{notObject: true}, nil
		}
		return nil, err
	}
	if top == nil { // the literal null
		return &envelope{notObject: true}, nil
	}
	env := &envelope{top: top, version: top["version"]}
	env.typ, env.problem = decodeType(top["type"])
	env.payload = top["payload"]
	switch p := bytes.TrimSpace(env.payload); {
	case len(p) == 0 || string(p) == "null":
		env.problem = joinProblem(env.problem, `missing "payload"`)
	case p[0] != '{':
		env.problem = joinProblem(env.problem, `"payload" must be a JSON object`)
	default:
		if err := json.Unmarshal(p, &env.fields); err != nil {
			env.problem = joinProblem(env.problem, `"payload" must be a JSON object`)
			env.fields = nil
		}
	}
	env.key, env.hasKey = extractKey(env.fields)
	return env, nil
}

func decodeType(raw json.RawMessage) (string, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", `missing "type"`
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", `"type" must be a string`
	}
	if s == "" {
		return "", `missing "type"`
	}
	return s, ""
}

func joinProblem(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// extractKey returns the update key of a payload: the first non-empty updateKey, update_key or
// updatekey, like the reference tracker's `a || b || c`. Strings are taken as they are and
// numbers as their literal; any other JSON value is not a key.
func extractKey(fields map[string]json.RawMessage) (key string, present bool) {
	for _, name := range keyFields {
		raw, ok := fields[name]
		if !ok {
			continue
		}
		present = true
		if key == "" {
			key = scalarString(raw)
		}
	}
	return key, present
}

// field returns a payload field as text, for log attributes ("" when absent or structured).
func (e *envelope) field(names ...string) string {
	for _, n := range names {
		if s := scalarString(e.fields[n]); s != "" {
			return s
		}
	}
	return ""
}

// scalarString renders a JSON string or number as text; anything else gives "".
func scalarString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case c == '-' || c >= '0' && c <= '9':
		if _, err := strconv.ParseFloat(string(raw), 64); err == nil {
			return string(raw)
		}
	}
	return ""
}

// redacted returns the frame as it should be stored: the bytes as received when the payload
// carries no update key, otherwise the envelope re-encoded without the key fields (key order
// is then alphabetical; the content is otherwise identical).
func (e *envelope) redacted(raw []byte) []byte {
	if !e.hasKey {
		return raw
	}
	fields := make(map[string]json.RawMessage, len(e.fields))
	for k, v := range e.fields {
		fields[k] = v
	}
	for _, k := range keyFields {
		delete(fields, k)
	}
	payload, err := json.Marshal(fields)
	if err != nil {
		return nil
	}
	top := make(map[string]json.RawMessage, len(e.top))
	for k, v := range e.top {
		top[k] = v
	}
	top["payload"] = payload
	out, err := json.Marshal(top)
	if err != nil {
		return nil
	}
	return out
}
