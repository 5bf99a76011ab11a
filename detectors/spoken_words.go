package detectors

import (
	"bytes"
	"strings"
)

// Spoken forms: numbers and e-mail addresses said aloud, as speech recognition
// writes them and as people type them ("four one five", "cuatro uno cinco",
// "john dot smith at example dot com"). This file holds the vocabulary of the
// seven configured languages; spoken_digits.go and spoken_email.go use it.

// numWord is the meaning of one number word.
type numWord struct {
	val  int      // 0..99, or the multiplier for wordHundred
	kind wordKind // how the word combines with its neighbours
	// unitFirst marks German and Dutch tens words: those languages say the
	// unit first, so a following unit word is a number of its own.
	unitFirst bool
}

type wordKind uint8

const (
	wordUnit    wordKind = iota + 1 // 0..9: one digit
	wordTeen                        // 10..19: two digits
	wordTens                        // 20, 30 … 90: may take a following unit
	wordHundred                     // multiplies the preceding unit by 100
	wordRepeat                      // "double", "triple": repeats the next digit val times
	wordZeroOh                      // "oh", "o": zero, but only inside a number
	wordPlus                        // "plus": an international prefix, only first
	wordJoin                        // "y", "e", "et", "and", "und", "en": joins tens and units
)

// numberWords maps a lower-case word to its meaning, for every configured
// language. Spellings without diacritics are included because transcripts
// and keyboards drop them.
var numberWords = func() map[string]numWord {
	m := map[string]numWord{}
	add := func(k wordKind, val int, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = numWord{val: val, kind: k}
		}
	}
	units := [10]string{
		"zero cero zéro null nul nulla",
		"one uno una un une eins ein um uma een één",
		"two dos deux zwei zwo due dois duas twee",
		"three tres três trois drei tre drie",
		"four cuatro quatre vier quattro quatro",
		"five cinco cinq fünf fuenf funf cinque vijf",
		"six seis sechs sei zes",
		"seven siete sept sieben sette sete zeven",
		"eight ocho huit acht otto oito",
		"nine nueve neuf neun nove negen",
	}
	for d, ws := range units {
		add(wordUnit, d, ws)
	}
	teens := [10]string{
		"ten diez dix zehn dieci dez tien",
		"eleven once onze elf undici",
		"twelve doce douze zwölf zwoelf zwolf dodici doze twaalf",
		"thirteen trece treize dreizehn tredici treze dertien",
		"fourteen catorce quatorze vierzehn quattordici catorze veertien",
		"fifteen quince quinze fünfzehn fuenfzehn quindici vijftien",
		"sixteen dieciséis dieciseis seize sechzehn sedici dezesseis zestien",
		"seventeen diecisiete dix-sept siebzehn diciassette dezessete zeventien",
		"eighteen dieciocho dix-huit achtzehn diciotto dezoito achttien",
		"nineteen diecinueve dix-neuf neunzehn diciannove dezenove negentien",
	}
	for i, ws := range teens {
		add(wordTeen, 10+i, ws)
	}
	tens := [8]string{
		"twenty veinte vingt zwanzig venti vinte twintig",
		"thirty treinta trente dreißig dreissig trenta trinta dertig",
		"forty cuarenta quarante vierzig quaranta quarenta veertig",
		"fifty cincuenta cinquante fünfzig fuenfzig cinquanta cinquenta vijftig",
		"sixty sesenta soixante sechzig sessanta sessenta zestig",
		"seventy setenta siebzig settanta zeventig",
		"eighty ochenta achtzig ottanta oitenta tachtig",
		"ninety noventa neunzig novanta negentig",
	}
	for i, ws := range tens {
		add(wordTens, 20+10*i, ws)
	}
	for i, ws := range [8]string{
		"zwanzig twintig", "dreißig dreissig dertig", "vierzig veertig", "fünfzig fuenfzig vijftig",
		"sechzig zestig", "siebzig zeventig", "achtzig tachtig", "neunzig negentig",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = numWord{val: 20 + 10*i, kind: wordTens, unitFirst: true}
		}
	}
	addCompounds(m)
	add(wordHundred, 100, "hundred cien ciento cent cents hundert einhundert cento cem honderd")
	for u, ws := range [10]string{
		2: "doscientos doscientas duecento duzentos duzentas deux-cents zweihundert tweehonderd",
		3: "trescientos trescientas trecento trezentos trezentas dreihundert driehonderd",
		4: "cuatrocientos cuatrocientas quattrocento quatrocentos quatrocentas vierhundert vierhonderd",
		5: "quinientos quinientas cinquecento quinhentos quinhentas fünfhundert vijfhonderd",
		6: "seiscientos seiscientas seicento seiscentos seiscentas sechshundert zeshonderd",
		7: "setecientos setecientas settecento setecentos setecentas siebenhundert zevenhonderd",
		8: "ochocientos ochocientas ottocento oitocentos oitocentas achthundert achthonderd",
		9: "novecientos novecientas novecento novecentos novecentas neunhundert negenhonderd",
	} {
		add(wordHundred, 100*u, ws)
	}
	add(wordRepeat, 2, "double doble doppel doppio doppia duplo dubbel")
	add(wordRepeat, 3, "triple triplo tripla dreifach")
	add(wordZeroOh, 0, "oh o")
	add(wordPlus, 0, "plus más mais più")
	add(wordJoin, 0, "and y et und e en")
	return m
}()

