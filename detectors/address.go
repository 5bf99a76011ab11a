package detectors

import (
	"bytes"
	"strings"
)

// Address finds street addresses in the formats of the configured languages,
// woken by the house number every address carries:
//   - number first: "123 Main Street", "1600 Pennsylvania Ave NW", "12 rue de la
//     Paix", "3 bis avenue Victor Hugo";
//   - street first: "Hauptstraße 5", "Berliner Str. 12a", "Calle Mayor 12",
//     "Via Roma 10", "Rua Augusta, 100", "Kalverstraat 12", "C/ Alcalá 45";
//
// with unit parts ("Apt 4B", "Flat 3", "3º B", "apto 12", "bus 2") and a
// following postal code and city ("…, 28013 Madrid", "…, Springfield, IL
// 62704", "London SW1A 2AA"). The span covers the whole address; Value is
// it with white space folded.
var Address = Detector{
	Name:    "address",
	Kind:    KindAddress,
	Trigger: Trigger{All: ClassDigit},
	Find:    findAddress,
}

// streetTypes are words that name a kind of street, by language. A street
// name holds one of them (or ends in one of streetSuffixes).
var streetTypes = newWordList(`
street st road rd avenue ave av lane ln drive dr boulevard blvd way court ct place pl square sq
terrace close crescent highway hwy parkway pkwy circle cir trail row walk grove gardens mews hill
calle c/ avenida avda paseo plaza pza carretera ctra camino ronda travesía travesia glorieta
rue avenue boulevard bd chemin allée allee impasse quai route cours passage
straße strasse str weg platz allee gasse ring damm ufer chaussee
via viale piazza corso largo vicolo strada piazzale lungomare
rua travessa praça praca estrada alameda rodovia
straat laan plein gracht kade singel dijk steeg
`)

// streetSuffixes end one-word street names in German and Dutch
// ("Hauptstraße", "Kalverstraat", "Keizersgracht").
var streetSuffixes = []string{
	"straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "ring", "damm", "ufer",
	"straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg",
}

// unitWords introduce an apartment, floor or unit part.
var unitWords = newWordList(`
apt apartment unit suite ste flat floor fl no #
piso puerta planta apto apartamento dpto depto
appartement appt étage etage bâtiment bat escalier
wohnung whg etage og stock
interno int scala piano
apto apartamento andar bloco casa
bus huisnummer verdieping
`)

// numberFirstLangs are languages whose addresses put the number first.
func numberFirst(lang string) bool { return lang == "" || lang == "en" || lang == "fr" }

func findAddress(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	ns, ne, _ := trimWord(text, tok.Start, tok.End)
	if !isHouseNumber(text[ns:ne]) {
		return dst, tok.End
	}
	// Street first: the tokens before the number name a street.
	if s, ok := streetBefore(text, ns); ok {
		end := addressTail(text, ne)
		return append(dst, addressFinding(text, s, end)), end
	}
	// Number first: the tokens after the number name a street.
	if e, ok := streetAfter(text, tok.End); ok {
		end := addressTail(text, e)
		return append(dst, addressFinding(text, ns, end)), end
	}
	return dst, tok.End
}

