// Command convanon anonymizes conversation logs from AI-agent platforms into
// training datasets: Kafka in, Parquet out, no raw identifier in between.
//
// Each subcommand lives in its own file; main only dispatches, sets up
// logging and signals, and turns errors into exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"
)

// env is what a command may touch of the process: its streams. Commands get
// it instead of using os.Stdout directly, so tests run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// lookupEnv reads an environment variable; nil reads the process's.
	lookupEnv func(string) (string, bool)
}

// lookup reads the environment variable name.
func (e env) lookup(name string) (string, bool) {
	if e.lookupEnv == nil {
		return os.LookupEnv(name)
	}
	return e.lookupEnv(name)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
	// examples are printed after the command's own --help output, for
	// commands whose usage has none.
	examples string
}

// commands lists every subcommand in the order --help shows them.
func commands() []command {
	return []command{
		{"demo", "run the whole pipeline on an embedded broker and a synthetic stream", runDemo,
			"  convanon demo\n  convanon demo --events 200000 --out /tmp/demo && convanon audit /tmp/demo"},
		{"run", "consume conversations from Kafka and write anonymized Parquet datasets", runRun, ""},
		{"rollup", "publish the feedback, decision and usage stats datasets from their partials", runRollup, ""},
		{"scan", "anonymize text or JSONL from files or standard input", runScan, ""},
		{"broker", "run an in-process Kafka-protocol broker for local development", runBroker,
			"  convanon broker --listen 127.0.0.1:9092 --partitions 4\n  convanon run --brokers 127.0.0.1:9092 --out ./out --keys.source ephemeral"},
		{"eval", "measure detection quality and leaks on a labeled corpus", runEval, ""},
		{"config", "check the configuration, print it with secrets hidden, or document every setting", runConfig, ""},
		{"keys", "create a key file for pseudonymization keys", runKeys, ""},
		{"retention", "delete dataset partitions older than each dataset's retention (dry run by default)", runRetention, ""},
		{"forget", "erase one person's rows from the datasets", runForget, ""},
		{"audit", "re-scan the datasets for identifiers that should not be there", runAudit, ""},
		{"version", "print the version and build information", runVersion, ""},
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
		case errors.Is(err, flag.ErrHelp) || errors.Is(err, errUsage) && slices.ContainsFunc(args[1:], isHelp):
			if c.examples != "" {
				fmt.Fprintf(e.stderr, "\nExamples:\n%s\n", c.examples)
			}
			return 0 // --help: the command printed its usage
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

// isHelp reports whether a is a help flag.
func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

func usage(w io.Writer) {
	fmt.Fprintln(w, "convanon turns raw conversation logs into training data that is safe to use.")
	fmt.Fprintln(w, "\nUsage: convanon <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'convanon <command> --help' for a command's flags.")
}
