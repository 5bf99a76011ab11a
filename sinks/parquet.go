package sinks

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	kzstd "github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
	"golang.org/x/sync/errgroup"

	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/metrics"
)

// Directories of the commit protocol under the output root. Their leading
// underscore keeps them out of dataset globs and Hive partition discovery.
const (
	stagingRoot  = "_staging"
	manifestRoot = "_manifests"
)

// ParquetOptions configures a Parquet sink. Zero fields take the defaults.
type ParquetOptions struct {
	// RowGroupRows caps the rows of a row group; default 131,072. Larger
	// groups compress better and scan faster; smaller need less memory to
	// write and to read.
	RowGroupRows int64
	// PageBufferBytes is the uncompressed size at which a column page is
	// cut; default 1 MiB.
	PageBufferBytes int
	// ZstdLevel is the zstd encoder level; default zstd.SpeedFastest (about
	// zstd level 1): on conversation rows it writes files about 2% larger
	// than zstd.SpeedDefault for a fifth less of the sink's CPU time.
	ZstdLevel zstd.Level
	// Logger receives lifecycle logs (batches recovered, files committed at
	// debug level); nil discards them.
	Logger *slog.Logger
	// Metrics receives rows and bytes committed by dataset; nil exports
	// none.
	Metrics *metrics.Metrics
}

// Parquet is the dataset sink: each Write turns one batch into zstd
// Parquet files, one per dataset and Hive partition, named
// DATASET/PARTITION/<topic>-<partition>-<first>-<last>.parquet, and commits
// them atomically through a manifest.
//
// Commit protocol for a batch (topic T, partition P, offsets F..L):
//
//  1. each file is written to _staging/T/P/F-L.<i>.parquet and fsynced; the
//     staging directory is fsynced;
//  2. the manifest _manifests/T/P/F-L.json, listing every staging and final
//     name, is written to a temporary name, fsynced, renamed into place and
//     its directory fsynced: from here the batch is committed;
//  3. every staging file is renamed to its final name and the directories
//     involved are fsynced; Write returns nil;
//  4. manifests of earlier batches of the partition are removed, so one
//     manifest per partition remains, naming the last durable offset.
//
// Recover redoes step 3 for every manifest it finds (renames are
// idempotent: a file already moved is skipped), deletes staging files that
// no manifest names (batches that crashed before step 2) and returns L+1 of
// the newest manifest. A crash anywhere therefore leaves either nothing of a
// batch (it is rewritten after the consumer seeks back) or all of it (it is
// skipped, since the consumer seeks past it).
//
// On an FS without atomic rename (an object store: FS.Renames is false) the
// commit is direct, relying on deterministic names instead of renames:
//
//  1. the intent _manifests/T/P/F-L.intent, listing every final name, is
//     written;
//  2. each file is written under its final name (an upload appears whole
//     or not at all);
//  3. the manifest _manifests/T/P/F-L.json is written: the batch is
//     committed; then the intent and earlier manifests are removed.
//
// Recover deletes the files of every intent without a manifest (a batch
// that crashed before step 3), so a replay, which writes the same names or,
// cut differently, other names for the same offsets, never leaves a second
// copy. Readers of an object store may see an uncommitted batch's files
// from step 2 until the partition's next Recover, seconds after a crash.
//
// Readers see a partial batch only between the first and last rename of
// step 3, a few milliseconds, or, after a crash inside step 3, until the
// partition is assigned again and Recover runs.
//
// Parquet is safe for concurrent use by goroutines writing different
// partitions; calls for one partition must not overlap.
type Parquet struct {
	fs    FS
	codec *zstdCodec
	// writers are reused from file to file (writers.go).
	writers *writers
	log     *slog.Logger
	m       *metrics.Metrics
	// direct commits without renames: files go straight to their final
	// names and an intent record lists them first (object stores).
	direct bool
	// maxPageBuffer caps a column page's buffer (PageBufferBytes).
	maxPageBuffer int

	mu     sync.Mutex
	next   map[topicPartition]int64 // offset after the last durable batch, -1 for none
	closed bool
}

