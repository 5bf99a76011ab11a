package keys

import (
	"errors"
	"testing"
	"time"
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic("BUG: bad test time " + s)
	}
	return t
}

func mustRing(t testing.TB, rot Rotation, p Period, ks ...*Key) *Ring {
	t.Helper()
	r, err := NewRing(rot, p, ks)
	if err != nil {
		t.Fatalf("NewRing = %v", err)
	}
	return r
}

func TestRingVersions(t *testing.T) {
	k25 := mustKey(t, "k2025", ts("2025-01-01T00:00:00Z"), testSecret)
	k26 := mustKey(t, "k2026", ts("2026-01-01T00:00:00Z"), testSecret)
	old, err := DestroyedKey("k2024", ts("2024-01-01T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	r := mustRing(t, RotateVersions, "", k26, old, k25) // any order
	tests := []struct {
		name    string
		give    string
		want    string
		wantErr error
	}{
		{"before every key", "2023-06-01T00:00:00Z", "", ErrNoKey},
		{"destroyed key in force", "2024-06-01T00:00:00Z", "", ErrKeyDestroyed},
		{"exactly at start", "2025-01-01T00:00:00Z", "k2025", nil},
		{"middle", "2025-07-01T12:00:00Z", "k2025", nil},
		{"just before next", "2025-12-31T23:59:59Z", "k2025", nil},
		{"newest", "2026-11-22T10:00:00Z", "k2026", nil},
		{"back to older after newer", "2025-03-01T00:00:00Z", "k2025", nil},
		{"other zone same instant", "2026-01-01T00:30:00+01:00", "k2025", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := r.At(ts(tt.give))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("At(%s) error = %v, want %v", tt.give, err, tt.wantErr)
			}
			if got := idOf(k); got != tt.want {
				t.Errorf("At(%s) = %s, want %s", tt.give, got, tt.want)
			}
		})
	}
}

func idOf(k *Key) string {
	if k == nil {
		return ""
	}
	return k.ID
}

func TestRingPeriodIDs(t *testing.T) {
	root := mustKey(t, "root", time.Time{}, testSecret)
	tests := []struct {
		period Period
		give   string
		want   string
	}{
		{Hourly, "2026-11-23T10:59:59Z", "root-2026112310"},
		{Daily, "2026-11-23T10:00:00Z", "root-20261123"},
		{Daily, "2026-11-23T23:30:00-05:00", "root-20261124"}, // UTC day
		{"", "2026-11-23T10:00:00Z", "root-20261123"},
		{Weekly, "2026-11-23T00:00:00Z", "root-2026W48"}, // a Monday
		{Weekly, "2026-11-29T23:59:59Z", "root-2026W48"}, // the Sunday after
		{Weekly, "2027-01-01T00:00:00Z", "root-2026W53"}, // ISO year differs
		{Monthly, "2026-11-30T23:00:00Z", "root-202611"},
	}
	for _, tt := range tests {
		t.Run(string(tt.period)+" "+tt.give, func(t *testing.T) {
			r := mustRing(t, RotatePeriod, tt.period, root)
			k, err := r.At(ts(tt.give))
			if err != nil {
				t.Fatalf("At(%s) = %v", tt.give, err)
			}
			if k.ID != tt.want {
				t.Errorf("At(%s) = %s, want %s", tt.give, k.ID, tt.want)
			}
		})
	}
}

