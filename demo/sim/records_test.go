package sim

import (
	"strings"
	"testing"
	"time"
)

// TestPlaysRecords: now and then a coach asks for a record within reach after a good second
// attempt, and every other record attempt succeeds: the tracker sees a record attempt, then a
// new record with the lights, and once the session is over the new database with the record
// set during the meet.
func TestPlaysRecords(t *testing.T) {
	h, srv, _ := tracker(t)
	start(t, Options{URL: "ws" + strings.TrimPrefix(srv.URL, "http"), Speed: 400, Seed: 7, Logger: quiet})
	seen := map[string]bool{}
	waitFor(t, "a record attempt, a new record and the database with it", 50*time.Second, func() bool {
		s := h.Snapshot()
		for _, name := range []string{"A", "B"} {
			if f := s.FOP(name); f != nil {
				seen[f.RecordKind] = true
			}
		}
		if db := s.Database; db != nil {
			for _, r := range db.Records {
				if r.SetAt(db.Competition.Name) {
					seen["database"] = true
				}
			}
		}
		return seen["attempt"] && seen["new"] && seen["database"]
	})
}
