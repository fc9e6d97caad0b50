package replica

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/owlcms/tracker/hub"
)

// Headers of a published message.
const (
	headerAt       = "Tracker-At"       // when the ingest received the frame, Unix nanoseconds
	headerEncoding = "Tracker-Encoding" // "gzip" when the body is compressed
	headerChecksum = "Tracker-Checksum" // the database checksum OWLCMS gave, if any
)

// gzipOver is the body size above which a message is compressed: an update (about 20 kB of
// JSON) shrinks to a fifth, a database (700 kB) to a fifteenth, and NATS refuses messages above
// its max_payload (1 MB by default). Timers and decisions (a few hundred bytes) go as they are.
const gzipOver = 8 << 10

// newMsg builds a message, compressing a large body.
func newMsg(subject string, body []byte, at time.Time) (*nats.Msg, error) {
	m := nats.NewMsg(subject)
	if !at.IsZero() {
		m.Header.Set(headerAt, strconv.FormatInt(at.UnixNano(), 10))
	}
	if len(body) > gzipOver {
		var b bytes.Buffer
		zw, err := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		if err != nil {
			return nil, err
		}
		if _, err := zw.Write(body); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		body = b.Bytes()
		m.Header.Set(headerEncoding, "gzip")
	}
	m.Data = body
	return m, nil
}

// maxBody bounds a decompressed body: a replica trusts its NATS, but not to the point of
// inflating anything.
const maxBody = 512 << 20

// body returns a message's body, decompressed.
func body(data []byte, encoding string) ([]byte, error) {
	switch encoding {
	case "":
		return data, nil
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(io.LimitReader(zr, maxBody+1))
		if err != nil {
			return nil, err
		}
		if len(b) > maxBody {
			return nil, fmt.Errorf("body over %d bytes once decompressed", maxBody)
		}
		return b, nil
	default:
		return nil, fmt.Errorf("unknown encoding %q", encoding)
	}
}

// headerTime reads the ingest's reception time; zero when absent or unreadable.
func headerTime(v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// A checkpoint travels as three parts, each its decimal length, a newline, then its bytes:
// the hub.Checkpoint's own JSON, the database and the translations (kept out of that JSON, as
// on disk). Not one JSON document: embedding them would re-encode them (json.Marshal compacts
// and escapes a RawMessage), and a replica must hold the very bytes the ingest holds.
func encodeCheckpoint(cp hub.Checkpoint, database, translations []byte) ([]byte, error) {
	head, err := json.Marshal(cp)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, part := range [][]byte{head, database, translations} {
		b.WriteString(strconv.Itoa(len(part)))
		b.WriteByte('\n')
		b.Write(part)
	}
	return b.Bytes(), nil
}

func decodeCheckpoint(data []byte) (hub.Checkpoint, error) {
	var parts [3][]byte
	for i := range parts {
		n, rest, ok := bytes.Cut(data, []byte("\n"))
		size, err := strconv.Atoi(string(n))
		if !ok || err != nil || size < 0 || size > len(rest) {
			return hub.Checkpoint{}, fmt.Errorf("checkpoint: part %d malformed", i)
		}
		parts[i], data = rest[:size], rest[size:]
	}
	var cp hub.Checkpoint
	if err := json.Unmarshal(parts[0], &cp); err != nil {
		return hub.Checkpoint{}, fmt.Errorf("checkpoint: %w", err)
	}
	cp.Database, cp.Translations = parts[1], parts[2]
	return cp, nil
}

// heartbeat is what the ingest publishes every few seconds, so that replicas can tell a quiet
// meet from a dead ingest.
type heartbeat struct {
	At      time.Time     `json:"at"`
	Every   time.Duration `json:"every"`
	Sources int           `json:"sources"` // OWLCMS connections the ingest has
}
