package events

import (
	"log/slog"
	"time"
)

// Type is an input event's type, the "type" field of a record.
type Type uint8

// The event types of the data contract. The zero Type is invalid.
const (
	TypeMessage  Type = iota + 1 // one turn of a conversation
	TypeDecision                 // a user's choice between candidate responses
	TypeFeedback                 // thumbs up or down on a response
	TypeUsage                    // token counts and latency of a response
)

// String returns the type's name as it appears in records, e.g. "message".
func (t Type) String() string {
	switch t {
	case TypeMessage:
		return "message"
	case TypeDecision:
		return "decision"
	case TypeFeedback:
		return "feedback"
	case TypeUsage:
		return "usage"
	}
	return "invalid"
}

// Event is one decoded input event. Which fields are set depends on Type:
//
//   - every type: EventID, TenantID, UserID, TS;
//   - message: ConversationID, Channel, Role, Text, and optionally Lang and
//     Metadata;
//   - decision: ConversationID, Context, Models, Choice, optionally Lang;
//   - feedback: Model, Rating, optionally ConversationID, MessageID, Channel,
//     Lang;
//   - usage: Model, the token/char counts and LatencyMS, optionally
//     ConversationID, Channel, Lang.
//
// Event holds raw identifiers and text: it must never be logged, which
// LogValue enforces. Strings returned by Decode share one backing array per
// event, so keeping any of them keeps the event's strings alive (at most the
// record's size).
type Event struct {
	Type           Type
	EventID        string
	TenantID       string
	UserID         string
	ConversationID string
	TS             time.Time // always UTC
	Channel        string    // one of Channels; "" when absent (feedback, usage)
	Role           string    // one of Roles (message)
	Lang           string    // optional language hint as given
	Text           string    // raw turn text (message)
	// Metadata is the "metadata" object (message) as text, one "key: value"
	// line per string or number ("ip: 203.0.113.7\nuser_agent: …\n"), nil
	// when absent. It is free-form and may hold identifiers: the anonymizer
	// scans it, and no dataset stores it.
	Metadata []byte
	Context  []Turn   // turns leading up to a decision, raw
	Models   []string // the decision's candidate model names, in order; texts are never decoded
	Choice   string   // a name in Models, "tie" or "none" (decision)

	MessageID    string // the rated message (feedback)
	Model        string // the rated or measured model (feedback, usage)
	Rating       string // "up" or "down" (feedback)
	InputTokens  int64  // usage
	OutputTokens int64  // usage
	InputChars   int64  // usage
	OutputChars  int64  // usage
	LatencyMS    int64  // usage
}

// LogValue implements slog.LogValuer: an event logs its type only, never
// its identifiers or text.
func (e Event) LogValue() slog.Value {
	return slog.GroupValue(slog.String("type", e.Type.String()))
}

// Turn is one turn of a conversation: a decision's context on input, an
// anonymized context turn in DecisionRow on output.
type Turn struct {
	Role string `parquet:"role,dict"` // user | assistant | agent | system
	Text string `parquet:"text"`
}

// Channels returns the channels of the data contract. A message on any
// other channel is rejected (bad_field): channel names become directory
// names in the datasets, so only this fixed set is accepted.
func Channels() []string {
	return []string{"chat", "sms", "whatsapp", "voice", "webchat", "messenger", "slack", "email"}
}

// Roles returns the roles a turn may have.
func Roles() []string {
	return []string{"user", "assistant", "agent", "system"}
}

// SubjectKind says whether an opt-out is a user's or a whole tenant's.
type SubjectKind uint8

// The subjects of opt-out records, from the record key's prefix.
const (
	SubjectUser   SubjectKind = iota + 1 // key "user:<user_id>"
	SubjectTenant                        // key "tenant:<tenant_id>"
)

// String returns "user" or "tenant".
func (k SubjectKind) String() string {
	switch k {
	case SubjectUser:
		return "user"
	case SubjectTenant:
		return "tenant"
	}
	return "invalid"
}

// OptOut is one record of the compacted opt-out topic. Training and
// Decisions say what the subject consents to; a field absent from the
// record means consent (true). A tombstone (null value) restores the
// defaults: Tombstone is set and both consents are true.
//
// ID is a raw user or tenant id: OptOut must never be logged, which
// LogValue enforces.
type OptOut struct {
	Kind      SubjectKind
	ID        string    // user_id or tenant_id as given in the key
	Training  bool      // false: contributes nothing to any dataset
	Decisions bool      // false: no decision data (messages still kept)
	TS        time.Time // when the choice was made; zero for tombstones
	Tombstone bool
}

// LogValue implements slog.LogValuer: the subject kind and flags, never the id.
func (o OptOut) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("subject", o.Kind.String()),
		slog.Bool("training", o.Training),
		slog.Bool("decisions", o.Decisions),
		slog.Bool("tombstone", o.Tombstone),
	)
}
