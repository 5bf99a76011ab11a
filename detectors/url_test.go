package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestURLTruePositives(t *testing.T) {
	runNetCases(t, []Detector{URL}, []netCase{
		{"sentence end trimmed", "see ⟦https://example.com/docs⟧.", []string{"https://example.com/docs"}},
		{"scheme and host lower-cased", "⟦HTTPS://Example.COM/Path⟧", []string{"https://example.com/Path"}},
		{"credentials stripped", "⟦https://anna:s3cret@example.com/x⟧", []string{"https://example.com/x"}},
		{"token param emptied", "⟦https://example.com/reset?token=abc123&lang=en⟧", []string{"https://example.com/reset?token=&lang=en"}},
		{"bare domain with path", "go to ⟦example.com/reset?token=8f14e45fceea167a⟧ now", []string{"example.com/reset?token="}},
		{"www host", "⟦www.example.org⟧, or", []string{"www.example.org"}},
		{"www upper case", "⟦WWW.Example.com⟧", []string{"www.example.com"}},
		{"balanced parentheses kept", "(see ⟦https://en.wikipedia.org/wiki/Foo_(bar)⟧).", []string{"https://en.wikipedia.org/wiki/Foo_(bar)"}},
		{"fragment dropped", "⟦https://example.com/a#access_token=xyz⟧", []string{"https://example.com/a"}},
		{"random path segment emptied", "⟦https://example.com/users/8f14e45fceea167a5a36dedd4bea2543/profile⟧", []string{"https://example.com/users//profile"}},
		{"encoded email value emptied", "⟦https://example.com/?utm_source=news&e=anna%40example.com⟧", []string{"https://example.com/?utm_source=news&e="}},
		{"identifying-looking value emptied", "⟦https://example.com/track?ref=15551234567⟧", []string{"https://example.com/track?ref="}},
		{"ip host and port", "⟦http://192.0.2.10:8080/status⟧", []string{"http://192.0.2.10:8080/status"}},
		{"ftp", "⟦ftp://files.example.net/pub/file.tar.gz⟧", []string{"ftp://files.example.net/pub/file.tar.gz"}},
		{"websocket", "⟦wss://chat.example.com/socket⟧", []string{"wss://chat.example.com/socket"}},
		{"port", "⟦https://example.com:8443/⟧!", []string{"https://example.com:8443/"}},
		{"question mark after host", "have you seen ⟦https://example.com⟧?", []string{"https://example.com"}},
		{"question mark after path", "is it ⟦https://example.com/a?b=1⟧?!", []string{"https://example.com/a?b=1"}},
		{"german", "Hier ist der Link: ⟦https://example.de/passwort-zuruecksetzen?code=492817⟧!", []string{"https://example.de/passwort-zuruecksetzen?code="}},
		{"double quotes", `"⟦https://example.com/a⟧"`, []string{"https://example.com/a"}},
		{"glued to chinese", "链接⟦https://example.com/a⟧。谢谢", []string{"https://example.com/a"}},
		{"unicode path", "⟦https://de.wikipedia.org/wiki/Müller⟧", []string{"https://de.wikipedia.org/wiki/Müller"}},
		{"two urls", "⟦https://a.example.com⟧ and ⟦www.example.net/x⟧?", []string{"https://a.example.com", "www.example.net/x"}},
		{"after equals", "redirect=⟦https://example.com/next⟧", []string{"https://example.com/next"}},
		{"unknown tld with scheme", "⟦https://wiki.corp.internal/page⟧", []string{"https://wiki.corp.internal/page"}},
		{"slug kept", "⟦https://example.com/blog/how-to-reset-your-password-in-2024⟧", []string{"https://example.com/blog/how-to-reset-your-password-in-2024"}},
	})
}

func TestURLTrueNegatives(t *testing.T) {
	runNetCases(t, []Detector{URL}, []netCase{
		{"english", "ok. see you tomorrow. pros/cons later.", nil},
		{"german", "Ich komme um 10.30 Uhr. Danke.", nil},
		{"spanish", "Llego a las 8.15, ¿vale? Sí/no.", nil},
		{"chinese", "我们明天见。价格是12.50元。", nil},
		{"french", "c'est 4.5/5 étoiles, vraiment top.", nil},
	})
}

