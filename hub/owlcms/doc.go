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
// What differs from the reference tracker (owlcms-protocol.md §6), on purpose:
//   - binary frames are never refused for want of authentication: they are held until the
//     first text frame proves the key, or the key can be given in the upgrade URL;
//   - each missing resource is requested once per connection and per need generation, not on
//     every message;
//   - unknown text types are answered 400 and never touch the state;
//   - closing a connection never wipes the state;
//   - the key is compared in constant time, never logged, replied or saved.
//
// Files: handler.go (http.Handler, lifecycle, Close), conn.go (per-connection goroutines),
// queue.go (read loop to processor hand-off), text.go (text pipeline), binary.go (binary
// dispatch), frame.go (binary header parser), envelope.go (text envelope), version.go (version
// gate), auth.go (update key, frames held before authentication), requests.go (428s),
// replies.go (reply shapes), learning.go (learning mode: file format documented there).
package owlcms
