package hub

import (
	"strings"
	"testing"
)

func TestRedactKeys(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"a":1}`, `{"a":1}`}, // nothing that looks like a key: bytes kept as they are
		{`{"updateKey":"x","b":{"update_key":"y","updatekey":"z","key":123456789012345678901}}`,
			`{"b":{"key":123456789012345678901}}`}, // an athlete's "key" is no secret; big ids exact
		{`{"videoDataURL":"ws://h:8096/ws?updateKey=secret","paramVideoDataURL":"wss://h/ws?x=1&updateKey=secret"}`,
			`{"paramVideoDataURL":"wss://h/ws?x=1","videoDataURL":"ws://h:8096/ws"}`},
		{`[{"url":"http://h/?key=s&a=<b>"}]`, `[{"url":"http://h/?a=%3Cb%3E"}]`},
	}
	for _, c := range cases {
		got, err := RedactKeys([]byte(c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if string(got) != c.want {
			t.Errorf("RedactKeys(%s)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if _, err := RedactKeys([]byte(`{"key":`)); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("truncated JSON: %v", err)
	}
}
