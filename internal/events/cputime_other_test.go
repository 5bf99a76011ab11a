//go:build !unix

package events

import "testing"

// cpuTime is not measured on this platform; cpu-ns/op reads 0.
func cpuTime(*testing.B) int64 { return 0 }
