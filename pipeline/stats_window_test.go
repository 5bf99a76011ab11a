package pipeline

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/convanon/convanon/internal/events"
)

func TestListSketchMatchesQuantileSketch(t *testing.T) {
	tests := []struct {
		name string
		give []int64
	}{
		{name: "empty"},
		{name: "zeros and negatives", give: []int64{0, -3, 0}},
		{name: "small", give: seq(0, 300)},
		{name: "spread", give: []int64{1, 7, 7, 250, 1e6, 1e9, 1 << 62, 0, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d listSketch
			q := quantileSketch{}
			for _, v := range tt.give {
				d.add(v)
				q.add(v)
			}
			gotK, gotC := d.appendTo(nil, nil)
			wantK, wantC := q.appendTo(nil, nil)
			if diff := cmp.Diff(wantK, gotK); diff != "" {
				t.Errorf("appendTo keys (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantC, gotC); diff != "" {
				t.Errorf("appendTo counts (-want +got):\n%s", diff)
			}
			d = d.emptied()
			if k, c := d.appendTo(nil, nil); k != nil || c != nil {
				t.Errorf("appendTo after emptied = %v, %v; want nil, nil", k, c)
			}
		})
	}
}

// TestStatsAccHashCollision plants a group under the hash of another key:
// the key's events must get a group of their own.
func TestStatsAccHashCollision(t *testing.T) {
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	acc := newStatsAcc(time.Hour)
	ev := events.Event{Type: events.TypeFeedback, TenantID: "acme", TS: at, Model: "m", Rating: "up", Channel: "chat", Lang: "en"}
	k := statsKey{kindFeedback, at.Unix(), "acme", "m", "", "chat", "en"}
	other := &statsGroup{key: statsKey{kind: kindUsage, tenant: "other"}}
	acc.byHash[acc.hash(&k)] = other
	acc.list = append(acc.list, other)
	for range 3 {
		acc.feedback(&ev, 1, true)
	}
	if other.up != 0 {
		t.Errorf("planted group counted %d ups; want 0", other.up)
	}
	g, ok := acc.collided[k]
	if !ok {
		t.Fatalf("collided[%v] missing", k)
	}
	if g.up != 3 {
		t.Errorf("group up = %d, want 3", g.up)
	}
	if len(acc.list) != 2 {
		t.Errorf("len(list) = %d, want 2", len(acc.list))
	}
}

// TestStatsAccReuse checks that a reset accumulator's reused groups start
// empty.
func TestStatsAccReuse(t *testing.T) {
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	acc := newStatsAcc(time.Hour)
	ev := events.Event{Type: events.TypeUsage, TenantID: "acme", TS: at, Model: "m", Channel: "chat", Lang: "en",
		InputTokens: 10, OutputTokens: 20, LatencyMS: 300}
	acc.usage(&ev, 1, true)
	acc.usage(&ev, 2, true)
	first := acc.parts()
	acc.reset()
	acc.usage(&ev, 1, true)
	acc.usage(&ev, 2, true)
	second := acc.parts()
	if diff := cmp.Diff(first[0].Rows, second[0].Rows, cmp.AllowUnexported(partialRow{})); diff != "" {
		t.Errorf("parts after reset (-first +second):\n%s", diff)
	}
}
