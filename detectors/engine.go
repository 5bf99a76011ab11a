package detectors

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Class is a set of byte classes. The engine computes the classes of every
// token it passes and wakes only the detectors whose Trigger the token meets.
type Class uint16

// Byte classes. A token's Class is the union of the classes of its bytes.
const (
	ClassDigit      Class = 1 << iota // 0-9
	ClassUpper                        // A-Z
	ClassLower                        // a-z
	ClassHigh                         // a byte of a multi-byte UTF-8 sequence (letters of most scripts)
	ClassAt                           // @
	ClassDot                          // .
	ClassColon                        // :
	ClassSlash                        // /
	ClassDash                         // -
	ClassUnderscore                   // _
	ClassPlus                         // +
	ClassEqual                        // =
	ClassPunct                        // any other printable ASCII punctuation
	classSpace                        // white space and control bytes: token separators

	// ClassLetter is any letter class.
	ClassLetter = ClassUpper | ClassLower | ClassHigh
	// ClassAlnum is any letter or digit.
	ClassAlnum = ClassLetter | ClassDigit
)

// byteClass maps each byte to its class; built once, read-only.
var byteClass = func() (t [256]Class) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= '0' && c <= '9':
			t[c] = ClassDigit
		case c >= 'A' && c <= 'Z':
			t[c] = ClassUpper
		case c >= 'a' && c <= 'z':
			t[c] = ClassLower
		case c >= 0x80:
			t[c] = ClassHigh
		case c == '@':
			t[c] = ClassAt
		case c == '.':
			t[c] = ClassDot
		case c == ':':
			t[c] = ClassColon
		case c == '/':
			t[c] = ClassSlash
		case c == '-':
			t[c] = ClassDash
		case c == '_':
			t[c] = ClassUnderscore
		case c == '+':
			t[c] = ClassPlus
		case c == '=':
			t[c] = ClassEqual
		case c > ' ' && c < 0x7f:
			t[c] = ClassPunct
		default: // space, tab, newlines, other control bytes, DEL
			t[c] = classSpace
		}
	}
	return t
}()

// ClassOf returns the class of byte b.
func ClassOf(b byte) Class { return byteClass[b] }

// Token is a maximal run of non-space bytes, the unit the engine triggers on.
type Token struct {
	Start, End int   // byte offsets of the token in the text
	Class      Class // union of the classes of its bytes
	// WordStart and WordEnd delimit the token's leading word: its first run of
	// letters after any leading punctuation ("password" in "(Password:").
	// They are equal when the token starts with a digit or has no letters.
	WordStart, WordEnd int
	// RunDigits counts the digits of a number that may start at the token:
	// its own and those of the short groups that follow it, each after one
	// space ("+1 415 555 0192", "DE89 3704 0044 …", "GB29 NWBK 6016 …").
	// It is zero for a token without digits.
	RunDigits int
	// Shape is the token's shape, computed only for a token of at least
	// minShape bytes that may wake a detector whose Trigger names shapes in
	// Not; zero otherwise.
	Shape Shape
}

// Shape is a set of token shapes the engine recognizes once for every
// detector: long identifiers that hold digits but no number of the kinds the
// numeric detectors look for.
type Shape uint8

// Token shapes.
const (
	// ShapeUUID is a UUID (8-4-4-4-12 hex digits), perhaps followed by one
	// punctuation byte.
	ShapeUUID Shape = 1 << iota
	// ShapeHex is a run of at least minHexShape hex digits with both a digit
	// and a letter, perhaps inside punctuation: a hash, a git SHA, a hex key.
	ShapeHex
	// ShapeKey is a run of at least minKeyShape letters, digits, '_', '-',
	// '+' and '/' with upper- and lower-case letters and digits, perhaps
	// inside punctuation and with '=' padding: an API key, a token, base64.
	// No number may start inside it, since a number needs white space or
	// punctuation before it, nor at its start, since it does not end at a
	// boundary.
	ShapeKey

	numShapes = 1 << iota // one past the largest set of shapes
)

// Shortest runs of each shape: an MD5 digest; a key.
const (
	minHexShape = 32
	minKeyShape = 24
	minShape    = min(minHexShape, minKeyShape)
)

