package main

import (
	"context"
	"fmt"
)

// runBroker is not built yet; it says what is coming.
func runBroker(_ context.Context, e env, _ []string) error {
	fmt.Fprintln(e.stderr, "convanon broker: coming soon; see README.md")
	return nil
}
