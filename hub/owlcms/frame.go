package owlcms

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Layout says how a binary frame's header was written.
type Layout uint8

// The binary frame layouts OWLCMS has used.
const (
	// LayoutVersioned is [u32 BE len][version][u32 BE len][type][payload], sent by OWLCMS 64+.
	LayoutVersioned Layout = iota + 1
	// LayoutLegacy is [u32 BE len][type][payload], sent before protocol 2.0.0. It carries no
	// version, so the version gate cannot apply to it.
	LayoutLegacy
	// LayoutBareZip is a ZIP archive with no header at all: very old builds sent flags that way.
	LayoutBareZip
)

func (l Layout) String() string {
	switch l {
	case LayoutVersioned:
		return "versioned"
	case LayoutLegacy:
		return "legacy"
	case LayoutBareZip:
		return "bare-zip"
	}
	return "unknown"
}

// Frame is a decoded binary frame. Payload aliases the input slice.
type Frame struct {
	Layout  Layout
	Version string // "" unless Layout is LayoutVersioned
	Type    string
	Payload []byte
}

// Errors returned by ParseBinaryFrame; the returned errors wrap one of them.
var (
	ErrTruncated  = errors.New("truncated binary frame header")
	ErrBadTypeLen = errors.New("implausible binary frame type length")
	ErrEmptyType  = errors.New("empty binary frame type")
)

var zipMagic = []byte("PK\x03\x04")

// Bounds of the header lengths. The reference tracker capped a version at 20 bytes, which
// refuses real pre-release builds such as "68.0.0-beta03+build.12345"; 64 bytes still leave no
// doubt with a legacy type length (legacy type names are short words such as "flags_zip", and
// a version must also parse as MAJOR.MINOR.PATCH). A legacy type length above 10 MiB is not a
// header at all.
const (
	maxVersionLen  = 64
	maxLegacyTypeL = 10 << 20
)

// ParseBinaryFrame decodes the header of a binary frame (the layouts are in docs/protocol.md),
// following the reference tracker's algorithm so that every OWLCMS build it accepted is
// accepted here:
//
//   - a frame starting with the ZIP magic "PK\x03\x04" is a bare ZIP, treated as flags_zip;
//   - if the first length L1 is in 1..64, the frame is long enough for a second length, and the
//     L1 bytes parse as MAJOR.MINOR.PATCH[-suffix], the frame is versioned;
//   - otherwise it is legacy: L1 bytes of type, then the payload.
//
// It never panics and never reads out of range: every length is checked against the input
// first. The version is only recognised here; comparing it with the minimum is the caller's
// job, so the function stays pure.
func ParseBinaryFrame(b []byte) (Frame, error) {
	if bytes.HasPrefix(b, zipMagic) {
		return Frame{Layout: LayoutBareZip, Type: "flags_zip", Payload: b}, nil
	}
	if len(b) < 4 {
		return Frame{}, fmt.Errorf("%w: %d bytes, need at least 4 for the first length", ErrTruncated, len(b))
	}
	l1 := binary.BigEndian.Uint32(b)
	rest := b[4:]

	// Versioned candidate. uint64 arithmetic: 4+L1+4 cannot overflow for L1 <= 20, but stay
	// explicit about it.
	if l1 > 0 && l1 <= maxVersionLen && uint64(len(rest)) >= uint64(l1)+4 {
		if _, ok := parseVersion(string(rest[:l1])); ok {
			ver := string(rest[:l1])
			rest = rest[l1:]
			l2 := binary.BigEndian.Uint32(rest)
			rest = rest[4:]
			if uint64(l2) > uint64(len(rest)) {
				return Frame{}, fmt.Errorf("%w: type length %d but only %d bytes follow the version %q", ErrTruncated, l2, len(rest), ver)
			}
			if l2 == 0 {
				return Frame{}, fmt.Errorf("%w (version %q)", ErrEmptyType, ver)
			}
			return Frame{Layout: LayoutVersioned, Version: ver, Type: string(rest[:l2]), Payload: rest[l2:]}, nil
		}
	}

	if l1 > maxLegacyTypeL {
		return Frame{}, fmt.Errorf("%w: %d bytes (not a ZIP either)", ErrBadTypeLen, l1)
	}
	if l1 == 0 {
		return Frame{}, ErrEmptyType
	}
	if uint64(l1) > uint64(len(rest)) {
		return Frame{}, fmt.Errorf("%w: type length %d but only %d bytes follow", ErrTruncated, l1, len(rest))
	}
	return Frame{Layout: LayoutLegacy, Type: string(rest[:l1]), Payload: rest[l1:]}, nil
}

// isZip reports whether data starts like a ZIP archive.
func isZip(data []byte) bool { return bytes.HasPrefix(data, zipMagic) }

// EncodeFrame builds a binary frame as OWLCMS 64+ sends it: [u32 BE len][version][u32 BE
// len][type][payload]. An empty version gives the legacy layout [u32 BE len][type][payload].
// It is ParseBinaryFrame's inverse, for tools and tests that talk like OWLCMS.
func EncodeFrame(version, typ string, payload []byte) []byte {
	b := make([]byte, 0, 8+len(version)+len(typ)+len(payload))
	if version != "" {
		b = binary.BigEndian.AppendUint32(b, uint32(len(version)))
		b = append(b, version...)
	}
	b = binary.BigEndian.AppendUint32(b, uint32(len(typ)))
	b = append(b, typ...)
	return append(b, payload...)
}
