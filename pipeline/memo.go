package pipeline

import (
	"slices"
	"unsafe"

	"github.com/convanon/convanon/detectors"
)

// scanMemo remembers what the engine found in texts scanned recently, so a
// text seen again costs a map lookup instead of a scan. Texts do recur: a
// decision's context turns are the conversation's latest messages, scanned
// moments before as message events, and short answers and canned replies
// repeat across conversations. In the demo stream the memo answers every
// context turn and about a fifth of the message texts.
//
// The engine's findings depend only on the Input (text, language, spoken),
// so a remembered answer is the answer; the replacements, which depend on
// tenant and key, are made afresh every time. The memo holds raw texts in
// memory, like the record buffers they come from: never logged, and
// bounded by maxMemoBytes. One per partition goroutine; not shared.
type scanMemo struct {
	eng *detectors.Engine
	m   map[memoKey][]detectors.Finding
	// chunk holds the keys' texts and the findings' values, one allocation
	// per chunk rather than one per text.
	chunk []byte
	bytes int // held by the entries, with memoEntryBytes of overhead each
	langs interner
	// hits and misses count lookups, for tests and tuning.
	hits, misses int
}

// memoKey is what a scan depends on. text shares the memo's chunk.
type memoKey struct {
	text   string
	lang   string
	spoken bool
}

const (
	// maxMemoBytes bounds a memo's texts, values and entries; it is
	// cleared when full, which only costs scans. 1 MiB holds the last few
	// thousand turns of a partition.
	maxMemoBytes = 1 << 20
	// maxMemoText is the longest text remembered: long texts rarely recur
	// whole, and would push out many short ones.
	maxMemoText = 4 << 10
	// memoEntryBytes is a rough size of an entry's map slot and headers.
	memoEntryBytes = 96
	memoChunk      = 64 << 10
)

func newScanMemo(eng *detectors.Engine) *scanMemo {
	return &scanMemo{eng: eng, m: map[memoKey][]detectors.Finding{}, langs: interner{}}
}

// scan appends the engine's findings in in.Text to dst, from the memo when
// the same input was scanned since the memo was last cleared. Values of the
// findings returned may point into the memo: they stay valid, and must not
// be written to.
func (mm *scanMemo) scan(dst []detectors.Finding, in detectors.Input) []detectors.Finding {
	if len(in.Text) > maxMemoText {
		return mm.eng.ScanInput(dst, in)
	}
	// The lookup key aliases in.Text; only a stored key is copied.
	k := memoKey{text: unsafe.String(unsafe.SliceData(in.Text), len(in.Text)), lang: in.Lang, spoken: in.Spoken}
	if found, ok := mm.m[k]; ok {
		mm.hits++
		return append(dst, found...)
	}
	mm.misses++
	start := len(dst)
	dst = mm.eng.ScanInput(dst, in)
	mm.remember(k, in.Text, dst[start:])
	return dst
}

// remember stores found as the answer for k, copying the text and the
// findings' values out of the caller's buffers.
func (mm *scanMemo) remember(k memoKey, text []byte, found []detectors.Finding) {
	size := len(text) + memoEntryBytes
	for _, f := range found {
		size += len(f.Value) + int(unsafe.Sizeof(f))
	}
	if mm.bytes+size > maxMemoBytes {
		clear(mm.m)
		mm.bytes = 0
		mm.chunk = nil // the old chunks go once no row refers to them
	}
	mm.bytes += size
	t := mm.copy(text)
	k.text = unsafe.String(unsafe.SliceData(t), len(t))
	k.lang = mm.langs.get(k.lang)
	var kept []detectors.Finding
	if len(found) > 0 {
		kept = slices.Clone(found)
		for i := range kept {
			if kept[i].Value != nil {
				kept[i].Value = mm.copy(kept[i].Value)
			}
		}
	}
	mm.m[k] = kept
}

// copy returns a copy of b in the memo's chunk, capped at its length.
func (mm *scanMemo) copy(b []byte) []byte {
	if len(b) > cap(mm.chunk)-len(mm.chunk) {
		mm.chunk = make([]byte, 0, max(memoChunk, len(b)))
	}
	start := len(mm.chunk)
	mm.chunk = append(mm.chunk, b...)
	return mm.chunk[start:len(mm.chunk):len(mm.chunk)]
}
