// Package langid tells which of the configured languages a message is in.
//
// A Detector answers in three steps, cheapest first: the event's own hint,
// when it names a configured language; a one-pass score of the text's most
// frequent function words and telltale letters (ñ, ß, ã …), when one
// language clearly leads; and only then lingua-go in low-accuracy mode, for
// texts long enough to judge (lingua costs about 160 µs and 600 allocations
// per 150-byte message, far more than every detector together). An unsure
// answer says so, so the caller can keep a conversation's last confident
// language instead: the pipeline caches it per conversation.
//
// The package imports lingua-go only, so the pipeline and the bench harness
// use it without the detectors.
package langid

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// stopwords holds "word<TAB>langs" lines derived from stopwords-iso by
// gen/gen.sh.
//
//go:embed stopwords.tsv
var stopwords string

// DefaultLanguages are the languages detected unless configured otherwise.
var DefaultLanguages = []string{"en", "es", "fr", "de", "it", "pt", "nl"}

// MinLinguaBytes is the shortest text handed to lingua: below it, lingua
// is not more reliable than the word score.
const MinLinguaBytes = 24

// Detector detects languages among a fixed set. It is safe for concurrent use.
type Detector struct {
	langs  []string
	words  wordTable // function word -> bit set of languages (index into langs)
	lingua lingua.LanguageDetector
}

// New returns a detector for langs, ISO 639-1 codes; nil means
// DefaultLanguages. It fails on an unknown code.
func New(langs []string) (*Detector, error) {
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	if len(langs) > 8 {
		return nil, fmt.Errorf("langid: %d languages; at most 8", len(langs))
	}
	d := &Detector{langs: slices.Clone(langs)}
	words := map[string]uint8{}
	var ls []lingua.Language
	for i, code := range d.langs {
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(code)))
		if l == lingua.Unknown {
			return nil, fmt.Errorf("langid: language %q: not an ISO 639-1 code lingua knows", code)
		}
		ls = append(ls, l)
		for _, w := range strings.Fields(functionWords[code]) {
			words[w] |= 1 << i
		}
	}
	for line := range strings.Lines(stopwords) {
		w, ls, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			continue
		}
		for l := range strings.SplitSeq(ls, ",") {
			if i := slices.Index(d.langs, l); i >= 0 {
				words[w] |= 1 << i
			}
		}
	}
	d.words = newWordTable(words)
	if len(ls) == 1 {
		return d, nil // one language: nothing to detect
	}
	d.lingua = lingua.NewLanguageDetectorBuilder().FromLanguages(ls...).WithLowAccuracyMode().Build()
	return d, nil
}

// Languages returns the configured languages.
func (d *Detector) Languages() []string { return slices.Clone(d.langs) }

// Detect returns text's language and whether it is confident. A hint naming a
// configured language ("de", "pt-BR") wins. Otherwise a clear lead in the
// word score answers; lingua decides what stays unsure if the text has at
// least MinLinguaBytes. An unsure answer is the best guess, or "" when there
// is none; callers should prefer their conversation's last confident
// language to it.
func (d *Detector) Detect(text []byte, hint string) (lang string, confident bool) {
	if l := d.fromHint(hint); l != "" {
		return l, true
	}
	if len(d.langs) == 1 {
		return d.langs[0], true
	}
	best, second, bi := d.score(text)
	if best >= 2 && best >= 2*second+1 || best >= 1 && second == 0 && len(text) < MinLinguaBytes {
		return d.langs[bi], best >= 2
	}
	if len(text) >= MinLinguaBytes {
		if l, ok := d.lingua.DetectLanguageOf(string(text)); ok {
			return strings.ToLower(l.IsoCode639_1().String()), true
		}
	}
	if best > second {
		return d.langs[bi], false
	}
	return "", false
}

// DetectIn is Detect for a turn of a conversation whose last confident
// language was prior ("" for none yet). It keeps lingua for a conversation's
// first unsure turns: once the conversation has a language, a turn keeps it
// unless the hint or a clear lead in the word score says otherwise (people
// switch languages mid-conversation, and then they write whole sentences).
func (d *Detector) DetectIn(text []byte, hint, prior string) (lang string, confident bool) {
	if prior == "" {
		return d.Detect(text, hint)
	}
	if l := d.fromHint(hint); l != "" {
		return l, true
	}
	if best, second, bi := d.score(text); best >= 2 && best >= 2*second+1 {
		return d.langs[bi], true
	}
	return prior, false
}

