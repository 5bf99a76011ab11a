// Package langid tells which of the configured languages a message is in.
//
// A Detector answers in three steps, cheapest first: the event's own hint,
// when it names a configured language; a one-pass score of the text's most
// frequent function words and telltale letters (ñ, ß, ã …), when one
// language leads; and only then lingua-go in low-accuracy mode, for ties
// and texts without function words long enough to judge (lingua costs 100
// to 200 µs and hundreds of allocations a message, far more than every
// detector together). An unsure answer says so, so the caller can keep a
// conversation's last confident language instead: the pipeline caches it
// per conversation, and a turn then only has to confirm it, which the score
// usually does within its first few words.
//
// The package imports lingua-go only, so the pipeline and the bench harness
// use it without the detectors.
package langid

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
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

// maxScanBytes bounds the text the word score reads, about 300 words: a
// pasted document or log costs no more than a long message.
const maxScanBytes = 2048

// maxLinguaBytes bounds the text handed to lingua, whose cost grows with
// it; a few sentences are as good as a page.
const maxLinguaBytes = 512

// linguaText returns text, or its first maxLinguaBytes cut after a space
// (or, without one, at a rune boundary), as a string for lingua.
func linguaText(text []byte) string {
	if len(text) <= maxLinguaBytes {
		return string(text)
	}
	cut := maxLinguaBytes
	if sp := bytes.LastIndexByte(text[:cut], ' '); sp > 0 {
		cut = sp
	} else {
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return string(text[:cut])
}

// Detector detects languages among a fixed set. It is safe for concurrent use.
type Detector struct {
	langs   []string
	words   wordTable                // function word -> bit set of languages (index into langs)
	letters [len(letterGroups)]uint8 // letter group -> bit set of languages
	// lingua[m] detects among the languages of bit set m, built on first
	// use for an m of two languages or more: a tie of the word score is
	// decided among the tied languages only, which is cheaper and more often
	// right.
	lingua  []linguaOnce
	linguas []lingua.Language // by index into langs
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
	var ls []lingua.Language
	for _, code := range d.langs {
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(code)))
		if l == lingua.Unknown {
			return nil, fmt.Errorf("langid: language %q: not an ISO 639-1 code lingua knows", code)
		}
		ls = append(ls, l)
	}
	d.words = newWordTable(wordLangs(d.langs))
	for g, codes := range letterGroups {
		for l := range strings.FieldsSeq(codes) {
			if i := slices.Index(d.langs, l); i >= 0 {
				d.letters[g] |= 1 << i
			}
		}
	}
	if len(ls) == 1 {
		return d, nil // one language: nothing to detect
	}
	d.linguas, d.lingua = ls, make([]linguaOnce, 1<<len(ls))
	return d, nil
}

// wordLangs maps each function word and stop word of langs to the bit set of
// the languages it belongs to, bit i for langs[i].
func wordLangs(langs []string) map[string]uint8 {
	words := map[string]uint8{}
	for i, code := range langs {
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
			if i := slices.Index(langs, l); i >= 0 {
				words[w] |= 1 << i
			}
		}
	}
	return words
}

// linguaOnce is a lingua detector built on first use.
type linguaOnce struct {
	once sync.Once
	det  lingua.LanguageDetector
}

// linguaFor returns the lingua detector for the languages of bit set m,
// which has two or more.
func (d *Detector) linguaFor(m int) lingua.LanguageDetector {
	once := &d.lingua[m]
	once.once.Do(func() {
		var sub []lingua.Language
		for i, l := range d.linguas {
			if m&(1<<i) != 0 {
				sub = append(sub, l)
			}
		}
		once.det = lingua.NewLanguageDetectorBuilder().FromLanguages(sub...).WithLowAccuracyMode().Build()
	})
	return once.det
}

// Languages returns the configured languages.
func (d *Detector) Languages() []string { return slices.Clone(d.langs) }

