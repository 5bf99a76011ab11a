package detectors

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Phone returns the PHONE detector. It finds numbers written in
// international form ("+44 20 7946 0958", "0044 …", "+1 (415) 555-0192") and
// national forms of the US and Canada, the UK, Germany, France, Spain, Italy,
// Brazil, India, Mexico and the Netherlands ("(415) 555-0192", "020 7946 0958", "030 123456",
// "06 12 34 56 78", "612 34 56 78", "(11) 91234-5678", "098765 43210",
// "55 1234 5678"), and validates each against the numbering plans of
// github.com/nyaruka/phonenumbers. Value is the number in E.164 ("+14155550192").
//
// Dates, times, prices, versions, ISBNs, card numbers and bare digit strings
// are turned away by their shape before any validation: a number reaches the
// numbering plans only with 7 to 15 digits, plausible separators, and either
// a leading '+', "00", '0' or "(area)", a phone-like grouping, or a cue word
// ("call", "tel", "Handy", "teléfono" …) just before it. National numbers are
// tried in the regions of the text's language first (Input.Lang), then the
// region its grouping suggests, then the others.
//
// The numbering plans' patterns are compiled once per process, on the first
// call, into regexps matched on bytes: validation costs about half a
// microsecond and no allocation, where phonenumbers.Parse plus IsValidNumber
// costs tens of microseconds and dozens of allocations. Phone panics if the
// library's embedded metadata cannot be read, which is a build defect.
// The detector is safe for concurrent use.
func Phone() Detector {
	plans, err := phonePlans()
	if err != nil {
		panic("BUG: phone metadata: " + err.Error())
	}
	return Detector{
		Name:    "phone",
		Kind:    KindPhone,
		Trigger: Trigger{All: ClassDigit, MinDigits: 7, Not: identifierShapes},
		Find: func(dst []Finding, in Input, tok Token) ([]Finding, int) {
			return findPhone(plans, dst, in, tok)
		},
	}
}

// phoneCues are words that announce a phone number, in the languages of the
// supported regions.
var phoneCues = newCueSet([]cueWord{
	{"phone", true}, {"tel", false}, {"tele", true}, {"tél", true}, {"call", true},
	{"ring", false}, {"mobile", true}, {"mob", false}, {"cell", true}, {"whatsapp", false},
	{"wa", false}, {"text", false}, {"sms", false}, {"fax", false}, {"contact", true},
	{"number", false}, {"dial", false}, {"reach", false}, {"ph", false},
	{"número", false}, {"numero", false}, {"móvil", false}, {"movil", false},
	{"llama", true}, {"llámame", false}, {"celular", false}, {"cel", false},
	{"telefon", true}, {"handy", true}, {"mobil", true}, {"ruf", true}, {"nummer", false},
	{"anruf", true}, {"portable", false}, {"appel", true}, {"appelle", true},
	{"cellulare", false}, {"chiama", true}, {"contato", false},
	{"fone", false}, {"ligue", false}, {"liga", false}, {"bel", false}, {"mobiel", false},
	{"फ़ोन", false}, {"फोन", false}, {"नंबर", false},
})

// phoneRegion is a region whose national number format Phone reads.
type phoneRegion struct {
	id string
	cc int
	// trunk is the national (trunk) prefix dialled before the area code, or
	// 0; needTrunk means national numbers are always written with it, so
	// a number without it is not read as one of this region's.
	trunk     byte
	needTrunk bool
	// area, when not 0, is the length of the area code, which numbers of
	// this region written in groups set apart: "(11) 91234-5678".
	area uint8
}

// Region indexes into phoneRegions.
const (
	regionUS = iota // and Canada, and the rest of the North American plan
	regionGB
	regionDE
	regionFR
	regionES
	regionIT
	regionBR
	regionIN
	regionMX
	regionNL
	regionPT
	numPhoneRegions
)

// phoneRegions lists the regions whose national formats Phone reads, in the
// order tried when neither the language nor the grouping suggests one.
var phoneRegions = [numPhoneRegions]phoneRegion{
	regionUS: {"US", 1, '1', false, 0},
	regionGB: {"GB", 44, '0', true, 0},
	regionDE: {"DE", 49, '0', true, 0},
	regionFR: {"FR", 33, '0', true, 0},
	regionES: {"ES", 34, 0, false, 0},
	regionIT: {"IT", 39, 0, false, 0},
	regionBR: {"BR", 55, '0', false, 2},
	regionIN: {"IN", 91, '0', false, 0},
	regionMX: {"MX", 52, 0, false, 0},
	regionNL: {"NL", 31, '0', true, 0},
	regionPT: {"PT", 351, 0, false, 0},
}

