package owlcms

import (
	"net/http/httptest"
	"testing"
)

func TestKeyChecker(t *testing.T) {
	off := newKeyChecker("")
	if off.on || off.match("") || off.match("x") {
		t.Fatal("auth off must match nothing and be off")
	}
	k := newKeyChecker(testKey)
	if !k.on || !k.match(testKey) {
		t.Fatal("the right key is refused")
	}
	for _, bad := range []string{"", "s3cret", testKey + " ", "S3CRET-KEY-OF-THE-MEET"} {
		if k.match(bad) {
			t.Fatalf("%q accepted", bad)
		}
	}
}

func TestURLKey(t *testing.T) {
	tests := []struct {
		url  string
		key  string
		have bool
	}{
		{"/ws", "", false},
		{"/ws?updateKey=abc", "abc", true},
		{"/ws?update_key=abc", "abc", true},
		{"/ws?updatekey=abc", "abc", true},
		{"/ws?key=abc", "abc", true},
		{"/ws?updateKey=&key=def", "def", true},
		{"/ws?other=1", "", false},
	}
	for _, tt := range tests {
		key, have := urlKey(httptest.NewRequest("GET", tt.url, nil))
		if key != tt.key || have != tt.have {
			t.Errorf("%s: got %q %v", tt.url, key, have)
		}
	}
}

func TestHeldFrames(t *testing.T) {
	h := heldFrames{max: 10}
	if !h.add(inFrame{data: make([]byte, 6)}) || h.add(inFrame{data: make([]byte, 5)}) || !h.add(inFrame{data: make([]byte, 4)}) {
		t.Fatal("cap not applied in order")
	}
	if h.dropped != 1 || h.bytes != 10 {
		t.Fatalf("dropped=%d bytes=%d", h.dropped, h.bytes)
	}
	if got := h.take(); len(got) != 2 || len(got[0].data) != 6 || len(got[1].data) != 4 {
		t.Fatalf("take = %v", got)
	}
	if n, b := h.discard(); n != 0 || b != 0 {
		t.Fatal("take did not empty the buffer")
	}
}

// All connections together hold at most the shared budget.
func TestHeldFramesSharedBudget(t *testing.T) {
	budget := &heldBudget{max: 10}
	a := heldFrames{max: 8, budget: budget}
	b := heldFrames{max: 8, budget: budget}
	if !a.add(inFrame{data: make([]byte, 7)}) {
		t.Fatal("first frame refused")
	}
	if b.add(inFrame{data: make([]byte, 4)}) {
		t.Fatal("the shared budget was exceeded")
	}
	if !b.add(inFrame{data: make([]byte, 3)}) {
		t.Fatal("a frame within the budget was refused")
	}
	a.discard()
	if !b.add(inFrame{data: make([]byte, 5)}) {
		t.Fatal("discard did not give the budget back")
	}
	b.take()
	if budget.used.Load() != 0 {
		t.Fatalf("budget used %d after take", budget.used.Load())
	}
}
