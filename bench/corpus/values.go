package corpus

import (
	"encoding/base64"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
)

// testCards are published payment-processor test numbers (Stripe, Adyen,
// PayPal documentation); every one passes Luhn and none is a real account.
var testCards = []string{
	"4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556",
	"5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222",
	"378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
	"3530111333300000", "3566002020360505", "30569309025904", "36227206271667",
}

// cryptoAddrs are well-known public example addresses (the genesis block's,
// BIP 173's test vector, and an ETH address from documentation).
var cryptoAddrs = []string{
	"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
	"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
	"0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae",
}

const (
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upperNum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	hexLower = "0123456789abcdef"
	digitSet = "0123456789"
)

// values draws random identifiers and hard negatives. It holds the
// generator's random source and is not safe for concurrent use.
type values struct{ r *rand.Rand }

func (v values) pick(s []string) string { return s[v.r.IntN(len(s))] }

func (v values) chars(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[v.r.IntN(len(set))]
	}
	return string(b)
}

// between returns a uniform integer in [lo, hi].
func (v values) between(lo, hi int) int { return lo + v.r.IntN(hi-lo+1) }

func (v values) digits(n int) string { return v.chars(digitSet, n) }

// fold maps the accented letters of the generated names to ASCII for e-mail
// local parts.
var fold = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ã", "a", "ä", "ae", "é", "e", "è", "e", "ê", "e",
	"í", "i", "ó", "o", "ô", "o", "ö", "oe", "õ", "o", "ú", "u", "ü", "ue", "ç", "c",
	"ñ", "n", "ß", "ss", " ", "",
)

func (v values) name(l *language) (first, last string) {
	return v.pick(l.first), v.pick(l.last)
}

// email returns a written address and its local part and domain labels for
// the spoken form.
func (v values) email(l *language) (local, domain string) {
	first, last := v.name(l)
	f, s := strings.ToLower(fold.Replace(first)), strings.ToLower(fold.Replace(last))
	switch v.r.IntN(5) {
	case 0:
		local = f + "." + s
	case 1:
		local = f[:1] + s
	case 2:
		local = f + "+" + v.pick([]string{"shop", "news", "work"})
	case 3:
		local = f + "_" + s + v.digits(2)
	default:
		local = f
	}
	domain = v.pick([]string{"example.com", "example.org", "example.net", "mail.example.com", "corp.example.co.uk"})
	return local, domain
}

// phone returns a number of country in one of its written formats, and its
// digits as said aloud in that country (national form).
func (v values) phone(country string) (written, national string) {
	switch country {
	case "US":
		area := v.pick([]string{"201", "212", "312", "415", "617", "206"})
		sub := "01" + v.digits(2)
		national = area + "555" + sub
		written = v.pick([]string{
			"(" + area + ") 555-" + sub, area + "-555-" + sub, area + ".555." + sub,
			"+1 " + area + " 555 " + sub, "+1" + national, "1-" + area + "-555-" + sub,
		})
	case "GB":
		if v.r.IntN(2) == 0 {
			// Ofcom's drama mobile range 07700 900xxx fails libphonenumber's
			// validation, so mobiles use 07400.
			sub := v.digits(6)
			national = "07400" + sub
			written = v.pick([]string{"07400 " + sub, "+44 7400 " + sub, "+447400" + sub})
		} else {
			sub := v.digits(3)
			national = "02079460" + sub
			written = v.pick([]string{"020 7946 0" + sub, "+44 20 7946 0" + sub})
		}
	case "DE":
		if v.r.IntN(2) == 0 {
			pre, sub := v.pick([]string{"151", "160", "170", "176"}), v.between(2, 9)
			rest := strconv.Itoa(sub) + v.digits(7)
			national = "0" + pre + rest
			written = v.pick([]string{"0" + pre + " " + rest, "+49 " + pre + " " + rest, "+49 (0)" + pre + " " + rest[:4] + " " + rest[4:]})
		} else {
			rest := strconv.Itoa(v.between(2, 9)) + v.digits(7)
			national = "030" + rest
			written = v.pick([]string{"030 " + rest, "+49 30 " + rest, "030/" + rest[:4] + " " + rest[4:]})
		}
	case "FR":
		d := "19900" + v.digits(4) // ARCEP's fiction range 01 99 00 xx xx
		if v.r.IntN(2) == 0 {
			d = "6" + strconv.Itoa(v.between(1, 5)) + v.digits(7)
		}
		national = "0" + d
		g := func(n string) string { return n[:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:8] + " " + n[8:] }
		written = v.pick([]string{g(national), national[:2] + "." + national[2:4] + "." + national[4:6] + "." + national[6:8] + "." + national[8:], "+33 " + d[:1] + " " + g("0" + d)[3:]})
	case "ES":
		d := v.pick([]string{"6", "91", "93"})
		d += v.digits(9 - len(d))
		national = d
		written = v.pick([]string{d[:3] + " " + d[3:6] + " " + d[6:], "+34 " + d[:3] + " " + d[3:6] + " " + d[6:], "+34" + d})
	case "IT":
		if v.r.IntN(2) == 0 {
			d := v.pick([]string{"347", "333", "320", "339"}) + v.digits(7)
			national = d
			written = v.pick([]string{d[:3] + " " + d[3:6] + " " + d[6:], "+39 " + d[:3] + " " + d[3:], "+39" + d})
		} else {
			d := "06" + v.digits(8)
			national = d
			written = v.pick([]string{"06 " + d[2:6] + " " + d[6:], "+39 06 " + d[2:]})
		}
	case "BR":
		ddd := v.pick([]string{"11", "21", "31", "41"})
		d := "9" + strconv.Itoa(v.between(6, 9)) + v.digits(7)
		national = ddd + d
		written = v.pick([]string{"(" + ddd + ") " + d[:5] + "-" + d[5:], "+55 " + ddd + " " + d[:5] + "-" + d[5:], "+55" + ddd + d})
	case "IN":
		d := v.pick([]string{"98", "97", "90", "81", "70"}) + v.digits(8)
		national = d
		written = v.pick([]string{d[:5] + " " + d[5:], "+91 " + d[:5] + " " + d[5:], "+91-" + d, "0" + d})
	case "MX":
		d := v.pick([]string{"55", "33", "81"}) + v.digits(8)
		national = d
		written = v.pick([]string{d[:2] + " " + d[2:6] + " " + d[6:], "+52 " + d[:2] + " " + d[2:6] + " " + d[6:], "+52" + d})
	case "NL":
		d := "6" + strconv.Itoa(v.between(1, 5)) + v.digits(7)
		national = "0" + d
		written = v.pick([]string{"06-" + d[1:], "06 " + d[1:], "+31 6 " + d[1:], "+316" + d[1:]})
	default:
		panic("BUG: corpus: no phone format for country " + country)
	}
	return written, national
}

