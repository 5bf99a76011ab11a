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

	"github.com/convanon/convanon/internal/events"
)

// consent is what a subject allows; the zero-value default is not used:
// subjects without a record consent to everything.
type consent struct{ training, decisions bool }

var consentAll = consent{training: true, decisions: true}

// optOuts is the table of opt-outs read from the compacted opt-out topic:
// the latest record per subject, tombstones removed. Every instance reads
// every partition of the topic, without a group, so each holds the whole
// table. Lookups are concurrent; updates come from the follower only.
type optOuts struct {
	mu      sync.RWMutex
	users   map[string]consent
	tenants map[string]consent
	// applied counts records applied and bad counts records skipped as
	// malformed; both are safe to report.
	applied, bad atomic.Int64
}

func newOptOuts() *optOuts {
	return &optOuts{users: map[string]consent{}, tenants: map[string]consent{}}
}

// consent returns what the tenant and user allow together.
func (o *optOuts) consent(tenant, user string) consent {
	o.mu.RLock()
	defer o.mu.RUnlock()
	c := consentAll
	if t, ok := o.tenants[tenant]; ok {
		c = t
	}
	if u, ok := o.users[user]; ok && user != "" {
		c.training = c.training && u.training
		c.decisions = c.decisions && u.decisions
	}
	return c
}

// apply records one opt-out record; a tombstone restores the defaults.
func (o *optOuts) apply(r events.OptOut) {
	m := o.users
	if r.Kind == events.SubjectTenant {
		m = o.tenants
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if r.Tombstone || (r.Training && r.Decisions) {
		delete(m, r.ID)
	} else {
		m[r.ID] = consent{training: r.Training, decisions: r.Decisions}
	}
	o.applied.Add(1)
}

// size returns the number of subjects with an opt-out in force.
func (o *optOuts) size() int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return len(o.users) + len(o.tenants)
}

// follow reads every partition of topic from its beginning, closes ready
// once each has been read up to the end offset it had when follow started,
// then keeps applying new records until ctx is done. The topic must exist:
// consuming conversations without the opt-outs would break the promise.
func (o *optOuts) follow(ctx context.Context, cl Cluster, topic string, maxBytes int, log *slog.Logger, ready chan<- struct{}) error {
	ranges, err := offsetRanges(ctx, cl, []string{topic})
	if err != nil {
		return fmt.Errorf("opt-out topic %s: %w", topic, err)
	}
	start := time.Now()
	var loading sync.WaitGroup
	g, ctx := errgroup.WithContext(ctx)
	for tp, r := range ranges {
		loading.Add(1)
		g.Go(func() error { return o.followPartition(ctx, cl, tp, r, maxBytes, log, loading.Done) })
	}
	g.Go(func() error {
		loading.Wait()
		log.Info("opt-outs loaded", "topic", topic, "partitions", len(ranges), "records", o.applied.Load(),
			"subjects_opted_out", o.size(), "malformed", o.bad.Load(), "took", time.Since(start).Round(time.Millisecond))
		close(ready)
		return nil
	})
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// followPartition applies one partition's records forever, calling loaded
// once it has passed the start-up end offset.
func (o *optOuts) followPartition(ctx context.Context, cl Cluster, tp topicPartition, r offsetRange, maxBytes int, log *slog.Logger, loaded func()) error {
	loaded = sync.OnceFunc(loaded)
	if r.end <= r.first {
		loaded()
	}
	rd := kafka.NewReader(kafka.ReaderConfig{
		Brokers: cl.Brokers, Dialer: cl.Dialer, Topic: tp.topic, Partition: tp.partition,
		MinBytes: 1, MaxBytes: 4 << 20, MaxWait: 500 * time.Millisecond,
	})
	defer rd.Close()
	if err := rd.SetOffset(kafka.FirstOffset); err != nil {
		return fmt.Errorf("seek opt-outs %s/%d: %w", tp.topic, tp.partition, err)
	}
	for {
		m, err := rd.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("read opt-outs %s/%d: %w", tp.topic, tp.partition, err)
		}
		if rec, err := events.DecodeOptOut(m.Key, m.Value, maxBytes); err != nil {
			// A malformed opt-out is skipped, never guessed at; its key
			// holds an id, so only the position is logged.
			o.bad.Add(1)
			log.Warn("opt-out record skipped", "topic", tp.topic, "partition", tp.partition, "offset", m.Offset, "reason", rejectCode(err))
		} else {
			o.apply(rec)
		}
		if m.Offset+1 >= r.end {
			loaded()
		}
	}
}

// rejectCode returns the stable reason code of a decode error.
func rejectCode(err error) string {
	if re, ok := errors.AsType[*events.RejectError](err); ok {
		return re.Code
	}
	return "error"
}
