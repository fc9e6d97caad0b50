package hub

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/url"
	"path"
	"strings"
)

// flagImageExts are the image formats OWLCMS serves flags in. Any other file at the top of
// flags_zip is read as a team → flag code mapping.
var flagImageExts = map[string]bool{".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".webp": true, ".gif": true}

// flagsPrefix is the URL path OWLCMS's flagURL and our /local route share.
const flagsPrefix = "/local/" + string(AssetFlags) + "/"

// FlagURL returns the URL of the flag to show for a team, "" when there is none. owlcmsURL is
// OWLCMS's flagURL for an athlete of the team ("" when it sent none). In order:
//   - the file OWLCMS's flagURL names, in whatever format the flags set has it (older builds
//     always write ".svg");
//   - the file named after the team's code, from the mapping file inside flags_zip or the
//     database's team code (OWLCMS 66 names flags by code: "Chinese Taipei" → TPE.svg);
//   - the file named after the team.
//
// Before any flags set arrived, OWLCMS's own URL is kept as it is: the files may still come.
func (s *Snapshot) FlagURL(team, owlcmsURL string) string {
	team = strings.TrimSpace(team)
	file := flagFileOf(owlcmsURL)
	if _, loaded := s.Assets[AssetFlags]; !loaded {
		if file == "" {
			return ""
		}
		return owlcmsURL
	}
	if name, ok := s.FindAsset(AssetFlags, stemOf(file)); ok {
		return AssetURL(AssetFlags, name)
	}
	if name, ok := s.FindAsset(AssetFlags, s.flagCode(team)); ok {
		return AssetURL(AssetFlags, name)
	}
	if name, ok := s.FindAsset(AssetFlags, team); ok {
		return AssetURL(AssetFlags, name)
	}
	return ""
}

// AthleteFlagURL is FlagURL for an athlete of a platform.
func (s *Snapshot) AthleteFlagURL(a *Athlete) string {
	if a == nil {
		return ""
	}
	return s.FlagURL(a.TeamName, a.FlagURL)
}

// AssetURL is the /local URL of a stored asset file.
func AssetURL(kind AssetKind, name string) string {
	return "/local/" + string(kind) + "/" + (&url.URL{Path: name}).EscapedPath()
}

// flagCode is the code a team's flag is named after, "" when none is known.
func (s *Snapshot) flagCode(team string) string {
	if team == "" {
		return ""
	}
	if c := s.flagCodes[strings.ToLower(team)]; c != "" {
		return c
	}
	if s.Database != nil {
		return s.Database.TeamCode(team)
	}
	return ""
}

// flagFileOf returns the file name an OWLCMS flagURL points to ("/local/flags/TPE.svg" →
// "TPE.svg"), "" for anything else (empty, HTML from old builds, another site).
func flagFileOf(u string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(u), flagsPrefix)
	if !ok || rest == "" || strings.ContainsAny(rest, "<>\"?#") {
		return ""
	}
	if dec, err := url.PathUnescape(rest); err == nil {
		rest = dec
	}
	return rest
}

func stemOf(name string) string {
	base := path.Base(name)
	if name == "" || base == "." || base == "/" {
		return ""
	}
	return strings.TrimSuffix(base, path.Ext(base))
}

// parseFlagCodes reads the team → code mapping files of a flags set: every file at the top of
// the archive that is not an image. Keys are lower-cased team names; values are codes or file
// names, reduced to their stem. Accepted forms: a JSON object {"Chinese Taipei": "TPE"}, or
// lines "Chinese Taipei=TPE" (also with ",", ";" or a tab; "#" starts a comment).
func parseFlagCodes(files []AssetFile) map[string]string {
	var codes map[string]string
	add := func(name, code string) {
		name, code = strings.TrimSpace(name), stemOf(strings.Trim(strings.TrimSpace(code), `"`))
		name = strings.Trim(name, `"`)
		if name == "" || code == "" {
			return
		}
		if codes == nil {
			codes = map[string]string{}
		}
		codes[strings.ToLower(name)] = code
	}
	for _, f := range files {
		if strings.Contains(f.Name, "/") || flagImageExts[strings.ToLower(path.Ext(f.Name))] {
			continue
		}
		data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
		if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
			var m map[string]json.RawMessage
			if json.Unmarshal(t, &m) == nil {
				for k, v := range m {
					add(k, RawText(v))
				}
			}
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || line[0] == '#' {
				continue
			}
			if i := strings.IndexAny(line, "=,;\t"); i > 0 {
				code := line[i+1:]
				if j := strings.IndexAny(code, "=,;\t"); j >= 0 {
					code = code[:j] // further columns are not ours
				}
				add(line[:i], code)
			}
		}
	}
	return codes
}
