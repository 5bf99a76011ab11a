package sinks

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/internal/events"
)

// Dead-letter headers. Every value is safe to show an operator: codes,
// names, numbers and error messages that hold no record content.
const (
	HeaderReason          = "convanon.reason"           // reject code, e.g. "bad_json"; "internal" for other errors
	HeaderError           = "convanon.error"            // the rejection's safe message
	HeaderSourceTopic     = "convanon.source.topic"     // topic of the original record
	HeaderSourcePartition = "convanon.source.partition" // its partition, decimal
	HeaderSourceOffset    = "convanon.source.offset"    // its offset, decimal
	HeaderPayload         = "convanon.payload"          // what the value holds: "raw", "withheld" or "summary"
)

// ReasonInternal is the reason of a dead letter whose error is not an
// *events.RejectError; its message is withheld, since only rejections are
// known to be free of record content.
const ReasonInternal = "internal"

// Payload says what a dead letter's value carries.
type Payload string

// Payload modes.
const (
	// PayloadWithheld leaves the value empty; the headers locate the
	// original record in its topic for as long as retention keeps it.
	PayloadWithheld Payload = "withheld"
	// PayloadSummary puts a JSON summary with no record content in the
	// value: {"reason","bytes","topic","partition","offset"}.
	PayloadSummary Payload = "summary"
	// PayloadRaw copies the original record, identifiers and all: enable it
	// only where the dead-letter topic is as protected as the source.
	PayloadRaw Payload = "raw"
)

// DeadLetterOptions configures DeadLetters.
type DeadLetterOptions struct {
	Brokers []string // host:port of the bootstrap brokers
	Topic   string   // default "convanon-dlq"
	Payload Payload  // default PayloadWithheld
	// Transport overrides kafka-go's default transport (TLS, SASL).
	Transport kafka.RoundTripper
}

// DeadLetters produces dead letters to the dead-letter topic with
// kafka-go's Writer, waiting for all in-sync replicas (RequiredAcks all).
// The original key is kept (so a conversation's dead letters stay in one
// partition, in order). It is safe for concurrent use.
type DeadLetters struct {
	w       *kafka.Writer
	payload Payload
}

// NewDeadLetters returns a producer of dead letters. It connects lazily, on
// the first Send.
func NewDeadLetters(opts DeadLetterOptions) (*DeadLetters, error) {
	payload := cmp.Or(opts.Payload, PayloadWithheld)
	switch payload {
	case PayloadWithheld, PayloadSummary, PayloadRaw:
	default:
		return nil, fmt.Errorf("dead-letter payload %q: want withheld, summary or raw", opts.Payload)
	}
	if len(opts.Brokers) == 0 {
		return nil, errors.New("dead letters: no brokers")
	}
	w := &kafka.Writer{
		Addr:         kafka.TCP(opts.Brokers...),
		Topic:        cmp.Or(opts.Topic, "convanon-dlq"),
		Balancer:     &kafka.Hash{},
		RequiredAcks: kafka.RequireAll,
		// Send is synchronous and called per record: a batch of one goes
		// out at once instead of waiting BatchTimeout (1s by default) for
		// company that bad records rarely have.
		BatchSize: 1,
		Transport: opts.Transport,
	}
	return &DeadLetters{w: w, payload: payload}, nil
}

// Send produces a dead letter for msg, a record of a source topic that
// could not be processed for reason, and returns once the broker
// acknowledged it; only then may msg's offset be committed. An error means
// the dead letter may or may not have been written: retrying can duplicate
// a dead letter, never lose one. Send is safe for concurrent use.
func (d *DeadLetters) Send(ctx context.Context, msg kafka.Message, reason error) error {
	if err := d.w.WriteMessages(ctx, deadLetter(msg, reason, d.payload)); err != nil {
		return fmt.Errorf("produce dead letter for %s/%d offset %d: %w", msg.Topic, msg.Partition, msg.Offset, err)
	}
	return nil
}

// Close flushes and closes the producer.
func (d *DeadLetters) Close() error {
	if err := d.w.Close(); err != nil {
		return fmt.Errorf("close dead-letter writer: %w", err)
	}
	return nil
}

// Reason returns the dead-letter reason code and safe message for err: the
// code and message of an *events.RejectError in its chain, otherwise
// ReasonInternal and a fixed message, since other errors are not known to
// be free of record content.
func Reason(err error) (code, msg string) {
	var re *events.RejectError
	if errors.As(err, &re) {
		return re.Code, re.Error()
	}
	return ReasonInternal, "record could not be processed (message withheld)"
}

// deadLetter builds the dead-letter message for the source record msg.
func deadLetter(msg kafka.Message, reason error, payload Payload) kafka.Message {
	code, text := Reason(reason)
	m := kafka.Message{
		Key: msg.Key,
		Headers: []kafka.Header{
			{Key: HeaderReason, Value: []byte(code)},
			{Key: HeaderError, Value: []byte(text)},
			{Key: HeaderSourceTopic, Value: []byte(msg.Topic)},
			{Key: HeaderSourcePartition, Value: strconv.AppendInt(nil, int64(msg.Partition), 10)},
			{Key: HeaderSourceOffset, Value: strconv.AppendInt(nil, msg.Offset, 10)},
			{Key: HeaderPayload, Value: []byte(payload)},
		},
	}
	switch payload {
	case PayloadRaw:
		m.Value = msg.Value
	case PayloadSummary:
		// Marshalling a struct of strings and numbers cannot fail.
		m.Value, _ = json.Marshal(struct {
			Reason    string `json:"reason"`
			Bytes     int    `json:"bytes"`
			Topic     string `json:"topic"`
			Partition int    `json:"partition"`
			Offset    int64  `json:"offset"`
		}{code, len(msg.Value), msg.Topic, msg.Partition, msg.Offset})
	}
	return m
}
