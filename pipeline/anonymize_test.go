package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/keys"
	"github.com/google/go-cmp/cmp"
)

// Test detectors, standing in for the real ones while they are written
// elsewhere. Each reports one trimmed token.

func trimToken(text []byte, tok detectors.Token) (int, int) {
	s, e := tok.Start, tok.End
	for s < e && strings.IndexByte(`("'<`, text[s]) >= 0 {
		s++
	}
	for e > s && strings.IndexByte(`.,;:!?)"'>`, text[e-1]) >= 0 {
		e--
	}
	return s, e
}

func tokenDetector(name string, k detectors.Kind, trig detectors.Trigger, match func([]byte) bool, value func([]byte) []byte) detectors.Detector {
	return detectors.Detector{
		Name: name, Kind: k, Trigger: trig,
		Find: func(dst []detectors.Finding, in detectors.Input, tok detectors.Token) ([]detectors.Finding, int) {
			s, e := trimToken(in.Text, tok)
			if s < e && match(in.Text[s:e]) {
				f := detectors.Finding{Kind: k, Start: s, End: e, Confidence: 0.9, Rule: name}
				if value != nil {
					f.Value = value(in.Text[s:e])
				}
				dst = append(dst, f)
			}
			return dst, tok.End
		},
	}
}

var (
	emailRE  = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$`)
	cardRE   = regexp.MustCompile(`^\d{4}(-?\d{4}){3}$`)
	phoneRE  = regexp.MustCompile(`^555-01\d\d$`)
	urlRE    = regexp.MustCompile(`^https?://\S+$`)
	secretRE = regexp.MustCompile(`^sk-test-[A-Za-z0-9]{8,}$`)
)

// lowerIfNeeded normalizes like an e-mail detector, allocating only for
// upper-case input so that allocation tests measure the anonymizer.
func lowerIfNeeded(b []byte) []byte {
	if bytes.ContainsFunc(b, func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
		return bytes.ToLower(b)
	}
	return nil
}

func testDetectors() []detectors.Detector {
	return []detectors.Detector{
		tokenDetector("test-email", detectors.KindEmail, detectors.Trigger{Any: detectors.ClassAt}, emailRE.Match, lowerIfNeeded),
		tokenDetector("test-card", detectors.KindCreditCard, detectors.Trigger{All: detectors.ClassDigit, MinLen: 16}, cardRE.Match, nil),
		tokenDetector("test-phone", detectors.KindPhone, detectors.Trigger{All: detectors.ClassDigit | detectors.ClassDash, MinLen: 8}, phoneRE.Match, nil),
		tokenDetector("test-url", detectors.KindURL, detectors.Trigger{All: detectors.ClassColon | detectors.ClassSlash}, urlRE.Match, func(b []byte) []byte {
			if i := bytes.IndexByte(b, '?'); i >= 0 {
				return b[:i] // query values dropped, as the URL detector does
			}
			return b
		}),
		tokenDetector("test-secret", detectors.KindSecret, detectors.Trigger{All: detectors.ClassDash, MinLen: 16}, secretRE.Match, nil),
		tokenDetector("test-city", detectors.KindLocation, detectors.Trigger{Keywords: []string{"paris"}}, func(b []byte) bool { return strings.EqualFold(string(b), "paris") }, nil),
	}
}

var (
	testSecret = []byte("0123456789abcdef0123456789abcdef")
	testAt     = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
)

