package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/convanon/convanon/internal/keys"
)

const keysHelp = `new creates a key file holding one random 32-byte root key, with mode 0600 (convanon refuses
key files that group or others can read). It never overwrites a file. Point keys.source at it
(file:PATH); 'convanon run' reloads it when it changes, so adding a key with a later
not_before rotates without a restart.

Examples:
  convanon keys new --out /etc/convanon/keys.yaml
  convanon keys new --out keys.yaml --id k2027 --not-before 2027-01-01T00:00:00Z --rotation versions`

// runKeys manages key files.
func runKeys(_ context.Context, e env, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprintf(e.stderr, "Usage: convanon keys new [flags]\n\n%s\n", keysHelp)
		if len(args) == 0 {
			return fmt.Errorf("%w: name a subcommand: new", errUsage)
		}
		return flag.ErrHelp
	}
	if args[0] != "new" {
		return fmt.Errorf("%w: unknown keys subcommand %q; new", errUsage, args[0])
	}
	fs := flag.NewFlagSet("keys new", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "keys new --out FILE [flags]", keysHelp)
	out := fs.String("out", "", "key `file` to create (required; never overwritten)")
	id := fs.String("id", "", "key `id`, recorded with every pseudonym (default k<YYYYMMDD> of --not-before)")
	notBefore := fs.String("not-before", "", "`RFC3339` time from which the key is in force (default: the beginning of time)")
	rotation := fs.String("rotation", "period", "`rotation`: period (a key derived per period from this root) or versions")
	period := fs.String("period", "daily", "`period` of derived keys: hourly, daily, weekly or monthly")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: keys new needs --out FILE and no arguments", errUsage)
	}
	var nb time.Time
	if *notBefore != "" {
		var err error
		if nb, err = time.Parse(time.RFC3339, *notBefore); err != nil {
			return fmt.Errorf("%w: --not-before: want RFC 3339, e.g. 2027-01-01T00:00:00Z", errUsage)
		}
	}
	if *id == "" {
		*id = "k" + nb.UTC().Format("20060102")
		if nb.IsZero() {
			*id = "k" + time.Now().UTC().Format("20060102")
		}
	}
	rot, err := keys.ParseRotation(*rotation)
	if err != nil {
		return fmt.Errorf("%w: --rotation: %v", errUsage, err)
	}
	per, err := keys.ParsePeriod(*period)
	if err != nil {
		return fmt.Errorf("%w: --period: %v", errUsage, err)
	}
	if err := keys.Generate(*out, *id, nb, rot, per); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s (mode 0600) with key %s; set keys.source: file:%s\n", *out, *id, *out)
	return nil
}
