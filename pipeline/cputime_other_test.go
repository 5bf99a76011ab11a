//go:build !unix

package pipeline

import "testing"

// cpuTime is not measured on this platform; cpu-ns/row reads 0.
func cpuTime(*testing.B) int64 { return 0 }