// langRegions returns the regions whose numbers a text in language lang most
// likely holds, most likely first, in an array so that no call allocates.
func langRegions(lang string) (rs [3]uint8, n int) {
	switch lang {
	case "en":
		return [3]uint8{regionUS, regionGB, regionIN}, 3
	case "de":
		return [3]uint8{regionDE}, 1
	case "fr":
		return [3]uint8{regionFR}, 1
	case "es":
		return [3]uint8{regionES, regionMX}, 2
	case "it":
		return [3]uint8{regionIT}, 1
	case "pt":
		return [3]uint8{regionBR, regionPT}, 2
	case "nl":
		return [3]uint8{regionNL}, 1
	case "hi", "bn", "ta", "te", "mr", "gu", "kn", "ml", "pa", "ur":
		return [3]uint8{regionIN}, 1
	}
	return rs, 0
}

// phoneDesc is one number type of a numbering plan: a pattern for the
// national significant number and the lengths it may have.
type phoneDesc struct {
	// dfa is the pattern compiled to a deterministic automaton over digits;
	// re, the regexp, serves only the rare pattern whose automaton would be
	// too large. Validating real numbers with the regexp was a tenth of
	// Phone's time.
	dfa  *digitDFA
	re   *regexp.Regexp
	lens uint32 // bit l set when length l is possible; 0 means any
	// starts has bit 10a+b set when the pattern admits a number starting
	// with digits a, b: a check that spares most regexp runs, since the
	// types of a plan differ by their leading digits.
	starts [2]uint64
}

// match reports whether nsn, at least two digits, is a number of d.
func (d *phoneDesc) match(nsn []byte) bool { return d.admits(nsn) && d.full(nsn) }

// full reports whether the pattern matches all of nsn.
func (d *phoneDesc) full(nsn []byte) bool {
	if d.dfa != nil {
		return d.dfa.match(nsn)
	}
	// regexp.Match keeps its input reachable from a pooled machine, so the
	// digits it sees would escape: a copy keeps the caller's on the stack.
	return d.re.Match(slices.Clone(nsn))
}

// admits reports whether nsn has a length and first digits of d: a
// necessary condition for match, without the regexp.
func (d *phoneDesc) admits(nsn []byte) bool {
	p := uint(nsn[0]-'0')*10 + uint(nsn[1]-'0')
	return (d.lens == 0 || d.lens&(1<<len(nsn)) != 0) && d.starts[p/64]&(1<<(p%64)) != 0
}

// phonePlan is one region's numbering plan: the general pattern and the
// patterns of each number type (fixed line, mobile, toll free, …). A number
// is valid when it matches the general pattern and one type, as in
// phonenumbers.IsValidNumber.
type phonePlan struct {
	general phoneDesc
	types   []phoneDesc
}

func (p *phonePlan) valid(nsn []byte) bool {
	if !p.general.admits(nsn) {
		return false
	}
	// The types first: their length and digit checks turn most numbers
	// away before any regexp runs, and the general one runs only for a
	// number some type matches.
	for i := range p.types {
		if p.types[i].match(nsn) {
			return p.general.full(nsn)
		}
	}
	return false
}

// maxCallingCode bounds country calling codes (at most three digits).
const maxCallingCode = 1000

// phoneTables holds every numbering plan by country calling code. It is
// built once and only read afterwards.
type phoneTables struct {
	byCC [maxCallingCode][]phonePlan
}

// valid reports whether nsn is a valid national significant number in some
// region of calling code cc.
func (t *phoneTables) valid(cc int, nsn []byte) bool {
	if len(nsn) < 2 || len(nsn) > 17 {
		return false
	}
	for i := range t.byCC[cc] {
		if t.byCC[cc][i].valid(nsn) {
			return true
		}
	}
	return false
}

// phonePlans compiles the numbering plans of every region once per process
// (about 100 ms and 8 MB, of which 0.6 MB are the 28,000 states of the
// patterns' automata); the tables are immutable afterwards.
var phonePlans = sync.OnceValues(func() (*phoneTables, error) {
	col, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil, fmt.Errorf("read phone metadata: %w", err)
	}
	t := &phoneTables{}
	for _, md := range col.GetMetadata() {
		cc := int(md.GetCountryCode())
		if cc <= 0 || cc >= maxCallingCode {
			continue
		}
		general, ok, err := compileDesc(md.GetGeneralDesc())
		if err != nil || !ok {
			return nil, fmt.Errorf("phone metadata %s: general pattern: %w", md.GetId(), err)
		}
		p := phonePlan{general: general}
		for _, d := range []*phonenumbers.PhoneNumberDesc{
			md.GetFixedLine(), md.GetMobile(), md.GetTollFree(), md.GetPremiumRate(),
			md.GetSharedCost(), md.GetPersonalNumber(), md.GetVoip(), md.GetPager(),
			md.GetUan(), md.GetVoicemail(),
		} {
			pd, ok, err := compileDesc(d)
			if err != nil {
				return nil, fmt.Errorf("phone metadata %s: %w", md.GetId(), err)
			}
			if ok {
				p.types = append(p.types, pd)
			}
		}
		if md.GetMainCountryForCode() {
			t.byCC[cc] = append([]phonePlan{p}, t.byCC[cc]...)
		} else {
			t.byCC[cc] = append(t.byCC[cc], p)
		}
	}
	return t, nil
})

