package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/internal/metrics"
	"github.com/convanon/convanon/pipeline"
	"github.com/convanon/convanon/sinks"
)

// runRun consumes conversations from Kafka and writes anonymized datasets
// until interrupted (or, with --exit-at-end, until caught up).
func runRun(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "run [flags]", runRunHelp)
	cf := addConfigFlags(fs)
	exitAtEnd := fs.Bool("exit-at-end", false, "stop once every partition is consumed, written and committed up to its end offset at start-up")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	cfg, err := cf.resolve(e)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.Log)
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := metrics.New(reg)
	ring, watch, err := loadKeys(cfg.Keys, log)
	if err != nil {
		return err
	}
	p, stop, err := newPipeline(cfg, ring, log, *exitAtEnd, m)
	if err != nil {
		return err
	}
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	if watch != nil && cfg.Keys.Reload > 0 {
		wg.Go(func() { watchKeys(ctx, watch, cfg.Keys.Reload, log, m) })
	}
	if cfg.MetricsAddr != "" {
		srv, err := serveMetrics(cfg.MetricsAddr, metrics.Handler(reg, p.Ready), log)
		if err != nil {
			return err
		}
		defer srv.Close()
	}
	return runLogged(ctx, p, log, cfg)
}

const runRunHelp = `Consumes conversations, feedback and opt-outs from Kafka as a consumer group and writes
anonymized Parquet datasets, exactly once. Every setting of the configuration file is also a
flag (below) and a CONVANON_* environment variable; flags beat the environment, which beats
the file. Secrets (kafka.sasl.password, key material) belong in the environment or in files.

Examples:
  convanon run --config convanon.yaml
  convanon run --config convanon.yaml --metrics-addr :9090 --log.format json
  CONVANON_KAFKA_SASL_PASSWORD=... convanon run --brokers kafka:9093 --out /data --kafka.tls.ca-file ca.pem
  convanon run --brokers localhost:9092 --out ./out --keys.source ephemeral --exit-at-end`

// watchKeys reloads the key file every interval until ctx is done.
func watchKeys(ctx context.Context, w *keys.Watcher, every time.Duration, log *slog.Logger, m *metrics.Metrics) {
	w.Run(ctx, every, func(_ bool, err error) {
		if err != nil {
			m.KeyReloads.WithLabelValues("error").Inc()
			log.Warn("key file reload; previous keys stay in force", "err", err)
			return
		}
		m.KeyReloads.WithLabelValues("ok").Inc()
		log.Info("key file reloaded")
	})
}

// serveMetrics serves h on addr until Close; a port in use stops start-up.
func serveMetrics(addr string, h http.Handler, log *slog.Logger) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics_addr: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("metrics server", "err", err)
		}
	}()
	log.Info("serving metrics", "addr", ln.Addr().String())
	return srv, nil
}