func testRing(t testing.TB) *keys.Ring {
	t.Helper()
	k, err := keys.NewKey("test", time.Time{}, testSecret)
	if err != nil {
		t.Fatal(err)
	}
	r, err := keys.NewRing(keys.RotatePeriod, keys.Daily, []*keys.Key{k})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// testAnonymizer runs the test detectors only, so that its results do not
// change as the shipped detectors do.
func testAnonymizer(t testing.TB, actions Actions) *Anonymizer {
	t.Helper()
	return newTestAnonymizer(t, testDetectors(), actions)
}

func newTestAnonymizer(t testing.TB, dets []detectors.Detector, actions Actions) *Anonymizer {
	t.Helper()
	eng, err := detectors.New(dets)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAnonymizer(eng, testRing(t), actions)
	if err != nil {
		t.Fatalf("NewAnonymizer = %v", err)
	}
	return a
}

// pseudo computes the expected pseudonym independently of Session.
func pseudo(t *testing.T, tenant, typ, value string) string {
	t.Helper()
	k, err := testRing(t).At(testAt)
	if err != nil {
		t.Fatal(err)
	}
	return string(keys.NewHasher().AppendPseudonym(nil, k, tenant, typ, []byte(value)))
}

func TestSessionText(t *testing.T) {
	tests := []struct {
		name    string
		actions Actions
		give    string
		want    string
		wantF   []Finding
	}{
		{
			name: "no findings",
			give: "can you help me plan a trip?",
			want: "can you help me plan a trip?",
		},
		{
			name: "email pseudonymized on its normalized value",
			give: "mail Anna@Example.com, thanks",
			want: "mail <EMAIL_" + pseudo(t, "acme", "EMAIL", "anna@example.com") + ">, thanks",
			wantF: []Finding{
				{Kind: detectors.KindEmail, Start: 5, End: 21, Confidence: 0.9, Rule: "test-email", Action: ActionPseudonymize},
			},
		},
		{
			name: "card redacted, phone pseudonymized",
			give: "card 4111-1111-1111-1111 call 555-0100",
			want: "card <CREDIT_CARD> call <PHONE_" + pseudo(t, "acme", "PHONE", "555-0100") + ">",
			wantF: []Finding{
				{Kind: detectors.KindCreditCard, Start: 5, End: 24, Confidence: 0.9, Rule: "test-card", Action: ActionRedact},
				{Kind: detectors.KindPhone, Start: 30, End: 38, Confidence: 0.9, Rule: "test-phone", Action: ActionPseudonymize},
			},
		},
		{
			name:    "card masked",
			actions: Actions{detectors.KindCreditCard: ActionMask},
			give:    "card 4111-1111-1111-1111",
			want:    "card ****-****-****-1111",
			wantF: []Finding{
				{Kind: detectors.KindCreditCard, Start: 5, End: 24, Confidence: 0.9, Rule: "test-card", Action: ActionMask},
			},
		},
		{
			name: "secret redacted",
			give: "key: sk-test-AbCdEf123456",
			want: "key: <SECRET>",
			wantF: []Finding{
				{Kind: detectors.KindSecret, Start: 5, End: 25, Confidence: 0.9, Rule: "test-secret", Action: ActionRedact},
			},
		},
		{
			name: "url keeps host only",
			give: "see https://Shop.Example.com:8443/orders/123?token=abc",
			want: "see <URL_" + pseudo(t, "acme", "URL", "https://Shop.Example.com:8443/orders/123") + " host=shop.example.com>",
			wantF: []Finding{
				{Kind: detectors.KindURL, Start: 4, End: 54, Confidence: 0.9, Rule: "test-url", Action: ActionPseudonymize},
			},
		},
		{
			name:    "location kept",
			actions: Actions{detectors.KindLocation: ActionKeep},
			give:    "I live in Paris.",
			want:    "I live in Paris.",
			wantF: []Finding{
				{Kind: detectors.KindLocation, Start: 10, End: 15, Confidence: 0.9, Rule: "test-city", Action: ActionKeep},
			},
		},
		{
			name:    "email redacted by configuration",
			actions: Actions{detectors.KindEmail: ActionRedact},
			give:    "a@example.com b@example.com",
			want:    "<EMAIL> <EMAIL>",
			wantF: []Finding{
				{Kind: detectors.KindEmail, Start: 0, End: 13, Confidence: 0.9, Rule: "test-email", Action: ActionRedact},
				{Kind: detectors.KindEmail, Start: 14, End: 27, Confidence: 0.9, Rule: "test-email", Action: ActionRedact},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testAnonymizer(t, tt.actions).NewSession()
			got, res, err := s.Text([]byte("> "), "acme", testAt, detectors.Input{Text: []byte(tt.give)})
			if err != nil {
				t.Fatalf("Text(%q) = %v", tt.give, err)
			}
			if string(got) != "> "+tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.give, got, "> "+tt.want)
			}
			if diff := cmp.Diff(tt.wantF, res.Findings, cmp.Comparer(func(a, b []Finding) bool {
				return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b)
			})); diff != "" {
				t.Errorf("Text(%q) findings mismatch (-want +got):\n%s", tt.give, diff)
			}
			if res.KeyID != "test-20261123" {
				t.Errorf("Text(%q) key id = %q, want test-20261123", tt.give, res.KeyID)
			}
		})
	}
}

