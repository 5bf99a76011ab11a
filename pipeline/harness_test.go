package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/sinks"
)

// testKey is the fixed test key (base64 of 32 bytes), so that separate
// processes (crash test) make the same pseudonyms.
const testKey = "test:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="

// startCluster starts an in-process broker with the topics seeded and
// short group timeouts allowed.
func startCluster(t *testing.T) []string {
	t.Helper()
	c, err := kfake.NewCluster(
		kfake.NumBrokers(1),
		kfake.SeedTopics(4, "conversations"),
		kfake.SeedTopics(2, "feedback"),
		kfake.SeedTopics(1, "training-optouts", "convanon-dlq"),
		kfake.GroupMinSessionTimeout(100*time.Millisecond),
	)
	if err != nil {
		t.Fatalf("kfake.NewCluster: %v", err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs()
}

// testConfig is a configuration with small batches and short timeouts.
func testConfig(addrs []string, dir string) config.Config {
	c := config.Default()
	c.Kafka.Brokers = addrs
	c.Kafka.Group = "test"
	c.Kafka.SessionTimeout = time.Second
	c.Kafka.HeartbeatInterval = 200 * time.Millisecond
	c.Output.Dir = dir
	c.Output.BatchRows = 300
	c.Output.BatchAge = 200 * time.Millisecond
	c.Keys.Source = "env:CONVANON_KEYS"
	c.Tenants = demo.Tenants()
	c.Stats.MinGroupUsers = testMinUsers
	c.Stats.RollupInterval = 300 * time.Millisecond
	return c
}

// envRing returns the ring of testKey.
func envRing(t *testing.T) *keys.Ring {
	t.Helper()
	t.Setenv("CONVANON_KEYS", testKey)
	r, err := keys.LoadEnv("CONVANON_KEYS", keys.RotatePeriod, keys.Daily)
	if err != nil {
		t.Fatalf("keys.LoadEnv: %v", err)
	}
	return r
}

// produce writes recs in order.
func produce(t *testing.T, addrs []string, recs []demo.Record) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Balancer: &kafka.Hash{}, BatchSize: 500, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	msgs := make([]kafka.Message, len(recs))
	for i, r := range recs {
		msgs[i] = kafka.Message{Topic: r.Topic, Key: r.Key, Value: r.Value}
	}
	if err := w.WriteMessages(context.Background(), msgs...); err != nil {
		t.Fatalf("WriteMessages: %v", err)
	}
}

// consumed reads back what the pipeline consumes, with partitions and offsets.
func consumed(t *testing.T, addrs []string) []kafka.Message {
	t.Helper()
	return append(readTopic(t, addrs, "conversations"), readTopic(t, addrs, "feedback")...)
}

// readTopic reads every record of topic up to its current end.
func readTopic(t *testing.T, addrs []string, topic string) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ranges, err := offsetRanges(ctx, testCluster(addrs), []string{topic})
	if err != nil {
		t.Fatalf("offsetRanges(%s): %v", topic, err)
	}
	var out []kafka.Message
	for tp, r := range ranges {
		if r.end <= r.first {
			continue
		}
		rd := kafka.NewReader(kafka.ReaderConfig{Brokers: addrs, Topic: topic, Partition: tp.partition, MaxWait: 100 * time.Millisecond})
		for {
			m, err := rd.ReadMessage(ctx)
			if err != nil {
				t.Fatalf("read %s/%d: %v", topic, tp.partition, err)
			}
			out = append(out, m)
			if m.Offset+1 >= r.end {
				break
			}
		}
		rd.Close()
	}
	return out
}

// output is what a run wrote, read back with parquet-go.
type output struct {
	messages  []events.MessageRow
	decisions []events.DecisionRow
}

// readOutput reads every dataset file under dir; the channel comes from the
// Hive path, as readers get it.
func readOutput(t *testing.T, dir string) output {
	t.Helper()
	var out output
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".parquet") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case strings.HasPrefix(rel, "messages"+string(filepath.Separator)):
			rows, err := parquet.ReadFile[events.MessageRow](path)
			if err != nil {
				return fmt.Errorf("read %s: %w", rel, err)
			}
			ch := hivePart(rel, "channel")
			for i := range rows {
				rows[i].Channel = ch
			}
			out.messages = append(out.messages, rows...)
		case strings.HasPrefix(rel, "decisions"+string(filepath.Separator)):
			rows, err := parquet.ReadFile[events.DecisionRow](path)
			if err != nil {
				return fmt.Errorf("read %s: %w", rel, err)
			}
			out.decisions = append(out.decisions, rows...)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read output: %v", err)
	}
	return out
}