func TestURLNearMisses(t *testing.T) {
	runNetCases(t, []Detector{URL}, []netCase{
		{"and/or", "and/or.", nil},
		{"abbreviations", "e.g./i.e. and U.S./Canada", nil},
		{"rating", "4.5/5 stars", nil},
		{"file path with ccTLD extension", "see utils.py/docs and notes.md/old", nil},
		{"localhost", "http://localhost:3000/api", nil},
		{"no dot in host", "https://intranet/wiki", nil},
		{"www without tld", "www.example", nil},
		{"unknown tld without scheme", "example.zz/path", nil},
		{"bare domain without path", "example.com is great", nil},
		{"file scheme", "file:///etc/hosts.txt", nil},
		{"versions", "Version 2.0/3.1", nil},
		{"glued to a word", "foo/bar.com/x", nil},
		{"bare ip network", "192.0.2.0/24", nil},
		{"router page", "open http://192.168.1.254/admin or http://10.0.0.1", nil},
		{"loopback literal", "curl http://[::1]:8080/health", nil},
	})
}

func TestSplitURL(t *testing.T) {
	tests := []struct {
		name     string
		give     string
		wantHost string
		wantOK   bool
	}{
		{"scheme", "https://example.com/a?b=c", "example.com", true},
		{"userinfo and port", "https://anna:pw@Example.com:8443/x", "Example.com", true},
		{"ipv6 literal", "http://[2001:db8::1]:80/", "2001:db8::1", true},
		{"www", "www.example.org/x", "www.example.org", true},
		{"bare", "example.com/reset?token=", "example.com", true},
		{"not a url", "hello world", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			host, ok := SplitURL([]byte(tt.give))
			got := [2]any{string(host), ok}
			if diff := cmp.Diff([2]any{tt.wantHost, tt.wantOK}, got); diff != "" {
				t.Errorf("SplitURL(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func BenchmarkURL_256(b *testing.B)     { benchNet(b, URL, netChat(256)) }
func BenchmarkURL_4K(b *testing.B)      { benchNet(b, URL, netChat(4<<10)) }
func BenchmarkURL_64K(b *testing.B)     { benchNet(b, URL, netChat(64<<10)) }
func BenchmarkURL_Hits_4K(b *testing.B) { benchNet(b, URL, netChatWithHits(4<<10)) }

// TestNetOverlaps runs the four network detectors together: the longer URL
// wins over the address or e-mail inside it, and its Value drops them.
func TestNetOverlaps(t *testing.T) {
	runNetCases(t, []Detector{Email, URL, IPAddress, MACAddress}, []netCase{
		{"email in query", "⟦https://example.com/?email=anna@example.com⟧", []string{"https://example.com/?email="}},
		{"credentials look like email", "⟦https://anna:pw@example.com/x⟧", []string{"https://example.com/x"}},
		{"ip host", "⟦http://192.0.2.10:8080/status⟧", []string{"http://192.0.2.10:8080/status"}},
		{"token as user name", "git push https://glpat-Xw8rT2kLp9Vz4qN7mB3c@⟦gitlab.example.com/team/app.git⟧", []string{"https://gitlab.example.com/team/app.git"}},
		{"password in db url", "postgres://app:Sal#9x@db.example.com/prod", nil},
		{"ipv6 host", "http://⟦[2001:db8::1]⟧/", []string{"2001:db8::1"}},
		{"markdown link", "[docs](⟦https://example.com/a⟧).", []string{"https://example.com/a"}},
		{"markdown wikipedia", "[x](⟦https://en.wikipedia.org/wiki/Foo_(bar)⟧)", []string{"https://en.wikipedia.org/wiki/Foo_(bar)"}},
		{"idn host", "⟦https://BÜCHER.de/Katalog⟧", []string{"https://bücher.de/Katalog"}},
		{"each kind", "⟦a@example.com⟧ ⟦www.example.com⟧ ⟦203.0.113.9⟧ ⟦00:1a:2b:3c:4d:5e⟧",
			[]string{"a@example.com", "www.example.com", "203.0.113.9", "00:1a:2b:3c:4d:5e"}},
	})
}
