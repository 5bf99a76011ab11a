package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/sinks"
)

// Store is the output storage the rollup reads partials from and
// publishes to: the sink's FS plus a listing of directories, to find the
// dates that hold partials. sinks.DirFS implements it.
type Store interface {
	sinks.FS
	// ListDirs returns the names of the directories directly in dir.
	ListDirs(dir string) ([]string, error)
}

// rollupRoot holds the rollup's bookkeeping: one state file per date and
// temporary files before their rename. Its underscore keeps it out of globs.
const rollupRoot = "_stats_rollup"

// Rollup publishes feedback_stats, decision_stats and usage_stats from the
// partials in _stats_partials.
//
// A published file is a pure function of the partials present and of the
// set of windows published: one file per dataset, granularity and date
// (DATASET/granularity=G/date=D/stats.parquet), rewritten whole through a
// temporary file and an atomic rename. Any instance may therefore
// (re)write any date at any time, concurrently with others, and a crash
// anywhere leaves the previous or the new file, never a mix. Merging is
// exact (counts, sums, user sets, sketch buckets), so every rewrite of the
// same inputs is the same data.
//
// A window is published once it closed: its end plus the allowed lateness
// is at or before the watermark, the latest event time seen in any
// partial or durable batch. A published window stays published; a late
// partial for it is merged at the next roll (the window reopens). A state
// file per date (_stats_rollup/date=D.json) records the partial files and
// windows a publication used, so a roll skips dates where nothing changed.
//
// Rollup is safe for concurrent use; rolls are serialized.
type Rollup struct {
	store Store
	cfg   config.Config
	log   *slog.Logger
	codec *zstd.Codec

	roll      sync.Mutex // one roll at a time
	mu        sync.Mutex
	watermark time.Time
	cache     map[string][]partialRow // partial file path → rows; files are immutable
}

// NewRollup returns a rollup over store with cfg's windows, lateness and
// suppression minimums.
func NewRollup(store Store, cfg config.Config, log *slog.Logger) *Rollup {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// cfg is validated by then; an unset level keeps the sink's default.
	level := zstd.SpeedFastest
	if l, err := sinks.ParseZstdLevel(cfg.Output.ZstdLevel); err == nil {
		level = l
	}
	return &Rollup{store: store, cfg: cfg, log: log, codec: &zstd.Codec{Level: level}, cache: map[string][]partialRow{}}
}

// Observe raises the watermark to t, the latest event time of a durable
// batch.
func (r *Rollup) Observe(t time.Time) {
	r.mu.Lock()
	if t.After(r.watermark) {
		r.watermark = t
	}
	r.mu.Unlock()
}

func (r *Rollup) currentWatermark() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.watermark
}

// RollupResult counts what a roll did.
type RollupResult struct {
	Dates      int // dates holding partials
	Published  int // dates whose files were (re)written
	Rows       int // rows in the files written
	Suppressed int // groups left out for too few distinct users
}

// Roll publishes every date whose partials or closed windows changed since
// its last publication. With open it publishes every window that has
// data, open ones included (`convanon rollup`); a later roll rewrites
// them.
func (r *Rollup) Roll(ctx context.Context, open bool) (RollupResult, error) {
	r.roll.Lock()
	defer r.roll.Unlock()
	var res RollupResult
	dirs, err := r.store.ListDirs(events.DatasetStatsPartials)
	if err != nil {
		return res, fmt.Errorf("rollup: %w", err)
	}
	// Phase 1: list every date's partials and state, so the watermark
	// knows every date's latest event before any window is judged closed.
	var dates []*dateState
	for _, d := range dirs {
		date, ok := strings.CutPrefix(d, "date=")
		if _, err := time.Parse(time.DateOnly, date); !ok || err != nil {
			continue
		}
		ds, err := r.loadState(date)
		if err != nil {
			return res, err
		}
		dates = append(dates, ds)
	}
	slices.SortFunc(dates, func(a, b *dateState) int { return strings.Compare(a.date, b.date) })
	res.Dates = len(dates)
	// Phase 2: publish what changed.
	for _, ds := range dates {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		n, supp, wrote, err := r.rollDate(ds, open)
		if err != nil {
			return res, err
		}
		if wrote {
			res.Published++
			res.Rows += n
			res.Suppressed += supp
		}
	}
	return res, nil
}

// rollState is the state file of a date: what its publication used.
type rollState struct {
	Files   []string  `json:"files"`   // partial files merged, sorted
	Windows []int64   `json:"windows"` // base windows published (Unix start), sorted
	Pending []int64   `json:"pending"` // base windows with data not yet published
	Day     bool      `json:"day"`     // the daily rollup is published
	MaxTS   time.Time `json:"max_ts"`  // latest event time in the date's partials
	Minimum string    `json:"minimum"` // the suppression minimums applied; a change republishes
}

