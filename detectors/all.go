package detectors

// All returns every detector convanon ships, in a new slice. Their order is
// the order in which the engine wakes them for a token; it does not affect
// which finding wins an overlap.
//
// It loads the embedded name and place lexicon (tens of milliseconds) and
// shares it among the detectors that need it.
func All() []Detector {
	lex := mustLexicon()
	return []Detector{
		// Network identifiers: email.go, url.go, ip.go, mac.go.
		Email, URL, IPAddress, MACAddress,

		// Numbers with checksums or structure: phone.go, card.go, iban.go, ssn.go, crypto.go.
		Card(), IBAN(), SSN(), Crypto(), Phone(),

		// Secrets and credentials: secret*.go.
		SecretToken(),
		SecretAssignment(),
		PrivateKey(),

		// Conversational and multilingual: person.go, location.go, spoken_*.go, address.go, …
		Person(lex), PersonAccented(lex), PersonLower(lex), PersonHandle(lex), PersonSpeaking(lex), Location(lex),
		SpokenDigits,
		SpokenEmail,
		DateOfBirth,
		Operational,
		Tracking,
		TrackingGrouped,
		OperationalCode,
		Address,
		PostalCode,
		GovID, // and MEDICAL: medical.go's rules
	}
}

// NewDefault returns an engine over All.
func NewDefault() (*Engine, error) { return New(All()) }
