package detectors

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

// Word scanning shared by the PERSON and LOCATION detectors. A word is a run
// of letters with inner apostrophes and hyphens ("o'brien", "jean-pierre",
// "m'appelle"); everything else separates words.

// isLetterAt reports whether a letter starts at text[i], and its byte length.
func isLetterAt(text []byte, i int) (bool, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return c|0x20 >= 'a' && c|0x20 <= 'z', 1
	}
	r, n := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r), n
}

// isApostropheAt reports whether an apostrophe (' or ’) starts at text[i],
// and its byte length.
func isApostropheAt(text []byte, i int) (bool, int) {
	if text[i] == '\'' {
		return true, 1
	}
	if i+2 < len(text) && text[i] == 0xe2 && text[i+1] == 0x80 && text[i+2] == 0x99 {
		return true, 3
	}
	return false, 0
}

// wordAt returns the end of the word starting at the letter text[i].
func wordAt(text []byte, i int) int {
	for i < len(text) {
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			i++ // ASCII letters, most of them, without a call
			continue
		}
		if ok, n := isLetterAt(text, i); ok {
			i += n
			continue
		}
		// An apostrophe or hyphen inside a word, followed by a letter.
		j := i
		if ok, n := isApostropheAt(text, i); ok {
			j += n
		} else if text[i] == '-' {
			j++
		} else {
			break
		}
		if j >= len(text) {
			break
		}
		if ok, _ := isLetterAt(text, j); !ok {
			break
		}
		i = j
	}
	return i
}

// nextWord returns the bounds of the first word at or after i, or (-1, -1).
func nextWord(text []byte, i int) (int, int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && c != '\\' {
			// ASCII, most bytes, without a call.
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				return i, wordAt(text, i)
			}
			i++
			continue
		}
		if escapedBreak(text, i) {
			i += 2
			continue
		}
		if ok, n := isLetterAt(text, i); !ok {
			i += n
			continue
		}
		return i, wordAt(text, i)
	}
	return -1, -1
}

// Gaps between two words, from loosest to tightest.
const (
	gapOther = iota // digits, symbols or a sentence end
	gapBreak        // a comma, colon, dash or line break (a cue and its name)
	gapSpace        // spaces or tabs only (the words of one name)
)

// gapBetween classifies text[a:b], the bytes between two words.
func gapBetween(text []byte, a, b int) int {
	g := gapSpace
	for i := a; i < b; i++ {
		switch text[i] {
		case ' ', '\t':
		case ',', ':', '-', ';', '\n', '\r':
			g = gapBreak
		case '\\':
			if !escapedBreak(text, i) {
				return gapOther
			}
			g, i = gapBreak, i+1
		default:
			return gapOther
		}
	}
	return g
}

// isUpperAt reports whether the letter at text[i] is upper-case.
func isUpperAt(text []byte, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsUpper(r)
}

// sentenceStart reports whether the word at i opens a sentence: nothing but
// quotes or brackets before it since the text start or a . ! ? or line break.
func sentenceStart(text []byte, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case ' ', '\t', '"', '\'', '(', '[', '*', '>', '-':
			continue
		case '.', '!', '?', '\n', '\r', ':':
			return true
		case 'n', 'r':
			return j >= 1 && text[j-1] == '\\' // an escaped line break
		}
		return text[j] >= 0x80 && j >= 1 && (text[j-1] == 0xc2) // ¿ ¡ « opening a sentence
	}
	return true
}

// hasUpper reports whether text holds an ASCII upper-case letter.
func hasUpper(text []byte) bool {
	// Eight bytes at a time: a byte in 'A'..'Z' sets its high bit in
	// (x&0x7f…+0x7f-'@') &^ (x&0x7f…+0x7f-'Z') with x's own high bit clear.
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	for len(text) >= 8 {
		x := binary.LittleEndian.Uint64(text)
		y := x & lows
		if (y+ones*(0x7f-'@'))&^(y+ones*(0x7f-'Z'))&^x&highs != 0 {
			return true
		}
		text = text[8:]
	}
	for _, c := range text {
		if c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// trimPossessive returns the end of w without an English possessive "'s".
func trimPossessive(text []byte, ws, we int) int {
	if we-ws > 3 && (text[we-1] == 's' || text[we-1] == 'S') {
		if ok, n := isApostropheAt(text, we-1-1); ok && n == 1 {
			return we - 2
		}
		if we-ws > 5 && text[we-2] == 0x99 && text[we-3] == 0x80 && text[we-4] == 0xe2 {
			return we - 4
		}
	}
	return we
}

// prevWord returns the bounds of the last word that ends at or before i, or
// (-1, -1).
func prevWord(text []byte, i int) (int, int) {
	for i > 0 {
		if c := text[i-1]; c < utf8.RuneSelf {
			// ASCII, most bytes, without decoding.
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRune(text[:i])
		if unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	if i == 0 {
		return -1, -1
	}
	e, s := i, i
	for s > 0 {
		if c := text[s-1]; c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' || c == '\'' || c == '-' {
				s--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRune(text[:s])
		if !unicode.IsLetter(r) && r != '\'' && r != '-' && r != '’' {
			break
		}
		s -= n
	}
	for s < e {
		if ok, n := isLetterAt(text, s); ok {
			if s > 0 && escapedBreak(text, s-1) {
				s += n // "\nAnna": the n belongs to the escape
				continue
			}
			break
		}
		s++
	}
	if s >= e {
		return -1, -1
	}
	return s, e
}
