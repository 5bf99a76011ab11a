// Package metrics defines convanon's Prometheus metrics, all named
// convanon_*, and the HTTP handler serving them with /healthz and /readyz.
//
// Metrics are registered on a registry the caller passes in, never on a
// global one, so tests and several pipelines in one process do not clash.
// Every label comes from a small fixed set (event type, outcome, entity
// type, dead-letter reason, dataset, topic, partition number): no
// identifier, text or key ever becomes a label. It imports none of our
// packages, so detectors may use it.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics holds every convanon metric. Its fields are safe for concurrent
// use.
type Metrics struct {
	// EventsIn counts records read from the consumed topics, by topic, once
	// their batch is durable.
	EventsIn *prometheus.CounterVec
	// Events counts records by event type (message, decision, feedback,
	// usage; invalid when undecodable) and outcome (written, aggregated,
	// opt_out, policy, dead_letter), once their batch is durable.
	Events *prometheus.CounterVec
	// Entities counts entities replaced, by type (EMAIL, PHONE, …).
	Entities *prometheus.CounterVec
	// OptOutDrops counts events dropped because their user or tenant opted
	// out.
	OptOutDrops prometheus.Counter
	// DeadLetters counts records sent to the dead-letter topic, by reason
	// code (bad_json, bad_utf8, oversize, …).
	DeadLetters *prometheus.CounterVec
	// BytesWritten counts Parquet bytes committed, by dataset.
	BytesWritten *prometheus.CounterVec
	// RowsWritten counts rows committed, by dataset.
	RowsWritten *prometheus.CounterVec
	// BatchSeconds observes how long a batch took to become durable.
	BatchSeconds prometheus.Histogram
	// CommitSeconds observes how long an offset commit took.
	CommitSeconds prometheus.Histogram
	// Lag is, per assigned partition, the records between the last one
	// read and the partition's end.
	Lag *prometheus.GaugeVec
	// Assigned is the number of partitions this instance holds.
	Assigned prometheus.Gauge
	// KeyReloads counts key-file reloads by result (ok, error).
	KeyReloads *prometheus.CounterVec
}

// New creates the metrics and registers them on reg.
func New(reg prometheus.Registerer) *Metrics {
	buckets := prometheus.ExponentialBuckets(0.001, 2.5, 12) // 1ms to about 4min
	m := &Metrics{
		EventsIn: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_events_in_total", Help: "Records read from the consumed topics, counted when their batch is durable.",
		}, []string{"topic"}),
		Events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_events_total", Help: "Records by event type and outcome (written, aggregated, opt_out, policy, dead_letter).",
		}, []string{"type", "outcome"}),
		Entities: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_entities_total", Help: "Entities replaced, by entity type.",
		}, []string{"type"}),
		OptOutDrops: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "convanon_optout_drops_total", Help: "Events dropped because their user or tenant opted out of training.",
		}),
		DeadLetters: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_dead_letters_total", Help: "Records sent to the dead-letter topic, by reason code.",
		}, []string{"reason"}),
		BytesWritten: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_written_bytes_total", Help: "Parquet bytes committed, by dataset.",
		}, []string{"dataset"}),
		RowsWritten: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_written_rows_total", Help: "Rows committed, by dataset.",
		}, []string{"dataset"}),
		BatchSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "convanon_batch_write_seconds", Help: "Time to make one batch durable (files and manifest).", Buckets: buckets,
		}),
		CommitSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "convanon_commit_seconds", Help: "Time to commit one batch's offset to the consumer group.", Buckets: buckets,
		}),
		Lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "convanon_consumer_lag", Help: "Records between the last one read and the end of the partition, per assigned partition.",
		}, []string{"topic", "partition"}),
		Assigned: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "convanon_assigned_partitions", Help: "Partitions this instance holds.",
		}),
		KeyReloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "convanon_key_reloads_total", Help: "Key-file reloads, by result (ok, error).",
		}, []string{"result"}),
	}
	reg.MustRegister(m.EventsIn, m.Events, m.Entities, m.OptOutDrops, m.DeadLetters, m.BytesWritten,
		m.RowsWritten, m.BatchSeconds, m.CommitSeconds, m.Lag, m.Assigned, m.KeyReloads)
	return m
}

// Discard returns metrics registered nowhere, for callers that export none.
func Discard() *Metrics { return New(prometheus.NewRegistry()) }
