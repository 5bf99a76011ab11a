package pipeline

import (
	"math"
	"slices"
)

// sketchAlpha is the relative accuracy of quantileSketch: a quantile it
// returns is within 1% of the exact order statistic.
const sketchAlpha = 0.01

var (
	sketchGamma    = (1 + sketchAlpha) / (1 - sketchAlpha)
	sketchLogGamma = math.Log(sketchGamma)
)

// zeroBucket holds values <= 0 (a zero latency or token count).
const zeroBucket = math.MinInt32

// quantileSketch is a DDSketch-style histogram of non-negative integers
// over logarithmic buckets: bucket i counts values in (γ^(i-1), γ^i] with
// γ = (1+α)/(1−α). Merging adds bucket counts, which is exact, commutative
// and associative, so a rollup's percentiles are the same whatever the
// order or grouping of the partials merged: rewriting a window on any
// instance gives the same bytes. (A t-digest's merge depends on order.)
// Values up to 10^9 need at most about 1,050 buckets.
type quantileSketch map[int32]int64

// add counts v once.
func (s quantileSketch) add(v int64) {
	s[sketchIndex(v)]++
}

func sketchIndex(v int64) int32 {
	if v <= 0 {
		return zeroBucket
	}
	return int32(math.Ceil(math.Log(float64(v)) / sketchLogGamma))
}

// merge adds o's counts to s.
func (s quantileSketch) merge(o quantileSketch) {
	for k, n := range o {
		s[k] += n
	}
}

// appendTo appends the sketch as parallel sorted key and count slices.
func (s quantileSketch) appendTo(keys []int32, counts []int64) ([]int32, []int64) {
	start := len(keys)
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys[start:])
	for _, k := range keys[start:] {
		counts = append(counts, s[k])
	}
	return keys, counts
}

// mergeColumns adds the counts of a sketch stored as parallel columns.
func (s quantileSketch) mergeColumns(keys []int32, counts []int64) {
	for i, k := range keys {
		if i < len(counts) {
			s[k] += counts[i]
		}
	}
}

// quantile returns the value of rank ⌊q·(n−1)⌋ (0-based) among the n
// values counted, within α relative error, rounded to an integer; 0 when
// empty.
func (s quantileSketch) quantile(q float64) int64 {
	var n int64
	keys := make([]int32, 0, len(s))
	for k, c := range s {
		keys = append(keys, k)
		n += c
	}
	if n == 0 {
		return 0
	}
	slices.Sort(keys)
	rank := int64(q * float64(n-1))
	var seen int64
	for _, k := range keys {
		if seen += s[k]; seen > rank {
			if k == zeroBucket {
				return 0
			}
			// The bucket's midpoint in relative terms: 2γ^i/(γ+1).
			return int64(math.Round(2 * math.Pow(sketchGamma, float64(k)) / (sketchGamma + 1)))
		}
	}
	return 0 // unreachable: rank < n
}

// listSketch is the batch-local form of a quantileSketch: its buckets as
// parallel key and count slices sorted by key. A group of one batch sees
// a few dozen distinct buckets, so a binary search and, for a new bucket,
// a short copy cost less than a map assignment, and the buckets come out
// sorted. Emptied, it keeps its slices for the next batch.
type listSketch struct {
	keys   []int32
	counts []int64
}

// add counts v once.
func (s *listSketch) add(v int64) {
	k := sketchIndex(v)
	i, found := slices.BinarySearch(s.keys, k)
	if !found {
		s.keys = slices.Insert(s.keys, i, k)
		s.counts = slices.Insert(s.counts, i, 0)
	}
	s.counts[i]++
}

// appendTo appends the sketch as parallel sorted key and count slices, as
// quantileSketch.appendTo does.
func (s *listSketch) appendTo(keys []int32, counts []int64) ([]int32, []int64) {
	if len(s.keys) == 0 {
		return keys, counts
	}
	return append(keys, s.keys...), append(counts, s.counts...)
}

// emptied returns s without counts, keeping its slices.
func (s listSketch) emptied() listSketch {
	return listSketch{keys: s.keys[:0], counts: s.counts[:0]}
}
