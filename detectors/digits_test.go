package detectors

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// hit is a finding as the numeric detectors' tests compare it: span and
// normalized value.
type hit struct {
	Start, End int
	Value      string
}

// scanOnly scans in with an engine built from det alone.
func scanOnly(t testing.TB, det Detector, in Input) []hit {
	t.Helper()
	e, err := New([]Detector{det})
	if err != nil {
		t.Fatalf("New(%s): %v", det.Name, err)
	}
	got := []hit{}
	for _, f := range e.ScanInput(nil, in) {
		v := string(f.Value)
		if f.Value == nil {
			v = string(in.Text[f.Start:f.End])
		}
		got = append(got, hit{f.Start, f.End, v})
	}
	return got
}

// span returns the hit for the first occurrence of sub in text, with value v.
func span(text, sub, v string) hit {
	i := indexOf(text, sub)
	return hit{i, i + len(sub), v}
}

func TestScanRunCuts(t *testing.T) {
	tests := []struct {
		name string
		give string
		want [][2]int // per acceptable cut: groups, digits
	}{
		{"single", "415-555-0192", [][2]int{{3, 10}}},
		{"across tokens", "+1 415 555 0192", [][2]int{{4, 11}, {3, 7}, {2, 4}, {1, 1}}},
		{"stops before words", "2 pm", [][2]int{{1, 1}}},
		{"not into a time", "415-555-0192 10:30", [][2]int{{3, 10}}},
		{"paren area code", "(415) 555-0192.", [][2]int{{3, 10}, {1, 3}}},
		{"price", "1.299,00", [][2]int{}},
		{"glued to a word", "10am", [][2]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.give)
			var r numRun
			scanRun(&r, text, nextNumber(text, 0, len(text)))
			got := [][2]int{}
			for g := r.ng - 1; g >= 0; g-- {
				if c, ok := r.cut(text, g); ok {
					got = append(got, [2]int{c.ng, c.n})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("scanRun(%q) cuts mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestCueBefore(t *testing.T) {
	tests := []struct {
		give string
		want bool
	}{
		{"call me at ", true},
		{"Meine Telefonnummer ist ", true},
		{"mi número es ", true},
		{"TEL: ", true},
		{"tell me about ", false},
		{"order ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := cueBefore([]byte(tt.give+"1"), len(tt.give), phoneCues); got != tt.want {
			t.Errorf("cueBefore(%q) = %v, want %v", tt.give, got, tt.want)
		}
	}
}

// numbers returns the numeric detectors, as All lists them.
func numbers() []Detector { return []Detector{Card(), IBAN(), SSN(), Crypto(), Phone()} }

func TestNumbersTogether(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []Kind
	}{
		{"card is no phone", "card 4111 1111 1111 1111 thanks", []Kind{KindCreditCard}},
		{"ssn is no phone", "ssn 123-45-6789", []Kind{KindUSSSN}},
		{"phone is no ssn", "call 415-555-0192", []Kind{KindPhone}},
		{"iban is no card", "IBAN DE89 3704 0044 0532 0130 00", []Kind{KindIBAN}},
		{"all in one", "call +44 20 7946 0958, card 5555 5555 5555 4444, ssn 219-09-9999, iban GB82 WEST 1234 5698 7654 32, eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
			[]Kind{KindPhone, KindCreditCard, KindUSSSN, KindIBAN, KindCrypto}},
		{"chat", string(chatWithDigits(512)), []Kind{}},
	}
	e, err := New(numbers())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []Kind{}
			for _, f := range e.Scan(nil, []byte(tt.give)) {
				got = append(got, f.Kind)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Scan(%q) kinds mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestNumbersNoAllocWithoutFinding(t *testing.T) {
	tests := []struct {
		name string
		dets []Detector
		give []byte
	}{
		{"all numbers", numbers(), chatWithDigits(4 << 10)},
		{"card", []Detector{Card()}, chatWithDigits(1024)},
		{"ssn", []Detector{SSN()}, chatWithDigits(1024)},
		{"crypto", []Detector{Crypto()}, []byte("commit 3f786850e387550fdab836ed7e6dc881de23001b 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")},
		{"iban", []Detector{IBAN()}, []byte("flight BA2490 at 10:30 gate B12, ES24 DE88 3704 0044 0532 0130 00 v1.2.3")},
		{"phone", []Detector{Phone()}, []byte("meet at 2 pm on 2024-01-15, v1.2.3, 3 items for $1,299.00; order 123456789 at 10:30")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(tt.dets)
			if err != nil {
				t.Fatal(err)
			}
			dst := make([]Finding, 0, 8)
			if n := testing.AllocsPerRun(50, func() { dst = e.Scan(dst[:0], tt.give) }); n != 0 {
				t.Errorf("Scan allocated %v times per run, want 0", n)
			}
		})
	}
}

func BenchmarkNumbers_Chat256(b *testing.B) { benchEngine(b, numbers(), chatWithDigits(256)) }
func BenchmarkNumbers_Chat4K(b *testing.B)  { benchEngine(b, numbers(), chatWithDigits(4<<10)) }
func BenchmarkNumbers_Chat64K(b *testing.B) { benchEngine(b, numbers(), chatWithDigits(64<<10)) }

// BenchmarkNumbers_Baseline is the engine with one digit-triggered detector
// that does nothing: the cost of tokenizing and waking, to subtract.
func BenchmarkNumbers_Baseline4K(b *testing.B) {
	noop := Detector{Name: "noop", Kind: KindPhone, Trigger: Trigger{All: ClassDigit},
		Find: func(dst []Finding, _ Input, tok Token) ([]Finding, int) { return dst, tok.End }}
	benchEngine(b, []Detector{noop}, chatWithDigits(4<<10))
}

// benchEngine measures an engine built from dets over text.
func benchEngine(b *testing.B, dets []Detector, text []byte) {
	e, err := New(dets)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}

// chatWithDigits returns n bytes of chat where most sentences hold a digit,
// none an identifier.
func chatWithDigits(n int) []byte {
	const s = "see you at 2 pm. I ordered 3 items, total $45.99 on 2024-01-15. " +
		"Update to v1.2.3 first? Wir treffen uns um 14 Uhr. J'ai 2 chats. Tengo 25 años. " +
		"Order 123456789 shipped, ETA 10:30, ticket #4521, 50% off, room 12. "
	var sb strings.Builder
	for sb.Len() < n {
		sb.WriteString(s)
	}
	return []byte(sb.String()[:n])
}

// benchDetector measures an engine built from det alone over text.
func benchDetector(b *testing.B, det Detector, text []byte) {
	benchEngine(b, []Detector{det}, text)
}

// FuzzNumbers checks the numeric detectors' invariants on any text: no
// panic, findings in bounds, ordered and disjoint, each with a value.
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{
		"call +1 (415) 555-0192 or 020 7946 0958", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00",
		"ssn 123-45-6789", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pk",
		"+44 (0", "(", "+", "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "0044 (0)(1) 2-3.4/5",
	} {
		f.Add(s, "")
	}
	e, err := New(numbers())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		fs := e.ScanInput(nil, Input{Text: []byte(text), Lang: lang})
		end := 0
		for _, x := range fs {
			if x.Start < end || x.End <= x.Start || x.End > len(text) || len(x.Value) == 0 {
				t.Fatalf("ScanInput(%q) finding %v out of order, bounds or without value (previous end %d)", text, x, end)
			}
			end = x.End
		}
	})
}