// numberWordIndex holds numberWords for the hot paths: most words fail its
// first-byte and length filter, the rest take one short hash.
var numberWordIndex = wordMapOf(numberWords)

// frenchCompound evaluates hyphenated French numbers below 100:
// "vingt-deux" 22, "soixante-dix" 70, "quatre-vingt" 80, "quatre-vingt-dix-neuf" 99.
// A hyphenated run of single digits is not a compound: it returns false.
func frenchCompound(w []byte) (numWord, bool) {
	total, prev, units := 0, -1, true
	for rest := w; len(rest) > 0; {
		part := rest
		if i := bytes.IndexByte(rest, '-'); i >= 0 {
			part, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		nw, ok := numberWordIndex.get(part)
		switch {
		case string(part) == "vingts":
			nw = numWord{val: 20, kind: wordTens}
		case string(part) == "et":
			continue
		case !ok:
			return numWord{}, false
		}
		units = units && nw.kind == wordUnit
		switch {
		case nw.kind == wordTens && nw.val == 20 && prev == 4: // quatre-vingt
			total += 80 - 4
		case nw.kind == wordUnit || nw.kind == wordTeen || nw.kind == wordTens:
			total += nw.val
		default:
			return numWord{}, false
		}
		prev = nw.val
	}
	if units || total <= 0 || total > 99 {
		return numWord{}, false
	}
	if total < 10 {
		return numWord{val: total, kind: wordUnit}, true
	}
	return numWord{val: total, kind: wordTeen}, true
}

// spokenKeywords returns every number word, for the engine's keyword trigger.
// Only words that can start a number are included.
func spokenKeywords() []string {
	var kws []string
	for w, nw := range numberWords {
		switch nw.kind {
		case wordZeroOh, wordJoin, wordHundred:
			continue
		}
		if len(w) <= maxKeyword && strings.IndexByte(w, '-') < 0 {
			kws = append(kws, w)
		}
	}
	return kws
}

// addCompounds adds the one-word numbers 21..99 of German ("einundzwanzig"),
// Dutch ("eenentwintig", "tweeëntwintig"), Spanish ("veintiuno") and Italian
// ("ventuno", "trentadue").
func addCompounds(m map[string]numWord) {
	deUnits := [10]string{1: "ein", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun"}
	deTens := [10]string{2: "zwanzig", 3: "dreißig", 4: "vierzig", 5: "fünfzig", 6: "sechzig", 7: "siebzig", 8: "achtzig", 9: "neunzig"}
	nlUnits := [10]string{1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen"}
	nlTens := [10]string{2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig", 8: "tachtig", 9: "negentig"}
	esUnits := [10]string{1: "uno", 2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis", 7: "siete", 8: "ocho", 9: "nueve"}
	esTwenties := [10]string{2: "veintidós", 3: "veintitrés", 6: "veintiséis"}
	itUnits := [10]string{1: "uno", 2: "due", 3: "tre", 4: "quattro", 5: "cinque", 6: "sei", 7: "sette", 8: "otto", 9: "nove"}
	itTens := [10]string{2: "venti", 3: "trenta", 4: "quaranta", 5: "cinquanta", 6: "sessanta", 7: "settanta", 8: "ottanta", 9: "novanta"}
	put := func(w string, v int) { m[w] = numWord{val: v, kind: wordTeen} }
	for t := 2; t <= 9; t++ {
		for u := 1; u <= 9; u++ {
			v := 10*t + u
			put(deUnits[u]+"und"+deTens[t], v)
			put(strings.ReplaceAll(deUnits[u]+"und"+deTens[t], "ü", "ue"), v)
			put(strings.ReplaceAll(deUnits[u]+"und"+deTens[t], "ß", "ss"), v)
			join := "en"
			if strings.HasSuffix(nlUnits[u], "e") {
				join = "ën"
				put(nlUnits[u]+"en"+nlTens[t], v) // typed without the diaeresis
			}
			put(nlUnits[u]+join+nlTens[t], v)
			it := itTens[t]
			if itUnits[u][0] == 'u' || itUnits[u][0] == 'o' {
				it = it[:len(it)-1]
			}
			put(it+itUnits[u], v)
			if u == 3 {
				put(it+"tré", v)
			}
			if t == 2 {
				put("veinti"+esUnits[u], v)
				if esTwenties[u] != "" {
					put(esTwenties[u], v)
				}
			}
		}
	}
}

// readWord is the prologue the detectors of this family share when they
// read the words around their trigger: find the next (or previous) token,
// strip its punctuation, fold it to lower case. The folded word lives in
// buf (word returns it: a slice kept in the struct would point into the
// struct itself and move it to the heap).
type readWord struct {
	s, e   int  // the token
	ws, we int  // the word: the token without surrounding punctuation
	stop   bool // the punctuation ended a sentence or clause
	// ok is false when the word is longer than buf, so it is no word any
	// of these detectors knows.
	ok  bool
	n   int // the folded word's length in buf
	buf [48]byte
}

// word returns the folded word, nil when it did not fit.
func (w *readWord) word() []byte {
	if !w.ok {
		return nil
	}
	return w.buf[:w.n]
}

// next reads the first token at or after i; it reports false at the end of
// text.
func (w *readWord) next(text []byte, i int) bool {
	w.s, w.e = nextToken(text, i)
	return w.s < w.e && w.fold(text)
}

// prev reads the last token ending at or before i; it reports false at the
// start of text.
func (w *readWord) prev(text []byte, i int) bool {
	w.s, w.e = prevToken(text, i)
	return w.s < w.e && w.fold(text)
}

// bounds reads the first token at or after i as next does, without folding
// it: a caller that turns most words away on their bytes folds the rest
// with fold. It reports false at the end of text.
func (w *readWord) bounds(text []byte, i int) bool {
	w.s, w.e = nextToken(text, i)
	w.ws, w.we, w.stop = trimWord(text, w.s, w.e)
	w.ok, w.n = false, 0
	return w.s < w.e
}

// boundsBefore is bounds for the last token ending at or before i, as prev
// reads it; it reports false at the start of text.
func (w *readWord) boundsBefore(text []byte, i int) bool {
	w.s, w.e = prevToken(text, i)
	w.ws, w.we, w.stop = trimWord(text, w.s, w.e)
	w.ok, w.n = false, 0
	return w.s < w.e
}

func (w *readWord) fold(text []byte) bool {
	w.ws, w.we, w.stop = trimWord(text, w.s, w.e)
	f, ok := foldWord(w.buf[:0], text[w.ws:w.we])
	w.n, w.ok = len(f), ok
	return true
}
