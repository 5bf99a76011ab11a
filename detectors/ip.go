package detectors

import (
	"bytes"
	"net/netip"
)

// IPAddress finds IPv4 and IPv6 addresses, including compressed IPv6 forms
// ("::1", "2001:db8::8a2e:370:7334"), zones ("fe80::1%eth0"), IPv4-mapped
// addresses ("::ffff:192.0.2.1"), and an optional port ("192.0.2.1:8080",
// "[2001:db8::1]:443") or CIDR prefix ("192.0.2.0/24"), which join the span.
// Addresses are validated with net/netip.
//
// It does not report version and section numbers: dotted quads glued to a
// letter ("v10.0.0.1"), followed by more parts ("1.2.3.4.5"), preceded by a
// word such as "version", "build", "firmware", "OID" or "section", or made of
// four one-digit parts ("1.2.3.4", which also skips 8.8.8.8 and other
// public resolvers, not personal data) unless an address cue comes first
// ("my ip is 5.6.7.8"). Octets with leading zeros
// ("01.02.03.04") are not accepted, as net/netip does not: they are far more
// often dates, serials or part numbers. Times ("10:30:00") and MAC addresses
// are not IPv6, and an IPv6 candidate needs a decimal digit.
//
// Addresses that identify no one are skipped (see personalAddr): loopback,
// private, link-local, carrier NAT, multicast, broadcast and unspecified.
//
// Value is the address in net/netip's canonical form (lower-case, compressed),
// with its prefix when one was written and without its port.
var IPAddress = Detector{
	Name:    "ip-address",
	Kind:    KindIPAddress,
	Trigger: Trigger{All: ClassDigit, Any: ClassDot | ClassColon, MinLen: 3, Not: identifierShapes},
	Find:    findIP,
}

func findIP(dst []Finding, in Input, tok Token) ([]Finding, int) {
	t := in.Text
	if tok.End-tok.Start < len("1.2.3.4") && bytes.Index(t[tok.Start:tok.End], doubleColon) < 0 {
		return dst, tok.End // "10:30", "4.99": too short for anything but "::1"-style IPv6
	}
	// An IPv4 address has three dots, an IPv6 address two colons at least:
	// most tokens with digits and a dot or colon (prices, times, dates,
	// e-mail addresses, versions) have fewer.
	dots, colons := 0, 0
	for _, c := range t[tok.Start:tok.End] {
		switch c {
		case '.':
			dots++
		case ':':
			colons++
		}
	}
	if dots < 3 && colons < 2 {
		return dst, tok.End
	}
	for p := tok.Start; p < tok.End; {
		if !ipRunByte(t[p]) {
			p++
			continue
		}
		a := p
		for p < tok.End && ipRunByte(t[p]) {
			p++
		}
		dst = matchIP(dst, t, tok, a, p)
	}
	return dst, tok.End
}

var doubleColon = []byte("::")

// ipRunByte reports whether c may appear in an IP address: hex digits, '.', ':'.
func ipRunByte(c byte) bool { return ipRunBytes[c] }

// ipRunBytes is the table behind ipRunByte; read-only after construction.
var ipRunBytes = func() (t [256]bool) {
	for _, c := range []byte("0123456789abcdefABCDEF.:") {
		t[c] = true
	}
	return t
}()

// ipWordByte reports whether c glues an address candidate to a word.
func ipWordByte(c byte) bool { return isASCIIAlnum(c) || c == '_' }

// matchIP checks the run t[a:b] of address bytes inside tok.
func matchIP(dst []Finding, t []byte, tok Token, a, b int) []Finding {
	for a < b && t[a] == '.' { // "...10.0.0.1"
		a++
	}
	if b-a >= 2 && t[a] == ':' && t[a+1] != ':' { // "ip:10.0.0.1"
		a++
	}
	for b > a && t[b-1] == '.' { // "10.0.0.1."
		b--
	}
	if b-a >= 2 && t[b-1] == ':' && t[b-2] != ':' { // "10.0.0.1: up"
		b--
	}
	if b-a < 3 || a > tok.Start && ipWordByte(t[a-1]) || b < tok.End && ipWordByte(t[b]) {
		return dst
	}
	run := t[a:b]
	colon := bytes.IndexByte(run, ':')
	if colon < 0 {
		return matchIPv4(dst, t, tok, a, b)
	}
	if ip, ok := parseIPv4(run[:colon]); ok {
		if !ipv4Plausible(t, a, run[:colon]) || !portNumber(run[colon+1:]) || !personalAddr(ip) {
			return dst
		}
		return append(dst, Finding{Kind: KindIPAddress, Start: a, End: b, Confidence: 0.85, Rule: "ipv4",
			Value: run[:colon]})
	}
	return matchIPv6(dst, t, tok, a, b)
}

