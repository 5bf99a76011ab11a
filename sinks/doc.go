// Package sinks owns convanon's outputs: the Parquet dataset writer with
// exactly-once delivery (ParquetSink, over a small FS interface so object
// stores can back it later) and the dead-letter producer (DeadLetters).
//
// sinks imports internal packages only, never pipeline, detectors or cmd.
package sinks
