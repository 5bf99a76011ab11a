package pipeline

import "fmt"

// commit tells the group that every record of c's partition before next is
// durable in the output. The pipeline calls it only after the sink's Write
// returned, so a committed offset never runs ahead of the datasets.
//
// A failed commit loses nothing: the output is already durable, and whoever
// owns the partition next resumes at max(committed, sink.Recover), which
// skips what this batch wrote. So callers log a commit error and go on.
func (c *claim) commit(next int64) error {
	// CommitOffsets sends exactly the partitions given: the offset of this
	// partition only, never another's.
	if err := c.gen.CommitOffsets(map[string]map[int]int64{c.topic: {c.partition: next}}); err != nil {
		return fmt.Errorf("commit %s/%d at %d: %w", c.topic, c.partition, next, err)
	}
	c.committed = next
	return nil
}
