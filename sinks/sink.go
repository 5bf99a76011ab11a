package sinks

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/convanon/convanon/internal/events"
)

// ErrClosed is returned by Write and Recover after Close.
var ErrClosed = errors.New("sink closed")

// Sink writes the rows of one source partition's offset range as one unit,
// exactly once.
//
// The pipeline calls Recover when a partition is assigned and seeks to
// max(committed offset, next); then it calls Write for consecutive offset
// ranges of that partition, and commits a range's last offset only after
// Write returned nil for it. Calls for one partition must not overlap; calls
// for different partitions may run concurrently.
type Sink interface {
	// Recover completes what a crash may have left of the partition's
	// batches and returns the offset after the last durable batch, or -1
	// when the sink holds none for this partition.
	Recover(ctx context.Context, topic string, partition int) (next int64, err error)
	// Write returns nil only once every row of b is durable. Writing a batch
	// that is already durable (a replay) writes nothing and returns nil.
	// After an error the batch may be durable or not: retry the same batch,
	// or call Recover and seek to max(committed, next) before batching
	// again, since a batch overlapping a durable one is refused.
	Write(ctx context.Context, b Batch) error
	// Close releases the sink; nothing is buffered between Writes, so Close
	// loses nothing. Later calls return ErrClosed.
	Close(ctx context.Context) error
}

// Batch is everything the pipeline made from the records First..Last
// (inclusive) of one source partition. Records that produced no row (dead
// letters, opt-outs, policy drops) still belong to the range: a batch with
// no row at all is valid and records the range as done.
type Batch struct {
	Topic     string // source topic: [A-Za-z0-9._-]+
	Partition int    // source partition
	First     int64  // offset of the first record of the range
	Last      int64  // offset of the last record of the range, >= First

	Messages  []events.MessageRow  // grouped into messages/date=…/channel=…/ by the sink
	Decisions []events.DecisionRow // grouped into decisions/date=…/ by the sink
	// Parts carries rows of other datasets (the stats partials of issue 6),
	// already grouped: one Part per (dataset, Hive partition).
	Parts []Part
}

// Rows reports the number of rows in b across all datasets.
func (b *Batch) Rows() int {
	n := len(b.Messages) + len(b.Decisions)
	for _, p := range b.Parts {
		n += p.Rows.Len()
	}
	return n
}

// Part is the rows of one dataset and Hive partition within a batch; it
// becomes one Parquet file, DATASET/PARTITION/<topic>-<partition>-<first>-<last>.parquet.
type Part struct {
	Dataset   string // top-level directory, e.g. "feedback_stats": [a-z0-9_]+
	Partition string // Hive path below it, e.g. "date=2026-11-22/channel=chat"; "" for none
	Rows      Rows   // from RowsOf
}

// Rows is a slice of rows of one Go type with parquet tags; RowsOf makes one.
type Rows interface {
	// Len is the number of rows.
	Len() int
	writeParquet(w io.Writer, ws *writers, pageBuffer int) error
}

// RowsOf wraps rows whose type T has parquet struct tags (like
// events.MessageRow) so they can travel in a Part.
func RowsOf[T any](rows []T) Rows { return rowsOf[T](rows) }

type rowsOf[T any] []T

func (r rowsOf[T]) Len() int { return len(r) }

func (r rowsOf[T]) writeParquet(w io.Writer, ws *writers, pageBuffer int) error {
	return writeRows(ws, w, []T(r), pageBuffer)
}

// Roll holds the knobs that decide when the pipeline cuts a batch, and so
// how big output files grow: a batch is cut when any limit is reached. A
// zero field means no limit on that measure.
type Roll struct {
	MaxRows  int           // rows across datasets; default 500,000
	MaxBytes int64         // approximate bytes of text held; default 64 MiB
	MaxAge   time.Duration // time since the batch's first record; default 30s
}

// DefaultRoll returns the default roll limits: files of tens of MB for busy
// partitions, and data no older than 30s for quiet ones.
func DefaultRoll() Roll {
	return Roll{MaxRows: 500_000, MaxBytes: 64 << 20, MaxAge: 30 * time.Second}
}

// Due reports whether a batch holding rows rows and bytes bytes, started age
// ago, should be cut now.
func (r Roll) Due(rows int, bytes int64, age time.Duration) bool {
	return (r.MaxRows > 0 && rows >= r.MaxRows) ||
		(r.MaxBytes > 0 && bytes >= r.MaxBytes) ||
		(r.MaxAge > 0 && age >= r.MaxAge)
}
