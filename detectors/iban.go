package detectors

// IBAN returns the IBAN detector. It finds International Bank Account
// Numbers, compact ("DE89370400440532013000") or in groups of four
// ("DE89 3704 0044 0532 0130 00"), in any letter case, whose length is the
// one its country registers with SWIFT and whose check digits pass ISO 7064
// mod 97-10. Value is the compact upper-case IBAN. The detector is safe for
// concurrent use.
func IBAN() Detector {
	return Detector{
		Name:    "iban",
		Kind:    KindIBAN,
		Trigger: Trigger{All: ClassDigit, Any: ClassUpper | ClassLower, MinLen: 4, MinDigits: 10, Not: identifierShapes},
		Find:    findIBAN,
	}
}

// maxIBAN is the longest IBAN any country registers.
const maxIBAN = 34

// ibanLengths is the SWIFT IBAN registry: country code and IBAN length.
const ibanLengths = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 " +
	"CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 " +
	"GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 " +
	"LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 " +
	"OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 " +
	"SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30"

// ibanLen maps an upper-case country code to its IBAN length, 0 for none;
// built once from ibanLengths, read-only.
var ibanLen = func() (t [26][26]uint8) {
	for i := 0; i+4 <= len(ibanLengths); i += 5 {
		e := ibanLengths[i : i+4]
		t[e[0]-'A'][e[1]-'A'] = (e[2]-'0')*10 + e[3] - '0'
	}
	return t
}()

func isASCIILetter(b byte) bool { return byteClass[b]&(ClassUpper|ClassLower) != 0 }

func findIBAN(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	resume := tok.End
	for p := tok.Start; p+4 <= tok.End; p++ {
		if !isASCIILetter(text[p]) || !okBeforeAt(text, p) ||
			!isASCIILetter(text[p+1]) || !isDigit(text[p+2]) || !isDigit(text[p+3]) {
			continue
		}
		n := int(ibanLen[upperASCII(text[p])-'A'][upperASCII(text[p+1])-'A'])
		if n == 0 {
			continue
		}
		var buf [maxIBAN]byte
		k, j := 0, p
		for k < n && j < len(text) {
			c := text[j]
			switch {
			case isDigit(c) || isASCIILetter(c):
				buf[k] = upperASCII(c)
				k++
				j++
				continue
			case c == ' ' && k%4 == 0 && j+1 < len(text) && (isDigit(text[j+1]) || isASCIILetter(text[j+1])):
				j++ // groups of four
				continue
			}
			break
		}
		if k != n || !boundaryAfter(text, j) || !ibanChecksum(buf[:n]) {
			continue
		}
		dst = append(dst, Finding{
			Kind: KindIBAN, Start: p, End: j, Confidence: 0.99, Validated: true,
			Rule: "iban", Value: append([]byte(nil), buf[:n]...),
		})
		resume = max(resume, j)
		p = j
	}
	return dst, resume
}

// ibanChecksum reports whether the upper-case compact IBAN passes ISO 7064
// mod 97-10: moved the first four characters to the end and read with
// letters as 10 to 35, it leaves 1 divided by 97.
func ibanChecksum(s []byte) bool {
	r := 0
	for i := range s {
		c := s[(i+4)%len(s)]
		if isDigit(c) {
			r = (r*10 + int(c-'0')) % 97
		} else {
			r = (r*100 + int(c-'A') + 10) % 97
		}
	}
	return r == 1
}
