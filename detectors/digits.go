package detectors

// This file holds what the numeric detectors (phone, card, ssn) share: a
// numRun gathers the digit groups of one number written with separators,
// across following tokens ("+1 415 555 0192"), and cue-word lookups before
// it. Everything works on the stack: a detector that finds nothing allocates
// nothing.

// maxRunDigits bounds the digits a numRun gathers. Cards have at most 19
// digits and phones 17 with a "00" prefix; stopping there keeps every call
// bounded, so a page of "1 1 1 1 …" cannot make the scan quadratic.
const maxRunDigits = 20

// maxRunGroups bounds the digit groups a numRun gathers, for the same reason.
const maxRunGroups = 8

// numRun is one number as written: digit groups joined by single separators,
// possibly continuing into the following tokens. Group g ends at gend[g]; the
// run may be cut after any group followed by a space (see cut), so a phone
// followed by "2 times" is still found.
type numRun struct {
	start int  // the leading '+' or '(' when part of the number, else the first digit
	lead  byte // '+' when the number starts with one, else 0
	paren bool // the first group is in parentheses: "(415) 555-0192"
	// clean is false when the byte before start glues the number to
	// something else: "v1.2", "$1,299", "#12345".
	clean bool
	// overflow is set when the run went on past maxRunDigits or maxRunGroups;
	// such a run is no identifier these detectors look for.
	overflow bool
	n        int // digits gathered
	ng       int // groups gathered
	digits   [maxRunDigits]byte
	groups   [maxRunGroups]uint8 // digits per group
	sep      [maxRunGroups]byte  // separator before group g (sep[0] is 0): ' ', '-', '.', '/', '(' or ')'
	spaced   [maxRunGroups]bool  // a space precedes group g: a token boundary, where the run may be cut
	gend     [maxRunGroups]int   // offset just past group g's last digit
}

// numCut is a prefix of a numRun ending after a group: the number a
// detector actually tests.
type numCut struct {
	r      *numRun
	ng, n  int // groups and digits in the prefix
	end    int // offset past its last digit
	spaced bool
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return b-'0' < 10 }

// isWordByte reports whether b is part of a word: a letter, digit or '_'.
func isWordByte(b byte) bool { return byteClass[b]&(ClassAlnum|ClassUnderscore) != 0 }

// countDigits returns how many digits start at text[i:].
func countDigits(text []byte, i int) int {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	return j - i
}

// identifierShapes are the token shapes that hold digits but none of the
// numbers the number detectors read: UUIDs, hashes and keys.
const identifierShapes = ShapeUUID | ShapeHex | ShapeKey

// nextNumber returns the offset of the first digit at or after i (and before
// end) that may start a number, or -1: the first digit of the text, or one
// after white space, opening punctuation (see okBefore) or '+'. Digits glued
// to a word or after '.', '-', '/', '$', '#' ("v1.2", "abc123", "$45",
// "#4521", the "15" of "2024-01-15") cannot, so one pass over the bytes
// rejects most digit-bearing tokens.
func nextNumber(text []byte, i, end int) int {
	for ; i < end; i++ {
		if isDigit(text[i]) && (i > 0 && text[i-1] == '+' || okBeforeAt(text, i)) {
			return i
		}
	}
	return -1
}

// okBefore reports whether b may precede a number: white space or opening
// punctuation. Currency signs, '#', '/', '.', '-' and letters may not.
func okBefore(b byte) bool {
	switch b {
	case '(', '[', '{', '"', '\'', '<', ':', '=', ';', ',', '*':
		return true
	}
	return byteClass[b] == classSpace
}

// okBeforeAt reports whether a number may start at text[i]: at the start of
// the text, after okBefore's bytes, or after an escaped line break or tab
// ("…Receivable\\n+31 20 …" in a log that kept JSON escapes).
func okBeforeAt(text []byte, i int) bool {
	return i == 0 || okBefore(text[i-1]) || escapedBreak(text, i-2)
}

