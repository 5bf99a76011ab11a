package sinks

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/convanon/convanon/internal/events"
)

// sinkHarness is what the shared suite needs from a sink implementation:
// a fresh sink over storage that survives "restarts" (open), a way to
// inject a fault at the n-th storage operation (openFaulty), and an
// independent read of every durable row (read: source offset -> count,
// keyed by dataset).
type sinkHarness struct {
	open       func(t *testing.T) Sink
	openFaulty func(t *testing.T, failAt int, permanent bool) (Sink, *faultFS)
	read       func(t *testing.T) map[string]map[int64]int
}

const suiteTopic = "conversations"

// suiteBatch makes a batch for offsets first..last: every offset yields a
// message (channels and dates alternate so rows spread over several Hive
// partitions) and every third a decision too.
func suiteBatch(partition int, first, last int64) Batch {
	b := Batch{Topic: suiteTopic, Partition: partition, First: first, Last: last}
	channels := []string{"chat", "voice", "sms"}
	for off := first; off <= last; off++ {
		lin := events.Lineage{SourceTopic: suiteTopic, SourcePartition: int32(partition), SourceOffset: off}
		ts := time.Date(2026, 11, 22+int(off%2), 10, 0, int(off%60), 0, time.UTC)
		b.Messages = append(b.Messages, events.MessageRow{
			EventID: fmt.Sprintf("ev-%d", off), ConversationID: "cv", UserID: "us", TenantID: "acme",
			Channel: channels[off%3], Role: "user", TS: ts, Lang: "en", Text: "hello <PERSON_1>",
			EntityCounts: events.EntityCounts{Person: 1}, KeyID: "k1", Lineage: lin,
		})
		if off%3 == 0 {
			b.Decisions = append(b.Decisions, events.DecisionRow{
				EventID: fmt.Sprintf("ev-%d", off), ConversationID: "cv", TenantID: "acme", TS: ts, Lang: "en",
				Context: []events.Turn{{Role: "user", Text: "hi"}}, Models: []string{"m-a", "m-b"}, Choice: "m-a",
				KeyID: "k1", Lineage: lin,
			})
		}
	}
	return b
}

// wantCounts is the exactly-once expectation for offsets 0..last of one
// partition written with suiteBatch.
func wantCounts(last int64) map[string]map[int64]int {
	want := map[string]map[int64]int{events.DatasetMessages: {}, events.DatasetDecisions: {}}
	for off := int64(0); off <= last; off++ {
		want[events.DatasetMessages][off] = 1
		if off%3 == 0 {
			want[events.DatasetDecisions][off] = 1
		}
	}
	return want
}

