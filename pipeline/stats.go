package pipeline

import (
	"maps"
	"sync"
	"sync/atomic"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/events"
)

// Stats counts what the pipeline did since it started. Counts are added
// when a batch is durable, so they match the output; records replayed after
// a crash are counted again by the process that replays them. Every field
// is safe to read concurrently and to report: counts only.
type Stats struct {
	Events        atomic.Int64 // records of the consumed topics in durable, committed batches
	Read          atomic.Int64 // records read so far, for progress; runs ahead of Events
	Messages      atomic.Int64 // rows written to messages
	Decisions     atomic.Int64 // rows written to decisions
	Feedback      atomic.Int64 // feedback events accepted (for the aggregates)
	Usage         atomic.Int64 // usage events accepted (for the aggregates)
	DroppedOptOut atomic.Int64 // events dropped by an opt-out in force
	DroppedPolicy atomic.Int64 // events dropped by tenant policy (decisions off, channel not kept)
	DeadLetters   atomic.Int64 // records sent to the dead-letter topic
	Batches       atomic.Int64 // batches made durable and committed
	Bytes         atomic.Int64 // record bytes read
	Assigned      atomic.Int64 // partitions this instance holds now

	mu         sync.Mutex
	deadByCode map[string]int64                        // reason codes: a small fixed set
	entities   [events.NumEntityKinds + 1]atomic.Int64 // by detectors.Kind
}

// Entities returns the number of entities replaced, by type name, for the
// types seen at least once.
func (s *Stats) Entities() map[string]int64 {
	out := map[string]int64{}
	for _, k := range detectors.Kinds() {
		if int(k) < len(s.entities) {
			if n := s.entities[k].Load(); n > 0 {
				out[k.String()] = n
			}
		}
	}
	return out
}

// DeadLettersByReason returns dead-letter counts by reason code.
func (s *Stats) DeadLettersByReason() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.deadByCode)
}

// counts is one batch's share of Stats, kept by the partition goroutine
// without atomics and added to Stats once the batch is durable.
type counts struct {
	events, bytes, messages, decisions, feedback, usage int64
	optOut, policy, dead                                int64
	deadByCode                                          map[string]int64
	entities                                            [events.NumEntityKinds + 1]int64
}

func (c *counts) addTo(s *Stats) {
	s.Events.Add(c.events)
	s.Bytes.Add(c.bytes)
	s.Messages.Add(c.messages)
	s.Decisions.Add(c.decisions)
	s.Feedback.Add(c.feedback)
	s.Usage.Add(c.usage)
	s.DroppedOptOut.Add(c.optOut)
	s.DroppedPolicy.Add(c.policy)
	s.DeadLetters.Add(c.dead)
	s.Batches.Add(1)
	for k, n := range c.entities {
		if n > 0 {
			s.entities[k].Add(n)
		}
	}
	if len(c.deadByCode) > 0 {
		s.mu.Lock()
		if s.deadByCode == nil {
			s.deadByCode = map[string]int64{}
		}
		for code, n := range c.deadByCode {
			s.deadByCode[code] += n
		}
		s.mu.Unlock()
	}
	*c = counts{deadByCode: c.deadByCode}
	clear(c.deadByCode)
}
