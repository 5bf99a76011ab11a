package detectors

import (
	"bytes"
	"unicode/utf8"
)

// Email finds e-mail addresses: dot-atom local parts with "+tags", any depth
// of subdomains, internationalized local parts and domains (UTF-8 or punycode
// "xn--" labels), with trailing sentence punctuation left out of the span.
// Quoted local parts are not supported, nor are scripts written without
// spaces (Chinese, Japanese, Thai) inside the address, so an address glued to
// such text is still found.
//
// It does not report: image names ("icon@2x.png", any domain ending in a file
// extension or starting with a "2x"-style scale label), @mentions and npm
// scopes (no local part), versions pinned with @ ("lodash@4.17.21"), hosts
// without a dot ("root@localhost", shell prompts "anna@laptop:~$"), and SSH
// remotes of a forge's shared "git" account ("git@github.com:org/repo"),
// which name no person. Other "user@host:path" remotes are reported as the
// address "user@host", since the user may be a person.
//
// Value is the address lower-cased; Confidence is 0.95 when the top-level
// domain is a known one and 0.8 otherwise.
var Email = Detector{
	Name:    "email",
	Kind:    KindEmail,
	Trigger: Trigger{All: ClassAt, MinLen: 6},
	Find:    findEmail,
}

func findEmail(dst []Finding, in Input, tok Token) ([]Finding, int) {
	t := in.Text
	for p := tok.Start; p < tok.End; {
		i := bytes.IndexByte(t[p:tok.End], '@')
		if i < 0 {
			break
		}
		at := p + i
		p = at + 1
		ls, ok := localStart(t, tok.Start, at)
		if !ok {
			continue
		}
		de := trimDomain(t, at+1, domainEnd(t, at+1, tok.End))
		dom := t[at+1 : de]
		tld, ok := checkDomain(dom)
		if !ok || imageDomain(dom, dom[tld:]) {
			continue
		}
		p = de
		if gitRemote(t, ls, at, de, tok.End) || inURLAuthority(t, tok.Start, ls) || placeholderEmail(t[ls:at], dom) {
			continue
		}
		f := Finding{Kind: KindEmail, Start: ls, End: de, Confidence: 0.8, Rule: "email"}
		if knownTLD(dom[tld:]) {
			f.Confidence = 0.95
		}
		if needsLower(t[ls:de]) {
			f.Value = bytes.ToLower(t[ls:de])
		}
		dst = append(dst, f)
	}
	return dst, tok.End
}

// localStart returns the start of the local part ending before the '@' at
// at, scanning back no further than lo; ok is false when there is none or it
// is malformed (empty, over 64 bytes, ending in a dot).
func localStart(t []byte, lo, at int) (int, bool) {
	i := at
	for i > lo {
		c := t[i-1]
		if c < utf8.RuneSelf {
			if c == '.' && i-2 >= lo && t[i-2] == '.' {
				break
			}
			if isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
				i--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRune(t[lo:i])
		if !idnRune(r) {
			break
		}
		i -= n
	}
	for i < at && (t[i] == '.' || t[i] == '+' || t[i] == '-') {
		i++
	}
	if i == at || at-i > 64 || t[at-1] == '.' {
		return 0, false
	}
	return i, true
}

// imageDomain reports whether an apparent domain is an image or file name
// ("icon@2x.png", "photo@home.jpg"): a file-extension TLD or a scale label.
func imageDomain(dom, tld []byte) bool {
	var buf [24]byte
	if l, ok := lowerShort(&buf, tld); ok {
		switch string(l) {
		case "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "heic", "avif",
			"pdf", "mp3", "mp4", "mov", "avi", "wav", "css", "js", "ts", "json", "xml", "yml", "yaml",
			"txt", "html", "htm", "php", "java", "kt", "swift", "zip", "tar", "rar", "exe", "dll", "lock":
			return true
		}
	}
	// "2x", "3x": retina scale suffixes, whatever the extension.
	i := 0
	for i < len(dom) && byteClass[dom[i]] == ClassDigit {
		i++
	}
	return i > 0 && i+1 < len(dom) && dom[i]|0x20 == 'x' && dom[i+1] == '.'
}

// gitRemote reports whether the address is the shared "git" account of an
// SSH remote, "git@host:path".
func gitRemote(t []byte, ls, at, de, lim int) bool {
	if at-ls != 3 || t[ls]|0x20 != 'g' || t[ls+1]|0x20 != 'i' || t[ls+2]|0x20 != 't' {
		return false
	}
	return de+1 < lim && t[de] == ':' && (isASCIIAlnum(t[de+1]) || t[de+1] == '/' || t[de+1] == '~' || t[de+1] == '_')
}

// needsLower reports whether b has upper-case ASCII or any non-ASCII byte
// (which may be upper-case).
func needsLower(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf || byteClass[c] == ClassUpper {
			return true
		}
	}
	return false
}

// inURLAuthority reports whether offset ls lies in the authority of a URL
// that starts earlier in the token: "postgres://app:pa#ss@db.example.com" holds
// a password and a host, no e-mail address.
func inURLAuthority(t []byte, lo, ls int) bool {
	i := bytes.LastIndex(t[lo:ls], []byte("://"))
	return i >= 0 && bytes.IndexByte(t[lo+i+3:ls], '/') < 0
}

// placeholderEmail reports the stand-in addresses of documentation and forms
// ("user@example.com", "you@yourdomain.com"): a generic local part at a
// reserved or generic domain.
func placeholderEmail(local, dom []byte) bool {
	var lb, db [24]byte
	l, ok1 := lowerShort(&lb, local)
	d, ok2 := lowerShort(&db, dom)
	if !ok1 || !ok2 {
		return false
	}
	switch string(d) {
	case "example.com", "example.org", "example.net", "domain.com", "yourdomain.com", "email.com", "company.com":
	default:
		return false
	}
	switch string(l) {
	case "user", "username", "name", "email", "you", "yourname", "your.name", "youremail", "your.email", "someone",
		"somebody", "foo", "bar", "xxx", "address", "mail":
		return true
	}
	return false
}
