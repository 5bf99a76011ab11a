package detectors

import (
	"bytes"
	"strings"
)

// locationCues are the phrases after which a place says where a person
// lives, is or comes from; the place must follow at once.
var locationCues = []struct {
	lang    string
	phrases []string
}{
	{"en", []string{"live in", "lives in", "living in", "lived in", "based in", "located in", "moved to", "moving to",
		"born in", "grew up in", "reside in", "staying in", "i'm in", "i am in", "we're in", "we are in",
		"i'm from", "i am from", "we're from", "we are from", "i come from", "originally from", "come from",
		"comes from", "calling from", "writing from", "greetings from", "here in", "home in", "near",
		"landed in", "arrived in", "pickup in", "pickup only in", "pick up in", "collection in", "collect in",
		"relocated to", "moved back to", "moved out to", "settled in", "raised in", "you're in", "you are in",
		"live just outside", "lives just outside", "living just outside", "live outside", "live right outside",
		"live near", "lives near", "living near", "live close to", "still in"}},
	{"es", []string{"vivo en", "vive en", "vivimos en", "resido en", "soy de", "somos de", "estoy en", "vengo de",
		"nací en", "me mudé a", "desde",
		"se recoge en", "recogida en", "recoger en", "llamo de", "llamo desde",
		"vives en", "vivís en", "viven en", "vivía en", "vivíamos en", "vivir en", "vivir a", "mudado a", "mudamos a",
		"mudó a", "mudaron a", "mudaste a", "mudasteis a", "mudé para", "trasladado a", "trasladamos a", "sigo en",
		"sigues en", "seguís en", "seguimos en", "venimos de", "crecí en", "residimos en", "radico en", "estás en",
		"estáis en", "estamos en"}},
	{"fr", []string{"j'habite à", "j'habite en", "j'habite au", "habite à", "je vis à", "je vis en", "je suis à",
		"je viens de", "je viens d'", "né à", "née à", "depuis",
		"je suis de", "suis de", "originaire de", "originaire d'", "grandi à", "récupérer à", "retrait à",
		"habites à", "habitez à", "habitons à", "habitent à", "vivons à", "vivez à", "êtes à", "es à", "sommes à",
		"on est à", "vient de", "venons de", "venez de", "vient d'", "venons d'", "venez d'", "originaires de",
		"déménagé à", "déménagé en", "déménage à", "déménager à", "emménagé à", "installé à", "installés à",
		"installée à", "installées à", "installés en", "installé en"}},
	{"de", []string{"wohne in", "lebe in", "wohnhaft in", "komme aus", "bin aus", "stamme aus", "bin in",
		"geboren in", "zuhause in", "aus",
		"aufgewachsen in", "abholung in",
		"wohnst in", "wohnt in", "wohnen in", "lebst in", "lebt in", "leben in", "kommst aus", "kommen aus",
		"kommt aus", "sind aus", "bist aus", "gezogen nach", "umgezogen nach", "ziehen nach", "ziehe nach",
		"zieht nach"}},
	{"it", []string{"abito a", "abito in", "vivo a", "vivo in", "sono di", "sono a", "vengo da", "nato a", "nata a", "da",
		"cresciuto a", "cresciuta a", "residente a", "ritiro a", "ritiro in",
		"abiti a", "abitate a", "abitiamo a", "vivi a", "vivete a", "viviamo a", "siamo di", "siete di", "sei di",
		"veniamo da", "venite da", "vieni da", "trasferito a", "trasferita a", "trasferiti a", "trasferite a",
		"trasferito in", "trasferita in", "trasferiti in", "trasferite in", "trasferiamo a", "trasferisco a",
		"traslocato a", "traslocati a", "cresciuti a"}},
	{"pt", []string{"moro em", "moro no", "moro na", "vivo em", "vivo no", "vivo na", "sou de", "sou do", "sou da",
		"estou em", "estou no", "estou na", "nasci em", "venho de",
		"tô em", "to em", "tô no", "tô na", "cresci em", "retirada em", "retirar em",
		"mora em", "moram em", "moramos em", "mora no", "mora na", "moram no", "moram na", "moramos no",
		"moramos na", "somos de", "somos do", "somos da", "viemos de", "mudei pra", "mudou pra", "mudamos pra",
		"mudaram pra", "mudei para", "mudou para", "mudamos para", "mudaram para", "mudou-se para",
		"mudaram-se para", "morar em", "morar no", "morar na", "morar pra", "estamos em"}},
	{"nl", []string{"woon in", "wonen in", "woonachtig in", "kom uit", "komen uit", "ben uit", "ben in", "geboren in", "uit",
		"opgegroeid in", "zit in", "ophalen in",
		"woont in", "woon je in", "wonen jullie in", "komt uit", "kom je uit", "komen jullie uit", "verhuisd naar",
		"verhuizen naar", "verhuist naar", "zitten in", "zijn uit"}},
}