// Detect returns text's language and whether it is confident. A hint naming a
// configured language ("de", "pt-BR") wins. Otherwise a clear lead in the
// word score answers (the score stops reading once a language has three
// words of its own and leads twice over), and so does any lead on a text
// of at least MinLinguaBytes: there lingua, a hundred times dearer, is
// right no more often (for about 95% of such messages, as the score).
// Lingua decides what is left, ties and texts without function words, if
// the text has at least MinLinguaBytes. An unsure answer is the best guess,
// or "" when there is none; callers should prefer their conversation's last
// confident language to it.
func (d *Detector) Detect(text []byte, hint string) (lang string, confident bool) {
	if l := d.fromHint(hint); l != "" {
		return l, true
	}
	if len(d.langs) == 1 {
		return d.langs[0], true
	}
	var sc scores
	d.scan(&sc, text, anyLanguage)
	best, second, bi := sc.top(len(d.langs))
	if clearLead(best, second) || best >= 1 && second == 0 && len(text) < MinLinguaBytes {
		return d.langs[bi], best >= 2
	}
	if best >= 2 && best > second && len(text) >= MinLinguaBytes {
		return d.langs[bi], true
	}
	if len(text) >= MinLinguaBytes {
		if l, ok := d.linguaFor(sc.tied(len(d.langs), best)).DetectLanguageOf(linguaText(text)); ok {
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
// The score stops reading a turn once prior has three words of its own and
// leads twice over: a turn that switches starts in its new language.
func (d *Detector) DetectIn(text []byte, hint, prior string) (lang string, confident bool) {
	if prior == "" {
		return d.Detect(text, hint)
	}
	if l := d.fromHint(hint); l != "" {
		return l, true
	}
	var sc scores
	d.scan(&sc, text, slices.Index(d.langs, prior))
	if best, second, bi := sc.top(len(d.langs)); clearLead(best, second) {
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

// scores is a text's evidence per language (index into Detector.langs).
type scores [8]int32

// top returns the best and second-best of the first n scores and the best
// one's index.
func (sc *scores) top(n int) (best, second int32, bi int) {
	for i, v := range sc[:n] {
		switch {
		case v > best:
			second, best, bi = best, v, i
		case v > second:
			second = v
		}
	}
	return best, second, bi
}

// tied returns the bit set of the languages among the first n that score
// best, or of all n when best is 0 (no evidence) or only one scores best.
func (sc *scores) tied(n int, best int32) int {
	m := 0
	for i, v := range sc[:n] {
		if v == best {
			m |= 1 << i
		}
	}
	if best == 0 || bits.OnesCount(uint(m)) < 2 {
		return 1<<n - 1
	}
	return m
}

// clearLead reports whether best leads second clearly enough to answer
// without lingua: at least one word of its own, and twice the runner-up.
func clearLead(best, second int32) bool { return best >= 2 && best >= 2*second+1 }

// confirmScore is the evidence after which a conversation's language,
// leading clearly, is taken as the turn's without reading further: three
// words of its own (or six it shares with one other language) and twice any
// other language's. A turn that switches language starts in its new
// language, so it never gets there.
const confirmScore = 6

// anyLanguage tells scan to stop once any language is confirmed.
const anyLanguage = -2

// scan adds the evidence of text's prose tokens to sc, in one pass over
// text. Only prose counts: a token holding digits or symbols (an address, a
// URL, a key, an id) is skipped, whatever words it contains; quotes,
// brackets and sentence marks around a token are not part of it. With
// prior >= 0, scan stops as soon as that language has confirmScore and
// leads clearly: the rest of the turn cannot change the answer of DetectIn
// unless it switches language within the message; with anyLanguage, as
// soon as any language does. It reads the tokens that start in the first
// maxScanBytes, and returns the number of bytes read.
func (d *Detector) scan(sc *scores, text []byte, prior int) int {
	n := len(d.langs)
	i := 0
	for i < len(text) && i < maxScanBytes {
		// Spaces and the marks before a token; ¿ and ¡ are Spanish's own.
		var delta uint64
	lead:
		for i < len(text) {
			switch byteClass[text[i]] {
			case cSpace, cMark, cApos:
				i++
				continue
			case cHigh:
				if r, size := utf8.DecodeRune(text[i:]); isHighMark(r) {
					delta += spread(d.letters[letterGroup(r)], 1)
					i += size
					continue
				}
			}
			break lead
		}
		if i >= maxScanBytes {
			break
		}
		// Its words, split at hyphens ("peux-tu"), then its trailing marks.
		// A leading hyphen makes a command-line flag ("-u root"), not prose.
		var words uint64
		items, prose := 0, i >= len(text) || text[i] != '-'
		ws, head := i, -1 // head: the end of an elided head ("l'"), -1 for none
	word:
		for i < len(text) {
			// ASCII letters, most of a word, in a loop of their own.
			for i < len(text) && byteClass[text[i]] == cLetter {
				i++
			}
			if i == len(text) {
				break
			}
			switch byteClass[text[i]] {
			case cApos:
				if head < 0 {
					head = i + 1
				}
				i++
			case cHyphen:
				if items < maxEvidence {
					words += d.wordAt(text, ws, i, head)
					items++
				}
				i++
				ws, head = i, -1
			case cHigh:
				r, size := utf8.DecodeRune(text[i:])
				if r == '’' { // the apostrophe of phone keyboards
					if head < 0 {
						head = i + size
					}
					i += size
					continue
				}
				if isHighMark(r) {
					break word
				}
				if m := d.letters[letterGroup(r)]; m != 0 && items < maxEvidence {
					words += spread(m, 1)
					items++
				}
				i += size
			case cSpace, cMark:
				break word
			default:
				prose = false
				break word
			}
		}
		we := i
		for we > ws {
			if text[we-1] == '\'' {
				we--
			} else if text[we-1] == 0x99 && we-ws >= len("’") && string(text[we-len("’"):we]) == "’" {
				we -= len("’")
			} else {
				break
			}
		}
		if head > we {
			head = -1
		}
		words += d.wordAt(text, ws, we, head)
	trail:
		for prose && i < len(text) {
			switch byteClass[text[i]] {
			case cSpace:
				break trail
			case cMark, cApos:
				i++
			case cHigh:
				r, size := utf8.DecodeRune(text[i:])
				if !isHighMark(r) {
					prose = false
				}
				i += size
			default:
				prose = false
			}
		}
		if !prose {
			for i < len(text) && byteClass[text[i]] != cSpace {
				i++
			}
			words = 0
		}
		if delta += words; delta == 0 {
			continue
		}
		for l := range n {
			sc[l] += int32(delta >> (8 * l) & 0xff)
		}
		if prior == anyLanguage {
			if best, second, _ := sc.top(n); best >= confirmScore && best >= 2*second+1 {
				return i
			}
		} else if prior >= 0 && sc[prior] >= confirmScore {
			var other int32
			for l, v := range sc[:n] {
				if l != prior {
					other = max(other, v)
				}
			}
			if sc[prior] >= 2*other+1 {
				return i
			}
		}
	}
	return i
}

// maxEvidence bounds the evidence items of one token, so that its packed
// scores (8 bits a language, at most 2 an item) cannot overflow.
const maxEvidence = 100

// Byte classes of the scan.
const (
	cOther  = iota // a digit or symbol: the token is not prose
	cLetter        // A-Z, a-z
	cApos          // an apostrophe: inside a word ("don't", "l'app"), else trimmed
	cHyphen        // splits a token into words
	cMark          // a quote, bracket or sentence mark, trimmed around a token
	cSpace         // separates tokens
	cHigh          // a byte of a non-ASCII rune: counts as a letter
)

// byteClass is the class of each byte; nothing writes it after package
// initialization.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = cHigh
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = cLetter
		case c == '\'':
			t[c] = cApos
		case c == '-':
			t[c] = cHyphen
		case strings.IndexByte(`.,;:!?"()[]{}*`, byte(c)) >= 0:
			t[c] = cMark
		case c == ' ', c == '\t', c == '\n', c == '\r':
			t[c] = cSpace
		}
	}
	return t
}()

// isHighMark reports whether r is a non-ASCII mark trimmed around a token.
func isHighMark(r rune) bool {
	switch r {
	case '…', '¿', '¡', '«', '»', '“', '”', '‘', '’':
		return true
	}
	return false
}

// wordAt returns the packed scores of the word text[s:e]: the whole word's
// when the table has it ("c'est", "don't"), else, for a word whose first
// apostrophe ends at head (-1 for none), those of its elided head and the
// rest ("l'" + "app", "all'" + "avvio").
func (d *Detector) wordAt(text []byte, s, e, head int) uint64 {
	if e <= s {
		return 0
	}
	if e-s <= wordMax {
		if ev, ok := d.words.evidence(load(text, s, e)); ok || head < 0 {
			return ev
		}
	}
	if head < 0 {
		return 0
	}
	var ev uint64
	if head-s <= wordMax {
		ev, _ = d.words.evidence(load(text, s, head))
	}
	if n := e - head; n > 0 && n <= wordMax {
		r, _ := d.words.evidence(load(text, head, e))
		ev += r
	}
	return ev
}

// load returns text[s:e], at most wordMax bytes, as two little-endian
// integers, zero past e, with ASCII letters folded to lower case (setting
// bit 5 of each ASCII byte folds A-Z and keeps a-z and the apostrophe).
func load(text []byte, s, e int) (lo, hi uint64) {
	var buf [wordMax]byte
	b := text[s:]
	if len(b) < wordMax {
		copy(buf[:], b)
		b = buf[:]
	}
	const high = 0x8080808080808080
	lo = binary.LittleEndian.Uint64(b[:8])
	hi = binary.LittleEndian.Uint64(b[8:16])
	lo |= ^lo & high >> 2
	hi |= ^hi & high >> 2
	switch n := e - s; {
	case n < 8:
		return lo & (1<<(8*n) - 1), 0
	case n < wordMax:
		return lo, hi & (1<<(8*(n-8)) - 1)
	}
	return lo, hi
}

// spread packs weight w for each language of mask m, 8 bits a language.
func spread(m uint8, w uint64) uint64 {
	var p uint64
	for ; m != 0; m &= m - 1 {
		p += w << (8 * bits.TrailingZeros8(m))
	}
	return p
}

// wordTable maps a word of at most wordMax bytes to its languages. It is an
// open-addressing table of 32-bit slots: 24 bits of the word's 64-bit hash
// (slotTag) above a byte of the word's languages. The score looks up every
// word of every message; a string map's hashing and comparing cost more
// than all the rest of the score, and the small slots keep the table in
// cache (32 KB for the default languages: in the full engine, between
// messages, the detectors' tables push a larger one out, and a probe
// became a cache miss). Two words whose hashes agree on the slot index and
// the tag (37 bits for the default languages) and pass the filter are taken
// for one another; among the words of real messages this does not happen.
//
// A bit filter of 8 KB stands in front of the slots: two bits of the hash
// each word sets. Most words of a message that are no function word then
// cost two loads from the filter and no probe.
type wordTable struct {
	slots  []uint32
	mask   uint64
	filter *[filterWords]uint64
}

// filterWords is the size of a wordTable's filter in 64-bit words; the
// filter's bits are indexed by filterBits-bit halves of the hash's top.
const (
	filterBits  = 16
	filterWords = 1 << filterBits / 64
)

// filterPos returns the filter bits of hash h: two filterBits-bit fields of
// the hash's top, apart from the slot index (bits 8 and up).
func filterPos(h uint64) (a, b uint64) {
	return h >> (64 - filterBits), h >> (64 - 2*filterBits) & (1<<filterBits - 1)
}

// slotTag returns the slot of hash h without its languages: the hash's top
// 24 bits, above the slot index, in the slot's upper bits; never 0 (a free
// slot).
func slotTag(h uint64) uint32 {
	if t := uint32(h>>40) << 8; t != 0 {
		return t
	}
	return 1 << 8
}

// wordMax is the longest word the score looks up.
const wordMax = 16

// newWordTable builds the table of words, each word with an apostrophe
// also with the typographic one (’); longer words than wordMax are left
// out, as the score never looks them up.
func newWordTable(words map[string]uint8) wordTable {
	size := 1
	for 2*size < 3*len(words) { // at most two thirds full: the filter stops most misses
		size *= 2
	}
	t := wordTable{slots: make([]uint32, size), mask: uint64(size - 1), filter: new([filterWords]uint64)}
	for w, langs := range words {
		t.put(w, langs)
		if strings.Contains(w, "'") {
			t.put(strings.ReplaceAll(w, "'", "’"), langs)
		}
	}
	return t
}

// put adds word w of languages langs, unless it is empty or longer than
// wordMax.
func (t *wordTable) put(w string, langs uint8) {
	if len(w) == 0 || len(w) > wordMax {
		return
	}
	h := wordHash(load([]byte(w), 0, len(w)))
	a, b := filterPos(h)
	t.filter[a/64] |= 1 << (a % 64)
	t.filter[b/64] |= 1 << (b % 64)
	for i := h >> 8 & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = slotTag(h) | uint32(langs)
			return
		}
	}
}

