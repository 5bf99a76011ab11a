package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/convanon/convanon/internal/demo"
)

// TestMain doubles as the pipeline process of the crash test: with
// CONVANON_TEST_RUN set, the test binary runs the pipeline as `convanon run
// --exit-at-end` does (same Pipeline, same sink) and exits.
func TestMain(m *testing.M) {
	if os.Getenv("CONVANON_TEST_RUN") != "" {
		os.Exit(helperRun())
	}
	os.Exit(m.Run())
}

// helperRun runs the pipeline on the brokers and directory the environment
// names, to the end offsets, and returns the exit code.
func helperRun() int {
	addrs := strings.Split(os.Getenv("CONVANON_TEST_BROKERS"), ",")
	cfg := testConfig(addrs, os.Getenv("CONVANON_TEST_OUT"))
	p, err := buildPipeline(cfg, true)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if err := p.Run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "helper run:", err)
		return 1
	}
	return 0
}

// TestCrash kills the pipeline process with SIGKILL at random points,
// restarts it, repeats, and then lets it finish: every expected row must be
// in the output exactly once.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	addrs := startCluster(t)
	s := demo.Generate(11, 6000, testTopics)
	produce(t, addrs, s.OptOuts)
	produce(t, addrs, s.Events)
	msgs := consumed(t, addrs)
	ring := envRing(t)
	dir := t.TempDir()

	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 0))
	t.Logf("kill schedule seed %d", seed)
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "CONVANON_TEST_RUN=1", "CONVANON_TEST_BROKERS="+strings.Join(addrs, ","), "CONVANON_TEST_OUT="+dir, "CONVANON_KEYS="+testKey)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatalf("start pipeline process: %v", err)
		}
		return cmd
	}
	kills := 0
	for i := 0; i < 5; i++ {
		before := countFiles(filepath.Join(dir, "messages"))
		cmd := start()
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		// Even runs are killed at a random point after they have written
		// something (mid-stream, often mid-batch); odd runs at a random
		// point from start (start-up, recovery, group join).
		wait := time.Duration(r.IntN(1200)) * time.Millisecond
		if i%2 == 0 {
			for countFiles(filepath.Join(dir, "messages")) == before && len(exited) == 0 {
				time.Sleep(10 * time.Millisecond)
			}
			wait = time.Duration(r.IntN(300)) * time.Millisecond
		}
		select {
		case err := <-exited:
			t.Logf("run %d finished before its kill (%v)", i+1, err)
			i = 5 // nothing left to interrupt
		case <-time.After(wait):
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatalf("kill: %v", err)
			}
			err := <-exited
			kills++
			out := readOutput(t, dir)
			t.Logf("run %d killed after %s (%v): %d message rows durable", i+1, wait, err, len(out.messages))
		}
	}
	if kills == 0 {
		t.Errorf("no run was killed mid-stream; the test proved nothing")
	}
	// A graceful stop: SIGTERM mid-stream flushes, commits and exits 0.
	before := countFiles(filepath.Join(dir, "messages"))
	cmd := start()
	for deadline := time.Now().Add(10 * time.Second); countFiles(filepath.Join(dir, "messages")) == before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatalf("SIGTERM: %v", err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("run stopped by SIGTERM: %v, want exit 0", err)
	}
	cmd = start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("final run: %v", err)
	}
	check(t, expect(t, msgs), readOutput(t, dir), ring)
	checkStats(t, msgs, dir)
}

// countFiles counts the files under dir, the dataset files of committed
// batches when dir is a dataset.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