// card returns a published test card number, grouped as people type it.
func (v values) card() (written, digits string) {
	d := v.pick(testCards)
	switch {
	case v.r.IntN(4) == 0:
		return d, d
	case len(d) == 15:
		return d[:4] + " " + d[4:10] + " " + d[10:], d
	case len(d) == 16:
		sep := v.pick([]string{" ", "-", " "})
		return d[:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:], d
	default:
		return d, d
	}
}

// ibanFormats are BBAN layouts: 'n' a digit, 'a' an upper-case letter.
var ibanFormats = []struct{ country, bban string }{
	{"DE", "nnnnnnnnnnnnnnnnnn"},
	{"GB", "aaaannnnnnnnnnnnnn"},
	{"FR", "nnnnnnnnnnnnnnnnnnnnnnn"},
	{"ES", "nnnnnnnnnnnnnnnnnnnn"},
	{"IT", "annnnnnnnnnnnnnnnnnnnnn"},
	{"NL", "aaaannnnnnnnnn"},
	{"BE", "nnnnnnnnnnnn"},
	{"PT", "nnnnnnnnnnnnnnnnnnnnn"},
}

// iban returns an IBAN with valid mod-97 check digits, compact or grouped in
// fours.
func (v values) iban() string {
	f := ibanFormats[v.r.IntN(len(ibanFormats))]
	b := make([]byte, len(f.bban))
	for i, c := range []byte(f.bban) {
		if c == 'a' {
			b[i] = byte('A' + v.r.IntN(26))
		} else {
			b[i] = byte('0' + v.r.IntN(10))
		}
	}
	bban := string(b)
	s := f.country + fmt.Sprintf("%02d", 98-mod97(bban+f.country+"00")) + bban
	if v.r.IntN(2) == 0 {
		return s
	}
	var g strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			g.WriteByte(' ')
		}
		g.WriteString(s[i:min(i+4, len(s))])
	}
	return g.String()
}

// mod97 returns s mod 97 with letters read as 10..35, as ISO 13616 does.
func mod97(s string) int {
	var n big.Int
	var sb strings.Builder
	for _, c := range s {
		if c >= 'A' && c <= 'Z' {
			sb.WriteString(strconv.Itoa(int(c-'A') + 10))
		} else {
			sb.WriteRune(c)
		}
	}
	n.SetString(sb.String(), 10)
	return int(new(big.Int).Mod(&n, big.NewInt(97)).Int64())
}

// ssn returns a number meeting the SSA's area, group and serial rules.
func (v values) ssn() string {
	area := v.between(1, 898)
	if area >= 666 {
		area++ // skip 666; 900-999 are never issued
	}
	return fmt.Sprintf("%03d-%02d-%04d", area, v.between(1, 99), v.between(1, 9999))
}