// looseLocationCues need a capitalized place after them: "desde", "aus",
// "da", "uit" and "near" start many phrases that are not places.
var looseLocationCues = foldSetOf("desde", "aus", "da", "uit", "near", "depuis")

// placePrepositions introduce a place anywhere: they count when a personal
// anchor (anchorWords) comes before them in the same sentence ("ich bin bis
// Sonntag in Zürich", "nací el 2 de febrero de 1975 en Zaragoza") or
// right after the place ("in Framingham where i live").
var placePrepositions = []string{"in", "from", "at", "en", "de", "à", "a", "au", "em", "no", "na", "di", "da", "aus", "uit", "bei"}

// anchorWords say that a clause is about where the writer or speaker lives,
// is or comes from: first-person pronouns and verbs of living, being, moving
// and origin, folded. Possessives are left out: "mi cuenta de México" is
// about an account.
var anchorWords = foldSetOf(
	"i", "i'm", "im", "we", "we're", "us", "live", "lives", "living", "lived", "born", "grew", "moved",
	"staying", "yo", "vivo", "vivimos", "soy", "somos", "estoy", "estamos", "naci", "creci", "trabajo", "mude",
	"je", "j'habite", "j'ai", "moi", "suis", "vis", "habite", "ne", "nee", "grandi", "originaire", "ich", "wir",
	"bin", "wohne", "lebe", "geboren", "aufgewachsen", "io", "sono", "abito", "nato", "nata", "cresciuto",
	"cresciuta", "eu", "sou", "moro", "estou", "to", "nasci", "cresci", "ik", "wij", "ben", "woon", "wonen",
	"zit", "opgegroeid",
	// Verbs of living in the other persons: "wir wohnen jetzt in Köln",
	// "ela mora atualmente em Campinas".
	"wohnen", "wohnt", "wohnst", "leben", "lebt", "lebst", "vive", "vives", "vivis", "viven", "habitons", "habitez",
	"habites", "habitent", "vivons", "vivez", "abiti", "abita", "abitiamo", "abitate", "abitano", "vivi", "vive",
	"viviamo", "vivete", "vivono", "mora", "moram", "moramos", "woont", "woon", "reside", "resides", "residimos",
)

// weWords are anchors that may be a business speaking of itself.
var weWords = foldSetOf("we", "we're", "us", "wir", "wij")

// anchorWindow is how many words before a preposition an anchor may be.
const anchorWindow = 8

type locationCue struct {
	words []string
	lang  string
	loose bool // a one-word cue in looseLocationCues: the place must be capitalized
	order int  // its index in locationCues: among cues that start together, the first listed wins
}

