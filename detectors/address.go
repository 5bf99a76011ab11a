package detectors

import (
	"bytes"
	"slices"
	"strings"
)

// Address finds street addresses in the formats of the configured languages,
// woken by the house number every address carries:
//   - number first: "123 Main Street", "1600 Pennsylvania Ave NW", "12 rue de la
//     Paix", "3 bis avenue Victor Hugo";
//   - street first: "Hauptstraße 5", "Berliner Str. 12a", "Calle Mayor 12",
//     "Av. Insurgentes Sur 1602", "Via Roma 10", "Rua Augusta, 100",
//     "Kalverstraat 12", "C/ Alcalá 45";
//   - without a street type word when a postal code follows: "Am Lindenhof
//     3, 50667 Köln", "Lange Voorhout 9, 2514 EA Den Haag", "11 Harbour View,
//     Cork T12 X8N4";
//   - post office boxes: "PO Box 1234", "Postfach 10 01 23", "Apartado de
//     correos 45", "BP 12", "Caixa Postal 1234", "Postbus 123";
//   - in voice transcripts, said in words and lower case: "four twenty two
//     elm street", "calle mayor número quince tercero izquierda", "rua das
//     flores cento e vinte", "kerkstraat twaalf";
//
// with unit and floor parts ("Apt 4B", "Whg. 7", "3º B", "2. OG", "3e étage",
// "ap. 81", "apartment six"), a colonia or bairro, a following postal code
// (written or said), the city and a country after a comma, across line
// breaks. A "c/o" name just before the address joins it. The span covers the
// whole address; Value is it with white space folded.
var Address = Detector{
	Name:    "address",
	Kind:    KindAddress,
	Trigger: Trigger{All: ClassDigit, Keywords: addressKeywords()},
	Find:    findAddress,
}

// addressKeywords returns the number words that may start a house number
// said aloud.
func addressKeywords() []string {
	kws := spokenKeywords()
	for w, nw := range numberWords {
		if nw.kind == wordHundred && len(w) <= maxKeyword && strings.IndexByte(w, '-') < 0 {
			kws = append(kws, w)
		}
	}
	kws = append(kws, gluedHundreds()...)
	kws = append(kws, italianHundreds()...)
	slices.Sort(kws)
	return kws
}

