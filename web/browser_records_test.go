package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
)

// recordAttempt is an update of the demo's platform A whose current request attacks the
// regional snatch record, as OWLCMS highlights it in the record table it sends.
var recordAttempt = map[string]any{"recordKind": "attempt", "recordMessage": "Record attempt",
	"records": map[string]any{"recordNames": []string{"Lakeside Regional"}, "recordCategories": []string{"SR 58"},
		"recordTable": []any{map[string]any{"cat": "SR 58", "recordClass": "recordBox",
			"records": []any{map[string]any{"SNATCH": 94, "CLEANJERK": 118, "TOTAL": 210, "snatchHighlight": "highlight"}}}}}}

// flagJS is the record mark of the page: its kind and its text, "" when none.
const flagJS = `(() => { const f = document.querySelector('.record-flag');
	return f ? (f.classList.contains('record-new') ? 'new: ' : 'attempt: ') + f.textContent.replace(/\s+/g, ' ').trim() : ''; })()`

// TestBrowserRecordFlag: a record attempt OWLCMS announces shows on the attempt bar and on the
// attempt board as it happens, naming the record; the lights of a good lift turn it into a new
// record; a jury's denial takes it down. The records board highlights the record attempted.
func TestBrowserRecordFlag(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	for _, path := range []string{"/attempt-bar?fop=A", "/attempt-board?fop=A"} {
		ceremony(t, s, "A", map[string]any{"recordKind": "none"})
		b.do(chromedp.Navigate(s.srv.URL + path))
		waitFor(b, path+" loaded", 10*time.Second, `document.querySelector('.bar, .ab') !== null`, func(ok bool) bool { return ok })
		if got := eval[string](b, flagJS); got != "" {
			t.Errorf("%s: a record mark without a record attempt: %q", path, got)
		}
		ceremony(t, s, "A", recordAttempt)
		// The lifter's clock starts (after the previous round's jury decision, lifting resumes).
		apply(t, s, hub.MessageTimer, `{"fop":"A","fopState":"TIME_RUNNING","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`)
		got := waitFor(b, path+": the record attempt", 10*time.Second, flagJS, func(s string) bool { return s != "" })
		if !strings.HasPrefix(got, "attempt: ") || !strings.Contains(got, "Lakeside Regional SR 58 Snatch 94") {
			t.Errorf("%s: record mark %q", path, got)
		}
		apply(t, s, hub.MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"true","decisionsVisible":"true","recordKind":"new"}`)
		got = waitFor(b, path+": the new record", 10*time.Second, flagJS, func(s string) bool { return strings.HasPrefix(s, "new: ") })
		if !strings.Contains(got, "Lakeside Regional SR 58 Snatch") {
			t.Errorf("%s: new record mark %q", path, got)
		}
		apply(t, s, hub.MessageDecision, `{"fop":"A","decisionEventType":"JURY_DECISION","juryDecision":"BAD_LIFT","juryReversal":"true","recordKind":"denied"}`)
		waitFor(b, path+": the jury's denial", 10*time.Second, flagJS, func(s string) bool { return !strings.HasPrefix(s, "new: ") })
		apply(t, s, hub.MessageDecision, `{"fop":"A","decisionEventType":"RESET"}`)
	}
	ceremony(t, s, "A", recordAttempt)
	b.do(chromedp.Navigate(s.srv.URL + "/records?fop=A"))
	got := waitFor(b, "the records board", 10*time.Second,
		`Array.from(document.querySelectorAll('td.record-attempt')).map((td) => Array.from(td.parentElement.cells).map((c) => c.textContent.trim()).join(' ')).join('|')`,
		func(s string) bool { return s != "" })
	if got != "SR 58 Lakeside Regional 94 118 210" {
		t.Errorf("records board: the record attempted is in %q", got)
	}
	b.do(chromedp.Navigate("about:blank"))
}

func apply(t *testing.T, s *testServer, typ hub.MessageType, payload string) {
	t.Helper()
	if _, err := s.hub.Apply(typ, []byte(payload)); err != nil {
		t.Fatal(err)
	}
}
