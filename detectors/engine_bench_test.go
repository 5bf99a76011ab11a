package detectors

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// corpusPath is the sample written by bench/corpus (regenerate with
// go test ./bench/corpus -run TestSampleFile -update).
var corpusPath = filepath.Join("..", "testdata", "corpus", "conversations.jsonl")

func BenchmarkScan_256(b *testing.B) { benchScan(b, chatText(b, 256, false)) }
func BenchmarkScan_4K(b *testing.B)  { benchScan(b, chatText(b, 4<<10, false)) }
func BenchmarkScan_64K(b *testing.B) { benchScan(b, chatText(b, 64<<10, false)) }

// BenchmarkScanNoFindings scans conversation turns without planted PII (hard
// negatives such as prices, versions and UUIDs stay): the common case, which
// must not allocate. A findings/op above zero means false positives.
func BenchmarkScanNoFindings(b *testing.B) { benchScan(b, chatText(b, 4<<10, true)) }

func benchScan(b *testing.B, text []byte) {
	e, err := NewDefault()
	if err != nil {
		b.Fatal(err)
	}
	var dst []Finding
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
	b.ReportMetric(float64(len(dst)), "findings/op")
}

// chatText returns the first n bytes of the sample corpus's turns, joined by
// newlines; with clean, only turns without planted PII. It fails b if the
// sample holds fewer bytes.
func chatText(b *testing.B, n int, clean bool) []byte {
	b.Helper()
	data, err := os.ReadFile(corpusPath)
	if err != nil {
		b.Fatalf("read corpus sample: %v", err)
	}
	var buf []byte
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		if len(line) == 0 || len(buf) >= n {
			continue
		}
		var m struct {
			Text  string            `json:"text"`
			Spans []json.RawMessage `json:"spans"`
		}
		if err := json.Unmarshal(line, &m); err != nil {
			b.Fatalf("parse corpus sample: %v", err)
		}
		if clean && len(m.Spans) > 0 {
			continue
		}
		buf = append(buf, m.Text...)
		buf = append(buf, '\n')
	}
	if len(buf) < n {
		b.Fatalf("corpus sample has %d bytes of text, want %d", len(buf), n)
	}
	return buf[:n]
}