type locationFinder struct {
	lex *Lexicon
	// words maps a trigger word, folded, to locPrep if it is a preposition
	// and to one plus its index in cues if it ends cues: one hash a word.
	// A cue wakes the detector at its last word, the preposition, so that
	// its first words ("i", "me", "je", "to") wake nothing when no place can
	// follow; an elided last word ("d'") is keyed with its apostrophe.
	words foldIndex
	cues  [][]locationCue
	// firsts holds the folded first words of the cues of more than one
	// word, and firstKeys the leading letters the engine woke them on
	// before they were matched backwards: a cue counts only where its first
	// word starts a token that key wakes.
	firstKeys map[string]bool
	// single[g] reports whether cues[g] holds a one-word cue, all of which
	// are loose; penults holds the folded next-to-last words of the
	// others: a cheap test of the word before the trigger.
	single  []bool
	penults foldIndex
	// penLast[c] has bit n set when a folded next-to-last word of n bytes
	// ends with byte c: most ASCII words before a trigger fail it unread.
	penLast [256]uint64
}

// Flags in locationFinder.words: a preposition; the word before an elided
// cue word ("viens" in "je viens d'"), which wakes the detector because the
// engine does not see "d" in "d’Avignon", all letters to it.
const (
	locPrep   = 1 << 16
	locElided = 1 << 17
	locMove   = 1 << 18 // a preposition of direction: see movePrepositions
)

// Location returns the LOCATION detector: cities, regions and countries from
// the lexicon's gazetteer when a cue says a person lives, is or comes from
// there ("I live in Leeds", "vivo en Sevilla", "ich komme aus Köln"). Places
// elsewhere in prose ("the Paris agreement") are not personal and not
// reported.
func Location(lex *Lexicon) Detector {
	l := &locationFinder{lex: lex}
	var kws []string
	seen := map[string]bool{}
	addKw := func(ws ...string) {
		for _, kw := range ws {
			if kw != "" && !seen[kw] {
				seen[kw] = true
				kws = append(kws, kw)
			}
		}
	}
	words := map[string]uint32{}
	penults, firstKeys := map[string]uint32{}, map[string]bool{}
	order := 0
	for _, g := range locationCues {
		for _, ph := range g.phrases {
			fields := strings.Fields(ph)
			c := locationCue{lang: g.lang, order: order}
			order++
			for _, w := range fields {
				f, _ := foldAppend(nil, []byte(w))
				c.words = append(c.words, string(f))
			}
			n := len(c.words)
			c.loose = n == 1 && looseLocationCues.has([]byte(c.words[0]))
			last := c.words[n-1]
			v, ok := words[last]
			if !ok {
				l.cues = append(l.cues, nil)
				v = uint32(len(l.cues))
				words[last] = v
			}
			l.cues[v-1] = append(l.cues[v-1], c)
			if strings.HasSuffix(last, "'") {
				words[c.words[n-2]] |= locElided
				addKw(leadingLetters(fields[n-2]), leadingLetters(c.words[n-2]))
			} else {
				addKw(leadingLetters(fields[n-1]), leadingLetters(last))
			}
			if n == 1 {
				for len(l.single) < len(l.cues) {
					l.single = append(l.single, false)
				}
				l.single[v-1] = true
			} else {
				p := c.words[n-2]
				penults[p] = 1
				if len(p) < 64 {
					l.penLast[p[len(p)-1]] |= 1 << len(p)
				}
				firstKeys[leadingLetters(fields[0])] = true
				firstKeys[leadingLetters(c.words[0])] = true
			}
		}
	}
	for _, w := range placePrepositions {
		f, _ := foldAppend(nil, []byte(w))
		words[string(f)] |= locPrep
		addKw(w, string(f))
	}
	for _, w := range movePrepositions {
		f, _ := foldAppend(nil, []byte(w))
		words[string(f)] |= locMove
		addKw(w, string(f))
	}
	l.words = newFoldIndex(words)
	for len(l.single) < len(l.cues) {
		l.single = append(l.single, false)
	}
	l.penults, l.firstKeys = newFoldIndex(penults), firstKeys
	return Detector{Name: "location", Kind: KindLocation, Trigger: Trigger{Keywords: kws}, Find: l.find}
}

