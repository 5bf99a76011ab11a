package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/sinks"
)

// runEnv runs convanon with the environment variables in vars only.
func runEnv(t *testing.T, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	lookup := func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	code := run(context.Background(), env{stdout: &out, stderr: &errb, lookupEnv: lookup}, args)
	return code, out.String(), errb.String()
}

func TestHelpEveryCommand(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runIn(t, "", c.name, "--help")
			if code != 0 || !strings.Contains(stderr, "Example") {
				t.Errorf("convanon %s --help = %d, stderr %q; want 0 and examples", c.name, code, stderr)
			}
		})
	}
}

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	yml := "kafka:\n  brokers: [kafka:9093]\n  sasl: {mechanism: scram-sha-512, username: convanon}\noutput: {dir: /data}\n"
	if err := os.WriteFile(file, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"CONVANON_KAFKA_SASL_PASSWORD": "s3cret-sasl", "CONVANON_KAFKA_GROUP": "from-env"}
	tests := []struct {
		name     string
		give     []string
		wantCode int
		want     []string // in stdout for 0, stderr otherwise
	}{
		{"effective, secrets hidden", []string{"config", "check", "--config", file, "--log.level", "debug"}, 0,
			[]string{"group: from-env", "password: '[hidden]'", "level: debug", "- kafka:9093"}},
		{"flag beats env", []string{"config", "check", "--config", file, "--group", "from-flag"}, 0, []string{"group: from-flag"}},
		{"bad setting named", []string{"config", "check", "--config", file, "--log.format", "xml"}, 2, []string{`log.format: "xml"; one of text, json`}},
		{"bad flag value named", []string{"config", "check", "--config", file, "--output.batch-age", "soon"}, 2, []string{`output.batch_age: "soon" is not a duration`}},
		{"unknown subcommand", []string{"config", "lint"}, 2, []string{"check or docs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runEnv(t, vars, tt.give...)
			got := stdout
			if tt.wantCode != 0 {
				got = stderr
			}
			if code != tt.wantCode || strings.Contains(stdout+stderr, "s3cret") {
				t.Errorf("convanon %s = %d (stdout %q, stderr %q); want %d and no password", strings.Join(tt.give, " "), code, stdout, stderr, tt.wantCode)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("convanon %s output %q, want %q", strings.Join(tt.give, " "), got, w)
				}
			}
		})
	}
}

func TestConfigDocsIsTheTable(t *testing.T) {
	code, stdout, _ := runIn(t, "", "config", "docs")
	var want bytes.Buffer
	if err := config.WriteTable(&want); err != nil {
		t.Fatal(err)
	}
	if code != 0 || stdout != want.String() {
		t.Errorf("convanon config docs = %d, %d bytes; want 0 and config.WriteTable's %d bytes", code, len(stdout), want.Len())
	}
}

func TestKeysNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys.yaml")
	code, stdout, stderr := runIn(t, "", "keys", "new", "--out", path, "--id", "k2027", "--not-before", "2027-01-01T00:00:00Z")
	if code != 0 || !strings.Contains(stdout, "k2027") {
		t.Fatalf("convanon keys new = %d, %q, %q; want 0", code, stdout, stderr)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, %v; want 0600", st.Mode().Perm(), err)
	}
	if _, err := keys.Load(path); err != nil {
		t.Errorf("keys.Load(new file) = %v", err)
	}
	if code, _, _ := runIn(t, "", "keys", "new", "--out", path); code == 0 {
		t.Errorf("convanon keys new over an existing file = 0, want a failure (never overwrite)")
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runIn(t, "", "version")
	if code != 0 || !strings.HasPrefix(stdout, "convanon ") || !strings.Contains(stdout, "go1.") {
		t.Errorf("convanon version = %d, %q; want 0 and convanon … go1.x", code, stdout)
	}
}

