package fragcache

import (
	"io"
	"net/http"
)

// One request per event (docs/performance.md, "One request per change"). A board with the
// attempt bar over a table of its own used to fetch both after every change of its athletes:
// two requests per viewer for one change. Now the table's fragment carries the bar: the page
// names the version of each it shows (HaveHeader, CarriedHaveHeader), and one answer brings
// whichever changed, the bar as an htmx out-of-band swap. Answers are built once per
// combination of versions, since every viewer moves from the same versions to the same ones.

// CarriedHaveHeader is the request header in which a page names the version of the carried
// fragment (the bar) it shows.
const CarriedHaveHeader = "X-Fragment-Carried-Have"

// CarriedVersionHeader is the response header that names the version of the carried fragment
// an answer brings the page to.
const CarriedVersionHeader = "X-Fragment-Carried-Version"

// carryKey starts the cache keys of carrying answers; fragment keys never start with a NUL.
const carryKey = "\x00carry\x00"

// Carried is the answer of a fragment e that carries the fragment b (shown on the page in the
// element whose id is id), to a page that shows version have of e and bHave of b. Nothing to
// send (nil) when both are current. Otherwise the part of e that changed (the rows alone, as
// Rows, or the whole fragment: whole is then true, and it is to be swapped into the element
// as usual) followed, when b changed, by b as an out-of-band swap of id's content, inside a
// <template> so that it parses whole after table rows.
func (c *Cache) Carried(have string, e *Entry, bHave string, b *Entry, id string) (ans *Entry, whole bool, err error) {
	ownChanged, bChanged := have != e.ETag, bHave != b.ETag
	if !ownChanged && !bChanged {
		return nil, false, nil
	}
	var rows *Entry
	if ownChanged {
		rows = c.Rows(have, e)
	}
	whole = ownChanged && rows == nil
	from := have
	switch {
	case whole:
		from = "" // the whole fragment, whatever the page showed
	case !ownChanged:
		from = e.ETag
	}
	to := ""
	if bChanged {
		to = b.ETag
	}
	key := carryKey + from + "\x00" + e.ETag + "\x00" + to + "\x00" + id
	ans, err = c.get(key, false, func(w io.Writer) error {
		switch {
		case whole:
			if _, err := w.Write(e.Plain); err != nil {
				return err
			}
		case rows != nil:
			if _, err := w.Write(rows.Plain); err != nil {
				return err
			}
		}
		if !bChanged {
			return nil
		}
		if _, err := io.WriteString(w, `<template><div id="`+id+`" hx-swap-oob="innerHTML">`); err != nil {
			return err
		}
		if _, err := w.Write(b.Plain); err != nil {
			return err
		}
		_, err := io.WriteString(w, `</div></template>`)
		return err
	})
	return ans, whole, err
}

// ServeCarried writes a carrying answer (Cache.Carried): never stored (no-store), since it
// holds two fragments under one URL and what it applies to is the versions the page shows;
// and, unless it is the whole fragment, HX-Reswap: none, so that htmx performs its
// out-of-band swaps and leaves the rest of the fragment as it is.
func (e *Entry) ServeCarried(w http.ResponseWriter, r *http.Request, whole bool) {
	if !whole {
		w.Header().Set("HX-Reswap", "none")
	}
	e.serveUnstored(w, r)
}