// maxPlaceWords bounds a multi-word place name ("rio de janeiro").
const maxPlaceWords = 4

func (l *locationFinder) find(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	ws, we := nextWord(text, tok.Start)
	if ws < 0 || ws >= tok.End {
		return dst, tok.End
	}
	var buf [maxFold]byte
	k, _ := foldAppend(buf[:0], text[ws:we])
	v, ok := l.words.lookup(k) // the trigger word: one hash for cues and prepositions
	if !ok {
		return dst, tok.End
	}
	end := we // where the place would start
	if v&locElided != 0 {
		// "viens d'Avignon": the elided cue word "d'" and the place after it.
		ns, ne := nextWord(text, we)
		if ns < 0 || gapBetween(text, we, ns) != gapSpace {
			return dst, tok.End
		}
		k, _ = foldAppend(buf[:0], text[ns:ne])
		i := bytes.IndexByte(k, '\'')
		if i < 0 {
			return dst, tok.End
		}
		if v, ok = l.words.lookup(k[:i+1]); !ok {
			return dst, tok.End
		}
		ws, we, end = ns, ne, afterApostrophe(text, ns, ne)
	}
	// Cheap tests first: a loose cue and a preposition need a capital
	// after them unless the whole text is lower-case; the other cues need
	// their next-to-last word before the trigger.
	ns, _ := nextWord(text, end)
	upper := ns >= 0 && isUpperAt(text, ns)
	var prev cuePrevWords
	g := v &^ (locPrep | locMove)
	cue := g != 0 && (l.single[g-1] && upper ||
		l.mayFollowPenult(text, ws) && prev.get(text, ws, 1) && l.penults.has(prev.word(0)))
	prep := v&locPrep != 0 && end == we && ns >= 0 && (upper || lowerText(in))
	move := v&locMove != 0 && end == we && ns >= 0 && (upper || lowerText(in))
	if !cue && !prep && !move || !l.placeMayFollow(text, end) {
		return dst, tok.End // most cue words and prepositions: no place after them
	}
	if cue {
		if s, e, conf := l.cueBefore(in, ws, end, l.cues[g-1], &prev); s >= 0 && !notHomeBefore(text, ws) {
			return append(dst, l.finding(text, s, e, conf, "location-cue")), e
		}
	}
	if move {
		// "nach Köln gezogen", "naar Almere verhuisd": a verb of moving house
		// in the same sentence.
		if s, e, ent := l.place(text, we, false, in.Spoken); s >= 0 && ent&EntryFirst == 0 && movedNear(text, ws, e) &&
			!notHomeBefore(text, ws) {
			return append(dst, l.finding(text, s, e, 0.75, "location-moved")), e
		}
	}
	if prep {
		s, e, ent := l.place(text, we, false, in.Spoken)
		if s >= 0 && ent&EntryFirst == 0 && !l.afterStreet(text, ws) &&
			(l.anchoredBefore(text, ws) || l.anchoredAfter(text, e)) && !notHomeBefore(text, ws) {
			return append(dst, l.finding(text, s, e, 0.7, "location-anchored")), e
		}
	}
	return dst, tok.End
}

// mayFollowPenult reports whether the word before ws may be the
// next-to-last word of a cue; false means it is none. Only ASCII words are
// tested: their folded form is their lower-case form.
func (l *locationFinder) mayFollowPenult(text []byte, ws int) bool {
	ps, pe := prevASCIIWord(text, ws)
	if ps < 0 {
		return true
	}
	n := pe - ps
	return n < 64 && l.penLast[text[pe-1]|0x20]&(1<<n) != 0
}

// placeMayFollow reports whether the word after end may start a place:
// false when there is none, it follows a symbol or it starts no place.
func (l *locationFinder) placeMayFollow(text []byte, end int) bool {
	end = skipPostalCode(text, end)
	s, e := nextWord(text, end)
	if s < 0 || gapBetween(text, end, s) == gapOther {
		return false
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[s:e])
	return ok && l.lex.mayStartPlace(k)
}