func TestRetention(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"messages/date=2024-11-01/channel=chat/conversations-0-0-9.parquet",
		"messages/date=2025-11-22/channel=sms/conversations-0-10-19.parquet", // exactly a year and a day
		"messages/date=2025-11-23/channel=sms/conversations-0-20-29.parquet", // not yet expired
		"decisions/date=2024-11-01/conversations-0-0-9.parquet",              // no retention: kept
		"feedback_stats/date=2024-11-01/conversations-0-0-9.parquet",
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"retention", "--out", dir, "--output.retention", "{messages: 365d}", "--now", "2026-11-23T12:00:00Z"}
	code, stdout, stderr := runIn(t, "", args...)
	if code != 0 || !strings.Contains(stdout, "would delete 2 partitions, 2 files") {
		t.Fatalf("convanon retention (dry run) = %d, %q, %q; want 2 partitions listed", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(files[0]))); err != nil {
		t.Fatalf("dry run deleted %s", files[0])
	}
	if code, stdout, stderr = runIn(t, "", append(args, "--apply")...); code != 0 || !strings.Contains(stdout, "deleted 2 partitions") {
		t.Fatalf("convanon retention --apply = %d, %q, %q", code, stdout, stderr)
	}
	for i, f := range files {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f)))
		if gone := os.IsNotExist(err); gone != (i < 2) {
			t.Errorf("after --apply, %s gone = %v, want %v", f, gone, i < 2)
		}
	}
}

// writeDataset writes messages and decisions rows through the Parquet sink.
func writeDataset(t *testing.T, dir string, b sinks.Batch) {
	t.Helper()
	fsys, err := sinks.NewDirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := sinks.NewParquet(fsys, sinks.ParquetOptions{}).Write(context.Background(), b); err != nil {
		t.Fatalf("Write: %v", err)
	}
}