// tokenShape returns the shape of text[start:end], a token of at least
// minShape bytes.
func tokenShape(text []byte, start, end int) Shape {
	if n := end - start; n == 36 || n == 37 && isTrimmable(text[end-1]) {
		if isUUID(text[start : start+36]) {
			return ShapeUUID
		}
	}
	for start < end && isTrimmable(text[start]) {
		start++
	}
	for end > start && (isTrimmable(text[end-1]) || text[end-1] == '=') {
		end--
	}
	if end-start < minShape {
		return 0
	}
	var cls Class
	hex := true
	for _, c := range text[start:end] {
		cls |= byteClass[c]
		hex = hex && csOf[c]&csHex != 0
	}
	switch {
	case hex && end-start >= minHexShape && cls&ClassDigit != 0 && cls != ClassDigit:
		return ShapeHex
	case cls&^(ClassUpper|ClassLower|ClassDigit|ClassUnderscore|ClassDash|ClassPlus|ClassSlash) == 0 &&
		cls&(ClassUpper|ClassLower|ClassDigit) == ClassUpper|ClassLower|ClassDigit:
		return ShapeKey
	}
	return 0
}

// Input is one text to scan with what is known about it.
type Input struct {
	Text []byte
	// Lang is the text's language as an ISO 639-1 code ("en", "de", …), or ""
	// when unknown. Detectors use it to choose cue words and dictionaries.
	Lang string
	// Spoken marks a speech transcript, where numbers and e-mail addresses
	// may be spelled out in words.
	Spoken bool
}

// FindFunc looks for a detector's kind around tok, the token that woke it.
// It may read anywhere in in.Text (context words before, digit groups after),
// appends what it finds to dst, and returns the offset before which the
// engine need not wake it again: at least tok.End, or further when it has
// examined following tokens already. It must not retain in.Text.
type FindFunc func(dst []Finding, in Input, tok Token) ([]Finding, int)

// Trigger says which tokens wake a detector. A token wakes it when the token is
// at least MinLen bytes long, starts a number of at least MinDigits digits
// (Token.RunDigits), and its class has every bit of All and, unless Any is
// zero, some bit of Any; or when the token's leading word is one of Keywords.
type Trigger struct {
	All, Any  Class
	MinLen    int
	MinDigits int
	// Not lists token shapes that do not wake the detector by class: the
	// numeric detectors find nothing in a UUID, a hash or an API key.
	Not Shape
	// Keywords are lower-case words, compared with the token's leading word
	// ASCII-case-insensitively. Non-ASCII bytes compare exactly.
	Keywords []string
}

// Detector finds one kind of identifier or secret. It declares the tokens
// that wake it and a FindFunc that looks around them; the engine calls it only
// for those tokens, so no detector runs over every message.
type Detector struct {
	Name    string // stable id, e.g. "email"; safe to log and use as a metric label
	Kind    Kind   // the kind it usually reports (a Find may report related kinds)
	Trigger Trigger
	Find    FindFunc
}

// maxDetectors bounds an engine's detector count so that a detector set fits
// a uint64 and Scan keeps its per-detector state on the stack.
const maxDetectors = 64

// maxTokenGroups bounds the groups runDigits reads after a token.
const maxTokenGroups = 8

// numClassBits is the number of byte classes a trigger can name.
const numClassBits = 13

// maxKeyword is the longest keyword the engine matches, in bytes.
const maxKeyword = 32

