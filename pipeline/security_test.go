package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/demo"
)

// TestSASL runs the whole pipeline against a broker that requires SASL,
// over TCP: the consumer group, the partition and opt-out readers, the
// metadata client and the dead-letter writer all authenticate.
func TestSASL(t *testing.T) {
	tests := []struct {
		name      string
		give      string // kfake method
		mechanism string // config
	}{
		{"plain", "PLAIN", "plain"},
		{"scram-sha-256", "SCRAM-SHA-256", "scram-sha-256"},
		{"scram-sha-512", "SCRAM-SHA-512", "scram-sha-512"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addrs := startSASLCluster(t, tt.give, "convanon", "test-password")
			cfg := testConfig(addrs, t.TempDir())
			cfg.Kafka.SASL = config.SASL{Mechanism: tt.mechanism, Username: "convanon", Password: "test-password"}
			s := demo.Generate(3, 200, testTopics)
			produceWith(t, cfg.Kafka, s.OptOuts)
			produceWith(t, cfg.Kafka, s.Events)

			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			p := newTestPipeline(t, cfg, true)
			if err := p.Run(ctx); err != nil {
				t.Fatalf("Run over SASL %s: %v", tt.name, err)
			}
			if got, want := p.Stats().Events.Load(), int64(len(s.Events)); got != want {
				t.Errorf("Stats().Events = %d, want %d", got, want)
			}
			if got, want := p.Stats().DeadLetters.Load(), int64(s.Malformed); got != want || got == 0 {
				t.Errorf("Stats().DeadLetters = %d, want %d (> 0: the writer authenticates)", got, want)
			}
		})
	}
}

// TestSASLWrongPassword checks that a bad password stops start-up with an
// error that does not carry the password.
func TestSASLWrongPassword(t *testing.T) {
	addrs := startSASLCluster(t, "SCRAM-SHA-256", "convanon", "test-password")
	cfg := testConfig(addrs, t.TempDir())
	cfg.Kafka.SASL = config.SASL{Mechanism: "scram-sha-256", Username: "convanon", Password: "wrong-password"}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	p := newTestPipeline(t, cfg, true)
	err := p.Run(ctx)
	if err == nil || strings.Contains(err.Error(), "wrong-password") {
		t.Errorf("Run with a wrong password = %v, want an error without the password", err)
	}
}

func startSASLCluster(t *testing.T, method, user, pass string) []string {
	t.Helper()
	c, err := kfake.NewCluster(
		kfake.NumBrokers(1),
		kfake.EnableSASL(),
		kfake.Superuser(method, user, pass),
		kfake.SeedTopics(2, "conversations"),
		kfake.SeedTopics(1, "feedback", "training-optouts", "convanon-dlq"),
		kfake.GroupMinSessionTimeout(100*time.Millisecond),
	)
	if err != nil {
		t.Fatalf("kfake.NewCluster: %v", err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs()
}

// produceWith writes recs through a writer configured like convanon's.
func produceWith(t *testing.T, k config.Kafka, recs []demo.Record) {
	t.Helper()
	cl, err := NewCluster(k)
	if err != nil {
		t.Fatalf("NewCluster: %v", err)
	}
	w := &kafka.Writer{Addr: kafka.TCP(k.Brokers...), Transport: cl.Transport, Balancer: &kafka.Hash{}, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	msgs := make([]kafka.Message, len(recs))
	for i, r := range recs {
		msgs[i] = kafka.Message{Topic: r.Topic, Key: r.Key, Value: r.Value}
	}
	if err := w.WriteMessages(context.Background(), msgs...); err != nil {
		t.Fatalf("WriteMessages: %v", err)
	}
}