// TestForget writes rows of two users, forgets one, and checks that only
// that user's messages and their conversation's decisions are gone.
func TestForget(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(t.TempDir(), "keys.yaml")
	if err := keys.Generate(keyFile, "k1", time.Time{}, keys.RotatePeriod, keys.Daily); err != nil {
		t.Fatal(err)
	}
	ring, err := keys.Load(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	h := keys.NewHasher()
	day1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	day2 := day1.Add(24 * time.Hour) // another period: another key, another pseudonym
	pseudo := func(ts time.Time, typ, id string) (string, string) {
		k, err := ring.At(ts)
		if err != nil {
			t.Fatal(err)
		}
		return string(h.AppendID(nil, k, "acme", typ, id)), k.ID
	}
	msg := func(off int64, ts time.Time, user, conv string) events.MessageRow {
		u, kid := pseudo(ts, "user", user)
		c, _ := pseudo(ts, "conversation", conv)
		return events.MessageRow{UserID: u, ConversationID: c, TenantID: "acme", Channel: "chat", Role: "user", TS: ts,
			Text: "hi", KeyID: kid, Lineage: events.Lineage{SourceTopic: "conversations", SourceOffset: off}}
	}
	dec := func(off int64, ts time.Time, conv string) events.DecisionRow {
		c, kid := pseudo(ts, "conversation", conv)
		return events.DecisionRow{ConversationID: c, TenantID: "acme", TS: ts, Models: []string{"a", "b"}, Choice: "a",
			KeyID: kid, Lineage: events.Lineage{SourceTopic: "conversations", SourceOffset: off}}
	}
	writeDataset(t, dir, sinks.Batch{Topic: "conversations", First: 0, Last: 5,
		Messages:  []events.MessageRow{msg(0, day1, "u-42", "c-1"), msg(1, day1, "u-7", "c-2"), msg(2, day2, "u-42", "c-3")},
		Decisions: []events.DecisionRow{dec(3, day1, "c-1"), dec(4, day1, "c-2"), dec(5, day2, "c-3")},
	})
	vars := map[string]string{}
	args := []string{"forget", "--out", dir, "--keys.source", "file:" + keyFile, "--tenant", "acme", "--user", "u-42"}
	code, stdout, stderr := runEnv(t, vars, append(args, "--dry-run")...)
	if code != 0 || !strings.Contains(stdout, "would remove 2 messages rows and 2 decisions rows") {
		t.Fatalf("convanon forget --dry-run = %d, %q, %q", code, stdout, stderr)
	}
	code, stdout, stderr = runEnv(t, vars, args...)
	if code != 0 || !strings.Contains(stdout, "removed 2 messages rows and 2 decisions rows in 4 files") || strings.Contains(stdout, "u-42") {
		t.Fatalf("convanon forget = %d, %q, %q; want 2 + 2 rows removed, no id printed", code, stdout, stderr)
	}
	got := readOffsetsIn(t, dir)
	want := map[int64]bool{1: true, 4: true}
	if len(got) != len(want) || !got[1] || !got[4] {
		t.Errorf("offsets left after forget = %v, want %v", got, want)
	}
}

// readOffsetsIn returns the source offsets of every messages and decisions
// row under dir.
func readOffsetsIn(t *testing.T, dir string) map[int64]bool {
	t.Helper()
	got := map[int64]bool{}
	files, _ := filepath.Glob(filepath.Join(dir, "messages", "*", "*", "*.parquet"))
	for _, f := range files {
		rows, err := parquet.ReadFile[events.MessageRow](f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			got[r.SourceOffset] = true
		}
	}
	files, _ = filepath.Glob(filepath.Join(dir, "decisions", "*", "*.parquet"))
	for _, f := range files {
		rows, err := parquet.ReadFile[events.DecisionRow](f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			got[r.SourceOffset] = true
		}
	}
	return got
}

func TestAudit(t *testing.T) {
	clean := t.TempDir()
	id := strings.Repeat("ab", 16)
	voice := func(r events.MessageRow) events.MessageRow { r.Channel = "voice"; return r }
	row := func(off int64, user, text string) events.MessageRow {
		return events.MessageRow{UserID: user, ConversationID: id, EventID: id, TenantID: "acme", Channel: "chat", Role: "user",
			TS: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Lang: "en", Text: text, KeyID: "k1",
			Lineage: events.Lineage{SourceTopic: "conversations", SourceOffset: off}}
	}
	writeDataset(t, clean, sinks.Batch{Topic: "conversations", First: 0, Last: 2, Messages: []events.MessageRow{
		row(0, id, "mail me at <EMAIL_3f9a0c12d4e5> or call <PHONE_0a1b2c3d4e5f>"),
		row(1, id, "my card is <CREDIT_CARD>, thanks"),
		// A detector reading a placeholder as a value's first word is no leak.
		voice(row(2, id, "can you help me reset my password the request id is <OPERATIONAL_0a1b2c3d4e5f> kun je helpen")),
	}})
	dirty := t.TempDir()
	writeDataset(t, dirty, sinks.Batch{Topic: "conversations", First: 0, Last: 1, Messages: []events.MessageRow{
		row(0, id, "mail me at anna.leak@example.com please"),
		row(1, "u-42", "fine"),
	}})
	tests := []struct {
		name     string
		give     string
		wantCode int
		want     []string
	}{
		{"clean directory", clean, 0, []string{"audit: 2 files, 3 rows", "0 findings"}},
		{"clean through a store URL", "file://" + filepath.ToSlash(clean), 0, []string{"0 findings"}},
		{"leaks found", dirty, 1, []string{"text     EMAIL", "user_id  RAW_ID", "2 findings"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, "", "audit", tt.give)
			if code != tt.wantCode || strings.Contains(stdout+stderr, "anna.leak") || strings.Contains(stdout+stderr, "u-42") {
				t.Errorf("convanon audit = %d, %q, %q; want %d and no value printed", code, stdout, stderr, tt.wantCode)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("convanon audit output %q, want %q", stdout, w)
				}
			}
		})
	}
}