// runSinkSuite is the delivery contract every Sink must pass, like benthos'
// StreamTestAtLeastOnceDelivery but for exactly once.
func runSinkSuite(t *testing.T, h func(t *testing.T) sinkHarness) {
	ctx := context.Background()

	t.Run("durable before Write returns", func(t *testing.T) {
		hs := h(t)
		s := hs.open(t)
		if next, err := s.Recover(ctx, suiteTopic, 0); err != nil || next != -1 {
			t.Fatalf("Recover() on empty storage = %d, %v, want -1, nil", next, err)
		}
		if err := s.Write(ctx, suiteBatch(0, 0, 9)); err != nil {
			t.Fatalf("Write(0-9) error: %v", err)
		}
		// No Close: what Write returned for must already be readable.
		if diff := cmp.Diff(wantCounts(9), hs.read(t)); diff != "" {
			t.Errorf("rows after Write(0-9) (-want +got):\n%s", diff)
		}
		if next, err := hs.open(t).Recover(ctx, suiteTopic, 0); err != nil || next != 10 {
			t.Errorf("Recover() after Write(0-9) = %d, %v, want 10, nil", next, err)
		}
	})

	t.Run("replay writes no duplicate", func(t *testing.T) {
		hs := h(t)
		s := hs.open(t)
		for _, b := range []Batch{suiteBatch(0, 0, 9), suiteBatch(0, 10, 19), suiteBatch(0, 10, 19), suiteBatch(0, 0, 9)} {
			if err := s.Write(ctx, b); err != nil {
				t.Fatalf("Write(%d-%d) error: %v", b.First, b.Last, err)
			}
		}
		// A restarted sink that is handed a replay without Recover skips it too.
		if err := hs.open(t).Write(ctx, suiteBatch(0, 10, 19)); err != nil {
			t.Fatalf("Write(10-19) on a new sink error: %v", err)
		}
		if diff := cmp.Diff(wantCounts(19), hs.read(t)); diff != "" {
			t.Errorf("rows after replays (-want +got):\n%s", diff)
		}
	})

	t.Run("overlapping batch is refused", func(t *testing.T) {
		hs := h(t)
		s := hs.open(t)
		if err := s.Write(ctx, suiteBatch(0, 0, 9)); err != nil {
			t.Fatalf("Write(0-9) error: %v", err)
		}
		if err := s.Write(ctx, suiteBatch(0, 5, 14)); err == nil {
			t.Errorf("Write(5-14) after Write(0-9) = nil, want an overlap error")
		}
	})

	t.Run("empty batch records its range", func(t *testing.T) {
		hs := h(t)
		s := hs.open(t)
		if err := s.Write(ctx, Batch{Topic: suiteTopic, Partition: 0, First: 0, Last: 99}); err != nil {
			t.Fatalf("Write(empty 0-99) error: %v", err)
		}
		if next, err := hs.open(t).Recover(ctx, suiteTopic, 0); err != nil || next != 100 {
			t.Errorf("Recover() after empty batch = %d, %v, want 100, nil", next, err)
		}
	})

	t.Run("Close flushes and refuses later writes", func(t *testing.T) {
		hs := h(t)
		s := hs.open(t)
		if err := s.Write(ctx, suiteBatch(0, 0, 9)); err != nil {
			t.Fatalf("Write(0-9) error: %v", err)
		}
		if err := s.Close(ctx); err != nil {
			t.Fatalf("Close() error: %v", err)
		}
		if diff := cmp.Diff(wantCounts(9), hs.read(t)); diff != "" {
			t.Errorf("rows after Close (-want +got):\n%s", diff)
		}
		if err := s.Write(ctx, suiteBatch(0, 10, 19)); !errors.Is(err, ErrClosed) {
			t.Errorf("Write after Close = %v, want ErrClosed", err)
		}
	})

	t.Run("partitions write concurrently", func(t *testing.T) {
		hs := h(t)
		s := hs.open(t)
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for p := range 4 {
			wg.Go(func() {
				for first := int64(0); first < 30 && errs[p] == nil; first += 10 {
					errs[p] = s.Write(ctx, suiteBatch(p, first, first+9))
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatalf("concurrent Write error: %v", err)
		}
		for p := range 4 {
			if next, err := hs.open(t).Recover(ctx, suiteTopic, p); err != nil || next != 30 {
				t.Errorf("Recover(partition %d) = %d, %v, want 30, nil", p, next, err)
			}
		}
	})

	// Crash at every storage operation of the protocol: the faulty sink
	// dies at operation n (every later operation fails too, as in a dead
	// process), a new sink recovers, the consumer seeks to
	// max(committed, next) and replays: every row must be there once.
	t.Run("crash at every step then Recover gives exactly once", func(t *testing.T) {
		for n := 1; ; n++ {
			hs := h(t)
			if err := hs.open(t).Write(ctx, suiteBatch(0, 0, 9)); err != nil {
				t.Fatalf("Write(0-9) error: %v", err)
			}
			committed := int64(10) // the consumer committed the first batch
			faulty, ffs := hs.openFaulty(t, n, true)
			werr := faulty.Write(ctx, suiteBatch(0, 10, 19))
			if !ffs.fired() {
				if werr != nil {
					t.Fatalf("Write(10-19) without fault error: %v", werr)
				}
				t.Logf("protocol used %d storage operations; crashed at each", n-1)
				if n < 5 {
					t.Fatalf("protocol took only %d storage operations", n)
				}
				break
			}
			if werr == nil {
				t.Fatalf("crash at op %d (%s): Write(10-19) = nil, want an error", n, ffs.firedOp)
			}
			s := hs.open(t)
			next, err := s.Recover(ctx, suiteTopic, 0)
			if err != nil {
				t.Fatalf("crash at op %d (%s): Recover error: %v", n, ffs.firedOp, err)
			}
			if next != 10 && next != 20 {
				t.Fatalf("crash at op %d (%s): Recover = %d, want 10 or 20", n, ffs.firedOp, next)
			}
			if max(committed, next) == 10 {
				if err := s.Write(ctx, suiteBatch(0, 10, 19)); err != nil {
					t.Fatalf("crash at op %d (%s): replay Write(10-19) error: %v", n, ffs.firedOp, err)
				}
			}
			if diff := cmp.Diff(wantCounts(19), hs.read(t)); diff != "" {
				t.Fatalf("crash at op %d (%s): rows (-want +got):\n%s", n, ffs.firedOp, diff)
			}
		}
	})

	// A transient fault (one failed operation) followed by a retry of the
	// same Write on the same sink, without restart.
	t.Run("transient fault at every step then retry gives exactly once", func(t *testing.T) {
		for n := 1; ; n++ {
			hs := h(t)
			s, ffs := hs.openFaulty(t, n, false)
			werr := s.Write(ctx, suiteBatch(0, 0, 9))
			if !ffs.fired() {
				break
			}
			if werr == nil {
				t.Fatalf("fault at op %d (%s): Write = nil, want an error", n, ffs.firedOp)
			}
			if err := s.Write(ctx, suiteBatch(0, 0, 9)); err != nil {
				t.Fatalf("fault at op %d (%s): retried Write error: %v", n, ffs.firedOp, err)
			}
			if diff := cmp.Diff(wantCounts(9), hs.read(t)); diff != "" {
				t.Fatalf("fault at op %d (%s): rows (-want +got):\n%s", n, ffs.firedOp, diff)
			}
		}
	})
}

var errInjected = errors.New("injected fault")

// faultFS wraps an FS and fails its failAt-th operation (counting file
// writes, syncs and closes). With permanent set, every later operation
// fails too, like a process that died.
type faultFS struct {
	FS
	failAt    int
	permanent bool

	mu      sync.Mutex
	ops     int
	firedOp string
}

func (f *faultFS) fired() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.firedOp != ""
}

func (f *faultFS) step(op string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ops++
	switch {
	case f.ops == f.failAt:
		f.firedOp = op
		return errInjected
	case f.permanent && f.firedOp != "":
		return errInjected
	}
	return nil
}

func (f *faultFS) Create(name string) (File, error) {
	if err := f.step("create " + name); err != nil {
		return nil, err
	}
	file, err := f.FS.Create(name)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file, fs: f, name: name}, nil
}

func (f *faultFS) Rename(from, to string) error {
	if err := f.step("rename " + from); err != nil {
		return err
	}
	return f.FS.Rename(from, to)
}

func (f *faultFS) Remove(name string) error {
	if err := f.step("remove " + name); err != nil {
		return err
	}
	return f.FS.Remove(name)
}

func (f *faultFS) SyncDir(dir string) error {
	if err := f.step("syncdir " + dir); err != nil {
		return err
	}
	return f.FS.SyncDir(dir)
}

func (f *faultFS) List(dir string) ([]string, error) {
	if err := f.step("list " + dir); err != nil {
		return nil, err
	}
	return f.FS.List(dir)
}

func (f *faultFS) Exists(name string) (bool, error) {
	if err := f.step("exists " + name); err != nil {
		return false, err
	}
	return f.FS.Exists(name)
}

func (f *faultFS) ReadFile(name string) ([]byte, error) {
	if err := f.step("read " + name); err != nil {
		return nil, err
	}
	return f.FS.ReadFile(name)
}

type faultFile struct {
	File
	fs    *faultFS
	name  string
	wrote bool
}

// Write fails at its first call only if that is the faulty operation, so a
// crash can leave a torn (partly written) file behind.
func (f *faultFile) Write(p []byte) (int, error) {
	if !f.wrote {
		f.wrote = true
		if err := f.fs.step("write " + f.name); err != nil {
			n, _ := f.File.Write(p[:len(p)/2])
			return n, err
		}
	}
	return f.File.Write(p)
}

func (f *faultFile) Sync() error {
	if err := f.fs.step("sync " + f.name); err != nil {
		return err
	}
	return f.File.Sync()
}

func (f *faultFile) Close() error {
	if err := f.fs.step("close " + f.name); err != nil {
		f.File.Close()
		return err
	}
	return f.File.Close()
}
