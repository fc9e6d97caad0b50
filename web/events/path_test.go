package events

import (
	"net/http/httptest"
	"testing"
)

// Path and PlatformOf are inverse for every platform name OWLCMS accepts, "/" included.
func TestPathRoundTrip(t *testing.T) {
	for _, name := range []string{"A", "Platform 2", "A/B", "50%", "Plateau é", "a?b#c", "/", "A%2FB"} {
		p := Path(name)
		r := httptest.NewRequest("GET", p, nil)
		got, ok := PlatformOf(r)
		if !ok || got != name {
			t.Errorf("%q: path %q gives %q, %v", name, p, got, ok)
		}
	}
	if Path("") != "/events" {
		t.Errorf("global stream path %q", Path(""))
	}
	for _, p := range []string{"/events/", "/other/A"} {
		if name, ok := PlatformOf(httptest.NewRequest("GET", p, nil)); ok {
			t.Errorf("%q names platform %q", p, name)
		}
	}
	// A "/" sent unescaped names the same platform.
	if got, ok := PlatformOf(httptest.NewRequest("GET", "/events/A/B", nil)); !ok || got != "A/B" {
		t.Errorf("unescaped slash: %q %v", got, ok)
	}
}