// afterApostrophe returns the offset after the first apostrophe of the word
// text[s:e]: where the place of an elided cue ("d'Avignon") starts.
func afterApostrophe(text []byte, s, e int) int {
	for s < e {
		ok, n := isApostropheAt(text, s)
		s += max(n, 1)
		if ok {
			break
		}
	}
	return s
}

// cueBefore matches cues, all ending with the word at ws, backwards from
// it and returns the place after end and the confidence of the cue that
// the engine would meet first: the one starting earliest, then the first
// listed. s is -1 when no cue matches or no place follows.
func (l *locationFinder) cueBefore(in Input, ws, end int, cues []locationCue, prev *cuePrevWords) (s, e int, conf float32) {
	text := in.Text
	best, bestStart := -1, 0
	for i := range cues {
		c := &cues[i]
		start, ok := l.cueStart(text, ws, c.words[:len(c.words)-1], prev)
		if !ok || best >= 0 && (start > bestStart || start == bestStart && c.order > cues[best].order) {
			continue
		}
		if ps, _, _ := l.place(text, end, c.loose, lowerText(in)); ps < 0 {
			continue
		}
		best, bestStart = i, start
	}
	if best < 0 {
		return -1, -1, 0
	}
	c := &cues[best]
	s, e, _ = l.place(text, end, c.loose, lowerText(in))
	// "Leeds, UK", "Lyon, France": the region or country belongs to the place.
	if s2, e2, ent2 := l.place(text, e, true, false); s2 >= 0 && gapBetween(text, e, s2) == gapBreak &&
		ent2&(EntryRegion|EntryCountry) != 0 && text[e] == ',' {
		e = e2
	}
	conf = 0.85
	if in.Lang != "" && c.lang != in.Lang {
		conf = 0.75
	}
	return s, e, conf
}

// maxCueWords bounds the words of a location cue ("i come from").
const maxCueWords = 4

// cuePrevWords holds the words before a cue's last word, nearest first,
// each folded and followed by spaces only: read once, as far as needed,
// for all the cues that end with that word.
type cuePrevWords struct {
	n     int
	done  bool // no more words before
	start [maxCueWords - 1]int
	len   [maxCueWords - 1]int
	buf   [maxCueWords - 1][maxFold]byte
}

// get reads the words before ws until it holds n of them, and reports
// whether it does.
func (p *cuePrevWords) get(text []byte, ws, n int) bool {
	for p.n < n && !p.done {
		if p.n > 0 {
			ws = p.start[p.n-1]
		}
		// An ASCII word before spaces, the common case, is a whole word
		// followed by spaces only, as the slow path checks.
		ps, pe := prevASCIIWord(text, ws)
		if ps < 0 {
			ps, pe = prevWord(text, ws)
			if ps < 0 || wordAt(text, ps) != pe || gapBetween(text, pe, ws) != gapSpace {
				p.done = true
				break
			}
		}
		k, ok := foldAppend(p.buf[p.n][:0], text[ps:pe])
		if !ok {
			p.done = true
			break
		}
		p.start[p.n], p.len[p.n] = ps, len(k)
		p.n++
	}
	return p.n >= n
}

// word returns the i-th word back, folded; get must have read it.
func (p *cuePrevWords) word(i int) []byte { return p.buf[i][:p.len[i]] }

// prevASCIIWord returns the word before ws when it is ASCII letters after
// spaces or tabs and before a byte at which prevWord stops as well, the
// common case, without decoding runes; else (-1, -1).
func prevASCIIWord(text []byte, ws int) (int, int) {
	pe := ws
	for pe > 0 && (text[pe-1] == ' ' || text[pe-1] == '\t') {
		pe--
	}
	ps := pe
	for ps > 0 && text[ps-1]|0x20 >= 'a' && text[ps-1]|0x20 <= 'z' {
		ps--
	}
	if ps == pe || pe == ws {
		return -1, -1
	}
	if ps > 0 {
		switch c := text[ps-1]; {
		case c >= 0x80, c == '\'', c == '-', c == '\\':
			return -1, -1
		}
	}
	return ps, pe
}