// compileDesc compiles a number type's pattern; ok is false when the region
// has no numbers of that type.
func compileDesc(d *phonenumbers.PhoneNumberDesc) (phoneDesc, bool, error) {
	pat := d.GetNationalNumberPattern()
	if pat == "" || pat == "NA" {
		return phoneDesc{}, false, nil
	}
	var lens uint32
	for _, l := range d.GetPossibleLength() {
		if l > 0 && l < 32 {
			lens |= 1 << l
		}
	}
	if lens == 0 && len(d.GetPossibleLength()) > 0 {
		return phoneDesc{}, false, nil // lengths [-1]: no numbers of this type
	}
	expr := "^(?:" + pat + ")$"
	re, err := regexp.Compile(expr)
	if err != nil {
		return phoneDesc{}, false, fmt.Errorf("compile pattern: %w", err)
	}
	starts, err := digitStarts(expr)
	if err != nil {
		return phoneDesc{}, false, fmt.Errorf("pattern starts: %w", err)
	}
	dfa, err := compileDigitDFA(expr)
	if err != nil {
		return phoneDesc{}, false, fmt.Errorf("pattern automaton: %w", err)
	}
	return phoneDesc{dfa: dfa, re: re, lens: lens, starts: starts}, true, nil
}

// maxDFAStates bounds a digit automaton; a pattern that needs more keeps its
// regexp. The plans' largest patterns need a few hundred.
const maxDFAStates = 4096

// digitDFA is a deterministic automaton over the digits 0-9 that matches a
// whole string. State 0 rejects; next[s][d] is the state after digit d.
type digitDFA struct {
	next   [][10]uint16
	accept []bool
	start  uint16
}

// match reports whether the automaton accepts all of nsn, which holds only
// digits.
func (a *digitDFA) match(nsn []byte) bool {
	s := a.start
	for _, c := range nsn {
		d := c - '0'
		if d > 9 {
			return false
		}
		if s = a.next[s][d]; s == 0 {
			return false
		}
	}
	return a.accept[s]
}

// compileDigitDFA builds the automaton of expr, an anchored pattern
// "^(?:…)$" over digits, by subset construction over its compiled program.
// It returns nil, and no error, when the pattern has empty-width assertions
// other than the anchors or needs more than maxDFAStates states.
func compileDigitDFA(expr string) (*digitDFA, error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText|syntax.EmptyBeginLine|syntax.EmptyEndLine) != 0 {
			return nil, nil
		}
	}
	// closure adds to set the rune-reading and matching instructions
	// reachable from pc without input, marking what it visits in seen. The
	// anchors hold: ^ is only met before the first digit and $ leads only to
	// the match.
	seen := make([]bool, len(prog.Inst))
	var closure func(set []uint32, pc uint32) []uint32
	closure = func(set []uint32, pc uint32) []uint32 {
		if seen[pc] {
			return set
		}
		seen[pc] = true
		switch i := &prog.Inst[pc]; i.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			return closure(closure(set, i.Out), i.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			return closure(set, i.Out)
		case syntax.InstFail:
			return set
		}
		return append(set, pc)
	}
	a := &digitDFA{next: make([][10]uint16, 1), accept: make([]bool, 1)} // state 0 rejects
	ids := map[string]uint16{}
	var sets [][]uint32
	var kb []byte
	// add returns the state of set (sorted here), creating it if new.
	add := func(set []uint32) (uint16, bool) {
		slices.Sort(set)
		kb = kb[:0]
		for _, pc := range set {
			kb = append(kb, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
		}
		if id, ok := ids[string(kb)]; ok {
			return id, true
		}
		if len(a.next) >= maxDFAStates {
			return 0, false
		}
		id := uint16(len(a.next))
		ids[string(kb)] = id
		a.next = append(a.next, [10]uint16{})
		acc := false
		for _, pc := range set {
			acc = acc || prog.Inst[pc].Op == syntax.InstMatch
		}
		a.accept = append(a.accept, acc)
		sets = append(sets, set)
		return id, true
	}
	clear(seen)
	a.start, _ = add(closure(nil, uint32(prog.Start)))
	for s := 0; s < len(sets); s++ {
		for d := range 10 {
			clear(seen)
			var next []uint32
			for _, pc := range sets[s] {
				if i := &prog.Inst[pc]; i.Op != syntax.InstMatch && i.MatchRune(rune('0'+d)) {
					next = closure(next, i.Out)
				}
			}
			if len(next) == 0 {
				continue
			}
			id, ok := add(next)
			if !ok {
				return nil, nil
			}
			a.next[s+1][d] = id
		}
	}
	return a, nil
}

