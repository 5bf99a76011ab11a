package detectors

import (
	"encoding/binary"
	"iter"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// wordMap maps lower-case words to values with a filter in front of it:
// most words a detector asks about are not in its map, and the filter (by
// first and last byte and length) answers those without hashing. The rest
// take one short hash and a probe of an open-addressing table; the word is
// compared in full, so a hash collision never answers yes.
type wordMap[V any] struct {
	lens  [256]uint64 // lens[b] has bit n set when a word of length n starts with b
	lasts [256]uint64 // lasts[b] has bit n set when a word of length n ends with b
	slots []wordSlot[V]
	n     int // words held
}

type wordSlot[V any] struct {
	h    uint64
	w    string
	v    V
	used bool
}

// set maps w to v.
func (m *wordMap[V]) set(w string, v V) {
	if 2*(m.n+1) > len(m.slots) {
		m.grow()
	}
	if len(w) < 64 && len(w) > 0 {
		m.lens[w[0]] |= 1 << len(w)
		m.lasts[w[len(w)-1]] |= 1 << len(w)
	}
	h := wordHash([]byte(w))
	mask := uint64(len(m.slots) - 1)
	i := h & mask
	for m.slots[i].used && (m.slots[i].h != h || m.slots[i].w != w) {
		i = (i + 1) & mask
	}
	if !m.slots[i].used {
		m.n++
	}
	m.slots[i] = wordSlot[V]{h: h, w: w, v: v, used: true}
}

// grow doubles the table and places every word again.
func (m *wordMap[V]) grow() {
	old := m.slots
	m.slots = make([]wordSlot[V], max(16, 2*len(old)))
	mask := uint64(len(m.slots) - 1)
	for _, s := range old {
		if !s.used {
			continue
		}
		i := s.h & mask
		for m.slots[i].used {
			i = (i + 1) & mask
		}
		m.slots[i] = s
	}
}

// mayHave reports whether the word k may be in the map; false means it
// is not.
func (m *wordMap[V]) mayHave(k []byte) bool {
	return len(k) > 0 && len(k) < 64 && m.lens[k[0]]&m.lasts[k[len(k)-1]]&(1<<len(k)) != 0
}

// get returns the value of the word k.
func (m *wordMap[V]) get(k []byte) (V, bool) {
	if !m.mayHave(k) {
		var zero V
		return zero, false
	}
	h := wordHash(k)
	mask := uint64(len(m.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &m.slots[i]
		if !s.used {
			var zero V
			return zero, false
		}
		if s.h == h && s.w == string(k) {
			return s.v, true
		}
	}
}

// has reports whether the word k is in the map.
func (m *wordMap[V]) has(k []byte) bool {
	_, ok := m.get(k)
	return ok
}

// all yields every word and its value, in no order.
func (m *wordMap[V]) all() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, s := range m.slots {
			if s.used && !yield(s.w, s.v) {
				return
			}
		}
	}
}

// wordHash is a short multiply-and-mix hash for words of a few bytes:
// cheaper than a general hash call, and good enough for a table that
// compares the word after the hash.
func wordHash(k []byte) uint64 {
	h := uint64(len(k)) * 0x9e3779b97f4a7c15
	for len(k) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(k)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		k = k[8:]
	}
	var t uint64
	for i, c := range k {
		t |= uint64(c) << (8 * i)
	}
	h = (h ^ t) * 0x94d049bb133111eb
	return h ^ h>>29
}

// wordList is a set of lower-case words: a wordMap without values.
type wordList struct {
	wordMap[struct{}]
}

// newWordList builds a wordList from white-space separated lower-case words.
func newWordList(words string) wordList {
	var l wordList
	for _, w := range strings.Fields(words) {
		l.add(w)
	}
	return l
}

func (l *wordList) add(w string) {
	l.set(w, struct{}{})
}

// wordMapOf copies a Go map into a wordMap, for lookups by byte slices on
// hot paths.
func wordMapOf[V any](src map[string]V) wordMap[V] {
	var m wordMap[V]
	for w, v := range src {
		m.set(w, v)
	}
	return m
}

// foldIndex maps folded words, by their xxhash, to small integers: cue
// groups, word roles. Callers hash a word once and ask every index they
// need; most words of a text fail the byte filter in front and are never
// hashed. No strings are hashed or compared on the lookup path.
type foldIndex struct {
	lens  [256]uint64 // lens[b] has bit n set when a word of length n starts with b
	lasts [256]uint64 // lasts[b] has bit n set when a word of length n ends with b
	slots []foldSlot  // open addressing on the hash; v == 0 marks a free slot
	mask  uint64
}

type foldSlot struct {
	h uint64
	v uint32 // the value plus one
}

// newFoldIndex builds an index of the given folded words to their values.
func newFoldIndex(words map[string]uint32) foldIndex {
	size := 8
	for size < 2*len(words) {
		size *= 2
	}
	x := foldIndex{slots: make([]foldSlot, size), mask: uint64(size - 1)}
	for w, v := range words {
		if len(w) < 64 {
			x.lens[w[0]] |= 1 << len(w)
			x.lasts[w[len(w)-1]] |= 1 << len(w)
		}
		h := xxhash.Sum64String(w)
		i := h & x.mask
		for x.slots[i].v != 0 && x.slots[i].h != h {
			i = (i + 1) & x.mask
		}
		x.slots[i] = foldSlot{h: h, v: v + 1}
	}
	return x
}

// mayHave reports whether the folded word k may be in the index; false
// means it is not.
func (x *foldIndex) mayHave(k []byte) bool {
	return len(k) > 0 && len(k) < 64 && x.lens[k[0]]&x.lasts[k[len(k)-1]]&(1<<len(k)) != 0
}

// get returns the value of the word whose hash is h.
func (x *foldIndex) get(h uint64) (uint32, bool) {
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.v == 0 {
			return 0, false
		}
		if s.h == h {
			return s.v - 1, true
		}
	}
}

// lookup returns the value of the folded word k.
func (x *foldIndex) lookup(k []byte) (uint32, bool) {
	if !x.mayHave(k) {
		return 0, false
	}
	return x.get(xxhash.Sum64(k))
}

// foldSetOf returns an index holding the folded forms of words, each with
// value 0: a set.
func foldSetOf(words ...string) foldIndex {
	m := make(map[string]uint32, len(words))
	for _, w := range words {
		f, _ := foldAppend(nil, []byte(w))
		m[string(f)] = 0
	}
	return newFoldIndex(m)
}

// has reports whether the folded word k is in the set.
func (x *foldIndex) has(k []byte) bool {
	_, ok := x.lookup(k)
	return ok
}
