package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/internal/metrics"
	"github.com/convanon/convanon/pipeline"
	"github.com/convanon/convanon/sinks"
)

// demoMarker marks a directory as a demo's output, which the next demo may
// replace; any other non-empty directory is left alone.
const demoMarker = ".convanon-demo"

// runDemo starts an in-process broker, produces a synthetic stream, runs
// the whole pipeline over it and prints a summary.
func runDemo(ctx context.Context, e env, args []string) error {
	fl := flag.NewFlagSet("demo", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	n := fl.Int("events", 50000, "number of events to generate")
	out := fl.String("out", "out", "dataset root `dir`; replaced if it holds a previous demo's output")
	seed := fl.Uint64("seed", 1, "random seed of the synthetic stream")
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if *n < 1 {
		return fmt.Errorf("%w: --events %d: must be 1 or more", errUsage, *n)
	}
	if err := prepareDemoDir(*out); err != nil {
		return err
	}

	broker, err := startBroker("127.0.0.1:0", 4)
	if err != nil {
		return err
	}
	defer broker.Close()
	addrs := broker.ListenAddrs()

	cfg := config.Default()
	cfg.Kafka.Brokers = addrs
	cfg.Kafka.Group = "convanon-demo"
	cfg.Output.Dir = *out
	cfg.Output.BatchRows = 10000
	cfg.Output.BatchAge = 2 * time.Second
	cfg.Keys.Source = "ephemeral"
	cfg.Tenants = demo.Tenants()
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("BUG: demo configuration: %w", err)
	}

	fmt.Fprintf(e.stderr, "convanon demo: broker on %s; generating %d events…\n", addrs[0], *n)
	t := cfg.Kafka.Topics
	s := demo.Generate(*seed, *n, demo.Topics{Conversations: t.Conversations, Feedback: t.Feedback, OptOuts: t.OptOuts})
	if err := produceDemo(ctx, addrs, s); err != nil {
		return err
	}

	// Pipeline logs go to a file in the output, so the progress bar stays readable.
	logf, err := os.Create(filepath.Join(*out, "demo.log"))
	if err != nil {
		return fmt.Errorf("demo log: %w", err)
	}
	defer logf.Close()
	log := slog.New(slog.NewTextHandler(logf, nil))
	ring, err := keys.Ephemeral(keys.RotatePeriod, keys.Daily)
	if err != nil {
		return fmt.Errorf("keys: %w", err)
	}
	p, stop, err := newPipeline(cfg, ring, log, true, metrics.Discard())
	if err != nil {
		return err
	}
	defer stop()

	total := int64(len(s.Events))
	start := time.Now()
	done := make(chan struct{})
	barDone := make(chan struct{})
	go func() {
		defer close(barDone)
		progress(e.stderr, p.Stats(), total, start, done)
	}()
	err = p.Run(ctx)
	took := time.Since(start)
	close(done)
	<-barDone
	if err != nil {
		return err
	}
	// Publish the stats of every window, open ones too, as `convanon
	// rollup` does: the demo's stream ends mid-day.
	store, err := sinks.NewDirFS(*out)
	if err != nil {
		return fmt.Errorf("demo output: %w", err)
	}
	roll, err := pipeline.NewRollup(store, cfg, log).Roll(ctx, true)
	if err != nil {
		return err
	}
	stats, err := statsRows(*out)
	if err != nil {
		return err
	}
	summary(e.stdout, p.Stats(), s, *out, took, stats)
	fmt.Fprintf(e.stdout, "  (stats: %d groups with fewer than %d distinct users suppressed)\n", roll.Suppressed, cfg.Stats.MinGroupUsers)
	fmt.Fprintf(e.stdout, "\nTry it in DuckDB:\n  duckdb -c \"SELECT channel, lang, count(*) AS n FROM read_parquet('%s/messages/**/*.parquet', hive_partitioning=true) GROUP BY ALL ORDER BY n DESC LIMIT 10\"\n", *out)
	fmt.Fprintf(e.stdout, "  duckdb -c \"SELECT model, sum(up) AS up, sum(total) AS total FROM read_parquet('%s/feedback_stats/**/*.parquet', hive_partitioning=true) WHERE granularity = 'day' GROUP BY ALL\"\n", *out)
	return nil
}