// digitStarts returns the two-digit prefixes some string expr matches may
// start with, as phoneDesc.starts: it runs the compiled program's NFA over
// each pair of digits, counting every empty-width assertion as met, so the
// set may be larger than exact but never misses a prefix.
func digitStarts(expr string) ([2]uint64, error) {
	var set [2]uint64
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return set, fmt.Errorf("parse: %w", err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return set, fmt.Errorf("compile: %w", err)
	}
	// closure adds to states the rune-reading instructions reachable from pc
	// without reading input.
	var closure func(states map[uint32]bool, pc uint32)
	closure = func(states map[uint32]bool, pc uint32) {
		i := &prog.Inst[pc]
		switch i.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			closure(states, i.Out)
			closure(states, i.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			closure(states, i.Out)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL, syntax.InstMatch:
			states[pc] = true
		}
	}
	step := func(states map[uint32]bool, r rune) map[uint32]bool {
		next := map[uint32]bool{}
		for pc := range states {
			switch i := &prog.Inst[pc]; i.Op {
			case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				closure(next, i.Out)
			case syntax.InstRune, syntax.InstRune1:
				if i.MatchRune(r) {
					closure(next, i.Out)
				}
			}
		}
		return next
	}
	start := map[uint32]bool{}
	closure(start, uint32(prog.Start))
	for a := range 10 {
		after := step(start, rune('0'+a))
		for b := range 10 {
			if len(step(after, rune('0'+b))) > 0 {
				p := a*10 + b
				set[p/64] |= 1 << (p % 64)
			}
		}
	}
	return set, nil
}

// findPhone is Phone's FindFunc.
func findPhone(t *phoneTables, dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	resume := tok.End
	for i := tok.Start; i < tok.End; {
		s := nextNumber(text, i, tok.End)
		if s < 0 {
			break
		}
		if k := countDigits(text, s); k < 7 && !continues(text, s+k) {
			i = s + k
			continue
		}
		var r numRun
		scanRun(&r, text, s)
		// Later groups of this run start after a separator, which no number
		// may follow: go on after the run.
		i = max(s+1, r.gend[max(r.ng-1, 0)])
		if !r.clean || r.n < 7 && r.ng == 1 || r.overflow || r.n > 17 {
			continue // a run longer than any phone: a parcel, card or account number
		}
		// Longest cut first: "call 415-555-0192 2 times" is cut before "2".
		var cues runCues
		for g := r.ng - 1; g >= 0; g-- {
			c, ok := r.cut(text, g)
			if !ok || c.n < 7 {
				continue
			}
			if f, ok := matchPhone(t, &c, in, &cues); ok {
				dst = append(dst, f)
				resume = max(resume, c.end)
				i = max(i, c.end)
				break
			}
		}
	}
	return dst, resume
}

// runCues holds what the words before a run say, read once for all of
// the run's cuts, which start where it does.
type runCues struct {
	read bool
	// other: among the words in the cueWindow bytes before the run, a cue
	// of another kind of number (otherIDCues) comes nearer than any phone
	// cue (phoneOnlyCues): "my NHS number is 739 092 8506", but not "order
	// 12345, call 415-555-0192".
	other bool
	phone bool // a phoneCues word is among them
}

// get reads the cues before pos, the run's start, on first use, in one walk
// over the window's words from the nearest.
func (rc *runCues) get(text []byte, pos int) *runCues {
	if rc.read {
		return rc
	}
	rc.read = true
	decided := false // whether a phone-only or other-number cue was met
	lo := max(0, pos-cueWindow)
	for i := pos; i > lo && !(decided && rc.phone); {
		for i > lo && byteClass[text[i-1]]&ClassLetter == 0 {
			i--
		}
		we := i
		for i > lo && byteClass[text[i-1]]&ClassLetter != 0 {
			i--
		}
		if we == i {
			continue
		}
		m := runCueKinds.match(text[i:we])
		if !decided {
			switch {
			case m&kindPhoneOnly != 0:
				decided = true
			case m&kindOtherID != 0:
				decided, rc.other = true, true
			}
		}
		rc.phone = rc.phone || m&kindPhone != 0
	}
	return rc
}

// The cue sets runCues reads, as bits of a cueKinds match, in the order
// runCueKinds is built.
const (
	kindPhone     = 1 << iota // phoneCues
	kindPhoneOnly             // phoneOnlyCues
	kindOtherID               // otherIDCues
)

// runCueKinds holds phoneCues, phoneOnlyCues and otherIDCues in one table,
// so that runCues.get asks once per word, not three times; read-only.
var runCueKinds = newCueKinds(phoneCues, phoneOnlyCues, otherIDCues)

// cueKinds is several cueSets in one: a word is filtered once by first
// byte and length, then compared with the cues of all the sets that share
// its first byte.
type cueKinds struct {
	byFirst   [256][]kindCue
	exactLens [256]uint64
	minPrefix [256]uint8
	seconds   [256][4]uint64 // seconds[f] has bit b set when a cue starts with f, b
}

// kindCue is a cue and the bit of the set it comes from.
type kindCue struct {
	cueWord
	kind uint8
}

