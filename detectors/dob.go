package detectors

import (
	"fmt"
	"strings"
	"time"
)

// DateOfBirth finds dates announced as a birth date, in any configured
// language: "born on 3 March 1990", "DOB: 03/04/1990", "fecha de nacimiento
// 12/05/1985", "geboren am 12.05.1985", "né le 12 mai 1985", "nata il
// 12/05/1985", "geboren op 12-05-1985", "my birthday is march 3rd 1990".
// Plain dates are not personal and are left alone. The span covers the date
// only; Value is the ISO date (YYYY-MM-DD).
var DateOfBirth = Detector{
	Name: "date-of-birth",
	Kind: KindDateOfBirth,
	Trigger: Trigger{All: ClassDigit, MinLen: 8, Keywords: []string{
		"born", "dob", "d", "birth", "birthday", "birthdate", "bday",
		"nacimiento", "nacido", "nacida", "cumpleaños", "nací", "nació", "nacio", "nacque", "nasceu", "nasci", "nacida",
		"geboren", "geburtsdatum", "geburtstag", "geb",
		"né", "née", "naissance", "anniversaire",
		"nato", "nata", "nascita", "compleanno",
		"nascido", "nascida", "nascimento", "aniversário", "nasci",
		"geboortedatum", "verjaardag",
	}},
	Find: findDateOfBirth,
}

// dobFillers may stand between a birth cue and the date.
var dobFillers = newWordList(`is on was the of date in my i el es de la fecha mi fue ist der den mein am bin datum le est ma suis il è sono sei data di em é a do dia sou op ben mijn o b`)

// birthplacePrepositions introduce a place of birth between cue and date.
var birthplacePrepositions = newWordList(`in a à en em te`)

// monthNames maps month names and abbreviations of the configured languages
// to 1..12.
var monthNames = func() map[string]int {
	m := map[string]int{}
	names := [12]string{
		"january jan enero ene januar jänner janvier janv gennaio gen janeiro januari",
		"february feb febrero februar février fevrier févr fevr febbraio fevereiro fev februari",
		"march mar marzo märz maerz mars março marco maart mrt",
		"april apr abril avril aprile",
		"may mayo mai maggio mag maio mei",
		"june jun junio juni juin giugno giu junho",
		"july jul julio juli juillet juil luglio lug julho",
		"august aug agosto ago august août aout",
		"september sep sept septiembre septembre settembre set setembro",
		"october oct octubre oktober okt octobre ottobre ott outubro out",
		"november nov noviembre novembre novembro",
		"december dec diciembre dic dezember dez décembre decembre dicembre dezembro",
	}
	for i, ws := range names {
		for _, w := range strings.Fields(ws) {
			m[w] = i + 1
		}
	}
	return m
}()

func findDateOfBirth(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	if tok.WordEnd == tok.WordStart {
		return findDateAnswer(dst, in, tok)
	}
	// "d.o.b." is one token whose leading word is "d": require the rest.
	if w := text[tok.WordStart:tok.WordEnd]; len(w) == 1 {
		var buf [8]byte
		f, ok := foldWord(buf[:0], text[tok.Start:min(tok.End, tok.Start+6)])
		if !ok || len(f) < 5 || string(f[:5]) != "d.o.b" {
			return dst, tok.End
		}
	}
	// Verb-final languages put the cue after the date: "ich bin am 3. Mai
	// 1979 geboren", "ik ben op 12-05-1985 geboren".
	if ds, de, iso, ok := dateBefore(text, tok.Start, in.Lang); ok {
		return append(dst, Finding{
			Kind: KindDateOfBirth, Start: ds, End: de, Confidence: 0.9, Validated: true,
			Rule: "date-of-birth", Value: iso,
		}), tok.End
	}
	i, place := tok.End, false
	for skipped := 0; skipped < 6; skipped++ {
		s, e := nextToken(text, i)
		if s == e {
			return dst, tok.End
		}
		if ds, de, iso, ok := parseDate(text, s, in.Lang); ok {
			return append(dst, Finding{
				Kind: KindDateOfBirth, Start: ds, End: de, Confidence: 0.9, Validated: true,
				Rule: "date-of-birth", Value: iso,
			}), de
		}
		ws, we, stop := trimWord(text, s, e)
		var buf [16]byte
		w, ok := foldWord(buf[:0], text[ws:we])
		// The birthplace may come first: "nata a Bari il …", "born in Leeds on …".
		isPlace := place && ws < we && byteClass[text[ws]]&(ClassUpper|ClassHigh) != 0
		if stop && skipped > 0 || !ok || !isPlace && !dobFillers.has(w) && len(w) > 0 {
			return dst, tok.End
		}
		place = isPlace || birthplacePrepositions.has(w)
		i = e
	}
	return dst, tok.End
}

// dateBefore finds a date ending at the token just before pos.
func dateBefore(text []byte, pos int, lang string) (int, int, []byte, bool) {
	ps, pe := prevToken(text, pos)
	if ps == pe {
		return 0, 0, nil, false
	}
	_, want, _ := trimWord(text, ps, pe)
	s := ps
	for k := 0; k < 5 && s < pos; k++ {
		if ds, de, iso, ok := parseDate(text, s, lang); ok && de == want {
			return ds, de, iso, true
		}
		s, _ = prevToken(text, s)
		if s == 0 && k > 0 {
			break
		}
	}
	return 0, 0, nil, false
}

