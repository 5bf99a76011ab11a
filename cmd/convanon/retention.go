package main

import (
	"context"
	"flag"
	"fmt"
	"path"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/convanon/convanon/sinks"
)

const retentionHelp = `Deletes the date partitions (DATASET/date=YYYY-MM-DD/…) of each dataset listed under
output.retention whose date is older than the dataset's retention; datasets not listed are kept
indefinitely. Without --apply it only lists what it would delete (a dry run). Run it daily, e.g.
as a Kubernetes CronJob; it is safe beside running pipelines, which never write old dates'
files again.

Examples:
  convanon retention --config convanon.yaml                      # dry run
  convanon retention --config convanon.yaml --apply
  convanon retention --out ./out --output.retention '{messages: 730d, decisions: 365d}' --apply`

// runRetention deletes dataset partitions past their retention.
func runRetention(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("retention", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "retention [--apply] [flags]", retentionHelp)
	cf := addConfigFlags(fs)
	apply := fs.Bool("apply", false, "delete; without it, only list what would be deleted")
	nowFlag := fs.String("now", "", "`RFC3339` time ages are measured from (default: now)")
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
	now := time.Now()
	if *nowFlag != "" {
		if now, err = time.Parse(time.RFC3339, *nowFlag); err != nil {
			return fmt.Errorf("%w: --now: want RFC 3339", errUsage)
		}
	}
	if len(cfg.Output.Retention) == 0 {
		fmt.Fprintln(e.stdout, "retention: output.retention lists no dataset; nothing to delete")
		return nil
	}
	root, closeRoot, err := openStore(ctx, cfg.Output)
	if err != nil {
		return err
	}
	defer closeRoot()
	parts, err := expired(ctx, root, cfg.Output.Retention, now)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	verb := "would delete"
	if *apply {
		verb = "deleted"
	}
	var files int
	var bytes int64
	for _, p := range parts {
		if *apply {
			for _, f := range p.files {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := root.Remove(f); err != nil {
					return err
				}
			}
		}
		files += len(p.files)
		bytes += p.bytes
		fmt.Fprintf(tw, "%s\t%s\t%d files\t%s\n", verb, p.dir, len(p.files), human(p.bytes))
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "retention: %s %d partitions, %d files, %s", verb, len(parts), files, human(bytes))
	if !*apply && len(parts) > 0 {
		fmt.Fprint(e.stdout, " (dry run: add --apply to delete)")
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// partition is the files of one expired date partition directory.
type partition struct {
	dir   string
	files []string
	bytes int64
}

// expired lists, per dataset with a retention, the files under date
// partitions older than now minus the retention, grouped by partition
// directory, in order.
func expired(ctx context.Context, root sinks.Walker, retention map[string]time.Duration, now time.Time) ([]partition, error) {
	var out []partition
	datasets := make([]string, 0, len(retention))
	for ds := range retention {
		datasets = append(datasets, ds)
	}
	slices.Sort(datasets)
	for _, ds := range datasets {
		// A partition dated D holds data up to the end of D; it expires once
		// the end of D is older than the retention.
		cutoff := now.Add(-retention[ds])
		byDir := map[string]*partition{}
		err := root.Walk(ds, func(name string, size int64) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			date, ok := partitionDate(name)
			if !ok || !date.AddDate(0, 0, 1).Before(cutoff) {
				return nil
			}
			dir := path.Dir(name)
			p := byDir[dir]
			if p == nil {
				p = &partition{dir: dir}
				byDir[dir] = p
			}
			p.files = append(p.files, name)
			p.bytes += size
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", ds, err)
		}
		for _, p := range byDir {
			out = append(out, *p)
		}
	}
	slices.SortFunc(out, func(a, b partition) int { return strings.Compare(a.dir, b.dir) })
	return out, nil
}

// partitionDate returns the date of a file's date=YYYY-MM-DD path segment.
func partitionDate(name string) (time.Time, bool) {
	for seg := range strings.SplitSeq(name, "/") {
		if v, ok := strings.CutPrefix(seg, "date="); ok {
			t, err := time.Parse(time.DateOnly, v)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

// human formats a byte count.
func human(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