// Engine runs detectors over texts in one pass. It is safe for concurrent use.
type Engine struct {
	dets []Detector
	// The per-token dispatch works on detector sets (bit i = dets[i]) read
	// from tables, so a token costs a few loads and no per-detector
	// branches until a detector is really woken.
	//
	// byClass[c]: the detectors a token of class c may wake (its class
	// meets their Any, or their All when Any is empty, and holds all of
	// their All); one load, and a text touches only the few entries of the
	// classes its tokens have. byLen[n]: those with MinLen <= n (the last
	// entry for longer tokens). byDigits: the same for MinDigits.
	// needDigits: those with a MinDigits. bigCounts: those whose MinLen or
	// MinDigits exceeds maxTriggerCount, in the last entries and checked
	// one by one.
	byClass               *[classSpace]uint64
	byLen, byDigits       [maxTriggerCount + 1]uint64
	needDigits, bigCounts uint64
	// byShape[s]: the detectors a token of shapes s does not wake;
	// shaped: those with a Trigger.Not.
	byShape [numShapes]uint64
	shaped  uint64
	// kwHead[p] (kwTail[p]) has bit n set when some keyword of length n
	// starts (ends) with a pair of bytes of kwPair p: a cheap filter
	// before the table lookup, which most words of ordinary prose fail. A
	// one-byte keyword's pair is its byte twice. Pairs tell keywords apart
	// far better than single bytes: with over a thousand keywords, most
	// first, second and last letters start or end some keyword of each
	// common length.
	kwHead, kwTail [kwPairs]uint64
	// kwFirst[b] has bit n set when some keyword of length n starts with
	// byte b in either ASCII case: one load that turns away most words
	// before the pair filters when the keywords are few.
	kwFirst [256]uint64
	// keywords is an open-addressing table of the keywords, indexed by
	// kwIndex and probed linearly; its size is a power of two at least four
	// times the keyword count, so a probe ends soon at an empty slot.
	// kwTags holds each slot's kwTag, 0 when empty: a probe reads this
	// array, a sixth of the slots' size, and compares words only when a
	// tag matches, which a word of prose that passed the pair filters
	// rarely does.
	keywords []kwSlot
	kwTags   []uint32
	kwShift  uint8 // 32 - log2(len(keywords)): kwIndex's top bits index the table
}

// kwSlot is one entry of the keyword table: a keyword and the detectors it
// wakes.
type kwSlot struct {
	word string
	dets uint64
}

// maxTriggerCount bounds the MinLen and MinDigits the dispatch tables tell
// apart; larger values are checked per detector.
const maxTriggerCount = 63

// kwHash hashes w from its first and last eight bytes and its length, with
// ASCII case folded by setting bit 0x20 of every byte (which maps words
// equal up to ASCII case to the same bytes; the table compares words
// exactly). The keywords of all detectors together run to over a thousand
// words, many sharing their first, middle and last letters, and an
// unsuccessful probe ends only at an empty slot: a hash of more bytes keeps
// the probes short. The bytes are gathered without a dependency chain.
func kwHash[T string | []byte](w T) uint32 {
	n := len(w)
	k := min(n, 8)
	var head, tail uint64
	for i := range k {
		head |= uint64(w[i]) << (8 * i)
		tail |= uint64(w[n-k+i]) << (8 * i)
	}
	return kwMix(head, tail, n)
}

// kwMix is kwHash of a word of n bytes whose first and last min(n, 8)
// bytes, little-endian, are head and tail.
func kwMix(head, tail uint64, n int) uint32 {
	const fold = 0x2020202020202020
	x := (head|fold)*0x9e3779b97f4a7c15 ^ (tail|fold)*0xc2b2ae3d27d4eb4f ^ uint64(n)*0x165667b19e3779f9
	return uint32(x >> 32)
}

// kwHashText is kwHash(text[ws:we]), a word of 1 to maxKeyword bytes, read
// with two eight-byte loads where the text around the word allows: a word
// probed per token need not be gathered byte by byte.
func kwHashText(text []byte, ws, we int) uint32 {
	n := we - ws
	if ws+8 > len(text) || we < 8 {
		return kwHash(text[ws:we])
	}
	k := uint(min(n, 8))
	head := binary.LittleEndian.Uint64(text[ws:]) & (^uint64(0) >> (64 - 8*k))
	tail := binary.LittleEndian.Uint64(text[we-8:]) >> (64 - 8*k)
	return kwMix(head, tail, n)
}

// kwPairs is the number of byte pairs kwPair tells apart.
const kwPairs = 32 * 32

// kwPair returns the filter index of the byte pair a, b: ASCII letters in
// either case are told apart, other bytes fall into a few buckets.
func kwPair(a, b byte) int { return int(kwBucket[a])<<5 | int(kwBucket[b]) }

// kwBucket maps a byte to one of 32 buckets: 1 to 26 for ASCII letters in
// either case, 27 to 30 by the low bits of a non-ASCII byte, 31 and 0 for
// the rest; built once, read-only.
var kwBucket = func() (t [256]uint8) {
	for c := range 256 {
		switch l := lowerASCII(byte(c)); {
		case l >= 'a' && l <= 'z':
			t[c] = l - 'a' + 1
		case c >= 0x80:
			t[c] = 27 + uint8(c&3)
		default:
			t[c] = 31
		}
	}
	return t
}()

