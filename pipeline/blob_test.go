package pipeline

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"gocloud.dev/blob/memblob"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/sinks"
)

// TestObjectStore runs the pipeline into an in-memory object store, where
// the sink commits without renames, and checks every durable message row
// is there exactly once.
func TestObjectStore(t *testing.T) {
	addrs := startCluster(t)
	s := demo.Generate(11, 800, testTopics)
	produce(t, addrs, s.OptOuts)
	produce(t, addrs, s.Events)
	cfg := testConfig(addrs, "")
	cfg.Output.URL = "mem://"
	ring := envRing(t)
	eng, err := detectors.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	bucket := memblob.OpenBucket(nil)
	defer bucket.Close()
	store := sinks.NewBlobFS(context.Background(), bucket)
	dlq, err := sinks.NewDeadLetters(sinks.DeadLetterOptions{Brokers: addrs, Topic: cfg.Kafka.Topics.DeadLetter})
	if err != nil {
		t.Fatal(err)
	}
	defer dlq.Close()
	p, err := New(cfg, Deps{Engine: eng, Keys: ring, Sink: sinks.NewParquet(store, sinks.ParquetOptions{}), Store: store,
		DeadLetters: dlq, Log: slog.New(slog.DiscardHandler), ExitAtEnd: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := p.Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}
	seen := map[events.Lineage]int{}
	rows := 0
	err = store.Walk(events.DatasetMessages, func(name string, size int64) error {
		data, err := store.ReadFile(name)
		if err != nil {
			return err
		}
		got, err := parquet.Read[events.MessageRow](bytes.NewReader(data), size)
		if err != nil {
			return err
		}
		for _, r := range got {
			seen[r.Lineage]++
			rows++
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	if want := int(p.Stats().Messages.Load()); rows != want || len(seen) != want || want == 0 {
		t.Errorf("message rows in the store = %d (%d distinct), want %d", rows, len(seen), want)
	}
	var leftovers []string
	if err := store.Walk(".", func(name string, _ int64) error {
		if strings.HasPrefix(name, "_staging/") || strings.HasSuffix(name, ".intent") {
			leftovers = append(leftovers, name)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(leftovers) > 0 {
		t.Errorf("objects left by the commit protocol: %v", leftovers)
	}
}
