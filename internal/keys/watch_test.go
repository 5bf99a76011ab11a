package keys

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWatcherRotates adds a key version to a watched file: the new key is
// used from its not_before, earlier times keep the old key, and a broken
// file keeps the ring in force.
func TestWatcherRotates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys.yaml")
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := Generate(path, "k1", start, RotateVersions, ""); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	w, err := Watch(path)
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	next := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if changed, err := w.Check(); changed || err != nil {
		t.Fatalf("Check() unchanged = %v, %v; want false, nil", changed, err)
	}

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	added := string(b) + "  - id: k2\n    not_before: " + next.Format(time.RFC3339) + "\n    secret: " + strings.Repeat("QUJD", 11) + "\n"
	writeKeys(t, path, added)
	if changed, err := w.Check(); !changed || err != nil {
		t.Fatalf("Check() after adding k2 = %v, %v; want true, nil", changed, err)
	}
	tests := []struct {
		name string
		give time.Time
		want string
	}{
		{"before the new version", next.Add(-time.Second), "k1"},
		{"at its not_before", next, "k2"},
		{"after", next.Add(24 * time.Hour), "k2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := w.At(tt.give)
			if err != nil || k.ID != tt.want {
				t.Errorf("At(%s) = %v, %v; want %s", tt.give, k, err, tt.want)
			}
		})
	}

	writeKeys(t, path, "rotation: versions\nkeys: [")
	if changed, err := w.Check(); changed || err == nil {
		t.Errorf("Check() on a broken file = %v, %v; want false and an error", changed, err)
	}
	if k, err := w.At(next); err != nil || k.ID != "k2" {
		t.Errorf("At(%s) after a failed reload = %v, %v; want k2 still in force", next, k, err)
	}
}

// writeKeys replaces the file's content and moves its modification time on,
// so a change within the file system's time granularity is still seen.
func writeKeys(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	later := st.ModTime().Add(time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}
