package pipeline

import (
	"context"
	"hash/fnv"
	"log/slog"
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/cputime"
	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/sinks"
)

// discardDeadLetters accepts every dead letter: the benchmark measures the
// data path, not the dead-letter producer.
type discardDeadLetters struct{}

func (discardDeadLetters) Send(context.Context, kafka.Message, error) error { return nil }

// BenchmarkHandle measures the pipeline's own CPU time per event, without
// Kafka: the demo stream's records, spread over partitions by key as a
// producer would, go through decode, policy, anonymization and stats into
// one batch per partition, which is written to Parquet (fsync included)
// once per pass, as `bench pipeline` has it. Its figure moves with the
// pipeline's work alone, where the end-to-end benchmark also carries the
// broker's fetches and a busy machine's noise.
func BenchmarkHandle(b *testing.B) {
	const partitions = 4
	s := demo.Generate(1, 20000, demo.Topics{Conversations: "conversations", Feedback: "feedback", OptOuts: "training-optouts"})
	eng, err := detectors.NewDefault()
	if err != nil {
		b.Fatal(err)
	}
	lid, err := langid.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	ring, err := keys.Ephemeral(keys.RotatePeriod, keys.Daily)
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	cfg.Tenants = demo.Tenants()
	msgs := make([]kafka.Message, len(s.Events))
	next := map[topicPartition]int64{}
	for i, r := range s.Events {
		h := fnv.New32a()
		h.Write(r.Key)
		tp := topicPartition{r.Topic, int(h.Sum32() % partitions)}
		msgs[i] = kafka.Message{Topic: r.Topic, Partition: tp.partition, Offset: next[tp], Key: r.Key, Value: r.Value}
		next[tp]++
	}
	first := int64(0)
	hits := 0
	pass := func(p *Pipeline) {
		workers := map[topicPartition]*worker{}
		batches := map[topicPartition]*batch{}
		for _, m := range msgs {
			tp := topicPartition{m.Topic, m.Partition}
			w, ok := workers[tp]
			if !ok {
				w, batches[tp] = newWorker(lid), newBatch(tp, cfg.Stats.Window)
				workers[tp] = w
			}
			m.Offset += first
			// The pipeline owns (and aliases) each record's value: a copy,
			// as the Kafka reader hands out.
			m.Value = append([]byte(nil), m.Value...)
			if err := p.handle(context.Background(), w, batches[tp], m); err != nil {
				b.Fatal(err)
			}
		}
		for _, w := range workers {
			if w.memo != nil {
				hits += w.memo.hits
			}
		}
		for _, bt := range batches {
			bt.out.Parts = bt.stats.parts()
			if err := p.sink.Write(context.Background(), bt.out); err != nil {
				b.Fatal(err)
			}
		}
		first += int64(len(msgs))
	}
	newPipeline := func() *Pipeline {
		fsys, err := sinks.NewDirFS(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		p, err := New(cfg, Deps{Engine: eng, Langs: lid, Keys: ring, Sink: sinks.NewParquet(fsys, sinks.ParquetOptions{}),
			DeadLetters: discardDeadLetters{}, Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		p.loaded.Store(true)
		return p
	}
	pass(newPipeline()) // warm up: lingua's models, encoder tables
	b.ReportAllocs()
	cpu0, _ := cputime.Process()
	for b.Loop() {
		pass(newPipeline())
	}
	cpu1, _ := cputime.Process()
	b.ReportMetric(float64(cpu1-cpu0)/float64(b.N*len(msgs)), "cpu-ns/event")
	b.ReportMetric(float64(hits)/float64((b.N+1)*len(msgs)), "memo-hits/event")
}
