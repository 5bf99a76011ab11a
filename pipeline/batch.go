package pipeline

import (
	"context"
	"slices"
	"time"

	"github.com/convanon/convanon/sinks"
)

// batch gathers what one partition's consecutive records produced until the
// roll says to cut it; then it is written as one unit and committed.
type batch struct {
	out     sinks.Batch
	records int
	bytes   int64
	started time.Time
	counts  counts
	tally   tally     // by type and outcome, for metrics
	stats   *statsAcc // feedback, decision and usage aggregates, written as Parts
	// fetchCtx ends when the open batch is due by age; nil while empty.
	fetchCtx context.Context
	cancel   context.CancelFunc
}

func newBatch(tp topicPartition, window time.Duration) *batch {
	return &batch{out: sinks.Batch{Topic: tp.topic, Partition: tp.partition}, stats: newStatsAcc(window)}
}

// add records that offset, of size bytes, belongs to the batch.
func (b *batch) add(offset int64, size int) {
	if b.records == 0 {
		b.out.First = offset
		b.started = time.Now()
	}
	b.out.Last = offset
	b.records++
	b.bytes += int64(size)
	b.counts.events++
	b.counts.bytes += int64(size)
}

// fetchContext returns the context a fetch waits under: ctx while the batch
// is empty, else one that also ends when the batch is due by age, so quiet
// partitions still write and commit.
func (b *batch) fetchContext(ctx context.Context, maxAge time.Duration) context.Context {
	if b.records == 0 || maxAge <= 0 {
		return ctx
	}
	if b.fetchCtx == nil {
		b.fetchCtx, b.cancel = context.WithDeadline(ctx, b.started.Add(maxAge))
	}
	return b.fetchCtx
}

// empty reports whether no record has been added since the last reset.
func (b *batch) empty() bool { return b.records == 0 }

// due reports whether the roll says to cut the batch now.
func (b *batch) due(roll sinks.Roll) bool {
	return b.records > 0 && roll.Due(b.records, b.bytes, time.Since(b.started))
}

// reset empties the batch for the next range, keeping slice capacity.
func (b *batch) reset() {
	clear(b.out.Messages)
	clear(b.out.Decisions)
	b.out.Messages, b.out.Decisions, b.out.Parts = b.out.Messages[:0], b.out.Decisions[:0], nil
	b.records, b.bytes = 0, 0
	b.stats.reset()
	if b.cancel != nil {
		b.cancel()
		b.fetchCtx, b.cancel = nil, nil
	}
}

// appendRow appends r to rows, doubling the capacity when full: append
// grows a large slice by about 1.25x, and each growth copies every row so
// far (hundreds of bytes each, with pointers, so under the GC's write
// barrier while it marks), which showed as ~6% of a partition's CPU time.
func appendRow[T any](rows []T, r T) []T {
	if len(rows) == cap(rows) {
		rows = slices.Grow(rows, max(len(rows), 256))
	}
	return append(rows, r)
}
