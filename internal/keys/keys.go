package keys

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"time"
)

// MinSecretLen is the shortest secret a Key accepts, in bytes. Generated
// secrets are 32 bytes.
const MinSecretLen = 16

// secretLen is the length of generated and derived secrets.
const secretLen = 32

// maxIDLen bounds key ids: they are stored in every output row.
const maxIDLen = 64

// Key is one pseudonymization key: an id, recorded with every pseudonym it
// makes, and secret bytes that never leave the package. A Key whose secret
// was destroyed still has its id and start time, so a ring can say which
// key was in force, and refuse.
//
// Printing or logging a Key shows its id only.
type Key struct {
	// ID names the key in output rows and logs, e.g. "k2026" or, for a key
	// derived for a period, "k2026-20261123".
	ID string
	// NotBefore is when the key comes into force; the zero time means it has
	// always been.
	NotBefore time.Time
	// notAfter is when the ring stops using it; zero means never. Set by
	// NewRing and by derivation.
	notAfter time.Time
	secret   []byte // nil: destroyed
}

// NewKey returns a key with a copy of secret, in force from notBefore. The
// id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or
// digit; the secret is at least MinSecretLen bytes.
func NewKey(id string, notBefore time.Time, secret []byte) (*Key, error) {
	if err := checkID(id); err != nil {
		return nil, err
	}
	if len(secret) < MinSecretLen {
		return nil, fmt.Errorf("key %s: secret is %d bytes; at least %d needed", id, len(secret), MinSecretLen)
	}
	return &Key{ID: id, NotBefore: notBefore, secret: append([]byte(nil), secret...)}, nil
}

// DestroyedKey returns a key whose secret was destroyed: a ring holding it
// knows the key was in force from notBefore, and fails for those times
// instead of using another key.
func DestroyedKey(id string, notBefore time.Time) (*Key, error) {
	if err := checkID(id); err != nil {
		return nil, err
	}
	return &Key{ID: id, NotBefore: notBefore}, nil
}

// Destroyed reports whether the key's secret is gone.
func (k *Key) Destroyed() bool { return k.secret == nil }

// covers reports whether the ring uses k at t.
func (k *Key) covers(t time.Time) bool {
	return !t.Before(k.NotBefore) && (k.notAfter.IsZero() || t.Before(k.notAfter))
}

// String returns "key <id>"; never the secret.
func (k Key) String() string { return "key " + k.ID }

// GoString is String, so %#v prints no secret either.
func (k Key) GoString() string { return k.String() }

// Format implements fmt.Formatter so that every verb (%x and %d included)
// prints the id only.
func (k Key) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, k.String()) }

// LogValue implements slog.LogValuer: the key's id, never its bytes.
func (k Key) LogValue() slog.Value { return slog.StringValue(k.ID) }

func checkID(id string) error {
	if id == "" || len(id) > maxIDLen {
		return fmt.Errorf("key id must be 1 to %d characters, got %d", maxIDLen, len(id))
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return fmt.Errorf("key id %q: use letters, digits, '.', '_' and '-', starting with a letter or digit", id)
		}
	}
	return nil
}

// PseudonymLen is the length of AppendPseudonym's output: 12 hex digits, 48
// bits. Within one tenant, type and key, two of n distinct values share a
// pseudonym with probability about n²/2⁴⁹: 1 in 560 for a million values
// (e-mail addresses of one tenant's users in one day), which at worst merges
// two people's tokens in training text. Ids, which join rows, use the longer
// AppendID.
const PseudonymLen = 12

// IDLen is the length of AppendID's output: 32 hex digits, 128 bits, so
// pseudonymous user, conversation and event ids never collide in practice.
const IDLen = 32

// hasherSlots is how many keys' HMAC states a Hasher keeps: enough for
// events around a period boundary or a replay that spans a few periods.
const hasherSlots = 4

// Hasher computes pseudonyms, reusing one HMAC state per key so that a
// pseudonym costs one HMAC and no allocation once warm. A Hasher is not safe
// for concurrent use: give each goroutine its own.
type Hasher struct {
	slots [hasherSlots]macSlot
	next  int // slot to evict next
	msg   []byte
	sum   [sha256.Size]byte
}

type macSlot struct {
	key *Key
	mac hash.Hash
}

// NewHasher returns a Hasher with no HMAC state yet.
func NewHasher() *Hasher { return &Hasher{msg: make([]byte, 0, 256)} }

// AppendPseudonym appends the PseudonymLen lower-case hex digits of the
// pseudonym of value, of type typ (e.g. "EMAIL"), in tenant, under k. It
// panics if k was destroyed: a Ring never returns such a key.
func (h *Hasher) AppendPseudonym(dst []byte, k *Key, tenant, typ string, value []byte) []byte {
	h.msg = appendField(h.msg[:0], tenant)
	h.msg = appendField(h.msg, typ)
	h.msg = appendField(h.msg, value)
	return hex.AppendEncode(dst, h.mac(k)[:PseudonymLen/2])
}

// AppendID appends the IDLen lower-case hex digits of the pseudonym of id,
// of type typ (e.g. "user", "conversation"), in tenant, under k. Types for
// ids should differ from entity types so the two never share pseudonyms.
// It panics if k was destroyed.
func (h *Hasher) AppendID(dst []byte, k *Key, tenant, typ, id string) []byte {
	h.msg = appendField(h.msg[:0], tenant)
	h.msg = appendField(h.msg, typ)
	h.msg = appendField(h.msg, id)
	return hex.AppendEncode(dst, h.mac(k)[:IDLen/2])
}

// appendField appends s with its length in front, so that ("ab","c") and
// ("a","bc") hash differently.
func appendField[T string | []byte](dst []byte, s T) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// mac returns HMAC-SHA256 of h.msg under k, in h.sum.
func (h *Hasher) mac(k *Key) []byte {
	if k.secret == nil {
		panic("BUG: keys: pseudonym requested from destroyed key " + k.ID)
	}
	var m hash.Hash
	for i := range h.slots {
		if h.slots[i].key == k {
			m = h.slots[i].mac
			break
		}
	}
	if m == nil {
		m = hmac.New(sha256.New, k.secret)
		h.slots[h.next] = macSlot{key: k, mac: m}
		h.next = (h.next + 1) % hasherSlots
	} else {
		m.Reset()
	}
	m.Write(h.msg)
	return m.Sum(h.sum[:0])
}
