package corpus

import (
	"bytes"
	"flag"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/convanon/convanon/detectors"
	"github.com/google/go-cmp/cmp"
	"github.com/nyaruka/phonenumbers"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus/conversations.jsonl")

// samplePath is the committed sample that detector benchmarks cut text from.
var samplePath = filepath.Join("..", "..", "testdata", "corpus", "conversations.jsonl")

// Sample parameters: `go run ./bench corpus --messages 500 --seed 1` prints
// the same lines.
const (
	sampleSeed     = 1
	sampleMessages = 500
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(7, 500), Generate(7, 500)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("Generate(7, 500) twice differ (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(a[:200], Generate(7, 200)); diff != "" {
		t.Errorf("Generate(7, 200) is not a prefix of Generate(7, 500):\n%s", diff)
	}
	if c := Generate(8, 50); cmp.Equal(a[:50], c) {
		t.Errorf("Generate(8, 50) = Generate(7, 50), want different corpora for different seeds")
	}
}

func TestGenerateCount(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		if got := len(Generate(3, n)); got != n {
			t.Errorf("len(Generate(3, %d)) = %d, want %d", n, got, n)
		}
	}
}

func TestSpansAreWellFormed(t *testing.T) {
	for _, m := range Generate(11, 20000) {
		prev := 0
		for _, s := range m.Spans {
			if s.Start < prev || s.End <= s.Start || s.End > len(m.Text) {
				t.Fatalf("message %s: span %v out of order or bounds (text length %d)", m.ID, s, len(m.Text))
			}
			if !utf8.ValidString(m.Text[s.Start:s.End]) || strings.TrimSpace(m.Text[s.Start:s.End]) != m.Text[s.Start:s.End] {
				t.Fatalf("message %s: span %v is not a trimmed UTF-8 substring", m.ID, s)
			}
			if _, err := detectors.ParseKind(string(s.Type)); err != nil {
				t.Fatalf("message %s: span type %q is no detector kind: %v", m.ID, s.Type, err)
			}
			prev = s.End
		}
		if m.Spans == nil {
			t.Fatalf("message %s: Spans is nil, want empty slice", m.ID)
		}
	}
}

func TestShareAndCoverage(t *testing.T) {
	msgs := Generate(5, 20000)
	withPII := 0
	seen := map[string]int{}
	for _, m := range msgs {
		if len(m.Spans) > 0 {
			withPII++
		}
		seen["lang "+m.Lang]++
		seen["channel "+m.Channel]++
		seen["role "+m.Role]++
		for _, s := range m.Spans {
			seen["type "+string(s.Type)]++
		}
	}
	// The e-mail signature adds a few PII messages beyond PIIShare.
	if share := float64(withPII) / float64(len(msgs)); share < 0.13 || share > 0.18 {
		t.Errorf("share of messages with PII = %.3f, want about %.2f", share, PIIShare)
	}
	var want []string
	for _, l := range languages {
		want = append(want, "lang "+l.lang.code)
	}
	for _, c := range channels {
		want = append(want, "channel "+c.name)
	}
	for _, ty := range []Type{Email, URL, IPAddress, MACAddress, Phone, CreditCard, IBAN, USSSN, Crypto, Secret, Person, Address, DateOfBirth, Operational} {
		want = append(want, "type "+string(ty))
	}
	want = append(want, "role user", "role assistant")
	for _, w := range want {
		if seen[w] == 0 {
			t.Errorf("Generate(5, 20000) has no message with %s", w)
		}
	}
}

// TestWrittenValuesValidate checks that planted written identifiers pass the
// checks a detector applies, so a miss is the detector's, not the corpus's.
func TestWrittenValuesValidate(t *testing.T) {
	checks := map[Type]func(string) bool{
		CreditCard: func(s string) bool { return luhn(digitsOf(s)) },
		IBAN:       func(s string) bool { c := strings.ReplaceAll(s, " ", ""); return mod97(c[4:]+c[:4]) == 1 },
		USSSN:      validSSN,
		Phone:      validPhone,
		IPAddress:  func(s string) bool { _, err := netip.ParseAddr(s); return err == nil },
		MACAddress: func(s string) bool { _, err := net.ParseMAC(s); return err == nil },
	}
	for _, m := range Generate(13, 20000) {
		if m.Channel == "voice" {
			continue
		}
		for _, s := range m.Spans {
			check, ok := checks[s.Type]
			if ok && !check(m.Text[s.Start:s.End]) {
				t.Errorf("message %s: planted %s at [%d:%d] does not validate", m.ID, s.Type, s.Start, s.End)
			}
		}
	}
}

func TestTrackingCheckDigit(t *testing.T) {
	// 1Z999AA10123456784 is UPS's published example.
	if got := upsCheck("999AA1012345678"); got != 4 {
		t.Errorf("upsCheck(%q) = %d, want 4", "999AA1012345678", got)
	}
	for _, m := range Generate(17, 20000) {
		for _, s := range m.Spans {
			v := m.Text[s.Start:s.End]
			if s.Type == Operational && strings.HasPrefix(v, "1Z") && upsCheck(v[2:17]) != int(v[17]-'0') {
				t.Errorf("message %s: planted tracking number has a bad check digit", m.ID)
			}
		}
	}
}

func TestSampleFile(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Generate(sampleSeed, sampleMessages)); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(samplePath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(samplePath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatalf("read sample (refresh with go test ./bench/corpus -run TestSampleFile -update): %v", err)
	}
	if diff := cmp.Diff(buf.String(), string(got)); diff != "" {
		t.Errorf("%s is stale; refresh with -update (-generated +file):\n%s", samplePath, diff)
	}
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func luhn(d string) bool {
	sum := 0
	for i := range len(d) {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return len(d) >= 12 && sum%10 == 0
}

func validSSN(s string) bool {
	p := strings.Split(s, "-")
	if len(p) != 3 {
		return false
	}
	area, _ := strconv.Atoi(p[0])
	group, _ := strconv.Atoi(p[1])
	serial, _ := strconv.Atoi(p[2])
	return area > 0 && area != 666 && area < 900 && group > 0 && serial > 0
}

// validPhone accepts a number valid in some country the corpus uses.
func validPhone(s string) bool {
	for _, region := range []string{"US", "GB", "DE", "FR", "ES", "IT", "BR", "IN", "MX", "NL"} {
		n, err := phonenumbers.Parse(s, region)
		if err == nil && (strings.HasPrefix(s, "+") && phonenumbers.IsValidNumber(n) || phonenumbers.IsValidNumberForRegion(n, region)) {
			return true
		}
	}
	return false
}
