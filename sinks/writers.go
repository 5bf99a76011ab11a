package sinks

import (
	"bufio"
	"fmt"
	"io"
	"math/bits"
	"reflect"
	"sync"

	"github.com/parquet-go/parquet-go"
)

// writers keeps Parquet writers and output buffers for reuse across files.
//
// A parquet-go writer allocates its schema plan, a page buffer per column
// and its compression buffers when made; a batch spread over dates and
// channels writes many files of a few hundred rows, for which making the
// writer cost more than writing the rows. A writer Reset onto the next
// file keeps all of that. Writers are kept by row type and page-buffer
// size class, a few of each: the classes bound what an idle sink holds.
type writers struct {
	opts []parquet.WriterOption // shared by every writer; PageBufferSize is added per class

	mu   sync.Mutex
	free map[writerKey][]any // *parquet.GenericWriter[T] of the key's type
	bufs []*bufio.Writer
}

type writerKey struct {
	typ   reflect.Type
	class int // page buffer of 1<<class bytes
}

const (
	// keptPerKey bounds the idle writers of one row type and class: about
	// the partitions that flush at once on a busy instance.
	keptPerKey = 4
	// maxKeptClass is the largest page-buffer class kept (256 KiB): a
	// writer holds a page buffer per column, ~8 MiB for a messages writer
	// at this class, and larger files amortize a fresh writer anyway.
	maxKeptClass = 18
	// outBufferBytes is the buffer between a writer and its file.
	outBufferBytes = 256 << 10
)

// writeRows writes rows as one Parquet file to out with page buffers of
// pageBuffer bytes (rounded up to a power of two), reusing a writer.
func writeRows[T any](ws *writers, out io.Writer, rows []T, pageBuffer int) error {
	class := bits.Len(uint(max(pageBuffer, 1) - 1))
	key := writerKey{reflect.TypeFor[T](), class}
	buf := ws.buffer(out)
	var pw *parquet.GenericWriter[T]
	if w, ok := ws.get(key).(*parquet.GenericWriter[T]); ok {
		pw = w
		pw.Reset(buf)
	} else {
		opts := append(ws.opts[:len(ws.opts):len(ws.opts)], parquet.PageBufferSize(1<<class))
		pw = parquet.NewGenericWriter[T](buf, opts...)
	}
	if _, err := pw.Write(rows); err != nil {
		return fmt.Errorf("write rows: %w", err) // a writer that failed is not reused
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("close parquet writer: %w", err)
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("flush parquet file: %w", err)
	}
	ws.put(key, pw)
	ws.putBuffer(buf)
	return nil
}

func (ws *writers) get(key writerKey) any {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	free := ws.free[key]
	if len(free) == 0 {
		return nil
	}
	w := free[len(free)-1]
	free[len(free)-1] = nil
	ws.free[key] = free[:len(free)-1]
	return w
}

func (ws *writers) put(key writerKey, w any) {
	if key.class > maxKeptClass {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if len(ws.free[key]) < keptPerKey {
		ws.free[key] = append(ws.free[key], w)
	}
}

// buffer returns a buffered writer onto out.
func (ws *writers) buffer(out io.Writer) *bufio.Writer {
	ws.mu.Lock()
	var b *bufio.Writer
	if n := len(ws.bufs); n > 0 {
		b, ws.bufs = ws.bufs[n-1], ws.bufs[:n-1]
	}
	ws.mu.Unlock()
	if b == nil {
		return bufio.NewWriterSize(out, outBufferBytes)
	}
	b.Reset(out)
	return b
}

func (ws *writers) putBuffer(b *bufio.Writer) {
	b.Reset(nil) // drop the file
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if len(ws.bufs) < keptPerKey {
		ws.bufs = append(ws.bufs, b)
	}
}
