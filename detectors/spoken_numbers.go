package detectors

import (
	"strings"
)

// Numbers said as quantities rather than digit by digit: years ("mil
// novecientos setenta y nueve", "neunzehnhundertachtzig", "mille neuf cent
// quatre-vingt-deux"), house numbers ("cento e vinte", "honderdvijftig"),
// postal codes ("soixante-neuf mille") and the ordinals of dates and floors
// ("third", "dritten", "premier", "tercero"). dob.go and address.go read
// them with readCardinal; the words come from numberWords (spoken_words.go).

// thousandWords multiply what precedes them by 1000 ("dos mil", "duemila").
var thousandWords = newWordList(`thousand mil mille mila tausend duizend`)

// ordinalWords maps the ordinal words of the configured languages to their
// value: day numbers ("twelfth", "vierzehnter", "derde") and floors
// ("tercero", "deuxième", "terceiro").
var ordinalWords = func() map[string]int {
	m := map[string]int{}
	for i, ws := range [...]string{
		"first premier première premiere primero primera primer primo prima primeiro primeira eerste",
		"second deuxième deuxieme seconde segundo segunda secondo seconda tweede",
		"third troisième troisieme tercero tercera terzo terza terceiro terceira derde",
		"fourth quatrième quatrieme cuarto cuarta quarto quarta vierde",
		"fifth cinquième cinquieme quinto quinta vijfde",
		"sixth sixième sixieme sexto sexta sesto sesta zesde",
		"seventh septième septieme séptimo septimo séptima septima settimo settima sétimo setimo sétima zevende",
		"eighth huitième huitieme octavo octava ottavo ottava oitavo oitava achtste",
		"ninth neuvième neuvieme noveno novena nono nona negende",
		"tenth dixième dixieme décimo decimo décima decima tiende",
		"eleventh elfde", "twelfth twaalfde", "thirteenth dertiende", "fourteenth veertiende",
		"fifteenth vijftiende", "sixteenth zestiende", "seventeenth zeventiende", "eighteenth achttiende",
		"nineteenth negentiende", "twentieth twintigste",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = i + 1
		}
	}
	m["thirtieth"], m["dertigste"] = 30, 30
	// German day ordinals: the cardinal's stem with -t- below 20 and -st-
	// above, then an ending (-e, -en, -er, -es, -em): "dritten",
	// "vierzehnter", "einundzwanzigsten".
	deStem := map[int]string{1: "erst", 3: "dritt", 7: "siebt", 8: "acht"}
	deUnits := [10]string{1: "ein", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun"}
	deTeens := [10]string{"zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"}
	for n := 1; n <= 31; n++ {
		stem, ok := deStem[n]
		switch {
		case ok:
		case n < 10:
			stem = deUnits[n] + "t"
		case n < 20:
			stem = deTeens[n-10] + "t"
		case n == 20:
			stem = "zwanzigst"
		case n == 30:
			stem = "dreißigst"
		case n < 30:
			stem = deUnits[n-20] + "undzwanzigst"
		default:
			stem = "einunddreißigst"
		}
		for _, end := range [...]string{"e", "en", "er", "es", "em"} {
			w := stem + end
			m[w] = n
			m[strings.NewReplacer("ü", "ue", "ö", "oe", "ß", "ss").Replace(w)] = n
		}
	}
	// Dutch 21st..31st: "eenentwintigste", "eenendertigste".
	nlUnits := [10]string{1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen"}
	for u := 1; u <= 9; u++ {
		join := "en"
		if strings.HasSuffix(nlUnits[u], "e") {
			join = "ën"
			m[nlUnits[u]+"entwintigste"] = 20 + u
		}
		m[nlUnits[u]+join+"twintigste"] = 20 + u
	}
	m["eenendertigste"] = 31
	return m
}()

// ordinalIndex holds ordinalWords for lookups by folded word.
var ordinalIndex = wordMapOf(ordinalWords)

// numAtom is one part of a number said in words.
type numAtom struct {
	val     int
	kind    wordKind // wordUnit, wordTeen (any 10..99 said in one word), wordTens, wordHundred, wordJoin, wordZeroOh
	thous   bool     // a thousand word
	ordinal bool     // an ordinal: it ends the number
}

// maxAtoms bounds the parts of one glued number word.
const maxAtoms = 6

// numberAtoms splits the folded word f into number parts: a number word,
// a French or English hyphenated compound, an ordinal, or a glued compound
// of German, Dutch and Italian ("neunzehnhundertachtzig",
// "negentienhonderd", "millenovecentottantuno"). It returns n == 0 when f is
// not a number.
func numberAtoms(f []byte, out *[maxAtoms]numAtom) int {
	if len(f) == 0 || byteClass[f[0]]&ClassLetter == 0 {
		return 0
	}
	if a, ok := oneAtom(f); ok {
		out[0] = a
		return 1
	}
	if i := strings.LastIndexByte(string(f), '-'); i > 0 { // "twenty-first"
		if o, ok := ordinalIndex.get(f[i+1:]); ok && o < 10 {
			if nw, ok := numberWordIndex.get(f[:i]); ok && nw.kind == wordTens {
				out[0] = numAtom{val: nw.val + o, kind: wordTeen, ordinal: true}
				return 1
			}
		}
		if nw, ok := frenchCompound(f); ok {
			out[0] = numAtom{val: nw.val, kind: nw.kind}
			if nw.val >= 10 {
				out[0].kind = wordTeen
			}
			return 1
		}
		return 0
	}
	if len(f) < 7 || !numEdges.may(f) {
		return 0
	}
	return splitNumber(f, out[:0])
}

// edgeFilter holds the first and last two bytes of a set of words: a glued
// number starts like a number word and ends like one, which most long words
// do not, so splitNumber runs only for the few that pass.
type edgeFilter struct {
	first, last [256][4]uint64 // [b0][b1/64] bit b1%64
}

func (x *edgeFilter) add(w string) {
	if len(w) < 2 {
		return
	}
	x.first[w[0]][w[1]/64] |= 1 << (w[1] % 64)
	a, b := w[len(w)-2], w[len(w)-1]
	x.last[a][b/64] |= 1 << (b % 64)
}

func (x *edgeFilter) may(f []byte) bool {
	a, b := f[len(f)-2], f[len(f)-1]
	return x.first[f[0]][f[1]/64]&(1<<(f[1]%64)) != 0 && x.last[a][b/64]&(1<<(b%64)) != 0
}

// numEdges filters candidates for splitNumber.
var numEdges = func() *edgeFilter {
	x := &edgeFilter{}
	for w := range numberWords {
		x.add(w)
	}
	for w := range thousandWords.all() {
		x.add(w)
	}
	for w := range ordinalWords {
		x.add(w)
	}
	return x
}()

// oneAtom looks the whole word up.
func oneAtom(f []byte) (numAtom, bool) {
	if nw, ok := numberWordIndex.get(f); ok {
		switch nw.kind {
		case wordRepeat, wordPlus:
			return numAtom{}, false
		case wordTens:
			if nw.unitFirst {
				// German and Dutch tens take no following unit; they
				// end a number like a compound does.
				return numAtom{val: nw.val, kind: wordTeen}, true
			}
		}
		return numAtom{val: nw.val, kind: nw.kind}, true
	}
	if thousandWords.has(f) {
		return numAtom{val: 1000, thous: true}, true
	}
	if o, ok := ordinalIndex.get(f); ok {
		k := wordUnit
		if o >= 10 {
			k = wordTeen
		}
		return numAtom{val: o, kind: k, ordinal: true}, true
	}
	return numAtom{}, false
}

// splitNumber splits a glued compound into known parts, backtracking so
// that "novecentottantuno" is nove+cent+ottantuno, not novecento+….
func splitNumber(f []byte, out []numAtom) int {
	if len(f) == 0 {
		return len(out)
	}
	if len(out) == maxAtoms {
		return 0
	}
	for l := len(f); l >= 1; l-- {
		a, ok := oneAtom(f[:l])
		// Italian may join a thousand and what follows with "e":
		// "cinquantamilaecentoventidue". No other atom is one letter.
		joinAfterThousand := a.kind == wordJoin && len(out) > 0 && out[len(out)-1].thous && l < len(f)
		if !ok || l == 1 && !joinAfterThousand || a.kind == wordJoin && !joinAfterThousand || a.kind == wordZeroOh || a.ordinal && l < len(f) {
			continue
		}
		if n := splitNumber(f[l:], append(out, a)); n > 0 {
			return n
		}
	}
	return 0
}

// cardinal is a number read from words by readCardinal.
type cardinal struct {
	val        int
	start, end int  // span of its words
	next       int  // offset after its last token
	words      int  // number words read
	ordinal    bool // it ends in an ordinal ("twenty first", "dritten")
	lead0      bool // said with a leading zero: "oh five"
	thousands  bool // it holds a thousand word
	hundreds   bool // it holds a hundred word
	stop       bool // its last token ended a clause
	lastSimple bool // it is one unit, teen or tens word: a year half ("nineteen")
}

// readCardinal reads one number said in words from the token at or after
// i: "mil novecientos setenta y nueve" 1979, "four" 4, "twenty two" 22,
// "oh five" 5 (lead0), "cento e vinte" 120. It stops where a new number
// begins ("four twenty two" is 4, then 22) and at a clause end. ok is false
// when no number word starts there.
func readCardinal(text []byte, i int) (c cardinal, ok bool) {
	total, cur := 0, 0
	var last wordKind // 0 at the start
	lastThous, pendingJoin, pendingOh := false, false, false
	c.start = -1
	var rw readWord
	for k := 0; k < 12; k++ {
		if !rw.next(text, i) || rw.ws == rw.we || !rw.ok {
			break
		}
		te, ws, we, stop, f := rw.e, rw.ws, rw.we, rw.stop, rw.word()
		var atoms [maxAtoms]numAtom
		n := numberAtoms(f, &atoms)
		if n == 0 {
			break
		}
		// Apply the token's atoms to a copy; keep them only if all fit.
		t, cu, la, lt, pj, po := total, cur, last, lastThous, pendingJoin, pendingOh
		good, ord, hund := true, false, false
		for _, a := range atoms[:n] {
			if ord {
				good = false
				break
			}
			switch {
			case a.thous:
				good = t == 0 && !lt && !po && (cu > 0 || la == 0)
				t, cu, lt = max(cu, 1)*1000, 0, true
				la = wordHundred
			case a.kind == wordZeroOh || a.kind == wordUnit && a.val == 0 && la == 0:
				good = la == 0 && !po
				po = true
				continue
			case a.kind == wordJoin:
				good = !pj && (la == wordTens || la == wordHundred)
				pj = true
				continue
			case a.kind == wordHundred && a.val == 100:
				good = !po && (la == 0 || la == wordUnit || la == wordTeen && cu < 100 || lt && cu == 0) && cu%100 == cu
				cu, la, hund = max(cu, 1)*100, wordHundred, true
			case a.kind == wordHundred:
				good = !po && cu == 0 && (la == 0 || lt)
				cu, la, hund = a.val, wordHundred, true
			case a.kind == wordUnit:
				good = la == 0 || la == wordTens || la == wordHundred
				if po {
					good = la == 0
				}
				cu, la = cu+a.val, wordUnit
			case a.kind == wordTeen:
				good = !po && (la == 0 || la == wordHundred)
				cu, la = cu+a.val, wordTeen
			case a.kind == wordTens:
				good = !po && (la == 0 || la == wordHundred)
				cu, la = cu+a.val, wordTens
			default:
				good = false
			}
			if !good {
				break
			}
			lt = lt && a.thous
			pj = false
			ord = a.ordinal
		}
		if !good || pj && n > 1 {
			break
		}
		total, cur, last, lastThous, pendingJoin, pendingOh = t, cu, la, lt, pj, po
		if c.start < 0 {
			c.start = ws
		}
		i = te
		if !pendingJoin && !(pendingOh && last == 0) {
			c.end, c.next, c.stop = we, te, stop
			c.words++
			c.ordinal = ord
			c.lastSimple = c.words == 1 && n == 1 && !ord && (last == wordUnit || last == wordTeen || last == wordTens)
		}
		c.hundreds = c.hundreds || hund
		c.thousands = c.thousands || t > 0
		if stop || ord {
			break
		}
	}
	if c.words == 0 || pendingOh && last == 0 {
		return cardinal{}, false
	}
	c.val, c.lead0 = total+cur, pendingOh
	return c, true
}
