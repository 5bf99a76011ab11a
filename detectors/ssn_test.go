package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSSNTruePositives(t *testing.T) {
	tests := []struct {
		name string
		give string
		sub  string
		want string
	}{
		{"dashed", "my ssn is 123-45-6789.", "123-45-6789", "123456789"},
		{"dashed no cue", "it's 219-09-9999 I think", "219-09-9999", "219099999"},
		{"spaced with cue", "Social Security: 123 45 6789", "123 45 6789", "123456789"},
		{"spaced without cue", "number 214 53 8876", "214 53 8876", "214538876"},
		{"bare with cue", "SSN 123456789", "123456789", "123456789"},
		{"bare after social", "my social is 536225471 ok", "536225471", "536225471"},
		{"followed by a count", "ssn 123-45-6789 2 times", "123-45-6789", "123456789"},
		{"area 899", "899-45-6789", "899-45-6789", "899456789"},
		{"after escaped newline", `Name: Dana Reyes\nSSN: 412-67-3390\nDept: 4`, "412-67-3390", "412673390"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, SSN(), Input{Text: []byte(tt.give)})
			want := []hit{span(tt.give, tt.sub, tt.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestSSNConfidence(t *testing.T) {
	tests := []struct {
		give          string
		wantConf      float32
		wantValidated bool
	}{
		{"ssn 123-45-6789", 0.99, true},
		{"id 214-53-8876", 0.95, true},
		{"id 214 53 8876", 0.75, false},
	}
	for _, tt := range tests {
		e, err := New([]Detector{SSN()})
		if err != nil {
			t.Fatal(err)
		}
		fs := e.Scan(nil, []byte(tt.give))
		if len(fs) != 1 || fs[0].Confidence != tt.wantConf || fs[0].Validated != tt.wantValidated {
			t.Errorf("Scan(%q) = %v, want one finding with confidence %v, validated %v", tt.give, fs, tt.wantConf, tt.wantValidated)
		}
	}
}

func TestSSNTrueNegatives(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"en chat", "I have 123 apples and 45 pears"},
		{"es chat", "Tengo 3 hijos de 12, 45 y 67 años"},
		{"de chat", "Zimmer 123, Etage 4"},
		{"bare without cue", "order 123456789 shipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, SSN(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestSSNNearMisses(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"area 000", "ssn 000-12-3456"},
		{"area 666", "ssn 666-12-3456"},
		{"area 9xx", "ssn 912-34-5678"},
		{"group 00", "ssn 123-00-4567"},
		{"serial 0000", "ssn 123-45-0000"},
		{"woolworth", "ssn 078-05-1120"},
		{"phone", "ssn 415-555-0192"},
		{"zip+4", "ssn 12345-6789"},
		{"mixed separators", "ssn 123-45 6789"},
		{"dots", "ssn 123.45.6789"},
		{"too long", "ssn 123-45-67890"},
		{"date", "2024-01-15"},
		{"glued", "A123-45-6789"},
		{"phone-like intl", "+123-45-6789"},
		{"stock example without cue", "the format is like 123-45-6789, nine digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, SSN(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func BenchmarkSSN_Chat256(b *testing.B) { benchDetector(b, SSN(), chatWithDigits(256)) }
func BenchmarkSSN_Chat4K(b *testing.B)  { benchDetector(b, SSN(), chatWithDigits(4<<10)) }
func BenchmarkSSN_Chat64K(b *testing.B) { benchDetector(b, SSN(), chatWithDigits(64<<10)) }
func BenchmarkSSN_Candidate(b *testing.B) {
	benchDetector(b, SSN(), []byte("my ssn is 123-45-6789."))
}
