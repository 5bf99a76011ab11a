package detectors

import (
	"bytes"
	"strings"
)

// Operational finds order, invoice, ticket, booking, account and tracking
// numbers announced by a cue word in any configured language ("order #A-10234",
// "Rechnungsnummer: 2024-00815", "mon numéro de commande est 8812-44",
// "tracking number 9400111899223197428490"). Identifiers stored beside
// personal data get the same care (contract promise 7). The span covers the
// identifier only; Value is it upper-cased without separators.
var Operational = Detector{
	Name:    "operational",
	Kind:    KindOperational,
	Trigger: Trigger{Keywords: operationalCues()},
	Find:    findOperational,
}

// Tracking finds parcel tracking numbers by their own structure, without a
// cue: UPS 1Z numbers and UPU S10 numbers (EE123456785US) with their check
// digits, and USPS 20- and 22-digit numbers with their mod-10 check digit.
var Tracking = Detector{
	Name:    "tracking-number",
	Kind:    KindOperational,
	Trigger: Trigger{All: ClassDigit, MinLen: 13},
	Find:    findTracking,
}

// operationalCueWords are cue words by language.
const operationalCueWords = `
order orders invoice ticket case account acct reference ref booking confirmation tracking track shipment
parcel package customer claim reservation pnr rma return subscription contract policy membership incident
pedido factura caso cuenta referencia reserva seguimiento envío envio paquete cliente contrato localizador
incidencia incidente póliza poliza expediente solicitud siniestro
commande facture dossier compte référence réservation reservation suivi colis contrat sinistre
bestellung rechnung fall konto kundennummer referenz buchung sendung paket vertrag auftrag vorgang
police versicherungsschein schaden
ordine fattura pratica conto riferimento prenotazione spedizione pacco contratto polizza sinistro
encomenda fatura referência protocolo rastreamento rastreio pacote conta apólice apolice chamado
bestelling factuur zaak rekening klant referentie boeking zending pakket polis melding
pkg objeto nota nf nfe fedex ups dhl usps gls dpd correios correos colissimo chronopost postnl
`

// operationalCompounds are the first parts of German and Dutch compounds
// with "nummer" ("Bestellnummer", "ticketnummer", "Kundennummer").
const operationalCompounds = `bestell rechnungs kunden buchungs sendungs vertrags auftrags vorgangs ticket fall
referenz versicherungs polizzen police order bestel factuur klant referentie boekings reserverings dossier
zaak polis track-and-trace tracking zending pakket`

// elisions are the articles and prepositions French and Italian glue to the
// next word with an apostrophe ("d'ordine", "l'ordine", "dell'ordine").
const elisions = `d l dell nell all sull dall qu`

func operationalCues() []string {
	kws := strings.Fields(operationalCueWords)
	for _, c := range strings.Fields(operationalCompounds) {
		kws = append(kws, c+"nummer", c+"nr")
	}
	return append(kws, strings.Fields(elisions)...)
}

// operationalCueList holds the cues for the word after an elision.
var operationalCueList = newWordList(operationalCueWords)

// operationalFillers may stand between a cue and the identifier.
var operationalFillers = newWordList(`number no nr num id is code # my the your was of for reference número numero nº n° n.º
es el de mi del numéro est mon ma le la du nummer ist meine mein die der lautet il è mio della do da é meu minha mijn van het
nr. no. it's its it c'est cest è é o a & trace yeah um uh eh äh euh ehm
atendimento atención atencion service servizio kundenservice klantenservice
fiscal nf-e nfe fedex ups dhl usps correios postal postale
di del dell il lo la ist lautet: unter op`)

