package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/convanon/convanon/bench/corpus"
	"github.com/convanon/convanon/detectors"
	"github.com/google/go-cmp/cmp"
)

func TestScanSummaryLine(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(&stdout, &stderr, []string{"scan", "--messages", "200", "--runs", "1", "--seed", "3", "--per-detector", "--min-run", "1ms"}); code != 0 {
		t.Fatalf("run(scan) = %d, want 0; stderr:\n%s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	last := lines[len(lines)-1]
	want := regexp.MustCompile(`^scan: engine=[0-9.]+ baseline=[0-9.]+ ratio=[0-9.]+ allocs/msg=[0-9.]+$`)
	if !want.MatchString(last) {
		t.Errorf("run(scan) last line = %q, want it to match %s", last, want)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		give []string
		want int
	}{
		{"no command", nil, 2},
		{"unknown command", []string{"pipelines"}, 2},
		{"bad flag", []string{"scan", "--nope"}, 2},
		{"zero runs", []string{"scan", "--runs", "0"}, 2},
		{"zero pipeline runs", []string{"pipeline", "--runs", "0"}, 2},
		{"stray argument", []string{"corpus", "extra"}, 2},
		{"negative messages", []string{"corpus", "--messages", "-1"}, 2},
		{"help", []string{"help"}, 0},
		{"command help", []string{"scan", "--help"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(&stdout, &stderr, tt.give); got != tt.want {
				t.Errorf("run(%q) = %d, want %d", tt.give, got, tt.want)
			}
		})
	}
}

func TestCorpusCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(&stdout, &stderr, []string{"corpus", "--messages", "30", "--seed", "9"}); code != 0 {
		t.Fatalf("run(corpus) = %d, want 0; stderr:\n%s", code, stderr.String())
	}
	var got []corpus.Message
	for line := range strings.SplitSeq(strings.TrimSpace(stdout.String()), "\n") {
		var m corpus.Message
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("run(corpus) printed a line that is no JSON: %v", err)
		}
		got = append(got, m)
	}
	if diff := cmp.Diff(corpus.Generate(9, 30), got); diff != "" {
		t.Errorf("run(corpus) mismatch with Generate(9, 30) (-want +got):\n%s", diff)
	}
}

// TestNaiveRulesMatch checks that every baseline rule finds its type, so the
// baseline does the work it claims to.
func TestNaiveRulesMatch(t *testing.T) {
	tests := []struct {
		rule string
		give string
	}{
		{"email", "write to anna.m@example.com please"},
		{"url", "see https://example.com/a?b=c now"},
		{"ipv4", "host 203.0.113.7 down"},
		{"ipv6", "host 2001:db8::1 down"},
		{"mac", "mac 00:1A:2B:3C:4D:5E"},
		{"phone", "call +1 415 555 0142"},
		{"card", "card 4111 1111 1111 1111"},
		{"iban", "iban DE89 3704 0044 0532 0130 00"},
		{"ssn", "ssn 123-45-6789"},
		{"btc", "to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{"eth", "to 0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"},
		{"openai-anthropic", "key sk-" + strings.Repeat("a1", 12)},
		{"github", "token gh" + "p_" + strings.Repeat("x", 36)},
		{"aws", "id AK" + "IA" + strings.Repeat("Q", 16)},
		{"slack", "xo" + "xb-123456789012-abc"},
		{"stripe", "sk" + "_live_" + strings.Repeat("z", 24)},
		{"google", "AI" + "za" + strings.Repeat("k", 35)},
		{"jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"},
		{"pem", "-----BEGIN " + "RSA PRIVATE KEY-----"},
	}
	rules := map[string]naiveRule{}
	for _, r := range naiveRules() {
		rules[r.name] = r
	}
	if len(tests) != len(rules) {
		t.Errorf("%d rules tested, want all %d", len(tests), len(rules))
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			if got := naiveScan([]naiveRule{rules[tt.rule]}, []byte(tt.give)); got == 0 {
				t.Errorf("naiveScan(%s, %q) = 0 matches, want at least 1", tt.rule, tt.give)
			}
		})
	}
}

func TestWakesCountsFindCalls(t *testing.T) {
	c := newBenchCorpus([]corpus.Message{
		{Text: "write to anna@example.com or bob@example.org"},
		{Text: "no address here"},
	})
	got, err := c.wakes(detectors.Email)
	if err != nil {
		t.Fatalf("wakes(email): %v", err)
	}
	if got != 2 {
		t.Errorf("wakes(email) = %d, want 2 (one per token with an '@')", got)
	}
}
