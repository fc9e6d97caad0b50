package board

import "github.com/owlcms/tracker/components"

// Widths and heights in em of the grid's parts. They mirror static/css/board.css (column
// widths, row heights); the stylesheet picks the largest font with which Width fits the
// viewport's width and Height the space under the attempt bar, so a 4-athlete session fills
// a TV and a 40-athlete one still fits a laptop, without scrolling.
const (
	emStart, emName, emCategory, emBorn, emCustom, emTeam = 3.4, 11, 5.4, 3.4, 6, 11
	emLift, emRank, emTotal, emScore, emSpacing           = 3.7, 3, 3.8, 4.2, 0.15
	emRankWide                                            = 4.6
	emHeader, emRow, emSpacerRow, emLeadersTitle          = 1.45, 1.5, 0.45, 1.9
	emRecordsBase, emRecordsRow, emMargin                 = 3.6, 1.35, 0.8
	// What the name and the team keep at the least when the size option grows the text.
	emNameMin, emTeamMin = 10, 3
)

// Fitting computes the size of a standard board's grid.
func Fitting(g components.GridView, leaders *components.LeadersView, rec *components.RecordsView) components.Fit {
	c := g.Columns
	cols := 3 + 1 + 8 + 2 // start, name, category, team, 6 attempts + 2 best, total, rank
	w := emStart + emName + emCategory + emTeam + 8*emLift + emTotal + emRank
	add := func(on bool, em float64) {
		if on {
			w += em
			cols++
		}
	}
	add(c.Born, emBorn)
	add(c.Custom1, emCustom)
	add(c.Custom2, emCustom)
	// A rank column per rank group on a multi-rank board, else one: after each lift's best
	// when the lifts are ranked, and after the total (whose first is counted above).
	ranks := max(1, len(c.RankGroups))
	for range 2 * ranks {
		add(c.LiftRanks, emRank)
	}
	for range ranks - 1 {
		add(true, emRank)
	}
	if g.RankSub != "" { // the last rank is named by a lift ("Snatch"): a wider column
		w += emRankWide - emRank
	}
	add(c.Sinclair, emScore)
	add(c.SinclairRank, emRank)
	w += float64(cols)*emSpacing + 3*0.5 + emMargin // cell spacing, the three group gaps

	h := 2*emHeader + emMargin
	for _, r := range g.Rows {
		h += rowHeight(r)
	}
	if leaders != nil {
		h += emLeadersTitle
		for _, r := range leaders.Rows {
			h += rowHeight(r)
		}
	}
	if rec != nil {
		h += emRecordsBase + float64(len(rec.Rows))*emRecordsRow
	}
	f := components.Fit{Width: w, Height: h, Paged: !c.NoLifter}
	if !c.NoLifter {
		f.Flex, f.FlexMin = emName+emTeam, emNameMin+emTeamMin
	}
	return f
}

func rowHeight(r components.GridRow) float64 {
	if r.Spacer {
		return emSpacerRow
	}
	return emRow
}
