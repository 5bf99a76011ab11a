package detectors

import (
	"bytes"
	"slices"
)

// GovID finds national identifiers, passports, driver's licences and tax
// ids of the countries Presidio covers and more (see govIDRules), and
// MEDICAL identifiers (medical.go's rules), with their check digits where
// they have one, and MAC addresses named by a cue but written or said
// without separators ("mac a4c3b01229fe", "the mac address is a four c three
// b …"; mac.go finds the separated forms).
//
// A candidate is gathered from the token that woke the detector and up to
// five following short groups ("943 476 5919", "QQ 12 34 56 C", "1 85 05 78
// 006 084 36"), and every rule whose shape fits a prefix of it is tried. A
// rule accepts a candidate when its check passes and either a cue word
// announces it ("DNI", "Steuer-ID", "passport", "NHS") or the candidate is
// written in the identifier's own layout ("123.456.789-09") or its shape is
// distinctive enough on its own (a codice fiscale, a CURP). Bare digit
// strings without a cue are left to the other detectors: most of them are
// order numbers, phones or amounts.
//
// One detector holds both rule sets so that a candidate is gathered, and the
// text before it searched for cue words, once.
var GovID = idDetector("gov-id", KindGovID, slices.Concat(govIDRules, medicalRules))

// idDetector builds a detector over rules, indexed by compact length and by
// the first words of their cues. Digit tokens wake it for written
// identifiers; the cue words wake it for identifiers read aloud.
func idDetector(name string, kind Kind, rules []idRule) Detector {
	if len(rules) > 64 {
		panic("BUG: idDetector " + name + ": more than 64 rules")
	}
	ix, kws := newIDIndex(rules)
	return Detector{
		Name:    name,
		Kind:    kind,
		Trigger: Trigger{All: ClassDigit, MinLen: 1, Keywords: kws},
		Find: func(dst []Finding, in Input, tok Token) ([]Finding, int) {
			return findID(dst, in, tok, ix)
		},
	}
}

// newIDIndex indexes rules and returns the index and the leading words of
// their cues, the detector's keywords.
func newIDIndex(rules []idRule) (*idIndex, []string) {
	ix := &idIndex{rules: rules}
	var kws []string
	for i, r := range rules {
		lo, hi := r.minLen, r.maxLen
		if r.shape != "" {
			lo, hi = len(r.shape), len(r.shape)
		}
		for n := lo; n <= hi && n <= maxIDLen; n++ {
			ix.byLen[n] = append(ix.byLen[n], i)
		}
		if r.context {
			ix.contextRules |= 1 << i
		}
		for _, c := range r.cues {
			k := cueKey(c)
			m, _ := ix.cueRules.get([]byte(k))
			ix.cueRules.set(k, m|1<<i)
			if lw := cueLeadingWord(k); lw != "" && len(lw) <= maxKeyword && !slices.Contains(kws, lw) {
				kws = append(kws, lw)
			}
		}
	}
	return ix, kws
}

// cueLeadingWord returns the leading run of letters of a cue word, as the
// engine matches keywords ("steuer" of "steuer-id", "d" of "d.n.i").
func cueLeadingWord(k string) string {
	i := 0
	for i < len(k) && byteClass[k[i]]&ClassLetter != 0 {
		i++
	}
	return k[:i]
}

// idIndex is what an id detector looks rules up by.
type idIndex struct {
	rules []idRule
	byLen [maxIDLen + 1][]int
	// cueRules maps the first word of every cue to the rules whose cue
	// starts with it. A candidate with none of these words before it skips
	// every cue check.
	cueRules wordMap[uint64]
	// contextRules are the rules whose cues describe the context rather
	// than announce the next value.
	contextRules uint64
}

