package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDateOfBirthTruePositives(t *testing.T) {
	tests := []struct {
		name, lang, give, want, iso string
	}{
		{"en born on", "en", "I was born on 3 March 1990 in Leeds", "3 March 1990", "1990-03-03"},
		{"en dob colon", "en", "DOB: 03/04/1990", "03/04/1990", "1990-03-04"},
		{"en d.o.b.", "en", "name Anna, d.o.b. 1990-03-04, thanks", "1990-03-04", "1990-03-04"},
		{"en birthday ordinal", "en", "my birthday is march 3rd 1990", "march 3rd 1990", "1990-03-03"},
		{"en date of birth", "en", "date of birth is 12/25/1985.", "12/25/1985", "1985-12-25"},
		{"es", "es", "mi fecha de nacimiento es 12/05/1985", "12/05/1985", "1985-05-12"},
		{"es textual", "es", "nací el 12 de mayo de 1985", "12 de mayo de 1985", "1985-05-12"},
		{"de", "de", "ich bin geboren am 12.05.1985 in Köln", "12.05.1985", "1985-05-12"},
		{"de geb.", "de", "Jonas Weber, geb. 01.02.1979", "01.02.1979", "1979-02-01"},
		{"fr", "fr", "je suis né le 1er mai 1985", "1er mai 1985", "1985-05-01"},
		{"it", "it", "sono nata il 12/05/1985", "12/05/1985", "1985-05-12"},
		{"pt", "pt", "nascido em 12/05/1985", "12/05/1985", "1985-05-12"},
		{"nl", "nl", "geboortedatum: 12-05-1985", "12-05-1985", "1985-05-12"},
		{"two digit year", "en", "DOB 3/4/85", "3/4/85", "1985-03-04"},
		{"de cue after date", "de", "meine Tochter ist am 7. Juni 2011 geboren", "7. Juni 2011", "2011-06-07"},
		{"nl cue after date", "nl", "ik ben op 30-11-1972 geboren", "30-11-1972", "1972-11-30"},
		{"es nació", "es", "mi padre nació el 9 de enero de 1950", "9 de enero de 1950", "1950-01-09"},
		{"it birthplace first", "it", "nato a Torino il 14/03/1966, residente a Milano", "14/03/1966", "1966-03-14"},
		{"en birthplace first", "en", "born in Leeds on 2 July 1981", "2 July 1981", "1981-07-02"},
		{"date sent alone", "pt", "  17/10/1948 ", "17/10/1948", "1948-10-17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{DateOfBirth})
			if err != nil {
				t.Fatal(err)
			}
			fs := e.ScanInput(nil, Input{Text: []byte(tt.give), Lang: tt.lang})
			got := []spanWant{}
			for _, f := range fs {
				got = append(got, spanWant{f.Kind, f.Start, f.End})
			}
			if diff := cmp.Diff([]spanWant{at(KindDateOfBirth, tt.give, tt.want)}, got); diff != "" {
				t.Fatalf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
			if string(fs[0].Value) != tt.iso {
				t.Errorf("Scan(%q).Value = %q, want %q", tt.give, fs[0].Value, tt.iso)
			}
		})
	}
}

func TestDateOfBirthAnswerNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"recent date alone", "03/01/2025"},
		{"old date in a sentence", "the contract started on 03/01/1998"},
		{"date and more", "12.05.1985 oder 13.05.1985"},
		{"year alone", "1985"},
		{"date then place, no cue", "am 3. Mai 1979 in Bonn"},
	}
	runNoFindings(t, DateOfBirth, tests)
}

func TestDateOfBirthTrueNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"plain date", "the meeting is on 03/04/2024 at 10:00"},
		{"birthday without date", "it's my birthday tomorrow, party at 8"},
		{"born year only", "I was born in 1990"},
		{"delivery date", "delivery on 12.05.2025 between 9 and 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, DateOfBirth, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}

func TestDateOfBirthNearMisses(t *testing.T) {
	tests := []struct{ name, give string }{
		{"impossible date", "DOB: 31/02/1990"},
		{"future century", "born on 03/04/2190"},
		{"cue too far", "born and raised here, we moved a lot and then on 03/04/1990 we left"},
		{"version after cue", "birthday app v1.2.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, DateOfBirth, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}
