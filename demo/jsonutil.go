package demo

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf16"
)

// marshal encodes v the way Jackson does for OWLCMS: no HTML escaping, so "<sup>" and "&ndash;"
// stay readable exactly as in captured traffic. Values are built by this package and always
// encodable, so an error is a programming bug.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("demo: cannot encode payload: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// object is a JSON object that keeps its keys in insertion order, like the Java LinkedHashMap
// OWLCMS serialises, so payloads read in the same order as the captures.
type object struct {
	keys   []string
	values map[string]any
}

func newObject() *object { return &object{values: map[string]any{}} }

// set adds or replaces a key; a replaced key keeps its first position (LinkedHashMap.put).
func (o *object) set(key string, value any) *object {
	if _, ok := o.values[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.values[key] = value
	return o
}

// setNonNil is OWLCMS's mapPut: a nil value leaves the key out entirely.
func (o *object) setNonNil(key string, value any) *object {
	if value == nil {
		return o
	}
	return o.set(key, value)
}

// MarshalJSON implements json.Marshaler.
func (o *object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(marshal(k))
		buf.WriteByte(':')
		buf.Write(marshal(o.values[k]))
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// javaStringHash is Java's String.hashCode(): OWLCMS uses it for team ids, so the demo's ids
// have the same shape (signed 32-bit, often negative) and the same value for the same name.
func javaStringHash(s string) int32 {
	var h int32
	for _, u := range utf16.Encode([]rune(s)) {
		h = 31*h + int32(u)
	}
	return h
}

// javaLength is Java's String.length() (UTF-16 code units), which OWLCMS uses for teamLength
// and the short/long team decision.
func javaLength(s string) int { return len(utf16.Encode([]rune(s))) }

// intOrNull maps the model's "0 = not given" to the JSON null OWLCMS sends for empty fields.
func intOrNull(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// localDateArray is a Java LocalDate as Jackson writes it with timestamps enabled: [y,m,d].
func localDateArray(t time.Time) []int {
	return []int{t.Year(), int(t.Month()), t.Day()}
}

// localDateTimeArray is a Java LocalDateTime as Jackson writes it with timestamps enabled:
// [y,m,d,h,mi] then the seconds only when seconds or nanos are set, then the nanos only when
// set. A zero time is null.
func localDateTimeArray(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	a := []int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute()}
	if t.Second() > 0 || t.Nanosecond() > 0 {
		a = append(a, t.Second())
		if t.Nanosecond() > 0 {
			a = append(a, t.Nanosecond())
		}
	}
	return a
}

// isoLocalDate is a Java LocalDate as Jackson writes it with timestamps disabled (the update
// payload's mapper): "2001-06-19".
func isoLocalDate(t time.Time) string { return t.Format(time.DateOnly) }

// isoLocalDateTime is DateTimeFormatter.ISO_LOCAL_DATE_TIME: seconds always, the fraction with
// trailing zeros removed and omitted when zero ("2026-05-16T10:04:17.41"). A zero time is null.
func isoLocalDateTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02T15:04:05.999999999")
}

// javaLocalTime is LocalTime.toString(): "HH:mm", then ":ss" when seconds or nanos are set,
// then the fraction in groups of 3, 6 or 9 digits.
func javaLocalTime(t time.Time) string {
	s := t.Format("15:04")
	sec, nano := t.Second(), t.Nanosecond()
	if sec == 0 && nano == 0 {
		return s
	}
	s += ":" + pad2(sec)
	switch {
	case nano == 0:
	case nano%1_000_000 == 0:
		s += "." + padN(nano/1_000_000, 3)
	case nano%1_000 == 0:
		s += "." + padN(nano/1_000, 6)
	default:
		s += "." + padN(nano, 9)
	}
	return s
}

func pad2(v int) string { return padN(v, 2) }

func padN(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}
