package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/sinks"
)

var testTopics = demo.Topics{Conversations: "conversations", Feedback: "feedback", OptOuts: "training-optouts"}

// TestEndToEnd produces the demo stream, runs the pipeline to the end and
// reads the datasets back row by row.
func TestEndToEnd(t *testing.T) {
	addrs := startCluster(t)
	s := demo.Generate(7, 3000, testTopics)
	produce(t, addrs, s.OptOuts)
	produce(t, addrs, s.Events)
	msgs := consumed(t, addrs)
	ring := envRing(t)
	cfg := testConfig(addrs, t.TempDir())

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	p := newTestPipeline(t, cfg, true)
	start := time.Now()
	if err := p.Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("%d events in %s", p.Stats().Events.Load(), time.Since(start))

	e := expect(t, msgs)
	out := readOutput(t, cfg.Output.Dir)
	check(t, e, out, ring)
	checkClosedStats(t, msgs, cfg.Output.Dir, cfg.Stats.Lateness)
	checkStats(t, msgs, cfg.Output.Dir)
	if got := p.Stats().Events.Load(); got != int64(len(msgs)) {
		t.Errorf("Stats().Events = %d, want %d", got, len(msgs))
	}
	dlq := readTopic(t, addrs, "convanon-dlq")
	if len(dlq) != e.dead || len(dlq) != s.Malformed {
		t.Errorf("dead letters = %d, want %d (%d malformed)", len(dlq), e.dead, s.Malformed)
	}
	reasons := map[string]int{}
	for _, m := range dlq {
		h := headers(m)
		reasons[h[sinks.HeaderReason]]++
		if h[sinks.HeaderSourceTopic] != "conversations" || h[sinks.HeaderSourceOffset] == "" || len(m.Value) != 0 {
			t.Errorf("dead letter %d = headers %v, %d value bytes; want source conversations, an offset, no value", m.Offset, h, len(m.Value))
		}
	}
	wantReasons := map[string]int{"bad_json": 1, "bad_utf8": 1, "bad_type": 1, "bad_field": 2}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("dead-letter reasons mismatch (-want +got):\n%s", diff)
	}
	if len(e.decisions) == 0 || len(e.messages) == 0 {
		t.Fatalf("stream expects %d messages, %d decisions; want some of each", len(e.messages), len(e.decisions))
	}
}

func headers(m kafka.Message) map[string]string {
	h := map[string]string{}
	for _, x := range m.Headers {
		h[x.Key] = string(x.Value)
	}
	return h
}

// TestPoisonRecords sends records that cannot be processed to dead letters
// with their reason, and processing goes on past them.
func TestPoisonRecords(t *testing.T) {
	addrs := startCluster(t)
	good := func(id string) demo.Record {
		return demo.Record{Topic: "conversations", Key: []byte("c-1"), Value: []byte(`{"type":"message","event_id":"` + id +
			`","tenant_id":"acme","user_id":"u-1","conversation_id":"c-1","channel":"chat","role":"user","ts":"2026-11-20T08:00:00Z","text":"hello"}`)}
	}
	huge := good("e-huge")
	huge.Value = []byte(strings.Replace(string(huge.Value), "hello", strings.Repeat("hello ", 400), 1))
	produce(t, addrs, []demo.Record{
		good("e-1"),
		huge,
		{Topic: "conversations", Key: []byte("c-1"), Value: []byte(`{"type":"message"`)},
		{Topic: "conversations", Key: []byte("c-1"), Value: []byte(`{"type":"reaction","event_id":"e-x","tenant_id":"acme","ts":"2026-11-20T08:00:00Z"}`)},
		good("e-2"),
	})
	cfg := testConfig(addrs, t.TempDir())
	cfg.MaxRecordBytes = 1024
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := newTestPipeline(t, cfg, true).Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}
	out := readOutput(t, cfg.Output.Dir)
	var offsets []int64
	for _, r := range out.messages {
		offsets = append(offsets, r.SourceOffset)
	}
	if diff := cmp.Diff([]int64{0, 4}, offsets); diff != "" {
		t.Errorf("message rows by offset mismatch (-want +got):\n%s", diff)
	}
	var got []string
	for _, m := range readTopic(t, addrs, "convanon-dlq") {
		h := headers(m)
		got = append(got, h[sinks.HeaderSourceOffset]+" "+h[sinks.HeaderReason])
	}
	if diff := cmp.Diff([]string{"1 oversize", "2 bad_json", "3 bad_type"}, got); diff != "" {
		t.Errorf("dead letters (offset reason) mismatch (-want +got):\n%s", diff)
	}
}
