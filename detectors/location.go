package detectors

import "strings"

// locationCues are the phrases after which a place says where a person
// lives, is or comes from; the place must follow at once.
var locationCues = []struct {
	lang    string
	phrases []string
}{
	{"en", []string{"live in", "lives in", "living in", "lived in", "based in", "located in", "moved to", "moving to",
		"born in", "grew up in", "reside in", "staying in", "i'm in", "i am in", "we're in", "we are in",
		"i'm from", "i am from", "we're from", "we are from", "i come from", "originally from", "come from",
		"comes from", "calling from", "writing from", "greetings from", "here in", "home in", "near"}},
	{"es", []string{"vivo en", "vive en", "vivimos en", "resido en", "soy de", "somos de", "estoy en", "vengo de",
		"nací en", "me mudé a", "desde"}},
	{"fr", []string{"j'habite à", "j'habite en", "j'habite au", "habite à", "je vis à", "je vis en", "je suis à",
		"je viens de", "je viens d'", "né à", "née à", "depuis"}},
	{"de", []string{"wohne in", "lebe in", "wohnhaft in", "komme aus", "bin aus", "stamme aus", "bin in",
		"geboren in", "zuhause in", "aus"}},
	{"it", []string{"abito a", "abito in", "vivo a", "vivo in", "sono di", "sono a", "vengo da", "nato a", "nata a", "da"}},
	{"pt", []string{"moro em", "moro no", "moro na", "vivo em", "vivo no", "vivo na", "sou de", "sou do", "sou da",
		"estou em", "estou no", "estou na", "nasci em", "venho de"}},
	{"nl", []string{"woon in", "wonen in", "woonachtig in", "kom uit", "komen uit", "ben uit", "ben in", "geboren in", "uit"}},
}

// looseLocationCues need a capitalized place after them: "desde", "aus",
// "da", "uit" and "near" start many phrases that are not places.
var looseLocationCues = map[string]bool{"desde": true, "aus": true, "da": true, "uit": true, "near": true, "depuis": true}

type locationCue struct {
	words []string
	lang  string
}

type locationFinder struct {
	lex  *Lexicon
	cues map[string][]locationCue
}

// Location returns the LOCATION detector: cities, regions and countries from
// the lexicon's gazetteer when a cue says a person lives, is or comes from
// there ("I live in Leeds", "vivo en Sevilla", "ich komme aus Köln"). Places
// elsewhere in prose ("the Paris agreement") are not personal and not
// reported.
func Location(lex *Lexicon) Detector {
	l := &locationFinder{lex: lex, cues: map[string][]locationCue{}}
	var kws []string
	seen := map[string]bool{}
	for _, g := range locationCues {
		for _, ph := range g.phrases {
			c := locationCue{lang: g.lang}
			for _, w := range strings.Fields(ph) {
				f, _ := foldAppend(nil, []byte(w))
				c.words = append(c.words, string(f))
			}
			l.cues[c.words[0]] = append(l.cues[c.words[0]], c)
			for _, kw := range []string{leadingLetters(strings.Fields(ph)[0]), leadingLetters(c.words[0])} {
				if kw != "" && !seen[kw] {
					seen[kw] = true
					kws = append(kws, kw)
				}
			}
		}
	}
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
	for _, c := range l.cues[string(k)] {
		end, ok := matchWords(text, we, c.words[1:])
		if !ok {
			continue
		}
		s, e, _ := l.place(text, end, looseLocationCues[c.words[0]] && len(c.words) == 1, lowerText(in))
		if s < 0 {
			continue
		}
		// "Leeds, UK", "Lyon, France": the region or country belongs to the place.
		if s2, e2, ent2 := l.place(text, e, true, false); s2 >= 0 && gapBetween(text, e, s2) == gapBreak &&
			ent2&(EntryRegion|EntryCountry) != 0 && text[e] == ',' {
			e = e2
		}
		conf := float32(0.85)
		if in.Lang != "" && c.lang != in.Lang {
			conf = 0.75
		}
		v, _ := foldAppend(make([]byte, 0, e-s+4), text[s:e])
		return append(dst, Finding{Kind: KindLocation, Start: s, End: e, Confidence: conf, Rule: "location-cue", Value: v}), e
	}
	return dst, tok.End
}

// matchWords reports whether the words after end are ws (folded), each
// after spaces only, and where the last ends.
func matchWords(text []byte, end int, ws []string) (int, bool) {
	for _, w := range ws {
		s, e := nextWord(text, end)
		if s < 0 || gapBetween(text, end, s) != gapSpace {
			return 0, false
		}
		var buf [maxFold]byte
		k, _ := foldAppend(buf[:0], text[s:e])
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

// place returns the longest gazetteer name of up to maxPlaceWords words
// starting right after end, or -1. Lower-case places count in lower-case
// text, or when they are no common word; capitalized when needUpper.
func (l *locationFinder) place(text []byte, end int, needUpper, lower bool) (int, int, Entry) {
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
		if ent := l.lex.lookupFolded(key); ent&EntryPlace != 0 {
			bestEnd, best = we, ent
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
