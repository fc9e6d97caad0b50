package events

// The hazards of github.com/r3labs/sse/v2 (v2.10.0, unmaintained) that this package works
// around. Each workaround in the code names its number.
//
//  1. AutoReplay is on by default: every new viewer gets every past event. Turned off before
//     any stream is created (the setting is copied into each stream).
//  2. With AutoReplay on, the event log grows for the life of the stream. Same fix.
//  3. EventTTL with AutoReplay off drops every event (the timestamp is never set). Never set.
//  4. An event with empty Data ends the handler of every viewer of the stream. Data is never
//     empty: a version token, or a comment for heartbeats.
//  5. Data with a line break corrupts the SSE framing. Data is a one-line token, never HTML.
//  6. One viewer that stops reading blocks its whole stream, then Publish; and a viewer's
//     subscription only ends with its request's context. Writes get a rolling deadline that
//     cancels the request's context; events are published with TryPublish.
//  7. Removing a stream with viewers leaks a goroutine per viewer. Streams are never removed.
//  8. AutoStream lets any client create streams by name. Off; streams are created by us.
//  9. No heartbeat: idle connections are cut by proxies. A comment is sent every Heartbeat.
//  10. No CORS headers. Pages are same-origin: nothing to do.
//  11. EncodeBase64 mutates Event.Data in place, so an event shared by streams breaks. Off, and
//     a fresh event per stream and publish.
//  12. The stream is chosen by ?stream=, not the path. ServeStream rewrites the query.
//  13. http.Server.Shutdown never ends SSE handlers. Close cancels them first.
