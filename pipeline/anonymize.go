package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/keys"
)

// Action is what the anonymizer does with a finding of a given kind.
type Action uint8

// Actions. The zero Action means "the kind's default" (DefaultAction).
const (
	// ActionPseudonymize replaces the finding with its kind and keyed
	// pseudonym, <EMAIL_3f9a0c12d4e5>; the same value gives the same token
	// within a tenant and key. URLs keep their host: <URL_3f9a0c12d4e5
	// host=example.com>.
	ActionPseudonymize Action = iota + 1
	// ActionRedact replaces the finding with its kind alone, <CREDIT_CARD>.
	ActionRedact
	// ActionMask replaces letters and digits with '*' except the last four
	// (at most half of them), keeping separators: ************4242.
	ActionMask
	// ActionKeep leaves the finding as it is; only for the geographic kinds
	// LOCATION, POSTAL_CODE and ADDRESS.
	ActionKeep
)

var actionNames = [...]string{
	ActionPseudonymize: "pseudonymize",
	ActionRedact:       "redact",
	ActionMask:         "mask",
	ActionKeep:         "keep",
}

// String returns the action's name as written in configuration.
func (a Action) String() string {
	if a == 0 || int(a) >= len(actionNames) {
		return fmt.Sprintf("Action(%d)", uint8(a))
	}
	return actionNames[a]
}

// DefaultAction returns what happens to kind k unless configured otherwise:
// ActionRedact for CREDIT_CARD, SECRET, US_SSN, IBAN and GOV_ID, whose
// values must never reach any output; ActionPseudonymize for the rest.
func DefaultAction(k detectors.Kind) Action {
	switch k {
	case detectors.KindCreditCard, detectors.KindSecret, detectors.KindUSSSN, detectors.KindIBAN, detectors.KindGovID:
		return ActionRedact
	}
	return ActionPseudonymize
}

// AllowedActions returns the actions kind k accepts: never keep for
// CREDIT_CARD, SECRET, US_SSN, IBAN and GOV_ID, which the privacy policy
// promises never reach an output, and not mask for SECRET either (a
// secret's tail narrows it down); keep only for LOCATION, POSTAL_CODE and
// ADDRESS, for teams that want the geographic signal.
func AllowedActions(k detectors.Kind) []Action {
	switch k {
	case detectors.KindSecret:
		return []Action{ActionPseudonymize, ActionRedact}
	case detectors.KindLocation, detectors.KindPostalCode, detectors.KindAddress:
		return []Action{ActionPseudonymize, ActionRedact, ActionMask, ActionKeep}
	}
	return []Action{ActionPseudonymize, ActionRedact, ActionMask}
}

// ParseAction returns the action named s for kind k. Its error names the
// kind, the value and the allowed values.
func ParseAction(k detectors.Kind, s string) (Action, error) {
	allowed := AllowedActions(k)
	for _, a := range allowed {
		if a.String() == s {
			return a, nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = a.String()
	}
	return 0, fmt.Errorf("action for %s: %q not allowed; use %s", k, s, strings.Join(names, ", "))
}

// Actions overrides the default action of some kinds. A nil Actions means
// every kind's default.
type Actions map[detectors.Kind]Action

// ParseActions parses configuration's per-type actions, such as
// {"EMAIL": "mask", "LOCATION": "keep"}, reporting every bad entry.
func ParseActions(m map[string]string) (Actions, error) {
	out := Actions{}
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(m)) { // errors in a stable order
		s := m[name]
		k, err := detectors.ParseKind(name)
		if err != nil {
			errs = append(errs, fmt.Errorf("actions: %w; types are %s", err, kindList()))
			continue
		}
		a, err := ParseAction(k, s)
		if err != nil {
			errs = append(errs, fmt.Errorf("actions: %w", err))
			continue
		}
		out[k] = a
	}
	return out, errors.Join(errs...)
}

// ParseActionSpec parses a command-line "TYPE=ACTION", e.g. "EMAIL=mask".
func ParseActionSpec(spec string) (detectors.Kind, Action, error) {
	name, s, ok := strings.Cut(spec, "=")
	if !ok {
		return 0, 0, fmt.Errorf("action %q: want TYPE=ACTION, e.g. EMAIL=mask", spec)
	}
	k, err := detectors.ParseKind(name)
	if err != nil {
		return 0, 0, fmt.Errorf("action %q: %w; types are %s", spec, err, kindList())
	}
	a, err := ParseAction(k, s)
	return k, a, err
}

func kindList() string {
	var b strings.Builder
	for i, k := range detectors.Kinds() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k.String())
	}
	return b.String()
}

// Anonymizer finds identifiers and secrets in texts and replaces each as its
// kind's action says, with pseudonyms under the key in force at the event's
// time. It is immutable and safe for concurrent use; each goroutine works
// through its own Session.
type Anonymizer struct {
	eng     *detectors.Engine
	ring    keys.Source
	actions [256]Action // by Kind; every valid kind set
}

