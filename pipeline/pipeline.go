package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/internal/metrics"
	"github.com/convanon/convanon/sinks"
)

// Pipeline is the whole data path of `convanon run`, read top to bottom:
//
//	opt-outs loaded ─┐
//	group assignment → recover → fetch → decode → policy → anonymize → batch → write (durable) → commit
//
// Each assigned partition runs in its own goroutine through every stage, so
// records of a partition stay in order and partitions use every core.
type Pipeline struct {
	cfg       config.Config
	log       *slog.Logger
	policy    *policy
	optOuts   *optOuts
	sink      sinks.Sink
	dlq       DeadLetters
	langs     *langid.Detector
	roll      sinks.Roll
	exitAtEnd bool
	stats     *Stats
	cluster   Cluster
	metrics   *metrics.Metrics
	loaded    atomic.Bool // the opt-out table is loaded
	rollup    *Rollup     // nil: partials are written but not published
}

// DeadLetters sends a record that cannot be processed to the dead-letter
// topic with its reason; sinks.DeadLetters implements it. Send returns once
// the dead letter is acknowledged, so the record's offset may be committed.
type DeadLetters interface {
	Send(ctx context.Context, msg kafka.Message, reason error) error
}

// Deps are the pieces a Pipeline is built from.
type Deps struct {
	Engine *detectors.Engine
	// Langs detects the language of texts without a usable hint; nil takes
	// the hint as given.
	Langs       *langid.Detector
	Keys        keys.Source // a *keys.Ring, or a *keys.Watcher to rotate without a restart
	Sink        sinks.Sink
	DeadLetters DeadLetters
	Log         *slog.Logger
	// Metrics receives the pipeline's metrics; nil exports none.
	Metrics *metrics.Metrics
	// ExitAtEnd stops Run, cleanly, once every partition it holds has been
	// consumed, written and committed up to its end offset at start-up.
	ExitAtEnd bool
	// Store is the output storage under Sink; with it, Run publishes the
	// stats datasets every cfg.Stats.RollupInterval and when it stops.
	// Nil leaves the partials for `convanon rollup`.
	Store Store
}

// New builds a pipeline from a validated configuration. It fails, naming
// every bad key, if a tenant's per-type actions are not allowed.
func New(cfg config.Config, d Deps) (*Pipeline, error) {
	pol, err := newPolicy(cfg.Tenants, d.Engine, d.Keys)
	if err != nil {
		return nil, err
	}
	cl, err := NewCluster(cfg.Kafka)
	if err != nil {
		return nil, err
	}
	m := d.Metrics
	if m == nil {
		m = metrics.Discard()
	}
	p := &Pipeline{
		cfg: cfg, log: d.Log, policy: pol, optOuts: newOptOuts(), sink: d.Sink, dlq: d.DeadLetters, langs: d.Langs,
		roll:      sinks.Roll{MaxRows: cfg.Output.BatchRows, MaxBytes: int64(cfg.Output.BatchBytes), MaxAge: cfg.Output.BatchAge},
		exitAtEnd: d.ExitAtEnd, stats: &Stats{}, cluster: cl, metrics: m,
	}
	if d.Store != nil {
		p.rollup = NewRollup(d.Store, cfg, d.Log)
	}
	return p, nil
}

// Stats returns the pipeline's live counters.
func (p *Pipeline) Stats() *Stats { return p.stats }

// errNotReady says why an instance is not ready; it holds no identifier.
var (
	errOptOutsLoading = errors.New("opt-out table not loaded yet")
	errNoPartitions   = errors.New("no partitions assigned")
)

// Ready returns nil once the opt-out table is loaded and the instance holds
// partitions, for /readyz. An instance of a group with more instances than
// partitions is never ready: it is a standby.
func (p *Pipeline) Ready() error {
	switch {
	case !p.loaded.Load():
		return errOptOutsLoading
	case p.stats.Assigned.Load() == 0:
		return errNoPartitions
	}
	return nil
}

// Run consumes until ctx is done (or, with ExitAtEnd, until the start-up end
// offsets are reached), then flushes and commits what it holds and leaves
// the group. It returns nil after a clean stop.
func (p *Pipeline) Run(ctx context.Context) error {
	k := p.cfg.Kafka
	topics := []string{k.Topics.Conversations, k.Topics.Feedback}
	src := &source{cluster: p.cluster, group: k.Group, topics: topics, session: k.SessionTimeout, heartbeat: k.HeartbeatInterval, log: p.log, assigned: &p.stats.Assigned}
	// A bad record must never stop the pipeline, so the dead-letter topic
	// must exist before the first one turns up.
	if _, err := offsetRanges(ctx, p.cluster, []string{k.Topics.DeadLetter}); err != nil {
		return fmt.Errorf("dead-letter topic %s (create it before starting): %w", k.Topics.DeadLetter, err)
	}
	if p.exitAtEnd {
		ends, err := offsetRanges(ctx, p.cluster, topics)
		if err != nil {
			return fmt.Errorf("end offsets: %w", err)
		}
		src.ends = ends
	}

	g, gctx := errgroup.WithContext(ctx)
	stopOptOuts, cancel := context.WithCancel(gctx)
	defer cancel()
	// 1. Opt-outs: the compacted topic is read to its end before anything
	//    is consumed, then followed for as long as we run (optouts.go).
	ready := make(chan struct{})
	g.Go(func() error {
		return p.optOuts.follow(stopOptOuts, p.cluster, k.Topics.OptOuts, p.cfg.MaxRecordBytes, p.log, ready)
	})
	consumed := make(chan struct{})
	g.Go(func() error {
		defer close(consumed)
		defer cancel() // the opt-out follower stops with the consumer
		select {
		case <-ready:
			p.loaded.Store(true)
		case <-gctx.Done():
			return nil
		}
		// 2. Group membership: every generation assigns partitions, each
		//    consumed by p.consume in its own goroutine (source.go).
		return src.run(gctx, p.consume)
	})
	// 10. Stats: publish the windows that closed, now and then and once
	//     more after the last batch (rollup.go).
	if p.rollup != nil {
		g.Go(func() error { return p.rollLoop(consumed) })
	}
	return g.Wait()
}

