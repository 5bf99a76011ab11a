package detectors

import (
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nyaruka/phonenumbers"
)

func TestPhoneTruePositives(t *testing.T) {
	tests := []struct {
		name string
		give string
		lang string
		sub  string // the span expected, first occurrence in give
		want string // E.164 value
	}{
		{"uk international", "call me on +44 20 7946 0958 tomorrow", "", "+44 20 7946 0958", "+442079460958"},
		{"unlisted range, grouped +", "on me joint au +33 6 39 11 22 33 le soir", "fr", "+33 6 39 11 22 33", "+33639112233"},
		{"after escaped newline", `Jan de Vries\nSales\n+31 20 794 1234`, "nl", "+31 20 794 1234", "+31207941234"},
		{"local number after cue", "just text me at 555-0147 tonight", "en", "555-0147", "5550147"},
		{"local number dotted", "call 555.0188 after six", "en", "555.0188", "5550188"},
		{"bare national fr", "c'est le 0612345678 merci", "fr", "0612345678", "+33612345678"},
		{"bare national uk no cue", "it's 07911123456 if you need me", "en", "07911123456", "+447911123456"},
		{"order then phone cue", "order 88123 is late, call 415-555-0147", "en", "415-555-0147", "+14155550147"},
		{"uk 0044", "my number: 0044 20 7946 0958", "", "0044 20 7946 0958", "+442079460958"},
		{"us international paren", "reach me at +1 (415) 555-0192.", "", "+1 (415) 555-0192", "+14155550192"},
		{"us compact", "whatsapp +14155550192", "", "+14155550192", "+14155550192"},
		{"us national paren", "it's (415) 555-0192, thanks", "", "(415) 555-0192", "+14155550192"},
		{"us dashes", "415-555-0192 is my cell", "", "415-555-0192", "+14155550192"},
		{"us dots", "Ring 415.555.0192 after 5", "", "415.555.0192", "+14155550192"},
		{"us bare with cue", "phone 4155550192", "en", "4155550192", "+14155550192"},
		{"us leading one", "call 1 415 555 0192 now", "en", "1 415 555 0192", "+14155550192"},
		{"grouped before a question mark", "is het 06 19384726?", "nl", "06 19384726", "+31619384726"},
		{"grouped before an exclamation mark", "call me at 415 555 0192!", "en", "415 555 0192", "+14155550192"},
		{"grouped in quotes", `my number is "+44 20 7946 0958"`, "en", "+44 20 7946 0958", "+442079460958"},
		{"canada", "Call (604) 555-0143", "en", "(604) 555-0143", "+16045550143"},
		{"uk national", "Ring 020 7946 0958 please", "en", "020 7946 0958", "+442079460958"},
		{"uk mobile", "text me on 07911 123456", "en", "07911 123456", "+447911123456"},
		{"uk trunk in international", "+44 (0)20 7946 0958", "", "+44 (0)20 7946 0958", "+442079460958"},
		{"de berlin", "Meine Nummer ist 030 123456", "de", "030 123456", "+4930123456"},
		{"de slash", "Telefon: 030/12345678", "de", "030/12345678", "+493012345678"},
		{"de handy", "Handy 0151 23456789", "de", "0151 23456789", "+4915123456789"},
		{"fr mobile", "mon portable : 06 12 34 56 78", "fr", "06 12 34 56 78", "+33612345678"},
		{"fr mobile no lang", "06 12 34 56 78", "", "06 12 34 56 78", "+33612345678"},
		{"fr international", "+33 6 12 34 56 78", "", "+33 6 12 34 56 78", "+33612345678"},
		{"es mobile", "mi teléfono es 612 34 56 78", "es", "612 34 56 78", "+34612345678"},
		{"es mobile no lang", "612 34 56 78", "", "612 34 56 78", "+34612345678"},
		{"it rome", "chiamami allo 06 1234 5678", "it", "06 1234 5678", "+390612345678"},
		{"it mobile", "cellulare 347 123 4567", "it", "347 123 4567", "+393471234567"},
		{"br mobile", "meu celular é (11) 91234-5678", "pt", "(11) 91234-5678", "+5511912345678"},
		{"br no lang", "(11) 91234-5678", "", "(11) 91234-5678", "+5511912345678"},
		{"in mobile trunk", "call 098765 43210", "en", "098765 43210", "+919876543210"},
		{"in mobile", "mera number 98765 43210 hai", "hi", "98765 43210", "+919876543210"},
		{"mx", "mi número es 55 1234 5678", "es", "55 1234 5678", "+525512345678"},
		{"mx no lang", "55 1234 5678", "", "55 1234 5678", "+525512345678"},
		{"in a token with a prefix", "tel:+14155550192", "", "+14155550192", "+14155550192"},
		{"followed by a count", "call 415-555-0192 2 times", "", "415-555-0192", "+14155550192"},
		{"after a number", "room 12 call 415-555-0192", "", "415-555-0192", "+14155550192"},
		{"before a time", "call 415-555-0192 10:30 tomorrow", "", "415-555-0192", "+14155550192"},
		{"us toll free with trunk", "call 1-800-555-0199", "", "1-800-555-0199", "+18005550199"},
		{"fr trunk in international", "+33 (0)6 12 34 56 78", "", "+33 (0)6 12 34 56 78", "+33612345678"},
		{"fr dots", "06.12.34.56.78", "", "06.12.34.56.78", "+33612345678"},
		{"de paren area", "(030) 123456", "", "(030) 123456", "+4930123456"},
		{"br international", "+55 11 91234-5678", "", "+55 11 91234-5678", "+5511912345678"},
		{"in international", "+91 98765 43210", "", "+91 98765 43210", "+919876543210"},
		{"japan international", "+81 3-1234-5678", "", "+81 3-1234-5678", "+81312345678"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Phone(), Input{Text: []byte(tt.give), Lang: tt.lang})
			want := []hit{span(tt.give, tt.sub, tt.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q, lang %q) mismatch (-want +got):\n%s", tt.give, tt.lang, diff)
			}
		})
	}
}