// idRule describes one identifier.
type idRule struct {
	id   string // stable rule id, e.g. "es-nif"
	kind Kind
	// shape is the compact form, one byte per character: 'd' digit, 'A'
	// upper-case letter, 'x' letter or digit, 'c' the century/sign byte of
	// a Finnish id; other bytes literally. Empty means minLen..maxLen of
	// charset.
	shape          string
	charset        byte // 'd' or 'x', with an empty shape
	minLen, maxLen int
	// layouts are written forms that need no cue when the check passes:
	// '9' a digit, 'A' a letter, 'X' either, other bytes literally.
	layouts []string
	// distinct marks shapes specific enough to need no cue or layout.
	distinct bool
	// context marks cues that describe the setting ("routing", "sort
	// code") and so reach past another value to the identifier.
	context bool
	// cues announce the identifier. Without a cue, a rule accepts only a
	// distinct shape or a checked candidate written in one of its layouts.
	cues  []string
	check idCheck
}

// govIDCueWindow is how far before a candidate a cue may stand, in bytes.
const govIDCueWindow = 48

// maxIDGroups bounds the groups gathered for one candidate.
const maxIDGroups = 8

// maxIDLen bounds an identifier's compact length.
const maxIDLen = 40

// idCandidate is the text from a token on, split into groups.
type idCandidate struct {
	compact [maxIDLen]byte
	n       int
	// compactEnd[i] and textEnd[i] are the compact length and the text
	// offset after group i.
	compactEnd [maxIDGroups]int
	textEnd    [maxIDGroups]int
	groups     int
	start      int
}

// findID tries rules on the candidate starting at tok, longest prefix first,
// and reports the most confident accepted one.
func findID(dst []Finding, in Input, tok Token, ix *idIndex) ([]Finding, int) {
	text := in.Text
	if tok.Class&ClassDigit == 0 {
		if !in.Spoken {
			return dst, tok.End // ids are read aloud only in transcripts
		}
		return findSpokenID(dst, in, tok, ix)
	}
	if !mayStartID(text, tok) {
		return dst, tok.End
	}
	var c idCandidate
	if !gatherID(&c, text, tok) || c.n < 5 {
		return dst, tok.End
	}
	// The cue scan reads the text before the candidate: most digit runs fit
	// no rule or fail its check digits, so it runs only for the first that
	// passes both.
	var cued uint64
	cuedDone := false
	var win idCueText
	best, bestG, bestConf, bestValidated := -1, 0, float32(0), false
	for g := c.groups - 1; g >= 0; g-- {
		n := c.compactEnd[g]
		for _, ri := range ix.byLen[n] {
			r := &ix.rules[ri]
			if !r.fits(c.compact[:n]) || !r.check.valid(c.compact[:n]) {
				continue
			}
			if !cuedDone {
				cued, cuedDone = ix.cuedRules(text, c.start), true
			}
			if conf, validated, ok := r.accept(text, c.start, c.textEnd[g], c.compact[:n], cued&(1<<ri) != 0, &win); ok && (conf > bestConf || conf == bestConf && validated && !bestValidated) {
				best, bestG, bestConf, bestValidated = ri, g, conf, validated
			}
		}
	}
	if best < 0 {
		return dst, tok.End
	}
	end := c.textEnd[bestG]
	return append(dst, Finding{
		Kind: ix.rules[best].kind, Start: c.start, End: end, Confidence: bestConf, Validated: bestValidated,
		Rule: ix.rules[best].id, Value: idValue(ix.rules[best].kind, c.compact[:c.compactEnd[bestG]]),
	}), end
}

// idValue returns a finding's Value for the compact candidate c: c itself,
// or for a MAC address the colon form mac.go reports, so that both forms of
// one address get one pseudonym.
func idValue(k Kind, c []byte) []byte {
	if k == KindMACAddress {
		return appendMAC(make([]byte, 0, 17), c)
	}
	return append([]byte(nil), c...)
}

// mayStartID is the quick test run on every digit token: an identifier has
// five characters or more, so a token with fewer than four digits starts
// one only when another group follows ("QQ 12 34 56 C", "RX8 402 1187") or
// it has letters enough ("AB1234").
func mayStartID(text []byte, tok Token) bool {
	digits := 0
	for _, b := range text[tok.Start:tok.End] {
		if b >= '0' && b <= '9' {
			digits++
			if digits == 4 {
				return true
			}
		}
	}
	if tok.End-tok.Start >= 5 && tok.Class&ClassLetter != 0 {
		return true
	}
	return tok.End+1 < len(text) && text[tok.End] == ' ' && byteClass[text[tok.End+1]]&(ClassDigit|ClassUpper) != 0
}