// newCueKinds merges the sets; the i-th set's bit is 1<<i.
func newCueKinds(sets ...*cueSet) *cueKinds {
	k := &cueKinds{}
	for i, s := range sets {
		bit := uint8(1) << i
		for f := range s.byFirst {
			for _, c := range s.byFirst[f] {
				k.byFirst[f] = append(k.byFirst[f], kindCue{c, bit})
				b := c.word[1] // every cue has two bytes or more
				k.seconds[f][b>>6] |= 1 << (b & 63)
			}
			k.exactLens[f] |= s.exactLens[f]
			if m := s.minPrefix[f]; m != 0 && (k.minPrefix[f] == 0 || m < k.minPrefix[f]) {
				k.minPrefix[f] = m
			}
		}
	}
	return k
}

// match returns the bits of the sets that hold word w, as cueSet.match
// would answer for each.
func (k *cueKinds) match(w []byte) uint8 {
	f := lowerASCII(w[0])
	if !(len(w) < 64 && k.exactLens[f]&(1<<len(w)) != 0 || k.minPrefix[f] != 0 && len(w) >= int(k.minPrefix[f])) {
		return 0
	}
	if b := lowerASCII(w[1]); k.seconds[f][b>>6]&(1<<(b&63)) == 0 {
		return 0
	}
	var m uint8
	for _, c := range k.byFirst[f] {
		if m&c.kind != 0 || len(w) < len(c.word) || (!c.prefix && len(w) != len(c.word)) {
			continue
		}
		j := 1
		for j < len(c.word) && lowerASCII(w[j]) == c.word[j] {
			j++
		}
		if j == len(c.word) {
			m |= c.kind
		}
	}
	return m
}

// matchPhone validates a cut as a phone number; cues are those of its run.
func matchPhone(t *phoneTables, c *numCut, in Input, cues *runCues) (Finding, bool) {
	r := c.r
	intl := r.lead == '+' || (r.digits[0] == '0' && r.digits[1] == '0')
	maxDigits := 15
	if r.lead != '+' && intl {
		maxDigits = 17
	}
	if c.n > maxDigits || !phoneShape(c, intl) {
		return Finding{}, false
	}
	strong := phoneStrong(c, intl)
	cued := false
	// A strong '+' number needs no cue: no other-number cue turns it away,
	// and being international it has the cued confidence already.
	if r.lead != '+' || !strong {
		rc := cues.get(in.Text, r.start)
		if r.lead != '+' && rc.other {
			return Finding{}, false // "passport number 782356189", "CEP 01310-100"
		}
		cued = rc.phone
	}
	bare := !strong && !cued && bareNational(c, in.Lang)
	if !strong && !cued && !bare {
		return Finding{}, false
	}
	var buf [maxRunDigits]byte
	d := append(buf[:0], c.digits()...)
	var cc int
	var nsn []byte
	if intl {
		cc, nsn = intlNumber(t, d, r.lead == '+')
	} else {
		scope := scopeAll
		switch {
		case bare:
			scope = scopeLang
		case !cued && missingTrunk(d, in.Lang):
			// Without a phone cue, a number lacking the trunk prefix its
			// language's regions always write is a phone only when grouped
			// the way another region writes them: "RN 4471 0928 13" in
			// Dutch is a member number, not an American phone.
			scope = scopeGrouping
		}
		cc, nsn = nationalNumber(t, c, d, in.Lang, scope)
		if cc == 0 && scope == scopeGrouping {
			if cc, _ := nationalNumber(t, c, d, in.Lang, scopeAll); cc != 0 {
				// Shaped like a phone, yet none of its language's: some
				// member or customer number, still to be redacted.
				return Finding{
					Kind: KindOperational, Start: r.start, End: c.end, Confidence: 0.5,
					Rule: "phone-shaped-id", Value: append([]byte(nil), d...),
				}, true
			}
		}
	}
	if cc == 0 {
		return unlistedPhone(t, c, d, cued, in.Text)
	}
	conf := float32(0.95)
	if intl || !strong || cued {
		conf = 0.99 // international, or announced by a cue word
	}
	return Finding{
		Kind: KindPhone, Start: r.start, End: c.end,
		Confidence: conf, Validated: true, Rule: "phone", Value: e164(cc, nsn),
	}, true
}

// unlistedPhone reports numbers the numbering plans do not list but that
// are written as phone numbers all the same, unvalidated: a '+' number in
// groups whose calling code exists and whose length that country's numbers
// may have ("+33 6 39 98 12 34": plans lag behind new number ranges, and
// people mistype a digit), and a seven-digit local number after a phone cue
// ("text me at 555-0134"), the way North Americans give numbers in their
// own area code.
func unlistedPhone(t *phoneTables, c *numCut, d []byte, cued bool, text []byte) (Finding, bool) {
	r := c.r
	f := Finding{Kind: KindPhone, Start: r.start, End: c.end, Confidence: 0.8, Rule: "phone-unlisted"}
	switch {
	case r.lead == '+' && c.ng >= 3:
		cc, nsn, ok := possibleIntl(t, d)
		if !ok {
			return Finding{}, false
		}
		f.Value = e164(cc, nsn)
		return f, true
	case r.lead == 0 && !r.paren && c.ng == 2 && r.groups[0] == 3 && r.groups[1] == 4 && d[0] >= '2' &&
		(r.sep[1] == '-' || r.sep[1] == '.') && cued && cueBefore(text, r.start, phoneOnlyCues):
		f.Confidence, f.Rule, f.Value = 0.7, "phone-local", append([]byte(nil), d...)
		return f, true
	}
	return Finding{}, false
}