// gluedHundreds returns the numbers 101 to 999 said as one German or Dutch
// word ("hundertzwölf", "tweehonderdvijftig"): house numbers in a
// transcript that no number word wakes alone.
func gluedHundreds() []string {
	type lang struct {
		hundred, and       string
		units, teens, tens []string
	}
	langs := []lang{{
		hundred: "hundert", and: "und",
		units: []string{"ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"},
		teens: []string{"eins", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"},
		tens:  []string{"zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"},
	}, {
		hundred: "honderd", and: "en",
		units: []string{"een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"},
		teens: []string{"tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"},
		tens:  []string{"twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"},
	}}
	var kws []string
	for _, l := range langs {
		var tails []string
		tails = append(tails, l.units...)
		tails = append(tails, l.teens...)
		for _, t := range l.tens {
			tails = append(tails, t)
			for _, u := range l.units {
				tails = append(tails, u+l.and+t)
			}
		}
		prefixes := []string{l.hundred}
		for _, u := range l.units {
			prefixes = append(prefixes, u+l.hundred)
		}
		for _, p := range prefixes {
			for _, t := range tails {
				if w := p + t; len(w) <= maxKeyword {
					kws = append(kws, w)
				}
			}
		}
	}
	return kws
}

// italianHundreds returns the numbers 101 to 999 said as one Italian word
// ("centoventi", "duecentocinque", "centottanta"), with and without the
// elision of the hundred's "o" before a vowel.
func italianHundreds() []string {
	units := []string{"uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"}
	tails := append([]string{"dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
		"diciassette", "diciotto", "diciannove"}, units...)
	for _, t := range [...]string{"venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"} {
		tails = append(tails, t)
		for _, u := range units {
			if u[0] == 'u' || u[0] == 'o' {
				tails = append(tails, t[:len(t)-1]+u) // "ventuno", "trentotto"
			} else {
				tails = append(tails, t+u)
			}
		}
		tails = append(tails, t+"tré")
	}
	var kws []string
	for _, p := range [...]string{"cento", "duecento", "trecento", "quattrocento", "cinquecento", "seicento", "settecento", "ottocento", "novecento"} {
		for _, t := range tails {
			kws = append(kws, p+t)
			if t[0] == 'o' || t[0] == 'u' {
				kws = append(kws, p[:len(p)-1]+t) // "centottanta", "centuno"
			}
		}
	}
	return kws
}

// streetTypes are words that name a kind of street, by language. A street
// name holds one of them (or ends in one of streetSuffixes).
var streetTypes = newWordList(`
street st road rd avenue ave av lane ln drive dr boulevard blvd way court ct place pl square sq
terrace close crescent highway hwy parkway pkwy circle cir trail row walk grove gardens mews hill
calle c/ cl avenida avda paseo plaza pza carretera ctra camino ronda travesía travesia glorieta calzada
carrer avinguda passeig plaça placa carrera cra kra diagonal transversal
rue avenue boulevard bd chemin allée allee impasse quai route cours passage
straße strasse str weg platz allee gasse ring damm ufer chaussee
via viale v.le vle piazza p.za pza corso largo vicolo strada piazzale lungomare
rua r travessa praça praca pça pca estrada alameda rodovia
straat laan plein gracht kade singel dijk steeg
`)

// strongStreetTypes are the street types that are seldom anything else, so
// that lower-case words may name the street around them ("elm street",
// "calle mayor", "rue victor hugo").
var strongStreetTypes = newWordList(`
street st avenue ave road rd drive lane boulevard blvd
calle c/ cl avenida avda paseo plaza carretera camino calzada
rue boulevard bd chemin allée allee impasse quai
straße strasse str platz gasse allee
via viale v.le piazza p.za corso vicolo strada piazzale lungomare
rua travessa praça praca pça estrada alameda
straat laan plein gracht kade singel steeg
`)

// postTypes are street types written after the street's name ("Frankfurter
// Allee", "elm street"), never before it as "via" or "rua" are.
var postTypes = newWordList(`street avenue road lane drive boulevard allee straße strasse platz gasse weg ring damm`)

// looseNameBefore reports whether the token before s is a lower-case name
// word of a street.
func looseNameBefore(text []byte, s int) bool {
	ps, pe := prevToken(text, s)
	var buf [40]byte
	a, ok := readAddrWord(text, ps, pe, buf[:0])
	return ok && !a.stop && isLooseName(a.w, a.f) && !streetParticles.has(a.f)
}

// dottedStreetTypes are abbreviations that name a street only when written
// with their dot: "r. das flores", "av. jean jaurès", "pl. mayor".
var dottedStreetTypes = newWordList(`r av pl`)

// isStrongType reports whether the token text[s:e] is a strong street type
// or a dotted abbreviation of one.
func isStrongType(text []byte, s, e int) (has, stop bool) {
	has, stop = tokenIn(&strongStreetTypes, text, s, e)
	if !has && e-s >= 2 && e-s <= 3 && text[e-1] == '.' {
		has, _ = tokenIn(&dottedStreetTypes, text, s, e)
		stop = false
	}
	return has, stop
}

// roadNumbers are street types that, alone before a number, designate a road
// rather than an address: "route 9", "highway 101".
var roadNumbers = newWordList(`route highway hwy interstate ruta autoroute autobahn`)

// streetSuffixes end one-word street names in German and Dutch
// ("Hauptstraße", "Kalverstraat", "Keizersgracht").
var streetSuffixes = []string{
	"straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "ring", "damm", "ufer",
	"straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg",
}

// lowerSuffixes are the suffixes that make a lower-case word a street name
// in a transcript ("bahnhofstraße", "kerkstraat"); "ring" and "weg" end too
// many other words.
var lowerSuffixes = []string{"straße", "strasse", "gasse", "allee", "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "enweg"}

// unitWords introduce an apartment, floor or unit part.
var unitWords = newWordList(`
apt apartment unit suite ste flat floor fl no # room rm
piso puerta planta apto apartamento dpto depto departamento int interior local
appartement appt étage etage bâtiment batiment bât bat escalier esc porte
wohnung whg etage og stock eg dg zimmer
interno int scala piano
apto ap apartamento andar bloco casa sala conj conjunto
bus huisnummer verdieping
`)

// sideWords follow a floor: "3º izquierda", "2. links", "1er gauche".
var sideWords = newWordList(`izquierda derecha izq izqda izda dcha dch der centro links rechts gauche droite esquerdo esquerda direito direita esq dto sinistra destra`)

// districtWords introduce a neighbourhood before the postal code: "Col.
// Roma Norte", "Bairro Savassi".
var districtWords = newWordList(`col colonia fracc fraccionamiento barrio bairro`)

// houseNumberWords may stand between a street and its number: "calle mayor
// número quince", "Hauptstr. Nr. 5".
var houseNumberWords = newWordList(`número numero nº n° no nr num numéro nummer number`)

// addressCues say that an address follows, so lower-case street names are
// read in typed text too.
var addressCues = newWordList(`address addr live lives living ship deliver send located
dirección direccion domicilio vivo vive vivimos calle envío envio enviar
adresse habite habitons domicile livrer
adresse anschrift wohne wohnt wohnen liefern
indirizzo abito abita residente consegnare
endereço endereco morada moro mora moramos residente entregar
adres woon woont wonen bezorgen`)

// addressStopWords end a lower-case street name: function words that are
// never part of one.
var addressStopWords = newWordList(`
and or but is are was were be have has had it this that there here my your our for from to with at by in on
a an i we you he she they me him her us them not very also just about after before since near
y o pero es son está esta estoy hay que con por para en desde hace muy más mas también ya no sí si mi tu su
et ou mais est sont était ai à au aux avec pour par dans chez près depuis très aussi déjà ne pas je tu il
und oder aber ist sind war habe hat bei mit von zu nach seit sehr auch schon noch nicht ich du er sie wir in im
e o ma è sono era ho ha con per tra fra presso vicino molto anche già non io
e ou mas é são era tenho tem com para por na no em perto muito também já não eu
en of maar is zijn was heb heeft bij met van voor door naar sinds erg ook al niet ik je hij zij wij op
tiene tienen tem têm hanno ont haben hebben
`)

// countNouns follow a number that counts something rather than numbering a
// house: "tres años", "drie jaar", "two lanes".
var countNouns = newWordList(`
years year months weeks days hours minutes times euros dollars pounds people kids children items lanes
años año meses semanas días dias horas minutos veces euros personas
ans an mois semaines jours heures fois personnes
jahre jahren monate wochen tage tagen stunden minuten mal euro leute personen kinder
anni mesi settimane giorni ore minuti volte persone
anos meses semanas dias horas minutos vezes pessoas
jaar maanden weken dagen uur keer mensen
`)

func findAddress(dst []Finding, in Input, tok Token) ([]Finding, int) {
	if tok.Class&ClassDigit == 0 {
		if !in.Spoken {
			return dst, tok.End // house numbers in words are read in transcripts only
		}
		return findSpokenAddress(dst, in, tok)
	}
	text := in.Text
	ns, ne, numStop := trimWord(text, tok.Start, tok.End)
	if !isHouseNumber(text[ns:ne]) {
		return dst, tok.End
	}
	// Most numbers are counts, times and prices: reject them on the words
	// next to them before walking further.
	var pb, nb [40]byte
	ps, pe := prevToken(text, ns)
	p, pok := readAddrWord(text, ps, pe, pb[:0])
	xs, xe := nextToken(text, tok.End)
	n, nok := readAddrWord(text, xs, xe, nb[:0])
	if pok && pe == ns-1 && unitWords.has(p.f) && !houseNumberWords.has(p.f) {
		return dst, tok.End // "Flat 2, 17 Kings Road": a unit; the house number follows
	}
	if nok && countNouns.has(n.f) {
		return dst, tok.End // "5 minutes", "3 Kinder": a count
	}
	hint := pok && (isCapital(p.w) || streetTypes.has(p.f) || houseNumberWords.has(p.f) || poBoxWords.has(p.f) ||
		hasStreetSuffix(p.w, p.f, in.Spoken)) ||
		nok && (isCapital(n.w) || streetTypes.has(n.f) || string(n.f) == "bis" || string(n.f) == "ter")
	loose, tailLoose, needPostal := in.Spoken, in.Spoken, false
	if !hint {
		// A lower-case street: "12 elm street", "calle mayor 12", in a
		// transcript or after an address cue; typed without a cue, as
		// chat and SMS write it, only with a postal code after it
		// ("61 crestview ave apt 9 oakland ca 94610").
		if !lowerStreetNear(text, ps, tok.End) && !(pok && hasStreetSuffix(p.w, p.f, true)) {
			return dst, tok.End
		}
		if !loose && !addressCueBefore(text, ns) {
			needPostal, tailLoose = true, true
		}
		loose = true
	}
	if s, ok := poBoxBefore(text, ns); ok {
		end := ne
		// "Postfach 10 01 23": the box number may be grouped.
		for k := 0; k < 2; k++ {
			gs, ge := nextToken(text, end)
			a, b, _ := trimWord(text, gs, ge)
			if gs-end != 1 || b-a > 4 || !isDigits(text[a:b]) {
				break
			}
			end = b
		}
		t := addressTail(text, end, in.Spoken)
		return append(dst, addressFinding(text, leadBefore(text, s), t.end, t.postal)), t.end
	}
	// Colombian plates: "Calle 50 #12-34", "Carrera 7 # 45-10": a numbered
	// street, then the cross street and the distance after '#'.
	if pok && streetTypes.has(p.f) && nok && n.w[0] == '#' {
		if pe := plateEnd(text, n); pe > 0 {
			t := addressTail(text, pe, in.Spoken)
			return append(dst, addressFinding(text, leadBefore(text, p.ws), t.end, t.postal)), t.end
		}
	}
	// Street first: the tokens before the number name a street. Without a
	// street type, a postal code must follow it ("Am Lindenhof 3, 50667
	// Köln") or an address cue precede it ("ich wohne Unter den Linden 77").
	if s, typed, ok := streetBefore(text, ns, loose); ok && (typed || bytes.IndexByte(text[s:ns], ',') < 0) {
		t := addressTail(text, ne, tailLoose)
		words := bytes.Count(text[s:ns], []byte(" ")) // a one-word untyped street is often a noun: "Gate 7"
		if needPostal && !t.postal {
			return dst, tok.End
		}
		if typed || t.postalFirst && (words > 1 || in.Lang != "" && in.Lang != "en") ||
			words > 1 && addressCueBefore(text, s) {
			return append(dst, addressFinding(text, leadBefore(text, s), t.end, typed && t.postal)), t.end
		}
	}
	// Number first: the tokens after the number name a street, in the same
	// sentence: "op plek 22. Reservering AVN-551902" is none.
	if numStop {
		return dst, tok.End
	}
	if e, typed, ok := streetAfter(text, tok.End, loose); ok {
		if t := addressTail(text, e, tailLoose); typed && (!needPostal || t.postal) || t.postal {
			return append(dst, addressFinding(text, leadBefore(text, ns), t.end, typed && t.postal)), t.end
		}
	}
	return dst, tok.End
}

// findSpokenAddress reads an address whose house number is said in words,
// woken by a number word: "calle mayor número quince", "prinsengracht
// honderdvijftig drie", "four twenty two elm street".
func findSpokenAddress(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	// Inside a run of number words ("four one five …") the run's first word
	// has decided already; and a street word must stand near.
	if ps, pe := prevToken(text, tok.Start); ps < pe && numberWordToken(text, ps, pe) {
		return dst, tok.End
	}
	if !streetWordNear(text, tok.Start, tok.End) {
		return cuedSpokenAddress(dst, in, tok)
	}
	// The number may begin a word or two back, with a word that cannot
	// start one alone ("honderdvijftig drie", "cento e vinte").
	hs := tok.Start
	for k := 0; k < 2; k++ {
		ps, pe := prevToken(text, hs)
		a, b, stop := trimWord(text, ps, pe)
		var buf [40]byte
		f, ok := foldWord(buf[:0], text[a:b])
		var atoms [maxAtoms]numAtom
		if a == b || stop || !ok || numberAtoms(f, &atoms) == 0 {
			break
		}
		hs = ps
	}
	c, ok := readCardinal(text, hs)
	if ok && c.ordinal {
		// "rua augusta cento e vinte segundo esquerdo": the floor's ordinal
		// after the house number is no part of it.
		if ls, _ := prevToken(text, c.end); ls > hs {
			c, ok = readCardinal(text[:ls], hs)
		}
	}
	if !ok || c.val == 0 || c.val > 99999 || c.ordinal || c.lead0 {
		return dst, tok.End
	}
	if ns, ne := nextToken(text, c.next); ns < ne {
		var buf [16]byte
		if a, ok := readAddrWord(text, ns, ne, buf[:0]); ok && countNouns.has(a.f) {
			return dst, max(tok.End, c.next) // "tres años": a count
		}
	}
	if s, typed, ok := streetBefore(text, c.start, true); ok && typed {
		end := c.end
		// "lindenweg drei a": a letter after the number, when more of the
		// address follows it.
		if ls, le := nextToken(text, c.next); le-ls == 1 && byteClass[text[ls]] == ClassLower {
			if ns, ne := nextToken(text, le); ns < ne && spokenNumberAt(text, ns) {
				end = le
			}
		}
		t := addressTail(text, end, true)
		return append(dst, addressFinding(text, s, t.end, false)), max(t.end, c.next)
	}
	// Number first: "four twenty two elm street" is 4 then 22.
	next := c.next
	for k := 0; k < 2 && !c.stop; k++ {
		c2, ok := readCardinal(text, next)
		if !ok || c2.val >= 100 || c2.ordinal {
			break
		}
		next = c2.next
	}
	if e, typed, ok := streetAfter(text, next, true); ok && typed {
		t := addressTail(text, e, true)
		return append(dst, addressFinding(text, c.start, t.end, false)), t.end
	}
	return dst, max(tok.End, c.next)
}

// cuedSpokenAddress reads, after an address cue, a street said in lower
// case with no street type, then its house number in words: "ik woon op de
// zuiderdiep honderdtwaalf in groningen", "ich wohne am sonnenhang
// dreiundzwanzig". The street is one or two name words just before the
// number.
func cuedSpokenAddress(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	s := tok.Start
	for k := 0; k < 2; k++ {
		ps, pe := prevToken(text, s)
		var buf [40]byte
		a, ok := readAddrWord(text, ps, pe, buf[:0])
		if !ok || a.stop || a.we-a.ws < 5 || !isLooseName(a.w, a.f) {
			break
		}
		s = a.ws
	}
	if s == tok.Start || !addressCueBefore(text, s) {
		return dst, tok.End
	}
	c, ok := readCardinal(text, tok.Start)
	if !ok || c.start != tok.Start || c.val == 0 || c.val >= 2000 || c.ordinal || c.lead0 {
		return dst, tok.End
	}
	if ns, ne := nextToken(text, c.next); ns < ne {
		var buf [16]byte
		if a, ok := readAddrWord(text, ns, ne, buf[:0]); ok && countNouns.has(a.f) {
			return dst, max(tok.End, c.next) // "woon al twaalf jaar": a count
		}
	}
	t := addressTail(text, c.end, true)
	return append(dst, addressFinding(text, s, t.end, false)), max(t.end, c.next)
}

// cityPrepositions introduce the city of a spoken address.
var cityPrepositions = newWordList(`in at en à a em te bij`)

// spokenPlace is a place read by placeAfterPreposition.
type spokenPlace struct {
	end, next    int  // its end, and the offset after its last token
	stop, postal bool // it ends a clause; it holds a postal code
}

// placeAfterPreposition reads the place after a preposition of place
// ending at i: a spoken postal code and its city ("sechzig drei elf
// frankfurt"), or a lower-case city of one word or two ("groningen", "são
// paulo", "den haag").
func placeAfterPreposition(text []byte, i int) (spokenPlace, bool) {
	ns := nextTokenStart(text, i)
	if ns < 0 {
		return spokenPlace{}, false
	}
	pe := spokenPostalAt(text, ns)
	if pe == 0 {
		// Chunked, a five-digit code takes three words ("sechzig drei
		// elf"); the city must follow it then.
		if sp := readSpokenID(text, ns); sp.items == 3 && sp.letters == 0 && sp.num.n == 5 && !sp.num.plus {
			if end, _, _ := placeAfter(text, sp.num.end, sp.num.end, false, true); end > sp.num.end {
				pe = sp.num.end
			}
		}
	}
	if pe > 0 {
		end, next, stop := placeAfter(text, pe, pe, false, true)
		return spokenPlace{end: end, next: next, stop: stop, postal: true}, true
	}
	if spokenNumberAt(text, ns) {
		return spokenPlace{}, false
	}
	end, next, stop := placeAfter(text, i, i, false, true)
	return spokenPlace{end: end, next: next, stop: stop}, end > i
}

// nextTokenStart returns the start of the first token at or after i, or -1.
func nextTokenStart(text []byte, i int) int {
	if s, e := nextToken(text, i); s < e {
		return s
	}
	return -1
}

// plateEnd returns the end of a Colombian plate "#12-34" or "# 12-34"
// starting at the word a, or 0.
func plateEnd(text []byte, a addrWord) int {
	w, end := a.w[1:], a.we
	if len(w) == 0 {
		s, e := nextToken(text, a.e)
		ws, we, _ := trimWord(text, s, e)
		w, end = text[ws:we], we
	}
	i := bytes.IndexByte(w, '-')
	if i < 1 || i > 3 || !isDigits(w[:i]) || len(w)-i-1 < 1 || len(w)-i-1 > 3 || !isDigits(w[i+1:]) {
		return 0
	}
	return end
}

// poBoxWords end the name of a post office box (see poBoxBefore).
var poBoxWords = newWordList(`box postfach postbus apartado bp b.p postbox pobox postale postal correos`)

// lowerStreetNear reports whether a strong street type stands within two
// words after the word following a number, or within three words before
// the word at ps that precedes it. It runs for most numbers, so it looks
// at raw bytes and folds only words that pass the list's filter.
func lowerStreetNear(text []byte, ps, end int) bool {
	_, i := nextToken(text, end)
	for k := 0; k < 2; k++ {
		s, e := nextToken(text, i)
		has, stop := tokenIn(&strongStreetTypes, text, s, e)
		if has {
			return true
		}
		if stop || s == e {
			break
		}
		i = e
	}
	if s, e := prevToken(text, ps); s < e {
		if ws, we, _ := trimWord(text, s, e); we-ws >= 6 {
			var buf [40]byte
			if f, ok := foldWord(buf[:0], text[ws:we]); ok && hasStreetSuffix(text[ws:we], f, true) {
				return true
			}
		}
	}
	for k := 0; k < 3 && ps > 0; k++ {
		s, e := prevToken(text, ps)
		has, stop := isStrongType(text, s, e)
		if has {
			return true
		}
		if stop || s == e {
			break
		}
		ps = s
	}
	return false
}

// numberWordToken reports whether the token text[s:e] is a number word that
// wakes the detector on its own (not "and", "oh").
func numberWordToken(text []byte, s, e int) bool {
	ws, we, _ := trimWord(text, s, e)
	if we-ws == 0 || we-ws > 24 {
		return false
	}
	var buf [24]byte
	f, _ := foldWord(buf[:0], text[ws:we])
	nw, ok := numberWordIndex.get(f)
	return ok && nw.kind != wordJoin && nw.kind != wordZeroOh
}

// streetWordNear reports whether a street type or a one-word street stands
// among the four words before s or the six after e, in the same clause.
func streetWordNear(text []byte, s, e int) bool {
	var w readWord
	for k, i := 0, e; k < 6 && w.bounds(text, i); k++ {
		if streetWordAt(text, &w) {
			return true
		}
		if w.stop {
			break
		}
		i = w.e
	}
	for k, i := 0, s; k < 4 && i > 0 && w.boundsBefore(text, i); k++ {
		if w.stop {
			break
		}
		if streetWordAt(text, &w) {
			return true
		}
		i = w.s
	}
	return false
}

// streetWordAt reports whether the word w read (its bounds at least) is a
// strong street type or a one-word street ("kerkstraat", "Hauptstraße").
// It folds only the words mayBeStreetWord lets through.
func streetWordAt(text []byte, w *readWord) bool {
	if !mayBeStreetWord(text[w.ws:w.we]) {
		return false
	}
	w.fold(text)
	f := w.word()
	return f != nil && (strongStreetTypes.has(f) || w.e-w.s >= 6 && hasStreetSuffix(text[w.ws:w.we], f, true))
}

// mayBeStreetWord is streetWordAt's quick test on the bytes of a word, which
// folding leaves at their length and, unless non-ASCII, case aside: a
// strong street type has its first and last letters and length, or it is
// long enough for a street suffix and ends as one does.
func mayBeStreetWord(b []byte) bool {
	n := len(b)
	if n == 0 {
		return false
	}
	last := b[n-1]
	if last >= 0x80 {
		return true
	}
	last = lowerASCII(last)
	if n >= 6 && strings.IndexByte(streetSuffixEnds, last) >= 0 {
		return true
	}
	return n < 64 && strongStreetTypes.lens[lowerASCII(b[0])]&strongStreetTypes.lasts[last]&(1<<n) != 0
}

// streetSuffixEnds are the last letters of streetSuffixes and lowerSuffixes
// (and of "str", which hasStreetSuffix also accepts) as a folded, trimmed
// word ends.
const streetSuffixEnds = "egzmrtnlk"

// tokenIn reports whether the token text[s:e], without its punctuation and
// folded, is in l, and whether it ends a clause.
func tokenIn(l *wordList, text []byte, s, e int) (has, stop bool) {
	ws, we, stop := trimWord(text, s, e)
	n := we - ws
	if n == 0 || n >= 64 || l.lens[lowerASCII(text[ws])]&(1<<n) == 0 {
		return false, stop
	}
	var buf [64]byte
	f, ok := foldWord(buf[:0], text[ws:we])
	return ok && l.has(f), stop
}

// spokenNumberAt reports whether a number word starts the token at i.
func spokenNumberAt(text []byte, i int) bool {
	_, ok := readCardinal(text, i)
	return ok
}

func addressFinding(text []byte, s, e int, validated bool) Finding {
	v := make([]byte, 0, e-s)
	space := false
	for _, c := range text[s:e] {
		if byteClass[c] == classSpace {
			space = true
			continue
		}
		if space && len(v) > 0 {
			v = append(v, ' ')
		}
		space = false
		v = append(v, c)
	}
	// A street, its number and a well-formed postal code together are
	// checked structure: such an address wins over a phone-shaped code.
	conf := float32(0.85)
	if validated {
		conf = 0.95
	}
	return Finding{Kind: KindAddress, Start: s, End: e, Confidence: conf, Validated: validated, Rule: "address", Value: v}
}

// isHouseNumber accepts "12", "12a", "12-14", "45B", "3bis", "123-2": 1 to 5
// digits with an optional short suffix.
func isHouseNumber(w []byte) bool {
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 5 || w[0] == '0' {
		return false
	}
	rest := w[d:]
	if len(rest) == 0 {
		return true
	}
	if rest[0] == '-' || rest[0] == '/' {
		return isDigits(rest[1:]) && len(rest) <= 5 || len(rest) == 2 && byteClass[rest[1]]&ClassLetter != 0 ||
			isRomanFloor(rest[1:])
	}
	if len(rest) > 3 {
		return false
	}
	for _, c := range rest {
		if byteClass[c]&ClassLetter == 0 {
			return false
		}
	}
	// Not "5pm", "3rd", "10am", "2nd", "4th", "12h", "3kg", "10km".
	var buf [3]byte
	f, _ := foldWord(buf[:0], rest)
	switch string(f) {
	case "pm", "am", "st", "nd", "rd", "th", "h", "kg", "km", "mm", "cm", "gb", "mb", "k", "m", "x", "er", "e", "º", "ª":
		return false
	}
	return true
}

// isRomanFloor accepts the Dutch floor written in Roman numerals after a
// house number: the "III" of "Vondelstraat 12-III", "hs" for the ground
// floor ("12-hs").
func isRomanFloor(w []byte) bool {
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	if string(w) == "hs" || string(w) == "HS" {
		return true
	}
	for _, c := range w {
		if c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return true
}

// addrWord is a token read around a house number.
type addrWord struct {
	s, e   int // the token
	ws, we int // the word without punctuation
	w, f   []byte
	stop   bool // it ends a clause (an abbreviation's dot does not)
}

// readAddrWord reads the token text[s:e] into a, folding into buf.
func readAddrWord(text []byte, s, e int, buf []byte) (addrWord, bool) {
	a := addrWord{s: s, e: e}
	a.ws, a.we, a.stop = trimWord(text, s, e)
	if a.ws == a.we {
		return a, false
	}
	a.w = text[a.ws:a.we]
	f, ok := foldWord(buf, a.w)
	if !ok {
		return a, false
	}
	a.f = f
	// "Av.", "Whg.", "Str.", "ap.": an abbreviation's dot ends nothing.
	if a.stop && a.we < e && text[a.we] == '.' && bytes.IndexAny(text[a.we+1:e], ".!?;:") < 0 &&
		(streetTypes.has(f) || unitWords.has(f) || districtWords.has(f) || houseNumberWords.has(f) || sideWords.has(f)) {
		a.stop = false
	}
	return a, true
}

// streetBefore looks back from the house number at pos for a street name:
// one to five words holding a street type ("Calle Mayor", "Via Roma", "Av.
// Insurgentes Sur", "rua das flores"), a single word ending in a street
// suffix ("Hauptstraße", "kerkstraat"), or, untyped, one to three
// capitalized words ("Am Lindenhof", "Lange Voorhout"). loose accepts
// lower-case name words next to a strong street type. It returns the
// street's start and whether it holds a street type.
func streetBefore(text []byte, pos int, loose bool) (start int, typed, ok bool) {
	i := pos
	if s, e := prevToken(text, i); s < e {
		var buf [16]byte
		if a, ok := readAddrWord(text, s, e, buf[:0]); ok && houseNumberWords.has(a.f) && !a.stop {
			i = s // "número quince", "Nr. 5"
		}
	}
	start = -1
	found, typeLast, strong, capsOnly := false, false, false, true
	typeStart := -1
	names, digitNames := 0, 0
	for k := 0; k < 6; k++ {
		s, e := prevToken(text, i)
		var buf [64]byte
		a, ok := readAddrWord(text, s, e, buf[:0])
		if !ok || a.stop && k > 0 {
			break
		}
		w, f := a.w, a.f
		suffix := hasStreetSuffix(w, f, loose)
		isType := streetTypes.has(f) || suffix
		name := isNamePart(w, f)
		if !isType && !name && !(loose && isLooseName(w, f)) {
			break
		}
		switch {
		case isType && k == 0 && suffix:
			return a.ws, true, true // "Hauptstraße 5"
		case isType && !found && k == 0 && loose && !isCapital(w) && postTypes.has(f) && looseNameBefore(text, s):
			// "wilhelmshöher allee hundertzwölf": a type that follows
			// its name, the name said in lower case.
			ns, _ := prevToken(text, s)
			return ns, true, true
		case isType && !found:
			if k == 0 && loose && !isCapital(w) || roadNumbers.has(f) && names == digitNames {
				// "route 9" is a road, "segunda via dois" no address:
				// a lower-case street needs its name.
				return 0, false, false
			}
			start, found, typeLast = a.ws, true, k == 0
			typeStart = a.ws
			strong = strongStreetTypes.has(f) || isCapital(w) || dottedStreetTypes.has(f) && a.we < a.e && text[a.we] == '.'
		case found && (!typeLast || streetParticles.has(f) || !isCapital(w)):
			// Before "Calle Mayor" come the sentence's words; before
			// "Str." may come a capitalized name: "Berliner Str. 12a".
			// A type alone names no street: "Row 12", "Gate 7".
			return start, strong || !loose, !typeLast || start != typeStart
		case found:
			start = a.ws
		default:
			names++
			if isDigits(w) {
				digitNames++
			}
			capsOnly = capsOnly && name
			if !found && names <= 3 && isCapital(w) && capsOnly {
				start = a.ws // an untyped street: "Am Lindenhof"
			}
			if names > 4 {
				return 0, false, false
			}
		}
		i = s
	}
	if found {
		return start, strong || !loose || typeLast, !typeLast || start != typeStart
	}
	return start, false, start >= 0
}

// streetAfter reads forward from pos for a street name ending in or starting
// with a street type: "Main Street", "Pennsylvania Ave NW", "rue de la
// Paix", "bis avenue Victor Hugo", "elm street", or untyped, capitalized
// words up to a comma ("Harbour View,"). It returns the street's end and
// whether it holds a street type.
func streetAfter(text []byte, pos int, loose bool) (end int, typed, ok bool) {
	end = -1
	found, namesFirst, comma := false, false, false
	names, capNames, bis := 0, 0, 0
	i := pos
	for k := 0; k < 7; k++ {
		s, e := nextToken(text, i)
		var buf [64]byte
		a, ok := readAddrWord(text, s, e, buf[:0])
		if !ok {
			break
		}
		w, f := a.w, a.f
		isType := streetTypes.has(f) || hasStreetSuffix(w, f, loose)
		name := isNamePart(w, f)
		switch {
		case isType && !found:
			if names == 0 && k > bis || names > 0 && loose && !strongStreetTypes.has(f) && capNames < names {
				return 0, false, false
			}
			found, end, namesFirst = true, a.we, names > 0
		case k == 0 && (string(f) == "bis" || string(f) == "ter"):
			bis = 1
		case found && isDirection(f):
			end = a.we
		case found && namesFirst:
			k = 7 // "Elm Street" ends at its type
			continue
		case name || loose && isLooseName(w, f) && (found || names < 3):
			names++
			if name && isCapital(w) {
				capNames++
			}
			if found {
				end = a.we
			}
			if !found && a.we < a.e && text[a.we] == ',' {
				// A comma before any street type ends an untyped street:
				// "11 Harbour View, Cork", not "3, Section 8, Row 12".
				comma, end = capNames == names, a.we
				k = 7
				continue
			}
		default:
			k = 7
			continue
		}
		i = e
		if a.stop || comma && !found {
			break
		}
	}
	if found {
		// "3 Rue dans …": a type first needs a name after it.
		return end, true, end > 0 && (namesFirst || names > 0)
	}
	// Untyped: "11 Harbour View, Cork …", only up to a comma.
	return end, false, comma && capNames > 0 && capNames <= 3 && end > 0
}

// addrTail is what addressTail found after a street and its number.
type addrTail struct {
	end    int
	postal bool // a postal code
	// postalFirst marks a postal code before any city, the continental
	// order ("…, 50667 Köln"), not "…, Berlin 10115".
	postalFirst bool
}

// addressTail extends an address over what follows it within the same
// clause: unit and floor parts ("Apt 4B", "3º B", "2. OG", "tercero
// izquierda"), a colonia or bairro, a city after a comma or line break, a
// state or province code, a postal code with its city ("28013 Madrid",
// "Cork T12 X8N4") and a country after a comma. In a transcript (spoken) it
// also reads unit numbers and postal codes said in words and lower-case
// place names before and after a postal code.
func addressTail(text []byte, end int, spoken bool) addrTail {
	var units, postal, district, sepSeen bool
	places := 0
	t := addrTail{end: end}
	i := end
	for k := 0; k < 10; k++ {
		s, e := nextToken(text, i)
		if s == e {
			break
		}
		var buf [40]byte
		a, ok := readAddrWord(text, s, e, buf[:0])
		if !ok || a.we-a.ws == 1 && (a.w[0] == '-' || a.w[0] == '|') {
			// A lone comma or dash: "Rua Augusta, 100 - Consolação".
			if !ok && a.ws < a.we || a.stop {
				break
			}
			sepSeen, i = true, e
			continue
		}
		w, f := a.w, a.f
		sep := sepSeen || bytes.IndexByte(text[t.end:a.ws], ',') >= 0 || bytes.IndexByte(text[t.end:a.ws], '\n') >= 0
		sepSeen = false
		stop := a.stop
		switch {
		case !postal && !units && (unitWords.has(f) || f[0] == '#'):
			// "Apt 4B", "Whg. 7", "apartment six", "#12".
			units = true
			t.end, i = a.we, e
			if f[0] == '#' && len(f) > 1 {
				break
			}
			if v, ve, vstop, ok := unitValue(text, e, spoken); ok && !stop {
				t.end, i, stop = v, ve, vstop
			}
		case !postal && !units && (isOrdinalUnit(w) || isFloorOrdinal(text, a, spoken)):
			// "3º B", "2. OG", "3e étage", "2nd floor", "tercero izquierda".
			units, stop = true, false // "2." is an ordinal, not a sentence end
			t.end, i = a.we, e
			for x := 0; x < 2 && !stop; x++ {
				vs, ve := nextToken(text, i)
				var b2 [16]byte
				v, ok := readAddrWord(text, vs, ve, b2[:0])
				if !ok || !(unitWords.has(v.f) || sideWords.has(v.f) || spoken && ordinalIndex.has(v.f) || v.we-v.ws == 1 && byteClass[v.w[0]]&ClassLetter != 0) {
					break
				}
				t.end, i, stop = v.we, ve, v.stop
			}
		case !postal && !district && districtWords.has(f):
			// "Col. Crédito Constructor,": the colonia's capitalized words.
			district = true
			t.end, i = a.we, e
			for x := 0; x < 4 && !stop; x++ {
				ds, de := nextToken(text, i)
				var b2 [40]byte
				d, ok := readAddrWord(text, ds, de, b2[:0])
				if !ok || !isNamePart(d.w, d.f) {
					break
				}
				t.end, i, stop = d.we, de, d.stop
				if d.we < de && text[d.we] == ',' {
					break
				}
			}
		case !postal && (isPostalCode(w) || isPostalPair(text, a.ws)):
			postal, t.postalFirst = true, places == 0
			t.end, i = postalEnd(text, a.ws, a.we), postalEnd(text, a.ws, e)
			if i > e { // a pair: step over its second token
				_, i = nextToken(text, e)
			}
			t.end, i, stop = placeAfter(text, t.end, i, stop, spoken)
		case !postal && spoken && lowerDutchPair(text, a.ws) > 0:
			postal = true
			t.end, i = lowerDutchPair(text, a.ws), lowerDutchPair(text, a.ws)
			t.end, i, stop = placeAfter(text, t.end, i, stop, spoken)
		case !postal && spoken && byteClass[w[0]]&ClassDigit == 0 && spokenPostalAt(text, a.ws) > 0:
			postal = true
			pe := spokenPostalAt(text, a.ws)
			t.end, i = pe, pe
			t.end, i, stop = placeAfter(text, t.end, i, stop, spoken)
		case places < 2 && !postal && sep && isCapital(w) && len(w) > 2:
			// ", Washington," or ", London SW1A 2AA": a city after a comma;
			// in Brazil a bairro first ("- Consolação, São Paulo - SP").
			places, t.end, i = places+1, a.we, e
			for x := 0; x < 2 && !stop && !(a.we < a.e && text[a.we] == ','); x++ { // "Den Haag"
				ns, ne := nextToken(text, i)
				var b2 [40]byte
				n, ok := readAddrWord(text, ns, ne, b2[:0])
				if !ok || !isCapital(n.w) || isPostalCode(n.w) || isPostalPair(text, n.ws) {
					break
				}
				t.end, i, stop = n.we, ne, n.stop
				if n.we < n.e && text[n.we] == ',' {
					break
				}
			}
		case places > 0 && !postal && len(w) == 2 && isUpperPair(w):
			t.end, i = a.we, e // a state or province code: "DC 20500"
		case postal && sep && isCapital(w) && len(w) > 2:
			t.end, i = a.we, e // a country: ", Ireland"
			return t
		case !postal && spoken && places == 0 && cityPrepositions.has(f):
			// "… honderdtwaalf in groningen", "… in sechzig drei elf
			// frankfurt", "… a torino": the city, or a postal code and
			// its city, after a preposition of place.
			p, ok := placeAfterPreposition(text, e)
			if !ok {
				return t
			}
			places, t.end, i, stop, postal = places+1, p.end, p.next, p.stop, p.postal
		case !postal && spoken && places == 0 && isLooseName(w, f):
			// "houston texas seven seven zero zero two": place names said
			// before a postal code are kept only if one follows.
			j, pe := e, 0
			for x := 0; x < 4 && pe == 0; x++ {
				ns, ne := nextToken(text, j)
				var b2 [40]byte
				n, ok := readAddrWord(text, ns, ne, b2[:0])
				if !ok {
					break
				}
				state := len(n.w) == 2 && byteClass[n.w[0]]&byteClass[n.w[1]]&ClassLetter != 0 // "portland or 97205"
				if pe = spokenPostalAt(text, n.ws); pe == 0 && (isPostalCode(n.w) || !isLooseName(n.w, n.f) && !state && !cityOpeners.has(n.f) || n.stop) {
					if isPostalCode(n.w) {
						pe = n.we
					}
					break
				}
				j = ne
			}
			if pe == 0 {
				return t
			}
			postal = true
			t.end, i, stop = placeAfter(text, pe, pe, false, spoken)
		default:
			return t
		}
		t.postal = postal
		if stop {
			break
		}
	}
	t.postal = postal
	return t
}

// unitValue reads the value after a unit word: "4B", "7", "six", "trinta e
// dois", "B".
func unitValue(text []byte, i int, loose bool) (end, next int, stop, ok bool) {
	vs, ve := nextToken(text, i)
	if vs == ve {
		return 0, 0, false, false
	}
	a, b, vstop := trimWord(text, vs, ve)
	switch {
	case a < b && byteClass[text[a]]&ClassDigit != 0 && b-a <= 6:
		return b, ve, vstop, true
	case b-a == 1 && byteClass[text[a]]&ClassUpper != 0:
		return b, ve, vstop, true
	case loose:
		if c, ok := readCardinal(text, vs); ok && c.val < 10000 {
			return c.end, c.next, c.stop, true
		}
	}
	return 0, 0, false, false
}

// isFloorOrdinal accepts a floor said as an ordinal followed by a floor or
// side word, or in loose text an ordinal word: "2. OG", "3e étage", "2nd
// floor", "1er gauche", "tercero izquierda", "segundo b".
func isFloorOrdinal(text []byte, a addrWord, loose bool) bool {
	if n, ok := ordinal(a.f); ok && n > 0 && n < 100 && (!isDigits(a.f) || a.we < a.e && text[a.we] == '.') {
		ns, ne := nextToken(text, a.e)
		var buf [16]byte
		v, ok := readAddrWord(text, ns, ne, buf[:0])
		return ok && (unitWords.has(v.f) || sideWords.has(v.f))
	}
	if loose && ordinalIndex.has(a.f) {
		ns, ne := nextToken(text, a.e)
		var buf [16]byte
		v, ok := readAddrWord(text, ns, ne, buf[:0])
		return ok && (unitWords.has(v.f) || sideWords.has(v.f) || ordinalIndex.has(v.f) || v.we-v.ws == 1) || ns == ne
	}
	return false
}

// placeAfter extends an address over the city after its postal code:
// "28013 Madrid", "São Paulo", "Ciudad de México", "Frankfurt am Main", or in
// loose text one lower-case word ("lyon").
func placeAfter(text []byte, end, i int, stop, loose bool) (int, int, bool) {
	for c := 0; c < 4 && !stop; c++ {
		cs, ce := nextToken(text, i)
		var buf [40]byte
		a, ok := readAddrWord(text, cs, ce, buf[:0])
		if !ok {
			break
		}
		upper := isCapital(a.w)
		switch {
		case upper:
		case c > 0 && streetParticles.has(a.f) || string(a.f) == "am":
			// "Ciudad de México": a particle only inside the name.
			ns, ne := nextToken(text, ce)
			if ns == ne || !isCapital(text[ns:ne]) {
				return end, i, stop
			}
			end, i = a.we, ce
			continue
		case c == 0 && loose && (isLooseName(a.w, a.f) || cityOpeners.has(a.f)) && !spokenNumberAt(text, cs):
			// "são paulo", "los angeles", "den haag": a short first word
			// opens a two-word city.
			if ns, ne := nextToken(text, ce); a.we-a.ws <= 4 && !a.stop && ns < ne {
				var b2 [40]byte
				if n, ok := readAddrWord(text, ns, ne, b2[:0]); ok && isLooseName(n.w, n.f) && !spokenNumberAt(text, ns) {
					return n.we, ne, n.stop
				}
			}
			return a.we, ce, a.stop
		default:
			return end, i, stop
		}
		end, i, stop = a.we, ce, a.stop
		if a.we < ce && text[a.we] == ',' {
			break
		}
	}
	return end, i, stop
}

// cityOpeners open two-word city names in lower case: "são paulo".
var cityOpeners = newWordList(`são sao san santa los las den le la`)

// lowerDutchPair returns the end of a Dutch postal code typed in lower case
// at ws ("9711 hk"), or 0. A city must follow it, so that "3055 km" alone
// stays a distance.
func lowerDutchPair(text []byte, ws int) int {
	_, e1 := nextToken(text, ws)
	s2, e2 := nextToken(text, e1)
	if e1-ws != 4 || !isDigits(text[ws:e1]) || text[ws] == '0' || e2-s2 != 2 ||
		byteClass[text[s2]] != ClassLower || byteClass[text[s2+1]] != ClassLower {
		return 0
	}
	s3, e3 := nextToken(text, e2)
	var buf [40]byte
	if c, ok := readAddrWord(text, s3, e3, buf[:0]); !ok || !isLooseName(c.w, c.f) {
		return 0
	}
	return e2
}

// spokenPostalAt returns the end of a postal code said in words at i ("zwo
// zwo drei null fünf", "seven seven zero zero two", "soixante-neuf mille",
// "quatro mil e quatrocentos"), or 0.
func spokenPostalAt(text []byte, i int) int {
	if c, ok := readCardinal(text, i); ok && c.thousands && c.val >= 1000 && c.val <= 99999 {
		return c.end
	}
	sp := readSpokenID(text, i)
	if sp.letters > 0 || sp.items < 4 {
		return 0
	}
	if v := sp.value(); len(v) == 4 || len(v) == 5 || len(v) == 8 {
		return sp.num.end
	}
	return 0
}

// poBoxBefore reports whether a post office box names the number at pos:
// "PO Box", "P.O. Box", "Postfach", "Postbus", "Apartado (de correos)",
// "BP", "Boîte postale", "Casella postale", "Caixa Postal". It returns the
// box's start.
func poBoxBefore(text []byte, pos int) (int, bool) {
	s1, e1 := prevToken(text, pos)
	var b1 [16]byte
	a1, ok := readAddrWord(text, s1, e1, b1[:0])
	if !ok {
		return 0, false
	}
	switch string(a1.f) {
	case "postfach", "postbus", "apartado", "bp", "b.p", "postbox", "pobox":
		return a1.ws, true
	case "box", "postale", "postal", "correos":
	default:
		return 0, false
	}
	s2, e2 := prevToken(text, s1)
	var b2 [16]byte
	a2, ok := readAddrWord(text, s2, e2, b2[:0])
	if !ok {
		return 0, false
	}
	switch string(a2.f) {
	case "po", "p.o", "p.o.", "post", "office":
		return a2.ws, true
	case "boîte", "boite", "casella", "caixa":
		return a2.ws, true
	case "de":
		if s3, e3 := prevToken(text, s2); s3 < e3 {
			var b3 [16]byte
			if a3, ok := readAddrWord(text, s3, e3, b3[:0]); ok && string(a3.f) == "apartado" {
				return a3.ws, true
			}
		}
	}
	return 0, false
}

// leadBefore extends an address start at s back over what may open it: a
// unit ("Flat 2, 17 Kings Road") and a "c/o" name.
func leadBefore(text []byte, s int) int {
	if vs, ve := prevToken(text, s); vs < ve && text[ve-1] == ',' && ve-vs <= 6 {
		if us, ue := prevToken(text, vs); us < ue {
			var buf [16]byte
			if a, ok := readAddrWord(text, us, ue, buf[:0]); ok && !a.stop && unitWords.has(a.f) && !houseNumberWords.has(a.f) {
				s = us
			}
		}
	}
	return careOfBefore(text, s)
}

// careOfBefore extends an address start at s back over "c/o Name," just
// before it.
func careOfBefore(text []byte, s int) int {
	i := s
	for k := 0; k < 5; k++ {
		ps, pe := prevToken(text, i)
		if ps == pe {
			return s
		}
		var buf [16]byte
		f, ok := foldWord(buf[:0], text[ps:pe])
		switch {
		case !ok:
			return s
		case string(f) == "c/o":
			return ps
		case k == 0 && text[pe-1] != ',' && bytes.IndexByte(text[pe:s], '\n') < 0:
			return s // the name ends with a comma or a line
		case !isCapital(text[ps:pe]):
			return s
		}
		i = ps
	}
	return s
}

// addressCueBefore reports whether a word saying an address follows stands
// among the few words before pos ("my address is", "vivo en", "j'habite").
func addressCueBefore(text []byte, pos int) bool {
	i := pos
	for k := 0; k < 6; k++ {
		s, e := prevToken(text, i)
		if s == e {
			return false
		}
		ws, we, stop := trimWord(text, s, e)
		if stop && k > 0 {
			return false
		}
		var buf [16]byte
		f, ok := foldWord(buf[:0], text[ws:we])
		if ok && addressCues.has(afterElision(f)) {
			return !mailWordNear(text, s, e)
		}
		i = s
	}
	return false
}

// mailWords turn an address cue into another value's: "e-mail address",
// "adresse e-mail", "dirección de correo", "indirizzo email", "IP address".
var mailWords = newWordList(`email e-mail mail correo electrónico electronico courriel électronique
electronique posta elettronica eletrônico eletronico eletrónico ip web`)

// mailWordNear reports whether the cue text[s:e] is part of an e-mail, IP
// or web address: a mail word stands just before it or within two words
// after it ("adresse de courriel").
func mailWordNear(text []byte, s, e int) bool {
	near := func(ts, te int) bool {
		var buf [16]byte
		ws, we, _ := trimWord(text, ts, te)
		f, ok := foldWord(buf[:0], text[ws:we])
		return ok && mailWords.has(f)
	}
	if ps, pe := prevToken(text, s); ps < pe && near(ps, pe) {
		return true
	}
	for k, i := 0, e; k < 2; k++ {
		ns, ne := nextToken(text, i)
		if ns >= ne {
			break
		}
		if near(ns, ne) {
			return true
		}
		i = ne
	}
	return false
}

// isOrdinalUnit accepts floor and door parts such as "3º", "2ª", "3°B", "4B".
func isOrdinalUnit(w []byte) bool {
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 2 {
		return false
	}
	rest := string(w[d:])
	return rest == "º" || rest == "ª" || rest == "°" || strings.HasPrefix(rest, "º") || strings.HasPrefix(rest, "ª")
}

// isNamePart accepts a word of a street name: capitalized, or a lower-case
// particle ("de", "la", "del", "von", "van", "der", "dos").
func isNamePart(w, folded []byte) bool {
	return isCapital(w) || streetParticles.has(folded)
}

// isLooseName accepts a lower-case word of a street or place name in a
// transcript: letters, not a function word, a number word or a unit word.
func isLooseName(w, f []byte) bool {
	if len(w) < 2 || byteClass[w[0]]&ClassLetter == 0 || addressStopWords.has(f) || unitWords.has(f) {
		return false
	}
	if _, ok := numberWordIndex.get(f); ok {
		return false
	}
	return !ordinalIndex.has(f) && !thousandWords.has(f)
}

// isCapital reports whether w starts with an upper-case letter: ASCII, or
// the Latin-1 capitals of the configured languages ("Émile", "Ñuñoa").
func isCapital(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	if byteClass[w[0]] == ClassUpper {
		return true
	}
	return len(w) > 1 && w[0] == 0xc3 && w[1] >= 0x80 && w[1] <= 0x9e && w[1] != 0x97
}

// streetParticles are the lower-case words of street names ("rue de la Paix").
var streetParticles = newWordList(`de la del los las le les du des da do dos das di della delle dello dei degli von van der den het ten of the`)

func isDirection(f []byte) bool {
	switch string(f) {
	case "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west":
		return true
	}
	return false
}

// hasStreetSuffix reports whether the word w (folded f) is a one-word street
// name ending in a suffix: capitalized, as German and Dutch nouns are, or in
// loose text lower-case with a suffix few other words have.
func hasStreetSuffix(w, f []byte, loose bool) bool {
	if len(f) < 6 {
		return false
	}
	sufs := streetSuffixes
	if !isCapital(w) {
		if !loose {
			return false
		}
		sufs = lowerSuffixes
	}
	if string(f[len(f)-3:]) == "str" && (len(sufs) == len(streetSuffixes) || len(f) >= 8) {
		return true // "Schillerstr.", "schanzenstr"
	}
	for _, s := range sufs {
		if len(f) > len(s)+2 && bytes.HasSuffix(f, []byte(s)) {
			return true
		}
	}
	return false
}
