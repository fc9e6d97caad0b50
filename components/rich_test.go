package components

import "testing"

func TestSanitizeRich(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3<sup>rd</sup> att.", "3<sup>rd</sup> att."},
		{"2<SUP>nd</SUP> att.", "2<sup>nd</sup> att."},
		{"Session A &ndash; Results", "Session A – Results"},
		{"Clean&amp;Jerk", "Clean&amp;Jerk"},
		{"&amp;lt;script&amp;gt;", "&amp;lt;script&amp;gt;"}, // decoded once only
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{`<sup onclick="x()">1</sup>`, `&lt;sup onclick=&#34;x()&#34;&gt;1</sup>`},
		{"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
		{"a<br/>b", "a<br>b"},
		{"5 < 6 > 4", "5 &lt; 6 &gt; 4"},
		{"unclosed <sup", "unclosed &lt;sup"},
		{`O'Brien "Jr"`, "O&#39;Brien &#34;Jr&#34;"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := SanitizeRich(tt.in); got != tt.want {
			t.Errorf("SanitizeRich(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
