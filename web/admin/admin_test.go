package admin_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/owlcms/tracker/app"
	"github.com/owlcms/tracker/web/admin"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// sources is a demo tracker's components (app.New, the one assembly) with one fragment
// rendered and platform A's stream open.
func sources(t *testing.T) admin.Sources {
	t.Helper()
	a, err := app.New(app.Config{Logger: slog.New(slog.DiscardHandler), Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = a.Shutdown(ctx)
	})
	a.Events.Ensure("A")
	if _, err := a.Fragments.Get("k", func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	return admin.Sources{Hub: a.Hub, OWLCMS: a.OWLCMS, Events: a.Events, Fragments: a.Fragments}
}

func get(t *testing.T, h http.Handler, path string) (int, http.Header, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Header(), rec.Body.String()
}

var (
	sampleLine = regexp.MustCompile(`^([a-z_]+)(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+-]+$`)
	typeLine   = regexp.MustCompile(`^# TYPE ([a-z_]+) (counter|gauge|histogram|summary|untyped)$`)
)

// TestMetricsExposition: /metrics is valid Prometheus text, each family announced before its
// samples, and carries what an organiser's dashboard needs.
func TestMetricsExposition(t *testing.T) {
	code, hdr, body := get(t, admin.NewHandler(sources(t)), "/metrics")
	if code != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("%d %q", code, hdr.Get("Content-Type"))
	}
	typed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "# HELP "):
		case strings.HasPrefix(line, "# TYPE "):
			m := typeLine.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("bad TYPE line %q", line)
				continue
			}
			typed[m[1]] = true
		default:
			m := sampleLine.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("bad sample line %q", line)
			} else if name := m[1]; !typed[name] && !typed[strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_sum"), "_count")] {
				t.Errorf("sample before its TYPE: %q", line)
			}
		}
	}
	for _, want := range []string{
		"tracker_owlcms_connected 0",
		`tracker_owlcms_frames_total{type="update"} 0`,
		"tracker_owlcms_frames_rejected_total 0",
		"tracker_owlcms_last_ping_timestamp_seconds 0",
		`tracker_viewers{fop="A"} 0`,
		`tracker_viewers{fop=""} 0`,
		"tracker_sse_events_dropped_total 0",
		"tracker_fragment_renders_total 1",
		"tracker_fragment_render_seconds_total ",
		`tracker_platform_last_update_timestamp_seconds{fop="A"} `,
		"go_goroutines ",
		"go_memstats_stack_inuse_bytes ",
		"process_resident_memory_bytes ",
		`tracker_fragment_render_seconds_bucket{le="0.0001"} `,
		`tracker_fragment_render_seconds_bucket{le="+Inf"} 1`,
		"tracker_fragment_render_seconds_count 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestProfilerAndIndex(t *testing.T) {
	h := admin.NewHandler(admin.Sources{})
	if code, _, body := get(t, h, "/debug/pprof/"); code != http.StatusOK || !strings.Contains(body, "goroutine") {
		t.Errorf("pprof index: %d", code)
	}
	if code, _, body := get(t, h, "/"); code != http.StatusOK || !strings.Contains(body, "/metrics") {
		t.Errorf("index: %d %q", code, body)
	}
	if code, _, _ := get(t, h, "/metrics"); code != http.StatusOK {
		t.Errorf("metrics without sources: %d", code)
	}
}
