package detectors

import (
	"crypto/sha256"
	"encoding/binary"
	"math/bits"
)

// Crypto returns the CRYPTO detector. It finds cryptocurrency wallet
// addresses:
//   - Bitcoin base58check P2PKH ("1…") and P2SH ("3…") addresses, whose
//     double-SHA-256 checksum must hold;
//   - Bitcoin bech32 (segwit v0) and bech32m (taproot) addresses ("bc1…"),
//     whose BCH checksum must hold;
//   - Litecoin ("L…", "M…", "ltc1…"), Dogecoin ("D…") and Tron ("T…", as
//     used by USDT on Tron) addresses, with the same checksums;
//   - Ethereum addresses, "0x" and 40 hex digits: mixed case must pass the
//     EIP-55 checksum and is validated; all lower or all upper case carries no
//     checksum and is reported with lower confidence, unvalidated.
//
// Git SHAs (no "0x"), transaction hashes ("0x" and 64 hex digits) and
// base58 strings failing their checksum are not reported. Value is the
// address, lower-cased for bech32 and Ethereum, whose case carries no
// identity. The detector is safe for concurrent use.
func Crypto() Detector {
	return Detector{
		Name:    "crypto",
		Kind:    KindCrypto,
		Trigger: Trigger{All: ClassDigit, MinLen: 26, Not: ShapeUUID | ShapeHex},
		Find:    findCrypto,
	}
}

func findCrypto(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	resume := tok.End
	for p := tok.Start; p < tok.End; p++ {
		if !isDigit(text[p]) && !isASCIILetter(text[p]) {
			continue
		}
		e := p
		for e < tok.End && (isDigit(text[e]) || isASCIILetter(text[e])) {
			e++
		}
		// An address is a whole run of letters and digits, so only its first
		// byte, or its second after an escaped line break ("\\nbc1q…"), may
		// start one: okBeforeAt fails inside the run.
		for q := p; q <= p+1 && q < e; q++ {
			if f, ok := cryptoAt(text, q, e); ok {
				dst = append(dst, f)
				resume = max(resume, e)
				break
			}
		}
		p = e
	}
	return dst, resume
}

// cryptoAt reports the wallet address that is text[p:e], a run of letters
// and digits, if one may start at p and end at e.
func cryptoAt(text []byte, p, e int) (Finding, bool) {
	if e-p < 26 || !okBeforeAt(text, p) || !boundaryAfter(text, e) {
		return Finding{}, false
	}
	w := text[p:e]
	f := Finding{Kind: KindCrypto, Start: p, End: e, Confidence: 0.99, Validated: true}
	switch {
	case w[0] == '0' && w[1] == 'x':
		ok, checked := ethAddress(w)
		if !ok {
			return Finding{}, false
		}
		f.Rule, f.Value = "ethereum", lowerCopy(w)
		if !checked {
			f.Confidence, f.Validated = 0.85, false
		}
	case base58First[w[0]] && (len(w) == 33 || len(w) == 34 || w[0] <= '3' && len(w) <= 35) && base58Address(w):
		f.Rule, f.Value = base58Rule(w[0]), append([]byte(nil), w...)
	case (w[0] == 'b' || w[0] == 'B') && bech32Address(w, "bc"):
		f.Rule, f.Value = "bitcoin-bech32", lowerCopy(w)
	case (w[0] == 'l' || w[0] == 'L') && bech32Address(w, "ltc"):
		f.Rule, f.Value = "litecoin-bech32", lowerCopy(w)
	default:
		return Finding{}, false
	}
	return f, true
}

func lowerCopy(w []byte) []byte {
	v := make([]byte, len(w))
	for i, c := range w {
		v[i] = lowerASCII(c)
	}
	return v
}

