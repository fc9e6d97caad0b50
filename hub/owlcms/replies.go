package owlcms

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/owlcms/tracker/hub"
)

// Replies are JSON text frames sent back on the OWLCMS socket, one per text frame plus the
// occasional unprompted 428. OWLCMS acts on exactly one of them: status 428 with a non-empty
// "missing" array, which makes it send each listed resource. Everything else is only logged
// by OWLCMS at debug level; the shapes follow the reference tracker so logs and tooling read
// the same.

// reply is a status reply. Fields are written in declaration order, so the wire form is stable.
type reply struct {
	Status  int            `json:"status"`
	Error   string         `json:"error,omitempty"`
	Message string         `json:"message,omitempty"`
	Reason  string         `json:"reason,omitempty"`
	Missing []hub.Resource `json:"missing,omitempty"`
	Details *replyDetails  `json:"details,omitempty"`
}

// replyDetails is the detail object of a version check failure.
type replyDetails struct {
	// Received is the rejected "version" value as sent (null when absent).
	Received json.RawMessage `json:"received"`
	Info     string          `json:"info"`
}

const versionInfo = "Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"

func replyOK(message string) *reply { return &reply{Status: 200, Message: message} }

// replyBadRequest is a 400 for a frame the tracker cannot use. code is a short machine-readable
// word (invalid_json, invalid_message, unknown_type, bad_payload).
func replyBadRequest(code, message string) *reply {
	return &reply{Status: 400, Error: code, Message: message}
}

func replyVersion(f *versionFailure) *reply {
	recv := f.Received
	if recv == nil {
		recv = json.RawMessage("null")
	}
	return &reply{Status: 400, Error: "Protocol version check failed", Reason: f.Reason,
		Details: &replyDetails{Received: recv, Info: versionInfo}}
}

func replyUnauthorized() *reply { return &reply{Status: 401, Message: "Access not authorized"} }

func replyInternal(message string) *reply { return &reply{Status: 500, Message: message} }

// replyMissing is the 428 answering a text frame while the hub lacks resources.
func replyMissing(missing []hub.Resource) *reply {
	return &reply{Status: 428, Message: "Precondition Required: Missing required data",
		Reason: "missing_preconditions", Missing: missing}
}

// replyPluginNeeds is the unprompted 428 sent when a need arises while OWLCMS is idle.
func replyPluginNeeds(missing []hub.Resource) *reply {
	return &reply{Status: 428, Message: "Precondition Required: Plugin needs resources",
		Reason: "plugin_preconditions", Missing: missing}
}

// encode renders a reply without HTML escaping (these are read by people in OWLCMS's log, and
// "<" in an error message should stay "<").
func (r *reply) encode() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		// Every field is a plain string, number or validated raw JSON: unreachable.
		return []byte(`{"status":500,"message":"unable to encode reply"}`)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// successMessage is the 200 message for a routed type: "Update processed", "Timer processed"...
func successMessage(t string) string {
	if t == "" {
		return "Processed"
	}
	return strings.ToUpper(t[:1]) + t[1:] + " processed"
}