func matchIPv4(dst []Finding, t []byte, tok Token, a, b int) []Finding {
	run := t[a:b]
	if ip, ok := parseIPv4(run); !ok || !ipv4Plausible(t, a, run) || !personalAddr(ip) {
		return dst
	}
	f := Finding{Kind: KindIPAddress, Start: a, End: b, Confidence: 0.85, Rule: "ipv4"}
	if e, ok := prefixLen(t, b, tok.End, 32); ok {
		f.End, f.Value = e, t[a:e]
	}
	return append(dst, f)
}

func matchIPv6(dst []Finding, t []byte, tok Token, a, b int) []Finding {
	if !ipv6Shape(t[a:b]) {
		return dst
	}
	end := b
	if end+1 < tok.End && t[end] == '%' { // zone: "fe80::1%eth0"
		end++
		for end < tok.End && (isASCIIAlnum(t[end]) || t[end] == '.' || t[end] == '_' || t[end] == '-') {
			end++
		}
		if end == b+1 {
			end = b
		}
	}
	addr, err := netip.ParseAddr(string(t[a:end]))
	if err != nil || !addr.Is6() || !personalAddr(addr.Unmap()) {
		return dst
	}
	var buf [64]byte
	canon := addr.AppendTo(buf[:0])
	f := Finding{Kind: KindIPAddress, Start: a, End: end, Confidence: 0.9, Rule: "ipv6"}
	if !bytes.Equal(canon, t[a:end]) {
		f.Value = bytes.Clone(canon)
	}
	switch {
	case a > tok.Start && t[a-1] == '[' && end < tok.End && t[end] == ']': // "[2001:db8::1]:443"
		f.Start, f.End = a-1, end+1
		if f.End+1 < tok.End && t[f.End] == ':' {
			e := f.End + 1
			for e < tok.End && byteClass[t[e]] == ClassDigit {
				e++
			}
			if portNumber(t[f.End+1 : e]) {
				f.End = e
			}
		}
		if f.Value == nil {
			f.Value = t[a:end]
		}
	case end == b:
		if e, ok := prefixLen(t, b, tok.End, 128); ok {
			f.End = e
			if f.Value != nil {
				f.Value = append(f.Value, t[b:e]...)
			}
		}
	}
	return append(dst, f)
}

// personalAddr reports whether addr may point to one household, device or
// server: a global unicast address. Loopback, unspecified, private (RFC 1918,
// IPv6 unique local), link-local, shared (carrier NAT), multicast and
// broadcast addresses are the same on countless networks and identify no
// one ("127.0.0.1", "192.168.1.1", "mysql -h 10.0.0.12"); netmasks such as
// 255.255.255.0 are not addresses at all.
func personalAddr(addr netip.Addr) bool {
	if !addr.IsGlobalUnicast() || addr.IsPrivate() {
		return false
	}
	if addr.Is4() {
		b := addr.As4()
		// 0/8 "this network", 240/4 reserved (netmasks), 100.64/10 carrier NAT
		return b[0] != 0 && b[0] < 240 && (b[0] != 100 || b[1]&0xc0 != 64)
	}
	return true
}

// parseIPv4 parses a dotted quad of decimal octets without leading zeros.
func parseIPv4(b []byte) (netip.Addr, bool) {
	var oct [4]byte
	n, v, digits := 0, 0, 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == '.' {
			if digits == 0 || n == 4 {
				return netip.Addr{}, false
			}
			oct[n] = byte(v)
			n, v, digits = n+1, 0, 0
			continue
		}
		c := b[i]
		if byteClass[c] != ClassDigit || digits > 0 && v == 0 {
			return netip.Addr{}, false
		}
		v = v*10 + int(c-'0')
		digits++
		if v > 255 {
			return netip.Addr{}, false
		}
	}
	return netip.AddrFrom4(oct), n == 4
}

// ipv4Plausible rejects dotted quads that are more likely version or section
// numbers: a version cue word right before them, or four one-digit parts
// ("1.2.3.4") unless an address cue ("ip", "server", "IP-Adresse" …) comes
// right before them, as in "my ip is 5.6.7.8".
func ipv4Plausible(t []byte, a int, quad []byte) bool {
	var buf [16]byte
	w, ws := ipWordBefore(t, a, &buf)
	if len(quad) == 7 {
		if _, ok := ipAddrCues[string(w)]; ok {
			return true
		}
		// "is", "ist", "es": the cue may stand one word further back.
		_, copula := ipCopulas[string(w)]
		var buf2 [16]byte
		w2, _ := ipWordBefore(t, ws, &buf2)
		_, ok := ipAddrCues[string(w2)]
		return copula && ok
	}
	_, cue := versionCues[string(w)]
	return !cue
}

