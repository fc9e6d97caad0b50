package scoring

// Shorthands for the tests' tables: one Sinclair year each, and OWLCMS's SM(H)F (the 2020
// Sinclair times the 2020 age factors).

func Sinclair2028(total, bw float64, gender string) float64 { return Sinclair(2028, total, bw, gender) }

func Sinclair2024(total, bw float64, gender string) float64 { return Sinclair(2024, total, bw, gender) }

func Sinclair2020(total, bw float64, gender string) float64 { return Sinclair(2020, total, bw, gender) }

func SinclairMasters(total, bw float64, gender string, age int) float64 {
	return Sinclair2020(total, bw, gender) * MastersAgeFactor(gender, age)
}