// escapedBreak reports whether text[i:] starts with a backslash escape of a
// line break or tab: \n, \r or \t written out as two bytes.
func escapedBreak(text []byte, i int) bool {
	if i < 0 || i+1 >= len(text) || text[i] != '\\' {
		return false
	}
	switch text[i+1] {
	case 'n', 'r', 't':
		return true
	}
	return false
}

// boundaryAfter reports whether the number ending at text[i] stands alone:
// the text ends or white space follows, possibly after closing punctuation
// ("… 0192).", "…6789,"). "1.299,00", "10:30", "10am" and "42%" fail.
func boundaryAfter(text []byte, i int) bool {
	for ; i < len(text); i++ {
		switch c := text[i]; c {
		case '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '>':
			continue
		default:
			return byteClass[c] == classSpace || escapedBreak(text, i)
		}
	}
	return true
}

// numericToken reports whether the token starting at text[i] is made of
// digits and number separators only and stands alone, so that a run may go
// on into it: "555-0192" yes, "pm", "10:30" and "10am" no.
func numericToken(text []byte, i int) bool {
	for ; i < len(text); i++ {
		c := text[i]
		switch {
		case isDigit(c), c == '-', c == '.', c == '/', c == '(', c == ')':
		default:
			return boundaryAfter(text, i)
		}
	}
	return true
}

// continues reports whether the digit group ending at text[j] goes on into
// another group: a separator followed by a digit ("415-555", "20 7946",
// "(415) 555"). Detectors call it before scanRun to drop "2 pm", "3 items"
// and "14 Uhr" without building a run.
func continues(text []byte, j int) bool {
	if j+1 >= len(text) {
		return false
	}
	switch text[j] {
	case ' ', '-', '.', '/', '(', ')':
		n := text[j+1]
		return isDigit(n) || n == '(' || n == ' ' && text[j] == ')'
	}
	return false
}

// scanRun fills r with the number whose first digit is text[first]. It reads
// at most maxRunDigits digits and maxRunGroups groups.
func scanRun(r *numRun, text []byte, first int) {
	r.start, r.n, r.ng, r.lead, r.paren, r.overflow = first, 0, 0, 0, false, false
	if first > 0 {
		switch text[first-1] {
		case '+':
			r.lead, r.start = '+', first-1
		case '(':
			if k := first + countDigits(text, first); k < len(text) && text[k] == ')' {
				r.paren, r.start = true, first-1
			}
		}
	}
	r.clean = okBeforeAt(text, r.start)
	open := false // a '(' inside the number awaits its ')': "+44 (0)20"
	i := first
	var sep byte
	spaced := false
	for {
		if r.ng == maxRunGroups {
			r.overflow = true
			return
		}
		g := r.ng
		for ; i < len(text) && isDigit(text[i]); i++ {
			if r.n == maxRunDigits {
				r.overflow = true
				return
			}
			r.digits[r.n] = text[i]
			r.n++
		}
		r.groups[g], r.sep[g], r.spaced[g], r.gend[g] = uint8(r.n-sumGroups(r, g)), sep, spaced, i
		r.ng++
		if r.paren && g == 0 {
			i++ // past the ')' scanRun found above
			sep = ')'
		} else {
			sep = 0
		}
		spaced = false
		if i >= len(text) {
			return
		}
		switch c := text[i]; {
		case sep == ')':
			if c == ' ' || c == '-' {
				spaced = c == ' '
				i++
			}
		case c == ')' && open:
			open, sep = false, ')'
			i++
			if i < len(text) && text[i] == ' ' {
				spaced = true
				i++
			}
		case c == '(' && !open && !r.paren:
			open, sep = true, '('
			i++
		case c == ' ':
			sep, spaced = ' ', true
			i++
			if i < len(text) && text[i] == '(' && !open && !r.paren {
				open, sep = true, '('
				i++
			}
		case c == '-' || c == '.' || c == '/':
			sep = c
			i++
		default:
			return
		}
		if i >= len(text) || !isDigit(text[i]) || (spaced && !numericToken(text, i)) {
			return
		}
	}
}

// sumGroups returns the digits in groups before g.
func sumGroups(r *numRun, g int) int {
	s := 0
	for _, n := range r.groups[:g] {
		s += int(n)
	}
	return s
}

