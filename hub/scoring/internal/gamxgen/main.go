// Command gamxgen turns OWLCMS's published GAMX parameter tables (JSON arrays of
// [age,] bodyweight, mu, sigma, nu rows, one row per 0.1 kg) into the compact gamx.bin the
// scoring package embeds: each parameter of each age row is quantized and stored as its
// second differences (small integers, since the curves are smooth), zigzag varints, the
// whole gzipped. Megabytes of JSON become a few hundred kilobytes with no loss beyond the
// quantum, far below what a score shows.
//
// Usage: go run ./internal/gamxgen -src DIR -out gamx.bin. Without DIR (or with a DIR that
// holds no table) it does nothing, so `go generate ./...` stays harmless on a clone that
// does not have the published tables.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/owlcms/tracker/hub/scoring/internal/gamxtab"
)

func main() {
	src := flag.String("src", "", "directory holding params-<variant>-<men|wom>.json")
	out := flag.String("out", "gamx.bin", "file to write")
	flag.Parse()
	if *src == "" {
		fmt.Println("gamxgen: no -src, gamx.bin left as it is")
		return
	}
	tables, err := gamxtab.ReadDir(*src)
	if err != nil {
		log.Fatal(err)
	}
	if len(tables) == 0 {
		fmt.Println("gamxgen: no table in", *src, "- gamx.bin left as it is")
		return
	}
	b, err := gamxtab.Encode(tables)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gamxgen: %d tables, %d bytes\n", len(tables), len(b))
}