// minAnswerAge is how many years back a date sent alone must lie to be
// taken for a birth date.
const minAnswerAge = 10

// findDateAnswer reports a message that is a full date and nothing else,
// decades back ("04/17/1991", "21.01.1955"): in a conversation that is the
// answer to "what is your date of birth?", asked in an earlier turn.
func findDateAnswer(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	ws, we, _ := trimWord(text, tok.Start, tok.End)
	if we-ws > 10 || !onlyToken(text, tok) {
		return dst, tok.End
	}
	y, m, d, ok := numericDate(text[ws:we], in.Lang)
	if !ok || y > time.Now().Year()-minAnswerAge || we-ws < 8 {
		return dst, tok.End
	}
	ds, de, iso, ok := isoDate(ws, we, y, m, d)
	if !ok {
		return dst, tok.End
	}
	return append(dst, Finding{
		Kind: KindDateOfBirth, Start: ds, End: de, Confidence: 0.6, Rule: "date-of-birth-answer", Value: iso,
	}), tok.End
}

// onlyToken reports whether tok is the only token of the text; it looks
// only at the bytes next to it, so most tokens fail at once.
func onlyToken(text []byte, tok Token) bool {
	for i := tok.Start - 1; i >= 0; i-- {
		if byteClass[text[i]] != classSpace {
			return false
		}
	}
	for i := tok.End; i < len(text); i++ {
		if byteClass[text[i]] != classSpace {
			return false
		}
	}
	return true
}

// parseDate parses a date starting at the token at s: numeric (03/04/1990,
// 12.05.1985, 1990-03-04, 3-4-90) or with a month name (3 March 1990, March
// 3rd, 1990, 12 de mayo de 1985, 1er mai 1985). It returns the span, the ISO
// form and whether it is a real calendar date in a plausible birth year.
func parseDate(text []byte, s int, lang string) (int, int, []byte, bool) {
	_, e := nextToken(text, s)
	ws, we, _ := trimWord(text, s, e)
	if y, m, d, ok := numericDate(text[ws:we], lang); ok {
		return isoDate(ws, we, y, m, d)
	}
	// Textual: up to five tokens of day, month name, year and fillers.
	var day, month, year int
	end, i := ws, ws
	for k := 0; k < 6; k++ {
		ts, te := nextToken(text, i)
		if ts == te {
			break
		}
		a, b, stop := trimWord(text, ts, te)
		var buf [16]byte
		w, ok := foldWord(buf[:0], text[a:b])
		if !ok {
			break
		}
		switch n, isNum := ordinal(w); {
		case monthNames[string(w)] > 0 && month == 0:
			month = monthNames[string(w)]
		case isNum && n >= 1 && n <= 31 && day == 0 && year == 0:
			day = n
		case isNum && n >= 1900 && year == 0:
			year = n
		case string(w) == "de" || string(w) == "of" || string(w) == "the" || string(w) == "del":
			i = te
			continue
		default:
			k = 6
			continue
		}
		end, i = b, te
		// "3. Mai 1979": the German ordinal dot does not end the date.
		ordinalDot := stop && b < te && text[b] == '.' && year == 0 && isDigits(text[a:b])
		if stop && !ordinalDot || year > 0 {
			break
		}
	}
	if month == 0 || day == 0 || year == 0 {
		return 0, 0, nil, false
	}
	return isoDate(ws, end, year, month, day)
}

// isoDate validates a calendar date with a plausible birth year and returns
// it in ISO form.
func isoDate(s, e, y, m, d int) (int, int, []byte, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || y > 2100 || t.Month() != time.Month(m) || t.Day() != d {
		return 0, 0, nil, false
	}
	return s, e, fmt.Appendf(nil, "%04d-%02d-%02d", y, m, d), true
}

// numericDate parses d/m/y, m/d/y (English), y-m-d with '/', '.' or '-'
// separators and two- or four-digit years.
func numericDate(w []byte, lang string) (y, m, d int, ok bool) {
	var parts [3]int
	var widths [3]int
	n, sep := 0, byte(0)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			if widths[n] == 4 {
				return 0, 0, 0, false
			}
			parts[n] = parts[n]*10 + int(c-'0')
			widths[n]++
		case (c == '/' || c == '.' || c == '-') && (sep == 0 || c == sep) && widths[n] > 0 && n < 2:
			sep = c
			n++
		default:
			return 0, 0, 0, false
		}
	}
	if n != 2 || widths[2] == 0 {
		return 0, 0, 0, false
	}
	switch {
	case widths[0] == 4: // ISO
		return parts[0], parts[1], parts[2], widths[1] <= 2 && widths[2] <= 2
	case widths[2] == 4 || widths[2] == 2:
		y = parts[2]
		if widths[2] == 2 {
			y += 1900
			if y < 1926 {
				y += 100
			}
		}
		a, b := parts[0], parts[1]
		if (lang == "en" || lang == "") && a <= 12 && b <= 31 || b > 12 && a <= 12 {
			return y, a, b, true // month first
		}
		return y, b, a, true
	}
	return 0, 0, 0, false
}

// ordinal parses "3", "3rd", "1st", "1er", "1º", "3.", "21st" as a number.
func ordinal(w []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
		n = n*10 + int(w[i]-'0')
	}
	if i == 0 || i > 4 {
		return 0, false
	}
	switch string(w[i:]) {
	case "", "st", "nd", "rd", "th", "er", "e", "º", "°", "o", "a", "ª", ".":
		return n, true
	}
	return 0, false
}
