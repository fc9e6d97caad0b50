package attemptboard

import (
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub"
)

// Plate is one plate, or the collar, on one side of the bar.
type Plate struct {
	Class  string // OWLCMS's name: "L_25" a 25 kg bumper, "S_2_5" a 2.5 kg change plate, "C_2_5" the collar
	Weight string // one plate, in kg: "25", "2.5"
}

// Loading is how the barbell is loaded for a weight: the bar and one side's plates, from the
// inside out.
type Loading struct {
	Bar    int // kg
	Plates []Plate
	Exact  bool // the platform's plates make the weight exactly
}

// plate is a kind of plate of a platform's inventory; half is its weight in half-kilograms,
// so that every sum stays an integer.
type plate struct {
	class string
	half  int
}

// The plates in loading order, as OWLCMS's attempt board draws them: bumpers, the light
// bumpers (only on a bar that has no bumper: a child's load keeps a bumper's diameter), the
// 5 and 2.5 kg change plates, the collar, then the smallest change plates.
var (
	bumpers      = []plate{{"L_25", 50}, {"L_20", 40}, {"L_15", 30}, {"L_10", 20}}
	lightBumpers = []plate{{"L_5", 10}, {"L_2_5", 5}}
	changeInside = []plate{{"S_5", 10}, {"S_2_5", 5}}
	collar       = plate{"C_2_5", 5}
	changeAfter  = []plate{{"S_2", 4}, {"S_1_5", 3}, {"S_1", 2}, {"S_0_5", 1}}
)

// Plates computes the loading of weight kg for an athlete of gender ("M", "F") on a platform
// (its inventory from the database; nil when unknown). The inventory counts are plates per
// side. Each step takes the heaviest plate that still fits, as OWLCMS does; the collars
// (2.5 kg each) go on as soon as the load allows them, when the platform has them.
func Plates(p *hub.Platform, gender string, weight int) Loading {
	l := Loading{Bar: barFor(p, gender, weight)}
	side := weight - l.Bar // per side, in half-kilograms: (weight - bar) / 2 kg
	if weight <= 0 || side < 0 {
		return l
	}
	count := func(class string) int {
		if p == nil {
			return 0
		}
		return p.Plates["nb"+class]
	}
	add := func(kinds []plate) (used bool) {
		for _, k := range kinds {
			for n := count(k.class); n > 0 && side >= k.half; n-- {
				l.Plates = append(l.Plates, Plate{Class: k.class, Weight: kg(k.half)})
				side -= k.half
				used = true
			}
		}
		return used
	}
	withCollar := count(collar.class) > 0 && side >= collar.half
	if withCollar {
		side -= collar.half
	}
	if !add(bumpers) {
		add(lightBumpers)
	}
	add(changeInside)
	if withCollar {
		l.Plates = append(l.Plates, Plate{Class: collar.class, Weight: kg(collar.half)})
	}
	add(changeAfter)
	l.Exact = side == 0
	return l
}

// barFor picks the bar as OWLCMS does: the platform's non-standard bar when it uses one; else
// 20 kg for men and 15 kg for women, a 5 or 10 kg bar for the lightest loads when the
// platform has one, and the heaviest bar it has when it lacks the standard one.
func barFor(p *hub.Platform, gender string, weight int) int {
	std := 20
	if strings.EqualFold(gender, "F") {
		std = 15
	}
	if p == nil {
		return std
	}
	if p.NonStandardBarAvailable && p.NonStandardBarWeight > 0 {
		return p.NonStandardBarWeight
	}
	has := func(kg int) bool { return p.Plates["nbB_"+strconv.Itoa(kg)] > 0 }
	if !has(20) && !has(15) && !has(10) && !has(5) {
		return std // an inventory without bars (older exports): the standard bar
	}
	switch {
	case weight <= 0:
	case weight <= 14 && has(5):
		return 5
	case weight <= 19 && has(10):
		return 10
	}
	for _, kg := range []int{20, 15, 10, 5} {
		if kg <= std && has(kg) {
			return kg
		}
	}
	return std
}

// kg writes half-kilograms as kilograms: 5 → "2.5", 50 → "25".
func kg(half int) string {
	if half%2 == 0 {
		return strconv.Itoa(half / 2)
	}
	return strconv.Itoa(half/2) + ".5"
}
