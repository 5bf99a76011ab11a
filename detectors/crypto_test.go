package detectors

import (
	"crypto/sha3"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCryptoTruePositives(t *testing.T) {
	tests := []struct {
		name string
		give string
		sub  string
		want string
	}{
		{"btc p2pkh genesis", "send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa please", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{"btc p2pkh", "159Gt41DBzYRsML1JiTNVqNySxVCAuNKWr", "159Gt41DBzYRsML1JiTNVqNySxVCAuNKWr", "159Gt41DBzYRsML1JiTNVqNySxVCAuNKWr"},
		{"btc p2pkh leading zeros", "addr 112qz5vtoE7H5AbytuqEBmEg8fovfin6h4.", "112qz5vtoE7H5AbytuqEBmEg8fovfin6h4", "112qz5vtoE7H5AbytuqEBmEg8fovfin6h4"},
		{"btc p2sh", "3GTXfdm4PPo8RMgvAXFCrwkPDxSadV8dVp", "3GTXfdm4PPo8RMgvAXFCrwkPDxSadV8dVp", "3GTXfdm4PPo8RMgvAXFCrwkPDxSadV8dVp"},
		{"bech32 p2wpkh", "wallet: bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pk", "bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pk", "bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pk"},
		{"bech32 p2wsh", "bc1q8c37s9sq89v55vuffajkfcd3xj9m67sq3r2zcjktw0h2a4vuqzwskcfe8r", "bc1q8c37s9sq89v55vuffajkfcd3xj9m67sq3r2zcjktw0h2a4vuqzwskcfe8r", "bc1q8c37s9sq89v55vuffajkfcd3xj9m67sq3r2zcjktw0h2a4vuqzwskcfe8r"},
		{"bech32 upper", "BC1QE2TCZYK2RW7U47KZXXEE5G7UFKNCDMLCPMW3PK", "BC1QE2TCZYK2RW7U47KZXXEE5G7UFKNCDMLCPMW3PK", "bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pk"},
		{"bech32m taproot", "bc1p9e7jcqaf2pawye0v7k6n26y955ee8gszn5jp89yewfj6rgj6alrqcvs289", "bc1p9e7jcqaf2pawye0v7k6n26y955ee8gszn5jp89yewfj6rgj6alrqcvs289", "bc1p9e7jcqaf2pawye0v7k6n26y955ee8gszn5jp89yewfj6rgj6alrqcvs289"},
		{"eth eip55", "my wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ok", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{"eth eip55 2", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"},
		{"eth eip55 3", "(0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB)", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb"},
		{"eth lower", "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae", "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae", "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"},
		{"after colon", "ethereum:0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb"},
		{"litecoin L", "my ltc wallet is LLF7bd1B1kHfYQYbxbFTBvYM1LoegXHn7P", "LLF7bd1B1kHfYQYbxbFTBvYM1LoegXHn7P", "LLF7bd1B1kHfYQYbxbFTBvYM1LoegXHn7P"},
		{"litecoin M", "M8vKZqbkS7DRBGpn1Rv6AB5vGMKY9dGGgC.", "M8vKZqbkS7DRBGpn1Rv6AB5vGMKY9dGGgC", "M8vKZqbkS7DRBGpn1Rv6AB5vGMKY9dGGgC"},
		{"litecoin bech32", "LTC: ltc1qpvc9275lcn5suv6c0k3v0mq3xedcpfw24vvr3x", "ltc1qpvc9275lcn5suv6c0k3v0mq3xedcpfw24vvr3x", "ltc1qpvc9275lcn5suv6c0k3v0mq3xedcpfw24vvr3x"},
		{"dogecoin", "doge → D6AFsfdzEVwtpc33X3FiTfeBgGAfvE3dfi", "D6AFsfdzEVwtpc33X3FiTfeBgGAfvE3dfi", "D6AFsfdzEVwtpc33X3FiTfeBgGAfvE3dfi"},
		{"tron usdt", "USDT (TRC20): TATeFzXqZChQaUPbpQFzQy1Lv841YYZ73o", "TATeFzXqZChQaUPbpQFzQy1Lv841YYZ73o", "TATeFzXqZChQaUPbpQFzQy1Lv841YYZ73o"},
		{"after escaped newline", `wallet:\nLKiPX9TwV8pWg728QGbaAqNyDYfyPE5Bxk`, "LKiPX9TwV8pWg728QGbaAqNyDYfyPE5Bxk", "LKiPX9TwV8pWg728QGbaAqNyDYfyPE5Bxk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Crypto(), Input{Text: []byte(tt.give)})
			want := []hit{span(tt.give, tt.sub, tt.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestCryptoConfidence(t *testing.T) {
	tests := []struct {
		give          string
		wantConf      float32
		wantValidated bool
	}{
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 0.99, true},
		{"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", 0.85, false},
		{"0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", 0.85, false},
	}
	for _, tt := range tests {
		e, err := New([]Detector{Crypto()})
		if err != nil {
			t.Fatal(err)
		}
		fs := e.Scan(nil, []byte(tt.give))
		if len(fs) != 1 || fs[0].Confidence != tt.wantConf || fs[0].Validated != tt.wantValidated {
			t.Errorf("Scan(%q) = %v, want one finding with confidence %v, validated %v", tt.give, fs, tt.wantConf, tt.wantValidated)
		}
	}
}

func TestCryptoTrueNegatives(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"en chat", "my order 1234567 arrives on 2024-01-15 at 10:30, thanks a lot"},
		{"de chat", "Vielen Dank für die schnelle Lieferung der Bestellung 12345"},
		{"long words", "Donaudampfschifffahrtsgesellschaftskapitän1 antidisestablishmentarianism3"},
		{"url", "https://example.com/a/very/long/path/1234567890/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Crypto(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestCryptoNearMisses(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"btc bad checksum", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"},
		{"btc one char changed", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivgNa"},
		{"p2sh bad checksum", "3GTXfdm4PPo8RMgvAXFCrwkPDxSadV8dVq"},
		{"bech32 bad checksum", "bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pj"},
		{"bech32 mixed case", "bc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3PK"},
		{"taproot with bech32 checksum", "bc1p9e7jcqaf2pawye0v7k6n26y955ee8gszn5jp89yewfj6rgj6alrqdsqxz8"},
		{"eth bad eip55", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"},
		{"eth too short", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"},
		{"tx hash", "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"},
		{"git sha", "commit 3f786850e387550fdab836ed7e6dc881de23001b"},
		{"git sha starting 1", "1f786850e387550fdab836ed7e6dc881de23001b"},
		{"uuid", "123e4567-e89b-12d3-a456-426614174000"},
		{"glued", "x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{"not hex", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beagz"},
		{"litecoin bad checksum", "LLF7bd1B1kHfYQYbxbFTBvYM1LoegXHn7Q"},
		{"tron bad checksum", "TATeFzXqZChQaUPbpQFzQy1Lv841YYZ73p"},
		{"base58check of another version", "VaVGAeKZpHUfV5E7xvFuKie4h9bfnibbLK"},
		{"ltc1 with a bitcoin checksum", "ltc1qe2tczyk2rw7u47kzxxee5g7ufkncdmlcpmw3pk"},
		{"camel case identifier", "LoremIpsumDolorSitAmet2024Consectetur"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOnly(t, Crypto(), Input{Text: []byte(tt.give)})
			if diff := cmp.Diff([]hit{}, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestKeccak(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{"empty", "", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
		{"abc", "abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"},
	}
	for _, tt := range tests {
		h := keccak256([]byte(tt.give))
		if got := hex.EncodeToString(h[:]); got != tt.want {
			t.Errorf("keccak256(%q) = %s, want %s", tt.give, got, tt.want)
		}
	}
}

// TestKeccakPermutation checks the permutation against the standard
// library's SHA3-256, which differs only in its padding byte.
func TestKeccakPermutation(t *testing.T) {
	for _, n := range []int{0, 1, 40, 135, 136, 137, 300} {
		in := []byte(strings.Repeat("x", n))
		if got, want := keccakSponge(in, 0x06), sha3.Sum256(in); got != want {
			t.Errorf("keccakSponge(%d bytes, 0x06) = %x, want SHA3-256 %x", n, got, want)
		}
	}
}

func BenchmarkCrypto_Chat256(b *testing.B) { benchDetector(b, Crypto(), chatWithDigits(256)) }
func BenchmarkCrypto_Chat4K(b *testing.B)  { benchDetector(b, Crypto(), chatWithDigits(4<<10)) }
func BenchmarkCrypto_Chat64K(b *testing.B) { benchDetector(b, Crypto(), chatWithDigits(64<<10)) }
func BenchmarkCrypto_CandidateBTC(b *testing.B) {
	benchDetector(b, Crypto(), []byte("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa please"))
}
func BenchmarkCrypto_CandidateETH(b *testing.B) {
	benchDetector(b, Crypto(), []byte("wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ok"))
}