// NewAnonymizer returns an anonymizer running eng, taking keys from ring, and
// applying actions over the defaults. It fails if an action is not allowed
// for its kind.
func NewAnonymizer(eng *detectors.Engine, ring keys.Source, actions Actions) (*Anonymizer, error) {
	if eng == nil || ring == nil {
		return nil, errors.New("anonymizer: engine and key ring are required")
	}
	a := &Anonymizer{eng: eng, ring: ring}
	for _, k := range detectors.Kinds() {
		a.actions[k] = DefaultAction(k)
	}
	var errs []error
	for k, act := range actions {
		if _, err := ParseAction(k, act.String()); err != nil {
			errs = append(errs, fmt.Errorf("anonymizer: %w", err))
			continue
		}
		a.actions[k] = act
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return a, nil
}

// Action returns the action applied to kind k.
func (a *Anonymizer) Action(k detectors.Kind) Action { return a.actions[k] }

// Finding is one replaced identifier, without its value: safe to log and
// to print.
type Finding struct {
	Kind       detectors.Kind
	Start, End int // byte offsets into the original text
	Confidence float32
	Rule       string // the detector rule that matched
	Action     Action // what was done to it
}

// Result describes one anonymized text.
type Result struct {
	// Findings lists what was replaced, in text order. It belongs to the
	// Session and is overwritten by its next call.
	Findings []Finding
	// KeyID is the id of the key in force for the text, which made any
	// pseudonym in it.
	KeyID string
}

// Count returns the number of findings of kind k.
func (r Result) Count(k detectors.Kind) int {
	n := 0
	for _, f := range r.Findings {
		if f.Kind == k {
			n++
		}
	}
	return n
}

// Session anonymizes texts for one goroutine, reusing its buffers and HMAC
// states, so a text without findings costs no allocation. Not safe for
// concurrent use.
type Session struct {
	a     *Anonymizer
	h     *keys.Hasher
	found []detectors.Finding
	res   []Finding
	// ids memoizes PseudonymOf: conversation and user ids recur across a
	// stream's events, and each HMAC costs about a microsecond.
	ids     map[idKey]string
	tenants interner // the memo's tenants, one copy each
	scratch []byte
	// memo, when set, answers scans of texts seen recently (memo.go).
	memo *scanMemo
}

// idKey identifies a pseudonym: the key that made it, and what it hashed.
// Keyed by the *keys.Key in force, so a rotated or destroyed key is never
// served from the memo: the ring is asked first, every time.
type idKey struct {
	key             *keys.Key
	tenant, typ, id string
}

// maxMemoIDs bounds a session's pseudonym memo; it is cleared when full,
// which only costs recomputing.
const maxMemoIDs = 1 << 15

// NewSession returns a session over a.
func (a *Anonymizer) NewSession() *Session {
	return &Session{a: a, h: keys.NewHasher(), found: make([]detectors.Finding, 0, 16), res: make([]Finding, 0, 16),
		ids: map[idKey]string{}, tenants: interner{}}
}

// Text appends the anonymized in.Text to dst, which must not overlap it, and
// describes what it replaced. Pseudonyms are scoped to tenant and made by
// the key in force at at, the event's time. It fails only when the ring has
// no usable key for at (none yet, or destroyed); dst is then returned as
// given.
func (s *Session) Text(dst []byte, tenant string, at time.Time, in detectors.Input) ([]byte, Result, error) {
	return s.text(dst, tenant, at, in, true)
}

// text is Text; remember says whether the scan may go through the
// session's memo, if it has one: not for texts unlikely to recur.
func (s *Session) text(dst []byte, tenant string, at time.Time, in detectors.Input, remember bool) ([]byte, Result, error) {
	key, err := s.a.ring.At(at)
	if err != nil {
		return dst, Result{}, fmt.Errorf("anonymize: %w", err)
	}
	if remember && s.memo != nil && s.memo.eng == s.a.eng {
		s.found = s.memo.scan(s.found[:0], in)
	} else {
		s.found = s.a.eng.ScanInput(s.found[:0], in)
	}
	s.res = s.res[:0]
	text := in.Text
	prev := 0
	for _, f := range s.found {
		if f.Start < prev || f.End > len(text) || f.Start >= f.End {
			// The engine promises ordered, disjoint spans; a broken promise
			// must not turn into a leak or a panic on user text.
			return dst, Result{}, fmt.Errorf("anonymize: detector rule %s returned span [%d:%d) out of order or bounds", f.Rule, f.Start, f.End)
		}
		act := s.a.actions[f.Kind]
		if act == 0 {
			act = ActionRedact // a kind this build does not know: the safe choice
		}
		dst = append(dst, text[prev:f.Start]...)
		dst = s.replace(dst, key, tenant, act, f, text[f.Start:f.End])
		prev = f.End
		s.res = append(s.res, Finding{Kind: f.Kind, Start: f.Start, End: f.End, Confidence: f.Confidence, Rule: f.Rule, Action: act})
	}
	dst = append(dst, text[prev:]...)
	return dst, Result{Findings: s.res, KeyID: key.ID}, nil
}

// replace appends the replacement of raw, found as f.
func (s *Session) replace(dst []byte, key *keys.Key, tenant string, act Action, f detectors.Finding, raw []byte) []byte {
	name := "REDACTED" // for a kind this build does not know
	if s.a.actions[f.Kind] != 0 {
		name = f.Kind.String()
	}
	switch act {
	case ActionKeep:
		return append(dst, raw...)
	case ActionMask:
		return appendMask(dst, raw)
	case ActionPseudonymize:
		v := f.Value
		if v == nil {
			v = raw
		}
		dst = append(dst, '<')
		dst = append(dst, name...)
		dst = append(dst, '_')
		dst = s.h.AppendPseudonym(dst, key, tenant, name, v)
		if f.Kind == detectors.KindURL {
			if host := urlHost(v); host != nil {
				dst = append(dst, " host="...)
				dst = appendLower(dst, host)
			}
		}
		return append(dst, '>')
	default:
		dst = append(dst, '<')
		dst = append(dst, name...)
		return append(dst, '>')
	}
}

// Pseudonym appends the IDLen-hex-digit pseudonym of an id column's value
// (typ "user", "conversation", "event" …) in tenant, under the key in force
// at at: the same key Text uses for the same time.
func (s *Session) Pseudonym(dst []byte, tenant string, at time.Time, typ, id string) ([]byte, error) {
	key, err := s.a.ring.At(at)
	if err != nil {
		return dst, fmt.Errorf("pseudonymize %s id: %w", typ, err)
	}
	return s.h.AppendID(dst, key, tenant, typ, id), nil
}

// PseudonymOf returns Pseudonym's result as a string, from a memo of the
// session's recent ids when the same id, type, tenant and key recur.
func (s *Session) PseudonymOf(tenant string, at time.Time, typ, id string) (string, error) {
	key, err := s.a.ring.At(at)
	if err != nil {
		return "", fmt.Errorf("pseudonymize %s id: %w", typ, err)
	}
	k := idKey{key, tenant, typ, id}
	if p, ok := s.ids[k]; ok && !key.Destroyed() {
		return p, nil
	}
	s.scratch = s.h.AppendID(s.scratch[:0], key, tenant, typ, id)
	p := string(s.scratch)
	if len(s.ids) >= maxMemoIDs {
		clear(s.ids)
	}
	// Cloned: the caller's strings may share a record's buffer, which the
	// memo would otherwise keep alive.
	s.ids[idKey{key, s.tenants.get(tenant), typ, strings.Clone(id)}] = p
	return p, nil
}

// maskKeep is how many trailing letters and digits ActionMask leaves.
const maskKeep = 4

// appendMask appends raw with every letter and digit but the last maskKeep
// (and no more than half of them) replaced by '*'; other characters stay,
// so the shape (1234-…, @, dots) survives.
func appendMask(dst, raw []byte) []byte {
	total := 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if isAlnum(r) {
			total++
		}
		i += n
	}
	keep := min(maskKeep, total/2)
	seen := 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		switch {
		case !isAlnum(r):
			dst = append(dst, raw[i:i+n]...)
		case seen >= total-keep:
			dst = append(dst, raw[i:i+n]...)
			seen++
		default:
			dst = append(dst, '*')
			seen++
		}
		i += n
	}
	return dst
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var schemeSep = []byte("://")

