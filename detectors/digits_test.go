package detectors

import (
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

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	panic("BUG: test substring not in text")
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
