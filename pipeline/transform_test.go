package pipeline

import (
	"strings"
	"testing"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/events"
)

// TestDecisionVoiceTurnsSpoken checks that a voice conversation's decision
// context is scanned as a transcript, as its messages are.
func TestDecisionVoiceTurnsSpoken(t *testing.T) {
	spokenOnly := detectors.Detector{
		Name: "test-spoken", Kind: detectors.KindPhone, Trigger: detectors.Trigger{Keywords: []string{"five"}},
		Find: func(dst []detectors.Finding, in detectors.Input, tok detectors.Token) ([]detectors.Finding, int) {
			if in.Spoken {
				dst = append(dst, detectors.Finding{Kind: detectors.KindPhone, Start: tok.Start, End: tok.End, Confidence: 0.9, Rule: "test-spoken"})
			}
			return dst, tok.End
		},
	}
	a := newTestAnonymizer(t, []detectors.Detector{spokenOnly}, nil)
	tests := []struct {
		give string
		want string
	}{
		{give: "voice", want: "<PHONE_"},
		{give: "chat", want: "five"},
		{give: "", want: "five"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			w := newWorker(nil)
			ev := events.Event{Type: events.TypeDecision, TenantID: "acme", EventID: "e-1", ConversationID: "c-1", TS: testAt,
				Channel: tt.give, Context: []events.Turn{{Role: "user", Text: "five"}}}
			row, err := w.decision(&ev, &tenantPolicy{decisions: true, anon: a}, events.Lineage{}, &counts{})
			if err != nil {
				t.Fatalf("decision() error = %v", err)
			}
			if got := row.Context[0].Text; !strings.HasPrefix(got, tt.want) {
				t.Errorf("decision() on channel %q: turn = %q, want %s…", tt.give, got, tt.want)
			}
		})
	}
}
