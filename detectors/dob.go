package detectors

import (
	"bytes"
	"fmt"
	"slices"
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
	Name:    "date-of-birth",
	Kind:    KindDateOfBirth,
	Trigger: Trigger{All: ClassDigit, MinLen: 8, Keywords: append(strings.Fields(birthCueWords), monthKeywords()...)},
	Find:    findDateOfBirth,
}

// birthCueWords announce a birth date.
const birthCueWords = `born dob d birth birthday birthdate bday
nac nacimiento nacido nacida cumpleaños cumpleanos cumple nací nació nacio nacque nasceu nasci
geboren geburtsdatum geburtstag geb
né née naissance anniversaire
nato nata nascita compleanno
nascido nascida nascimento aniversário niver
geboortedatum verjaardag`

// birthCues tells a cue from a month name among the words that wake the
// detector.
var birthCues = newWordList(birthCueWords)

// dobFillers may stand between a birth cue and the date.
var dobFillers = newWordList(`is on was the of date in my i el es de la fecha mi fue ist der den mein am bin datum le est ma suis il è sono sei data di em é a do dia sou op ben mijn o b`)

// birthplacePrepositions introduce a place of birth between cue and date.
var birthplacePrepositions = newWordList(`in a à en em te`)

// monthNames maps month names and abbreviations of the configured languages
// to 1..12.
var monthNames = func() wordMap[int] {
	var m wordMap[int]
	names := [12]string{
		"january jan enero ene januar jänner janvier janv gennaio gen janeiro januari",
		"february feb febrero februar février fevrier févr fevr febbraio fevereiro fev februari",
		"march mar marzo märz maerz mars março marco maart mrt",
		"april apr abril avril aprile",
		"may mayo mai maggio mag maio mei",
		"june jun junio juni juin giugno giu junho",
		"july jul julio juli juillet juil luglio lug julho",
		"august aug agosto ago august août aout augustus",
		"september sep sept septiembre septembre settembre set setembro",
		"october oct octubre oktober okt octobre ottobre ott outubro out",
		"november nov noviembre novembre novembro",
		"december dec diciembre dic dezember dez décembre decembre dicembre dezembro",
	}
	for i, ws := range names {
		for _, w := range strings.Fields(ws) {
			m.set(w, i+1)
		}
	}
	return m
}()

// monthKeywords returns the month names, which wake the detector for a date
// sent alone in words.
func monthKeywords() []string {
	kws := make([]string, 0, monthNames.n)
	for w := range monthNames.all() {
		kws = append(kws, w)
	}
	slices.Sort(kws)
	return kws
}

