package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub/owlcms"
)

// TestConnectHelpShown: / and /status say what to type in OWLCMS, with this machine's network
// addresses, and warn when the page was opened as localhost, which another machine cannot use.
// The "not connected" banner says how to connect.
func TestConnectHelpShown(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	port := s.srv.URL[strings.LastIndex(s.srv.URL, ":"):]
	for _, path := range []string{"/", "/status"} {
		for _, host := range []string{"localhost" + port, "127.0.0.1" + port} {
			req, err := http.NewRequest(http.MethodGet, s.srv.URL+path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			page := string(raw)
			for _, want := range []string{"This page was opened as localhost", "URL for Video Data", `class="conn-help"`, "/ws</code>"} {
				if !strings.Contains(page, want) {
					t.Errorf("%s as %s: no %q", path, host, want)
				}
			}
		}
		// Opened by a network address (a name the proxy in front knows): that address first,
		// and no warning.
		req, err := http.NewRequest(http.MethodGet, s.srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "tracker.example.org" + port
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if page := string(raw); strings.Contains(page, "opened as localhost") || !strings.Contains(page, "<code>ws://tracker.example.org"+port+"/ws</code>") {
			t.Errorf("%s opened as tracker.example.org: %s", path, page)
		}
	}
}