var _ Sink = (*Parquet)(nil)

type topicPartition struct {
	topic     string
	partition int
}

// NewParquet returns a Parquet sink writing to fsys.
func NewParquet(fsys FS, opts ParquetOptions) *Parquet {
	codec := newZstdCodec(cmp.Or(opts.ZstdLevel, zstd.SpeedFastest))
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Parquet{
		fs:    fsys,
		codec: codec,
		writers: &writers{
			opts: []parquet.WriterOption{
				parquet.Compression(codec),
				parquet.MaxRowsPerRowGroup(cmp.Or(opts.RowGroupRows, 128<<10)),
				// Unbuffered: the writer's output is a reused buffer already.
				parquet.WriteBufferSize(-1),
				parquet.CreatedBy("convanon", "", ""),
			},
			free: map[writerKey][]any{},
		},
		log:           log,
		m:             cmp.Or(opts.Metrics, metrics.Discard()),
		direct:        !fsys.Renames(),
		maxPageBuffer: cmp.Or(opts.PageBufferBytes, 1<<20),
		next:          map[topicPartition]int64{},
	}
}

// ParseZstdLevel returns the zstd level named fastest, default, better or
// best (config's output.zstd_level).
func ParseZstdLevel(name string) (zstd.Level, error) {
	ok, lvl := kzstd.EncoderLevelFromString(name)
	if !ok || lvl.String() != name {
		return 0, fmt.Errorf("zstd level %q: not fastest, default, better or best", name)
	}
	return lvl, nil
}

// manifest is the commit record of one batch.
type manifest struct {
	Topic     string         `json:"topic"`
	Partition int            `json:"partition"`
	First     int64          `json:"first"`
	Last      int64          `json:"last"`
	Files     []manifestFile `json:"files"`
}

type manifestFile struct {
	Staging string `json:"staging,omitempty"` // empty when written in place (direct commit)
	Final   string `json:"final"`
	Rows    int    `json:"rows"`
	Bytes   int64  `json:"bytes,omitempty"`
}

func stagingDir(topic string, partition int) string {
	return fmt.Sprintf("%s/%s/%d", stagingRoot, topic, partition)
}

func manifestDir(topic string, partition int) string {
	return fmt.Sprintf("%s/%s/%d", manifestRoot, topic, partition)
}

// Recover implements Sink: it finishes committed batches of the partition,
// removes the remains of uncommitted ones, and returns the offset after the
// last durable batch, or -1.
func (s *Parquet) Recover(ctx context.Context, topic string, partition int) (int64, error) {
	if err := s.checkOpen(); err != nil {
		return 0, err
	}
	if err := validTopic(topic, partition); err != nil {
		return 0, err
	}
	next, err := s.recover(ctx, topic, partition)
	if err != nil {
		return 0, fmt.Errorf("recover %s/%d: %w", topic, partition, err)
	}
	s.mu.Lock()
	s.next[topicPartition{topic, partition}] = next
	s.mu.Unlock()
	return next, nil
}

func (s *Parquet) recover(ctx context.Context, topic string, partition int) (int64, error) {
	mdir := manifestDir(topic, partition)
	names, err := s.fs.List(mdir)
	if err != nil {
		return 0, err
	}
	if err := s.undoIntents(mdir, names); err != nil {
		return 0, err
	}
	if names, err = s.fs.List(mdir); err != nil { // undoIntents may have removed some
		return 0, err
	}
	next := int64(-1)
	newest := ""
	finished := 0
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		full := path.Join(mdir, name)
		if !strings.HasSuffix(name, ".json") {
			// A manifest that never reached its final name: its batch is not committed.
			if err := s.fs.Remove(full); err != nil {
				return 0, err
			}
			continue
		}
		m, err := s.readManifest(full)
		if err != nil {
			return 0, err
		}
		if m.Topic != topic || m.Partition != partition {
			return 0, fmt.Errorf("manifest %s belongs to another partition", full)
		}
		if err := s.finish(m); err != nil {
			return 0, err
		}
		finished++
		if m.Last+1 > next {
			next, newest = m.Last+1, name
		}
	}
	// Whatever staging files remain belong to batches without a manifest.
	sdir := stagingDir(topic, partition)
	leftovers, err := s.fs.List(sdir)
	if err != nil {
		return 0, err
	}
	for _, name := range leftovers {
		if err := s.fs.Remove(path.Join(sdir, name)); err != nil {
			return 0, err
		}
	}
	if len(leftovers) > 0 {
		if err := s.fs.SyncDir(sdir); err != nil {
			return 0, err
		}
	}
	if err := s.prune(topic, partition, newest); err != nil {
		return 0, err
	}
	s.log.Info("partition recovered", "topic", topic, "partition", partition, "next_offset", next,
		"manifests", finished, "uncommitted_files_removed", len(leftovers))
	return next, nil
}

