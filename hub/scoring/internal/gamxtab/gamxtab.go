// Package gamxtab reads OWLCMS's GAMX parameter tables and writes and reads their compact
// form. A table is, per age (or once when it has no age), the BCCG distribution's mu, sigma
// and nu at every 0.1 kg of bodyweight.
package gamxtab

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// Table is one variant's parameters for one gender.
type Table struct {
	Name    string // "sen-men", "mas-wom", "iwf-men" (age-adjusted), "usa-wom" (U17)
	MinAge  int    // first age; 0 with Ages 1 for a table without ages
	Ages    int
	BW0     int // first bodyweight, in tenths of a kilogram
	N       int // bodyweights per age, 0.1 kg apart
	Mu      []float64
	Sigma   []float64
	Nu      []float64 // each Ages×N, age-major
	HasAges bool
}

// Names are the tables the tracker knows, with the file names OWLCMS and its Node tracker
// publish them under.
var Names = map[string][]string{
	"sen-men": {"params-sen-men.json", "params-total-sen-men.json"},
	"sen-wom": {"params-sen-wom.json", "params-total-sen-wom.json"},
	"mas-men": {"params-mas-men.json", "params-total-mas-men.json"},
	"mas-wom": {"params-mas-wom.json", "params-total-mas-wom.json"},
	"iwf-men": {"params-iwf-men.json", "params-total-age-men.json"},
	"iwf-wom": {"params-iwf-wom.json", "params-total-age-wom.json"},
	"usa-men": {"params-usa-men.json", "params-total-u17-men.json"},
	"usa-wom": {"params-usa-wom.json", "params-total-u17-wom.json"},
}

// Order is the order tables are written in.
var Order = []string{"sen-men", "sen-wom", "mas-men", "mas-wom", "iwf-men", "iwf-wom", "usa-men", "usa-wom"}

// ReadDir reads every known table present in dir.
func ReadDir(dir string) ([]*Table, error) {
	var out []*Table
	for _, name := range Order {
		for _, file := range Names[name] {
			b, err := os.ReadFile(filepath.Join(dir, file))
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			t, err := Parse(name, b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			out = append(out, t)
			break
		}
	}
	return out, nil
}

// Parse reads a published table: rows of [age,] bodyweight, mu, sigma, nu, sorted by age
// then bodyweight, each age on the same 0.1 kg grid.
func Parse(name string, b []byte) (*Table, error) {
	var rows [][]float64
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, errors.New("no rows")
	}
	t := &Table{Name: name, HasAges: len(rows[0]) == 5}
	age := func(r []float64) int {
		if t.HasAges {
			return int(math.Round(r[0]))
		}
		return 0
	}
	t.MinAge, t.BW0 = age(rows[0]), tenths(rows[0][len(rows[0])-4])
	for _, r := range rows {
		if len(r) != len(rows[0]) {
			return nil, errors.New("rows of different lengths")
		}
		a, bw := age(r), tenths(r[len(r)-4])
		if t.N == 0 && a != t.MinAge {
			t.N = len(t.Mu)
		}
		i := len(t.Mu)
		if t.N > 0 {
			if want := t.BW0 + i%t.N; a != t.MinAge+i/t.N || bw != want {
				return nil, fmt.Errorf("row %d: age %d bodyweight %d/10, want age %d bodyweight %d/10", i, a, bw, t.MinAge+i/t.N, want)
			}
		} else if bw != t.BW0+i {
			return nil, fmt.Errorf("row %d: bodyweight %d/10 off the 0.1 kg grid", i, bw)
		}
		p := r[len(r)-3:]
		t.Mu, t.Sigma, t.Nu = append(t.Mu, p[0]), append(t.Sigma, p[1]), append(t.Nu, p[2])
	}
	if t.N == 0 {
		t.N = len(t.Mu)
	}
	if len(t.Mu)%t.N != 0 {
		return nil, errors.New("last age incomplete")
	}
	t.Ages = len(t.Mu) / t.N
	return t, nil
}