func hivePart(rel, key string) string {
	for _, seg := range strings.Split(filepath.ToSlash(rel), "/") {
		if v, ok := strings.CutPrefix(seg, key+"="); ok {
			return v
		}
	}
	return ""
}

// lineage identifies a row's source record.
type lineage struct {
	topic     string
	partition int
	offset    int64
}

func lineageOf(l events.Lineage) lineage {
	return lineage{l.SourceTopic, int(l.SourcePartition), l.SourceOffset}
}

// raw is the test's own view of a produced record, decoded with
// encoding/json, independent of internal/events.
type raw struct {
	Type           string `json:"type"`
	EventID        string `json:"event_id"`
	TenantID       string `json:"tenant_id"`
	UserID         string `json:"user_id"`
	ConversationID string `json:"conversation_id"`
	Channel        string `json:"channel"`
	Role           string `json:"role"`
	TS             string `json:"ts"`
	Text           string `json:"text"`
	Lang           string `json:"lang"`
	Metadata       map[string]string
	Context        []struct{ Role, Text string }
	Candidates     []struct{ Model, Text string }
	Choice         string
}

// expectation is what the contract says must come out of a stream.
type expectation struct {
	messages  map[lineage]raw
	decisions map[lineage]raw
	dead      int
	// secrets are raw values that must appear in no output row.
	secrets []string
}

// expect computes, with the demo's documented opt-outs and tenant policies,
// which rows a stream must produce. It is the test oracle: written from
// the rules, not from the pipeline's code.
func expect(t *testing.T, msgs []kafka.Message) expectation {
	t.Helper()
	e := expectation{messages: map[lineage]raw{}, decisions: map[lineage]raw{}}
	seen := map[string]bool{}
	secret := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			e.secrets = append(e.secrets, s)
		}
	}
	for _, m := range msgs {
		var r raw
		if err := json.Unmarshal(m.Value, &r); err != nil || r.EventID == "e-bad" {
			e.dead++
			continue
		}
		secret(r.UserID)
		secret(r.ConversationID)
		secret(r.EventID)
		for _, v := range r.Metadata {
			if v != "support-widget" {
				secret(v)
			}
		}
		for _, c := range r.Candidates {
			secret(c.Text)
		}
		var u int
		fmt.Sscanf(r.UserID, "u-%d", &u)
		userOut := u%13 == 0 && u != 26
		noDecisions := u%17 == 0
		l := lineage{m.Topic, m.Partition, m.Offset}
		switch {
		case r.TenantID == demo.TenantUmbrella || userOut:
		case r.Type == "message" && !(r.TenantID == demo.TenantShopco && r.Channel == "voice"):
			e.messages[l] = r
		case r.Type == "decision" && r.TenantID != demo.TenantClinic && !noDecisions:
			e.decisions[l] = r
		}
	}
	return e
}

// check compares out with e row by row: every expected row exactly once,
// nothing else, fields as the contract says, and no secret anywhere.
func check(t *testing.T, e expectation, out output, ring *keys.Ring) {
	t.Helper()
	eng, err := detectors.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	pol, err := newPolicy(demo.Tenants(), eng, ring)
	if err != nil {
		t.Fatal(err)
	}
	w := newWorker(nil)
	got := map[lineage]int{}
	for _, row := range out.messages {
		l := lineageOf(row.Lineage)
		if got[l]++; got[l] == 2 {
			t.Errorf("message row from %v written twice", l)
		}
		r, ok := e.messages[l]
		if !ok {
			t.Errorf("message row from %v not expected (opted out, dropped by policy or not a message)", l)
			continue
		}
		s := w.session(pol.tenant(r.TenantID).anon)
		ts, _ := time.Parse(time.RFC3339, r.TS)
		// Without a hint the language is detected; the text must be what
		// the anonymizer makes of it in the language the row names.
		if r.Lang != "" && row.Lang != r.Lang || !slices.Contains(append(langid.DefaultLanguages, ""), row.Lang) {
			t.Errorf("message row from %v: lang %q, want the hint %q or a configured language", l, row.Lang, r.Lang)
		}
		wantText, _, err := s.Text(nil, r.TenantID, ts, detectors.Input{Text: []byte(r.Text), Lang: row.Lang, Spoken: r.Channel == "voice"})
		if err != nil {
			t.Fatal(err)
		}
		wantUser, _ := s.Pseudonym(nil, r.TenantID, ts, "user", r.UserID)
		if row.TenantID != r.TenantID || row.Channel != r.Channel || row.Role != r.Role || !row.TS.Equal(ts) ||
			row.Text != string(wantText) || row.UserID != string(wantUser) || row.KeyID == "" {
			t.Errorf("message row from %v = {%s %s %s %s user %s key %q text %q}, want {%s %s %s %s user %s text %q}", l,
				row.TenantID, row.Channel, row.Role, row.TS, row.UserID, row.KeyID, row.Text, r.TenantID, r.Channel, r.Role, ts, wantUser, wantText)
		}
	}
	for l := range e.messages {
		if got[l] == 0 {
			t.Errorf("message row from %v missing", l)
		}
	}
	for _, row := range out.decisions {
		l := lineageOf(row.Lineage)
		if got[l]++; got[l] == 2 {
			t.Errorf("decision row from %v written twice", l)
		}
		r, ok := e.decisions[l]
		if !ok {
			t.Errorf("decision row from %v not expected (HIPAA tenant, opted out or not a decision)", l)
			continue
		}
		var models []string
		for _, c := range r.Candidates {
			models = append(models, c.Model)
		}
		if row.TenantID != r.TenantID || row.Choice != r.Choice || strings.Join(row.Models, ",") != strings.Join(models, ",") || len(row.Context) != len(r.Context) {
			t.Errorf("decision row from %v = {%s %s %v %d turns}, want {%s %s %v %d turns}", l, row.TenantID, row.Choice, row.Models, len(row.Context), r.TenantID, r.Choice, models, len(r.Context))
		}
	}
	for l := range e.decisions {
		if got[l] == 0 {
			t.Errorf("decision row from %v missing", l)
		}
	}
	noSecrets(t, e.secrets, out)
}

