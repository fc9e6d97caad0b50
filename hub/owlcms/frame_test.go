package owlcms

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseBinaryFrame(t *testing.T) {
	zipBytes := []byte("PK\x03\x04rest-of-a-zip")
	tests := []struct {
		name    string
		in      []byte
		want    Frame
		wantErr error
	}{
		{"versioned", EncodeFrame("64.0.0", "database_zip", zipBytes),
			Frame{Layout: LayoutVersioned, Version: "64.0.0", Type: "database_zip", Payload: zipBytes}, nil},
		{"versioned with suffix", EncodeFrame("64.1.0-rc08", "flags_zip", []byte("x")),
			Frame{Layout: LayoutVersioned, Version: "64.1.0-rc08", Type: "flags_zip", Payload: []byte("x")}, nil},
		{"versioned old version is still parsed", EncodeFrame("2.3.0", "translations_zip", []byte("y")),
			Frame{Layout: LayoutVersioned, Version: "2.3.0", Type: "translations_zip", Payload: []byte("y")}, nil},
		{"versioned empty payload", EncodeFrame("64.0.0", "flags_zip", nil),
			Frame{Layout: LayoutVersioned, Version: "64.0.0", Type: "flags_zip", Payload: []byte{}}, nil},
		{"legacy", encodeLegacy("database_zip", zipBytes),
			Frame{Layout: LayoutLegacy, Type: "database_zip", Payload: zipBytes}, nil},
		{"legacy short type too short for a versioned candidate", encodeLegacy("flags", nil),
			Frame{Layout: LayoutLegacy, Type: "flags", Payload: []byte{}}, nil},
		{"legacy long type", encodeLegacy(strings.Repeat("t", 21), []byte("p")),
			Frame{Layout: LayoutLegacy, Type: strings.Repeat("t", 21), Payload: []byte("p")}, nil},
		{"bare zip", zipBytes, Frame{Layout: LayoutBareZip, Type: "flags_zip", Payload: zipBytes}, nil},
		{"bare zip magic only", []byte("PK\x03\x04"), Frame{Layout: LayoutBareZip, Type: "flags_zip", Payload: []byte("PK\x03\x04")}, nil},

		{"empty", nil, Frame{}, ErrTruncated},
		{"1 byte", []byte{0}, Frame{}, ErrTruncated},
		{"3 bytes", []byte{0, 0, 0}, Frame{}, ErrTruncated},
		{"zero first length", []byte{0, 0, 0, 0, 'a', 'b'}, Frame{}, ErrEmptyType},
		{"zero type length after version", EncodeFrame("64.0.0", "", []byte("p")), Frame{}, ErrEmptyType},
		{"huge first length", []byte{0x7f, 0xff, 0xff, 0xff, 'a'}, Frame{}, ErrBadTypeLen},
		{"max first length", []byte{0xff, 0xff, 0xff, 0xff}, Frame{}, ErrBadTypeLen},
		{"legacy type length beyond frame", []byte{0, 0, 0, 30, 'a', 'b'}, Frame{}, ErrTruncated},
		{"legacy type length just beyond 10 MiB bound", append([]byte{0, 0xa0, 0, 1}, 'x'), Frame{}, ErrBadTypeLen},
		{"legacy type length within 10 MiB bound", append([]byte{0, 0xa0, 0, 0}, 'x'), Frame{}, ErrTruncated},
		{"huge type length after version", append(EncodeFrame("64.0.0", "", nil)[:10], 0xff, 0xff, 0xff, 0xff, 'd'), Frame{}, ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseBinaryFrame(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if got.Layout != tt.want.Layout || got.Version != tt.want.Version || got.Type != tt.want.Type || !bytes.Equal(got.Payload, tt.want.Payload) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// Cutting a valid versioned frame anywhere inside its header must give an error, never a
// panic; cutting it inside the payload gives a shorter payload.
func TestParseBinaryFrameTruncatedEverywhere(t *testing.T) {
	full := EncodeFrame("64.0.0", "database_zip", []byte("{}"))
	header := 4 + len("64.0.0") + 4 + len("database_zip")
	for n := 0; n <= len(full); n++ {
		got, err := ParseBinaryFrame(full[:n])
		switch {
		case n == len(full):
			if err != nil || got.Layout != LayoutVersioned || string(got.Payload) != "{}" {
				t.Fatalf("full frame: %+v, %v", got, err)
			}
		case n >= header:
			if err != nil || got.Layout != LayoutVersioned || got.Type != "database_zip" {
				t.Fatalf("cut at %d (in payload): %+v, %v", n, got, err)
			}
		case n < 4+len("64.0.0")+4:
			// Too short for the versioned layout: read as legacy, whose 6-byte type does not
			// fit either before byte 10, and is "64.0.0" from byte 10 on.
			if n < 10 {
				if err == nil {
					t.Fatalf("cut at %d: no error, got %+v", n, got)
				}
			} else if err != nil || got.Layout != LayoutLegacy {
				t.Fatalf("cut at %d: %+v, %v", n, got, err)
			}
		default:
			if !errors.Is(err, ErrTruncated) {
				t.Fatalf("cut at %d (in type): err = %v, want ErrTruncated; got %+v", n, err, got)
			}
		}
	}
}

// The version candidate is only a version if it parses: anything else in 1..64 bytes is a
// legacy type.
func TestParseBinaryFrameLegacyNotVersion(t *testing.T) {
	got, err := ParseBinaryFrame(encodeLegacy("pictures_zip", []byte("\x00\x00\x00\x01zz")))
	if err != nil || got.Layout != LayoutLegacy || got.Type != "pictures_zip" || string(got.Payload) != "\x00\x00\x00\x01zz" {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// FuzzParseBinaryFrame checks that the parser never panics and that what it returns is
// consistent with its input: re-encoding the frame gives the input back.
func FuzzParseBinaryFrame(f *testing.F) {
	f.Add(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04")))
	f.Add(encodeLegacy("flags_zip", []byte("PK\x03\x04")))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0, 0, 0, 20})
	f.Fuzz(func(t *testing.T, b []byte) {
		fr, err := ParseBinaryFrame(b)
		if err != nil {
			return
		}
		if fr.Type == "" {
			t.Fatalf("accepted an empty type: %+v", fr)
		}
		var again []byte
		switch fr.Layout {
		case LayoutVersioned:
			if _, ok := parseVersion(fr.Version); !ok {
				t.Fatalf("versioned frame with invalid version %q", fr.Version)
			}
			again = EncodeFrame(fr.Version, fr.Type, fr.Payload)
		case LayoutLegacy:
			if fr.Version != "" {
				t.Fatalf("legacy frame with a version: %+v", fr)
			}
			again = encodeLegacy(fr.Type, fr.Payload)
		case LayoutBareZip:
			again = fr.Payload
		default:
			t.Fatalf("unknown layout %v", fr.Layout)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("re-encoded frame differs:\n got %q\nwant %q", again, b)
		}
	})
}

// The committed seed corpus must exist so that plain `go test` replays it.
func TestFuzzCorpusPresent(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "fuzz", "FuzzParseBinaryFrame"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("seed corpus missing: %v", err)
	}
}

func TestEncodeFrameRoundTrip(t *testing.T) {
	for _, tt := range []struct{ version, typ string }{{"64.0.0", "database_zip"}, {"", "flags_zip"}} {
		f, err := ParseBinaryFrame(EncodeFrame(tt.version, tt.typ, []byte("PK\x03\x04data")))
		if err != nil || f.Version != tt.version || f.Type != tt.typ || string(f.Payload) != "PK\x03\x04data" {
			t.Errorf("%q %q: %+v %v", tt.version, tt.typ, f, err)
		}
	}
}
