// Package events owns the types that cross package boundaries in convanon:
// the input events read from Kafka (Event, OptOut), their decoder (Decode,
// DecodeOptOut) with typed rejections for dead letters (RejectError), and the
// output rows written to the Parquet datasets (MessageRow, DecisionRow).
//
// Input events follow the data contract (CONTRACT.md): one JSON object per
// record with type, event_id, tenant_id and ts; unknown fields are ignored.
// Decode is hand-written over the fixed schema because it runs once per
// record on the hot path; it never copies or keeps candidate texts of a
// decision.
//
// Nothing here is anonymized by itself: the pipeline fills output rows with
// pseudonyms and anonymized text. Error strings produced here name fields and
// codes only, never a value from a record.
//
// events imports none of convanon's packages; every other package may import
// it.
package events
