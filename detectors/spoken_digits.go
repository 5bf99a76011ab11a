package detectors

import "bytes"

// SpokenDigits finds phone, card and social security numbers said or typed
// as words, alone or mixed with digits, in any configured language:
// "four one five five five five oh one nine two", "double five", "cuatro uno
// cinco", "null eins fünf eins", "zéro six douze trente-quatre", "415 five
// five five 0192". The words are turned into digits and validated like the
// written forms (phone metadata, Luhn, SSN rules); the span covers the words.
// A Spanish DNI said with its check letter and a Brazilian CPF said in its
// layout are GOV_ID.
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

// maxSpokenDigits bounds the characters gathered from one spoken number or
// identifier: the longest IBAN.
const maxSpokenDigits = maxIBAN

// spokenNumber is a number gathered from words and digit groups.
type spokenNumber struct {
	digits     [maxSpokenDigits]byte
	n          int
	plus       bool // said "plus" first: an international number
	words      int  // number words among its items; 0 means digits only
	start, end int  // span in the text
	// seps holds, for the first separators said aloud ("dash"), how many
	// digits came before each: an SSN read "four five two dash eight
	// eight dash …" has them at 3 and 5.
	seps  [2]uint8
	nseps int
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
	if tok.Class&ClassLetter == 0 {
		// Most digit tokens are written numbers: "+1 415 555 0192".
		if next, ok := writtenOnly(in.Text, tok); ok {
			return dst, next
		}
	}
	if f, ok := spokenIBAN(in.Text, tok.Start); ok {
		return append(dst, f), max(tok.End, f.End)
	}
	if in.Spoken && tok.Class&ClassLetter != 0 {
		if s := spelledAreaBefore(in.Text, tok.Start); s < tok.Start && spelledNext(in.Text, tok.End) {
			if f, ok := spokenPostcode(in.Text, s, true); ok {
				return append(dst, f), max(tok.End, f.End)
			}
		}
	}
	if !mayStartSpokenRun(in.Text, tok) {
		return dst, tok.End
	}
	num, next := gatherSpoken(in.Text, tok.Start)
	spokenLead(in, &num)
	if in.Spoken && num.words > 0 {
		if f, ok := spelledID(in, num.start); ok {
			return append(dst, f), max(tok.End, f.End)
		}
	}
	if num.words == 0 || num.n < 7 {
		if s, e := nextToken(in.Text, num.end); e-s == 1 && in.Spoken && num.n == 4 && (in.Lang == "nl" || in.Lang == "") {
			if f, ok := spokenPostcode(in.Text, num.start, false); ok {
				return append(dst, f), max(tok.End, f.End)
			}
		}
		// Digits alone are the written-number detectors' business; short
		// sequences are counts, times and prices.
		return dst, max(tok.End, next)
	}
	if f, ok := spokenNationalID(in.Text, &num); ok {
		return append(dst, f), max(tok.End, f.End)
	}
	if f, ok := classifySpoken(in, &num); ok {
		dst = append(dst, f)
	}
	return dst, max(tok.End, num.end)
}

// writtenOnly reports whether tok, a token without letters, and the
// letterless tokens after it cannot be part of a spoken number or IBAN: the
// token before tok is no spelled letter that may end an IBAN's country code
// (the tokens after tok have a letterless one before them), and the first
// token with letters after them is no number word, thousand word,
// separator said aloud or hyphenated compound that could continue one. It
// returns where that token starts: the letterless tokens before it would
// find nothing either, so the engine need not wake the detector for them.
func writtenOnly(text []byte, tok Token) (int, bool) {
	if s, e := prevToken(text, tok.Start); s < e && hasLetter(text[s:e]) {
		if _, _, ok := spelledLetter(text, s, e); ok {
			return 0, false
		}
	}
	for i := tok.End; ; {
		s, e := nextToken(text, i)
		if s >= e {
			return len(text), true
		}
		if !hasLetter(text[s:e]) {
			i = e
			continue
		}
		var w readWord
		if !w.next(text, s) || !w.ok || w.ws == w.we {
			return s, true
		}
		f := w.word()
		if numberWordOrDigits(f) || spokenIDFillers.has(f) || bytes.IndexByte(f, '-') > 0 {
			return 0, false
		}
		return s, true
	}
}

