package detectors

// Helpers for detectors that read the tokens around the one that woke them.

// nextToken returns the bounds of the first token at or after i, or (n, n)
// when there is none.
func nextToken(text []byte, i int) (int, int) {
	for i < len(text) && byteClass[text[i]] == classSpace {
		i++
	}
	s := i
	for i < len(text) && byteClass[text[i]] != classSpace {
		i++
	}
	return s, i
}

// prevToken returns the bounds of the last token ending at or before i, or
// (0, 0) when there is none.
func prevToken(text []byte, i int) (int, int) {
	for i > 0 && byteClass[text[i-1]] == classSpace {
		i--
	}
	e := i
	for i > 0 && byteClass[text[i-1]] != classSpace {
		i--
	}
	return i, e
}

// trimWord strips the punctuation around the token text[s:e] (quotes,
// brackets, commas, sentence ends) and reports whether the token ended a
// sentence or clause ('.', '!', '?', ';', ':'), after which a number or an
// address does not continue.
func trimWord(text []byte, s, e int) (ws, we int, stop bool) {
	for s < e && trimmable[text[s]] {
		s++
	}
	for e > s && trimmable[text[e-1]] {
		switch text[e-1] {
		case '.', '!', '?', ';', ':':
			stop = true
		}
		e--
	}
	return s, e, stop
}

// isTrimmable reports whether b is punctuation trimWord strips.
func isTrimmable(b byte) bool { return trimmable[b] }

// trimmable marks the bytes isTrimmable accepts: one load where a switch
// over eighteen bytes compiles to a chain of compares, on a path every
// word-reading detector takes for every word it reads. Built once,
// read-only.
var trimmable = func() (t [256]bool) {
	for _, b := range []byte(".,;:!?\"'()[]{}<>*`") {
		t[b] = true
	}
	return t
}()

// foldWord appends w to dst with ASCII letters lower-cased and the upper-case
// accented letters of the configured languages folded; it fails when w does
// not fit in dst's capacity, so callers pass a stack buffer.
func foldWord(dst, w []byte) ([]byte, bool) {
	if len(w) > cap(dst)-len(dst) {
		return dst, false
	}
	// Copy, then fold in place: most words need few changes, and a copy
	// and a read of each byte cost less than an append of each.
	n := len(dst)
	dst = append(dst, w...)
	f := dst[n:]
	for i := 0; i < len(f); i++ {
		switch b := f[i]; {
		case b-'A' < 26:
			f[i] = b + ('a' - 'A')
		case b == 0xc3 && i+1 < len(f) && f[i+1] >= 0x80 && f[i+1] <= 0x9e && f[i+1] != 0x97:
			// U+00C0..U+00DE (À..Þ but ×): lower case is +0x20 in the
			// second byte.
			f[i+1] += 0x20
			i++
		}
	}
	return dst, true
}

// isDigits reports whether b is non-empty and all ASCII digits.
func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// hasCue reports whether one of cues (lower-case) occurs as a word within
// window bytes before pos, case-insensitively. A cue may open a German or
// Dutch compound with "number" ("Personalausweisnummer", "paspoortnummer").
func hasCue(text []byte, pos, window int, cues []string) bool {
	from := max(0, pos-window)
	var buf [256]byte
	lower, ok := foldWord(buf[:0], text[from:pos])
	if !ok {
		return false
	}
	for _, c := range cues {
		for i := 0; i+len(c) <= len(lower); i++ {
			if string(lower[i:i+len(c)]) == c &&
				(i == 0 || byteClass[lower[i-1]]&ClassAlnum == 0) &&
				(i+len(c) == len(lower) || byteClass[lower[i+len(c)]]&ClassAlnum == 0 || compoundTail(lower[i+len(c):])) {
				return true
			}
		}
	}
	return false
}

// compoundTail reports whether rest, the bytes after a cue inside a word,
// makes it a compound with "number": "nummer", "snummer", "-nr" …
func compoundTail(rest []byte) bool {
	e := 0
	for e < len(rest) && (byteClass[rest[e]]&ClassAlnum != 0 || rest[e] == '-') {
		e++
	}
	switch string(rest[:e]) {
	case "nummer", "snummer", "-nummer", "nr", "-nr", "number", "-number", "nummern":
		return true
	}
	return false
}