// dateState is one date's partial files and last publication.
type dateState struct {
	date  string
	files []string
	prev  rollState
}

func statePath(date string) string { return path.Join(rollupRoot, "date="+date+".json") }

func partialsDir(date string) string {
	return path.Join(events.DatasetStatsPartials, "date="+date)
}

// loadState lists a date's partial files and reads its state; when the
// files changed it reads the new ones, raising the watermark.
func (r *Rollup) loadState(date string) (*dateState, error) {
	ds := &dateState{date: date}
	names, err := r.store.List(partialsDir(date))
	if err != nil {
		return nil, fmt.Errorf("rollup %s: %w", date, err)
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".parquet") {
			ds.files = append(ds.files, path.Join(partialsDir(date), n))
		}
	}
	slices.Sort(ds.files)
	if ok, err := r.store.Exists(statePath(date)); err != nil {
		return nil, fmt.Errorf("rollup %s: %w", date, err)
	} else if ok {
		b, err := r.store.ReadFile(statePath(date))
		if err != nil {
			return nil, fmt.Errorf("rollup %s: %w", date, err)
		}
		if err := json.Unmarshal(b, &ds.prev); err != nil {
			return nil, fmt.Errorf("rollup %s: decode state: %w", date, err)
		}
	}
	r.Observe(ds.prev.MaxTS)
	if !slices.Equal(ds.files, ds.prev.Files) {
		if _, err := r.partials(ds.files); err != nil {
			return nil, fmt.Errorf("rollup %s: %w", date, err)
		}
	}
	return ds, nil
}

// partials returns the rows of files, reading those not cached.
func (r *Rollup) partials(files []string) ([]partialRow, error) {
	var all []partialRow
	for _, f := range files {
		rows, ok := r.cache[f]
		if !ok {
			b, err := r.store.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if rows, err = parquet.Read[partialRow](bytes.NewReader(b), int64(len(b))); err != nil {
				return nil, fmt.Errorf("read partials %s: %w", f, err)
			}
			r.cache[f] = rows
			for i := range rows {
				r.Observe(rows[i].MaxTS)
			}
		}
		all = append(all, rows...)
	}
	return all, nil
}

// closed reports whether a window ending at end is closed at watermark wm.
func (r *Rollup) closed(end, wm time.Time) bool {
	return !end.Add(r.cfg.Stats.Lateness).After(wm)
}

// rollDate publishes one date if anything changed, returning the rows
// written, the groups suppressed and whether it wrote.
func (r *Rollup) rollDate(ds *dateState, open bool) (int, int, bool, error) {
	wm := r.currentWatermark()
	day, _ := time.Parse(time.DateOnly, ds.date)
	dayEnd := day.Add(24 * time.Hour)
	filesSame := slices.Equal(ds.files, ds.prev.Files)
	closes := func(start int64) bool {
		return open || r.closed(time.Unix(start, 0).Add(r.cfg.Stats.Window), wm)
	}
	if filesSame && ds.prev.Minimum == r.minimums() && !slices.ContainsFunc(ds.prev.Pending, closes) && (ds.prev.Day || !(open || r.closed(dayEnd, wm))) {
		r.forget(ds) // nothing new; the next change reads the files again
		return 0, 0, false, nil
	}
	rows, err := r.partials(ds.files)
	if err != nil {
		return 0, 0, false, fmt.Errorf("rollup %s: %w", ds.date, err)
	}
	st := rollState{Files: ds.files, Day: ds.prev.Day || open || r.closed(dayEnd, wm), Minimum: r.minimums()}
	published := map[int64]bool{}
	for _, w := range ds.prev.Windows {
		published[w] = true
	}
	present := map[int64]bool{}
	for i := range rows {
		p := &rows[i]
		s := p.WindowStart.Unix()
		present[s] = true
		if open || r.closed(p.WindowEnd, wm) {
			published[s] = true
		}
		st.MaxTS = later(st.MaxTS, p.MaxTS)
	}
	for s := range present {
		if !published[s] {
			st.Pending = append(st.Pending, s)
		}
	}
	for s := range published {
		st.Windows = append(st.Windows, s)
	}
	slices.Sort(st.Windows)
	slices.Sort(st.Pending)

	pub := r.aggregate(rows, published, st.Day, day)
	n := 0
	for _, f := range pub.files(ds.date) {
		if err := r.publish(f); err != nil {
			return 0, 0, false, fmt.Errorf("rollup %s: %w", ds.date, err)
		}
		n += f.n
	}
	if err := r.writeState(ds.date, st); err != nil {
		return 0, 0, false, err
	}
	if len(st.Pending) == 0 && st.Day {
		r.forget(ds)
	}
	r.log.Info("stats published", "date", ds.date, "partial_files", len(ds.files), "windows", len(st.Windows),
		"pending_windows", len(st.Pending), "day", st.Day, "rows", n, "suppressed", pub.suppressed)
	return n, pub.suppressed, true, nil
}

