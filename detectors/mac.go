package detectors

// MACAddress finds MAC (EUI-48) addresses in colon form "00:1A:2B:3C:4D:5E",
// dash form "00-1a-2b-3c-4d-5e" and Cisco dot form "001a.2b3c.4d5e". The
// separators must agree and the address must stand alone: longer chains of
// groups (EUI-64, IPv6) and times ("10:30:45") are not MAC addresses. The
// dash and dot forms need a hex letter, since all-digit groups there are far
// more often phone or serial numbers.
//
// Value is the address in lower-case colon form, "00:1a:2b:3c:4d:5e".
var MACAddress = Detector{
	Name:    "mac-address",
	Kind:    KindMACAddress,
	Trigger: Trigger{All: ClassDigit, Any: ClassColon | ClassDash | ClassDot, MinLen: 14, Not: identifierShapes},
	Find:    findMAC,
}

func findMAC(dst []Finding, in Input, tok Token) ([]Finding, int) {
	t := in.Text
	for p := tok.Start; p+14 <= tok.End; p++ {
		if hexNibble(t[p]) < 0 || p > tok.Start && isASCIIAlnum(t[p-1]) {
			continue
		}
		end, sep, ok := matchMAC(t, tok, p)
		if !ok {
			continue
		}
		f := Finding{Kind: KindMACAddress, Start: p, End: end, Confidence: 0.85, Rule: "mac"}
		if sep != ':' || hasUpperASCII(t[p:end]) {
			f.Value = appendMAC(make([]byte, 0, 17), t[p:end])
		}
		dst = append(dst, f)
		p = end - 1
	}
	return dst, tok.End
}

// matchMAC matches a MAC address at t[p:] inside tok and returns its end and
// separator.
func matchMAC(t []byte, tok Token, p int) (end int, sep byte, ok bool) {
	lim := tok.End
	group, groups := 2, 6
	switch {
	case p+17 <= lim && (t[p+2] == ':' || t[p+2] == '-'):
		sep = t[p+2]
	case t[p+4] == '.':
		sep, group, groups = '.', 4, 3
	default:
		return 0, 0, false
	}
	letter := false
	i := p
	for g := range groups {
		if g > 0 {
			if t[i] != sep {
				return 0, 0, false
			}
			i++
		}
		for range group {
			if i >= lim || hexNibble(t[i]) < 0 {
				return 0, 0, false
			}
			letter = letter || byteClass[t[i]] != ClassDigit
			i++
		}
	}
	if sep != ':' && !letter {
		return 0, 0, false
	}
	// Standalone: no word glued on, no further group after or before.
	if i < lim && (isASCIIAlnum(t[i]) || t[i] == sep && i+1 < lim && hexNibble(t[i+1]) >= 0) {
		return 0, 0, false
	}
	if p > tok.Start && t[p-1] == sep && chainBefore(t, tok.Start, p-1, sep) {
		return 0, 0, false
	}
	return i, sep, true
}

// chainBefore reports whether the separator at t[s] ends a group of a longer
// chain: another separator ("fe80::") or one to four hex digits standing alone
// ("aa:", but not the "AC" of "MAC:").
func chainBefore(t []byte, lo, s int, sep byte) bool {
	b := s
	for b > lo && s-b < 5 && hexNibble(t[b-1]) >= 0 {
		b--
	}
	if b == s {
		return b > lo && t[b-1] == sep
	}
	return s-b <= 4 && (b == lo || !isASCIIAlnum(t[b-1]))
}

// hexNibble returns the value of hex digit c, or -1.
func hexNibble(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c|0x20 >= 'a' && c|0x20 <= 'f':
		return int(c|0x20-'a') + 10
	}
	return -1
}

// appendMAC appends the lower-case colon form of a matched MAC address.
func appendMAC(dst, m []byte) []byte {
	n := 0
	for _, c := range m {
		if hexNibble(c) < 0 {
			continue
		}
		if n > 0 && n%2 == 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, lowerASCII(c))
		n++
	}
	return dst
}