func findOperational(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	if w := text[tok.WordStart:tok.WordEnd]; len(w) <= 4 && tok.WordEnd < tok.End && isElision(text, tok) {
		// "d'ordine", "l'ordine": the cue follows the apostrophe.
		var buf [32]byte
		f, ok := foldWord(buf[:0], text[tok.WordStart:tok.End])
		if !ok || !operationalCueList.has(trimTrailing(afterElision(f))) {
			return dst, tok.End
		}
	} else if bytes.IndexByte(text[tok.WordEnd:tok.End], ':') < 0 && tok.WordEnd < tok.End &&
		byteClass[text[tok.WordEnd]]&ClassAlnum != 0 {
		return dst, tok.End // "order123" is not a cue followed by a value
	}
	// The identifier may sit in the cue's own token: "order#A-1023", "Rechnung:2024-0815".
	if s, e, ok := operationalID(text, tok.WordEnd, tok.End); ok {
		return append(dst, operationalFinding(text, s, e)), tok.End
	}
	i := tok.End
	var rw readWord
	stray := 0 // other words skipped in a transcript ("the number they gave me is …")
	for skipped := 0; skipped < 6; skipped++ {
		if !rw.next(text, i) {
			break
		}
		s, e := rw.s, rw.e
		if is, ie, ok := operationalID(text, s, e); ok {
			if stray > 0 {
				break // only a long identifier read aloud reaches past other words
			}
			if ie-is <= 8 && isDigits(text[is:ie]) && codeNear(text, tok.Start, is) {
				// "confirmation code 583920", "code de confirmation": a
				// one-time code, not a record.
				return dst, ie
			}
			return append(dst, operationalFinding(text, is, ie)), ie
		}
		if byteClass[text[s]]&ClassDigit == 0 && (in.Spoken || mayStartSpokenID(rw.word())) {
			// Read aloud: "seven seven four two nine one", "b as in boy four …";
			// typed so outside transcripts, from a number word on.
			if sp := readSpokenID(text, s); spokenReference(&sp, stray) {
				f := Finding{Kind: KindOperational, Start: sp.num.start, End: sp.num.end, Confidence: 0.8,
					Rule: "operational-spoken", Value: append([]byte(nil), sp.value()...)}
				return append(dst, f), sp.num.end
			}
		}
		stop, w, ok := rw.stop, rw.word(), rw.ok
		if !ok || len(w) > 0 && !operationalFillers.has(w) {
			if !in.Spoken || stop || stray == 3 || cueEndsClause(text, tok) {
				break
			}
			stray++
		}
		if stop && !bytes.HasSuffix(text[s:e], []byte(".")) || stop && len(w) > 3 {
			break // a sentence ends; "Nr." and "no." do not end one
		}
		i = e
	}
	return dst, tok.End
}

// cueEndsClause reports whether the cue's own token ends a sentence or
// clause ("… my subscription? The meeting …").
func cueEndsClause(text []byte, tok Token) bool {
	_, _, stop := trimWord(text, tok.Start, tok.End)
	return stop
}

// spokenReference reports whether an identifier read aloud after a cue is
// long enough to be a reference: four digits, or three with two letters
// ("a be ce cuatro cinco seis"); after words other than fillers, six items.
func spokenReference(sp *spokenID, stray int) bool {
	if stray > 0 && sp.items < 6 {
		return false
	}
	return sp.items >= 3 && (sp.digits() >= 4 || sp.digits() >= 3 && sp.letters >= 2)
}

// codeNear reports whether "code" (código, codice, Code) stands just before
// the cue at cue or between it and the value at val.
func codeNear(text []byte, cue, val int) bool {
	from := cue
	if ps, _ := prevToken(text, cue); ps < cue {
		from = ps
		if pps, _ := prevToken(text, ps); pps < ps {
			from = pps
		}
	}
	var buf [128]byte
	f, ok := foldWord(buf[:0], text[from:min(val, from+128)])
	if !ok {
		return false
	}
	for _, w := range [...]string{"code", "código", "codigo", "codice", "pin", "otp"} {
		if bytes.Contains(f, []byte(w)) {
			return true
		}
	}
	return false
}

// isElision reports whether the token's leading word is followed by an
// apostrophe ("d'", "l’").
func isElision(text []byte, tok Token) bool {
	c := text[tok.WordEnd]
	return c == '\'' || c == 0xe2 && tok.WordEnd+2 < tok.End && text[tok.WordEnd+1] == 0x80 && text[tok.WordEnd+2] == 0x99
}

