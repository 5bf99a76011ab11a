package detectors

import (
	"bytes"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// secretTable indexes the known formats by the byte a match starts with, so
// a candidate position costs one lookup and a few prefix compares.
type secretTable struct {
	rules   []tokenRule
	byFirst [256][]int16 // rule indexes, longest prefix first
}

func newSecretTable() *secretTable {
	t := &secretTable{rules: tokenRules()}
	for i, r := range t.rules {
		firsts := r.first
		if r.prefix != "" {
			firsts = r.prefix[:1]
		}
		for j := 0; j < len(firsts); j++ {
			t.byFirst[firsts[j]] = append(t.byFirst[firsts[j]], int16(i))
		}
	}
	for b := range t.byFirst {
		slices.SortStableFunc(t.byFirst[b], func(x, y int16) int {
			return len(t.rules[y].prefix) - len(t.rules[x].prefix)
		})
	}
	return t
}

// SecretToken finds API keys and tokens of known formats (OpenAI, Anthropic,
// AWS, GitHub, Slack, Stripe, JWTs … see tokenRules), credentials inside URLs
// (postgres://user:pass@host) and AWS secret keys near their key id. It wakes
// on long tokens holding a digit, a capital, '_', '-', '@' or '=' and looks for known
// prefixes at the token's start and after delimiters such as '=', ':' or '"'.
// Each call builds its rule index anew; the Detector is then read-only and
// safe for concurrent use.
func SecretToken() Detector {
	t := newSecretTable()
	return Detector{
		Name:    "secret-token",
		Kind:    KindSecret,
		Trigger: Trigger{Any: ClassDigit | ClassUpper | ClassUnderscore | ClassDash | ClassAt | ClassEqual, MinLen: 16},
		Find:    t.find,
	}
}

// delimClasses are the byte classes of every byte isDelim accepts.
const delimClasses = ClassPunct | ClassColon | ClassSlash | ClassEqual | ClassAt | ClassHigh

// isDelim reports whether a known-format secret may start after b. Bytes of
// multi-byte characters count: keys are ASCII, and “typographic quotes” or
// «guillemets» often wrap them.
func isDelim(b byte) bool {
	if b >= 0x80 {
		return true
	}
	switch b {
	case '=', ':', '"', '\'', '`', '(', '[', '{', '<', '>', ',', ';', '/', '\\', '|', '@', '?', '&', '$', '*':
		return true
	}
	return false
}

func (t *secretTable) find(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	end := tok.End
	if tok.Class&delimClasses == 0 {
		// No delimiter inside: only the token's start can begin a key.
		if f, ok := t.matchAt(text, tok.Start, end); ok {
			dst = append(dst, f)
			if f.Rule == "aws-access-token" {
				dst = awsSecretNear(dst, text, f.End)
			}
		}
		return dst, end
	}
	for p := tok.Start; p < end; {
		if text[p] == ':' && p+2 < end && text[p+1] == '/' && text[p+2] == '/' {
			var e int
			if dst, e = urlCredentials(dst, text, tok.Start, p, end); e > p {
				p = e
				continue
			}
		}
		if p > tok.Start && !isDelim(text[p-1]) {
			p++
			continue
		}
		f, ok := t.matchAt(text, p, end)
		if !ok {
			p++
			continue
		}
		dst = append(dst, f)
		if f.Rule == "aws-access-token" {
			dst = awsSecretNear(dst, text, f.End)
		}
		p = f.End
	}
	return dst, end
}

// matchAt tries every rule whose first byte is text[p].
func (t *secretTable) matchAt(text []byte, p, end int) (Finding, bool) {
	m := text[p:end]
	for _, ri := range t.byFirst[text[p]] {
		r := &t.rules[ri]
		if len(r.prefix) > 1 && (len(m) < len(r.prefix) || m[1] != r.prefix[1]) || !bytes.HasPrefix(m, []byte(r.prefix)) {
			continue
		}
		var n int
		var conf float32
		if r.match != nil {
			n, conf = r.match(m)
		} else {
			body := spanOf(m[len(r.prefix):], r.set, r.max+1)
			if body < r.min || body > r.max {
				continue
			}
			n, conf = len(r.prefix)+body, r.conf
			if r.check != nil {
				conf = r.check(m[:n])
			}
		}
		if n == 0 || conf == 0 || n < len(m) && csOf[m[n]]&csAlnum != 0 {
			continue
		}
		if placeholder(m[len(r.prefix):n]) {
			continue
		}
		start := p
		if r.bodyOnly {
			start += len(r.prefix)
		}
		if r.scheme {
			for _, s := range []string{"https://", "http://"} {
				if start >= len(s) && string(text[start-len(s):start]) == s {
					start -= len(s)
					break
				}
			}
		}
		return Finding{Kind: KindSecret, Start: start, End: p + n, Confidence: conf, Validated: conf >= confStructure, Rule: r.id}, true
	}
	return Finding{}, false
}

// awsSecretNear looks for a 40-character AWS secret access key within a few
// lines after an access key id, as pasted from credentials files and consoles.
func awsSecretNear(dst []Finding, text []byte, from int) []Finding {
	end := min(len(text), from+300)
	for p := from; p < end; p++ {
		if csOf[text[p]]&csB64 == 0 || p > from && csOf[text[p-1]]&(csB64|csEqual) != 0 {
			continue
		}
		n := spanOf(text[p:], csB64, 41)
		if n == 40 && (p+n == len(text) || csOf[text[p+n]]&(csB64|csEqual) == 0) && mixedCase(text[p:p+n]) && entropyOK(text[p:p+n], 4.0) {
			return append(dst, Finding{Kind: KindSecret, Start: p, End: p + n, Confidence: confLikely, Rule: "aws-secret-access-key"})
		}
		p += n
	}
	return dst
}

// mixedCase reports whether b holds both an upper- and a lower-case letter.
func mixedCase(b []byte) bool {
	var cls charset
	for _, c := range b {
		cls |= csOf[c]
	}
	return cls&csUpper != 0 && cls&csLower != 0
}

// dbSchemes are URL schemes whose userinfo password is a database or broker
// credential.
var dbSchemes = []string{"postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss",
	"amqp", "amqps", "mssql", "sqlserver", "jdbc:postgresql", "jdbc:mysql", "clickhouse", "cockroachdb", "neo4j", "couchbase", "snowflake"}

// urlCredentials reports the password in scheme://user:password@host (colon
// at text[c]), Sentry DSN keys, and Teams webhooks. It returns the offset
// after the userinfo when it consumed it, or c.
func urlCredentials(dst []Finding, text []byte, tokStart, c, end int) ([]Finding, int) {
	s := c
	for s > tokStart && (csOf[text[s-1]]&(csAlnum|csPlus|csDot|csDash) != 0 || text[s-1] == ':') {
		s--
	}
	scheme := text[s:c]
	u := c + 3
	at, colon := -1, false
	for i := u; i < end; i++ {
		b := text[i]
		if b == '@' {
			at = i
		}
		// A password may hold an unescaped '#' or '?' ("app:tulipano#88@db"),
		// which would end the authority of a well-formed URL.
		if b == ':' {
			colon = true
		}
		if b == '/' || (b == '?' || b == '#') && !colon {
			break
		}
	}
	if at < 0 {
		if f, ok := teamsWebhook(text, s, u, end); ok {
			return append(dst, f), f.End
		}
		return dst, c
	}
	host := text[at+1 : end]
	ci := bytes.IndexByte(text[u:at], ':')
	if ci < 0 {
		if at-u == 32 && spanOf(text[u:at], csHexL, 32) == 32 && bytes.Contains(host[:min(len(host), 80)], []byte("sentry")) {
			return append(dst, Finding{Kind: KindSecret, Start: u, End: at, Confidence: confStructure, Validated: true, Rule: "sentry-dsn"}), at
		}
		return dst, c
	}
	ps, pe := u+ci+1, at
	if pe-ps < 1 || placeholder(text[ps:pe]) || placeholderWord(text[ps:pe]) || stopword(text[ps:pe]) || portThenQuery(text[ps:pe]) {
		return dst, at
	}
	rule, conf := "url-basic-auth", float32(confLikely)
	for _, db := range dbSchemes {
		if asciiEqualFold(scheme, db) {
			rule, conf = "database-connection-string", confStructure
			break
		}
	}
	return append(dst, Finding{Kind: KindSecret, Start: ps, End: pe, Confidence: conf, Validated: true, Rule: rule}), at
}

// portThenQuery reports a "password" that is a port followed by a query or
// fragment: the ":8080?mail=a" of "http://host:8080?mail=a@b.example".
func portThenQuery(v []byte) bool {
	n := countDigits(v, 0)
	return n > 0 && n < len(v) && (v[n] == '?' || v[n] == '#')
}

// teamsWebhook matches https://<tenant>.webhook.office.com/webhookb2/….
func teamsWebhook(text []byte, s, u, end int) (Finding, bool) {
	rest := text[u:end]
	h := bytes.IndexByte(rest, '/')
	if h < 0 || !bytes.HasSuffix(rest[:h], []byte(".webhook.office.com")) || !bytes.HasPrefix(rest[h:], []byte("/webhookb2/")) || end-u-h < 100 {
		return Finding{}, false
	}
	return Finding{Kind: KindSecret, Start: s, End: end, Confidence: confStructure, Validated: true, Rule: "microsoft-teams-webhook"}, true
}

// placeholder reports bodies that are stand-ins, not keys: runs of one byte
// (sk-xxxxxxxx, ********), few distinct bytes, or marker words such as
// "example", "your" or "redacted".
func placeholder(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	var seen [4]uint64
	distinct, run := 0, 1
	for i, c := range b {
		if seen[c>>6]&(1<<(c&63)) == 0 {
			seen[c>>6] |= 1 << (c & 63)
			distinct++
		}
		if i > 0 && c == b[i-1] {
			if run++; run >= 5 {
				return true
			}
		} else {
			run = 1
		}
	}
	if len(b) >= 16 && distinct < 6 {
		return true
	}
	for i, c := range b {
		for _, w := range placeholderMarks[lowerASCII(c)] {
			// The second byte first: every mark has four bytes or more, and
			// in a random key few bytes continue one.
			if len(b)-i >= len(w) && lowerASCII(b[i+1]) == w[1] && indexFold(b[i:i+len(w)], w) == 0 {
				return true
			}
		}
	}
	return false
}

// placeholderMarks are words of stand-in values, by first byte; read-only.
var placeholderMarks = func() (t [256][]string) {
	for _, w := range []string{"example", "your", "placeholder", "redacted", "xxxx", "dummy", "sample", "12345678",
		"abcdefgh", "insert", "replace", "changeme"} {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// placeholderWord reports template values: <token>, ${VAR}, {{x}}, %s, $VAR.
func placeholderWord(v []byte) bool {
	switch {
	case len(v) == 0:
		return true
	case v[0] == '<' || v[0] == '$' || v[0] == '%' || v[0] == '{' || v[0] == '[' || v[0] == '*':
		return true
	}
	return false
}

// indexFold is bytes.Index with ASCII case folding; w must be lower-case.
func indexFold(b []byte, w string) int {
	for i := 0; i+len(w) <= len(b); i++ {
		if lowerASCII(b[i]) != w[0] {
			continue
		}
		j := 1
		for j < len(w) && lowerASCII(b[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

func asciiEqualFold(b []byte, w string) bool {
	return len(b) == len(w) && indexFold(b, w) == 0
}

// entropy returns the Shannon entropy of b in bits per byte.
func entropy(b []byte) float64 {
	var counts [256]uint16
	var seen [4]uint64 // the bytes b holds, to visit only those
	for _, c := range b {
		counts[c]++
		seen[c>>6] |= 1 << (c & 63)
	}
	// Ascending byte order, as a walk over all 256 counts would add them.
	h, n := 0.0, float64(len(b))
	for w, m := range seen {
		for ; m != 0; m &= m - 1 {
			p := float64(counts[w<<6|bits.TrailingZeros64(m)]) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// entropyOK reports whether b looks random: a letter and a digit, no
// placeholder, and entropy of at least min bits per byte (hex strings, with
// only 16 symbols, need 0.7 bit less).
func entropyOK(b []byte, min float64) bool {
	return randomnessOf(b).atLeast(min)
}

// randomness is what entropyOK asks of a value, read once so that several
// thresholds can be tried on it. Most values are decided by bounds on their
// entropy, two logarithms instead of one per distinct byte: the min-entropy
// log2(n/max count) is a lower bound, log2(distinct bytes) an upper one.
type randomness struct {
	b      []byte
	ok     bool    // a letter and a digit, and no placeholder
	hex    bool    // hex digits only
	lo, hi float64 // bounds on the entropy, when ok
}

// entropyMargin keeps the bounds' answers clear of the rounding of
// entropy's sum, which is far smaller: only values whose bounds straddle a
// threshold by less than it need the exact sum.
const entropyMargin = 1e-9

func randomnessOf(b []byte) randomness {
	var cls charset
	for _, c := range b {
		cls |= csOf[c]
	}
	if cls&csDigit == 0 || cls&csLetters == 0 || placeholder(b) {
		return randomness{}
	}
	var counts [256]uint16
	distinct, most := 0, uint16(0)
	for _, c := range b {
		counts[c]++
		if counts[c] == 1 {
			distinct++
		}
		most = max(most, counts[c])
	}
	n := float64(len(b))
	return randomness{b: b, ok: true, hex: cls&^csHex == 0, lo: math.Log2(n / float64(most)), hi: math.Log2(float64(distinct))}
}

// atLeast is entropyOK's answer for the threshold min.
func (r randomness) atLeast(min float64) bool {
	if !r.ok {
		return false
	}
	if r.hex {
		min -= 0.7
	}
	switch {
	case r.lo >= min+entropyMargin:
		return true
	case r.hi < min-entropyMargin:
		return false
	}
	return entropy(r.b) >= min
}

// PrivateKey finds PEM private key blocks (RSA, EC, DSA, OpenSSH, PKCS#8,
// encrypted, PGP), spanning the whole block from BEGIN to END across lines,
// or to the end of the key material when a paste was cut short. It wakes on
// the word BEGIN.
func PrivateKey() Detector {
	return Detector{
		Name:    "secret-private-key",
		Kind:    KindSecret,
		Trigger: Trigger{Keywords: []string{"begin"}},
		Find:    findPrivateKey,
	}
}

func findPrivateKey(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	s := tok.WordStart - 5
	if s < tok.Start || string(text[s:tok.WordStart]) != "-----" || string(text[tok.WordStart:tok.WordEnd]) != "BEGIN" {
		return dst, tok.End
	}
	hdrEnd := bytes.Index(text[tok.WordEnd:min(len(text), tok.WordEnd+60)], []byte("-----"))
	if hdrEnd < 0 || !bytes.Contains(text[tok.WordEnd:tok.WordEnd+hdrEnd], []byte("PRIVATE KEY")) {
		return dst, tok.End
	}
	bodyStart := tok.WordEnd + hdrEnd + 5
	limit := min(len(text), bodyStart+64<<10)
	e := bytes.Index(text[bodyStart:limit], []byte("-----END"))
	validated := e >= 0
	var bodyEnd, end int
	if validated {
		bodyEnd = bodyStart + e
		closing := bytes.Index(text[bodyEnd+8:min(len(text), bodyEnd+80)], []byte("-----"))
		if closing < 0 {
			return dst, tok.End
		}
		end = bodyEnd + 8 + closing + 5
	} else {
		// A cut paste: the key material runs over the following lines made
		// only of base64 (and PEM header fields), up to a blank or prose line.
		bodyEnd = bodyStart
		for p := bodyStart + 1; p < limit; {
			e := p
			for e < limit && text[e] != '\n' && (csOf[text[e]]&csB64Pad != 0 || text[e] == '\r' || text[e] == '\\') {
				e++
			}
			if e < limit && text[e] != '\n' { // a quoted one-line key ends at its quote
				if e-p >= 64 {
					bodyEnd = e
				}
				break
			}
			if e == p {
				break
			}
			bodyEnd, p = e, e+1
		}
		end = bodyEnd
	}
	material := 0
	for _, c := range text[bodyStart:bodyEnd] {
		if csOf[c]&csB64Pad != 0 {
			material++
		}
	}
	if material < 64 {
		return dst, tok.End
	}
	conf := float32(confChecksum)
	if !validated {
		conf = confLikely
	}
	return append(dst, Finding{Kind: KindSecret, Start: s, End: end, Confidence: conf, Validated: validated, Rule: "private-key"}), max(end, tok.End)
}

// secretKeywords wake SecretAssignment: credential words in the languages
// convanon sees, as the leading word of a token ("Password:", "(token").
// Words that are mostly followed by a colon ("auth:", "pass:") are left to
// the class trigger: every extra keyword costs a map lookup for ordinary
// words of its length and first letter.
var secretKeywords = []string{
	"password", "passwd", "passphrase", "secret", "token", "apikey", "key", "bearer",
	"contraseña", "contrasena", "clave", "passwort", "kennwort", "mot", "senha",
	"wachtwoord", "lösenord", "hasło", "пароль", "şifre",
	// Context words: the credential is a password-shaped token after them
	// ("wifi code? c'est Tr0ub4dor&3", "login is admin / R3dSox!2004"), or
	// the first part of a compound ("WLAN-Passwort", "root-password").
	"wifi", "wlan", "login", "creds", "credentials", "zugangsdaten", "identifiants", "credenciales",
	"credenziali", "inloggegevens", "admin", "root", "router",
	// Command lines that take a password glued to a flag: mysql -pSECRET.
	"mysql", "mysqldump", "mysqladmin", "mariadb", "sshpass",
	// Prose shorthands ("pass gullrock2291", "le mdp c'est …") and remote
	// logins given as user/password ("ssh met deploy/Stroopwafel!9x").
	"pass", "pw", "pwd", "mdp", "ssh", "sftp", "ftp", "inloggen",
}

// SecretAssignment finds credentials given as values: assignments and
// fields (password=…, api_key: …, "token": "…", export OPENAI_API_KEY=…),
// headers (Authorization: Bearer …), and prose cues in several languages
// ("my password is hunter2", "Passwort: …", "mot de passe : …"). Only the
// value is reported. Password-like names take any value that is not a
// placeholder; key- and token-like names need a high-entropy value, and a
// few provider names (aws, cohere, mistral, datadog …) name the rule when the
// value has that provider's shape.
func SecretAssignment() Detector {
	return Detector{
		Name:    "secret-assignment",
		Kind:    KindSecret,
		Trigger: Trigger{Any: ClassEqual | ClassColon | ClassUnderscore, MinLen: 1, Keywords: secretKeywords},
		Find:    findAssignment,
	}
}

// term says how strongly a name implies a credential value.
type term uint8

const (
	termNone   term = iota
	termWeak        // key, token, secret …: the value must look random
	termStrong      // password and its translations: any real value
	termMot         // "mot", which needs "de passe" after it
	termBearer      // an auth scheme word: the next token is the credential
)

func findAssignment(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	resume := tok.End
	sawSep := false
	for i := tok.Start; i < tok.End && tok.Class&(ClassEqual|ClassColon) != 0; i++ {
		c := text[i]
		if c != '=' && c != ':' || i+1 < len(text) && text[i+1] == '/' {
			continue
		}
		ns, ne := nameBefore(text, tok.Start, i)
		if ne-ns < 2 && i == tok.Start {
			// "openaiApiKey = …": the name is the token before a lone separator.
			if pe := skipBlankBack(text, tok.Start); pe < tok.Start {
				ns, ne = nameBefore(text, max(0, pe-64), pe)
			}
		}
		if ne-ns < 2 {
			continue
		}
		sawSep = true
		t, prov := classifyName(text[ns:ne])
		if t == termNone && contextName(text[ns:ne]) == ctxCredential {
			var e int
			dst, e = shapedAfter(dst, text, i+1, resume)
			resume = max(resume, e)
			continue
		}
		if t == termNone || t == termMot {
			continue
		}
		var stop byte
		if ns > tok.Start {
			stop = text[ns-1] // ?a=…&b=…, ;k=…;l=…, "k":"…","l":…
		}
		f, ve, ok := valueAt(text, skipSep(text, i), t, prov, true, stop)
		if ok && !bytes.EqualFold(text[f.Start:f.End], text[ns:ne]) { // encodePassword: "encodePassword"
			dst = append(dst, f)
			resume = max(resume, ve)
			i = max(i, ve-1)
		}
	}
	if sawSep {
		return dst, resume
	}
	ns, ne := nameBefore(text, tok.Start, tok.End)
	if ns < tok.Start || ne-ns < 2 {
		ns, ne = tok.WordStart, tok.WordEnd
	}
	var t term
	var prov, ctx int
	if ns == tok.WordStart && ne == tok.WordEnd {
		// The name is the leading word, most often a keyword: one lookup
		// answers both its context and its term.
		t, prov, ctx = classifyWord(text[ns:ne])
	} else {
		ctx = contextName(text[tok.WordStart:tok.WordEnd])
		t, prov = classifyName(text[ns:ne])
	}
	if ctx == ctxCommand {
		return commandPassword(dst, text, text[tok.WordStart:tok.WordEnd], tok.End, resume)
	}
	if t == termStrong && asciiEqualFold(text[ns:ne], "pass") {
		// "pass" is an everyday word ("boarding pass", "I'll pass"): only
		// a password-shaped token right after it counts.
		return passAdjacent(dst, text, tok.End, resume)
	}
	if t == termWeak && asciiEqualFold(text[ns:ne], "clave") {
		t = termStrong // in prose, Spanish "clave" is a password
	}
	switch t {
	case termNone:
		if ctx == ctxCredential {
			return shapedAfter(dst, text, tok.End, resume)
		}
		return dst, resume
	case termMot:
		w1s, w1e := nextToken(text, tok.End)
		w2s, w2e := nextToken(text, w1e)
		if !asciiEqualFold(text[w1s:w1e], "de") || !asciiEqualFold(trimPunct(text[w2s:w2e]), "passe") {
			return dst, resume
		}
		t, tok.End = termStrong, w2e
		if text[w2e-1] == ':' {
			f, ve, ok := valueAt(text, skipSep(text, w2e-1), t, prov, true, 0)
			return appendIf(dst, f, ok), max(resume, ve)
		}
	}
	// name = …, name: … with the separator in a token of its own.
	if p := skipBlank(text, tok.End); p < len(text) && (text[p] == '=' || text[p] == ':') && t != termBearer {
		f, ve, ok := valueAt(text, skipSep(text, p), t, prov, true, 0)
		return appendIf(dst, f, ok), max(resume, ve)
	}
	switch t {
	case termBearer:
		f, ve, ok := valueAt(text, skipBlank(text, tok.End), termWeak, prov, true, 0)
		if ok {
			f.Rule = "bearer-token"
		}
		return appendIf(dst, f, ok), max(resume, ve)
	case termStrong:
		return proseStrong(dst, in, tok.End, resume)
	}
	return proseWeak(dst, text, tok.End, prov, resume)
}

// skipBlankBack returns the offset after the last non-blank byte before p.
func skipBlankBack(text []byte, p int) int {
	for p > 0 && (text[p-1] == ' ' || text[p-1] == '\t') {
		p--
	}
	return p
}

// Context names: words that do not hold a credential themselves but put one
// nearby.
const (
	ctxNone       = iota
	ctxCredential // wifi, login, credentials …: a password-shaped token follows
	ctxCommand    // mysql, sshpass: the password follows a -p flag
)

func contextName(w []byte) int {
	if len(w) > 16 {
		return ctxNone
	}
	var buf [16]byte
	l := buf[:len(w)]
	for i, c := range w {
		l[i] = lowerASCII(c)
	}
	c, _ := contextNames.get(l)
	return c
}

// contextNames maps the context names to their kind; read-only.
var contextNames = func() *wordMap[int] {
	m := &wordMap[int]{}
	for _, w := range strings.Fields("wifi wlan login creds credentials zugangsdaten identifiants credenciales credenziali inloggegevens ssh sftp ftp inloggen") {
		m.set(w, ctxCredential)
	}
	for _, w := range strings.Fields("mysql mysqldump mysqladmin mariadb sshpass") {
		m.set(w, ctxCommand)
	}
	return m
}()

// shapedAfter reports the first password-shaped token (see strongShape)
// among the next few on the same line: "wifi code? c'est Tr0ub4dor&3",
// "login is admin / R3dSox!2004".
func shapedAfter(dst []Finding, text []byte, from, resume int) ([]Finding, int) {
	p := from
	for range 8 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			break
		}
		vs, ve := trimValue(text, ws, we)
		if v := text[vs:ve]; strongShape(v) && hasSymbol(v) {
			if networkName(text, vs, ve) {
				p = we // "wifi is "Seaview_5G" pass …": the password comes next
				continue
			}
			vs = afterUser(text, vs, ve)
			f := Finding{Kind: KindSecret, Start: vs, End: ve, Confidence: 0.7, Rule: "generic-password"}
			return append(dst, f), max(resume, ve)
		}
		p = we
	}
	return dst, resume
}

// hasSymbol reports a byte other than a letter, a digit or the separators
// of names, dates and versions: "HomeNet-5G" is a network name, "Tr0ub4dor&3"
// a password.
func hasSymbol(v []byte) bool {
	for _, c := range v {
		if byteClass[c]&(ClassAlnum|ClassHigh|ClassDot|ClassColon|ClassDash|ClassSlash) == 0 && c != ',' {
			return true
		}
	}
	return false
}

// commandPassword reports the password of a command line that takes it glued
// to a flag (mysql -pSECRET) or, for sshpass, after it (sshpass -p SECRET);
// a lone "mysql … -p" prompts for it, and the next word is the database.
func commandPassword(dst []Finding, text []byte, cmd []byte, from, resume int) ([]Finding, int) {
	sshpass := asciiEqualFold(cmd, "sshpass")
	p := from
	for range 16 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			break
		}
		if we-ws >= 2 && text[ws] == '-' && text[ws+1] == 'p' {
			vs, ve := ws+2, we
			if ve == vs && !sshpass {
				break
			}
			if ve == vs { // "-p SECRET"
				vs, ve = nextToken(text, we)
				if vs == ve || lineBreakBetween(text, we, vs) {
					break
				}
			}
			vs, ve = trimValue(text, vs, ve)
			if v := text[vs:ve]; len(v) >= 3 && !placeholderWord(v) && !placeholder(v) {
				f := Finding{Kind: KindSecret, Start: vs, End: ve, Confidence: 0.85, Rule: "cli-password"}
				return append(dst, f), max(resume, ve)
			}
		}
		p = we
	}
	return dst, resume
}

// trimValue drops quotes and trailing sentence punctuation around a value.
func trimValue(text []byte, s, e int) (int, int) {
	for s < e && (text[s] == '"' || text[s] == '\'' || text[s] == '`' || text[s] == '(') {
		s++
	}
	for e > s && inSet(&valueEndQ, text[e-1]) {
		e--
	}
	return s, e
}

// strongShape reports a value shaped like a chosen password, whatever the
// words around it: 6 to 64 bytes with two letters and a digit, and a symbol
// other than the separators of dates, times and versions or both letter
// cases ("Tr0ub4dor&3", "M4ripos4_77", "HomeNet5G"); not a URL, path or
// e-mail address.
func strongShape(v []byte) bool {
	if len(v) < 6 || len(v) > 64 || v[0] == '/' || v[0] == '~' {
		return false
	}
	// Most words of prose hold no digit: one cheap pass turns them away.
	var all Class
	for _, c := range v {
		all |= byteClass[c]
	}
	if all&ClassDigit == 0 || bytes.Contains(v, []byte("://")) {
		return false
	}
	letters, digits, upper, lower, symbol := 0, 0, false, false, false
	for i, c := range v {
		switch cls := byteClass[c]; {
		case cls == ClassDigit:
			digits++
		case cls == ClassUpper:
			letters++
			upper = true
		case cls == ClassLower:
			letters++
			lower = true
		case cls == ClassHigh:
			letters++
		case c == '.' || c == ':' || c == '-' || c == '/' || c == ',':
		case c == '@':
			if bytes.IndexByte(v[i:], '.') >= 0 {
				return false // an e-mail address
			}
			symbol = true
		default:
			symbol = true
		}
	}
	return letters >= 2 && digits >= 1 && (symbol || upper && lower)
}

func appendIf(dst []Finding, f Finding, ok bool) []Finding {
	if ok {
		return append(dst, f)
	}
	return dst
}

// proseStrong handles "my password for the wifi is hunter2": a cue word
// (is, ist, es, est …) or a colon within a few words introduces the value;
// before a cue, a password-shaped token is taken as it stands ("network
// Guest password Ch@t0uille12"). After a cue, a value of plain words is taken
// too when it ends the sentence ("my password is sunshine"), and in a speech
// transcript the words that spell it out ("sunflower two two four").
func proseStrong(dst []Finding, in Input, from, resume int) ([]Finding, int) {
	text := in.Text
	if from > 0 && inSet(&clauseEnd, text[from-1]) {
		// "reset my password? The screen resolution is 1170x2532": the
		// next sentence is about something else.
		return shapedNext(dst, text, from, resume)
	}
	if proseQuiet(text, from) {
		return dst, resume
	}
	return proseWalk(dst, in, from, resume)
}

// proseWalk is proseStrong's walk over the words after the password word.
func proseWalk(dst []Finding, in Input, from, resume int) ([]Finding, int) {
	text := in.Text
	p := from
	stray := false // a word other than passwordFillers stands before the cue
	for range 6 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			return dst, resume
		}
		w := text[ws:we]
		if w[len(w)-1] == ':' {
			f, ve, ok := valueAt(text, skipBlank(text, we), termStrong, -1, true, 0)
			return appendIf(dst, f, ok), max(resume, ve)
		}
		if otherValueNoun(w) {
			// "never share your password with anyone, my email is …": the
			// value after the cue is that other thing's.
			return dst, resume
		}
		if isCue(w) {
			vp := skipHesitations(text, skipBlank(text, we))
			if stray {
				// "password with anyone a list is mutable": the cue's subject is
				// another noun; only a password-shaped value counts.
				return shapedNext(dst, text, vp, resume)
			}
			f, ve, ok := valueAt(text, vp, termStrong, -1, false, 0)
			if ok && notPasswordValue(text[f.Start:f.End]) {
				return dst, max(resume, ve)
			}
			if !ok {
				f, ve, ok = plainPassword(in, vp)
			}
			return appendIf(dst, f, ok), max(resume, ve)
		}
		if !passwordFiller(w) {
			stray = true
		}
		if vs, ve := trimValue(text, ws, we); strongShape(text[vs:ve]) && !notPasswordValue(text[vs:ve]) {
			f := Finding{Kind: KindSecret, Start: vs, End: ve, Confidence: 0.7, Rule: "generic-password"}
			return append(dst, f), max(resume, ve)
		}
		if w[len(w)-1] == '.' || w[len(w)-1] == '?' || w[len(w)-1] == '!' {
			return dst, resume
		}
		p = we
	}
	return dst, resume
}

// proseQuiet reports whether proseStrong's walk from p certainly finds
// nothing: the words it reads hold no colon at their end, no cue and no
// digit (which strongShape needs) before the walk stops. Most password
// words in chat ("I forgot my password again") end here, without the
// filler lookups and shape checks of the full walk.
func proseQuiet(text []byte, p int) bool {
	for range 6 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			return true
		}
		w := text[ws:we]
		last := w[len(w)-1]
		if last == ':' {
			return false
		}
		if otherValueNoun(w) {
			return true
		}
		if isCue(w) {
			return false
		}
		var all Class
		for _, c := range w {
			all |= byteClass[c]
		}
		if all&ClassDigit != 0 {
			return false
		}
		if last == '.' || last == '?' || last == '!' {
			return true
		}
		p = we
	}
	return true
}

// otherValueNouns name values that are not the password a prose cue
// announced, in the configured languages.
var otherValueNouns = newWordList(`email e-mail mail username user name number phone address
correo nombre usuario número teléfono dirección courriel nom numéro téléphone adresse
name benutzername nummer telefon adresse nome utente numero telefono indirizzo endereço
naam gebruikersnaam nummer telefoon adres`)

// otherValueNoun reports whether the token w is one of otherValueNouns.
func otherValueNoun(w []byte) bool {
	var buf [maxKeyword]byte
	// A loop over a table, not bytes.TrimRight: a cutset of several bytes
	// builds a set per call, and prose cues call this for every word after
	// them.
	for len(w) > 0 && inSet(&sentenceEnd, w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if len(w) == 0 || len(w) >= 64 || otherValueNouns.lens[lowerASCII(w[0])]&(1<<len(w)) == 0 && w[0] < 0x80 {
		return false
	}
	f, ok := foldWord(buf[:0], w)
	return ok && otherValueNouns.has(f)
}

// plainPassword reads a password of plain words after "my password is": one
// word that ends the sentence in writing; in a speech transcript, the words
// up to the end of the sentence or a remark about them ("all lowercase",
// "with a capital"), number words included ("blue dog ninety nine").
func plainPassword(in Input, p int) (Finding, int, bool) {
	text := in.Text
	ws, we := nextToken(text, p)
	if ws != p || ws == we {
		return Finding{}, p, false
	}
	vs, ve := trimValue(text, ws, we)
	if !plainWord(text[vs:ve]) || functionWord(text[vs:ve]) {
		return Finding{}, we, false
	}
	end := ve
	if in.Spoken {
		// Words follow while the last one was not cut short by punctuation.
		for words, at := 1, we; words < 8 && end == at; words++ {
			ns, ne := nextToken(text, at)
			if ns == ne || lineBreakBetween(text, at, ns) {
				break
			}
			nvs, nve := trimValue(text, ns, ne)
			w := text[nvs:nve]
			if connector(w) && nve == ne {
				// "noventa y nueve": a connector joins number words only.
				as, ae := nextToken(text, ne)
				if as == ae || !numberWordAt(text[as:ae]) {
					break
				}
				end, at = ne, ne
				continue
			}
			if !plainWord(w) && !numberWordAt(w) || passwordRemark(w) || functionWord(w) {
				break
			}
			end, at = nve, ne
		}
	} else if ve == we {
		// In writing, the value must end the sentence: "my password is
		// sunshine", not "my password is sunshine and …".
		if ns, ne := nextToken(text, we); ns != ne && !lineBreakBetween(text, we, ns) {
			return Finding{}, we, false
		}
	}
	return Finding{Kind: KindSecret, Start: vs, End: end, Confidence: 0.6, Rule: "plain-password"}, end, true
}

// plainWord reports a word that may be (part of) a password said or typed
// in words: letters only, 3 to 32 bytes, and no word that describes a
// password rather than being one ("wrong", "expired", "abgelaufen" …).
func plainWord(w []byte) bool {
	if len(w) < 3 || len(w) > 32 || stopword(w) || passwordRemark(w) {
		return false
	}
	for _, c := range w {
		if byteClass[c]&ClassLetter == 0 && c != '-' && c != '\'' {
			return false
		}
	}
	return true
}

// numberWordAt reports a spoken number word in any configured language.
func numberWordAt(w []byte) bool {
	if len(w) > 32 {
		return false
	}
	var buf [32]byte
	l := buf[:len(w)]
	for i, c := range w {
		l[i] = lowerASCII(c)
	}
	if numberWordIndex.has(l) {
		return true
	}
	_, ok := frenchCompound(l)
	return ok
}

// connector reports the words that join number words: "ninety and nine",
// "noventa y nueve", "noventa e nove", "dreiundzwanzig" needs none.
func connector(w []byte) bool {
	switch string(w) {
	case "y", "e", "and", "und", "et", "en":
		return true
	}
	return false
}

// passwordRemark reports words that describe a password instead of being
// part of it, in the configured languages; a spoken password ends before
// them ("blue dog ninety nine all lowercase").
func passwordRemark(w []byte) bool {
	if len(w) > 20 {
		return false
	}
	var buf [20]byte
	l := buf[:len(w)]
	for i, c := range w {
		l[i] = lowerASCII(c)
	}
	switch string(l) {
	case "all", "with", "without", "but", "please", "thanks", "thank", "lowercase", "uppercase", "capital", "capitals",
		"no", "not", "wait", "sorry", "okay", "ok", "right", "then", "because", "which", "that", "being", "getting",
		"weak", "strong", "long", "short", "simple", "easy", "secure", "safe", "correct", "fine", "good", "bad",
		"different", "saved", "stored", "encrypted", "hashed", "case", "sensitive", "needed", "mandatory",
		"compromised", "leaked", "locked", "blocked", "rejected", "accepted", "working", "now", "already", "updated",
		"new", "old", "temporary", "valid", "letters", "characters", "digits", "numbers",
		"alles", "mit", "ohne", "aber", "bitte", "danke", "klein", "kleingeschrieben", "groß", "nicht", "falsch",
		"richtig", "abgelaufen", "gesperrt", "neu", "alt", "zu", "schon", "noch", "geändert",
		"todo", "todas", "con", "sin", "pero", "por", "gracias", "minúsculas", "mayúsculas", "incorrecta", "incorrecto",
		"correcta", "nueva", "caducada", "bloqueada", "muy", "demasiado", "mal",
		"tout", "avec", "sans", "mais", "merci", "minuscules", "majuscules", "faux", "fausse", "bon", "nouveau",
		"expiré", "bloqué", "trop", "pas", "déjà", "encore",
		"tutto", "senza", "grazie", "minuscolo", "minuscole", "maiuscole", "sbagliata", "errata", "giusta", "nuova",
		"scaduta", "bloccata", "troppo", "già", "ancora",
		"tudo", "com", "sem", "mas", "obrigado", "obrigada", "minúsculo", "errada", "incorreta",
		"nova", "expirada", "muito", "já", "ainda",
		"alle", "met", "zonder", "maar", "bedankt", "kleine", "fout", "onjuist", "nieuw", "verlopen",
		"geblokkeerd", "te", "niet", "nog":
		return true
	}
	return false
}

// proseWeak handles "my api key is 3f9a…": a random-looking token within the
// next few words.
func proseWeak(dst []Finding, text []byte, from, prov, resume int) ([]Finding, int) {
	p := from
	for range 4 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			return dst, resume
		}
		if f, ve, ok := valueAt(text, ws, termWeak, prov, false, 0); ok {
			return append(dst, f), max(resume, ve)
		}
		p = we
	}
	return dst, resume
}

// cueWords introduce the value after a prose credential cue, compared
// exactly: "is", "ist", "est", "c'est" …
var cueWords = newWordList(`is was = - -> ist war lautet es era est était é er är jest is: are será sera è c'est c’est it's it’s heißt sind son sono são zijn was: es: est:`)

// isCue reports whether the token w is one of cueWords.
func isCue(w []byte) bool { return cueWords.has(w) }

// byteSet is a set of bytes, read with inSet: the trailing punctuation
// sets below are tested for every word after a credential cue, where a
// table read beats bytes.IndexByte over a short string.
type byteSet [256]bool

// newByteSet returns the set of the bytes of s.
func newByteSet(s string) (t byteSet) {
	for i := range len(s) {
		t[s[i]] = true
	}
	return t
}

func inSet(t *byteSet, c byte) bool { return t[c] }

// Trailing punctuation that trimValue (valueEndQ), valueAt (valueEnd),
// trimPunct (punctEnd) and otherValueNoun (sentenceEnd) drop; read-only.
var (
	valueEndQ   = newByteSet(".,;:)]}\"'`?")
	valueEnd    = newByteSet(".,;:)]}\"'`")
	punctEnd    = newByteSet(".,;:)]}\"'")
	sentenceEnd = newByteSet(",.:;!?")
)

func lineBreakBetween(text []byte, a, b int) bool { return bytes.IndexByte(text[a:b], '\n') >= 0 }

func skipBlank(text []byte, p int) int {
	for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	return p
}

// skipSep skips a separator (=, :, :=, =>, ::) at p and the blanks after it.
func skipSep(text []byte, p int) int {
	for p < len(text) && (text[p] == '=' || text[p] == ':' || text[p] == '>') {
		p++
	}
	return skipBlank(text, p)
}

// nameBefore returns the identifier ending at end (before an optional
// closing quote): letters, digits, _, -, . and non-ASCII letters.
func nameBefore(text []byte, start, end int) (int, int) {
	if end > start && (text[end-1] == '"' || text[end-1] == '\'') {
		end--
	}
	s := end
	for s > start {
		c := text[s-1]
		if csOf[c]&(csAlnum|csUnderscore|csDash|csDot) == 0 && c < 0x80 {
			break
		}
		s--
	}
	return s, end
}

func trimPunct(b []byte) []byte {
	for len(b) > 0 && inSet(&punctEnd, b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// termWords are the credential words looked for inside a name, indexed by
// first byte so that a name costs one table read per byte; read-only.
var termWords = func() (t [256][]termWord) {
	strong := []string{"passw", "pwd", "passphrase", "passcode", "contraseña", "contrasena", "kennwort", "motdepasse",
		"mot_de_passe", "senha", "wachtwoord", "lösenord", "losenord", "hasło", "haslo", "heslo", "пароль", "salasana",
		"adgangskode", "passord", "jelszó", "jelszo", "şifre", "sifre"}
	weak := []string{"secret", "token", "apikey", "api_key", "api-key", "auth", "credential", "clave", "privatekey",
		"private_key", "accesskey", "access_key", "conn_str", "connectionstring", "connection_string", "dsn"}
	for _, w := range strong {
		t[w[0]] = append(t[w[0]], termWord{w, termStrong})
	}
	for _, w := range weak {
		t[w[0]] = append(t[w[0]], termWord{w, termWeak})
	}
	return t
}()

type termWord struct {
	word string
	term term
}

// wordIndex lists words by one of their bytes (first or last), so that a
// name is searched for a whole list in one pass.
type wordIndex [256][]int16

func indexWords(words []string, last bool) *wordIndex {
	var x wordIndex
	for i, w := range words {
		b := w[0]
		if last {
			b = w[len(w)-1]
		}
		x[b] = append(x[b], int16(i))
	}
	return &x
}

// findWord returns the index of the first word of words (indexed by first
// byte in x) found in n, or -1.
func findWord(n []byte, words []string, x *wordIndex) int {
	for i, c := range n {
		for _, wi := range x[c] {
			if hasAt(n, i, words[wi]) {
				return int(wi)
			}
		}
	}
	return -1
}

var (
	// excludedNames mark fields about a credential rather than holding one,
	// by their ending.
	excludedNames = []string{"id", "name", "type", "url", "uri", "path", "file", "dir", "len", "length", "size", "count",
		"policy", "hint", "expires", "expiry", "expiration", "field", "label", "prompt", "format", "mode", "endpoint",
		"version", "ttl", "timeout", "method", "provider", "strength", "required", "min", "max", "limit", "usage", "index",
		"pattern", "regex", "rotation", "enabled", "arn", "fingerprint", "tokens", "reset", "manager", "hash_algorithm"}
	excludedNamesIdx = indexWords(excludedNames, true)
	// excludedInfix mark names that contain a credential word by accident.
	excludedInfix = []string{"public", "publishable", "keyword", "keyboard", "secretar", "tokeniz", "bypass", "compass",
		"monkey", "turkey", "donkey", "hotkey", "primary_key", "primarykey", "foreign", "sort_key", "partition_key",
		"idempotency", "cache_key", "author"}
	excludedInfixIdx = indexWords(excludedInfix, false)
)

// hasAt reports whether n holds w at i.
func hasAt(n []byte, i int, w string) bool {
	return len(n)-i >= len(w) && string(n[i:i+len(w)]) == w
}

func containsStr(n []byte, w string) bool {
	for i := range n {
		if n[i] == w[0] && hasAt(n, i, w) {
			return true
		}
	}
	return false
}

func hasSuffixStr(n []byte, w string) bool { return len(n) >= len(w) && string(n[len(n)-len(w):]) == w }

// classifyName says whether a field or variable name implies a credential
// value, and which provider (an index in secretProviders, or -1) it names.
func classifyName(name []byte) (term, int) {
	if len(name) > 64 {
		return termNone, -1
	}
	var buf [64]byte
	n := buf[:len(name)]
	for i, c := range name {
		n[i] = lowerASCII(c)
	}
	if c, ok := keywordClasses.get(n); ok {
		return c.t, c.prov
	}
	return classifyLower(name, n)
}

// classifyWord is classifyName and contextName of the same word w, with
// one lower-casing and one lookup when w is a keyword.
func classifyWord(w []byte) (term, int, int) {
	if len(w) > 64 {
		return termNone, -1, ctxNone
	}
	var buf [64]byte
	n := buf[:len(w)]
	for i, c := range w {
		n[i] = lowerASCII(c)
	}
	if c, ok := keywordClasses.get(n); ok {
		return c.t, c.prov, c.ctx
	}
	// Every context name is a keyword: another word has none.
	t, prov := classifyLower(w, n)
	return t, prov, ctxNone
}

// nameClass is what classifyName and contextName return for a keyword.
type nameClass struct {
	t    term
	prov int
	ctx  int
}

// keywordClasses holds classifyName's and contextName's answers for each of
// secretKeywords, the names that wake SecretAssignment most often in prose
// ("I forgot my password"); read-only after construction. Their answer does
// not depend on their case.
var keywordClasses = func() *wordMap[nameClass] {
	m := &wordMap[nameClass]{}
	for _, kw := range secretKeywords {
		t, prov := classifyLower([]byte(kw), []byte(kw))
		ctx, _ := contextNames.get([]byte(kw))
		m.set(kw, nameClass{t, prov, ctx})
	}
	return m
}()

// classifyLower is classifyName for name and n, its ASCII lower-case form.
func classifyLower(name, n []byte) (term, int) {
	switch string(n) {
	case "mot":
		return termMot, -1
	case "bearer", "basic":
		return termBearer, -1
	case "pass", "pw", "mdp":
		return termStrong, -1
	case "key", "api":
		return termWeak, -1
	}
	t := termNone
	for i, c := range n {
		for _, w := range termWords[c] {
			if w.term > t && i+1 < len(n) && n[i+1] == w.word[1] && hasAt(n, i, w.word) && (w.word != "auth" || !hasAt(n, i, "author") || hasAt(n, i, "authoriz")) {
				t = w.term
			}
		}
	}
	if t == termNone && hasSuffixStr(n, "pass") {
		t = termStrong
	}
	if k := len(n) - 3; t == termNone && k > 0 && (hasSuffixStr(n, "key") || hasSuffixStr(n, "keys")) {
		if p := name[k-1]; p == '_' || p == '-' || p == '.' || name[k] == 'K' || hasSuffixStr(n, "apikey") || hasSuffixStr(n, "secretkey") {
			t = termWeak
		}
	}
	if t == termNone {
		return termNone, -1
	}
	for _, xi := range excludedNamesIdx[n[len(n)-1]] {
		if hasSuffixStr(n, excludedNames[xi]) {
			return termNone, -1
		}
	}
	if xi := findWord(n, excludedInfix, excludedInfixIdx); xi >= 0 && (excludedInfix[xi] != "author" || !containsStr(n, "authoriz")) {
		return termNone, -1
	}
	return t, findWord(n, providerWords, providerIdx)
}

// secretProvider names a provider whose keys lack a prefix: gitleaks finds
// them by a provider word in the variable name and the value's shape.
type secretProvider struct {
	word, id string
	set      charset
	min, max int
	uuid     bool
}

var (
	providerWords = func() []string {
		ws := make([]string, len(secretProviders))
		for i, p := range secretProviders {
			ws[i] = p.word
		}
		return ws
	}()
	providerIdx = indexWords(providerWords, false)
)

var secretProviders = []secretProvider{
	{word: "aws", id: "aws-secret-access-key", set: csB64, min: 40, max: 40},
	{word: "cohere", id: "cohere-api-token", set: csAlnum, min: 40, max: 40},
	{word: "mistral", id: "mistral-api-key", set: csAlnum, min: 32, max: 32},
	{word: "datadog", id: "datadog-access-token", set: csHexL, min: 32, max: 40},
	{word: "dd_api", id: "datadog-access-token", set: csHexL, min: 32, max: 40},
	{word: "dd_app", id: "datadog-access-token", set: csHexL, min: 32, max: 40},
	{word: "heroku", id: "heroku-api-key", uuid: true},
	{word: "twilio", id: "twilio-auth-token", set: csHexL, min: 32, max: 32},
	{word: "mailgun", id: "mailgun-signing-key", set: csHexL | csDash, min: 32, max: 50},
	{word: "postmark", id: "postmark-server-token", uuid: true},
	{word: "netlify", id: "netlify-access-token", set: csURLSafe | csEqual, min: 40, max: 46},
	{word: "cloudflare", id: "cloudflare-api-key", set: csURLSafe, min: 37, max: 40},
	{word: "algolia", id: "algolia-api-key", set: csHexL, min: 32, max: 32},
	{word: "sentry", id: "sentry-access-token", set: csHexL, min: 64, max: 64},
	{word: "okta", id: "okta-access-token", set: csURLSafe | csEqual, min: 42, max: 42},
	{word: "discord", id: "discord-client-secret", set: csURLSafe, min: 32, max: 32},
	{word: "deepgram", id: "deepgram-api-key", set: csHexL, min: 40, max: 40},
	{word: "together", id: "together-api-key", set: csHexL, min: 64, max: 64},
	{word: "wandb", id: "wandb-api-key", set: csHexL, min: 40, max: 40},
	{word: "azure", id: "azure-devops-pat", set: csLoAlnum, min: 52, max: 52},
	{word: "snyk", id: "snyk-api-token", uuid: true},
	{word: "hubspot", id: "hubspot-api-key", uuid: true},
	{word: "assemblyai", id: "assemblyai-api-key", set: csHexL, min: 32, max: 32},
	{word: "elevenlabs", id: "elevenlabs-api-key", set: csHexL, min: 32, max: 32},
	{word: "atlassian", id: "atlassian-api-token", set: csAlnum, min: 24, max: 24},
	{word: "jira", id: "atlassian-api-token", set: csAlnum, min: 24, max: 24},
	{word: "bitbucket", id: "bitbucket-client-secret", set: csURLSafe, min: 64, max: 64},
	{word: "gitter", id: "gitter-access-token", set: csURLSafe, min: 40, max: 40},
	{word: "trello", id: "trello-access-token", set: csAlnum, min: 32, max: 32},
	{word: "twitch", id: "twitch-api-token", set: csLoAlnum, min: 30, max: 30},
	{word: "zendesk", id: "zendesk-secret-key", set: csAlnum, min: 40, max: 40},
	{word: "launchdarkly", id: "launchdarkly-access-token", set: csURLSafe, min: 40, max: 40},
	{word: "contentful", id: "contentful-delivery-api-token", set: csURLSafe | csEqual, min: 43, max: 43},
	{word: "fastly", id: "fastly-api-token", set: csURLSafe | csEqual, min: 32, max: 32},
	{word: "pagerduty", id: "pagerduty-api-key", set: csURLSafe | csPlus, min: 20, max: 20},
	{word: "circleci", id: "circleci-api-token", set: csHexL, min: 40, max: 40},
	{word: "sonar", id: "sonar-api-token", set: csAlnum | csUnderscore, min: 40, max: 44},
	{word: "voyage", id: "voyage-api-key", set: csURLSafe, min: 40, max: 48},
	{word: "fireworks", id: "fireworks-api-key", set: csAlnum | csUnderscore, min: 40, max: 60},
}

// isUUID reports an 8-4-4-4-12 hex string.
func isUUID(v []byte) bool {
	if len(v) != 36 {
		return false
	}
	for i, c := range v {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if csOf[c]&csHex == 0 {
			return false
		}
	}
	return true
}

// valueAt reads the value starting at p: quoted up to its closing quote on
// the same line, else up to white space (or stop, the byte that opened the
// field: & in a query, ; in a connection string), less trailing punctuation.
// explicit is false for prose cues, which ask more of the value.
func valueAt(text []byte, p int, t term, prov int, explicit bool, stop byte) (Finding, int, bool) {
	if p >= len(text) || byteClass[text[p]] == classSpace {
		return Finding{}, p, false
	}
	vs, ve, quoted := p, p, false
	if q := text[p]; q == '"' || q == '\'' || q == '`' {
		lineEnd := min(len(text), p+512)
		if i := bytes.IndexByte(text[p+1:lineEnd], '\n'); i >= 0 {
			lineEnd = p + 1 + i
		}
		if c := bytes.IndexByte(text[p+1:lineEnd], q); c >= 0 {
			vs, ve, quoted = p+1, p+1+c, true
		} else {
			vs = p + 1
		}
	}
	if !quoted {
		switch stop {
		case '"', '{', ',':
			stop = ','
		case '?', '&':
			stop = '&'
		case ';':
		default:
			stop = 0
		}
		ve = vs
		for ve < len(text) && byteClass[text[ve]] != classSpace && (stop == 0 || text[ve] != stop) && !(stop == ',' && text[ve] == '}') {
			ve++
		}
		for ve > vs && inSet(&valueEnd, text[ve-1]) {
			ve--
		}
	}
	v := text[vs:ve]
	// An auth scheme: the credential is the next word.
	if t == termWeak && !quoted && (asciiEqualFold(v, "bearer") || asciiEqualFold(v, "basic") || asciiEqualFold(v, "token")) {
		f, e, ok := valueAt(text, skipBlank(text, ve), termWeak, -1, true, 0)
		f.Rule = "bearer-token"
		if asciiEqualFold(v, "basic") {
			f.Rule = "basic-auth"
		}
		return f, e, ok
	}
	if t == termWeak && !explicit && len(v) < minProseKey {
		// The words after "my api key is …": most are too short to be the
		// key, and turning them away here spares the checks below.
		return Finding{}, ve, false
	}
	f := Finding{Kind: KindSecret, Start: vs, End: ve}
	if len(v) == 0 || placeholderWord(v) || !quoted && codeReference(v) {
		return Finding{}, ve, false
	}
	if prov >= 0 {
		pr := secretProviders[prov]
		if pr.uuid && isUUID(v) || !pr.uuid && len(v) >= pr.min && len(v) <= pr.max && spanOf(v, pr.set, len(v)) == len(v) && !placeholder(v) {
			f.Rule, f.Confidence = pr.id, 0.9
			return f, ve, true
		}
	}
	switch t {
	case termStrong:
		if len(v) < 3 || len(v) > 128 || stopword(v) || placeholder(v) && !quoted || !explicit && !quoted && !passwordLike(v) {
			return Finding{}, ve, false
		}
		f.Rule, f.Confidence = "generic-password", 0.8
		if !explicit {
			f.Confidence = 0.7
		}
		return f, ve, true
	case termWeak:
		// One entropy for both thresholds: a value below 3.0 bits is below 3.5.
		ok := false
		if len(v) <= 4096 && (explicit && len(v) >= 12 || len(v) >= 20) {
			r, uuid := randomnessOf(v), isUUID(v)
			ok = explicit && len(v) >= 12 && (r.atLeast(3.0) || uuid) ||
				len(v) >= 20 && !uuid && r.atLeast(3.5) && !notSecretShape(v)
		}
		if !ok || bytes.Contains(v, []byte("://")) || wordy(v) {
			return Finding{}, ve, false
		}
		f.Rule, f.Confidence = "generic-api-key", 0.8
		return f, ve, true
	}
	return Finding{}, ve, false
}

// minProseKey is the shortest value valueAt takes after a weak prose cue:
// a generic key has 20 bytes or more, a provider's key at least its
// provider's minimum (a UUID 36).
var minProseKey = func() int {
	n := 20
	for _, p := range secretProviders {
		if p.uuid {
			n = min(n, 36)
		} else {
			n = min(n, p.min)
		}
	}
	return n
}()

// codeReference reports values that name where a secret comes from rather
// than being one: os.environ[…], getenv(…), process.env.X.
func codeReference(v []byte) bool {
	return bytes.IndexAny(v, "([{") >= 0 || bytes.HasPrefix(v, []byte("os.environ")) || bytes.HasPrefix(v, []byte("process.env")) ||
		bytes.HasPrefix(v, []byte("ENV[")) || bytes.HasPrefix(v, []byte("env."))
}

// notSecretShape reports values that follow "key" or "token" in prose
// without being secrets: OpenSSH public keys, SHA256: fingerprints, 0x hex
// (addresses, hashes), paths and e-mail addresses.
func notSecretShape(v []byte) bool {
	return bytes.HasPrefix(v, []byte("AAAAB3NzaC1")) || bytes.HasPrefix(v, []byte("AAAAC3NzaC1")) || bytes.HasPrefix(v, []byte("AAAAE2VjZHNh")) ||
		indexFold(v, "sha256:") == 0 || indexFold(v, "sha1:") == 0 || indexFold(v, "md5:") == 0 || indexFold(v, "0x") == 0 ||
		v[0] == '/' || v[0] == '~' || v[0] == '.' || len(v) > 2 && v[1] == ':' && v[2] == '\\' || bytes.IndexByte(v, '@') >= 0
}

// wordy reports values made mostly of words (user_profile_settings_v2,
// cache:user:42:profile): identifiers, not random keys, in which runs of
// four or more lower-case letters holding a vowel are rare.
func wordy(v []byte) bool {
	covered := 0
	for i := 0; i < len(v); {
		j := i
		if csOf[v[j]]&csUpper != 0 {
			j++
		}
		vowel := false
		for j < len(v) && csOf[v[j]]&csLower != 0 {
			switch v[j] {
			case 'a', 'e', 'i', 'o', 'u':
				vowel = true
			}
			j++
		}
		if j-i >= 4 && vowel {
			covered += j - i
		}
		i = max(j, i+1)
	}
	return covered*10 >= len(v)*6
}

// passwordLike asks a value introduced in prose to look like a password: a
// digit, a symbol, or a capital after the first letter. "my password is
// hunter2" passes; "my password is incorrect" does not.
func passwordLike(v []byte) bool {
	for i, c := range v {
		cls := csOf[c]
		if cls&csDigit != 0 || cls == 0 && c < 0x80 || i > 0 && cls&csUpper != 0 {
			return true
		}
	}
	return false
}

// stopword reports words that follow a password cue without being one.
func stopword(v []byte) bool {
	if len(v) > 16 {
		return false
	}
	var buf [16]byte
	w := buf[:len(v)]
	for i, c := range v {
		w[i] = lowerASCII(c)
	}
	switch string(w) {
	case "is", "was", "the", "a", "an", "my", "your", "his", "her", "our", "their", "to", "for", "and", "or", "not", "of",
		"required", "optional", "none", "null", "nil", "empty", "hidden", "redacted", "true", "false", "yes", "no",
		"string", "str", "text", "int", "bool", "here", "below", "above", "same", "incorrect", "wrong", "invalid",
		"expired", "reset", "forgotten", "changed", "protected", "manager", "undefined", "password", "passwort",
		"secret", "token", "pass", "pwd", "ist", "es", "est", "de", "le", "la", "der", "die", "das", "el", "il",
		"ok", "okay", "unknown", "blank", "missing", "set", "unset", "too", "very", "still", "also", "just":
		return true
	}
	return false
}

// clauseEnd holds the bytes that end a sentence on a credential word
// ("reset my password? …"); read-only.
var clauseEnd = newByteSet(".?!")

// shapedNext reports the token at or after p, on the same line, when it is
// shaped like a chosen password (strongShape) and is no other value.
func shapedNext(dst []Finding, text []byte, p, resume int) ([]Finding, int) {
	ws, we := nextToken(text, p)
	if ws == we || lineBreakBetween(text, p, ws) {
		return dst, resume
	}
	vs, ve := trimValue(text, ws, we)
	if v := text[vs:ve]; !strongShape(v) || notPasswordValue(v) {
		return dst, resume
	}
	f := Finding{Kind: KindSecret, Start: vs, End: ve, Confidence: 0.7, Rule: "generic-password"}
	return append(dst, f), max(resume, ve)
}

// passAdjacent handles "pass gullrock2291" and "pass: …": the token right
// after "pass", or after a cue word or separator that follows it, when it
// is password-shaped (passwordToken).
func passAdjacent(dst []Finding, text []byte, from, resume int) ([]Finding, int) {
	ws, we := nextToken(text, from)
	if ws == we || lineBreakBetween(text, from, ws) {
		return dst, resume
	}
	if w := text[ws:we]; isCue(w) || len(w) == 1 && (w[0] == ':' || w[0] == '=') {
		from = we
		if ws, we = nextToken(text, from); ws == we || lineBreakBetween(text, from, ws) {
			return dst, resume
		}
	}
	vs, ve := trimValue(text, ws, we)
	if !passwordToken(text[vs:ve]) {
		return dst, resume
	}
	f := Finding{Kind: KindSecret, Start: vs, End: ve, Confidence: 0.7, Rule: "generic-password"}
	return append(dst, f), max(resume, ve)
}

// passwordToken reports a word that a person chose as a password: 6 to 64
// bytes, two letters and a digit or a symbol, and no number, id or
// address of another kind.
func passwordToken(v []byte) bool {
	if len(v) < 6 || len(v) > 64 || bytes.Contains(v, []byte("://")) || bytes.IndexByte(v, '@') >= 0 {
		return false
	}
	letters, other := 0, 0
	for _, c := range v {
		switch cls := byteClass[c]; {
		case cls&ClassLetter != 0:
			letters++
		case c == '\'' || c == '-':
		default:
			other++
		}
	}
	return letters >= 2 && other >= 1 && !notPasswordValue(v)
}

// notPasswordValue reports values that follow a password cue without being
// a password: amounts and prices ("4.065,00", "€17,90"), versions and build
// numbers ("4.12.0"), screen resolutions ("1170x2532"), UUIDs (request
// ids) and words joined by an apostrophe or a hyphen ("m'appelle").
func notPasswordValue(v []byte) bool {
	if isUUID(v) {
		return true
	}
	letters, digits, seps, other := 0, 0, 0, 0
	for _, c := range v {
		switch cls := byteClass[c]; {
		case cls == ClassDigit:
			digits++
		case cls&ClassLetter != 0:
			letters++
		case c == '.' || c == ',' || c == '\'' || c == '-':
			seps++
		default:
			other++
		}
	}
	switch {
	case digits == 0:
		// Letters joined by an apostrophe or a hyphen: an elided or
		// compound word.
		return other == 0 && seps > 0
	case letters == 0:
		// Digits with separators or a currency sign: an amount or a
		// version; digits alone may be a PIN-like password.
		return seps > 0 || other > 0
	case letters == 1 && other == 0 && (v[0]|0x20 == 'v' || seps == 0 && resolution(v)):
		return true // "v2.3.1", "1170x2532"
	}
	return false
}

// resolution reports digits, 'x' and digits: a screen resolution.
func resolution(v []byte) bool {
	i := bytes.IndexAny(v, "xX")
	return i > 0 && i < len(v)-1 && isDigits(v[:i]) && isDigits(v[i+1:])
}

// networkName reports whether the password-shaped value text[vs:ve] after a
// wifi word names the network: it ends with a band ("Seaview_5G",
// "Casa-2.4G") or a password word follows it ("wifi is "X" pass …").
func networkName(text []byte, vs, ve int) bool {
	v := text[vs:ve]
	for _, band := range [...]string{"5g", "2g", "2.4g", "5ghz", "2.4ghz", "ext", "guest"} {
		if n := len(v) - len(band); n > 0 && (v[n-1] == '_' || v[n-1] == '-') && asciiEqualFold(v[n:], band) {
			return true
		}
	}
	p := ve
	for range 3 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			return false
		}
		var buf [16]byte
		if f, ok := foldWord(buf[:0], trimPunct(text[ws:we])); ok && passwordWords.has(f) {
			return true
		}
		p = we
	}
	return false
}

// passwordWords are the words for a password in the configured languages,
// folded, shorthands included.
var passwordWords = newWordList(`password passwort kennwort pass pw pwd mdp clave contraseña contrasena senha
wachtwoord passe`)

// afterUser returns where the password of a "user/password" pair starts
// ("deploy/Stroopwafel!9x" after ssh or login), or vs when text[vs:ve] is
// not one.
func afterUser(text []byte, vs, ve int) int {
	k := bytes.IndexByte(text[vs:ve], '/')
	if k < 2 || k > 32 || byteClass[text[vs]]&ClassLetter == 0 || !strongShape(text[vs+k+1:ve]) {
		return vs
	}
	for _, c := range text[vs : vs+k] {
		if byteClass[c]&(ClassLower|ClassDigit) == 0 && c != '.' && c != '_' && c != '-' {
			return vs
		}
	}
	return vs + k + 1
}

// passwordFillers may stand between a password word and the cue before its
// value ("my password for the wifi is …", "la contraseña de mi cuenta es
// …"); any other word means the cue's subject is something else.
var passwordFillers = newWordList(`for the my your our of to on at wifi wi-fi wlan account router new old current
temporary temp admin login app email mail server network guest portal database db laptop computer phone office
home work now just still then so um uh actually
de del la el mi tu su para nueva nuevo red cuenta correo actual ahora
du le mon ma pour nouveau nouvel nouvelle compte réseau actuel alors euh
für das den die der des dem mein meine meines vom zum neue neues aktuelle jetzt also äh
di della dello il lo mia mio per nuova rete attuale adesso ora allora
do da o a minha meu nova rede conta atual agora então
van het mijn voor nieuwe netwerk huidige nu dus`)

// passwordFiller reports whether the token w is one of passwordFillers.
func passwordFiller(w []byte) bool {
	var buf [32]byte
	f, ok := foldWord(buf[:0], trimPunct(w))
	return ok && passwordFillers.has(f)
}

// functionWords are pronouns, articles, auxiliaries, prepositions and
// conjunctions of three letters or more in the configured languages: no
// password said in words starts with one ("reset my password is there a
// discount").
var functionWords = newWordList(`there here this that these those what which who whom when where why how they them
their you your yours she her him his its our ours are was were been being have has had does did can could will would
shall should may might must not but and for from with about into onto over under just also very really still like
because while then than gonna wanna going want need help please thanks anyone someone something anything
ese esa esto eso este esta estos estas que qué quien cual cuando donde como cómo porque pero para por con sin sobre
muy también todavía ayuda hay ser estar tengo tiene quiero puedo puede
les des une est sont était qui quoi quand comment pourquoi mais pour avec sans sur dans très aussi encore
voudrais veux peux pouvez aide appelle
der die das den dem des ein eine einen einem einer ist sind war wer was wann wie warum aber für mit ohne auf
sehr auch noch hilfe kann können möchte
che chi cosa quando dove come perché però per con senza sui nel della delle degli sono era molto anche ancora
vorrei posso può aiuto
que quem qual quando onde como porque mas para por com sem sobre muito também ainda ajuda quero posso pode
het een zijn waren wie wat wanneer waar hoe waarom maar voor met zonder over zeer ook nog hulp kan kunnen wil
deze dit dat die`)

// functionWord reports whether w is one of functionWords.
func functionWord(w []byte) bool {
	var buf [32]byte
	f, ok := foldWord(buf[:0], w)
	return ok && functionWords.has(f)
}

// hesitations are the words people say before a value ("my password is
// like um hunter two"), in the configured languages, folded.
var hesitations = newWordList(`um uh like er erm hmm eh euh ehm äh ähm tipo pues bueno alors ben also nou
dus sabe né`)

// skipHesitations returns the offset of the first token at or after p that
// is not one of hesitations, on the same line; at most three are skipped.
func skipHesitations(text []byte, p int) int {
	for range 3 {
		ws, we := nextToken(text, p)
		if ws == we || lineBreakBetween(text, p, ws) {
			return p
		}
		var buf [16]byte
		f, ok := foldWord(buf[:0], trimPunct(text[ws:we]))
		if !ok || !hesitations.has(f) {
			return p
		}
		p = skipBlank(text, we)
	}
	return p
}
