package pipeline

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/metrics"
)

// outcome is what became of one record, a label of convanon_events_total.
type outcome uint8

const (
	outWritten    outcome = iota // a row in messages or decisions
	outAggregated                // counted by the stats datasets
	outOptOut                    // dropped: the user or tenant opted out
	outPolicy                    // dropped by tenant policy
	outDeadLetter                // sent to the dead-letter topic
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"written", "aggregated", "opt_out", "policy", "dead_letter"}

// tally counts one batch's records by event type and outcome, kept by the
// partition goroutine and added to the metrics once the batch is durable.
type tally [events.TypeUsage + 1][numOutcomes]int64

func (t *tally) add(typ events.Type, o outcome) {
	if int(typ) >= len(t) {
		typ = 0
	}
	t[typ][o]++
}

// observeBatch adds a durable batch's counts to the metrics; c is read
// before it is reset by addTo.
func observeBatch(m *metrics.Metrics, topic string, t *tally, c *counts) {
	m.EventsIn.WithLabelValues(topic).Add(float64(c.events))
	for typ, row := range t {
		for o, n := range row {
			if n > 0 {
				m.Events.WithLabelValues(events.Type(typ).String(), outcomeNames[o]).Add(float64(n))
			}
		}
	}
	*t = tally{}
	if c.optOut > 0 {
		m.OptOutDrops.Add(float64(c.optOut))
	}
	for code, n := range c.deadByCode {
		if n > 0 {
			m.DeadLetters.WithLabelValues(code).Add(float64(n))
		}
	}
	for k, n := range c.entities {
		if n > 0 {
			m.Entities.WithLabelValues(detectors.Kind(k).String()).Add(float64(n))
		}
	}
}

// lagGauge returns the lag gauge of one partition; the partition number is
// its only label besides the topic.
func lagGauge(m *metrics.Metrics, topic string, partition int) (prometheus.Gauge, func()) {
	p := strconv.Itoa(partition)
	return m.Lag.WithLabelValues(topic, p), func() { m.Lag.DeleteLabelValues(topic, p) }
}