// trimTrailing strips trailing punctuation from a folded word.
func trimTrailing(f []byte) []byte {
	for len(f) > 0 && isTrimmable(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	return f
}

func operationalFinding(text []byte, s, e int) Finding {
	v := make([]byte, 0, e-s)
	for _, c := range text[s:e] {
		if byteClass[c]&ClassAlnum != 0 {
			v = append(v, upperASCII(c))
		}
	}
	return Finding{Kind: KindOperational, Start: s, End: e, Confidence: 0.8, Rule: "operational", Value: v}
}

// operationalID finds an identifier in text[s:e] after leading punctuation
// ('#', ':', "Nr."): 4 to 40 letters, digits and inner '-', '/', '.', with at
// least 3 digits, that is not a date, time, price or amount; or a booking
// code of 5 to 8 upper-case letters and digits ("LH7Q2P") or of six
// capitals with at most one vowel ("QJNRTX"); or digit groups
// written apart ("9400 0227 9496 …"); or a series of up to three capitals
// and the number after it, whole or in groups ("FT 2024/3318", "KD 558 201
// 447").
func operationalID(text []byte, s, e int) (int, int, bool) {
	for s < e && (isTrimmable(text[s]) || text[s] == '#' || text[s] == '=') {
		s++
	}
	ws, we, _ := trimWord(text, s, e)
	id := text[ws:we]
	if series(id) && we == e {
		// An invoice series before its number: "fatura FT 2024/3318".
		if ns, ne := nextToken(text, e); ns == e+1 && isDigit(text[ns]) {
			if _, ie, ok := operationalID(text, ns, ne); ok {
				return ws, ie, true
			}
			// Or in short groups: "Kundennummer KD 558 201 447".
			if a, b, _ := trimWord(text, ns, ne); a == ns && isDigits(text[a:b]) {
				if end, n := digitGroups(text, a, b); n >= 5 && end > b {
					return ws, end, true
				}
			}
		}
	}
	if len(id) < 4 || len(id) > 40 || byteClass[id[0]]&ClassAlnum == 0 || isUUID(id) {
		// A UUID is a system's request or trace id, not a customer's record.
		return 0, 0, false
	}
	digits, uppers, lowers := 0, 0, 0
	for _, c := range id {
		switch cls := byteClass[c]; {
		case cls == ClassDigit:
			digits++
		case cls == ClassUpper:
			uppers++
		case cls == ClassLower:
			lowers++
		case cls&(ClassDash|ClassSlash|ClassDot|ClassUnderscore) != 0:
		default:
			return 0, 0, false
		}
	}
	if digits >= 1 && uppers >= 2 && lowers == 0 && digits+uppers == len(id) && len(id) >= 5 && len(id) <= 8 {
		return ws, we, true // a booking code: "LH7Q2P", "PNR4KX"
	}
	if uppers == len(id) && len(id) == 6 && vowels(id) <= 1 {
		return ws, we, true // a booking code of letters: "QJNRTX"; a word has vowels ("CLOSED")
	}
	if digits == len(id) && digits >= 2 {
		// Digit groups written apart: "9400 0227 9496 9637 1890 27".
		if end, n := digitGroups(text, ws, we); n >= 10 {
			return ws, end, true
		}
	}
	// Pure numbers need five digits or a '#' ("#4421"): shorter ones are
	// counts and years.
	if digits < 3 || digits == len(id) && digits < 5 && (ws == 0 || text[ws-1] != '#') {
		return 0, 0, false
	}
	if y, m, d, isDate := numericDate(id, ""); isDate && validDate(y, m, d) {
		return 0, 0, false
	}
	if bytes.IndexByte(id, '.') >= 0 && digits == len(id)-1 { // 1299.00
		return 0, 0, false
	}
	return ws, we, true
}

// vowels counts the ASCII vowels (and y) in id.
func vowels(id []byte) int {
	n := 0
	for _, c := range id {
		switch c | 0x20 {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			n++
		}
	}
	return n
}

// series reports whether id is two or three capitals, as invoice series
// are written ("FT", "FAC").
func series(id []byte) bool {
	if len(id) < 2 || len(id) > 3 {
		return false
	}
	for _, c := range id {
		if byteClass[c] != ClassUpper {
			return false
		}
	}
	return true
}

// digitGroups extends the digit group text[s:e] over the groups of 2 to 6
// digits that follow it after one space, and returns the end and the number
// of digits.
func digitGroups(text []byte, s, e int) (int, int) {
	n := e - s
	for groups := 1; groups < 8; groups++ {
		ns, ne := nextToken(text, e)
		if ns != e+1 {
			break
		}
		a, b, stop := trimWord(text, ns, ne)
		if a != ns || b-a < 2 || b-a > 6 || !isDigits(text[a:b]) {
			break
		}
		n += b - a
		e = b
		if stop {
			break
		}
	}
	return e, n
}

func findTracking(dst []Finding, in Input, tok Token) ([]Finding, int) {
	ws, we, _ := trimWord(in.Text, tok.Start, tok.End)
	w := in.Text[ws:we]
	var ok bool
	switch {
	case len(w) == 18 && (w[0] == '1') && (w[1] == 'Z' || w[1] == 'z'):
		ok = validUPS(w)
	case len(w) == 13 && isUpperPair(w[:2]) && isUpperPair(w[11:]) && isDigits(w[2:11]):
		ok = validS10(w[2:11])
	case (len(w) == 20 || len(w) == 22) && isDigits(w) && w[0] == '9':
		ok = validMod10Weighted31(w)
	}
	if !ok {
		return dst, tok.End
	}
	f := operationalFinding(in.Text, ws, we)
	f.Rule, f.Validated, f.Confidence = "tracking-number", true, 0.95
	return append(dst, f), tok.End
}

// validUPS checks the check digit of a UPS 1Z number: the 15 characters
// after "1Z" (letters as (c-63) mod 10), odd positions once and even
// positions twice.
func validUPS(w []byte) bool {
	sum := 0
	for i, c := range w[2:17] {
		c = upperASCII(c)
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-63) % 10
		default:
			return false
		}
		if i%2 == 1 {
			v *= 2
		}
		sum += v
	}
	check := (10 - sum%10) % 10
	return w[17] == byte('0'+check)
}

