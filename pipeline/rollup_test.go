package pipeline

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/sinks"
)

func TestQuantileSketch(t *testing.T) {
	tests := []struct {
		name string
		give []int64
	}{
		{"uniform", seq(1, 1000)},
		{"constant", slices.Repeat([]int64{7}, 50)},
		{"zeros and ones", append(slices.Repeat([]int64{0}, 30), slices.Repeat([]int64{1}, 70)...)},
		{"heavy tail", []int64{20, 21, 22, 25, 30, 40, 80, 150, 900, 30000, 1_000_000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := quantileSketch{}
			for _, v := range tt.give {
				s.add(v)
			}
			sorted := slices.Sorted(slices.Values(tt.give))
			for _, q := range []float64{0.5, 0.9, 0.99} {
				want := sorted[int(q*float64(len(sorted)-1))]
				if got := s.quantile(q); math.Abs(float64(got-want)) > sketchAlpha*float64(want)+0.5 {
					t.Errorf("quantile(%v) = %d, want %d within 1%%", q, got, want)
				}
			}
		})
	}
}

func TestQuantileSketchMergeOrder(t *testing.T) {
	a, b, ab, ba := quantileSketch{}, quantileSketch{}, quantileSketch{}, quantileSketch{}
	for _, v := range seq(1, 500) {
		a.add(v * 3)
		b.add(v * 7)
	}
	ab.merge(a)
	ab.merge(b)
	ba.merge(b)
	ba.merge(a)
	if diff := cmp.Diff(ab, ba); diff != "" {
		t.Errorf("merge(a, b) differs from merge(b, a):\n%s", diff)
	}
}

func seq(from, to int64) []int64 {
	var out []int64
	for v := from; v <= to; v++ {
		out = append(out, v)
	}
	return out
}

