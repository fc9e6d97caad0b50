package tracker

// Deployment tests: the Dockerfile and fly.toml are not exercised by CI (no Docker daemon, no
// Fly account), so the facts they must agree on are checked as text. Each one, if lost, breaks
// a meet in a way nothing else would catch before the day.

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func readText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tomlValue returns the value of `key = value` (quotes removed) in the named [section].
func tomlValue(t *testing.T, doc, section, key string) string {
	t.Helper()
	in := section == ""
	for _, line := range strings.Split(doc, "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			in = line == "["+section+"]" || line == "[["+section+"]]"
			continue
		}
		if k, v, ok := strings.Cut(line, "="); in && ok && strings.TrimSpace(k) == key {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	t.Fatalf("fly.toml: no %s in [%s]", key, section)
	return ""
}

func TestFlyConfig(t *testing.T) {
	fly := readText(t, "fly.toml")
	docker := readText(t, "Dockerfile")
	for _, c := range []struct{ section, key, want, why string }{
		{"http_service", "internal_port", "8096", "the port the image listens on"},
		{"http_service", "auto_stop_machines", "off", "a meet with only long-lived connections looks idle to Fly"},
		{"http_service", "min_machines_running", "1", "the state lives in one process"},
		{"http_service.concurrency", "type", "connections", "every screen holds a stream for hours"},
		{"http_service.checks", "path", "/healthz", "liveness must not depend on OWLCMS"},
		{"env", "CLIENT_IP_HEADER", "Fly-Client-IP", "per-address limits must see viewers, not Fly's proxy"},
		{"metrics", "path", "/metrics", "Fly scrapes the admin listener"},
		{"", "kill_signal", "SIGTERM", "the tracker's graceful shutdown (1001 to OWLCMS)"},
	} {
		if got := tomlValue(t, fly, c.section, c.key); got != c.want {
			t.Errorf("fly.toml [%s] %s = %q, want %q: %s", c.section, c.key, got, c.want, c.why)
		}
	}
	admin := tomlValue(t, fly, "env", "ADMIN_ADDR")
	if port := tomlValue(t, fly, "metrics", "port"); !strings.HasSuffix(admin, ":"+port) || strings.HasPrefix(admin, "127.") {
		t.Errorf("ADMIN_ADDR %q must listen on every interface at the [metrics] port %s", admin, port)
	}
	if !strings.Contains(fly, "--ha=false") {
		t.Error("fly.toml must say to deploy with --ha=false (one machine)")
	}
	if !regexp.MustCompile(`(?m)^EXPOSE 8096$`).MatchString(docker) || !strings.Contains(docker, "PORT=8096") {
		t.Error("Dockerfile: the image must listen on 8096")
	}
}

func TestDockerfile(t *testing.T) {
	docker := readText(t, "Dockerfile")
	for _, want := range []struct{ re, why string }{
		{`(?m)^FROM .* AS build$`, "multi-stage: the toolchain stays out of the image"},
		{`CGO_ENABLED=0`, "a static binary for distroless/static"},
		{`(?m)^FROM gcr\.io/distroless/static[^ ]*:nonroot$`, "distroless, non-root"},
		{`(?m)^USER nonroot`, "never run as root"},
		{`(?m)^HEALTHCHECK .*"/tracker", "-healthcheck"`, "the binary probes itself: distroless has no curl"},
		{`(?m)^VOLUME /data$`, "assets and learning-mode samples survive restarts"},
		{`LOCAL_DIR=/data/local`, "assets go to the volume"},
	} {
		if !regexp.MustCompile(want.re).MatchString(docker) {
			t.Errorf("Dockerfile lacks %s: %s", want.re, want.why)
		}
	}
}
