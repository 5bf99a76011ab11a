package detectors

import (
	"strings"
)

// cueKind says how much a cue vouches for the word after it.
type cueKind uint8

const (
	cueDecl  cueKind = iota + 1 // "my name is", "me llamo": any word but a stop word
	cueTitle                    // "Mr", "Sra.", "Herr": a capitalized word or a known name
	cueSelf                     // "I'm", "soy", "ich bin", "hi", "thanks": a known name only
)

// cue is a phrase that introduces a name, as folded words.
type cue struct {
	words []string
	kind  cueKind
	lang  string // the language it belongs to; "" for several
	dot   bool   // a title that may be followed by "."
}

// personCues lists the phrases that introduce a name, by language. The first
// word of each is a trigger keyword.
var personCues = []struct {
	lang, kind string
	phrases    []string
}{
	{"en", "decl", []string{"my name is", "my name's", "my full name is", "name is", "call me", "i'm called", "i am called", "name:", "full name:"}},
	{"es", "decl", []string{"me llamo", "mi nombre es", "nombre:"}},
	{"fr", "decl", []string{"je m'appelle", "mon nom est", "moi c'est", "nom:"}},
	{"de", "decl", []string{"ich heiße", "ich heisse", "mein name ist", "ich bin der", "ich bin die"}},
	{"it", "decl", []string{"mi chiamo", "il mio nome è", "mio nome è"}},
	{"pt", "decl", []string{"me chamo", "eu me chamo", "chamo-me", "meu nome é", "o meu nome é", "nome:"}},
	{"nl", "decl", []string{"mijn naam is", "ik heet", "naam:"}},
	{"en", "self", []string{"i'm", "i am", "this is", "it's", "hi", "hello", "hey", "hiya", "dear", "good morning", "thanks", "thank you", "thx", "regards", "best regards", "kind regards", "best", "cheers", "many thanks", "sincerely", "speak to", "talk to", "speaking with", "speaking to"}},
	{"es", "self", []string{"soy", "yo soy", "habla", "hola", "buenos días", "buenas", "querido", "querida", "estimado", "estimada", "gracias", "muchas gracias", "saludos", "un saludo", "atentamente"}},
	{"fr", "self", []string{"je suis", "c'est", "ici", "bonjour", "salut", "coucou", "cher", "chère", "merci", "cordialement", "bien à vous", "amitiés", "bises"}},
	{"de", "self", []string{"ich bin", "hier ist", "hier spricht", "hallo", "guten tag", "liebe", "lieber", "servus", "moin", "danke", "vielen dank", "grüße", "grüsse", "viele grüße", "liebe grüße", "beste grüße", "gruß", "lg", "mfg"}},
	{"it", "self", []string{"sono", "io sono", "ciao", "salve", "buongiorno", "caro", "cara", "gentile", "grazie", "saluti", "cordiali saluti", "un saluto"}},
	{"pt", "self", []string{"eu sou", "sou", "aqui é", "olá", "oi", "bom dia", "prezado", "prezada", "obrigado", "obrigada", "abraços", "um abraço", "cumprimentos", "atenciosamente"}},
	{"nl", "self", []string{"ik ben", "u spreekt met", "hoi", "hai", "goedemorgen", "beste", "groeten", "met vriendelijke groet", "vriendelijke groeten", "bedankt", "dank je", "dank u"}},
	{"en", "title", []string{"mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof"}},
	{"es", "title", []string{"sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña"}},
	{"fr", "title", []string{"m", "mme", "mlle", "monsieur", "madame", "mademoiselle"}},
	{"de", "title", []string{"herr", "frau", "hr", "fr"}},
	{"it", "title", []string{"sig", "sig.ra", "sigra", "signor", "signore", "signora", "dott", "dott.ssa", "dottor", "dottore", "dottoressa"}},
	{"pt", "title", []string{"senhor", "senhora", "dona"}},
	{"nl", "title", []string{"dhr", "mevr", "mevrouw", "meneer"}},
}

// nameParticles join the parts of a surname ("van der Berg", "de la Cruz").
var nameParticles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "da": true, "del": true,
	"della": true, "di": true, "du": true, "des": true, "le": true, "la": true, "dos": true,
	"das": true, "do": true, "ten": true, "ter": true, "zu": true, "vom": true, "y": true, "mac": true,
}

// personFinder holds what the PERSON detectors share: the lexicon and the
// cues by first word. It is immutable.
type personFinder struct {
	lex  *Lexicon
	cues map[string][]cue
}

func newPersonFinder(lex *Lexicon) (*personFinder, []string) {
	p := &personFinder{lex: lex, cues: map[string][]cue{}}
	kinds := map[string]cueKind{"decl": cueDecl, "self": cueSelf, "title": cueTitle}
	var kws []string
	seen := map[string]bool{}
	for _, g := range personCues {
		for _, ph := range g.phrases {
			var c cue
			c.kind, c.lang, c.dot = kinds[g.kind], g.lang, g.kind == "title"
			for _, w := range strings.Fields(ph) {
				f, _ := foldAppend(nil, []byte(w))
				c.words = append(c.words, string(f))
			}
			p.cues[c.words[0]] = append(p.cues[c.words[0]], c)
			// The engine matches a token's leading letters: "i" of "i'm".
			for _, kw := range []string{leadingLetters(strings.Fields(ph)[0]), c.words[0]} {
				if kw = leadingLetters(kw); kw != "" && !seen[kw] {
					seen[kw] = true
					kws = append(kws, kw)
				}
			}
		}
	}
	return p, kws
}

