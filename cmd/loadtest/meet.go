package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/demo/sim"
)

// meet is the competition the load tool feeds: what OWLCMS sends on connect (database,
// translations, flags), each platform's state, and platform A's update that the weight
// changes are made from.
type meet struct {
	name         string
	database     []byte // the database export (JSON), sent zipped as database_zip
	translations []byte // translations.json, sent zipped as translations_zip
	flags        []byte // flags_zip payload
	updates      map[string][]byte
	base         []byte // platform A's update: each change edits a copy
}

// demoMeet is the embedded demo competition: two platforms, invented athletes.
func demoMeet() *meet {
	return &meet{name: "demo", database: demo.DatabaseJSON(), translations: demo.TranslationsJSON(),
		flags:   demo.FlagsZip(),
		updates: map[string][]byte{"A": demo.UpdateJSON("A"), "B": demo.UpdateJSON("B")},
		base:    demo.UpdateJSON("A")}
}

// capturedMeet reads a folder of frames captured from a real OWLCMS with LEARNING_MODE (or
// laid out the same way: a *-DATABASE.json export, translations.json, flags/ and *-UPDATE-*.json
// payloads). The last update, in name order, is platform A's state.
func capturedMeet(dir string) (*meet, error) {
	m := &meet{name: filepath.Base(dir), updates: map[string][]byte{}}
	dbs, _ := filepath.Glob(filepath.Join(dir, "*-DATABASE.json"))
	ups, _ := filepath.Glob(filepath.Join(dir, "*-UPDATE-*.json"))
	if len(dbs) == 0 || len(ups) == 0 {
		return nil, fmt.Errorf("%s: want a *-DATABASE.json and *-UPDATE-*.json files", dir)
	}
	slices.Sort(ups)
	var err error
	if m.database, err = os.ReadFile(dbs[len(dbs)-1]); err != nil {
		return nil, err
	}
	if m.translations, err = os.ReadFile(filepath.Join(dir, "translations.json")); err != nil {
		return nil, err
	}
	last, err := os.ReadFile(ups[len(ups)-1])
	if err != nil {
		return nil, err
	}
	if m.base, err = withoutKey(last); err != nil {
		return nil, fmt.Errorf("%s: %w", ups[len(ups)-1], err)
	}
	m.updates["A"] = m.base
	m.flags, err = sim.ZipDir(filepath.Join(dir, "flags"))
	return m, err
}

// withoutKey drops the update key a captured payload may carry: the load tool's tracker has
// none, and a key has no business travelling further.
func withoutKey(payload []byte) ([]byte, error) {
	var u map[string]json.RawMessage
	if err := json.Unmarshal(payload, &u); err != nil {
		return nil, err
	}
	for _, k := range []string{"updateKey", "update_key", "updatekey"} {
		delete(u, k)
	}
	return json.Marshal(u)
}