// ipWordBefore returns, lower-cased in buf, the word right before t[a]
// (past blanks and ipCuePunct) and its start; empty when there is none
// within 32 bytes or it is longer than 16.
func ipWordBefore(t []byte, a int, buf *[16]byte) ([]byte, int) {
	i, lo := a, max(a-32, 0)
	for i > lo && (byteClass[t[i-1]] == classSpace || bytes.IndexByte(ipCuePunct, t[i-1]) >= 0) {
		i--
	}
	e := i
	for i > lo && byteClass[t[i-1]] != classSpace && bytes.IndexByte(ipCuePunct, t[i-1]) < 0 {
		i--
	}
	if e == i || e-i > 16 || i == lo && lo > 0 {
		return nil, i
	}
	w := buf[:e-i]
	for j := range w {
		w[j] = lowerASCII(t[i+j])
	}
	return w, i
}

// ipAddrCues are words that announce an address; after one, even "1.2.3.4"
// is read as an address. Read-only after construction.
var ipAddrCues = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, s := range []string{"ip", "ipv4", "ip-adresse", "ip-address", "ip-adres", "ip-adressen", "address", "adresse",
		"dirección", "direccion", "indirizzo", "endereço", "endereco", "adres", "host", "server", "servidor", "serveur",
		"ping", "from", "von", "desde", "depuis", "da", "de", "van"} {
		m[s] = struct{}{}
	}
	return m
}()

// ipCopulas stand between an address cue and the address: "my ip is 5.6.7.8".
var ipCopulas = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, s := range []string{"is", "was", "ist", "war", "es", "est", "è", "é", "era", "lautet", "at", "on", "auf", "en", "su", "em", "op"} {
		m[s] = struct{}{}
	}
	return m
}()

// ipCuePunct may stand between a cue word and the number it introduces.
var ipCuePunct = []byte(":.#=(-")

// versionCues are words that introduce version, build or section numbers,
// which look like IPv4 addresses; read-only after construction.
var versionCues = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, s := range []string{
		"v", "ver", "version", "versions", "build", "release", "rel", "firmware", "fw", "patch",
		"update", "upgrade", "sdk", "api", "kernel", "driver", "app", "oid", "section", "chapter",
		"clause", "article", "art", "paragraph", "para", "step", "item", "rule", "§",
		"versión", "versão", "versione", "versie", "wersja", "sürüm", "версия", "версии",
		"sección", "seção", "sezione", "abschnitt", "kapitel", "artikel", "capítulo", "kapitola",
	} {
		m[s] = struct{}{}
	}
	return m
}()

// portNumber reports whether b is a TCP/UDP port: 1 to 5 digits, at most 65535.
func portNumber(b []byte) bool {
	if len(b) == 0 || len(b) > 5 {
		return false
	}
	v := 0
	for _, c := range b {
		if byteClass[c] != ClassDigit {
			return false
		}
		v = v*10 + int(c-'0')
	}
	return v <= 65535
}

// prefixLen parses a CIDR suffix "/n" at t[i:lim] with n at most max and
// returns its end.
func prefixLen(t []byte, i, lim, maxBits int) (int, bool) {
	if i+1 >= lim || t[i] != '/' || byteClass[t[i+1]] != ClassDigit {
		return 0, false
	}
	e, v := i+1, 0
	for e < lim && byteClass[t[e]] == ClassDigit && e-i <= 3 {
		v = v*10 + int(t[e]-'0')
		e++
	}
	if v > maxBits || e-i > 2 && t[i+1] == '0' || e < lim && ipWordByte(t[e]) {
		return 0, false
	}
	return e, true
}

// ipv6Shape is a cheap check before net/netip: hex groups of one to four
// digits, eight of them or fewer around one "::", an optional dotted IPv4
// tail, and at least one decimal digit. Pure-decimal short forms such as
// "10::30" are rejected as more likely typos for times or ratios.
func ipv6Shape(run []byte) bool {
	groups, double := 0, 0
	digit, letter, tail4 := false, false, false
	for i := 0; i < len(run); {
		if run[i] == ':' {
			if i+1 < len(run) && run[i+1] == ':' {
				double++
				i += 2
			} else {
				i++
			}
			continue
		}
		j := i
		for j < len(run) && run[j] != ':' {
			j++
		}
		g := run[i:j]
		if bytes.IndexByte(g, '.') >= 0 {
			if j != len(run) {
				return false
			}
			if _, ok := parseIPv4(g); !ok {
				return false
			}
			groups += 2
			tail4, digit = true, true
		} else {
			if len(g) > 4 {
				return false
			}
			for _, c := range g {
				if byteClass[c] == ClassDigit {
					digit = true
				} else {
					letter = true
				}
			}
			groups++
		}
		i = j
	}
	switch {
	case double > 1 || !digit || groups == 0:
		return false
	case double == 0:
		return groups == 8
	case groups > 7:
		return false
	}
	return letter || tail4 || groups > 2 || run[0] == ':'
}
