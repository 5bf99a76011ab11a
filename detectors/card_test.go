package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCardTruePositives(t *testing.T) {
	tests := []struct {
		name string
		give string
		sub  string
		want string
	}{
		{"visa spaced", "my card is 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111", "4111111111111111"},
		{"visa dashed", "card: 4012-8888-8888-1881.", "4012-8888-8888-1881", "4012888888881881"},
		{"visa bare", "4111111111111111", "4111111111111111", "4111111111111111"},
		{"visa 13", "old card 4222222222222 ok", "4222222222222", "4222222222222"},
		{"mastercard", "MC 5555 5555 5555 4444", "5555 5555 5555 4444", "5555555555554444"},
		{"mastercard 2-series", "Karte 2223 0031 2200 3222", "2223 0031 2200 3222", "2223003122003222"},
		{"amex 4-6-5", "amex 3782 822463 10005 thanks", "3782 822463 10005", "378282246310005"},
		{"amex bare", "378282246310005", "378282246310005", "378282246310005"},
		{"discover", "6011 1111 1111 1117", "6011 1111 1111 1117", "6011111111111117"},
		{"jcb", "JCB 3530-1113-3330-0000", "3530-1113-3330-0000", "3530111333300000"},
		{"diners 4-6-4", "diners 3056 930902 5904", "3056 930902 5904", "30569309025904"},
		{"unionpay", "银联 6200 0000 0000 0005", "6200 0000 0000 0005", "6200000000000005"},
		{"maestro", "maestro 6759649826438453", "6759649826438453", "6759649826438453"},
		{"mir", "карта 2200 0000 0000 0004", "2200 0000 0000 0004", "2200000000000004"},
		{"followed by a date", "4111 1111 1111 1111 12/27", "4111 1111 1111 1111", "4111111111111111"},
		{"escaped newlines around", `Card: 5105 1051 0510 5100\nExp: 09/28`, "5105 1051 0510 5100", "5105105105105100"},
		{"in parentheses", "(4111 1111 1111 1111)", "4111 1111 1111 1111", "4111111111111111"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Card(), Input{Text: []byte(tt.give)})
			want := []hit{span(tt.give, tt.sub, tt.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestCardTrueNegatives(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"en chat", "I paid 45 dollars for 3 shirts on 2024-01-15"},
		{"de chat", "Ich habe 2 Karten für 19 Uhr gekauft"},
		{"fr chat", "La carte coûte 12 euros, 3 pour 30"},
		{"es chat", "Mi tarjeta llegó el 5 de mayo"},
		{"phone", "call +1 415 555 0192"},
		{"iban digits", "DE89 3704 0044 0532 0130 00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Card(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestCardNearMisses(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"luhn fails", "card 4111 1111 1111 1112"},
		{"luhn fails bare", "4111111111111112"},
		{"unknown iin luhn valid", "9999 9999 9999 9995"},
		{"unknown iin 1", "123456789012347"},
		{"visa wrong length", "411111111111116"},
		{"mastercard wrong length", "5555 5555 5555 444"},
		{"order number", "order 2024 0115 0000 1234"},
		{"odd grouping", "4111 11 1111 111 111"},
		{"mixed separators", "4111-1111 1111-1111"},
		{"glued", "x4111111111111111"},
		{"price", "$4111111111111111"},
		{"uuid digits", "12345678-1234-1234-1234-123456789012"},
		{"too long", "41111111111111111111111"},
		{"decimal", "4111111111111111.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Card(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func BenchmarkCard_Chat256(b *testing.B) { benchDetector(b, Card(), chatWithDigits(256)) }
func BenchmarkCard_Chat4K(b *testing.B)  { benchDetector(b, Card(), chatWithDigits(4<<10)) }
func BenchmarkCard_Chat64K(b *testing.B) { benchDetector(b, Card(), chatWithDigits(64<<10)) }
func BenchmarkCard_Candidate(b *testing.B) {
	benchDetector(b, Card(), []byte("card 4111 1111 1111 1111 thanks"))
}
