package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/pipeline"
	"github.com/convanon/convanon/sinks"
)

// runRollup publishes the stats datasets from the partial aggregates under
// the output root: every window that has data, open ones included. A later
// rollup (or `run`) rewrites the files idempotently.
func runRollup(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("rollup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("out", "", "dataset root `dir` (overrides output.dir)")
	cfgPath := fs.String("config", "", "YAML configuration `file` (stats windows, minimum group users, tenants)")
	closedOnly := fs.Bool("closed-only", false, "publish only windows closed by the watermark, as `run` does")
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
	if *out != "" {
		cfg.Output.Dir = *out
	}
	if len(cfg.Kafka.Brokers) == 0 {
		// rollup reads and writes files only; Validate insists on brokers.
		cfg.Kafka.Brokers = []string{"unused:9092"}
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	log := newLogger(e.stderr, cfg.Log)
	store, err := sinks.NewDirFS(cfg.Output.Dir)
	if err != nil {
		return fmt.Errorf("output %s: %w", cfg.Output.Dir, err)
	}
	res, err := pipeline.NewRollup(store, cfg, log).Roll(ctx, !*closedOnly)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rollup: %d dates with data, %d published, %d rows written, %d groups suppressed (fewer than %d users)\n",
		res.Dates, res.Published, res.Rows, res.Suppressed, cfg.Stats.MinGroupUsers)
	return nil
}
