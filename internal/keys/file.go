package keys

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// fileFormat is the key file's YAML:
//
//	rotation: period       # or versions
//	period: daily          # hourly, daily, weekly, monthly; rotation period only
//	keys:
//	  - id: k2026
//	    not_before: 2026-01-01T00:00:00Z
//	    secret: 3q2+7w...  # base64, 32 random bytes
//	  - id: k2025
//	    not_before: 2025-01-01T00:00:00Z
//	    destroyed: true    # secret removed: its pseudonyms are unlinkable
type fileFormat struct {
	Rotation string    `yaml:"rotation"`
	Period   string    `yaml:"period,omitempty"`
	Keys     []fileKey `yaml:"keys"`
}

type fileKey struct {
	ID string `yaml:"id"`
	// NotBefore is a string so that a decoding error cannot quote a
	// misplaced secret.
	NotBefore string `yaml:"not_before,omitempty"`
	Secret    string `yaml:"secret,omitempty"`
	Destroyed bool   `yaml:"destroyed,omitempty"`
}

// Load reads a key file. It refuses a file that group or others may read,
// and reports every problem in the file at once, naming keys by id and never
// quoting a secret.
func Load(path string) (*Ring, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("key file %s: not a regular file", path)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("key file %s: mode %04o lets group or others read it; run: chmod 600 %s", path, perm, path)
	}
	var ff fileFormat
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(&ff); err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, yamlError(err))
	}
	r, err := ff.ring()
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	return r, nil
}

// yamlError keeps a YAML error's line numbers and field names but drops the
// values yaml.v3 quotes in type errors, which could be key material.
func yamlError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err
	}
	var errs []error
	for _, e := range te.Errors {
		if strings.Contains(e, "cannot unmarshal") {
			line, _, _ := strings.Cut(e, ":")
			e = line + ": value of the wrong type"
		}
		errs = append(errs, errors.New(e))
	}
	return errors.Join(errs...)
}

// ring validates the file's contents and builds its ring.
func (ff *fileFormat) ring() (*Ring, error) {
	var errs []error
	rot, err := ParseRotation(ff.Rotation)
	if ff.Rotation == "" {
		rot, err = RotatePeriod, nil
	}
	if err != nil {
		errs = append(errs, err)
	}
	p, err := ParsePeriod(ff.Period)
	if err != nil {
		errs = append(errs, err)
	}
	if rot == RotateVersions && ff.Period != "" {
		errs = append(errs, errors.New("period: set only with rotation: period"))
	}
	if len(ff.Keys) == 0 {
		errs = append(errs, errors.New("keys: empty; generate a key file with 'convanon keys new'"))
	}
	var ks []*Key
	for i, fk := range ff.Keys {
		k, err := fk.key()
		if err != nil {
			errs = append(errs, fmt.Errorf("keys[%d]: %w", i, err))
			continue
		}
		ks = append(ks, k)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewRing(rot, p, ks)
}

func (fk fileKey) key() (*Key, error) {
	var nb time.Time
	if fk.NotBefore != "" {
		var err error
		if nb, err = time.Parse(time.RFC3339, fk.NotBefore); err != nil {
			return nil, fmt.Errorf("id %s: not_before is not an RFC 3339 time such as 2026-01-01T00:00:00Z", fk.ID)
		}
	}
	switch {
	case fk.Destroyed && fk.Secret != "":
		return nil, fmt.Errorf("id %s: destroyed but still has a secret; delete the secret line", fk.ID)
	case fk.Destroyed:
		return DestroyedKey(fk.ID, nb)
	case fk.Secret == "":
		return nil, fmt.Errorf("id %s: no secret; set secret (base64) or destroyed: true", fk.ID)
	}
	secret, err := decodeSecret(fk.Secret)
	if err != nil {
		return nil, fmt.Errorf("id %s: %w", fk.ID, err)
	}
	return NewKey(fk.ID, nb, secret)
}

// decodeSecret accepts standard base64 with or without padding.
func decodeSecret(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(s)
	}
	if err != nil {
		return nil, errors.New("secret is not valid base64")
	}
	return b, nil
}

// LoadEnv builds a ring from the environment variable name, which holds a
// base64 root secret, optionally preceded by its id and a colon
// ("k2026:3q2+7w..."); the id defaults to "env". The key is in force from
// the beginning of time; rot and p say how it rotates (RotateVersions: one
// fixed key).
func LoadEnv(name string, rot Rotation, p Period) (*Ring, error) {
	v, ok := os.LookupEnv(name)
	if !ok || v == "" {
		return nil, fmt.Errorf("key variable %s: not set", name)
	}
	id, b64, found := strings.Cut(v, ":")
	if !found {
		id, b64 = "env", v
	}
	secret, err := decodeSecret(b64)
	if err != nil {
		return nil, fmt.Errorf("key variable %s: %w", name, err)
	}
	k, err := NewKey(id, time.Time{}, secret)
	if err != nil {
		return nil, fmt.Errorf("key variable %s: %w", name, err)
	}
	return NewRing(rot, p, []*Key{k})
}

// Ephemeral returns a ring over a random root secret, for scan and demo
// runs whose pseudonyms need not match any other run's. Its id is "eph-"
// and 8 random hex digits. Callers say on stderr that the key is ephemeral.
func Ephemeral(rot Rotation, p Period) (*Ring, error) {
	var idb [4]byte
	rand.Read(idb[:])
	secret := make([]byte, secretLen)
	rand.Read(secret)
	k, err := NewKey("eph-"+hex.EncodeToString(idb[:]), time.Time{}, secret)
	if err != nil {
		return nil, err
	}
	return NewRing(rot, p, []*Key{k})
}

// Generate writes a new key file at path holding one random 32-byte root
// secret with the given id, in force from notBefore, rotating as rot and p
// say. The file is created with mode 0600 and never overwrites an existing
// one.
func Generate(path, id string, notBefore time.Time, rot Rotation, p Period) error {
	secret := make([]byte, secretLen)
	rand.Read(secret)
	k, err := NewKey(id, notBefore, secret)
	if err != nil {
		return err
	}
	if _, err := NewRing(rot, p, []*Key{k}); err != nil {
		return err
	}
	ff := fileFormat{Rotation: string(rot), Keys: []fileKey{{
		ID: id, Secret: base64.StdEncoding.EncodeToString(secret),
	}}}
	if !notBefore.IsZero() {
		ff.Keys[0].NotBefore = notBefore.UTC().Format(time.RFC3339)
	}
	if rot == RotatePeriod {
		ff.Period = string(p)
		if p == "" {
			ff.Period = string(Daily)
		}
	}
	var buf bytes.Buffer
	buf.WriteString("# convanon pseudonymization keys. Keep this file private (mode 0600).\n" +
		"# To rotate, add a key with a later not_before; to make old pseudonyms\n" +
		"# unlinkable, replace a key's secret line with 'destroyed: true'.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(ff); err != nil {
		return fmt.Errorf("encode key file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create key file: %w", err)
	}
	_, err = f.Write(buf.Bytes())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // a half-written key file must not be mistaken for a key
		return fmt.Errorf("write key file %s: %w", path, err)
	}
	return nil
}
