package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/convanon/convanon/internal/config"
)

// configFlags are the flags of commands that read the configuration: one
// per setting (generated from config.Fields), --config, and the short
// aliases --brokers, --out and --group.
type configFlags struct {
	path *string
	o    *config.Overrides
}

func addConfigFlags(fs *flag.FlagSet) *configFlags {
	o := config.RegisterFlags(fs)
	cf := &configFlags{o: o, path: fs.String("config", "", "YAML configuration `file` (env CONVANON_CONFIG)")}
	alias := func(name, key string) {
		fs.Func(name, "short for --"+strings.ReplaceAll(key, "_", "-"), func(s string) error {
			o.Set(key, s)
			return nil
		})
	}
	alias("brokers", "kafka.brokers")
	alias("out", "output.dir")
	alias("group", "kafka.group")
	return cf
}

// resolve builds and validates the effective configuration: defaults, the
// file, CONVANON_* variables, flags. Problems are usage errors naming
// every bad setting.
func (cf *configFlags) resolve(e env) (config.Config, error) {
	path := *cf.path
	if path == "" {
		path, _ = e.lookup("CONVANON_CONFIG")
	}
	cfg, err := config.Resolve(path, e.lookup, cf.o)
	if err != nil {
		return cfg, fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	return cfg, nil
}

// resolveOutput builds the configuration like resolve but checks only the
// settings lifecycle commands use (output and keys), so they run without
// Kafka settings.
func (cf *configFlags) resolveOutput(e env) (config.Config, error) {
	path := *cf.path
	if path == "" {
		path, _ = e.lookup("CONVANON_CONFIG")
	}
	cfg, err := config.Resolve(path, e.lookup, cf.o)
	if err == nil {
		err = cfg.Output.Validate()
	}
	if err != nil {
		return cfg, fmt.Errorf("%w: configuration:\n%v", errUsage, err)
	}
	return cfg, nil
}

// usageOf returns a FlagSet.Usage printing the synopsis, a description
// with examples, and the flags.
func usageOf(fs *flag.FlagSet, w io.Writer, synopsis, help string) func() {
	return func() {
		fmt.Fprintf(w, "Usage: convanon %s\n\n%s\n\nFlags:\n", synopsis, help)
		fs.PrintDefaults()
	}
}
