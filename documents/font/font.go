// Package font holds the typeface the PDF documents are set in: DejaVu Sans Condensed, regular
// and bold, cut down to Latin (with every diacritic), Greek and Cyrillic so that any name a
// competition sends renders, while the binary grows by a quarter of a megabyte only. Its
// licence is LICENSE beside this file.
package font

import _ "embed"

// Regular is DejaVu Sans Condensed.
//
//go:embed DejaVuSansCondensed.ttf
var Regular []byte

// Bold is DejaVu Sans Condensed Bold.
//
//go:embed DejaVuSansCondensed-Bold.ttf
var Bold []byte
