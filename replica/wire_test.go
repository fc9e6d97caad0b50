package replica

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub"
)

func TestCheckpointWireKeepsBytes(t *testing.T) {
	db := []byte(`{"athletes": [ ],  "x":"<b>"}`) // spacing and '<' must survive as they are
	tr := []byte(`{"en":{"a":"b"}}`)
	cp := hub.Checkpoint{SavedAt: time.Unix(100, 5), DatabaseChecksum: "abc",
		FOPs: []hub.FOPCheckpoint{{Name: "A", Fields: map[string]json.RawMessage{"x": json.RawMessage(`1`)}}}}
	b, err := encodeCheckpoint(cp, db, tr)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeCheckpoint(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Database, db) || !bytes.Equal(got.Translations, tr) || got.DatabaseChecksum != "abc" ||
		len(got.FOPs) != 1 || got.FOPs[0].Name != "A" || !got.SavedAt.Equal(cp.SavedAt) {
		t.Errorf("round trip: %+v", got)
	}
	for _, bad := range []string{"", "x\n", "5\nab", "-1\n", "2\n{}0\n"} {
		if _, err := decodeCheckpoint([]byte(bad)); err == nil {
			t.Errorf("decodeCheckpoint(%q) accepted", bad)
		}
	}
}

func TestBodyCompression(t *testing.T) {
	small := []byte(`{"fop":"A"}`)
	m, err := newMsg("s", small, time.Time{})
	if err != nil || m.Header.Get(headerEncoding) != "" || !bytes.Equal(m.Data, small) {
		t.Fatalf("small body: %v %v", m.Header, err)
	}
	large := []byte(strings.Repeat(`{"athlete":"DOE, Jane"},`, 2000))
	at := time.Unix(1700000000, 123456789)
	m, err = newMsg("s", large, at)
	if err != nil || m.Header.Get(headerEncoding) != "gzip" || len(m.Data) >= len(large) {
		t.Fatalf("large body not compressed: %v %d %v", m.Header, len(m.Data), err)
	}
	back, err := body(m.Data, m.Header.Get(headerEncoding))
	if err != nil || !bytes.Equal(back, large) {
		t.Fatalf("decompressed body differs: %v", err)
	}
	if got := headerTime(m.Header.Get(headerAt)); !got.Equal(at) {
		t.Errorf("header time %v, want %v", got, at)
	}
	if _, err := body([]byte("x"), "br"); err == nil {
		t.Error("an unknown encoding was accepted")
	}
	if !headerTime("nope").IsZero() || !headerTime("").IsZero() {
		t.Error("an unreadable time should be zero")
	}
}
