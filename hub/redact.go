package hub

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
)

// keyNames are the field names and URL query parameters that carry OWLCMS's update key.
var keyNames = []string{"updateKey", "update_key", "updatekey", "key"}

// RedactKeys returns a JSON document with every update key removed: fields named like the key
// are dropped wherever they are, and URLs that carry it in their query (OWLCMS's database export
// has videoDataURL and paramVideoDataURL with "?updateKey=...") lose that parameter. Everything
// else is kept, numbers exactly as written (database ids are beyond float64's precision); key
// order becomes alphabetical. Used before anything received is written to disk.
func RedactKeys(data []byte) ([]byte, error) {
	if !bytes.Contains(bytes.ToLower(data), []byte("key")) {
		return data, nil // nothing to redact: keep the bytes as they are
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(redactValue(v)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func redactValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if isKeyName(k) && k != "key" { // "key" is an athlete's key in exports, not a secret
				delete(t, k)
				continue
			}
			t[k] = redactValue(e)
		}
	case []any:
		for i, e := range t {
			t[i] = redactValue(e)
		}
	case string:
		return redactURL(t)
	}
	return v
}

func isKeyName(k string) bool {
	for _, n := range keyNames {
		if k == n {
			return true
		}
	}
	return false
}

// redactURL drops the key parameters from a URL's query; any other string is returned as is.
func redactURL(s string) string {
	i := strings.IndexByte(s, '?')
	if i < 0 || !strings.Contains(strings.ToLower(s[i:]), "key=") {
		return s
	}
	q, err := url.ParseQuery(s[i+1:])
	if err != nil {
		return s[:i] // a query we cannot read may hide a key: drop it whole
	}
	for _, n := range keyNames {
		q.Del(n)
	}
	if len(q) == 0 {
		return s[:i]
	}
	return s[:i+1] + q.Encode()
}