// noSecrets fails if any raw value appears in any string of any row.
func noSecrets(t *testing.T, secrets []string, out output) {
	t.Helper()
	var all strings.Builder
	for _, r := range out.messages {
		fmt.Fprintln(&all, r.EventID, r.ConversationID, r.UserID, r.Text, r.Lang)
	}
	for _, r := range out.decisions {
		fmt.Fprintln(&all, r.EventID, r.ConversationID, r.Models, r.Choice)
		for _, c := range r.Context {
			fmt.Fprintln(&all, c.Text)
		}
	}
	text := all.String()
	// Ids are compared as whole tokens: a pseudonym is hex and may hold an
	// id such as c00012 by chance; longer values by substring.
	tokens := map[string]bool{}
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '-' || r == '.' || r == ':' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		tokens[tok] = true
	}
	for _, s := range secrets {
		if tokens[s] || strings.Contains(s, " ") && strings.Contains(text, s) {
			t.Errorf("output contains raw value %q from the input", s)
		}
	}
	if strings.Contains(text, demo.CandidateMarker) {
		t.Errorf("output contains a candidate response text")
	}
}

// newTestPipeline builds a pipeline over every detector and a Parquet sink
// in cfg.Output.Dir, keyed with testKey.
func newTestPipeline(t *testing.T, cfg config.Config, exitAtEnd bool) *Pipeline {
	t.Helper()
	t.Setenv("CONVANON_KEYS", testKey)
	p, err := buildPipeline(cfg, exitAtEnd)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// buildPipeline builds a pipeline as `convanon run` does, with the key
// from CONVANON_KEYS.
func buildPipeline(cfg config.Config, exitAtEnd bool) (*Pipeline, error) {
	eng, err := detectors.NewDefault()
	if err != nil {
		return nil, err
	}
	ring, err := keys.LoadEnv("CONVANON_KEYS", keys.RotatePeriod, keys.Daily)
	if err != nil {
		return nil, err
	}
	lid, err := langid.New(nil)
	if err != nil {
		return nil, err
	}
	fsys, err := sinks.NewDirFS(cfg.Output.Dir)
	if err != nil {
		return nil, err
	}
	cl, err := NewCluster(cfg.Kafka)
	if err != nil {
		return nil, err
	}
	dlq, err := sinks.NewDeadLetters(sinks.DeadLetterOptions{Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topics.DeadLetter, Transport: cl.Transport})
	if err != nil {
		return nil, err
	}
	log := slog.New(slog.DiscardHandler)
	if os.Getenv("CONVANON_TEST_LOG") != "" { // debug logs of the pipeline under test
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return New(cfg, Deps{Engine: eng, Langs: lid, Keys: ring, Sink: sinks.NewParquet(fsys, sinks.ParquetOptions{}), DeadLetters: dlq, Log: log, ExitAtEnd: exitAtEnd, Store: fsys})
}

// testCluster reaches the plaintext test cluster at addrs.
func testCluster(addrs []string) Cluster {
	return Cluster{Brokers: addrs, Dialer: &kafka.Dialer{Timeout: dialTimeout}, Transport: &kafka.Transport{}}
}
