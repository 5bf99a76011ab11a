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
		{"es colloquial birthday", "es", "mi cumple es el 22/04/1998 no se te olvide", "22/04/1998", "1998-04-22"},
		{"pt colloquial birthday", "pt", "meu niver é 03/11/1991", "03/11/1991", "1991-11-03"},
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
		{"nl year in one word", "nl", "mijn geboortedatum is dertig januari negentienzeventig", "dertig januari negentienzeventig", "1970-01-30"},
		{"nl year with hundred", "nl", "ik ben geboren op zeventien augustus negentienhonderdtachtig in paramaribo", "zeventien augustus negentienhonderdtachtig", "1980-08-17"},
		{"de year with hundred", "de", "geboren am dritten mai neunzehnhundertfünfundsiebzig", "dritten mai neunzehnhundertfünfundsiebzig", "1975-05-03"},
		{"nl year with thousand", "nl", "geboren op twee maart tweeduizendvijf", "twee maart tweeduizendvijf", "2005-03-02"},
		{"date ends a message about a birth", "en", "so you were born nineteen ninety right may fifth nineteen ninety", "may fifth nineteen ninety", "1990-05-05"},
		{"date sent alone", "pt", "  17/10/1948 ", "17/10/1948", "1948-10-17"},
		{"en spoken ordinal", "en", "she was born on march twenty first nineteen sixty eight ok", "march twenty first nineteen sixty eight", "1968-03-21"},
		{"en spoken of", "en", "dob is the second of october two thousand and one", "second of october two thousand and one", "2001-10-02"},
		{"en spoken numbers", "en", "date of birth is seven four nineteen eighty eight", "seven four nineteen eighty eight", "1988-07-04"},
		{"en spoken oh", "en", "born on april ninth nineteen oh five", "april ninth nineteen oh five", "1905-04-09"},
		{"es spoken", "es", "fecha de nacimiento veintitrés de abril de mil novecientos noventa y dos", "veintitrés de abril de mil novecientos noventa y dos", "1992-04-23"},
		{"es spoken numbers", "es", "nació el cinco del nueve del noventa", "cinco del nueve del noventa", "1990-09-05"},
		{"fr premier", "fr", "je suis né le premier mai mille neuf cent quatre-vingt-cinq", "premier mai mille neuf cent quatre-vingt-cinq", "1985-05-01"},
		{"fr vingt et un", "fr", "née le vingt et un juin soixante-dix-huit", "vingt et un juin soixante-dix-huit", "1978-06-21"},
		{"de ordinal compound year", "de", "geboren am zwölften Mai neunzehnhundertachtundsechzig", "zwölften Mai neunzehnhundertachtundsechzig", "1968-05-12"},
		{"de thousands", "de", "Geburtsdatum: erster April zweitausendzwei", "erster April zweitausendzwei", "2002-04-01"},
		{"it glued year", "it", "sono nata il ventidue febbraio millenovecentonovantatré", "ventidue febbraio millenovecentonovantatré", "1993-02-22"},
		{"pt spoken", "pt", "nasci em dezoito de agosto de mil novecentos e setenta", "dezoito de agosto de mil novecentos e setenta", "1970-08-18"},
		{"nl halves", "nl", "geboren op eenendertig december negentien achtenveertig", "eenendertig december negentien achtenveertig", "1948-12-31"},
		{"spoken date sent alone", "en", "uh the fourth of july nineteen fifty six", "fourth of july nineteen fifty six", "1956-07-04"},
		{"written date sent alone", "de", "dreiundzwanzigster Oktober 1971.", "dreiundzwanzigster Oktober 1971", "1971-10-23"},
		{"month name in one token", "en", "DOB 05-Nov-1987", "05-Nov-1987", "1987-11-05"},
		{"abbreviated cue", "es", "fecha nac. 05/11/1987", "05/11/1987", "1987-11-05"},
		{"dash after cue", "en", "Date of Birth - 11/05/1987", "11/05/1987", "1987-11-05"},
		{"format hint after cue", "en", "DOB (mm/dd/yyyy): 11/05/1987", "11/05/1987", "1987-11-05"},
		{"month abbreviation dot", "en", "birthday: Nov. 5, 1987", "Nov. 5, 1987", "1987-11-05"},
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
		{"spoken recent date alone", "march third twenty twenty four"},
		{"spoken date in a sentence", "the twelfth of may nineteen ninety was a great day"},
		{"month alone", "may"},
		{"no year alone", "the third of may"},
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
		{"spoken day out of range", "born on the thirty second of may nineteen ninety"},
		{"spoken impossible date", "born february thirtieth nineteen eighty"},
		{"spoken time, no year", "born on june third at nine thirty"},
		{"spoken year only", "born in nineteen ninety"},
		{"birthday without year", "my birthday is on may fifth"},
		{"spoken month and year", "i was born in march nineteen eighty"},
		{"month token, impossible day", "DOB 31-Feb-1987"},
		{"other date after birth year", "He was born in 1987 and moved on 05/11/2010"},
		{"other date ends a message about a birth", "He was born in Leeds and moved here on 5 May 2010"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, DateOfBirth, Input{Text: []byte(tt.give)}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}
