package owlcms

import (
	"testing"

	"go.uber.org/goleak"
)

// Every test must leave no goroutine behind: connections, the needs watcher and the queue
// hand-off all end with Handler.Close.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
