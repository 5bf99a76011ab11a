package detectors

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // lexicon.tsv.gz
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// lexiconGz is the name and place lexicon built by dict/gen/gen.sh: sorted
// "key<TAB>codes" lines, gzipped (see dict/README.md and NOTICE).
//
//go:embed dict/lexicon.tsv.gz
var lexiconGz []byte

// namesExtra supplements lexiconGz with given names of the seven languages'
// countries that its US-centred sources miss ("Horst", "Begoña", "João"):
// "key<TAB>codes" lines, # comments.
//
//go:embed dict/names_extra.tsv
var namesExtra []byte

// Entry holds what the lexicon knows about one case-folded word or phrase.
type Entry uint32

// Entry flags. Word and stop flags are per language, shifted by langIndex.
const (
	EntryFirst     Entry = 1 << iota // a given name
	EntryLast                        // a surname
	EntryPopular                     // a given name borne by 100,000+ people (US SSA)
	EntryCity                        // a city or town
	EntryRegion                      // a region, state or province
	EntryCountry                     // a country
	EntryAmbiguous                   // a given name that is an everyday word ("may", "will")
	EntryBrand                       // a brand that is also a name or place ("mercedes")

	entryWordShift = 8  // bit 8+i: a common lower-case word in language i
	entryStopShift = 16 // bit 16+i: a stop word in language i

	// EntryPlace is any place flag.
	EntryPlace = EntryCity | EntryRegion | EntryCountry
	// EntryName is any name flag.
	EntryName = EntryFirst | EntryLast

	entryWordAny Entry = 0x7f << entryWordShift
	entryStopAny Entry = 0x7f << entryStopShift
)

// lexLangs are the languages whose word and stop flags the lexicon carries,
// in bit order.
var lexLangs = [...]string{"en", "es", "fr", "de", "it", "pt", "nl"}

// langIndex returns lang's bit index in Entry word and stop flags, or -1.
func langIndex(lang string) int {
	for i, l := range lexLangs {
		if l == lang {
			return i
		}
	}
	return -1
}

// Word reports whether e is a common word in lang, or in any language when
// lang is not one the lexicon knows.
func (e Entry) Word(lang string) bool {
	if i := langIndex(lang); i >= 0 {
		// English words are everywhere in chat, whatever the language.
		return e&(1<<(entryWordShift+i)|1<<entryWordShift) != 0
	}
	return e&entryWordAny != 0
}

// wordIn reports whether e is a common word in lang itself, English aside.
func (e Entry) wordIn(lang string) bool {
	i := langIndex(lang)
	return i >= 0 && e&(1<<(entryWordShift+i)) != 0
}

// Stop reports whether e is a stop word in lang, or in any language when lang
// is not one the lexicon knows.
func (e Entry) Stop(lang string) bool {
	if i := langIndex(lang); i >= 0 {
		return e&(1<<(entryStopShift+i)|1<<entryStopShift) != 0
	}
	return e&entryStopAny != 0
}

// StopAny reports whether e is a stop word in any language.
func (e Entry) StopAny() bool { return e&entryStopAny != 0 }

// Lexicon maps case-folded, diacritic-free words and phrases ("anna",
// "new york", "koln") to their Entry. It is immutable after LoadLexicon and
// safe for concurrent use.
type Lexicon struct {
	slots []lexSlot // open addressing on the key's hash; k == 0 marks a free slot
	mask  uint64
	zero  Entry // the entry of a key whose hash is 0
	n     int
	// first has the firstBit of every given name's key: a word whose bit is
	// clear is no given name, known without hashing it or probing slots
	// (most capitalized words and lower-case words are not names).
	first *[firstBits / 64]uint64
	// placeStart has the firstBit of the first word of every place's key,
	// and of every key of several words as a whole: most words after a
	// preposition start no place, and most pairs of words after the first
	// are none, known without probing the table, which misses the cache.
	placeStart *[firstBits / 64]uint64
}

// firstBits is the size of Lexicon.first, about 20 bits per given name.
const firstBits = 1 << 18

