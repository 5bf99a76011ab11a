package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/convanon/convanon/internal/cputime"
)

// brokerCommand is the hidden subcommand that runs the benchmark's broker in
// a child process, so the pipeline's CPU time excludes the broker's, as in a
// deployment where the broker runs on other machines.
const brokerCommand = "broker"

// runBroker serves a kfake cluster with the benchmark's topics. It prints
// "addrs A,B" on stdout, then answers each "cpu" line on stdin with its own
// CPU time in nanoseconds, and stops when stdin closes.
func runBroker(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet(brokerCommand, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return serveBroker(os.Stdin, stdout)
}

// serveBroker runs the cluster and the protocol of runBroker on in and out.
func serveBroker(in io.Reader, out io.Writer) error {
	c, err := newBenchCluster()
	if err != nil {
		return err
	}
	defer c.Close()
	fmt.Fprintf(out, "addrs %s\n", strings.Join(c.ListenAddrs(), ","))
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if sc.Text() != "cpu" {
			return fmt.Errorf("broker: unknown request %q", sc.Text())
		}
		d, _ := cputime.Process()
		fmt.Fprintf(out, "cpu %d\n", d.Nanoseconds())
	}
	return sc.Err()
}

// newBenchCluster starts a one-broker cluster with the demo stream's topics.
func newBenchCluster() (*kfake.Cluster, error) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1),
		kfake.SeedTopics(4, "conversations"), kfake.SeedTopics(2, "feedback"),
		kfake.SeedTopics(1, "training-optouts", "convanon-dlq"))
	if err != nil {
		return nil, fmt.Errorf("broker: %w", err)
	}
	return c, nil
}

// childBroker is a broker running in a child process of the benchmark.
type childBroker struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Scanner
	addrs []string
}

// startChildBroker re-executes this binary with the hidden broker command
// and waits for its addresses.
func startChildBroker(stderr io.Writer) (*childBroker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("broker process: %w", err)
	}
	cmd := exec.Command(exe, brokerCommand)
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("broker process: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("broker process: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("broker process: %w", err)
	}
	b := &childBroker{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	line, err := b.read("addrs")
	if err != nil {
		b.Close()
		return nil, err
	}
	b.addrs = strings.Split(line, ",")
	return b, nil
}

// read returns the rest of the child's next line, which must start with key.
func (b *childBroker) read(key string) (string, error) {
	if !b.out.Scan() {
		return "", fmt.Errorf("broker process: no %s line: %w", key, errors.Join(b.out.Err(), io.ErrUnexpectedEOF))
	}
	rest, ok := strings.CutPrefix(b.out.Text(), key+" ")
	if !ok {
		return "", fmt.Errorf("broker process: got %q, want a %s line", b.out.Text(), key)
	}
	return rest, nil
}

// CPU returns the CPU time the broker process has used so far.
func (b *childBroker) CPU() (time.Duration, error) {
	if _, err := io.WriteString(b.in, "cpu\n"); err != nil {
		return 0, fmt.Errorf("broker process: %w", err)
	}
	s, err := b.read("cpu")
	if err != nil {
		return 0, err
	}
	ns, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("broker process: cpu %q: %w", s, err)
	}
	return time.Duration(ns), nil
}

// Close stops the broker process and waits for it.
func (b *childBroker) Close() error {
	b.in.Close()
	if err := b.cmd.Wait(); err != nil {
		return fmt.Errorf("broker process: %w", err)
	}
	return nil
}