func TestSessionTextScopes(t *testing.T) {
	s := testAnonymizer(t, nil).NewSession()
	text := func(tenant string, at time.Time, in string) string {
		out, _, err := s.Text(nil, tenant, at, detectors.Input{Text: []byte(in)})
		if err != nil {
			t.Fatalf("Text(%q) = %v", in, err)
		}
		return string(out)
	}
	base := text("acme", testAt, "anna@example.com")
	tests := []struct {
		name      string
		got       string
		wantEqual bool
	}{
		{"same value, tenant and day", text("acme", testAt.Add(time.Hour), "ANNA@example.com"), true},
		{"other tenant", text("globex", testAt, "anna@example.com"), false},
		{"other day", text("acme", testAt.AddDate(0, 0, 1), "anna@example.com"), false},
		{"other value", text("acme", testAt, "bob@example.com"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if (tt.got == base) != tt.wantEqual {
				t.Errorf("Text = %q, base %q; want equal %v", tt.got, base, tt.wantEqual)
			}
		})
	}
}

func TestSessionTextDestroyedKey(t *testing.T) {
	gone, err := keys.DestroyedKey("old", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := keys.NewRing(keys.RotateVersions, "", []*keys.Key{gone})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := detectors.New(testDetectors())
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAnonymizer(eng, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := a.NewSession()
	if _, _, err := s.Text(nil, "acme", testAt, detectors.Input{Text: []byte("hi anna@example.com")}); !errors.Is(err, keys.ErrKeyDestroyed) {
		t.Errorf("Text under a destroyed key error = %v, want ErrKeyDestroyed", err)
	}
	if _, err := s.Pseudonym(nil, "acme", testAt, "user", "u-42"); !errors.Is(err, keys.ErrKeyDestroyed) {
		t.Errorf("Pseudonym under a destroyed key error = %v, want ErrKeyDestroyed", err)
	}
	if _, err := s.PseudonymOf("acme", testAt, "user", "u-42"); !errors.Is(err, keys.ErrKeyDestroyed) {
		t.Errorf("PseudonymOf under a destroyed key error = %v, want ErrKeyDestroyed", err)
	}
}

// TestSessionPseudonymOf checks that the memoized form gives Pseudonym's
// answer, first time and from the memo, and keeps tenants, types and keys
// apart.
func TestSessionPseudonymOf(t *testing.T) {
	s := testAnonymizer(t, nil).NewSession()
	tests := []struct {
		name            string
		tenant, typ, id string
		at              time.Time
	}{
		{name: "user", tenant: "acme", typ: "user", id: "u-42", at: testAt},
		{name: "same again", tenant: "acme", typ: "user", id: "u-42", at: testAt},
		{name: "other type", tenant: "acme", typ: "conversation", id: "u-42", at: testAt},
		{name: "other tenant", tenant: "globex", typ: "user", id: "u-42", at: testAt},
		{name: "next day's key", tenant: "acme", typ: "user", id: "u-42", at: testAt.Add(24 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := s.Pseudonym(nil, tt.tenant, tt.at, tt.typ, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // computed, then from the memo
				got, err := s.PseudonymOf(tt.tenant, tt.at, tt.typ, tt.id)
				if err != nil || got != string(want) {
					t.Errorf("PseudonymOf(%s, %s) = %q, %v; want %q, nil", tt.tenant, tt.typ, got, err, want)
				}
			}
		})
	}
}

func TestArenaStrings(t *testing.T) {
	var a arena
	long := strings.Repeat("x", arenaChunk)
	var got, want []string
	for i := range 5000 { // several chunks
		b := []byte(fmt.Sprintf("id-%d", i))
		if i%1000 == 0 {
			b = []byte(long)
		}
		got, want = append(got, a.string(b)), append(want, string(b))
		clear(b) // the arena must have copied it
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("arena strings (-want +got):\n%s", diff)
	}
	if s := a.string(nil); s != "" {
		t.Errorf("string(nil) = %q, want \"\"", s)
	}
}

func TestSessionPseudonym(t *testing.T) {
	s := testAnonymizer(t, nil).NewSession()
	a, err := s.Pseudonym(nil, "acme", testAt, "user", "u-42")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Pseudonym(nil, "acme", testAt, "conversation", "u-42")
	c, _ := s.Pseudonym(nil, "acme", testAt, "user", "u-42")
	if len(a) != keys.IDLen || string(a) == string(b) || string(a) != string(c) {
		t.Errorf("Pseudonym(user u-42) = %s, (conversation u-42) = %s, again %s; want %d hex digits, types apart, stable", a, b, c, keys.IDLen)
	}
}

func TestResultCount(t *testing.T) {
	s := testAnonymizer(t, nil).NewSession()
	_, res, err := s.Text(nil, "acme", testAt, detectors.Input{Text: []byte("a@example.com b@example.com 555-0100")})
	if err != nil {
		t.Fatal(err)
	}
	if e, p, c := res.Count(detectors.KindEmail), res.Count(detectors.KindPhone), res.Count(detectors.KindCreditCard); e != 2 || p != 1 || c != 0 {
		t.Errorf("Count(EMAIL, PHONE, CREDIT_CARD) = %d, %d, %d; want 2, 1, 0", e, p, c)
	}
}

func TestParseActionSpec(t *testing.T) {
	tests := []struct {
		give     string
		wantKind detectors.Kind
		want     Action
	}{
		{"EMAIL=mask", detectors.KindEmail, ActionMask},
		{"CREDIT_CARD=pseudonymize", detectors.KindCreditCard, ActionPseudonymize},
		{"LOCATION=keep", detectors.KindLocation, ActionKeep},
		{"POSTAL_CODE=keep", detectors.KindPostalCode, ActionKeep},
		{"SECRET=redact", detectors.KindSecret, ActionRedact},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			k, a, err := ParseActionSpec(tt.give)
			if err != nil || k != tt.wantKind || a != tt.want {
				t.Errorf("ParseActionSpec(%q) = %v, %v, %v; want %v, %v, nil", tt.give, k, a, err, tt.wantKind, tt.want)
			}
		})
	}
}

