package hub

import "time"

// Apply merges one update, timer or decision payload as of now (see applyAt).
func (h *Hub) Apply(t MessageType, payload []byte) (ApplyResult, error) {
	return h.applyAt(t, payload, h.now())
}

// ApplyAt merges a payload as if it had arrived at the given time: clocks are anchored to it
// and the platform's UpdatedAt is set to it. A replica applies what the ingest received with
// the ingest's reception time, so that its clocks (a countdown is "so many ms left at this
// instant") are the ingest's to the millisecond, whatever the replication delay. A zero time
// means now.
func (h *Hub) ApplyAt(t MessageType, payload []byte, at time.Time) (ApplyResult, error) {
	if at.IsZero() {
		at = h.now()
	}
	return h.applyAt(t, payload, at)
}
