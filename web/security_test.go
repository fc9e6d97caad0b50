package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/static"
)

// directives parses a Content-Security-Policy into its directives' source lists.
func directives(policy string) map[string][]string {
	d := map[string][]string{}
	for _, part := range strings.Split(policy, ";") {
		f := strings.Fields(part)
		if len(f) > 0 {
			d[f[0]] = f[1:]
		}
	}
	return d
}

// TestSecurityPolicy pins what the policy must never allow: script other than the tracker's
// own files (no inline script, no eval), <style> elements, plugins, <base>.
func TestSecurityPolicy(t *testing.T) {
	for name, p := range map[string]string{"page": pagePolicy, "board": boardPolicy} {
		d := directives(p)
		for dir, want := range map[string][]string{
			"default-src":    {"'self'"},
			"script-src":     {"'self'"},
			"style-src-elem": {"'self'"},
			"connect-src":    {"'self'"},
			"img-src":        {"'self'"},
			"object-src":     {"'none'"},
			"base-uri":       {"'none'"},
			"form-action":    {"'self'"},
		} {
			if !slices.Equal(d[dir], want) {
				t.Errorf("%s policy: %s %q, want %q", name, dir, d[dir], want)
			}
		}
	}
	if fa := directives(pagePolicy)["frame-ancestors"]; !slices.Equal(fa, []string{"'self'"}) {
		t.Errorf("page policy: frame-ancestors %q", fa)
	}
	if fa, ok := directives(boardPolicy)["frame-ancestors"]; ok {
		t.Errorf("board policy restricts frame-ancestors (%q): boards must stay embeddable", fa)
	}
}

// TestSecurityHeaders: pages, fragments, the status page and its fragment, the JSON status,
// static files and errors carry the security headers; board pages may be framed anywhere;
// /local/ assets keep their own, stricter policy.
func TestSecurityHeaders(t *testing.T) {
	s := demoServer(t)
	_, grid := s.get(t, "/lifting-order/grid?fop=A&lang=en")
	flag := regexp.MustCompile(`/local/flags/[^"?]+`).FindString(grid)
	if flag == "" {
		t.Fatal("no flag in the demo's lifting order")
	}
	first, _ := s.get(t, "/lifting-order/grid?fop=A&lang=en")
	gridTag, gridVersion := first.Header.Get("ETag"), first.Header.Get("X-Fragment-Version")
	if gridVersion == "" {
		t.Fatal("the lifting order's grid names no version: it no longer carries the bar?")
	}
	cases := []struct {
		path    string
		headers []string
		status  int
		policy  string
		page    bool // an HTML document: it must carry htmx's CSP-safe configuration
		// fragment: a part of a page, which the page's policy covers; it carries no opener
		// or referrer policy (only documents use them)
		fragment bool
	}{
		{path: "/", status: 200, policy: pagePolicy, page: true},
		{path: "/status", status: 200, policy: pagePolicy, page: true},
		{path: "/status", headers: []string{"HX-Request: true"}, status: 200, policy: pagePolicy},
		{path: "/api/status", status: 200, policy: pagePolicy},
		{path: "/healthz", status: 200, policy: pagePolicy},
		{path: static.Path("css/board.css"), status: 200, policy: pagePolicy},
		{path: static.Path("vendor/htmx-2.0.11.min.js"), status: 200, policy: pagePolicy},
		{path: "/lifting-order?fop=A", status: 200, policy: boardPolicy, page: true},
		{path: "/team-scoreboard?fop=A", status: 200, policy: boardPolicy, page: true},
		{path: "/referee-assignments", status: 200, policy: boardPolicy, page: true},
		{path: "/lifting-order/grid?fop=A&lang=en", status: 200, policy: fragmentPolicy, fragment: true},
		{path: "/lifting-order/grid?fop=A&lang=en", headers: []string{"If-None-Match: " + gridTag}, status: 304, policy: fragmentPolicy, fragment: true},
		{path: "/lifting-order/grid?fop=A&lang=en", headers: []string{"Accept-Encoding: gzip"}, status: 200, policy: fragmentPolicy, fragment: true},
		// An answer for the page that asked (here: the bar alone, the page having the grid),
		// which only a script receives and nothing stores: no policy (fragcache.serveUnstored).
		{path: "/lifting-order/grid?fop=A&lang=en", headers: []string{"X-Fragment-Have: " + gridVersion, `X-Fragment-Carried-Have: "old"`}, status: 200, policy: "", fragment: true},
		{path: linkPath + "?lang=en", status: 200, policy: pagePolicy},
		{path: "/no-such-board", status: 404, policy: boardPolicy},
		{path: "/lifting-order?fop=%00", status: 400, policy: boardPolicy},
		{path: "/lifting-order/nope?fop=A", status: 404, policy: fragmentPolicy, fragment: true},
	}
	for _, c := range cases {
		resp, body := s.get(t, c.path, c.headers...)
		what := c.path
		if len(c.headers) > 0 {
			what += " (" + strings.Join(c.headers, ", ") + ")"
		}
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", what, resp.StatusCode, c.status)
		}
		want := map[string]string{
			"Content-Security-Policy":    c.policy,
			"X-Content-Type-Options":     "nosniff",
			"Referrer-Policy":            "no-referrer",
			"Cross-Origin-Opener-Policy": "same-origin",
		}
		if c.fragment {
			want["Referrer-Policy"], want["Cross-Origin-Opener-Policy"] = "", ""
		}
		for k, want := range want {
			if got := resp.Header.Values(k); want == "" && len(got) > 0 {
				t.Errorf("%s: %s %q, want none", what, k, got)
			} else if want != "" && (len(got) != 1 || got[0] != want) {
				t.Errorf("%s: %s %q, want %q", what, k, got, want)
			}
		}
		if c.page && !strings.Contains(html.UnescapeString(body), `<meta name="htmx-config" content="`+components.HTMXConfig+`">`) {
			t.Errorf("%s: no htmx-config meta with %s", what, components.HTMXConfig)
		}
	}

	resp, _ := s.get(t, flag)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s", flag, resp.Status)
	}
	if got := resp.Header.Values("Content-Security-Policy"); len(got) != 1 || !strings.HasSuffix(got[0], "; sandbox") {
		t.Errorf("%s: Content-Security-Policy %q, want the assets' sandbox policy alone", flag, got)
	}
}

