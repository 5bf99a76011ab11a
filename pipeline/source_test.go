package pipeline

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/convanon/convanon/internal/demo"
)

func TestOffsetRanges(t *testing.T) {
	addrs := startCluster(t)
	produce(t, addrs, []demo.Record{
		{Topic: "feedback", Key: []byte("a"), Value: []byte("1")},
		{Topic: "feedback", Key: []byte("a"), Value: []byte("2")},
		{Topic: "feedback", Key: []byte("a"), Value: []byte("3")},
	})
	got, err := offsetRanges(context.Background(), testCluster(addrs), []string{"feedback"})
	if err != nil {
		t.Fatalf("offsetRanges: %v", err)
	}
	msgs := readTopic(t, addrs, "feedback")
	p := msgs[0].Partition
	want := map[topicPartition]offsetRange{
		{"feedback", p}:     {first: 0, end: 3},
		{"feedback", 1 - p}: {first: 0, end: 0},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(topicPartition{}, offsetRange{})); diff != "" {
		t.Errorf("offsetRanges(feedback) mismatch (-want +got):\n%s", diff)
	}
}
