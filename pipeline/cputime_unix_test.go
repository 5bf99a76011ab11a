//go:build unix

package pipeline

import (
	"syscall"
	"testing"
)

// cpuTime returns the process's user+system CPU time in nanoseconds, so
// benchmarks can report a figure that holds on a shared, busy machine.
func cpuTime(b *testing.B) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
