package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/convanon/convanon/internal/config"
)

const configHelp = `check validates the configuration as 'convanon run' would see it — the file, then CONVANON_*
environment variables, then flags — and prints the effective configuration as YAML with
secrets shown as [hidden]. It exits 2, naming every bad setting and what is valid, if the
configuration would not start.

docs prints every setting as a Markdown table (key, flag, environment variable, default,
description): the README's configuration table.

Examples:
  convanon config check --config convanon.yaml
  CONVANON_KAFKA_GROUP=convanon-eu convanon config check --config convanon.yaml --log.level debug
  convanon config docs > settings.md`

// runConfig checks and prints the configuration, or documents it.
func runConfig(_ context.Context, e env, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprintf(e.stderr, "Usage: convanon config check [flags] | convanon config docs\n\n%s\n", configHelp)
		if len(args) == 0 {
			return fmt.Errorf("%w: name a subcommand: check or docs", errUsage)
		}
		return flag.ErrHelp
	}
	switch args[0] {
	case "docs":
		if len(args) > 1 {
			return fmt.Errorf("%w: config docs takes no arguments", errUsage)
		}
		return config.WriteTable(e.stdout)
	case "check":
		fs := flag.NewFlagSet("config check", flag.ContinueOnError)
		fs.SetOutput(e.stderr)
		fs.Usage = usageOf(fs, e.stderr, "config check [flags]", configHelp)
		cf := addConfigFlags(fs)
		if err := fs.Parse(args[1:]); err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
		if fs.NArg() > 0 {
			return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
		}
		cfg, err := cf.resolve(e)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "# effective configuration (defaults, file, environment, flags); secrets hidden")
		return cfg.WriteYAML(e.stdout)
	}
	return fmt.Errorf("%w: unknown config subcommand %q; check or docs", errUsage, args[0])
}
