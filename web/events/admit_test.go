package events

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestMaxViewers: past the total bound a viewer gets 503 with Retry-After, across platforms
// and the global stream; a viewer leaving frees its place.
func TestMaxViewers(t *testing.T) {
	f := newFixture(t, Options{MaxViewers: 2})
	first := f.get(t, "/events/A", nil)
	second := f.get(t, "/events", nil)
	defer second.Body.Close()
	if first.StatusCode != http.StatusOK || second.StatusCode != http.StatusOK {
		t.Fatalf("%s, %s", first.Status, second.Status)
	}
	third := f.get(t, "/events/B", nil)
	third.Body.Close()
	if third.StatusCode != http.StatusServiceUnavailable || third.Header.Get("Retry-After") == "" {
		t.Fatalf("third viewer: %s, Retry-After %q; want 503 with Retry-After", third.Status, third.Header.Get("Retry-After"))
	}

	first.Body.Close()
	deadline := time.Now().Add(guard)
	for {
		resp := f.get(t, "/events/B", nil)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the place of a viewer that left was never freed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if f.b.Refused() == 0 {
		t.Error("refusals not counted")
	}
}

// TestMaxViewersPerIP: one address cannot hold more than its share; the others can.
func TestMaxViewersPerIP(t *testing.T) {
	f := newFixture(t, Options{MaxViewersPerIP: 1, ClientIP: HeaderIP("Fly-Client-IP")})
	a := f.get(t, "/events/A", http.Header{"Fly-Client-Ip": {"203.0.113.7"}})
	defer a.Body.Close()
	again := f.get(t, "/events/A", http.Header{"Fly-Client-Ip": {"203.0.113.7"}})
	again.Body.Close()
	other := f.get(t, "/events/A", http.Header{"Fly-Client-Ip": {"198.51.100.2"}})
	defer other.Body.Close()
	if a.StatusCode != http.StatusOK || again.StatusCode != http.StatusTooManyRequests || other.StatusCode != http.StatusOK {
		t.Errorf("statuses %d, %d, %d; want 200, 429, 200", a.StatusCode, again.StatusCode, other.StatusCode)
	}
}

func TestClientIP(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/events/A", nil)
	r.RemoteAddr = "192.0.2.1:5555"
	if got := RemoteIP(r); got != "192.0.2.1" {
		t.Errorf("RemoteIP = %q", got)
	}
	if got := HeaderIP("Fly-Client-IP")(r); got != "192.0.2.1" {
		t.Errorf("HeaderIP without the header = %q, want the peer", got)
	}
	r.Header.Set("Fly-Client-IP", "203.0.113.9")
	if got := HeaderIP("Fly-Client-IP")(r); got != "203.0.113.9" {
		t.Errorf("HeaderIP = %q", got)
	}
}

func TestAdmissionLogsAtMostEveryInterval(t *testing.T) {
	var a admission
	now := time.Unix(1000, 0)
	if !a.shouldLog(now, 10*time.Second) || a.shouldLog(now.Add(time.Second), 10*time.Second) || !a.shouldLog(now.Add(11*time.Second), 10*time.Second) {
		t.Error("want a line, then silence within the interval, then a line after it")
	}
}
