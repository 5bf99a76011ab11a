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

// operationalCueWords are cue words by language; compounds such as
// "bestellnummer" are words of their own.
const operationalCueWords = `
order orders invoice ticket case account acct reference ref booking confirmation tracking shipment
parcel package customer claim reservation pnr rma return subscription contract policy membership
pedido factura caso cuenta referencia reserva seguimiento envío envio paquete cliente contrato localizador
commande facture dossier compte référence réservation reservation suivi colis contrat
bestellung bestellnummer rechnung rechnungsnummer fall konto kundennummer referenz buchung
buchungsnummer sendung sendungsnummer paket vertrag vertragsnummer auftrag auftragsnummer vorgang
vorgangsnummer ticketnummer fallnummer
ordine fattura pratica conto riferimento prenotazione spedizione pacco contratto
encomenda fatura referência protocolo rastreamento rastreio envio pacote conta
bestelling bestelnummer factuur factuurnummer zaak rekening klantnummer referentie boeking zending pakket
`

func operationalCues() []string { return strings.Fields(operationalCueWords) }

// operationalFillers may stand between a cue and the identifier.
var operationalFillers = newWordList(`number no nr num id is code # my the your was of for reference número numero nº n° es el de mi del numéro est mon ma le la du nummer ist meine mein die der lautet il è mio della do da é meu minha mijn van het nr. no.`)

func findOperational(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	if bytes.IndexByte(text[tok.WordEnd:tok.End], ':') < 0 && tok.WordEnd < tok.End &&
		byteClass[text[tok.WordEnd]]&ClassAlnum != 0 {
		return dst, tok.End // "order123" is not a cue followed by a value
	}
	// The identifier may sit in the cue's own token: "order#A-1023", "Rechnung:2024-0815".
	if s, e, ok := operationalID(text, tok.WordEnd, tok.End); ok {
		return append(dst, operationalFinding(text, s, e)), tok.End
	}
	i := tok.End
	for skipped := 0; skipped < 5; skipped++ {
		s, e := nextToken(text, i)
		if s == e {
			break
		}
		if is, ie, ok := operationalID(text, s, e); ok {
			return append(dst, operationalFinding(text, is, ie)), e
		}
		ws, we, stop := trimWord(text, s, e)
		var buf [16]byte
		w, ok := foldWord(buf[:0], text[ws:we])
		if !ok || len(w) > 0 && !operationalFillers.has(w) {
			break
		}
		if stop && !bytes.HasSuffix(text[s:e], []byte(".")) || stop && len(w) > 3 {
			break // a sentence ends; "Nr." and "no." do not end one
		}
		i = e
	}
	return dst, tok.End
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
// least 3 digits, that is not a date, time, price or amount.
func operationalID(text []byte, s, e int) (int, int, bool) {
	for s < e && (isTrimmable(text[s]) || text[s] == '#' || text[s] == '=') {
		s++
	}
	ws, we, _ := trimWord(text, s, e)
	id := text[ws:we]
	if len(id) < 4 || len(id) > 40 || byteClass[id[0]]&ClassAlnum == 0 {
		return 0, 0, false
	}
	digits := 0
	for _, c := range id {
		switch cls := byteClass[c]; {
		case cls == ClassDigit:
			digits++
		case cls&(ClassUpper|ClassLower|ClassDash|ClassSlash|ClassDot|ClassUnderscore) != 0:
		default:
			return 0, 0, false
		}
	}
	// Pure numbers need five digits or a '#' ("#4421"): shorter ones are
	// counts and years.
	if digits < 3 || digits == len(id) && digits < 5 && (ws == 0 || text[ws-1] != '#') {
		return 0, 0, false
	}
	if _, _, _, isDate := numericDate(id, ""); isDate {
		return 0, 0, false
	}
	if bytes.IndexByte(id, '.') >= 0 && digits == len(id)-1 { // 1299.00
		return 0, 0, false
	}
	return ws, we, true
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