// validS10 checks the mod-11 check digit of a UPU S10 serial (8 digits and
// the check digit).
func validS10(ds []byte) bool {
	weights := [8]int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i, w := range weights {
		sum += int(ds[i]-'0') * w
	}
	check := 11 - sum%11
	switch check {
	case 10:
		check = 0
	case 11:
		check = 5
	}
	return int(ds[8]-'0') == check
}

// validMod10Weighted31 checks a USPS-style check digit: from the right,
// weights 3 and 1 alternate over the digits before the check digit.
func validMod10Weighted31(ds []byte) bool {
	sum := 0
	for i, k := len(ds)-2, 0; i >= 0; i, k = i-1, k+1 {
		v := int(ds[i] - '0')
		if k%2 == 0 {
			v *= 3
		}
		sum += v
	}
	return int(ds[len(ds)-1]-'0') == (10-sum%10)%10
}

func isUpperPair(b []byte) bool {
	return byteClass[b[0]] == ClassUpper && byteClass[b[1]] == ClassUpper
}

func upperASCII(b byte) byte {
	if b >= 'a' && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

// OperationalCode finds reference codes by their layout alone, without a
// cue: an upper-case prefix of 2 to 5 letters, maybe a second one, then
// digit groups joined by hyphens, with at least five digits ("INC-55821",
// "POL-88213-04", "ES-2024-118273", "CLI-0093821"). Ticket, policy, case and
// customer systems write them so; standards and advisories (ISO-27001,
// CVE-2024-12345) are left alone.
var OperationalCode = Detector{
	Name:    "operational-code",
	Kind:    KindOperational,
	Trigger: Trigger{All: ClassDigit | ClassUpper | ClassDash, MinLen: 8},
	Find:    findOperationalCode,
}

// productWords announce product and article codes.
var productWords = newWordList(`article articolo artículo articulo artigo artikel sku product producto prodotto produto produkt
produit model modelo modello modell item part teil pièce piece referencia`)

// notReferencePrefixes name standards, advisories and products, not records.
var notReferencePrefixes = newWordList(`iso iec en din rfc cve cwe ghsa sha md utf covid sars ieee ansi astm nist ecma jsr pep kb art sku`)

func findOperationalCode(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	s, e := tok.Start, tok.End
	if s < e && text[s] == '#' {
		s++
	}
	s, e, _ = trimWord(text, s, e)
	if !isReferenceCode(text[s:e]) {
		return dst, tok.End
	}
	if ps, pe := prevToken(text, tok.Start); ps < pe {
		a, b, _ := trimWord(text, ps, pe)
		var buf [32]byte
		if f, ok := foldWord(buf[:0], text[a:b]); ok && hasCompound(&productWords, f) {
			return dst, tok.End // "Codice articolo ART-33019": a product, not a record
		}
	}
	f := operationalFinding(text, s, e)
	f.Rule, f.Confidence = "operational-code", 0.6
	return append(dst, f), tok.End
}

// isReferenceCode reports whether w is letters-dash-digits as described at
// OperationalCode.
func isReferenceCode(w []byte) bool {
	i, prefixes := 0, 0
	for prefixes < 2 {
		j := i
		for j < len(w) && byteClass[w[j]] == ClassUpper {
			j++
		}
		if j == i {
			break
		}
		if j-i < 2 || j-i > 5 || j == len(w) || w[j] != '-' {
			return false
		}
		if prefixes == 0 {
			var buf [8]byte
			if f, ok := foldWord(buf[:0], w[i:j]); ok && notReferencePrefixes.has(f) {
				return false
			}
		}
		prefixes++
		i = j + 1
	}
	if prefixes == 0 {
		return false
	}
	digits := 0
	for k, c := range w[i:] {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '-' && k > 0 && w[i+k-1] != '-' && i+k+1 < len(w):
		default:
			return false
		}
	}
	return digits >= 5
}

