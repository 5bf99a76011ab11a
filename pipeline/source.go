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
)

// source consumes topics as one member of a Kafka consumer group. Each
// generation of the group hands this instance a set of partitions; source
// runs one goroutine per partition for as long as the generation lasts, so
// assignment and revocation are explicit: a partition's goroutine returns
// (after flushing and committing) before the group moves on.
type source struct {
	cluster   Cluster
	group     string
	topics    []string
	session   time.Duration
	heartbeat time.Duration
	log       *slog.Logger
	// ends, when not nil, holds each partition's offsets at start-up: the
	// source stops once every claimed partition reached its end (--exit-at-end).
	ends map[topicPartition]offsetRange
	// assigned counts the partitions held now.
	assigned *atomic.Int64
}

type topicPartition struct {
	topic     string
	partition int
}

// claim is one partition assigned to this instance for one generation.
type claim struct {
	topicPartition
	// committed is the group's committed offset, or kafka.FirstOffset when
	// the group has none.
	committed int64
	// end is the partition's end offset at start-up, or -1 to run forever;
	// first is its first offset then, where reading from FirstOffset starts.
	first, end int64
	gen        *kafka.Generation
	// reached is called once the partition has been consumed, made durable
	// and committed up to end.
	reached func()
	// revoked is closed when the group rebalances: the partition may
	// already be someone else's, so nothing more may be written for it.
	revoked <-chan struct{}
}

// consumeFunc processes one claim until ctx is done. It returns nil after a
// clean stop (batches flushed and committed); an error stops the instance.
type consumeFunc func(ctx context.Context, c *claim) error

// run joins the group and calls consume for every partition of every
// generation until ctx is done or consume fails; then it leaves the group.
// With ends set it also stops, cleanly, once every partition it holds has
// reached its start-up end offset.
func (s *source) run(ctx context.Context, consume consumeFunc) error {
	cg, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{
		ID:                     s.group,
		Brokers:                s.cluster.Brokers,
		Dialer:                 s.cluster.Dialer,
		Topics:                 s.topics,
		HeartbeatInterval:      s.heartbeat,
		SessionTimeout:         s.session,
		RebalanceTimeout:       s.session,
		JoinGroupBackoff:       time.Second,
		WatchPartitionChanges:  true,
		PartitionWatchInterval: 5 * time.Second,
		StartOffset:            kafka.FirstOffset,
		// kafka-go's messages name groups, members and partitions, never
		// record content.
		Logger:      kafka.LoggerFunc(func(msg string, a ...any) { s.log.Debug("kafka: " + fmt.Sprintf(msg, a...)) }),
		ErrorLogger: kafka.LoggerFunc(func(msg string, a ...any) { s.log.Warn("kafka: " + fmt.Sprintf(msg, a...)) }),
	})
	if err != nil {
		return fmt.Errorf("consumer group %s: %w", s.group, err)
	}
	// Close leaves the group, so the partitions move to other instances now
	// rather than after the session timeout.
	defer cg.Close()

	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	for {
		gen, err := cg.Next(ctx)
		switch {
		case ctx.Err() != nil:
			return ignoreCanceled(context.Cause(ctx))
		case err != nil:
			// Join and sync errors are retried by the group after a backoff.
			s.log.Warn("consumer group join", "group", s.group, "err", err)
			continue
		}
		s.generation(ctx, gen, consume, stop)
	}
}

// errAtEnd stops run cleanly once every partition reached its end offset.
var errAtEnd = errors.New("every partition consumed to its start-up end")

func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, errAtEnd) {
		return nil
	}
	return err
}