// ethAddress reports whether w is "0x" and 40 hex digits, and whether its
// mixed case carried an EIP-55 checksum (checked); a mixed case failing the
// checksum is no address.
func ethAddress(w []byte) (ok, checked bool) {
	if len(w) != 42 {
		return false, false
	}
	var lower [40]byte
	upper, low := false, false
	for i, c := range w[2:] {
		switch {
		case isDigit(c):
		case c >= 'a' && c <= 'f':
			low = true
		case c >= 'A' && c <= 'F':
			upper = true
		default:
			return false, false
		}
		lower[i] = lowerASCII(c)
	}
	if !upper || !low {
		return true, false
	}
	h := keccak256(lower[:])
	for i, c := range w[2:] {
		if isDigit(c) {
			continue
		}
		nib := h[i/2] >> 4
		if i%2 == 1 {
			nib = h[i/2] & 0xf
		}
		if (nib >= 8) != (c <= 'F') {
			return false, false
		}
	}
	return true, true
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Value maps a byte to its base58 digit, or 0xff; built once, read-only.
var base58Value = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := range len(base58Alphabet) {
		t[base58Alphabet[i]] = byte(i)
	}
	return t
}()

// base58First marks the first characters of the base58check addresses
// base58Address accepts: Bitcoin "1…" and "3…" (26 to 35 characters),
// Litecoin "L…" and "M…", Dogecoin "D…" and Tron "T…" (33 or 34); the
// lengths are checked first, as the base58 decoding is the costly part.
var base58First = func() (t [256]bool) {
	for _, c := range "13LMDT" {
		t[c] = true
	}
	return t
}()

// base58Rule names the coin of a base58check address by its first character.
func base58Rule(c byte) string {
	switch c {
	case 'L', 'M':
		return "litecoin-base58"
	case 'D':
		return "dogecoin-base58"
	case 'T':
		return "tron-base58"
	}
	return "bitcoin-base58"
}

// base58Versions marks the version bytes of the addresses base58First
// names: Bitcoin 0 and 5 (Litecoin's legacy P2SH too), Litecoin 0x30 and
// 0x32, Dogecoin 0x1e and Tron 0x41.
var base58Versions = func() (t [256]bool) {
	for _, v := range []byte{0x00, 0x05, 0x30, 0x32, 0x1e, 0x41} {
		t[v] = true
	}
	return t
}()

// base58Address reports whether w is a base58check address of a coin
// base58Versions lists: 25 bytes, a known version byte, and the first four
// bytes of the double SHA-256 of the rest as checksum.
func base58Address(w []byte) bool {
	if len(w) > 35 {
		return false
	}
	var out [25]byte
	for _, c := range w {
		carry := uint(base58Value[c])
		if carry == 0xff {
			return false
		}
		for j := len(out) - 1; j >= 0; j-- {
			carry += 58 * uint(out[j])
			out[j] = byte(carry)
			carry >>= 8
		}
		if carry != 0 {
			return false
		}
	}
	// Each leading '1' stands for one leading zero byte.
	ones := 0
	for ones < len(w) && w[ones] == '1' {
		ones++
	}
	zeros := 0
	for zeros < len(out) && out[zeros] == 0 {
		zeros++
	}
	if ones != zeros || !base58Versions[out[0]] {
		return false
	}
	h := sha256.Sum256(out[:21])
	h = sha256.Sum256(h[:])
	return h[0] == out[21] && h[1] == out[22] && h[2] == out[23] && h[3] == out[24]
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32Value maps a lower-case byte to its bech32 digit, or 0xff.
var bech32Value = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := range len(bech32Charset) {
		t[bech32Charset[i]] = byte(i)
	}
	return t
}()

