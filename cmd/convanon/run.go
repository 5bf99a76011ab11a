package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/pipeline"
	"github.com/convanon/convanon/sinks"
)

// runRun consumes conversations from Kafka and writes anonymized datasets
// until interrupted (or, with --exit-at-end, until caught up).
func runRun(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	brokers := fs.String("brokers", "", "Kafka bootstrap brokers, `host:port[,host:port…]` (overrides kafka.brokers)")
	out := fs.String("out", "", "dataset root `dir` (overrides output.dir)")
	cfgPath := fs.String("config", "", "YAML configuration `file`")
	group := fs.String("group", "", "consumer group `id` (overrides kafka.group)")
	exitAtEnd := fs.Bool("exit-at-end", false, "stop once every partition is consumed, written and committed up to its end offset at start-up")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	cfg := config.Default()
	if *cfgPath != "" {
		var err error
		if cfg, err = config.Load(*cfgPath); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	if *brokers != "" {
		cfg.Kafka.Brokers = strings.Split(*brokers, ",")
	}
	if *out != "" {
		cfg.Output.Dir = *out
	}
	if *group != "" {
		cfg.Kafka.Group = *group
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	log := newLogger(e.stderr, cfg.Log)
	ring, err := loadKeys(cfg.Keys, log)
	if err != nil {
		return err
	}
	p, stop, err := newPipeline(cfg, ring, log, *exitAtEnd)
	if err != nil {
		return err
	}
	defer stop()
	return runLogged(ctx, p, log, cfg)
}

// newPipeline builds a pipeline over every detector, the Parquet sink and
// the dead-letter producer; stop closes the outputs.
func newPipeline(cfg config.Config, ring *keys.Ring, log *slog.Logger, exitAtEnd bool) (*pipeline.Pipeline, func(), error) {
	eng, err := detectors.NewDefault()
	if err != nil {
		return nil, nil, fmt.Errorf("detectors: %w", err)
	}
	lid, err := langid.New(nil)
	if err != nil {
		return nil, nil, fmt.Errorf("language detection: %w", err)
	}
	sink, dlq, closeOutputs, err := openOutputs(cfg, log)
	if err != nil {
		return nil, nil, err
	}
	// The stats rollup reads partials and publishes files in the same root.
	store, err := sinks.NewDirFS(cfg.Output.Dir)
	if err != nil {
		closeOutputs()
		return nil, nil, fmt.Errorf("output %s: %w", cfg.Output.Dir, err)
	}
	p, err := pipeline.New(cfg, pipeline.Deps{Engine: eng, Langs: lid, Keys: ring, Sink: sink, DeadLetters: dlq, Log: log, ExitAtEnd: exitAtEnd, Store: store})
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

// loadKeys loads the key ring the configuration names.
func loadKeys(c config.Keys, log *slog.Logger) (*keys.Ring, error) {
	rot, err := keys.ParseRotation(c.Rotation)
	if err != nil {
		return nil, fmt.Errorf("keys.rotation: %w", err)
	}
	per, err := keys.ParsePeriod(c.Period)
	if err != nil {
		return nil, fmt.Errorf("keys.period: %w", err)
	}
	scheme, rest, _ := strings.Cut(c.Source, ":")
	switch {
	case c.Source == "ephemeral":
		log.Warn("ephemeral keys: pseudonyms will not match any other run's")
		return keys.Ephemeral(rot, per)
	case scheme == "env":
		return keys.LoadEnv(rest, rot, per)
	case scheme == "file":
		return keys.Load(rest)
	}
	return nil, errors.New("keys.source: not a valid source")
}

// openOutputs opens the Parquet sink on the output directory and the
// dead-letter producer; closeAll closes both.
func openOutputs(cfg config.Config, log *slog.Logger) (*sinks.Parquet, *sinks.DeadLetters, func(), error) {
	fsys, err := sinks.NewDirFS(cfg.Output.Dir)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("output %s: %w", cfg.Output.Dir, err)
	}
	sink := sinks.NewParquet(fsys, sinks.ParquetOptions{Logger: log})
	dlq, err := sinks.NewDeadLetters(sinks.DeadLetterOptions{
		Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topics.DeadLetter, Payload: sinks.Payload(cfg.DeadLetter.Payload),
	})
	if err != nil {
		return nil, nil, nil, err
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
	}
	return sink, dlq, closeAll, nil
}
