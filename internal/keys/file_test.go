package keys

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testSecretB64 = base64.StdEncoding.EncodeToString(testSecret)

func writeFile(t *testing.T, body string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "keys.yaml")
	if err := os.WriteFile(p, []byte(body), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // WriteFile's mode is cut by umask
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	body := `rotation: versions
keys:
  - id: k2026
    not_before: 2026-01-01T00:00:00Z
    secret: ` + testSecretB64 + `
  - id: k2025
    not_before: 2025-01-01T00:00:00Z
    destroyed: true
`
	r, err := Load(writeFile(t, body, 0o600))
	if err != nil {
		t.Fatalf("Load = %v", err)
	}
	if k, err := r.At(ts("2026-05-01T00:00:00Z")); err != nil || k.ID != "k2026" {
		t.Errorf("At(2026-05-01) = %v, %v; want k2026", k, err)
	}
	if _, err := r.At(ts("2025-05-01T00:00:00Z")); !errors.Is(err, ErrKeyDestroyed) {
		t.Errorf("At(2025-05-01) error = %v, want ErrKeyDestroyed", err)
	}
}

func TestLoadDefaultsToDailyPeriod(t *testing.T) {
	r, err := Load(writeFile(t, "keys:\n  - id: root\n    secret: "+testSecretB64+"\n", 0o600))
	if err != nil {
		t.Fatalf("Load = %v", err)
	}
	if k, err := r.At(ts("2026-11-23T10:00:00Z")); err != nil || k.ID != "root-20261123" {
		t.Errorf("At = %v, %v; want root-20261123", k, err)
	}
}

func TestLoadRefusesOpenPermissions(t *testing.T) {
	for _, mode := range []os.FileMode{0o640, 0o604, 0o644} {
		p := writeFile(t, "keys:\n  - id: root\n    secret: "+testSecretB64+"\n", mode)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), "chmod 600 "+p) {
			t.Errorf("Load(mode %04o) error = %v, want one saying chmod 600", mode, err)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string // substrings of the error
	}{
		{"empty", "", []string{"EOF"}},
		{"no keys", "rotation: period\n", []string{"keys: empty"}},
		{"bad rotation", "rotation: yearly\nkeys:\n  - id: a\n    secret: " + testSecretB64 + "\n", []string{`rotation "yearly"`, "versions"}},
		{"bad period", "period: fortnightly\nkeys:\n  - id: a\n    secret: " + testSecretB64 + "\n", []string{`period "fortnightly"`, "daily"}},
		{"period with versions", "rotation: versions\nperiod: daily\nkeys:\n  - id: a\n    secret: " + testSecretB64 + "\n", []string{"rotation: period"}},
		{"unknown field", "keys:\n  - id: a\n    secrett: " + testSecretB64 + "\n", []string{"secrett"}},
		{"no secret", "keys:\n  - id: a\n", []string{"keys[0]: id a: no secret"}},
		{"destroyed with secret", "keys:\n  - id: a\n    destroyed: true\n    secret: " + testSecretB64 + "\n", []string{"delete the secret"}},
		{"bad base64", "keys:\n  - id: a\n    secret: not*base64\n", []string{"not valid base64"}},
		{"short secret", "keys:\n  - id: a\n    secret: c2hvcnQ=\n", []string{"at least 16"}},
		{"bad time", "keys:\n  - id: a\n    not_before: yesterday\n    secret: " + testSecretB64 + "\n", []string{"RFC 3339"}},
		{"secret in wrong place", "keys:\n  - id: a\n    destroyed: " + testSecretB64 + "\n", []string{"line 3: value of the wrong type"}},
		{"two problems", "keys:\n  - id: a\n  - id: b\n", []string{"id a: no secret", "id b: no secret"}},
		{"duplicate id", "keys:\n  - id: a\n    secret: " + testSecretB64 + "\n  - id: a\n    not_before: 2026-01-01T00:00:00Z\n    secret: " + testSecretB64 + "\n", []string{"listed twice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeFile(t, tt.give, 0o600))
			if err == nil {
				t.Fatalf("Load(%s) = nil error, want error", tt.name)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load(%s) error = %q, want it to contain %q", tt.name, err, w)
				}
			}
			if strings.Contains(err.Error(), testSecretB64) {
				t.Errorf("Load(%s) error quotes the secret: %q", tt.name, err)
			}
		})
	}
}

func TestGenerate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "keys.yaml")
	if err := Generate(p, "k2026", ts("2026-01-01T00:00:00Z"), RotatePeriod, Weekly); err != nil {
		t.Fatalf("Generate = %v", err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("Generate made mode %04o, want 0600", st.Mode().Perm())
	}
	r, err := Load(p)
	if err != nil {
		t.Fatalf("Load(generated) = %v", err)
	}
	if k, err := r.At(ts("2026-11-23T10:00:00Z")); err != nil || k.ID != "k2026-2026W48" {
		t.Errorf("At = %v, %v; want k2026-2026W48", k, err)
	}
	if err := Generate(p, "k2027", time.Time{}, RotatePeriod, Daily); err == nil {
		t.Errorf("Generate over an existing file = nil error, want error")
	}
}

func TestLoadEnv(t *testing.T) {
	tests := []struct {
		name   string
		give   string
		rot    Rotation
		wantID string
	}{
		{"plain", testSecretB64, RotatePeriod, "env-20261123"},
		{"with id", "k9:" + testSecretB64, RotatePeriod, "k9-20261123"},
		{"unpadded", "k9:" + strings.TrimRight(base64.StdEncoding.EncodeToString(testSecret[:17]), "="), RotateVersions, "k9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CONVANON_TEST_KEY", tt.give)
			r, err := LoadEnv("CONVANON_TEST_KEY", tt.rot, Daily)
			if err != nil {
				t.Fatalf("LoadEnv = %v", err)
			}
			if k, err := r.At(ts("2026-11-23T10:00:00Z")); err != nil || k.ID != tt.wantID {
				t.Errorf("At = %v, %v; want %s", k, err, tt.wantID)
			}
		})
	}
}

func TestLoadEnvRejects(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"empty", ""},
		{"not base64", "k1:****"},
		{"short", "c2hvcnQ="},
		{"bad id", "k 1:" + testSecretB64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CONVANON_TEST_KEY", tt.give)
			_, err := LoadEnv("CONVANON_TEST_KEY", RotatePeriod, Daily)
			if err == nil {
				t.Fatalf("LoadEnv(%s) = nil error, want error", tt.name)
			}
			if tt.give != "" && strings.Contains(err.Error(), tt.give) {
				t.Errorf("LoadEnv(%s) error quotes the value: %q", tt.name, err)
			}
		})
	}
}

func TestEphemeral(t *testing.T) {
	r1, err := Ephemeral(RotatePeriod, Daily)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Ephemeral(RotatePeriod, Daily)
	if err != nil {
		t.Fatal(err)
	}
	at := ts("2026-11-23T10:00:00Z")
	k1, _ := r1.At(at)
	k2, _ := r2.At(at)
	h := NewHasher()
	p1 := string(h.AppendPseudonym(nil, k1, "t", "EMAIL", []byte("v")))
	p2 := string(h.AppendPseudonym(nil, k2, "t", "EMAIL", []byte("v")))
	if !strings.HasPrefix(k1.ID, "eph-") || p1 == p2 {
		t.Errorf("Ephemeral rings: ids %s, %s, pseudonyms %s, %s; want eph- ids and different pseudonyms", k1.ID, k2.ID, p1, p2)
	}
}
