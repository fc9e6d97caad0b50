package owlcms

import "github.com/owlcms/tracker/hub"

// Hub is what the adapter needs from the competition state. *hub.Hub satisfies it; tests use a
// fake. Declaring it here (where it is consumed) keeps the hub free of any web dependency.
type Hub interface {
	// Apply merges an update, timer or decision payload (an update may embed a database).
	Apply(t hub.MessageType, payload []byte) (hub.ApplyResult, error)
	// LoadDatabaseJSON loads a database object or a {database, databaseChecksum} envelope.
	LoadDatabaseJSON(data []byte, checksum string) (hub.DatabaseResult, error)
	// LoadDatabaseZip loads a database_zip payload.
	LoadDatabaseZip(zipData []byte) (hub.DatabaseResult, error)
	// LoadTranslationsZip loads a translations_zip payload.
	LoadTranslationsZip(zipData []byte) (hub.TranslationsResult, error)
	// ReplaceAssetsZip replaces a whole asset set (flags, logos, pictures, styles).
	ReplaceAssetsZip(kind hub.AssetKind, zipData []byte) (int, error)

	// Needs lists the resources only OWLCMS can send, each with a generation that changes
	// when the need arises anew.
	Needs() []hub.Need

	SourceConnected(remote, path string) uint64
	SourceDisconnected(id uint64)
	SourcePing(id uint64)
	SourceMessage(id uint64)
	ReportProtocolError(pe hub.ProtocolError)
	ProtocolOK(version string)

	// ReportRefusal and ClearRefusal keep the status page's plain-words list of what the
	// adapter refused (wrong key, too big, unanswered request, too many connections).
	ReportRefusal(r hub.Refusal)
	ClearRefusal(key string)
	// Snapshot is read to see whether the loaded database carries a checksum.
	Snapshot() *hub.Snapshot

	// Subscribe is used to watch hub.ChangeNeeds, so that a need raised while OWLCMS is idle
	// (a board wanting logos, say) is requested at once instead of at the next message.
	Subscribe() *hub.Subscription
}

// The real hub must keep satisfying the interface.
var _ Hub = (*hub.Hub)(nil)
