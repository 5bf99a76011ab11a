// Command convanon anonymizes conversation logs from AI-agent platforms into
// training datasets: Kafka in, Parquet out, no raw identifier in between.
//
// Each subcommand lives in its own file; main only dispatches, sets up
// logging and signals, and turns errors into exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// env is what a command may touch of the process: its streams. Commands get
// it instead of using os.Stdout directly, so tests run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands lists every subcommand in the order --help shows them.
func commands() []command {
	return []command{
		{"demo", "run the whole pipeline on an embedded broker and a synthetic stream", runDemo},
		{"run", "consume conversations from Kafka and write anonymized Parquet datasets", runRun},
		{"rollup", "publish the feedback, decision and usage stats datasets from their partials", runRollup},
		{"scan", "anonymize text or JSONL from files or standard input", runScan},
		{"broker", "run an in-process Kafka-protocol broker for local development", runBroker},
		{"eval", "measure detection quality and leaks on a labeled corpus", runEval},
	}
}

// errUsage marks a command-line mistake; main exits 2 for it.
var errUsage = errors.New("usage")

// errFailed marks a run that finished but had failures it already reported;
// main exits 1 without printing more.
var errFailed = errors.New("failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and returns the process exit code.
func run(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errFailed):
			return 1
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "convanon %s: %v\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(e.stderr, "convanon %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "convanon: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "convanon turns raw conversation logs into training data that is safe to use.")
	fmt.Fprintln(w, "\nUsage: convanon <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'convanon <command> --help' for a command's flags.")
}
