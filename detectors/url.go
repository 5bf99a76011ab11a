package detectors

import (
	"bytes"
	"net/netip"
	"unicode"
	"unicode/utf8"
)

// URL finds web addresses: http, https, ftp and ws URLs, "www." hosts, and
// bare domains followed by a path ("example.com/reset?token=…"). Bare domains
// and "www." hosts need a known top-level domain, and bare domains whose TLD is
// also a file extension ("main.py/…") are skipped, so file paths are not
// reported. Trailing sentence punctuation is left out of the span, while
// balanced parentheses inside a path (Wikipedia style) are kept.
//
// The finding's Value is the URL's safe form, suitable both as pseudonym input
// and for display: scheme and host lower-cased, user name and password
// removed, path segments and query values that look identifying (tokens,
// e-mail addresses, long numbers, and every value of a parameter named like
// token, key, email, user, id, session, code, password, phone, name …)
// emptied, and the fragment dropped. SplitURL returns the host of a URL.
// A URL needs a dot in its host, so "http://localhost/" is not reported, nor
// is a URL whose host is an address that identifies no one (see
// personalAddr: "http://192.168.0.1", "http://[::1]/"). A long user name
// alone before '@' is an access token and is left out of the span, for the
// SECRET detectors.
var URL = Detector{
	Name:    "url",
	Kind:    KindURL,
	Trigger: Trigger{All: ClassDot, Any: ClassSlash | ClassColon, MinLen: 5, Keywords: []string{"www"}},
	Find:    findURL,
}

// URL rule names, safe to log.
const (
	ruleURL     = "url"      // with a scheme
	ruleURLWWW  = "url-www"  // "www." host without a scheme
	ruleURLBare = "url-bare" // bare domain with a path
)

// urlParts are offsets of a URL's components in the text that holds it.
type urlParts struct {
	start, end int // the whole URL
	schemeEnd  int // offset of "://"; start when there is no scheme
	authStart  int // the host and port, after any user info ('[' of an IPv6 literal)
	hostStart  int // the host, without brackets
	hostEnd    int
	pathStart  int // just after host and port: '/', '?', '#' or end
	userinfo   bool
	rule       string
}

func findURL(dst []Finding, in Input, tok Token) ([]Finding, int) {
	t := in.Text
	if tok.Class&ClassSlash == 0 && !hasWWW(t[tok.Start:tok.End]) {
		return dst, tok.End // neither "://", a path, nor "www.": the common case
	}
	for p := tok.Start; p < tok.End; {
		if !isASCIIAlnum(t[p]) {
			p++
			continue
		}
		// p starts a run of letters and digits.
		if u, ok := parseURL(t, p, tok.End, p == tok.Start || urlOpener(t[tok.Start:p])); ok {
			dst = appendURL(dst, t, u)
			p = u.end
			continue
		}
		for p < tok.End && isASCIIAlnum(t[p]) {
			p++
		}
	}
	return dst, tok.End
}

// hasWWW reports whether b holds "www." in any case.
func hasWWW(b []byte) bool {
	for i := 0; i+4 <= len(b); i++ {
		if b[i]|0x20 == 'w' && b[i+1]|0x20 == 'w' && b[i+2]|0x20 == 'w' && b[i+3] == '.' {
			return true
		}
	}
	return false
}

// urlOpener reports whether the bytes before a scheme-less URL candidate end
// with something that may precede a URL in prose: an opening bracket or quote,
// a separator, or a non-letter character such as a curly quote. A letter or
// a path character before it means it is part of something else.
func urlOpener(before []byte) bool {
	c := before[len(before)-1]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeLastRune(before)
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	switch c {
	case '(', '[', '{', '<', '"', '\'', '*', ',', ';', ':', '|', '>', '=':
		return true
	}
	return false
}

