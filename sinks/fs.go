package sinks

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// FS is the storage under the Parquet sink: the few operations its commit
// protocol needs, on slash-separated names relative to the output root.
// DirFS implements it on a local directory; BlobFS on an object store
// (gocloud.dev/blob), where Create is an upload finished by Close, Sync and
// SyncDir do nothing since a finished upload is durable, and Renames is
// false, so the Parquet sink never renames there.
type FS interface {
	// Create creates or truncates the file name, creating missing parent
	// directories.
	Create(name string) (File, error)
	// Rename moves from to to, replacing to, creating to's missing parents.
	Rename(from, to string) error
	// Remove deletes the file name; a missing file is not an error.
	Remove(name string) error
	// Exists reports whether the file name exists.
	Exists(name string) (bool, error)
	// ReadFile returns the content of the file name.
	ReadFile(name string) ([]byte, error)
	// List returns the names of the files directly in dir, without the dir
	// prefix; a missing dir lists nothing.
	List(dir string) ([]string, error)
	// SyncDir makes the entries of dir (creations, renames, removals)
	// durable.
	SyncDir(dir string) error
	// Renames reports whether Rename is atomic (a local file system). The
	// Parquet sink commits through renames where it is, and with
	// deterministic names and a manifest written last where it is not
	// (object stores).
	Renames() bool
}

// Walker is an FS that can also list every file under a directory, at any
// depth, and the directories in one; DirFS and BlobFS are Walkers. The
// stats rollup and the lifecycle and audit commands use it.
type Walker interface {
	FS
	// ListDirs returns the names of the directories directly in dir; a
	// missing dir lists nothing.
	ListDirs(dir string) ([]string, error)
	// Walk calls fn for every file under dir (slash-separated names
	// relative to the root) with its size, in lexical order; an error from
	// fn stops the walk and is returned.
	Walk(dir string, fn func(name string, size int64) error) error
}

// File is a file being written through an FS.
type File interface {
	io.Writer
	// Sync makes the written content durable.
	Sync() error
	// Close releases the file; for object stores it completes the upload.
	Close() error
}

// DirFS is an FS on a local directory. Directories it creates are made
// durable (their parent is fsynced) before they are used. It is safe for
// concurrent use.
type DirFS struct {
	root string

	mu   sync.Mutex
	dirs map[string]bool // directories known to exist durably
}

// NewDirFS returns a DirFS rooted at root, creating root if needed.
func NewDirFS(root string) (*DirFS, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("create output root: %w", err)
	}
	return &DirFS{root: root, dirs: map[string]bool{".": true}}, nil
}

func (d *DirFS) abs(name string) string { return filepath.Join(d.root, filepath.FromSlash(name)) }

// mkdirs creates dir and its missing parents, fsyncing each new
// directory's parent so a crash cannot lose the directory entry.
func (d *DirFS) mkdirs(dir string) error {
	dir = path.Clean(dir)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if known {
		return nil
	}
	if parent := path.Dir(dir); parent != dir {
		if err := d.mkdirs(parent); err != nil {
			return err
		}
	}
	err := os.Mkdir(d.abs(dir), 0o755)
	switch {
	case err == nil:
		if err := d.SyncDir(path.Dir(dir)); err != nil {
			return err
		}
	case errors.Is(err, fs.ErrExist):
	default:
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// forget drops dir and its parents from the cache of existing directories
// and creates them again: someone (a retention job) removed them under us.
func (d *DirFS) forget(dir string) error {
	d.mu.Lock()
	for p := path.Clean(dir); p != "."; p = path.Dir(p) {
		delete(d.dirs, p)
	}
	d.mu.Unlock()
	return d.mkdirs(dir)
}

// Create implements FS.
func (d *DirFS) Create(name string) (File, error) {
	if err := d.mkdirs(path.Dir(name)); err != nil {
		return nil, err
	}
	f, err := os.Create(d.abs(name))
	if errors.Is(err, fs.ErrNotExist) && d.forget(path.Dir(name)) == nil {
		f, err = os.Create(d.abs(name))
	}
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", name, err)
	}
	return f, nil
}

// Rename implements FS.
func (d *DirFS) Rename(from, to string) error {
	if err := d.mkdirs(path.Dir(to)); err != nil {
		return err
	}
	err := os.Rename(d.abs(from), d.abs(to))
	if errors.Is(err, fs.ErrNotExist) && d.forget(path.Dir(to)) == nil {
		err = os.Rename(d.abs(from), d.abs(to))
	}
	if err != nil {
		return fmt.Errorf("rename %s: %w", from, err)
	}
	return nil
}

// Remove implements FS.
func (d *DirFS) Remove(name string) error {
	if err := os.Remove(d.abs(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", name, err)
	}
	return nil
}

// Exists implements FS.
func (d *DirFS) Exists(name string) (bool, error) {
	_, err := os.Stat(d.abs(name))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("stat %s: %w", name, err)
}

// ReadFile implements FS.
func (d *DirFS) ReadFile(name string) ([]byte, error) {
	b, err := os.ReadFile(d.abs(name))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return b, nil
}

// List implements FS.
func (d *DirFS) List(dir string) ([]string, error) {
	entries, err := os.ReadDir(d.abs(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// Renames implements FS: a local rename is atomic.
func (*DirFS) Renames() bool { return true }

// Walk implements Walker.
func (d *DirFS) Walk(dir string, fn func(name string, size int64) error) error {
	err := filepath.WalkDir(d.abs(dir), func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(d.root, p)
		if err != nil {
			return err
		}
		return fn(filepath.ToSlash(rel), info.Size())
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// ListDirs returns the names of the directories directly in dir; a
// missing dir lists nothing. The stats rollup uses it to find the dates
// that hold partial aggregates.
func (d *DirFS) ListDirs(dir string) ([]string, error) {
	entries, err := os.ReadDir(d.abs(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// SyncDir implements FS.
func (d *DirFS) SyncDir(dir string) error {
	f, err := os.Open(d.abs(dir))
	if err != nil {
		return fmt.Errorf("open directory %s: %w", dir, err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}