// bech32Address reports whether w is a mainnet segwit address of the coin
// whose human-readable part is hrp ("bc1…" for Bitcoin, "ltc1…" for
// Litecoin) with a valid checksum: bech32 for witness version 0 (20- or
// 32-byte programs), bech32m for versions 1 to 16 (2- to 40-byte programs).
// Mixed case is invalid, as BIP 173 says.
func bech32Address(w []byte, hrp string) bool {
	h := len(hrp)
	if len(w) < 12+h || len(w) > 72+h || w[h] != '1' {
		return false
	}
	for i := range h {
		if lowerASCII(w[i]) != hrp[i] {
			return false
		}
	}
	upper, lower := false, false
	for _, c := range w {
		upper = upper || c >= 'A' && c <= 'Z'
		lower = lower || c >= 'a' && c <= 'z'
	}
	if upper && lower {
		return false
	}
	// Checksum over the expanded human-readable part "bc" and the data.
	chk := uint32(1)
	for i := range h {
		chk = bech32Step(chk, hrp[i]>>5)
	}
	chk = bech32Step(chk, 0)
	for i := range h {
		chk = bech32Step(chk, hrp[i]&31)
	}
	data := w[h+1:]
	for _, c := range data {
		v := bech32Value[lowerASCII(c)]
		if v == 0xff {
			return false
		}
		chk = bech32Step(chk, v)
	}
	version := bech32Value[lowerASCII(data[0])]
	progBits := (len(data) - 1 - 6) * 5
	progLen := progBits / 8
	switch {
	case progBits%8 > 4 || progLen < 2 || progLen > 40 || version > 16:
		return false
	case version == 0:
		return chk == 1 && (progLen == 20 || progLen == 32)
	default:
		return chk == 0x2bc830a3
	}
}

// bech32Step feeds one 5-bit value into the bech32 checksum.
func bech32Step(chk uint32, v byte) uint32 {
	b := chk >> 25
	chk = (chk&0x1ffffff)<<5 ^ uint32(v)
	for i, g := range [...]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3} {
		if b>>i&1 != 0 {
			chk ^= g
		}
	}
	return chk
}

// keccak256 is the Keccak-256 hash Ethereum uses (the original Keccak
// padding, not FIPS 202 SHA3-256).
func keccak256(in []byte) [32]byte {
	return keccakSponge(in, 0x01)
}

// keccakSponge absorbs in with rate 136 bytes and the given padding domain
// byte (0x01 for Keccak, 0x06 for SHA3-256) and squeezes 32 bytes.
func keccakSponge(in []byte, domain byte) [32]byte {
	const rate = 136
	var a [25]uint64
	for len(in) >= rate {
		for i := range rate / 8 {
			a[i] ^= binary.LittleEndian.Uint64(in[8*i:])
		}
		keccakF1600(&a)
		in = in[rate:]
	}
	var block [rate]byte
	copy(block[:], in)
	block[len(in)] ^= domain
	block[rate-1] ^= 0x80
	for i := range rate / 8 {
		a[i] ^= binary.LittleEndian.Uint64(block[8*i:])
	}
	keccakF1600(&a)
	var out [32]byte
	for i := range 4 {
		binary.LittleEndian.PutUint64(out[8*i:], a[i])
	}
	return out
}

var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

var keccakRotc = [24]int{1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44}

var keccakPiln = [24]int{10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1}

// Lane neighbours: (i+4)%5, (i+1)%5 and (i+2)%5, looked up rather than
// divided.
var (
	keccakPrev  = [5]int{4, 0, 1, 2, 3}
	keccakNext  = [5]int{1, 2, 3, 4, 0}
	keccakNext2 = [5]int{2, 3, 4, 0, 1}
)

// keccakF1600 is the Keccak-f[1600] permutation.
func keccakF1600(a *[25]uint64) {
	var bc [5]uint64
	for round := range 24 {
		// θ
		for i := range 5 {
			bc[i] = a[i] ^ a[i+5] ^ a[i+10] ^ a[i+15] ^ a[i+20]
		}
		for i := range 5 {
			t := bc[keccakPrev[i]] ^ bits.RotateLeft64(bc[keccakNext[i]], 1)
			for j := 0; j < 25; j += 5 {
				a[j+i] ^= t
			}
		}
		// ρ and π
		t := a[1]
		for i := range 24 {
			j := keccakPiln[i]
			t, a[j] = a[j], bits.RotateLeft64(t, keccakRotc[i])
		}
		// χ
		for j := 0; j < 25; j += 5 {
			copy(bc[:], a[j:j+5])
			for i := range 5 {
				a[j+i] ^= ^bc[keccakNext[i]] & bc[keccakNext2[i]]
			}
		}
		// ι
		a[0] ^= keccakRC[round]
	}
}