// findSpokenID handles a cue word: an identifier read aloud may follow it
// within a few words ("mi número de la seguridad social es veintiocho doce
// …", "member id x j h eight eight …").
func findSpokenID(dst []Finding, in Input, tok Token, ix *idIndex) ([]Finding, int) {
	text := in.Text
	i := tok.End
	var w readWord
	for k := 0; k < 8; k++ {
		if !w.next(text, i) || byteClass[text[w.s]]&ClassDigit != 0 {
			break // digits are read by the digit trigger
		}
		s, e := w.s, w.e
		if !mayStartSpokenID(w.word()) {
			if w.stop {
				break
			}
			i = e
			continue
		}
		sp := readSpokenID(text, s)
		if sp.items >= 4 && sp.digits() >= 3 && sp.num.n <= maxIDLen {
			c := sp.value()
			var cued uint64
			cuedDone := false
			var win idCueText
			best, bestConf, bestValidated := -1, float32(0), false
			for _, ri := range ix.byLen[len(c)] {
				r := &ix.rules[ri]
				if !r.fits(c) || !r.check.valid(c) {
					continue
				}
				if !cuedDone {
					cued, cuedDone = ix.cuedRules(text, sp.num.start), true
				}
				if conf, validated, ok := r.accept(text, sp.num.start, sp.num.end, c, cued&(1<<ri) != 0, &win); ok && (conf > bestConf || conf == bestConf && validated && !bestValidated) {
					best, bestConf, bestValidated = ri, conf, validated
				}
			}
			if best < 0 {
				return dst, tok.End
			}
			return append(dst, Finding{
				Kind: ix.rules[best].kind, Start: sp.num.start, End: sp.num.end, Confidence: bestConf,
				Validated: bestValidated, Rule: ix.rules[best].id, Value: idValue(ix.rules[best].kind, c),
			}), sp.num.end
		}
		if w.stop {
			break
		}
		i = e
	}
	return dst, tok.End
}

// cuedRules returns the rules one of whose cue's first word stands within
// govIDCueWindow bytes before pos; accept confirms the whole cue.
func (ix *idIndex) cuedRules(text []byte, pos int) uint64 {
	var mask uint64
	from := max(0, pos-govIDCueWindow)
	for i := from; i < pos; {
		for i < pos && !cueBytes[text[i]] {
			i++
		}
		s, digits := i, 0
		for i < pos && cueBytes[text[i]] {
			if text[i]-'0' < 10 {
				digits++
			}
			i++
		}
		ws, we := s, i
		for we > ws && (text[we-1] == '.' || text[we-1] == '-' || text[we-1] == '\'') {
			we--
		}
		if we == ws {
			continue
		}
		if digits >= 3 {
			// A value stands between: the cue announced it, not this one
			// ("member id BCX882019376 and group number 004812"). Context
			// cues ("sort code 20-00-00, account …") stay.
			mask &= ix.contextRules
			continue
		}
		if !ix.mayBeCue(text[ws:we]) {
			continue
		}
		var buf [40]byte
		f, ok := foldWord(buf[:0], text[ws:we])
		if !ok {
			continue
		}
		f = afterElision(f)
		if m, ok := ix.cueRules.get(f); ok {
			mask |= m
			continue
		}
		for _, suf := range [...]string{"-nummer", "nummer", "snummer", "-nr", "nr", "-number"} {
			if n := len(f) - len(suf); n >= 2 && string(f[n:]) == suf {
				m, _ := ix.cueRules.get(f[:n])
				mask |= m
			}
		}
	}
	return mask
}

