package boardtest

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestLines: a golden file breaks the HTML between adjacent tags and hides the content hash
// of static URLs, and nothing else.
func TestLines(t *testing.T) {
	got := Lines(`<head><link href="/static/3dd1f58cd447/css/base.css"></head><p>a > b</p><td class="x"></td>`)
	want := "<head>\n<link href=\"/static/HASH/css/base.css\">\n</head>\n<p>a > b</p>\n<td class=\"x\">\n</td>\n"
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Lines (-want +got):\n%s", diff)
	}
}
