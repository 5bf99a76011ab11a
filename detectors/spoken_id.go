package detectors

import (
	"bytes"
	"slices"
)

// Identifiers read aloud: order, ticket, policy, tax, passport and member
// numbers spelled out in a call ("b as in boy four four eight two nine", "l
// zwo eins null eins", "a be ce cuatro cinco seis", "uh nine nine three oh
// two"). The cue-based detectors (operational.go, govid.go, postal.go) read
// them with readSpokenID once their cue has been seen; spoken_digits.go
// leaves such numbers to them (spokenCueBefore).

// spokenID is an identifier gathered from number words, letters and digit
// groups: its compact form (digits and upper-case letters) and span.
type spokenID struct {
	num     spokenNumber // compact characters in num.digits[:num.n], span in num.start, num.end
	items   int          // number words, letters and digit groups read
	letters int          // letters among the compact characters
}

// value returns the compact identifier; it aliases s.
func (s *spokenID) value() []byte { return s.num.digits[:s.num.n] }

// digits returns how many compact characters are digits.
func (s *spokenID) digits() int { return s.num.n - s.letters }

// spokenIDFillers may stand inside a spoken identifier without ending it:
// hesitations and separators said aloud. Of the words for a dot only the
// Portuguese "ponto" is one: a CPF is dictated with it, and Portuguese says
// decimals with "vírgula", where "point" and "punto" are decimal points.
var spokenIDFillers = newWordList(hesitationWords + `
dash hyphen minus strich bindestrich tiret trait guion guión trattino traço hífen hifen streepje
slash barra ponto
`)

// hesitationWords are the fillers among spokenIDFillers; the others are
// separators, which mark a group boundary.
const hesitationWords = `uh um uhm er erm eh ehm äh ähm öh euh hmm mm`

// spokenHesitations filters lookups of hesitationWords.
var spokenHesitations = newWordList(hesitationWords)

// letterNames are the names of letters that speech recognition writes as
// words ("uve", "ka", "esse"). Only accepted inside an identifier, since many
// of them are words too.
var letterNames = func() map[string]byte {
	m := map[string]byte{}
	for _, e := range []struct {
		l     byte
		names string
	}{
		{'B', "be bé bi"}, {'C', "ce cé ci"}, {'D', "de dé"}, {'F', "efe effe"}, {'G', "ge gé gi"},
		{'H', "hache acca ache"}, {'J', "jota ji"}, {'K', "ka"}, {'L', "ele elle"},
		{'M', "eme emme"}, {'N', "ene enne"}, {'P', "pe pé pi"}, {'Q', "cu qu"},
		{'R', "erre"}, {'S', "ese esse"}, {'T', "te té"}, {'V', "uve vu vé vau"}, {'W', "doble-uve"},
		{'X', "equis ics ixe"}, {'Y', "ypsilon ipsilon"}, {'Z', "zeta zède zed zet"},
	} {
		for i, n := 0, e.names; i < len(n); {
			j := i
			for j < len(n) && n[j] != ' ' {
				j++
			}
			m[n[i:j]] = e.l
			i = j + 1
		}
	}
	return m
}()

// letterNameIndex holds letterNames for lookups by folded word.
var letterNameIndex = wordMapOf(letterNames)

// spellingWords introduce a spelling alphabet word after a letter: "b as in
// boy", "b wie Berta", "b comme Bernard", "b de Barcelona" is too ambiguous.
var spellingWords = newWordList(`as like for wie comme como come voor`)

