package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"testing"

	"github.com/owlcms/tracker/hub/owlcms"
)

// TestConformanceRealCaptures replays a real OWLCMS 64 meet (captured 2025-12-18) through a
// real WebSocket exactly as OWLCMS sends it on connect: binary database_zip (with the version
// header), translations_zip, flags_zip, then the text updates.
func TestConformanceRealCaptures(t *testing.T) {
	fx := capturesDir(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")

	var dbEnvelope struct {
		Database json.RawMessage `json:"database"`
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(fx, "2025-12-18T13-52-13-909-DATABASE.json")), &dbEnvelope); err != nil {
		t.Fatal(err)
	}
	const version = "64.0.0-rc08"
	c.sendBinary(version, "database_zip", zipFiles(t, map[string][]byte{"competition.json": dbEnvelope.Database}))
	c.sendBinary(version, "translations_zip", zipFiles(t, map[string][]byte{"translations.json": readFile(t, filepath.Join(fx, "translations.json"))}))
	flagFiles, err := filepath.Glob(filepath.Join(fx, "flags", "*.svg"))
	if err != nil || len(flagFiles) != 5 {
		t.Fatalf("flags: %v %v", flagFiles, err)
	}
	flags := map[string][]byte{}
	for _, f := range flagFiles {
		flags[filepath.Base(f)] = readFile(t, f)
	}
	c.sendBinary(version, "flags_zip", zipFiles(t, flags))

	for _, name := range []string{
		"2025-12-18T13-58-21-398-UPDATE-SWITCHGROUP.json",
		"2025-12-18T14-05-16-652-UPDATE-STARTLIFTING.json",
		"2025-12-18T14-05-16-672-UPDATE-LIFTINGORDERUPDATED.json",
	} {
		reply := c.sendText(version, "update", readFile(t, filepath.Join(fx, name)))
		if reply["status"] != float64(200) {
			t.Fatalf("%s: reply %v", name, reply)
		}
	}

	snap := s.hub.Snapshot()
	db := snap.Database
	if db == nil {
		t.Fatal("no database")
	}
	if len(db.Athletes) != 39 || len(db.Sessions) != 10 || len(db.Platforms) != 1 || db.Platforms[0].Name != "A" {
		t.Errorf("database: %d athletes, %d sessions, platforms %+v", len(db.Athletes), len(db.Sessions), db.Platforms)
	}
	a := snap.FOP("A")
	if a == nil {
		t.Fatal("no FOP A")
	}
	if a.Current.FullName != "KJELLEVAND, Jørgen" || a.Current.Weight != "170" || a.Current.AttemptNumber != 3 {
		t.Errorf("current attempt %+v", a.Current)
	}
	var order []string
	for _, e := range a.LiftingOrder {
		if e.Spacer {
			order = append(order, "|")
		} else if e.Athlete != nil {
			order = append(order, e.Athlete.FullName)
		} else {
			order = append(order, "?"+e.Key)
		}
	}
	wantOrder := []string{"|", "KJELLEVAND, Jørgen", "HOLME, Ragnar G.", "NESHEIM, Sindre K.", "KVÆRNØ, Kim Aleksander"}
	if !slices.Equal(order, wantOrder) {
		t.Errorf("lifting order %q, want %q", order, wantOrder)
	}
	if got := len(a.StartOrder); got != 7 {
		t.Errorf("start order has %d entries, want 4 athletes + 3 spacers", got)
	}
	cur := a.LiftingOrder[1].Athlete
	if !cur.IsCurrent() || cur.CleanJerk[2].Status != "current" || cur.CleanJerk[2].Value != "170" || cur.Snatch[0].Status != "bad" {
		t.Errorf("current athlete cells %+v %+v", cur.Snatch, cur.CleanJerk)
	}

	tr := snap.Translations
	for _, loc := range []string{"en", "fr-CA"} {
		if !tr.Has(loc) {
			t.Errorf("locale %s missing", loc)
		}
	}
	if v, ok := tr.Lookup("fr-CA", "Snatch"); !ok || v == "" {
		t.Errorf("fr-CA Snatch: %q %v", v, ok)
	}
	if v, _ := tr.Lookup("en", "Snatch"); v != "Snatch" {
		t.Errorf("en Snatch: %q", v)
	}

	// The five flags are served where OWLCMS's flagURL points.
	for name, data := range flags {
		resp, body := get(t, s.srv.URL+"/local/flags/"+url.PathEscape(name))
		if resp.StatusCode != http.StatusOK || string(body) != string(data) || resp.Header.Get("Content-Type") != "image/svg+xml" {
			t.Errorf("flag %s: %s %q", name, resp.Status, resp.Header.Get("Content-Type"))
		}
	}
	if cur.FlagURL != "/local/flags/Spydeberg%20Atletene.svg" { // resolved against the flags set, escaped
		t.Errorf("flagURL %q", cur.FlagURL)
	}

	// The status endpoint sees all of it, and leaks nothing.
	resp, body := get(t, s.srv.URL+"/api/status")
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.Status)
	}
	var st Status
	if err := json.Unmarshal(body, &st); err != nil {
		t.Fatal(err)
	}
	if !st.OWLCMS.Connected || st.Database.Athletes != 39 || st.Protocol.Version != version || len(st.Needs) != 0 ||
		len(st.FOPs) != 1 || st.FOPs[0].Session != "P4.3" || *st.Assets["flags"] != 5 {
		t.Errorf("status %s", body)
	}
	for _, secret := range []string{"Louis-Cyr", "KJELLEVAND", "1992"} {
		if bytes.Contains(body, []byte(secret)) {
			t.Errorf("status leaks %q", secret)
		}
	}
}

// TestUpdateBeforeDatabaseAsksOnce: a fresh tracker that gets an update before any database
// answers one 428 naming what it lacks, and never asks again on that connection.
func TestUpdateBeforeDatabaseAsksOnce(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	update := json.RawMessage(`{"fop":"A","uiEvent":"LiftingOrderUpdated","fullName":"DOE, Jane","weight":"80"}`)
	reply := c.sendText("64.0.0", "update", update)
	if reply["status"] != float64(428) {
		t.Fatalf("first update: %v", reply)
	}
	missing, _ := reply["missing"].([]any)
	if len(missing) == 0 || missing[0] != "database" {
		t.Errorf("missing %v", missing)
	}
	for range 3 {
		if reply := c.sendText("64.0.0", "update", update); reply["status"] != float64(200) {
			t.Errorf("later update: %v", reply)
		}
	}
	if f := s.hub.Snapshot().FOP("A"); f == nil || f.Current.Weight != "80" {
		t.Error("the update itself was lost")
	}
}
