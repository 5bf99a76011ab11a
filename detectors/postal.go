package detectors

import (
	"bytes"
	"strconv"
)

// PostalCode finds postal codes announced by a cue word ("zip code 94103",
// "postcode SW1A 2AA", "código postal 28013", "code postal 75002", "PLZ
// 10115", "CAP 00184", "CEP 01310-100", "postcode 1012 AB", "Eircode D02
// AF30"), also said aloud digit by digit ("zip code nine four one oh
// three") or as a quantity ("code postal trente-trois mille"). A cue with a
// national layout is validated, so the code wins over a phone-shaped reading.
// Without a cue, a five-digit code after a preposition of place and before
// a capitalized name is one too ("j'habite à 69003 Lyon", "vivo en 46001
// Valencia", "dans le 75011"). Codes inside a street address are part of
// the ADDRESS finding instead.
// Value is the code upper-cased without spaces.
var PostalCode = Detector{
	Name:    "postal-code",
	Kind:    KindPostalCode,
	Trigger: Trigger{All: ClassDigit, MinLen: 5, MinDigits: 5, Keywords: []string{"zip", "zipcode", "postcode", "postal", "eircode", "plz", "postleitzahl", "cap", "cep", "cp", "codigo", "código"}},
	Find:    findPostalCode,
}

var postalFillers = newWordList(`code is my the es el mi ist meine est mon è il mio é o meu mijn de postal c'est cest lautet die der le la mijn mi uh um eh äh euh it's
bien alors donc voilà well so pues bueno entonces also ja genau allora então entao dus eh ehm
changed now new cambió cambio ahora nuevo geändert jetzt neu neue changé maintenant nouveau cambiato ora nuovo mudou agora novo veranderd nu nieuw`)

func findPostalCode(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	if byteClass[text[tok.Start]]&ClassDigit != 0 {
		return postalNearPlace(dst, text, tok), tok.End
	}
	i := tok.End
	// Up to six words: "código postal mudou, agora é 4050-262".
	for k := 0; k < 6; k++ {
		s, e := nextToken(text, i)
		ws, we, stop := trimWord(text, s, e)
		if s == e {
			break
		}
		if ws == we { // a lone ":" or "-"
			i = e
			continue
		}
		w := text[ws:we]
		if isPostalCode(w) || isPostalPair(text, ws) || isShortPostal(w) {
			end := postalEnd(text, ws, we)
			v := make([]byte, 0, end-ws)
			for _, c := range text[ws:end] {
				if byteClass[c]&ClassAlnum != 0 || c == '-' {
					v = append(v, upperASCII(c))
				}
			}
			f := Finding{Kind: KindPostalCode, Start: ws, End: end, Confidence: 0.85, Rule: "postal-code", Value: v}
			if !isShortPostal(w) {
				// A cue and a national layout together are a structural
				// check: "CEP 01310-100" is a postal code, not a phone.
				f.Confidence, f.Validated = 0.99, true
			}
			return append(dst, f), end
		}
		if byteClass[w[0]]&ClassDigit == 0 {
			// Said as a quantity: "trente-trois mille", "quatro mil e
			// quatrocentos".
			if c, ok := readCardinal(text, ws); ok && c.thousands && c.val >= 1000 && c.val <= 99999 {
				f := Finding{Kind: KindPostalCode, Start: c.start, End: c.end, Confidence: 0.8,
					Rule: "postal-code-spoken", Value: strconv.AppendInt(nil, int64(c.val), 10)}
				return append(dst, f), c.next
			}
			// Read aloud: "eins null eins eins fünf", "tien twaalf a b".
			if sp := readSpokenID(text, ws); sp.items >= 3 && spokenPostalCode(sp.value()) {
				f := Finding{Kind: KindPostalCode, Start: sp.num.start, End: sp.num.end, Confidence: 0.8,
					Rule: "postal-code-spoken", Value: append([]byte(nil), sp.value()...)}
				return append(dst, f), sp.num.end
			}
		}
		var buf [16]byte
		f, ok := foldWord(buf[:0], w)
		if stop || !ok || !postalFillers.has(f) {
			break
		}
		i = e
	}
	return dst, tok.End
}

