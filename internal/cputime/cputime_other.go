//go:build !unix

package cputime

import "time"

// Process reports that CPU time is unavailable on this platform; callers
// fall back to wall-clock time.
func Process() (time.Duration, bool) { return 0, false }
