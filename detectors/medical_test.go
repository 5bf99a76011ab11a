package detectors

import "testing"

func TestMedical(t *testing.T) {
	runIDCases(t, GovID, KindMedical, []idCase{
		{"npi", "provider NPI 1234567893", "1234567893", "us-npi"},
		{"mbi", "Medicare number 1EG4-TE5-MK73", "1EG4-TE5-MK73", "us-mbi"},
		{"mbi bare", "it's 1EG4TE5MK73 on the card", "1EG4TE5MK73", "us-mbi"},
		{"dea", "DEA number AB1234563", "AB1234563", "us-dea"},
		{"kvnr", "meine Krankenversichertennummer ist A123456780", "A123456780", "de-kvnr"},
		{"mrn", "patient MRN 00482913", "00482913", "medical-record"},
		{"member", "member ID XJH48812345", "XJH48812345", "health-plan-member"},
		{"spoken member id", "my member id is k l four four one two nine nine", "k l four four one two nine nine", "health-plan-member"},
		{"cue binds to the nearest value", "member id ZZ4477120 and group 778812", "ZZ4477120", "health-plan-member"},
		{"nl compound", "zorgpasnummer 55012934", "55012934", "health-plan-member"},
		{"pt utente", "número de utente 246813579", "246813579", "health-plan-member"},
		// A health insurer named in the sentence makes the id MEDICAL, whatever its shape.
		{"nl insurer", "mijn relatienummer bij de zorgverzekeraar is RN 4471 0928 13", "RN 4471 0928 13", "health-plan-member"},
		{"fr mutuelle", "mon numéro d'adhérent à la mutuelle est ADH-0049-771250", "ADH-0049-771250", "health-plan-member"},
		{"de insurer", "bei der Krankenversicherung läuft es unter KV-2291-4471", "KV-2291-4471", "health-plan-member"},
		{"es insurer", "mi seguro médico: póliza SM-4471-0928", "SM-4471-0928", "health-plan-member"},
		{"it card", "il numero della tessera sanitaria è 80380 000 1234 5678 9014", "80380 000 1234 5678 9014", "ehic-card"},
		{"ehic without health cue", "ok il numero della tessera è 80380 000 1234 5678 9014", "80380 000 1234 5678 9014", "ehic-card"},
		{"ehic bare", "80276 001 2345 6789 0127", "80276 001 2345 6789 0127", "ehic-card"},
	})
}

func TestMedicalNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"npi bad", "NPI 1234567890"},
		{"dea bad", "DEA AB1234560"},
		{"kvnr bad", "Versichertennummer A123456789"},
		{"mbi with S", "1SG4TE5MK73"},
		{"no cue", "XJH48812345 is the product code"},
		{"read aloud outside a transcript", "my member id is k l four four one two nine nine"},
		{"ehic failing luhn", "tessera 80380 000 1234 5678 9015"},
		{"twenty digits of another industry", "ICCID 89380 000 1234 5678 9015"},
		{"insurer far before", "mijn zorgverzekeraar heeft gebeld over de verbouwing en de aannemer stuurt factuur RN 4471 0928 13"},
	}
	runNoFindings(t, GovID, tests)
}
