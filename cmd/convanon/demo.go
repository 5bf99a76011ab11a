package main

import (
	"context"
	"fmt"
)

// runDemo is not built yet; it says what is coming.
func runDemo(_ context.Context, e env, _ []string) error {
	fmt.Fprintln(e.stderr, "convanon demo: coming soon; see README.md")
	return nil
}