func (v values) ipv4() string {
	return v.pick([]string{"192.0.2.", "198.51.100.", "203.0.113."}) + strconv.Itoa(v.between(1, 254))
}

func (v values) ipv6() string {
	h := func() string { return strconv.FormatInt(int64(v.between(1, 0xffff)), 16) }
	switch v.r.IntN(3) {
	case 0:
		return "2001:db8::" + h()
	case 1:
		return "2001:db8:" + h() + "::" + h() + ":" + h()
	default:
		return "2001:0db8:" + h() + ":" + h() + ":" + h() + ":" + h() + ":" + h() + ":" + h()
	}
}

func (v values) mac() string {
	sep := v.pick([]string{":", "-"})
	parts := make([]string, 6)
	for i := range parts {
		parts[i] = v.chars(hexLower, 2)
	}
	s := strings.Join(parts, sep)
	if v.r.IntN(2) == 0 {
		s = strings.ToUpper(s)
	}
	return s
}

func (v values) url() string {
	return v.pick([]string{
		"https://app.example.com/reset-password?token=" + v.chars(alnum, 32),
		"https://example.com/invite/" + v.chars(alnum, 22) + "?ref=email",
		"https://files.example.org/share?id=" + v.digits(8) + "&sig=" + v.chars(hexLower, 40),
		"https://user:" + v.chars(alnum, 12) + "@db.example.net/admin",
		"http://example.com/unsubscribe?email=" + v.chars("abcdefghijklmnop", 8) + "%40example.com",
	})
}

// secret returns a key in a common provider's format. Prefixes are built from
// pieces so that secret scanners do not flag this source file.
func (v values) secret() string {
	switch v.r.IntN(12) {
	case 0:
		return "sk" + "-proj-" + v.chars(alnum+"_-", 48) + "T3Blbk" + "FJ" + v.chars(alnum, 20)
	case 1:
		return "sk" + "-" + v.chars(alnum, 48)
	case 2:
		return "sk" + "-ant-api03-" + v.chars(alnum+"_-", 93) + "AA"
	case 3:
		return "gh" + "p_" + v.chars(alnum, 36)
	case 4:
		return "github" + "_pat_" + v.chars(upperNum, 22) + "_" + v.chars(alnum, 59)
	case 5:
		return "AK" + "IA" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
	case 6:
		return "xo" + "xb-" + v.digits(12) + "-" + v.digits(13) + "-" + v.chars(alnum, 24)
	case 7:
		return "sk" + "_live_" + v.chars(alnum, 24)
	case 8:
		return "AI" + "za" + v.chars(alnum+"_-", 35)
	case 9:
		return "gl" + "pat-" + v.chars(alnum+"_-", 20)
	case 10:
		return "S" + "G." + v.chars(alnum+"_-", 22) + "." + v.chars(alnum+"_-", 43)
	default:
		return "S" + "K" + v.chars(hexLower, 32)
	}
}

