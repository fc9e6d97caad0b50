package hub

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatMessage fills a translation pattern the way Java's MessageFormat does for the forms
// OWLCMS texts use: "{0}" and "{0,choice,0#none|1#one|1<{0} many}". It does not handle
// MessageFormat quoting, which OWLCMS's display texts do not use.
func FormatMessage(pattern string, args ...any) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != '{' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		end := matchingBrace(pattern, i)
		if end < 0 {
			b.WriteString(pattern[i:])
			break
		}
		b.WriteString(formatArgument(pattern[i+1:end], args))
		i = end + 1
	}
	return b.String()
}

// matchingBrace returns the index of the brace closing the one at open, or -1.
func matchingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// formatArgument formats one "{...}" element: "n" or "n,choice,spec".
func formatArgument(spec string, args []any) string {
	parts := strings.SplitN(spec, ",", 3)
	n, err := strconv.Atoi(strings.TrimSpace(parts[0]))
	if err != nil || n < 0 || n >= len(args) {
		return "{" + spec + "}"
	}
	if len(parts) == 3 && strings.TrimSpace(parts[1]) == "choice" {
		v, _ := strconv.ParseFloat(fmt.Sprint(args[n]), 64)
		return FormatMessage(choose(parts[2], v), args...)
	}
	return fmt.Sprint(args[n])
}

// choose picks the ChoiceFormat branch for v: the last "limit#text" with v >= limit or
// "limit<text" with v > limit; the first branch when none matches.
func choose(spec string, v float64) string {
	branches := splitTopLevel(spec, '|')
	chosen := ""
	for i, br := range branches {
		j := strings.IndexAny(br, "#<")
		if j < 0 {
			continue
		}
		limit, err := strconv.ParseFloat(strings.TrimSpace(br[:j]), 64)
		if err != nil {
			continue
		}
		text := br[j+1:]
		if i == 0 {
			chosen = text
		}
		if (br[j] == '#' && v >= limit) || (br[j] == '<' && v > limit) {
			chosen = text
		}
	}
	return chosen
}

// splitTopLevel splits s on sep outside nested braces.
func splitTopLevel(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
