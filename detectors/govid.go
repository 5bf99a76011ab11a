package detectors

// GovID finds national identifiers, passports, driver's licences and tax
// ids of the countries Presidio covers and more (see govIDRules), and
// MEDICAL identifiers (medical.go's rules), with their check digits where
// they have one.
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
var GovID = idDetector("gov-id", KindGovID, govIDRules)

// idDetector builds a detector over rules, indexed by compact length.
func idDetector(name string, kind Kind, rules []idRule) Detector {
	var byLen [maxIDLen + 1][]int
	for i, r := range rules {
		lo, hi := r.minLen, r.maxLen
		if r.shape != "" {
			lo, hi = len(r.shape), len(r.shape)
		}
		for n := lo; n <= hi && n <= maxIDLen; n++ {
			byLen[n] = append(byLen[n], i)
		}
	}
	return Detector{
		Name:    name,
		Kind:    kind,
		Trigger: Trigger{All: ClassDigit, MinLen: 1},
		Find: func(dst []Finding, in Input, tok Token) ([]Finding, int) {
			return findID(dst, in, tok, rules, &byLen)
		},
	}
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
	// cues announce the identifier. Without a cue, a rule accepts only a
	// distinct shape or a checked candidate written in one of its layouts.
	cues  []string
	check func(c []byte) bool
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
func findID(dst []Finding, in Input, tok Token, rules []idRule, byLen *[maxIDLen + 1][]int) ([]Finding, int) {
	var c idCandidate
	if !gatherID(&c, in.Text, tok) || c.n < 5 {
		return dst, tok.End
	}
	best, bestG, bestConf, bestValidated := -1, 0, float32(0), false
	for g := c.groups - 1; g >= 0; g-- {
		n := c.compactEnd[g]
		for _, ri := range byLen[n] {
			r := &rules[ri]
			if !r.fits(c.compact[:n]) {
				continue
			}
			if conf, validated, ok := r.accept(in.Text, c.start, c.textEnd[g], c.compact[:n]); ok && conf > bestConf {
				best, bestG, bestConf, bestValidated = ri, g, conf, validated
			}
		}
	}
	if best < 0 {
		return dst, tok.End
	}
	end := c.textEnd[bestG]
	return append(dst, Finding{
		Kind: rules[best].kind, Start: c.start, End: end, Confidence: bestConf, Validated: bestValidated,
		Rule: rules[best].id, Value: append([]byte(nil), c.compact[:c.compactEnd[bestG]]...),
	}), end
}

// gatherID collects the token and following short groups into c; it fails
// when the token cannot start an identifier.
func gatherID(c *idCandidate, text []byte, tok Token) bool {
	ts, te := tok.Start, tok.End
	ws, we, stop := trimWord(text, ts, te)
	if ws == we {
		return false
	}
	c.start = ws
	// A spaced UK NINO starts with two letters before the digits: "QQ 12 34 56 C".
	if ps, pe := prevToken(text, ts); pe-ps == 2 && ts-pe == 1 && isUpperPair(text[ps:pe]) && isDigits(text[ws:we]) {
		c.start = ps
		c.add(text[ps:pe], pe)
	}
	for c.add(text[ws:we], we) && !stop {
		// The next group must be short and follow after one space.
		ns, ne := nextToken(text, te)
		if ns == ne || ns-te > 1 || ne-ns > 6 {
			break
		}
		ts, te = ns, ne
		ws, we, stop = trimWord(text, ts, te)
		if ws == we || byteClass[text[ws]]&ClassAlnum == 0 {
			break
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

// accept decides on a candidate of the right shape at text[s:e] and returns
// its confidence and whether a check digit validated it.
func (r *idRule) accept(text []byte, s, e int, c []byte) (float32, bool, bool) {
	checked := r.check != nil
	if checked && !r.check(c) {
		return 0, false, false
	}
	switch {
	case len(r.cues) > 0 && hasCue(text, s, govIDCueWindow, r.cues):
		return 0.99, checked, true
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
