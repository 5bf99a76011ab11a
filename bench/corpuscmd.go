package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"

	"github.com/convanon/convanon/bench/corpus"
)

// runCorpus prints the generated corpus as labeled JSONL
// ({"id","text","spans",…} per line) for eval, demos and fixtures.
func runCorpus(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("messages", 500, "number of messages")
	seed := fs.Uint64("seed", 1, "generator seed; the same seed gives the same corpus")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 0 {
		return fmt.Errorf("%w: --messages %d; must be 0 or more", errUsage, *n)
	}
	w := bufio.NewWriter(stdout)
	if err := corpus.WriteJSONL(w, corpus.Generate(*seed, *n)); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write corpus: %w", err)
	}
	return nil
}
