package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIBANTruePositives(t *testing.T) {
	tests := []struct {
		name string
		give string
		sub  string
		want string
	}{
		{"de grouped", "IBAN: DE89 3704 0044 0532 0130 00, danke", "DE89 3704 0044 0532 0130 00", "DE89370400440532013000"},
		{"de compact", "DE89370400440532013000", "DE89370400440532013000", "DE89370400440532013000"},
		{"de lower case", "iban de89 3704 0044 0532 0130 00", "de89 3704 0044 0532 0130 00", "DE89370400440532013000"},
		{"gb letters in bban", "pay to GB82 WEST 1234 5698 7654 32.", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"},
		{"fr", "mon RIB FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"},
		{"nl", "NL91ABNA0417164300", "NL91ABNA0417164300", "NL91ABNA0417164300"},
		{"es", "cuenta ES91 2100 0418 4502 0005 1332", "ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"},
		{"it", "IT60 X054 2811 1010 0000 0123 456", "IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"},
		{"be shortest groups", "BE68 5390 0754 7034", "BE68 5390 0754 7034", "BE68539007547034"},
		{"no 15", "konto NO93 8601 1117 947", "NO93 8601 1117 947", "NO9386011117947"},
		{"br 29", "BR18 0036 0305 0000 1000 9795 493C 1", "BR18 0036 0305 0000 1000 9795 493C 1", "BR1800360305000010009795493C1"},
		{"lc 32", "LC55HEMM000100010012001200023015", "LC55HEMM000100010012001200023015", "LC55HEMM000100010012001200023015"},
		{"after colon", "iban:DE89370400440532013000", "DE89370400440532013000", "DE89370400440532013000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, IBAN(), Input{Text: []byte(tt.give)})
			want := []hit{span(tt.give, tt.sub, tt.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestIBANTrueNegatives(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"en chat", "flight BA2490 leaves at 10:30 from gate B12"},
		{"de chat", "Ich wohne in der Straße 12, PLZ 10115 Berlin"},
		{"fr chat", "RDV au 3e étage, salle A12"},
		{"codes", "model XR21 and ES24 and DE22 are products"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, IBAN(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestIBANNearMisses(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"bad check digits", "DE88 3704 0044 0532 0130 00"},
		{"one digit changed", "DE89 3704 0044 0532 0130 01"},
		{"too short", "DE89 3704 0044 0532 0130 0"},
		{"too long", "DE89370400440532013000123"},
		{"unknown country", "XX89 3704 0044 0532 0130 00"},
		{"us not in registry", "US89 3704 0044 0532 0130 00"},
		{"glued", "xDE89370400440532013000"},
		{"bad grouping", "DE8 93704 0044 0532 0130 00"},
		{"uuid", "de305d54-75b4-431b-adb2-eb6b9e546014"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, IBAN(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func BenchmarkIBAN_Chat256(b *testing.B) { benchDetector(b, IBAN(), chatWithDigits(256)) }
func BenchmarkIBAN_Chat4K(b *testing.B)  { benchDetector(b, IBAN(), chatWithDigits(4<<10)) }
func BenchmarkIBAN_Chat64K(b *testing.B) { benchDetector(b, IBAN(), chatWithDigits(64<<10)) }
func BenchmarkIBAN_Candidate(b *testing.B) {
	benchDetector(b, IBAN(), []byte("IBAN DE89 3704 0044 0532 0130 00 thanks"))
}
