package pipeline

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/demo"
)

// TestTLSAndSASL runs the pipeline against a broker that requires mutual
// TLS and SCRAM-SHA-512, with the CA and client certificate from files as
// an operator would configure them.
func TestTLSAndSASL(t *testing.T) {
	dir := t.TempDir()
	ca, caKey := newCA(t)
	serverCert := issue(t, ca, caKey, "broker", false)
	clientCert := issue(t, ca, caKey, "convanon", true)
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	c, err := kfake.NewCluster(
		kfake.NumBrokers(1),
		kfake.TLS(&tls.Config{Certificates: []tls.Certificate{serverCert}, ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: tls.VersionTLS12}),
		kfake.EnableSASL(),
		kfake.Superuser("SCRAM-SHA-512", "convanon", "test-password"),
		kfake.SeedTopics(2, "conversations"),
		kfake.SeedTopics(1, "feedback", "training-optouts", "convanon-dlq"),
		kfake.GroupMinSessionTimeout(100*time.Millisecond),
	)
	if err != nil {
		t.Fatalf("kfake.NewCluster: %v", err)
	}
	defer c.Close()

	cfg := testConfig(c.ListenAddrs(), t.TempDir())
	cfg.Kafka.TLS = config.TLS{
		CAFile:   writePEM(t, dir, "ca.pem", "CERTIFICATE", ca.Raw),
		CertFile: writePEM(t, dir, "client.pem", "CERTIFICATE", clientCert.Certificate[0]),
		KeyFile:  writeKey(t, dir, "client-key.pem", clientCert.PrivateKey.(*ecdsa.PrivateKey)),
	}
	cfg.Kafka.SASL = config.SASL{Mechanism: "scram-sha-512", Username: "convanon", PasswordFile: writeFile(t, dir, "password", "test-password\n")}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	s := demo.Generate(4, 200, testTopics)
	produceWith(t, cfg.Kafka, s.OptOuts)
	produceWith(t, cfg.Kafka, s.Events)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	p := newTestPipeline(t, cfg, true)
	if err := p.Run(ctx); err != nil {
		t.Fatalf("Run over mutual TLS and SCRAM: %v", err)
	}
	if got, want := p.Stats().Events.Load(), int64(len(s.Events)); got != want {
		t.Errorf("Stats().Events = %d, want %d", got, want)
	}
}

func TestNewClusterErrors(t *testing.T) {
	dir := t.TempDir()
	notPEM := writeFile(t, dir, "ca.txt", "not a certificate")
	tests := []struct {
		name string
		give config.Kafka
		want string
	}{
		{"missing CA file", config.Kafka{TLS: config.TLS{CAFile: filepath.Join(dir, "nope.pem")}}, "kafka.tls.ca_file: open"},
		{"CA file without PEM", config.Kafka{TLS: config.TLS{CAFile: notPEM}}, "kafka.tls.ca_file: no PEM certificate"},
		{"bad client pair", config.Kafka{TLS: config.TLS{CertFile: notPEM, KeyFile: notPEM}}, "kafka.tls.cert_file, kafka.tls.key_file"},
		{"missing password file", config.Kafka{SASL: config.SASL{Mechanism: "plain", Username: "u", PasswordFile: filepath.Join(dir, "nope")}}, "kafka.sasl.password_file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCluster(tt.give)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewCluster() = %v, want error containing %q", err, tt.want)
			}
		})
	}
	cl, err := NewCluster(config.Kafka{TLS: config.TLS{Enabled: true}})
	if err != nil || cl.Dialer.TLS == nil || cl.Dialer.TLS.InsecureSkipVerify || cl.Transport.TLS != cl.Dialer.TLS {
		t.Errorf("NewCluster(tls enabled) = %+v, %v; want verified TLS on dialer and transport", cl.Dialer, err)
	}
}

func newCA(t *testing.T) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return ca, key
}

func issue(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey, name string, client bool) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	usage := x509.ExtKeyUsageServerAuth
	if client {
		usage = x509.ExtKeyUsageClientAuth
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func writePEM(t *testing.T, dir, name, typ string, der []byte) string {
	t.Helper()
	return writeFile(t, dir, name, string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})))
}

func writeKey(t *testing.T, dir, name string, key *ecdsa.PrivateKey) string {
	t.Helper()
	der, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return writePEM(t, dir, name, "EC PRIVATE KEY", der)
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