// cueStart reports whether the words before the word at ws are words
// (folded), each before spaces only, the first starting a token that wakes
// the detector, and returns where that first word starts.
func (l *locationFinder) cueStart(text []byte, ws int, words []string, prev *cuePrevWords) (int, bool) {
	if !prev.get(text, ws, len(words)) {
		return 0, false
	}
	for i := range words { // nearest first: most cues fail at once
		if w := words[len(words)-1-i]; string(prev.word(i)) != w {
			return 0, false
		}
	}
	if len(words) == 0 {
		return ws, true
	}
	ws = prev.start[len(words)-1]
	// The token of the first word: it must start there and its leading
	// word be one of the keywords its first word woke the engine on.
	ts, te := ws, ws
	for ts > 0 && byteClass[text[ts-1]] != classSpace {
		ts--
	}
	for te < len(text) && byteClass[text[te]] != classSpace {
		te++
	}
	if s, _ := nextWord(text, ts); s != ws {
		return 0, false
	}
	lws, lwe := leadingWord(text, ts, te)
	if lwe-lws > maxKeyword || lwe <= lws {
		return 0, false
	}
	var kb [maxKeyword]byte
	for i, c := range text[lws:lwe] {
		kb[i] = lowerASCII(c)
	}
	if !l.firstKeys[string(kb[:lwe-lws])] {
		return 0, false
	}
	return ws, true
}

func (l *locationFinder) finding(text []byte, s, e int, conf float32, rule string) Finding {
	v, _ := foldAppend(make([]byte, 0, e-s+4), text[s:e])
	return Finding{Kind: KindLocation, Start: s, End: e, Confidence: conf, Rule: rule, Value: v}
}

// afterStreet reports whether the word before the preposition at i names a
// street: "Rua de Santa Catarina" is an address.
func (l *locationFinder) afterStreet(text []byte, i int) bool {
	s, e := prevWord(text, i)
	if s < 0 {
		return false
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[s:e])
	return ok && streetWords.has(k)
}

// anchoredBefore reports whether an anchor word stands among the
// anchorWindow words before i, in the same clause. A comma ends the clause
// unless the preposition follows it at once, as in a list of places ("je
// vis en Belgique, à Liège").
func (l *locationFinder) anchoredBefore(text []byte, i int) bool {
	for n := 0; n < anchorWindow; n++ {
		s, e := prevWord(text, i)
		if s < 0 || sentenceBreak(text, e, i) || n > 0 && bytes.IndexByte(text[e:i], ',') >= 0 {
			return false
		}
		if isAnchor(text[s:e]) {
			return true
		}
		i = s
	}
	return false
}

// anchoredAfter reports whether one of the three words after end, in the
// same sentence, is an anchor other than "we": "in Framingham where i
// live", but not a shop's "in Hamburg haben wir zwei Filialen".
func (l *locationFinder) anchoredAfter(text []byte, end int) bool {
	for n := 0; n < 3; n++ {
		s, e := nextWord(text, end)
		if s < 0 || sentenceBreak(text, end, s) {
			return false
		}
		if isAnchor(text[s:e]) && !weWords.has(text[s:e]) {
			return true
		}
		end = e
	}
	return false
}

func isAnchor(w []byte) bool {
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], w)
	return ok && anchorWords.has(k)
}

// sentenceBreak reports whether text[a:b] ends a sentence or a line.
func sentenceBreak(text []byte, a, b int) bool {
	for i := a; i < b; i++ {
		switch text[i] {
		case '.', '!', '?', '\n', '\r':
			return true
		case '\\':
			if escapedBreak(text, i) {
				return true
			}
		}
	}
	return false
}

