package hub_test

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

func quietHub() *hub.Hub {
	return hub.New(hub.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// BenchmarkLoadDatabase measures a full database ingest (decode, index, publish), the work
// done for every new database_zip OWLCMS sends.
func BenchmarkLoadDatabase(b *testing.B) {
	b.Run("demo", func(b *testing.B) { benchLoad(b, demo.DatabaseJSON()) })
	// The real captured meet (725 KB, 793 records), when ../shared is beside the repository.
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "fixtures", "owlcms-v2", "2025-12-18T13-52-13-909-DATABASE.json"))
	if err == nil {
		b.Run("captured", func(b *testing.B) { benchLoad(b, data) })
	}
}

func benchLoad(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		// A fresh hub each time: a hub skips a database it already holds.
		if _, err := quietHub().LoadDatabaseJSON(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyUpdate measures merging one live update (a 4-16 athlete session), the work
// done for every OWLCMS update message.
func BenchmarkApplyUpdate(b *testing.B) {
	h := quietHub()
	if err := demo.Load(h); err != nil {
		b.Fatal(err)
	}
	upd := demo.UpdateJSON("A")
	b.SetBytes(int64(len(upd)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Apply(hub.MessageUpdate, upd); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyTimer measures a clock event, the most frequent message.
func BenchmarkApplyTimer(b *testing.B) {
	h := quietHub()
	if err := demo.Load(h); err != nil {
		b.Fatal(err)
	}
	timer := []byte(`{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Apply(hub.MessageTimer, timer); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyChangedUpdate alternates two updates whose athletes differ, so each one is
// decoded in full (a weight change, a decision applied).
func BenchmarkApplyChangedUpdate(b *testing.B) {
	h := quietHub()
	if err := demo.Load(h); err != nil {
		b.Fatal(err)
	}
	a := demo.UpdateJSON("A")
	changed := bytes.Replace(a, []byte(`"weight":"`), []byte(`"weight":"1`), 1)
	if bytes.Equal(a, changed) {
		b.Fatal("no weight field to change")
	}
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		u := changed // demo.Load applied a already
		if i%2 == 1 {
			u = a
		}
		if r, err := h.Apply(hub.MessageUpdate, u); err != nil || !r.DataChanged {
			b.Fatal(r, err)
		}
	}
}
