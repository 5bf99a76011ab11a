package keys

import (
	"crypto/hkdf"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Rotation is how a ring chooses the key for a time.
type Rotation string

// Rotations.
const (
	// RotatePeriod derives a key per Period from the root secret in force,
	// with HKDF; its id is the root's id and the period, e.g.
	// "k2026-20261123".
	RotatePeriod Rotation = "period"
	// RotateVersions uses each key as is, from its NotBefore until the next
	// key's.
	RotateVersions Rotation = "versions"
)

// ParseRotation returns the rotation named s.
func ParseRotation(s string) (Rotation, error) {
	switch r := Rotation(s); r {
	case RotatePeriod, RotateVersions:
		return r, nil
	}
	return "", fmt.Errorf("rotation %q: want %q or %q", s, RotatePeriod, RotateVersions)
}

// Period is how long a derived key is in force under RotatePeriod. Periods
// are aligned in UTC; weeks start on Monday (ISO 8601).
type Period string

// Periods; Daily is the default.
const (
	Hourly  Period = "hourly"
	Daily   Period = "daily"
	Weekly  Period = "weekly"
	Monthly Period = "monthly"
)

// ParsePeriod returns the period named s; "" means Daily.
func ParsePeriod(s string) (Period, error) {
	switch p := Period(s); p {
	case "":
		return Daily, nil
	case Hourly, Daily, Weekly, Monthly:
		return p, nil
	}
	return "", fmt.Errorf("period %q: want %q, %q, %q or %q", s, Hourly, Daily, Weekly, Monthly)
}

// ErrNoKey means no key is in force at the time asked: it is before the
// first key's start.
var ErrNoKey = errors.New("no key in force")

// ErrKeyDestroyed means the key in force at the time asked has had its
// secret destroyed; the ring does not fall back to another key.
var ErrKeyDestroyed = errors.New("key destroyed")

// maxDerived bounds the cache of derived keys; it is dropped when full.
const maxDerived = 1024

// Ring holds the keys and answers which is in force at a time. A Ring is
// immutable after NewRing and safe for concurrent use.
type Ring struct {
	rotation Rotation
	period   Period
	keys     []*Key // by NotBefore; the roots under RotatePeriod

	last    atomic.Pointer[Key] // the key At returned last: most events share it
	mu      sync.Mutex
	derived map[derivedSlot]*Key
}

type derivedSlot struct {
	root  int
	start int64
}

// NewRing returns a ring over keys (roots, under RotatePeriod). Key ids and
// start times must be unique. The period is used under RotatePeriod only;
// "" means Daily.
func NewRing(rot Rotation, p Period, keys []*Key) (*Ring, error) {
	if _, err := ParseRotation(string(rot)); err != nil {
		return nil, err
	}
	p, err := ParsePeriod(string(p))
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, errors.New("key ring: no keys")
	}
	ks := make([]*Key, len(keys))
	for i, k := range keys {
		c := *k // NewRing sets notAfter; the caller's keys stay as they were
		ks[i] = &c
	}
	slices.SortStableFunc(ks, func(a, b *Key) int { return a.NotBefore.Compare(b.NotBefore) })
	ids := map[string]bool{}
	for i, k := range ks {
		if ids[k.ID] {
			return nil, fmt.Errorf("key ring: key id %s listed twice", k.ID)
		}
		ids[k.ID] = true
		if i > 0 && ks[i-1].NotBefore.Equal(k.NotBefore) {
			return nil, fmt.Errorf("key ring: keys %s and %s start at the same time", ks[i-1].ID, k.ID)
		}
		if i+1 < len(ks) {
			k.notAfter = ks[i+1].NotBefore
		}
	}
	return &Ring{rotation: rot, period: p, keys: ks, derived: map[derivedSlot]*Key{}}, nil
}

// Rotation returns the ring's rotation.
func (r *Ring) Rotation() Rotation { return r.rotation }

// Period returns the period of derived keys under RotatePeriod.
func (r *Ring) Period() Period { return r.period }

// At returns the key in force at t, normally the event's timestamp, so a
// replay uses the keys the first run used. It fails with ErrNoKey before the
// first key starts and with ErrKeyDestroyed when the key in force (or, under
// RotatePeriod, its root) was destroyed. It allocates nothing once the
// period's key has been derived.
func (r *Ring) At(t time.Time) (*Key, error) {
	if k := r.last.Load(); k != nil && k.covers(t) {
		return k, nil
	}
	i, k := r.find(t)
	if k == nil {
		return nil, fmt.Errorf("key at %s: %w", t.UTC().Format(time.RFC3339), ErrNoKey)
	}
	if k.Destroyed() {
		return nil, fmt.Errorf("key %s in force at %s: %w", k.ID, t.UTC().Format(time.RFC3339), ErrKeyDestroyed)
	}
	if r.rotation == RotatePeriod {
		k = r.derive(i, k, t)
	}
	r.last.Store(k)
	return k, nil
}

// find returns the key whose range covers t, and its index.
func (r *Ring) find(t time.Time) (int, *Key) {
	i, _ := slices.BinarySearchFunc(r.keys, t, func(k *Key, t time.Time) int {
		if k.NotBefore.After(t) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return -1, nil // before the first key
	}
	return i - 1, r.keys[i-1]
}

// derive returns the key root derives for t's period, from the cache when
// it can.
func (r *Ring) derive(i int, root *Key, t time.Time) *Key {
	start, end := bounds(r.period, t)
	slot := derivedSlot{root: i, start: start.Unix()}
	r.mu.Lock()
	defer r.mu.Unlock()
	if k, ok := r.derived[slot]; ok {
		return k
	}
	id := root.ID + "-" + label(r.period, start)
	// Info names the period, so a day's key never equals an hour's.
	secret, err := hkdf.Key(sha256.New, root.secret, nil, "convanon pseudonym key "+string(r.period)+" "+label(r.period, start), secretLen)
	if err != nil {
		panic("BUG: keys: hkdf: " + err.Error()) // only fails for lengths over 255*32
	}
	k := &Key{ID: id, NotBefore: start, notAfter: end, secret: secret}
	// The period may straddle a root change: the key ends where its root does.
	if root.NotBefore.After(k.NotBefore) {
		k.NotBefore = root.NotBefore
	}
	if !root.notAfter.IsZero() && root.notAfter.Before(k.notAfter) {
		k.notAfter = root.notAfter
	}
	if len(r.derived) >= maxDerived {
		clear(r.derived)
	}
	r.derived[slot] = k
	return k
}

// bounds returns the UTC period containing t.
func bounds(p Period, t time.Time) (start, end time.Time) {
	t = t.UTC()
	y, m, d := t.Date()
	switch p {
	case Hourly:
		start = t.Truncate(time.Hour)
		return start, start.Add(time.Hour)
	case Weekly:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		start = day.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		return start, start.AddDate(0, 0, 7)
	case Monthly:
		start = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0)
	default:
		start = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 0, 1)
	}
}

// label names the period starting at start in derived key ids:
// 2026112310 (hourly), 20261123 (daily), 2026W47 (weekly), 202611 (monthly).
func label(p Period, start time.Time) string {
	switch p {
	case Hourly:
		return start.Format("2006010215")
	case Weekly:
		y, w := start.ISOWeek()
		return fmt.Sprintf("%04dW%02d", y, w)
	case Monthly:
		return start.Format("200601")
	default:
		return start.Format("20060102")
	}
}
