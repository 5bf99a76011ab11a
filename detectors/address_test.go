package detectors

import (
	"slices"
	"strings"
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
		{"c/o and unit abbreviation", "en", "please send it c/o Maria Lopez, 45 Oak Avenue, Apt. 3, Denver, CO 80202 thanks", "c/o Maria Lopez, 45 Oak Avenue, Apt. 3, Denver, CO 80202"},
		{"unit before number", "en", "Flat 2, 17 Kings Road, Brighton BN1 1NA", "Flat 2, 17 Kings Road, Brighton BN1 1NA"},
		{"line breaks", "en", "Jane Doe\n221 Baker Street\nLondon NW1 6XE\nthanks", "221 Baker Street\nLondon NW1 6XE"},
		{"po box", "en", "my address is P.O. Box 4410, Austin, TX 78701", "P.O. Box 4410, Austin, TX 78701"},
		{"postfach", "de", "Postfach 10 01 23, 60301 Frankfurt am Main", "Postfach 10 01 23, 60301 Frankfurt am Main"},
		{"apartado", "es", "escriban al Apartado de correos 118, 46080 Valencia", "Apartado de correos 118, 46080 Valencia"},
		{"caixa postal", "pt", "Caixa Postal 2201, 30110-010 Belo Horizonte", "Caixa Postal 2201, 30110-010 Belo Horizonte"},
		{"postbus", "nl", "stuur het naar Postbus 2020, 3500 GA Utrecht.", "Postbus 2020, 3500 GA Utrecht"},
		{"br bairro state", "pt", "Rua da Consolação, 222 - Consolação, São Paulo - SP, 01302-000", "Rua da Consolação, 222 - Consolação, São Paulo - SP, 01302-000"},
		{"es floor side", "es", "Calle de Alcalá 45, 2º izq., 28014 Madrid", "Calle de Alcalá 45, 2º izq., 28014 Madrid"},
		{"de str. and floor", "de", "Schillerstr. 12, 2. OG links, 80336 München", "Schillerstr. 12, 2. OG links, 80336 München"},
		{"fr floor", "fr", "14 rue des Lilas, 3e étage, 69003 Lyon", "14 rue des Lilas, 3e étage, 69003 Lyon"},
		{"it interno", "it", "Via dei Mille 8, int. 5, 20129 Milano", "Via dei Mille 8, int. 5, 20129 Milano"},
		{"mx colonia", "es", "en Calzada de Tlalpan 550, Col. Moderna, 03510 Ciudad de México", "Calzada de Tlalpan 550, Col. Moderna, 03510 Ciudad de México"},
		{"untyped de", "de", "bitte an Im Winkel 4, 53111 Bonn", "Im Winkel 4, 53111 Bonn"},
		{"untyped ie eircode", "en", "it's 7 Seaview Heights, Galway H91 E2K3, Ireland", "7 Seaview Heights, Galway H91 E2K3, Ireland"},
		{"lower case after cue", "en", "i live at 12 elm street now", "12 elm street"},
		{"co plate", "es", "enviar a Calle 50 #12-34, Bogotá por favor", "Calle 50 #12-34, Bogotá"},
		{"co plate spaced", "es", "Carrera 7 # 45-10, Medellín", "Carrera 7 # 45-10, Medellín"},
		{"untyped after cue", "de", "Ich wohne Unter den Linden 77 in Berlin", "Unter den Linden 77"},
		{"catalan street type", "es", "Please ship to Carrer de Mallorca 401, 08013 Barcelona", "Carrer de Mallorca 401, 08013 Barcelona"},
		{"us floor and state", "en", "Our office moved to 55 Water St, 10th Floor, New York, NY 10041.", "55 Water St, 10th Floor, New York, NY 10041"},
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
		{"road number", "take Route 66, 1926 style"},
		{"number ends a sentence", "uw auto staat klaar op plek 22. Reservering AVN-551902."},
		{"number ends a sentence en", "go to gate 14. Boulevard Street is closed"},
		{"highway", "Highway 1, Big Sur"},
		{"lower case without cue", "we need 2 new street lamps"},
		{"gate", "Gate 12, Terminal 2"},
		{"chapter", "Chapter 11, Section 3"},
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
		{"untyped without postal code", "the 3 Musketeers, Paris"},
		{"name then year", "in Springfield 2019 was hot"},
		{"unit without street", "Room 12, 75002 Paris"},
		{"one capitalized noun, city then code", "I paid 45 Euro at Gate 7, Berlin 10115 is the PLZ"},
		{"one capitalized noun, code", "Order 12345 shipped to Warehouse 7, 30301 Atlanta"},
		{"name before comma and number", "send it to Maria Lopez, 45 boxes"},
		{"title case prose", "He scored 3 Goals for Real Madrid, 28 Points in Total"},
		{"seat", "Level 3, Section 8, Row 12, Seat 4"},
		{"minutes from a street", "he lives on Park Avenue, 5 minutes from here"},
		{"type without name", "Il y a 3 Rue dans ce quartier"},
		{"german counts", "Ich habe 3 Kinder, 2 Hunde und 12345 Euro Schulden"},
		{"episode", "Season 2, Episode 5 was great"},
		{"product", "I upgraded to Windows 10 yesterday"},
		{"ticket after street type", "Route 66 #12 is a song"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, Address, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestAddressSpoken(t *testing.T) {
	tests := []struct{ name, give, want string }{
		{"en chunks", "i live at one twenty three maple avenue in springfield", "one twenty three maple avenue in springfield"},
		{"en oh and direction", "my address is two oh five east main street", "two oh five east main street"},
		{"es floor", "mi dirección es paseo de gracia cuarenta y tres tercero primera", "paseo de gracia cuarenta y tres tercero primera"},
		{"de compound", "ich wohne in der goethestraße zwölf in münchen", "goethestraße zwölf in münchen"},
		{"fr postal in words", "j'habite au quarante-deux avenue des ternes soixante-quinze mille dix-sept paris", "quarante-deux avenue des ternes soixante-quinze mille dix-sept paris"},
		{"it", "abito in corso italia trentadue a milano", "corso italia trentadue a milano"},
		{"pt floor ordinal after number", "rua augusta cento e vinte segundo esquerdo lisboa", "rua augusta cento e vinte segundo esquerdo"},
		{"es floor ordinal after number", "calle mayor ciento veinte segundo izquierda", "calle mayor ciento veinte segundo izquierda"},
		{"pt unit", "moro na avenida atlântica mil e duzentos apartamento cento e dois", "avenida atlântica mil e duzentos apartamento cento e dois"},
		{"nl", "ik woon aan de laan van meerdervoort honderd", "laan van meerdervoort honderd"},
		{"en zip said", "ship to nine elm street boston massachusetts zero two one one six", "nine elm street boston massachusetts zero two one one six"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, Address, Input{Text: []byte(tt.give), Spoken: true})
			if diff := cmp.Diff([]spanWant{at(KindAddress, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestAddressSpokenNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"menu", "press one for billing two for support"},
		{"counts", "i have two kids and three dogs"},
		{"price then street", "it costs twenty two dollars on main street"},
		{"verb between", "la calle mayor tiene tres bares"},
		{"years", "vivo en la calle desde hace tres años"},
		{"nl years", "we wonen op het plein al drie jaar"},
		{"ordinal alone", "na rua augusta segundo dizem há obras"},
		{"type without name", "digite dois para segunda via"},
		{"road", "take route nine to exit twelve"},
		{"minutes", "meet you at the avenue in ten minutes"},
		{"floor alone", "we are on the fifth floor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, Address, Input{Text: []byte(tt.give), Spoken: true}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestAddressWordsOnlyInTranscripts(t *testing.T) {
	give := "i live at one twenty three maple avenue"
	if got := scanOne(t, Address, Input{Text: []byte(give)}); len(got) != 0 {
		t.Errorf("Scan(%q) without Spoken = %v, want none", give, got)
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

func TestAddressTypedLowerCase(t *testing.T) {
	tests := []struct{ name, lang, give, want string }{
		{"en ave apt state zip", "en", "61 crestview ave apt 9 oakland ca 94610", "61 crestview ave apt 9 oakland ca 94610"},
		{"en two-word city", "en", "907 sunset blvd los angeles ca 90069", "907 sunset blvd los angeles ca 90069"},
		{"es c/ floor", "es", "c/ sierpes 37 2ºizq 41004 sevilla", "c/ sierpes 37 2ºizq 41004 sevilla"},
		{"es cl.", "es", "cl. mayor 8 28013 madrid", "cl. mayor 8 28013 madrid"},
		{"it via", "it", "via dei serragli 54 50124 firenze citofono gherardini", "via dei serragli 54 50124 firenze"},
		{"it p.za", "it", "p.za garibaldi 3 80142 napoli", "p.za garibaldi 3 80142 napoli"},
		{"de -str", "de", "schanzenstr 88 20357 hamburg 3. stock links", "schanzenstr 88 20357 hamburg"},
		{"fr r.", "fr", "r. de la paix 7 75002 paris", "r. de la paix 7 75002 paris"},
		{"pt bairro state cep", "pt", "rua augusta 1480 apto 52 consolação são paulo sp 01304-001", "rua augusta 1480 apto 52 consolação são paulo sp 01304-001"},
		{"pt pça", "pt", "pça da sé 12 01001-000 são paulo", "pça da sé 12 01001-000 são paulo"},
		{"nl lower pair", "nl", "kerkstraat 7 9711 hk groningen 2e verdieping", "kerkstraat 7 9711 hk groningen"},
		{"nl bus", "nl", "mozartlaan 14 bus 2 3055 km rotterdam", "mozartlaan 14 bus 2 3055 km rotterdam"},
		{"nl roman floor", "nl", "mijn adres: Vondelstraat 12-III, 1054 GD Amsterdam en", "Vondelstraat 12-III, 1054 GD Amsterdam"},
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

func TestAddressTypedLowerCaseNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"avenue as landmark", "turn left at 5th ave and park by the gate"},
		{"road number", "we drove route 66 for 12 days last summer"},
		{"saint count", "3 st bernards for sale 250 dollars each"},
		{"holiday", "42 st patrick's day parades and counting"},
		{"dotted abbreviation without postal code", "av. 5 min from here"},
		{"distance", "kerkstraat is 3055 km away"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, Address, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestAddressSpokenGluedHundreds(t *testing.T) {
	tests := []struct{ name, give, want string }{
		{"de name before allee", "ich wohne in kassel in der wilhelmshöher allee hundertzwölf", "wilhelmshöher allee hundertzwölf"},
		{"de compound street", "ich wohne in der sonnenallee hundertvierzig", "sonnenallee hundertvierzig"},
		{"nl", "ik woon op de kerkstraat tweehonderdvijfentwintig", "kerkstraat tweehonderdvijfentwintig"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, Address, Input{Text: []byte(tt.give), Spoken: true})
			if diff := cmp.Diff([]spanWant{at(KindAddress, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestAddressSpokenWhole(t *testing.T) {
	tests := []struct{ name, lang, give, want string }{
		{"nl cue, untyped street, glued number", "nl", "ik woon op de zuiderdiep honderdtwaalf in groningen", "zuiderdiep honderdtwaalf in groningen"},
		{"nl two-word city", "nl", "wij wonen op de kerkstraat twaalf in den haag", "kerkstraat twaalf in den haag"},
		{"de postal code and city after in", "de", "goethestraße dreiundzwanzig in sechzig drei elf frankfurt", "goethestraße dreiundzwanzig in sechzig drei elf frankfurt"},
		{"de cue, untyped street", "de", "ich wohne am sonnenhang dreiundzwanzig in bremen", "sonnenhang dreiundzwanzig in bremen"},
		{"it glued house number", "it", "abito in via garibaldi centoventi a torino", "via garibaldi centoventi a torino"},
		{"it elided glued number", "it", "sto in via roma centottantuno", "via roma centottantuno"},
		{"es city after en", "es", "vivo en la calle mayor ciento doce en valladolid", "calle mayor ciento doce en valladolid"},
		{"fr city after à", "fr", "j'habite au quarante-deux rue des lilas à nantes", "quarante-deux rue des lilas à nantes"},
		{"pt city after em", "pt", "moro na rua augusta duzentos e dez em lisboa", "rua augusta duzentos e dez em lisboa"},
		{"pt two-word city", "pt", "moro na rua das flores cento e vinte em são paulo", "rua das flores cento e vinte em são paulo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, Address, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true})
			if diff := cmp.Diff([]spanWant{at(KindAddress, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestAddressSpokenWholeNearMisses(t *testing.T) {
	tests := []struct{ name, lang, give string }{
		{"nl duration", "nl", "ik woon hier al twaalf jaar"},
		{"nl age after cue", "nl", "ik woon samen met mijn dochter van twaalf"},
		{"de duration", "de", "ich wohne seit zwanzig jahren in berlin"},
		{"de year", "de", "ich wohne dort neunzehnhundertachtundneunzig"},
		{"es company", "es", "vivo con cuatro amigos en madrid"},
		{"it duration", "it", "abito da solo da dieci anni a milano"},
		{"pt time", "pt", "moro perto e chego às seis e meia em casa"},
		{"fr count", "fr", "j'habite avec trois colocataires à lyon"},
		{"en street word, no number", "en", "i live near the high street in leeds"},
		// An anonymized text, as convanon audit re-scans it.
		{"fr e-mail address cue", "fr", "mon adresse e-mail est <EMAIL_4b004f8d5761> les remboursements prennent généralement cinq à sept jours"},
		{"en e-mail address cue", "en", "my email address is <EMAIL_4b004f8d5761> refunds normally take seven days"},
		{"es correo cue", "es", "mi dirección de correo es <EMAIL_4b004f8d5761> reembolsos tardan siete días"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, Address, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: true}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

// TestMayBeStreetWord checks that the quick test lets through the words
// streetWordAt may accept: each strong street type, in either case, and
// one-word streets with each suffix.
func TestMayBeStreetWord(t *testing.T) {
	var tests []string
	for _, s := range strongStreetTypes.slots {
		if s.used {
			tests = append(tests, s.w, strings.ToUpper(s.w))
		}
	}
	for _, suf := range slices.Concat(streetSuffixes, lowerSuffixes, []string{"str"}) {
		suf = strings.TrimSuffix(suf, ".") // trimWord strips it
		tests = append(tests, "Linden"+suf, "linden"+suf, "LINDEN"+strings.ToUpper(suf))
	}
	for _, give := range tests {
		t.Run(give, func(t *testing.T) {
			if !mayBeStreetWord([]byte(give)) {
				t.Errorf("mayBeStreetWord(%q) = false, want true", give)
			}
		})
	}
}
