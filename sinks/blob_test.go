package sinks

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	"gocloud.dev/blob/memblob"

	"github.com/convanon/convanon/internal/events"
)

// blobHarness runs the shared sink suite on a bucket: open returns a new
// sink (a "restart") over the same bucket.
func blobHarness(bucket func(t *testing.T) *blob.Bucket) func(t *testing.T) sinkHarness {
	return func(t *testing.T) sinkHarness {
		b := bucket(t)
		fsys := NewBlobFS(context.Background(), b)
		return sinkHarness{
			open: func(t *testing.T) Sink { return NewParquet(fsys, ParquetOptions{}) },
			openFaulty: func(t *testing.T, failAt int, permanent bool) (Sink, *faultFS) {
				f := &faultFS{FS: fsys, failAt: failAt, permanent: permanent}
				return NewParquet(f, ParquetOptions{}), f
			},
			read: func(t *testing.T) map[string]map[int64]int { return readWalker(t, fsys) },
		}
	}
}

func memBucket(t *testing.T) *blob.Bucket {
	b := memblob.OpenBucket(nil)
	t.Cleanup(func() { b.Close() })
	return b
}

func fileBucket(t *testing.T) *blob.Bucket {
	b, err := fileblob.OpenBucket(t.TempDir(), &fileblob.Options{Metadata: fileblob.MetadataDontWrite})
	if err != nil {
		t.Fatalf("fileblob.OpenBucket: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func TestBlobSuiteMem(t *testing.T)  { runSinkSuite(t, blobHarness(memBucket)) }
func TestBlobSuiteFile(t *testing.T) { runSinkSuite(t, blobHarness(fileBucket)) }

// TestBlobNeverRenames checks that a direct commit leaves only dataset
// files and one manifest per partition: no staging, no intent.
func TestBlobNeverRenames(t *testing.T) {
	ctx := context.Background()
	fsys := NewBlobFS(ctx, memBucket(t))
	s := NewParquet(noRenameFS{fsys}, ParquetOptions{})
	for _, b := range []Batch{suiteBatch(0, 0, 9), suiteBatch(0, 10, 19)} {
		if err := s.Write(ctx, b); err != nil {
			t.Fatalf("Write(%d-%d): %v", b.First, b.Last, err)
		}
	}
	var got []string
	if err := fsys.Walk(".", func(name string, _ int64) error {
		if !strings.HasSuffix(name, ".parquet") {
			got = append(got, name)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := "_manifests/conversations/0/10-19.json"
	if len(got) != 1 || got[0] != want {
		t.Errorf("non-data objects = %v, want only %s", got, want)
	}
}

// noRenameFS fails the test's sink if it ever renames.
type noRenameFS struct{ FS }

func (noRenameFS) Rename(from, _ string) error {
	panic("BUG: rename of " + from + " on an object store")
}

// readWalker reads every dataset file through the FS and counts rows per
// source offset, like readOffsets does on a directory.
func readWalker(t *testing.T, w Walker) map[string]map[int64]int {
	t.Helper()
	got := map[string]map[int64]int{events.DatasetMessages: {}, events.DatasetDecisions: {}}
	err := w.Walk(".", func(name string, size int64) error {
		if !strings.HasSuffix(name, ".parquet") || strings.HasPrefix(name, "_") {
			return nil
		}
		data, err := w.ReadFile(name)
		if err != nil {
			return err
		}
		ds, _, _ := strings.Cut(name, "/")
		switch ds {
		case events.DatasetMessages:
			rows, err := parquet.Read[events.MessageRow](bytes.NewReader(data), size)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			for _, r := range rows {
				got[ds][r.SourceOffset]++
			}
		case events.DatasetDecisions:
			rows, err := parquet.Read[events.DecisionRow](bytes.NewReader(data), size)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			for _, r := range rows {
				got[ds][r.SourceOffset]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	return got
}