// mayBeCue is cuedRules' quick test before folding a word: some cue's first
// word starts with the word's first letter and ends with its last one and
// has its length, or, for a word ending in 'r', starts with its first letter
// and has the length of its stem before a "-nummer"/"nr"/"-number" suffix.
// Words with an elision ("d'identité") or a non-ASCII first or last byte
// take the full path.
func (ix *idIndex) mayBeCue(w []byte) bool {
	first, last := w[0], w[len(w)-1]
	if first >= 0x80 || last >= 0x80 || bytesHasApostrophe(w) {
		return true
	}
	n := len(w)
	if n >= 64 {
		return false
	}
	if lowerASCII(last) != 'r' { // every suffix cuedRules strips ends in 'r'
		return ix.cueRules.lens[lowerASCII(first)]&ix.cueRules.lasts[lowerASCII(last)]&(1<<n) != 0
	}
	// Lengths n and n minus every suffix cuedRules strips (2, 3, 6, 7).
	want := uint64(1)<<n | uint64(1)<<n>>2 | uint64(1)<<n>>3 | uint64(1)<<n>>6 | uint64(1)<<n>>7
	return ix.cueRules.lens[lowerASCII(first)]&want != 0
}

// bytesHasApostrophe reports whether w holds an ASCII or a typographic
// apostrophe.
func bytesHasApostrophe(w []byte) bool {
	for _, b := range w {
		if b == '\'' || b == 0xe2 {
			return true
		}
	}
	return false
}

// cueBytes marks the bytes of a cue word: letters, digits and the inner
// punctuation of "steuer-id", "d.n.i", "driver's". Built once, read-only.
var cueBytes = func() (t [256]bool) {
	for b := range 256 {
		t[b] = byteClass[b]&ClassAlnum != 0 || b == '-' || b == '.' || b == '\''
	}
	return t
}()

// gatherID collects the token and following short groups into c; it fails
// when the token cannot start an identifier.
func gatherID(c *idCandidate, text []byte, tok Token) bool {
	ts, te := tok.Start, tok.End
	ws, we, stop := trimWord(text, ts, te)
	if ws == we {
		return false
	}
	c.start = ws
	// An identifier does not start inside a run of digit groups ("ES35 8897
	// 6622 9112 …" is one IBAN, not an Aadhaar from its third group on).
	ps, pe := prevToken(text, ts)
	if ts-pe == 1 && pe-ps >= 2 && pe-ps <= 6 && digitCount(text[ps:pe]) >= 2 && isAlnumRun(text[ps:pe]) {
		return false
	}
	// A spaced UK NINO starts with two letters before the digits: "QQ 12 34 56 C".
	if pe-ps == 2 && ts-pe == 1 && isUpperPair(text[ps:pe]) && isDigits(text[ws:we]) {
		c.start = ps
		c.add(text[ps:pe], pe)
	}
	for c.add(text[ws:we], we) && !stop {
		// The next group must be short and follow after one space.
		ns, ne := nextToken(text, te)
		if ns == ne || ns-te > 1 || ne-ns > 8 {
			break
		}
		ts, te = ns, ne
		ws, we, stop = trimWord(text, ts, te)
		if ws == we || byteClass[text[ws]]&ClassAlnum == 0 || we-ws > 1 && !idGroup(text[ws:we]) {
			break // "… and group 778812": words end the identifier
		}
	}
	return c.groups > 0
}

// add appends a group (letters, digits and inner '-', '.', '/', '+') to the
// candidate; it fails on other bytes or when the candidate is full.
func (c *idCandidate) add(g []byte, end int) bool {
	if c.groups == maxIDGroups {
		return false
	}
	n := c.n
	for _, b := range g {
		switch cls := byteClass[b]; {
		case cls&(ClassDigit|ClassUpper) != 0:
		case cls == ClassLower:
			b = upperASCII(b)
		case cls&(ClassDash|ClassDot|ClassSlash) != 0:
			continue
		case b == '+': // the Finnish century sign
		default:
			return false
		}
		if n == len(c.compact) {
			return false
		}
		c.compact[n] = b
		n++
	}
	c.n = n
	c.compactEnd[c.groups], c.textEnd[c.groups] = n, end
	c.groups++
	return true
}

