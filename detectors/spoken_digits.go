package detectors

import "bytes"

// SpokenDigits finds phone, card and social security numbers said or typed
// as words, alone or mixed with digits, in any configured language:
// "four one five five five five oh one nine two", "double five", "cuatro uno
// cinco", "null eins fünf eins", "zéro six douze trente-quatre", "415 five
// five five 0192". The words are turned into digits and validated like the
// written forms (phone metadata, Luhn, SSN rules); the span covers the words.
var SpokenDigits = Detector{
	Name: "spoken-digits",
	Kind: KindPhone,
	Trigger: Trigger{
		Keywords: spokenKeywords(),
		// Mixed forms may start with a digit group: "415 five five five …".
		All: ClassDigit,
	},
	Find: findSpokenDigits,
}

// maxSpokenDigits bounds the digits gathered from one spoken number.
const maxSpokenDigits = 24

// spokenNumber is a number gathered from words and digit groups.
type spokenNumber struct {
	digits     [maxSpokenDigits]byte
	n          int
	plus       bool // said "plus" first: an international number
	words      int  // number words among its items; 0 means digits only
	start, end int  // span in the text
}

func (s *spokenNumber) add(ds ...byte) bool {
	if s.n+len(ds) > maxSpokenDigits {
		return false
	}
	s.n += copy(s.digits[s.n:], ds)
	return true
}

func (s *spokenNumber) addVal(v, width int) bool {
	var b [3]byte
	for i := width - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return s.add(b[:width]...)
}

func findSpokenDigits(dst []Finding, in Input, tok Token) ([]Finding, int) {
	num, next := gatherSpoken(in.Text, tok.Start)
	if num.words == 0 || num.n < 7 {
		// Digits alone are the written-number detectors' business; short
		// sequences are counts, times and prices.
		return dst, max(tok.End, next)
	}
	if f, ok := classifySpoken(in, &num); ok {
		dst = append(dst, f)
	}
	return dst, max(tok.End, num.end)
}

// gatherSpoken reads number words and digit groups from the token at start
// on, across commas and hyphens but not sentence ends, and returns what it
// gathered and the offset after the last token it examined.
func gatherSpoken(text []byte, start int) (spokenNumber, int) {
	g := spokenGatherer{num: spokenNumber{start: -1}, pendingTens: -1, lastUnit: -1}
	i := start
	for {
		s, e := nextToken(text, i)
		if s == e {
			break
		}
		ws, we, stop := trimWord(text, s, e)
		if ws == we || !g.token(text[ws:we]) {
			break
		}
		if g.num.start < 0 {
			g.num.start = ws
		}
		if !g.joinOnly {
			g.num.end = we
		}
		i = e
		if stop {
			break
		}
	}
	g.flushTens()
	if g.num.start < 0 {
		g.num.start = start
	}
	return g.num, i
}

// spokenGatherer turns a sequence of number words into digits.
type spokenGatherer struct {
	num         spokenNumber
	pendingTens int  // a tens word waiting for its unit ("twenty" … "one"), or -1
	lastUnit    int  // the last single digit added, for "hundred", or -1
	repeat      int  // "double"/"triple" waiting for its digit
	afterHundr  bool // "hundred" just added two zeros
	joined      bool // a joining word ("and", "y", "et") came last
	joinOnly    bool // the last token was only a joining or prefix word
	// tensStandalone marks a pending German or Dutch tens word, which a
	// following unit does not complete.
	tensStandalone bool
}

func (g *spokenGatherer) flushTens() bool {
	if g.pendingTens < 0 {
		return true
	}
	ok := g.num.addVal(g.pendingTens, 2)
	g.pendingTens = -1
	return ok
}

