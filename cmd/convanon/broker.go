package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/convanon/convanon/internal/config"
)

// runBroker runs an in-process Kafka-protocol cluster until interrupted.
func runBroker(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("broker", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	listen := fs.String("listen", "127.0.0.1:9092", "`host:port` to listen on")
	partitions := fs.Int("partitions", 4, "partitions of topics created on first use")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	c, err := startBroker(*listen, *partitions)
	if err != nil {
		return err
	}
	defer c.Close()
	fmt.Fprintf(e.stderr, "convanon broker: listening on %s with topics %s; others are created on first use with %d partitions; Ctrl-C stops it\n",
		c.ListenAddrs()[0], strings.Join(defaultTopics(), ", "), *partitions)
	<-ctx.Done()
	return nil
}

// startBroker starts a one-broker kfake cluster on listen with convanon's
// default topics already there, that creates other topics on first use, as
// Kafka's auto.create.topics.enable does, and accepts short group session
// timeouts so tests and demos rebalance fast.
func startBroker(listen string, partitions int) (*kfake.Cluster, error) {
	host, portStr, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, fmt.Errorf("%w: --listen %q: want host:port", errUsage, listen)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("%w: --listen %q: bad port", errUsage, listen)
	}
	if partitions < 1 {
		return nil, fmt.Errorf("%w: --partitions %d: must be 1 or more", errUsage, partitions)
	}
	c, err := kfake.NewCluster(
		kfake.NumBrokers(1),
		kfake.Ports(port),
		kfake.ListenFn(func(network, _ string) (net.Listener, error) {
			return net.Listen(network, net.JoinHostPort(host, portStr))
		}),
		kfake.AllowAutoTopicCreation(),
		kfake.DefaultNumPartitions(partitions),
		kfake.GroupMinSessionTimeout(500*time.Millisecond),
		kfake.SeedTopics(int32(partitions), defaultTopics()...),
	)
	if err != nil {
		return nil, fmt.Errorf("start broker on %s: %w", listen, err)
	}
	return c, nil
}

// defaultTopics are the topic names of the default configuration.
func defaultTopics() []string {
	t := config.Default().Kafka.Topics
	return []string{t.Conversations, t.Feedback, t.OptOuts, t.DeadLetter}
}
