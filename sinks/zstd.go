package sinks

import (
	"fmt"
	"sync"

	kzstd "github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// zstdCodec is parquet-go's zstd codec with its encoders kept for the
// sink's life. parquet-go keeps them in a sync.Pool, which drops them
// every other GC cycle; a new encoder allocates and clears a history
// buffer of 1 MiB or more before its first page, and with the pipeline's
// frequent collections that was a tenth of the sink's CPU time.
type zstdCodec struct {
	zstd.Codec // name, format code and Decode

	mu   sync.Mutex
	free []*kzstd.Encoder
}

// keptEncoders bounds the idle encoders: about the partitions that flush
// at once on a busy instance.
const keptEncoders = 8

// encoderWindow is the zstd window of the sink's encoders.
const encoderWindow = 1 << 20

func newZstdCodec(level zstd.Level) *zstdCodec {
	return &zstdCodec{Codec: zstd.Codec{Level: level}}
}

// Encode implements compress.Codec as parquet-go's zstd codec does: one
// zstd frame, no checksum, an empty input giving a frame too.
func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	c.mu.Lock()
	var e *kzstd.Encoder
	if n := len(c.free); n > 0 {
		e, c.free = c.free[n-1], c.free[:n-1]
	}
	c.mu.Unlock()
	if e == nil {
		var err error
		e, err = kzstd.NewWriter(nil,
			kzstd.WithEncoderConcurrency(1),
			kzstd.WithEncoderLevel(c.Level),
			kzstd.WithZeroFrames(true),
			kzstd.WithEncoderCRC(false),
			// A window of the largest page (PageBufferBytes' default):
			// pages up to it compress the same, and the encoder's history
			// buffer is 2 MiB instead of 8.
			kzstd.WithWindowSize(encoderWindow),
		)
		if err != nil {
			return dst, fmt.Errorf("zstd encoder: %w", err)
		}
	}
	dst = e.EncodeAll(src, dst[:0])
	c.mu.Lock()
	if len(c.free) < keptEncoders {
		c.free = append(c.free, e)
	}
	c.mu.Unlock()
	return dst, nil
}
