package events

import (
	"log/slog"
	"time"
)

// Dataset names: the top-level directories under the output root.
const (
	DatasetMessages  = "messages"
	DatasetDecisions = "decisions"
)

// MessageRow is one row of the messages dataset: an anonymized turn.
//
// Channel and the date of TS are the Hive partition of the row
// (messages/date=YYYY-MM-DD/channel=C/): like Spark and Hive, they are not
// stored inside the files (tag "-"); readers get them from the path
// (DuckDB: hive_partitioning=true). All ids except TenantID are pseudonyms
// made by the pipeline; the row never holds a raw identifier, and LogValue
// logs none of it.
type MessageRow struct {
	EventID        string    `parquet:"event_id"`        // pseudonym of the event id
	ConversationID string    `parquet:"conversation_id"` // pseudonym of the conversation id
	UserID         string    `parquet:"user_id"`         // pseudonym of the user id
	TenantID       string    `parquet:"tenant_id,dict"`  // the platform's customer, as given
	Channel        string    `parquet:"-"`               // partition column, from the path
	Role           string    `parquet:"role,dict"`       // user | assistant | agent | system
	TS             time.Time `parquet:"ts,timestamp(microsecond)"`
	Lang           string    `parquet:"lang,dict"` // detected language (ISO 639-1), or the hint
	Text           string    `parquet:"text"`      // anonymized text
	EntityCounts             // n_<type>: entities found in text and metadata, by type
	KeyID          string    `parquet:"key_id,dict"` // id of the key that made the pseudonyms
	Lineage
}

// Date returns the row's date partition value, YYYY-MM-DD of TS in UTC.
func (r *MessageRow) Date() string { return r.TS.UTC().Format(time.DateOnly) }

// LogValue implements slog.LogValuer: lineage only.
func (r MessageRow) LogValue() slog.Value { return r.Lineage.LogValue() }

// DecisionRow is one row of the decisions dataset: the anonymized context of
// a user's choice between model responses. It has no user id and never the
// candidate texts. The date of TS is the Hive partition
// (decisions/date=YYYY-MM-DD/), not stored in the files.
type DecisionRow struct {
	EventID        string    `parquet:"event_id"`        // pseudonym of the event id
	ConversationID string    `parquet:"conversation_id"` // pseudonym of the conversation id
	TenantID       string    `parquet:"tenant_id,dict"`  // as given
	TS             time.Time `parquet:"ts,timestamp(microsecond)"`
	Lang           string    `parquet:"lang,dict"`    // detected language of the context
	Context        []Turn    `parquet:"context,list"` // anonymized turns leading up to the decision, in order
	Models         []string  `parquet:"models,list"`  // the compared models' names, in candidate order
	Choice         string    `parquet:"choice,dict"`  // a name in models, "tie" or "none"
	KeyID          string    `parquet:"key_id,dict"`
	Lineage
}

// Date returns the row's date partition value, YYYY-MM-DD of TS in UTC.
func (r *DecisionRow) Date() string { return r.TS.UTC().Format(time.DateOnly) }

// LogValue implements slog.LogValuer: lineage only.
func (r DecisionRow) LogValue() slog.Value { return r.Lineage.LogValue() }

// Lineage locates the input record a row came from, so any row can be
// traced back to (and replayed from) Kafka.
type Lineage struct {
	SourceTopic     string `parquet:"source_topic,dict"`
	SourcePartition int32  `parquet:"source_partition"`
	SourceOffset    int64  `parquet:"source_offset"`
}

// LogValue implements slog.LogValuer.
func (l Lineage) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("topic", l.SourceTopic),
		slog.Int("partition", int(l.SourcePartition)),
		slog.Int64("offset", l.SourceOffset),
	)
}

// NumEntityKinds is the number of entity types counted in EntityCounts.
const NumEntityKinds = 18

// EntityCounts holds one int32 column per entity type, n_<type> with the
// type's name in lower case. The fields follow the order of detectors.Kind
// (detectors/kind.go) so that Add(int(kind), n) needs no table; events
// cannot import detectors, so the pipeline's tests check that
// EntityColumns()[k-1] == "n_"+strings.ToLower(k.String()) for every kind.
// Adding a kind means adding a field here, a case in ptr and a name in
// EntityColumns.
type EntityCounts struct {
	Email       int32 `parquet:"n_email"`
	URL         int32 `parquet:"n_url"`
	IPAddress   int32 `parquet:"n_ip_address"`
	MACAddress  int32 `parquet:"n_mac_address"`
	Phone       int32 `parquet:"n_phone"`
	CreditCard  int32 `parquet:"n_credit_card"`
	IBAN        int32 `parquet:"n_iban"`
	USSSN       int32 `parquet:"n_us_ssn"`
	Crypto      int32 `parquet:"n_crypto"`
	Secret      int32 `parquet:"n_secret"`
	Person      int32 `parquet:"n_person"`
	Address     int32 `parquet:"n_address"`
	PostalCode  int32 `parquet:"n_postal_code"`
	Location    int32 `parquet:"n_location"`
	DateOfBirth int32 `parquet:"n_date_of_birth"`
	GovID       int32 `parquet:"n_gov_id"`
	Medical     int32 `parquet:"n_medical"`
	Operational int32 `parquet:"n_operational"`
}

// EntityColumns returns the entity-count column names in kind order:
// element k-1 is the column of detectors.Kind k.
func EntityColumns() []string {
	return []string{
		"n_email", "n_url", "n_ip_address", "n_mac_address", "n_phone",
		"n_credit_card", "n_iban", "n_us_ssn", "n_crypto", "n_secret",
		"n_person", "n_address", "n_postal_code", "n_location",
		"n_date_of_birth", "n_gov_id", "n_medical", "n_operational",
	}
}

// Add adds n to the count of kind, the numeric value of a detectors.Kind
// (1 = EMAIL … 18 = OPERATIONAL). It reports false, changing nothing, for a
// kind out of range.
func (c *EntityCounts) Add(kind int, n int32) bool {
	p := c.ptr(kind)
	if p == nil {
		return false
	}
	*p += n
	return true
}

// Get returns the count of kind (see Add), 0 for a kind out of range.
func (c *EntityCounts) Get(kind int) int32 {
	if p := c.ptr(kind); p != nil {
		return *p
	}
	return 0
}

func (c *EntityCounts) ptr(kind int) *int32 {
	switch kind {
	case 1:
		return &c.Email
	case 2:
		return &c.URL
	case 3:
		return &c.IPAddress
	case 4:
		return &c.MACAddress
	case 5:
		return &c.Phone
	case 6:
		return &c.CreditCard
	case 7:
		return &c.IBAN
	case 8:
		return &c.USSSN
	case 9:
		return &c.Crypto
	case 10:
		return &c.Secret
	case 11:
		return &c.Person
	case 12:
		return &c.Address
	case 13:
		return &c.PostalCode
	case 14:
		return &c.Location
	case 15:
		return &c.DateOfBirth
	case 16:
		return &c.GovID
	case 17:
		return &c.Medical
	case 18:
		return &c.Operational
	}
	return nil
}
