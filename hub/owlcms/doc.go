// Package owlcms is the adapter between OWLCMS's WebSocket protocol and the hub.
//
// OWLCMS (v64+) is the client: it connects to the tracker's /ws (its "URL for Video Data") and
// pushes frames; the hub never imports this package. On every connect OWLCMS sends three binary
// frames, database_zip, translations_zip and flags_zip, then text frames as the competition
// runs:
//
//	text:   {"version":"64.0.0","type":"update"|"timer"|"decision"|"database","payload":{...}}
//	binary: [u32 BE len][version][u32 BE len][type][payload]   (legacy: [u32 BE len][type][payload];
//	        a bare ZIP is flags)
//
// Every text frame gets one JSON reply. OWLCMS only acts on a 428 listing "missing"
// resources, which it then sends; the other replies (200, 400, 401, 500) help people reading
// its log. Binary frames get no reply.
//
// The protocol as this tracker implements it is described in docs/protocol.md. What differs
// from the reference tracker (the Node owlcms/tracker), on purpose:
//   - binary frames are never refused for want of authentication: they are held until the
//     first text frame proves the key, or the key can be given in the upgrade URL;
//   - each missing resource is requested once per connection and per need generation, not on
//     every message, and a resource that failed (too big, corrupt, never sent) is not requested
//     again for a while, on any connection;
//   - nothing OWLCMS sends ends its connection: OWLCMS reconnects a second later and re-exports
//     everything, so a wrong key is answered 401 once and then ignored, and a frame over the
//     read limit is read through and thrown away; refusals happen at the upgrade instead (wrong
//     key in the URL: 401; too many connections: 503), where they make OWLCMS's back-off grow;
//   - unknown text types are answered 400 and never touch the state;
//   - closing a connection never wipes the state;
//   - the key is compared in constant time, never logged, replied or saved.
//
// # Learning mode
//
// When Options.LearningDir is set, every frame accepted from OWLCMS is written to that
// directory, one file per frame:
//
//	2025-12-18T14-05-16.652-UPDATE-STARTLIFTING.json   text frame: TYPE, then uiEvent if any
//	2025-12-18T14-05-16.653-TIMER.json
//	2025-12-18T14-05-17.020-database_zip.bin             binary frame: its type as sent
//
// The timestamp is the arrival time in UTC with millisecond precision. Names are unique and
// sort in arrival order: a frame arriving in the same millisecond as the previous one (on any
// connection) is stamped one millisecond later, so a replay tool can send the files back in
// name order.
//
// A .json file holds the whole text envelope {"version","type","payload"} exactly as received,
// except that the update key fields (updateKey, update_key, updatekey) are removed from the
// payload; when one was present the envelope is re-encoded compactly (object keys then sorted,
// values unchanged). A .bin file holds the binary frame's raw bytes exactly as received, header
// included; a frame whose header could not be parsed is named "-unparsed.bin". Send .json files
// back as text frames and .bin files as binary frames.
//
// Only frames from authenticated connections are saved (all frames when no update key is
// configured): binary frames held before authentication are saved when they are released, and
// never if the connection fails to authenticate. Text that is not JSON at all is not saved.
// Writing stops for good, with one warning, once Options.LearningMaxBytes (default 512 MiB)
// have been written.
//
// Limits, refusals and reconnect behaviour are described in docs/protocol.md ("Limits and refusals").
//
// Files: handler.go (http.Handler, lifecycle, connection caps, Close), conn.go (per-connection
// goroutines), read.go (bounded reads that never end the connection), queue.go (read loop to
// processor hand-off), text.go (text pipeline), binary.go (binary dispatch), frame.go (binary
// header parser), envelope.go (text envelope), version.go (version gate), auth.go (update key,
// pre-authentication budget), auth_conn.go (what a right, wrong or missing key does),
// requests.go (428s), unanswered.go (requests OWLCMS never answers), failures.go (resources
// that failed, remembered across connections), replies.go (reply shapes), loglimit.go
// (rate-limited warnings), learning.go and learning_redact.go (learning mode).
package owlcms
