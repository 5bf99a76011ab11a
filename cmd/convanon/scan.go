package main

import (
	"context"
	"fmt"
)

// runScan is not built yet; it says what is coming.
func runScan(_ context.Context, e env, _ []string) error {
	fmt.Fprintln(e.stderr, "convanon scan: coming soon; see README.md")
	return nil
}
