// Package demo is an embedded, invented weightlifting meet ("Lakeside Spring Open 2026") that
// lets `tracker -demo` show realistic boards without OWLCMS.
//
// The meet is modelled, not hand-written: athletes carry declarations, changes and actual lifts
// per attempt; requested weights, attempt cells, ranks, Sinclair, start and lifting orders are
// computed the way OWLCMS computes them; the demo state is reached by replaying scripted lifts
// through the lifting order. The payload builders then produce the JSON that OWLCMS 64 sends
// (V2 database export, update payload, translations, flags ZIP), and Load feeds them to a hub
// through its normal ingest path. A later simulator can keep calling Competition methods
// (RecordLift, Declare, LiftingOrder) to run whole sessions.
//
// Every name, team, record and number in this package is invented.
package demo