func TestParseActionSpecRejects(t *testing.T) {
	tests := []struct {
		give string
		want []string // substrings of the error
	}{
		{"EMAIL", []string{"TYPE=ACTION"}},
		{"EMAILS=mask", []string{"EMAILS", "EMAIL, URL"}},
		{"EMAIL=hide", []string{"EMAIL", `"hide"`, "pseudonymize, redact, mask"}},
		{"CREDIT_CARD=keep", []string{"CREDIT_CARD", `"keep"`, "pseudonymize, redact, mask"}},
		{"US_SSN=keep", []string{"US_SSN", `"keep"`}},
		{"GOV_ID=keep", []string{"GOV_ID"}},
		{"IBAN=keep", []string{"IBAN"}},
		{"SECRET=mask", []string{"SECRET", `"mask"`, "pseudonymize, redact"}},
		{"EMAIL=keep", []string{"EMAIL", `"keep"`}},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			_, _, err := ParseActionSpec(tt.give)
			if err == nil {
				t.Fatalf("ParseActionSpec(%q) = nil error, want error", tt.give)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseActionSpec(%q) error = %q, want it to contain %q", tt.give, err, w)
				}
			}
		})
	}
}

func TestParseActions(t *testing.T) {
	got, err := ParseActions(map[string]string{"EMAIL": "mask", "LOCATION": "keep"})
	if err != nil {
		t.Fatalf("ParseActions = %v", err)
	}
	if diff := cmp.Diff(Actions{detectors.KindEmail: ActionMask, detectors.KindLocation: ActionKeep}, got); diff != "" {
		t.Errorf("ParseActions mismatch (-want +got):\n%s", diff)
	}
	_, err = ParseActions(map[string]string{"SECRET": "keep", "NAME": "redact"})
	if err == nil || !strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "NAME") {
		t.Errorf("ParseActions(two bad entries) error = %v, want both named", err)
	}
}

