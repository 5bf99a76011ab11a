package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// runVersion prints the module version and the VCS revision the binary was
// built from.
func runVersion(_ context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "version", "Prints convanon's module version, the commit it was built from and the Go version.\n\nExample:\n  convanon version")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	fmt.Fprintln(e.stdout, versionString())
	return nil
}

// versionString is "convanon VERSION (REVISION[, modified], TIME) GOVERSION".
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "convanon (no build information) " + runtime.Version()
	}
	s := map[string]string{}
	for _, kv := range bi.Settings {
		s[kv.Key] = kv.Value
	}
	v := fmt.Sprintf("convanon %s", bi.Main.Version)
	if rev := s["vcs.revision"]; rev != "" {
		v += " (" + rev[:min(12, len(rev))]
		if s["vcs.modified"] == "true" {
			v += ", modified"
		}
		if t := s["vcs.time"]; t != "" {
			v += ", " + t
		}
		v += ")"
	}
	return v + " " + bi.GoVersion
}