// get returns the languages of the packed word lo, hi; 0 for none.
func (t *wordTable) get(lo, hi uint64) uint8 {
	h := wordHash(lo, hi)
	if a, b := filterPos(h); t.filter[a/64]&(1<<(a%64)) == 0 || t.filter[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	tag := slotTag(h)
	for i := h >> 8 & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if s&^0xff == tag {
			return uint8(s)
		}
	}
}

// evidence returns the packed scores of the word lo, hi, and whether the
// table has it: a word of one language counts 2, of two languages 1 each;
// words most languages share say nothing.
func (t *wordTable) evidence(lo, hi uint64) (uint64, bool) {
	m := t.get(lo, hi)
	if c := bits.OnesCount8(m); c != 0 && c <= 2 {
		return spread(m, uint64(3-c)), true
	}
	return 0, m != 0
}

// wordHash mixes a packed word into 64 bits. Words hold no zero bytes, so
// the zero padding of lo and hi tells their lengths apart.
func wordHash(lo, hi uint64) uint64 {
	h1, l1 := bits.Mul64(lo^0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f)
	h2, l2 := bits.Mul64(h1^l1^hi, 0xff51afd7ed558ccd)
	return h2 ^ l2
}

// letterGroups are the languages of each group of telltale letters, by
// letterGroup's index; group 0 is every other rune.
var letterGroups = [...]string{"", "es", "de", "de nl", "pt", "fr pt", "fr", "it", "fr it", "es pt", "fr it pt"}

