package detectors

import "time"

// Check-digit algorithms of national and medical identifiers. Each takes the
// compact identifier (separators removed, letters upper-case) whose shape
// its rule has already checked.

func digitAt(c []byte, i int) int { return int(c[i] - '0') }

// weightedSum returns Σ digit(c[i]) * w[i].
func weightedSum(c []byte, w []int) int {
	s := 0
	for i, x := range w {
		s += digitAt(c, i) * x
	}
	return s
}

// luhnValid reports whether the digits ds pass the Luhn check.
func luhnValid(ds []byte) bool {
	sum, dbl := 0, false
	for i := len(ds) - 1; i >= 0; i-- {
		d := int(ds[i] - '0')
		if dbl {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		dbl = !dbl
	}
	return sum%10 == 0
}

// checkESNIF: 8 digits and a letter, or an NIE (X, Y, Z, 7 digits, letter);
// the letter is the number mod 23.
func checkESNIF(c []byte) bool {
	n := 0
	for i, b := range c[:8] {
		switch {
		case b >= '0' && b <= '9':
			n = n*10 + int(b-'0')
		case i == 0 && (b == 'X' || b == 'Y' || b == 'Z'):
			n = int(b - 'X')
		default:
			return false
		}
	}
	return c[8] == "TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
}

// checkITFiscal: the 16th character of a codice fiscale from odd and even
// position values.
func checkITFiscal(c []byte) bool {
	odd := [36]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
		1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23} // A-Z
	sum := 0
	for i, b := range c[:15] {
		v := 0
		switch {
		case b >= '0' && b <= '9':
			v = int(b - '0')
		case b >= 'A' && b <= 'Z':
			v = int(b - 'A')
		default:
			return false
		}
		if i%2 == 0 { // odd positions, 1-based
			if b >= 'A' {
				v = odd[10+int(b-'A')]
			} else {
				v = odd[v]
			}
		}
		sum += v
	}
	return c[15] == byte('A'+sum%26)
}

// checkPESEL: weights 1,3,7,9 and a valid birth date with the century in
// the month.
func checkPESEL(c []byte) bool {
	s := weightedSum(c, []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3})
	if (10-s%10)%10 != digitAt(c, 10) {
		return false
	}
	y, m, d := 10*digitAt(c, 0)+digitAt(c, 1), 10*digitAt(c, 2)+digitAt(c, 3), 10*digitAt(c, 4)+digitAt(c, 5)
	century := [5]int{1900, 2000, 2100, 2200, 1800}[m/20%5]
	return validDate(century+y, m%20, d)
}

// checkSGNRIC: S/T/F/G/M, 7 digits and a check letter.
func checkSGNRIC(c []byte) bool {
	s := weightedSum(c[1:], []int{2, 7, 6, 5, 4, 3, 2})
	var table string
	switch c[0] {
	case 'S':
		table = "JZIHGFEDCBA"
	case 'T':
		s += 4
		table = "JZIHGFEDCBA"
	case 'F':
		table = "XWUTRQPNMLK"
	case 'G':
		s += 4
		table = "XWUTRQPNMLK"
	case 'M':
		s += 3
		table = "KLJNPQRTUWX"
	default:
		return false
	}
	return c[8] == table[s%11]
}

// checkAUABN: subtract 1 from the first digit, weights, mod 89.
func checkAUABN(c []byte) bool {
	w := []int{10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19}
	return c[0] != '0' && (weightedSum(c, w)-10)%89 == 0
}

// checkAUACN: weights 8..1 over 8 digits, complement mod 10.
func checkAUACN(c []byte) bool {
	s := weightedSum(c, []int{8, 7, 6, 5, 4, 3, 2, 1})
	return (10-s%10)%10 == digitAt(c, 8)
}

// checkAUTFN: 9 digits, weighted sum mod 11 is zero.
func checkAUTFN(c []byte) bool {
	return weightedSum(c, []int{1, 4, 3, 7, 5, 8, 6, 9, 10})%11 == 0
}