// generation runs one goroutine per assigned partition and returns once
// they have all returned: after a rebalance, a shutdown or a failure.
func (s *source) generation(ctx context.Context, gen *kafka.Generation, consume consumeFunc, stop context.CancelCauseFunc) {
	var claims []*claim
	for topic, parts := range gen.Assignments {
		for _, p := range parts {
			tp := topicPartition{topic, p.ID}
			r := offsetRange{end: -1}
			if s.ends != nil {
				r = s.ends[tp]
			}
			claims = append(claims, &claim{topicPartition: tp, committed: p.Offset, first: r.first, end: r.end, gen: gen})
		}
	}
	s.log.Info("partitions assigned", "group", s.group, "generation", gen.ID, "partitions", len(claims))
	s.assigned.Add(int64(len(claims)))
	defer s.assigned.Add(-int64(len(claims)))

	var mu sync.Mutex
	pending := len(claims)
	atEnd := func() {
		mu.Lock()
		defer mu.Unlock()
		if pending--; pending == 0 {
			stop(errAtEnd)
		}
	}
	if s.ends != nil && len(claims) == 0 {
		stop(errAtEnd)
	}

	// One function on the generation owns every partition goroutine: the
	// generation, and kafka-go's heartbeats with it, ends only when the
	// group rebalances (gctx) or when all of them have returned. So on
	// shutdown the partitions flush while this member is still alive in the
	// group, and nobody else can take their partitions meanwhile.
	done := make(chan struct{})
	gen.Start(func(gctx context.Context) {
		defer close(done)
		var wg sync.WaitGroup
		for _, c := range claims {
			c.revoked = gctx.Done()
			c.reached = func() {}
			if s.ends != nil {
				c.reached = sync.OnceFunc(atEnd)
			}
			wg.Go(func() {
				pctx, cancel := context.WithCancel(ctx)
				defer cancel()
				defer context.AfterFunc(gctx, cancel)()
				if err := consume(pctx, c); err != nil {
					s.log.Error("partition failed; stopping", "topic", c.topic, "partition", c.partition, "err", err)
					stop(fmt.Errorf("%s/%d: %w", c.topic, c.partition, err))
				}
			})
		}
		wg.Wait()
	})
	<-done
	s.log.Info("partitions revoked", "group", s.group, "generation", gen.ID, "partitions", len(claims))
}

// reader opens a reader of the claim's partition at offset (an absolute
// offset or kafka.FirstOffset).
func (c *claim) reader(cl Cluster, offset int64) (*kafka.Reader, error) {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:   cl.Brokers,
		Dialer:    cl.Dialer,
		Topic:     c.topic,
		Partition: c.partition,
		MinBytes:  1,
		MaxBytes:  8 << 20,
		MaxWait:   250 * time.Millisecond,
		// Larger queue: the partition goroutine is the only consumer, and a
		// deeper prefetch keeps it busy while the fetcher waits on the broker.
		QueueCapacity: 1024,
	})
	if err := r.SetOffset(offset); err != nil {
		r.Close()
		return nil, fmt.Errorf("seek %s/%d to %d: %w", c.topic, c.partition, offset, err)
	}
	return r, nil
}

// offsetRange is a partition's first offset and end offset (the next offset
// to be written).
type offsetRange struct{ first, end int64 }

// offsetRanges returns the offset range of every partition of topics now.
func offsetRanges(ctx context.Context, cluster Cluster, topics []string) (map[topicPartition]offsetRange, error) {
	cl := &kafka.Client{Addr: kafka.TCP(cluster.Brokers...), Timeout: 10 * time.Second, Transport: cluster.Transport}
	md, err := cl.Metadata(ctx, &kafka.MetadataRequest{Topics: topics})
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	// One request per bound: a request naming a partition twice is invalid
	// for Kafka, and kafka-go tells the answers apart by a timestamp field
	// that brokers do not echo.
	first := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	last := &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{}}
	for _, t := range md.Topics {
		if t.Error != nil {
			return nil, fmt.Errorf("metadata of topic %s: %w", t.Name, t.Error)
		}
		for _, p := range t.Partitions {
			first.Topics[t.Name] = append(first.Topics[t.Name], kafka.FirstOffsetOf(p.ID))
			last.Topics[t.Name] = append(last.Topics[t.Name], kafka.LastOffsetOf(p.ID))
		}
	}
	ranges := map[topicPartition]offsetRange{}
	for _, req := range []*kafka.ListOffsetsRequest{first, last} {
		res, err := cl.ListOffsets(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("list offsets: %w", err)
		}
		for topic, ps := range res.Topics {
			for _, p := range ps {
				if p.Error != nil {
					return nil, fmt.Errorf("list offsets of %s/%d: %w", topic, p.Partition, p.Error)
				}
				tp := topicPartition{topic, p.Partition}
				r := ranges[tp]
				if req == first {
					r.first = max(p.FirstOffset, 0)
				} else {
					r.end = p.LastOffset
				}
				ranges[tp] = r
			}
		}
	}
	return ranges, nil
}

// isRevoked reports whether the group has rebalanced since c was assigned.
func (c *claim) isRevoked() bool {
	select {
	case <-c.revoked:
		return true
	default:
		return false
	}
}
