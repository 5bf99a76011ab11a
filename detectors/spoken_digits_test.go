package detectors

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type spanWant struct {
	Kind       Kind
	Start, End int
}

func scanOne(t *testing.T, d Detector, in Input) []spanWant {
	t.Helper()
	e, err := New([]Detector{d})
	if err != nil {
		t.Fatal(err)
	}
	got := []spanWant{}
	for _, f := range e.ScanInput(nil, in) {
		got = append(got, spanWant{f.Kind, f.Start, f.End})
	}
	return got
}

// at returns the span of sub in s as a want, panicking if absent.
func at(k Kind, s, sub string) spanWant {
	i := indexOf(s, sub)
	return spanWant{k, i, i + len(sub)}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	panic("BUG: " + sub + " not in test text")
}

func TestSpokenDigitsTruePositives(t *testing.T) {
	tests := []struct {
		name, lang, give, want string
		kind                   Kind
	}{
		{"en digits", "en", "hi this is anna my number is four one five five five five oh one nine two thanks", "four one five five five five oh one nine two", KindPhone},
		{"en double", "en", "call me on four one five double five five oh one nine two", "four one five double five five oh one nine two", KindPhone},
		{"en mixed", "en", "it's 415 five five five 0192 ok", "415 five five five 0192", KindPhone},
		{"digits then words", "en", "it's 415 555 oh one nine two ok", "415 555 oh one nine two", KindPhone},
		{"digits then a separator", "en", "it's 415 555 dash zero one nine two ok", "415 555 dash zero one nine two", KindPhone},
		{"en pauses", "en", "number is four one five, five five five, zero one nine two.", "four one five, five five five, zero one nine two", KindPhone},
		{"en hyphens", "en", "text four-one-five-five-five-five-zero-one-nine-two please", "four-one-five-five-five-five-zero-one-nine-two", KindPhone},
		{"en plus", "en", "plus four four two zero seven nine four six zero nine five eight", "plus four four two zero seven nine four six zero nine five eight", KindPhone},
		{"es", "es", "mi número es seis uno dos tres cuatro cinco seis siete ocho gracias", "seis uno dos tres cuatro cinco seis siete ocho", KindPhone},
		{"de", "de", "meine Nummer ist null eins fünf eins zwei drei vier fünf sechs sieben acht", "null eins fünf eins zwei drei vier fünf sechs sieben acht", KindPhone},
		{"fr pairs", "fr", "c'est le zéro six douze trente-quatre cinquante-six soixante-dix-huit merci", "zéro six douze trente-quatre cinquante-six soixante-dix-huit", KindPhone},
		{"fr quatre-vingt", "fr", "appelez le zéro un quarante-deux quatre-vingt-dix soixante et onze douze", "zéro un quarante-deux quatre-vingt-dix soixante et onze douze", KindPhone},
		{"it", "it", "il mio numero è tre tre tre uno due tre quattro cinque sei sette", "tre tre tre uno due tre quattro cinque sei sette", KindPhone},
		{"card read out", "en", "card four one one one one one one one one one one one one one one one expiry", "four one one one one one one one one one one one one one one one", KindCreditCard},
		{"ssn with cue", "en", "my social security number is one two three four five six seven eight nine", "one two three four five six seven eight nine", KindUSSSN},
		{"es dni with its letter", "es", "cuatro siete tres ocho dos nueve uno cinco uve", "cuatro siete tres ocho dos nueve uno cinco uve", KindGovID},
		{"br cpf in its layout", "pt", "um dois três ponto quatro cinco seis ponto sete oito nove traço zero nove", "um dois três ponto quatro cinco seis ponto sete oito nove traço zero nove", KindGovID},
		// A cue names the type, whatever phone plan the digits fit.
		{"en account cue", "en", "my account number is four four seven double two nine one eight", "four four seven double two nine one eight", KindOperational},
		{"en double oh", "en", "card six oh double one double oh oh double nine zero one three nine four two four", "six oh double one double oh oh double nine zero one three nine four two four", KindCreditCard},
		{"en lead oh", "en", "ring me on oh seven seven double oh nine double zero one two three", "oh seven seven double oh nine double zero one two three", KindPhone},
		{"en no cue, no plan", "en", "yeah it's uh four four seven double two nine one eight", "four four seven double two nine one eight", KindOperational},
		{"es compounds", "es", "mi número de cliente es cuarenta y cuatro siete dos noventa y uno once", "cuarenta y cuatro siete dos noventa y uno once", KindOperational},
		{"es restart", "es", "perdone seis uno dos seis uno dos treinta y cuatro cincuenta y seis setenta y ocho", "seis uno dos seis uno dos treinta y cuatro cincuenta y seis setenta y ocho", KindPhone},
		{"fr vigesimal", "fr", "mon numéro client c'est le quatre-vingt-dix-huit soixante et onze vingt-deux quatre-vingts", "quatre-vingt-dix-huit soixante et onze vingt-deux quatre-vingts", KindOperational},
		{"fr phone cue", "fr", "mon portable c'est le zéro six douze trente-quatre cinquante-six soixante-dix-huit", "zéro six douze trente-quatre cinquante-six soixante-dix-huit", KindPhone},
		{"de glued hundreds", "de", "die vertragsnummer lautet neunzehn siebenundsechzig zweihundertvier acht", "neunzehn siebenundsechzig zweihundertvier acht", KindOperational},
		{"de year chunk", "de", "kundennummer zwölf neunzehnhundertachtundneunzig einhundertdrei", "zwölf neunzehnhundertachtundneunzig einhundertdrei", KindOperational},
		{"de no cue", "de", "die ist vier sieben null null zweiundachtzig dreiundneunzig", "vier sieben null null zweiundachtzig dreiundneunzig", KindOperational},
		{"it glued", "it", "il numero di contratto è doppio tre cinquecentouno ottantotto", "doppio tre cinquecentouno ottantotto", KindOperational},
		{"it ventitré", "it", "il mio codice cliente è quarantotto novantuno ventitré sette", "quarantotto novantuno ventitré sette", KindOperational},
		{"pt meia inside", "pt", "o meu número de cliente é quatro meia oito dois nove três um cinco", "quatro meia oito dois nove três um cinco", KindOperational},
		{"es interjection oh", "es", "oh seis uno dos tres cuatro cinco seis siete ocho", "seis uno dos tres cuatro cinco seis siete ocho", KindPhone},
		{"pt meia first", "pt", "meu celular é meia um nove nove oito sete meia cinco quatro três dois", "meia um nove nove oito sete meia cinco quatro três dois", KindPhone},
		{"pt trinta e sete", "pt", "o número da apólice é trinta e sete quarenta e um meia meia zero nove", "trinta e sete quarenta e um meia meia zero nove", KindOperational},
		{"nl glued", "nl", "het polisnummer is dubbel acht honderdtwaalf negenenzestig", "dubbel acht honderdtwaalf negenenzestig", KindOperational},
		{"nl achtentwintig", "nl", "dat is vier zeven drie achtentwintig negenenvijftig", "vier zeven drie achtentwintig negenenvijftig", KindOperational},
		{"fr without hyphens", "fr", "mon numéro client c'est le quatre vingt dix sept trente deux soixante et onze quatre vingts", "quatre vingt dix sept trente deux soixante et onze quatre vingts", KindOperational},
		{"fr phone without hyphens", "fr", "mon portable zéro six douze quatre vingt dix huit soixante dix sept dix neuf", "zéro six douze quatre vingt dix huit soixante dix sept dix neuf", KindPhone},
		{"de doppel", "de", "meine kundennummer ist doppel vier sieben drei null eins neun", "doppel vier sieben drei null eins neun", KindOperational},
		{"es doble", "es", "mi cuenta es doble siete tres cincuenta y dos ochenta y nueve", "doble siete tres cincuenta y dos ochenta y nueve", KindOperational},
		{"it tripla", "it", "la polizza è tripla sei quattro due otto uno", "tripla sei quattro due otto uno", KindOperational},
		{"mixed digits and words", "es", "mi cuenta es 4 4 siete 2 nueve 1 8 3", "4 4 siete 2 nueve 1 8 3", KindOperational},
		{"postcode uk spelled", "en", "s w one a two b b no wait that's work", "s w one a two b b", KindPostalCode},
		{"postcode uk short", "en", "um it's e eight three q t", "e eight three q t", KindPostalCode},
		{"postcode uk one letter area", "en", "it's m one one a a", "m one one a a", KindPostalCode},
		{"postcode nl spelled", "nl", "negen zeven nul twee b v nummer elf", "negen zeven nul twee b v", KindPostalCode},
		{"postcode nl unknown language", "", "een nul een twee a b", "een nul een twee a b", KindPostalCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, SpokenDigits, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true})
			want := []spanWant{at(tt.kind, tt.give, tt.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestSpokenDigitsTrueNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"counts", "i have two kids and one dog and three cats"},
		{"time", "let's meet at four thirty or five"},
		{"spanish article", "tengo un problema con una factura de dos meses"},
		{"german article", "ich habe ein Problem mit einer Rechnung"},
		{"short spoken", "my pin is one two three four"},
		{"written phone is not spoken", "call 415 555 0192"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, SpokenDigits, Input{Text: []byte(tt.give), Spoken: true}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestSpokenDigitsNearMisses(t *testing.T) {
	tests := []struct{ name, lang, give string }{
		{"year", "", "back in nineteen ninety nine we moved"},
		{"price", "", "it costs twenty five dollars and ninety nine cents"},
		{"sentence end splits", "", "i have one two three. four five six seven"},
		{"card failing luhn", "", "card four one one one one one one one one one one one one one one two"},
		{"en time and price", "en", "we'll be there around four thirty and it's twenty five quid for the two of us"},
		{"en age", "en", "i'm forty seven and i've had the account for twelve years"},
		{"es price", "es", "son veintitrés euros con cincuenta y llega a las cinco y media"},
		{"es year", "es", "en mil novecientos noventa y ocho fuimos a cádiz con los niños"},
		{"es age", "es", "tengo cuarenta y dos años y tres hijos"},
		{"fr price and time", "fr", "ça fait quatre-vingt-dix-neuf euros et on passe vers dix-sept heures trente"},
		{"fr age", "fr", "j'ai soixante et onze ans et trois petits-enfants"},
		{"fr year", "fr", "en mille neuf cent quatre-vingt-quinze on habitait déjà là"},
		{"de price and time", "de", "das kostet neunundvierzig euro neunzig und kommt um halb sieben"},
		{"de year", "de", "neunzehnhundertachtundneunzig waren wir zum ersten mal in italien"},
		{"de count", "de", "ich bin dreiundfünfzig und habe zweiundzwanzig pakete bestellt"},
		{"it price", "it", "sono ventitré euro e cinquanta e arriva alle otto e mezza"},
		{"it year", "it", "nel millenovecentonovantotto siamo andati in sardegna"},
		{"pt half past", "pt", "custa vinte e três euros e cinquenta e chega às seis e meia"},
		{"pt meia alone", "pt", "meia hora depois chegaram dois três quatro"},
		{"pt year", "pt", "em mil novecentos e noventa e oito fomos ao porto"},
		{"nl price and time", "nl", "het kost vierentwintig euro vijftig en ik kom om half acht"},
		{"nl year", "nl", "in negentienhonderdachtennegentig zijn we verhuisd"},
		{"oh as a word", "en", "oh, four one five"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, SpokenDigits, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestSpokenDigitsKindNearMisses(t *testing.T) {
	tests := []struct {
		name, lang, give string
		kind             Kind
	}{
		{"dni with a wrong letter", "", "cuatro siete tres ocho dos nueve uno cinco be", KindGovID},
		{"cpf with a wrong check", "", "um dois três ponto quatro cinco seis ponto sete oito nove traço zero oito", KindGovID},
		{"cpf digits without the layout", "", "um dois três quatro cinco seis sete oito nove zero nove", KindGovID},
		{"postcode uk shape broken", "en", "s w one a two b", KindPostalCode},
		{"postcode nl reserved letters", "nl", "negen zeven nul twee s s", KindPostalCode},
		{"postcode nl layout in another language", "en", "nine seven oh two b v", KindPostalCode},
		{"postcode nl leading zero", "nl", "nul zeven nul twee b v", KindPostalCode},
		{"postcode letters without digits", "en", "a b c d e", KindPostalCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range scanOne(t, SpokenDigits, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true}) {
				if f.Kind == tt.kind {
					t.Errorf("Scan(%q) = %v, want no %v", tt.give, f, tt.kind)
				}
			}
		})
	}
}

func BenchmarkSpokenDigitsNoFindings(b *testing.B) {
	e, err := New([]Detector{SpokenDigits, SpokenEmail})
	if err != nil {
		b.Fatal(err)
	}
	text := []byte("tengo un problema con una factura de dos meses, i have one question at the end and two kids. " +
		"ich habe ein Problem mit einer Rechnung von 2024 und 3 Artikeln, je voudrais un café à 10h30 ")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}

// TestWrittenOnly checks the quick exit for digit tokens: after a word that
// spells no letter, a written number ends at the first word that cannot
// continue a spoken one; after a spelled letter it may be an IBAN's check
// digits.
func TestWrittenOnly(t *testing.T) {
	tests := []struct {
		name, give, tok string
		want            bool
	}{
		{"after a word", "call 415 555 0192 now", "415", true},
		{"number word follows", "call 415 five five five", "415", false},
		{"after a spelled letter", "iban d e 44 5001 0517", "44", false},
		{"after a letter name", "iban d be 44 5001 0517", "44", false},
		{"after a long word", "kostet 883 euro und kommt", "883", true},
		{"join word follows", "kostet 883 und kommt", "883", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.give)
			s := bytes.Index(text, []byte(tt.tok))
			tok := Token{Start: s, End: s + len(tt.tok), Class: ClassDigit}
			if _, got := writtenOnly(text, tok); got != tt.want {
				t.Errorf("writtenOnly(%q, %q) = %v, want %v", tt.give, tt.tok, got, tt.want)
			}
		})
	}
}

// TestSpokenAnswerNotForeignPhone checks spoken numbers given as an answer
// with no cue: one that is no valid phone of its language's country
// (lacking the trunk prefix that country always says) stays redacted as an
// OPERATIONAL id, not a phone of some other country; a valid one of the
// language's country, or one after a phone cue, is a PHONE.
func TestSpokenAnswerNotForeignPhone(t *testing.T) {
	tests := []struct {
		name, lang, give string
		want             Kind
	}{
		{"nl answer", "nl", "ja dat is vier vier zeven een nul negen twee acht een drie", KindOperational},
		{"de answer", "de", "ja das ist vier vier sieben eins null neun zwei acht eins drei", KindOperational},
		{"es short answer", "es", "sí es el cuatro siete uno dos dos ocho nueve", KindOperational},
		{"en short answer", "en", "yes it's four seven one two two eight nine", KindOperational},
		{"es valid mobile", "es", "sí es el seis uno dos tres cuatro cinco seis siete ocho", KindPhone},
		{"nl with trunk", "nl", "ja dat is nul zes een twee drie vier vijf zes zeven acht", KindPhone},
		{"nl after phone cue", "nl", "mijn telefoon is vier een vijf vijf vijf vijf nul een negen twee", KindPhone},
	}
	e, err := New([]Detector{SpokenDigits})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.ScanInput(nil, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true})
			if len(got) != 1 || got[0].Kind != tt.want {
				t.Errorf("ScanInput(%q, %s) = %v, want one %v", tt.give, tt.lang, got, tt.want)
			}
		})
	}
}
