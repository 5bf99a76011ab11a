// Package pipeline is convanon's data path: Kafka records in, anonymized
// dataset rows out, each record exactly once. pipeline.go shows every stage
// in order; each stage lives in its own file:
//
//   - source.go: consumer-group membership (kafka-go ConsumerGroup and
//     Generation), one goroutine per assigned partition;
//   - optouts.go: the opt-out table, read from the compacted topic to its
//     end before anything is consumed, then followed;
//   - policy.go: opt-outs and tenant policy (HIPAA, decisions, channels,
//     per-type actions) decide what is kept;
//   - anonymize.go: detection and replacement of identifiers, pseudonyms;
//   - transform.go: events to messages and decisions rows;
//   - batch.go and commit.go: per-partition batches, written durably by the
//     sink before their last offset is committed;
//   - stats_window.go, sketch.go: per-batch partial aggregates of feedback,
//     decisions and usage, written in the batch (_stats_partials);
//   - rollup.go, rollup_merge.go: merging partials of closed windows,
//     suppression of small groups, idempotent publication of the stats.
//
// pipeline imports detectors, sinks and internal packages, never cmd. It
// logs positions, counts and codes, never record content or identifiers.
package pipeline