// possibleIntl splits the digits after '+' into a calling code that exists
// and a national number of a length one of its regions allows.
func possibleIntl(t *phoneTables, d []byte) (int, []byte, bool) {
	cc := 0
	for l := 1; l <= 3 && l < len(d); l++ {
		cc = cc*10 + int(d[l-1]-'0')
		if len(t.byCC[cc]) == 0 {
			continue
		}
		nsn := d[l:]
		for i := range t.byCC[cc] {
			if lens := t.byCC[cc][i].general.lens; lens != 0 && len(nsn) < 32 && lens&(1<<len(nsn)) != 0 {
				return cc, nsn, true
			}
		}
		return 0, nil, false
	}
	return 0, nil, false
}

// bareNational reports an ungrouped national number with its trunk '0' and
// ten or eleven digits in a text whose language names its regions
// ("0612345678" in Dutch or French, "07700900123" in English): such numbers
// are phones far more often than anything else. The numbering plans of the
// language's regions then decide.
func bareNational(c *numCut, lang string) bool {
	r := c.r
	_, n := langRegions(lang)
	return n > 0 && c.ng == 1 && r.lead == 0 && r.digits[0] == '0' && r.digits[1] != '0' && (c.n == 10 || c.n == 11)
}

// phoneOnlyCues are the cue words that announce a phone number and nothing
// else: "number" or "contact" may introduce any number.
var phoneOnlyCues = newCueSet([]cueWord{
	{"phone", true}, {"tel", false}, {"tele", true}, {"tél", true}, {"call", true},
	{"ring", false}, {"mobile", true}, {"mob", false}, {"cell", true}, {"whatsapp", false},
	{"text", false}, {"sms", false}, {"fax", false}, {"dial", false}, {"ph", false},
	{"móvil", false}, {"movil", false}, {"llama", true}, {"llámame", false}, {"celular", false},
	{"cel", false}, {"telefon", true}, {"handy", true}, {"mobil", true}, {"ruf", true},
	{"anruf", true}, {"portable", false}, {"appel", true}, {"appelle", true}, {"cellulare", false},
	{"chiama", true}, {"fone", false}, {"ligue", false}, {"liga", false}, {"bel", false}, {"mobiel", false},
	{"teléfono", false}, {"telefono", false}, {"telefone", false}, {"telefoon", true}, {"téléphone", false},
})

// otherIDCues announce numbers of other kinds: identity documents, tax and
// insurance numbers, postal codes, orders, parcels, accounts, cards, records,
// software builds.
// A number they introduce is not read as a phone even if it is shaped like one.
var otherIDCues = newCueSet([]cueWord{
	{"passport", true}, {"pasaporte", false}, {"passeport", false}, {"reisepass", false},
	{"passaporto", false}, {"passaporte", false}, {"paspoort", false}, {"nhs", false},
	{"ssn", false}, {"social", false}, {"nino", false}, {"imss", false}, {"afiliación", false},
	{"afiliacion", false}, {"nss", false}, {"curp", false}, {"rfc", false}, {"nif", false},
	{"nie", false}, {"dni", false}, {"cpf", false}, {"cnpj", false}, {"rg", false}, {"bsn", false},
	{"burgerservicenummer", false}, {"cep", false}, {"zip", true}, {"postcode", true},
	{"plz", false}, {"postleitzahl", false}, {"tracking", false}, {"parcel", false},
	{"package", false}, {"paket", true}, {"sendung", true}, {"shipment", false}, {"colis", false},
	{"pedido", false}, {"order", false}, {"bestellung", true}, {"bestellnummer", false},
	{"commande", false}, {"ordine", false}, {"bestelling", false}, {"invoice", false},
	{"rechnung", true}, {"factura", false}, {"facture", false}, {"fattura", false},
	{"fatura", false}, {"factuur", false}, {"iban", false}, {"konto", true}, {"kontonummer", false},
	{"mrn", false}, {"patient", true}, {"uzi", false}, {"member", false}, {"policy", false},
	{"claim", false}, {"ticket", false}, {"booking", false}, {"reservation", false},
	{"confirmation", false}, {"kundennummer", false}, {"tax", false}, {"fiscal", false},
	{"steuer", true}, {"vat", false}, {"licence", false}, {"license", false},
	{"führerschein", false}, {"serial", false}, {"isbn", false}, {"pin", false},
	{"otp", false}, {"versicherungsnummer", false}, {"sozialversicherung", true},
	{"matricule", false}, {"codice", false}, {"bic", false}, {"swift", false},
	{"transaction", false}, {"transfer", false}, {"reference", false}, {"ref", false},
	{"utente", false}, {"sns", false}, {"sanitaria", false}, {"tessera", false},
	{"versichertennummer", false}, {"krankenkasse", true}, {"medicare", false},
	{"medicaid", false}, {"vitale", false}, {"nir", false}, {"agb", false},
	// Software builds and versions: "the build is 0725.043", "(build 0675400872)".
	{"build", true}, {"version", false}, {"versión", false}, {"versione", false}, {"versão", false},
	{"versie", false}, {"compilación", false}, {"compilacion", false}, {"compilation", false},
	{"compilazione", false}, {"compilação", false}, {"release", false},
})

