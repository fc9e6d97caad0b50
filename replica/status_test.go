package replica

import (
	"strings"
	"testing"
	"time"
)

func TestStatusSummaries(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)
	cases := []struct {
		s    Status
		want string
	}{
		{Status{}, "waiting"},
		{Status{Applied: 3, LastFrameAt: now}, "NATS unreachable"},
		{Status{Following: true}, "no word"},
		{Status{Following: true, IngestSeenAt: now.Add(-10 * time.Second), heardAt: now.Add(-10 * time.Second), beatEvery: 2 * time.Second}, "silent since"},
		// An old beat read from the stream at start: the ingest is gone although it just arrived.
		{Status{Following: true, IngestSeenAt: now.Add(-time.Hour), heardAt: now, beatEvery: 2 * time.Second}, "silent since"},
		// The ingest's clock 30 s ahead of ours: alive all the same.
		{Status{Following: true, IngestSeenAt: now.Add(30 * time.Second), heardAt: now.Add(-time.Second), beatEvery: 2 * time.Second}, "OWLCMS not connected"},
		{Status{Following: true, IngestSeenAt: now, heardAt: now, OWLCMSConnected: true, Lag: 3 * time.Millisecond}, "lag 3 ms"},
	}
	for _, c := range cases {
		if got := c.s.Summary(now); !strings.Contains(got, c.want) {
			t.Errorf("%+v: summary %q lacks %q", c.s, got, c.want)
		}
	}
	if got := (PublisherStatus{LastError: "nats: timeout"}).Summary(); !strings.Contains(got, "unreachable") {
		t.Errorf("publisher summary %q", got)
	}
	if got := (PublisherStatus{Connected: true, Published: 7}).Summary(); !strings.Contains(got, "7 messages") {
		t.Errorf("publisher summary %q", got)
	}
}
