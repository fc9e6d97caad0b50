package demo

import (
	"fmt"

	"github.com/owlcms/tracker/hub"
)

// Load feeds the demo to h through the same ingest calls the OWLCMS connection uses: the
// database, the translations, the flags, then one update per platform. It builds the demo once
// so that the database and the updates describe the same moment.
func Load(h *hub.Hub) error {
	c := NewDemo()
	if _, err := h.LoadDatabaseJSON(c.DatabaseJSON(), ""); err != nil {
		return fmt.Errorf("demo: load database: %w", err)
	}
	if _, err := h.LoadTranslationsJSON(TranslationsJSON()); err != nil {
		return fmt.Errorf("demo: load translations: %w", err)
	}
	if _, err := h.ReplaceAssetsZip(hub.AssetFlags, FlagsZip()); err != nil {
		return fmt.Errorf("demo: load flags: %w", err)
	}
	for _, p := range c.Platforms {
		if _, err := h.Apply(hub.MessageUpdate, c.UpdateJSON(p.Name)); err != nil {
			return fmt.Errorf("demo: apply update for platform %s: %w", p.Name, err)
		}
	}
	return nil
}
