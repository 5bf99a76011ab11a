package pipeline

import (
	"bytes"
	"math/bits"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/convanon/convanon/detectors"
)

// scanMemo remembers what the engine found in texts scanned recently, so a
// text seen again costs a hash and a comparison instead of a scan. Texts
// do recur: a decision's context turns are the conversation's latest
// messages, scanned moments before as message events, and short answers
// and canned replies repeat across conversations. In the demo stream the
// memo answers four context turns in five and some message texts, a
// sixth of the scans in all.
//
// The engine's findings depend only on the Input (text, language, spoken),
// so a remembered answer is the answer; the replacements, which depend on
// tenant and key, are made afresh every time.
//
// It is a direct-mapped table of memoSlots slots, each owning its buffers:
// a text replaces the slot's previous one, so the memo allocates nothing
// once its slots have grown, and a text that was not asked again soon is
// forgotten. The memo holds raw texts in memory, like the record buffers
// they come from: never logged, texts of at most memoSlots × maxMemoText bytes. One
// per partition goroutine; not shared.
type scanMemo struct {
	eng   *detectors.Engine
	slots []memoSlot
	// hits and misses count lookups, for tests and tuning.
	hits, misses int
}

// memoSlot holds one remembered scan: its input and findings, with the
// findings' values copied into vals.
type memoSlot struct {
	hash   uint64
	used   bool
	lang   string // a language code, copied: the input's may share a record's buffer
	spoken bool
	text   []byte
	found  []detectors.Finding
	vals   []byte
}

const (
	// memoSlots is the number of texts remembered, a power of two: a few
	// thousand turns of a partition, enough for a decision to find the
	// turns before it.
	memoSlots = 4096
	// maxMemoText is the longest text remembered: long texts rarely recur
	// whole, and it bounds the memo's memory.
	maxMemoText = 1 << 10
)

// memoSlotText is the text capacity each slot starts with, carved out of
// one allocation: most turns are shorter, so warming a memo up costs one
// allocation instead of one per slot.
const memoSlotText = 256

func newScanMemo(eng *detectors.Engine) *scanMemo {
	mm := &scanMemo{eng: eng, slots: make([]memoSlot, memoSlots)}
	texts := make([]byte, memoSlots*memoSlotText)
	for i := range mm.slots {
		mm.slots[i].text = texts[i*memoSlotText : i*memoSlotText : (i+1)*memoSlotText]
	}
	return mm
}

// scan appends the engine's findings in in.Text to dst, from the memo when
// the same input was scanned recently. Values of the findings returned may
// point into the memo: they stay valid until the next scan, and must not
// be written to.
func (mm *scanMemo) scan(dst []detectors.Finding, in detectors.Input) []detectors.Finding {
	if len(in.Text) > maxMemoText {
		return mm.eng.ScanInput(dst, in)
	}
	// The language and spoken flag pick the slot too, so one text scanned
	// both ways keeps both answers.
	h := xxhash.Sum64(in.Text) ^ bits.RotateLeft64(xxhash.Sum64String(in.Lang), 17)
	if in.Spoken {
		h = ^h
	}
	s := &mm.slots[h&(memoSlots-1)]
	if s.used && s.hash == h && s.spoken == in.Spoken && s.lang == in.Lang && bytes.Equal(s.text, in.Text) {
		mm.hits++
		return append(dst, s.found...)
	}
	mm.misses++
	start := len(dst)
	dst = mm.eng.ScanInput(dst, in)
	s.remember(h, in, dst[start:])
	return dst
}

// remember makes the slot hold found as the answer for in, copying the
// text and the findings' values out of the caller's buffers.
func (s *memoSlot) remember(h uint64, in detectors.Input, found []detectors.Finding) {
	s.hash, s.used, s.spoken = h, true, in.Spoken
	if s.lang != in.Lang {
		// The language may share a record's buffer: copied only when it
		// changes, which for a slot is rare.
		s.lang = strings.Clone(in.Lang)
	}
	s.text = append(s.text[:0], in.Text...)
	s.found = append(s.found[:0], found...)
	n := 0
	for _, f := range found {
		n += len(f.Value)
	}
	// Sized first, so the values' slices stay valid while vals fills.
	s.vals = s.vals[:0]
	if cap(s.vals) < n {
		s.vals = make([]byte, 0, n)
	}
	for i := range s.found {
		if v := s.found[i].Value; v != nil {
			start := len(s.vals)
			s.vals = append(s.vals, v...)
			s.found[i].Value = s.vals[start:len(s.vals):len(s.vals)]
		}
	}
}