// leadingLetters returns the letters of w before its first apostrophe,
// hyphen, dot or colon.
func leadingLetters(w string) string {
	if i := strings.IndexAny(w, "'-.:’"); i >= 0 {
		return w[:i]
	}
	return w
}

// Person returns the PERSON detector: names after cues ("my name is",
// "me llamo", "Hi", "Thanks,", titles), capitalized given name and surname
// pairs from the lexicon, and capitalized given names that are not everyday
// words. Its sibling PersonLower finds names in lower-case text.
func Person(lex *Lexicon) Detector {
	p, kws := newPersonFinder(lex)
	return Detector{
		Name:    "person",
		Kind:    KindPerson,
		Trigger: Trigger{Any: ClassUpper, MinLen: 2, Keywords: kws},
		Find:    p.find,
	}
}

// PersonLower returns the detector for names without capitals, in voice
// transcripts and in chat typed all in lower case: a given name followed by
// a surname ("anna smith"), or a given name that is no everyday word. In
// texts that have capitals and are not transcripts it gives up at its first
// token, so it costs one pass over the text.
func PersonLower(lex *Lexicon) Detector {
	p, _ := newPersonFinder(lex)
	return Detector{
		Name:    "person-lower",
		Kind:    KindPerson,
		Trigger: Trigger{All: ClassLower, MinLen: 3},
		Find:    p.findLower,
	}
}

func (p *personFinder) find(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	ws, we := nextWord(text, tok.Start)
	if ws < 0 || ws >= tok.End {
		return dst, tok.End
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[ws:we])
	if !ok {
		return dst, tok.End
	}
	if cs := p.cues[string(k)]; cs != nil {
		for i := range cs {
			if f, ok := p.afterCue(in, &cs[i], ws, we); ok {
				return append(dst, f), f.End
			}
		}
	}
	if !isUpperAt(text, ws) {
		return dst, tok.End
	}
	we = trimPossessive(text, ws, we)
	e := p.lex.Lookup(text[ws:we])
	if e&EntryFirst == 0 {
		return dst, tok.End
	}
	clean := !e.StopAny() && e&(EntryAmbiguous|EntryBrand|EntryPlace) == 0
	if sentenceStart(text, ws) && e.Word(in.Lang) && e&EntryPopular == 0 {
		clean = false // "Journey starts…": a capital says nothing here
	}
	end := p.extend(text, we, true, clean)
	switch {
	case end > we:
		return append(dst, p.finding(text, ws, end, 0.75, "person-name-pair")), end
	case clean && !isAllUpperWord(text, ws, we):
		return append(dst, p.finding(text, ws, we, 0.6, "person-given-name")), we
	}
	return dst, tok.End
}

// afterCue reports the name that follows cue c, whose first word is
// text[ws:we].
func (p *personFinder) afterCue(in Input, c *cue, ws, we int) (Finding, bool) {
	text := in.Text
	end := we
	for _, w := range c.words[1:] {
		s, e := nextWord(text, end)
		if s < 0 || gapBetween(text, end, s) != gapSpace {
			return Finding{}, false
		}
		var buf [maxFold]byte
		if k, _ := foldAppend(buf[:0], text[s:e]); string(k) != strings.TrimSuffix(w, ":") {
			return Finding{}, false
		}
		end = e
	}
	last := c.words[len(c.words)-1]
	if strings.HasSuffix(last, ":") && (end >= len(text) || text[end] != ':') {
		return Finding{}, false
	}
	if c.kind == cueTitle && len(last) == 1 && (end >= len(text) || text[end] != '.') {
		return Finding{}, false // "M." but not a lone "m"
	}
	if c.kind == cueTitle && !isUpperAt(text, ws) && !lowerText(in) {
		return Finding{}, false // "frau" and "dona" in prose are words
	}
	s, e := nextWord(text, end)
	if s < 0 {
		return Finding{}, false
	}
	g := gapBetween(text, end, s)
	if g == gapOther && !(c.dot && text[end] == '.' && gapBetween(text, end+1, s) == gapSpace) {
		return Finding{}, false
	}
	start := s
	if particleWord(text[s:e]) { // "Herr von Weizsäcker", "Sra. de la Cruz"
		for n := 0; n < 2 && particleWord(text[s:e]); n++ {
			s2, e2 := nextWord(text, e)
			if s2 < 0 || gapBetween(text, e, s2) != gapSpace {
				return Finding{}, false
			}
			s, e = s2, e2
		}
		if !isUpperAt(text, s) {
			return Finding{}, false
		}
	}
	e = trimPossessive(text, s, e)
	ent := p.lex.Lookup(text[s:e])
	upper := isUpperAt(text, s)
	var ok bool
	switch c.kind {
	case cueDecl:
		ok = ent&EntryName != 0 || (!ent.StopAny() && (upper || !ent.Word(in.Lang)))
	case cueTitle:
		ok = (upper && (ent&EntryName != 0 || !ent.StopAny())) || (ent&EntryName != 0 && !ent.StopAny())
		if len(last) == 1 {
			ok = upper && ent&EntryName != 0
		}
	case cueSelf:
		ok = ent&EntryName != 0 && ent&EntryBrand == 0 && (upper && !isAllUpperWord(text, s, e) ||
			!ent.StopAny() && ent&EntryAmbiguous == 0 && (!ent.Word(in.Lang) || ent&EntryPopular != 0))
		if ok && !upper && ent&EntryPlace != 0 {
			ok = false // "i'm in paris" is LOCATION's
		}
	}
	if !ok {
		return Finding{}, false
	}
	end = p.extend(text, e, upper, true)
	conf := float32(0.85)
	if c.kind == cueSelf {
		conf = 0.8
	}
	if in.Lang != "" && c.lang != "" && c.lang != in.Lang {
		conf -= 0.1 // another language's cue: still found, less sure
	}
	return p.finding(text, start, end, conf, "person-cue"), true
}

