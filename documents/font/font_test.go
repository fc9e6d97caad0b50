package font

import (
	"bytes"
	"testing"
)

// The files are TrueType (not OpenType CFF, which the PDF writer cannot embed).
func TestFontsAreTrueType(t *testing.T) {
	for name, f := range map[string][]byte{"regular": Regular, "bold": Bold} {
		if len(f) < 1000 || !bytes.Equal(f[:4], []byte{0, 1, 0, 0}) {
			t.Errorf("%s: not a TrueType file (%d bytes)", name, len(f))
		}
	}
}
