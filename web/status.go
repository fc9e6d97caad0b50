package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Status is the /api/status document: what an organiser needs to see at a glance (is OWLCMS
// connected, is data flowing, what is loaded). It carries no secret and no personal data.
type Status struct {
	Version       string             `json:"version"`
	Uptime        string             `json:"uptime"`
	Demo          bool               `json:"demo"` // the embedded demo competition is shown
	OWLCMS        OWLCMSStatus       `json:"owlcms"`
	Protocol      ProtocolStatus     `json:"protocol"`
	Database      DatabaseStatus     `json:"database"`
	Translations  TranslationsStatus `json:"translations"`
	Assets        map[string]*int    `json:"assets"` // null: not received yet
	Needs         []string           `json:"needs"`  // what the tracker still wants from OWLCMS
	FOPs          []FOPStatus        `json:"fops"`
	LastMessageAt *time.Time         `json:"lastMessageAt"`
	// Refusals says in plain words what the tracker refused or gave up on: a wrong update key,
	// a resource too large or never sent, a connection over the cap.
	Refusals []RefusalStatus `json:"refusals"`
	// Restored says the boards show the state read back from disk at start-up, until OWLCMS
	// sends something: the time it was saved, null otherwise.
	Restored *time.Time `json:"restoredFrom,omitempty"`
	// Replication is the replication line (publishing to replicas, or following the ingest).
	Replication string `json:"replication,omitempty"`
	// LangFallbacks are the languages boards were opened in that OWLCMS sent no translations
	// for, and what they show instead.
	LangFallbacks []LangFallback `json:"languageFallbacks,omitempty"`
}

// addRestoreAndReplication fills in what only the running tracker knows: whether its state
// came from disk and OWLCMS has not spoken since, and how replication goes.
func (st *Status) addRestoreAndReplication(cfg Config, s *hub.Snapshot, now time.Time) {
	if r := s.Restored; r != nil && !cfg.Follower && !s.LastMessageAt.After(r.At) {
		t := r.SavedAt
		st.Restored = &t
	}
	if cfg.Replication != nil {
		st.Replication = cfg.Replication(now)
	}
}

// RefusalStatus is one refusal, the same line the status page shows.
type RefusalStatus struct {
	Key      string    `json:"key"`                // "auth", "connections", "too-big:pictures_zip"...
	Resource string    `json:"resource,omitempty"` // the resource concerned, if any
	Reason   string    `json:"reason"`             // plain words
	At       time.Time `json:"at"`                 // the last time it happened
	Count    int       `json:"count"`
}

// AddRefusals adds the hub's refusals to the document.
func (st *Status) AddRefusals(rs []hub.Refusal) {
	for _, r := range rs {
		st.Refusals = append(st.Refusals, RefusalStatus{Key: r.Key, Resource: string(r.Resource), Reason: r.Reason, At: r.At, Count: r.Count})
	}
}

// OWLCMSStatus describes the OWLCMS connections.
type OWLCMSStatus struct {
	Connected   bool               `json:"connected"`
	Connections []ConnectionStatus `json:"connections"`
}

// ConnectionStatus is one OWLCMS connection.
type ConnectionStatus struct {
	Remote        string     `json:"remote"`
	Path          string     `json:"path"`
	ConnectedAt   time.Time  `json:"connectedAt"`
	LastMessageAt *time.Time `json:"lastMessageAt"`
	LastPingAt    *time.Time `json:"lastPingAt"`
	Messages      uint64     `json:"messages"`
}

// ProtocolStatus is the OWLCMS protocol version seen and any latched error.
type ProtocolStatus struct {
	Version string         `json:"version"`
	Error   *ProtocolIssue `json:"error"`
}

// ProtocolIssue is a rejected protocol version.
type ProtocolIssue struct {
	At       time.Time `json:"at"`
	Received string    `json:"received"`
	Minimum  string    `json:"minimum"`
	Reason   string    `json:"reason"`
	Source   string    `json:"source"`
}

// DatabaseStatus summarises the loaded competition.
type DatabaseStatus struct {
	Loaded      bool       `json:"loaded"`
	Competition string     `json:"competition,omitempty"`
	Athletes    int        `json:"athletes"`
	Sessions    int        `json:"sessions"`
	Platforms   int        `json:"platforms"`
	Teams       int        `json:"teams"`
	Records     int        `json:"records"`
	Checksum    string     `json:"checksum,omitempty"` // first 12 hex digits
	LoadedAt    *time.Time `json:"loadedAt"`
}

// TranslationsStatus lists the locales received.
type TranslationsStatus struct {
	Locales []string `json:"locales"`
}

// FOPStatus is the live state of one platform.
type FOPStatus struct {
	Name          string     `json:"name"`
	Session       string     `json:"session"`
	Mode          string     `json:"mode"`
	State         string     `json:"state"`
	SessionDone   bool       `json:"sessionDone"`
	LastMessage   string     `json:"lastMessage"`
	LastUIEvent   string     `json:"lastUiEvent"`
	LastMessageAt *time.Time `json:"lastMessageAt"`
	DataVersion   uint64     `json:"dataVersion"`
	LiveVersion   uint64     `json:"liveVersion"`
}

// BuildStatus assembles the status document from a snapshot.
func BuildStatus(s *hub.Snapshot, needs []hub.Need, version string, uptime time.Duration, demo bool) Status {
	st := Status{
		Version:       version,
		Demo:          demo,
		Uptime:        uptime.Round(time.Second).String(),
		OWLCMS:        OWLCMSStatus{Connected: len(s.Sources) > 0, Connections: []ConnectionStatus{}},
		Protocol:      ProtocolStatus{Version: s.ProtocolVersion},
		Assets:        map[string]*int{},
		Needs:         []string{},
		FOPs:          []FOPStatus{},
		LastMessageAt: timePtr(s.LastMessageAt),
		Translations:  TranslationsStatus{Locales: []string{}},
		Refusals:      []RefusalStatus{},
	}
	for _, src := range s.Sources {
		st.OWLCMS.Connections = append(st.OWLCMS.Connections, ConnectionStatus{
			Remote: src.Remote, Path: src.Path, ConnectedAt: src.ConnectedAt,
			LastMessageAt: timePtr(src.LastMessageAt), LastPingAt: timePtr(src.LastPingAt), Messages: src.Messages,
		})
	}
	if pe := s.ProtocolError; pe != nil {
		st.Protocol.Error = &ProtocolIssue{At: pe.At, Received: pe.Received, Minimum: pe.Minimum, Reason: pe.Reason, Source: pe.Source}
	}
	if db := s.Database; db != nil {
		st.Database = DatabaseStatus{
			Loaded: true, Competition: db.Competition.Name, Athletes: len(db.Athletes), Sessions: len(db.Sessions),
			Platforms: len(db.Platforms), Teams: len(db.Teams), Records: len(db.Records),
			Checksum: short(db.Checksum), LoadedAt: timePtr(db.LoadedAt),
		}
	}
	st.Translations.Locales = append(st.Translations.Locales, s.Translations.LocaleNames()...)
	for _, k := range hub.AssetKinds {
		if n, ok := s.Assets[k]; ok {
			st.Assets[string(k)] = &n
		} else {
			st.Assets[string(k)] = nil
		}
	}
	for _, n := range needs {
		st.Needs = append(st.Needs, string(n.Resource))
	}
	for _, name := range s.FOPNames() {
		fs := FOPStatus{Name: name}
		if f := s.FOP(name); f != nil {
			fs.Session, fs.Mode, fs.State, fs.SessionDone = f.SessionName, string(f.BoardMode()), f.State, f.SessionDone
			fs.LastMessage, fs.LastUIEvent, fs.LastMessageAt = string(f.LastMessage), f.LastUIEvent, timePtr(f.UpdatedAt)
			fs.DataVersion, fs.LiveVersion = f.DataVersion, f.LiveVersion
		}
		st.FOPs = append(st.FOPs, fs)
	}
	return st
}

// apiStatus serves /api/status: the same facts as /status, for scripts.
func (s *server) apiStatus(w http.ResponseWriter, _ *http.Request) error {
	snap := s.cfg.Hub.Snapshot()
	st := BuildStatus(snap, s.cfg.Hub.Needs(), s.cfg.Version, time.Since(s.cfg.Started), s.cfg.Demo)
	st.AddRefusals(s.cfg.Hub.Refusals())
	st.addRestoreAndReplication(s.cfg, snap, time.Now())
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(st) // the headers are gone: a failed write is the client leaving
	return nil
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func short(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}
