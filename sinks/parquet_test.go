package sinks

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/convanon/convanon/internal/cputime"
	"github.com/convanon/convanon/internal/events"
)

func parquetHarness(t *testing.T) sinkHarness {
	root := t.TempDir()
	dirFS := func(t *testing.T) *DirFS {
		d, err := NewDirFS(root)
		if err != nil {
			t.Fatalf("NewDirFS: %v", err)
		}
		return d
	}
	return sinkHarness{
		open: func(t *testing.T) Sink { return NewParquet(dirFS(t), ParquetOptions{}) },
		openFaulty: func(t *testing.T, failAt int, permanent bool) (Sink, *faultFS) {
			f := &faultFS{FS: dirFS(t), failAt: failAt, permanent: permanent}
			return NewParquet(f, ParquetOptions{}), f
		},
		read: func(t *testing.T) map[string]map[int64]int { return readOffsets(t, root) },
	}
}

func TestParquetSuite(t *testing.T) { runSinkSuite(t, parquetHarness) }

// datasetFiles lists the Parquet files a reader globbing
// ROOT/DATASET/**/*.parquet would see.
func datasetFiles(t *testing.T, root, dataset string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(filepath.Join(root, dataset), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".parquet") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("walk %s: %v", dataset, err)
	}
	return files
}

