package meet

import "strconv"

// BodyWeight is a weighed bodyweight as every board and document prints it: two decimals,
// the scale's precision at a weigh-in ("81.50", never "81.5" on one page and "81.50" on
// another); "" when the athlete is not weighed yet.
func BodyWeight(kg float64) string {
	if kg <= 0 {
		return ""
	}
	return strconv.FormatFloat(kg, 'f', 2, 64)
}
