package keys

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// testSecret is a fixed, obviously synthetic secret.
var testSecret = []byte("0123456789abcdef0123456789abcdef")

func mustKey(t testing.TB, id string, nb time.Time, secret []byte) *Key {
	t.Helper()
	k, err := NewKey(id, nb, secret)
	if err != nil {
		t.Fatalf("NewKey(%q) = %v", id, err)
	}
	return k
}

func TestAppendPseudonymKnownAnswer(t *testing.T) {
	k := mustKey(t, "k1", time.Time{}, testSecret)
	mac := hmac.New(sha256.New, testSecret)
	mac.Write([]byte("\x04acme\x05EMAIL\x10anna@example.com"))
	want := hex.EncodeToString(mac.Sum(nil))
	h := NewHasher()
	if got := string(h.AppendPseudonym(nil, k, "acme", "EMAIL", []byte("anna@example.com"))); got != want[:PseudonymLen] {
		t.Errorf("AppendPseudonym = %q, want %q", got, want[:PseudonymLen])
	}
	mac.Reset()
	mac.Write([]byte("\x04acme\x04user\x04u-42"))
	want = hex.EncodeToString(mac.Sum(nil))
	if got := string(h.AppendID(nil, k, "acme", "user", "u-42")); got != want[:IDLen] {
		t.Errorf("AppendID = %q, want %q", got, want[:IDLen])
	}
}

func TestPseudonymsSeparate(t *testing.T) {
	k1 := mustKey(t, "k1", time.Time{}, testSecret)
	k2 := mustKey(t, "k2", time.Time{}, []byte("fedcba9876543210fedcba9876543210"))
	type give struct {
		key                *Key
		tenant, typ, value string
	}
	base := give{k1, "acme", "EMAIL", "anna@example.com"}
	tests := []struct {
		name      string
		give      give
		wantEqual bool
	}{
		{"same everything", base, true},
		{"other tenant", give{k1, "globex", "EMAIL", "anna@example.com"}, false},
		{"other type", give{k1, "acme", "URL", "anna@example.com"}, false},
		{"other value", give{k1, "acme", "EMAIL", "bob@example.com"}, false},
		{"other key", give{k2, "acme", "EMAIL", "anna@example.com"}, false},
		{"split moved between tenant and type", give{k1, "acmeE", "MAIL", "anna@example.com"}, false},
		{"split moved between type and value", give{k1, "acme", "EMAILa", "nna@example.com"}, false},
	}
	h := NewHasher()
	want := string(h.AppendPseudonym(nil, base.key, base.tenant, base.typ, []byte(base.value)))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(h.AppendPseudonym(nil, tt.give.key, tt.give.tenant, tt.give.typ, []byte(tt.give.value)))
			if (got == want) != tt.wantEqual {
				t.Errorf("AppendPseudonym(%s, %q, %q, …) = %q, base %q; want equal %v", tt.give.key.ID, tt.give.tenant, tt.give.typ, got, want, tt.wantEqual)
			}
		})
	}
}

func TestHasherSlotsEvict(t *testing.T) {
	h := NewHasher()
	var ks []*Key
	for i := range hasherSlots + 2 {
		ks = append(ks, mustKey(t, fmt.Sprintf("k%d", i), time.Time{}, append([]byte{byte(i)}, testSecret...)))
	}
	want := map[string]string{}
	for range 2 {
		for _, k := range ks {
			got := string(h.AppendPseudonym(nil, k, "t", "EMAIL", []byte("v")))
			if w, ok := want[k.ID]; ok && w != got {
				t.Errorf("AppendPseudonym under %s = %q after eviction, want %q", k.ID, got, w)
			}
			want[k.ID] = got
		}
	}
}

func TestKeyPrintsNoSecret(t *testing.T) {
	k := mustKey(t, "k1", time.Time{}, testSecret)
	forms := []string{string(testSecret), hex.EncodeToString(testSecret), base64.StdEncoding.EncodeToString(testSecret), "48 49 50", "[48"}
	tests := []struct {
		name string
		give string
	}{
		{"%v ptr", fmt.Sprintf("%v", k)},
		{"%+v ptr", fmt.Sprintf("%+v", k)},
		{"%#v ptr", fmt.Sprintf("%#v", k)},
		{"%v value", fmt.Sprintf("%v", *k)},
		{"%x value", fmt.Sprintf("%x", *k)},
		{"%d ptr", fmt.Sprintf("%d", k)},
		{"%s slice", fmt.Sprintf("%s", []*Key{k})},
		{"String", k.String()},
		{"slog", logged(k)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.give, "k1") {
				t.Errorf("%s = %q, want the key id", tt.name, tt.give)
			}
			for _, f := range forms {
				if strings.Contains(tt.give, f) {
					t.Errorf("%s = %q, holds secret form %q", tt.name, tt.give, f)
				}
			}
		})
	}
}

func logged(v any) string {
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("key", "key", v)
	return buf.String()
}

func TestNewKeyRejects(t *testing.T) {
	tests := []struct {
		name   string
		id     string
		secret []byte
	}{
		{"empty id", "", testSecret},
		{"space in id", "k 1", testSecret},
		{"leading dash", "-k", testSecret},
		{"long id", strings.Repeat("k", 65), testSecret},
		{"short secret", "k1", testSecret[:MinSecretLen-1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewKey(tt.id, time.Time{}, tt.secret); err == nil {
				t.Errorf("NewKey(%q, %d bytes) = nil error, want error", tt.id, len(tt.secret))
			}
		})
	}
}

func TestHasherAllocatesNothing(t *testing.T) {
	k := mustKey(t, "k1", time.Time{}, testSecret)
	h := NewHasher()
	dst := make([]byte, 0, 64)
	v := []byte("anna@example.com")
	if n := testing.AllocsPerRun(100, func() {
		dst = h.AppendPseudonym(dst[:0], k, "acme", "EMAIL", v)
		dst = h.AppendID(dst, k, "acme", "user", "u-42")
	}); n != 0 {
		t.Errorf("AppendPseudonym+AppendID allocated %v times per run, want 0", n)
	}
}

func BenchmarkAppendPseudonym(b *testing.B) {
	k := mustKey(b, "k1", time.Time{}, testSecret)
	h := NewHasher()
	dst := make([]byte, 0, 64)
	v := []byte("anna.lindqvist+news@example.com")
	b.ReportAllocs()
	for b.Loop() {
		dst = h.AppendPseudonym(dst[:0], k, "acme", "EMAIL", v)
	}
}

func BenchmarkAppendID(b *testing.B) {
	k := mustKey(b, "k1", time.Time{}, testSecret)
	h := NewHasher()
	dst := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		dst = h.AppendID(dst[:0], k, "acme", "user", "u-4242424242")
	}
}
