package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/blob/azureblob"
	"gocloud.dev/blob/fileblob"
	"gocloud.dev/blob/gcsblob"
	"gocloud.dev/blob/memblob"
	"gocloud.dev/blob/s3blob"

	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/sinks"
)

// storeOpener opens gocloud.dev/blob URLs of the schemes convanon supports.
// The drivers are registered here, in cmd, and nowhere else; sinks knows
// only *blob.Bucket.
func storeOpener() *blob.URLMux {
	mux := new(blob.URLMux)
	mux.RegisterBucket(s3blob.Scheme, new(s3blob.URLOpener))
	mux.RegisterBucket(gcsblob.Scheme, new(gcsblob.URLOpener))
	mux.RegisterBucket(azureblob.Scheme, new(azureblob.URLOpener))
	mux.RegisterBucket(fileblob.Scheme, &fileblob.URLOpener{Options: fileblob.Options{Metadata: fileblob.MetadataDontWrite}})
	mux.RegisterBucket(memblob.Scheme, new(memblob.URLOpener))
	return mux
}

// openStore opens the dataset root: a local directory (output.dir) or an
// object store (output.url). closeStore releases it.
func openStore(ctx context.Context, o config.Output) (sinks.Walker, func(), error) {
	return openRoot(ctx, o.Dir, o.URL)
}

// openRoot opens dir, or url when dir is empty.
func openRoot(ctx context.Context, dir, rawURL string) (sinks.Walker, func(), error) {
	if rawURL == "" {
		fsys, err := sinks.NewDirFS(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("output %s: %w", dir, err)
		}
		return fsys, func() {}, nil
	}
	b, err := storeOpener().OpenBucket(ctx, rawURL)
	if err != nil {
		// The URL's query may carry credentials-like parameters; name the store only.
		return nil, nil, fmt.Errorf("output.url %s: %w", redactURL(rawURL), err)
	}
	return sinks.NewBlobFS(ctx, b), func() { b.Close() }, nil
}

// redactURL keeps a store URL's scheme, bucket and path, not its query.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		s, _, _ := strings.Cut(raw, "?")
		return s
	}
	u.RawQuery, u.User = "", nil
	return u.String()
}

// rootArg opens a command's DIR argument: a directory, or a store URL with
// one of config.URLSchemes.
func rootArg(ctx context.Context, arg string) (sinks.Walker, func(), error) {
	if scheme, _, ok := strings.Cut(arg, "://"); ok {
		for _, s := range config.URLSchemes {
			if s == scheme {
				return openRoot(ctx, "", arg)
			}
		}
		return nil, nil, fmt.Errorf("%w: %s: not a store URL; scheme one of %s", errUsage, redactURL(arg), strings.Join(config.URLSchemes, ", "))
	}
	return openRoot(ctx, arg, "")
}