// sseRecorder records the raw bytes of event streams until stopped.
type sseRecorder struct {
	mu     sync.Mutex
	bodies map[string]*strings.Builder
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// recordStreams opens each stream path of s and records what it receives; it returns once
// every stream answered 200.
func recordStreams(t *testing.T, s *testServer, paths ...string) *sseRecorder {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	rec := &sseRecorder{bodies: map[string]*strings.Builder{}, cancel: cancel}
	t.Cleanup(rec.stop)
	for _, p := range paths {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.srv.URL+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := s.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close()
			t.Fatalf("%s: %s", p, resp.Status)
		}
		b := &strings.Builder{}
		rec.bodies[p] = b
		rec.wg.Add(1)
		go func() {
			defer rec.wg.Done()
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				rec.mu.Lock()
				b.WriteString(sc.Text())
				b.WriteByte('\n')
				rec.mu.Unlock()
			}
		}()
	}
	return rec
}

func (r *sseRecorder) body(path string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bodies[path].String()
}

func (r *sseRecorder) stop() {
	r.cancel()
	r.wg.Wait()
}

// withFields returns the JSON object payload with fields added.
func withFields(t *testing.T, payload []byte, fields map[string]string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		b, _ := json.Marshal(v)
		m[k] = b
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNothingLeaksTheUpdateKey: with OWLCMS_UPDATEKEY on, OWLCMS's updates, timers and
// decisions carry the key (and here a field no board shows). Neither reaches a viewer: not
// in any event of the platform and global streams, not in the page nor any fragment of any
// registered board on either platform, not on the landing and status pages.
func TestNothingLeaksTheUpdateKey(t *testing.T) {
	const key = "k3y-0f-the-0wlcms-UPDATE-7f41c2"
	const hidden = "n0t-f0r-b0ards-93ac5e" // a field of the payloads that no board shows
	s := newTestServer(t, owlcms.Options{UpdateKey: key})
	comp := demo.NewDemo()

	// The resources, on a connection authenticated by its URL, as OWLCMS does when the key is
	// part of its configured URL.
	res := s.dial(t, "/ws?updateKey="+key)
	res.sendBinary(captureVersion, "database_zip", zipFiles(t, map[string][]byte{"competition.json": comp.DatabaseJSON()}))
	res.sendBinary(captureVersion, "translations_zip", zipFiles(t, map[string][]byte{"translations.json": demo.TranslationsJSON()}))
	res.sendBinary(captureVersion, "flags_zip", demo.FlagsZip())
	deadline := time.Now().Add(10 * time.Second)
	for !known(s.hub.Snapshot(), "A") || !known(s.hub.Snapshot(), "B") || s.hub.Snapshot().Translations == nil || len(s.hub.Needs()) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the database and translations did not arrive")
		}
		time.Sleep(10 * time.Millisecond)
	}

	streams := []string{"/events", "/events/A", "/events/B"}
	rec := recordStreams(t, s, streams...)

	// The live frames, each carrying the key, on a connection authenticated by them.
	c := s.dial(t, "/ws")
	for i, p := range comp.Platforms {
		keyField := []string{"updateKey", "update_key", "updatekey"}[i%3]
		sendUpdate(t, c, withFields(t, comp.UpdateJSON(p.Name), map[string]string{keyField: key, "trackerTestNote": hidden}))
		for typ, payload := range map[string]string{
			"timer":    `{"fopName":"` + p.Name + `","athleteTimerEventType":"StartTime","athleteMillisRemaining":"45000"}`,
			"decision": `{"fop":"` + p.Name + `","decisionEventType":"FULL_DECISION","d1":"true","d2":"false","d3":"true","decisionsVisible":"true","down":"false"}`,
		} {
			msg := withFields(t, []byte(payload), map[string]string{keyField: key, "trackerTestNote": hidden})
			if reply := c.sendText(captureVersion, typ, msg); reply["status"] != float64(200) {
				t.Fatalf("%s for %s: reply %v", typ, p.Name, reply)
			}
		}
	}
	// The streams heard of it (so the check below is not vacuous).
	deadline = time.Now().Add(10 * time.Second)
	for _, p := range streams[1:] {
		for !strings.Contains(rec.body(p), "event: live") || !strings.Contains(rec.body(p), "event: data") {
			if time.Now().After(deadline) {
				t.Fatalf("%s: no data and live events within 10 s: %q", p, rec.body(p))
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	check := func(what, body string) {
		t.Helper()
		for _, secret := range []string{key, hidden} {
			if strings.Contains(body, secret) {
				i := strings.Index(body, secret)
				t.Errorf("%s carries %q: …%s…", what, secret, body[max(0, i-120):min(len(body), i+len(secret)+40)])
			}
		}
	}

	hxGet := regexp.MustCompile(`hx-get="([^"]+)"`)
	fetched := 0
	for _, bd := range scoreboards.All() {
		for _, fop := range []string{"A", "B"} {
			page := "/" + bd.Name + "?fop=" + fop
			resp, body := s.get(t, page)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: %s", page, resp.Status)
				continue
			}
			check(page, body)
			var urls []string
			for _, m := range hxGet.FindAllStringSubmatch(body, -1) {
				urls = append(urls, html.UnescapeString(m[1]))
			}
			for _, f := range bd.Fragments {
				if slices.ContainsFunc(bd.Fragments, func(c board.Fragment) bool { return c.Carries == f.Name }) {
					continue // it comes with the answers of the fragment that carries it
				}
				if !slices.ContainsFunc(urls, func(u string) bool { return strings.HasPrefix(u, "/"+bd.Name+"/"+f.Name+"?") }) {
					t.Errorf("%s: no hx-get for its fragment %q", page, f.Name)
				}
			}
			for _, u := range urls {
				resp, body := s.get(t, u)
				if resp.StatusCode != http.StatusOK {
					t.Errorf("%s (from %s): %s", u, page, resp.Status)
				}
				check(u, body)
				fetched++
			}
		}
	}
	for _, p := range []string{"/", "/status", "/api/status", linkPath + "?lang=en"} {
		_, body := s.get(t, p)
		check(p, body)
	}
	// The boards did show what the updates said (the demo's current athlete on A).
	if cur := s.hub.Snapshot().FOP("A").Current.FullName; cur == "" {
		t.Error("platform A has no current athlete: the updates did not land")
	} else if _, body := s.get(t, "/lifting-order?fop=A"); !strings.Contains(html.UnescapeString(body), cur) {
		t.Errorf("the lifting order does not show A's current athlete %q", cur)
	}

	rec.stop()
	for _, p := range streams {
		check("event stream "+p, rec.body(p))
	}
	t.Logf("%d boards × 2 platforms, %d fragment URLs, %d bytes of events checked",
		len(scoreboards.All()), fetched, len(rec.body("/events"))+len(rec.body("/events/A"))+len(rec.body("/events/B")))
}
