package sinks

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDuckDBReadsDatasets reads the sink's output with DuckDB, an
// independent Parquet reader, through testdata/duckdb/check.mjs. It runs
// when CONVANON_DUCKDB_DIR names a directory where
// `npm install @duckdb/node-api` was done.
func TestDuckDBReadsDatasets(t *testing.T) {
	dir := os.Getenv("CONVANON_DUCKDB_DIR")
	if dir == "" {
		t.Skip("CONVANON_DUCKDB_DIR not set")
	}
	script, err := filepath.Abs("../testdata/duckdb/check.mjs")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	d, err := NewDirFS(root)
	if err != nil {
		t.Fatal(err)
	}
	s := NewParquet(d, ParquetOptions{RowGroupRows: 7})
	for p := range 2 {
		for first := int64(0); first < 60; first += 20 {
			if err := s.Write(context.Background(), suiteBatch(p, first, first+19)); err != nil {
				t.Fatalf("Write: %v", err)
			}
		}
	}
	cmd := exec.Command("node", script, root)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node check.mjs: %v\n%s", err, out)
	}
	// 2 partitions x 60 offsets; a decision for every third offset.
	want := "messages 120\ndecisions 40\n"
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Errorf("check.mjs output (-want +got):\n%s", diff)
	}
}
