package owlcms

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractKey(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		key     string
		present bool
	}{
		{"updateKey", `{"updateKey":"abc"}`, "abc", true},
		{"update_key", `{"update_key":"abc"}`, "abc", true},
		{"updatekey", `{"updatekey":"abc"}`, "abc", true},
		{"first non-empty wins", `{"updateKey":"","update_key":"second","updatekey":"third"}`, "second", true},
		{"updateKey before the others", `{"updatekey":"third","updateKey":"first"}`, "first", true},
		{"number", `{"updateKey":12345}`, "12345", true},
		{"object is not a key", `{"updateKey":{"k":"v"}}`, "", true},
		{"bool is not a key", `{"updateKey":true}`, "", true},
		{"null", `{"updateKey":null}`, "", true},
		{"wrong case is not a key field", `{"UpdateKey":"abc","UPDATEKEY":"abc"}`, "", false},
		{"absent", `{"fop":"A"}`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, err := parseEnvelope([]byte(`{"version":"64.0.0","type":"update","payload":` + tt.payload + `}`))
			if err != nil {
				t.Fatal(err)
			}
			if env.key != tt.key || env.hasKey != tt.present {
				t.Fatalf("key = %q present=%v, want %q %v", env.key, env.hasKey, tt.key, tt.present)
			}
		})
	}
}

func TestParseEnvelope(t *testing.T) {
	tests := []struct {
		in        string
		err       bool
		notObject bool
		typ       string
		problem   string
	}{
		{in: `{"version":"64.0.0","type":"update","payload":{}}`, typ: "update"},
		{in: `{"version":"64.0.0","type":"update","payload":{"fop":"A"}}`, typ: "update"},
		{in: `{not json`, err: true},
		{in: ``, err: true},
		{in: `{"a":1} trailing`, err: true},
		{in: `null`, notObject: true},
		{in: `[1,2]`, notObject: true},
		{in: `"update"`, notObject: true},
		{in: `{"version":"64.0.0","payload":{}}`, problem: `missing "type"`},
		{in: `{"version":"64.0.0","type":"","payload":{}}`, problem: `missing "type"`},
		{in: `{"version":"64.0.0","type":7,"payload":{}}`, problem: `"type" must be a string`},
		{in: `{"version":"64.0.0","type":"update"}`, typ: "update", problem: `missing "payload"`},
		{in: `{"version":"64.0.0","type":"update","payload":null}`, typ: "update", problem: `missing "payload"`},
		{in: `{"version":"64.0.0","type":"update","payload":[1]}`, typ: "update", problem: `"payload" must be a JSON object`},
		{in: `{"version":"64.0.0","type":"update","payload":"x"}`, typ: "update", problem: `"payload" must be a JSON object`},
		{in: `{"version":"64.0.0","Type":"update","Payload":{}}`, problem: `missing "type"; missing "payload"`},
	}
	for _, tt := range tests {
		env, err := parseEnvelope([]byte(tt.in))
		if tt.err {
			if err == nil {
				t.Errorf("%s: no error", tt.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if env.notObject != tt.notObject || env.typ != tt.typ || env.problem != tt.problem {
			t.Errorf("%s: got notObject=%v typ=%q problem=%q", tt.in, env.notObject, env.typ, env.problem)
		}
	}
}

func TestRedacted(t *testing.T) {
	in := []byte(`{"version":"64.0.0","type":"update","payload":{"updateKey":"k1","update_key":"k2","updatekey":"k3","fop":"A","n":1}}`)
	env, err := parseEnvelope(in)
	if err != nil {
		t.Fatal(err)
	}
	out := env.redacted(in)
	if strings.Contains(string(out), "k1") || strings.Contains(string(out), "k2") || strings.Contains(string(out), "k3") ||
		strings.Contains(strings.ToLower(string(out)), "key") {
		t.Fatalf("key left in %s", out)
	}
	var got struct {
		Version string         `json:"version"`
		Type    string         `json:"type"`
		Payload map[string]any `json:"payload"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != "64.0.0" || got.Type != "update" || got.Payload["fop"] != "A" || got.Payload["n"] != 1.0 || len(got.Payload) != 2 {
		t.Fatalf("redacted envelope lost content: %s", out)
	}

	plain := []byte(`{"version":"64.0.0","type":"timer","payload":{"fopName":"A"}}`)
	env, _ = parseEnvelope(plain)
	if string(env.redacted(plain)) != string(plain) {
		t.Fatal("a frame without key must be stored as received")
	}
}

func TestClip(t *testing.T) {
	if clip("short") != "short" {
		t.Fatal("short string changed")
	}
	long := strings.Repeat("é", 100)
	c := clip(long)
	if len(c) > 64+len("…") || !strings.HasSuffix(c, "…") || !json.Valid([]byte(mustJSON(c))) {
		t.Fatalf("clip = %q", c)
	}
}
