package meet

// Places are the places of n entries already sorted best first, where tied(i) reports whether
// entry i scored the same as entry i-1: tied entries share a place and the next one skips as
// many (10, 10, 5 are 1, 1, 3), so that equal scores never read as different places.
func Places(n int, tied func(i int) bool) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
		if i > 0 && tied(i) {
			out[i] = out[i-1]
		}
	}
	return out
}