// parseURL parses the URL starting at p and ending by lim. anchored says
// whether p may start a URL without a scheme.
func parseURL(t []byte, p, lim int, anchored bool) (urlParts, bool) {
	u := urlParts{start: p, schemeEnd: p}
	q := p
	i := p
	for i < lim && i-p <= 5 && byteClass[t[i]]&(ClassUpper|ClassLower) != 0 {
		i++
	}
	switch {
	case i+3 <= lim && t[i] == ':' && t[i+1] == '/' && t[i+2] == '/' && urlScheme(t[p:i]):
		u.rule, u.schemeEnd, q = ruleURL, i, i+3
		q = skipUserinfo(t, q, lim, &u)
	case !anchored:
		return u, false
	case hasWWW(t[p:min(p+4, lim)]):
		u.rule = ruleURLWWW
	default:
		u.rule = ruleURLBare
	}

	u.authStart = q
	if q < lim && t[q] == '[' && u.rule == ruleURL {
		c := bytes.IndexByte(t[q:lim], ']')
		if c < 2 || c > 64 {
			return u, false
		}
		if a, err := netip.ParseAddr(string(t[q+1 : q+c])); err != nil || !a.Is6() || !personalAddr(a.Unmap()) {
			return u, false
		}
		u.hostStart, u.hostEnd, q = q+1, q+c, q+c+1
	} else {
		he := trimDomain(t, q, domainEnd(t, q, lim))
		host := t[q:he]
		if ip, isIP := parseIPv4(host); isIP {
			if u.rule != ruleURL || !personalAddr(ip) {
				// "192.0.2.1/24" is a network, for the IP detector;
				// "http://192.168.0.1" is a router's page on countless networks.
				return u, false
			}
		} else {
			tld, ok := checkDomain(host)
			if !ok || u.rule != ruleURL && !knownTLD(host[tld:]) ||
				u.rule == ruleURLBare && fileExtTLD(host[tld:]) {
				return u, false
			}
		}
		u.hostStart, u.hostEnd, q = q, he, he
	}
	if q+1 < lim && t[q] == ':' && byteClass[t[q+1]] == ClassDigit {
		e := q + 1
		for e < lim && e-q <= 6 && byteClass[t[e]] == ClassDigit {
			e++
		}
		if e-q <= 6 && (e == lim || byteClass[t[e]] != ClassDigit) {
			q = e
		}
	}
	u.pathStart, u.end = q, q
	if q < lim && (t[q] == '/' || t[q] == '?' || t[q] == '#') {
		u.end = trimURLEnd(t, q, urlRest(t, q, lim))
	}
	if u.rule == ruleURLBare && (u.pathStart == u.end || t[u.pathStart] != '/') {
		return u, false
	}
	return u, true
}

// urlScheme reports whether s (any case) is a scheme we report.
func urlScheme(s []byte) bool {
	var buf [24]byte
	l, ok := lowerShort(&buf, s)
	if !ok {
		return false
	}
	switch string(l) {
	case "http", "https", "ftp", "ftps", "sftp", "ws", "wss":
		return true
	}
	return false
}

// skipUserinfo moves q past "user:password@" when the authority has one.
func skipUserinfo(t []byte, q, lim int, u *urlParts) int {
	at := -1
	for i := q; i < lim; i++ {
		c := t[i]
		if c == '@' {
			at = i
			continue
		}
		if !isASCIIAlnum(c) && bytes.IndexByte(userinfoPunct, c) < 0 {
			break
		}
	}
	if at < 0 {
		return q
	}
	u.userinfo = true
	return at + 1
}

var userinfoPunct = []byte("-._~%!$&'()*+,;=:")