// firstBit returns a folded key's bit in Lexicon.first and placeStart: the
// top bits of a short hash of all its bytes. (Its length and a few bytes
// alone let one word in ten through: "Thanks" shares them with names.)
func firstBit(k []byte) uint32 {
	return uint32(wordHash(k) >> (64 - 18))
}

// mayBeFirst reports whether the folded key k may be a given name; false
// means it is none.
func (lx *Lexicon) mayBeFirst(k []byte) bool {
	b := firstBit(k)
	return lx.first[b/64]&(1<<(b%64)) != 0
}

// mayStartPlace reports whether the folded word k may be the first word of
// a place, and whether the folded words k, two or more, may be a place;
// false means they are none. A Lexicon that LoadLexicon did not build has
// no filter.
func (lx *Lexicon) mayStartPlace(k []byte) bool {
	if lx.placeStart == nil {
		return true
	}
	b := firstBit(k)
	return lx.placeStart[b/64]&(1<<(b%64)) != 0
}

// lexSlot is one key of a Lexicon: its hash and entry side by side, so that a
// lookup, which misses the cache on a table this size, misses it once.
type lexSlot struct {
	k uint64
	e Entry
}

// maxFold is the longest folded key looked up, in bytes; longer words are
// never names or places.
const maxFold = 64

// LoadLexicon decodes the embedded lexicon (about 60,000 entries; tens of
// milliseconds). Call it once per engine build and share the result.
func LoadLexicon() (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
	if err != nil {
		return nil, fmt.Errorf("lexicon: open: %w", err)
	}
	m := make(map[uint64]Entry, 90000)
	first, places := new([firstBits / 64]uint64), new([firstBits / 64]uint64)
	if err := addEntries(m, first, places, zr, "lexicon"); err != nil {
		return nil, err
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("lexicon: empty")
	}
	if err := addEntries(m, first, places, bytes.NewReader(namesExtra), "names_extra"); err != nil {
		return nil, err
	}
	lx := newLexicon(m)
	lx.first, lx.placeStart = first, places
	return lx, nil
}

// addEntries adds the "key<TAB>codes" lines of r to m, keyed by the folded
// key's hash, and sets the first bits of given names and of the first words
// of places. Lines starting with # are comments.
func addEntries(m map[uint64]Entry, first, places *[firstBits / 64]uint64, r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	var buf [maxFold]byte
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 || sc.Bytes()[0] == '#' {
			continue
		}
		key, codes, ok := bytes.Cut(sc.Bytes(), []byte{'\t'})
		if !ok {
			return fmt.Errorf("%s: line %d: no tab", name, line)
		}
		var e Entry
		for _, c := range bytes.Fields(codes) {
			f, err := parseCode(c)
			if err != nil {
				return fmt.Errorf("%s: line %d: %w", name, line, err)
			}
			e |= f
		}
		k, ok := foldAppend(buf[:0], key)
		if !ok {
			continue // longer than any word looked up
		}
		m[xxhash.Sum64(k)] |= e
		if e&EntryFirst != 0 {
			b := firstBit(k)
			first[b/64] |= 1 << (b % 64)
		}
		if e&EntryPlace != 0 {
			w := k
			if i := bytes.IndexByte(w, ' '); i >= 0 {
				w = w[:i] // "new york" starts with "new"
				b := firstBit(k)
				places[b/64] |= 1 << (b % 64)
			}
			b := firstBit(w)
			places[b/64] |= 1 << (b % 64)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: read: %w", name, err)
	}
	return nil
}

// newLexicon lays the entries by key hash out in a table at most half full.
func newLexicon(m map[uint64]Entry) *Lexicon {
	size := 1
	for size < 2*len(m) {
		size *= 2
	}
	lx := &Lexicon{slots: make([]lexSlot, size), mask: uint64(size - 1), n: len(m)}
	for h, e := range m {
		if h == 0 {
			lx.zero = e
			continue
		}
		i := h & lx.mask
		for lx.slots[i].k != 0 {
			i = (i + 1) & lx.mask
		}
		lx.slots[i] = lexSlot{k: h, e: e}
	}
	return lx
}