func TestPhoneTrueNegatives(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"en chat", "meet at 2 pm, I'll bring 3 items and 12 cookies"},
		{"en times", "the call is at 10:30 and lasts 45 minutes"},
		{"de chat", "Wir treffen uns um 14 Uhr, ich bringe 2 Kuchen mit"},
		{"fr chat", "J'ai 3 enfants et 2 chats, rendez-vous à 18h30"},
		{"es chat", "Tengo 25 años y vivo en el piso 3"},
		{"pt chat", "Comprei 4 livros por 120 reais"},
		{"counts", "we shipped 1250000 units in 2023"},
		{"order number", "order 123456789 has shipped"},
		{"year range", "from 2019-2024 we grew"},
		{"score", "final score 3-2"},
		{"passport number", "my passport number is 531 884 2076"},
		{"health service user number", "N.º de utente 845 203 617"},
		{"health insurance card", "numero tessera sanitaria 0612 345 678"},
		{"health number", "NHS number 485 777 3456 please"},
		{"postal code br", "CEP 04538-132, São Paulo"},
		{"postal code br without cue", "Rua Augusta 1500, 01304-001 São Paulo"},
		{"tracking number", "parcel 9261 2901 2345 6789 0123 45 is on its way"},
		{"long reference", "ref 1234 5678 9012 3456 7890 12"},
		{"member id", "member id 0612345678"},
		{"local without phone cue", "room 555-0147 is free"},
		{"unlisted + without groups", "+33639998877123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Phone(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestPhoneNearMisses(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"iso date", "call me on 2024-01-15"},
		{"de date", "Termin am 15.01.2024, Telefon folgt"},
		{"us date", "call 01/15/2024"},
		{"timestamp", "phone log 2024-01-15 10:30:00"},
		{"unix time", "ts 1700000000 ok"},
		{"price", "it costs $1,299.00 call now"},
		{"eu price", "Preis 1.299,00 € Telefon"},
		{"version", "update to v1.2.3 or 10.0.19045.2965"},
		{"ip", "server 192.168.100.200 tel"},
		{"isbn13", "ISBN 978-3-16-148410-0"},
		{"isbn13 spaces", "call 978 3 16 148410 0"},
		{"isbn10", "ISBN 0-306-40615-2"},
		{"uuid", "id 123e4567-e89b-12d3-a456-426614174000"},
		{"digit uuid", "id 12345678-1234-1234-1234-123456789012"},
		{"git sha", "commit 3f2a9c1 and 1234567"},
		{"card", "card 4111 1111 1111 1111"},
		{"ssn layout", "my ssn is 078-05-1120"},
		{"range", "between 10-20 people"},
		{"invalid area", "(123) 456-7890"},
		{"order hash", "order #4155550192"},
		{"percent", "growth 4155550192%"},
		{"too short intl", "+44 20"},
		{"bad country", "+999 1234 5678"},
		{"bare no cue", "ref 4155550192"},
		{"unicode letters", "ünd4155550192"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Phone(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

// TestPhoneLanguageCountry checks that a number is read in its message's
// country first: one that lacks the trunk prefix the country always writes
// is no phone of another country unless a cue or that country's grouping
// says so (it stays redacted as an OPERATIONAL id), and Portuguese text has
// Portugal's numbers.
func TestPhoneLanguageCountry(t *testing.T) {
	tests := []struct {
		name string
		give string
		lang string
		want []string // kind and value
	}{
		{"pt landline", "passa a ser a avó, D. Fernanda Gaspar, 21 555 0147", "pt", []string{"PHONE +351215550147"}},
		{"pt mobile", "o meu telemóvel é 912 345 678", "pt", []string{"PHONE +351912345678"}},
		{"br number in pt", "me liga no (11) 91234-5678", "pt", []string{"PHONE +5511912345678"}},
		{"nl member number", "RN 4471 0928 13", "nl", []string{"OPERATIONAL 4471092813"}},
		{"de answer", "ja das ist 4471 0928 13", "de", []string{"OPERATIONAL 4471092813"}},
		{"nl trunk national", "bel me op 06 19384726", "nl", []string{"PHONE +31619384726"}},
		{"us grouping in nl text", "bel 415-555-0192 vanavond", "nl", []string{"PHONE +14155550192"}},
		{"nl cued foreign", "mijn telefoon: 4155550192", "nl", []string{"PHONE +14155550192"}},
		{"unknown language", "415 555 0192", "", []string{"PHONE +14155550192"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{Phone()})
			if err != nil {
				t.Fatalf("New(phone): %v", err)
			}
			var got []string
			for _, f := range e.ScanInput(nil, Input{Text: []byte(tt.give), Lang: tt.lang}) {
				got = append(got, f.Kind.String()+" "+string(f.Value))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Scan(%q, %s) mismatch (-want +got):\n%s", tt.give, tt.lang, diff)
			}
		})
	}
}

func BenchmarkPhone_Chat256(b *testing.B) { benchDetector(b, Phone(), chatWithDigits(256)) }
func BenchmarkPhone_Chat4K(b *testing.B)  { benchDetector(b, Phone(), chatWithDigits(4<<10)) }
func BenchmarkPhone_Chat64K(b *testing.B) { benchDetector(b, Phone(), chatWithDigits(64<<10)) }
func BenchmarkPhone_Candidate(b *testing.B) {
	benchDetector(b, Phone(), []byte("call me at (415) 555-0192 please"))
}
func BenchmarkPhone_CandidateIntl(b *testing.B) {
	benchDetector(b, Phone(), []byte("call me at +44 20 7946 0958 please"))
}

// TestPhonePlansMatchLibrary checks the compiled numbering plans against
// phonenumbers.IsValidNumber on every region's example numbers, and on the
// same numbers with a digit dropped or added.
func TestPhonePlansMatchLibrary(t *testing.T) {
	plans, err := phonePlans()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for region := range phonenumbers.GetSupportedRegions() {
		for _, typ := range []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE} {
			ex := phonenumbers.GetExampleNumberForType(region, typ)
			if ex == nil {
				continue
			}
			nsn := phonenumbers.GetNationalSignificantNumber(ex)
			for _, give := range []string{nsn, nsn[:len(nsn)-1], nsn + "5"} {
				num, err := phonenumbers.Parse("+"+strconv.Itoa(int(ex.GetCountryCode()))+give, "ZZ")
				if err != nil {
					continue
				}
				// Compare on the national number the library parsed.
				got := plans.valid(int(num.GetCountryCode()), []byte(phonenumbers.GetNationalSignificantNumber(num)))
				if want := phonenumbers.IsValidNumber(num); got != want {
					t.Errorf("valid(%s %s) = %v, want %v (phonenumbers.IsValidNumber)", region, give, got, want)
				}
				checked++
			}
		}
	}
	if checked < 500 {
		t.Errorf("checked %d numbers, want at least 500", checked)
	}
}

func TestPhoneConcurrentScans(t *testing.T) {
	e, err := New([]Detector{Phone()})
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("call +44 20 7946 0958 or (415) 555-0192 on 2024-01-15")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				if fs := e.Scan(nil, text); len(fs) != 2 {
					t.Errorf("Scan(%q) = %v, want 2 findings", text, fs)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestPhoneDFAMatchesRegexp checks every numbering-plan automaton against
// its regexp on digit strings that share a prefix with the plan's example
// numbers and on strings of each possible length drawn from a fixed
// sequence, so the automaton accepts exactly the regexp's numbers.
func TestPhoneDFAMatchesRegexp(t *testing.T) {
	plans, err := phonePlans()
	if err != nil {
		t.Fatal(err)
	}
	var descs, withDFA, checked int
	x := uint64(88172645463325252)
	for cc := range plans.byCC {
		for pi := range plans.byCC[cc] {
			p := &plans.byCC[cc][pi]
			for di := -1; di < len(p.types); di++ {
				d := &p.general
				if di >= 0 {
					d = &p.types[di]
				}
				descs++
				if d.dfa == nil {
					continue
				}
				withDFA++
				for l := 2; l <= 17; l++ {
					for range 60 {
						give := make([]byte, l)
						for i := range give {
							x ^= x << 13
							x ^= x >> 7
							x ^= x << 17
							give[i] = '0' + byte(x%10)
						}
						// Start with a prefix the pattern admits half of the
						// time, so that matches are tried, not only misses.
						if x%2 == 0 {
							for p := range 100 {
								if d.starts[p/64]&(1<<(p%64)) != 0 && x%7 == uint64(p%7) {
									give[0], give[1] = '0'+byte(p/10), '0'+byte(p%10)
									break
								}
							}
						}
						if got, want := d.dfa.match(give), d.re.Match(give); got != want {
							t.Fatalf("cc %d plan %d desc %d: dfa.match(%s) = %v, want %v (regexp)", cc, pi, di, give, got, want)
						}
						checked++
					}
				}
			}
		}
	}
	if withDFA < descs*9/10 {
		t.Errorf("%d of %d patterns have an automaton, want at least 90%%", withDFA, descs)
	}
	t.Logf("%d patterns, %d with an automaton, %d strings checked", descs, withDFA, checked)
}

func TestPhoneBuildNumbers(t *testing.T) {
	tests := []struct{ name, give string }{
		{"en build is", "The screen resolution is 1920x1080 and the build is 0725.043"},
		{"it build in brackets", "Ho la versione 17.1.0 (build 0675400872)"},
		{"es compilación", "la compilación 0812.331 sigue fallando"},
		{"de version", "Version 0612 345678 stürzt ab"},
	}
	runNoFindings(t, Phone(), tests)
}

// TestRunCueKindsMatchesSets checks that runCueKinds answers for each word
// as phoneCues, phoneOnlyCues and otherIDCues answer one by one.
func TestRunCueKindsMatchesSets(t *testing.T) {
	tests := []struct {
		give string
	}{
		{"phone"}, {"Telefonnummer"}, {"tel"}, {"TELL"}, {"number"}, {"Passport"}, {"passeport"}, {"order"},
		{"orders"}, {"build"}, {"buildnumber"}, {"ph"}, {"wa"}, {"rg"}, {"my"}, {"is"}, {"contact"}, {"contacts"},
		{"téléphone"}, {"फोन"}, {"zip"}, {"zipcode"}, {"x"}, {"cell"}, {"cellulare"}, {"Celular"}, {"pin"}, {"pins"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			w := []byte(tt.give)
			var want uint8
			for i, s := range []*cueSet{phoneCues, phoneOnlyCues, otherIDCues} {
				if s.match(w) {
					want |= 1 << i
				}
			}
			if got := runCueKinds.match(w); got != want {
				t.Errorf("runCueKinds.match(%q) = %03b, want %03b", tt.give, got, want)
			}
		})
	}
}
