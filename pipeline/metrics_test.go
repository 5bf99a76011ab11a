package pipeline

import (
	"context"
	"log/slog"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/metrics"
	"github.com/convanon/convanon/sinks"
)

// TestMetrics runs the demo stream and checks the metrics against the
// pipeline's own counts, and that every label value comes from a fixed set.
func TestMetrics(t *testing.T) {
	addrs := startCluster(t)
	s := demo.Generate(5, 600, testTopics)
	produce(t, addrs, s.OptOuts)
	produce(t, addrs, s.Events)
	cfg := testConfig(addrs, t.TempDir())
	ring := envRing(t)
	eng, err := detectors.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	m := metrics.New(reg)
	fsys, err := sinks.NewDirFS(cfg.Output.Dir)
	if err != nil {
		t.Fatal(err)
	}
	dlq, err := sinks.NewDeadLetters(sinks.DeadLetterOptions{Brokers: addrs, Topic: cfg.Kafka.Topics.DeadLetter})
	if err != nil {
		t.Fatal(err)
	}
	defer dlq.Close()
	p, err := New(cfg, Deps{Engine: eng, Keys: ring, Sink: sinks.NewParquet(fsys, sinks.ParquetOptions{Metrics: m}),
		DeadLetters: dlq, Log: slog.New(slog.DiscardHandler), Metrics: m, ExitAtEnd: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Ready(); err == nil {
		t.Errorf("Ready() before Run = nil, want not ready")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := p.Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}

	st := p.Stats()
	sumDead := 0.0
	for code := range st.DeadLettersByReason() {
		sumDead += testutil.ToFloat64(m.DeadLetters.WithLabelValues(code))
	}
	tests := []struct {
		name string
		give float64
		want float64
	}{
		{"messages written", testutil.ToFloat64(m.Events.WithLabelValues("message", "written")), float64(st.Messages.Load())},
		{"decisions written", testutil.ToFloat64(m.Events.WithLabelValues("decision", "written")), float64(st.Decisions.Load())},
		{"feedback aggregated", testutil.ToFloat64(m.Events.WithLabelValues("feedback", "aggregated")), float64(st.Feedback.Load())},
		{"opt-out drops", testutil.ToFloat64(m.OptOutDrops), float64(st.DroppedOptOut.Load())},
		{"events in", testutil.ToFloat64(m.EventsIn.WithLabelValues("conversations")) + testutil.ToFloat64(m.EventsIn.WithLabelValues("feedback")), float64(st.Events.Load())},
		{"dead letters", sumDead, float64(st.DeadLetters.Load())},
		{"message rows", testutil.ToFloat64(m.RowsWritten.WithLabelValues("messages")), float64(st.Messages.Load())},
		{"lag gauges dropped with their partitions", float64(testutil.CollectAndCount(m.Lag)), 0},
		{"assigned after leaving", testutil.ToFloat64(m.Assigned), 0},
		{"batches timed", float64(testutil.CollectAndCount(m.BatchSeconds)), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.give != tt.want {
				t.Errorf("metric = %v, want %v", tt.give, tt.want)
			}
		})
	}
	if st.DroppedOptOut.Load() == 0 || st.DeadLetters.Load() == 0 || testutil.ToFloat64(m.BytesWritten.WithLabelValues("messages")) == 0 {
		t.Errorf("demo stream exercised no opt-out, dead letter or bytes written: checks above are vacuous")
	}
	checkLabels(t, reg)
}

// checkLabels fails on any label value outside the fixed sets.
func checkLabels(t *testing.T, g prometheus.Gatherer) {
	t.Helper()
	fams, err := g.Gather()
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string][]string{
		"type":    append([]string{"message", "decision", "feedback", "usage", "invalid"}, kindNames()...),
		"outcome": outcomeNames[:],
		"topic":   {"conversations", "feedback"},
		"dataset": {"messages", "decisions", "feedback_stats", "decision_stats", "usage_stats", "_stats_partials"},
		"reason":  {"bad_json", "bad_utf8", "bad_type", "bad_field", "oversize", "no_key", "bad_value"},
	}
	for _, f := range fams {
		for _, mt := range f.GetMetric() {
			for _, l := range mt.GetLabel() {
				name, v := l.GetName(), l.GetValue()
				if name == "partition" {
					if _, err := strconv.Atoi(v); err != nil {
						t.Errorf("%s: partition label %q is not a number", f.GetName(), v)
					}
					continue
				}
				if !slices.Contains(allowed[name], v) {
					t.Errorf("%s: label %s=%q not in its fixed set", f.GetName(), name, v)
				}
			}
		}
	}
}

func kindNames() []string {
	var out []string
	for _, k := range detectors.Kinds() {
		out = append(out, k.String())
	}
	return out
}
