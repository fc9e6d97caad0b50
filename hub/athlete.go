package hub

import (
	"encoding/json"
	"strconv"
	"strings"
)

// sessionEntry is one element of sessionAthletes: {athleteKey, athlete: DTO, displayInfo}.
// Older builds sent flat rows; then the entry itself is both the DTO and the display info.
type sessionEntry struct {
	AthleteKey  json.RawMessage `json:"athleteKey"`
	Athlete     *wireAthlete    `json:"athlete"`
	DisplayInfo *wireDisplay    `json:"displayInfo"`
}

// wireDisplay is OWLCMS's displayInfo: values already formatted the way its boards show them.
type wireDisplay struct {
	FullName      Str               `json:"fullName"`
	TeamName      Str               `json:"teamName"`
	FlagURL       Str               `json:"flagURL"`
	FlagClass     Str               `json:"flagClass"`
	StartNumber   Str               `json:"startNumber"`
	LotNumber     Str               `json:"lotNumber"`
	Category      Str               `json:"category"`
	YearOfBirth   Str               `json:"yearOfBirth"`
	Gender        Str               `json:"gender"`
	Membership    Str               `json:"membership"`
	Group         Str               `json:"group"`
	SubCategory   Str               `json:"subCategory"`
	Custom1       Str               `json:"custom1"`
	Custom2       Str               `json:"custom2"`
	BestSnatch    Str               `json:"bestSnatch"`
	BestCleanJerk Str               `json:"bestCleanJerk"`
	Total         Str               `json:"total"`
	SnatchRank    Str               `json:"snatchRank"`
	CleanJerkRank Str               `json:"cleanJerkRank"`
	TotalRank     Str               `json:"totalRank"`
	Sinclair      Str               `json:"sinclair"`
	SinclairRank  Str               `json:"sinclairRank"`
	ClassName     Str               `json:"classname"`
	ClassNameAlt  Str               `json:"className"`
	SAttempts     []json.RawMessage `json:"sattempts"`
	CAttempts     []json.RawMessage `json:"cattempts"`
}

// decodeAthlete flattens one session athlete: displayInfo wins over the DTO, and whatever
// displayInfo lacks is computed from the DTO and the database. Returns nil without a key.
func decodeAthlete(db *Database, raw json.RawMessage) *Athlete {
	// One decoder pass for the V2 shape; a legacy flat row is decoded again as both parts.
	var e sessionEntry
	if json.Unmarshal(raw, &e) != nil {
		return nil
	}
	var dto wireAthlete
	var disp wireDisplay
	switch {
	case e.Athlete != nil:
		dto = *e.Athlete
		if e.DisplayInfo != nil {
			disp = *e.DisplayInfo
		}
	case e.DisplayInfo != nil:
		disp = *e.DisplayInfo
	default:
		if json.Unmarshal(raw, &dto) != nil || json.Unmarshal(raw, &disp) != nil {
			return nil
		}
	}
	key := NormalizeKey(dto.Key)
	for _, k := range []json.RawMessage{dto.ID, e.AthleteKey} {
		if key == "" {
			key = NormalizeKey(k)
		}
	}
	if key == "" {
		return nil
	}
	a := &Athlete{
		Key: key, LastName: PlainText(string(dto.LastName)), FirstName: PlainText(string(dto.FirstName)),
		CategoryCode: string(dto.CategoryCode), Gender: or(string(disp.Gender), string(dto.Gender)),
		BodyWeight: float64(dto.BodyWeight),
		Membership: or(string(disp.Membership), string(dto.Membership)),
		Group:      or(string(disp.Group), string(dto.SessionName)),
		FlagClass:  string(disp.FlagClass),
		ClassName:  strings.TrimSpace(or(string(disp.ClassName), string(disp.ClassNameAlt))),
	}
	a.FullName = PlainText(string(disp.FullName))
	if a.FullName == "" {
		a.FullName = (&DBAthlete{LastName: a.LastName, FirstName: a.FirstName}).FullName()
	}
	a.TeamName = PlainText(string(disp.TeamName))
	if a.TeamName == "" {
		if id, ok := parseInt(scalarText(dto.Team)); ok && db != nil {
			a.TeamName = db.TeamName(id)
		} else if !ok {
			a.TeamName = PlainText(scalarText(dto.Team))
		}
	}
	if u := string(disp.FlagURL); !strings.ContainsAny(u, "<>\"") {
		a.FlagURL = u // legacy rows carried an <img> tag here: never pass HTML through
	}
	a.StartNumber = or(string(disp.StartNumber), positive(int(dto.StartNumber)))
	a.LotNumber = or(string(disp.LotNumber), positive(int(dto.LotNumber)))
	a.Category = PlainText(string(disp.Category))
	if a.Category == "" {
		a.Category = a.CategoryCode
		if db != nil {
			if c, ok := db.Category(a.CategoryCode); ok && c.Name != "" {
				a.Category = c.Name
			}
		}
	}
	a.YearOfBirth = string(disp.YearOfBirth)
	if a.YearOfBirth == "" {
		if dto.FullBirthDate.Year > 0 {
			a.YearOfBirth = strconv.Itoa(dto.FullBirthDate.Year)
		} else if dto.YearOfBirth > 0 {
			a.YearOfBirth = strconv.Itoa(int(dto.YearOfBirth))
		}
	}
	a.SubCategory = PlainText(or(string(disp.SubCategory), string(dto.SubCategory)))
	a.Custom1 = PlainText(or(string(disp.Custom1), string(dto.Custom1)))
	a.Custom2 = PlainText(or(string(disp.Custom2), string(dto.Custom2)))

	lifts := dto.lifts()
	a.Snatch = attemptsOrComputed(disp.SAttempts, lifts[0])
	a.CleanJerk = attemptsOrComputed(disp.CAttempts, lifts[1])
	a.BestSnatch = or(string(disp.BestSnatch), bestOf(a.Snatch))
	a.BestCleanJerk = or(string(disp.BestCleanJerk), bestOf(a.CleanJerk))
	a.Total = or(string(disp.Total), totalOf(a.Snatch, a.CleanJerk))
	a.SnatchRank = or(string(disp.SnatchRank), "-")
	a.CleanJerkRank = or(string(disp.CleanJerkRank), "-")
	a.TotalRank = or(string(disp.TotalRank), "-")
	a.Sinclair = or(string(disp.Sinclair), "-")
	a.SinclairRank = or(string(disp.SinclairRank), "-")
	a.Participations = participations(dto.Participations)
	return a
}