func TestNewAnonymizerRejectsForbiddenActions(t *testing.T) {
	eng, err := detectors.New(testDetectors())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []detectors.Kind{detectors.KindCreditCard, detectors.KindSecret, detectors.KindUSSSN, detectors.KindGovID, detectors.KindIBAN} {
		if _, err := NewAnonymizer(eng, testRing(t), Actions{k: ActionKeep}); err == nil {
			t.Errorf("NewAnonymizer(%s=keep) = nil error, want error", k)
		}
	}
}

func TestAppendMask(t *testing.T) {
	tests := []struct {
		give, want string
	}{
		{"4111-1111-1111-1111", "****-****-****-1111"},
		{"4111 1111 1111 1111", "**** **** **** 1111"},
		{"+1 (555) 010-0199", "+* (***) ***-0199"},
		{"anna@example.com", "****@******e.com"},
		{"12345678", "****5678"},
		{"1234", "**34"}, // at most half survives
		{"1", "*"},
		{"müller-straße 12", "******-****ße 12"},
		{"--", "--"},
	}
	for _, tt := range tests {
		if got := string(appendMask(nil, []byte(tt.give))); got != tt.want {
			t.Errorf("appendMask(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestURLHost(t *testing.T) {
	tests := []struct {
		give, want string
	}{
		{"https://example.com/a/b", "example.com"},
		{"https://user:pw@Shop.Example.com:8443/x?y=1", "Shop.Example.com"},
		{"http://example.com.", "example.com"},
		{"www.example.com/path", "www.example.com"},
		{"https://example.com#frag", "example.com"},
		{"https://203.0.113.7/admin", ""},
		{"http://[2001:db8::1]:8080/", ""},
		{"http://localhost:3000/", ""},
		{"https://bücher.example/", ""},
		{"https://", ""},
	}
	for _, tt := range tests {
		if got := string(urlHost([]byte(tt.give))); got != tt.want {
			t.Errorf("urlHost(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestSessionTextAllocs(t *testing.T) {
	s := testAnonymizer(t, nil).NewSession()
	tests := []struct {
		name string
		give string
	}{
		{"no findings", "hey, can you help me plan a trip to the mountains next week? thanks a lot"},
		{"two findings", "hey, mail me at anna@example.com or call 555-0100 about the trip next week"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := detectors.Input{Text: []byte(tt.give)}
			dst := make([]byte, 0, 256)
			if n := testing.AllocsPerRun(100, func() { dst, _, _ = s.Text(dst[:0], "acme", testAt, in) }); n != 0 {
				t.Errorf("Text(%q) allocated %v times per run, want 0", tt.give, n)
			}
		})
	}
}

func benchText(b *testing.B, dets []detectors.Detector, text string) {
	s := newTestAnonymizer(b, dets, nil).NewSession()
	in := detectors.Input{Text: []byte(text)}
	dst := make([]byte, 0, 256)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst, _, _ = s.Text(dst[:0], "acme", testAt, in)
	}
}

const (
	benchNoFindings  = "hey, can you help me plan a trip to the mountains next week? thanks a lot"
	benchTwoFindings = "hey, mail me at anna@example.com or call 555-0100 about the trip next week"
)

// The anonymizer's own cost, over the cheap test detectors.
func BenchmarkSessionText_NoFindings(b *testing.B) { benchText(b, testDetectors(), benchNoFindings) }
func BenchmarkSessionText_TwoFindings(b *testing.B) {
	benchText(b, testDetectors(), benchTwoFindings)
}

// With the shipped detectors too: what the pipeline pays per text.
func BenchmarkSessionText_Default_NoFindings(b *testing.B) {
	benchText(b, append(detectors.All(), testDetectors()...), benchNoFindings)
}
func BenchmarkSessionText_Default_TwoFindings(b *testing.B) {
	benchText(b, append(detectors.All(), testDetectors()...), benchTwoFindings)
}

// planted are synthetic identifiers FuzzAnonymize inserts into random text.
var planted = []string{
	"anna.lindqvist+news@example.com",
	"4111-1111-1111-1111",
	"555-0142",
	"https://user:hunter2@shop.example.com/orders/9912?token=abc",
	"sk-test-Zx81Qp0aLm3",
	"Paris",
}

// tokenRE matches the tokens Text writes.
var tokenRE = regexp.MustCompile(`<[A-Z_]+(?:_[0-9a-f]{12}(?: host=[a-z0-9.-]+)?)?>`)

func FuzzAnonymize(f *testing.F) {
	seeds := []string{
		"hi, my email is  and my card is , thanks!",
		"call me on  tomorrow",
		"",
		"<EMAIL_0123456789ab> already looks like a token",
		"voice: my number is five five five oh one four two",
		"see the link  and tell me what you think",
		"Ärger mit der Bestellung, bitte an  schreiben",
	}
	for i, s := range seeds {
		f.Add(s, uint8(i), uint16(len(s)/2))
	}
	// The shipped detectors as well: the invariant must hold for them.
	a := newTestAnonymizer(f, append(detectors.All(), testDetectors()...), nil)
	f.Fuzz(func(t *testing.T, base string, which uint8, pos uint16) {
		p := int(pos) % (len(base) + 1)
		text := base[:p] + " " + planted[int(which)%len(planted)] + " " + base[p:]
		s := a.NewSession()
		out, res, err := s.Text(nil, "acme", testAt, detectors.Input{Text: []byte(text)})
		if err != nil {
			t.Fatalf("Text = %v", err)
		}
		var residue []byte
		prev := 0
		for _, fd := range res.Findings {
			if fd.Start < prev || fd.End > len(text) || fd.Start >= fd.End {
				t.Fatalf("finding %v out of order or bounds (prev end %d, len %d)", fd, prev, len(text))
			}
			residue = append(residue, text[prev:fd.Start]...)
			residue = append(residue, 0)
			prev = fd.End
		}
		residue = append(residue, text[prev:]...)
		stripped := tokenRE.ReplaceAll(out, []byte{0})
		for _, fd := range res.Findings {
			raw := []byte(text[fd.Start:fd.End])
			if bytes.Contains(stripped, raw) && !bytes.Contains(residue, raw) {
				t.Errorf("Text(%q) = %q: %s value survives", text, out, fd.Kind)
			}
		}
		if !strings.ContainsAny(text, "<>") && !bytes.Equal(stripped, residue) {
			t.Errorf("Text(%q) = %q: outside its tokens differs from the input outside its findings", text, out)
		}
	})
}

func TestInterner(t *testing.T) {
	in := interner{}
	tests := []struct {
		name string
		give string
	}{
		{name: "new", give: "acme"},
		{name: "again", give: "acme"},
		{name: "other", give: "globex"},
		{name: "empty", give: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.give)
			got := in.get(string(b))
			clear(b)
			if got != tt.give || in.get(tt.give) != got {
				t.Errorf("get(%q) = %q, then %q; want %q both times", tt.give, got, in.get(tt.give), tt.give)
			}
		})
	}
	for i := range maxInterned + 1 {
		in.get(fmt.Sprint(i))
	}
	if len(in) > maxInterned {
		t.Errorf("interner holds %d strings, want at most %d", len(in), maxInterned)
	}
}