// fromHint returns the configured language a hint names, or "".
func (d *Detector) fromHint(hint string) string {
	if len(hint) < 2 {
		return ""
	}
	if i := strings.IndexAny(hint, "-_"); i >= 0 {
		hint = hint[:i]
	}
	for _, l := range d.langs {
		if strings.EqualFold(l, hint) {
			return l
		}
	}
	return ""
}

// score counts, per language, the text's function words and telltale
// letters in one pass, and returns the best and second-best scores and the
// best language's index. Only prose counts: a token holding digits or
// symbols (an address, a URL, a key, an id) is skipped, whatever words it
// contains. It does not allocate.
func (d *Detector) score(text []byte) (best, second, bi int) {
	var sc [8]int
	for i := 0; i < len(text); {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		s := i
		for i < len(text) && !isSpace(text[i]) {
			i++
		}
		if s < i && text[s] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRune(text[s:i]); r == '¿' || r == '¡' {
				d.letter(&sc, r) // trimmed below, but Spanish's own
			}
		}
		if tok := trimPunct(text[s:i]); isProse(tok) {
			d.scoreWords(&sc, tok)
		}
	}
	for i := range d.langs {
		switch {
		case sc[i] > best:
			second, best, bi = best, sc[i], i
		case sc[i] > second:
			second = sc[i]
		}
	}
	return best, second, bi
}

// scoreWords adds the evidence of one prose token: its words (split at
// apostrophes and hyphens, "l'app", "peux-tu") and non-ASCII letters.
func (d *Detector) scoreWords(sc *[8]int, tok []byte) {
	var buf [16]byte
	n, long := 0, false
	flush := func() {
		if n > 0 && !long {
			// A word of one language counts 2, of two languages 1 each;
			// words most languages share say nothing.
			if m := d.words.get(&buf, n); m != 0 && bits.OnesCount8(m) <= 2 {
				w := 3 - bits.OnesCount8(m)
				for i := range d.langs {
					if m&(1<<i) != 0 {
						sc[i] += w
					}
				}
			}
		}
		n, long = 0, false
	}
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
				fallthrough
			case c >= 'a' && c <= 'z', c == '\'':
				if n < len(buf) {
					buf[n] = c
					n++
				} else {
					long = true
				}
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRune(tok[i:])
		if n+size <= len(buf) {
			n += copy(buf[n:], tok[i:i+size])
		} else {
			long = true
		}
		i += size
		d.letter(sc, r)
	}
	flush()
}

// wordTable maps a word of at most wordMax bytes to its languages. It is an
// open-addressing table over the word packed into two integers: the score
// looks up every word of every message, and a string map's hashing and
// comparing cost more than all the rest of the score.
type wordTable struct {
	slots []wordSlot
	mask  uint64
}

// wordSlot is one word of a wordTable; n == 0 marks a free slot.
type wordSlot struct {
	lo, hi   uint64
	n, langs uint8
}

// wordMax is the longest word the score looks up (its buffer's size).
const wordMax = 16

// newWordTable builds the table of words; longer words than wordMax are
// left out, as the score never looks them up.
func newWordTable(words map[string]uint8) wordTable {
	size := 1
	for size < 4*len(words) {
		size *= 2
	}
	t := wordTable{slots: make([]wordSlot, size), mask: uint64(size - 1)}
	for w, langs := range words {
		if len(w) == 0 || len(w) > wordMax {
			continue
		}
		var buf [wordMax]byte
		n := copy(buf[:], w)
		lo, hi := packWord(&buf, n)
		for i := wordHash(lo, hi, n) & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i].n == 0 {
				t.slots[i] = wordSlot{lo: lo, hi: hi, n: uint8(n), langs: langs}
				break
			}
		}
	}
	return t
}

// get returns the languages of the word buf[:n], 0 for none.
func (t *wordTable) get(buf *[wordMax]byte, n int) uint8 {
	lo, hi := packWord(buf, n)
	for i := wordHash(lo, hi, n) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.n == 0 {
			return 0
		}
		if s.lo == lo && s.hi == hi && int(s.n) == n {
			return s.langs
		}
	}
}

// packWord returns buf[:n] as two little-endian integers, zero past n.
func packWord(buf *[wordMax]byte, n int) (lo, hi uint64) {
	lo = binary.LittleEndian.Uint64(buf[:8])
	hi = binary.LittleEndian.Uint64(buf[8:])
	switch {
	case n < 8:
		lo &= 1<<(8*uint(n)) - 1
		hi = 0
	case n < 16:
		hi &= 1<<(8*uint(n-8)) - 1
	}
	return lo, hi
}

