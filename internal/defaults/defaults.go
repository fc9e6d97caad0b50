// Package defaults fills in the options a caller left unset.
package defaults

// Positive is v when it is positive, else def: a number option left at zero (or set below
// zero, which means nothing for a size, a count or a delay) takes its default.
func Positive[T ~int | ~int64 | ~float64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
