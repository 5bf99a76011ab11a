package detectors

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Frames in which a name comes with no cue word, and the guards that keep
// organisations, products and bot personas out of PERSON. They extend the
// PERSON detector in person.go.

// personaWords, after "I'm Juniper," or "soy Lía, la…", say the name is an
// assistant's: a product persona, not a person.
var personaWords = foldSetOf(
	"assistant", "assistante", "asistente", "assistente", "assistent", "assistentin", "chatbot", "bot",
	"virtual", "virtuel", "virtuelle", "virtuale", "digital", "digitale", "digitaal",
)

// personaFollows reports whether the name ending at e is followed by a comma
// and, within five words on its line, a word naming an assistant: "I'm
// Juniper, Parcelwise's assistant", "Ich bin Kira, die digitale
// Assistentin". A title on the way makes the assistant a person's ("I'm
// Sarah, Dr Patel's assistant").
func (p *personFinder) personaFollows(text []byte, e int) bool {
	i := e
	for i < len(text) && (text[i] == ' ' || emojiAt(text, i)) {
		// "I'm Sage 🌿, your claims assistant"
		_, n := utf8.DecodeRune(text[i:])
		i += n
	}
	if i >= len(text) || text[i] != ',' {
		return false
	}
	var buf [maxFold]byte
	for n := 0; n < 5; n++ {
		s, e2 := nextWord(text, i)
		if s < 0 || !sameLine(text, s) {
			return false
		}
		k, ok := foldAppend(buf[:0], text[s:e2])
		if !ok {
			return false
		}
		k = trimElision(trimPossessiveKey(k))
		if p.titles.has(k) {
			return false
		}
		if personaWords.has(k) || personaCompound(k) {
			return true
		}
		i = e2
	}
	return false
}