func (v values) jwt() string {
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	payload := base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"` + v.digits(10) + `","iat":` + v.digits(10) + `}`))
	return header + "." + payload + "." + v.chars(alnum+"_-", 43)
}

func (v values) pem() string {
	var b strings.Builder
	b.WriteString("-----BEGIN " + "RSA PRIVATE KEY-----\nMIIE")
	for i := range 3 {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(v.chars(alnum+"+/", 60))
	}
	b.WriteString("\n-----END " + "RSA PRIVATE KEY-----")
	return b.String()
}

func (v values) zip(l *language) string {
	switch l.code {
	case "pt":
		return v.digits(5) + "-" + v.digits(3)
	case "nl":
		return strconv.Itoa(v.between(1000, 9999)) + " " + v.chars("ABCDEFGHJKLMNPRSTVWXZ", 2)
	default:
		return strconv.Itoa(v.between(10000, 99999))
	}
}

func (v values) address(l *language) string {
	s := v.pick(l.address)
	r := strings.NewReplacer("{street}", v.pick(l.streets), "{city}", v.pick(l.cities), "{zip}", v.zip(l))
	s = r.Replace(s)
	for strings.Contains(s, "{n}") {
		s = strings.Replace(s, "{n}", strconv.Itoa(v.between(1, 240)), 1)
	}
	return s
}

// dob returns a plausible date of birth in the language's usual format.
func (v values) dob(l *language) string {
	y, m, d := v.between(1940, 2005), v.between(1, 12), v.between(1, 28)
	switch {
	case v.r.IntN(5) == 0:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case l.code == "en" && v.r.IntN(2) == 0:
		return fmt.Sprintf("%s %d, %d", l.months[m-1], d, y)
	case l.code == "en":
		return fmt.Sprintf("%02d/%02d/%04d", m, d, y)
	case l.code == "de":
		return fmt.Sprintf("%02d.%02d.%04d", d, m, y)
	case v.r.IntN(2) == 0:
		return fmt.Sprintf("%d %s %d", d, l.months[m-1], y)
	default:
		return fmt.Sprintf("%02d/%02d/%04d", d, m, y)
	}
}

func (v values) order() string {
	return v.pick([]string{
		"A" + v.digits(7),
		"ORD-" + strconv.Itoa(v.between(2019, 2026)) + "-" + v.digits(6),
		v.chars(upperNum, 3) + "-" + v.digits(7),
		"INV" + v.digits(8),
	})
}

// tracking returns a UPS number ("1Z…") with its check digit.
func (v values) tracking() string {
	data := v.chars(upperNum, 6) + v.digits(9)
	return "1Z" + data + strconv.Itoa(upsCheck(data))
}

// upsCheck returns the check digit of the 15 characters after "1Z": letters
// count as (c-63) mod 10, and every second character double.
func upsCheck(data string) int {
	sum := 0
	for i, c := range []byte(data) {
		d := int(c - '0')
		if c >= 'A' {
			d = int(c-63) % 10
		}
		if i%2 == 1 {
			d *= 2
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

// negative returns a hard negative: something that looks like an identifier
// to a naive scanner but is not personal (prices, dates, versions …).
func (v values) negative(kind string) string {
	switch kind {
	case "price":
		return v.pick([]string{
			"$" + strconv.Itoa(v.between(1, 999)) + ".99",
			"€" + strconv.Itoa(v.between(5, 300)) + ",90",
			strconv.Itoa(v.between(1, 9)) + "." + v.digits(3) + ",00 €",
			"£" + strconv.Itoa(v.between(10, 500)),
			"R$ " + strconv.Itoa(v.between(10, 999)) + ",90",
			"$" + strconv.Itoa(v.between(1, 9)) + "," + v.digits(3) + ".00",
		})
	case "date":
		y, m, d := v.between(2020, 2026), v.between(1, 12), v.between(1, 28)
		return v.pick([]string{
			fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%02d/%02d/%04d", d, m, y),
			fmt.Sprintf("%02d.%02d.%04d", d, m, y), fmt.Sprintf("%d/%d", m, d),
		})
	case "time":
		return v.pick([]string{
			fmt.Sprintf("%d:%02d", v.between(7, 20), 5*v.between(0, 11)),
			fmt.Sprintf("%d:%02d pm", v.between(1, 11), 15*v.between(0, 3)),
			fmt.Sprintf("%02dh%02d", v.between(7, 20), 15*v.between(0, 3)),
		})
	case "version":
		return v.pick([]string{
			fmt.Sprintf("v%d.%d.%d", v.between(1, 12), v.between(0, 20), v.between(0, 9)),
			fmt.Sprintf("%d.%d.%d.%d.%d", v.between(1, 9), v.between(0, 9), v.between(0, 9), v.between(0, 99), v.between(0, 9)),
			fmt.Sprintf("v10.0.0.%d", v.between(1, 9)),
			fmt.Sprintf("%d.%d.%d", v.between(1, 3), v.between(0, 30), v.between(0, 9)),
			fmt.Sprintf("17.%d.%d (build %s)", v.between(0, 6), v.between(0, 3), v.digits(10)),
		})
	case "count":
		return v.pick([]string{strconv.Itoa(v.between(2, 12)), strconv.Itoa(v.between(100, 999)), "1,000", strconv.Itoa(v.between(1000, 99999))})
	case "uuid":
		h := v.chars(hexLower, 32)
		return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
	case "sha":
		if v.r.IntN(2) == 0 {
			return v.chars(hexLower, 7)
		}
		return v.chars(hexLower, 40)
	case "isbn":
		d := "978" + v.digits(9)
		sum := 0
		for i, c := range []byte(d) {
			sum += int(c-'0') * (1 + 2*(i%2))
		}
		d += strconv.Itoa((10 - sum%10) % 10)
		return d[:3] + "-" + d[3:4] + "-" + d[4:9] + "-" + d[9:12] + "-" + d[12:]
	case "ts":
		return v.pick([]string{
			fmt.Sprintf("2025-%02d-%02dT%02d:%02d:%02dZ", v.between(1, 12), v.between(1, 28), v.between(0, 23), v.between(0, 59), v.between(0, 59)),
			"17" + v.digits(11),
		})
	case "res":
		return v.pick([]string{"1920x1080", "2560x1440", "1170x2532"})
	case "build":
		return v.digits(4) + "." + v.digits(3)
	default:
		panic("BUG: corpus: unknown negative placeholder " + kind)
	}
}
