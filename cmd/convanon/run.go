package main

import (
	"context"
	"fmt"
)

// runRun is not built yet; it says what is coming.
func runRun(_ context.Context, e env, _ []string) error {
	fmt.Fprintln(e.stderr, "convanon run: coming soon; see README.md")
	return nil
}