// extend returns the end of the name whose first word ends at end: further
// given names, surnames and particles on the same line, up to four words.
// In capitalized text, a clean first word takes any capitalized word that is
// not a stop word; otherwise the next word must be a known surname.
func (p *personFinder) extend(text []byte, end int, upper, clean bool) int {
	for n := 0; n < 3; n++ {
		s, e := nextWord(text, end)
		if s < 0 || gapBetween(text, end, s) != gapSpace {
			return end
		}
		ent := p.lex.Lookup(text[s:e])
		if particleWord(text[s:e]) && !isUpperAt(text, s) {
			// A particle counts only with a surname after it.
			s2, e2 := nextWord(text, e)
			if s2 < 0 || gapBetween(text, e, s2) != gapSpace || upper != isUpperAt(text, s2) {
				return end
			}
			e2 = trimPossessive(text, s2, e2)
			if ent2 := p.lex.Lookup(text[s2:e2]); ent2.StopAny() || (!upper && ent2&EntryLast == 0) {
				return end
			}
			end = e2
			continue
		}
		e = trimPossessive(text, s, e)
		var ok bool
		switch {
		case upper:
			ok = isUpperAt(text, s) && (ent&EntryLast != 0 && ent&EntryAmbiguous == 0 ||
				clean && !ent.StopAny() && (ent&EntryName != 0 || ent&(EntryPlace|EntryBrand) == 0))
		default:
			ok = !isUpperAt(text, s) && ent&EntryLast != 0 && !ent.StopAny() && ent&EntryAmbiguous == 0
		}
		if !ok {
			return end
		}
		end = e
		if !clean {
			clean = true // "Will Smith": after a surname, the name is sure
		}
	}
	return end
}

func particleWord(w []byte) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	k, _ := foldAppend(buf[:0], w)
	return nameParticles[string(k)]
}

// findLower finds names in lower-case text: transcripts, or chat with no
// capital at all.
func (p *personFinder) findLower(dst []Finding, in Input, tok Token) ([]Finding, int) {
	if !lowerText(in) {
		return dst, len(in.Text) // capitals carry the signal: Person handles this text
	}
	text := in.Text
	ws, we := nextWord(text, tok.Start)
	if ws < 0 || ws >= tok.End || isUpperAt(text, ws) {
		return dst, tok.End
	}
	we = trimPossessive(text, ws, we)
	e := p.lex.Lookup(text[ws:we])
	if e&EntryFirst == 0 || e.StopAny() || e&EntryBrand != 0 {
		return dst, tok.End
	}
	if end := p.extend(text, we, false, false); end > we {
		return append(dst, p.finding(text, ws, end, 0.7, "person-name-pair")), end
	}
	if e&(EntryAmbiguous|EntryPlace) == 0 && !e.Word(in.Lang) && we-ws >= 3 {
		return append(dst, p.finding(text, ws, we, 0.5, "person-given-name")), we
	}
	return dst, tok.End
}

// lowerText reports whether names in the text come without capitals: a
// speech transcript, or a message typed with no capital letter.
func lowerText(in Input) bool { return in.Spoken || !hasUpper(in.Text) }

func isAllUpperWord(text []byte, s, e int) bool {
	if e-s < 2 {
		return false
	}
	for _, c := range text[s:e] {
		if c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// finding reports text[s:e] as a person; the value is the folded name with
// single spaces, so "Anna  Müller" and "anna muller" share a pseudonym.
func (p *personFinder) finding(text []byte, s, e int, conf float32, rule string) Finding {
	v, _ := foldAppend(make([]byte, 0, e-s+4), text[s:e])
	return Finding{Kind: KindPerson, Start: s, End: e, Confidence: conf, Rule: rule, Value: v}
}