// matchWords reports whether the words after end are ws (folded), each
// after spaces only, and where the last ends. next caches the first of them
// for the other cues that share the first word ending at end.
func matchWords(text []byte, end int, ws []string, next *cueNextWord) (int, bool) {
	for i, w := range ws {
		var s, e int
		var k []byte
		var buf [maxFold]byte
		if i == 0 {
			// The word after the cue's first: folded once for all its cues.
			if s, e, k = next.at(text, end); s < 0 {
				return 0, false
			}
		} else {
			if s, e = nextWord(text, end); s < 0 || gapBetween(text, end, s) != gapSpace {
				return 0, false
			}
			k, _ = foldAppend(buf[:0], text[s:e])
		}
		if strings.HasSuffix(w, "'") { // "d'" starts "d'Avignon"
			if !strings.HasPrefix(string(k), w) {
				return 0, false
			}
			end = s // the place starts after the apostrophe: "d'" or "d’"
			for end < e {
				ok, n := isApostropheAt(text, end)
				end += max(n, 1)
				if ok {
					break
				}
			}
			continue
		}
		if string(k) != w {
			return 0, false
		}
		end = e
	}
	return end, true
}

// skipPostalCode returns the end of a four- or five-digit postal code that
// follows end after one space and precedes a capitalized word, or end: a
// place named after its code is still the place the cue points to.
func skipPostalCode(text []byte, end int) int {
	i := end
	if i >= len(text) || text[i] != ' ' {
		return end
	}
	i++
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if n := j - i; n < 4 || n > 5 || j+1 >= len(text) || text[j] != ' ' || !isUpperAt(text, j+1) {
		return end
	}
	return j
}

// place returns the longest gazetteer name of up to maxPlaceWords words
// starting right after end, or -1. Lower-case places count in lower-case
// text, or when they are no common word; capitalized when needUpper.
func (l *locationFinder) place(text []byte, end int, needUpper, lower bool) (int, int, Entry) {
	end = skipPostalCode(text, end) // "j'habite à 69003 Lyon", "vivo en 46001 Valencia"
	s, e := nextWord(text, end)
	if s < 0 || gapBetween(text, end, s) == gapOther {
		return -1, -1, 0
	}
	upper := isUpperAt(text, s)
	if needUpper && !upper {
		return -1, -1, 0
	}
	var buf [maxFold]byte
	bestEnd, best := -1, Entry(0)
	for n, we := 0, e; n < maxPlaceWords; n++ {
		key, ok := foldAppend(buf[:0], text[s:we]) // spaces fold to one
		if !ok {
			break
		}
		// The filter: a first word that starts no place ends the search;
		// words that are no place may still start a longer one.
		if l.lex.mayStartPlace(key) {
			if ent := l.lex.lookupFolded(key); ent&EntryPlace != 0 {
				bestEnd, best = we, ent
			}
		} else if n == 0 {
			break
		}
		ns, ne := nextWord(text, we)
		if ns < 0 || gapBetween(text, we, ns) != gapSpace {
			break
		}
		we = ne
	}
	if bestEnd < 0 {
		return -1, -1, 0
	}
	if !upper && !lower && (best&entryWordAny != 0 || best.StopAny()) {
		return -1, -1, 0 // "from nice people"
	}
	return s, bestEnd, best
}

// movePrepositions say where someone goes; the place is where they live
// only with a verb of moving house nearby (moveWords): "wir sind nach Köln
// gezogen", "we zijn naar Almere verhuisd", "a gente foi morar pra Recife".
var movePrepositions = []string{"nach", "naar", "pra"}

