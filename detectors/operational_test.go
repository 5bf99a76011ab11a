package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOperationalTruePositives(t *testing.T) {
	tests := []struct {
		name, give, want string
		det              Detector
	}{
		{"order hash", "hi, my order #A-10234 never arrived", "A-10234", Operational},
		{"order number is", "the order number is 7781-2234-11", "7781-2234-11", Operational},
		{"invoice colon", "Invoice: INV-2024-00815", "INV-2024-00815", Operational},
		{"pt invoice series", "solicito o reembolso da fatura FT 2024/3318.", "FT 2024/3318", Operational},
		{"series in groups", "meine Kundennummer ist KD 558 201 447, bitte", "KD 558 201 447", Operational},
		{"series in two groups", "customer number AB 12 345 thanks", "AB 12 345", Operational},
		{"fr booking code of letters", "SNCF : réservation QJNRTX confirmée", "QJNRTX", Operational},
		{"es invoice series", "la factura FAC 2023-0412 sigue pendiente", "FAC 2023-0412", Operational},
		{"ticket glued", "ticket#884213 is still open", "884213", Operational},
		{"account", "account no. 00123456789", "00123456789", Operational},
		{"es pedido", "mi número de pedido es 4455-8812", "4455-8812", Operational},
		{"fr commande", "ma commande n° 2024A77812 est en retard", "2024A77812", Operational},
		{"de Rechnungsnummer", "Rechnungsnummer: 2024-00815", "2024-00815", Operational},
		{"de Bestellung Nr", "Bestellung Nr. 448812 ist nicht angekommen", "448812", Operational},
		{"it ordine", "il mio ordine 99812345 non è arrivato", "99812345", Operational},
		{"pt protocolo", "o protocolo é 20241122-0099", "20241122-0099", Operational},
		{"nl bestelnummer", "mijn bestelnummer is 1029384756", "1029384756", Operational},
		{"ups", "tracking 1Z999AA10123456784 shows delivered", "1Z999AA10123456784", Tracking},
		{"spoken order", "my order number is uh six one one four eight two", "six one one four eight two", Operational},
		{"spoken spelled", "the ticket is k as in kilo seven seven two one", "k as in kilo seven seven two one", Operational},
		{"spoken fr compound", "mon numéro de dossier c'est soixante-douze cent quatre", "soixante-douze cent quatre", Operational},
		{"it elision", "il numero dell'ordine è 55120938", "55120938", Operational},
		{"de compound ticketnummer", "Ticketnummer 8812734", "8812734", Operational},
		{"booking code", "your reservation QF8M3K is confirmed", "QF8M3K", Operational},
		{"spaced groups", "package 9205 5000 0000 0000 0001 23 arrives", "9205 5000 0000 0000 0001 23", Operational},
		{"policy", "la póliza 778-120-4431 vence en mayo", "778-120-4431", Operational},
		{"reference layout", "escalated as SUP-2024-07781 yesterday", "SUP-2024-07781", OperationalCode},
		{"reference hash", "see #CASE-448120", "CASE-448120", OperationalCode},
		{"s10", "parcel EE123456785US is in customs", "EE123456785US", Tracking},
		{"usps", "usps says 9400111899223197428497 is out for delivery", "9400111899223197428497", Tracking},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, tt.det, Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]spanWant{at(KindOperational, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestOperationalCodeNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"standard", "we follow ISO-27001 and EN-14683"},
		{"advisory", "patched CVE-2024-31497 today"},
		{"product", "Artikel ART-55102 in Größe M"},
		{"short digits", "model XR-1200"},
		{"lower case", "branch feat-12345"},
	}
	runNoFindings(t, OperationalCode, tests)
}

func TestOperationalOneTimeCodes(t *testing.T) {
	tests := []struct{ name, give string }{
		{"en", "your confirmation code is 481920"},
		{"es", "código de confirmación 220931"},
		{"short booking words", "booking for 2 people"},
	}
	runNoFindings(t, Operational, tests)
}

func TestOperationalTrueNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"order without id", "I want to order a pizza for 2 people"},
		{"case in prose", "in any case it costs 1299.00 dollars"},
		{"account word", "my account was locked on 12/05/2024"},
		{"booking time", "booking for 4 at 19:30"},
		{"no cue", "A-10234 is a part number"},
		{"capitals then a year", "invoice NO 2024 please"},
		{"series then a count", "order ID 12 3 items"},
		{"capitals then a count", "order ID 12"},
		{"status word in capitals", "ticket CLOSED now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{Operational, Tracking})
			if err != nil {
				t.Fatal(err)
			}
			if got := e.Scan(nil, []byte(tt.give)); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestOperationalNearMisses(t *testing.T) {
	tests := []struct{ name, give string }{
		{"ups bad check", "tracking 1Z999AA10123456785 shows delivered"},
		{"s10 bad check", "parcel EE123456784US is in customs"},
		{"usps bad check", "9400111899223197428490 is out"},
		{"order date", "order of 12.05.2024"},
		{"invoice amount", "invoice 1299.00"},
		{"orders count", "orders 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{Tracking, Operational})
			if err != nil {
				t.Fatal(err)
			}
			// The cue detector may report a cued number; the structural
			// checks must not validate it.
			for _, f := range e.Scan(nil, []byte(tt.give)) {
				if f.Validated {
					t.Errorf("Scan(%q) = validated %v, want no validated finding", tt.give, f)
				}
			}
		})
	}
}

func TestOperationalSpoken(t *testing.T) {
	tests := []struct{ name, give, want string }{
		{"words between cue and id", "the reference number they gave me is c s four eight nine two two one", "c s four eight nine two two one"},
		{"letters and three digits", "la referencia es a be ce cuatro cinco seis", "a be ce cuatro cinco seis"},
		{"order number said", "my order number is four four eight one two zero nine", "four four eight one two zero nine"},
		{"no id after the words", "my order number is wrong and i called three times", ""},
		{"short count after the words", "the order they sent was two or three days late", ""},
		{"sentence ends before the id", "the ticket number is missing. four five six seven", ""},
		{"question ends at the cue", "how do i cancel my subscription? the meeting is at 19h45 tomorrow", ""},
		{"written id after other words", "the order they sent me is A-7712093", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, Operational, Input{Text: []byte(tt.give), Spoken: true})
			want := []spanWant{}
			if tt.want != "" {
				want = []spanWant{at(KindOperational, tt.give, tt.want)}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestOperationalParcelsAndFiles(t *testing.T) {
	tests := []struct {
		name, give, want string
		det              Detector
	}{
		{"ups grouped", "tracking 1Z 999 AA1 01 2345 6784 says delivered", "1Z 999 AA1 01 2345 6784", TrackingGrouped},
		{"ups grouped alone", "label: 1Z 4W2 E81 X0 3567 1201.", "1Z 4W2 E81 X0 3567 1201", TrackingGrouped},
		{"fedex after pkg", "FedEx: pkg 7749 3218 5512 delivered", "7749 3218 5512", Operational},
		{"fedex 15 after colis", "mon colis 4417 8830 2291 005 n'est pas arrivé", "4417 8830 2291 005", Operational},
		{"es paquete", "el paquete 612944107835 sigue en aduanas", "612944107835", Operational},
		{"pt objeto s10 unchecked", "Correios: objeto QB123456789BR saiu para entrega", "QB123456789BR", Operational},
		{"s10 alone checked", "got letter RR473829103DE today", "RR473829103DE", Tracking},
		{"nf-e with dots", "segue a nota fiscal NF-e 000.184.772 referente", "000.184.772", Operational},
		{"nota fiscal no", "segunda via da nota fiscal nº 000.771.305", "000.771.305", Operational},
		{"fr dossier", "Dossier MO-2024-0071853.", "MO-2024-0071853", Operational},
		{"en claim", "my claim CLM-2025-339104 is pending", "CLM-2025-339104", Operational},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, tt.det, Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]spanWant{at(KindOperational, tt.give, tt.want)}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestOperationalParcelNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"ups grouped bad check", "is 1Z 999 AA1 01 2345 6785 real?"},
		{"ups grouped too short", "1Z 999 AA1 01 2345"},
		{"s10 bad check alone", "the manual lists part AB123456789CD"},
		{"uuid request id es", "El identificador de la solicitud es 37fc599c-309e-4fb2-a7ab-d6a41bceec08"},
		{"uuid ticket", "ticket interne 3d3756d1-bba2-4858-adab-fcc4f3003f03"},
		{"pkg count", "pkg 3 of 4 arrived"},
		{"nota word", "nota bene: 12 items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{Operational, Tracking, TrackingGrouped})
			if err != nil {
				t.Fatal(err)
			}
			if got := e.Scan(nil, []byte(tt.give)); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}
