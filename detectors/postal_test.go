package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPostalCode(t *testing.T) {
	tests := []struct{ name, give, want string }{
		{"us zip", "my zip code is 94103", "94103"},
		{"zip+4", "ZIP: 62704-1234", "62704-1234"},
		{"uk", "postcode SW1A 2AA", "SW1A 2AA"},
		{"es", "código postal 28013", "28013"},
		{"fr", "code postal : 75002", "75002"},
		{"de", "PLZ 10115", "10115"},
		{"it", "il CAP è 00184", "00184"},
		{"pt short code read aloud", "o código postal é dois nove zero zero", "dois nove zero zero"},
		{"uk postcode read aloud", "my postcode is l s six two a b", "l s six two a b"},
		{"br", "CEP 01310-100", "01310-100"},
		{"pt changed", "o meu código postal mudou, agora é 4050-262. Cumprimentos", "4050-262"},
		{"de new", "meine PLZ ist jetzt neu 80331", "80331"},
		{"nl", "postcode 1012 AB", "1012 AB"},
		{"ch 4 digits", "PLZ 8001", "8001"},
		{"ie eircode", "Eircode D02 AF30 please", "D02 AF30"},
		{"fr in words", "le code postal c'est trente et un mille deux cents", "trente et un mille deux cents"},
		{"pt in words", "o código postal é quatro mil e quinhentos", "quatro mil e quinhentos"},
		{"de digit by digit", "die PLZ ist null eins null sechs sieben", "null eins null sechs sieben"},
		{"fr before a city", "j'habite à 69003 Lyon", "69003"},
		{"es before a city", "vivo en 46001 Valencia", "46001"},
		{"de before a city", "ich wohne in 10115 Berlin", "10115"},
		{"fr arrondissement", "nous livrons dans le 75011 entre 9 h et 13 h", "75011"},
		{"fr in words after fillers", "et le code postal c'est bien soixante-quinze mille dix-neuf", "soixante-quinze mille dix-neuf"},
		{"fr in words after alors", "code postal alors trente-trois mille cent", "trente-trois mille cent"},
		{"es in words", "el código postal es el cuarenta y un mil once", "cuarenta y un mil once"},
		{"es chunks", "mi código postal veintiocho cero trece", "veintiocho cero trece"},
		{"it glued with e", "il cap è cinquantamilaecentoventidue", "cinquantamilaecentoventidue"},
		{"it chunks", "il cap è zero zero centottantaquattro", "zero zero centottantaquattro"},
		{"de glued", "die PLZ ist achtzigtausenddreihunderteins", "achtzigtausenddreihunderteins"},
		{"de chunks after a hesitation", "postleitzahl ist äh sechzig drei elf", "sechzig drei elf"},
		{"pt cep in words", "o meu cep é vinte e dois mil duzentos e cinquenta", "vinte e dois mil duzentos e cinquenta"},
		{"nl spelled", "de postcode is negen zeven nul twee b v", "negen zeven nul twee b v"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, PostalCode, Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]spanWant{at(KindPostalCode, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestPostalCodeNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"no cue", "there were 94103 people"},
		{"cap as hat", "I lost my cap yesterday"},
		{"zip as verb", "zip the file with 7zip"},
		{"cue far", "zip it up, we have 12345 more"},
		{"cue then other words", "o código postal mudou porque a rua tem 40502 casas"},
		{"quantity after other words", "the postal service hired three thousand people"},
		{"eircode shape without letters", "Eircode D02 1234"},
		{"quantity before a noun", "das kostet 80331 Punkte"},
		{"round quantity after a preposition", "in 30000 Jahren"},
		{"number after a preposition, lower-case word", "from 94103 to 94110 items"},
		{"order number before a name", "Bestellung 48213 Müller"},
		{"price after a cue word", "el código de descuento vale veintitrés euros con cincuenta"},
		{"year after cap", "cap nel millenovecentonovantotto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, PostalCode, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestPostalCodeBeatsPhoneShape(t *testing.T) {
	give := "CEP 01310-100, entregam hoje?"
	got := scanOne(t, PostalCode, Input{Text: []byte(give), Lang: "pt"})
	e, err := New([]Detector{Phone(), PostalCode})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []Kind
	for _, f := range e.ScanInput(nil, Input{Text: []byte(give), Lang: "pt"}) {
		kinds = append(kinds, f.Kind)
	}
	if diff := cmp.Diff([]Kind{KindPostalCode}, kinds); diff != "" || len(got) != 1 {
		t.Errorf("Scan(%q) kinds mismatch (-want +got):\n%s", give, diff)
	}
}