func tenths(kg float64) int { return int(math.Round(kg * 10)) }

// quantumExp are the powers of ten each parameter (mu, sigma, nu) is rounded to, far finer
// than a score shows: checked against the published tables, no score moves by 1e-4 points.
// The file records them, so that a file always decodes with the quanta it was written with.
var quantumExp = [3]int{-6, -9, -8}

func quantum(exp int) float64 { return math.Pow10(exp) }

const magic = "GAMX2"

// Encode writes the tables in the compact form.
func Encode(tables []*Table) ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	put := func(v int64) { raw.Write(binary.AppendVarint(nil, v)) }
	for _, e := range quantumExp {
		put(int64(e))
	}
	put(int64(len(tables)))
	for _, t := range tables {
		put(int64(len(t.Name)))
		raw.WriteString(t.Name)
		hasAges := int64(0)
		if t.HasAges {
			hasAges = 1
		}
		for _, v := range []int64{hasAges, int64(t.MinAge), int64(t.Ages), int64(t.BW0), int64(t.N)} {
			put(v)
		}
		for k, vals := range [3][]float64{t.Mu, t.Sigma, t.Nu} {
			for a := range t.Ages {
				var prev, prevDiff int64
				for i, v := range vals[a*t.N : (a+1)*t.N] {
					q := int64(math.Round(v / quantum(quantumExp[k])))
					diff := q - prev
					if i == 0 {
						diff = q
					}
					put(diff - prevDiff)
					prev, prevDiff = q, diff
					if i == 0 {
						prevDiff = 0
					}
				}
			}
		}
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Decode reads the compact form back.
func Decode(b []byte) ([]*Table, error) { return decode(b, true) }

// Shapes reads the tables' names and shapes, without their parameters (Mu, Sigma and Nu
// stay nil): enough to know what is built in, for a fraction of the memory.
func Shapes(b []byte) ([]*Table, error) { return decode(b, false) }

func decode(b []byte, values bool) ([]*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("gamx: not a parameter file")
	}
	r := bytes.NewReader(raw[len(magic):])
	var bad error
	get := func() int64 {
		v, err := binary.ReadVarint(r)
		if err != nil && bad == nil {
			bad = err
		}
		return v
	}
	var quanta [3]float64
	for k := range quanta {
		e := get()
		if e < -15 || e > 0 {
			return nil, errors.New("gamx: bad quantum")
		}
		quanta[k] = quantum(int(e))
	}
	n := get()
	var out []*Table
	for range n {
		if bad != nil {
			break
		}
		size := get()
		if bad != nil || size < 0 || size > 64 {
			return nil, errors.New("gamx: bad table name")
		}
		name := make([]byte, size)
		if _, err := io.ReadFull(r, name); err != nil {
			return nil, err
		}
		t := &Table{Name: string(name), HasAges: get() == 1}
		t.MinAge, t.Ages, t.BW0, t.N = int(get()), int(get()), int(get()), int(get())
		if bad != nil || t.Ages <= 0 || t.N <= 0 || t.Ages*t.N > 1<<20 {
			return nil, fmt.Errorf("gamx: table %q: bad header", t.Name)
		}
		for k, dst := range [3]*[]float64{&t.Mu, &t.Sigma, &t.Nu} {
			var vals []float64
			if values {
				vals = make([]float64, 0, t.Ages*t.N)
			}
			for range t.Ages {
				var q, diff int64
				for i := range t.N {
					d2 := get()
					if i == 0 {
						q, diff = d2, 0
					} else {
						diff += d2
						q += diff
					}
					if values {
						vals = append(vals, float64(q)*quanta[k])
					}
				}
			}
			*dst = vals
		}
		out = append(out, t)
	}
	if bad != nil {
		return nil, fmt.Errorf("gamx: %w", bad)
	}
	return out, nil
}