// urlRest returns the end of the path, query and fragment starting at i.
func urlRest(t []byte, i, lim int) int {
	for i < lim {
		c := t[i]
		if c < utf8.RuneSelf {
			if !urlByte(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(t[i:lim])
		if !idnRune(r) {
			break
		}
		i += n
	}
	return i
}

// urlByte reports whether ASCII byte c may appear in a URL's path or query.
func urlByte(c byte) bool {
	if c <= ' ' || c >= 0x7f {
		return false
	}
	switch c {
	case '<', '>', '"', '`', '{', '}', '|', '\\', '^':
		return false
	}
	return true
}

var (
	openParen    = []byte("(")
	closeParen   = []byte(")")
	openBracket  = []byte("[")
	closeBracket = []byte("]")
)

// trimURLEnd drops trailing punctuation that ends the sentence rather than
// the URL; a closing bracket stays when it balances one inside the URL.
func trimURLEnd(t []byte, start, end int) int {
	for end > start {
		s := t[start:end]
		switch t[end-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*':
		case ')':
			if bytes.Count(s, openParen) >= bytes.Count(s, closeParen) {
				return end
			}
		case ']':
			if bytes.Count(s, openBracket) >= bytes.Count(s, closeBracket) {
				return end
			}
		default:
			return end
		}
		end--
	}
	return end
}

// fileExtTLD reports whether a country-code TLD is also a common file
// extension, which makes "name.ext/…" more likely a path than a web address.
func fileExtTLD(t []byte) bool {
	var buf [24]byte
	l, ok := lowerShort(&buf, t)
	if !ok {
		return false
	}
	switch string(l) {
	case "py", "md", "rs", "sh", "pl", "cc", "so", "ps", "mk", "ml", "sc", "cs", "gz", "js", "ts":
		return true
	}
	return false
}

func appendURL(dst []Finding, t []byte, u urlParts) []Finding {
	conf := float32(0.95)
	switch u.rule {
	case ruleURLWWW:
		conf = 0.9
	case ruleURLBare:
		conf = 0.8
	}
	var v []byte
	if _, changed := safeURL(nil, t, u, false); changed {
		v, _ = safeURL(make([]byte, 0, u.end-u.start), t, u, true)
	}
	start := u.start
	if u.userinfo && u.authStart-1-(u.schemeEnd+3) >= 16 && bytes.IndexByte(t[u.schemeEnd+3:u.authStart-1], ':') < 0 {
		// A long user name alone is an access token ("https://ghp_…@github.com/…"):
		// it is left to the SECRET detectors, as a URL spanning it would win
		// the overlap by length and hide that a credential was pasted. A
		// user:password pair stays inside the URL, whose Value drops it.
		start = u.authStart
	}
	return append(dst, Finding{Kind: KindURL, Start: start, End: u.end, Confidence: conf, Rule: u.rule, Value: v})
}

// safeURL appends the safe form of the URL u to dst when write is set, and
// reports whether it differs from the URL as written.
func safeURL(dst, t []byte, u urlParts, write bool) ([]byte, bool) {
	auth := t[u.authStart:u.pathStart]
	changed := u.userinfo || hasUpperASCII(t[u.start:u.schemeEnd]) || needsLower(auth)
	if write {
		dst = appendLowerASCII(dst, t[u.start:u.schemeEnd])
		if u.schemeEnd != u.start {
			dst = append(dst, "://"...)
		}
		dst = append(dst, bytes.ToLower(auth)...) // IDN hosts lower-case beyond ASCII
	}
	rest := t[u.pathStart:u.end]
	pathEnd := len(rest)
	if i := bytes.IndexAny(rest, "?#"); i >= 0 {
		pathEnd = i
	}
	// Path: empty the segments that look identifying.
	for i := 0; i < pathEnd; {
		j := i + 1
		for j < pathEnd && rest[j] != '/' {
			j++
		}
		seg := rest[i+1 : j] // rest[i] is '/'
		blank := looksIdentifying(seg)
		changed = changed || blank
		if write {
			dst = append(dst, '/')
			if !blank {
				dst = append(dst, seg...)
			}
		}
		i = j
	}
	if pathEnd == len(rest) {
		return dst, changed
	}
	q := rest[pathEnd:]
	frag := bytes.IndexByte(q, '#')
	if frag >= 0 {
		changed = true // fragments carry OAuth tokens and page state; never needed
		q = q[:frag]
	}
	if len(q) == 0 {
		return dst, changed
	}
	// Query: keep each parameter's name; drop identifying values.
	if write {
		dst = append(dst, '?')
	}
	q = q[1:]
	for i := 0; i <= len(q); {
		j := i
		for j < len(q) && q[j] != '&' && q[j] != ';' {
			j++
		}
		param := q[i:j]
		name, val := param, []byte(nil)
		if eq := bytes.IndexByte(param, '='); eq >= 0 {
			name, val = param[:eq], param[eq+1:]
		}
		blank := len(val) > 0 && (identifyingParam(name) || looksIdentifying(val))
		changed = changed || blank
		if write {
			if blank {
				dst = append(append(dst, name...), '=')
			} else {
				dst = append(dst, param...)
			}
			if j < len(q) {
				dst = append(dst, q[j])
			}
		}
		i = j + 1
	}
	return dst, changed
}

// identifyingParam reports whether a query parameter's name says its value
// identifies a person or grants access: token, key, email, user, id, …
func identifyingParam(name []byte) bool {
	var buf [32]byte
	if len(name) > len(buf) {
		return false
	}
	n := buf[:0]
	for _, c := range name {
		if c != '[' && c != ']' {
			n = append(n, lowerASCII(c))
		}
	}
	if _, ok := identifyingParams[string(n)]; ok {
		return true
	}
	for _, s := range identifyingSuffixes {
		if len(n) > len(s) && string(n[len(n)-len(s):]) == s {
			return true
		}
	}
	return false
}

// identifyingParams are query parameter names whose values are dropped;
// read-only after construction.
var identifyingParams = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, s := range []string{
		"token", "access_token", "refresh_token", "id_token", "auth", "authorization", "code", "key",
		"apikey", "api_key", "secret", "client_secret", "password", "passwd", "pass", "pwd", "pw",
		"email", "mail", "e-mail", "user", "username", "login", "uid", "id", "session", "sid",
		"phone", "tel", "mobile", "name", "fname", "lname", "address", "addr", "ip", "sig",
		"signature", "otp", "pin", "ssn", "dob", "birthdate", "reset", "invite", "ticket", "jwt",
		"nonce", "state", "account", "acct", "customer", "member", "order", "invoice", "tracking",
		"u", "e", "x-amz-credential", "x-amz-security-token",
	} {
		m[s] = struct{}{}
	}
	return m
}()

// identifyingSuffixes catch compound names such as user_id, resetToken,
// first_name and customer_email.
var identifyingSuffixes = []string{
	"token", "id", "key", "secret", "signature", "password", "email", "mail", "session",
	"phone", "name", "auth", "code",
}

// looksIdentifying reports whether a path segment or query value looks like
// it identifies someone: it holds an e-mail address, seven or more digits
// (phone numbers, account numbers), or a random token.
func looksIdentifying(v []byte) bool {
	if len(v) < 7 {
		return false
	}
	var digits, letters, upper, switches int
	prev, sep := byte(0), false
	for i, c := range v {
		switch cl := byteClass[c]; {
		case c == '@':
			return true
		case c == '%' && i+2 < len(v) && v[i+1] == '4' && v[i+2] == '0':
			return true // an encoded '@'
		case cl == ClassDigit:
			digits++
			if prev == 'a' {
				switches++
			}
			prev = '0'
		case cl&(ClassUpper|ClassLower) != 0:
			letters++
			if cl == ClassUpper {
				upper++
			}
			if prev == '0' {
				switches++
			}
			prev = 'a'
		default:
			sep = true
		}
	}
	switch {
	case digits >= 7:
		return true
	case len(v) >= 16 && switches >= 4: // hex ids, UUIDs, random tokens mix letters and digits
		return true
	default: // long unbroken tokens (base64) rather than slugs ("how-to-reset")
		return len(v) >= 20 && !sep && letters > 0 && (digits > 0 || upper >= 3 && upper < letters)
	}
}

func hasUpperASCII(b []byte) bool {
	for _, c := range b {
		if byteClass[c] == ClassUpper {
			return true
		}
	}
	return false
}

func appendLowerASCII(dst, b []byte) []byte {
	for _, c := range b {
		dst = append(dst, lowerASCII(c))
	}
	return dst
}

// SplitURL returns the host of raw, a URL as found by the URL detector (the
// span or its Value): no scheme, user info, port or brackets, as written. The
// host may be an IP literal, which is itself an identifier. ok is false when
// raw does not start with a URL.
func SplitURL(raw []byte) (host []byte, ok bool) {
	if len(raw) == 0 || !isASCIIAlnum(raw[0]) {
		return nil, false
	}
	u, ok := parseURL(raw, 0, len(raw), true)
	if !ok {
		return nil, false
	}
	return raw[u.hostStart:u.hostEnd], true
}

// Host names shared by the e-mail and URL detectors: scanning a domain out of
// running text, checking its labels and classifying its top-level domain.

// asciiAlnum is the class of ASCII letters and digits.
const asciiAlnum = ClassDigit | ClassUpper | ClassLower

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool { return byteClass[c]&asciiAlnum != 0 }

// idnRune reports whether r may appear in an internationalized domain label or
// e-mail local part. Scripts written without spaces (Han, kana, Thai, …) are
// excluded: in such text an address is glued to the surrounding words, and
// taking them in would swallow the sentence. CJK domains are missed instead.
func idnRune(r rune) bool {
	if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// domainEnd returns the end of the run of domain bytes (ASCII letters and
// digits, '-', '.', IDN letters) starting at i, stopping at end or before "..".
func domainEnd(text []byte, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '.' && i+1 < end && text[i+1] == '.' {
				break
			}
			if isASCIIAlnum(c) || c == '-' || c == '.' {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRune(text[i:end])
		if !idnRune(r) {
			break
		}
		i += n
	}
	return i
}

// trimDomain drops trailing dots and dashes, which end sentences rather than
// domains ("write to anna@example.com.").
func trimDomain(text []byte, start, end int) int {
	for end > start && (text[end-1] == '.' || text[end-1] == '-') {
		end--
	}
	return end
}

// checkDomain reports whether d is a plausible domain name: two or more labels
// of 1 to 63 bytes not starting or ending with '-', at most 253 bytes, and a
// top-level domain of two or more letters (ASCII or IDN) or an "xn--" label.
// tld is the offset of the top-level domain in d.
func checkDomain(d []byte) (tld int, ok bool) {
	if len(d) < 4 || len(d) > 253 {
		return 0, false
	}
	labels, start := 0, 0
	for i := 0; i <= len(d); i++ {
		if i < len(d) && d[i] != '.' {
			continue
		}
		l := d[start:i]
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return 0, false
		}
		labels++
		tld, start = start, i+1
	}
	return tld, labels >= 2 && tldShape(d[tld:])
}

// tldShape reports whether t looks like a top-level domain: two or more ASCII
// letters, an "xn--" punycode label, or two or more IDN letters.
func tldShape(t []byte) bool {
	if len(t) < 2 {
		return false
	}
	if len(t) > 4 && lowerASCII(t[0]) == 'x' && lowerASCII(t[1]) == 'n' && t[2] == '-' && t[3] == '-' {
		return true
	}
	if t[0] < utf8.RuneSelf {
		for _, c := range t {
			if byteClass[c]&(ClassUpper|ClassLower) == 0 {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if r < utf8.RuneSelf || !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
		i += n
	}
	return utf8.RuneCount(t) >= 2
}

// lowerShort copies a short ASCII word (a TLD, a scheme), lower-cased, into
// buf; ok is false when it is too long or not ASCII.
func lowerShort(buf *[24]byte, t []byte) ([]byte, bool) {
	if len(t) > len(buf) {
		return nil, false
	}
	for i, c := range t {
		if c >= utf8.RuneSelf {
			return nil, false
		}
		buf[i] = lowerASCII(c)
	}
	return buf[:len(t)], true
}

// knownTLD reports whether t (any case) is a country-code top-level domain or
// one of the common generic ones. Bare domains ("example.com/reset") are
// reported only with a known TLD.
func knownTLD(t []byte) bool {
	var buf [24]byte
	l, ok := lowerShort(&buf, t)
	if !ok {
		return false
	}
	_, ok = knownTLDs[string(l)]
	return ok
}

// knownTLDs holds every country-code TLD and the generic TLDs seen most in
// chat; read-only after construction.
var knownTLDs = func() map[string]struct{} {
	m := map[string]struct{}{}
	add := func(s string) {
		for i := 0; i < len(s); {
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\n' {
				j++
			}
			if j > i {
				m[s[i:j]] = struct{}{}
			}
			i = j + 1
		}
	}
	// Country codes (ISO 3166-1 alpha-2 delegations, plus ac, eu, su, uk).
	add(`ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz
ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr
ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp
ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt
mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru
rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz
ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw`)
	// Generic: the originals and the new gTLDs common in links people share.
	add(`com net org edu gov mil int info biz name pro mobi aero coop museum jobs travel tel asia cat post
app dev page blog shop store online site website web tech cloud xyz top club live news art design agency email
link click help support digital media network systems solutions services company business center world today
life space fun games studio academy education school university health care clinic law legal finance bank
insurance money capital fund market marketing social chat team work works zone one global group city land house
home family love music video photo photos gallery events wiki guru ninja rocks cool inc llc ltd gmbh berlin
london nyc paris tokyo amsterdam google amazon microsoft apple youtube gmail icu vip win bio eco green energy
africa lat moe ink ong ngo`)
	return m
}()