// readSpokenID reads an identifier said aloud from the token at or after i.
// It stops at the first token that is not a number word, a letter, a digit
// group or a filler, and at a sentence end.
func readSpokenID(text []byte, i int) spokenID {
	var s spokenID
	g := spokenGatherer{num: spokenNumber{start: -1}, pendingTens: -1, lastUnit: -1}
	var rw readWord
	for k := 0; k < 48; k++ {
		if !rw.next(text, i) || rw.ws == rw.we || !rw.ok {
			break
		}
		te, ws, we, stop, f := rw.e, rw.ws, rw.we, rw.stop, rw.word()
		// "um" is a hesitation in English and one in Portuguese: the number wins.
		if _, isNum := numberWordIndex.get(f); s.items > 0 && !isNum && spokenIDFillers.has(f) {
			i = te
			if stop {
				break
			}
			continue
		}
		l, isLetter := g.letter(f, s.items > 0)
		if !isLetter && s.items > 0 {
			// "double u", "doble uve": W, not a doubled digit.
			if nw, ok := numberWordIndex.get(f); ok && nw.kind == wordRepeat && nw.val == 2 {
				if ns, ne := nextToken(text, te); ns < ne {
					us, ue, ustop := trimWord(text, ns, ne)
					var b2 [8]byte
					if u, ok := foldWord(b2[:0], text[us:ue]); ok && (string(u) == "u" || string(u) == "uve") {
						l, isLetter, we, te, stop = 'W', true, ue, ne, ustop
					}
				}
			}
		}
		if isLetter {
			if !g.flushTens() || !g.num.add(l) {
				break
			}
			g.lastUnit, g.afterHundr, g.joined, g.joinOnly = -1, false, false, false
			g.lastWord, g.inThou = false, false
			s.letters++
			// "b as in boy": step over the spelling word.
			if ns, ne := nextToken(text, te); !stop && ns < ne {
				var b2 [8]byte
				if sw, ok := foldWord(b2[:0], text[ns:ne]); ok && spellingWords.has(sw) {
					ne2 := ne
					if string(sw) == "as" {
						_, ne2 = nextToken(text, ne) // "in"
					}
					if xs, xe := nextToken(text, ne2); xs < xe {
						_, _, xstop := trimWord(text, xs, xe)
						we, te, stop = xe, xe, xstop
					}
				}
			}
		} else if !g.token(f) {
			break
		}
		if g.num.start < 0 {
			g.num.start = ws
		}
		if !g.joinOnly {
			g.num.end = we
			s.items++
		}
		i = te
		if stop {
			break
		}
	}
	g.flushTens()
	s.num = g.num
	// Trailing letters, like a trailing "e" or "y", only count when the
	// identifier has digits before them; the caller checks the shape.
	return s
}

// letter reports whether the folded word f is a letter of an identifier:
// a single ASCII letter, or inside an identifier a letter's name. A single
// letter that is also a number word ("o" for zero, "e" joining "vinte e um")
// is read as that word where it can be one.
func (g *spokenGatherer) letter(f []byte, inside bool) (byte, bool) {
	if len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
		if nw, ok := numberWordIndex.get(f); ok {
			switch {
			case nw.kind == wordJoin && (g.pendingTens >= 0 || g.afterHundr):
				return 0, false
			case nw.kind == wordZeroOh && g.num.n > 0 && byteClass[g.num.digits[g.num.n-1]] == ClassDigit:
				return 0, false
			}
		}
		return f[0] - ('a' - 'A'), true
	}
	if inside {
		return letterNameIndex.get(f)
	}
	return 0, false
}

// idCueWords are the words that announce an identifier other than a phone
// number: operational, government, medical, postal and birth-date cues.
// Spoken digits after them are those detectors' first; spoken_digits.go
// only keeps them covered (spokenCueBefore).
var idCueWords = func() wordList {
	var l wordList
	for _, c := range operationalCues() {
		l.add(c)
	}
	for _, rules := range [][]idRule{govIDRules, medicalRules} {
		for _, r := range rules {
			for _, c := range r.cues {
				l.add(cueKey(c))
			}
		}
	}
	for _, kw := range PostalCode.Trigger.Keywords {
		l.add(kw)
	}
	for _, kw := range DateOfBirth.Trigger.Keywords {
		if len(kw) > 1 {
			l.add(kw)
		}
	}
	return l
}()

// phoneCueWords announce a phone number; walking back from a spoken number,
// they end the search for an identifier cue.
var phoneCueWords = newWordList(`phone telephone cell mobile call handy telefon telefonnummer handynummer festnetz
teléfono telefono móvil movil celular téléphone portable telefone telemóvel cellulare telefoon telefoonnummer mobiel gsm mobil whatsapp`)

// spokenCue is what the words before a spoken number say it is.
type spokenCue uint8

const (
	cueNone        spokenCue = iota
	cuePhone                 // "phone", "móvil", "Handynummer"
	cueID                    // a government, medical, postal or birth-date cue
	cueOperational           // "account", "cliente", "Vertragsnummer", "polis"
)

// operationalCueWordList holds the operational cues among idCueWords.
var operationalCueWordList = func() wordList {
	var l wordList
	for _, c := range operationalCues() {
		l.add(c)
	}
	return l
}()

