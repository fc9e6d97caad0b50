package hub

import (
	"encoding/json"
	"testing"
	"time"
)

func TestLenientScalars(t *testing.T) {
	type all struct {
		S Str   `json:"s"`
		I Int   `json:"i"`
		F Float `json:"f"`
		B Bool  `json:"b"`
	}
	tests := []struct {
		name string
		in   string
		want all
	}{
		{"strings", `{"s":"x","i":"42","f":"61.5","b":"true"}`, all{"x", 42, 61.5, true}},
		{"native", `{"s":12,"i":42,"f":61.5,"b":true}`, all{"12", 42, 61.5, true}},
		{"nulls", `{"s":null,"i":null,"f":null,"b":null}`, all{}},
		{"empty strings", `{"s":"","i":"","f":"","b":""}`, all{}},
		{"decimal comma", `{"f":"61,9"}`, all{F: 61.9}},
		{"bool as string false", `{"s":false,"b":"false"}`, all{S: "false"}},
		{"bool as number", `{"b":1}`, all{B: true}},
		{"int as float literal", `{"i":42.0}`, all{I: 42}},
		{"int as negative string", `{"i":"-1204379830"}`, all{I: -1204379830}},
		{"id above 2^53 exact", `{"i":9007199254740993}`, all{I: 9007199254740993}},
		{"id above 2^53 as string", `{"i":"1809911237435867601"}`, all{I: 1809911237435867601}},
		{"garbage number", `{"i":"abc","f":"x"}`, all{}},
		{"object in scalar", `{"s":{"a":1}}`, all{S: `{"a":1}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got all
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestRawTextEdges(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"`, ""},
		{`""`, ""},
		{`"a\"b"`, `a"b`},
		{`"\u00e9t\u00e9"`, "été"},
		{`"Bjørgvin"`, "Bjørgvin"},
		{` "x" `, "x"},
		{`-12.5`, "-12.5"},
	}
	for _, tt := range tests {
		if got := RawText([]byte(tt.in)); got != tt.want {
			t.Errorf("RawText(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{`[2024,11,23]`, "2024-11-23"},
		{`"1992-10-15"`, "1992-10-15"},
		{`"1992-10-15T00:00:00"`, "1992-10-15"},
		{`"1992"`, "1992"},
		{`null`, ""},
		{`"garbage"`, ""},
		{`[2024,"x",1]`, ""},
		{`[ 2024 , 11 , 23 ]`, "2024-11-23"},
	}
	for _, tt := range tests {
		var d Date
		if err := json.Unmarshal([]byte(tt.in), &d); err != nil {
			t.Fatal(err)
		}
		if d.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.in, d.String(), tt.want)
		}
	}
}

func TestDatePartsMalformed(t *testing.T) {
	for _, in := range []string{`[2024,11`, `[]`, `[,]`, `["a"]`, `x`} {
		if got := dateParts([]byte(in)); got != nil {
			t.Errorf("dateParts(%s) = %v, want nil", in, got)
		}
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{`[2024,11,23,10,2,41,550244000]`, time.Date(2024, 11, 23, 10, 2, 41, 550244000, time.UTC)},
		{`[2024,11,23,10,2]`, time.Date(2024, 11, 23, 10, 2, 0, 0, time.UTC)},
		{`"2024-11-23T14:39:44.33592"`, time.Date(2024, 11, 23, 14, 39, 44, 335920000, time.UTC)},
		{`"2024-11-23T14:39"`, time.Date(2024, 11, 23, 14, 39, 0, 0, time.UTC)},
		{`null`, time.Time{}},
		{`[2024]`, time.Time{}},
	}
	for _, tt := range tests {
		var d DateTime
		if err := json.Unmarshal([]byte(tt.in), &d); err != nil {
			t.Fatal(err)
		}
		if !d.Equal(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.in, d.Time, tt.want)
		}
	}
}

func TestNormalizeKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{`1907684233`, "1907684233"},
		{`-1393305065`, "-1393305065"},
		{`"1612142203"`, "1612142203"},
		{`" 42 "`, "42"},
		{`42.0`, "42"},
		{`"abc"`, "abc"},
		{`""`, ""},
		{`null`, ""},
		{`true`, ""},
		{`{"isSpacer":true}`, ""},
		{`[1]`, ""},
	}
	for _, tt := range tests {
		if got := NormalizeKey(json.RawMessage(tt.in)); got != tt.want {
			t.Errorf("NormalizeKey(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Session M1 &ndash; Results", "Session M1 – Results"},
		{"A&amp;B", "A&B"},
		{"&amp;lt;", "&lt;"}, // decoded once, never twice
		{"no entities", "no entities"},
		{"x&nbsp;y", "x\u00a0y"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStructured(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a":1}`, `{"a":1}`},
		{`"{\"a\":1}"`, `{"a":1}`},
		{`"[1,2]"`, `[1,2]`},
		{`"not json"`, ``},
		{`"{broken"`, ``},
	}
	for _, tt := range tests {
		if got := string(structured(json.RawMessage(tt.in))); got != tt.want {
			t.Errorf("structured(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