// phoneShape turns away cuts whose digits and separators read as something
// else: dates (2024-01-15, 15.01.2024, 01/15/2024), versions and IP
// addresses (10.0.19045.2965), ISBNs (978-3-16-148410-0), SSNs
// (078-05-1120).
func phoneShape(c *numCut, intl bool) bool {
	r := c.r
	seps := c.seps()
	g := r.groups[:c.ng]
	if seps&sepDot != 0 && seps&^sepDot != 0 {
		return false // dots mixed with other separators: "1.5 2024"
	}
	slashes, singles := 0, 0
	for k := range g {
		if r.sep[k] == '/' {
			slashes++
		}
		if g[k] == 1 && r.sep[k] != '(' { // "(0)" is a trunk prefix: "+33 (0)6 12 …"
			singles++
			if seps&sepDot != 0 {
				return false // 1.2.3, 192.168.1.1
			}
		}
	}
	if slashes > 1 || slashes == 1 && c.ng != 2 {
		return false
	}
	if c.ng > 1 && g[c.ng-1] == 1 || singles > 1 {
		return false // ISBN check digit, "3 4 5 …"
	}
	if c.ng == 3 && !r.paren && seps&^sepSpace != 0 &&
		(g[0] == 4 && g[1] <= 2 && g[2] <= 2 || g[0] <= 2 && g[1] <= 2 && g[2] == 4) {
		return false // a date
	}
	if !intl && c.ng == 3 && g[0] == 3 && g[1] == 2 && g[2] == 4 {
		return false // the layout of a US SSN: 078-05-1120
	}
	if !intl && c.ng == 2 && g[0] == 5 && g[1] == 3 && r.sep[1] == '-' {
		return false // the layout of a Brazilian CEP: 01310-100
	}
	if !intl && c.n == 13 && c.ng > 1 {
		d := c.digits()
		if d[0] == '9' && d[1] == '7' && (d[2] == '8' || d[2] == '9') {
			return false // ISBN-13
		}
	}
	return true
}

// phoneStrong reports whether a cut looks enough like a phone number to be
// validated without a cue word: international, an area code in
// parentheses, a trunk '0' with grouping, or a common national grouping.
func phoneStrong(c *numCut, intl bool) bool {
	r := c.r
	if c.ng == 1 {
		return r.lead == '+' // bare digit strings need a cue
	}
	if intl || r.paren || r.digits[0] == '0' {
		return true
	}
	g := r.groups[:c.ng]
	switch {
	case c.ng == 2:
		return g[0] == 5 && g[1] == 5 // India: 98765 43210
	case c.n < 9 || c.n > 11:
		return false
	}
	for k, n := range g {
		if n < 2 && !(k == 0 && r.digits[0] == '1') { // "1-800-555-0199"
			return false
		}
	}
	return true // 415-555-0192, 612 34 56 78, 55 1234 5678
}

// intlNumber splits the digits d of an international number, after '+' when
// plus is set or else after "00", into calling
// code and national significant number; cc is 0 when they are not valid.
func intlNumber(t *phoneTables, d []byte, plus bool) (int, []byte) {
	if !plus {
		d = d[2:] // "00"
	}
	cc := 0
	for l := 1; l <= 3 && l < len(d); l++ {
		cc = cc*10 + int(d[l-1]-'0')
		if len(t.byCC[cc]) == 0 {
			continue
		}
		nsn := d[l:]
		if t.valid(cc, nsn) {
			return cc, nsn
		}
		if nsn[0] == '0' && t.valid(cc, nsn[1:]) {
			return cc, nsn[1:] // "+44 (0)20 …": a trunk prefix written by habit
		}
		return 0, nil // calling codes are prefix-free: no other split
	}
	return 0, nil
}