// readOffsets reads every dataset file back with parquet-go's reader and
// counts rows per source offset.
func readOffsets(t *testing.T, root string) map[string]map[int64]int {
	t.Helper()
	got := map[string]map[int64]int{events.DatasetMessages: {}, events.DatasetDecisions: {}}
	for _, f := range datasetFiles(t, root, events.DatasetMessages) {
		rows, err := parquet.ReadFile[events.MessageRow](f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		for _, r := range rows {
			got[events.DatasetMessages][r.SourceOffset]++
		}
	}
	for _, f := range datasetFiles(t, root, events.DatasetDecisions) {
		rows, err := parquet.ReadFile[events.DecisionRow](f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		for _, r := range rows {
			got[events.DatasetDecisions][r.SourceOffset]++
		}
	}
	return got
}

func TestParquetLayoutAndRoundTrip(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	dirFS, err := NewDirFS(root)
	if err != nil {
		t.Fatal(err)
	}
	s := NewParquet(dirFS, ParquetOptions{RowGroupRows: 4})
	b := suiteBatch(3, 100, 111)
	if err := s.Write(ctx, b); err != nil {
		t.Fatalf("Write error: %v", err)
	}

	var gotFiles []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			gotFiles = append(gotFiles, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{
		"_manifests/conversations/3/100-111.json",
		"decisions/date=2026-11-22/conversations-3-100-111.parquet",
		"decisions/date=2026-11-23/conversations-3-100-111.parquet",
		"messages/date=2026-11-22/channel=chat/conversations-3-100-111.parquet",
		"messages/date=2026-11-22/channel=sms/conversations-3-100-111.parquet",
		"messages/date=2026-11-22/channel=voice/conversations-3-100-111.parquet",
		"messages/date=2026-11-23/channel=chat/conversations-3-100-111.parquet",
		"messages/date=2026-11-23/channel=sms/conversations-3-100-111.parquet",
		"messages/date=2026-11-23/channel=voice/conversations-3-100-111.parquet",
	}
	if diff := cmp.Diff(wantFiles, gotFiles); diff != "" {
		t.Errorf("files after Write (-want +got):\n%s", diff)
	}

	var gotMsgs []events.MessageRow
	for _, f := range datasetFiles(t, root, events.DatasetMessages) {
		rows, err := parquet.ReadFile[events.MessageRow](f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			r.Channel = strings.TrimPrefix(filepath.Base(filepath.Dir(f)), "channel=") // from the path, as readers do
			gotMsgs = append(gotMsgs, r)
		}
	}
	byOffset := func(x, y events.MessageRow) int { return int(x.SourceOffset - y.SourceOffset) }
	slices.SortFunc(gotMsgs, byOffset)
	if diff := cmp.Diff(b.Messages, gotMsgs); diff != "" {
		t.Errorf("messages read back (-want +got):\n%s", diff)
	}
	var gotDecs []events.DecisionRow
	for _, f := range datasetFiles(t, root, events.DatasetDecisions) {
		rows, err := parquet.ReadFile[events.DecisionRow](f)
		if err != nil {
			t.Fatal(err)
		}
		gotDecs = append(gotDecs, rows...)
	}
	slices.SortFunc(gotDecs, func(x, y events.DecisionRow) int { return int(x.SourceOffset - y.SourceOffset) })
	if diff := cmp.Diff(b.Decisions, gotDecs); diff != "" {
		t.Errorf("decisions read back (-want +got):\n%s", diff)
	}
}

// TestParquetColumns pins the datasets' columns: the README documents each.
func TestParquetColumns(t *testing.T) {
	tests := []struct {
		name string
		give any
		want []string
	}{
		{
			name: "messages",
			give: events.MessageRow{},
			want: slices.Concat(
				[]string{"event_id", "conversation_id", "user_id", "tenant_id", "role", "ts", "lang", "text"},
				events.EntityColumns(),
				[]string{"key_id", "source_topic", "source_partition", "source_offset"}),
		},
		{
			name: "decisions",
			give: events.DecisionRow{},
			want: []string{"event_id", "conversation_id", "tenant_id", "ts", "lang", "context", "models", "choice",
				"key_id", "source_topic", "source_partition", "source_offset"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range parquet.SchemaOf(tt.give).Fields() {
				got = append(got, f.Name())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SchemaOf(%s) columns (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestBatchValidate(t *testing.T) {
	tests := []struct {
		name string
		give Batch
	}{
		{name: "topic with slash", give: Batch{Topic: "a/b", First: 0, Last: 1}},
		{name: "topic dot dot", give: Batch{Topic: "..", First: 0, Last: 1}},
		{name: "negative partition", give: Batch{Topic: "t", Partition: -1, First: 0, Last: 1}},
		{name: "reversed range", give: Batch{Topic: "t", First: 5, Last: 1}},
		{name: "part reserved dataset", give: Batch{Topic: "t", Last: 1, Parts: []Part{{Dataset: "_manifests", Rows: RowsOf([]events.Lineage{})}}}},
		{name: "part messages dataset", give: Batch{Topic: "t", Last: 1, Parts: []Part{{Dataset: "messages", Rows: RowsOf([]events.Lineage{})}}}},
		{name: "part path traversal", give: Batch{Topic: "t", Last: 1, Parts: []Part{{Dataset: "usage_stats", Partition: "date=../x", Rows: RowsOf([]events.Lineage{})}}}},
		{name: "part path not k=v", give: Batch{Topic: "t", Last: 1, Parts: []Part{{Dataset: "usage_stats", Partition: "2026", Rows: RowsOf([]events.Lineage{})}}}},
		{name: "part without rows", give: Batch{Topic: "t", Last: 1, Parts: []Part{{Dataset: "usage_stats"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.give.validate(); err == nil {
				t.Errorf("validate(%s) = nil, want an error", tt.name)
			}
		})
	}
}

func TestParquetParts(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	dirFS, err := NewDirFS(root)
	if err != nil {
		t.Fatal(err)
	}
	s := NewParquet(dirFS, ParquetOptions{})
	stats := []events.Lineage{{SourceTopic: "feedback", SourceOffset: 7}}
	b := Batch{Topic: "feedback", Partition: 0, First: 0, Last: 7, Parts: []Part{
		{Dataset: "feedback_stats", Partition: "date=2026-11-22", Rows: RowsOf(stats)},
	}}
	if err := s.Write(ctx, b); err != nil {
		t.Fatalf("Write error: %v", err)
	}
	got, err := parquet.ReadFile[events.Lineage](filepath.Join(root, "feedback_stats/date=2026-11-22/feedback-0-0-7.parquet"))
	if err != nil {
		t.Fatalf("read part: %v", err)
	}
	if diff := cmp.Diff(stats, got); diff != "" {
		t.Errorf("part rows (-want +got):\n%s", diff)
	}
}

func TestRollDue(t *testing.T) {
	r := Roll{MaxRows: 10, MaxBytes: 100, MaxAge: time.Second}
	tests := []struct {
		name  string
		rows  int
		bytes int64
		age   time.Duration
		want  bool
	}{
		{name: "below every limit", rows: 9, bytes: 99, age: time.Millisecond, want: false},
		{name: "rows", rows: 10, want: true},
		{name: "bytes", bytes: 100, want: true},
		{name: "age", age: time.Second, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Due(tt.rows, tt.bytes, tt.age); got != tt.want {
				t.Errorf("Due(%d, %d, %v) = %v, want %v", tt.rows, tt.bytes, tt.age, got, tt.want)
			}
		})
	}
}

// BenchmarkParquetWrite measures the sink's cost per message row, including
// zstd, fsync and the commit protocol, for batches of 10,000 rows.
func BenchmarkParquetWrite(b *testing.B) {
	dirFS, err := NewDirFS(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	benchParquet(b, dirFS)
}

func benchParquet(b *testing.B, fsys FS) {
	s := NewParquet(fsys, ParquetOptions{})
	const n = 10_000
	batch := suiteBatch(0, 0, n-1)
	batch.Decisions = nil
	for i := range batch.Messages {
		batch.Messages[i].Channel = "chat"
		batch.Messages[i].TS = batch.Messages[0].TS
		batch.Messages[i].Text = "hi, this is <PERSON_1> calling about order <OPERATIONAL_2>; call me back at <PHONE_3> please"
	}
	timeWrites(b, s, &batch, n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}

// timeWrites writes batch, n rows, once per benchmark iteration at growing
// offsets and reports the CPU time per row: the figure that holds on a
// shared machine, where wall time also counts waiting for the CPU and the
// disk.
func timeWrites(b *testing.B, s *Parquet, batch *Batch, n int) {
	b.Helper()
	b.ReportAllocs()
	first := int64(0)
	cpu0, _ := cputime.Process()
	for b.Loop() {
		batch.First, batch.Last = first, first+int64(n)-1
		if err := s.Write(context.Background(), *batch); err != nil {
			b.Fatal(err)
		}
		first += int64(n)
	}
	cpu1, _ := cputime.Process()
	b.ReportMetric(float64(cpu1-cpu0)/float64(b.N*n), "cpu-ns/row")
}

// noSyncFS drops fsyncs, so BenchmarkParquetEncode measures the CPU cost
// of encoding and the protocol without the disk's flush latency.
type noSyncFS struct{ FS }

func (n noSyncFS) Create(name string) (File, error) {
	f, err := n.FS.Create(name)
	return noSyncFile{f}, err
}

func (noSyncFS) SyncDir(string) error { return nil }

type noSyncFile struct{ File }

func (noSyncFile) Sync() error { return nil }

// BenchmarkParquetEncode is BenchmarkParquetWrite without fsyncs.
func BenchmarkParquetEncode(b *testing.B) {
	dirFS, err := NewDirFS(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	benchParquet(b, noSyncFS{dirFS})
}

// BenchmarkParquetEncodeSpread is BenchmarkParquetEncode for the shape of
// the pipeline benchmark's batches: 9,000 message rows over 5 dates and 6
// channels (30 files of ~300 rows) plus decisions, with varied texts and
// pseudonyms, so per-file costs weigh as they do there.
func BenchmarkParquetEncodeSpread(b *testing.B) {
	dir := b.TempDir()
	dirFS, err := NewDirFS(dir)
	if err != nil {
		b.Fatal(err)
	}
	s := NewParquet(noSyncFS{dirFS}, ParquetOptions{})
	const n = 9_000
	rnd := rand.New(rand.NewPCG(1, 2))
	id := func() string {
		const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
		buf := make([]byte, 27)
		for i := range buf {
			buf[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		return string(buf)
	}
	words := strings.Fields("hi hello order shipping refund please <PERSON_1> <PHONE_2> <EMAIL_3> thanks the a to my your account password reset cannot login billing invoice card charged twice tomorrow")
	text := func() string {
		var sb strings.Builder
		for range 8 + rnd.IntN(40) {
			sb.WriteString(words[rnd.IntN(len(words))])
			sb.WriteByte(' ')
		}
		return sb.String()
	}
	channels := []string{"chat", "sms", "whatsapp", "voice", "webchat", "email"}
	langs := []string{"en", "es", "fr", "de"}
	batch := Batch{Topic: suiteTopic}
	for off := range int64(n) {
		lin := events.Lineage{SourceTopic: suiteTopic, SourceOffset: off}
		ts := time.Date(2026, 11, 18+rnd.IntN(5), rnd.IntN(24), rnd.IntN(60), 0, 0, time.UTC)
		row := events.MessageRow{
			EventID: id(), ConversationID: id(), UserID: id(), TenantID: fmt.Sprintf("tenant-%d", rnd.IntN(8)),
			Channel: channels[rnd.IntN(len(channels))], Role: []string{"user", "assistant"}[off%2], TS: ts,
			Lang: langs[rnd.IntN(len(langs))], Text: text(), KeyID: "k-2026-11-18", Lineage: lin,
		}
		if rnd.IntN(6) == 0 {
			row.EntityCounts.Add(1+rnd.IntN(events.NumEntityKinds), 1)
		}
		batch.Messages = append(batch.Messages, row)
		if off%20 == 0 {
			batch.Decisions = append(batch.Decisions, events.DecisionRow{
				EventID: id(), ConversationID: id(), TenantID: row.TenantID, TS: ts, Lang: row.Lang,
				Context: []events.Turn{{Role: "user", Text: text()}, {Role: "assistant", Text: text()}},
				Models:  []string{"m-a", "m-b"}, Choice: "m-a", KeyID: row.KeyID, Lineage: lin,
			})
		}
	}
	timeWrites(b, s, &batch, n)
	// Bytes on disk per row, to weigh encodings against their CPU cost.
	var size int64
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(d.Name(), ".parquet") {
			info, ierr := d.Info()
			if ierr != nil {
				return ierr
			}
			size += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(size)/float64(b.N*n), "disk-B/row")
}

func TestParseZstdLevel(t *testing.T) {
	tests := []struct {
		give    string
		want    zstd.Level
		wantErr bool
	}{
		{give: "fastest", want: zstd.SpeedFastest},
		{give: "default", want: zstd.SpeedDefault},
		{give: "better", want: zstd.SpeedBetterCompression},
		{give: "best", want: zstd.SpeedBestCompression},
		{give: "", wantErr: true},
		{give: "FASTEST", wantErr: true},
		{give: "3", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := ParseZstdLevel(tt.give)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseZstdLevel(%q) = %v, %v; want %v, error %v", tt.give, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
