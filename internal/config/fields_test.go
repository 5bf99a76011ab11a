package config

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the README's configuration table")

func TestFieldsDocumented(t *testing.T) {
	for _, f := range Fields() {
		if f.Doc == "" {
			t.Errorf("Fields(): %s has no doc comment", f.Key)
		}
	}
}

func TestFieldNames(t *testing.T) {
	byKey := map[string]Field{}
	for _, f := range Fields() {
		byKey[f.Key] = f
	}
	tests := []struct {
		give string
		want Field
	}{
		{"kafka.brokers", Field{Key: "kafka.brokers", Flag: "kafka.brokers", Env: "CONVANON_KAFKA_BROKERS", Type: "list"}},
		{"kafka.session_timeout", Field{Key: "kafka.session_timeout", Flag: "kafka.session-timeout", Env: "CONVANON_KAFKA_SESSION_TIMEOUT", Type: "duration", Default: "10s"}},
		{"kafka.sasl.password", Field{Key: "kafka.sasl.password", Flag: "kafka.sasl.password", Env: "CONVANON_KAFKA_SASL_PASSWORD", Type: "string", Secret: true}},
		{"metrics_addr", Field{Key: "metrics_addr", Flag: "metrics-addr", Env: "CONVANON_METRICS_ADDR", Type: "string"}},
		{"tenants", Field{Key: "tenants", Flag: "tenants", Env: "CONVANON_TENANTS", Type: "map"}},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got := byKey[tt.give]
			got.Doc, got.index = "", nil
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(Field{})); diff != "" {
				t.Errorf("Fields()[%s] mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

// TestResolvePrecedence sets one setting at every level and checks that
// flags beat the environment, which beats the file, which beats defaults.
func TestResolvePrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	yml := "kafka:\n  brokers: [file:9092]\n  group: from-file\n  topics: {feedback: fb-file}\noutput: {dir: out-file}\n"
	if err := os.WriteFile(file, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"CONVANON_KAFKA_GROUP":          "from-env",
		"CONVANON_OUTPUT_DIR":           "out-env",
		"CONVANON_OUTPUT_BATCH_AGE":     "2m",
		"CONVANON_KAFKA_SASL_MECHANISM": "scram-sha-512",
		"CONVANON_TENANTS":              "{clinic: {hipaa: true}}",
		"CONVANON_KEYS":                 "not a setting: key material, ignored here",
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	o := RegisterFlags(fs)
	if err := fs.Parse([]string{"--kafka.group=from-flag", "--kafka.brokers", "a:1,b:2", "--kafka.tls.insecure-skip-verify"}); err != nil {
		t.Fatalf("Parse flags: %v", err)
	}
	c, err := Resolve(file, func(k string) (string, bool) { v, ok := env[k]; return v, ok }, o)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	tests := []struct {
		name string
		give any
		want any
	}{
		{"flag beats env and file", c.Kafka.Group, "from-flag"},
		{"flag list", c.Kafka.Brokers, []string{"a:1", "b:2"}},
		{"bare bool flag", c.Kafka.TLS.InsecureSkipVerify, true},
		{"env beats file", c.Output.Dir, "out-env"},
		{"env duration", c.Output.BatchAge, 2 * time.Minute},
		{"env map", c.Tenants["clinic"].HIPAA, true},
		{"file beats default", c.Kafka.Topics.Feedback, "fb-file"},
		{"default", c.Kafka.Topics.Conversations, "conversations"},
		{"env nested", c.Kafka.SASL.Mechanism, "scram-sha-512"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.give); diff != "" {
				t.Errorf("Resolve() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveBadValuesNameTheirSource(t *testing.T) {
	tests := []struct {
		name string
		give map[string]string
		want string
	}{
		{"duration", map[string]string{"CONVANON_OUTPUT_BATCH_AGE": "soon"}, `environment CONVANON_OUTPUT_BATCH_AGE: output.batch_age: "soon" is not a duration`},
		{"bool", map[string]string{"CONVANON_TENANTS": "{acme: {hipaa: maybe}}"}, `tenants.acme.hipaa: "maybe" is not a boolean`},
		{"unknown nested key", map[string]string{"CONVANON_TENANTS": "{acme: {hipa: true}}"}, "unknown key tenants.acme.hipa; valid keys here: actions, channels, decisions, hipaa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve("", func(k string) (string, bool) { v, ok := tt.give[k]; return v, ok }, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Resolve(env %v) = %v, want error containing %q", tt.give, err, tt.want)
			}
		})
	}
}

func TestBadFlagNamesIt(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(&bytes.Buffer{})
	RegisterFlags(fs)
	err := fs.Parse([]string{"--max-record-bytes=lots"})
	want := `invalid value "lots" for flag -max-record-bytes: max_record_bytes: "lots" is not an integer`
	if err == nil || err.Error() != want {
		t.Errorf("Parse(--max-record-bytes=lots) = %v, want %q", err, want)
	}
}

func TestWriteYAMLHidesSecrets(t *testing.T) {
	c := Default()
	c.Kafka.SASL = SASL{Mechanism: "plain", Username: "convanon", Password: "s3cret-sasl"}
	var b bytes.Buffer
	if err := c.WriteYAML(&b); err != nil {
		t.Fatalf("WriteYAML: %v", err)
	}
	if strings.Contains(b.String(), "s3cret") || !strings.Contains(b.String(), "password: '[hidden]'") {
		t.Errorf("WriteYAML() = %s, want the password hidden", b.String())
	}
	back, err := Parse(b.Bytes())
	if err != nil {
		t.Fatalf("Parse(WriteYAML()) = %v, want its output to read back", err)
	}
	if back.Kafka.SASL.Username != "convanon" || back.Kafka.SASL.Password != "[hidden]" {
		t.Errorf("Parse(WriteYAML()) sasl = %q/%q, want convanon/[hidden]", back.Kafka.SASL.Username, back.Kafka.SASL.Password)
	}
}

// TestReadmeTable checks that the README's configuration table is
// WriteTable's output; -update rewrites it.
func TestReadmeTable(t *testing.T) {
	const begin, end = "<!-- config-table:begin -->\n", "<!-- config-table:end -->"
	path := "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(readme, []byte(begin)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", begin, end)
	}
	var table bytes.Buffer
	if err := WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	got := string(readme[i+len(begin) : j])
	if got == table.String() {
		return
	}
	if !*update {
		t.Fatalf("README.md configuration table is stale; run go test ./internal/config -run TestReadmeTable -update\n%s", cmp.Diff(table.String(), got))
	}
	out := append(append(append([]byte{}, readme[:i+len(begin)]...), table.Bytes()...), readme[j:]...)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}
