package owlcms

import (
	"context"
	"testing"
	"time"
)

func TestFrameQueueOrderAndClose(t *testing.T) {
	q := newFrameQueue(10, 100)
	ctx := context.Background()
	for i := range 3 {
		if err := q.push(ctx, inFrame{data: []byte{byte(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	q.close()
	for i := range 3 {
		f, ok := q.pop(ctx)
		if !ok || f.data[0] != byte(i) {
			t.Fatalf("pop %d = %v %v", i, f.data, ok)
		}
	}
	if _, ok := q.pop(ctx); ok {
		t.Fatal("pop after close and drain must fail")
	}
}

func TestFrameQueueBounds(t *testing.T) {
	q := newFrameQueue(2, 10)
	ctx := context.Background()
	// One frame larger than the byte bound is accepted into an empty queue.
	if err := q.push(ctx, inFrame{data: make([]byte, 50)}); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := q.push(short, inFrame{data: make([]byte, 1)}); err == nil {
		t.Fatal("push into a full queue (bytes) did not wait")
	}

	pushed := make(chan error, 1)
	go func() { pushed <- q.push(ctx, inFrame{data: make([]byte, 1)}) }()
	select {
	case <-pushed:
		t.Fatal("push did not wait for room")
	case <-time.After(20 * time.Millisecond):
	}
	if _, ok := q.pop(ctx); !ok {
		t.Fatal("pop failed")
	}
	if err := <-pushed; err != nil {
		t.Fatal(err)
	}

	// Count bound.
	q2 := newFrameQueue(2, 1000)
	q2.push(ctx, inFrame{data: []byte{1}})
	q2.push(ctx, inFrame{data: []byte{2}})
	short2, cancel2 := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel2()
	if err := q2.push(short2, inFrame{data: []byte{3}}); err == nil {
		t.Fatal("push into a full queue (count) did not wait")
	}
}

func TestFrameQueuePopStopsOnContext(t *testing.T) {
	q := newFrameQueue(2, 10)
	q.push(context.Background(), inFrame{data: []byte{1}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, ok := q.pop(ctx); ok {
		t.Fatal("pop must stop at once when its context ends, queued frames or not")
	}
}
