package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/sinks"
)

const forgetHelp = `Erases one person from the datasets: every messages row whose user_id is the person's
pseudonym — computed under the key in force at each row's time, for every key of the ring that
is not destroyed — and every decisions row of the conversations those rows belong to. Each
affected Parquet file is rewritten without those rows and replaces the old one atomically (a
file left empty is deleted). Aggregates (*_stats) hold no one and are not touched. Rows made
under a destroyed key are already unlinkable and cannot be found.

Publish an opt-out for the user first ('user:ID' on the opt-out topic), so no new rows arrive
while or after this runs. The report names files and counts, never the id.

Examples:
  convanon forget --config convanon.yaml --tenant acme --user u-42
  CONVANON_KEYS=... convanon forget --out /data/convanon --tenant acme --user u-42 --dry-run`

// runForget removes one person's rows from the datasets.
func runForget(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("forget", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "forget --tenant T --user ID [flags]", forgetHelp)
	cf := addConfigFlags(fs)
	user := fs.String("user", "", "the person's user `id`, as the platform sends it (required)")
	tenant := fs.String("tenant", "", "the person's tenant `id` (required)")
	dryRun := fs.Bool("dry-run", false, "report what would be removed without rewriting anything")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if *user == "" || *tenant == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: forget needs --user and --tenant and no arguments", errUsage)
	}
	cfg, err := cf.resolveOutput(e)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.Log)
	ring, _, err := loadKeys(cfg.Keys, log)
	if err != nil {
		return err
	}
	root, closeRoot, err := openStore(ctx, cfg.Output)
	if err != nil {
		return err
	}
	defer closeRoot()
	f := &forgetter{root: root, sink: sinks.NewParquet(root, sinks.ParquetOptions{Logger: log}), ring: ring,
		tenant: *tenant, user: *user, dryRun: *dryRun, h: keys.NewHasher(), ids: map[string]string{}, convs: map[string]bool{}}
	rep, err := f.run(ctx)
	if err != nil {
		return err
	}
	verb := "removed"
	if *dryRun {
		verb = "would remove"
	}
	for _, fr := range rep.files {
		fmt.Fprintf(e.stdout, "%s %d of %d rows from %s\n", verb, fr.removed, fr.rows, fr.name)
	}
	fmt.Fprintf(e.stdout, "forget: %s %d messages rows and %d decisions rows in %d files (%d files scanned)",
		verb, rep.messages, rep.decisions, len(rep.files), rep.scanned)
	if rep.unlinkable > 0 {
		fmt.Fprintf(e.stdout, "; %d rows of the tenant fall under destroyed or missing keys and cannot be matched", rep.unlinkable)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// forgetter finds and removes one person's rows.
type forgetter struct {
	root         sinks.Walker
	sink         *sinks.Parquet
	ring         keys.Source
	tenant, user string
	dryRun       bool

	h     *keys.Hasher
	ids   map[string]string // key id -> the person's user pseudonym under it
	convs map[string]bool   // conversation pseudonyms of the removed rows
}

type forgetReport struct {
	files               []fileRemoval
	messages, decisions int
	scanned, unlinkable int
}

type fileRemoval struct {
	name          string
	rows, removed int
}

func (f *forgetter) run(ctx context.Context) (forgetReport, error) {
	var rep forgetReport
	// Messages first: they name the conversations whose decisions go too.
	for _, ds := range []string{events.DatasetMessages, events.DatasetDecisions} {
		var names []string
		err := f.root.Walk(ds, func(name string, _ int64) error {
			if strings.HasSuffix(name, ".parquet") {
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			return rep, err
		}
		for _, name := range names {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			rep.scanned++
			var fr fileRemoval
			var err error
			if ds == events.DatasetMessages {
				fr, err = forgetIn(ctx, f, name, f.isPersonMessage(&rep))
			} else {
				fr, err = forgetIn(ctx, f, name, func(r *events.DecisionRow) bool {
					return r.TenantID == f.tenant && f.convs[r.ConversationID]
				})
			}
			if err != nil {
				return rep, err
			}
			if fr.removed > 0 {
				rep.files = append(rep.files, fr)
				if ds == events.DatasetMessages {
					rep.messages += fr.removed
				} else {
					rep.decisions += fr.removed
				}
			}
		}
	}
	return rep, nil
}

// isPersonMessage matches the person's rows by their user pseudonym under
// the row's own key, and remembers their conversations.
func (f *forgetter) isPersonMessage(rep *forgetReport) func(r *events.MessageRow) bool {
	return func(r *events.MessageRow) bool {
		if r.TenantID != f.tenant || r.UserID == "" {
			return false
		}
		id, ok := f.ids[r.KeyID]
		if !ok {
			k, err := f.ring.At(r.TS)
			if err != nil || k.ID != r.KeyID {
				rep.unlinkable++ // destroyed, or the ring no longer holds the row's key
				return false
			}
			id = string(f.h.AppendID(nil, k, f.tenant, "user", f.user))
			f.ids[r.KeyID] = id
		}
		if r.UserID != id {
			return false
		}
		f.convs[r.ConversationID] = true
		return true
	}
}

// forgetIn rewrites the file name without the rows drop matches.
func forgetIn[T any](ctx context.Context, f *forgetter, name string, drop func(*T) bool) (fileRemoval, error) {
	data, err := f.root.ReadFile(name)
	if err != nil {
		return fileRemoval{}, err
	}
	rows, err := parquet.Read[T](bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fileRemoval{}, fmt.Errorf("read %s: %w", name, err)
	}
	keep := rows[:0:0]
	for i := range rows {
		if !drop(&rows[i]) {
			keep = append(keep, rows[i])
		}
	}
	fr := fileRemoval{name: name, rows: len(rows), removed: len(rows) - len(keep)}
	if fr.removed == 0 || f.dryRun {
		return fr, nil
	}
	if _, err := f.sink.Replace(ctx, name, sinks.RowsOf(keep)); err != nil {
		return fr, fmt.Errorf("rewrite %s: %w", name, err)
	}
	return fr, nil
}
