package cputime

import (
	"runtime"
	"testing"
	"time"
)

func TestProcessAdvancesWithWork(t *testing.T) {
	before, ok := Process()
	if !ok {
		if runtime.GOOS == "linux" || runtime.GOOS == "darwin" {
			t.Fatalf("Process() unavailable on %s", runtime.GOOS)
		}
		t.Skipf("no CPU time on %s", runtime.GOOS)
	}
	x := uint64(1)
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x = x*6364136223846793005 + 1442695040888963407 // keep the core busy
	}
	after, _ := Process()
	if after-before < 10*time.Millisecond {
		t.Errorf("Process() advanced %v over 50ms of busy work (x=%d), want at least 10ms", after-before, x)
	}
}
