package events

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestViewerChurn: 1000 viewers connect and leave, ten at a time, while events flow. At the
// end no viewer is counted, every place is free, the heap is back where it was (goleak checks
// the goroutines in TestMain). The bound on the heap is loose on purpose: a leak of even 1 KB
// per viewer would pass 1 MB, normal noise does not.
func TestViewerChurn(t *testing.T) {
	if testing.Short() {
		t.Skip("1000 connections")
	}
	f := newFixture(t, Options{MaxViewers: 200}) // a bound, so that its counter is checked too
	stopPub := make(chan struct{})
	pubDone := make(chan struct{})
	go func() {
		defer close(pubDone)
		for v := uint64(1); ; v++ {
			select {
			case <-stopPub:
				return
			case <-time.After(time.Millisecond):
				f.b.Publish("A", EventData, v)
			}
		}
	}()
	churn := func(n int) {
		var wg sync.WaitGroup
		for w := 0; w < 10; w++ {
			wg.Go(func() {
				for i := 0; i < n/10; i++ {
					resp := f.get(t, "/events/A", nil)
					if resp.StatusCode != 200 {
						t.Errorf("viewer refused: %s", resp.Status)
					}
					resp.Body.Close()
				}
			})
		}
		wg.Wait()
	}
	churn(100) // warm up pools and connections before measuring
	settle(t, f)
	before := heapInUse()

	churn(1000)
	settle(t, f)
	close(stopPub)
	<-pubDone
	if after := heapInUse(); after > before+1<<20 {
		t.Errorf("heap grew from %d to %d bytes over 1000 viewers", before, after)
	}
}

// settle waits until every viewer that left is forgotten by both counters.
func settle(t *testing.T, f *fixture) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for {
		f.b.admit.mu.Lock()
		open := f.b.admit.total
		f.b.admit.mu.Unlock()
		if open == 0 && f.b.Viewers()["fop:A"] == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("viewers still counted: admission %d, stream %d", open, f.b.Viewers()["fop:A"])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
