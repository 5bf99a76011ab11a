package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/convanon/convanon/detectors"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden and generated test files (testdata/scan/*.golden, testdata/eval/labeled.jsonl)")

// testKeySecret is the fixed root secret of the scan tests' key, so that
// goldens are stable.
var testKeySecret = []byte("convanon-scan-golden-test-key-01")

// testKeyFile writes a key file with the fixed test key, mode 0600.
func testKeyFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "keys.yaml")
	body := "rotation: period\nperiod: daily\nkeys:\n  - id: test\n    secret: " + base64.StdEncoding.EncodeToString(testKeySecret) + "\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// runIn runs convanon with args and stdin, returning its code and streams.
func runIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

// scanWith runs scan with the test detectors.
func scanWith(t *testing.T, stdin string, args ...string) (error, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := scan(context.Background(), env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args, testDetectors())
	return err, out.String(), errb.String()
}

// testDetectors stand in for the shipped detectors, which land separately.
func testDetectors() []detectors.Detector {
	tok := func(name string, k detectors.Kind, trig detectors.Trigger, re *regexp.Regexp) detectors.Detector {
		return detectors.Detector{Name: name, Kind: k, Trigger: trig,
			Find: func(dst []detectors.Finding, in detectors.Input, tok detectors.Token) ([]detectors.Finding, int) {
				if loc := re.FindIndex(in.Text[tok.Start:tok.End]); loc != nil {
					dst = append(dst, detectors.Finding{Kind: k, Start: tok.Start + loc[0], End: tok.Start + loc[1], Confidence: 0.99, Validated: true, Rule: name})
				}
				return dst, tok.End
			}}
	}
	return []detectors.Detector{
		tok("test-email", detectors.KindEmail, detectors.Trigger{Any: detectors.ClassAt}, regexp.MustCompile(`[a-z0-9.+]+@[a-z0-9]+\.[a-z]+`)),
		tok("test-card", detectors.KindCreditCard, detectors.Trigger{All: detectors.ClassDigit, MinLen: 16}, regexp.MustCompile(`\d{16}`)),
	}
}

func TestScanText(t *testing.T) {
	key := testKeyFile(t)
	err, out, stderr := scanWith(t, "mail anna@example.com\n\ncard 4111111111111111 ok\r\nlast line without newline",
		"--key-file", key, "--time", "2026-11-23T10:00:00Z", "--tenant", "acme")
	if err != nil {
		t.Fatalf("scan = %v; stderr %s", err, stderr)
	}
	want := "mail <EMAIL_52bf5b94112e>\n\ncard <CREDIT_CARD> ok\nlast line without newline\n"
	if out != want {
		t.Errorf("scan output = %q, want %q", out, want)
	}
	if strings.Contains(stderr, "ephemeral") {
		t.Errorf("scan with --key-file announced an ephemeral key: %q", stderr)
	}
}

