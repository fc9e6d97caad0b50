package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub/owlcms"
)

// TestStatusPage: the organiser's status page lives at /status and refreshes itself there.
func TestStatusPage(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	tests := []struct {
		name    string
		htmx    bool
		want    []string
		notWant []string
	}{
		{
			name: "page",
			want: []string{"<!doctype html>", `<section id="status" class="status" hx-get="/status" hx-trigger="every 3s"`,
				"OWLCMS not connected", "Connecting OWLCMS", "/ws</code>", "This page was opened as localhost",
				`<a href="/">Boards</a>`},
		},
		{
			name:    "htmx fragment",
			htmx:    true,
			want:    []string{`<section id="status"`, `hx-get="/status"`, "OWLCMS not connected"},
			notWant: []string{"<html", "Connecting OWLCMS", "<footer>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, s.srv.URL+"/status", nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.htmx {
				req.Header.Set("HX-Request", "true")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			body := string(raw)
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
				t.Fatalf("GET /status: %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
			}
			if tt.htmx && !strings.HasPrefix(strings.TrimSpace(body), `<section id="status"`) {
				t.Errorf("fragment is not just the status section: %.200s", body)
			}
			for _, w := range tt.want {
				if !strings.Contains(strings.ToLower(body), strings.ToLower(w)) {
					t.Errorf("lacks %s", w)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(body, nw) {
					t.Errorf("has %s", nw)
				}
			}
		})
	}
}

func TestModeLabel(t *testing.T) {
	tests := []struct {
		f    FOPStatus
		want string
	}{
		{FOPStatus{}, "waiting for OWLCMS"},
		{FOPStatus{Mode: "WAIT"}, "no session started"},
		{FOPStatus{Mode: "CURRENT_ATHLETE"}, "lifting"},
		{FOPStatus{Mode: "LIFT_COUNTDOWN"}, "countdown"},
		{FOPStatus{Mode: "INTERRUPTION"}, "interrupted"},
		{FOPStatus{Mode: "CURRENT_ATHLETE", SessionDone: true}, "session done"},
		{FOPStatus{Mode: "NEW_THING"}, "new thing"},
	}
	for _, tt := range tests {
		if got := modeLabel(tt.f); got != tt.want {
			t.Errorf("modeLabel(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	if plural(1, "platform") != "1 platform" || plural(0, "session") != "0 sessions" || plural(39, "athlete") != "39 athletes" {
		t.Error(plural(1, "platform"), plural(0, "session"))
	}
}
