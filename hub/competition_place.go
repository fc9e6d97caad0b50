package hub

import "strings"

// Place is "Site, City, first day – last day" for a document's heading, leaving out what
// OWLCMS did not send.
func (c Competition) Place() string {
	var parts []string
	for _, p := range []string{c.Site, c.City} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	dates := c.Date.String()
	if e := c.EndDate.String(); e != "" && e != dates {
		dates += " – " + e
	}
	if dates != "" {
		parts = append(parts, dates)
	}
	return strings.Join(parts, ", ")
}