// kwIndex is the table slot where a probe for hash h starts.
func (e *Engine) kwIndex(h uint32) uint32 { return (h * 0x9e3779b1) >> e.kwShift }

// kwTag is the tag of a word of hash h: never 0, which marks empty slots.
func kwTag(h uint32) uint32 { return h | 1 }

// lookupKeyword returns the detectors that text[ws:we], lower-cased, wakes
// as a keyword, or 0.
func (e *Engine) lookupKeyword(text []byte, ws, we int) uint64 {
	w := text[ws:we]
	h := kwHashText(text, ws, we)
	mask := uint32(len(e.keywords) - 1)
	tag := kwTag(h)
	for i := e.kwIndex(h); ; i = (i + 1) & mask {
		switch t := e.kwTags[i]; {
		case t == 0:
			return 0
		case t == tag && len(e.keywords[i].word) == len(w) && equalLowerASCII(w, e.keywords[i].word):
			return e.keywords[i].dets
		}
	}
}

// equalLowerASCII reports whether b, lower-cased in ASCII, equals the
// lower-case word w of the same length.
func equalLowerASCII(b []byte, w string) bool {
	for i := range len(w) {
		if lowerASCII(b[i]) != w[i] {
			return false
		}
	}
	return true
}

// New builds an engine over dets. It fails if a detector is malformed.
func New(dets []Detector) (*Engine, error) {
	if len(dets) > maxDetectors {
		return nil, fmt.Errorf("detectors: %d detectors; at most %d", len(dets), maxDetectors)
	}
	e := &Engine{dets: slices.Clone(dets), byClass: new([classSpace]uint64)}
	seen := map[string]bool{}
	kwDets := map[string]uint64{}
	var kws []string
	for i, d := range e.dets {
		switch {
		case d.Name == "":
			return nil, fmt.Errorf("detectors: detector %d has no name", i)
		case seen[d.Name]:
			return nil, fmt.Errorf("detectors: detector %q listed twice", d.Name)
		case d.Find == nil:
			return nil, fmt.Errorf("detectors: detector %q has no Find", d.Name)
		case d.Kind == 0 || d.Kind >= numKinds:
			return nil, fmt.Errorf("detectors: detector %q has invalid kind %d", d.Name, d.Kind)
		}
		seen[d.Name] = true
		t := d.Trigger
		if (t.All|t.Any)>>numClassBits != 0 {
			return nil, fmt.Errorf("detectors: detector %q: trigger names an unknown class", d.Name)
		}
		bit := uint64(1) << i
		wake := t.Any
		if wake == 0 {
			wake = t.All
		}
		for c := range classSpace {
			if wake&c != 0 && t.All&^c == 0 {
				e.byClass[c] |= bit
			}
		}
		for n := range maxTriggerCount + 1 {
			if n >= t.MinLen || n == maxTriggerCount {
				e.byLen[n] |= bit
			}
			if n >= t.MinDigits || n == maxTriggerCount {
				e.byDigits[n] |= bit
			}
		}
		if t.MinDigits > 0 {
			e.needDigits |= bit
		}
		if t.Not >= numShapes {
			return nil, fmt.Errorf("detectors: detector %q: trigger names an unknown shape", d.Name)
		}
		if t.Not != 0 {
			e.shaped |= bit
			for s := range Shape(numShapes) {
				if s&t.Not != 0 {
					e.byShape[s] |= bit
				}
			}
		}
		if t.MinLen > maxTriggerCount || t.MinDigits > maxTriggerCount {
			e.bigCounts |= bit
		}
		for _, kw := range t.Keywords {
			if kw == "" || len(kw) > maxKeyword || kw != strings.ToLower(kw) {
				return nil, fmt.Errorf("detectors: detector %q: keyword %q must be lower-case, 1 to %d bytes", d.Name, kw, maxKeyword)
			}
			l := len(kw)
			e.kwFirst[kw[0]] |= 1 << l
			if kw[0] >= 'a' && kw[0] <= 'z' {
				e.kwFirst[kw[0]-'a'+'A'] |= 1 << l
			}
			e.kwHead[kwPair(kw[0], kw[min(1, l-1)])] |= 1 << l
			e.kwTail[kwPair(kw[l-min(2, l)], kw[l-1])] |= 1 << l
			if _, ok := kwDets[kw]; !ok {
				kws = append(kws, kw)
			}
			kwDets[kw] |= bit
		}
	}
	size, shift := 1, 32
	for size < 4*len(kws)+1 {
		size, shift = size*2, shift-1
	}
	e.keywords, e.kwTags, e.kwShift = make([]kwSlot, size), make([]uint32, size), uint8(shift)
	mask := uint32(size - 1)
	for _, kw := range kws {
		h := kwHash(kw)
		i := e.kwIndex(h)
		for e.kwTags[i] != 0 {
			i = (i + 1) & mask
		}
		e.keywords[i], e.kwTags[i] = kwSlot{word: kw, dets: kwDets[kw]}, kwTag(h)
	}
	return e, nil
}

