package boardtest

import (
	"testing"

	"github.com/owlcms/tracker/hub"
)

// CeremonyMeet is the invented meet of the ceremony boards (scoreboards/meet/testdata/
// ceremony.json, read from a board package's directory): session M1 (SR 96) is done, and
// platform A is in the middle of M2's clean & jerk. Arnott lifts, Brook and Avery (SR 81)
// still have lifts to take, Carver (a junior in JR 81, also ranked in SR 81) is done.
func CeremonyMeet(t testing.TB) *hub.Snapshot {
	s := Snapshot(nil, SessionM2("A"))
	s.Database = Database(t, "../meet/testdata/ceremony.json")
	return s
}

// SessionM2 is platform name lifting session M2 of CeremonyMeet.
func SessionM2(name string) *hub.FOP {
	f := &hub.FOP{
		Name: name, DataVersion: 1, LiveVersion: 1, CompetitionName: "Invented Open",
		SessionName: "M2", SessionDescription: "Men 81", LiftType: "Clean_and_Jerk",
		State: "CURRENT_ATHLETE_DISPLAYED", Mode: "CURRENT_ATHLETE",
		Current: hub.CurrentAttempt{FullName: "ARNOTT, Bram", TeamName: "Alder Bay WC", StartNumber: "1",
			Category: "SR 81", AttemptNumber: 3, Weight: "160", AttemptHTML: "3<sup>rd</sup> att."},
		CurrentKey: "201", NextKey: "202",
	}
	ranked := func(a *hub.Athlete, sn, cj, tot, bs, bc, total string) *hub.Athlete {
		a.SnatchRank, a.CleanJerkRank, a.TotalRank = sn, cj, tot
		a.BestSnatch, a.BestCleanJerk, a.Total = bs, bc, total
		return a
	}
	arnott := ranked(Athlete("201", "1", "ARNOTT, Bram", "Alder Bay WC", "SR 81", Lifts("120", "125", "-128"), Lifts("150", "155", "!160")),
		"1", "1", "1", "125", "155", "280")
	arnott.ClassName = "current blink"
	brook := ranked(Athlete("202", "2", "BROOK, Cal", "Birchwood Barbell", "SR 81", Lifts("118", "-122", "122"), Lifts("148", "-153", ">153")),
		"2", "2", "2", "122", "148", "270")
	brook.ClassName = "next"
	carver := ranked(Athlete("203", "3", "CARVER, Dan", "Cedar Point", "JR 81", Lifts("110", "114", "-117"), Lifts("135", "140", "143")),
		"1", "1", "1", "114", "143", "257")
	avery := ranked(Athlete("204", "4", "AVERY, Finn", "Birchwood Barbell", "SR 81", Lifts("-115", "115", "118"), Lifts("140", "-145", "?145")),
		"3", "3", "3", "118", "140", "258")
	f.Athletes = []*hub.Athlete{arnott, brook, carver, avery}
	f.StartOrder = Order(f, "201", "202", "204", "|", "203")
	f.LiftingOrder = Order(f, "201", "202", "204", "203")
	return f
}

// InCeremony puts platform f in a ceremony of kind c (its target for a medal ceremony), as
// OWLCMS's update at CeremonyStarted says it.
func InCeremony(f *hub.FOP, c hub.CeremonyType, target hub.CeremonyTarget) *hub.FOP {
	g := *f
	g.State, g.Break, g.BreakType = "BREAK", true, string(hub.BreakCeremony)
	g.CeremonyType, g.CeremonyEvent, g.Ceremony = string(c), hub.CeremonyStarted, target
	g.Mode = string(g.BoardMode())
	g.LiveVersion++
	return &g
}