// fits reports whether the compact candidate has the rule's shape.
func (r *idRule) fits(c []byte) bool {
	if r.shape == "" {
		if len(c) < r.minLen || len(c) > r.maxLen {
			return false
		}
		digits := 0
		for _, b := range c {
			if r.charset == 'd' && byteClass[b] != ClassDigit || byteClass[b]&(ClassDigit|ClassUpper) == 0 {
				return false
			}
			if byteClass[b] == ClassDigit {
				digits++
			}
		}
		return digits >= 2
	}
	if len(c) != len(r.shape) {
		return false
	}
	for i := range len(c) {
		b, cls := c[i], byteClass[c[i]]
		switch r.shape[i] {
		case 'd':
			if cls != ClassDigit {
				return false
			}
		case 'A':
			if cls != ClassUpper {
				return false
			}
		case 'x':
			if cls&(ClassDigit|ClassUpper) == 0 {
				return false
			}
		case 'c':
			if b != '+' && b != '-' && cls != ClassUpper {
				return false
			}
		default:
			if b != r.shape[i] {
				return false
			}
		}
	}
	return true
}

// accept decides on a candidate of the right shape at text[s:e] that passed
// the rule's check (callers run it first: it is cheaper than the cue scan
// cued comes from) and returns its confidence and whether a check digit
// validated it. win holds the text before s, folded once for all the rules
// tried on the candidate.
func (r *idRule) accept(text []byte, s, e int, c []byte, cued bool, win *idCueText) (float32, bool, bool) {
	checked := r.check != ckNone
	// Most candidates have no cue and fit no distinct shape.
	if !cued && !r.distinct && (!checked || len(r.layouts) == 0) {
		return 0, false, false
	}
	named := cued && win.has(text, s, r.cues)
	switch {
	case named && checked:
		// Named and check-digit valid: the strongest reading there is,
		// above a phone plan the same digits happen to fit ("aadhaar
		// number is 366915640414").
		return 1, true, true
	case named:
		return 0.99, false, true
	case r.distinct:
		if checked {
			return 0.95, true, true
		}
		return 0.85, false, true
	case checked && matchesLayout(text[s:e], r.layouts):
		return 0.95, true, true
	}
	return 0, false, false
}

// idCueText is the text before a candidate, folded on first use: hasCue
// for many rules without folding the window again for each.
type idCueText struct {
	done, ok bool
	n        int // folded length in buf (a slice into buf would move it to the heap)
	buf      [2 * govIDCueWindow]byte
}

// has reports whether one of cues ends a word within govIDCueWindow bytes
// before pos, as hasCue does.
func (w *idCueText) has(text []byte, pos int, cues []string) bool {
	if !w.done {
		f, ok := foldWord(w.buf[:0], text[max(0, pos-govIDCueWindow):pos])
		w.n, w.ok, w.done = len(f), ok, true
	}
	if !w.ok {
		return false
	}
	lower := w.buf[:w.n]
	for _, c := range cues {
		for from := 0; from+len(c) <= len(lower); {
			j := bytes.Index(lower[from:], []byte(c))
			if j < 0 {
				break
			}
			i := from + j
			if (i == 0 || byteClass[lower[i-1]]&ClassAlnum == 0) &&
				(i+len(c) == len(lower) || byteClass[lower[i+len(c)]]&ClassAlnum == 0 || compoundTail(lower[i+len(c):])) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// matchesLayout reports whether w is written exactly as one of layouts.
func matchesLayout(w []byte, layouts []string) bool {
	for _, l := range layouts {
		if len(l) != len(w) {
			continue
		}
		ok := true
		for i := 0; ok && i < len(w); i++ {
			cls := byteClass[w[i]]
			switch l[i] {
			case '9':
				ok = cls == ClassDigit
			case 'A':
				ok = cls&ClassLetter != 0
			case 'X':
				ok = cls&ClassAlnum != 0
			default:
				ok = w[i] == l[i]
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// digitCount returns the number of ASCII digits in b.
func digitCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// isAlnumRun reports whether b is all ASCII letters and digits.
func isAlnumRun(b []byte) bool {
	for _, c := range b {
		if byteClass[c]&(ClassDigit|ClassUpper|ClassLower) == 0 {
			return false
		}
	}
	return true
}

// idGroup reports whether a following group of several bytes can continue
// an identifier: it has a digit or is upper case ("ZX7", "AB").
func idGroup(g []byte) bool {
	upper := true
	for _, c := range g {
		switch cls := byteClass[c]; {
		case cls == ClassDigit:
			return true
		case cls != ClassUpper:
			upper = false
		}
	}
	return upper
}
