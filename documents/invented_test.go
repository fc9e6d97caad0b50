package documents

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// invented is testdata/invented-athletes.json.
type invented struct {
	Athletes []struct {
		LastName  string `json:"lastName"`
		FirstName string `json:"firstName"`
		Team      string `json:"team"`
	} `json:"athletes"`
}

func readInvented(t testing.TB) invented {
	t.Helper()
	b, err := os.ReadFile("testdata/invented-athletes.json")
	if err != nil {
		t.Fatal(err)
	}
	var v invented
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// javaHash is Java's String.hashCode, which OWLCMS uses as a team's id.
func javaHash(s string) int64 {
	var h int32
	for _, r := range s {
		if r > 0xFFFF { // UTF-16 surrogate pair
			r -= 0x10000
			h = 31*h + int32(0xD800+(r>>10))
			h = 31*h + int32(0xDC00+(r&0x3FF))
			continue
		}
		h = 31*h + int32(r)
	}
	return int64(h)
}

// patchedSnapshot loads the demo's database after mutate changed it, and the demo's
// translations (no live session: the database alone).
func patchedSnapshot(t testing.TB, mutate func(db map[string]any)) *hub.Snapshot {
	t.Helper()
	var db map[string]any
	if err := json.Unmarshal(demo.NewDemo().DatabaseJSON(), &db); err != nil {
		t.Fatal(err)
	}
	mutate(db)
	b, err := json.Marshal(db)
	if err != nil {
		t.Fatal(err)
	}
	h := quietHub()
	if _, err := h.LoadDatabaseJSON(b, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := h.LoadTranslationsJSON(demo.TranslationsJSON()); err != nil {
		t.Fatal(err)
	}
	return h.Snapshot()
}

// addTeam adds a team to the database and returns its id.
func addTeam(db map[string]any, name string) int64 {
	id := javaHash(name)
	db["teams"] = append(db["teams"].([]any), map[string]any{"id": id, "name": name})
	return id
}

// inventedSnapshot is the demo meet with its first athletes renamed from the testdata.
func inventedSnapshot(t testing.TB) (*hub.Snapshot, invented) {
	v := readInvented(t)
	return patchedSnapshot(t, func(db map[string]any) {
		as := db["athletes"].([]any)
		for i, a := range v.Athletes {
			ath := as[i].(map[string]any)
			ath["lastName"], ath["firstName"] = a.LastName, a.FirstName
			ath["team"] = addTeam(db, a.Team)
		}
	}), v
}

// bigSnapshot is an invented meet of n athletes: the demo's, copied under new names into
// the same categories and sessions.
func bigSnapshot(t testing.TB, n int) *hub.Snapshot { return copiedSnapshot(t, n, 0) }

// longCategorySnapshot has n copies of the demo's first athlete: one category, one session.
func longCategorySnapshot(t testing.TB, n int) *hub.Snapshot { return copiedSnapshot(t, n, 1) }

// copiedSnapshot copies the demo's athletes in turn (or only the first "from" ones) under new
// names.
func copiedSnapshot(t testing.TB, n, from int) *hub.Snapshot {
	return patchedSnapshot(t, func(db map[string]any) {
		as := db["athletes"].([]any)
		var out []any
		for i := range n {
			pool := len(as)
			if from > 0 {
				pool = from
			}
			src := as[i%pool].(map[string]any)
			c := make(map[string]any, len(src))
			for k, v := range src {
				c[k] = v
			}
			c["key"] = 700000 + i
			c["lastName"] = fmt.Sprintf("Lifter%03d", i)
			c["firstName"] = "Invented"
			c["startNumber"] = i + 1
			c["lotNumber"] = i + 1
			out = append(out, c)
		}
		db["athletes"] = out
	})
}