// cut returns the prefix of r ending after group g, and whether the number
// may end there: at the last group when a boundary follows, or at a group
// followed by a space.
func (r *numRun) cut(text []byte, g int) (numCut, bool) {
	c := numCut{r: r, ng: g + 1, n: sumGroups(r, g+1), end: r.gend[g]}
	if g+1 < r.ng {
		return c, r.spaced[g+1]
	}
	return c, !r.overflow && boundaryAfter(text, c.end)
}

// digits returns the cut's digits; the slice aliases the run.
func (c *numCut) digits() []byte { return c.r.digits[:c.n] }

// seps returns which separators the cut uses, as a set of bits sepSpace…
func (c *numCut) seps() (set uint8) {
	for g := 1; g < c.ng; g++ {
		set |= sepBit(c.r.sep[g])
		if c.r.spaced[g] {
			set |= sepSpace
		}
	}
	return set
}

// Separator bits returned by numCut.seps.
const (
	sepSpace uint8 = 1 << iota
	sepDash
	sepDot
	sepSlash
	sepParen
)

func sepBit(b byte) uint8 {
	switch b {
	case ' ':
		return sepSpace
	case '-':
		return sepDash
	case '.':
		return sepDot
	case '/':
		return sepSlash
	case '(', ')':
		return sepParen
	}
	return 0
}

// cueWord is a word that makes a nearby number more likely an identifier of a
// detector's kind: "phone" before a phone number, "ssn" before an SSN.
type cueWord struct {
	word   string // lower case; non-ASCII bytes compare exactly
	prefix bool   // also matches words that start with it ("telefon" matches "telefonnummer")
}

// cueWindow is how far before a number cueBefore looks, in bytes: a few words.
const cueWindow = 48

// cueSet is a list of cues indexed by first byte, so that cueBefore
// compares a word with the few cues sharing its first letter, and skips it
// at once when its length fits none.
type cueSet struct {
	byFirst   [256][]cueWord
	exactLens [256]uint64 // bit l set: some exact cue of length l starts with this byte
	minPrefix [256]uint8  // shortest prefix cue starting with this byte, 0 for none
}

// newCueSet builds a cueSet; words must be lower case and shorter than 64
// bytes.
func newCueSet(cues []cueWord) *cueSet {
	s := &cueSet{}
	for _, c := range cues {
		f := c.word[0]
		s.byFirst[f] = append(s.byFirst[f], c)
		if c.prefix {
			if s.minPrefix[f] == 0 || len(c.word) < int(s.minPrefix[f]) {
				s.minPrefix[f] = uint8(len(c.word))
			}
		} else {
			s.exactLens[f] |= 1 << len(c.word)
		}
	}
	return s
}

// match reports whether word w is one of the cues.
func (s *cueSet) match(w []byte) bool {
	f := lowerASCII(w[0])
	if !(len(w) < 64 && s.exactLens[f]&(1<<len(w)) != 0 || s.minPrefix[f] != 0 && len(w) >= int(s.minPrefix[f])) {
		return false
	}
	for _, c := range s.byFirst[f] {
		if len(w) < len(c.word) || (!c.prefix && len(w) != len(c.word)) {
			continue
		}
		j := 1
		for j < len(c.word) && lowerASCII(w[j]) == c.word[j] {
			j++
		}
		if j == len(c.word) {
			return true
		}
	}
	return false
}

// cueBefore reports whether one of the cues is among the words in the
// cueWindow bytes before text[pos]. It folds ASCII case and does not allocate.
func cueBefore(text []byte, pos int, cues *cueSet) bool {
	lo := max(0, pos-cueWindow)
	for i := pos; i > lo; {
		// Find the word ending before i.
		for i > lo && byteClass[text[i-1]]&ClassLetter == 0 {
			i--
		}
		we := i
		for i > lo && byteClass[text[i-1]]&ClassLetter != 0 {
			i--
		}
		if we > i && cues.match(text[i:we]) {
			return true
		}
	}
	return false
}