// isPostalCode accepts one-token codes: 5 digits (US, DE, FR, ES, IT, MX),
// ZIP+4 (62704-1234), 4-3 (PT 1000-001), 5-3 (BR 01310-100), 6 digits (IN)
// and NL written together (1012AB).
func isPostalCode(w []byte) bool {
	switch {
	case len(w) == 5 && isDigits(w):
		return true
	case len(w) == 10 && w[5] == '-' && isDigits(w[:5]) && isDigits(w[6:]),
		len(w) == 8 && w[4] == '-' && isDigits(w[:4]) && isDigits(w[5:]),
		len(w) == 9 && w[5] == '-' && isDigits(w[:5]) && isDigits(w[6:]):
		return true
	case len(w) == 6 && isDigits(w[:4]) && w[0] != '0' && isUpperPair(w[4:]):
		return true
	case len(w) == 8 && isDigits(w): // BR CEP read aloud or typed without its hyphen
		return true
	}
	return false
}

// spokenPostalCode reports whether v, read aloud after a postal cue, is a
// postal code: a national layout, a short code the cue vouches for ("dois
// nove zero zero"), or a UK postcode without its space ("l s six two a b").
func spokenPostalCode(v []byte) bool {
	if isPostalCode(v) || isShortPostal(v) {
		return true
	}
	n := len(v)
	if n < 5 || n > 7 {
		return false
	}
	var up [7]byte
	for i, c := range v {
		up[i] = upperASCII(c)
	}
	return byteClass[up[n-3]] == ClassDigit && isUpperPair(up[n-2:n]) && ukOutward(up[:n-3])
}

// isShortPostal accepts the 4- and 6-digit codes that need a cue (BE, CH,
// AT, DK, NL without letters; IN PIN codes).
func isShortPostal(w []byte) bool {
	return (len(w) == 4 || len(w) == 6) && isDigits(w)
}

// isPostalPair reports whether two tokens from ws form a code: NL "1012 AB",
// UK "SW1A 2AA", CA "K1A 0B1", IE "D02 AF30".
func isPostalPair(text []byte, ws int) bool {
	_, e1 := nextToken(text, ws)
	s2, e2 := nextToken(text, e1)
	if s2 == e2 {
		return false
	}
	a := text[ws:e1]
	_, b2, _ := trimWord(text, s2, e2)
	b := text[s2:b2]
	switch {
	case len(a) == 4 && isDigits(a) && a[0] != '0' && len(b) == 2 && isUpperPair(b):
		return true // NL
	case len(b) == 3 && byteClass[b[0]] == ClassDigit && isUpperPair(b[1:]) && ukOutward(a):
		return true // UK
	case len(a) == 3 && len(b) == 3 && isCanadian(a, b):
		return true
	case len(a) == 3 && len(b) == 4 && isEircode(a, b):
		return true // IE
	}
	return false
}

// postalEnd returns the end of the code starting at ws: the second token of
// a pair, or we.
func postalEnd(text []byte, ws, we int) int {
	if isPostalPair(text, ws) {
		_, e1 := nextToken(text, ws)
		s2, e2 := nextToken(text, e1)
		_, b2, _ := trimWord(text, s2, e2)
		return b2
	}
	return we
}

// ukOutward accepts the outward half of a UK postcode: A9, A99, AA9, AA99,
// A9A, AA9A.
func ukOutward(a []byte) bool {
	if len(a) < 2 || len(a) > 4 || byteClass[a[0]] != ClassUpper {
		return false
	}
	var shape [4]byte
	for i, c := range a {
		switch byteClass[c] {
		case ClassUpper:
			shape[i] = 'A'
		case ClassDigit:
			shape[i] = '9'
		default:
			return false
		}
	}
	switch string(shape[:len(a)]) {
	case "A9", "A99", "AA9", "AA99", "A9A", "AA9A":
		return true
	}
	return false
}

// isEircode accepts an Irish Eircode: a routing key (a letter, a digit, a
// digit or W: "D6W", "T12") and a unique identifier of four letters and
// digits ("X8N4").
func isEircode(a, b []byte) bool {
	if byteClass[a[0]] != ClassUpper || byteClass[a[1]] != ClassDigit || byteClass[a[2]] != ClassDigit && a[2] != 'W' {
		return false
	}
	digits, letters := 0, 0
	for _, c := range b {
		switch byteClass[c] {
		case ClassDigit:
			digits++
		case ClassUpper:
			letters++
		default:
			return false
		}
	}
	return digits > 0 && letters > 0
}

