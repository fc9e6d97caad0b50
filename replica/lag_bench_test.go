package replica

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// BenchmarkReplicationLag measures the time from the ingest's reception of a frame to its
// application on a replica's hub (two replicas, embedded NATS, one machine), for the frames
// that make up a live session: timers, decisions and updates of about 20 kB. Frames are
// paced like a busy platform (one every 5 ms), not sent flat out: the figure is the lag a
// viewer sees, not a throughput.
//
//	go test -run '^$' -bench ReplicationLag -benchtime 400x ./replica/
func BenchmarkReplicationLag(b *testing.B) {
	n := startNATS(b)
	var mu sync.Mutex
	var lags []time.Duration
	record := func(subject string, at time.Time) {
		if strings.Contains(subject, ".fop.") && !at.IsZero() {
			d := time.Since(at)
			mu.Lock()
			lags = append(lags, d)
			mu.Unlock()
		}
	}
	in := newIngest(b, n.url(), PublisherOptions{})
	r1 := newReplica(b, n.url(), FollowerOptions{OnApplied: record})
	r2 := newReplica(b, n.url(), FollowerOptions{OnApplied: record})
	c := demo.NewDemo()
	if _, err := in.pub.LoadDatabaseJSON(c.DatabaseJSON(), ""); err != nil {
		b.Fatal(err)
	}
	fop := c.Platforms[0].Name
	update := c.UpdateJSON(fop)
	for _, r := range []*node{r1, r2} {
		for r.h.Snapshot().Database == nil {
			time.Sleep(time.Millisecond)
		}
	}
	mu.Lock()
	lags = nil
	mu.Unlock()
	b.ResetTimer()
	for i := range b.N {
		var err error
		switch i % 4 {
		case 0:
			_, err = in.pub.Apply(hub.MessageUpdate, update)
		case 1, 2:
			_, err = in.pub.Apply(hub.MessageTimer, fmt.Appendf(nil, `{"fopName":%q,"athleteTimerEventType":"StartTime","athleteMillisRemaining":"%d"}`, fop, 60000-i))
		default:
			_, err = in.pub.Apply(hub.MessageDecision, fmt.Appendf(nil, `{"fop":%q,"decisionEventType":"FULL_DECISION","d1":"true","d2":"%t","d3":"true","decisionsVisible":"true"}`, fop, i%8 == 3))
		}
		if err != nil {
			b.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		got := len(lags)
		mu.Unlock()
		if got >= 2*b.N || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.StopTimer()
	mu.Lock()
	defer mu.Unlock()
	if len(lags) == 0 {
		b.Fatal("no frame reached a replica")
	}
	slices.Sort(lags)
	q := func(p float64) time.Duration { return lags[min(len(lags)-1, int(p*float64(len(lags))))] }
	b.ReportMetric(float64(q(0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(q(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lags[len(lags)-1].Microseconds())/1000, "max-ms")
	b.Logf("%d frames applied on 2 replicas of %d sent: lag p50 %v, p99 %v, max %v", len(lags), b.N, q(0.50), q(0.99), lags[len(lags)-1])
}
