package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
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
	fmt.Fprintf(e.stderr, "convanon broker: listening on %s (topics created on first use with %d partitions); Ctrl-C stops it\n",
		c.ListenAddrs()[0], *partitions)
	<-ctx.Done()
	return nil
}

// startBroker starts a one-broker kfake cluster on listen that creates
// topics on first use, as Kafka's auto.create.topics.enable does, and
// accepts short group session timeouts so tests and demos rebalance fast.
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
	)
	if err != nil {
		return nil, fmt.Errorf("start broker on %s: %w", listen, err)
	}
	return c, nil
}
