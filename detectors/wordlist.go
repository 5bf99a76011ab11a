package detectors

import (
	"strings"

	"github.com/cespare/xxhash/v2"
)

// wordList is a set of lower-case words with a filter in front of it: most
// words a detector asks about are not in its list, and the filter (by first
// byte and length) answers those without hashing.
type wordList struct {
	lens  [256]uint64 // lens[b] has bit n set when a word of length n starts with b
	words map[string]struct{}
}

// newWordList builds a wordList from white-space separated lower-case words.
func newWordList(words string) wordList {
	l := wordList{words: map[string]struct{}{}}
	for _, w := range strings.Fields(words) {
		l.add(w)
	}
	return l
}

func (l *wordList) add(w string) {
	if len(w) < 64 {
		l.lens[w[0]] |= 1 << len(w)
	}
	l.words[w] = struct{}{}
}

// has reports whether the folded word w is in the list.
func (l *wordList) has(w []byte) bool {
	if len(w) == 0 || len(w) >= 64 || l.lens[w[0]]&(1<<len(w)) == 0 {
		return false
	}
	_, ok := l.words[string(w)]
	return ok
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
