package components

import (
	"context"
	"html"
	"io"
	"strings"

	"github.com/a-h/templ"
)

// richTags are the only tags OWLCMS text may keep: the attempt label ("3<sup>rd</sup> att.")
// and a few translation strings use them. They are matched exactly, without attributes.
var richTags = []string{"sup", "sub", "b", "i", "em", "strong", "br"}

// Rich renders text that OWLCMS may send with a little HTML (the attempt label, some
// translations, "&ndash;" entities) through an allow-list: the tags in richTags are kept,
// entities are decoded exactly once, and everything else is escaped. Nothing from OWLCMS is
// ever written as raw HTML.
func Rich(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, SanitizeRich(s))
		return err
	})
}

// SanitizeRich returns the safe HTML Rich writes.
func SanitizeRich(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.EscapeString(html.UnescapeString(s)))
			break
		}
		b.WriteString(html.EscapeString(html.UnescapeString(s[:i])))
		s = s[i:]
		if tag, n := allowedTag(s); n > 0 {
			b.WriteString(tag)
			s = s[n:]
			continue
		}
		b.WriteString("&lt;")
		s = s[1:]
	}
	return b.String()
}

// allowedTag matches an allow-listed tag at the start of s ("<sup>", "</sup>", "<br>",
// "<br/>", any case) and returns its canonical form and its length in s.
func allowedTag(s string) (string, int) {
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", 0
	}
	inner := strings.ToLower(strings.TrimSpace(s[1:end]))
	closing := strings.HasPrefix(inner, "/")
	inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(inner, "/"), "/"))
	for _, t := range richTags {
		if inner != t {
			continue
		}
		switch {
		case t == "br":
			return "<br>", end + 1
		case closing:
			return "</" + t + ">", end + 1
		default:
			return "<" + t + ">", end + 1
		}
	}
	return "", 0
}

// SanitizeRichText returns the plain text of OWLCMS rich text: entities decoded, tags
// dropped. For places where no markup can go (a title, an attribute).
func SanitizeRichText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if _, n := allowedTag(s); n > 0 {
			s = s[n:]
			continue
		}
		b.WriteByte('<')
		s = s[1:]
	}
	return html.UnescapeString(b.String())
}
