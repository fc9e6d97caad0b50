package web_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/static"
)

// TestHeadAnswersEveryGetRoute: HEAD gets GET's status and headers, without a body, on every
// route that answers GET (monitors and link checkers probe with HEAD; chi's Get alone would
// answer 405).
func TestHeadAnswersEveryGetRoute(t *testing.T) {
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	for _, p := range []string{
		"/", "/status", "/api/status", "/healthz", linkPath + "?lang=en",
		static.Path("css/board.css"), "/local/flags/none.svg",
		"/start-order?fop=A", "/start-order/grid?fop=A&lang=en", "/no-such-board",
		"/events", "/events/A", "/events/nowhere",
	} {
		req, _ := http.NewRequest(http.MethodHead, s.srv.URL+p, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want := http.StatusOK
		switch p {
		case "/local/flags/none.svg", "/no-such-board", "/events/nowhere":
			want = http.StatusNotFound
		}
		if resp.StatusCode != want || len(body) != 0 {
			t.Errorf("HEAD %s: %d with %d bytes, want %d and no body", p, resp.StatusCode, len(body), want)
		}
		if ct := resp.Header.Get("Content-Type"); ct == "" && want == http.StatusOK {
			t.Errorf("HEAD %s: no Content-Type", p)
		}
	}
}