// wordHash mixes a packed word into a table index.
func wordHash(lo, hi uint64, n int) uint64 {
	h := (lo+uint64(n))*0x9e3779b97f4a7c15 ^ hi*0xc2b2ae3d27d4eb4f
	return h ^ h>>31
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// trimPunct strips the punctuation around a word: quotes, brackets,
// sentence marks, Spanish ¿ and ¡.
func trimPunct(t []byte) []byte {
	const marks = "…¿¡«»“”"
	for len(t) > 0 {
		if c := t[0]; c < utf8.RuneSelf {
			if !isASCIIMark(c) {
				break
			}
			t = t[1:]
			continue
		}
		r, size := utf8.DecodeRune(t)
		if !strings.ContainsRune(marks, r) {
			break
		}
		t = t[size:]
	}
	for len(t) > 0 {
		if c := t[len(t)-1]; c < utf8.RuneSelf {
			if !isASCIIMark(c) {
				break
			}
			t = t[:len(t)-1]
			continue
		}
		r, size := utf8.DecodeLastRune(t)
		if !strings.ContainsRune(marks, r) {
			break
		}
		t = t[:len(t)-size]
	}
	return t
}

// isASCIIMark reports whether c is an ASCII punctuation mark trimPunct
// strips.
func isASCIIMark(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '*':
		return true
	}
	return false
}

// isProse reports whether t is made of letters, apostrophes and hyphens only.
func isProse(t []byte) bool {
	for _, c := range t {
		if c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '-') {
			return false
		}
	}
	return len(t) > 0
}

// letter adds the evidence of a non-ASCII letter.
func (d *Detector) letter(sc *[8]int, r rune) {
	var langs string
	switch r {
	case 'ñ', 'Ñ', '¿', '¡':
		langs = "es"
	case 'ß', 'ä', 'Ä':
		langs = "de"
	case 'ö', 'Ö', 'ü', 'Ü':
		langs = "de nl"
	case 'ã', 'õ', 'Ã', 'Õ':
		langs = "pt"
	case 'ç':
		langs = "fr pt"
	case 'è', 'ù', 'ê', 'î', 'û', 'ë', 'ï', 'œ':
		langs = "fr"
	case 'ò', 'ì':
		langs = "it"
	case 'â', 'ô':
		langs = "fr pt"
	default:
		return
	}
	for i, l := range d.langs {
		if strings.Contains(langs, l) {
			sc[i]++
		}
	}
}

// functionWords are frequent words that mark a language, chosen so that
// few are shared between the configured languages.
var functionWords = map[string]string{
	"en": "the and is are was were you your i'm it's that this with have has for not what when where " +
		"would could should there their they we our my me can will just please thanks thank hi hello " +
		"yes yeah no don't can't i've i'll from about which how who been being of to in on at",
	"es": "el los las una es está están por para pero con como qué que muy también gracias hola sí " +
		"soy estoy tengo mi mis tu yo nosotros usted ustedes del al hay fue ser puede quiero necesito " +
		"cuando dónde donde porque buenos buenas días se lo le su sus",
	"fr": "le les des est et je tu il elle nous vous ils sont être avec pour pas mais que qui " +
		"une dans sur ce cette mon ma mes ton votre bonjour merci oui non c'est j'ai suis très au aux " +
		"du je suis ne plus bien comment où",
	"de": "der die das und ist ich du sie wir ihr nicht mit für auf ein eine einen dem den des zu " +
		"auch bitte danke hallo ja nein mein meine sind haben habe wie was wo wann kann können " +
		"noch aber oder wenn bei von vom zum zur im heute",
	"it": "il lo gli della delle di che è sono non per con una uno mi ti ci si grazie ciao buongiorno " +
		"anche molto come dove quando perché ho hai ha abbiamo questo questa nel nella sul alla alle " +
		"io voi loro mio mia vorrei posso",
	"pt": "o os as um uma é está são não com para por mas que muito também obrigado obrigada olá " +
		"sim eu você vocês meu minha tenho do da dos das no na nos em foi ser pode quero preciso " +
		"quando onde porque bom dia isso isto",
	"nl": "de het een en is zijn ik je jij u wij we niet met voor op van dat die dit ook maar of " +
		"hoe wat waar wanneer kan kunnen heb hebben mijn graag bedankt dank hallo hoi ja nee er naar " +
		"bij uit nog wel geen",
}
