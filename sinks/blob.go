package sinks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// BlobFS is an FS on an object store bucket (gocloud.dev/blob: S3, GCS,
// Azure Blob, and its file and in-memory drivers), for deployments where
// several machines share the output.
//
// Object stores have no rename, so Renames reports false and the Parquet
// sink commits without one: it writes each file under its final,
// deterministic name and a manifest last (see Parquet). A finished upload
// is durable, so Sync and SyncDir do nothing; an upload whose writes failed
// is aborted on Close, so a torn object never appears.
//
// The FS interface carries no context: each call runs under the context
// given to NewBlobFS, whose cancellation aborts uploads in flight.
type BlobFS struct {
	ctx    context.Context
	bucket *blob.Bucket
}

var _ FS = (*BlobFS)(nil)

// NewBlobFS returns an FS on bucket; names are keys relative to the bucket
// (use blob.PrefixedBucket, or a URL's prefix= parameter, for a prefix).
func NewBlobFS(ctx context.Context, bucket *blob.Bucket) *BlobFS {
	return &BlobFS{ctx: ctx, bucket: bucket}
}

// Renames implements FS: object stores cannot rename atomically.
func (*BlobFS) Renames() bool { return false }

// Create implements FS; the object appears when Close returns nil.
func (b *BlobFS) Create(name string) (File, error) {
	ctx, cancel := context.WithCancel(b.ctx)
	w, err := b.bucket.NewWriter(ctx, name, &blob.WriterOptions{ContentType: contentType(name)})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("create %s: %w", name, err)
	}
	return &blobFile{w: w, cancel: cancel, name: name}, nil
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".parquet":
		return "application/vnd.apache.parquet"
	case ".json":
		return "application/json"
	}
	return "application/octet-stream"
}

// Rename implements FS as a server-side copy then a delete: the new object
// appears whole, but the two steps are not one. The Parquet sink never
// renames on a BlobFS (Renames is false); the stats rollup does, to publish
// a file it can rewrite whole if a crash cuts the rename short.
func (b *BlobFS) Rename(from, to string) error {
	if err := b.bucket.Copy(b.ctx, to, from, nil); err != nil {
		return fmt.Errorf("rename %s: %w", from, err)
	}
	return b.Remove(from)
}

// Remove implements FS.
func (b *BlobFS) Remove(name string) error {
	if err := b.bucket.Delete(b.ctx, name); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("remove %s: %w", name, err)
	}
	return nil
}

// Exists implements FS.
func (b *BlobFS) Exists(name string) (bool, error) {
	ok, err := b.bucket.Exists(b.ctx, name)
	if err != nil {
		return false, fmt.Errorf("stat %s: %w", name, err)
	}
	return ok, nil
}

// ReadFile implements FS.
func (b *BlobFS) ReadFile(name string) ([]byte, error) {
	data, err := b.bucket.ReadAll(b.ctx, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}

// List implements FS: the objects directly under dir.
func (b *BlobFS) List(dir string) ([]string, error) { return b.list(dir, false) }

// ListDirs implements Walker: the "directories" (common prefixes) directly
// under dir.
func (b *BlobFS) ListDirs(dir string) ([]string, error) { return b.list(dir, true) }

// list returns the names directly under dir of its objects, or with dirs of
// its common prefixes, without the trailing delimiter.
func (b *BlobFS) list(dir string, dirs bool) ([]string, error) {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	if dir == "." || dir == "" {
		prefix = ""
	}
	var names []string
	it := b.bucket.List(&blob.ListOptions{Prefix: prefix, Delimiter: "/"})
	for {
		obj, err := it.Next(b.ctx)
		if errors.Is(err, io.EOF) {
			return names, nil
		}
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", dir, err)
		}
		if obj.IsDir == dirs {
			names = append(names, strings.TrimSuffix(strings.TrimPrefix(obj.Key, prefix), "/"))
		}
	}
}

// Walk implements Walker: every object under dir, at any depth.
func (b *BlobFS) Walk(dir string, fn func(name string, size int64) error) error {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	if dir == "." || dir == "" {
		prefix = ""
	}
	it := b.bucket.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(b.ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("list %s: %w", dir, err)
		}
		if !obj.IsDir {
			if err := fn(obj.Key, obj.Size); err != nil {
				return err
			}
		}
	}
}

// SyncDir implements FS: a finished upload is already durable.
func (*BlobFS) SyncDir(string) error { return nil }

// blobFile is an upload in progress.
type blobFile struct {
	w      *blob.Writer
	cancel context.CancelFunc
	name   string
	failed bool
}

func (f *blobFile) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil {
		f.failed = true
		return n, fmt.Errorf("write %s: %w", f.name, err)
	}
	return n, nil
}

// Sync does nothing: the object is durable once Close returns nil.
func (*blobFile) Sync() error { return nil }

// Close completes the upload, or aborts it after a failed Write.
func (f *blobFile) Close() error {
	defer f.cancel()
	if f.failed {
		f.cancel() // a canceled writer discards what it holds
		_ = f.w.Close()
		return fmt.Errorf("upload %s: aborted after a failed write", f.name)
	}
	if err := f.w.Close(); err != nil {
		return fmt.Errorf("upload %s: %w", f.name, err)
	}
	return nil
}
