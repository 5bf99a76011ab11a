package detectors

import "bytes"

// SpokenEmail finds e-mail addresses said aloud or typed in words, in any
// configured language: "john dot smith at example dot com", "anna underscore
// b arroba ejemplo punto es", "jonas Punkt weber at beispiel Punkt de", and
// half-written forms ("john.smith at example.com", "john@example dot com").
// The address is rebuilt (Value "john.smith@example.com") so that it gets the
// same pseudonym as its written form; the span covers the words.
var SpokenEmail = Detector{
	Name: "spoken-email",
	Kind: KindEmail,
	Trigger: Trigger{
		Keywords: []string{"at", "ät", "arroba", "chiocciola", "arobase", "klammeraffe", "apenstaartje"}, // "ät": German speech recognition writes "at" so
		All:      ClassAt,                                                                                // "john@example dot com"
	},
	Find: findSpokenEmail,
}

// emailJoiners maps words read out inside addresses to the byte they stand for.
var emailJoiners = wordMapOf(map[string]byte{
	"dot": '.', "punto": '.', "punkt": '.', "point": '.', "ponto": '.', "punt": '.', "period": '.',
	"underscore": '_', "unterstrich": '_', "underline": '_',
	"plus": '+',
	"dash": '-', "hyphen": '-', "minus": '-', "guion": '-', "guión": '-', "bindestrich": '-',
	"tiret": '-', "trattino": '-', "hífen": '-', "hifen": '-', "streepje": '-', "traço": '-', "koppelteken": '-',
})

// emailJoinerSecond completes two-word joiners: "guion bajo", "tiret bas",
// "trattino basso", "traço baixo" are underscores.
var emailJoinerSecond = newWordList(`bajo bas basso baixo`)

// spokenEmailTLDs are the top-level domains accepted at the end of a spoken
// address; a spoken address with another ending is too likely to be prose.
var spokenEmailTLDs = newWordList(`
com org net edu gov io co uk de es fr it pt nl br mx in ca us info biz me ai app dev eu be ch at ie au ar cl pe ve email mail
`)

// spokenLocalStop are words that precede "at" in prose ("look at example dot
// com", "it is at home dot"); they are not taken as a local part.
var spokenLocalStop = newWordList(`
look looking looked check visit go is are was were be me us it this that them him her here there
stay staying live work working meet online available find found see arrive arrived you we i they
anyone someone or and mail email e-mail write reach contact
`)

// spokenEmailCues are words that announce an address nearby.
var spokenEmailCues = []string{"email", "e-mail", "mail", "correo", "courriel", "adresse", "address", "indirizzo", "endereço", "e-mailadres"}

func findSpokenEmail(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	var addr [256]byte
	// Domain: forward from the at-word, or from inside a token holding '@'.
	domStart := tok.End
	if tok.Class&ClassAt != 0 {
		at := bytes.IndexByte(text[tok.Start:tok.End], '@')
		domStart = tok.Start + at + 1
		if bytes.IndexByte(text[domStart:tok.End], '.') >= 0 {
			return dst, tok.End // a written address: email.go's
		}
	}
	if tok.Class&ClassAt == 0 && !mayBeSpokenDomain(text, tok.End) {
		return dst, tok.End
	}
	dom, domEnd, dots, ok := spokenLabels(addr[:0], text, domStart, true)
	if !ok || dots == 0 || !spokenEmailTLDs.has(lastLabel(dom)) {
		return dst, tok.End
	}
	// Local part: backward from the at-word, or the token's text before '@'.
	var local []byte
	locStart := tok.Start
	if tok.Class&ClassAt != 0 {
		at := bytes.IndexByte(text[tok.Start:tok.End], '@')
		local, ok = foldWord(make([]byte, 0, 64), text[tok.Start:tok.Start+at])
		if !ok || len(local) == 0 {
			return dst, tok.End
		}
	} else {
		local, locStart, ok = spokenLocal(text, tok.Start)
		if !ok {
			return dst, tok.End
		}
		joined := bytes.ContainsAny(local, "._-0123456789")
		if !joined && spokenLocalStop.has(local) ||
			!joined && !hasCue(text, locStart, 120, spokenEmailCues) && !in.Spoken {
			return dst, tok.End
		}
	}
	value := make([]byte, 0, len(local)+1+len(dom))
	value = append(append(append(value, local...), '@'), dom...)
	return append(dst, Finding{
		Kind: KindEmail, Start: locStart, End: domEnd, Confidence: 0.85,
		Rule: "spoken-email", Value: value,
	}), domEnd
}