// statsRows counts the published rows of each stats dataset under out,
// reading the files' footers.
func statsRows(out string) ([]datasetRows, error) {
	var res []datasetRows
	for _, ds := range []string{events.DatasetFeedbackStats, events.DatasetDecisionStats, events.DatasetUsageStats} {
		r := datasetRows{name: ds}
		err := filepath.WalkDir(filepath.Join(out, ds), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".parquet" {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			st, err := f.Stat()
			if err != nil {
				return err
			}
			pf, err := parquet.OpenFile(f, st.Size())
			if err != nil {
				return fmt.Errorf("read %s: %w", path, err)
			}
			r.rows += pf.NumRows()
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("count stats rows: %w", err)
		}
		res = append(res, r)
	}
	return res, nil
}

// datasetRows is a dataset's published row count.
type datasetRows struct {
	name string
	rows int64
}

// prepareDemoDir makes dir an empty demo output directory, replacing a
// previous demo's output but refusing any other non-empty directory.
func prepareDemoDir(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("demo output: %w", err)
	case len(ents) > 0:
		if _, err := os.Stat(filepath.Join(dir, demoMarker)); err != nil {
			return fmt.Errorf("%w: --out %s is not empty and holds no previous demo output; choose another directory", errUsage, dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("remove previous demo output: %w", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo output: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, demoMarker), []byte("written by convanon demo; the next demo replaces this directory\n"), 0o644)
}

// produceDemo produces the opt-outs, then the events, to the topics the
// broker was started with.
func produceDemo(ctx context.Context, addrs []string, s demo.Stream) error {
	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Balancer: &kafka.Hash{}, BatchSize: 1000, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	for _, recs := range [][]demo.Record{s.OptOuts, s.Events} {
		for chunk := range slices.Chunk(recs, 5000) {
			msgs := make([]kafka.Message, len(chunk))
			for i, r := range chunk {
				msgs[i] = kafka.Message{Topic: r.Topic, Key: r.Key, Value: r.Value}
			}
			if err := w.WriteMessages(ctx, msgs...); err != nil {
				return fmt.Errorf("produce demo stream: %w", err)
			}
		}
	}
	return nil
}

// progress draws a progress bar on w until done is closed.
func progress(w io.Writer, s *pipeline.Stats, total int64, start time.Time, done <-chan struct{}) {
	const width = 30
	draw := func() {
		n := s.Read.Load()
		frac := min(float64(n)/float64(max(total, 1)), 1)
		el := time.Since(start).Seconds()
		fmt.Fprintf(w, "\r[%-*s] %3.0f%% %d/%d events  %.0f events/s ", width, strings.Repeat("#", int(frac*width)), frac*100, n, total, float64(n)/max(el, 1e-3))
	}
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-done:
			s.Read.Store(s.Events.Load()) // everything read is durable now
			draw()
			fmt.Fprintln(w)
			return
		case <-t.C:
			draw()
		}
	}
}

// summary prints what the demo did and a query to try.
func summary(w io.Writer, s *pipeline.Stats, st demo.Stream, out string, took time.Duration, stats []datasetRows) {
	events := s.Events.Load()
	rate := float64(events) / took.Seconds()
	cores := runtime.GOMAXPROCS(0)
	fmt.Fprintf(w, "\nconvanon demo: done in %s\n", took.Round(time.Millisecond))
	fmt.Fprintf(w, "  events in            %d (%d opt-out records, %d malformed on purpose)\n", events, len(st.OptOuts), st.Malformed)
	fmt.Fprintf(w, "  rows: messages       %d\n", s.Messages.Load())
	fmt.Fprintf(w, "  rows: decisions      %d\n", s.Decisions.Load())
	for _, d := range stats {
		fmt.Fprintf(w, "  rows: %-14s %d\n", d.name, d.rows)
	}
	fmt.Fprintf(w, "  feedback / usage     %d / %d events accepted for the aggregates\n", s.Feedback.Load(), s.Usage.Load())
	fmt.Fprintf(w, "  dropped by opt-out   %d\n", s.DroppedOptOut.Load())
	fmt.Fprintf(w, "  dropped by policy    %d (HIPAA tenant decisions, channels not kept)\n", s.DroppedPolicy.Load())
	dead := s.DeadLettersByReason()
	fmt.Fprintf(w, "  dead letters         %d %s\n", s.DeadLetters.Load(), formatCounts(dead))
	fmt.Fprintf(w, "  entities replaced    %s\n", formatCounts(s.Entities()))
	fmt.Fprintf(w, "  throughput           %.0f events/s on %d cores = %.0f events/s per core\n", rate, cores, rate/float64(cores))
}

// formatCounts formats counts as "(A 3, B 1)", largest first.
func formatCounts(m map[string]int64) string {
	if len(m) == 0 {
		return "(none)"
	}
	ks := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b))
	})
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
