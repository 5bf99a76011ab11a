// Command bench measures convanon end to end on a synthetic corpus.
//
//	go run ./bench scan [--messages N] [--runs K] [--seed S]
//	go run ./bench corpus [--messages N] [--seed S] > corpus.jsonl
//
// scan reports per-core throughput (GOMAXPROCS=1) of the detection engine and
// of a naive regexp baseline over the same corpus in the same run; corpus
// prints the generated conversations as labeled JSONL. Each subcommand lives
// in its own file; main only dispatches.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(stdout, stderr io.Writer, args []string) error
	// hidden commands serve the benchmark itself and stay out of usage.
	hidden bool
}

// commands lists every subcommand in the order usage shows them.
func commands() []command {
	return []command{
		{"scan", "per-core throughput of the engine and a naive regexp baseline", runScan, false},
		{"corpus", "print the synthetic corpus as labeled JSONL", runCorpus, false},
		{"pipeline", "per-core throughput of the whole pipeline, broker to Parquet, beside scan-only", runPipeline, false},
		{brokerCommand, "the pipeline benchmark's broker, in its own process", runBroker, true},
	}
}

// errUsage marks a command-line mistake; main exits 2 for it.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Stdout, os.Stderr, os.Args[1:]))
}

// run dispatches args to a subcommand and returns the exit code.
func run(stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(stdout, stderr, args[1:])
		switch {
		case err == nil || errors.Is(err, errHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "bench %s: %v\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(stderr, "bench %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "bench: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

// errHelp marks a --help request that the flag set already answered.
var errHelp = errors.New("help")

// parseFlags parses args into fs, marking mistakes with errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil && fs.NArg() > 0:
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	case errors.Is(err, flag.ErrHelp):
		return errHelp
	case err != nil:
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "bench measures convanon on a synthetic corpus.\n\nUsage: go run ./bench <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
}
