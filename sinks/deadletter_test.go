package sinks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/convanon/convanon/internal/events"
)

// dlqRecord is what a consumer of the dead-letter topic sees.
type dlqRecord struct {
	Key     string
	Value   string
	Headers map[string]string
}

func TestDeadLettersKafka(t *testing.T) {
	_, badJSON := events.Decode([]byte(`{"type":"message","text":"call anna at 555-0100"`), 0)
	_, badType := events.Decode([]byte(`{"type":"chat","text":"anna@example.com"}`), 0)
	letters := []struct {
		msg    kafka.Message
		reason error
	}{
		{kafka.Message{Topic: "conversations", Partition: 2, Offset: 41, Key: []byte("c-9"),
			Value: []byte(`{"type":"message","text":"call anna at 555-0100"`)}, badJSON},
		{kafka.Message{Topic: "conversations", Partition: 0, Offset: 7, Key: []byte("c-1"),
			Value: []byte(`{"type":"chat","text":"anna@example.com"}`)}, fmt.Errorf("decode: %w", badType)},
		{kafka.Message{Topic: "feedback", Partition: 1, Offset: 3, Key: nil,
			Value: []byte(`{}`)}, errors.New("anonymize: key for anna@example.com missing")},
	}
	headers := func(reason, msg, topic, partition, offset, payload string) map[string]string {
		return map[string]string{
			HeaderReason: reason, HeaderError: msg, HeaderSourceTopic: topic,
			HeaderSourcePartition: partition, HeaderSourceOffset: offset, HeaderPayload: payload,
		}
	}
	internalMsg := "record could not be processed (message withheld)"
	tests := []struct {
		name string
		give Payload
		want []dlqRecord
	}{
		{
			name: "withheld by default",
			give: "",
			want: []dlqRecord{
				{Key: "c-9", Headers: headers("bad_json", badJSON.Error(), "conversations", "2", "41", "withheld")},
				{Key: "c-1", Headers: headers("bad_type", badType.Error(), "conversations", "0", "7", "withheld")},
				{Headers: headers("internal", internalMsg, "feedback", "1", "3", "withheld")},
			},
		},
		{
			name: "summary",
			give: PayloadSummary,
			want: []dlqRecord{
				{Key: "c-9", Value: `{"reason":"bad_json","bytes":48,"topic":"conversations","partition":2,"offset":41}`,
					Headers: headers("bad_json", badJSON.Error(), "conversations", "2", "41", "summary")},
				{Key: "c-1", Value: `{"reason":"bad_type","bytes":41,"topic":"conversations","partition":0,"offset":7}`,
					Headers: headers("bad_type", badType.Error(), "conversations", "0", "7", "summary")},
				{Value: `{"reason":"internal","bytes":2,"topic":"feedback","partition":1,"offset":3}`,
					Headers: headers("internal", internalMsg, "feedback", "1", "3", "summary")},
			},
		},
		{
			name: "raw when configured",
			give: PayloadRaw,
			want: []dlqRecord{
				{Key: "c-9", Value: `{"type":"message","text":"call anna at 555-0100"`,
					Headers: headers("bad_json", badJSON.Error(), "conversations", "2", "41", "raw")},
				{Key: "c-1", Value: `{"type":"chat","text":"anna@example.com"}`,
					Headers: headers("bad_type", badType.Error(), "conversations", "0", "7", "raw")},
				{Value: `{}`, Headers: headers("internal", internalMsg, "feedback", "1", "3", "raw")},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cluster, err := kfake.NewCluster(kfake.SeedTopics(1, "convanon-dlq"))
			if err != nil {
				t.Fatalf("kfake.NewCluster: %v", err)
			}
			defer cluster.Close()

			dl, err := NewDeadLetters(DeadLetterOptions{Brokers: cluster.ListenAddrs(), Payload: tt.give})
			if err != nil {
				t.Fatalf("NewDeadLetters: %v", err)
			}
			for _, l := range letters {
				if err := dl.Send(ctx, l.msg, l.reason); err != nil {
					t.Fatalf("Send(%s/%d@%d): %v", l.msg.Topic, l.msg.Partition, l.msg.Offset, err)
				}
			}
			if err := dl.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			got := consumeDLQ(ctx, t, cluster.ListenAddrs(), len(tt.want))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("dead letters (-want +got):\n%s", diff)
			}
		})
	}
}

// consumeDLQ reads n records from convanon-dlq with franz-go, a client
// independent of the kafka-go writer under test.
func consumeDLQ(ctx context.Context, t *testing.T, brokers []string, n int) []dlqRecord {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.ConsumeTopics("convanon-dlq"),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatalf("kgo.NewClient: %v", err)
	}
	defer cl.Close()
	var got []dlqRecord
	for len(got) < n {
		fetches := cl.PollFetches(ctx)
		if err := fetches.Err0(); err != nil {
			t.Fatalf("PollFetches after %d records: %v", len(got), err)
		}
		fetches.EachRecord(func(r *kgo.Record) {
			h := map[string]string{}
			for _, kv := range r.Headers {
				h[kv.Key] = string(kv.Value)
			}
			got = append(got, dlqRecord{Key: string(r.Key), Value: string(r.Value), Headers: h})
		})
	}
	return got
}

func TestDeadLetterHeadersHoldNoRecordText(t *testing.T) {
	_, err := events.Decode([]byte(`{"type":"message","event_id":"e","tenant_id":"acme","user_id":"u-42","ts":"x","channel":"chat","role":"user","text":"anna@example.com"}`), 0)
	m := deadLetter(kafka.Message{Topic: "conversations", Offset: 1, Value: []byte("anna@example.com")}, err, PayloadSummary)
	for _, h := range m.Headers {
		for _, secret := range []string{"anna", "example.com", "acme", "u-42"} {
			if strings.Contains(string(h.Value), secret) {
				t.Errorf("header %s = %q holds record text %q", h.Key, h.Value, secret)
			}
		}
	}
	if strings.Contains(string(m.Value), "anna") {
		t.Errorf("summary payload %q holds record text", m.Value)
	}
}

func TestNewDeadLettersValidates(t *testing.T) {
	tests := []struct {
		name string
		give DeadLetterOptions
	}{
		{name: "no brokers", give: DeadLetterOptions{}},
		{name: "unknown payload", give: DeadLetterOptions{Brokers: []string{"127.0.0.1:9092"}, Payload: "everything"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewDeadLetters(tt.give); err == nil {
				t.Errorf("NewDeadLetters(%s) = nil error, want one", tt.name)
			}
		})
	}
}
