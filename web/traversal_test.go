package web_test

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/app"
	"github.com/owlcms/tracker/hub"
)

// TestLocalCannotEscape: whatever the encoding, /local/<kind>/<name> never serves a file
// outside the asset directory, nor one of the directory's files outside a kind's set.
func TestLocalCannotEscape(t *testing.T) {
	dir := t.TempDir()
	const secret = "SECRET-CONTENT"
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "local"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "local", "secret.txt"), []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	s := serveApp(t, app.Config{LocalDir: filepath.Join(dir, "local")})
	if _, err := s.hub.ReplaceAssetsZip(hub.AssetFlags, zipFiles(t, map[string][]byte{"Good Club.svg": []byte("<svg/>")})); err != nil {
		t.Fatal(err)
	}
	srv := s.srv
	addr := strings.TrimPrefix(srv.URL, "http://")

	for _, p := range []string{
		"/local/flags/Good%20Club.svg", // the control: a real flag is served
		"/local/flags/../secret.txt",
		"/local/flags/../../secret.txt",
		"/local/flags/..%2fsecret.txt",
		"/local/flags/..%2f..%2fsecret.txt",
		"/local/flags/%2e%2e/%2e%2e/secret.txt",
		"/local/flags/%2e%2e%2f%2e%2e%2fsecret.txt",
		"/local/flags/..%5c..%5csecret.txt",
		"/local/flags/%2fetc%2fpasswd",
		"/local/flags//etc/passwd",
		"/local/flags/secret.txt%00.svg",
		"/local/..%2fsecret.txt",
		"/local/%2e%2e/secret.txt",
	} {
		status, body := rawGet(t, addr, p)
		if p == "/local/flags/Good%20Club.svg" {
			if status != 200 || body != "<svg/>" {
				t.Errorf("%s: %d %q, want the flag", p, status, body)
			}
			continue
		}
		if status == 200 || strings.Contains(body, secret) || strings.Contains(body, "root:") {
			t.Errorf("%s: %d %q", p, status, body)
		}
	}
}

// rawGet sends the path exactly as written: http.Client would clean some of it first.
func rawGet(t *testing.T, addr, path string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(c)
	head, body, _ := strings.Cut(string(raw), "\r\n\r\n")
	var status int
	if f := strings.Fields(head); len(f) > 1 {
		status, _ = strconv.Atoi(f[1])
	}
	return status, body
}
