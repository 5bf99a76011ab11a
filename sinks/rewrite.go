package sinks

import (
	"context"
	"path"
	"strings"
)

// rewriteRoot holds files being rewritten on a local FS; its underscore
// keeps it out of dataset globs.
const rewriteRoot = "_rewrite"

// Replace atomically replaces the committed dataset file name (e.g.
// "messages/date=…/channel=chat/conversations-0-0-99.parquet") with rows,
// written like the sink's own files; with no rows it removes the file. On
// a local FS the new file is written aside and renamed over the old one; on
// an object store it is uploaded under the same name, which replaces the
// object whole. Readers see the old file or the new one, never a mix.
// Lifecycle commands (forget) use it; it returns the new file's size.
func (s *Parquet) Replace(ctx context.Context, name string, rows Rows) (int64, error) {
	if err := s.checkOpen(); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if rows.Len() == 0 {
		if err := s.fs.Remove(name); err != nil {
			return 0, err
		}
		return 0, s.fs.SyncDir(path.Dir(name))
	}
	if s.direct {
		return s.writeDurable(name, rows)
	}
	tmp := path.Join(rewriteRoot, strings.ReplaceAll(name, "/", "__"))
	n, err := s.writeDurable(tmp, rows)
	if err != nil {
		return 0, err
	}
	if err := s.fs.Rename(tmp, name); err != nil {
		return 0, err
	}
	return n, s.fs.SyncDir(path.Dir(name))
}
