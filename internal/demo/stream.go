// Package demo generates the synthetic event stream of `convanon demo` and
// of the pipeline's integration tests: conversations from the seeded corpus
// generator (bench/corpus: several languages, every channel, voice
// transcripts with spoken numbers, planted identifiers) wrapped into the
// data contract's events over several tenants, with decisions, feedback,
// usage, opt-outs (and a tombstone) and a few malformed records.
//
// Every identifier is synthetic (example.com, 555 numbers, documentation IP
// ranges). demo imports bench/corpus and internal/config only.
package demo

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/convanon/convanon/bench/corpus"
	"github.com/convanon/convanon/internal/config"
)

// Record is one Kafka record to produce. A nil Value is a tombstone.
type Record struct {
	Topic string
	Key   []byte
	Value []byte
}

// Topics names the topics the stream is produced to.
type Topics struct{ Conversations, Feedback, OptOuts string }

// Stream is a generated stream. OptOuts must be produced before Events, so
// that opt-outs are in force when the pipeline processes the events.
type Stream struct {
	OptOuts []Record
	Events  []Record
	// Malformed is the number of records in Events that must become dead
	// letters.
	Malformed int
}

// The demo's tenants. clinic is a HIPAA tenant (no decisions); umbrella has
// opted out of training as a whole; shopco keeps no voice transcripts.
const (
	TenantAcme     = "acme"
	TenantGlobex   = "globex"
	TenantClinic   = "clinic"
	TenantShopco   = "shopco"
	TenantUmbrella = "umbrella"
)

var tenantIDs = []string{TenantAcme, TenantGlobex, TenantClinic, TenantShopco, TenantUmbrella}

// Tenants returns the demo's tenant policies, as a configuration holds them.
func Tenants() map[string]config.Tenant {
	return map[string]config.Tenant{
		TenantClinic: {HIPAA: true},
		TenantShopco: {Channels: []string{"chat", "sms", "whatsapp", "webchat", "messenger", "slack", "email"}},
		TenantAcme:   {Actions: map[string]string{"CREDIT_CARD": "mask"}},
	}
}

// CandidateMarker starts every candidate response text, so tests can check
// that none reaches the output.
const CandidateMarker = "CANDIDATE-RESPONSE-"

// Users opted out: user numbers divisible by optOutEvery have training off,
// by noDecisionsEvery have decisions off; user restoredUser opted out and
// then withdrew it with a tombstone.
const (
	optOutEvery      = 13
	noDecisionsEvery = 17
	restoredUser     = 26
	numUsers         = 400
)

// UserID returns the id of user number n.
func UserID(n int) string { return fmt.Sprintf("u-%04d", n) }