// letterGroup returns the group of a non-ASCII rune in letterGroups.
func letterGroup(r rune) int {
	switch r {
	case 'ñ', 'Ñ', '¿', '¡':
		return 1
	case 'ß', 'ä', 'Ä':
		return 2
	case 'ö', 'Ö', 'ü', 'Ü':
		return 3
	case 'ã', 'õ', 'Ã', 'Õ':
		return 4
	case 'ç', 'â', 'ê', 'ô':
		return 5
	case 'î', 'û', 'ë', 'ï', 'œ':
		return 6
	case 'ò', 'ì':
		return 7
	case 'è', 'ù':
		return 8
	case 'á', 'í', 'ó', 'ú':
		return 9
	case 'à':
		return 10
	}
	return 0
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
		"du je suis ne plus bien comment où l' d' j' qu' n' s' c' m' t' jusqu' lorsqu' puisqu'",
	"de": "der die das und ist ich du sie wir ihr nicht mit für auf ein eine einen dem den des zu " +
		"auch bitte danke hallo ja nein mein meine sind haben habe wie was wo wann kann können " +
		"noch aber oder wenn bei von vom zum zur im heute",
	"it": "il lo gli della delle di che è sono non per con una uno mi ti ci si grazie ciao buongiorno " +
		"anche molto come dove quando perché ho hai ha abbiamo questo questa nel nella sul alla alle " +
		"io voi loro mio mia vorrei posso l' un' all' dell' nell' dall' sull' dov' c' quest' quell' po'",
	"pt": "o os as um uma é está são não com para por mas que muito também obrigado obrigada olá " +
		"sim eu você vocês meu minha tenho do da dos das no na nos em foi ser pode quero preciso " +
		"quando onde porque bom dia isso isto",
	"nl": "de het een en is zijn ik je jij u wij we niet met voor op van dat die dit ook maar of " +
		"hoe wat waar wanneer kan kunnen heb hebben mijn graag bedankt dank hallo hoi ja nee er naar " +
		"bij uit nog wel geen",
}