// undoIntents handles the intent records of direct commits: an intent
// whose manifest exists belongs to a committed batch and is removed; one
// without a manifest belongs to a batch that crashed before its commit, so
// every file it names (written in place, perhaps torn) is deleted first.
func (s *Parquet) undoIntents(mdir string, names []string) error {
	for _, name := range names {
		rng, ok := strings.CutSuffix(name, intentSuffix)
		if !ok {
			continue
		}
		full := path.Join(mdir, name)
		final := path.Join(mdir, rng+".json")
		committed, err := s.fs.Exists(final)
		if err != nil {
			return err
		}
		if committed {
			// A manifest torn by a crash (only a store that exposes partial
			// uploads could tear one) does not commit its batch.
			if _, err := s.readManifest(final); err != nil {
				if err := s.fs.Remove(final); err != nil {
					return err
				}
				committed = false
			}
		}
		if !committed {
			m, err := s.readManifest(full)
			if err != nil {
				// A torn intent: its batch wrote no file yet, since files
				// are written only once the intent is complete.
				m = manifest{}
			}
			for _, f := range m.Files {
				if err := s.fs.Remove(f.Final); err != nil {
					return err
				}
			}
			s.log.Info("uncommitted batch removed", "manifest", full, "files", len(m.Files))
		}
		if err := s.fs.Remove(full); err != nil {
			return err
		}
	}
	return nil
}

// intentSuffix names a direct commit's intent record, F-L.intent: the
// manifest of a batch whose files are being written in place.
const intentSuffix = ".intent"

func (s *Parquet) readManifest(name string) (manifest, error) {
	var m manifest
	b, err := s.fs.ReadFile(name)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("decode manifest %s: %w", name, err)
	}
	return m, nil
}