// urlHost returns the host name of URL v (with or without a scheme), or nil
// when there is none worth keeping: no dot, non-ASCII, or an IP address,
// which is itself an identifier.
func urlHost(v []byte) []byte {
	if i := bytes.Index(v, schemeSep); i >= 0 {
		v = v[i+3:]
	}
	for i, c := range v {
		if c == '/' || c == '?' || c == '#' {
			v = v[:i]
			break
		}
	}
	for i := len(v) - 1; i >= 0; i-- {
		if v[i] == '@' { // credentials: never kept
			v = v[i+1:]
			break
		}
	}
	for i := len(v) - 1; i >= 0 && v[i] != '.'; i-- {
		if v[i] == ':' { // a port
			v = v[:i]
			break
		}
	}
	for len(v) > 0 && v[len(v)-1] == '.' {
		v = v[:len(v)-1]
	}
	if len(v) == 0 || len(v) > 253 {
		return nil
	}
	dot, letter := false, false
	for _, c := range v {
		switch {
		case c == '.':
			dot = true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return nil // '[' of an IPv6 literal, non-ASCII, stray bytes
		}
	}
	if !dot || !letter {
		return nil // "localhost"-like, or an IPv4 address
	}
	return v
}

func appendLower(dst, b []byte) []byte {
	for _, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
