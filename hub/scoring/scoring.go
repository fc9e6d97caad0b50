// Package scoring computes the scores OWLCMS ranks athletes by, from a total, a bodyweight, a
// gender ("M" or "F") and an age: the Sinclair coefficients (2020, 2024 and 2028), the
// masters age factors (SMF for men, SMHF for women, and the 2025 factors), Q-points and
// Q-masters, GAMX and its variants, and the IWF team points. It imports nothing but the
// standard library and the hub's Date.
package scoring

import (
	"math"
	"strings"

	"github.com/owlcms/tracker/hub"
)

// sinclair is one gender's Sinclair coefficients: A and the bodyweight B above which the
// factor is 1 (the heaviest world-record holder's bodyweight when they were set).
type sinclair struct{ a, b float64 }

var (
	sinclair2024 = map[string]sinclair{"M": {0.722762521, 193.609}, "F": {0.787004341, 153.757}}
	sinclair2020 = map[string]sinclair{"M": {0.751945030, 175.508}, "F": {0.783497476, 153.655}}
	sinclair2028 = map[string]sinclair{"M": {0.700767819, 201.159}, "F": {0.674107991, 163.918}}
)

// SinclairYears are the coefficient sets OWLCMS offers, by the last year of their Olympic
// cycle.
var SinclairYears = []int{2020, 2024, 2028}

// SinclairYear is year when it names a coefficient set, else fallback (itself 2024 unless
// it names one).
func SinclairYear(year, fallback int) int {
	switch {
	case year == 2020 || year == 2024 || year == 2028:
		return year
	case fallback == 2020 || fallback == 2028:
		return fallback
	}
	return 2024
}

// Sinclair is the Sinclair score with the coefficients of a year (2020, 2024 or 2028; any
// other year is 2024's).
func Sinclair(year int, total, bw float64, gender string) float64 {
	switch SinclairYear(year, 2024) {
	case 2020:
		return withSinclair(sinclair2020, total, bw, gender)
	case 2028:
		return withSinclair(sinclair2028, total, bw, gender)
	}
	return withSinclair(sinclair2024, total, bw, gender)
}

// factor is 10^(A·log10(bw/B)²) up to B, 1 above it.
func (s sinclair) factor(bw float64) float64 {
	if bw >= s.b {
		return 1
	}
	l := math.Log10(bw / s.b)
	return math.Pow(10, s.a*l*l)
}

func withSinclair(table map[string]sinclair, total, bw float64, gender string) float64 {
	s, ok := table[normGender(gender)]
	if !ok || total <= 0 || bw <= 0 {
		return 0
	}
	return total * s.factor(bw)
}

// SMHF is the masters' Sinclair with a choice of coefficients and of age factors: OWLCMS's
// SM(H)F is the 2020 Sinclair times the 2020 factors, and a meet may score it with the 2024
// or 2028 Sinclair and with the 2025 factors (those of Q-masters, which go on to 95 for men
// and 90 for women) instead.
func SMHF(total, bw float64, gender string, age, sinclairYear, ageFactorYear int) float64 {
	return Sinclair(SinclairYear(sinclairYear, 2020), total, bw, gender) * AgeFactor(ageFactorYear, gender, age)
}

// AgeFactorYears are the masters age factor sets: the 2020 SMF/SMHF and the 2025 factors.
var AgeFactorYears = []int{2020, 2025}

// AgeFactor is the masters age factor of a set: 2025's, else 2020's.
func AgeFactor(year int, gender string, age int) float64 {
	if year == 2025 {
		return QAgeFactor(gender, age)
	}
	return MastersAgeFactor(gender, age)
}

// MastersAgeFactor is the IWF masters age factor (SMF for men up to 90, SMHF for women up to
// 80, the last value above): 1 under 30.
func MastersAgeFactor(gender string, age int) float64 {
	t := ageTables[normGender(gender)]
	return t.factor(age, t.masters)
}

// qpoints is one gender's Q-points regression (Huebner, 2025).
type qpoints struct{ tmax, b0, b1, b2 float64 }

var qCoefficients = map[string]qpoints{"M": {492, 492.43, 15.827, 0.0514}, "F": {359, 359.31, 11.54, 0.0375}}

// QPoints is the total's Q-points: tmax / (β0 − β1·(bw/100)⁻² + β2·(bw/100)²) per kilogram.
func QPoints(total, bw float64, gender string) float64 {
	q, ok := qCoefficients[normGender(gender)]
	if !ok || total <= 0 || bw <= 0 {
		return 0
	}
	x := bw / 100
	return total * q.tmax / (q.b0 - q.b1/(x*x) + q.b2*x*x)
}

// QMasters is Q-points times the Q age factor (men up to 95, women up to 90).
func QMasters(total, bw float64, gender string, age int) float64 {
	return QPoints(total, bw, gender) * QAgeFactor(gender, age)
}

// QAgeFactor is the age factor of Q-masters: the masters factors, extended to 95 for men and
// 90 for women.
func QAgeFactor(gender string, age int) float64 {
	t := ageTables[normGender(gender)]
	return t.factor(age, t.qMasters)
}

// ageTable is a gender's age factors from 30 on, and the last age of each system's factors.
type ageTable struct {
	factors           []float64
	masters, qMasters int
}

var ageTables = map[string]ageTable{"M": {ageMen, 90, 95}, "F": {ageWomen, 80, 90}}

// factor is the factor of age, that of last above it; 1 under 30 and for an unknown gender.
func (t ageTable) factor(age, last int) float64 {
	if age < 30 || len(t.factors) == 0 {
		return 1
	}
	return t.factors[min(age, last, 30+len(t.factors)-1)-30]
}

// Age is an athlete's age for the age factors, as the IWF counts it for masters: the year of
// the competition minus the year of birth. It is 0 (no age factor) when either is unknown;
// today's date never enters it, so a past competition scores as it did.
func Age(birth, competition hub.Date) int {
	if birth.IsZero() || competition.IsZero() || competition.Year < birth.Year {
		return 0
	}
	return competition.Year - birth.Year
}

func normGender(g string) string { return strings.ToUpper(strings.TrimSpace(g)) }
