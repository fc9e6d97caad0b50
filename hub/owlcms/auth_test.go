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

// Each connection holds at most its own cap, and all of them together the shared budget.
func TestPreAuthAllowance(t *testing.T) {
	budget := &heldBudget{max: 10}
	a := preAuthAllowance{max: 8, budget: budget}
	b := preAuthAllowance{max: 8, budget: budget}
	if !a.reserve(7) || a.reserve(2) {
		t.Fatal("per-connection cap not applied")
	}
	if b.reserve(4) {
		t.Fatal("the shared budget was exceeded")
	}
	if !b.reserve(3) {
		t.Fatal("a reservation within the budget was refused")
	}
	a.releaseAll()
	if !b.reserve(5) {
		t.Fatal("releaseAll did not give the budget back")
	}
	b.release(8)
	if budget.used.Load() != 0 || a.used.Load() != 0 || b.used.Load() != 0 {
		t.Fatalf("used after releases: budget %d, a %d, b %d", budget.used.Load(), a.used.Load(), b.used.Load())
	}
}
