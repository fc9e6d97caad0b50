package owlcms

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"sync/atomic"
)

// Authentication (OWLCMS_UPDATEKEY).
//
// OWLCMS puts its update key in every text payload (updateKey). It sends no text frame on
// connect, only binary database_zip, translations_zip and flags_zip, so binary frames can never
// be refused for lack of a key (the reference tracker's bug: it kills every connection). A
// connection is authenticated either by a key in the upgrade URL (?updateKey=..., which OWLCMS
// sends when it is part of its configured URL) or by its first text frame carrying the key;
// until then its binary frames are held in order and applied once the key is proven.
//
// Only a SHA-256 digest of the key is kept, and comparisons are constant time over digests, so
// the length of the key does not leak either.

// keyChecker verifies update keys. The zero value has authentication off.
type keyChecker struct {
	on  bool
	sum [sha256.Size]byte
}

func newKeyChecker(key string) keyChecker {
	if key == "" {
		return keyChecker{}
	}
	return keyChecker{on: true, sum: sha256.Sum256([]byte(key))}
}

// match reports whether got is the configured key. It is false for "" and when auth is off.
func (k keyChecker) match(got string) bool {
	if !k.on || got == "" {
		return false
	}
	s := sha256.Sum256([]byte(got))
	return subtle.ConstantTimeCompare(s[:], k.sum[:]) == 1
}

// urlKeyParams are the query parameters that may carry the key on the upgrade URL.
var urlKeyParams = []string{"updateKey", "update_key", "updatekey", "key"}

// urlKey returns the key given on the upgrade URL, if any.
func urlKey(r *http.Request) (string, bool) {
	q := r.URL.Query()
	for _, p := range urlKeyParams {
		if v := q.Get(p); v != "" {
			return v, true
		}
	}
	return "", false
}

// heldFrames keeps the binary frames of a connection that is not authenticated yet, in arrival
// order. Used only by the connection's processing goroutine. Their bytes were reserved from the
// connection's preAuthAllowance while they were read; whoever takes them releases them.
type heldFrames struct {
	frames []inFrame
	bytes  int64
}

func (h *heldFrames) add(f inFrame) {
	h.frames = append(h.frames, f)
	h.bytes += int64(len(f.data))
}

// take returns the held frames and empties the buffer.
func (h *heldFrames) take() []inFrame {
	f := h.frames
	h.frames, h.bytes = nil, 0
	return f
}

// heldBudget caps the bytes that all unauthenticated connections together hold, in flight
// (a message still being read) or held: anyone can open a connection before proving the key,
// and a per-connection cap alone would let many of them pin memory.
type heldBudget struct {
	max  int64
	used atomic.Int64
}

func (b *heldBudget) reserve(n int64) bool {
	if b.used.Add(n) > b.max {
		b.used.Add(-n)
		return false
	}
	return true
}

func (b *heldBudget) release(n int64) { b.used.Add(-n) }

// preAuthAllowance is one connection's share of the pre-authentication budget: at most max
// bytes for this connection, and only while the shared budget has room. The read loop
// reserves as it reads, so a message still arriving counts as much as a held one.
type preAuthAllowance struct {
	max    int64
	budget *heldBudget
	used   atomic.Int64
}

func (a *preAuthAllowance) reserve(n int64) bool {
	if a.used.Add(n) > a.max {
		a.used.Add(-n)
		return false
	}
	if !a.budget.reserve(n) {
		a.used.Add(-n)
		return false
	}
	return true
}

func (a *preAuthAllowance) release(n int64) {
	if n > 0 {
		a.used.Add(-n)
		a.budget.release(n)
	}
}

// releaseAll gives back whatever the connection still holds, when it ends.
func (a *preAuthAllowance) releaseAll() {
	if n := a.used.Swap(0); n > 0 {
		a.budget.release(n)
	}
}
