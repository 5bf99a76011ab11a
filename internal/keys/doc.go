// Package keys holds convanon's pseudonymization keys and turns identifiers
// into keyed pseudonyms.
//
// A pseudonym is HMAC-SHA256 over (tenant, type, normalized value), each part
// length-prefixed so that no two different splits of the same bytes collide.
// The same value in the same tenant under the same key always gives the same
// pseudonym; another tenant or another key gives an unrelated one. Plain or
// non-cryptographic hashes are never used: without the key a pseudonym cannot
// be recomputed from a guessed value.
//
// Keys live in a Ring, which answers which Key is in force at an event's
// timestamp, so replaying a stream reproduces its output exactly. Rotation is
// either "period" (a key per hour, day, week or month, derived with HKDF from
// a root secret) or "versions" (explicit keys, each in force from its
// not_before time until the next one's). Destroying a key's secret makes the
// pseudonyms it produced unlinkable for good; a ring asked for a destroyed key
// fails rather than falling back to another.
//
// Rings load from a key file (Load; it must not be readable by group or
// others), from an environment variable holding a base64 root secret
// (LoadEnv), or are made up for one run (Ephemeral). Generate writes a new
// key file with mode 0600.
//
// Secrets never leave the package: Key's String and LogValue print its id
// only. The package imports none of convanon's packages.
package keys