// hasLetter reports whether b holds a letter byte, ASCII or not.
func hasLetter(b []byte) bool {
	for _, c := range b {
		if byteClass[c]&ClassLetter != 0 {
			return true
		}
	}
	return false
}

// mayStartSpokenRun is the quick test before gathering: seven digits
// or more take two number tokens in a row ("four one …", "415 five …"), or
// one hyphenated token ("four-one-five-…", "quatre-vingt-dix").
func mayStartSpokenRun(text []byte, tok Token) bool {
	if bytes.IndexByte(text[tok.Start:tok.End], '-') >= 0 {
		return true
	}
	// The next token starts with a letter or a digit.
	i := tok.End
	for i < len(text) && byteClass[text[i]] == classSpace {
		i++
	}
	if i == len(text) || byteClass[text[i]]&ClassAlnum == 0 && text[i] < 0x80 {
		return false
	}
	var w readWord
	if !w.next(text, tok.End) {
		return false
	}
	f := w.word()
	return numberWordOrDigits(f) || bytes.IndexByte(f, '-') > 0 || len(f) == 4 && innerSix.has(f) || gluedNumber(f) > 0
}

// numberWordOrDigits reports whether the folded word f reads as part of a
// number: digits, a number word or a thousand word.
func numberWordOrDigits(f []byte) bool {
	if len(f) == 0 {
		return false
	}
	return isDigits(f) || numberWordIndex.has(f) || thousandWords.has(f)
}

// spokenNationalID recognizes the national ids whose spoken form is
// distinctive enough without a cue: a Brazilian CPF said in its layout
// ("um dois três ponto quatro cinco seis ponto … traço zero nove") and a
// Spanish DNI, eight digits then their check letter ("… uno cinco uve").
// Both must pass their check.
func spokenNationalID(text []byte, num *spokenNumber) (Finding, bool) {
	ds := num.digits[:num.n]
	f := Finding{Kind: KindGovID, Start: num.start, Confidence: 0.95, Validated: true}
	switch {
	case num.n == 11 && !num.plus && num.nseps == 2 && num.seps[0] == 3 && num.seps[1] == 6 && checkBRCPF(ds):
		f.End, f.Rule, f.Value = num.end, "br-cpf-spoken", append([]byte(nil), ds...)
		return f, true
	case num.n == 8 && !num.plus && num.words >= 8:
		var w readWord
		if !w.next(text, num.end) || w.word() == nil {
			return Finding{}, false
		}
		l := byte(0)
		if f := w.word(); len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
			l = f[0] - ('a' - 'A')
		} else {
			l, _ = letterNameIndex.get(f)
		}
		var c [9]byte
		copy(c[:], ds)
		c[8] = l
		if l == 0 || !checkESNIF(c[:]) {
			return Finding{}, false
		}
		f.End, f.Rule, f.Value = w.we, "es-dni-spoken", append([]byte(nil), c[:]...)
		return f, true
	}
	return Finding{}, false
}