// writeTimeout bounds one batch's write and commit.
const writeTimeout = 2 * time.Minute

// consume owns one assigned partition for one generation: it recovers the
// output, reads from where it ends, and runs each record through handle;
// batches are written and committed by flush. On revocation or shutdown it
// flushes what it holds, so the next owner starts exactly after it.
func (p *Pipeline) consume(ctx context.Context, c *claim) error {
	// 3. Recover: complete what a crash left and find where the durable
	//    output of this partition ends (sinks.Sink.Recover).
	next, err := p.sink.Recover(ctx, c.topic, c.partition)
	if err != nil {
		return fmt.Errorf("recover %s/%d: %w", c.topic, c.partition, err)
	}
	from := c.committed
	if next >= 0 && (from < 0 || next > from) {
		from = next // durable but not committed when the last owner stopped
	}
	pos := from // next offset to read
	if pos < 0 {
		pos = c.first
	}
	if next > c.committed {
		if err := c.commit(next); err != nil {
			p.log.Warn("commit", "topic", c.topic, "partition", c.partition, "err", err)
		}
	}
	r, err := c.reader(p.cluster, from)
	if err != nil {
		return err
	}
	// Closing a reader waits for its fetch in flight, which at the end of
	// a partition is a long poll of up to MaxWait: a partition that is
	// done reading closes it while its last batch is written.
	closeReader := sync.OnceFunc(func() { r.Close() })
	defer closeReader()
	p.log.Debug("partition started", "topic", c.topic, "partition", c.partition, "offset", pos)

	lag, dropLag := lagGauge(p.metrics, c.topic, c.partition)
	defer dropLag()
	p.metrics.Assigned.Inc()
	defer p.metrics.Assigned.Dec()

	w := newWorker(p.langs)
	b := newBatch(c.topicPartition, p.cfg.Stats.Window)
	defer b.reset()
	var read int64
	defer func() { p.stats.Read.Add(read) }()
	for {
		// --exit-at-end: everything up to the start-up end is committed.
		if c.end >= 0 && pos >= c.end {
			go closeReader()
			if err := p.flush(ctx, c, b); err != nil {
				return err
			}
			c.reached()
			<-ctx.Done()
			return nil
		}
		// 4. Fetch, waiting no longer than the open batch may stay open.
		msg, err := r.FetchMessage(b.fetchContext(ctx, p.roll.MaxAge))
		switch {
		case ctx.Err() != nil && c.isRevoked():
			// Rebalance: the open batch is dropped unwritten; the next owner
			// reads those records again from the committed offset.
			return nil
		case ctx.Err() != nil:
			go closeReader()
			return p.flush(ctx, c, b) // shutdown: flush, commit, then leave
		case errors.Is(err, context.DeadlineExceeded):
			// the batch is due by age
		case err != nil:
			return fmt.Errorf("fetch %s/%d: %w", c.topic, c.partition, err)
		default:
			pos = msg.Offset + 1
			lag.Set(float64(max(msg.HighWaterMark-pos, 0)))
			if read++; read == 256 { // progress, without a shared write per record
				p.stats.Read.Add(read)
				read = 0
			}
			// 5-7. Decode, policy, anonymize into the batch.
			if err := p.handle(ctx, w, b, msg); err != nil {
				return err
			}
		}
		// 8-9. Write the batch (durable) and commit its last offset.
		if b.due(p.roll) {
			if err := p.flush(ctx, c, b); err != nil {
				if c.isRevoked() {
					return nil // the write was cut short by a rebalance, like a crash
				}
				return err
			}
		}
	}
}

