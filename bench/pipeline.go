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
	"strings"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/cputime"
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
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the timed runs to this file")
	runs := fs.Int("runs", 3, "timed runs at each of GOMAXPROCS=1 and 2, interleaved after a warm-up run; the summary line takes their medians")
	memProfile := fs.String("memprofile", "", "write an allocation profile of the warm-up run to this file")
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
	fmt.Fprintf(stdout, "pipeline: %d events (%d detectors), broker in its own process%s\n", len(s.Events), len(eng.Detectors()), loadAverage())
	// One warm-up run, not counted: the first run of a process is a cold
	// start (heap growth, encoder tables, the broker's first pass). Then
	// --runs pairs of runs at GOMAXPROCS=1 and 2, interleaved so that the
	// shared machine's load, which moves from minute to minute, weighs on
	// both alike; the summary takes medians.
	plan := []int{1}
	for range *runs {
		plan = append(plan, 1, 2)
	}
	samples := map[int]*runSamples{1: {}, 2: {}}
	stopProfile := func() {}
	defer func() { stopProfile() }()
	for i, procs := range plan {
		runtime.GOMAXPROCS(procs)
		runtime.GC()
		warmUp := i == 0
		if warmUp && *memProfile != "" {
			runtime.MemProfileRate = 4096
		}
		if i == 1 {
			// One profile over every timed run: a single 50,000-event run
			// gives too few samples to rank the stages.
			if stopProfile, err = startProfile(*cpuProfile, true); err != nil {
				return err
			}
		}
		b0, err := broker.CPU()
		if err != nil {
			return err
		}
		r, err := onePipelineRun(addrs, eng, lid, ring, fmt.Sprintf("bench-%d", i))
		if err != nil {
			return err
		}
		b1, err := broker.CPU()
		if err != nil {
			return err
		}
		if warmUp && *memProfile != "" {
			if err := writeAllocProfile(*memProfile); err != nil {
				return err
			}
			runtime.MemProfileRate = 512 << 10 // the default again: sampling every 4 KiB slows the timed runs
		}
		wall, perCore, withBroker := float64(r.events)/r.wall.Seconds(), float64(r.events)/r.cpu.Seconds(), float64(r.events)/(r.cpu+b1-b0).Seconds()
		steady := float64(r.events) / (r.wall - r.startup).Seconds()
		note := ""
		if warmUp {
			note = " (warm-up, not counted)"
		} else {
			samples[procs].add(wall, steady, perCore, withBroker, r.cpu.Seconds()/r.wall.Seconds())
		}
		fmt.Fprintf(stdout, "  GOMAXPROCS=%d: %d events in %s wall (start-up %s), %s CPU (broker %s more): %.0f events/s (%.0f after start-up), %.0f events/s per CPU-second (%.0f with the broker's)%s\n",
			procs, r.events, r.wall.Round(time.Millisecond), r.startup.Round(time.Millisecond), r.cpu.Round(time.Millisecond), (b1 - b0).Round(time.Millisecond),
			wall, steady, perCore, withBroker, note)
	}
	stopProfile()

	one, two := samples[1].medians(), samples[2].medians()
	for _, m := range []struct {
		procs int
		runSummary
	}{{1, one}, {2, two}} {
		fmt.Fprintf(stdout, "  GOMAXPROCS=%d, medians of %d: %.0f events/s wall (%.0f after start-up), %.0f events/s per CPU-second (%.0f with the broker's), %.2f cores busy\n",
			m.procs, *runs, m.wall, m.steady, m.perCore, m.withBroker, m.busy)
	}
	scaling := two.steady / one.steady
	fmt.Fprintf(stdout, "  2 cores vs 1: %.2fx events/s after start-up (%.2fx counting start-up); the broker process shares the same 2 cores\n", scaling, two.wall/one.wall)
	runtime.GOMAXPROCS(1)
	scan := scanOnly(eng, s.Events)
	fmt.Fprintf(stdout, "  scan-only (GOMAXPROCS=1, engine over the same texts): %.0f events per CPU-second\n", scan)
	fmt.Fprintf(stdout, "pipeline: events/s/core=%.0f scan-only events/s/core=%.0f with-broker=%.0f wall-1core=%.0f wall-2cores=%.0f scaling=%.2f (medians of %d runs; wall figures after start-up)\n",
		one.perCore, scan, one.withBroker, one.steady, two.steady, scaling, *runs)
	return nil
}

// runSamples gathers the figures of the timed runs at one GOMAXPROCS.
type runSamples struct{ wall, steady, perCore, withBroker, busy []float64 }

// runSummary holds their medians: events per wall second, per wall second
// after start-up (from the first event to the end: steady state), per
// CPU-second of the pipeline, per CPU-second with the broker's, and CPU per
// wall second (cores kept busy).
type runSummary struct{ wall, steady, perCore, withBroker, busy float64 }

func (s *runSamples) add(wall, steady, perCore, withBroker, busy float64) {
	s.wall, s.steady, s.perCore = append(s.wall, wall), append(s.steady, steady), append(s.perCore, perCore)
	s.withBroker, s.busy = append(s.withBroker, withBroker), append(s.busy, busy)
}

func (s *runSamples) medians() runSummary {
	return runSummary{median(s.wall), median(s.steady), median(s.perCore), median(s.withBroker), median(s.busy)}
}

type pipelineRun struct {
	events    int64
	wall, cpu time.Duration
	startup   time.Duration // from the start of Run to the first event processed
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
	cpu0, _ := cputime.Process()
	start := time.Now()
	// The first event marks the end of start-up (joining the group, reading
	// the opt-out table), a cost paid once per process, not per event.
	firstc := make(chan time.Time, 1)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				firstc <- time.Time{}
				return
			case now := <-t.C:
				if p.Stats().Events.Load() > 0 {
					firstc <- now
					return
				}
			}
		}
	}()
	err = p.Run(context.Background())
	end := time.Now()
	close(done)
	first := <-firstc
	if err != nil {
		return pipelineRun{}, fmt.Errorf("pipeline: %w", err)
	}
	cpu1, _ := cputime.Process()
	r := pipelineRun{events: p.Stats().Events.Load(), wall: end.Sub(start), cpu: cpu1 - cpu0, startup: end.Sub(start)}
	if !first.IsZero() {
		r.startup = first.Sub(start)
	}
	return r, nil
}

// scanOnly returns events per CPU-second of the detection engine alone over the
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
	pass := func(n int) int {
		for _, in := range ins[:n] {
			dst = eng.ScanInput(dst[:0], in)
		}
		return 0
	}
	pass(min(len(ins), 1000)) // warm up
	s := measure(pass, len(ins), 250*time.Millisecond)
	return float64(s.passes*len(recs)) / s.cpu.Seconds()
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
// returns the function that stops it; the function may be called more than
// once.
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
	return sync.OnceFunc(func() {
		pprof.StopCPUProfile()
		f.Close()
	}), nil
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

// loadAverage returns ", load average L" with the machine's 1-minute load
// average, or "" where /proc/loadavg is unavailable: on a shared machine
// it says how much the figures were squeezed.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return ", load average " + f[0]
}
