package replica

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/owlcms/tracker/hub"
)

// Defaults for the stream and its subjects. One NATS can carry several meets: give each
// ingest and its replicas their own stream name and prefix.
const (
	DefaultStream = "TRACKER"
	DefaultPrefix = "tracker"
)

// Subject kinds after the prefix.
const (
	kindDatabase     = "database"
	kindTranslations = "translations"
	kindAssets       = "assets"
	kindFOP          = "fop"
	kindCheckpoint   = "checkpoint"
	kindHeartbeat    = "heartbeat"
)

// token encodes a platform or asset name as one subject token. Names made only of letters,
// digits, '-' and '_' are kept as they are, readable in `nats sub`; anything else (a dot, a
// space, a '*' or '>' would split or widen the subject) becomes '~' and the name in unpadded
// base64url, whose alphabet is safe in a token. '~' is never kept as is, so the two forms
// cannot be mistaken for each other.
func token(name string) string {
	plain := name != ""
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "~" + base64.RawURLEncoding.EncodeToString([]byte(name))
}

// untoken reverses token.
func untoken(tok string) (string, error) {
	if enc, ok := strings.CutPrefix(tok, "~"); ok {
		b, err := base64.RawURLEncoding.DecodeString(enc)
		if err != nil {
			return "", fmt.Errorf("subject token %q: %w", tok, err)
		}
		return string(b), nil
	}
	return tok, nil
}

// subjects builds the subjects of one stream.
type subjects struct{ prefix string }

func (s subjects) database() string     { return s.prefix + "." + kindDatabase }
func (s subjects) translations() string { return s.prefix + "." + kindTranslations }
func (s subjects) checkpoint() string   { return s.prefix + "." + kindCheckpoint }
func (s subjects) heartbeat() string    { return s.prefix + "." + kindHeartbeat }
func (s subjects) all() string          { return s.prefix + ".>" }
func (s subjects) assets(kind hub.AssetKind) string {
	return s.prefix + "." + kindAssets + "." + token(string(kind))
}
func (s subjects) fop(name string, t hub.MessageType) string {
	return s.prefix + "." + kindFOP + "." + token(name) + "." + string(t)
}

// StreamConfig is the stream the Publisher creates (or updates) on start. Every subject is
// state (the last database, the last timer of platform A, ...), so the stream keeps only the
// last message of each: a new replica reads at most a few dozen messages to be current, and the
// stream's size is bounded by the state, not by the length of the meet.
func StreamConfig(stream, prefix string, replicas int) jetstream.StreamConfig {
	if replicas < 1 {
		replicas = 1
	}
	return jetstream.StreamConfig{
		Name:              stream,
		Description:       "owlcms-tracker: the state an ingest tracker accepted from OWLCMS, for its replicas",
		Subjects:          []string{subjects{prefix}.all()},
		MaxMsgsPerSubject: 1,
		Discard:           jetstream.DiscardOld,
		Storage:           jetstream.FileStorage,
		Replicas:          replicas,
	}
}