// mayBeSpokenDomain is the quick test after an at-word: a domain follows,
// written ("example.com") or with a dot word after its first label
// ("example dot com", "ejemplo punto es").
func mayBeSpokenDomain(text []byte, i int) bool {
	var w readWord
	if !w.next(text, i) || w.stop {
		return false
	}
	if bytes.IndexByte(text[w.ws:w.we], '.') > 0 {
		return true
	}
	if !w.next(text, w.e) {
		return false
	}
	return emailJoiners.has(w.word())
}

// spokenLabels reads a dot-separated name forward from i: labels (words or
// written "example.com" pieces) joined by joiner words. It appends the
// rebuilt lower-case name to dst and returns it, the end of its last label,
// and how many dots it holds.
func spokenLabels(dst, text []byte, i int, domain bool) ([]byte, int, int, bool) {
	end, dots, wantLabel := i, 0, true
	var rw readWord
	for {
		if !rw.next(text, i) || !rw.ok || len(rw.word()) == 0 {
			break
		}
		e, we, stop, w := rw.e, rw.we, rw.stop, rw.word()
		if j, isJoin := emailJoiners.get(w); isJoin && !wantLabel {
			if j == '-' {
				if s2, e2 := nextToken(text, e); s2 < e2 {
					w2s, w2e, _ := trimWord(text, s2, e2)
					var buf2 [16]byte
					if w2, ok := foldWord(buf2[:0], text[w2s:w2e]); ok && emailJoinerSecond.has(w2) {
						j, e = '_', e2
					}
				}
			}
			if domain && j != '.' && j != '-' {
				break
			}
			dst = append(dst, j)
			if j == '.' {
				dots++
			}
			wantLabel, i = true, e
			if stop {
				break
			}
			continue
		}
		if !wantLabel || !isLabel(w) {
			break
		}
		dst = append(dst, w...)
		dots += bytes.Count(w, []byte("."))
		end, wantLabel, i = we, false, e
		if stop {
			break
		}
	}
	if wantLabel && len(dst) > 0 { // ended on a joiner: drop it
		dst = dst[:len(dst)-1]
		dots = bytes.Count(dst, []byte("."))
	}
	return dst, end, dots, len(dst) > 0
}

// spokenLocal reads the local part backward from the at-word at pos: a word
// or written piece, joined to earlier ones by joiner words, or a run of
// spelled letters ("j o h n"). It returns the rebuilt lower-case local part
// and its start.
func spokenLocal(text []byte, pos int) ([]byte, int, bool) {
	var parts [12][]byte // reverse reading order
	n, start, i, wantLabel := 0, pos, pos, true
	for n < len(parts) {
		s, e := prevToken(text, i)
		ws, we, stop := trimWord(text, s, e)
		if ws == we || stop {
			break
		}
		w, ok := foldWord(make([]byte, 0, we-ws), text[ws:we])
		if !ok {
			break
		}
		if emailJoinerSecond.has(w) && !wantLabel { // "guion bajo": the first word precedes
			if s2, e2 := prevToken(text, s); s2 < e2 {
				var buf [16]byte
				w2, _ := foldWord(buf[:0], text[s2:e2])
				if j, ok := emailJoiners.get(w2); ok && j == '-' {
					parts[n] = []byte{'_'}
					n, i, wantLabel = n+1, s2, true
					continue
				}
			}
		}
		if j, isJoin := emailJoiners.get(w); isJoin && !wantLabel {
			parts[n] = []byte{j}
			n, i, wantLabel = n+1, s, true
			continue
		}
		// Two pieces without a joiner continue only as spelled letters or
		// digits read after a name ("j o h n", "anna b 42").
		glued := n > 0 && (isDigits(parts[n-1]) || len(w) == 1 && len(parts[n-1]) == 1)
		if !isLabel(w) || !wantLabel && !glued {
			break
		}
		parts[n] = w
		n, start, i, wantLabel = n+1, ws, s, false
	}
	if wantLabel && n > 0 { // the earliest part is a joiner: not part of the address
		n--
	}
	if n == 0 {
		return nil, pos, false
	}
	var local []byte
	for k := n - 1; k >= 0; k-- {
		local = append(local, parts[k]...)
	}
	return local, start, true
}

// isLabel reports whether w can be part of an address: letters, digits,
// dots, hyphens, underscores and plus signs, starting with a letter or digit.
func isLabel(w []byte) bool {
	if len(w) == 0 || byteClass[w[0]]&ClassAlnum == 0 {
		return false
	}
	for _, c := range w {
		if byteClass[c]&(ClassAlnum|ClassDot|ClassDash|ClassUnderscore|ClassPlus) == 0 {
			return false
		}
	}
	return true
}

// lastLabel returns the part of name after its last dot.
func lastLabel(name []byte) []byte {
	return name[bytes.LastIndexByte(name, '.')+1:]
}