// feedbackBatch writes one batch of feedback events to sink as the
// pipeline does: users[i] rates at ats[i] (same tenant, model, channel).
func feedbackBatch(t *testing.T, sink *sinks.Parquet, first int64, tenant string, ats []time.Time, users []uint64) int64 {
	t.Helper()
	acc := newStatsAcc(time.Hour)
	for i, u := range users {
		ev := events.Event{Type: events.TypeFeedback, TenantID: tenant, TS: ats[i], Model: "m", Rating: "up", Channel: "chat", Lang: "en"}
		acc.feedback(&ev, u, true)
	}
	last := first + int64(len(users)) - 1
	if err := sink.Write(context.Background(), sinks.Batch{Topic: "feedback", Partition: 0, First: first, Last: last, Parts: acc.parts()}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return last + 1
}

// users returns n distinct user hashes starting at from.
func users(from, n int) []uint64 {
	var out []uint64
	for i := range n {
		out = append(out, uint64(from+i))
	}
	return out
}

func repeatTime(at time.Time, n int) []time.Time { return slices.Repeat([]time.Time{at}, n) }

// TestSuppression publishes groups just below and at the minimum (global
// and per tenant), and a day whose hidden hour holds a small group.
func TestSuppression(t *testing.T) {
	h10 := time.Date(2026, 11, 22, 10, 5, 0, 0, time.UTC)
	h11 := h10.Add(time.Hour)
	dir := t.TempDir()
	fsys, err := sinks.NewDirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	sink := sinks.NewParquet(fsys, sinks.ParquetOptions{})
	next := int64(0)
	next = feedbackBatch(t, sink, next, "below", repeatTime(h10, 9), users(0, 9))        // 9 users: hidden
	next = feedbackBatch(t, sink, next, "at", repeatTime(h10, 10), users(100, 10))       // 10 users: published
	next = feedbackBatch(t, sink, next, "strict", repeatTime(h10, 15), users(200, 15))   // tenant minimum 20: hidden
	next = feedbackBatch(t, sink, next, "residual", repeatTime(h10, 12), users(300, 12)) // published hour
	next = feedbackBatch(t, sink, next, "residual", repeatTime(h11, 3), users(400, 3))   // hidden hour: 3 users
	next = feedbackBatch(t, sink, next, "safe-day", repeatTime(h10, 12), users(500, 12)) // published hour
	feedbackBatch(t, sink, next, "safe-day", repeatTime(h11, 12), users(600, 12))        // published hour

	cfg := config.Default()
	cfg.Tenants = map[string]config.Tenant{"strict": {MinGroupUsers: 20}}
	if _, err := NewRollup(fsys, cfg, nil).Roll(context.Background(), true); err != nil {
		t.Fatalf("Roll: %v", err)
	}
	got := readStats(t, dir, 10)
	type row struct {
		Gran, Tenant string
		Hour, Users  int64
	}
	var rows []row
	for k, c := range got {
		rows = append(rows, row{k.Gran, k.Tenant, int64(time.Unix(k.Start, 0).UTC().Hour()), c.Users})
	}
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	want := []row{
		{"day", "at", 0, 10},
		{"day", "safe-day", 0, 24},
		{"hour", "at", 10, 10},
		{"hour", "residual", 10, 12},
		{"hour", "safe-day", 10, 12},
		{"hour", "safe-day", 11, 12},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("published rows mismatch (-want +got):\n%s", diff)
	}
}

// TestRollupClosedWindows publishes a window only once the watermark
// passed its end plus the lateness, keeps it published, merges a late
// partial into it, and rewrites identical bytes when nothing changed.
func TestRollupClosedWindows(t *testing.T) {
	h10 := time.Date(2026, 11, 22, 10, 5, 0, 0, time.UTC)
	dir := t.TempDir()
	fsys, err := sinks.NewDirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	sink := sinks.NewParquet(fsys, sinks.ParquetOptions{})
	cfg := config.Default()
	roll := func(r *Rollup) {
		t.Helper()
		if _, err := r.Roll(context.Background(), false); err != nil {
			t.Fatalf("Roll: %v", err)
		}
	}
	hourFile := filepath.Join(dir, publishedName(events.DatasetFeedbackStats, "hour", "2026-11-22"))

	next := feedbackBatch(t, sink, 0, "acme", repeatTime(h10, 10), users(0, 10))
	r := NewRollup(fsys, cfg, nil)
	roll(r)
	if _, err := os.Stat(hourFile); err == nil {
		t.Fatalf("window 10:00 published at watermark 10:05, want it open")
	}
	// An event at 11:09 leaves 10:00-11:00 open (lateness 10m); 11:10 closes it.
	next = feedbackBatch(t, sink, next, "acme", repeatTime(h10.Add(64*time.Minute), 10), users(0, 10))
	roll(r)
	if _, err := os.Stat(hourFile); err == nil {
		t.Fatalf("window 10:00 published at watermark 11:09, want it open")
	}
	next = feedbackBatch(t, sink, next, "acme", repeatTime(h10.Add(65*time.Minute), 1), users(0, 1))
	roll(r)
	if got := readStats(t, dir, 10); len(got) != 1 {
		t.Fatalf("after watermark 11:10: %d rows, want the 10:00 window only: %v", len(got), got)
	}
	first, _ := os.ReadFile(hourFile)
	// A fresh instance (no cache, watermark from the state) rewrites nothing.
	roll(NewRollup(fsys, cfg, nil))
	if again, _ := os.ReadFile(hourFile); string(again) != string(first) {
		t.Errorf("second roll changed the published file")
	}
	// A late event for 10:00 reopens it at the next roll.
	feedbackBatch(t, sink, next, "acme", repeatTime(h10, 1), users(50, 1))
	roll(NewRollup(fsys, cfg, nil))
	for k, c := range readStats(t, dir, 10) {
		if k.Gran == "hour" && time.Unix(k.Start, 0).UTC().Hour() == 10 && (c.Users != 11 || c.Up != 11) {
			t.Errorf("window 10:00 after a late event = %d users, %d up; want 11, 11", c.Users, c.Up)
		}
	}
}

// BenchmarkStatsAcc measures the per-event cost of the stats partials:
// aggregation of a usage event and its share of writing the batch's rows.
func BenchmarkStatsAcc(b *testing.B) {
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	acc := newStatsAcc(time.Hour)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ev := events.Event{Type: events.TypeUsage, TenantID: "acme", TS: at.Add(time.Duration(i%3600) * time.Second),
			Model: "m", Channel: "chat", Lang: "en", InputTokens: int64(i % 500), OutputTokens: int64(i % 700), LatencyMS: int64(i % 3000)}
		acc.usage(&ev, uint64(i%400), true)
		if i++; i%1000 == 0 {
			acc.parts()
			acc.reset()
		}
	}
}