// Detectors returns the engine's detectors in order.
func (e *Engine) Detectors() []Detector { return slices.Clone(e.dets) }

// Scan appends the findings in text to dst, ordered by position and without
// overlaps, and returns the extended slice. It allocates nothing when text
// holds nothing to find.
func (e *Engine) Scan(dst []Finding, text []byte) []Finding {
	return e.ScanInput(dst, Input{Text: text})
}

// ScanInput is Scan with hints about the text.
func (e *Engine) ScanInput(dst []Finding, in Input) []Finding {
	// next[i]: offset before which dets[i] is not woken again; int32 keeps
	// the array, zeroed per call, small (texts are far below 2 GiB).
	var next [maxDetectors]int32
	base := len(dst)
	text := in.Text
	n := len(text)
	for i := 0; i < n; {
		if byteClass[text[i]] == classSpace {
			i++
			continue
		}
		start := i
		// A first loop over the token's leading letters, which most tokens
		// are made of, ends at the leading word's end; a second one reads
		// whatever follows. When the token starts with a letter its leading
		// word is then known without a second look at its bytes.
		var cls Class
		for i < n {
			c := byteClass[text[i]]
			if c&^ClassLetter != 0 {
				break
			}
			cls |= c
			i++
		}
		ws, we := start, i
		for i < n {
			c := byteClass[text[i]]
			if c == classSpace {
				break
			}
			cls |= c
			i++
		}
		if ws == we {
			ws, we = leadingWord(text, start, i)
		}
		cand := e.byClass[cls&(classSpace-1)] & e.byLen[min(i-start, maxTriggerCount)]
		var kw uint64
		if l := we - ws; l > 0 && l <= maxKeyword && e.kwFirst[text[ws]]&(1<<l) != 0 &&
			e.kwHead[kwPair(text[ws], text[ws+min(1, l-1)])]&e.kwTail[kwPair(text[we-min(2, l)], text[we-1])]&(1<<l) != 0 {
			kw = e.lookupKeyword(text, ws, we)
		}
		if cand|kw == 0 {
			continue
		}
		tok := Token{Start: start, End: i, Class: cls, WordStart: ws, WordEnd: we}
		if cls&ClassDigit != 0 {
			tok.RunDigits = runDigits(text, start, i)
		}
		cand &= e.byDigits[min(tok.RunDigits, maxTriggerCount)]
		if cand&e.bigCounts != 0 {
			cand &^= e.bigCounts & e.tooShort(tok)
		}
		if cand&e.shaped != 0 && i-start >= minShape {
			tok.Shape = tokenShape(text, start, i)
			cand &^= e.byShape[tok.Shape]
		}
		// Keyword wakes need no class, length or digit match.
		for cand |= kw; cand != 0; cand &= cand - 1 {
			di := bits.TrailingZeros64(cand)
			if start < int(next[di]) {
				continue
			}
			var nx int
			dst, nx = e.dets[di].Find(dst, in, tok)
			next[di] = int32(min(nx, math.MaxInt32))
		}
	}
	return resolve(dst, base)
}

