package owlcms

import (
	"errors"
	"strings"
	"time"

	"github.com/owlcms/tracker/hub"
)

// handleText runs the text frame pipeline and answers with exactly one reply:
//
//  1. JSON parse (400 invalid_json);
//  2. version gate on the top-level "version" (400 "Protocol version check failed", frame
//     dropped, connection kept);
//  3. envelope check: "type" a non-empty string, "payload" an object (400 invalid_message);
//  4. update key, when configured: a wrong or missing key is answered 401 once, and the
//     connection's frames are then ignored while it stays open (closing it would only make
//     OWLCMS reconnect a second later and re-export everything, for ever);
//  5. route on the exact type: update/timer/decision to hub.Apply, database to
//     hub.LoadDatabaseJSON, anything else 400 unknown_type without touching the hub;
//  6. if the hub now lacks something not yet requested on this connection, the reply becomes
//     the 428 that makes OWLCMS send it.
//
// A frame is "trusted" when authentication is off, when it carries the right key, or when it
// carries no key on a connection authenticated by its URL. Only trusted frames reach the hub
// in any way (protocol status included: an unauthenticated peer cannot latch a protocol error
// on the status page) or the learning directory. The first trusted frame authenticates the
// connection and releases its held binary frames, even if it then fails a later step: the key
// is what authentication is about. It reports whether the connection stays open.
func (c *conn) handleText(f inFrame) bool {
	start := time.Now()
	env, err := parseEnvelope(f.data)
	if err != nil {
		c.reject([]any{"bytes", len(f.data)}, "invalid JSON: "+err.Error())
		c.send(replyBadRequest("invalid_json", "Unable to parse JSON: "+err.Error()))
		return c.badFrameBeforeAuth()
	}
	attrs := []any{"msg_type", clip(env.typ), "ui_event", clip(env.field("uiEvent")),
		"fop", clip(env.field("fop", "fopName")), "bytes", len(f.data)}

	trusted := c.trusts(env)
	if trusted {
		c.authenticate()
		c.h.hub.SourceMessage(c.id.Load())
		if !c.authed.Load() {
			// The key is proven, whatever the rest of the frame is worth: release the binary
			// frames that arrived before it (each passes its own version gate), so that they
			// are applied, and recorded, in arrival order.
			c.authed.Store(true)
			c.log.Info("owlcms authenticated by update key")
			c.releaseHeld()
		}
		if c.h.learn != nil {
			c.h.learn.saveText(f.at, env.typ, env.field("uiEvent"), redactURLKeys(env.redacted(f.data)))
		}
	}

	ver, fail := "", &versionFailure{Reason: reasonNotObject}
	if !env.notObject {
		ver, fail = c.h.gate.checkText(env.version)
	}
	if fail != nil {
		if trusted {
			c.h.hub.ReportProtocolError(hub.ProtocolError{At: f.at, Received: fail.receivedText(),
				Minimum: c.h.gate.minimum, Reason: fail.Reason, Source: "text"})
		}
		c.reject(attrs, "protocol version: "+fail.Reason)
		c.send(replyVersion(fail))
		return true
	}
	if env.problem != "" {
		c.reject(attrs, "invalid message: "+env.problem)
		c.send(replyBadRequest("invalid_message", "Invalid message format. Expected {version, type, payload}: "+env.problem))
		if !trusted {
			return c.badFrameBeforeAuth()
		}
		return true
	}
	if !trusted {
		c.refuseKey(attrs)
		return true
	}
	c.h.hub.ProtocolOK(ver)

	rep, failure := c.route(env)
	if rep == nil {
		// The reference tracker merged unknown types into the platform state; never do that.
		// No resource request either: the hub was not involved.
		c.reject(attrs, "unknown message type")
		c.send(replyBadRequest("unknown_type", `Unknown message type "`+clip(env.typ)+`"`))
		return true
	}
	needs := c.h.hub.Needs()
	if !c.textSeen {
		c.textSeen = true
		needs = append(needs, c.staleDatabaseNeed()...)
	}
	if missing := c.claim(needs); len(missing) > 0 {
		c.log.Info("requesting resources from owlcms", append(attrs, "missing", missing)...)
		c.noteAsked(missing)
		rep = replyMissing(missing)
	}
	// Stamped after the claim: the needs watcher only looks at connections that have had a
	// text frame, and the needs present now belong in this frame's reply, not in an
	// unprompted 428.
	c.active.Store(c.h.activity.Add(1))
	if failure != "" {
		c.reject(attrs, failure)
	} else {
		c.h.counters.accept(env.typ)
		c.log.Debug("owlcms frame", append(attrs, "status", rep.Status, "duration", time.Since(start))...)
	}
	c.send(rep)
	return true
}

// trusts reports whether a text frame may act on the hub (see handleText).
func (c *conn) trusts(env *envelope) bool {
	switch {
	case !c.h.keys.on:
		return true
	case env.key != "":
		return c.h.keys.match(env.key)
	default:
		return c.urlAuthed
	}
}

// route hands a valid, authenticated frame to the hub. It returns the reply (nil for an
// unknown type) and, for a frame the hub refused, the reason to log.
func (c *conn) route(env *envelope) (*reply, string) {
	switch env.typ {
	case string(hub.MessageUpdate), string(hub.MessageTimer), string(hub.MessageDecision):
		_, err := c.h.hub.Apply(hub.MessageType(env.typ), env.payload)
		if err != nil {
			return hubErrorReply(err), "hub refused " + env.typ + ": " + err.Error()
		}
		return replyOK(successMessage(env.typ)), ""
	case "database":
		res, err := c.h.hub.LoadDatabaseJSON(env.payload, "")
		if err != nil {
			return hubErrorReply(err), "hub refused database: " + err.Error()
		}
		if res.Unchanged {
			return replyOK("Database unchanged"), ""
		}
		return replyOK("Database loaded"), ""
	}
	return nil, ""
}

// hubErrorReply maps a hub error: content problems are the sender's (400), the rest ours (500).
func hubErrorReply(err error) *reply {
	if errors.Is(err, hub.ErrBadPayload) {
		return replyBadRequest("bad_payload", err.Error())
	}
	return replyInternal(err.Error())
}

// reject counts and logs a refused frame. Never log the payload or the key: attrs carry only
// the type, uiEvent, platform and size.
func (c *conn) reject(attrs []any, reason string) {
	c.rejected++
	c.h.counters.rejected.Add(1)
	c.logs.warn(c.log, c.h.now(), "owlcms frame rejected", append(attrs, "reason", reason)...)
}

// clip bounds a peer-supplied string before it goes into a log line or a reply.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
