// Package detectors finds personal identifiers and secrets in text: bytes in,
// findings out.
//
// An Engine passes over a text once, splitting it into white-space separated
// tokens and computing each token's byte classes. A Detector declares which
// tokens wake it (a Trigger: byte classes such as "has a digit", or keywords
// such as "password"); only then does its FindFunc run, on the neighbourhood
// of that token, validating candidates (Luhn, mod 97, phone metadata …) before
// it reports them. No detector runs over every message, so the engine scans at
// memory speed where there is nothing to find and allocates nothing.
//
// All lists every detector; there is no registration from init. The package
// knows nothing of Kafka, events or the pipeline and imports none of
// convanon's packages, so it is fuzzed and benchmarked alone.
package detectors
