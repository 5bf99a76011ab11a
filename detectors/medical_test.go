package detectors

import "testing"

func TestMedical(t *testing.T) {
	runIDCases(t, Medical, KindMedical, []idCase{
		{"npi", "provider NPI 1234567893", "1234567893", "us-npi"},
		{"mbi", "Medicare number 1EG4-TE5-MK73", "1EG4-TE5-MK73", "us-mbi"},
		{"mbi bare", "it's 1EG4TE5MK73 on the card", "1EG4TE5MK73", "us-mbi"},
		{"dea", "DEA number AB1234563", "AB1234563", "us-dea"},
		{"kvnr", "meine Krankenversichertennummer ist A123456780", "A123456780", "de-kvnr"},
		{"mrn", "patient MRN 00482913", "00482913", "medical-record"},
		{"member", "member ID XJH48812345", "XJH48812345", "health-plan-member"},
	})
}

func TestMedicalNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"npi bad", "NPI 1234567890"},
		{"dea bad", "DEA AB1234560"},
		{"kvnr bad", "Versichertennummer A123456789"},
		{"mbi with S", "1SG4TE5MK73"},
		{"no cue", "XJH48812345 is the product code"},
	}
	runNoFindings(t, Medical, tests)
}
