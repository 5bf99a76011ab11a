package pipeline

import (
	"strings"
	"testing"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/events"
)

func TestAdmit(t *testing.T) {
	eng, err := detectors.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	pol, err := newPolicy(map[string]config.Tenant{
		"clinic":   {HIPAA: true},
		"research": {HIPAA: true, Decisions: &yes},
		"shop":     {Channels: []string{"chat"}},
	}, eng, testRing(t))
	if err != nil {
		t.Fatalf("newPolicy: %v", err)
	}
	oo := newOptOuts()
	oo.apply(events.OptOut{Kind: events.SubjectUser, ID: "u-out", Training: false, Decisions: true})
	oo.apply(events.OptOut{Kind: events.SubjectUser, ID: "u-nodec", Training: true, Decisions: false})
	oo.apply(events.OptOut{Kind: events.SubjectTenant, ID: "gone", Training: false, Decisions: false})
	oo.apply(events.OptOut{Kind: events.SubjectUser, ID: "u-back", Training: false})
	oo.apply(events.OptOut{Kind: events.SubjectUser, ID: "u-back", Tombstone: true, Training: true, Decisions: true})

	msg, dec, fb := events.TypeMessage, events.TypeDecision, events.TypeFeedback
	tests := []struct {
		name                  string
		typ                   events.Type
		tenant, user, channel string
		want                  verdict
	}{
		{"message kept", msg, "acme", "u-1", "chat", keep},
		{"decision kept", dec, "acme", "u-1", "", keep},
		{"user opted out: message", msg, "acme", "u-out", "chat", dropOptOut},
		{"user opted out: feedback too", fb, "acme", "u-out", "chat", dropOptOut},
		{"decisions opt-out keeps messages", msg, "acme", "u-nodec", "chat", keep},
		{"decisions opt-out drops decisions", dec, "acme", "u-nodec", "", dropOptOut},
		{"tenant opted out", msg, "gone", "u-1", "chat", dropOptOut},
		{"tombstone restores", msg, "acme", "u-back", "chat", keep},
		{"hipaa: no decisions", dec, "clinic", "u-1", "", dropPolicy},
		{"hipaa: messages kept", msg, "clinic", "u-1", "voice", keep},
		{"hipaa with decisions enabled", dec, "research", "u-1", "", keep},
		{"channel not kept", msg, "shop", "u-1", "voice", dropPolicy},
		{"channel kept", msg, "shop", "u-1", "chat", keep},
		{"no channel (usage) kept", events.TypeUsage, "shop", "u-1", "", keep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := events.Event{Type: tt.typ, TenantID: tt.tenant, UserID: tt.user, Channel: tt.channel}
			if got := admit(&ev, pol.tenant(tt.tenant), oo); got != tt.want {
				t.Errorf("admit(%s %s %s %s) = %d, want %d", tt.typ, tt.tenant, tt.user, tt.channel, got, tt.want)
			}
		})
	}
}

func TestNewPolicyReportsEveryBadAction(t *testing.T) {
	eng, err := detectors.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = newPolicy(map[string]config.Tenant{
		"a": {Actions: map[string]string{"CREDIT_CARD": "keep"}},
		"b": {Actions: map[string]string{"NOT_A_TYPE": "redact"}},
	}, eng, testRing(t))
	for _, want := range []string{"tenants.a.actions", "CREDIT_CARD", "tenants.b.actions", "NOT_A_TYPE"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("newPolicy(bad actions) = %v, want an error naming %s", err, want)
		}
	}
}