func findDateOfBirth(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	if tok.WordEnd == tok.WordStart {
		return findDateAnswer(dst, in, tok)
	}
	var cb [16]byte
	if f, ok := foldWord(cb[:0], text[tok.WordStart:tok.WordEnd]); !ok || !birthCues.has(f) {
		return findWordDateAnswer(dst, in, tok) // a month name
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
	var rw readWord
	for skipped := 0; skipped < 6; skipped++ {
		if !rw.next(text, i) {
			return dst, tok.End
		}
		s, e := rw.s, rw.e
		if ds, de, iso, ok := parseDate(text, s, in.Lang); ok {
			return append(dst, Finding{
				Kind: KindDateOfBirth, Start: ds, End: de, Confidence: 0.9, Validated: true,
				Rule: "date-of-birth", Value: iso,
			}), de
		}
		ws, we, stop, w, ok := rw.ws, rw.we, rw.stop, rw.word(), rw.ok
		if isFormatHint(text[s:e]) {
			// "DOB (mm/dd/yyyy): …", "Date of Birth - 11/05/1987".
			w, ok, stop = nil, true, false
		}
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

// isFormatHint reports whether tok is a separator or a format hint between
// a cue and its date: "-", "–", "=", "(mm/dd/yyyy):".
func isFormatHint(tok []byte) bool {
	if len(tok) > 0 && tok[0] == '(' && bytes.IndexByte(tok, ')') > 0 {
		return true
	}
	for _, c := range tok {
		if byteClass[c]&ClassAlnum != 0 {
			return false
		}
	}
	return true
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

// maxAnswerLen bounds a message taken for a date sent alone.
const maxAnswerLen = 120

// answerFillers may stand around a date sent alone: hesitations, "yes", an
// article ("el doce de marzo …", "le quatorze juillet …").
var answerFillers = newWordList(`uh um uhm er erm eh euh äh ähm ehm hmm so yes yeah sí si oui ja sì sim yo
it's its that's it is on the el le il lo am den der op em o a à`)

// findWordDateAnswer reports a message that is a date with a month name
// and nothing else, decades back ("vierzehnter märz
// neunzehnhundertachtzig", "el doce de marzo de mil novecientos ochenta",
// "March 3, 1961"): the answer to an earlier "what is your date of birth?".
// The month name woke it; the date starts at most three tokens before.
func findWordDateAnswer(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	if len(text) > maxAnswerLen {
		return dst, tok.End
	}
	// Skip fillers from the start of the message; the date must begin at
	// or before the month name.
	s, _ := nextToken(text, 0)
	for k := 0; k < 3 && s < tok.Start; k++ {
		ts, te := nextToken(text, s)
		a, b, _ := trimWord(text, ts, te)
		var buf [16]byte
		f, ok := foldWord(buf[:0], text[a:b])
		if !ok || !answerFillers.has(f) {
			break
		}
		s, _ = nextToken(text, te)
	}
	if s > tok.Start || tok.Start-s > 48 {
		return dateAfterBirthCue(dst, in, tok)
	}
	ds, de, iso, ok := parseDate(text, s, in.Lang)
	if !ok || de < tok.WordEnd || !onlyPunct(text[de:]) || !yearsBack(iso) {
		return dateAfterBirthCue(dst, in, tok)
	}
	return append(dst, Finding{
		Kind: KindDateOfBirth, Start: ds, End: de, Confidence: 0.6, Rule: "date-of-birth-answer", Value: iso,
	}), de
}

// dateAfterBirthCue reports a date with a month name that ends a message
// speaking of a birth before it: "so you were born … right may fifth
// nineteen ninety". The month name woke it; the day may come just before.
func dateAfterBirthCue(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	s := tok.Start
	if ps, pe := prevToken(text, tok.Start); ps < pe {
		if _, _, _, ok := parseDate(text, ps, in.Lang); ok {
			s = ps // "5 May …", "cinco de mayo …"
		}
	}
	ds, de, iso, ok := parseDate(text, s, in.Lang)
	if !ok || !onlyPunct(text[de:]) || !yearsBack(iso) || !birthCueBefore(text, ds) {
		return dst, tok.End
	}
	return append(dst, Finding{
		Kind: KindDateOfBirth, Start: ds, End: de, Confidence: 0.7, Rule: "date-of-birth", Value: iso,
	}), de
}

// onlyPunct reports whether b holds nothing but white space and punctuation.
func onlyPunct(b []byte) bool {
	for _, c := range b {
		if byteClass[c]&(ClassAlnum) != 0 {
			return false
		}
	}
	return true
}

// yearsBack reports whether the ISO date iso lies at least minAnswerAge
// years back.
func yearsBack(iso []byte) bool {
	y := 0
	for _, c := range iso[:4] {
		y = y*10 + int(c-'0')
	}
	return y <= time.Now().Year()-minAnswerAge
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
// 12.05.1985, 1990-03-04, 3-4-90), with a month name (3 March 1990, March
// 3rd, 1990, 12 de mayo de 1985, 1er mai 1985) or said in words ("june third
// nineteen seventy two", "doce de marzo de mil novecientos setenta y nueve",
// "dritten mai neunzehn neunundsiebzig", "tres del once del ochenta y
// cinco", "oh two fourteen eighty one"). It returns the span, the ISO form
// and whether it is a real calendar date in a plausible birth year.
func parseDate(text []byte, s int, lang string) (int, int, []byte, bool) {
	_, e := nextToken(text, s)
	ws, we, _ := trimWord(text, s, e)
	if y, m, d, ok := numericDate(text[ws:we], lang); ok {
		return isoDate(ws, we, y, m, d)
	}
	if y, m, d, ok := monthTokenDate(text[ws:we]); ok {
		return isoDate(ws, we, y, m, d)
	}
	items, n := readDateItems(text, ws)
	if n < 3 {
		return 0, 0, nil, false
	}
	var month, day, rest int
	switch {
	case items[0].month && !items[1].month && items[1].val >= 1:
		month, day, rest = items[0].val, items[1].val, 2 // March 3rd 1990
	case items[1].month && !items[0].month && items[0].val >= 1:
		day, month, rest = items[0].val, items[1].val, 2 // 3 March 1990
	case !items[0].month && !items[1].month && items[0].words && items[1].words &&
		!items[0].ordinal && !items[1].lead0 || items[0].lead0:
		// Said as numbers: "one twelve nineteen forty five" (English month
		// first), "tres del once del ochenta y cinco".
		month, day, rest = items[1].val, items[0].val, 2
		if lang == "en" || lang == "" || day <= 12 && month > 12 {
			month, day = day, month
		}
	default:
		return 0, 0, nil, false
	}
	year, end, ok := dateYear(items[rest:n])
	if day19 := items[rest-1]; items[0].month && day19.simple && (day19.val == 19 || day19.val == 20) && end == items[rest].end {
		// "march nineteen eighty" is March 1980, a month and year, more
		// often than the 19th of March '80.
		return 0, 0, nil, false
	}
	if !ok || day > 31 || month > 12 {
		return 0, 0, nil, false
	}
	return isoDate(ws, end, year, month, day)
}

// monthTokenDate parses a date written as one token with a month name:
// "05-Nov-1987", "5.Mai.1960", "05/nov/87".
func monthTokenDate(w []byte) (y, m, d int, ok bool) {
	if len(w) < 7 || len(w) > 16 || byteClass[w[0]] != ClassDigit {
		return 0, 0, 0, false
	}
	i := 0
	for i < len(w) && i < 2 && byteClass[w[i]] == ClassDigit {
		d = d*10 + int(w[i]-'0')
		i++
	}
	if i >= len(w) || w[i] != '-' && w[i] != '.' && w[i] != '/' && w[i] != ' ' {
		return 0, 0, 0, false
	}
	sep := w[i]
	j := bytes.IndexByte(w[i+1:], sep)
	if j < 3 {
		return 0, 0, 0, false
	}
	var buf [16]byte
	f, fok := foldWord(buf[:0], w[i+1:i+1+j])
	m, _ = monthNames.get(f)
	yw := w[i+2+j:]
	if !fok || m == 0 || !isDigits(yw) || len(yw) != 2 && len(yw) != 4 {
		return 0, 0, 0, false
	}
	for _, c := range yw {
		y = y*10 + int(c-'0')
	}
	if len(yw) == 2 {
		y += 1900
		if y < 1926 {
			y += 100
		}
	}
	return y, m, d, true
}

// dateItem is a day, month or year part of a date.
type dateItem struct {
	val     int
	end     int
	month   bool // a month name
	words   bool // said in words
	ordinal bool // "3rd", "third", "dritten"
	lead0   bool // "oh two"
	simple  bool // one unit, teen or tens word: maybe half a year ("nineteen")
	digits  int  // written digits, 0 for words
}

// maxDateItems bounds the parts read for one date: day, month and a year
// said in two halves, and one more to tell a year half from a day.
const maxDateItems = 5

// dateFillers stand between the parts of a date: "12 de mayo de 1985", "the
// 12th of May", "tres del once", "três do cinco".
var dateFillers = newWordList(`de del do da of the di`)

// readDateItems reads the parts of a date from the token at i.
func readDateItems(text []byte, i int) ([maxDateItems]dateItem, int) {
	var items [maxDateItems]dateItem
	n := 0
	var rw readWord
	for k := 0; k < 8 && n < maxDateItems; k++ {
		if !rw.next(text, i) {
			break
		}
		ts, te, a, b, stop, w, ok := rw.s, rw.e, rw.ws, rw.we, rw.stop, rw.word(), rw.ok
		if !ok || a == b {
			break
		}
		it := dateItem{end: b}
		if m, _ := monthNames.get(w); m > 0 {
			it.month, it.val = true, m
			if stop && b < te && text[b] == '.' && b-a <= 5 {
				stop = false // "Nov. 5, 1987": an abbreviation's dot
			}
		} else if v, isNum := ordinal(w); isNum {
			it.val, it.digits, it.ordinal = v, countDigits(w, 0), !isDigits(w)
		} else if n > 0 && dateFillers.has(w) && !stop {
			i = te
			continue
		} else if c, ok := readCardinal(text, ts); ok {
			it = dateItem{val: c.val, end: c.end, words: true, ordinal: c.ordinal, lead0: c.lead0, simple: c.lastSimple}
			te, stop = c.next, c.stop
		} else if y, ok := compoundYear(w); ok {
			it.val, it.words = y, true
		} else {
			break
		}
		items[n] = it
		n++
		i = te
		// "3. Mai 1979": the German ordinal dot does not end the date.
		ordinalDot := stop && b < te && text[b] == '.' && it.digits > 0 && it.digits <= 2
		if stop && !ordinalDot {
			break
		}
	}
	return items, n
}

// dateYear reads the year that ends a date: written (1985, 85), said whole
// ("mil novecientos ochenta y cinco"), in halves ("nineteen eighty five",
// "negentien eenentachtig", "nineteen oh five") or by its last two digits
// ("del ochenta y cinco", "soixante-quinze"). It returns the year and its end.
func dateYear(items []dateItem) (int, int, bool) {
	if len(items) == 0 || items[0].month || items[0].ordinal {
		return 0, 0, false
	}
	y := items[0]
	switch {
	case y.val >= 1000:
		return y.val, y.end, true
	case len(items) > 1 && y.words && y.simple && y.val >= 19 && y.val <= 20 &&
		!items[1].month && !items[1].ordinal && items[1].words && items[1].val < 100:
		return y.val*100 + items[1].val, items[1].end, true
	case y.digits == 2 || y.words && y.val < 100 && !y.lead0 || y.lead0 && y.val < 10:
		year := 1900 + y.val
		if year < 1926 {
			year += 100
		}
		return year, y.end, true
	}
	return 0, 0, false
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

// yearCenturies are the first halves of a year said as one word:
// "negentienzeventig" (1970), "neunzehnachtzig", with "hundred" or
// "thousand" too ("negentienhonderdtachtig", "tweeduizendvijf"); the longer
// of two prefixes comes first.
var yearCenturies = [...]struct {
	prefix string
	val    int
}{
	{"negentienhonderd", 1900}, {"neunzehnhundert", 1900}, {"tweeduizend", 2000}, {"zweitausend", 2000},
	{"negentien", 1900}, {"neunzehn", 1900}, {"twintig", 2000}, {"zwanzig", 2000},
}

// compoundYear parses a year said as one word from its two halves.
func compoundYear(w []byte) (int, bool) {
	for _, c := range yearCenturies {
		rest, ok := bytes.CutPrefix(w, []byte(c.prefix))
		if !ok || len(rest) == 0 {
			continue
		}
		n, ok := readCardinal(rest, 0)
		if ok && n.end == len(rest) && n.val < 100 && !n.ordinal {
			return c.val + n.val, true
		}
	}
	return 0, false
}

// birthCueBefore reports whether a birth cue stands among the five words
// before pos: further back, the date is more often another event's ("born
// in Leeds and moved here on 5 May 2010").
func birthCueBefore(text []byte, pos int) bool {
	var w readWord
	for k := 0; k < 5 && w.prev(text, pos); k++ {
		if birthCues.has(w.word()) {
			return true
		}
		pos = w.s
	}
	return false
}
