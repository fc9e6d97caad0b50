package owlcms

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
)

// OWLCMS's database export carries its own "URL for Video Data" (videoDataURL,
// paramVideoDataURL), and that URL holds the update key when it was configured as
// ws://host/ws?updateKey=...: learning mode must not write it to disk, in text frames or inside
// a database_zip.

// urlKeyPattern finds a key query parameter in any URL, also with "&" escaped as JSON writes it.
var urlKeyPattern = regexp.MustCompile(`(?i)((?:[?&]|\\u0026)(?:updateKey|update_key|updatekey|key)=)[^&"'\s\\#]*`)

const redactedValue = "REDACTED"

// redactURLKeys replaces the value of every key parameter in b. It returns b itself when there
// is nothing to redact.
func redactURLKeys(b []byte) []byte {
	if !urlKeyPattern.Match(b) {
		return b
	}
	return urlKeyPattern.ReplaceAll(b, []byte("${1}"+redactedValue))
}

// redactBinaryFrame returns a database frame with the key removed from its payload, re-zipped
// when the payload is a ZIP; other frames come back unchanged. The header is kept as received.
// A ZIP holding no key is saved byte for byte. One that cannot be read is saved as received
// only when no key shows in its raw bytes (a corrupt frame is worth replaying), never otherwise.
func redactBinaryFrame(fr Frame, raw []byte) []byte {
	if fr.Type != "database_zip" && fr.Type != "database" {
		return raw
	}
	header := raw[:len(raw)-len(fr.Payload)]
	var payload []byte
	if isZip(fr.Payload) {
		var ok, changed bool
		payload, changed, ok = redactZip(fr.Payload)
		switch {
		case !ok && urlKeyPattern.Match(fr.Payload):
			return nil
		case !ok || !changed:
			return raw
		}
	} else {
		payload = redactURLKeys(fr.Payload)
	}
	out := make([]byte, 0, len(header)+len(payload))
	return append(append(out, header...), payload...)
}

// redactZip rewrites every entry of a ZIP through redactURLKeys, reporting whether any entry
// changed and whether the archive could be read.
func redactZip(data []byte) (out []byte, changed, ok bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false, false
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, false, false
		}
		// The frame already passed the read limit, and learning mode has its own size cap;
		// still, never expand past what the hub would accept for a database.
		b, err := io.ReadAll(io.LimitReader(rc, maxLearnedEntry+1))
		rc.Close()
		if err != nil || len(b) > maxLearnedEntry {
			return nil, false, false
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, false, false
		}
		r := redactURLKeys(b)
		changed = changed || !bytes.Equal(r, b)
		if _, err := w.Write(r); err != nil {
			return nil, false, false
		}
	}
	if err := zw.Close(); err != nil {
		return nil, false, false
	}
	return buf.Bytes(), changed, true
}

const maxLearnedEntry = 64 << 20
