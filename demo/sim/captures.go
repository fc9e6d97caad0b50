package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/coder/websocket"
)

// A capture folder holds what an OWLCMS sent, one payload a file, without the frames around
// them (docs/protocol.md, "Replaying a meet"): a *-DATABASE.json export ({"database": ...}),
// translations.json, a flags/ folder, and *-UPDATE-*.json, *-TIMER-*.json, *-DECISION-*.json
// payloads named by arrival time. Learning mode, instead, saves whole frames. Replay takes
// either; captured turns a capture folder's files into the frames OWLCMS sent.

// replayFrame is one frame to send, under the file name it comes from.
type replayFrame struct {
	name string
	typ  websocket.MessageType
	data []byte
}

// isPayload tells a capture's payload from a learning-mode text frame (an envelope with
// version, type and payload).
func isPayload(data []byte) bool {
	var env struct {
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload"`
	}
	return json.Unmarshal(data, &env) != nil || env.Type == "" || env.Payload == nil
}

// captured is the frame for the capture file name holding data: the database as OWLCMS's
// database ZIP, followed by the folder's translations and flags as OWLCMS sends them on
// connecting; an update, timer or decision payload in its text envelope.
func captured(dir, name string, data []byte) ([]replayFrame, error) {
	// After the arrival time: "DATABASE.json", "UPDATE-LIFTINGORDERUPDATED.json"...
	kind, _, _ := strings.Cut(strings.TrimSuffix(name[min(len(name), len("2006-01-02T15-04-05.000-")):], ".json"), "-")
	kind = strings.ToLower(kind)
	switch kind {
	case "database":
		var export struct {
			Database json.RawMessage `json:"database"`
		}
		if err := json.Unmarshal(data, &export); err != nil || export.Database == nil {
			return nil, fmt.Errorf("%s: not a database export (%v)", name, err)
		}
		out := []replayFrame{{name, websocket.MessageBinary, frame("database_zip", Zipped("competition.json", export.Database))}}
		if tr, err := os.ReadFile(filepath.Join(dir, "translations.json")); err == nil {
			out = append(out, replayFrame{"translations.json", websocket.MessageBinary, frame("translations_zip", Zipped("translations.json", tr))})
		}
		flags, err := ZipDir(filepath.Join(dir, "flags"))
		if err != nil {
			return nil, err
		}
		out = append(out, replayFrame{"flags/", websocket.MessageBinary, frame("flags_zip", flags)})
		return out, nil
	case "update", "timer", "decision":
		env, err := json.Marshal(map[string]any{"version": Version, "type": kind, "payload": json.RawMessage(data)})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return []replayFrame{{name, websocket.MessageText, env}}, nil
	}
	return nil, fmt.Errorf("%s: neither a frame nor a database, update, timer or decision payload", name)
}

// ZipDir zips the files of dir, as OWLCMS zips its flags: an empty archive when there is no
// such folder (OWLCMS's answer when it has none).
func ZipDir(dir string) ([]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = b
	}
	var b bytes.Buffer
	if err := writeZip(&b, files); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