// personaCompound reports whether the folded word k is a compound ending in
// an assistant's word: "Lernassistent", "Reiseassistentin", "Chatbot".
func personaCompound(k []byte) bool {
	for _, suf := range []string{"assistent", "assistentin", "assistant", "assistente", "bot"} {
		if len(k) > len(suf)+2 && string(k[len(k)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// trimElision drops an elided article or preposition from a folded word:
// "l'assistante" → "assistante", "d'aide" → "aide".
func trimElision(k []byte) []byte {
	if len(k) > 2 && k[1] == '\'' {
		return k[2:]
	}
	return k
}

// trimPossessiveKey drops an English possessive from a folded word.
func trimPossessiveKey(k []byte) []byte {
	if n := len(k); n > 3 && k[n-2] == '\'' && k[n-1] == 's' {
		return k[:n-2]
	}
	return k
}

// orgHeads are the nouns that make the capitalized words next to them an
// organisation's or a place's name ("Mutuelle Océane", "Apotheek De Linde",
// "Clínica Vida", "Costa Smeralda Resort"), not a person's.
var orgHeads = foldSetOf(
	"mutuelle", "apotheek", "drogaria", "drogeria", "parafarmacia", "ótica", "livraria", "papelaria", "padaria", "apotheke", "pharmacy", "pharmacie", "farmacia", "farmácia", "drogist", "drogerie",
	"clinic", "clinica", "clínica", "clinique", "klinik", "kliniek", "ospedale", "hospital", "hôpital", "krankenhaus", "ziekenhuis",
	"hotel", "hôtel", "resort", "hostel", "pension", "camping", "albergo", "pousada", "motel", "spa",
	"bank", "banco", "banca", "banque", "sparkasse", "volksbank", "caixa", "caisse", "cassa",
	"restaurant", "ristorante", "restaurante", "trattoria", "pizzeria", "taverna", "café", "bistro", "brasserie",
	"insurance", "assurance", "assurances", "seguros", "assicurazioni", "versicherung", "verzekeringen", "zorgverzekeraar",
	"school", "escuela", "école", "scuola", "escola", "schule", "university", "universidad", "université", "università",
	"universidade", "universität", "universiteit", "college", "academy", "instituto", "institut", "istituto",
	"stichting", "fundación", "fondation", "fondazione", "fundação", "stiftung", "foundation",
	"group", "gruppo", "grupo", "groupe", "gruppe", "groep", "gmbh", "ltd", "inc", "llc", "srl", "spa", "bv", "nv", "sarl", "sas",
	"studio", "garage", "autohaus", "laboratorio", "labo", "labor", "cabinet", "kanzlei", "praxis", "centro", "centre", "center", "centrum",
	"museum", "museo", "musée", "teatro", "théâtre", "theater", "theatre", "stadion", "stadium", "airport", "aeroporto", "aeropuerto",
	"aéroport", "flughafen", "luchthaven", "supermarkt", "supermercado", "supermarché", "supermercato", "boutique", "loja", "negozio",
	"tienda", "winkel", "stadtwerke", "gemeente", "ayuntamiento", "mairie", "comune", "prefeitura", "lotto", "lottery",
)

// orgAround reports whether a capitalized word next to the name text[s:end],
// or one of its words, is an organisation's head noun: the word before it
// (past one capitalized particle or saint's title: "Apotheek De Linde",
// "Ospedale San Martino"), its own words, or the capitalized word after it.
func orgAround(text []byte, s, end int) bool {
	var buf [maxFold]byte
	isHead := func(ws, we int) bool {
		k, ok := foldAppend(buf[:0], text[ws:we])
		return ok && isUpperAt(text, ws) && orgHeads.has(k)
	}
	ps, pe := prevWord(text, s)
	for n := 0; n < 2 && ps >= 0 && gapBetween(text, pe, s) == gapSpace; n++ {
		if isHead(ps, pe) {
			return true
		}
		k, ok := foldAppend(buf[:0], text[ps:pe])
		if !ok || !isUpperAt(text, ps) || !nameParticles.has(k) && !saintWords.has(k) {
			break
		}
		s = ps
		ps, pe = prevWord(text, ps)
	}
	for i := s; i < end; {
		ws, we := nextWord(text, i)
		if ws < 0 || ws >= end {
			break
		}
		if isHead(ws, we) {
			return true
		}
		i = we
	}
	ns, ne := nextWord(text, end)
	return ns >= 0 && gapBetween(text, end, ns) == gapSpace && isHead(ns, ne)
}

// speechVerbs follow the name of the person who said or asked something:
// "Maripaz dice que", "Basti meint", "Dudu falou", "Bas zegt". Only verbs a
// person is the subject of, so that "Netflix says" stays rare.
var speechVerbs = foldSetOf(
	"says", "said", "told", "reckons", "thinks", "texted", "asked", "asks", "mentioned", "wants",
	"dice", "dijo", "cree", "pregunta", "preguntó", "quiere", "comenta", "comentó",
	"dit", "pense", "demande", "veut", "trouve",
	"meint", "sagt", "sagte", "fragt", "fragte", "findet", "schreibt", "schrieb",
	"dice", "pensa", "chiede", "vuole", "scrive",
	"falou", "disse", "diz", "acha", "pediu", "quer", "perguntou", "mandou",
	"zegt", "zei", "vindt", "vraagt", "vroeg", "wil", "schreef",
)

// speechClitics come between a subject and a speech verb: "Ludo m'a dit",
// "Chus me dijo", "Gigi mi ha detto", "Guga me disse", "Flo hat gesagt",
// "Bas heeft gezegd".
var speechClitics = foldSetOf(
	"m'a", "me", "mi", "m'", "ha", "hat", "heeft", "has", "a", "nous", "nos", "ci", "ons", "uns", "us", "lui", "le", "gli",
	"te", "ti", "t'a", "je", "mir", "dir", "mij",
)

// speechParticiples end the compound tenses that speechClitics start.
var speechParticiples = foldSetOf("dit", "dicho", "detto", "dito", "gesagt", "gezegd", "said", "told", "escrit", "geschrieben", "scritto", "escrito")

// speechFollows reports whether a speech verb follows the word ending at e
// on its line, after at most two clitics or auxiliaries. It is sure when
// what follows speaks of a person: a clitic or auxiliary before the verb
// ("m'a dit", "me dijo"), or "que", "dat", "that" after it; "Netflix says
// my card…" is not.
func speechFollows(text []byte, e int) (ok, sure bool) {
	var buf [maxFold]byte
	for n := 0; n < 3; n++ {
		k, s, e2, ok := foldedNext(buf[:0], text, e)
		if !ok || isUpperAt(text, s) {
			return false, false
		}
		if speechVerbs.has(k) || n > 0 && speechParticiples.has(k) {
			return true, n > 0 || complementizerFollows(text, e2)
		}
		if i := indexApostrophe(k); !speechClitics.has(k) && i > 0 {
			// "m'a dit", "m'a": the clitic and the auxiliary in one word.
			if speechVerbs.has(k[i+1:]) {
				return true, true
			}
			if !speechClitics.has(k[:i+1]) || i+1 == len(k) {
				return false, false
			}
		} else if !speechClitics.has(k) {
			return false, false
		}
		e = e2
	}
	return false, false
}

// speechMayFollow is the cheap half of speechFollows, for every capitalized
// word no list knows: a lower-case word follows after one space, and, if it
// is ASCII, its first letter and length are those of a speech verb or clitic.
func speechMayFollow(text []byte, e int) bool {
	if e+2 >= len(text) || text[e] != ' ' {
		return false
	}
	c := text[e+1]
	if c >= 0x80 {
		ok, _ := speechFollows(text, e)
		return ok
	}
	if c < 'a' || c > 'z' {
		return false
	}
	n := e + 1
	for n < len(text) && text[n] >= 'a' && text[n] <= 'z' {
		n++
	}
	if l := n - e - 1; n == len(text) || text[n] < 0x80 && text[n] != '\'' {
		if l >= 64 || (speechVerbs.lens[c]|speechClitics.lens[c])&(1<<l) == 0 {
			return false
		}
	}
	ok, _ := speechFollows(text, e)
	return ok
}

// complementizers open what someone said: "dice que", "zegt dat".
var complementizers = foldSetOf("que", "qu'il", "qu'elle", "qu'on", "che", "that", "dat", "dass", "daß")

// complementizerFollows reports whether a complementizer or a comma follows
// the word ending at e: "Maripaz dice que…", "Basti meint, …".
func complementizerFollows(text []byte, e int) bool {
	if e < len(text) && text[e] == ',' {
		return true
	}
	return beforeWord(text, e, complementizers)
}

// indexApostrophe returns the index of the first ' in folded k, or -1.
func indexApostrophe(k []byte) int {
	for i, c := range k {
		if c == '\'' {
			return i
		}
	}
	return -1
}

// presentatives follow a name that opens a message to hand something over
// or introduce oneself: "Jasper hier mijn rekeningnr", "Vale ecco l'iban".
var presentatives = foldSetOf("here", "here's", "hier", "ici", "voici", "voilà", "voila", "ecco", "aqui", "aquí", "aca", "acá")

// bareName reports a capitalized name with no cue word before it, decided by
// its position and what follows (frames in which a word is a name):
//   - the subject of a speech verb: "Maripaz dice que", "Bas zegt";
//   - an English possessor: "Rob's job", "Jonno's car";
//   - the vocative opening a message: "Zé, o IBAN…", "Kez, can you…",
//     "Jasper hier mijn…".
//
// k is the folded word text[ws:we] (without a possessive), ent its entry.
func (p *personFinder) bareName(in Input, ent Entry, ws, we, full int) (Finding, bool) {
	text := in.Text
	if ent&EntryBrand != 0 || isAllUpperWord(text, ws, we) || !lettersOnly(text, ws, we) || we-ws < 2 {
		return Finding{}, false
	}
	if ent&EntryPlace != 0 && ent&EntryName == 0 {
		return Finding{}, false
	}
	given := ent&EntryFirst != 0 && (!ent.Stop(in.Lang) || ent&EntryPopular != 0)
	// A word no list knows is a nickname only if short: "Kundenservice
	// sagt" is a German compound.
	unknown := ent&EntryName == 0 && we-ws <= 10 && p.unknownName(text, in.Lang, ent, ws, we) && !(in.Lang == "de" && ent.wordIn("de")) &&
		!brandShaped(text[ws:we])
	if !given && !unknown {
		return Finding{}, false
	}
	var buf [maxFold]byte
	if k, _ := foldAppend(buf[:0], text[ws:we]); monthWords.has(k) {
		return Finding{}, false // "May says", "June's report"
	}
	if full > we && (in.Lang == "en" || in.Lang == "") && given && ent&EntryAmbiguous == 0 && !upperFollows(text, full) {
		// "Rob's job"; not "Victoria's Secret", a brand of two capitalized words.
		return p.bareFinding(text, ws, we, 0.65)
	}
	if full == we {
		// A word no list knows needs the surer frame: "Netflix says my
		// card". A given name that is a word too may say things: "Max meint".
		if ok, sure := speechFollows(text, we); ok && (given || sure) {
			return p.bareFinding(text, ws, we, 0.65)
		}
	}
	if ent&EntryAmbiguous != 0 {
		return Finding{}, false // "Will, …"
	}
	if !messageStart(text, ws) {
		return Finding{}, false
	}
	// A vocative opening the message: a comma or ! after it and more text,
	// or a presentative word. The word must be a name that is no everyday
	// word here: "Vale, nos vemos" is Spanish for "OK".
	if !given || ent.Word(in.Lang) && ent&EntryPopular == 0 {
		if given && presentativeFollows(text, we) {
			return p.bareFinding(text, ws, we, 0.6)
		}
		return Finding{}, false
	}
	if presentativeFollows(text, we) || vocativeComma(text, we) && (ent&EntryPlace == 0 || ent&EntryPopular != 0) {
		// "Paris, here we come!": a town's name needs a popular given name's.
		return p.bareFinding(text, ws, we, 0.6)
	}
	return Finding{}, false
}

// bareFinding is the finding for a name with no cue at ws:we, at conf,
// unless an organization or a persona word around it says it is no person.
func (p *personFinder) bareFinding(text []byte, ws, we int, conf float32) (Finding, bool) {
	if orgAround(text, ws, we) || p.personaFollows(text, we) {
		return Finding{}, false
	}
	return p.finding(text, ws, we, conf, "person-bare"), true
}

// messageStart reports whether the word at ws is the first of the text or of
// a line.
func messageStart(text []byte, ws int) bool {
	ps, pe := prevWord(text, ws)
	if ps < 0 {
		return true
	}
	return !sameLine(text, ws) || pe < 0
}

// presentativeFollows reports whether a presentative word follows the word
// ending at e after spaces.
func presentativeFollows(text []byte, e int) bool {
	return beforeWord(text, e, presentatives)
}

// vocativeComma reports whether a comma, "!" or "?" closes the word ending at
// e and the message goes on after it on its line: "Zé, o IBAN…".
func vocativeComma(text []byte, e int) bool {
	if e >= len(text) || text[e] != ',' && text[e] != '!' && text[e] != '?' {
		return false
	}
	return moreAfter(text, e)
}

// initialName returns the end of an initial and a surname starting at the
// capital letter text[ws:we]: "K. Nakamura-Lopez", "R. Okonkwo-Smith". The
// surname must be a double-barrelled one whose parts are surnames or no
// everyday words, or a surname no language uses as a word.
func (p *personFinder) initialName(in Input, ws, we int) (int, bool) {
	text := in.Text
	if we+2 >= len(text) || text[we] != '.' || text[we+1] != ' ' {
		return 0, false
	}
	s, e := nextWord(text, we+1)
	if s != we+2 || !isUpperAt(text, s) || isAllUpperWord(text, s, e) {
		return 0, false
	}
	e = trimPossessive(text, s, e)
	if !surnameLike(p, text[s:e], in.Lang, true) {
		return 0, false
	}
	return e, true
}

// surnameLike reports whether w is a surname: double-barrelled with every
// part a surname or name-shaped, or a known surname; when strict, one that
// no language has as a word and no place.
func surnameLike(p *personFinder, w []byte, lang string, strict bool) bool {
	if hasHyphen(w) {
		parts := 0
		for part := range bytes.SplitSeq(w, []byte{'-'}) {
			ent := p.lex.Lookup(part)
			if len(part) < 2 || ent.StopAny() || ent&EntryBrand != 0 || ent&EntryLast == 0 && !nameShaped(ent, lang) {
				return false
			}
			parts++
		}
		return parts >= 2
	}
	ent := p.lex.Lookup(w)
	if ent.StopAny() || ent&(EntryBrand|EntryAmbiguous) != 0 || ent&EntryLast == 0 {
		return false
	}
	return !strict || ent&entryWordAny == 0 && ent&EntryPlace == 0
}

// hasHyphen reports whether w holds a '-'.
func hasHyphen(w []byte) bool { return bytes.IndexByte(w, '-') >= 0 }

// hyphenLetters reports whether text[s:e] is runs of letters joined by
// single hyphens: "Oranje-Nassau", "Nowak-Schulze".
func hyphenLetters(text []byte, s, e int) bool {
	for i := s; i < e; {
		j := i
		for j < e && text[j] != '-' {
			j++
		}
		if j == i || !lettersOnly(text, i, j) {
			return false
		}
		i = j + 1
		if j < e && i == e {
			return false
		}
	}
	return true
}

// householdName reports whether text[s:e], after a booking or doorbell cue
// ("au nom de", "bel bij", "Familie"), is a surname: a capitalized word that
// is a name or no everyday word, hyphenated or not; in lower-case text, a
// known surname that is no everyday word.
func (p *personFinder) householdName(in Input, ent Entry, s, e int, upper, low bool) bool {
	text := in.Text
	if ent.StopAny() || ent&EntryBrand != 0 || ent&EntryPlace != 0 && ent&EntryName == 0 {
		return false
	}
	if !hyphenLetters(text, s, e) || isAllUpperWord(text, s, e) {
		return false
	}
	if upper {
		return ent&EntryName != 0 || nameShaped(ent, in.Lang) && !(in.Lang == "de" && ent.wordIn("de"))
	}
	return low && ent&EntryName != 0 && !ent.Word(in.Lang)
}

// pairWords join the two names of a household: "Smith & Jones", "Wagner und
// Yılmaz".
var pairWords = foldSetOf("&", "and", "und", "y", "e", "et", "en")

// pairEnd returns the end of a second surname joined to the name ending at
// end by a slash or "&" ("Wagner/Yılmaz", "Smith & Jones"), or end.
func (p *personFinder) pairEnd(in Input, end int) int {
	text := in.Text
	i := end
	switch {
	case i+1 < len(text) && text[i] == '/':
		i++
	case i+2 < len(text) && text[i] == ' ' && text[i+1] == '&' && text[i+2] == ' ':
		i += 3
	default:
		return end
	}
	if ok, _ := isLetterAt(text, i); !ok || !isUpperAt(text, i) {
		return end
	}
	e := wordAt(text, i)
	ent := p.lookupName(text[i:e])
	if !householdNameEntry(ent, in.Lang) || !hyphenLetters(text, i, e) || isAllUpperWord(text, i, e) {
		return end
	}
	return e
}

// householdNameEntry reports whether a capitalized word with entry ent may
// be the second surname of a pair.
func householdNameEntry(ent Entry, lang string) bool {
	return !ent.StopAny() && ent&EntryBrand == 0 && (ent&EntryName != 0 || nameShaped(ent, lang))
}

// upperParticleEnd returns the end of a surname after a capitalized particle
// that ends at e ("De Santis", "Van der Berg", "Da Silva"), or false.
func (p *personFinder) upperParticleEnd(text []byte, lang string, e int) (int, bool) {
	s2, e2, ok := nextSurnameWord(text, e)
	if ok && particleWord(text[s2:e2]) {
		s2, e2, ok = nextSurnameWord(text, e2) // "Van der Berg"
	}
	if !ok || !isUpperAt(text, s2) || isAllUpperWord(text, s2, e2) || !hyphenLetters(text, s2, e2) {
		return 0, false
	}
	e2 = trimPossessive(text, s2, e2)
	ent := p.lookupName(text[s2:e2])
	if ent.StopAny() || ent&EntryBrand != 0 || ent&EntryLast == 0 && (ent&EntryName != 0 || !nameShaped(ent, lang)) {
		return 0, false
	}
	return e2, true
}

// possessives start the relative cues that a name may follow in lower case.
var possessives = foldSetOf("my", "mi", "mon", "ma", "mein", "meine", "mio", "mia", "meu", "minha", "mijn")

// relativeName reports whether the lower-case word text[s:e] after "my wife",
// "mijn dochter", "minha esposa" is a name: a known given name that is no
// stop word or everyday-word name ("will", "may"), or a word no list knows
// and no verb form.
func (p *personFinder) relativeName(in Input, c *cue, ent Entry, s, e int) bool {
	text := in.Text
	if len(c.words) != 2 || !possessives.has([]byte(c.words[0])) || e-s < 3 || !lettersOnly(text, s, e) || p.vocative(text, s, e) {
		return false
	}
	if ent.StopAny() || ent&(EntryBrand|EntryAmbiguous) != 0 {
		return false
	}
	if ent&EntryFirst != 0 {
		return true
	}
	w := text[s:e]
	return ent&EntryName == 0 && nameShaped(ent, in.Lang) && !verbLike(w) && !participle(w) && !accentedEnd(w) &&
		!relativeVerbs.has(w) && !(in.Lang == "en" && w[len(w)-1] == 's')
}

// relativeVerbs are the verbs that most often follow "my dad", "mijn zus",
// "mia madre": the lexicon holds names and places, not everyday words, so
// an unknown word after a relative needs this to be told from a name. In
// English a verb after a relative ends in "s" ("my dad lives in Leeds").
var relativeVerbs = newWordList(`woont werkt zegt belt heeft komt gaat wil kan moet
wohnt arbeitet sagt lebt ruft hat kommt geht will kann muss
vive trabaja dice llama tiene viene va quiere puede está
abita lavora dice chiama viene vuole può sta
mora trabalha diz liga tem vem vai quer pode está
habite travaille dit appelle vient veut peut vit`)

// accentedEnd reports whether w ends in an accented vowel, as verb forms of
// the Romance languages do ("nació", "pagò", "está"); names that do are in
// the lists ("José", "André").
func accentedEnd(w []byte) bool {
	n := len(w)
	if n < 2 || w[n-2] != 0xc3 {
		return false
	}
	switch w[n-1] {
	case 0xa1, 0xa0, 0xa9, 0xa8, 0xad, 0xac, 0xb3, 0xb2, 0xba, 0xb9: // á à é è í ì ó ò ú ù
		return true
	}
	return false
}

// participle reports whether the lower-case word w looks like a Dutch or
// German past participle: "verhuisd", "gebeld", "bestellt", "ontvangen".
func participle(w []byte) bool {
	if len(w) < 6 {
		return false
	}
	switch w[len(w)-1] {
	case 'd', 't', 'n':
	default:
		return false
	}
	for _, pre := range []string{"ge", "ver", "be", "ont", "er", "ent"} {
		if len(w) > len(pre)+3 && string(w[:len(pre)]) == pre {
			return true
		}
	}
	return false
}

// determinerBefore reports whether a determiner of lang comes among the two
// words before ws on its line: "il nuovo iban" is no name.
func determinerBefore(text []byte, lang string, ws int) bool {
	var buf [maxFold]byte
	for n := 0; n < 2; n++ {
		k, ps, _, ok := foldedPrev(buf[:0], text, ws)
		if !ok {
			return false
		}
		if determiners.has(k) && !prepositionIn(k, lang) {
			return true
		}
		ws = ps
	}
	return false
}

// prepositionIn reports whether the determiner k is a preposition in lang,
// not an article: "a" and "an" are articles in English only ("intestato a
// Marta", "an Peter").
func prepositionIn(k []byte, lang string) bool {
	return lang != "en" && lang != "" && (string(k) == "a" || string(k) == "an")
}

// particleNumber reports whether a particle and a number follow the word
// ending at e: "Lot de 2", "Lot of 3".
func particleNumber(text []byte, e int) bool {
	s, e2 := nextWord(text, e)
	if s < 0 || gapBetween(text, e, s) != gapSpace || !(particleWord(text[s:e2]) || ofWord(text[s:e2])) {
		return false
	}
	i := e2
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && i > e2 && text[i] >= '0' && text[i] <= '9'
}

// initialHandle reports whether a Slack handle of letters only is an
// initial and a surname: "cmartin", "jpatel".
func (p *personFinder) initialHandle(h []byte) bool {
	if len(h) < 5 || !lettersOnly(h, 0, len(h)) {
		return false
	}
	ent := p.lex.Lookup(h[1:])
	// The surname may be a word too ("cwhite"); the handle itself may not.
	return ent&EntryLast != 0 && !ent.StopAny() && ent&(EntryBrand|EntryAmbiguous) == 0 && p.lex.Lookup(h)&(entryWordAny|entryStopAny) == 0
}

// lowerRuneAt reports whether the rune starting at text[i] is a lower-case
// letter: "Zé" is no word in capitals.
func lowerRuneAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLower(r)
}

// commaNames finds, in text that has capitals, a given name and surname
// typed in lower case after a comma that closes the message's first word or
// two: "mine, siobhan mcnamara", "yes, joão pereira" (an answer to "whose
// name is it under?"). Both must be in the lists, as findLower asks of a
// pair. Only that one comma is looked at: the check runs for every text.
func (p *personFinder) commaNames(dst []Finding, in Input) []Finding {
	text := in.Text
	i := bytes.IndexByte(text[:min(len(text), maxAnswerLead)], ',')
	if i < 0 {
		return dst
	}
	i++
	ws, we := nextWord(text, i)
	if ws < 0 || ws == i || gapBetween(text, i, ws) != gapSpace || isUpperAt(text, ws) || we-ws < 3 {
		return dst
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[ws:we])
	if !ok {
		return dst
	}
	e := p.firstNameEntry(text[ws:we], k, 0)
	if e&EntryFirst == 0 || e.StopAny() || e&(EntryBrand|EntryAmbiguous) != 0 {
		return dst
	}
	wordy := e.Word(in.Lang) && e&EntryPopular == 0
	if end := p.extend(text, in.Lang, we, false, false, wordy); end > we {
		dst = append(dst, p.finding(text, ws, end, 0.7, "person-name-pair"))
	}
	return dst
}

// maxAnswerLead is how far into a text the comma after a short answer
// ("mine,", "yes it is,") may come.
const maxAnswerLead = 24

// upperFollows reports whether a capitalized word follows the word ending at
// e after spaces.
func upperFollows(text []byte, e int) bool {
	s, _ := nextWord(text, e)
	return s >= 0 && gapBetween(text, e, s) == gapSpace && isUpperAt(text, s)
}

// brandSuffixes end the names of companies and services more than those of
// people: "Chronopost", "Nubank", "Bizum" aside.
var brandSuffixes = []string{"post", "bank", "pay", "net", "tel", "com", "fon", "phone", "box", "air", "line", "lines", "soft", "tech", "shop",
	"mart", "flix", "book", "ify", "ly", "hub", "app", "go", "bus", "car", "cars", "express", "mail", "cloud", "data", "gas", "energy"}

// brandShaped reports whether an unknown capitalized word looks like a
// company's or service's name: a capital inside it ("PostNL", "iCloud") or a
// company ending ("Chronopost", "Nubank").
func brandShaped(w []byte) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], w)
	if !ok {
		return true
	}
	for _, suf := range brandSuffixes {
		if len(k) >= len(suf)+2 && string(k[len(k)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// foldedNext folds into buf the word after the one ending at e, when only
// spaces part the two. ok is false when there is no such word or it does not
// fold.
func foldedNext(buf, text []byte, e int) (k []byte, s, we int, ok bool) {
	s, we = nextWord(text, e)
	if s < 0 || gapBetween(text, e, s) != gapSpace {
		return nil, s, we, false
	}
	k, ok = foldAppend(buf, text[s:we])
	return k, s, we, ok
}

// foldedPrev folds into buf the word before the one starting at ws, when
// only spaces part the two. ok is false when there is no such word or it does
// not fold.
func foldedPrev(buf, text []byte, ws int) (k []byte, s, we int, ok bool) {
	s, we = prevWord(text, ws)
	if s < 0 || gapBetween(text, we, ws) != gapSpace {
		return nil, s, we, false
	}
	k, ok = foldAppend(buf, text[s:we])
	return k, s, we, ok
}

// beforeWord reports whether the word after the one ending at e, after
// spaces only, is in set.
func beforeWord(text []byte, e int, set foldIndex) bool {
	var buf [maxFold]byte
	k, _, _, ok := foldedNext(buf[:0], text, e)
	return ok && set.has(k)
}