// minimums describes the suppression minimums in force, global and per
// tenant, so a configuration change republishes every date.
func (r *Rollup) minimums() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", r.cfg.Stats.MinGroupUsers)
	ids := make([]string, 0, len(r.cfg.Tenants))
	for id, t := range r.cfg.Tenants {
		if t.MinGroupUsers > 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(&b, " %s=%d", id, r.cfg.Tenants[id].MinGroupUsers)
	}
	return b.String()
}

// forget drops a date's partials from the cache.
func (r *Rollup) forget(ds *dateState) {
	for _, f := range ds.files {
		delete(r.cache, f)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// publishFile is one published file: its final name and rows, or nil rows
// for a file that must not exist (no group survived).
type publishFile struct {
	name string
	n    int // rows
	w    func(f sinks.File, codec *zstd.Codec) error
}

// publish writes f under a temporary name, then renames it into place; a
// file without rows is removed.
func (r *Rollup) publish(f publishFile) error {
	if f.n == 0 {
		if err := r.store.Remove(f.name); err != nil {
			return err
		}
		return nil
	}
	tmp := path.Join(rollupRoot, "tmp", fmt.Sprintf("%s.%016x.parquet", strings.ReplaceAll(f.name, "/", "."), rand.Uint64()))
	out, err := r.store.Create(tmp)
	if err != nil {
		return err
	}
	if err := f.w(out, r.codec); err != nil {
		out.Close()
		r.store.Remove(tmp)
		return fmt.Errorf("%s: %w", f.name, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("sync %s: %w", f.name, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("close %s: %w", f.name, err)
	}
	if err := r.store.Rename(tmp, f.name); err != nil {
		return err
	}
	return r.store.SyncDir(path.Dir(f.name))
}

// writeState records a date's publication, after its files.
func (r *Rollup) writeState(date string, st rollState) error {
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("encode rollup state: %w", err)
	}
	tmp := path.Join(rollupRoot, "tmp", fmt.Sprintf("date=%s.%016x.json", date, rand.Uint64()))
	f, err := r.store.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write rollup state %s: %w", date, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync rollup state %s: %w", date, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close rollup state %s: %w", date, err)
	}
	if err := r.store.Rename(tmp, statePath(date)); err != nil {
		return err
	}
	return r.store.SyncDir(rollupRoot)
}

// writeRows writes rows as one zstd Parquet file to f.
func writeRows[T any](rows []T) func(sinks.File, *zstd.Codec) error {
	return func(f sinks.File, codec *zstd.Codec) error {
		w := parquet.NewGenericWriter[T](f, parquet.Compression(codec), parquet.CreatedBy("convanon", "", ""))
		if _, err := w.Write(rows); err != nil {
			return fmt.Errorf("write rows: %w", err)
		}
		if err := w.Close(); err != nil {
			return fmt.Errorf("close parquet writer: %w", err)
		}
		return nil
	}
}

// granularity names the granularity of a window of size d.
func granularity(d time.Duration) string {
	switch {
	case d == time.Hour:
		return events.GranularityHour
	case d == 24*time.Hour:
		return events.GranularityDay
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}

// publishedName is the one file of a dataset, granularity and date.
func publishedName(dataset, gran, date string) string {
	return path.Join(dataset, "granularity="+gran, "date="+date, "stats.parquet")
}

// compareKeys orders published rows deterministically.
func compareKeys(x, y *events.StatsKey) int {
	return cmp.Or(x.WindowStart.Compare(y.WindowStart), strings.Compare(x.TenantID, y.TenantID),
		strings.Compare(x.Model, y.Model), strings.Compare(x.Channel, y.Channel), strings.Compare(x.Lang, y.Lang))
}

// rollLoop publishes closed windows every RollupInterval until consumed is
// closed, then once more, so a stop publishes what the last batches
// closed. A failed roll is logged and retried: publication is idempotent
// and the partials it needs are durable.
func (p *Pipeline) rollLoop(consumed <-chan struct{}) error {
	t := time.NewTicker(p.cfg.Stats.RollupInterval)
	defer t.Stop()
	roll := func() {
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		defer cancel()
		if _, err := p.rollup.Roll(ctx, false); err != nil {
			p.log.Warn("stats rollup", "err", err)
		}
	}
	for {
		select {
		case <-consumed:
			roll()
			return nil
		case <-t.C:
			roll()
		}
	}
}
