package hub

import (
	"slices"
	"testing"
)

func needNames(ns []Need) []Resource {
	var out []Resource
	for _, n := range ns {
		out = append(out, n.Resource)
	}
	return out
}

func genOf(ns []Need, r Resource) uint64 {
	for _, n := range ns {
		if n.Resource == r {
			return n.Gen
		}
	}
	return 0
}

func TestNeedsLifecycle(t *testing.T) {
	h, _ := newTestHub(t)
	if got := needNames(h.Needs()); !slices.Equal(got, []Resource{ResourceDatabase, ResourceTranslations}) {
		t.Fatalf("fresh hub needs %v", got)
	}
	loadSmallDatabase(t, h)
	if got := needNames(h.Needs()); slices.Contains(got, ResourceDatabase) {
		t.Errorf("database still needed: %v", got)
	}

	// A SwitchGroup announcing the loaded checksum needs nothing new.
	mustApply(t, h, MessageUpdate, `{"fop":"Red","uiEvent":"SwitchGroup","databaseChecksum":"c0ffee00small"}`)
	if slices.Contains(needNames(h.Needs()), ResourceDatabase) {
		t.Error("same checksum raised a need")
	}
	// A different checksum raises one need, with a generation that does not move while it waits.
	mustApply(t, h, MessageUpdate, `{"fop":"Red","uiEvent":"GroupDone","databaseChecksum":"newer"}`)
	g1 := genOf(h.Needs(), ResourceDatabase)
	if g1 == 0 {
		t.Fatal("new checksum did not raise a database need")
	}
	mustApply(t, h, MessageUpdate, `{"fop":"Red","uiEvent":"GroupDone","databaseChecksum":"newer"}`)
	if genOf(h.Needs(), ResourceDatabase) != g1 {
		t.Error("the same announcement raised a new generation")
	}
	// Only SwitchGroup/GroupDone announce checksums.
	mustApply(t, h, MessageUpdate, `{"fop":"Red","uiEvent":"LiftingOrderUpdated","databaseChecksum":"other"}`)
	if genOf(h.Needs(), ResourceDatabase) != g1 {
		t.Error("a LiftingOrderUpdated checksum was acted on")
	}
	// The answer: a checksum-less ZIP of the same bytes still settles the request.
	if _, err := h.LoadDatabaseZip(zipOf(t, map[string][]byte{"competition.json": readTestdata(t, "database-small.json")})); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(needNames(h.Needs()), ResourceDatabase) {
		t.Error("database still needed after the requested reload")
	}
	if h.Snapshot().Database.Checksum != "newer" {
		t.Errorf("checksum not adopted: %q", h.Snapshot().Database.Checksum)
	}
	// A newer announcement gets a newer generation.
	mustApply(t, h, MessageUpdate, `{"fop":"Red","uiEvent":"SwitchGroup","databaseChecksum":"newest"}`)
	if g := genOf(h.Needs(), ResourceDatabase); g == 0 || g == g1 {
		t.Errorf("new announcement gen %d (old %d)", g, g1)
	}
}

func TestWantOptionalResources(t *testing.T) {
	h, _ := newTestHub(t)
	sub := h.Subscribe()
	defer sub.Close()
	if slices.Contains(needNames(h.Needs()), ResourceLogos) {
		t.Fatal("logos needed before anyone wants them")
	}
	h.Want(ResourceLogos)
	h.Want(ResourceLogos)
	if !slices.Contains(needNames(h.Needs()), ResourceLogos) {
		t.Error("wanted logos not needed")
	}
	<-sub.C()
	if !slices.ContainsFunc(sub.Take(), func(c Change) bool { return c.Kind == ChangeNeeds }) {
		t.Error("no ChangeNeeds notice")
	}
}

// Flags are asked for only once a board that shows them is open, and an empty set (an OWLCMS
// without flags) is an answer: not asked again.
func TestFlagsWantedOnly(t *testing.T) {
	h, _ := newTestHub(t)
	if slices.Contains(needNames(h.Needs()), ResourceFlags) {
		t.Fatal("flags needed before a board showing them is open")
	}
	h.Want(ResourceFlags)
	if !slices.Contains(needNames(h.Needs()), ResourceFlags) {
		t.Fatal("wanted flags not needed")
	}
	if _, err := h.ReplaceAssetsZip(AssetFlags, zipOf(t, map[string][]byte{})); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(needNames(h.Needs()), ResourceFlags) {
		t.Error("an empty flags set still needed")
	}
}