// newPipeline builds a pipeline over every detector, the Parquet sink and
// the dead-letter producer; stop closes the outputs.
func newPipeline(cfg config.Config, ring keys.Source, log *slog.Logger, exitAtEnd bool, m *metrics.Metrics) (*pipeline.Pipeline, func(), error) {
	eng, err := detectors.NewDefault()
	if err != nil {
		return nil, nil, fmt.Errorf("detectors: %w", err)
	}
	lid, err := langid.New(nil)
	if err != nil {
		return nil, nil, fmt.Errorf("language detection: %w", err)
	}
	sink, store, dlq, closeOutputs, err := openOutputs(cfg, log, m)
	if err != nil {
		return nil, nil, err
	}
	// The stats rollup reads partials and publishes files in the same root.
	p, err := pipeline.New(cfg, pipeline.Deps{Engine: eng, Langs: lid, Keys: ring, Sink: sink, DeadLetters: dlq, Log: log, Metrics: m, ExitAtEnd: exitAtEnd, Store: store})
	if err != nil {
		closeOutputs()
		return nil, nil, fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	return p, closeOutputs, nil
}

// runLogged runs p, logging start, rates every 10s, and the final counts.
func runLogged(ctx context.Context, p *pipeline.Pipeline, log *slog.Logger, cfg config.Config) error {
	log.Info("starting", "brokers", len(cfg.Kafka.Brokers), "group", cfg.Kafka.Group, "out", cfg.Output.Dir)
	start := time.Now()
	done := make(chan struct{})
	rates := make(chan struct{})
	go func() {
		defer close(rates)
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		var last int64
		for {
			select {
			case <-done:
				return
			case <-t.C:
				n := p.Stats().Events.Load()
				log.Info("progress", "events", n, "events_per_s", (n-last)/10, "dead_letters", p.Stats().DeadLetters.Load())
				last = n
			}
		}
	}()
	err := p.Run(ctx)
	close(done)
	<-rates
	s := p.Stats()
	log.Info("stopped", "events", s.Events.Load(), "messages", s.Messages.Load(), "decisions", s.Decisions.Load(),
		"dropped_opt_out", s.DroppedOptOut.Load(), "dropped_policy", s.DroppedPolicy.Load(),
		"dead_letters", s.DeadLetters.Load(), "took", time.Since(start).Round(time.Millisecond))
	return err
}

// newLogger returns a text or JSON slog logger at the configured level.
func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.Level)) // validated
	opts := &slog.HandlerOptions{Level: lvl}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// loadKeys loads the key ring the configuration names; for a key file it
// also returns the Watcher that reloads it.
func loadKeys(c config.Keys, log *slog.Logger) (keys.Source, *keys.Watcher, error) {
	rot, err := keys.ParseRotation(c.Rotation)
	if err != nil {
		return nil, nil, fmt.Errorf("keys.rotation: %w", err)
	}
	per, err := keys.ParsePeriod(c.Period)
	if err != nil {
		return nil, nil, fmt.Errorf("keys.period: %w", err)
	}
	scheme, rest, _ := strings.Cut(c.Source, ":")
	switch {
	case c.Source == "ephemeral":
		log.Warn("ephemeral keys: pseudonyms will not match any other run's")
		r, err := keys.Ephemeral(rot, per)
		return r, nil, err
	case scheme == "env":
		r, err := keys.LoadEnv(rest, rot, per)
		return r, nil, err
	case scheme == "file":
		w, err := keys.Watch(rest)
		return w, w, err
	}
	return nil, nil, errors.New("keys.source: not a valid source")
}

// openOutputs opens the Parquet sink on the output directory and the
// dead-letter producer; closeAll closes both.
func openOutputs(cfg config.Config, log *slog.Logger, m *metrics.Metrics) (*sinks.Parquet, sinks.Walker, *sinks.DeadLetters, func(), error) {
	fsys, closeStore, err := openStore(context.Background(), cfg.Output)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	level, err := sinks.ParseZstdLevel(cfg.Output.ZstdLevel)
	if err != nil {
		closeStore()
		return nil, nil, nil, nil, fmt.Errorf("output.zstd_level: %w", err)
	}
	sink := sinks.NewParquet(fsys, sinks.ParquetOptions{Logger: log, Metrics: m, ZstdLevel: level})
	cl, err := pipeline.NewCluster(cfg.Kafka)
	if err != nil {
		closeStore()
		return nil, nil, nil, nil, err
	}
	dlq, err := sinks.NewDeadLetters(sinks.DeadLetterOptions{
		Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topics.DeadLetter, Payload: sinks.Payload(cfg.DeadLetter.Payload),
		Transport: cl.Transport,
	})
	if err != nil {
		closeStore()
		return nil, nil, nil, nil, err
	}
	closeAll := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := sink.Close(ctx); err != nil {
			log.Warn("close output", "err", err)
		}
		if err := dlq.Close(); err != nil {
			log.Warn("close dead letters", "err", err)
		}
		closeStore()
	}
	return sink, fsys, dlq, closeAll, nil
}
