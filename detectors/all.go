package detectors

// All returns every detector convanon ships, in a new slice. Their order is
// the order in which the engine wakes them for a token; it does not affect
// which finding wins an overlap.
func All() []Detector {
	return []Detector{
		// Network identifiers: email.go, url.go, ip.go, mac.go.

		// Numbers with checksums or structure: phone.go, card.go, iban.go, ssn.go, crypto.go.
		Card(), IBAN(), SSN(), Crypto(), Phone(),

		// Secrets and credentials: secret*.go.

		// Conversational and multilingual: person.go, spoken.go, address.go, …
	}
}

// NewDefault returns an engine over All.
func NewDefault() (*Engine, error) { return New(All()) }
