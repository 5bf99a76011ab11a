package sinks

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

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
	// BatchTimeout bounds how long Send waits to fill a batch; default
	// 10ms (kafka-go's own default, 1s, would stall a partition per bad
	// record).
	BatchTimeout time.Duration
	// Transport overrides kafka-go's default transport (TLS, SASL).
	Transport kafka.RoundTripper
}

// DeadLetter is a record that could not be processed.
type DeadLetter struct {
	Topic     string // source topic
	Partition int    // source partition
	Offset    int64  // source offset
	Key       []byte // the record's key, kept as the dead letter's key
	Value     []byte // the record's value; sent only with PayloadRaw
	Err       error  // why: an *events.RejectError gives the reason code and message
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
		BatchTimeout: cmp.Or(opts.BatchTimeout, 10*time.Millisecond),
		Transport:    opts.Transport,
	}
	return &DeadLetters{w: w, payload: payload}, nil
}

// Send produces the dead letters and returns once the broker acknowledged
// all of them; only then may their source offsets be committed. On error
// some may have been produced: a retry can duplicate dead letters, never
// lose one.
func (d *DeadLetters) Send(ctx context.Context, letters ...DeadLetter) error {
	if len(letters) == 0 {
		return nil
	}
	msgs := make([]kafka.Message, len(letters))
	for i, dl := range letters {
		msgs[i] = dl.message(d.payload)
	}
	if err := d.w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("produce %d dead letters to %s: %w", len(msgs), d.w.Topic, err)
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

// reason returns the dead letter's reason code and safe message.
func (dl DeadLetter) reason() (code, msg string) {
	var re *events.RejectError
	if errors.As(dl.Err, &re) {
		return re.Code, re.Error()
	}
	return ReasonInternal, "record could not be processed (message withheld)"
}

func (dl DeadLetter) message(payload Payload) kafka.Message {
	code, msg := dl.reason()
	m := kafka.Message{
		Key: dl.Key,
		Headers: []kafka.Header{
			{Key: HeaderReason, Value: []byte(code)},
			{Key: HeaderError, Value: []byte(msg)},
			{Key: HeaderSourceTopic, Value: []byte(dl.Topic)},
			{Key: HeaderSourcePartition, Value: strconv.AppendInt(nil, int64(dl.Partition), 10)},
			{Key: HeaderSourceOffset, Value: strconv.AppendInt(nil, dl.Offset, 10)},
			{Key: HeaderPayload, Value: []byte(payload)},
		},
	}
	switch payload {
	case PayloadRaw:
		m.Value = dl.Value
	case PayloadSummary:
		// Marshalling a struct of strings and numbers cannot fail.
		m.Value, _ = json.Marshal(struct {
			Reason    string `json:"reason"`
			Bytes     int    `json:"bytes"`
			Topic     string `json:"topic"`
			Partition int    `json:"partition"`
			Offset    int64  `json:"offset"`
		}{code, len(dl.Value), dl.Topic, dl.Partition, dl.Offset})
	}
	return m
}
