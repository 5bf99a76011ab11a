package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/pipeline"
	"github.com/convanon/convanon/sinks"
)

// runPipeline measures the whole data path, broker to Parquet, on the demo
// stream: events per second per core at GOMAXPROCS=1 and at 2, with the
// scan-only figure (detection engine alone over the same texts) beside it.
//
// The broker (kfake) runs in a child process, as a real deployment has it on
// other machines, so the pipeline's CPU time excludes its fetch work; the
// broker's CPU time is reported beside it, and the figure with it counted.
func runPipeline(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("pipeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("events", 50000, "events in the stream")
	seed := fs.Uint64("seed", 1, "random seed of the stream")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the first GOMAXPROCS=1 run to this file")
	runs := fs.Int("runs", 3, "timed runs at GOMAXPROCS=1; the summary line takes their medians")
	memProfile := fs.String("memprofile", "", "write an allocation profile after the first GOMAXPROCS=1 run to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 1000 {
		return fmt.Errorf("%w: --events %d: at least 1000 for a meaningful rate", errUsage, *n)
	}
	if *runs < 1 {
		return fmt.Errorf("%w: --runs %d: at least 1", errUsage, *runs)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))

	broker, err := startChildBroker(stderr)
	if err != nil {
		return err
	}
	defer broker.Close()
	addrs := broker.addrs
	s := demo.Generate(*seed, *n, demo.Topics{Conversations: "conversations", Feedback: "feedback", OptOuts: "training-optouts"})
	if err := produceAll(addrs, slices.Concat(s.OptOuts, s.Events)); err != nil {
		return err
	}
	eng, err := detectors.NewDefault()
	if err != nil {
		return fmt.Errorf("detectors: %w", err)
	}
	ring, err := keys.Ephemeral(keys.RotatePeriod, keys.Daily)
	if err != nil {
		return fmt.Errorf("keys: %w", err)
	}
	lid, err := langid.New(nil)
	if err != nil {
		return fmt.Errorf("langid: %w", err)
	}

	warmLangs(lid, s.Events)
	fmt.Fprintf(stdout, "pipeline: %d events (%d detectors), broker in its own process\n", len(s.Events), len(eng.Detectors()))
	// The GOMAXPROCS=1 runs come first and are --runs of them: the summary
	// takes their medians, as a shared machine's load moves single runs.
	var perCore1, withBroker1 []float64
	plan := slices.Concat(slices.Repeat([]int{1}, *runs), []int{2})
	for i, procs := range plan {
		runtime.GOMAXPROCS(procs)
		runtime.GC()
		first := i == 0
		if first && *memProfile != "" {
			runtime.MemProfileRate = 4096
		}
		stop, err := startProfile(*cpuProfile, first)
		if err != nil {
			return err
		}
		b0, err := broker.CPU()
		if err != nil {
			stop()
			return err
		}
		r, err := onePipelineRun(addrs, eng, lid, ring, fmt.Sprintf("bench-%d", i))
		stop()
		if err != nil {
			return err
		}
		b1, err := broker.CPU()
		if err != nil {
			return err
		}
		if first {
			if err := writeAllocProfile(*memProfile); err != nil {
				return err
			}
		}
		perCore, withBroker := float64(r.events)/r.cpu.Seconds(), float64(r.events)/(r.cpu+b1-b0).Seconds()
		if procs == 1 {
			perCore1, withBroker1 = append(perCore1, perCore), append(withBroker1, withBroker)
		}
		fmt.Fprintf(stdout, "  GOMAXPROCS=%d: %d events in %s wall, %s CPU (broker %s more): %.0f events/s, %.0f events/s per CPU-second (%.0f with the broker's)\n",
			procs, r.events, r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), (b1 - b0).Round(time.Millisecond),
			float64(r.events)/r.wall.Seconds(), perCore, withBroker)
	}

	runtime.GOMAXPROCS(1)
	scan := scanOnly(eng, s.Events)
	fmt.Fprintf(stdout, "  scan-only (GOMAXPROCS=1, engine over the same texts): %.0f events/s\n", scan)
	fmt.Fprintf(stdout, "pipeline: events/s/core=%.0f with-broker=%.0f scan-only events/s/core=%.0f (medians of %d runs)\n",
		median(perCore1), median(withBroker1), scan, *runs)
	return nil
}

