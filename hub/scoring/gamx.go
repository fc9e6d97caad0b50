package scoring

import "math"

// GAMXVariant is which of OWLCMS's GAMX parameter tables a score uses.
type GAMXVariant int

const (
	GAMXSenior  GAMXVariant = iota // GAMX: by bodyweight only
	GAMXMasters                    // GAMX-M: by bodyweight and age, masters (30 and over)
	GAMXAge                        // GAMX-A: by bodyweight and age, age-adjusted (13 to 40)
	GAMXU17                        // GAMX-U: by bodyweight and age, youth (7 to 25)
)

var gamxFiles = [...]string{GAMXSenior: "sen", GAMXMasters: "mas", GAMXAge: "iwf", GAMXU17: "usa"}

// GAMX is the total's GAMX score: where the total stands among the totals of athletes of the
// same gender and bodyweight (and age, for the variants with ages), on a scale where the
// median is 1000 and a standard deviation 100. OWLCMS models those totals with a Box-Cox
// Cole-Green distribution whose mu, sigma and nu it publishes every 0.1 kg of bodyweight
// (and every year of age); between two rows they are interpolated linearly, bodyweight and
// age are held to the table's range. The score is 1000 + 100·Φ⁻¹(F(total)), F the
// distribution's CDF. It is 0 for a missing total, bodyweight or gender, for an age the
// variant needs and does not have, and for a variant whose table is not built in.
func GAMX(v GAMXVariant, total, bw float64, gender string, age int) float64 {
	if total <= 0 || bw <= 0 || v < 0 || int(v) >= len(gamxFiles) {
		return 0
	}
	suffix := map[string]string{"M": "-men", "F": "-wom"}[normGender(gender)]
	if suffix == "" {
		return 0
	}
	t := gamxTable(gamxFiles[v] + suffix)
	if t == nil || (t.HasAges && age <= 0) {
		return 0
	}
	mu, sigma, nu := t.at(bw, age)
	return gamxScore(total, mu, sigma, nu)
}

// HasGAMX reports whether the variant's tables are built in.
func HasGAMX(v GAMXVariant) bool {
	return v >= 0 && int(v) < len(gamxFiles) && gamxBuiltIn()[gamxFiles[v]+"-men"] && gamxBuiltIn()[gamxFiles[v]+"-wom"]
}

// gamxScore is 1000 + 100·z, z the standard normal quantile of the total's BCCG probability.
func gamxScore(y, mu, sigma, nu float64) float64 {
	if mu <= 0 || sigma <= 0 {
		return 0
	}
	var z float64
	if math.Abs(nu) < 1e-10 {
		z = math.Log(y/mu) / sigma
	} else {
		z = (math.Pow(y/mu, nu) - 1) / (nu * sigma)
	}
	// The BCCG is a normal truncated to the values a positive total can take: its CDF is
	// (Φ(z) − Φ(−1/(σ|ν|))) / Φ(1/(σ|ν|)) for ν > 0, Φ(z) / Φ(1/(σ|ν|)) otherwise.
	lower := 0.0
	if nu > 0 {
		lower = phi(-1 / (sigma * math.Abs(nu)))
	}
	p := (phi(z) - lower) / phi(1/(sigma*math.Abs(nu)))
	if math.IsNaN(p) || p <= 0 || p >= 1 {
		return 0
	}
	return 1000 + 100*quantile(p)
}

func phi(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// quantile is Φ⁻¹, through erfc⁻¹ so that small probabilities keep their precision.
func quantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// String is how a variant is called on a board: GAMX, GAMX-M, GAMX-A, GAMX-U.
func (v GAMXVariant) String() string {
	return "GAMX" + map[GAMXVariant]string{GAMXMasters: "-M", GAMXAge: "-A", GAMXU17: "-U"}[v]
}