// spokenCueBefore returns the cue among the few words before pos in the
// same clause, the nearest if several ("my account number is …", "die
// Versichertennummer a eins …", "mon portable c'est le …").
func spokenCueBefore(text []byte, pos int) spokenCue {
	i := pos
	for k := 0; k < 8; k++ {
		s, e := prevToken(text, i)
		if s == e {
			return cueNone
		}
		ws, we, stop := trimWord(text, s, e)
		if stop && k > 0 || ws < we && text[we-1] == ',' {
			return cueNone
		}
		var buf [40]byte
		f, ok := foldWord(buf[:0], text[ws:we])
		if !ok {
			return cueNone
		}
		f = afterElision(f)
		switch {
		case hasCompound(&phoneCueWords, f):
			return cuePhone
		case hasCompound(&operationalCueWordList, f):
			return cueOperational
		case hasCompound(&idCueWords, f):
			return cueID
		}
		i = s
	}
	return cueNone
}

// mayStartSpokenID is the quick test, for the folded word f, that an
// identifier typed as words may start at it: a letter, a letter's name, a
// number word or a hyphenated compound ("k as in kilo", "soixante-douze").
func mayStartSpokenID(f []byte) bool {
	return len(f) == 1 || numberWordOrDigits(f) || letterNameIndex.has(f) || bytes.IndexByte(f, '-') > 0
}

// afterElision returns the word after an elided article or preposition
// ("d'ordine", "l'ordine", "dell'ordine", "n.º"), or f.
func afterElision(f []byte) []byte {
	for i := 0; i+1 < len(f) && i < 5; i++ {
		if f[i] == '\'' {
			return f[i+1:]
		}
		if f[i] == 0xe2 && i+3 < len(f) && f[i+1] == 0x80 && f[i+2] == 0x99 { // ’
			return f[i+3:]
		}
	}
	return f
}

// hasCompound reports whether l holds the folded word f, or f is a German
// or Dutch compound of a word of l and "number" ("ausweisnummer",
// "steuer-nr", "zorgverzekeringsnummer").
func hasCompound(l *wordList, f []byte) bool {
	if l.has(f) {
		return true
	}
	for _, suf := range [...]string{"-nummer", "nummer", "snummer", "-nr", "nr", "-number", "-id"} {
		if n := len(f) - len(suf); n >= 2 && string(f[n:]) == suf && l.has(f[:n]) {
			return true
		}
	}
	return false
}

// cueKey returns a cue's first word, the one looked up in word lists.
func cueKey(c string) string {
	for i := 0; i < len(c); i++ {
		if c[i] == ' ' {
			return c[:i]
		}
	}
	return c
}

// spelledIDRules are the identifiers whose shape and check character
// together are specific enough to report when read aloud with no cue,
// spelled letters first: a codice fiscale ("s p s g p p sette otto a …",
// one candidate in 26 passes its check letter, and few things said have its
// letter-digit pattern), and in German a Krankenversichertennummer ("t zwei
// acht vier …", a letter and nine digits with a check digit). lang, when
// set, is the only language whose transcripts the rule reads.
var spelledIDRules = func() []struct {
	rule idRule
	lang string
} {
	want := map[string]string{"it-fiscal-code": "", "de-kvnr": "de"}
	var out []struct {
		rule idRule
		lang string
	}
	for _, r := range slices.Concat(govIDRules, medicalRules) {
		if lang, ok := want[r.id]; ok {
			out = append(out, struct {
				rule idRule
				lang string
			}{r, lang})
		}
	}
	return out
}()

// spelledLettersBefore returns where a run of up to six letters said one by
// one ("s p s g p p", "t") ends before i, or i when none does.
func spelledLettersBefore(text []byte, i int) int {
	start := i
	for k := 0; k < 6; k++ {
		s, e := prevToken(text, start)
		if e-s != 1 || byteClass[text[s]]&(ClassLower|ClassUpper) == 0 {
			break
		}
		start = s
	}
	return start
}

// spelledID reads, in a transcript, an identifier of spelledIDRules whose
// spelled letters stand just before the number words at start.
func spelledID(in Input, start int) (Finding, bool) {
	s := spelledLettersBefore(in.Text, start)
	if s == start {
		return Finding{}, false
	}
	sp := readSpokenID(in.Text, s)
	c := sp.value()
	for i := range spelledIDRules {
		r := &spelledIDRules[i]
		if r.lang != "" && r.lang != in.Lang || len(r.rule.shape) != len(c) || !r.rule.fits(c) || !r.rule.check.valid(c) {
			continue
		}
		return Finding{
			Kind: r.rule.kind, Start: sp.num.start, End: sp.num.end, Confidence: 0.9, Validated: true,
			Rule: r.rule.id + "-spelled", Value: append([]byte(nil), c...),
		}, true
	}
	return Finding{}, false
}