type pipelineRun struct {
	events    int64
	wall, cpu time.Duration
}

// onePipelineRun consumes the whole stream with a fresh group and output.
func onePipelineRun(addrs []string, eng *detectors.Engine, lid *langid.Detector, ring *keys.Ring, group string) (pipelineRun, error) {
	dir, err := os.MkdirTemp("", "convanon-bench-")
	if err != nil {
		return pipelineRun{}, err
	}
	defer os.RemoveAll(dir)
	cfg := config.Default()
	cfg.Kafka.Brokers = addrs
	cfg.Kafka.Group = group
	cfg.Output.Dir = dir
	cfg.Tenants = demo.Tenants()
	fsys, err := sinks.NewDirFS(dir)
	if err != nil {
		return pipelineRun{}, err
	}
	dlq, err := sinks.NewDeadLetters(sinks.DeadLetterOptions{Brokers: addrs})
	if err != nil {
		return pipelineRun{}, err
	}
	defer dlq.Close()
	p, err := pipeline.New(cfg, pipeline.Deps{Engine: eng, Langs: lid, Keys: ring, Sink: sinks.NewParquet(fsys, sinks.ParquetOptions{}),
		DeadLetters: dlq, Log: slog.New(slog.DiscardHandler), ExitAtEnd: true})
	if err != nil {
		return pipelineRun{}, err
	}
	cpu0, _ := cpuTime()
	start := time.Now()
	if err := p.Run(context.Background()); err != nil {
		return pipelineRun{}, fmt.Errorf("pipeline: %w", err)
	}
	wall := time.Since(start)
	cpu1, _ := cpuTime()
	return pipelineRun{events: p.Stats().Events.Load(), wall: wall, cpu: cpu1 - cpu0}, nil
}

// scanOnly returns events per second of the detection engine alone over the
// texts of the stream's messages and decision contexts.
func scanOnly(eng *detectors.Engine, recs []demo.Record) float64 {
	var ins []detectors.Input
	for _, r := range recs {
		ev, err := events.Decode(r.Value, 1<<20)
		if err != nil {
			continue
		}
		ins = append(ins, detectors.Input{Text: []byte(ev.Text), Lang: ev.Lang, Spoken: ev.Channel == "voice"})
		for _, t := range ev.Context {
			ins = append(ins, detectors.Input{Text: []byte(t.Text), Lang: ev.Lang})
		}
	}
	var dst []detectors.Finding
	start := time.Now()
	for _, in := range ins {
		dst = eng.ScanInput(dst[:0], in)
	}
	return float64(len(recs)) / time.Since(start).Seconds()
}

// produceAll writes recs in order.
func produceAll(addrs []string, recs []demo.Record) error {
	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Balancer: &kafka.Hash{}, BatchSize: 1000, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	for chunk := range slices.Chunk(recs, 5000) {
		msgs := make([]kafka.Message, len(chunk))
		for i, r := range chunk {
			msgs[i] = kafka.Message{Topic: r.Topic, Key: r.Key, Value: r.Value}
		}
		if err := w.WriteMessages(context.Background(), msgs...); err != nil {
			return fmt.Errorf("produce: %w", err)
		}
	}
	return nil
}

// startProfile starts a CPU profile into path when on and path is set, and
// returns the function that stops it.
func startProfile(path string, on bool) (func(), error) {
	if path == "" || !on {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeAllocProfile writes the allocations so far to path, if set.
func writeAllocProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("alloc profile: %w", err)
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("alloc profile: %w", err)
	}
	return nil
}

// warmLangs runs language detection over the stream's texts once, so that
// lingua's models, which it loads on first use, are in memory before the
// timed runs, as they are in a pipeline that has been running for a while.
func warmLangs(lid *langid.Detector, recs []demo.Record) {
	for _, r := range recs {
		if ev, err := events.Decode(r.Value, 1<<20); err == nil {
			lid.Detect([]byte(ev.Text), "")
		}
	}
}
