package detectors

import (
	"strings"
	"testing"
)

// FuzzScan runs every shipped detector over arbitrary text and checks the
// engine's promises: no panic, findings in bounds, ordered, disjoint and of
// valid kinds, and whatever was in dst before left alone.
func FuzzScan(f *testing.F) {
	seeds := []string{
		"hi! my email is anna.lindqvist+news@example.com, call me on +1 555-010-0199",
		"card 4111 1111 1111 1111 exp 12/29 cvv 123",
		"IBAN DE89 3704 0044 0532 0130 00 please",
		"ssn 078-05-1120? no wait",
		"here's my key sk-proj-abc123DEF456ghi789JKL0mnopqrstu and AKIAIOSFODNN7EXAMPLE",
		"password=hunter2 api_key: 0123456789abcdef0123456789abcdef",
		"server 203.0.113.7 and 2001:db8::1 mac 00:1A:2B:3C:4D:5E, version 1.2.3.4.5",
		"see https://user:pw@shop.example.com/orders/123?token=abc&lang=en",
		"my number is five five five oh one four two, my name is Anna",
		"Ich heiße Anna Müller, wohne in Berlin, 10115; geboren am 01.02.1990",
		"send 0.5 BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
		"order #A-99812 shipped, tracking 1Z999AA10123456784",
		"",
		" \t\n",
		"@@@@ :::: //// ---- 0000",
		"\xff\xfe invalid utf-8 \xc3",
	}
	for _, s := range seeds {
		f.Add(s, false, "")
	}
	f.Add("four one five five five five oh one nine two", true, "en")
	e, err := NewDefault()
	if err != nil {
		f.Fatal(err)
	}
	sentinel := Finding{Kind: KindEmail, Start: -1, End: -1, Rule: "sentinel"}
	f.Fuzz(func(t *testing.T, text string, spoken bool, lang string) {
		dst := e.ScanInput([]Finding{sentinel}, Input{Text: []byte(text), Spoken: spoken, Lang: lang})
		if len(dst) == 0 || dst[0].Rule != sentinel.Rule || dst[0].Start != sentinel.Start {
			t.Fatalf("ScanInput(%q) changed dst's prefix: %v", text, dst)
		}
		prev := 0
		for _, fd := range dst[1:] {
			if fd.Start < prev || fd.Start >= fd.End || fd.End > len(text) {
				t.Errorf("ScanInput(%q): finding %v (rule %s) out of bounds, order or overlapping (previous end %d, len %d)", text, fd, fd.Rule, prev, len(text))
			}
			if strings.HasPrefix(fd.Kind.String(), "Kind(") {
				t.Errorf("ScanInput(%q): finding of invalid kind %d (rule %s)", text, fd.Kind, fd.Rule)
			}
			if fd.Confidence < 0 || fd.Confidence > 1 {
				t.Errorf("ScanInput(%q): finding %v (rule %s) has confidence %v, want 0..1", text, fd, fd.Rule, fd.Confidence)
			}
			prev = max(prev, fd.End)
		}
	})
}