// nationalNumber reads the digits d of cut c as a national number of the
// likeliest supported region where they are valid: the text's language's
// regions first, then, as scope allows, the region the grouping suggests if
// it suggests one, else every other region.
func nationalNumber(t *phoneTables, c *numCut, d []byte, lang string, scope regionScope) (int, []byte) {
	var tried [numPhoneRegions]bool
	try := func(ri uint8) (int, []byte) {
		if tried[ri] {
			return 0, nil
		}
		tried[ri] = true
		reg := &phoneRegions[ri]
		nsn, g0 := d, c.r.groups[0]
		if reg.trunk != 0 && nsn[0] == reg.trunk {
			nsn, g0 = nsn[1:], g0-1
		} else if reg.needTrunk {
			return 0, nil
		}
		if reg.area != 0 && c.ng > 1 && g0 != reg.area {
			return 0, nil
		}
		if t.valid(reg.cc, nsn) {
			return reg.cc, nsn
		}
		return 0, nil
	}
	rs, n := langRegions(lang)
	for _, ri := range rs[:n] {
		if cc, nsn := try(ri); cc != 0 {
			return cc, nsn
		}
	}
	if scope == scopeLang && n > 0 {
		return 0, nil
	}
	if ri, ok := groupingRegion(c); ok {
		// A number grouped the way one region writes them is not tried
		// elsewhere: "(123) 456-7890" is no Indian number.
		return try(ri)
	}
	if scope == scopeGrouping && n > 0 {
		return 0, nil
	}
	// Portugal's plan admits most nine-digit strings starting with 2 or 9:
	// it is tried for Portuguese text only.
	for ri := range uint8(regionPT) {
		if cc, nsn := try(ri); cc != 0 {
			return cc, nsn
		}
	}
	return 0, nil
}

// missingTrunk reports whether lang names regions, all of which write
// national numbers with a trunk prefix, and d does not start with it.
func missingTrunk(d []byte, lang string) bool {
	rs, n := langRegions(lang)
	if n == 0 {
		return false
	}
	for _, ri := range rs[:n] {
		if reg := &phoneRegions[ri]; !reg.needTrunk || d[0] == reg.trunk {
			return false
		}
	}
	return true
}

// regionScope says which regions nationalNumber tries after the language's
// own: none, only the one the grouping suggests, or every region. A text of
// unknown language has no regions of its own, so every region is tried.
type regionScope uint8

const (
	scopeAll regionScope = iota
	scopeGrouping
	scopeLang
)

// groupingRegion returns the region whose customary grouping the cut
// follows, if one stands out.
func groupingRegion(c *numCut) (uint8, bool) {
	r := c.r
	g := r.groups[:c.ng]
	switch {
	case r.paren && g[0] == 2:
		return regionBR, true // (11) 91234-5678
	case r.paren && g[0] == 3 && r.digits[0] != '0':
		return regionUS, true // (415) 555-0192; "(030) 123456" is German
	case c.ng == 5 && r.digits[0] == '0' && g[0] == 2:
		return regionFR, true // 06 12 34 56 78
	case c.ng == 2 && g[1] == 5 && (g[0] == 5 || g[0] == 6):
		return regionIN, true // 98765 43210, 098765 43210
	case c.ng == 3 && g[0] == 2 && g[1] == 4 && g[2] == 4:
		return regionMX, true // 55 1234 5678
	case c.ng == 4 && g[0] == 3 && g[1] == 2 && g[2] == 2 && g[3] == 2:
		return regionES, true // 612 34 56 78
	case c.ng == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4 && r.digits[0] != '0':
		return regionUS, true // 415-555-0192
	case c.ng == 4 && g[0] == 1 && r.digits[0] == '1' && g[1] == 3 && g[2] == 3 && g[3] == 4:
		return regionUS, true // 1-800-555-0199
	}
	return 0, false
}

// validatePhoneDigits validates a number given as bare digits, as spoken
// digits gather it: international when plus is set or the digits start with
// "00", else national in the regions of lang first, then in those scope
// allows. It returns the number in E.164. It shares Phone's compiled
// numbering plans and allocates only the result.
func validatePhoneDigits(ds []byte, plus bool, lang string, scope regionScope) ([]byte, bool) {
	t, err := phonePlans()
	if err != nil || len(ds) < 7 || len(ds) > maxRunDigits {
		return nil, false
	}
	var r numRun
	r.n, r.ng = copy(r.digits[:], ds), 1
	r.groups[0] = uint8(r.n)
	c := numCut{r: &r, ng: 1, n: r.n}
	d := append(make([]byte, 0, maxRunDigits), ds...)
	var cc int
	var nsn []byte
	if plus || d[0] == '0' && d[1] == '0' {
		cc, nsn = intlNumber(t, d, plus)
	} else {
		cc, nsn = nationalNumber(t, &c, d, lang, scope)
	}
	if cc == 0 {
		return nil, false
	}
	return e164(cc, nsn), true
}

// e164 formats a calling code and national significant number as E.164.
func e164(cc int, nsn []byte) []byte {
	v := make([]byte, 0, 4+len(nsn))
	v = append(v, '+')
	v = strconv.AppendInt(v, int64(cc), 10)
	return append(v, nsn...)
}
