package keys

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

// Source answers which key is in force at a time. A *Ring is a Source; so
// is a *Watcher, whose ring changes when its key file does.
type Source interface {
	At(t time.Time) (*Key, error)
}

// Watcher holds the ring of a key file and reloads it when the file
// changes, so keys rotate without a restart: a key added with a later
// not_before is used from that time, and a key marked destroyed stops being
// used at once. Readers never block: At reads the current ring through an
// atomic pointer. A file that fails to load keeps the previous ring in
// force.
type Watcher struct {
	path string
	ring atomic.Pointer[Ring]
	seen fileStamp // of the file the ring came from; only Check touches it
}

// fileStamp identifies a version of the file without reading it.
type fileStamp struct {
	mod  time.Time
	size int64
}

// Watch loads the key file at path (see Load) and returns a Watcher over it.
func Watch(path string) (*Watcher, error) {
	w := &Watcher{path: path}
	st, err := stamp(path)
	if err != nil {
		return nil, err
	}
	r, err := Load(path)
	if err != nil {
		return nil, err
	}
	w.ring.Store(r)
	w.seen = st
	return w, nil
}

func stamp(path string) (fileStamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, fmt.Errorf("key file: %w", err)
	}
	return fileStamp{mod: st.ModTime(), size: st.Size()}, nil
}

// At implements Source with the current ring.
func (w *Watcher) At(t time.Time) (*Key, error) { return w.ring.Load().At(t) }

// Ring returns the ring in force now.
func (w *Watcher) Ring() *Ring { return w.ring.Load() }

// Check reloads the file if its modification time or size changed since
// the last load. It reports whether a new ring is in force; on error the
// old ring stays and the next Check tries again.
func (w *Watcher) Check() (bool, error) {
	st, err := stamp(w.path)
	if err != nil {
		return false, err
	}
	if st == w.seen {
		return false, nil
	}
	r, err := Load(w.path)
	if err != nil {
		return false, err
	}
	w.ring.Store(r)
	w.seen = st
	return true, nil
}

// Run calls Check every interval until ctx is done, passing each reload or
// failure to report (changed false with a nil error is not reported). It
// must not run twice at once.
func (w *Watcher) Run(ctx context.Context, every time.Duration, report func(changed bool, err error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if changed, err := w.Check(); changed || err != nil {
				report(changed, err)
			}
		}
	}
}
