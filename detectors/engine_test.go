package detectors

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// word is a test detector reporting every token equal to w, as kind k.
func word(name string, k Kind, w string, validated bool, trig Trigger) Detector {
	return Detector{
		Name: name, Kind: k, Trigger: trig,
		Find: func(dst []Finding, in Input, tok Token) ([]Finding, int) {
			if i := bytes.Index(in.Text[tok.Start:tok.End], []byte(w)); i >= 0 {
				s := tok.Start + i
				dst = append(dst, Finding{Kind: k, Start: s, End: s + len(w), Validated: validated, Rule: name})
			}
			return dst, tok.End
		},
	}
}

func spans(fs []Finding) [][3]int {
	out := [][3]int{}
	for _, f := range fs {
		out = append(out, [3]int{int(f.Kind), f.Start, f.End})
	}
	return out
}

func TestEngineTriggers(t *testing.T) {
	tests := []struct {
		name string
		det  Detector
		give string
		want [][3]int
	}{
		{"class all", word("d", KindPhone, "555", false, Trigger{All: ClassDigit}), "call 555 now", [][3]int{{int(KindPhone), 5, 8}}},
		{"class not met", word("d", KindPhone, "abc", false, Trigger{All: ClassDigit}), "abc def", [][3]int{}},
		{"any", word("d", KindEmail, "a@b", false, Trigger{Any: ClassAt | ClassColon}), "x a@b y", [][3]int{{int(KindEmail), 2, 5}}},
		{"min len", word("d", KindSecret, "k1", false, Trigger{All: ClassDigit, MinLen: 3}), "k1 k1x", [][3]int{{int(KindSecret), 3, 5}}},
		{"keyword case-insensitive", word("d", KindSecret, "PassWord", false, Trigger{Keywords: []string{"password"}}), "my (PassWord: x", [][3]int{{int(KindSecret), 4, 12}}},
		{"keyword is whole leading word", word("d", KindSecret, "passwords", false, Trigger{Keywords: []string{"password"}}), "passwords", [][3]int{}},
		{"keyword stops at non-letter", word("d", KindSecret, "API", false, Trigger{Keywords: []string{"api"}}), "API_KEY=1", [][3]int{{int(KindSecret), 0, 3}}},
		{"empty", word("d", KindSecret, "x", false, Trigger{All: ClassLower}), "", [][3]int{}},
		{"tabs and newlines separate", word("d", KindPhone, "12", false, Trigger{All: ClassDigit}), "a\t12\n12", [][3]int{{int(KindPhone), 2, 4}, {int(KindPhone), 5, 7}}},
		{"min len above dispatch table", word("d", KindSecret, "k", false, Trigger{All: ClassLower, MinLen: 70}), strings.Repeat("k", 65) + " " + strings.Repeat("k", 70), [][3]int{{int(KindSecret), 66, 67}}},
		{"min digits over groups", word("d", KindPhone, "415", false, Trigger{All: ClassDigit, MinDigits: 10}), "415 555 0192 415", [][3]int{{int(KindPhone), 0, 3}}},
		{"min digits above dispatch table", word("d", KindPhone, "1", false, Trigger{All: ClassDigit, MinDigits: 70}), strings.Repeat("1", 65) + " x " + strings.Repeat("1", 70), [][3]int{{int(KindPhone), 68, 69}}},
		{"all with a high class bit", word("d", KindSecret, "a=b", false, Trigger{All: ClassEqual | ClassLower}), "a=b 1=2 =", [][3]int{{int(KindSecret), 0, 3}}},
		{"keyword wakes without the class", word("d", KindSecret, "token", false, Trigger{All: ClassDigit, MinDigits: 9, Keywords: []string{"token"}}), "token x", [][3]int{{int(KindSecret), 0, 5}}},
		{"not a uuid", word("d", KindPhone, "1", false, Trigger{All: ClassDigit, Not: ShapeUUID}), "123e4567-e89b-12d3-a456-426614174000. 123e4567-e89b-12d3-a456-42661417400g", [][3]int{{int(KindPhone), 38, 39}}},
		{"not a hash", word("d", KindPhone, "1", false, Trigger{All: ClassDigit, Not: ShapeHex}), "(da39a3ee5e6b4b0d3255bfef95601890afd80709), 11111111111111111111111111111111111 da39a3ee5e6b4b0d3255bfef9560189", [][3]int{{int(KindPhone), 44, 45}, {int(KindPhone), 108, 109}}},
		{"not a key", word("d", KindPhone, "1", false, Trigger{All: ClassDigit, Not: ShapeKey}), `"xoxb-1234-5678-AbCdEfGhIjKlMnOp", aB1+cD2/eF3_gH4-iJ5kL6mN7== ab1_cd2_ef3_gh4_ij5_kl6_mn7 AB1_CD2_EF3_GH4_IJ5_KL6_MN7`, [][3]int{{int(KindPhone), 65, 66}, {int(KindPhone), 93, 94}}},
		{"keyword among many", word("d", KindSecret, "zeta", false, Trigger{Keywords: []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}}), "zeta zet zetas", [][3]int{{int(KindSecret), 0, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{tt.det})
			if err != nil {
				t.Fatal(err)
			}
			got := spans(e.Scan(nil, []byte(tt.give)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestResolveOverlaps(t *testing.T) {
	tests := []struct {
		name string
		give []Finding
		want []Finding
	}{
		{
			name: "validated beats longer",
			give: []Finding{{Kind: KindPhone, Start: 0, End: 12}, {Kind: KindCreditCard, Start: 2, End: 10, Validated: true}},
			want: []Finding{{Kind: KindCreditCard, Start: 0, End: 12, Validated: true}},
		},
		{
			name: "longer beats shorter",
			give: []Finding{{Kind: KindEmail, Start: 5, End: 9}, {Kind: KindURL, Start: 0, End: 20}},
			want: []Finding{{Kind: KindURL, Start: 0, End: 20}},
		},
		{
			name: "disjoint kept in order",
			give: []Finding{{Kind: KindEmail, Start: 10, End: 12}, {Kind: KindURL, Start: 0, End: 5}},
			want: []Finding{{Kind: KindURL, Start: 0, End: 5}, {Kind: KindEmail, Start: 10, End: 12}},
		},
		{
			name: "chain merges transitively",
			give: []Finding{{Kind: KindPhone, Start: 0, End: 4}, {Kind: KindPhone, Start: 3, End: 8}, {Kind: KindPhone, Start: 7, End: 9}},
			want: []Finding{{Kind: KindPhone, Start: 0, End: 9}},
		},
		{
			name: "tie broken by kind",
			give: []Finding{{Kind: KindURL, Start: 0, End: 4}, {Kind: KindEmail, Start: 0, End: 4}},
			want: []Finding{{Kind: KindEmail, Start: 0, End: 4}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(append([]Finding{{Kind: KindIBAN}}, tt.give...), 1)[1:]
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("resolve(%v) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestNewRejectsBadDetectors(t *testing.T) {
	find := func(dst []Finding, _ Input, tok Token) ([]Finding, int) { return dst, tok.End }
	tests := []struct {
		name string
		give []Detector
	}{
		{"no name", []Detector{{Kind: KindEmail, Find: find}}},
		{"no find", []Detector{{Name: "x", Kind: KindEmail}}},
		{"bad kind", []Detector{{Name: "x", Find: find}}},
		{"duplicate", []Detector{{Name: "x", Kind: KindEmail, Find: find}, {Name: "x", Kind: KindEmail, Find: find}}},
		{"unknown shape", []Detector{{Name: "x", Kind: KindEmail, Find: find, Trigger: Trigger{Not: numShapes}}}},
		{"upper keyword", []Detector{{Name: "x", Kind: KindEmail, Find: find, Trigger: Trigger{Keywords: []string{"Pass"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.give); err == nil {
				t.Errorf("New(%s) = nil error, want error", tt.name)
			}
		})
	}
}

func TestScanAllocatesNothingWithoutFindings(t *testing.T) {
	e, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("hey, can you help me plan a trip to the mountains next week? thanks a lot")
	dst := make([]Finding, 0, 8)
	if n := testing.AllocsPerRun(100, func() { dst = e.Scan(dst[:0], text) }); n != 0 {
		t.Errorf("Scan allocated %v times per run, want 0", n)
	}
}

func TestKwHashText(t *testing.T) {
	text := []byte("a password, Passphrase: contraseña x kennwortXYZ abcdefghijklmnopq z")
	for ws := range len(text) {
		for we := ws + 1; we <= min(len(text), ws+maxKeyword); we++ {
			if got, want := kwHashText(text, ws, we), kwHash(text[ws:we]); got != want {
				t.Errorf("kwHashText(%q) = %#x, want kwHash's %#x", text[ws:we], got, want)
			}
		}
	}
}

// refTokens tokenizes text byte by byte, as the engine's Token documents:
// the reference for the engine's word-at-a-time token loop.
func refTokens(text []byte) []Token {
	var out []Token
	for i := 0; i < len(text); {
		if byteClass[text[i]] == classSpace {
			i++
			continue
		}
		tok := Token{Start: i}
		for ; i < len(text) && byteClass[text[i]] != classSpace; i++ {
			tok.Class |= byteClass[text[i]]
		}
		tok.End = i
		tok.WordStart, tok.WordEnd = leadingWord(text, tok.Start, tok.End)
		out = append(out, tok)
	}
	return out
}

// scanTokens returns the tokens the engine passes to a detector that every
// token wakes, with the fields refTokens computes.
func scanTokens(t testing.TB, text []byte) []Token {
	var got []Token
	all := Detector{
		Name: "all", Kind: KindSecret, Trigger: Trigger{Any: classSpace - 1},
		Find: func(dst []Finding, in Input, tok Token) ([]Finding, int) {
			got = append(got, Token{Start: tok.Start, End: tok.End, Class: tok.Class, WordStart: tok.WordStart, WordEnd: tok.WordEnd})
			return dst, tok.End
		},
	}
	e, err := New([]Detector{all})
	if err != nil {
		t.Fatal(err)
	}
	e.Scan(nil, text)
	return got
}

func TestScanTokens(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"empty", ""},
		{"spaces", " \t\n\r  \x00\x7f "},
		{"one short word", "hi"},
		{"words", "hello there, General Kenobi! (Password: x) ok."},
		{"long words", "internationalization Donaudampfschifffahrtsgesellschaftskapitän abcdefgh abcdefghi abcdefghijklmnop"},
		{"digits first", "123abc 4.5 +1-555-010-0199 2001:db8::1 0x7F"},
		{"punctuation first", `"quoted" ((nested)) --flag @user #tag ...`},
		{"non-ASCII", "héllo wörld Ünïcödé 東京 привет \xff\xfe \xc3"},
		{"DEL and controls", "a\x7fb c\x01d e\x1ff"},
		{"at the end", "x y  z"},
		{"mixed", "sk-proj-abc123DEF456ghi789JKL0mnopqrstu anna.lindqvist+news@example.com https://shop.example.com/o?x=1&y=2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.give)
			for cut := range len(text) + 1 {
				// Every prefix, so that each token also ends the text once.
				if diff := cmp.Diff(refTokens(text[:cut]), scanTokens(t, text[:cut])); diff != "" {
					t.Errorf("Scan(%q) tokens mismatch (-want +got):\n%s", text[:cut], diff)
				}
			}
		})
	}
}

// FuzzScanTokens checks the engine's tokens against refTokens.
func FuzzScanTokens(f *testing.F) {
	f.Add("hello there, General Kenobi! 123abc héllo \x7f\x00 sk-proj-abc123DEF456ghi789JKL0")
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(refTokens([]byte(s)), scanTokens(t, []byte(s))); diff != "" {
			t.Errorf("Scan(%q) tokens mismatch (-want +got):\n%s", s, diff)
		}
	})
}
