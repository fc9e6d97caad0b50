package hub

// Per-kind caps on what an asset ZIP may expand to. A ZIP bomb of a quarter megabyte expands to
// the whole archive cap; flags, logos and styles are small files (a country's flag is a few kB,
// a federation's whole set a few MB), so their archives get caps far below the pictures', and a
// bomb sent as flags costs at most that. The hub's Limits.Zip still applies when smaller.
var assetZipCaps = map[AssetKind]ZipLimits{
	AssetFlags:  {MaxEntryBytes: 4 << 20, MaxTotalBytes: 16 << 20},
	AssetLogos:  {MaxEntryBytes: 8 << 20, MaxTotalBytes: 16 << 20},
	AssetStyles: {MaxEntryBytes: 4 << 20, MaxTotalBytes: 16 << 20},
	// Pictures: one photo per athlete, a few hundred kB each: the hub's own caps.
}

// assetZipLimits returns the caps for one kind's archive.
func (h *Hub) assetZipLimits(kind AssetKind) ZipLimits {
	lim := h.limits.Zip
	c, ok := assetZipCaps[kind]
	if !ok {
		return lim
	}
	lim.MaxEntryBytes = min(lim.MaxEntryBytes, c.MaxEntryBytes)
	lim.MaxTotalBytes = min(lim.MaxTotalBytes, c.MaxTotalBytes)
	return lim
}

// dataZipLimits bound the database and translations archives: one JSON entry each, a few MB
// for the largest meets (a 300-athlete database is about 3 MB, 22 locales of translations
// 1.4 MB). Far below the general caps, so that a small crafted archive cannot expand to
// hundreds of MB before it is refused.
func (h *Hub) dataZipLimits() ZipLimits {
	lim := h.limits.Zip
	lim.MaxEntries = min(lim.MaxEntries, 16)
	lim.MaxEntryBytes = min(lim.MaxEntryBytes, 16<<20)
	lim.MaxTotalBytes = min(lim.MaxTotalBytes, 24<<20)
	return lim
}
