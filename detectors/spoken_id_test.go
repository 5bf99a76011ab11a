package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSpokenIdentifiers(t *testing.T) {
	tests := []struct {
		name, lang, give, want string
		kind                   Kind
		value                  string
	}{
		{
			"de iban", "de", "meine iban ist d e vierundvierzig fünf null null eins null fünf eins sieben fünf vier null sieben drei zwei vier neun drei eins danke",
			"d e vierundvierzig fünf null null eins null fünf eins sieben fünf vier null sieben drei zwei vier neun drei eins", KindIBAN, "DE44500105175407324931",
		},
		{
			// The check digits written: a digit token after a spelled letter.
			"de iban digits after letters", "de", "meine iban ist d e 44 fünf null null eins null fünf eins sieben fünf vier null sieben drei zwei vier neun drei eins danke",
			"d e 44 fünf null null eins null fünf eins sieben fünf vier null sieben drei zwei vier neun drei eins", KindIBAN, "DE44500105175407324931",
		},
		{
			"en iban double u", "en", "send it to g b twenty nine n double u b k six oh one six one three three one nine two six eight one nine please",
			"g b twenty nine n double u b k six oh one six one three three one nine two six eight one nine", KindIBAN, "GB29NWBK60161331926819",
		},
		{
			"es iban filler", "es", "la cuenta es e s sesenta cero cero cuatro nueve uno cinco cero cero cero cinco eh uno dos tres cuatro cinco seis siete ocho nueve dos",
			"e s sesenta cero cero cuatro nueve uno cinco cero cero cero cinco eh uno dos tres cuatro cinco seis siete ocho nueve dos", KindIBAN, "ES6000491500051234567892",
		},
		{
			"fr iban thousands", "fr", "mon iban f r quatorze vingt mille quarante et un zéro dix zéro cinq zéro cinq zéro zéro zéro un trois m zéro deux six zéro six merci",
			"f r quatorze vingt mille quarante et un zéro dix zéro cinq zéro cinq zéro zéro zéro un trois m zéro deux six zéro six", KindIBAN, "FR1420041010050500013M02606",
		},
		{
			"it iban", "it", "l'iban è i t novantadue x zero tre zero zero due zero tre due otto zero zero zero zero quattro zero zero uno sei due sei zero uno",
			"i t novantadue x zero tre zero zero due zero tre due otto zero zero zero zero quattro zero zero uno sei due sei zero uno", KindIBAN, "IT92X0300203280000400162601",
		},
		{
			"pt iban", "pt", "o iban é p t oitenta e oito zero zero zero sete zero zero zero zero zero zero um dois três quatro cinco seis sete oito nove zero um",
			"p t oitenta e oito zero zero zero sete zero zero zero zero zero zero um dois três quatro cinco seis sete oito nove zero um", KindIBAN, "PT88000700000012345678901",
		},
		{
			"nl iban", "nl", "mijn iban is n l vierenveertig r a b o nul een twee drie vier vijf zes zeven acht negen",
			"n l vierenveertig r a b o nul een twee drie vier vijf zes zeven acht negen", KindIBAN, "NL44RABO0123456789",
		},
		{
			"nl iban letter names", "nl", "iban n l vierenveertig r a be o nul een twee drie vier vijf zes zeven acht negen",
			"n l vierenveertig r a be o nul een twee drie vier vijf zes zeven acht negen", KindIBAN, "NL44RABO0123456789",
		},
		{
			"de card", "de", "die karte vier null eins zwei acht acht acht acht acht acht acht acht eins acht acht eins",
			"vier null eins zwei acht acht acht acht acht acht acht acht eins acht acht eins", KindCreditCard, "4012888888881881",
		},
		{
			"es card thousands", "es", "la tarjeta cinco mil quinientos cincuenta y cinco cinco mil quinientos cincuenta y cinco cinco mil quinientos cincuenta y cinco cuatro mil cuatrocientos cuarenta y cuatro",
			"cinco mil quinientos cincuenta y cinco cinco mil quinientos cincuenta y cinco cinco mil quinientos cincuenta y cinco cuatro mil cuatrocientos cuarenta y cuatro", KindCreditCard, "5555555555554444",
		},
		{
			"fr card mille", "fr", "ma carte quatre mille douze huit mille huit cent quatre-vingt-huit huit mille huit cent quatre-vingt-huit mille huit cent quatre-vingt-un",
			"quatre mille douze huit mille huit cent quatre-vingt-huit huit mille huit cent quatre-vingt-huit mille huit cent quatre-vingt-un", KindCreditCard, "4012888888881881",
		},
		{
			"it card", "it", "carta tre sette otto due otto due due quattro sei tre uno zero zero zero cinque",
			"tre sette otto due otto due due quattro sei tre uno zero zero zero cinque", KindCreditCard, "378282246310005",
		},
		{
			"ssn dashes", "en", "it is five one two dash three four dash six seven eight nine ok",
			"five one two dash three four dash six seven eight nine", KindUSSSN, "512346789",
		},
		{
			"ssn cue filler", "en", "my ssn is uh five one two uh three four six seven eight nine",
			"five one two uh three four six seven eight nine", KindUSSSN, "512346789",
		},
		{
			"it codice fiscale", "it", "il codice fiscale è v r d l c u sessantacinque b ventidue f duecentocinque q grazie",
			"v r d l c u sessantacinque b ventidue f duecentocinque q", KindGovID, "VRDLCU65B22F205Q",
		},
		{
			"it codice fiscale, one-letter comune", "it", "il mio codice fiscale è b n c g l i novanta a quarantuno h cinquecentouno e",
			"b n c g l i novanta a quarantuno h cinquecentouno e", KindGovID, "BNCGLI90A41H501E",
		},
		{
			"nl polis glued", "nl", "het polisnummer is dubbel acht honderdtwaalf negenenzestig",
			"dubbel acht honderdtwaalf negenenzestig", KindOperational, "8811269",
		},
		{
			"de vertrag glued year", "de", "vertragsnummer neunzehnhundertachtundneunzig einhundertdrei zwölf",
			"neunzehnhundertachtundneunzig einhundertdrei zwölf", KindOperational, "199810312",
		},
		{
			"pt cliente meia", "pt", "o meu número de cliente é quatro meia oito dois nove três um cinco",
			"quatro meia oito dois nove três um cinco", KindOperational, "46829315",
		},
	}
	// Operational and GovID are on: a spoken codice fiscale or contract
	// number is read only when the detector of its kind runs.
	e, err := New([]Detector{SpokenDigits, Operational, GovID})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := indexOf(tt.give, tt.want)
			want := []Finding{{Kind: tt.kind, Start: i, End: i + len(tt.want), Value: []byte(tt.value)}}
			got := []Finding{}
			for _, f := range e.ScanInput(nil, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true}) {
				got = append(got, Finding{Kind: f.Kind, Start: f.Start, End: f.End, Value: f.Value})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ScanInput(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestSpokenIdentifiersNearMisses(t *testing.T) {
	tests := []struct {
		name, lang, give string
		kind             Kind
	}{
		{"iban failing mod 97", "de", "iban d e vierundvierzig fünf null null eins null fünf eins sieben fünf vier null sieben drei zwei vier neun drei zwei", KindIBAN},
		{"iban too short", "nl", "iban n l vierenveertig r a b o nul een twee drie vier vijf zes zeven acht", KindIBAN},
		{"no country", "en", "options x q twenty nine n b k six oh one six one three three one nine two six eight one nine", KindIBAN},
		{"letters in prose", "en", "the steps are a b c and then one two three four five six seven eight", KindIBAN},
		{"counting", "en", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen", KindCreditCard},
		{"card failing luhn", "en", "card one two three four five six seven eight one two three four five six seven eight", KindCreditCard},
		{"luhn without iin", "en", "code nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine five", KindCreditCard},
		{"phone grouping is no ssn", "en", "five one two dash three four five dash six seven eight nine", KindUSSSN},
		{"ssn digits without cue", "en", "five one two three four six seven eight nine", KindUSSSN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range scanOne(t, SpokenDigits, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true}) {
				if f.Kind == tt.kind {
					t.Errorf("ScanInput(%q) = %v, want no %v", tt.give, f, tt.kind)
				}
			}
		})
	}
}

// TestSpelledIDWithoutCue checks identifiers read aloud letters first with
// no cue in the line, an answer to the previous turn's question: accepted
// only with their shape and check character, and a German health-insurance
// number only in German.
func TestSpelledIDWithoutCue(t *testing.T) {
	tests := []struct {
		name, lang, give string
		want             []Finding
	}{
		{"it codice fiscale", "it", "s p s g p p sette otto a zero uno f otto tre nove h",
			[]Finding{{Kind: KindGovID, Start: 0, End: 51, Value: []byte("SPSGPP78A01F839H")}}},
		{"codice fiscale in english", "en", "it's s p s g p p seven eight a zero one f eight three nine h",
			[]Finding{{Kind: KindGovID, Start: 5, End: 60, Value: []byte("SPSGPP78A01F839H")}}},
		{"de kvnr", "de", "t zwei acht vier sieben fünf neun eins null fünf",
			[]Finding{{Kind: KindMedical, Start: 0, End: 50, Value: []byte("T284759105")}}},
		{"de kvnr after filler", "de", "äh t zwei acht vier sieben fünf neun eins null fünf",
			[]Finding{{Kind: KindMedical, Start: 4, End: 54, Value: []byte("T284759105")}}},
		// Near misses: a wrong check character or digit, another language.
		{"codice fiscale bad check", "it", "s p s g p p sette otto a zero uno f otto tre nove k", nil},
		{"kvnr bad check", "de", "t zwei acht vier sieben fünf neun eins null vier", nil},
		{"kvnr shape in italian", "it", "t due otto quattro sette cinque nove uno zero cinque", nil},
		{"letters in prose", "en", "plan a b then call one two three", nil},
	}
	e, err := New([]Detector{SpokenDigits})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Finding
			for _, f := range e.ScanInput(nil, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true}) {
				if f.Kind == KindGovID || f.Kind == KindMedical {
					got = append(got, Finding{Kind: f.Kind, Start: f.Start, End: f.End, Value: f.Value})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScanInput(%q, %s) mismatch (-want +got):\n%s", tt.give, tt.lang, diff)
			}
		})
	}
}
