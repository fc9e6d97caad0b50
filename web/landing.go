package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/teamscoreboard"

	"github.com/a-h/templ"
)

// landingView is what the landing page shows: the competition, whether OWLCMS is there,
// every board with a direct link per platform, and the URL builder.
type landingView struct {
	Competition string // "" when neither the database nor a platform named it
	Conn        connState
	Connect     connectHelp // the addresses to give OWLCMS, shown while it is not connected
	Platforms   []string
	Groups      []boardGroup
	Boards      []landingBoard // every board, in display order (the builder's board list)
	Locales     []localeChoice
	DefaultLang localeChoice // what a board URL without lang shows
	Common      []board.Option
}

// connState is the one-line connection indicator.
type connState struct {
	Class string // "ok", "demo" or "down" (the status page's .conn classes)
	Text  string
}

// boardGroup is one category of boards.
type boardGroup struct {
	Category board.Category
	Boards   []landingBoard
}

// landingBoard is one board with its direct links.
type landingBoard struct {
	*board.Board
	Options   []board.Option // the board's own options, with the competition's defaults
	Links     []boardLink
	Downloads []boardLink // files of the board's results (the team scoreboard's exports)
	Keys      string      // the option keys this board reads, space-separated, for the URL builder
	Placement string      // a video overlay's place and frame size, "" for other boards
}

// boardLink is a direct link to a board, for one platform or the only one.
type boardLink struct {
	Label string
	URL   string
}

// localeChoice is a language of the builder: its code and a label in its own language.
type localeChoice struct {
	Code  string
	Label string
}

// landing serves the landing page.
func (s *server) landing(w http.ResponseWriter, r *http.Request) error {
	snap := s.cfg.Hub.Snapshot()
	st := BuildStatus(snap, nil, s.cfg.Version, time.Since(s.cfg.Started), s.cfg.Demo)
	w.Header().Set("Cache-Control", "no-store")
	v := buildLanding(snap, st, scoreboards.All())
	v.Connect = newConnectHelp(r, interfaceAddrs())
	templ.Handler(Landing(v)).ServeHTTP(w, r)
	return nil
}

// buildLanding assembles the landing page's view model from a snapshot and the boards.
func buildLanding(snap *hub.Snapshot, st Status, all []*board.Board) landingView {
	v := landingView{
		Competition: competitionName(snap),
		Conn:        connectionState(st),
		Platforms:   snap.FOPNames(),
		Common:      board.CommonOptions,
	}
	var comp hub.Competition
	if snap.Database != nil {
		comp = snap.Database.Competition
	}
	for _, b := range all {
		platforms := v.Platforms
		if b.NoPlatform {
			platforms = nil
		}
		lb := landingBoard{Board: b, Options: competitionDefaults(b.Options, comp), Links: boardLinks(b.Name, platforms),
			Keys: optionKeys(b), Placement: overlayPlacement(b)}
		if b.Name == teamscoreboard.Board.Name {
			lb.Downloads = []boardLink{{Label: "Excel", URL: teamExportPath + ".xlsx"}, {Label: "CSV", URL: teamExportPath + ".csv"}}
		}
		v.Boards = append(v.Boards, lb)
	}
	for _, c := range board.Categories {
		g := boardGroup{Category: c}
		for _, b := range v.Boards {
			if b.Category == c {
				g.Boards = append(g.Boards, b)
			}
		}
		if len(g.Boards) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	codes := snap.Translations.LocaleNames()
	if !slices.Contains(codes, "en") {
		codes = append([]string{"en"}, codes...)
	}
	for _, c := range codes {
		v.Locales = append(v.Locales, localeChoice{Code: c, Label: localeLabel(c)})
	}
	def := defaultLang(snap)
	v.DefaultLang = localeChoice{Code: def, Label: localeLabel(def)}
	return v
}

// competitionName is the database's competition name, else the first platform's.
func competitionName(s *hub.Snapshot) string {
	if s.Database != nil && s.Database.Competition.Name != "" {
		return s.Database.Competition.Name
	}
	for _, n := range s.FOPNames() {
		if f := s.FOP(n); f != nil && f.CompetitionName != "" {
			return f.CompetitionName
		}
	}
	return ""
}

// connectionState says in one line whether OWLCMS is connected.
func connectionState(st Status) connState {
	switch {
	case st.OWLCMS.Connected:
		return connState{"ok", "OWLCMS connected"}
	case st.Demo:
		return connState{"demo", "Demo competition"}
	}
	return connState{"down", "OWLCMS not connected"}
}

// boardLinks are a board's direct links: one per platform, without fop when there is only
// one platform (the board picks it), and a bare link while OWLCMS has sent none.
func boardLinks(name string, platforms []string) []boardLink {
	path := "/" + name
	if len(platforms) <= 1 {
		label := "Open"
		if len(platforms) == 1 {
			label = platforms[0]
		}
		return []boardLink{{Label: label, URL: path}}
	}
	links := make([]boardLink, 0, len(platforms))
	for _, p := range platforms {
		links = append(links, boardLink{Label: p, URL: path + "?" + url.Values{"fop": {p}}.Encode()})
	}
	return links
}

// optionKeys lists the option keys a board reads: the common ones it uses, then its own.
func optionKeys(b *board.Board) string {
	var keys []string
	for _, o := range board.CommonOptions {
		if b.HasCommon(o.Key) {
			keys = append(keys, o.Key)
		}
	}
	for _, o := range b.Options {
		keys = append(keys, o.Key)
	}
	return strings.Join(keys, " ")
}

// localeNames are the names of OWLCMS's usual languages, each in itself.
var localeNames = map[string]string{
	"ar": "العربية", "bg": "Български", "ca": "Català", "cs": "Čeština", "da": "Dansk",
	"de": "Deutsch", "el": "Ελληνικά", "en": "English", "es": "Español", "et": "Eesti",
	"eu": "Euskara", "fa": "فارسی", "fi": "Suomi", "fr": "Français", "he": "עברית",
	"hi": "हिन्दी", "hr": "Hrvatski", "hu": "Magyar", "hy": "Հայերեն", "id": "Bahasa Indonesia",
	"is": "Íslenska", "it": "Italiano", "ja": "日本語", "ka": "ქართული", "kk": "Қазақ",
	"ko": "한국어", "lt": "Lietuvių", "lv": "Latviešu", "mk": "Македонски", "ms": "Bahasa Melayu",
	"nb": "Norsk bokmål", "nl": "Nederlands", "no": "Norsk", "pl": "Polski", "pt": "Português",
	"ro": "Română", "ru": "Русский", "sk": "Slovenčina", "sl": "Slovenščina", "sq": "Shqip",
	"sr": "Српски", "sv": "Svenska", "th": "ไทย", "tr": "Türkçe", "uk": "Українська",
	"uz": "Oʻzbek", "vi": "Tiếng Việt", "zh": "中文",
}

// localeLabel names a locale in its own language when it is a usual one: "Français (fr)",
// "Français (fr-CA)"; otherwise it is its code.
func localeLabel(code string) string {
	base, _, _ := strings.Cut(strings.ReplaceAll(code, "_", "-"), "-")
	if n, ok := localeNames[strings.ToLower(base)]; ok {
		return n + " (" + code + ")"
	}
	return code
}

// choiceLabel names an option's choice in the URL builder; the empty choice leaves the option
// out of the URL, so the board uses its default (the competition's scoring system...).
func choiceLabel(c string) string {
	if c == "" {
		return "Default"
	}
	return c
}