func addressFinding(text []byte, s, e int) Finding {
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
	return Finding{Kind: KindAddress, Start: s, End: e, Confidence: 0.85, Rule: "address", Value: v}
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
		return isDigits(rest[1:]) && len(rest) <= 5 || len(rest) == 2 && byteClass[rest[1]]&ClassLetter != 0
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

// streetBefore looks back from the house number at pos for a street name:
// one to five capitalized words or particles holding a street type
// ("Calle Mayor", "Via Roma", "Rua Augusta,") or a single word ending in a
// street suffix ("Hauptstraße", "Kalverstraat"). It returns the street's
// start.
func streetBefore(text []byte, pos int) (int, bool) {
	start, found, typeLast := -1, false, false
	i := pos
	for k := 0; k < 6; k++ {
		s, e := prevToken(text, i)
		ws, we, stop := trimWord(text, s, e)
		if ws == we || stop && k > 0 {
			break
		}
		w := text[ws:we]
		var buf [64]byte
		f, ok := foldWord(buf[:0], w)
		if !ok {
			break
		}
		isType := streetTypes.has(f) || hasStreetSuffix(w, f)
		if !isType && !isNamePart(w, f) {
			break
		}
		switch {
		case isType && k == 0 && hasStreetSuffix(w, f):
			return ws, true // "Hauptstraße 5"
		case isType:
			start, found, typeLast = ws, true, k == 0
		case found && (!typeLast || streetParticles.has(f) || byteClass[w[0]]&(ClassUpper|ClassHigh) == 0):
			// Before "Calle Mayor" come the sentence's words; before
			// "Str." may come a capitalized name: "Berliner Str. 12a".
			return start, true
		default:
			start = ws
		}
		i = s
	}
	return start, found && start >= 0
}

// streetAfter reads forward from pos for a street name ending in or starting
// with a street type: "Main Street", "Pennsylvania Ave NW", "rue de la
// Paix", "bis avenue Victor Hugo". It returns the street's end.
func streetAfter(text []byte, pos int) (int, bool) {
	end, found, lastType := -1, false, false
	i := pos
	for k := 0; k < 7; k++ {
		s, e := nextToken(text, i)
		ws, we, stop := trimWord(text, s, e)
		if ws == we {
			break
		}
		w := text[ws:we]
		var buf [64]byte
		f, ok := foldWord(buf[:0], w)
		if !ok {
			break
		}
		isType := streetTypes.has(f) || hasStreetSuffix(w, f)
		switch {
		case isType:
			found, lastType, end = true, true, we
		case k == 0 && (string(f) == "bis" || string(f) == "ter"):
		case isNamePart(w, f) || found && isDirection(f):
			if found && !lastType && !isNamePart(w, f) {
				break
			}
			if found {
				end = we
			}
			lastType = false
		default:
			k = 7
			continue
		}
		i = e
		if stop {
			break
		}
	}
	return end, found && end > 0
}

// addressTail extends an address over what follows it within the same
// clause: a unit part ("Apt 4B", "3º B"), a city after a comma, a state or
// province code, and a postal code with its city ("28013 Madrid"). It returns
// the new end.
func addressTail(text []byte, end int) int {
	var unit, city, postal bool
	i := end
	for k := 0; k < 8; k++ {
		s, e := nextToken(text, i)
		if s == e {
			break
		}
		ws, we, stop := trimWord(text, s, e)
		if ws == we { // a lone comma
			i = e
			continue
		}
		w := text[ws:we]
		var buf [32]byte
		f, ok := foldWord(buf[:0], w)
		if !ok {
			break
		}
		comma := bytes.IndexByte(text[end:ws], ',') >= 0
		switch {
		case !unit && !postal && unitWords.has(f):
			// "Apt 4B": the unit word and its value.
			unit, end, i = true, we, e
			if vs, ve := nextToken(text, e); vs < ve && !stop {
				a, b, vstop := trimWord(text, vs, ve)
				if a < b && byteClass[text[a]]&ClassAlnum != 0 && b-a <= 6 {
					end, i, stop = b, ve, vstop
				}
			}
		case !unit && !postal && isOrdinalUnit(w):
			unit, end, i = true, we, e
			if vs, ve := nextToken(text, e); vs < ve && !stop {
				a, b, vstop := trimWord(text, vs, ve)
				if b-a == 1 && byteClass[text[a]] == ClassUpper { // "3º B"
					end, i, stop = b, ve, vstop
				}
			}
		case !postal && (isPostalCode(w) || isPostalPair(text, ws)):
			postal = true
			end, i = postalEnd(text, ws, we), postalEnd(text, ws, e)
			if i > e { // a pair: step over its second token
				_, i = nextToken(text, e)
			}
			// A city name may follow the code: "28013 Madrid", "São Paulo".
			for c := 0; c < 3 && !stop; c++ {
				cs, ce := nextToken(text, i)
				a, b, cstop := trimWord(text, cs, ce)
				if a == b || byteClass[text[a]]&(ClassUpper|ClassHigh) == 0 {
					break
				}
				end, i, stop, city = b, ce, cstop, true
				if text[b-1] == ',' || b < ce && text[b] == ',' {
					break
				}
			}
		case !city && !postal && comma && byteClass[w[0]]&ClassUpper != 0 && len(w) > 2:
			// ", Washington," or ", London SW1A 2AA": a city after a comma.
			city, end, i = true, we, e
		case city && !postal && len(w) == 2 && isUpperPair(w):
			end, i = we, e // a state or province code: "DC 20500"
		default:
			return end
		}
		if stop {
			break
		}
	}
	return end
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
	if byteClass[w[0]]&(ClassUpper|ClassHigh) != 0 || isDigits(w) && len(w) <= 2 {
		return true
	}
	return streetParticles.has(folded)
}

// streetParticles are the lower-case words of street names ("rue de la Paix").
var streetParticles = newWordList(`de la del los las le les du des da do dos das di della von van der den het ten of the`)

func isDirection(f []byte) bool {
	switch string(f) {
	case "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west":
		return true
	}
	return false
}

// hasStreetSuffix reports whether the word w (folded f) is a one-word street
// name: capitalized, as German and Dutch nouns are, and ending in a suffix.
func hasStreetSuffix(w, f []byte) bool {
	if len(f) < 6 || byteClass[w[0]]&(ClassUpper|ClassHigh) == 0 {
		return false
	}
	for _, s := range streetSuffixes {
		if len(f) > len(s)+2 && bytes.HasSuffix(f, []byte(s)) {
			return true
		}
	}
	return false
}
