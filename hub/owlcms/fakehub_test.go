package owlcms

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/owlcms/tracker/hub"
)

// call is one recorded hub call.
type call struct {
	Method string
	Arg    string // message type or asset kind
	Data   []byte
}

// fakeHub records what the adapter does. Subscribe is served by a real hub used only as a
// change notifier: tests raise hub.ChangeNeeds with inner.Want.
type fakeHub struct {
	inner *hub.Hub

	mu        sync.Mutex
	calls     []call
	needs     []hub.Need
	panicOn   string           // method name that panics
	errs      map[string]error // method name -> error to return
	unchanged bool             // database loads report Unchanged
	block     chan struct{}    // when set, LoadDatabaseZip waits for it to close
	entered   chan struct{}    // signalled when LoadDatabaseZip starts
	protoErrs []hub.ProtocolError
	protoOK   []string
	pings     int
	messages  int
	nextID    uint64
	open      map[uint64]bool
}

func newFakeHub() *fakeHub {
	return &fakeHub{inner: hub.New(hub.Options{}), errs: map[string]error{}, open: map[uint64]bool{}}
}

func (f *fakeHub) record(method, arg string, data []byte) error {
	f.mu.Lock()
	f.calls = append(f.calls, call{Method: method, Arg: arg, Data: slices.Clone(data)})
	p, err := f.panicOn, f.errs[method]
	f.mu.Unlock()
	if p == method {
		panic(fmt.Sprintf("fake hub: %s exploded", method))
	}
	return err
}

func (f *fakeHub) Apply(t hub.MessageType, payload []byte) (hub.ApplyResult, error) {
	return hub.ApplyResult{}, f.record("Apply", string(t), payload)
}

func (f *fakeHub) LoadDatabaseJSON(data []byte, checksum string) (hub.DatabaseResult, error) {
	err := f.record("LoadDatabaseJSON", checksum, data)
	return hub.DatabaseResult{Unchanged: f.isUnchanged(), Athletes: 2}, err
}

func (f *fakeHub) LoadDatabaseZip(zipData []byte) (hub.DatabaseResult, error) {
	f.mu.Lock()
	block, entered := f.block, f.entered
	f.mu.Unlock()
	if entered != nil {
		entered <- struct{}{}
	}
	if block != nil {
		<-block
	}
	err := f.record("LoadDatabaseZip", "", zipData)
	return hub.DatabaseResult{Unchanged: f.isUnchanged(), Athletes: 2}, err
}

func (f *fakeHub) LoadTranslationsZip(zipData []byte) (hub.TranslationsResult, error) {
	return hub.TranslationsResult{Locales: 2}, f.record("LoadTranslationsZip", "", zipData)
}

func (f *fakeHub) ReplaceAssetsZip(kind hub.AssetKind, zipData []byte) (int, error) {
	return 1, f.record("ReplaceAssetsZip", string(kind), zipData)
}

func (f *fakeHub) Needs() []hub.Need {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.panicOn == "Needs" {
		panic("fake hub: Needs exploded")
	}
	return slices.Clone(f.needs)
}

func (f *fakeHub) SourceConnected(remote, path string) uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	f.open[f.nextID] = true
	return f.nextID
}

func (f *fakeHub) SourceDisconnected(id uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.open, id)
}

func (f *fakeHub) SourcePing(uint64) {
	f.mu.Lock()
	f.pings++
	f.mu.Unlock()
}

func (f *fakeHub) SourceMessage(uint64) {
	f.mu.Lock()
	f.messages++
	f.mu.Unlock()
}

func (f *fakeHub) ReportProtocolError(pe hub.ProtocolError) {
	f.mu.Lock()
	f.protoErrs = append(f.protoErrs, pe)
	f.mu.Unlock()
}

func (f *fakeHub) ProtocolOK(v string) {
	f.mu.Lock()
	f.protoOK = append(f.protoOK, v)
	f.mu.Unlock()
}

func (f *fakeHub) Subscribe() *hub.Subscription { return f.inner.Subscribe() }

func (f *fakeHub) isUnchanged() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.unchanged
}

func (f *fakeHub) setNeeds(n ...hub.Need) {
	f.mu.Lock()
	f.needs = n
	f.mu.Unlock()
}

func (f *fakeHub) setPanic(method string) {
	f.mu.Lock()
	f.panicOn = method
	f.mu.Unlock()
}

func (f *fakeHub) setErr(method string, err error) {
	f.mu.Lock()
	f.errs[method] = err
	f.mu.Unlock()
}

// takeCalls returns and clears the recorded calls.
func (f *fakeHub) takeCalls() []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.calls
	f.calls = nil
	return c
}

func (f *fakeHub) protocolErrors() []hub.ProtocolError {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.protoErrs)
}

func (f *fakeHub) openSources() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.open)
}

var errBoom = errors.New("disk on fire")

// Refusals are kept by the inner hub, so tests read them with f.inner.Refusals().
func (f *fakeHub) ReportRefusal(r hub.Refusal) { f.inner.ReportRefusal(r) }
func (f *fakeHub) ClearRefusal(key string)     { f.inner.ClearRefusal(key) }
func (f *fakeHub) Snapshot() *hub.Snapshot     { return f.inner.Snapshot() }
