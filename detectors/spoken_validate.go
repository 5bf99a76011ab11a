package detectors

import "github.com/nyaruka/phonenumbers"

// TEMPORARY: to be replaced by the shared validators of card.go, ssn.go and phone.go on merge.

var ssnCues = []string{"ssn", "social security", "social", "seguro social"}

func hasSSNCue(text []byte, pos int) bool { return hasCue(text, pos, 60, ssnCues) }

func validSSNDigits(ds []byte) bool {
	area := string(ds[:3])
	return area != "000" && area != "666" && ds[0] != '9' && string(ds[3:5]) != "00" && string(ds[5:]) != "0000"
}

func validatePhoneDigits(ds []byte, plus bool, lang string) ([]byte, bool) {
	regions := []string{"US", "GB", "DE", "FR", "ES", "IT", "BR", "IN", "MX", "NL"}
	s := string(ds)
	if plus {
		s = "+" + s
		regions = []string{"ZZ"}
	}
	for _, r := range regions {
		n, err := phonenumbers.Parse(s, r)
		if err == nil && phonenumbers.IsValidNumber(n) {
			return []byte(phonenumbers.Format(n, phonenumbers.E164)), true
		}
	}
	return nil, false
}