// handle runs one record through decode, policy and anonymization, adding
// its rows (if any) to b. Records that cannot be processed go to dead
// letters and processing goes on; an error it returns stops the partition.
func (p *Pipeline) handle(ctx context.Context, w *worker, b *batch, msg kafka.Message) error {
	b.add(msg.Offset, len(msg.Value))
	// 5. Decode: typed, bounded, UTF-8 checked (internal/events). The
	//    reader's value buffer is ours and only read from here on, so the
	//    event's strings alias it rather than being copied.
	ev, err := events.DecodeOwned(msg.Value, p.cfg.MaxRecordBytes)
	if err != nil {
		b.tally.add(0, outDeadLetter)
		return p.deadLetter(ctx, b, msg, err) // bad records never stop the partition
	}
	// 6. Policy: opt-outs in force now, then the tenant's configuration.
	tp := p.policy.tenant(ev.TenantID)
	switch admit(&ev, tp, p.optOuts) {
	case dropOptOut:
		b.counts.optOut++
		b.tally.add(ev.Type, outOptOut)
		return nil
	case dropPolicy:
		b.counts.policy++
		b.tally.add(ev.Type, outPolicy)
		return nil
	}
	// 7. Anonymize into rows (transform.go, anonymize.go).
	lin := events.Lineage{SourceTopic: msg.Topic, SourcePartition: int32(msg.Partition), SourceOffset: msg.Offset}
	switch ev.Type {
	case events.TypeMessage:
		row, err := w.message(&ev, tp, lin, &b.counts)
		if err != nil {
			b.tally.add(ev.Type, outDeadLetter)
			return p.deadLetter(ctx, b, msg, err)
		}
		b.tally.add(ev.Type, outWritten)
		b.out.Messages = appendRow(b.out.Messages, row)
		b.counts.messages++
	case events.TypeDecision:
		row, err := w.decision(&ev, tp, lin, &b.counts)
		if err != nil {
			b.tally.add(ev.Type, outDeadLetter)
			return p.deadLetter(ctx, b, msg, err)
		}
		user, ok, err := w.userHash(&ev, tp)
		if err != nil {
			b.tally.add(ev.Type, outDeadLetter)
			return p.deadLetter(ctx, b, msg, err)
		}
		b.tally.add(ev.Type, outWritten)
		b.out.Decisions = appendRow(b.out.Decisions, row)
		b.stats.decision(&ev, row.Lang, user, ok)
		b.counts.decisions++
	case events.TypeFeedback, events.TypeUsage:
		// 7b. Counted into the batch's stats partials (stats_window.go).
		user, ok, err := w.userHash(&ev, tp)
		if err != nil {
			b.tally.add(ev.Type, outDeadLetter)
			return p.deadLetter(ctx, b, msg, err)
		}
		b.tally.add(ev.Type, outAggregated)
		if ev.Type == events.TypeFeedback {
			b.stats.feedback(&ev, user, ok)
			b.counts.feedback++
		} else {
			b.stats.usage(&ev, user, ok)
			b.counts.usage++
		}
	}
	return nil
}

// flush makes b durable in the sink, then commits its last offset; an empty
// batch is a no-op. Write returns only once the files are fsynced and
// renamed into place, so a committed offset never runs ahead of the output.
//
// A write once started is finished on shutdown (the generation, and so the
// partition, is still ours), but cut short on a rebalance: the partition
// may already be someone else's, and a write cut anywhere is recovered
// like a crash.
func (p *Pipeline) flush(ctx context.Context, c *claim, b *batch) error {
	if b.empty() {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer cancel()
	go func() {
		select {
		case <-c.revoked:
			cancel()
		case <-ctx.Done():
		}
	}()
	start := time.Now()
	// The stats partials travel in the same durable unit as the rows, named
	// by the offset range: written once, like them.
	b.out.Parts = b.stats.parts()
	if err := p.sink.Write(ctx, b.out); err != nil {
		return fmt.Errorf("write %s/%d offsets %d-%d: %w", c.topic, c.partition, b.out.First, b.out.Last, err)
	}
	p.metrics.BatchSeconds.Observe(time.Since(start).Seconds())
	committing := time.Now()
	if err := c.commit(b.out.Last + 1); err != nil {
		// Harmless: the output is durable and Recover resumes after it.
		p.log.Warn("commit", "topic", c.topic, "partition", c.partition, "err", err)
	}
	p.metrics.CommitSeconds.Observe(time.Since(committing).Seconds())
	p.log.Info("batch written", "topic", c.topic, "partition", c.partition, "first", b.out.First, "last", b.out.Last,
		"rows", b.out.Rows(), "took", time.Since(start).Round(time.Microsecond))
	observeBatch(p.metrics, c.topic, &b.tally, &b.counts)
	b.counts.addTo(p.stats)
	if p.rollup != nil {
		p.rollup.Observe(b.stats.maxTS)
	}
	b.reset()
	return nil
}

// deadLetter sends msg to the dead-letter topic with why it was rejected.
// The record still belongs to b's offset range: it is done once b commits.
func (p *Pipeline) deadLetter(ctx context.Context, b *batch, msg kafka.Message, reason error) error {
	if err := p.dlq.Send(ctx, msg, reason); err != nil {
		return fmt.Errorf("dead letter %s/%d@%d: %w", msg.Topic, msg.Partition, msg.Offset, err)
	}
	b.counts.dead++
	if b.counts.deadByCode == nil {
		b.counts.deadByCode = map[string]int64{}
	}
	b.counts.deadByCode[rejectCode(reason)]++
	return nil
}
