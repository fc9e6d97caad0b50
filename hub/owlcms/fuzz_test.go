package owlcms

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseEnvelope: parseEnvelope decodes every text frame before anything else looks at it,
// so whatever the peer sends it must describe the frame consistently:
//   - the error is for non-JSON only (error ⇔ !json.Valid), and never comes with an envelope;
//     no error never comes without one;
//   - a JSON value that is not an object is flagged notObject and carries nothing else;
//   - an envelope without problem has a non-empty type (the "type" string) and a payload object;
//   - the update key is one of the key fields, and hasKey says whether any of them is present;
//   - redacted returns the frame unchanged when there is no key field, otherwise a JSON
//     envelope with the same content minus the key fields, which parses again without a key.
func FuzzParseEnvelope(f *testing.F) {
	for _, typ := range []string{"update", "timer", "decision", "database", "translations"} {
		payload, err := os.ReadFile(filepath.Join("testdata", typ+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(wrap("64.0.0", typ, payload))
	}
	for _, s := range []string{
		`{"version":"64.0.0","type":"update","payload":{"fop":"A","updateKey":"k","update_key":7,"updatekey":null}}`,
		`{"version":"64.0.0","type":"timer","payload":{"updateKey":"","update_key":"second"}}`,
		`{"version":"64.0.0","type":"update","payload":{"updateKey":{"k":"v"}},"extra":[1,2]}`,
		`{"version":"64.0.0","type":"update","payload":{"updateKey":"a","updateKey":"b"}}`,
		`{"type":"update","payload":{"updateKey":"k","fop":"\u00e9<&>\ud800"}}`,
		`{"version":64,"type":7,"payload":[1]}`,
		`{"version":"64.0.0","type":"update","payload":"{\"fop\":\"A\"}"}`,
		`{"version":"64.0.0","Type":"update","Payload":{}}`,
		`{"version":"64.0.0","type":"update","payload":null}`,
		`{"version":"64.0.0","type":"","payload":{}}`,
		`null`, `[1,2]`, `"update"`, `12`, ` {} `,
		`{not json`, ``, `{"a":1} trailing`, "{\"type\":\"update\",\"payload\":{\"fop\":\"\xff\"}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		env, err := parseEnvelope(data)
		if valid := json.Valid(data); (err == nil) != valid {
			t.Fatalf("json.Valid=%v but parseEnvelope error=%v", valid, err)
		}
		if err != nil {
			if env != nil {
				t.Fatalf("an error (%v) and an envelope %+v", err, env)
			}
			return
		}
		if env == nil {
			t.Fatal("neither an error nor an envelope")
		}
		if first := bytes.TrimSpace(data); env.notObject != (first[0] != '{') {
			t.Fatalf("notObject=%v for %q", env.notObject, data)
		}
		if env.notObject {
			if env.top != nil || env.typ != "" || env.fields != nil || env.hasKey || env.key != "" {
				t.Fatalf("not an object, yet decoded: %+v", env)
			}
			if out := env.redacted(data); !bytes.Equal(out, data) {
				t.Fatalf("a frame without key was rewritten: %q", out)
			}
			return
		}
		checkEnvelope(t, env)

		// redacted is what learning mode writes to disk: it must never keep a key field and
		// never lose anything else.
		out := env.redacted(data)
		if !env.hasKey {
			if !bytes.Equal(out, data) {
				t.Fatalf("a frame without key was rewritten:\n got %q\nwant %q", out, data)
			}
			return
		}
		if out == nil {
			t.Fatal("redacted returned nothing for a keyed frame")
		}
		again, err := parseEnvelope(out)
		if err != nil || again.notObject {
			t.Fatalf("redacted frame %q does not parse: %v", out, err)
		}
		checkEnvelope(t, again)
		if again.hasKey || again.key != "" {
			t.Fatalf("key fields survived redaction: %q", out)
		}
		if again.typ != env.typ || again.problem != env.problem {
			t.Fatalf("redaction changed the frame: type %q→%q, problem %q→%q", env.typ, again.typ, env.problem, again.problem)
		}
		if len(again.top) != len(env.top) {
			t.Fatalf("redaction changed the top-level fields: %d→%d", len(env.top), len(again.top))
		}
		for k, v := range env.top {
			if k != "payload" && !sameJSON(v, again.top[k]) {
				t.Fatalf("redaction changed %q: %s → %s", k, v, again.top[k])
			}
		}
		want := map[string]json.RawMessage{}
		for k, v := range env.fields {
			want[k] = v
		}
		for _, k := range keyFields {
			delete(want, k)
		}
		if len(again.fields) != len(want) {
			t.Fatalf("redaction changed the payload fields: %d→%d", len(want), len(again.fields))
		}
		for k, v := range want {
			if !sameJSON(v, again.fields[k]) {
				t.Fatalf("redaction changed payload field %q: %s → %s", k, v, again.fields[k])
			}
		}
	})
}

// checkEnvelope asserts what holds for every envelope decoded from a JSON object.
func checkEnvelope(t *testing.T, env *envelope) {
	t.Helper()
	if env.top == nil {
		t.Fatalf("object envelope without top-level fields: %+v", env)
	}
	if !bytes.Equal(env.version, env.top["version"]) || !bytes.Equal(env.payload, env.top["payload"]) {
		t.Fatalf("version/payload are not the top-level fields: %+v", env)
	}
	if env.typ != "" {
		var s string
		if err := json.Unmarshal(env.top["type"], &s); err != nil || s != env.typ {
			t.Fatalf("type %q is not the \"type\" string %s (%v)", env.typ, env.top["type"], err)
		}
	}
	if env.problem == "" && (env.typ == "" || env.fields == nil) {
		t.Fatalf("no problem reported, yet type=%q fields=%v", env.typ, env.fields)
	}
	if env.fields != nil {
		var m map[string]json.RawMessage
		if json.Unmarshal(env.payload, &m) != nil || m == nil {
			t.Fatalf("fields decoded from a payload that is not an object: %s", env.payload)
		}
	}
	present := false
	for _, k := range keyFields {
		if _, ok := env.fields[k]; ok {
			present = true
		}
	}
	if env.hasKey != present {
		t.Fatalf("hasKey=%v, key fields present=%v", env.hasKey, present)
	}
	if env.key != "" {
		found := false
		for _, k := range keyFields {
			if raw, ok := env.fields[k]; ok && scalarString(raw) == env.key {
				found = true
			}
		}
		if !found {
			t.Fatalf("key %q is not the value of a key field", env.key)
		}
	}
	_ = env.field("uiEvent")
	_ = env.field("fop", "fopName")
}

// sameJSON reports whether two JSON values are equal once decoded (the re-encoding by
// json.Marshal compacts values and escapes <, > and &).
func sameJSON(a, b json.RawMessage) bool {
	var va, vb any
	da, db := json.NewDecoder(bytes.NewReader(a)), json.NewDecoder(bytes.NewReader(b))
	da.UseNumber()
	db.UseNumber()
	if da.Decode(&va) != nil || db.Decode(&vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}
