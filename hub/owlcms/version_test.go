package owlcms

import (
	"encoding/json"
	"testing"
)

func TestVersionGate(t *testing.T) {
	g := newVersionGate("")
	tests := []struct {
		name     string
		raw      string // JSON value of "version"; "" = absent
		ok       bool
		reason   string
		received string // JSON echoed in details.received
	}{
		{"release", `"64.0.0"`, true, "", ""},
		{"release candidate suffix ignored", `"64.0.0-rc08"`, true, "", ""},
		{"build suffix ignored", `"64.2.1+build.7"`, true, "", ""},
		{"newer minor", `"64.10.0"`, true, "", ""},
		{"far future", `"999.0.0"`, true, "", ""},
		{"leading zeros", `"064.000.000"`, true, "", ""},
		{"huge components", `"99999999999999999999999.0.0"`, true, "", ""},
		{"just below", `"63.9.9"`, false,
			"OWLCMS protocol version 63.9.9 is below required minimum 64.0.0. Please upgrade OWLCMS.", `"63.9.9"`},
		{"old sender", `"2.3.0"`, false,
			"OWLCMS protocol version 2.3.0 is below required minimum 64.0.0. Please upgrade OWLCMS.", `"2.3.0"`},
		{"number", `64`, false, `Invalid version format from OWLCMS: "64" (expected "MAJOR.MINOR.PATCH")`, `64`},
		{"two parts", `"64.0"`, false, `Invalid version format from OWLCMS: "64.0" (expected "MAJOR.MINOR.PATCH")`, `"64.0"`},
		{"four parts", `"64.0.0.1"`, false, `Invalid version format from OWLCMS: "64.0.0.1" (expected "MAJOR.MINOR.PATCH")`, `"64.0.0.1"`},
		{"object", `{"major":64}`, false, `Invalid version format from OWLCMS: "{"major":64}" (expected "MAJOR.MINOR.PATCH")`, `{"major":64}`},
		{"missing", ``, false, reasonMissingVersion, `null`},
		{"null", `null`, false, reasonMissingVersion, `null`},
		{"empty string", `""`, false, reasonMissingVersion, `null`},
		{"zero", `0`, false, reasonMissingVersion, `null`},
		{"false", `false`, false, reasonMissingVersion, `null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw json.RawMessage
			if tt.raw != "" {
				raw = json.RawMessage(tt.raw)
			}
			v, fail := g.checkText(raw)
			if tt.ok {
				if fail != nil {
					t.Fatalf("rejected: %s", fail.Reason)
				}
				var want string
				json.Unmarshal(raw, &want)
				if v != want {
					t.Fatalf("version = %q, want %q", v, want)
				}
				return
			}
			if fail == nil {
				t.Fatalf("accepted %s", tt.raw)
			}
			if fail.Reason != tt.reason {
				t.Fatalf("reason = %q\n want %q", fail.Reason, tt.reason)
			}
			rep := string(replyVersion(fail).encode())
			want := `{"status":400,"error":"Protocol version check failed","reason":` + mustJSON(tt.reason) +
				`,"details":{"received":` + tt.received + `,"info":"Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"}}`
			if rep != want {
				t.Fatalf("reply\n got %s\nwant %s", rep, want)
			}
		})
	}
}

func TestVersionGateCustomMinimum(t *testing.T) {
	g := newVersionGate("65.1.0")
	if _, fail := g.checkText(json.RawMessage(`"65.0.9"`)); fail == nil ||
		fail.Reason != "OWLCMS protocol version 65.0.9 is below required minimum 65.1.0. Please upgrade OWLCMS." {
		t.Fatalf("65.0.9 accepted or wrong reason: %+v", fail)
	}
	if _, fail := g.checkText(json.RawMessage(`"65.1.0"`)); fail != nil {
		t.Fatalf("65.1.0 rejected: %s", fail.Reason)
	}
}

func TestVersionGateBadMinimumPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a bad MinimumVersion")
		}
	}()
	newVersionGate("sixty-four")
}

func mustJSON(s string) string {
	var b []byte
	b, _ = json.Marshal(s)
	// The reply encoder does not escape HTML; neither must the expectation.
	return string(unescapeHTML(b))
}

func unescapeHTML(b []byte) []byte {
	r := []byte{}
	for i := 0; i < len(b); i++ {
		if i+5 < len(b) && string(b[i:i+4]) == `\u00` {
			switch string(b[i+4 : i+6]) {
			case "3c":
				r = append(r, '<')
				i += 5
				continue
			case "3e":
				r = append(r, '>')
				i += 5
				continue
			case "26":
				r = append(r, '&')
				i += 5
				continue
			}
		}
		r = append(r, b[i])
	}
	return r
}