// gatherSpoken reads number words and digit groups from the token at start
// on, across commas and hyphens but not sentence ends, and returns what it
// gathered and the offset after the last token it examined.
func gatherSpoken(text []byte, start int) (spokenNumber, int) {
	g := spokenGatherer{num: spokenNumber{start: -1}, pendingTens: -1, lastUnit: -1}
	i := start
	var rw readWord
	for {
		if !rw.next(text, i) || rw.ws == rw.we || !rw.ok {
			break
		}
		e, ws, we, stop := rw.e, rw.ws, rw.we, rw.stop
		if !g.token(rw.word()) {
			// Hesitations and separators said aloud stay inside a number:
			// "four five two dash eight eight", "null eins äh fünf".
			if g.num.n == 0 || !g.filler(rw.word()) {
				break
			}
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
	// afterDix marks that the last word was the French "dix", which a
	// following "sept", "huit" or "neuf" completes.
	afterDix bool
	// lastTeen marks that the last word was 11..19, which a following
	// hundred word multiplies ("nineteen hundred").
	lastTeen bool
	// tensStandalone marks a pending German or Dutch tens word, which a
	// following unit does not complete.
	tensStandalone bool
	// lastWord marks that the last token was a number word that added
	// digits, which a thousand word then multiplies ("quatre mille").
	lastWord bool
	// After a thousand word, the three zeros it added at thouAt are filled
	// by the words that follow while they make a number below 1000:
	// "quatre mille cent onze" 4111, "trente mille six" 30006.
	inThou   bool
	thouAt   int
	thouVal  int
	thouLast wordKind
}

// filler reports whether the folded word f is a hesitation or a separator
// said aloud, and joins it to the number as a separator ("dash") or nothing
// ("uh").
func (g *spokenGatherer) filler(f []byte) bool {
	if !spokenIDFillers.has(f) {
		return false
	}
	if g.pendingTens >= 0 || g.repeat > 0 {
		return false
	}
	if !spokenHesitations.has(f) && g.num.nseps < len(g.num.seps) {
		g.num.seps[g.num.nseps] = uint8(g.num.n)
		g.num.nseps++
	}
	g.joinOnly, g.lastWord, g.inThou = true, false, false
	return true
}

// thousand feeds a thousand word: it multiplies the number word before it
// ("trente mille") or stands for 1000 alone ("mille cent onze").
func (g *spokenGatherer) thousand() bool {
	mult := g.lastWord && !g.inThou && g.num.n > 0
	g.inThou = false
	if g.repeat > 0 || !g.flushTens() {
		return false
	}
	ok := false
	if mult {
		ok = g.num.add('0', '0', '0')
	} else {
		ok = g.num.add('1', '0', '0', '0')
	}
	g.inThou, g.thouAt, g.thouVal, g.thouLast = ok, g.num.n-3, 0, 0
	g.lastUnit, g.afterHundr, g.joined, g.joinOnly, g.lastWord = -1, false, false, false, false
	g.num.words++
	return ok
}

// thouWord feeds a number word to the three digits after a thousand word;
// it reports false when the word starts a new number instead.
func (g *spokenGatherer) thouWord(nw numWord) bool {
	v, last := g.thouVal, g.thouLast
	switch nw.kind {
	case wordJoin:
		return last == wordTens || last == wordHundred
	case wordUnit:
		if nw.val == 0 || last != 0 && last != wordTens && last != wordHundred {
			return false
		}
		v += nw.val
	case wordTeen:
		if last != 0 && last != wordHundred && !(last == wordTens && (v%100 == 60 || v%100 == 80) && nw.val < 20) {
			return false
		}
		v += nw.val
	case wordTens:
		if last != 0 && last != wordHundred {
			return false
		}
		v += nw.val
		if nw.unitFirst {
			nw.kind = wordTeen
		}
	case wordHundred:
		switch {
		case nw.val > 100 && last == 0:
			v = nw.val
		case nw.val == 100 && (last == 0 || last == wordUnit && v < 10):
			v = max(v, 1) * 100
		default:
			return false
		}
	default:
		return false
	}
	g.thouVal, g.thouLast = v, nw.kind
	d := g.num.digits[g.thouAt : g.thouAt+3]
	d[0], d[1], d[2] = byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10)
	return true
}

func (g *spokenGatherer) flushTens() bool {
	if g.pendingTens < 0 {
		return true
	}
	ok := g.num.addVal(g.pendingTens, 2)
	g.pendingTens = -1
	return ok
}

// token feeds one trimmed and folded token; it reports false when the token
// is not part of a number. Hyphenated tokens are digit sequences
// ("four-one-five") or French compounds ("quatre-vingt-dix").
func (g *spokenGatherer) token(f []byte) bool {
	if isDigits(f) {
		if !g.flushTens() || g.repeat > 0 || !g.num.add(f...) {
			return false
		}
		g.lastUnit, g.afterHundr, g.joined, g.joinOnly = -1, false, false, false
		g.lastWord, g.inThou = false, false
		return true
	}
	if g.frenchEighty(f) {
		return true
	}
	if nw, found := numberWordIndex.get(f); found {
		ok := g.word(nw)
		g.afterDix = ok && string(f) == "dix"
		return ok
	}
	if thousandWords.has(f) {
		return g.thousand()
	}
	if bytes.IndexByte(f, '-') <= 0 {
		return g.inner(f) || g.glued(f)
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
		nw, found := numberWordIndex.get(part)
		if !found || !g.word(nw) {
			return false
		}
	}
	return true
}

// glued feeds a number said as one word that no table holds: the German,
// Dutch and Italian compounds above 99 ("zweihundertvier", "honderdtwaalf",
// "cinquecentouno", "neunzehnhundertachtundneunzig"). A speaker reading an
// account or contract number in chunks says each chunk so; the chunk's
// digits are its value's.
func (g *spokenGatherer) glued(f []byte) bool {
	val := gluedNumber(f)
	if val == 0 || g.repeat > 0 || !g.flushTens() {
		return false
	}
	var b [5]byte
	n := len(b)
	for v := val; v > 0; v /= 10 {
		n--
		b[n] = byte('0' + v%10)
	}
	if !g.num.add(b[n:]...) {
		return false
	}
	g.lastUnit, g.afterHundr, g.joined, g.joinOnly = -1, false, false, false
	g.lastWord, g.inThou, g.lastTeen = false, false, false
	g.num.words++
	return true
}

// frenchEighty feeds "vingt" after "quatre" said as a word of its own, as
// transcripts write French without hyphens: "quatre vingt dix sept" is 97,
// not 4, 20, 10, 7. Only the French words: "four twenty" stays 4, 20.
func (g *spokenGatherer) frenchEighty(f []byte) bool {
	if g.lastUnit != 4 || string(f) != "vingt" && string(f) != "vingts" || !g.lastWord ||
		g.pendingTens >= 0 || g.repeat > 0 || g.inThou || g.num.n == 0 || g.num.digits[g.num.n-1] != '4' {
		return false
	}
	g.num.n--
	g.pendingTens, g.tensStandalone, g.lastUnit, g.lastTeen = 80, false, -1, false
	g.joined, g.joinOnly = false, false
	return true
}

// gluedNumber returns the value of the folded word f when it is a number
// said as one word that no table holds ("zweihundertvier"), or 0.
func gluedNumber(f []byte) int {
	if len(f) < 7 || !numEdges.may(f) {
		return 0
	}
	c, ok := readCardinal(f, 0)
	if !ok || c.words != 1 || c.end != len(f) || c.ordinal || c.lead0 || c.val < 10 || c.val > 99999 {
		return 0
	}
	return c.val
}

// innerSix holds the Portuguese "meia" (from "meia dúzia"), six when read
// inside a phone or account number ("nove meia dois"); alone it is "half"
// ("seis e meia"), so it never starts a number (see spokenLead).
var innerSix = newWordList(`meia`)

// inner feeds a word that is a digit only inside a number.
func (g *spokenGatherer) inner(f []byte) bool {
	if len(f) != 4 || !innerSix.has(f) || g.num.n == 0 && g.repeat == 0 || g.joined || g.afterHundr {
		return false
	}
	return g.word(numWord{val: 6, kind: wordUnit})
}

// spelledNext reports whether the token after i may go on spelling a
// postcode: a single letter or a number word ("one a two b b", "eight
// three q t"), not "perros" after "y tres".
func spelledNext(text []byte, i int) bool {
	s, e := nextToken(text, i)
	if e-s == 1 {
		return true
	}
	var w readWord
	return w.next(text, i) && numberWordIndex.has(w.word())
}

// spokenLead extends a gathered number back over one word that is a digit
// only in front of other digits and so never wakes the detector: the
// English "oh" for zero ("oh seven seven …"), the Portuguese "meia" for
// six ("meia um nove …", Brasília's area code). A word that ends a clause
// is not part of it: "oh, four one five …".
func spokenLead(in Input, num *spokenNumber) {
	text := in.Text
	if s, e := prevToken(text, num.start); e-s != 2 && e-s != 4 {
		return // neither "oh" nor "meia"
	}
	var rw readWord
	if num.n == 0 || num.plus || !rw.prev(text, num.start) || rw.stop || !rw.ok || rw.we < rw.e {
		return
	}
	d := byte(0)
	switch f := rw.word(); {
	case string(f) == "oh" && (in.Lang == "en" || in.Lang == ""):
		d = '0'
	case innerSix.has(f):
		d = '6'
	default:
		return
	}
	if num.n == maxSpokenDigits {
		return
	}
	copy(num.digits[1:num.n+1], num.digits[:num.n])
	num.digits[0] = d
	num.n++
	num.words++
	num.start = rw.ws
	for i := range num.nseps {
		num.seps[i]++
	}
}

// word feeds one number word.
func (g *spokenGatherer) word(nw numWord) bool {
	num := &g.num
	dix := g.afterDix
	g.afterDix = false
	if g.inThou {
		if g.thouWord(nw) {
			g.joined, g.joinOnly = nw.kind == wordJoin, nw.kind == wordJoin
			if !g.joinOnly {
				num.words++
			}
			return true
		}
		g.inThou = false
	}
	good := true
	switch nw.kind {
	case wordPlus:
		good = num.n == 0 && !num.plus
		num.plus = true
	case wordJoin:
		good = g.pendingTens >= 0 || g.afterHundr
	case wordZeroOh:
		good = (num.n > 0 || g.pendingTens >= 0 || g.repeat > 0) && g.flushTens() && num.add('0')
		for ; g.repeat > 1 && good; g.repeat-- { // "double oh", "triple oh"
			good = num.add('0')
		}
		g.lastUnit, g.repeat = 0, 0
	case wordRepeat:
		good = g.repeat == 0 && g.flushTens()
		g.repeat = nw.val
	case wordHundred:
		switch {
		case nw.val > 100: // "trescientos", "quatrocentos": a unit and its hundred
			good = g.flushTens() && num.add(byte('0'+nw.val/100), '0', '0')
		case g.lastUnit > 0 && g.pendingTens < 0:
			good = num.add('0', '0')
		case g.lastTeen && g.pendingTens < 0:
			// "neunzehn hundert", "nineteen hundred": 1900.
			good = num.add('0', '0')
		default: // "cent quatre", "hundred and two": one hundred
			good = g.flushTens() && num.add('1', '0', '0')
		}
		g.afterHundr, g.lastUnit = good, -1
	case wordUnit:
		switch {
		case dix && nw.val >= 7 && g.pendingTens < 0:
			// French without hyphens: "dix sept" 17, "soixante dix huit" 78.
			num.digits[num.n-1] = byte('0' + nw.val)
		case g.pendingTens >= 0 && (g.tensStandalone || nw.val == 0):
			// "sesenta cero" is 60 then 0: no number ends in a zero unit.
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
	g.lastTeen = nw.kind == wordTeen && nw.val < 20
	g.joined = nw.kind == wordJoin
	g.joinOnly = nw.kind == wordJoin || nw.kind == wordPlus || nw.kind == wordRepeat
	g.lastWord = nw.kind == wordUnit || nw.kind == wordTeen || nw.kind == wordTens || nw.kind == wordHundred
	if !g.joinOnly {
		num.words++
	}
	return good
}

// classifySpoken validates a gathered number as a phone, card or SSN.
func classifySpoken(in Input, num *spokenNumber) (Finding, bool) {
	ds := num.digits[:num.n]
	f := Finding{Start: num.start, End: num.end, Rule: "spoken-digits"}
	if !num.plus && num.n >= 13 && num.n <= 19 && luhnValid(ds) && cardNetwork(ds) != "" {
		f.Kind, f.Validated, f.Confidence = KindCreditCard, true, 0.95
		f.Value = append([]byte(nil), ds...)
		return f, true
	}
	// Said with separators in the SSN's 3-2-4 groups, it needs no cue, like
	// the dashed written form.
	grouped := num.nseps == 2 && num.seps[0] == 3 && num.seps[1] == 5
	if !num.plus && num.n == 9 && (grouped || hasSSNCue(in.Text, num.start)) && validSSNDigits(ds) {
		f.Kind, f.Validated, f.Confidence = KindUSSSN, true, 0.9
		f.Value = append([]byte(nil), ds...)
		return f, true
	}
	if num.n >= 7 && num.n <= 15 {
		cue := spokenCueBefore(in.Text, num.start)
		scope := scopeAll
		if cue != cuePhone && !num.plus && missingTrunk(ds, in.Lang) {
			// "ja dat is vier vier zeven een nul …": without its country's
			// trunk prefix or a phone cue, a number is no phone of another
			// country; it is still some customer's or member's number.
			scope = scopeGrouping
		}
		e164, ok := validatePhoneDigits(ds, num.plus, in.Lang, scope)
		if !ok {
			e164, ok = restartedPhone(ds, num.plus, in.Lang, scope)
		}
		if !ok && scope != scopeAll {
			if _, foreign := validatePhoneDigits(ds, num.plus, in.Lang, scopeAll); foreign {
				return spokenIDFinding(f, ds), true
			}
		}
		if ok {
			f.Kind, f.Validated, f.Confidence = KindPhone, true, 0.9
			f.Value = e164
			switch cue {
			case cueOperational:
				// "my account number is four four seven …": the cue names
				// the type, whatever phone plan the digits happen to fit.
				return spokenIDFinding(f, ds), true
			case cueID:
				// A government, medical or postal cue: that cue's detector
				// reports it; this finding only keeps it covered if none does.
				f.Validated, f.Confidence = false, 0.5
			}
			return f, true
		}
		// A long number read out in a conversation is an identifier of some
		// kind even when no validator recognizes it: seven digits said one
		// by one, or in chunks ("vier sieben null null zweiundachtzig
		// dreiundneunzig"). Unless a phone cue says otherwise, one no phone
		// plan accepts is a customer, account or contract number.
		if num.words >= 5 || cue == cueOperational {
			if cue == cuePhone {
				f.Kind, f.Confidence = KindPhone, 0.6
				f.Value = append([]byte(nil), ds...)
				return f, true
			}
			return spokenIDFinding(f, ds), true
		}
	}
	return f, false
}

// restartedPhone validates a number whose speaker started over after its
// first group: "seis uno dos, seis uno dos treinta y cuatro …".
func restartedPhone(ds []byte, plus bool, lang string, scope regionScope) ([]byte, bool) {
	for k := 2; k <= 4 && len(ds)-k >= 7; k++ {
		if bytes.Equal(ds[:k], ds[k:2*k]) {
			if e164, ok := validatePhoneDigits(ds[k:], plus, lang, scope); ok {
				return e164, true
			}
		}
	}
	return nil, false
}

// spokenIDFinding turns f into the OPERATIONAL finding for a number read
// out as an identifier. The cue's own detector reports it too, with the
// same span when it reads it whole; this one covers it when that one does
// not (a cue several words back, "numéro client c'est le …").
func spokenIDFinding(f Finding, ds []byte) Finding {
	f.Kind, f.Validated, f.Confidence = KindOperational, false, 0.6
	f.Rule = "spoken-digits-id"
	f.Value = append([]byte(nil), ds...)
	return f
}

// spelledLetter reads the token text[s:e] as one letter of a spelled
// IBAN country code, a letter alone or said ("d", "be", "uve"), and returns
// it upper-case and where the token's word starts.
func spelledLetter(text []byte, s, e int) (l byte, ws int, ok bool) {
	if s == e {
		return 0, 0, false
	}
	ws, we, _ := trimWord(text, s, e)
	if we-ws > 6 || ws == we || text[we-1] == ',' {
		return 0, 0, false
	}
	var buf [8]byte
	f, ok := foldWord(buf[:0], text[ws:we])
	if !ok {
		return 0, 0, false
	}
	if len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
		return f[0] - ('a' - 'A'), ws, true
	}
	if l, ok := letterNameIndex.get(f); ok {
		return l, ws, true
	}
	return 0, 0, false
}

// spokenIBAN reads an IBAN spelled out from its check digits at start on:
// the country code said as two letters just before ("d e neun sechs …", "g
// b three three b u k b …", "n l eenennegentig a b n a …"), then number
// words, digit groups and the bank code's letters. It must have its
// country's length and pass mod 97; Value is the compact IBAN, as the
// written form's.
func spokenIBAN(text []byte, start int) (Finding, bool) {
	var cc [2]byte
	ccStart := start
	for k := 1; k >= 0; k-- {
		s, e := prevToken(text, ccStart)
		l, ws, ok := spelledLetter(text, s, e)
		if !ok {
			return Finding{}, false
		}
		cc[k], ccStart = l, ws
	}
	n := int(ibanLen[cc[0]-'A'][cc[1]-'A'])
	if n == 0 {
		return Finding{}, false
	}
	id := readSpokenID(text, start)
	v := id.value()
	if len(v) != n-2 || id.num.start != start || !isDigit(v[0]) || !isDigit(v[1]) {
		return Finding{}, false
	}
	var iban [maxIBAN]byte
	iban[0], iban[1] = cc[0], cc[1]
	copy(iban[2:], v)
	if !ibanChecksum(iban[:n]) {
		return Finding{}, false
	}
	return Finding{
		Kind: KindIBAN, Start: ccStart, End: id.num.end, Confidence: 0.95, Validated: true,
		Rule: "spoken-iban", Value: append([]byte(nil), iban[:n]...),
	}, true
}