func isCanadian(a, b []byte) bool {
	return bytes.IndexByte([]byte("ABCEGHJKLMNPRSTVXY"), a[0]) >= 0 &&
		byteClass[a[1]] == ClassDigit && byteClass[a[2]] == ClassUpper &&
		byteClass[b[0]] == ClassDigit && byteClass[b[1]] == ClassUpper && byteClass[b[2]] == ClassDigit
}

// postalPlaceWords are the words after which a bare five-digit code names
// a place: prepositions of place and the French article of "dans le 75011".
var postalPlaceWords = newWordList(`à a en in em no na nel dans le te naar nach aus from to near bei zu`)

// postalNearPlace reports a five-digit token that stands where a place
// does: after a preposition of place and before a capitalized name, or in
// "dans le 75011". Round numbers ("in 30000 Jahren") are quantities.
func postalNearPlace(dst []Finding, text []byte, tok Token) []Finding {
	ws, we, _ := trimWord(text, tok.Start, tok.End)
	w := text[ws:we]
	if len(w) != 5 || !isDigits(w) || ws != tok.Start || string(w[2:]) == "000" {
		return dst
	}
	var before readWord
	if !before.prev(text, tok.Start) || before.stop || !postalPlaceWords.has(before.word()) {
		return dst
	}
	var after readWord
	city := after.next(text, tok.End) && after.ws == after.s && after.we-after.ws >= 3 &&
		byteClass[text[after.ws]]&(ClassUpper|ClassHigh) != 0
	if !city {
		var art readWord
		if string(before.word()) != "le" || !art.prev(text, before.s) || string(art.word()) != "dans" {
			return dst
		}
	}
	return append(dst, Finding{Kind: KindPostalCode, Start: ws, End: we, Confidence: 0.8,
		Rule: "postal-code-place", Value: append([]byte(nil), w...)})
}

// spelledAreaBefore returns where the letters of a UK postcode's area,
// spelled one by one, start before the number word at i ("s w" before
// "one a two b b"), or i when no single letter stands just before it.
func spelledAreaBefore(text []byte, i int) int {
	// Most number words have a longer word before them: look at the bytes
	// first.
	if i < 2 || byteClass[text[i-1]] != classSpace || i > 2 && byteClass[text[i-3]] != classSpace {
		return i
	}
	start := i
	for k := 0; k < 2; k++ {
		s, e := prevToken(text, start)
		if e-s != 1 || byteClass[text[s]] != ClassLower && byteClass[text[s]] != ClassUpper {
			break
		}
		start = s
	}
	return start
}

// spokenPostcode reads, in a voice transcript, a postal code spelled out
// without a cue from start on: a UK postcode letter by letter, its area's
// letters first (uk: "s w one a two b b", "e eight three q t"), or a Dutch
// one, four digits and two letters ("negen zeven nul twee b v"). Few
// other things said in a row have either layout; the caller takes the
// Dutch one in Dutch or unknown-language text only.
func spokenPostcode(text []byte, start int, uk bool) (Finding, bool) {
	sp := readSpokenID(text, start)
	v := sp.value()
	n := len(v)
	if sp.num.start != start || sp.letters < 2 || n < 5 || n > 7 {
		return Finding{}, false
	}
	var up [7]byte
	for i, c := range v {
		up[i] = upperASCII(c)
	}
	switch {
	case uk && byteClass[up[n-3]] == ClassDigit && isUpperPair(up[n-2:n]) && ukOutward(up[:n-3]):
	case !uk && n == 6 && sp.items >= 5 && isPostalCode(up[:6]) && dutchLetters(up[4:6]):
	default:
		return Finding{}, false
	}
	return Finding{Kind: KindPostalCode, Start: sp.num.start, End: sp.num.end, Confidence: 0.8,
		Rule: "postal-code-spoken", Value: append([]byte(nil), up[:n]...)}, true
}

// dutchLetters reports whether a Dutch postcode may end in the letters l:
// SA, SD and SS are never issued.
func dutchLetters(l []byte) bool {
	return l[0] != 'S' || l[1] != 'A' && l[1] != 'D' && l[1] != 'S'
}
