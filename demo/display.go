package demo

import (
	"fmt"
	"strconv"
)

// Attempt cell statuses, as AthleteExporter writes them.
const (
	StatusGood    = "good"
	StatusBad     = "bad"
	StatusCurrent = "current"
	StatusNext    = "next"
	StatusRequest = "request"
	StatusEmpty   = "empty"
)

// nbsp is the printable empty cell value OWLCMS sends when nothing is requested.
const nbsp = "\u00a0"

// shortTeamLength is OWLCMS's SHORT_TEAM_LENGTH: longer names use the longTeam flag class and
// make wideTeamNames true.
const shortTeamLength = 6

// AttemptCell is one cell of the sattempts/cattempts arrays: Value is an int for a weight,
// "\u00a0" for an empty cell, or nil for a pending attempt behind the first one.
type AttemptCell struct {
	Value  any    `json:"value"`
	Status string `json:"status"`
}

// OrderRank is an athlete's place at the top of the lifting order, which decides how its
// pending attempt is shown.
type OrderRank int

// The order ranks OWLCMS distinguishes.
const (
	RankOther   OrderRank = 0
	RankCurrent OrderRank = 1
	RankNext    OrderRank = 2
)

// AttemptCells builds the three cells of one lift the way OWLCMS does: done attempts are good
// or bad at their absolute weight; the first pending attempt shows the requested weight as
// current, next or request, but only in the athlete's active lift; later
// pending attempts are empty with a null value; an attempt with nothing requested is empty
// with a non-breaking space.
func AttemptCells(a *Athlete, l LiftType, rank OrderRank) [3]AttemptCell {
	if a.CurrentLift() != l {
		rank = RankOther // current/next only mark the lift being contested
	}
	var cells [3]AttemptCell
	pendingSeen := false
	for j := range 3 {
		i := 3*int(l) + j
		at := a.Attempts[i]
		switch {
		case at.Actual > 0:
			cells[j] = AttemptCell{at.Actual, StatusGood}
		case at.Actual < 0:
			cells[j] = AttemptCell{-at.Actual, StatusBad}
		case a.Requested(i) <= 0:
			cells[j] = AttemptCell{nbsp, StatusEmpty}
		case pendingSeen:
			cells[j] = AttemptCell{nil, StatusEmpty}
		default:
			pendingSeen = true
			cells[j] = AttemptCell{a.Requested(i), pendingStatus(rank)}
		}
	}
	return cells
}

func pendingStatus(rank OrderRank) string {
	switch rank {
	case RankCurrent:
		return StatusCurrent
	case RankNext:
		return StatusNext
	}
	return StatusRequest
}

// formatInt is OWLCMS's formatting of bests, totals and ranks: "-" for none, "ext." for -1
// (extra/invited), "(105)" for other negatives.
func formatInt(locale string, v int) string {
	switch {
	case v == 0:
		return "-"
	case v == -1:
		return translate(locale, "Results.Extra/Invited")
	case v < 0:
		return "(" + strconv.Itoa(-v) + ")"
	}
	return strconv.Itoa(v)
}

// displayInfo is the display-ready half of a sessionAthletes entry: strings except teamLength
// and the attempt arrays, as OWLCMS 64 sends it.
type displayInfo struct {
	FullName      string         `json:"fullName"`
	TeamName      string         `json:"teamName"`
	YearOfBirth   string         `json:"yearOfBirth"`
	Gender        string         `json:"gender"`
	StartNumber   string         `json:"startNumber"`
	LotNumber     string         `json:"lotNumber"`
	Category      string         `json:"category"`
	SAttempts     [3]AttemptCell `json:"sattempts"`
	BestSnatch    string         `json:"bestSnatch"`
	CAttempts     [3]AttemptCell `json:"cattempts"`
	BestCleanJerk string         `json:"bestCleanJerk"`
	Total         string         `json:"total"`
	SnatchRank    string         `json:"snatchRank"`
	CleanJerkRank string         `json:"cleanJerkRank"`
	TotalRank     string         `json:"totalRank"`
	Sinclair      string         `json:"sinclair"`
	SinclairRank  string         `json:"sinclairRank"`
	Group         string         `json:"group"`
	SubCategory   string         `json:"subCategory"`
	Classname     string         `json:"classname"`
	Custom1       string         `json:"custom1"`
	Custom2       string         `json:"custom2"`
	Membership    string         `json:"membership"`
	TeamLength    int            `json:"teamLength"`
	FlagURL       string         `json:"flagURL"`
	FlagClass     string         `json:"flagClass"`
}

// newDisplayInfo is an athlete's displayInfo with the ranks of category cat: the main one in a
// session's list, the leaders' category under the board (a junior also ranked as a senior).
func newDisplayInfo(c *Competition, a *Athlete, cat *Category, r *results, rank OrderRank) displayInfo {
	ranks := r.ranks(a, cat)
	sinclair := "-"
	if v := Sinclair(a.Gender, a.BodyWeight, a.Total()); v > 0.001 {
		sinclair = fmt.Sprintf("%.3f", v)
	}
	classname := ""
	if a.AttemptsDone() < 6 {
		switch rank {
		case RankCurrent:
			classname = "current blink"
		case RankNext:
			classname = "next"
		}
	}
	flagClass := "longTeam"
	if javaLength(a.Team) <= shortTeamLength {
		flagClass = "shortTeam"
	}
	return displayInfo{
		FullName:      a.FullName(),
		TeamName:      a.Team,
		YearOfBirth:   strconv.Itoa(a.BirthDate.Year()),
		Gender:        string(a.Gender),
		StartNumber:   strconv.Itoa(a.StartNumber),
		LotNumber:     strconv.Itoa(a.LotNumber),
		Category:      a.Category.Name(),
		SAttempts:     AttemptCells(a, Snatch, rank),
		BestSnatch:    formatInt(c.Locale, a.Best(Snatch)),
		CAttempts:     AttemptCells(a, CleanJerk, rank),
		BestCleanJerk: formatInt(c.Locale, a.Best(CleanJerk)),
		Total:         formatInt(c.Locale, a.Total()),
		SnatchRank:    formatInt(c.Locale, ranks.Snatch),
		CleanJerkRank: formatInt(c.Locale, ranks.CleanJerk),
		TotalRank:     formatInt(c.Locale, ranks.Total),
		Sinclair:      sinclair,
		SinclairRank:  formatInt(c.Locale, r.sinclair[a]),
		Group:         a.Session.Name,
		Classname:     classname,
		Membership:    a.Membership,
		TeamLength:    javaLength(a.Team),
		FlagURL:       flagURL(a.Team),
		FlagClass:     flagClass,
	}
}
