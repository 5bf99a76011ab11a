package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAddressTruePositives(t *testing.T) {
	tests := []struct{ name, lang, give, want string }{
		{"en street", "en", "ship it to 123 Main Street please", "123 Main Street"},
		{"en ave apt", "en", "I live at 1600 Pennsylvania Ave NW, Apt 4B, Washington, DC 20500.", "1600 Pennsylvania Ave NW, Apt 4B, Washington, DC 20500"},
		{"en uk", "en", "my address is 10 Downing Street, London SW1A 2AA", "10 Downing Street, London SW1A 2AA"},
		{"en lower st", "en", "it's 42 Elm st by the park", "42 Elm st"},
		{"fr rue", "fr", "j'habite au 12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris"},
		{"fr bis", "fr", "au 3 bis avenue Victor Hugo", "3 bis avenue Victor Hugo"},
		{"de compound", "de", "ich wohne in der Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin"},
		{"de str.", "de", "Lieferadresse: Berliner Str. 12a", "Berliner Str. 12a"},
		{"es calle piso", "es", "vivo en Calle Mayor 12, 3º B, 28013 Madrid", "Calle Mayor 12, 3º B, 28013 Madrid"},
		{"it via", "it", "abito in Via Roma 10, 00184 Roma", "Via Roma 10, 00184 Roma"},
		{"pt rua", "pt", "moro na Rua Augusta, 100, apto 12", "Rua Augusta, 100, apto 12"},
		{"pt cep", "pt", "Avenida Paulista 1578, 01310-100 São Paulo", "Avenida Paulista 1578, 01310-100 São Paulo"},
		{"nl", "nl", "ik woon op Kalverstraat 12, 1012 AB Amsterdam", "Kalverstraat 12, 1012 AB Amsterdam"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, Address, Input{Text: []byte(tt.give), Lang: tt.lang})
			if diff := cmp.Diff([]spanWant{at(KindAddress, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestAddressTrueNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"counts", "I have 3 kids and 2 dogs"},
		{"time", "meet me at 5pm on Main"},
		{"ordinal", "the 3rd Street festival"},
		{"price", "it costs 12 Euro"},
		{"version", "upgrade to Python 3 today"},
		{"german prose", "wir fahren am 5 Mai nach Berlin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, Address, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestAddressNearMisses(t *testing.T) {
	tests := []struct{ name, give string }{
		{"street word without number", "we walked down Main Street yesterday"},
		{"number then lowercase words", "I need 12 eggs and street food"},
		{"leading zero", "Calle Mayor 012"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, Address, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func BenchmarkAddressNoFindings(b *testing.B) {
	e, err := New([]Detector{Address, PostalCode, Operational, DateOfBirth})
	if err != nil {
		b.Fatal(err)
	}
	text := []byte("I ordered 3 items on 12/05 and paid 45 dollars, the order arrived at 5pm. " +
		"Wir haben 2 Kinder und 1 Hund, je voudrais 4 croissants à 10h30, tengo 2 preguntas sobre la factura de 2024 ")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}
