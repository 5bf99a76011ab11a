package sinks

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDirFSDirectoryRemovedUnderIt checks that DirFS recreates a cached
// directory that a retention job deleted.
func TestDirFSDirectoryRemovedUnderIt(t *testing.T) {
	root := t.TempDir()
	d, err := NewDirFS(root)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string) {
		t.Helper()
		f, err := d.Create(name)
		if err != nil {
			t.Fatalf("Create(%s): %v", name, err)
		}
		if err := syncClose(f); err != nil {
			t.Fatalf("close %s: %v", name, err)
		}
	}
	write("messages/date=2026-01-01/channel=chat/a.tmp")
	if err := os.RemoveAll(filepath.Join(root, "messages")); err != nil {
		t.Fatal(err)
	}
	write("messages/date=2026-01-01/channel=chat/b.tmp")
	if err := os.RemoveAll(filepath.Join(root, "messages")); err != nil {
		t.Fatal(err)
	}
	write("x/b.tmp")
	if err := d.Rename("x/b.tmp", "messages/date=2026-01-01/channel=chat/b"); err != nil {
		t.Fatalf("Rename into a removed directory: %v", err)
	}
	got, err := d.List("messages/date=2026-01-01/channel=chat")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"b"}, got); diff != "" {
		t.Errorf("List after Rename (-want +got):\n%s", diff)
	}
}
