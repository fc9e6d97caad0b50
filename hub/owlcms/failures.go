package owlcms

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
)

// Resources that failed, remembered across connections.
//
// Asking OWLCMS for a resource makes it export and send it again. When what it sends cannot be
// used (over the read limit, a corrupt ZIP) or never comes (the build has no handler for that
// name), asking again on every connection only repeats the failure and loads OWLCMS. So a
// failed resource is not asked for during a back-off that doubles at each failure, and the
// status page says why in plain words. A resource that arrives and loads clears its failure.

// resourceFailure is one resource's failure state.
type resourceFailure struct {
	until   time.Time
	backoff time.Duration
}

type failureMemory struct {
	mu sync.Mutex
	m  map[hub.Resource]resourceFailure
}

const maxFailureBackoff = 8 * time.Hour

// failResource records that res failed (kind: "too-big", "corrupt", "unanswered") and tells
// the status page why.
func (h *Handler) failResource(res hub.Resource, kind, reason string) {
	now := h.now()
	h.failures.mu.Lock()
	f := h.failures.m[res]
	switch {
	case f.backoff == 0:
		f.backoff = h.failureBackoff
	case now.After(f.until):
		f.backoff = min(2*f.backoff, maxFailureBackoff)
	}
	f.until = now.Add(f.backoff)
	h.failures.m[res] = f
	h.failures.mu.Unlock()
	h.hub.ReportRefusal(hub.Refusal{Key: kind + ":" + string(res), Resource: res, At: now,
		Reason: reason + "; not asked for again before " + f.until.UTC().Format("15:04 UTC") + "."})
}

// resourceOK forgets a failure: the resource arrived and was loaded.
func (h *Handler) resourceOK(res hub.Resource) {
	h.failures.mu.Lock()
	_, failed := h.failures.m[res]
	delete(h.failures.m, res)
	h.failures.mu.Unlock()
	if failed {
		for _, kind := range []string{"too-big", "corrupt", "unanswered"} {
			h.hub.ClearRefusal(kind + ":" + string(res))
		}
	}
}

// suppressed reports whether res is in its back-off and must not be asked for.
func (h *Handler) suppressed(res hub.Resource) bool {
	h.failures.mu.Lock()
	defer h.failures.mu.Unlock()
	f, ok := h.failures.m[res]
	return ok && h.now().Before(f.until)
}

// resourceOfType maps a binary frame type to the resource it answers.
func resourceOfType(typ string) (hub.Resource, bool) {
	switch typ {
	case "database_zip", "database":
		return hub.ResourceDatabase, true
	case "translations_zip":
		return hub.ResourceTranslations, true
	case "flags_zip", "flags":
		return hub.ResourceFlags, true
	case "logos_zip", "logos":
		return hub.ResourceLogos, true
	case "pictures_zip", "pictures":
		return hub.ResourcePictures, true
	}
	return "", false
}

// resourceWords names a resource for people: "pictures", "the database".
func resourceWords(res hub.Resource) string {
	switch res {
	case hub.ResourceDatabase:
		return "the database"
	case hub.ResourceTranslations:
		return "the translations"
	}
	return strings.TrimSuffix(string(res), "_zip")
}

// handleDropped deals with a message the read loop did not keep whole.
func (c *conn) handleDropped(f inFrame) bool {
	attrs := []any{"bytes", f.size, "binary", f.typ == websocket.MessageBinary}
	if f.typ == websocket.MessageBinary {
		fr, _ := ParseBinaryFrame(f.data) // the head holds the header; the payload is cut
		attrs = append(attrs, "msg_type", clip(fr.Type))
		res, isResource := resourceOfType(fr.Type)
		if isResource {
			c.arrived(res)
		}
		switch f.dropped {
		case dropTooBig:
			c.reject(attrs, "frame above the read limit, discarded")
			if isResource {
				c.h.failResource(res, "too-big", fmt.Sprintf("%s are larger than WS_READ_LIMIT_MB (%s): %s received",
					capitalFirst(resourceWords(res)), sizeWords(c.h.readLimit), sizeWords(f.size)))
			}
		case dropPreAuth:
			c.reject(attrs, "binary frame dropped: too much held before authentication")
		default: // dropIgnored: the key was wrong, already reported
			c.rejected++
			c.h.counters.rejected.Add(1)
		}
		return true
	}
	switch f.dropped {
	case dropTooBig:
		c.reject(attrs, "text frame above the read limit, discarded")
		if c.authed.Load() {
			c.h.hub.ReportRefusal(hub.Refusal{Key: "too-big:text", Reason: fmt.Sprintf(
				"A message from OWLCMS was larger than WS_READ_LIMIT_MB (%s) and was ignored.", sizeWords(c.h.readLimit))})
		}
		c.send(replyBadRequest("too_large", "Message larger than the tracker's read limit"))
	default:
		c.reject(attrs, "text frame dropped: too much held before authentication")
	}
	if c.authed.Load() {
		return true
	}
	return c.badFrameBeforeAuth()
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// clipLong bounds an error message for the status page.
func clipLong(s string) string {
	const max = 160
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}

// sizeWords writes a size for people: "64 MiB", or bytes below one MiB.
func sizeWords(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
