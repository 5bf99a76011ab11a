package detectors

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// netCase is a table case for the network-identifier detectors. give marks
// each expected finding's exact span with ⟦ and ⟧; want lists the findings'
// values in order (the span's text when Value is nil).
type netCase struct {
	name string
	give string
	want []string
}

// netFound is what a network-identifier test compares: span and value.
type netFound struct {
	Start, End int
	Value      string
}

// runNetCases scans each case with an engine built from dets alone, so the
// detectors' triggers are exercised too, and compares spans and values.
func runNetCases(t *testing.T, dets []Detector, tests []netCase) {
	t.Helper()
	e, err := New(dets)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, want := netMarked(t, tt.give, tt.want)
			got := []netFound{}
			for _, f := range e.Scan(nil, []byte(text)) {
				v := text[f.Start:f.End]
				if f.Value != nil {
					v = string(f.Value)
				}
				got = append(got, netFound{f.Start, f.End, v})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", text, diff)
			}
		})
	}
}

// netMarked strips the ⟦ ⟧ markers from give and pairs their spans with values.
func netMarked(t *testing.T, give string, values []string) (string, []netFound) {
	t.Helper()
	var b strings.Builder
	want := []netFound{}
	for {
		i := strings.Index(give, "⟦")
		if i < 0 {
			break
		}
		j := strings.Index(give, "⟧")
		if j < i {
			t.Fatalf("unbalanced markers in %q", give)
		}
		b.WriteString(give[:i])
		start := b.Len()
		b.WriteString(give[i+len("⟦") : j])
		want = append(want, netFound{Start: start, End: b.Len()})
		give = give[j+len("⟧"):]
	}
	b.WriteString(give)
	if len(want) != len(values) {
		t.Fatalf("%d marked spans, %d values", len(want), len(values))
	}
	for i := range want {
		want[i].Value = values[i]
	}
	return b.String(), want
}

// netChatLines are ordinary chat lines in several languages, full of the
// dots, colons, slashes and digits that wake the network detectors.
var netChatLines = []string{
	"hey, can you help me plan a trip to the mountains next week? thanks a lot.",
	"Meeting moved to 10:30 tomorrow, room 4.12 — bring the Q3/Q4 numbers.",
	"Hallo! Der Termin ist am 12.10.2024 um 14:45 Uhr. Kostet 49,99 € inkl. MwSt.",
	"¿Dónde está la estación? El tren sale a las 08:15, andén 3/4.",
	"今天天气很好，我们下午3:30去公园吧。价格是12.50元。",
	"Привет! Как дела? Встреча в 19:00, версия 2.3.1 уже вышла.",
	"je t'appelle vers 18h30... ok? c'est 4.5/5 étoiles, vraiment top.",
	"Updated the app to v10.0.1 and now it crashes on iOS 17.2.1 :( any ideas?",
	"The ratio is 3:2 and/or 16:9, e.g. for the hero image (see fig. 2.1).",
	"Thanks!! Order arrived in 2 days. 10/10 would buy again.",
}

// netChat returns about n bytes of chat text with nothing to find.
func netChat(n int) []byte {
	var b []byte
	for i := 0; len(b) < n; i++ {
		b = append(b, netChatLines[i%len(netChatLines)]...)
		b = append(b, '\n')
	}
	return b[:n]
}

// netChatWithHits is netChat with an identifier of every network kind
// every fourth line.
func netChatWithHits(n int) []byte {
	hits := []string{
		"mail me at Anna.Smith@example.com please",
		"reset link: https://example.com/reset?token=8f14e45fceea167a5a36 ok",
		"my ip is 203.0.113.7:8080 and router fe80::1%eth0",
		"device mac 00:1A:2B:3C:4D:5E on wifi",
	}
	var b []byte
	for i := 0; len(b) < n; i++ {
		if i%4 == 3 {
			b = append(b, hits[i/4%len(hits)]...)
		} else {
			b = append(b, netChatLines[i%len(netChatLines)]...)
		}
		b = append(b, '\n')
	}
	return b[:n]
}

// benchNet measures det alone over n bytes of text.
func benchNet(b *testing.B, det Detector, text []byte) {
	e, err := New([]Detector{det})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}

func TestNetDetectorsAllocateNothingOnChat(t *testing.T) {
	text := netChat(4096)
	tests := []struct {
		name string
		give Detector
	}{
		{"email", Email}, {"url", URL}, {"ip", IPAddress}, {"mac", MACAddress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{tt.give})
			if err != nil {
				t.Fatal(err)
			}
			dst := make([]Finding, 0, 8)
			if n := testing.AllocsPerRun(50, func() { dst = e.Scan(dst[:0], text) }); n != 0 || len(dst) != 0 {
				t.Errorf("Scan(chat) = %d findings, %v allocs/run; want 0, 0", len(dst), n)
			}
		})
	}
}