// TrackingGrouped finds UPS 1Z numbers written in groups, as UPS prints
// them on labels and people copy them ("1Z 999 AA1 01 2345 6784"), with
// their check digit, wherever they stand.
var TrackingGrouped = Detector{
	Name:    "tracking-grouped",
	Kind:    KindOperational,
	Trigger: Trigger{All: ClassDigit | ClassUpper, MinLen: 2, MinDigits: 10},
	Find:    findTrackingGrouped,
}

// maxUPSGroups bounds the groups of a UPS number after "1Z".
const maxUPSGroups = 7

// findTrackingGrouped finds a UPS tracking number written in groups ("1Z 999
// AA1 01 2345 6784"): "1Z" at tok and the groups after it, one space apart,
// must make 18 characters that pass the UPS check digit.
func findTrackingGrouped(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	ws, we, _ := trimWord(text, tok.Start, tok.End)
	if we-ws < 2 || we-ws >= 18 || text[ws] != '1' || upperASCII(text[ws+1]) != 'Z' || we != tok.End {
		return dst, tok.End
	}
	// Gather "1Z" and the groups after it, one space apart, until 18
	// characters are read.
	var buf [18]byte
	n := copy(buf[:], text[ws:we])
	end := we
	for g := 0; g < maxUPSGroups && n < 18; g++ {
		ns, ne := nextToken(text, end)
		if ns != end+1 {
			return dst, tok.End
		}
		a, b, _ := trimWord(text, ns, ne)
		if a != ns || b == a || n+b-a > 18 {
			return dst, tok.End
		}
		for _, c := range text[a:b] {
			if byteClass[c]&(ClassDigit|ClassUpper) == 0 {
				return dst, tok.End
			}
		}
		n += copy(buf[n:], text[a:b])
		end = b
	}
	if n != 18 || !validUPS(buf[:]) {
		return dst, tok.End
	}
	f := operationalFinding(text, ws, end)
	f.Rule, f.Validated, f.Confidence = "tracking-number", true, 0.95
	return append(dst, f), end
}