// tooShort returns the detectors whose MinLen or MinDigits tok misses; the
// dispatch tables cannot tell counts above maxTriggerCount apart.
func (e *Engine) tooShort(tok Token) uint64 {
	var out uint64
	for c := e.bigCounts; c != 0; c &= c - 1 {
		di := bits.TrailingZeros64(c)
		if t := &e.dets[di].Trigger; tok.End-tok.Start < t.MinLen || tok.RunDigits < t.MinDigits {
			out |= 1 << di
		}
	}
	return out
}

// leadingWord returns the bounds of the first run of letters in text[start:end]
// after leading punctuation; empty if a digit comes first or there is none.
func leadingWord(text []byte, start, end int) (int, int) {
	ws := start
	for ws < end && byteClass[text[ws]]&ClassAlnum == 0 {
		ws++
	}
	we := ws
	for we < end && byteClass[text[we]]&ClassLetter != 0 {
		we++
	}
	return ws, we
}

// runDigits counts the digits in text[start:end] and in the groups that
// follow it after single spaces: tokens of at most 12 bytes made of letters,
// digits and number punctuation that hold a digit or are 1 to 4 upper-case
// letters (an IBAN's bank code).
func runDigits(text []byte, start, end int) int {
	n := 0
	for _, c := range text[start:end] {
		if byteClass[c] == ClassDigit {
			n++
		}
	}
	for g := 0; g < maxTokenGroups && end+1 < len(text) && text[end] == ' '; g++ {
		s := end + 1
		e := s
		for e < len(text) && e-s <= 12 && byteClass[text[e]] != classSpace {
			e++
		}
		d, upper, ok := 0, 0, e > s && e-s <= 12
		last := e
		for last > s && closesNumber(text[last-1]) {
			last-- // "… 19384726?": sentence punctuation ends the number, not the group
		}
	group:
		for _, c := range text[s:last] {
			switch cls := byteClass[c]; {
			case cls == ClassDigit:
				d++
			case cls == ClassUpper:
				upper++
			case c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == ',':
			default:
				ok = false // a word: no more groups
				break group
			}
		}
		if !ok || d == 0 && (upper == 0 || upper > 4 || upper != last-s) {
			break
		}
		n, end = n+d, e
	}
	return n
}

// closesNumber reports whether b may follow a number at the end of a clause
// or quote: '?', '!', ';', ':', closing quotes and brackets. ('.' and ','
// are number separators and stay in the group.)
func closesNumber(b byte) bool {
	switch b {
	case '?', '!', ';', ':', '"', '\'', ')', ']', '}', '>':
		return true
	}
	return false
}

// lowerASCII returns b lower-cased if it is an ASCII letter. It reads a
// table: a compare and branch would mispredict on capitalized words.
func lowerASCII(b byte) byte { return lowerTable[b] }

// lowerTable maps each byte to its ASCII lower case; built once, read-only.
var lowerTable = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// resolve sorts dst[base:] by position and removes overlaps deterministically:
// of two overlapping findings the validated one wins, then the longer, then
// the more confident, then the lower kind, then the lower rule name. The
// winner's span grows to cover the loser's, so no fragment of a losing match
// is left in clear text.
func resolve(dst []Finding, base int) []Finding {
	fs := dst[base:]
	if len(fs) < 2 {
		return dst
	}
	slices.SortFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.End, a.End)
	})
	out := fs[:1]
	for _, f := range fs[1:] {
		last := &out[len(out)-1]
		if f.Start >= last.End {
			out = append(out, f)
			continue
		}
		start, end := last.Start, max(last.End, f.End)
		if beats(f, *last) {
			*last = f
		}
		last.Start, last.End = start, end
		// A grown span may now overlap its predecessor.
		for len(out) > 1 && out[len(out)-2].End > out[len(out)-1].Start {
			a, b := out[len(out)-2], out[len(out)-1]
			w := a
			if beats(b, a) {
				w = b
			}
			w.Start, w.End = a.Start, max(a.End, b.End)
			out = out[:len(out)-1]
			out[len(out)-1] = w
		}
	}
	return dst[:base+len(out)]
}

// beats reports whether a wins an overlap against b.
func beats(a, b Finding) bool {
	if a.Validated != b.Validated {
		return a.Validated
	}
	if a.Len() != b.Len() {
		return a.Len() > b.Len()
	}
	if a.Confidence != b.Confidence {
		return a.Confidence > b.Confidence
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Rule < b.Rule
}