// Generate returns a stream of about n events (conversations and feedback
// topics, malformed records included) from seed.
func Generate(seed uint64, n int, t Topics) Stream {
	r := rand.New(rand.NewPCG(seed, 0x64656d6f))
	var s Stream
	optOut := func(key string, v any) {
		var b []byte
		if v != nil {
			b, _ = json.Marshal(v)
		}
		s.OptOuts = append(s.OptOuts, Record{Topic: t.OptOuts, Key: []byte(key), Value: b})
	}
	optOut("tenant:"+TenantUmbrella, map[string]any{"training": false, "decisions": false, "ts": "2026-11-01T00:00:00Z"})
	for u := 1; u < numUsers; u++ {
		switch {
		case u%optOutEvery == 0:
			optOut("user:"+UserID(u), map[string]any{"training": false, "ts": "2026-11-01T00:00:00Z"})
		case u%noDecisionsEvery == 0:
			optOut("user:"+UserID(u), map[string]any{"decisions": false, "ts": "2026-11-01T00:00:00Z"})
		}
	}
	optOut("user:"+UserID(restoredUser), nil) // u-0026 (13×2) withdrew its opt-out

	msgs := corpus.Generate(seed, n*3/4)
	base := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	ev := 0
	ts := func() string { return base.Add(time.Duration(ev) * 2 * time.Second).Format(time.RFC3339) }
	add := func(topic, key string, v map[string]any) {
		ev++
		v["event_id"] = fmt.Sprintf("e-%07d", ev)
		v["ts"] = ts()
		b, err := json.Marshal(v)
		if err != nil {
			panic("BUG: demo event does not marshal: " + err.Error())
		}
		s.Events = append(s.Events, Record{Topic: topic, Key: []byte(key), Value: b})
	}
	models := []string{"model-a", "model-b", "model-c"}
	malformedEvery := max(n/6, 1)
	for i := 0; i < len(msgs) && len(s.Events) < n; {
		conv := msgs[i].ConversationID
		tenant := tenantIDs[r.IntN(len(tenantIDs))]
		user := UserID(1 + r.IntN(numUsers-1))
		channel := msgs[i].Channel
		switch r.IntN(10) { // the corpus has no bot channels: move some chats there
		case 0:
			if channel == "chat" {
				channel = "slack"
			}
		case 1:
			if channel == "chat" {
				channel = "messenger"
			}
		}
		var turns []map[string]any
		for ; i < len(msgs) && msgs[i].ConversationID == conv; i++ {
			m := msgs[i]
			v := map[string]any{
				"type": "message", "tenant_id": tenant, "user_id": user, "conversation_id": conv,
				"channel": channel, "role": m.Role, "text": m.Text,
			}
			if r.IntN(10) < 7 { // the hint is optional; the pipeline detects the rest
				v["lang"] = m.Lang
			}
			if m.Role == "user" && r.IntN(2) == 0 {
				v["metadata"] = map[string]any{
					"ip":         fmt.Sprintf("2001:db8:cafe::%x", 1+r.IntN(0xfffe)),
					"user_agent": "Mozilla/5.0 (X11; Linux x86_64) DemoBrowser/1.0",
					"device_id":  fmt.Sprintf("dev-%08x", r.Uint32()),
					"app":        "support-widget",
				}
			}
			add(t.Conversations, conv, v)
			turns = append(turns, map[string]any{"role": m.Role, "text": m.Text})
			if m.Role == "assistant" && r.IntN(2) == 0 {
				add(t.Conversations, conv, map[string]any{
					"type": "usage", "tenant_id": tenant, "user_id": user, "conversation_id": conv,
					"channel": channel, "lang": m.Lang, "model": models[r.IntN(len(models))],
					"input_tokens": 20 + r.IntN(400), "output_tokens": 20 + r.IntN(600),
					"input_chars": 80 + r.IntN(1600), "output_chars": 80 + r.IntN(2400), "latency_ms": 150 + r.IntN(3000),
				})
			}
			if len(s.Events)%malformedEvery == 0 {
				s.Events = append(s.Events, Record{Topic: t.Conversations, Key: []byte(conv), Value: malformed(s.Malformed)})
				s.Malformed++
			}
		}
		if len(turns) >= 2 && r.IntN(4) == 0 {
			a, b := models[0], models[1+r.IntN(2)]
			choice := []string{a, b, "tie", "none"}[r.IntN(4)]
			add(t.Conversations, conv, map[string]any{
				"type": "decision", "tenant_id": tenant, "user_id": user, "conversation_id": conv,
				"context": turns[max(0, len(turns)-4):], "lang": msgs[i-1].Lang,
				"candidates": []map[string]any{
					{"model": a, "text": fmt.Sprintf("%s%d-A Sure, I can help with that.", CandidateMarker, ev)},
					{"model": b, "text": fmt.Sprintf("%s%d-B Of course! Here is what to do.", CandidateMarker, ev)},
				},
				"choice": choice,
			})
		}
		if r.IntN(3) == 0 {
			add(t.Feedback, conv, map[string]any{
				"type": "feedback", "tenant_id": tenant, "user_id": user, "conversation_id": conv,
				"message_id": fmt.Sprintf("%s-%02d", conv, 1), "model": models[r.IntN(len(models))],
				"rating": []string{"up", "down"}[r.IntN(2)], "channel": channel, "lang": msgs[i-1].Lang,
			})
		}
	}
	for s.Malformed < 5 {
		s.Events = append(s.Events, Record{Topic: t.Conversations, Key: []byte("bad"), Value: malformed(s.Malformed)})
		s.Malformed++
	}
	return s
}

// malformed returns the i-th kind of broken record, cycling through bad
// JSON, invalid UTF-8, an unknown type, a field of the wrong type and a
// missing field.
func malformed(i int) []byte {
	switch i % 5 {
	case 0:
		return []byte(`{"type":"message","event_id":"e-bad","tenant_id":"acme"`)
	case 1:
		return []byte("{\"type\":\"message\",\"event_id\":\"e-bad\",\"tenant_id\":\"acme\",\"user_id\":\"u-0001\",\"conversation_id\":\"c-bad\",\"channel\":\"chat\",\"role\":\"user\",\"ts\":\"2026-11-20T08:00:00Z\",\"text\":\"caf\xe9 \xff\"}")
	case 2:
		return []byte(`{"type":"reaction","event_id":"e-bad","tenant_id":"acme","ts":"2026-11-20T08:00:00Z","emoji":"+1"}`)
	case 3:
		return []byte(`{"type":"message","event_id":42,"tenant_id":"acme","user_id":"u-0001","conversation_id":"c-bad","channel":"chat","role":"user","ts":"2026-11-20T08:00:00Z","text":"hi"}`)
	default:
		return []byte(`{"type":"message","event_id":"e-bad","tenant_id":"acme","user_id":"u-0001","channel":"chat","role":"user","text":"no time"}`)
	}
}
