package events

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestLogValueRedacts logs every type that holds identifiers and checks
// that none of them reaches the log line.
func TestLogValueRedacts(t *testing.T) {
	ts := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	lin := Lineage{SourceTopic: "conversations", SourcePartition: 1, SourceOffset: 9}
	tests := []struct {
		name string
		give any
		want string
	}{
		{
			name: "event",
			give: Event{Type: TypeMessage, EventID: "e-1", TenantID: "acme", UserID: "u-42", Text: "anna@example.com", TS: ts},
			want: "msg=x v.type=message\n",
		},
		{
			name: "opt-out",
			give: OptOut{Kind: SubjectUser, ID: "u-42", Decisions: true},
			want: "msg=x v.subject=user v.training=false v.decisions=true v.tombstone=false\n",
		},
		{
			name: "message row",
			give: MessageRow{UserID: "u-42", TenantID: "acme", Text: "hi <PERSON_1>", Lineage: lin},
			want: "msg=x v.topic=conversations v.partition=1 v.offset=9\n",
		},
		{
			name: "decision row",
			give: DecisionRow{TenantID: "acme", Context: []Turn{{Role: "user", Text: "anna"}}, Lineage: lin},
			want: "msg=x v.topic=conversations v.partition=1 v.offset=9\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
				ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
					if a.Key == slog.TimeKey || a.Key == slog.LevelKey {
						return slog.Attr{}
					}
					return a
				},
			}))
			log.Info("x", "v", tt.give)
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("log of %s (-want +got):\n%s", tt.name, diff)
			}
			for _, raw := range []string{"u-42", "acme", "anna", "e-1"} {
				if strings.Contains(buf.String(), raw) {
					t.Errorf("log of %s holds %q", tt.name, raw)
				}
			}
		})
	}
}

func TestEntityCounts(t *testing.T) {
	var c EntityCounts
	for kind := 1; kind <= NumEntityKinds; kind++ {
		if !c.Add(kind, int32(kind)) {
			t.Fatalf("Add(%d) = false, want true", kind)
		}
	}
	tests := []struct {
		name string
		give int
		want int32
	}{
		{name: "email", give: 1, want: c.Email},
		{name: "phone", give: 5, want: c.Phone},
		{name: "operational", give: 18, want: c.Operational},
		{name: "zero kind", give: 0, want: 0},
		{name: "past the end", give: 19, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Get(tt.give); got != tt.want {
				t.Errorf("Get(%d) = %d, want %d", tt.give, got, tt.want)
			}
		})
	}
	if c.Email != 1 || c.Phone != 5 || c.Operational != 18 {
		t.Errorf("Add put counts in the wrong fields: %+v", c)
	}
	if c.Add(19, 1) {
		t.Errorf("Add(19) = true, want false")
	}
	if got := len(EntityColumns()); got != NumEntityKinds {
		t.Errorf("len(EntityColumns()) = %d, want %d", got, NumEntityKinds)
	}
}
