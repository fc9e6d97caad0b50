package hub

// Lenient scalar decoding.
//
// OWLCMS sends almost every value as a string ("true", "60000"), but some payloads carry real
// JSON numbers, booleans or explicit nulls for the same keys, and database ids exceed 2^53.
// These types accept every form, so one decoder serves every OWLCMS build we know of.

import (
	"bytes"
	"encoding/json"
	"html"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Str is a JSON scalar kept as text: a string as is, a number as its literal, a boolean as
// "true"/"false", null or absent as "".
type Str string

// UnmarshalJSON implements json.Unmarshaler.
func (s *Str) UnmarshalJSON(b []byte) error {
	*s = Str(scalarText(b))
	return nil
}

// Int is an integer that may arrive as a number (possibly above 2^53), a numeric string, or
// null/"" (zero).
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (i *Int) UnmarshalJSON(b []byte) error {
	v, _ := parseInt(scalarText(b))
	*i = Int(v)
	return nil
}

// Float is a number that may arrive as a number, a numeric string (with a decimal comma), or
// null/"" (zero).
type Float float64

// UnmarshalJSON implements json.Unmarshaler.
func (f *Float) UnmarshalJSON(b []byte) error {
	v, _ := parseFloat(scalarText(b))
	*f = Float(v)
	return nil
}

// Bool is a boolean that may arrive as true/false, "true"/"false", 1/0 or null (false).
type Bool bool

// UnmarshalJSON implements json.Unmarshaler.
func (v *Bool) UnmarshalJSON(b []byte) error {
	*v = Bool(parseBool(scalarText(b)))
	return nil
}

// Date is a calendar date sent as a Java LocalDate array [y,m,d] or as "YYYY-MM-DD".
type Date struct{ Year, Month, Day int }

// UnmarshalJSON implements json.Unmarshaler. Anything unrecognised leaves the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	*d = Date{}
	parts := dateParts(b)
	if len(parts) >= 1 {
		d.Year = parts[0]
	}
	if len(parts) >= 3 {
		d.Month, d.Day = parts[1], parts[2]
	}
	return nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String renders the date as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Month == 0 {
		return strconv.Itoa(d.Year)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// DateTime is a Java LocalDateTime sent as [y,m,d,h,mi,s,nanos] or as an ISO string without a
// zone. It is kept as a wall-clock time in UTC (OWLCMS sends no zone).
type DateTime struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler. Anything unrecognised leaves the zero time.
func (d *DateTime) UnmarshalJSON(b []byte) error {
	d.Time = time.Time{}
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		s := scalarText(b)
		for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", time.RFC3339Nano, time.DateOnly} {
			if t, err := time.Parse(layout, s); err == nil {
				d.Time = t
				return nil
			}
		}
		return nil
	}
	p := dateParts(b)
	if len(p) < 3 {
		return nil
	}
	for len(p) < 7 {
		p = append(p, 0)
	}
	d.Time = time.Date(p[0], time.Month(p[1]), p[2], p[3], p[4], p[5], p[6], time.UTC)
	return nil
}

// scalarText turns one JSON value into text: strings are unquoted, null is "", objects and
// arrays are returned as their JSON.
func scalarText(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || bytes.Equal(b, []byte("null")) {
		return ""
	}
	if b[0] == '"' {
		// Fast path: most values have no escapes and need no decoder (this runs for every
		// scalar of a 700 KB database).
		if len(b) >= 2 && b[len(b)-1] == '"' {
			if inner := b[1 : len(b)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
				return string(inner)
			}
		}
		var s string
		if err := json.Unmarshal(b, &s); err == nil {
			return s
		}
		return ""
	}
	return string(b)
}

// RawText returns the text form of a raw JSON scalar (see Str).
func RawText(b json.RawMessage) string { return scalarText(b) }

func parseInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	if f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return int64(f), true
	}
	return 0, false
}

func parseFloat(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func parseBool(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "on":
		return true
	}
	return false
}

// dateParts reads a JSON array of integers ([2024,11,23]) or a date string ("2024-11-23",
// "1992") into its numeric parts.
func dateParts(b []byte) []int {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil
	}
	if b[0] == '[' {
		// [2024,11,23,10,2,41,550244000]: numbers only, parsed without a decoder.
		if len(b) < 2 || b[len(b)-1] != ']' {
			return nil
		}
		var out []int
		for _, f := range strings.Split(string(b[1:len(b)-1]), ",") {
			v, ok := parseInt(scalarText([]byte(f)))
			if !ok {
				return nil
			}
			out = append(out, int(v))
		}
		return out
	}
	s := scalarText(b)
	if i := strings.IndexAny(s, "T "); i >= 0 {
		s = s[:i]
	}
	var out []int
	for _, f := range strings.Split(s, "-") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// NormalizeKey turns an athlete key sent as a number or a string into its canonical string
// form ("-1204379830"). It returns "" when the value is not a usable key.
func NormalizeKey(b json.RawMessage) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] == '{' || b[0] == '[' {
		return ""
	}
	s := strings.TrimSpace(scalarText(b))
	if s == "" || s == "true" || s == "false" {
		return ""
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return strconv.FormatInt(v, 10)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<63 {
		return strconv.FormatInt(int64(f), 10)
	}
	return s
}

// PlainText decodes the HTML entities OWLCMS puts in text fields (&ndash;, &amp;, &nbsp;) once,
// so the result can be escaped normally when rendered. It is not a sanitiser: tags are kept as
// text.
func PlainText(s string) string {
	if !strings.ContainsRune(s, '&') {
		return s
	}
	return html.UnescapeString(s)
}

// structured returns the JSON value inside raw, unwrapping values that OWLCMS sends as a JSON
// string containing JSON (records in decision payloads, legacy order arrays).
func structured(raw json.RawMessage) json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return raw
	}
	s := strings.TrimSpace(scalarText(raw))
	if s == "" || (s[0] != '{' && s[0] != '[') || !json.Valid([]byte(s)) {
		return nil
	}
	return json.RawMessage(s)
}
