package fragcache

import (
	"bytes"
	"io"
	"strconv"
)

// Only the rows that changed travel (docs/performance.md, "Rows alone"). A weight change
// alters one or two rows of a 40-row table, yet the whole table used to go to every viewer.
// A fragment whose rows may travel alone is rendered with an id on each table row
// (NumberRows); a page that shows version A of it and asks for version B gets, when the two
// differ only inside some rows, just those rows as htmx out-of-band swaps (Cache.Rows),
// rendered once per (A, B) pair since every viewer moves from the same A to the same B.

// HaveHeader is the request header in which a page names the version of a fragment it shows:
// the ETag of the last full answer, or the version a rows answer brought it to.
const HaveHeader = "X-Fragment-Have"

// VersionHeader is the response header that names the version an answer brings the page to.
const VersionHeader = "X-Fragment-Version"

// NumberRows calls render and writes its HTML to w with an id on every table row,
// "<prefix>-r<n>" with n counting the rows from 0 in document order: the same row of two
// versions has the same id, so a changed row can replace its old self by id. The id is the
// row's first attribute, and HTML keeps the first of two, so a row's own id cannot take over.
func NumberRows(w io.Writer, prefix string, render func(io.Writer) error) error {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := render(buf); err != nil {
		return err
	}
	html := buf.Bytes()
	n := 0
	for {
		i := rowStart(html)
		if i < 0 {
			_, err := w.Write(html)
			return err
		}
		at := i + len("<tr")
		if _, err := w.Write(html[:at]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, ` id="`+rowID(prefix, n)+`"`); err != nil {
			return err
		}
		html = html[at:]
		n++
	}
}

func rowID(prefix string, n int) string { return prefix + "-r" + strconv.Itoa(n) }

// rowStart is the index of the first "<tr" start tag in html ("<track" is not one), -1 for none.
// Rendered HTML escapes "<" in text and attribute values, so every "<tr" found is a tag.
func rowStart(html []byte) int {
	off := 0
	for {
		i := bytes.Index(html[off:], []byte("<tr"))
		if i < 0 {
			return -1
		}
		i += off
		if j := i + len("<tr"); j < len(html) && (html[j] == '>' || html[j] == ' ') {
			return i
		}
		off = i + len("<tr")
	}
}

// rows splits html into its table rows (each from "<tr" to its "</tr>") and what lies between
// them: between[i] precedes rows[i], and the last element of between follows the last row.
// Rows do not nest in the tables the boards render (no table inside a cell). ok is false when
// a row is not closed.
func rows(html []byte) (rows, between [][]byte, ok bool) {
	for {
		i := rowStart(html)
		if i < 0 {
			return rows, append(between, html), true
		}
		j := bytes.Index(html[i:], []byte("</tr>"))
		if j < 0 {
			return nil, nil, false
		}
		end := i + j + len("</tr>")
		between = append(between, html[:i])
		rows = append(rows, html[i:end])
		html = html[end:]
	}
}

// maxRowsShare is the share of the whole fragment above which the changed rows are sent as the
// whole fragment instead: past it, the rows save little and the page swaps many elements.
const maxRowsShare = 0.5

// rowsDelta is the htmx answer that takes a page from old to new, when the two differ only
// inside some rows: those rows of new, each marked as an out-of-band swap of the row with its
// id. It is nil when the whole fragment must travel: a row added or removed, anything outside
// the rows changed (a heading, the table's fit), or so many rows that they weigh more than
// maxRowsShare of the whole.
func rowsDelta(old, new []byte) []byte {
	oldRows, oldBetween, ok1 := rows(old)
	newRows, newBetween, ok2 := rows(new)
	if !ok1 || !ok2 || len(oldRows) != len(newRows) || len(oldRows) == 0 {
		return nil
	}
	for i := range oldBetween {
		if !bytes.Equal(oldBetween[i], newBetween[i]) {
			return nil
		}
	}
	var out bytes.Buffer
	for i, r := range newRows {
		if bytes.Equal(r, oldRows[i]) {
			continue
		}
		out.Write(r[:len("<tr")])
		out.WriteString(` hx-swap-oob="true"`)
		out.Write(r[len("<tr"):])
		if float64(out.Len()) > maxRowsShare*float64(len(new)) {
			return nil
		}
	}
	if out.Len() == 0 {
		return nil // identical: the caller compares versions before asking
	}
	return out.Bytes()
}

// rowsKey starts the cache keys of rows answers; fragment keys never start with a NUL.
const rowsKey = "\x00rows\x00"

// Rows is the answer that takes a page showing the fragment version tagged have to the
// version to, when they differ only inside some rows (rowsDelta): rendered once per pair and
// cached like a fragment. It is nil when the whole fragment must be sent: have is empty, is to
// itself, is not cached any more, or the change is not confined to rows.
func (c *Cache) Rows(have string, to *Entry) *Entry {
	if have == "" || have == to.ETag {
		return nil
	}
	from := c.tagged(have)
	if from == nil {
		return nil
	}
	e, err := c.get(rowsKey+have+"\x00"+to.ETag, false, func(w io.Writer) error {
		_, err := w.Write(rowsDelta(from.Plain, to.Plain)) // nothing when it must be whole
		return err
	})
	if err != nil || len(e.Plain) == 0 {
		return nil
	}
	return e
}

// tagged is the cached whole fragment whose ETag is tag, nil when there is none.
func (c *Cache) tagged(tag string) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.tags[tag]; ok {
		return el.Value.(*item).entry
	}
	return nil
}
