// Package replica spreads one tracker's state to others over NATS JetStream, so that viewers
// beyond one machine can be served: the tracker OWLCMS connects to (the ingest) publishes every
// frame its hub accepted, and trackers started to follow (replicas) apply the same frames to
// their own hub and serve boards from it.
//
// The ingest side is a Publisher: it embeds *hub.Hub and is handed to the OWLCMS adapter in
// its place, so that what the hub accepted (and only that) is published, without the update
// key, from a goroutine of its own that never blocks ingest. The follow side is a Follower: it
// reads the last message of every subject (the stream keeps one per subject), which rebuilds
// the current state, then follows live.
//
// Clocks are anchored to the time the ingest received each frame (carried in a header), so a
// replica's countdowns are the ingest's to the millisecond. When NATS is unreachable the
// ingest keeps serving; when it is back the Publisher re-publishes the whole state (a hub
// checkpoint and the asset sets). When the ingest is gone, replicas keep their last state, and
// their Status says since when the ingest is silent.
package replica
