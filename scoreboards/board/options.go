package board

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Options are the viewer's choices that every board understands.
type Options struct {
	Theme       string  // "dark" (default) or "light": OWLCMS's nogrid colours
	Size        float64 // font scale: 1 fits the screen; 0.5-2
	ShowLeaders bool
	ShowRecords bool
	Public      bool // a public display: see PublicKey
	// Safe is a video overlay's margin, in percent of the frame on each side: broadcasters keep
	// graphics inside EBU R 95's graphics-safe area (docs/overlays.md).
	Safe float64
}

// DefaultOptions are the options of a URL without any.
var DefaultOptions = Options{Theme: "dark", Size: 1, ShowLeaders: true, ShowRecords: true, Safe: SafeGraphics}

// The safe areas of EBU R 95 for 16:9 production, as the margin on each side in percent of the
// frame's width (and of its height): graphics within 90 % × 90 %, action within 93 % × 93 %.
const (
	SafeGraphics = 5.0
	SafeAction   = 3.5
)

// safeNames are the named margins of safe=; a number is a margin in percent (0-20).
var safeNames = map[string]float64{"graphics": SafeGraphics, "action": SafeAction, "none": 0, "off": 0}

// Option describes one URL option for the landing page's URL builder.
type Option struct {
	Key     string
	Label   string
	Kind    string   // "bool", "select" or "number"
	Choices []string // for "select"
	Default string
	Min     string // for "number"
	Max     string
	Step    string
	// OverlayOnly options mean something on video overlays only (the safe area).
	OverlayOnly bool
}

// CommonOptions are the options of every board, as the landing page offers them.
var CommonOptions = []Option{
	{Key: "theme", Label: "Theme", Kind: "select", Choices: []string{"dark", "light"}, Default: "dark"},
	{Key: "size", Label: "Text size", Kind: "number", Default: "1", Min: "0.5", Max: "2", Step: "0.1"},
	{Key: "showLeaders", Label: "Show leaders", Kind: "bool", Default: "true"},
	{Key: "showRecords", Label: "Show records", Kind: "bool", Default: "true"},
	{Key: PublicKey, Label: "Public display (medals and introduction during ceremonies)", Kind: "bool", Default: "false"},
	{Key: "safe", Label: "Safe area (EBU R 95)", Kind: "select", Choices: []string{"graphics", "action", "none"}, Default: "graphics", OverlayOnly: true},
}

// sizeNames are the named sizes the overlays use (size=small|medium|large).
var sizeNames = map[string]float64{"small": 0.8, "medium": 1, "large": 1.25}

// ParseOptions reads the common options from a query, ignoring values it does not
// understand (a typo in a TV's URL must not break the board).
func ParseOptions(q url.Values) Options {
	o := DefaultOptions
	if q.Get("theme") == "light" {
		o.Theme = "light"
	}
	if s := strings.TrimSpace(q.Get("size")); s != "" {
		if v, ok := sizeNames[strings.ToLower(s)]; ok {
			o.Size = v
		} else if v, err := strconv.ParseFloat(s, 64); err == nil && v == v {
			o.Size = min(max(v, 0.5), 2)
		}
	}
	o.ShowLeaders = ParseBool(q.Get("showLeaders"), true)
	o.ShowRecords = ParseBool(q.Get("showRecords"), true)
	o.Public = ParseBool(q.Get(PublicKey), false)
	if s := strings.ToLower(strings.TrimSpace(q.Get("safe"))); s != "" {
		if v, ok := safeNames[s]; ok {
			o.Safe = v
		} else if v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64); err == nil && v == v {
			o.Safe = min(max(v, 0), 20)
		}
	}
	return o
}

// ParseBool reads a boolean option: true/false, 1/0, yes/no, on/off; def otherwise.
func ParseBool(s string, def bool) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "on":
		return true
	case "false", "0", "no", "off":
		return false
	}
	return def
}

// Flag reads a board-specific boolean option of the request (see ParseBool).
func (r Request) Flag(key string, def bool) bool { return ParseBool(r.Query.Get(key), def) }

// Key is a canonical text of the options, for cache keys: two URLs that mean the same
// thing share their rendered fragments. Public is left out: it changes which board a page
// shows, never what a fragment renders.
func (o Options) Key() string {
	return o.Theme + "|" + strconv.FormatFloat(o.Size, 'f', 2, 64) + "|" +
		strconv.FormatBool(o.ShowLeaders) + "|" + strconv.FormatBool(o.ShowRecords) + "|" +
		strconv.FormatFloat(o.Safe, 'f', 2, 64)
}

// BoardQuery keeps only the board-specific options of a query, sorted and canonical, for
// cache keys and fragment URLs.
func (b *Board) BoardQuery(q url.Values) url.Values {
	out := url.Values{}
	for _, o := range b.Options {
		if v := q.Get(o.Key); v != "" {
			out.Set(o.Key, v)
		}
	}
	return out
}

// HasCommon reports whether the board uses the common option key: not one it lists in
// NoCommon, nor an overlay's option on a board that is not one, and public only on a board that
// a public display switches from (Switches).
func (b *Board) HasCommon(key string) bool {
	if key == PublicKey {
		return b.Switches()
	}
	if slices.Contains(b.NoCommon, key) {
		return false
	}
	i := slices.IndexFunc(CommonOptions, func(o Option) bool { return o.Key == key })
	return i < 0 || !CommonOptions[i].OverlayOnly || b.Category == VideoOverlay
}

// PageSecondsOption is the pause of a long board on each of its pages: a board whose rows do
// not fit the screen at a legible size pages itself (static/js/pager.js).
var PageSecondsOption = Option{Key: "pageSeconds", Label: "Seconds on a page (a long board pages itself)", Kind: "number",
	Default: "10", Min: "2", Max: "120", Step: "1"}

// PageSeconds reads PageSecondsOption: 10 s, within 2-120.
func PageSeconds(r Request) int {
	n, err := strconv.Atoi(strings.TrimSpace(r.Query.Get(PageSecondsOption.Key)))
	if err != nil {
		return 10
	}
	return min(max(n, 2), 120)
}