func TestEmailTruePositives(t *testing.T) {
	runNetCases(t, []Detector{Email}, []netCase{
		{"sentence end trimmed", "mail me at ⟦anna@example.com⟧.", []string{"anna@example.com"}},
		{"tag, subdomains, upper case", "⟦Anna.Smith+News@Mail.Example.co.uk⟧", []string{"anna.smith+news@mail.example.co.uk"}},
		{"in parentheses", "(⟦bob_99@sub.example.org⟧)", []string{"bob_99@sub.example.org"}},
		{"angle brackets", "Anna <⟦anna@example.com⟧>", []string{"anna@example.com"}},
		{"mailto", "mailto:⟦anna@example.com⟧", []string{"anna@example.com"}},
		{"quoted", "'⟦anna@example.com⟧'", []string{"anna@example.com"}},
		{"german", "Schreib mir an ⟦max.mustermann@example.de⟧, danke!", []string{"max.mustermann@example.de"}},
		{"utf-8 local part", "contacto: ⟦josé.garcía@example.es⟧; gracias", []string{"josé.garcía@example.es"}},
		{"idn domain", "⟦Anna@Bücher.de⟧", []string{"anna@bücher.de"}},
		{"cyrillic", "пишите на ⟦иван@пример.рф⟧!", []string{"иван@пример.рф"}},
		{"punycode", "⟦info@xn--bcher-kva.de⟧", []string{"info@xn--bcher-kva.de"}},
		{"two in one token", "⟦a1@example.com⟧,⟦b2@example.net⟧", []string{"a1@example.com", "b2@example.net"}},
		{"glued to chinese", "请发邮件到⟦anna@example.com⟧。谢谢", []string{"anna@example.com"}},
		{"unknown tld", "⟦ops@example.internal⟧", []string{"ops@example.internal"}},
		{"ssh remote of a person", "ssh ⟦anna@build.example.com⟧:~/src", []string{"anna@build.example.com"}},
		{"ellipsis before", "so...⟦anna@example.com⟧", []string{"anna@example.com"}},
		{"dash in domain", "⟦x@my-host.example.com⟧", []string{"x@my-host.example.com"}},
	})
}

func TestEmailTrueNegatives(t *testing.T) {
	runNetCases(t, []Detector{Email}, []netCase{
		{"english", "hey, can you help me plan a trip next week? thanks", nil},
		{"german", "Hallo, wie geht es dir? Wir sehen uns um 10:30 Uhr.", nil},
		{"spanish", "¿Dónde está la estación? Son las 12:45.", nil},
		{"chinese", "今天天气很好，我们去公园吧。", nil},
		{"russian", "Привет! Как дела?", nil},
		{"lone at", "meet @ 5pm at the café", nil},
		{"placeholder address", "write user@example.com or you@yourdomain.com in the form", nil},
	})
}

func TestEmailNearMisses(t *testing.T) {
	runNetCases(t, []Detector{Email}, []netCase{
		{"retina png", "use file@2x.png for the logo", nil},
		{"retina jpg", "image@3x.jpg", nil},
		{"retina webp", "logo@2x.webp", nil},
		{"mention", "@anna thanks!", nil},
		{"npm scope", "npm i @types/node", nil},
		{"localhost", "user@localhost", nil},
		{"shell prompt", "root@web-01:~$ ls", nil},
		{"git remote", "git clone git@github.com:org/repo.git", nil},
		{"version pin", "lodash@4.17.21", nil},
		{"no tld", "anna@example", nil},
		{"dot before at", "anna.@example.com", nil},
		{"no local part", "@example.com", nil},
		{"one-letter tld", "a@b.c", nil},
		{"label starts with dash", "foo@-bar.com", nil},
		{"double dot in domain", "x@example..com", nil},
		{"digit tld", "anna@example.c0m", nil},
		{"docker digest", "image@sha256:abcdef", nil},
	})
}

func BenchmarkEmail_256(b *testing.B)     { benchNet(b, Email, netChat(256)) }
func BenchmarkEmail_4K(b *testing.B)      { benchNet(b, Email, netChat(4<<10)) }
func BenchmarkEmail_64K(b *testing.B)     { benchNet(b, Email, netChat(64<<10)) }
func BenchmarkEmail_Hits_4K(b *testing.B) { benchNet(b, Email, netChatWithHits(4<<10)) }

// FuzzNetDetectors checks the network detectors' invariants on any input:
// no panic, spans in bounds, non-empty and ordered, values non-empty.
func FuzzNetDetectors(f *testing.F) {
	for _, s := range netChatLines {
		f.Add(s)
	}
	for _, s := range []string{
		"mail Anna.Smith+x@Example.co.uk. now", "git@github.com:o/r", "file@2x.png",
		"https://u:p@example.com:8080/a/(b)?token=x&e=a%40b.c#f", "www.example.org/x)).",
		"[2001:db8::1]:443 fe80::1%eth0 ::ffff:192.0.2.1 10.0.0.0/8 192.0.2.1:80",
		"00:1A:2B:3C:4D:5E 001a.2b3c.4d5e 00-1a-2b-3c-4d-5e", "иван@пример.рф", "链接https://example.com/a。",
	} {
		f.Add(s)
	}
	e, err := New([]Detector{Email, URL, IPAddress, MACAddress})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []byte(s)
		end := 0
		for _, fd := range e.Scan(nil, text) {
			if fd.Start < end || fd.End <= fd.Start || fd.End > len(text) || fd.Value != nil && len(fd.Value) == 0 {
				t.Fatalf("Scan(%q): bad finding %v after offset %d", s, fd, end)
			}
			end = fd.End
		}
		for _, fd := range e.Scan(nil, text) {
			if fd.Kind == KindURL {
				if _, ok := SplitURL(text[fd.Start:fd.End]); !ok {
					t.Errorf("SplitURL(%q) = false for a found URL", text[fd.Start:fd.End])
				}
			}
		}
	})
}