// checkAUMedicare: first digit 2-6, weights 1,3,7,9 over 8 digits, mod 10
// is the ninth.
func checkAUMedicare(c []byte) bool {
	return c[0] >= '2' && c[0] <= '6' && weightedSum(c, []int{1, 3, 7, 9, 1, 3, 7, 9})%10 == digitAt(c, 8)
}

// checkINPAN: the fourth letter says the holder's type.
func checkINPAN(c []byte) bool {
	switch c[3] {
	case 'A', 'B', 'C', 'F', 'G', 'H', 'L', 'J', 'P', 'T', 'K':
		return true
	}
	return false
}

// verhoeff tables.
var (
	verhoeffD = [10][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	verhoeffP = [8][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
)

// checkAadhaar: 12 digits, not starting with 0 or 1, Verhoeff.
func checkAadhaar(c []byte) bool {
	if c[0] < '2' {
		return false
	}
	var x byte
	for i := len(c) - 1; i >= 0; i-- {
		x = verhoeffD[x][verhoeffP[(len(c)-1-i)%8][c[i]-'0']]
	}
	return x == 0
}

// alnumValue is 0-9 for digits and 10-35 for A-Z.
func alnumValue(b byte) int {
	if b <= '9' {
		return int(b - '0')
	}
	return int(b-'A') + 10
}

// checkINGSTIN: a state code, a PAN, an entity digit, Z and a mod-36 check
// character.
func checkINGSTIN(c []byte) bool {
	if !checkINPAN(c[2:12]) {
		return false
	}
	sum := 0
	for i, b := range c[:14] {
		p := alnumValue(b) * (1 + i%2)
		sum += p/36 + p%36
	}
	check := (36 - sum%36) % 36
	return alnumValue(c[14]) == check
}

// checkFIHetu: DDMMYY, a century sign, a serial and a mod-31 check character.
func checkFIHetu(c []byte) bool {
	n := 0
	for i, b := range c[:10] {
		if i == 6 {
			continue
		}
		if b < '0' || b > '9' {
			return false
		}
		n = n*10 + int(b-'0')
	}
	var century int
	switch c[6] {
	case '+':
		century = 1800
	case '-', 'Y', 'X', 'W', 'V', 'U':
		century = 1900
	case 'A', 'B', 'C', 'D', 'E', 'F':
		century = 2000
	default:
		return false
	}
	y := century + 10*digitAt(c, 4) + digitAt(c, 5)
	if !validDate(y, 10*digitAt(c, 2)+digitAt(c, 3), 10*digitAt(c, 0)+digitAt(c, 1)) {
		return false
	}
	return c[10] == "0123456789ABCDEFHJKLMNPRSTUVWXY"[n%31]
}

// checkKRRRN: YYMMDD, a gender/century digit, and (for numbers issued before
// October 2020) a check digit; the date is always checked.
func checkKRRRN(c []byte) bool {
	g := digitAt(c, 6)
	var century int
	switch g {
	case 1, 2, 5, 6:
		century = 1900
	case 3, 4, 7, 8:
		century = 2000
	case 9, 0:
		century = 1800
	}
	return validDate(century+10*digitAt(c, 0)+digitAt(c, 1), 10*digitAt(c, 2)+digitAt(c, 3), 10*digitAt(c, 4)+digitAt(c, 5))
}

// krRRNChecksum reports whether the pre-2020 check digit holds (residents
// and foreigners use different offsets).
func krRRNChecksum(c []byte) bool {
	s := weightedSum(c, []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5})
	if g := digitAt(c, 6); g >= 5 && g <= 8 {
		return (13-s%11)%10 == digitAt(c, 12)
	}
	return (11-s%11)%10 == digitAt(c, 12)
}

// checkTHID: 13 digits, first 1-8, mod-11 check.
func checkTHID(c []byte) bool {
	if c[0] < '1' || c[0] > '8' {
		return false
	}
	s := 0
	for i := range 12 {
		s += digitAt(c, i) * (13 - i)
	}
	return (11-s%11)%10 == digitAt(c, 12)
}

// checkSEPersonnummer: YYMMDD (day+60 for coordination numbers), serial,
// Luhn over the ten digits.
func checkSEPersonnummer(c []byte) bool {
	if len(c) == 12 {
		c = c[2:]
	}
	m, d := 10*digitAt(c, 2)+digitAt(c, 3), 10*digitAt(c, 4)+digitAt(c, 5)
	if d > 60 {
		d -= 60
	}
	return validDate(2000, m, d) && luhnValid(c)
}

// checkTRKimlik: 11 digits, first non-zero, two check digits.
func checkTRKimlik(c []byte) bool {
	if c[0] == '0' {
		return false
	}
	odd := digitAt(c, 0) + digitAt(c, 2) + digitAt(c, 4) + digitAt(c, 6) + digitAt(c, 8)
	even := digitAt(c, 1) + digitAt(c, 3) + digitAt(c, 5) + digitAt(c, 7)
	if ((odd*7-even)%10+10)%10 != digitAt(c, 9) {
		return false
	}
	s := 0
	for i := range 10 {
		s += digitAt(c, i)
	}
	return s%10 == digitAt(c, 10)
}

// checkCASIN: 9 digits, Luhn, not starting with 8 (business numbers).
func checkCASIN(c []byte) bool { return c[0] != '8' && luhnValid(c) }

// checkDESteuerID: 11 digits, first non-zero, one digit repeated two or
// three times among the first ten, and an ISO 7064 MOD 11,10 check digit.
func checkDESteuerID(c []byte) bool {
	if c[0] == '0' {
		return false
	}
	var counts [10]int
	for _, b := range c[:10] {
		counts[b-'0']++
	}
	repeated := 0
	for _, n := range counts {
		switch {
		case n == 2 || n == 3:
			repeated++
		case n > 3:
			return false
		}
	}
	if repeated != 1 {
		return false
	}
	product := 10
	for _, b := range c[:10] {
		sum := (int(b-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	check := 11 - product
	if check == 10 {
		check = 0
	}
	return check == digitAt(c, 10)
}

// checkFRNIR: sex, year, month, department (2A/2B for Corsica), commune,
// order, and a key of 97 minus the number mod 97.
func checkFRNIR(c []byte) bool {
	switch c[0] {
	case '1', '2', '3', '4', '7', '8':
	default:
		return false
	}
	// Corsica's departments 2A and 2B count as 19 and 18.
	n := 0
	for i, b := range c[:13] {
		switch {
		case b >= '0' && b <= '9':
			n = n*10 + int(b-'0')
		case i == 6 && c[5] == '2' && (b == 'A' || b == 'B'):
			n = n/10*100 + 19 - int(b-'A')
		default:
			return false
		}
	}
	if m := 10*digitAt(c, 3) + digitAt(c, 4); m < 1 || m > 12 && m < 20 || m > 42 && m < 50 {
		return false
	}
	return 97-n%97 == 10*digitAt(c, 13)+digitAt(c, 14)
}

// checkBRCPF: 11 digits with two mod-11 check digits, not all equal.
func checkBRCPF(c []byte) bool {
	same := true
	for _, b := range c[1:] {
		same = same && b == c[0]
	}
	if same {
		return false
	}
	for _, n := range [2]int{9, 10} {
		s := 0
		for i := range n {
			s += digitAt(c, i) * (n + 1 - i)
		}
		if s*10%11%10 != digitAt(c, n) {
			return false
		}
	}
	return true
}

// checkBRCNPJ: 14 digits with two mod-11 check digits.
func checkBRCNPJ(c []byte) bool {
	w := []int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	for _, n := range [2]int{12, 13} {
		s := weightedSum(c, w[13-n:])
		d := 11 - s%11
		if d >= 10 {
			d = 0
		}
		if d != digitAt(c, n) {
			return false
		}
	}
	return true
}

// checkMXCURP: 17 characters weighted 18..2 over an alphabet with Ñ, and a
// check digit.
func checkMXCURP(c []byte) bool {
	const alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ" // & stands in for Ñ
	s := 0
	for i, b := range c[:17] {
		v := -1
		for j := range len(alphabet) {
			if alphabet[j] == b {
				v = j
				break
			}
		}
		if v < 0 {
			return false
		}
		s += v * (18 - i)
	}
	y, m, d := 10*digitAt(c, 4)+digitAt(c, 5), 10*digitAt(c, 6)+digitAt(c, 7), 10*digitAt(c, 8)+digitAt(c, 9)
	century := 1900
	if c[16] >= 'A' {
		century = 2000
	}
	return validDate(century+y, m, d) && (10-s%10)%10 == digitAt(c, 17)
}

// checkUSITIN: 9XX-GG-XXXX with the group in 50-65, 70-88, 90-92 or 94-99.
func checkUSITIN(c []byte) bool {
	g := 10*digitAt(c, 3) + digitAt(c, 4)
	return c[0] == '9' && (g >= 50 && g <= 65 || g >= 70 && g <= 88 || g >= 90 && g <= 92 || g >= 94)
}

// checkABARouting: 9 digits, weights 3,7,1, mod 10.
func checkABARouting(c []byte) bool {
	return weightedSum(c, []int{3, 7, 1, 3, 7, 1, 3, 7, 1})%10 == 0
}

// checkUKNHS: 10 digits, weights 10..2, 11 minus mod 11.
func checkUKNHS(c []byte) bool {
	s := weightedSum(c, []int{10, 9, 8, 7, 6, 5, 4, 3, 2})
	r := 11 - s%11
	if r == 11 {
		r = 0
	}
	return r != 10 && r == digitAt(c, 9)
}

// checkUKNINO: the prefix letters the scheme never allocates are refused.
func checkUKNINO(c []byte) bool {
	switch string(c[:2]) {
	case "BG", "GB", "NK", "KN", "TN", "NT", "ZZ":
		return false
	}
	bad1, bad2 := "DFIQUV", "DFIOQUV"
	for _, x := range []byte(bad1) {
		if c[0] == x {
			return false
		}
	}
	for _, x := range []byte(bad2) {
		if c[1] == x {
			return false
		}
	}
	return c[8] >= 'A' && c[8] <= 'D'
}

// checkUSNPI: Luhn over 80840 and the 10 digits.
func checkUSNPI(c []byte) bool {
	if c[0] != '1' && c[0] != '2' {
		return false
	}
	var buf [15]byte
	copy(buf[:], "80840")
	copy(buf[5:], c)
	return luhnValid(buf[:])
}

// checkUSDEA: two letters and seven digits; the last digit of
// (d1+d3+d5) + 2(d2+d4+d6) is d7.
func checkUSDEA(c []byte) bool {
	s := digitAt(c, 2) + digitAt(c, 4) + digitAt(c, 6) + 2*(digitAt(c, 3)+digitAt(c, 5)+digitAt(c, 7))
	return s%10 == digitAt(c, 8)
}

// checkDEKVNR: a letter (as 01..26) and 8 digits weighted 1,2 alternately
// with cross sums; mod 10 is the tenth character.
func checkDEKVNR(c []byte) bool {
	l := int(c[0]-'A') + 1
	var ds [10]int
	ds[0], ds[1] = l/10, l%10
	for i := 1; i <= 8; i++ {
		ds[i+1] = digitAt(c, i)
	}
	s := 0
	for i, d := range ds {
		p := d * (1 + i%2)
		s += p/10 + p%10
	}
	return s%10 == digitAt(c, 9)
}

// validDate reports whether y-m-d is a calendar date.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// checkUKDrivingLicence: five surname letters (padded with 9), the birth
// decade and month (plus 5 for women), day, year, initials, a digit, two
// letters.
func checkUKDrivingLicence(c []byte) bool {
	for _, b := range c[:5] {
		if b != '9' && (b < 'A' || b > 'Z') {
			return false
		}
	}
	m := 10*digitAt(c, 6) + digitAt(c, 7)
	if m > 50 {
		m -= 50
	}
	d := 10*digitAt(c, 8) + digitAt(c, 9)
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// checkFIHetuDash checks a Finnish id whose century sign was '-', which
// gathering drops as a separator.
func checkFIHetuDash(c []byte) bool {
	var full [11]byte
	copy(full[:6], c[:6])
	full[6] = '-'
	copy(full[7:], c[6:])
	return checkFIHetu(full[:])
}

// checkUSMBI: an 11-character Medicare Beneficiary Identifier uses letters
// other than S, L, O, I, B and Z, and starts with a non-zero digit.
func checkUSMBI(c []byte) bool {
	if c[0] == '0' {
		return false
	}
	for _, b := range c {
		switch b {
		case 'S', 'L', 'O', 'I', 'B', 'Z':
			return false
		}
	}
	return true
}

// idCheck names a check-digit algorithm. Rules name their check instead of
// holding a func value so that the candidate handed to it stays on the stack
// (a call through a func value makes its argument escape).
type idCheck uint8

const (
	ckNone idCheck = iota
	ckNLBSN
	ckBENational
	ckCHAHV
	ckESNSS
	ckPTNIF
	ckIEPPS
	ckABARouting
	ckHex
	ckAUABN
	ckAUACN
	ckAUMedicare
	ckAUTFN
	ckAadhaar
	ckBRCNPJ
	ckBRCPF
	ckCASIN
	ckDEKVNR
	ckDESteuerID
	ckESNIF
	ckFIHetu
	ckFIHetuDash
	ckFRNIR
	ckINGSTIN
	ckINPAN
	ckITFiscal
	ckKRRRN
	ckMXCURP
	ckPESEL
	ckSEPersonnummer
	ckSGNRIC
	ckTHID
	ckTRKimlik
	ckUKDrivingLicence
	ckUKNHS
	ckUKNINO
	ckUSDEA
	ckUSITIN
	ckUSMBI
	ckUSNPI
	ckLuhnValid
)

// valid runs the check on the compact candidate c; ckNone accepts all.
func (k idCheck) valid(c []byte) bool {
	switch k {
	case ckNLBSN:
		return checkNLBSN(c)
	case ckBENational:
		return checkBENational(c)
	case ckCHAHV:
		return checkCHAHV(c)
	case ckESNSS:
		return checkESNSS(c)
	case ckPTNIF:
		return checkPTNIF(c)
	case ckIEPPS:
		return checkIEPPS(c)
	case ckABARouting:
		return checkABARouting(c)
	case ckHex:
		return checkHex(c)
	case ckAUABN:
		return checkAUABN(c)
	case ckAUACN:
		return checkAUACN(c)
	case ckAUMedicare:
		return checkAUMedicare(c)
	case ckAUTFN:
		return checkAUTFN(c)
	case ckAadhaar:
		return checkAadhaar(c)
	case ckBRCNPJ:
		return checkBRCNPJ(c)
	case ckBRCPF:
		return checkBRCPF(c)
	case ckCASIN:
		return checkCASIN(c)
	case ckDEKVNR:
		return checkDEKVNR(c)
	case ckDESteuerID:
		return checkDESteuerID(c)
	case ckESNIF:
		return checkESNIF(c)
	case ckFIHetu:
		return checkFIHetu(c)
	case ckFIHetuDash:
		return checkFIHetuDash(c)
	case ckFRNIR:
		return checkFRNIR(c)
	case ckINGSTIN:
		return checkINGSTIN(c)
	case ckINPAN:
		return checkINPAN(c)
	case ckITFiscal:
		return checkITFiscal(c)
	case ckKRRRN:
		return checkKRRRN(c)
	case ckMXCURP:
		return checkMXCURP(c)
	case ckPESEL:
		return checkPESEL(c)
	case ckSEPersonnummer:
		return checkSEPersonnummer(c)
	case ckSGNRIC:
		return checkSGNRIC(c)
	case ckTHID:
		return checkTHID(c)
	case ckTRKimlik:
		return checkTRKimlik(c)
	case ckUKDrivingLicence:
		return checkUKDrivingLicence(c)
	case ckUKNHS:
		return checkUKNHS(c)
	case ckUKNINO:
		return checkUKNINO(c)
	case ckUSDEA:
		return checkUSDEA(c)
	case ckUSITIN:
		return checkUSITIN(c)
	case ckUSMBI:
		return checkUSMBI(c)
	case ckUSNPI:
		return checkUSNPI(c)
	case ckLuhnValid:
		return luhnValid(c)
	}
	return true
}

// checkNLBSN: the Dutch eleven test, weights 9..2 and -1.
func checkNLBSN(c []byte) bool {
	s := weightedSum(c, []int{9, 8, 7, 6, 5, 4, 3, 2}) - digitAt(c, 8)
	return s%11 == 0 && s > 0
}

// checkBENational: 97 minus the first nine digits mod 97 (with a 2 in front
// for people born from 2000).
func checkBENational(c []byte) bool {
	n := 0
	for _, b := range c[:9] {
		n = n*10 + int(b-'0')
	}
	want := digitAt(c, 9)*10 + digitAt(c, 10)
	return 97-n%97 == want || 97-(2000000000+n)%97 == want
}

// checkCHAHV: 756 and an EAN-13 check digit.
func checkCHAHV(c []byte) bool {
	if string(c[:3]) != "756" {
		return false
	}
	s := 0
	for i := 0; i < 12; i++ {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		s += digitAt(c, i) * w
	}
	return (10-s%10)%10 == digitAt(c, 12)
}

// checkESNSS: province, number and two check digits, the first ten digits
// mod 97.
func checkESNSS(c []byte) bool {
	n := 0
	for _, b := range c[:10] {
		n = n*10 + int(b-'0')
	}
	return n%97 == digitAt(c, 10)*10+digitAt(c, 11)
}

// checkPTNIF: weights 9..2, check digit 11 minus the sum mod 11 (0 for 10
// and 11).
func checkPTNIF(c []byte) bool {
	r := 11 - weightedSum(c, []int{9, 8, 7, 6, 5, 4, 3, 2})%11
	if r >= 10 {
		r = 0
	}
	return r == digitAt(c, 8)
}

// checkIEPPS: seven digits, a check letter (weights 8..2, plus 9 times the
// optional second letter, mod 23; 0 is W) and maybe a second letter.
func checkIEPPS(c []byte) bool {
	if !isDigits(c[:7]) || c[7] < 'A' || c[7] > 'W' {
		return false
	}
	s := weightedSum(c, []int{8, 7, 6, 5, 4, 3, 2})
	if len(c) == 9 {
		if c[8] < 'A' || c[8] > 'W' {
			return false
		}
		s += 9 * int(c[8]-'A'+1)
	}
	r := s % 23
	if r == 0 {
		return c[7] == 'W'
	}
	return c[7] == byte('A'+r-1)
}

// checkHex: hexadecimal digits only, some of them letters and some digits
// (a MAC address read aloud: "a four c three b zero …").
func checkHex(c []byte) bool {
	letters, digits := 0, 0
	for _, b := range c {
		switch {
		case b >= '0' && b <= '9':
			digits++
		case b >= 'A' && b <= 'F':
			letters++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0
}
