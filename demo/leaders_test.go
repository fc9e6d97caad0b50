package demo

import (
	"fmt"
	"testing"
)

// TestLeadersRanks: the leaders under a board are the top three of the current category, so
// their ranks in it read 1, 2, 3. Juniors who also compete in the senior category are ranked
// in it and must be listed with their senior rank, or the list skips a place.
func TestLeadersRanks(t *testing.T) {
	c := NewDemo()
	step := 0
	for _, s := range c.Sessions {
		p := c.Platform(s.Platform)
		p.Session = s
		for {
			checkLeaderRanks(t, fmt.Sprintf("session %s, step %d", s.Name, step), decode(t, c.UpdateJSON(p.Name)))
			order := LiftingOrder(s.Athletes)
			if len(order) == 0 || order[0].AttemptsDone() == 6 {
				break
			}
			lift(t, order[0], true, at(step)) // every lift good: the results follow the entry totals
			step++
		}
	}
}

func checkLeaderRanks(t *testing.T, where string, u map[string]any) {
	t.Helper()
	{
		leaders, _ := u["leaders"].([]any)
		if len(leaders) == 0 {
			return
		}
		field := "totalRank"
		if first := leaders[0].(map[string]any)["displayInfo"].(map[string]any); first[field] == "-" {
			field = "snatchRank"
		}
		var got []string
		for _, l := range leaders {
			got = append(got, l.(map[string]any)["displayInfo"].(map[string]any)[field].(string))
		}
		if want := []string{"1", "2", "3"}[:len(got)]; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: leaders' %s %v, want %v", where, field, got, want)
		}
	}
}
