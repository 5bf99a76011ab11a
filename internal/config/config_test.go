package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestLoadValid(t *testing.T) {
	c, err := Load("../../testdata/config/valid/full.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	yes := true
	want := map[string]Tenant{
		"acme":     {Actions: map[string]string{"EMAIL": "redact"}},
		"clinic":   {HIPAA: true, Channels: []string{"chat", "voice"}},
		"research": {HIPAA: true, Decisions: &yes},
	}
	if diff := cmp.Diff(want, c.Tenants); diff != "" {
		t.Errorf("Load tenants mismatch (-want +got):\n%s", diff)
	}
	if c.Output.BatchAge != time.Minute || c.Kafka.Topics.OptOuts != "training-optouts" {
		t.Errorf("Load = batch_age %s optouts %q, want 1m0s training-optouts", c.Output.BatchAge, c.Kafka.Topics.OptOuts)
	}
}

func TestCollectsDecisions(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name string
		give Tenant
		want bool
	}{
		{"default", Tenant{}, true},
		{"hipaa", Tenant{HIPAA: true}, false},
		{"hipaa enabled", Tenant{HIPAA: true, Decisions: &yes}, true},
		{"disabled", Tenant{Decisions: &no}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.give.CollectsDecisions(); got != tt.want {
				t.Errorf("CollectsDecisions() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestInvalid loads each fixture in testdata/config/invalid, one mistake per
// file; the file's first line says what the error must contain.
func TestInvalid(t *testing.T) {
	files, err := filepath.Glob("../../testdata/config/invalid/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(b), "\n")
			want := strings.TrimSpace(strings.TrimPrefix(first, "# want:"))
			c, err := Parse(b)
			if err == nil {
				err = c.Validate()
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Parse+Validate(%s) = %v, want error containing %q", filepath.Base(f), err, want)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	c := Default()
	c.Keys.Source = "hunter2"
	c.Log.Level = "loud"
	err := c.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want errors")
	}
	for _, want := range []string{"kafka.brokers", "output.dir", "keys.source", "log.level"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want a problem for %s", err, want)
		}
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("Validate() = %v, echoes the key source", err)
	}
}

func TestInvalidNeverEchoesSecrets(t *testing.T) {
	b, err := os.ReadFile("../../testdata/config/invalid/sasl_bad_mechanism.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if err := c.Validate(); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Validate() = %v, want an error without the password", err)
	}
}