func TestRingPeriodKeys(t *testing.T) {
	root := mustKey(t, "root", time.Time{}, testSecret)
	r := mustRing(t, RotatePeriod, Daily, root)
	h := NewHasher()
	pseudo := func(at string) string {
		k, err := r.At(ts(at))
		if err != nil {
			t.Fatalf("At(%s) = %v", at, err)
		}
		return string(h.AppendPseudonym(nil, k, "acme", "EMAIL", []byte("anna@example.com")))
	}
	day1, day1Later, day2 := pseudo("2026-11-23T01:00:00Z"), pseudo("2026-11-23T23:00:00Z"), pseudo("2026-11-24T01:00:00Z")
	if day1 != day1Later {
		t.Errorf("pseudonyms within a day differ: %s, %s", day1, day1Later)
	}
	if day1 == day2 {
		t.Errorf("pseudonyms of two days are equal: %s", day1)
	}
	// A second ring over the same root derives the same keys: replays agree.
	r2 := mustRing(t, RotatePeriod, Daily, root)
	k, _ := r2.At(ts("2026-11-23T12:00:00Z"))
	if got := string(h.AppendPseudonym(nil, k, "acme", "EMAIL", []byte("anna@example.com"))); got != day1 {
		t.Errorf("second ring's pseudonym = %s, want %s", got, day1)
	}
	// Hourly and daily keys of the same root differ.
	rh := mustRing(t, RotatePeriod, Hourly, root)
	kh, _ := rh.At(ts("2026-11-23T00:30:00Z"))
	if got := string(h.AppendPseudonym(nil, kh, "acme", "EMAIL", []byte("anna@example.com"))); got == day1 {
		t.Errorf("hourly pseudonym equals daily one: %s", got)
	}
}

func TestRingPeriodRootChange(t *testing.T) {
	a := mustKey(t, "a", ts("2026-01-01T00:00:00Z"), testSecret)
	b := mustKey(t, "b", ts("2026-11-23T12:00:00Z"), []byte("fedcba9876543210fedcba9876543210"))
	gone, err := DestroyedKey("old", ts("2025-01-01T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	r := mustRing(t, RotatePeriod, Daily, a, b, gone)
	tests := []struct {
		give    string
		want    string
		wantErr error
	}{
		{"2026-11-23T11:59:59Z", "a-20261123", nil},
		{"2026-11-23T12:00:00Z", "b-20261123", nil},
		{"2026-11-23T06:00:00Z", "a-20261123", nil}, // cached b-day key must not cover the morning
		{"2026-11-24T00:00:00Z", "b-20261124", nil},
		{"2025-06-01T00:00:00Z", "", ErrKeyDestroyed},
		{"2024-06-01T00:00:00Z", "", ErrNoKey},
	}
	for _, tt := range tests {
		k, err := r.At(ts(tt.give))
		if !errors.Is(err, tt.wantErr) || idOf(k) != tt.want {
			t.Errorf("At(%s) = %s, %v; want %s, %v", tt.give, idOf(k), err, tt.want, tt.wantErr)
		}
	}
}

func TestNewRingRejects(t *testing.T) {
	a := mustKey(t, "a", ts("2026-01-01T00:00:00Z"), testSecret)
	a2 := mustKey(t, "a", ts("2027-01-01T00:00:00Z"), testSecret)
	b := mustKey(t, "b", ts("2026-01-01T00:00:00Z"), testSecret)
	tests := []struct {
		name   string
		rot    Rotation
		period Period
		keys   []*Key
	}{
		{"no keys", RotatePeriod, Daily, nil},
		{"bad rotation", "yearly", Daily, []*Key{a}},
		{"bad period", RotatePeriod, "fortnightly", []*Key{a}},
		{"duplicate id", RotateVersions, "", []*Key{a, a2}},
		{"same start", RotateVersions, "", []*Key{a, b}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewRing(tt.rot, tt.period, tt.keys); err == nil {
				t.Errorf("NewRing(%q, %q, %d keys) = nil error, want error", tt.rot, tt.period, len(tt.keys))
			}
		})
	}
}

func TestRingAtAllocatesNothing(t *testing.T) {
	r := mustRing(t, RotatePeriod, Daily, mustKey(t, "root", time.Time{}, testSecret))
	at := ts("2026-11-23T10:00:00Z")
	if _, err := r.At(at); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = r.At(at) }); n != 0 {
		t.Errorf("At allocated %v times per run, want 0", n)
	}
}