// moveWords are verbs and nouns of moving house in the configured
// languages, folded.
var moveWords = foldSetOf(
	"moved", "moving", "relocated", "relocating", "move",
	"mudamos", "mude", "mudo", "mudaron", "mudado", "mudanza", "trasladamos", "vivir",
	"demenage", "demenages", "demenagement", "installes", "installe", "emmenage",
	"gezogen", "umgezogen", "ziehen", "ziehe", "zieht", "umziehen", "umzug", "hingezogen",
	"trasferiti", "trasferito", "trasferita", "trasferite", "trasloco", "traslocato",
	"mudei", "mudou", "mudaram", "mudar", "mudanca", "morar",
	"verhuisd", "verhuizen", "verhuist", "verhuizing", "wonen",
)

// movedNear reports whether a move word stands among the anchorWindow words
// before the preposition at ws or the three after the place ending at e, in
// the same sentence.
func movedNear(text []byte, ws, e int) bool {
	i := ws
	for n := 0; n < anchorWindow; n++ {
		s, pe := prevWord(text, i)
		if s < 0 || sentenceBreak(text, pe, i) {
			break
		}
		if inFoldSet(moveWords, text[s:pe]) {
			return true
		}
		i = s
	}
	for n := 0; n < 3; n++ {
		s, ne := nextWord(text, e)
		if s < 0 || sentenceBreak(text, e, s) {
			return false
		}
		if inFoldSet(moveWords, text[s:ne]) {
			return true
		}
		e = ne
	}
	return false
}

// notHomeWords say that a place after them is a workplace, a trip or an
// event, not where a person lives ("arbeite in Wien", "volo da Bologna",
// "flight from Denver", "la réunion est à Lyon"), folded.
var notHomeWords = foldSetOf(
	"work", "works", "working", "worked", "commute", "commuting", "flight", "flights", "fly", "flying", "flew",
	"layover", "conference", "meeting", "office", "trip", "holiday", "vacation",
	"trabajo", "trabaja", "trabajas", "trabajamos", "vuelo", "vuelos", "volar", "reunion", "conferencia",
	"oficina", "viaje", "vacaciones", "escala",
	"travaille", "travailles", "travaillons", "travaillez", "vol", "vols", "bureau", "conference", "voyage",
	"vacances",
	"arbeite", "arbeitest", "arbeitet", "arbeiten", "pendle", "pendelt", "pendeln", "flug", "fluge", "fliege",
	"fliegt", "fliegen", "buro", "besprechung", "konferenz", "reise", "urlaub", "dienstreise",
	"lavoro", "lavora", "lavori", "lavoriamo", "volo", "voli", "ufficio", "riunione", "viaggio", "vacanza", "scalo",
	"trabalho", "trabalha", "trabalhamos", "voo", "voos", "escritorio", "viagem", "ferias",
	"werk", "werkt", "werken", "forens", "pendel", "vlucht", "vluchten", "kantoor", "vergadering", "reis", "vakantie",
	// Events: "a family wedding in Lagos", "la boda en Sevilla".
	"wedding", "funeral", "party", "concert", "festival", "tournament", "course",
	"boda", "fiesta", "concierto", "partido", "curso",
	"mariage", "enterrement", "fete", "stage",
	"hochzeit", "beerdigung", "feier", "konzert", "kurs", "lehrgang",
	"matrimonio", "funerale", "festa", "concerto", "partita", "corso",
	"casamento", "jogo",
	"bruiloft", "begrafenis", "feest", "wedstrijd", "cursus",
)

// notHomeBefore reports whether one of notHomeWords stands among the four
// words before the preposition or cue word at ws, in the same clause.
func notHomeBefore(text []byte, ws int) bool {
	i := ws
	for n := 0; n < 4; n++ {
		s, e := prevWord(text, i)
		if s < 0 || sentenceBreak(text, e, i) || bytes.IndexByte(text[e:i], ',') >= 0 {
			return false
		}
		if inFoldSet(notHomeWords, text[s:e]) {
			return true
		}
		i = s
	}
	return false
}

// inFoldSet reports whether the word w, folded, is in set.
func inFoldSet(set foldIndex, w []byte) bool {
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], w)
	return ok && set.has(k)
}
