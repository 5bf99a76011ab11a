package detectors

import "strings"

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
