package pipeline

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"

	"github.com/convanon/convanon/internal/config"
)

// Cluster is how every Kafka client of convanon reaches the brokers: the
// consumer group, the partition and opt-out readers (Dialer), and the
// metadata client and dead-letter writer (Transport), all with the same
// TLS and SASL settings.
type Cluster struct {
	Brokers   []string
	Dialer    *kafka.Dialer
	Transport *kafka.Transport
}

// dialTimeout bounds connecting, TLS and SASL handshakes included.
const dialTimeout = 10 * time.Second

// NewCluster builds the connection settings of k. It reads the CA,
// client certificate and password files now, so a bad path stops start-up
// naming the setting; errors never include the password.
func NewCluster(k config.Kafka) (Cluster, error) {
	tc, err := tlsConfig(k.TLS)
	if err != nil {
		return Cluster{}, err
	}
	mech, err := saslMechanism(k.SASL)
	if err != nil {
		return Cluster{}, err
	}
	return Cluster{
		Brokers:   k.Brokers,
		Dialer:    &kafka.Dialer{Timeout: dialTimeout, DualStack: true, TLS: tc, SASLMechanism: mech},
		Transport: &kafka.Transport{DialTimeout: dialTimeout, TLS: tc, SASL: mech},
	}, nil
}

// tlsConfig returns nil when TLS is off.
func tlsConfig(t config.TLS) (*tls.Config, error) {
	if !t.On() {
		return nil, nil
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName, InsecureSkipVerify: t.InsecureSkipVerify}
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("kafka.tls.ca_file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("kafka.tls.ca_file: no PEM certificate in the file")
		}
		tc.RootCAs = pool
	}
	if t.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("kafka.tls.cert_file, kafka.tls.key_file: %w", err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	return tc, nil
}

// saslMechanism returns nil when SASL is off.
func saslMechanism(s config.SASL) (sasl.Mechanism, error) {
	if s.Mechanism == "" {
		return nil, nil
	}
	password := s.Password
	if s.PasswordFile != "" {
		b, err := os.ReadFile(s.PasswordFile)
		if err != nil {
			return nil, fmt.Errorf("kafka.sasl.password_file: %w", err)
		}
		password = strings.TrimRight(string(b), " \t\r\n")
	}
	switch s.Mechanism {
	case "plain":
		return plain.Mechanism{Username: s.Username, Password: password}, nil
	case "scram-sha-256", "scram-sha-512":
		algo := scram.SHA256
		if s.Mechanism == "scram-sha-512" {
			algo = scram.SHA512
		}
		m, err := scram.Mechanism(algo, s.Username, password)
		if err != nil {
			// scram's errors concern the user name's or password's form, not its value.
			return nil, fmt.Errorf("kafka.sasl: %w", err)
		}
		return m, nil
	}
	return nil, fmt.Errorf("kafka.sasl.mechanism: %q; one of plain, scram-sha-256, scram-sha-512", s.Mechanism)
}
