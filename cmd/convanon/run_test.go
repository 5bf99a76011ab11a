package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

func TestRunUsage(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(cfg, []byte("kafka:\n  brokerz: [x:1]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		give []string
		want string // in stderr
	}{
		{"no brokers", []string{"run", "--out", "o"}, "kafka.brokers: empty"},
		{"no output", []string{"run", "--brokers", "h:1"}, "output.dir: empty"},
		{"bad broker", []string{"run", "--brokers", "nohost", "--out", "o"}, `"nohost" is not host:port`},
		{"unknown config key", []string{"run", "--config", cfg}, "unknown key kafka.brokerz; valid keys here: brokers"},
		{"extra argument", []string{"run", "--brokers", "h:1", "--out", "o", "now"}, `unexpected argument "now"`},
		{"broker bad listen", []string{"broker", "--listen", "nope"}, "want host:port"},
		{"demo no events", []string{"demo", "--events", "0"}, "must be 1 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runIn(t, "", tt.give...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("convanon %s = %d, stderr %q; want 2 and %q", strings.Join(tt.give, " "), code, stderr, tt.want)
			}
		})
	}
}

// TestRunExitAtEnd runs `convanon run --exit-at-end` against an in-process
// broker: it reads what is there, writes it and exits 0.
func TestRunExitAtEnd(t *testing.T) {
	c, err := startBroker("127.0.0.1:0", 2)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	addr := c.ListenAddrs()[0]
	w := &kafka.Writer{Addr: kafka.TCP(addr), AllowAutoTopicCreation: true, BatchTimeout: time.Millisecond}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	msgs := []kafka.Message{
		{Topic: "training-optouts", Key: []byte("user:u-2"), Value: []byte(`{"training":false}`)},
		{Topic: "feedback", Key: []byte("c-1"), Value: []byte(`{"type":"feedback","event_id":"e-3","tenant_id":"acme","user_id":"u-1","ts":"2026-11-20T08:00:00Z","model":"m","rating":"up"}`)},
		{Topic: "conversations", Key: []byte("c-1"), Value: []byte(`{"type":"message","event_id":"e-1","tenant_id":"acme","user_id":"u-1","conversation_id":"c-1","channel":"sms","role":"user","ts":"2026-11-20T08:00:00Z","text":"mail me at anna@example.com"}`)},
		{Topic: "conversations", Key: []byte("c-2"), Value: []byte(`{"type":"message","event_id":"e-2","tenant_id":"acme","user_id":"u-2","conversation_id":"c-2","channel":"sms","role":"user","ts":"2026-11-20T08:00:00Z","text":"opted out"}`)},
	}
	for _, m := range msgs { // one by one: each topic is created on first use
		if err := w.WriteMessages(ctx, m); err != nil {
			t.Fatalf("produce to %s: %v", m.Topic, err)
		}
	}
	out := t.TempDir()
	t.Setenv("CONVANON_KEYS", "test:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
	code, _, stderr := runIn(t, "", "run", "--brokers", addr, "--out", out, "--group", "cmd-test", "--exit-at-end")
	if code != 0 {
		t.Fatalf("convanon run = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"partitions assigned", "messages=1", "dropped_opt_out=1"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("convanon run stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "anna@example.com") || strings.Contains(stderr, "u-1") {
		t.Errorf("convanon run logged a raw identifier:\n%s", stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "messages", "date=2026-11-20", "channel=sms", "*.parquet"))
	if len(files) != 1 {
		t.Errorf("message files = %v, want one", files)
	}
}

// TestDemo runs a small demo and checks its summary.
func TestDemo(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runIn(t, "", "demo", "--events", "600", "--out", out)
	if code != 0 {
		t.Fatalf("convanon demo = %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"events in", "rows: messages", "dead letters", "bad_json", "read_parquet('" + out + "/messages/**/*.parquet'"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("demo summary lacks %q:\n%s", want, stdout)
		}
	}
	// A second demo replaces the first's output; a foreign directory is refused.
	if code, _, stderr := runIn(t, "", "demo", "--events", "50", "--out", out); code != 0 {
		t.Errorf("second demo = %d, stderr:\n%s", code, stderr)
	}
	if code, _, _ := runIn(t, "", "demo", "--events", "50", "--out", filepath.Dir(filepath.Dir(out))); code != 2 {
		t.Errorf("demo into a foreign non-empty directory = %d, want 2", code)
	}
}