// get returns the entry of the key whose hash is h, or zero.
func (lx *Lexicon) get(h uint64) Entry {
	if h == 0 {
		return lx.zero
	}
	for i := h & lx.mask; ; i = (i + 1) & lx.mask {
		s := &lx.slots[i]
		if s.k == h {
			return s.e
		}
		if s.k == 0 {
			return 0
		}
	}
}

// mustLexicon loads the embedded lexicon; a failure is a build defect.
func mustLexicon() *Lexicon {
	lx, err := LoadLexicon()
	if err != nil {
		panic("BUG: embedded " + err.Error())
	}
	return lx
}

func parseCode(c []byte) (Entry, error) {
	if len(c) == 1 {
		switch c[0] {
		case 'F':
			return EntryFirst, nil
		case 'L':
			return EntryLast, nil
		case 'P':
			return EntryPopular, nil
		case 'C':
			return EntryCity, nil
		case 'R':
			return EntryRegion, nil
		case 'N':
			return EntryCountry, nil
		case 'a':
			return EntryAmbiguous, nil
		case 'b':
			return EntryBrand, nil
		}
	}
	if len(c) == 3 && (c[0] == 'w' || c[0] == 's') {
		if i := langIndex(string(c[1:])); i >= 0 {
			if c[0] == 'w' {
				return 1 << (entryWordShift + i), nil
			}
			return 1 << (entryStopShift + i), nil
		}
	}
	return 0, fmt.Errorf("unknown code %q", c)
}

// Len returns the number of distinct keys.
func (lx *Lexicon) Len() int { return lx.n }

// Lookup returns the entry of word (any case, with or without diacritics), or
// zero. It does not allocate.
func (lx *Lexicon) Lookup(word []byte) Entry {
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], word)
	if !ok {
		return 0
	}
	return lx.get(xxhash.Sum64(k))
}

// lookupFolded returns the entry of an already folded key.
func (lx *Lexicon) lookupFolded(k []byte) Entry { return lx.get(xxhash.Sum64(k)) }

// foldAppend appends the case-folded, diacritic-free form of w to dst
// ("Müller" → "muller", "ß" → "ss", "’" → "'", runs of spaces → one space)
// and reports false when the result would exceed maxFold bytes.
func foldAppend(dst, w []byte) ([]byte, bool) {
	for i := 0; i < len(w); {
		c := w[i]
		if c > ' ' && c < utf8.RuneSelf {
			// ASCII other than white space, most bytes: lower-cased only.
			if len(dst) == maxFold {
				return dst, false
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				if len(dst) > 0 && dst[len(dst)-1] == ' ' {
					continue
				}
				c = ' '
			}
			if len(dst) == maxFold {
				return dst, false
			}
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		i += n
		s := foldRune(unicode.ToLower(r))
		if len(dst)+len(s) > maxFold {
			return dst, false
		}
		dst = append(dst, s...)
	}
	return dst, true
}

// foldRune maps a lower-case rune to its ASCII base letters where Latin
// scripts have one; other runes keep their UTF-8 form.
func foldRune(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'æ':
		return "ae"
	case 'ç', 'ć', 'č', 'ĉ':
		return "c"
	case 'ď', 'đ':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return "e"
	case 'ğ':
		return "g"
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return "i"
	case 'ł', 'ľ', 'ĺ':
		return "l"
	case 'ñ', 'ń', 'ň':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o"
	case 'œ':
		return "oe"
	case 'ř', 'ŕ':
		return "r"
	case 'ß':
		return "ss"
	case 'ś', 'š', 'ş', 'ș':
		return "s"
	case 'ť', 'ţ', 'ț':
		return "t"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ź', 'ż', 'ž':
		return "z"
	case '’', 'ʼ', '‘':
		return "'"
	}
	var b [utf8.UTFMax]byte
	return string(b[:utf8.EncodeRune(b[:], r)])
}
