package owlcms

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Binary frames carry ZIPs (database, translations, flags, logos, pictures, styles). OWLCMS
// ignores any answer to them, so they get none: outcomes are logged, and a refused frame leaves
// the previous state in place (the hub guarantees that).

// assetTypes maps binary frame types to asset sets. The reference tracker ignored "logos",
// "styles" and "styles_zip"; they are accepted here because they cost nothing and the
// specification lists them.
var assetTypes = map[string]hub.AssetKind{
	"flags_zip": hub.AssetFlags, "flags": hub.AssetFlags,
	"logos_zip": hub.AssetLogos, "logos": hub.AssetLogos,
	"pictures_zip": hub.AssetPictures, "pictures": hub.AssetPictures,
	"styles_zip": hub.AssetStyles, "styles": hub.AssetStyles,
}

// handleBinary applies a binary frame, or holds it while the connection is not authenticated:
// OWLCMS sends its ZIPs before any text frame, so they must wait for the key, not be refused.
// It reports whether the frame was held (its pre-authentication reservation then stays).
func (c *conn) handleBinary(f inFrame) (held bool) {
	if c.authed.Load() {
		c.applyBinary(f)
		return false
	}
	if c.keyFailed.Load() {
		c.rejected++
		c.h.counters.rejected.Add(1)
		return false
	}
	c.held.add(f)
	c.log.Debug("binary frame held until the connection authenticates", "bytes", len(f.data), "held", len(c.held.frames))
	return true
}

// releaseHeld applies the frames held before authentication, in arrival order.
func (c *conn) releaseHeld() {
	frames := c.held.take()
	if len(frames) > 0 {
		c.log.Info("applying binary frames received before authentication", "frames", len(frames))
	}
	for _, f := range frames {
		c.guard("held binary frame", func() { c.applyBinary(f) })
		c.preAuth.release(f.reserved)
	}
}

// discardHeld forgets held frames: their sender never proved it knows the key.
func (c *conn) discardHeld(why string) {
	frames := c.held.take()
	var b int64
	for _, f := range frames {
		b += int64(len(f.data))
		c.preAuth.release(f.reserved)
	}
	if len(frames) > 0 {
		c.log.Warn("binary frames discarded without being applied", "reason", why, "frames", len(frames), "bytes", b)
	}
}

// applyBinary decodes a binary frame of an authenticated connection and hands it to the hub.
func (c *conn) applyBinary(f inFrame) {
	start := time.Now()
	c.h.hub.SourceMessage(c.id.Load())
	fr, err := ParseBinaryFrame(f.data)
	res, isResource := resourceOfType(fr.Type)
	if isResource {
		c.arrived(res)
	}
	if c.h.learn != nil {
		c.h.learn.saveBinary(f.at, fr.Type, redactBinaryFrame(fr, f.data))
	}
	attrs := []any{"msg_type", clip(fr.Type), "bytes", len(f.data), "layout", fr.Layout.String()}
	if err != nil {
		c.reject(attrs, err.Error())
		return
	}
	if fr.Layout == LayoutVersioned {
		v, _ := parseVersion(fr.Version) // ParseBinaryFrame only recognises valid versions
		if !c.h.gate.accepts(v) {
			reason := c.h.gate.reasonTooOld(fr.Version)
			c.h.hub.ReportProtocolError(hub.ProtocolError{At: f.at, Received: fr.Version,
				Minimum: c.h.gate.minimum, Reason: reason, Source: "binary"})
			c.reject(attrs, "protocol version: "+reason)
			return
		}
		c.h.hub.ProtocolOK(fr.Version)
	}
	result, err := c.dispatchBinary(fr)
	switch {
	case err != nil:
		c.reject(attrs, err.Error())
		if isResource && errors.Is(err, hub.ErrBadPayload) && res != hub.ResourceDatabase {
			// The same OWLCMS sends the same bytes when asked again: stop asking for a while.
			c.h.failResource(res, "corrupt", fmt.Sprintf("%s sent by OWLCMS could not be used (%s)", resourceWords(res), clipLong(err.Error())))
		}
	case result == "":
		c.reject(attrs, "unknown binary frame type, ignored")
	default:
		c.h.counters.accept(fr.Type)
		if isResource {
			c.h.resourceOK(res)
		}
		c.log.Debug("owlcms frame", append(attrs, "result", result, "duration", time.Since(start))...)
	}
}

// dispatchBinary routes on the exact type. It returns a short description of what the hub did
// ("" for an unknown type).
func (c *conn) dispatchBinary(fr Frame) (string, error) {
	switch fr.Type {
	case "database_zip", "database":
		var res hub.DatabaseResult
		var err error
		switch {
		case isZip(fr.Payload):
			res, err = c.h.hub.LoadDatabaseZip(fr.Payload)
		case bytes.HasPrefix(bytes.TrimLeft(fr.Payload, " \t\r\n"), []byte("{")):
			res, err = c.h.hub.LoadDatabaseJSON(fr.Payload, "")
		default:
			return "", fmt.Errorf("database frame is neither a ZIP nor a JSON object")
		}
		if err != nil {
			return "", fmt.Errorf("database refused: %w", err)
		}
		if res.Unchanged {
			return "database unchanged", nil
		}
		return fmt.Sprintf("database loaded (%d athletes)", res.Athletes), nil
	case "translations_zip":
		res, err := c.h.hub.LoadTranslationsZip(fr.Payload)
		if err != nil {
			return "", fmt.Errorf("translations refused: %w", err)
		}
		if res.Unchanged {
			return "translations unchanged", nil
		}
		return fmt.Sprintf("translations loaded (%d locales)", res.Locales), nil
	}
	if kind, ok := assetTypes[fr.Type]; ok {
		n, err := c.h.hub.ReplaceAssetsZip(kind, fr.Payload)
		if err != nil {
			return "", fmt.Errorf("%s refused: %w", kind, err)
		}
		return fmt.Sprintf("%s replaced (%d files)", kind, n), nil
	}
	return "", nil
}

// guard runs f, logging a panic instead of letting it end the caller's loop.
func (c *conn) guard(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("panic while processing owlcms frame", "what", what, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	f()
}