// finish moves a committed batch's staging files to their final names.
// It is idempotent: a staging file that no longer exists was moved before.
func (s *Parquet) finish(m manifest) error {
	var dirs []string
	for _, f := range m.Files {
		if f.Staging == "" {
			continue // written in place
		}
		ok, err := s.fs.Exists(f.Staging)
		if err != nil {
			return err
		}
		if ok {
			if err := s.fs.Rename(f.Staging, f.Final); err != nil {
				return err
			}
		}
		if d := path.Dir(f.Final); !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	// The directories are synced side by side, like the files.
	var g errgroup.Group
	g.SetLimit(syncers)
	for _, d := range dirs {
		g.Go(func() error { return s.fs.SyncDir(d) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if len(m.Files) > 0 {
		return s.fs.SyncDir(stagingDir(m.Topic, m.Partition))
	}
	return nil
}

// prune removes the partition's manifests other than keep. Only finished
// batches' manifests are removed, so losing them loses nothing; keep names
// the last durable offset.
func (s *Parquet) prune(topic string, partition int, keep string) error {
	mdir := manifestDir(topic, partition)
	names, err := s.fs.List(mdir)
	if err != nil {
		return err
	}
	for _, name := range names {
		if name != keep && strings.HasSuffix(name, ".json") {
			if err := s.fs.Remove(path.Join(mdir, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Write implements Sink. On error the batch may be partly staged or even
// committed; the partition's state is dropped, so the next Write or Recover
// re-reads storage and a retried Write of the same batch is exact.
func (s *Parquet) Write(ctx context.Context, b Batch) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	if err := b.validate(); err != nil {
		return err
	}
	key := topicPartition{b.Topic, b.Partition}
	s.mu.Lock()
	next, known := s.next[key]
	s.mu.Unlock()
	if !known {
		var err error
		if next, err = s.Recover(ctx, b.Topic, b.Partition); err != nil {
			return err
		}
	}
	if b.Last < next {
		return nil // a replay of a durable batch
	}
	if b.First < next {
		return fmt.Errorf("write %s/%d offsets %d-%d: overlaps durable offsets below %d", b.Topic, b.Partition, b.First, b.Last, next)
	}
	if err := s.write(ctx, &b); err != nil {
		s.mu.Lock()
		delete(s.next, key)
		s.mu.Unlock()
		return fmt.Errorf("write %s/%d offsets %d-%d: %w", b.Topic, b.Partition, b.First, b.Last, err)
	}
	s.mu.Lock()
	s.next[key] = b.Last + 1
	s.mu.Unlock()
	return nil
}

func (s *Parquet) write(ctx context.Context, b *Batch) error {
	parts, err := b.parts()
	if err != nil {
		return err
	}
	rng := fmt.Sprintf("%d-%d", b.First, b.Last)
	sdir := stagingDir(b.Topic, b.Partition)
	m := manifest{Topic: b.Topic, Partition: b.Partition, First: b.First, Last: b.Last}
	for i, p := range parts {
		f := manifestFile{
			Staging: fmt.Sprintf("%s/%s.%d.parquet", sdir, rng, i),
			Final:   path.Join(p.Dataset, p.Partition, fmt.Sprintf("%s-%d-%s.parquet", b.Topic, b.Partition, rng)),
			Rows:    p.Rows.Len(),
		}
		if s.direct {
			f.Staging = ""
		}
		m.Files = append(m.Files, f)
	}
	// Direct commit: the intent names every file before any is written, so
	// Recover can delete what a crash left of an uncommitted batch.
	if s.direct && len(parts) > 0 {
		if err := s.put(path.Join(manifestDir(b.Topic, b.Partition), rng+intentSuffix), m); err != nil {
			return err
		}
	}
	if err := s.writeFiles(ctx, parts, m.Files); err != nil {
		return err
	}
	if len(parts) > 0 {
		if err := s.fs.SyncDir(sdir); err != nil {
			return err
		}
	}
	if err := s.commit(m, rng); err != nil {
		return err
	}
	// Committed: from here on ctx is ignored, finishing is quick and
	// stopping halfway would only leave work for Recover.
	if err := s.finish(m); err != nil {
		return err
	}
	if s.direct && len(parts) > 0 {
		if err := s.fs.Remove(path.Join(manifestDir(b.Topic, b.Partition), rng+intentSuffix)); err != nil {
			return err
		}
	}
	if err := s.prune(b.Topic, b.Partition, rng+".json"); err != nil {
		return err
	}
	for i, f := range m.Files {
		s.m.RowsWritten.WithLabelValues(parts[i].Dataset).Add(float64(f.Rows))
		s.m.BytesWritten.WithLabelValues(parts[i].Dataset).Add(float64(f.Bytes))
	}
	s.log.Debug("batch committed", "topic", b.Topic, "partition", b.Partition,
		"first_offset", b.First, "last_offset", b.Last, "files", len(m.Files), "rows", b.Rows())
	return nil
}

// commit makes the manifest durable under its final name: renamed into
// place, or on an object store written there (an upload appears whole or
// not at all).
func (s *Parquet) commit(m manifest, rng string) error {
	mdir := manifestDir(m.Topic, m.Partition)
	if s.direct {
		return s.put(path.Join(mdir, rng+".json"), m)
	}
	tmp := path.Join(mdir, rng+".json.tmp")
	if err := s.put(tmp, m); err != nil {
		return err
	}
	if err := s.fs.Rename(tmp, path.Join(mdir, rng+".json")); err != nil {
		return err
	}
	return s.fs.SyncDir(mdir)
}

// put writes m as JSON to the file name and syncs it.
func (s *Parquet) put(name string, m manifest) error {
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode manifest: %w", err)
	}
	f, err := s.fs.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := syncClose(f); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return nil
}

// pageBuffer sizes a file's column page buffers to its rows: parquet-go
// allocates and clears a page buffer per column for every file, so a small
// file with full-size buffers costs more than its rows (at 64 bytes a row,
// up to PageBufferBytes).
func (s *Parquet) pageBuffer(rows int) int {
	return min(max(rows*64, 4<<10), s.maxPageBuffer)
}

// syncers bounds the fsyncs (or, on an object store, uploads) of one
// batch in flight at once.
const syncers = 8

// writeFiles writes each part to its file (staging or final name), setting
// its size, and returns once every file is durable. Files are encoded one
// after another, and each one's fsync runs while the next is encoded and
// beside the others': a batch spread over dates and channels has dozens of
// small files, and syncing them in turn left the CPU idle for most of the
// batch's write time.
func (s *Parquet) writeFiles(ctx context.Context, parts []Part, files []manifestFile) error {
	var g errgroup.Group
	g.SetLimit(syncers)
	for i, p := range parts {
		if err := ctx.Err(); err != nil {
			return errors.Join(err, g.Wait())
		}
		name := cmp.Or(files[i].Staging, files[i].Final)
		f, n, err := s.writeFile(name, p.Rows)
		if err != nil {
			return errors.Join(err, g.Wait())
		}
		files[i].Bytes = n
		g.Go(func() error {
			if err := syncClose(f); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		})
	}
	return g.Wait()
}

// writeDurable writes rows to the file name, syncs it and returns its size.
func (s *Parquet) writeDurable(name string, rows Rows) (int64, error) {
	f, n, err := s.writeFile(name, rows)
	if err != nil {
		return 0, err
	}
	if err := syncClose(f); err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

// writeFile writes rows to the file name and returns it, written but not
// yet synced or closed, and its size.
func (s *Parquet) writeFile(name string, rows Rows) (File, int64, error) {
	f, err := s.fs.Create(name)
	if err != nil {
		return nil, 0, err
	}
	cw := &countingWriter{w: f}
	if err := rows.writeParquet(cw, s.writers, s.pageBuffer(rows.Len())); err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	return f, cw.n, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func syncClose(f File) error {
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync and close: %w", err)
	}
	return nil
}

// Close implements Sink. Writes are synchronous, so nothing is pending;
// later calls return ErrClosed.
func (s *Parquet) Close(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

func (s *Parquet) checkOpen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	return nil
}

// parts groups the batch's rows into one Part per dataset and Hive
// partition, in a deterministic order.
func (b *Batch) parts() ([]Part, error) {
	var parts []Part
	var lastKey, lastChannel string
	var lastY, lastD int
	var lastM time.Month
	msgKey := func(r *events.MessageRow) string {
		t := r.TS.UTC()
		y, m, d := t.Date()
		if lastKey == "" || y != lastY || m != lastM || d != lastD || r.Channel != lastChannel {
			lastY, lastM, lastD, lastChannel = y, m, d, r.Channel
			lastKey = "date=" + t.Format(time.DateOnly) + "/channel=" + r.Channel
		}
		return lastKey
	}
	for i := range b.Messages {
		if r := &b.Messages[i]; !validValue(r.Channel) {
			return nil, fmt.Errorf("message at offset %d: channel not usable in a path", r.SourceOffset)
		}
	}
	for k, rows := range group(b.Messages, msgKey) {
		parts = append(parts, Part{Dataset: events.DatasetMessages, Partition: k, Rows: RowsOf(rows)})
	}
	decKey := func(r *events.DecisionRow) string { return "date=" + r.Date() }
	for k, rows := range group(b.Decisions, decKey) {
		parts = append(parts, Part{Dataset: events.DatasetDecisions, Partition: k, Rows: RowsOf(rows)})
	}
	parts = append(parts, b.Parts...)
	slices.SortFunc(parts, func(x, y Part) int {
		return cmp.Or(strings.Compare(x.Dataset, y.Dataset), strings.Compare(x.Partition, y.Partition))
	})
	for i := 1; i < len(parts); i++ {
		if parts[i].Dataset == parts[i-1].Dataset && parts[i].Partition == parts[i-1].Partition {
			return nil, fmt.Errorf("two parts for dataset %s partition %s", parts[i].Dataset, parts[i].Partition)
		}
	}
	return parts, nil
}

// group splits rows by key, keeping their order within a group. When every
// row has the same key (the usual case for a busy partition) the input is
// returned as is; otherwise each group is copied once into an exactly
// sized slice, since appending rows of a few hundred bytes to growing
// slices dominated the sink's CPU time.
func group[T any](rows []T, key func(*T) string) map[string][]T {
	if len(rows) == 0 {
		return nil
	}
	idx := make([]int32, len(rows))
	var keys []string
	ids := map[string]int32{}
	var counts []int
	for i := range rows {
		k := key(&rows[i])
		id, ok := ids[k]
		if !ok {
			id = int32(len(keys))
			ids[k] = id
			keys = append(keys, k)
			counts = append(counts, 0)
		}
		idx[i] = id
		counts[id]++
	}
	if len(keys) == 1 {
		return map[string][]T{keys[0]: rows}
	}
	groups := make([][]T, len(keys))
	for id, n := range counts {
		groups[id] = make([]T, 0, n)
	}
	for i, id := range idx {
		groups[id] = append(groups[id], rows[i])
	}
	out := make(map[string][]T, len(keys))
	for id, k := range keys {
		out[k] = groups[id]
	}
	return out
}

func (b *Batch) validate() error {
	if err := validTopic(b.Topic, b.Partition); err != nil {
		return err
	}
	if b.First < 0 || b.Last < b.First {
		return fmt.Errorf("batch %s/%d: bad offset range %d-%d", b.Topic, b.Partition, b.First, b.Last)
	}
	for _, p := range b.Parts {
		// A leading underscore marks internal datasets (stats partials)
		// that dataset globs skip; the commit protocol's own are reserved.
		if !validName(p.Dataset, false) || p.Dataset == stagingRoot || p.Dataset == manifestRoot ||
			p.Dataset == events.DatasetMessages || p.Dataset == events.DatasetDecisions {
			return fmt.Errorf("batch %s/%d: dataset name %q not allowed in parts", b.Topic, b.Partition, p.Dataset)
		}
		if p.Rows == nil {
			return fmt.Errorf("batch %s/%d: part for %s has no rows", b.Topic, b.Partition, p.Dataset)
		}
		if p.Partition == "" {
			continue
		}
		for seg := range strings.SplitSeq(p.Partition, "/") {
			k, v, ok := strings.Cut(seg, "=")
			if !ok || !validName(k, false) || !validValue(v) {
				return fmt.Errorf("batch %s/%d: partition path of %s is not k=v/…", b.Topic, b.Partition, p.Dataset)
			}
		}
	}
	return nil
}

var errBadTopic = errors.New("topic name not usable in a path")

func validTopic(topic string, partition int) error {
	if !validValue(topic) || partition < 0 {
		return fmt.Errorf("partition %d: %w", partition, errBadTopic)
	}
	return nil
}

// validName accepts [a-z0-9_]+ (and upper case and '.', '-' with loose).
func validName(s string, loose bool) bool {
	if s == "" || len(s) > 249 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
		case loose && (c >= 'A' && c <= 'Z' || c == '.' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// validValue accepts Kafka's topic alphabet [A-Za-z0-9._-]+, except "."
// and "..", for names and values that become path segments.
func validValue(s string) bool {
	return s != "." && s != ".." && validName(s, true)
}
