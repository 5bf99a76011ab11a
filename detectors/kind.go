package detectors

import (
	"fmt"
	"log/slog"
)

// Kind is the type of an identifier or secret, such as EMAIL or CREDIT_CARD.
// Kinds name output tokens (<EMAIL_…>), entity-count columns and per-type
// actions in configuration, so their names are stable.
type Kind uint8

// The kinds convanon detects. The zero Kind is invalid.
const (
	KindEmail Kind = iota + 1
	KindURL
	KindIPAddress
	KindMACAddress
	KindPhone
	KindCreditCard
	KindIBAN
	KindUSSSN
	KindCrypto
	KindSecret
	KindPerson
	KindAddress
	KindPostalCode
	KindLocation
	KindDateOfBirth
	KindGovID
	KindMedical
	KindOperational

	numKinds // one past the last kind; keep last
)

var kindNames = [numKinds]string{
	KindEmail:       "EMAIL",
	KindURL:         "URL",
	KindIPAddress:   "IP_ADDRESS",
	KindMACAddress:  "MAC_ADDRESS",
	KindPhone:       "PHONE",
	KindCreditCard:  "CREDIT_CARD",
	KindIBAN:        "IBAN",
	KindUSSSN:       "US_SSN",
	KindCrypto:      "CRYPTO",
	KindSecret:      "SECRET",
	KindPerson:      "PERSON",
	KindAddress:     "ADDRESS",
	KindPostalCode:  "POSTAL_CODE",
	KindLocation:    "LOCATION",
	KindDateOfBirth: "DATE_OF_BIRTH",
	KindGovID:       "GOV_ID",
	KindMedical:     "MEDICAL",
	KindOperational: "OPERATIONAL",
}

// String returns the kind's stable upper-case name, e.g. "EMAIL".
func (k Kind) String() string {
	if k == 0 || k >= numKinds {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return kindNames[k]
}

// Kinds returns every valid kind in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, 0, numKinds-1)
	for k := Kind(1); k < numKinds; k++ {
		ks = append(ks, k)
	}
	return ks
}

// ParseKind returns the kind named s (as printed by String).
func ParseKind(s string) (Kind, error) {
	for k := Kind(1); k < numKinds; k++ {
		if kindNames[k] == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown entity type %q", s)
}

// MarshalText implements encoding.TextMarshaler with the kind's name.
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 || k >= numKinds {
		return nil, fmt.Errorf("invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, accepting the names
// printed by String.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Finding is one identifier or secret found in a text.
//
// Value holds the identifier itself; it is used to derive pseudonyms and must
// never be logged, printed or put in an error. LogValue redacts it.
type Finding struct {
	Kind       Kind
	Start, End int     // byte offsets into the scanned text, End exclusive
	Confidence float32 // 0..1; validated findings are 0.95 or more
	Validated  bool    // a checksum or structural check passed (Luhn, mod 97, phone metadata, …)
	Rule       string  // the rule that matched, e.g. "email" or "github-pat"; safe to log
	// Value is the normalized identifier (E.164 phone, lower-case e-mail,
	// card digits …). It may alias the scanned text. Nil means the raw bytes
	// text[Start:End].
	Value []byte
}

// Len is the length of the finding's span in bytes.
func (f Finding) Len() int { return f.End - f.Start }

// LogValue implements slog.LogValuer: it logs the kind, rule and span, never
// the value.
func (f Finding) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("type", f.Kind.String()),
		slog.String("rule", f.Rule),
		slog.Int("start", f.Start),
		slog.Int("end", f.End),
	)
}

// String formats the finding without its value, so a finding printed by
// mistake leaks nothing.
func (f Finding) String() string {
	return fmt.Sprintf("%s[%d:%d]", f.Kind, f.Start, f.End)
}
