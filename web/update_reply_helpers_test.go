package web_test

// updateAccepted reports whether a reply to an update means it was applied: 200, or the 428
// asking only for the database that the adapter sends at the first text frame of a connection
// when the loaded database has no checksum (it may be the stale one OWLCMS exported at start).
// The update itself is applied either way.
func updateAccepted(reply map[string]any) bool {
	if reply["status"] == float64(200) {
		return true
	}
	missing, _ := reply["missing"].([]any)
	return reply["status"] == float64(428) && len(missing) == 1 && missing[0] == "database"
}
