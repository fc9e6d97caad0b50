package hub

import "errors"

// MessageType is the envelope type of an OWLCMS text frame that carries live platform state.
type MessageType string

// The live message types.
const (
	MessageUpdate   MessageType = "update"
	MessageTimer    MessageType = "timer"
	MessageDecision MessageType = "decision"
)

// ErrBadPayload wraps every rejection of a payload's content (not JSON, not an object, a
// database without an athletes array...). The state is left as it was.
var ErrBadPayload = errors.New("bad payload")

// ApplyResult says what a live message changed.
type ApplyResult struct {
	FOP            string
	DataChanged    bool // athletes, order, records or session info changed
	LiveChanged    bool // clock, decision, mode or break changed
	DatabaseLoaded bool // the update embedded a database that was loaded
	// DatabaseError is why an embedded database was refused; the update itself was applied.
	DatabaseError error
}
