package demo

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var testTopics = Topics{Conversations: "conversations", Feedback: "feedback", OptOuts: "training-optouts"}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(7, 2000, testTopics), Generate(7, 2000, testTopics)
	if len(a.Events) != len(b.Events) || len(a.OptOuts) != len(b.OptOuts) {
		t.Fatalf("Generate(7, 2000) sizes differ between calls: %d/%d vs %d/%d", len(a.Events), len(a.OptOuts), len(b.Events), len(b.OptOuts))
	}
	for i := range a.Events {
		if !bytes.Equal(a.Events[i].Value, b.Events[i].Value) || !bytes.Equal(a.Events[i].Key, b.Events[i].Key) {
			t.Fatalf("Generate(7, 2000) event %d differs between calls", i)
		}
	}
}

// TestGenerateCoversTheDemo checks the stream has what the demo promises:
// every channel and event type, the HIPAA tenant's decisions, opt-outs with
// a tombstone, and the malformed records it counts.
func TestGenerateCoversTheDemo(t *testing.T) {
	s := Generate(1, 5000, testTopics)
	channels, types, tenants := map[string]bool{}, map[string]bool{}, map[string]bool{}
	bad := 0
	known := map[string]bool{"message": true, "decision": true, "feedback": true, "usage": true}
	for _, r := range s.Events {
		var ev struct {
			Type     string `json:"type"`
			Channel  string `json:"channel"`
			TenantID string `json:"tenant_id"`
		}
		if err := json.Unmarshal(r.Value, &ev); err != nil || !known[ev.Type] {
			bad++
			continue
		}
		types[ev.Type], tenants[ev.TenantID] = true, true
		if ev.Channel != "" {
			channels[ev.Channel] = true
		}
	}
	tombstones := 0
	for _, r := range s.OptOuts {
		if r.Value == nil {
			tombstones++
		}
	}
	got := map[string]any{
		"channels": len(channels), "types": len(types), "tenants": len(tenants),
		"hipaa tenant": tenants[TenantClinic], "has tombstone": tombstones > 0, "unreadable counted": bad <= s.Malformed && s.Malformed > 0,
	}
	want := map[string]any{
		"channels": 8, "types": 4, "tenants": 5, // acme, globex, clinic, shopco, umbrella
		"hipaa tenant": true, "has tombstone": true, "unreadable counted": true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Generate(1, 5000) coverage mismatch (-want +got):\n%s", diff)
	}
}
