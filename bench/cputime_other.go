//go:build !unix

package main

import "time"

// cpuTime is unavailable here; throughput falls back to wall-clock time.
func cpuTime() (time.Duration, bool) { return 0, false }
