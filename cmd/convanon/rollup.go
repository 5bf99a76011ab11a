package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/convanon/convanon/pipeline"
)

const rollupHelp = `Publishes the feedback_stats, decision_stats and usage_stats datasets from the partial
aggregates under the output root (a directory or a store URL): every window that has data,
open ones included, unless --closed-only. 'convanon run' does this by itself every
stats.rollup_interval; a later rollup rewrites the files idempotently.

Examples:
  convanon rollup --out ./out
  convanon rollup --config convanon.yaml --closed-only`

// runRollup publishes the stats datasets from the partial aggregates under
// the output root: every window that has data, open ones included. A later
// rollup (or `run`) rewrites the files idempotently.
func runRollup(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("rollup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "rollup [flags]", rollupHelp)
	cf := addConfigFlags(fs)
	closedOnly := fs.Bool("closed-only", false, "publish only windows closed by the watermark, as `run` does")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	cfg, err := cf.resolveOutput(e)
	if err != nil {
		return err
	}
	if len(cfg.Kafka.Brokers) == 0 {
		// rollup reads and writes files only; Validate insists on brokers.
		cfg.Kafka.Brokers = []string{"unused:9092"}
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	log := newLogger(e.stderr, cfg.Log)
	store, closeStore, err := openStore(ctx, cfg.Output)
	if err != nil {
		return err
	}
	defer closeStore()
	res, err := pipeline.NewRollup(store, cfg, log).Roll(ctx, !*closedOnly)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rollup: %d dates with data, %d published, %d rows written, %d groups suppressed (fewer than %d users)\n",
		res.Dates, res.Published, res.Rows, res.Suppressed, cfg.Stats.MinGroupUsers)
	return nil
}
