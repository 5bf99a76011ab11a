package events

import (
	"encoding/json"
	"testing"

	"github.com/convanon/convanon/internal/cputime"
)

func BenchmarkDecode(b *testing.B) {
	benchmarks := []struct {
		name string
		give string
	}{
		{name: "message", give: messageJSON},
		{name: "decision", give: decisionJSON},
		{name: "usage", give: usageJSON},
	}
	for _, dec := range decoders {
		for _, bm := range benchmarks {
			b.Run(dec.name+"/"+bm.name, func(b *testing.B) {
				rec := []byte(bm.give)
				b.SetBytes(int64(len(rec)))
				b.ReportAllocs()
				cpu0, _ := cputime.Process()
				for b.Loop() {
					if _, err := dec.decode(rec, 1<<20); err != nil {
						b.Fatal(err)
					}
				}
				cpu1, _ := cputime.Process()
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkDecodeEncodingJSON is the baseline Decode is measured against:
// encoding/json into an equivalent struct.
func BenchmarkDecodeEncodingJSON(b *testing.B) {
	rec := []byte(messageJSON)
	b.SetBytes(int64(len(rec)))
	b.ReportAllocs()
	cpu0, _ := cputime.Process()
	for b.Loop() {
		var v struct {
			Type           string          `json:"type"`
			EventID        string          `json:"event_id"`
			TenantID       string          `json:"tenant_id"`
			UserID         string          `json:"user_id"`
			ConversationID string          `json:"conversation_id"`
			Channel        string          `json:"channel"`
			Role           string          `json:"role"`
			TS             string          `json:"ts"`
			Text           string          `json:"text"`
			Lang           string          `json:"lang"`
			Metadata       json.RawMessage `json:"metadata"`
		}
		if err := json.Unmarshal(rec, &v); err != nil {
			b.Fatal(err)
		}
	}
	cpu1, _ := cputime.Process()
	b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
}