// attemptsOrComputed uses OWLCMS's three cells when sent, else derives them from the lifts.
func attemptsOrComputed(cells []json.RawMessage, lifts [3]Lift) [3]Attempt {
	var out [3]Attempt
	if len(cells) > 0 {
		for i := range out {
			out[i] = Attempt{Status: AttemptEmpty}
			if i < len(cells) {
				out[i] = decodeAttempt(cells[i])
			}
		}
		return out
	}
	pendingShown := false
	for i, l := range lifts {
		switch {
		case l.ActualLift > 0:
			out[i] = Attempt{Value: strconv.Itoa(l.ActualLift), Status: AttemptGood}
		case l.ActualLift < 0:
			out[i] = Attempt{Value: strconv.Itoa(-l.ActualLift), Status: AttemptBad}
		case !pendingShown:
			// Only the first pending attempt shows its request, as on OWLCMS's boards.
			pendingShown = true
			out[i] = Attempt{Status: AttemptEmpty}
			if w := l.Requested(); w > 0 {
				out[i] = Attempt{Value: strconv.Itoa(w), Status: AttemptRequest}
			}
		default:
			out[i] = Attempt{Status: AttemptEmpty}
		}
	}
	return out
}

// decodeAttempt normalises one cell: V2 {value,status}, legacy {stringValue,liftStatus}, a
// number (negative = failed) or a string ("(105)" = failed, "-" = empty).
func decodeAttempt(raw json.RawMessage) Attempt {
	raw = trimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return Attempt{Status: AttemptEmpty}
	}
	if raw[0] == '{' {
		var c struct {
			Value       json.RawMessage `json:"value"`
			Status      Str             `json:"status"`
			StringValue Str             `json:"stringValue"`
			LiftStatus  Str             `json:"liftStatus"`
		}
		if json.Unmarshal(raw, &c) != nil {
			return Attempt{Status: AttemptEmpty}
		}
		value, status := RawText(c.Value), string(c.Status)
		if c.Value == nil && status == "" {
			value, status = string(c.StringValue), string(c.LiftStatus)
		}
		return cell(value, status)
	}
	return cell(RawText(raw), "")
}

// cell builds an attempt from a value text and an optional status.
func cell(value, status string) Attempt {
	value = strings.TrimSpace(strings.ReplaceAll(value, "\u00a0", " "))
	failed := false
	if strings.HasPrefix(value, "(") && strings.HasSuffix(value, ")") {
		value, failed = strings.Trim(value, "()"), true
	}
	if strings.HasPrefix(value, "-") && len(value) > 1 {
		value, failed = value[1:], true
	}
	if value == "-" || value == "0" {
		value = ""
	}
	st := AttemptStatus(strings.ToLower(strings.TrimSpace(status)))
	switch st {
	case "fail", "failed", "nolift":
		st = AttemptBad
	case AttemptGood, AttemptBad, AttemptCurrent, AttemptNext, AttemptRequest, AttemptEmpty:
	case "":
		switch {
		case value == "":
			st = AttemptEmpty
		case failed:
			st = AttemptBad
		default:
			st = AttemptGood
		}
	default:
		st = AttemptRequest
	}
	if value == "" {
		st = AttemptEmpty
	}
	return Attempt{Value: value, Status: st}
}

func bestOf(cells [3]Attempt) string {
	best := 0
	for _, c := range cells {
		if c.Status == AttemptGood {
			if v, err := strconv.Atoi(c.Value); err == nil && v > best {
				best = v
			}
		}
	}
	return positiveOrDash(best)
}

func totalOf(s, c [3]Attempt) string {
	bs, _ := strconv.Atoi(bestOf(s))
	bc, _ := strconv.Atoi(bestOf(c))
	if bs == 0 || bc == 0 {
		return "-"
	}
	return strconv.Itoa(bs + bc)
}

func positive(v int) string {
	if v <= 0 {
		return ""
	}
	return strconv.Itoa(v)
}

func positiveOrDash(v int) string {
	if v <= 0 {
		return "-"
	}
	return strconv.Itoa(v)
}

func or(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