func TestScanJSONL(t *testing.T) {
	key := testKeyFile(t)
	in := `{"id":"m-1","text":"mail anna@example.com","tenant_id":"acme","ts":"2026-11-23T10:00:00Z"}
{"id":2,"text":"mail anna@example.com","tenant_id":"globex","ts":"2026-11-23T10:00:00Z","extra":{"ignored":true}}
{"id":"m-3","text":"é anna@example.com 4111111111111111","tenant_id":"acme","ts":"2026-11-24T10:00:00Z"}
{"id":"m-4","text":42}
`
	err, out, _ := scanWith(t, in, "--format", "jsonl", "--key-file", key)
	if err != errFailed {
		t.Errorf("scan with a bad line = %v, want errFailed", err)
	}
	want := `{"id":"m-1","text":"mail <EMAIL_52bf5b94112e>","findings":[{"type":"EMAIL","start":5,"end":21,"confidence":0.99}],"key_id":"test-20261123"}
{"id":2,"text":"mail <EMAIL_52f16a870b20>","findings":[{"type":"EMAIL","start":5,"end":21,"confidence":0.99}],"key_id":"test-20261123"}
{"id":"m-3","text":"é <EMAIL_7200c7365340> <CREDIT_CARD>","findings":[{"type":"EMAIL","start":3,"end":19,"confidence":0.99},{"type":"CREDIT_CARD","start":20,"end":36,"confidence":0.99}],"key_id":"test-20261124"}
{"id":"m-4","line":4,"error":"field text: got JSON number, want string"}
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("scan --format jsonl mismatch (-want +got):\n%s", diff)
	}
}

func TestScanNeverPrintsValues(t *testing.T) {
	err, out, stderr := scanWith(t, `{"text":"anna@example.com 4111111111111111"}`+"\n"+`{"text":"anna@example.com","ts":7}`+"\n"+"anna@example.com {\n",
		"--format", "jsonl")
	if err != errFailed {
		t.Errorf("scan = %v, want errFailed", err)
	}
	for _, v := range []string{"anna@example.com", "4111111111111111"} {
		if strings.Contains(out, v) || strings.Contains(stderr, v) {
			t.Errorf("scan printed a detected value %q:\nstdout %s\nstderr %s", v, out, stderr)
		}
	}
}

func TestScanLongLines(t *testing.T) {
	long := strings.Repeat("word ", 40<<10) // 200 KiB: beyond bufio.Scanner's default
	tests := []struct {
		name    string
		maxLine string
		want    string
		wantErr error
	}{
		{"within limit", "1048576", long + "\nnext\n", nil},
		{"over limit", "1000", "\nnext\n", errFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err, out, stderr := scanWith(t, long+"\nnext\n", "--max-line", tt.maxLine)
			if err != tt.wantErr {
				t.Errorf("scan --max-line %s = %v, want %v; stderr %s", tt.maxLine, err, tt.wantErr, stderr)
			}
			if out != tt.want {
				t.Errorf("scan --max-line %s output: %d bytes, want %d", tt.maxLine, len(out), len(tt.want))
			}
		})
	}
}

func TestScanLineReader(t *testing.T) {
	tests := []struct {
		name string
		give string
		max  int
		want []string // "!" marks a line reported too long
	}{
		{"empty input", "", 10, nil},
		{"one line no newline", "abc", 10, []string{"abc"}},
		{"crlf", "a\r\nb\r\n", 10, []string{"a", "b"}},
		{"blank lines", "\n\nx\n", 10, []string{"", "", "x"}},
		{"exactly max", "0123456789\nx", 10, []string{"0123456789", "x"}},
		{"one over max", "01234567890\nx", 10, []string{"!", "x"}},
		{"long line over buffer", strings.Repeat("y", 200<<10) + "\nx\n", 100 << 10, []string{"!", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lr := newLineReader(strings.NewReader(tt.give), tt.max)
			var got []string
			for {
				line, tooLong, err := lr.next()
				if err != nil {
					break
				}
				if tooLong {
					got = append(got, "!")
					continue
				}
				got = append(got, string(line))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lineReader(%.20q, %d) mismatch (-want +got):\n%s", tt.give, tt.max, diff)
			}
		})
	}
}

func TestScanUsageErrors(t *testing.T) {
	key := testKeyFile(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad format", []string{"--format", "csv"}, "--format"},
		{"both keys", []string{"--key-file", key, "--key-env", "X"}, "choose one"},
		{"bad action", []string{"--action", "CREDIT_CARD=keep"}, "pseudonymize, redact, mask"},
		{"bad time", []string{"--time", "noon"}, "RFC 3339"},
		{"unknown flag", []string{"--nope"}, "nope"},
		{"bad max line", []string{"--max-line", "0"}, "--max-line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runIn(t, "", append([]string{"scan"}, tt.args...)...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("convanon scan %v = exit %d, stderr %q; want exit 2 mentioning %q", tt.args, code, stderr, tt.want)
			}
		})
	}
}

func TestScanKeyProblems(t *testing.T) {
	open := filepath.Join(t.TempDir(), "open.yaml")
	if err := os.WriteFile(open, []byte("keys:\n  - id: a\n    secret: "+base64.StdEncoding.EncodeToString(testKeySecret)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CONVANON_SCAN_TEST_KEY", "")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"world-readable key file", []string{"--key-file", open}, "chmod 600"},
		{"missing key file", []string{"--key-file", filepath.Join(t.TempDir(), "none.yaml")}, "no such file"},
		{"unset variable", []string{"--key-env", "CONVANON_SCAN_TEST_KEY"}, "not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runIn(t, "x\n", append([]string{"scan"}, tt.args...)...)
			if code != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("convanon scan %v = exit %d, stderr %q; want exit 1 mentioning %q", tt.args, code, stderr, tt.want)
			}
		})
	}
}

func TestScanKeyEnv(t *testing.T) {
	t.Setenv("CONVANON_SCAN_TEST_KEY", "k9:"+base64.StdEncoding.EncodeToString(testKeySecret))
	code, out, stderr := runIn(t, `{"text":"hi","ts":"2026-11-23T10:00:00Z"}`+"\n", "scan", "--format", "jsonl", "--key-env", "CONVANON_SCAN_TEST_KEY")
	if code != 0 || !strings.Contains(out, `"key_id":"k9-20261123"`) || strings.Contains(stderr, "ephemeral") {
		t.Errorf("convanon scan --key-env = exit %d, stdout %q, stderr %q; want exit 0, key k9-20261123, no ephemeral notice", code, out, stderr)
	}
}

func TestScanEphemeralAnnounced(t *testing.T) {
	code, out, stderr := runIn(t, "hello\n", "scan")
	if code != 0 || out != "hello\n" || !strings.Contains(stderr, "ephemeral key") {
		t.Errorf("convanon scan = exit %d, stdout %q, stderr %q; want exit 0, the line, an ephemeral-key notice", code, out, stderr)
	}
}

func TestScanHelp(t *testing.T) {
	code, _, stderr := runIn(t, "", "scan", "--help")
	for _, w := range []string{"Examples:", "--format jsonl", "-key-file", "-action", "-max-line"} {
		if code != 0 || !strings.Contains(stderr, w) {
			t.Errorf("convanon scan --help = exit %d, want exit 0 and %q in:\n%s", code, w, stderr)
		}
	}
}

func TestScanFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for p, body := range map[string]string{a: "one\n", b: "two\n"} {
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := runIn(t, "stdin\n", "scan", a, filepath.Join(dir, "missing.txt"), "-", b)
	if code != 1 || out != "one\nstdin\ntwo\n" || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("convanon scan a missing - b = exit %d, stdout %q, stderr %q; want exit 1, one stdin two, missing.txt named", code, out, stderr)
	}
}

// TestScanGolden runs convanon scan over testdata/scan/NAME.jsonl (format
// jsonl) and NAME.txt (format text) and compares with NAME.golden. Goldens
// follow the shipped detectors; refresh them with
//
//	go test ./cmd/convanon -run TestScanGolden -update
func TestScanGolden(t *testing.T) {
	key := testKeyFile(t)
	inputs, err := filepath.Glob("../../testdata/scan/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		ext := filepath.Ext(in)
		format := map[string]string{".jsonl": "jsonl", ".txt": "text"}[ext]
		if format == "" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(in), ext)
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			// Standard input, so that no path shows in the golden's error lines.
			_, got, stderr := runIn(t, string(input), "scan", "--format", format, "--key-file", key, "--tenant", "acme", "--time", "2026-11-23T10:00:00Z")
			golden := strings.TrimSuffix(in, ext) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (create it with -update): %v", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("convanon scan --format %s %s mismatch (-want +got):\n%s\nstderr: %s\nIf the change is intended, run: go test ./cmd/convanon -run TestScanGolden -update", format, in, diff, stderr)
			}
		})
	}
}