// token feeds one trimmed token; it reports false when the token is not part
// of a number. Hyphenated tokens are digit sequences ("four-one-five") or
// French compounds ("quatre-vingt-dix").
func (g *spokenGatherer) token(w []byte) bool {
	var buf [64]byte
	f, ok := foldWord(buf[:0], w)
	if !ok {
		return false
	}
	if isDigits(f) {
		if !g.flushTens() || g.repeat > 0 || !g.num.add(f...) {
			return false
		}
		g.lastUnit, g.afterHundr, g.joined, g.joinOnly = -1, false, false, false
		return true
	}
	if nw, found := numberWords[string(f)]; found {
		return g.word(nw)
	}
	if bytes.IndexByte(f, '-') <= 0 {
		return false
	}
	if nw, ok := frenchCompound(f); ok {
		return g.word(nw)
	}
	for rest := f; len(rest) > 0; {
		part := rest
		if i := bytes.IndexByte(rest, '-'); i >= 0 {
			part, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if isDigits(part) {
			if !g.num.add(part...) {
				return false
			}
			continue
		}
		nw, found := numberWords[string(part)]
		if !found || !g.word(nw) {
			return false
		}
	}
	return true
}

// word feeds one number word.
func (g *spokenGatherer) word(nw numWord) bool {
	num := &g.num
	good := true
	switch nw.kind {
	case wordPlus:
		good = num.n == 0 && !num.plus
		num.plus = true
	case wordJoin:
		good = g.pendingTens >= 0 || g.afterHundr
	case wordZeroOh:
		good = (num.n > 0 || g.pendingTens >= 0) && g.flushTens() && num.add('0')
		g.lastUnit = 0
	case wordRepeat:
		good = g.repeat == 0 && g.flushTens()
		g.repeat = nw.val
	case wordHundred:
		switch {
		case nw.val > 100: // "trescientos", "quatrocentos": a unit and its hundred
			good = g.flushTens() && num.add(byte('0'+nw.val/100), '0', '0')
		case g.lastUnit > 0 && g.pendingTens < 0:
			good = num.add('0', '0')
		default: // "cent quatre", "hundred and two": one hundred
			good = g.flushTens() && num.add('1', '0', '0')
		}
		g.afterHundr, g.lastUnit = good, -1
	case wordUnit:
		switch {
		case g.pendingTens >= 0 && g.tensStandalone:
			// German and Dutch say the unit first ("dreiundachtzig"):
			// "achtzig drei" is 80 then 3.
			good = g.flushTens() && num.add(byte('0'+nw.val))
		case g.pendingTens >= 0:
			good = num.addVal(g.pendingTens+nw.val, 2)
			g.pendingTens = -1
		case g.afterHundr:
			num.digits[num.n-1] = byte('0' + nw.val)
		case g.repeat > 0:
			for ; g.repeat > 0 && good; g.repeat-- {
				good = num.add(byte('0' + nw.val))
			}
		default:
			good = num.add(byte('0' + nw.val))
		}
		g.lastUnit, g.afterHundr = nw.val, false
	case wordTeen:
		switch {
		case g.pendingTens == 60 || g.pendingTens == 80: // soixante et onze
			good = num.addVal(g.pendingTens+nw.val, 2)
			g.pendingTens = -1
		case g.afterHundr:
			num.n -= 2
			good = num.addVal(nw.val, 2)
		default:
			good = g.flushTens() && num.addVal(nw.val, 2)
		}
		g.lastUnit, g.afterHundr = -1, false
	case wordTens:
		if g.afterHundr {
			num.n -= 2
			g.afterHundr = false
		}
		good = g.flushTens()
		g.pendingTens, g.lastUnit, g.tensStandalone = nw.val, -1, nw.unitFirst
	}
	g.joined = nw.kind == wordJoin
	g.joinOnly = nw.kind == wordJoin || nw.kind == wordPlus || nw.kind == wordRepeat
	if !g.joinOnly {
		num.words++
	}
	return good
}

// classifySpoken validates a gathered number as a phone, card or SSN.
func classifySpoken(in Input, num *spokenNumber) (Finding, bool) {
	ds := num.digits[:num.n]
	f := Finding{Start: num.start, End: num.end, Rule: "spoken-digits"}
	if !num.plus && num.n >= 13 && num.n <= 19 && luhnValid(ds) {
		f.Kind, f.Validated, f.Confidence = KindCreditCard, true, 0.95
		f.Value = append([]byte(nil), ds...)
		return f, true
	}
	if !num.plus && num.n == 9 && hasSSNCue(in.Text, num.start) && validSSNDigits(ds) {
		f.Kind, f.Validated, f.Confidence = KindUSSSN, true, 0.9
		f.Value = append([]byte(nil), ds...)
		return f, true
	}
	if num.n >= 7 && num.n <= 15 {
		if e164, ok := validatePhoneDigits(ds, num.plus, in.Lang); ok {
			f.Kind, f.Validated, f.Confidence = KindPhone, true, 0.9
			f.Value = e164
			if idCueBefore(in.Text, num.start) {
				// "my account number is nine nine three …": an identifier
				// that happens to fit a phone plan. The cue's detector
				// reports it; this finding only keeps it covered if none does.
				f.Validated, f.Confidence = false, 0.5
			}
			return f, true
		}
		// A long number said digit by digit in a conversation is an
		// identifier of some kind even when no validator recognizes it.
		if num.words >= 7 {
			f.Kind, f.Confidence = KindPhone, 0.6
			if idCueBefore(in.Text, num.start) {
				f.Confidence = 0.5
			}
			f.Value = append([]byte(nil), ds...)
			return f, true
		}
	}
	return f, false
}
