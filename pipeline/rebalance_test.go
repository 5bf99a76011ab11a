package pipeline

import (
	"context"
	"testing"
	"time"

	"github.com/convanon/convanon/internal/demo"
)

// TestRebalance runs two instances in one group: the second joins while
// the first is consuming, more events arrive, the first leaves mid-stream,
// and a third instance finishes the backlog. Every row exactly once.
func TestRebalance(t *testing.T) {
	addrs := startCluster(t)
	s := demo.Generate(5, 6000, testTopics)
	half := len(s.Events) / 2
	produce(t, addrs, s.OptOuts)
	produce(t, addrs, s.Events[:half])
	cfg := testConfig(addrs, t.TempDir())
	ring := envRing(t)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	run := func(p *Pipeline) (context.CancelFunc, <-chan error) {
		pctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- p.Run(pctx) }()
		return stop, done
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for !cond() {
			if ctx.Err() != nil {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	a, b := newTestPipeline(t, cfg, false), newTestPipeline(t, cfg, false)
	stopA, doneA := run(a)
	waitFor("instance a to consume", func() bool { return a.Stats().Batches.Load() > 0 })
	stopB, doneB := run(b)
	waitFor("instance b to get partitions", func() bool { return b.Stats().Assigned.Load() > 0 })
	produce(t, addrs, s.Events[half:])
	waitFor("more progress", func() bool { return a.Stats().Events.Load()+b.Stats().Events.Load() > int64(half)+500 })
	stopA() // a leaves mid-stream: flushes, commits, leaves the group
	if err := <-doneA; err != nil {
		t.Fatalf("instance a Run: %v", err)
	}
	waitFor("instance b to take over", func() bool { return b.Stats().Assigned.Load() == 6 })
	time.Sleep(300 * time.Millisecond)
	stopB()
	if err := <-doneB; err != nil {
		t.Fatalf("instance b Run: %v", err)
	}
	t.Logf("a: %d events, b: %d events", a.Stats().Events.Load(), b.Stats().Events.Load())

	c := newTestPipeline(t, cfg, true)
	if err := c.Run(ctx); err != nil {
		t.Fatalf("instance c Run: %v", err)
	}
	t.Logf("c: %d events", c.Stats().Events.Load())
	msgs := consumed(t, addrs)
	check(t, expect(t, msgs), readOutput(t, cfg.Output.Dir), ring)
	checkStats(t, msgs, cfg.Output.Dir)
}
