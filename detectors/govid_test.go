package detectors

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGovIDTruePositives(t *testing.T) {
	runIDCases(t, GovID, KindGovID, []idCase{
		{"es dni", "mi DNI es 12345678Z", "12345678Z", "es-dni"},
		{"aadhaar named, written without spaces", "my aadhaar number is 366915640414", "366915640414", "in-aadhaar"},
		{"es dni no cue", "documento 12345678-Z por favor", "12345678-Z", "es-dni"},
		{"es nie", "NIE X1234567L", "X1234567L", "es-nie"},
		{"it codice fiscale", "il mio codice fiscale è RSSMRA85T10A562S", "RSSMRA85T10A562S", "it-fiscal-code"},
		{"it cf lowercase", "cf rssmra85t10a562s grazie", "rssmra85t10a562s", "it-fiscal-code"},
		{"it vat", "partita iva 12345678903", "12345678903", "it-vat"},
		{"pl pesel", "PESEL: 44051401359", "44051401359", "pl-pesel"},
		{"sg nric", "NRIC S1234567D", "S1234567D", "sg-nric"},
		{"au abn", "our ABN is 51 824 753 556", "51 824 753 556", "au-abn"},
		{"au tfn", "my TFN is 123 456 782", "123 456 782", "au-tfn"},
		{"au acn", "ACN 000 000 019", "000 000 019", "au-acn"},
		{"au medicare", "medicare card 2123 45670 1", "2123 45670 1", "au-medicare"},
		{"in pan", "PAN ABCPE1234F", "ABCPE1234F", "in-pan"},
		{"in aadhaar", "aadhaar 2341 2341 2346", "2341 2341 2346", "in-aadhaar"},
		{"in gstin", "GSTIN 27AAPFU0939F1ZV", "27AAPFU0939F1ZV", "in-gstin"},
		{"fi hetu", "henkilötunnus 131052-308T", "131052-308T", "fi-hetu"},
		{"kr rrn", "주민등록번호 900101-1234568", "900101-1234568", "kr-rrn"},
		{"th", "Thai ID 1-1017-00230-70-8", "1-1017-00230-70-8", "th-tnin"},
		{"se", "personnummer 811228-9874", "811228-9874", "se-personnummer"},
		{"tr", "TC kimlik no 10000000146", "10000000146", "tr-kimlik"},
		{"ng nin", "my NIN is 12345678901", "12345678901", "ng-nin"},
		{"ca sin", "SIN 046 454 286", "046 454 286", "ca-sin"},
		{"de steuer-id", "Steuer-ID: 86095742719", "86095742719", "de-steuer-id"},
		{"fr nir", "numéro de sécurité sociale 1 85 05 78 006 084 91", "1 85 05 78 006 084 91", "fr-nir"},
		{"fr nir layout", "c'est le 2 55 08 14 168 025 38", "2 55 08 14 168 025 38", "fr-nir"},
		{"br cpf layout", "CPF 123.456.789-09", "123.456.789-09", "br-cpf"},
		{"br cpf written", "meu documento é 123.456.789-09", "123.456.789-09", "br-cpf"},
		{"br cnpj", "CNPJ 11.222.333/0001-81", "11.222.333/0001-81", "br-cnpj"},
		{"mx curp", "mi CURP es BADD110313HCMLNS06", "BADD110313HCMLNS06", "mx-curp"},
		{"us itin", "ITIN 912-70-1234", "912-70-1234", "us-itin"},
		{"uk nhs", "NHS number 943 476 5919", "943 476 5919", "uk-nhs"},
		{"uk nino spaced", "my national insurance number is AB 12 34 56 C", "AB 12 34 56 C", "uk-nino"},
		{"uk nino compact", "NINO AB123456C", "AB123456C", "uk-nino"},
		{"uk driving licence", "licence MORGA753116SM9IJ", "MORGA753116SM9IJ", "uk-driving-licence"},
		{"passport", "passport number 533380006", "533380006", "passport"},
		{"reisepass", "meine Reisepassnummer ist C01X00T47", "C01X00T47", "passport"},
		{"drivers licence", "driver's license D1234567", "D1234567", "drivers-licence"},
		{"bank account", "bank account 000123456789", "000123456789", "bank-account"},
		{"routing", "routing number 021000021", "021000021", "us-aba-routing"},
		{"nl bsn", "graag mijn bsn: 111222333", "111222333", "nl-bsn"},
		{"nl bsn compound", "Burgerservicenummer 123456782 klopt", "123456782", "nl-bsn"},
		{"pt nif", "NIF 123456789 para a fatura", "123456789", "pt-nif"},
		{"ch ahv", "AHV-Nr. 756.9217.0769.85", "756.9217.0769.85", "ch-ahv"},
		{"ie pps", "PPSN 1234567T please", "1234567T", "ie-pps"},
		{"es nss", "nº de la seguridad social 28 12345678 40", "28 12345678 40", "es-nss"},
		{"de compound cue", "Reisepassnummer: C4RT7XZ21", "C4RT7XZ21", "passport"},
		{"cue binds to the nearest value", "passport 533380006 expires, order 123456789", "533380006", "passport"},
		{"bank context", "sort code 20-00-00, account 55779911", "55779911", "bank-account"},
		{"spoken steuer-id", "meine steuer id lautet acht sechs null neun fünf sieben vier zwo sieben eins neun", "acht sechs null neun fünf sieben vier zwo sieben eins neun", "de-steuer-id"},
		{"spoken passport letter", "passport number is c one two three four five six seven", "c one two three four five six seven", "passport"},
		{"spoken dni with hundreds", "mi dni es doce trescientos cuarenta y cinco seiscientos setenta y ocho zeta", "doce trescientos cuarenta y cinco seiscientos setenta y ocho zeta", "es-dni"},
	})
}

func TestGovIDTrueNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"order number", "order 12345678 shipped"},
		{"phone", "call 415 555 0192"},
		{"price", "it costs 1.299,00 EUR"},
		{"date", "on 2024-01-15 at 10:30"},
		{"bare 11 digits", "reference 86095742719"},
		{"bare 9 digits", "the code 046454286 expired"},
		{"version", "build 10.0.19045.3803"},
		{"customer account", "locked out of account number 55102938"},
		{"inside an iban", "IBAN DE44 5001 0517 2341 2341 2346 00"},
		{"spoken after cue, too short", "my passport is one two three"},
	}
	runNoFindings(t, GovID, tests)
}

func TestGovIDNearMisses(t *testing.T) {
	tests := []struct{ name, give string }{
		{"dni bad letter", "DNI 12345678A"},
		{"cf bad check", "codice fiscale RSSMRA85T10A562T"},
		{"pesel bad check", "PESEL 44051401358"},
		{"nric bad letter", "NRIC S1234567A"},
		{"cpf bad check", "CPF 123.456.789-00"},
		{"cpf all same", "CPF 111.111.111-11"},
		{"curp bad check", "CURP BADD110313HCMLNS07"},
		{"nhs bad check", "NHS 943 476 5918"},
		{"nino bad prefix", "NINO QQ123456C"},
		{"steuer-id digits rule", "Steuer-ID 12345678901"},
		{"aadhaar bad", "aadhaar 2341 2341 2345"},
	}
	runNoFindings(t, GovID, tests)
}

// idCase is a true positive of an identifier detector: the span want in give
// and the rule that must report it.
type idCase struct{ name, give, want, rule string }

func runIDCases(t *testing.T, d Detector, k Kind, tests []idCase) {
	t.Helper()
	e, err := New([]Detector{d})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Written ids read the same in a transcript; spoken ones need it.
			fs := e.ScanInput(nil, Input{Text: []byte(tt.give), Spoken: true})
			got := []spanWant{}
			for _, f := range fs {
				got = append(got, spanWant{f.Kind, f.Start, f.End})
			}
			if diff := cmp.Diff([]spanWant{at(k, tt.give, tt.want)}, got); diff != "" {
				t.Fatalf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
			if fs[0].Rule != tt.rule {
				t.Errorf("Scan(%q).Rule = %q, want %q", tt.give, fs[0].Rule, tt.rule)
			}
		})
	}
}

// runNoFindings checks that d reports nothing in any of tests.
func runNoFindings(t *testing.T, d Detector, tests []struct{ name, give string }) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, d, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestGovIDCompactMAC(t *testing.T) {
	runIDCases(t, GovID, KindMACAddress, []idCase{
		{"said aloud", "the mac address is a four c three b zero one two nine f e e on the sticker", "a four c three b zero one two nine f e e", "mac-compact"},
		{"written without separators", "MAC a4c3b01229fe", "a4c3b01229fe", "mac-compact"},
	})
	runNoFindings(t, GovID, []struct{ name, give string }{
		{"no cue", "build a4c3b01229fe failed"},
		{"not hex", "mac serial A4C3B01229FZ"},
	})
}

// BenchmarkIDFamily measures each detector of the id, date, address and
// spoken-form family alone over the sample corpus's turns, one message at a
// time and read as a transcript, so that the spoken paths run too. The
// "clean" runs use turns without planted PII and must not allocate.
func BenchmarkIDFamily(b *testing.B) {
	dets := []Detector{GovID, DateOfBirth, Operational, Tracking, OperationalCode, Address, PostalCode, SpokenDigits, SpokenEmail}
	for _, clean := range []bool{false, true} {
		msgs := bytes.Split(chatText(b, 32<<10, clean), []byte("\n"))
		for _, d := range dets {
			name := d.Name
			if clean {
				name += "/clean"
			}
			b.Run(name, func(b *testing.B) {
				e, err := New([]Detector{d})
				if err != nil {
					b.Fatal(err)
				}
				var dst []Finding
				for _, m := range msgs { // warm up: phone metadata loads on first use
					dst = e.ScanInput(dst[:0], Input{Text: m, Spoken: true})
				}
				b.SetBytes(32 << 10)
				b.ReportAllocs()
				for b.Loop() {
					for _, m := range msgs {
						dst = e.ScanInput(dst[:0], Input{Text: m, Spoken: true})
					}
				}
			})
		}
	}
}

// TestMayBeCue checks that cuedRules' quick test lets through the first
// word of every cue, in any ASCII case and with each suffix cuedRules
// strips.
func TestMayBeCue(t *testing.T) {
	ix, _ := newIDIndex(slices.Concat(govIDRules, medicalRules))
	var tests []string
	for _, s := range ix.cueRules.slots {
		if !s.used {
			continue
		}
		for _, w := range []string{s.w, strings.ToUpper(s.w)} {
			tests = append(tests, w)
			for _, suf := range []string{"-nummer", "nummer", "snummer", "-nr", "nr", "-number", "NR"} {
				tests = append(tests, w+suf)
			}
		}
	}
	for _, give := range tests {
		t.Run(give, func(t *testing.T) {
			if !ix.mayBeCue([]byte(give)) {
				t.Errorf("mayBeCue(%q) = false, want true", give)
			}
		})
	}
}
