// Package config holds convanon's configuration: one Config struct, filled
// from Default, then a YAML file, then CONVANON_* environment variables, then
// flags, and validated once at start-up. The flags, the environment
// variables and the README's table are all generated from Config's yaml
// tags and doc comments (fields.go), so they cannot drift apart.
//
// It owns parsing and validation of what an operator writes; it must not
// import the pipeline, detectors or sinks. Entity-type names in tenant
// actions are checked by the pipeline, which knows the detectors.
package config

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
)

// Config is everything `convanon run` needs. Every field has a default from
// Default; a YAML file overrides what it names and must not name anything
// else.
type Config struct {
	// Kafka says where to read from and write dead letters to.
	Kafka Kafka `yaml:"kafka"`
	// Output says where and how datasets are written.
	Output Output `yaml:"output"`
	// MaxRecordBytes is the largest record value processed; larger records
	// go to dead letters with reason "oversize". Default 1 MiB.
	MaxRecordBytes int `yaml:"max_record_bytes"`
	// DeadLetter says what a dead letter carries.
	DeadLetter DeadLetter `yaml:"dead_letter"`
	// Tenants maps a tenant id to its policy. Tenants not listed get the
	// defaults: decisions collected, every channel kept, default actions.
	Tenants map[string]Tenant `yaml:"tenants"`
	// Keys says where the pseudonymization key ring comes from.
	Keys Keys `yaml:"keys"`
	// Log sets the log format and level.
	Log Log `yaml:"log"`
	// MetricsAddr is the host:port on which Prometheus metrics (/metrics),
	// /healthz and /readyz are served; empty serves nothing. Default empty.
	MetricsAddr string `yaml:"metrics_addr"`
	// Stats configures the feedback, decision and usage statistics.
	Stats Stats `yaml:"stats"`
}

// Stats configures the windowed statistics datasets (feedback_stats,
// decision_stats, usage_stats).
type Stats struct {
	// Window is the size of the base windows, UTC-aligned; it must divide
	// a day (a daily rollup is always published too). Default 1h.
	Window time.Duration `yaml:"window"`
	// Lateness is how long after a window's end, in event time, events may
	// still arrive before the window is published. A later event reopens
	// its window at the next rollup. Default 10m.
	Lateness time.Duration `yaml:"lateness"`
	// MinGroupUsers is the fewest distinct users a published row may
	// count; smaller groups are suppressed. Default 10; at least 2.
	MinGroupUsers int `yaml:"min_group_users"`
	// RollupInterval is how often `run` publishes the windows that closed.
	// Default 1m.
	RollupInterval time.Duration `yaml:"rollup_interval"`
}

// Kafka is the connection to the cluster and the topic names.
type Kafka struct {
	// Brokers are the bootstrap brokers, host:port. Required.
	Brokers []string `yaml:"brokers"`
	// Group is the consumer group id shared by every instance. Default "convanon".
	Group string `yaml:"group"`
	// Topics names the topics read and written.
	Topics Topics `yaml:"topics"`
	// SessionTimeout is how long the group waits for a silent instance
	// before giving its partitions to others. Default 10s.
	SessionTimeout time.Duration `yaml:"session_timeout"`
	// HeartbeatInterval is how often an instance tells the group it is
	// alive; it must be under a third of SessionTimeout. Default 1s.
	HeartbeatInterval time.Duration `yaml:"heartbeat_interval"`
	// TLS encrypts every connection to the brokers.
	TLS TLS `yaml:"tls"`
	// SASL authenticates every connection to the brokers.
	SASL SASL `yaml:"sasl"`
}

// TLS configures encrypted broker connections. It applies to the consumer
// group, the partition and opt-out readers and the dead-letter writer.
type TLS struct {
	// Enabled turns TLS on; it is implied by any of the other settings.
	// Default false.
	Enabled bool `yaml:"enabled"`
	// CAFile is a PEM file of the certificate authorities that sign the
	// brokers' certificates; empty uses the system roots.
	CAFile string `yaml:"ca_file"`
	// CertFile is a PEM client certificate for mutual TLS; KeyFile must be
	// set with it.
	CertFile string `yaml:"cert_file"`
	// KeyFile is the PEM private key of CertFile.
	KeyFile string `yaml:"key_file"`
	// ServerName overrides the host name checked against the brokers'
	// certificates; empty uses each broker's host.
	ServerName string `yaml:"server_name"`
	// InsecureSkipVerify accepts any broker certificate. Only for tests:
	// it allows a man in the middle. Default false.
	InsecureSkipVerify bool `yaml:"insecure_skip_verify"`
}

// On reports whether TLS is in use.
func (t TLS) On() bool {
	return t.Enabled || t.CAFile != "" || t.CertFile != "" || t.KeyFile != "" || t.ServerName != "" || t.InsecureSkipVerify
}

// SASL configures broker authentication.
type SASL struct {
	// Mechanism is "" (none), "plain", "scram-sha-256" or "scram-sha-512".
	// PLAIN sends the password as is: use it only with TLS. Default "".
	Mechanism string `yaml:"mechanism"`
	// Username is the SASL user name.
	Username string `yaml:"username"`
	// Password is the SASL password. Prefer the CONVANON_KAFKA_SASL_PASSWORD
	// environment variable or PasswordFile to writing it in the file.
	Password string `yaml:"password" secret:"true"`
	// PasswordFile is a file holding the SASL password (trailing white
	// space ignored), e.g. a mounted Kubernetes secret.
	PasswordFile string `yaml:"password_file"`
}

// SASL mechanisms.
var saslMechanisms = []string{"", "plain", "scram-sha-256", "scram-sha-512"}

// Topics names convanon's topics.
type Topics struct {
	// Conversations carries message, decision and usage events. Default "conversations".
	Conversations string `yaml:"conversations"`
	// Feedback carries feedback events. Default "feedback".
	Feedback string `yaml:"feedback"`
	// OptOuts is the compacted opt-out topic. Default "training-optouts".
	OptOuts string `yaml:"optouts"`
	// DeadLetter receives records that cannot be processed. Default "convanon-dlq".
	DeadLetter string `yaml:"dead_letter"`
}

// Output is the dataset root and how files roll.
type Output struct {
	// Dir is the root directory of the datasets. Required.
	Dir string `yaml:"dir"`
	// BatchRows closes a partition's batch (one set of files) after this
	// many records. Default 500000.
	BatchRows int `yaml:"batch_rows"`
	// BatchBytes closes a batch once its records hold this many bytes.
	// Default 64 MiB.
	BatchBytes int `yaml:"batch_bytes"`
	// BatchAge closes a batch this long after its first record, so quiet
	// partitions still commit. Default 30s.
	BatchAge time.Duration `yaml:"batch_age"`
	// ZstdLevel is the zstd level of the Parquet files: fastest (the
	// default, about zstd level 1), default (about level 3), better or
	// best. On conversation datasets fastest writes files about 2% larger
	// than default for a fifth less of the sink's CPU time.
	ZstdLevel string `yaml:"zstd_level"`
	// URL is an object store to write the datasets to instead of Dir:
	// s3://bucket?region=R&prefix=P/, gs://bucket?prefix=P/,
	// azblob://container?prefix=P/ (gocloud.dev/blob URLs), or file:///path
	// and mem:// for tests. Exactly one of Dir and URL is set.
	URL string `yaml:"url"`
	// Retention maps a dataset (messages, decisions, feedback_stats, …) to
	// the age after which `convanon retention` deletes its date partitions,
	// e.g. {messages: 17520h}; "d" days are accepted (730d). Datasets not
	// listed are kept indefinitely.
	Retention map[string]time.Duration `yaml:"retention"`
}

// DeadLetter says what a dead letter carries.
type DeadLetter struct {
	// Payload is "withheld" (no value, headers only: the default),
	// "summary" (a JSON summary without record content: reason, size,
	// source topic, partition and offset) or "raw" (the record as
	// received, identifiers and all; only for a topic as protected as the
	// source).
	Payload string `yaml:"payload"`
}

// Dead-letter payload modes.
const (
	PayloadWithheld = "withheld"
	PayloadSummary  = "summary"
	PayloadRaw      = "raw"
)

var payloadModes = []string{PayloadWithheld, PayloadSummary, PayloadRaw}

// Tenant is one tenant's policy.
type Tenant struct {
	// HIPAA marks a covered entity: decision data is not collected unless
	// Decisions is explicitly true.
	HIPAA bool `yaml:"hipaa"`
	// Decisions turns decision collection on or off; unset means on, or off
	// for HIPAA tenants.
	Decisions *bool `yaml:"decisions"`
	// Actions overrides what is done with an entity type, e.g.
	// {EMAIL: redact}; types not named keep the default action.
	Actions map[string]string `yaml:"actions"`
	// Channels lists the channels kept; empty keeps all.
	Channels []string `yaml:"channels"`
	// MinGroupUsers overrides stats.min_group_users for this tenant's
	// statistics; 0 keeps the global value.
	MinGroupUsers int `yaml:"min_group_users"`
}

// CollectsDecisions reports whether the tenant's decision data is kept.
func (t Tenant) CollectsDecisions() bool {
	if t.Decisions != nil {
		return *t.Decisions
	}
	return !t.HIPAA
}

// Channels are the channel names events may carry.
var Channels = []string{"chat", "sms", "whatsapp", "voice", "webchat", "messenger", "slack", "email"}

// Actions are the per-type action names; which of them a type accepts is
// checked where the types are known (the pipeline).
var Actions = []string{"pseudonymize", "redact", "mask", "keep"}

// Keys says where the key ring comes from.
type Keys struct {
	// Source is "env:NAME" (keys in environment variable NAME), "file:PATH"
	// (a key ring file) or "ephemeral" (random keys for this process only:
	// pseudonyms are not stable across restarts; for demos and tests).
	// Default "env:CONVANON_KEYS".
	Source string `yaml:"source"`
	// Rotation is "period" (a key derived per Period from the root key) or
	// "versions" (each key as listed, from its not_before). Default "period".
	// A key file states its own rotation and overrides this.
	Rotation string `yaml:"rotation"`
	// Period is how long a derived key is in force: hourly, daily, weekly
	// or monthly. Default "daily".
	Period string `yaml:"period"`
	// Reload is how often a key file (file:PATH) is checked for changes; a
	// changed file is loaded without a restart and its new keys are used
	// from their not_before. 0 turns reloading off. Default 10s.
	Reload time.Duration `yaml:"reload"`
}

// Log sets logging.
type Log struct {
	// Format is "text" or "json". Default "text".
	Format string `yaml:"format"`
	// Level is "debug", "info", "warn" or "error". Default "info".
	Level string `yaml:"level"`
}

// Default returns the configuration used when a file does not say otherwise.
func Default() Config {
	return Config{
		Kafka: Kafka{
			Group: "convanon",
			Topics: Topics{
				Conversations: "conversations",
				Feedback:      "feedback",
				OptOuts:       "training-optouts",
				DeadLetter:    "convanon-dlq",
			},
			SessionTimeout:    10 * time.Second,
			HeartbeatInterval: time.Second,
		},
		Output: Output{
			BatchRows:  500000,
			BatchBytes: 64 << 20,
			BatchAge:   30 * time.Second,
			ZstdLevel:  "fastest",
		},
		MaxRecordBytes: 1 << 20,
		DeadLetter:     DeadLetter{Payload: PayloadWithheld},
		Keys:           Keys{Source: "env:CONVANON_KEYS", Rotation: "period", Period: "daily", Reload: 10 * time.Second},
		Log:            Log{Format: "text", Level: "info"},
		Stats:          Stats{Window: time.Hour, Lateness: 10 * time.Minute, MinGroupUsers: 10, RollupInterval: time.Minute},
	}
}

// Load reads the YAML file at path over Default. It does not validate.
func Load(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Parse decodes YAML over Default. Unknown keys are errors that name the
// key and the valid ones, so a typo does not silently leave a default in
// force; so are values of the wrong type, naming the key.
func Parse(b []byte) (Config, error) {
	c := Default()
	if err := decodeYAML(b, &c); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Validate reports every problem in c, one per line: the key, what is
// wrong, and what is allowed. It never echoes a key source's secret.
func (c *Config) Validate() error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }

	if len(c.Kafka.Brokers) == 0 {
		add("kafka.brokers: empty; list host:port addresses")
	}
	for i, b := range c.Kafka.Brokers {
		if j := strings.LastIndexByte(b, ':'); j <= 0 || j == len(b)-1 {
			add("kafka.brokers[%d]: %q is not host:port", i, b)
		}
	}
	if c.Kafka.Group == "" {
		add("kafka.group: empty; name the consumer group")
	}
	t := c.Kafka.Topics
	topics := map[string]string{"conversations": t.Conversations, "feedback": t.Feedback, "optouts": t.OptOuts, "dead_letter": t.DeadLetter}
	seen := map[string]string{}
	for _, k := range []string{"conversations", "feedback", "optouts", "dead_letter"} {
		v := topics[k]
		switch {
		case v == "":
			add("kafka.topics.%s: empty; name a topic", k)
		case seen[v] != "":
			add("kafka.topics.%s: %q is also kafka.topics.%s; topics must differ", k, v, seen[v])
		default:
			seen[v] = k
		}
	}
	if c.Kafka.SessionTimeout < time.Second {
		add("kafka.session_timeout: %s; must be 1s or more", c.Kafka.SessionTimeout)
	}
	if c.Kafka.HeartbeatInterval <= 0 || c.Kafka.HeartbeatInterval*3 > c.Kafka.SessionTimeout {
		add("kafka.heartbeat_interval: %s; must be positive and at most a third of kafka.session_timeout (%s)", c.Kafka.HeartbeatInterval, c.Kafka.SessionTimeout)
	}
	if err := c.Output.Validate(); err != nil {
		errs = append(errs, err)
	}
	if c.MaxRecordBytes < 1<<10 || c.MaxRecordBytes > 64<<20 {
		add("max_record_bytes: %d; must be between 1024 and 67108864", c.MaxRecordBytes)
	}
	if !slices.Contains(payloadModes, c.DeadLetter.Payload) {
		add("dead_letter.payload: %q; one of %s", c.DeadLetter.Payload, strings.Join(payloadModes, ", "))
	}
	for _, id := range sortedKeys(c.Tenants) {
		tn := c.Tenants[id]
		if id == "" {
			add("tenants: empty tenant id")
		}
		for _, typ := range sortedKeys(tn.Actions) {
			if a := tn.Actions[typ]; !slices.Contains(Actions, a) {
				add("tenants.%s.actions.%s: %q; one of %s", id, typ, a, strings.Join(Actions, ", "))
			}
		}
		if tn.MinGroupUsers != 0 && tn.MinGroupUsers < 2 {
			add("tenants.%s.min_group_users: %d; must be 0 (global value) or 2 or more", id, tn.MinGroupUsers)
		}
		for _, ch := range tn.Channels {
			if !slices.Contains(Channels, ch) {
				add("tenants.%s.channels: %q; one of %s", id, ch, strings.Join(Channels, ", "))
			}
		}
	}
	errs = append(errs, c.Keys.validate()...)
	errs = append(errs, c.Kafka.validateSecurity()...)
	if c.MetricsAddr != "" {
		if j := strings.LastIndexByte(c.MetricsAddr, ':'); j < 0 || j == len(c.MetricsAddr)-1 {
			add("metrics_addr: %q is not host:port (or :port)", c.MetricsAddr)
		}
	}
	errs = append(errs, c.Stats.validate()...)
	if !slices.Contains([]string{"text", "json"}, c.Log.Format) {
		add("log.format: %q; one of text, json", c.Log.Format)
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level) {
		add("log.level: %q; one of debug, info, warn, error", c.Log.Level)
	}
	return errors.Join(errs...)
}

// validate checks the key source's form without printing its value, which
// may be a path or variable name an operator considers sensitive.
func (k Keys) validate() []error {
	var errs []error
	scheme, rest, ok := strings.Cut(k.Source, ":")
	if k.Source != "ephemeral" && !(ok && (scheme == "env" || scheme == "file") && rest != "") {
		errs = append(errs, errors.New("keys.source: not a valid source; one of env:NAME, file:PATH, ephemeral"))
	}
	if k.Rotation != "period" && k.Rotation != "versions" {
		errs = append(errs, fmt.Errorf("keys.rotation: %q; one of period, versions", k.Rotation))
	}
	if !slices.Contains([]string{"hourly", "daily", "weekly", "monthly"}, k.Period) {
		errs = append(errs, fmt.Errorf("keys.period: %q; one of hourly, daily, weekly, monthly", k.Period))
	}
	if k.Reload < 0 || (k.Reload > 0 && k.Reload < 100*time.Millisecond) {
		errs = append(errs, fmt.Errorf("keys.reload: %s; 0 (off) or 100ms or more", k.Reload))
	}
	return errs
}

// Validate reports every problem in the output settings; lifecycle
// commands that need no Kafka check only these.
func (o Output) Validate() error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	switch {
	case o.Dir == "" && o.URL == "":
		add("output.dir: empty; name the dataset root directory (or set output.url for an object store)")
	case o.Dir != "" && o.URL != "":
		add("output.url: set together with output.dir; set only one")
	case o.URL != "":
		if scheme, _, ok := strings.Cut(o.URL, "://"); !ok || !slices.Contains(URLSchemes, scheme) {
			add("output.url: not a store URL; scheme one of %s", strings.Join(URLSchemes, ", "))
		}
	}
	for _, ds := range sortedKeys(o.Retention) {
		if d := o.Retention[ds]; d < 24*time.Hour {
			add("output.retention.%s: %s; must be 24h (1d) or more", ds, d)
		}
	}
	if o.BatchRows < 1 {
		add("output.batch_rows: %d; must be 1 or more", o.BatchRows)
	}
	if o.BatchBytes < 1<<10 {
		add("output.batch_bytes: %d; must be 1024 or more", o.BatchBytes)
	}
	if o.BatchAge < 10*time.Millisecond {
		add("output.batch_age: %s; must be 10ms or more", o.BatchAge)
	}
	if !slices.Contains(ZstdLevels, o.ZstdLevel) {
		add("output.zstd_level: %q; must be one of %s", o.ZstdLevel, strings.Join(ZstdLevels, ", "))
	}
	return errors.Join(errs...)
}

// ZstdLevels are the names output.zstd_level accepts, fastest first.
var ZstdLevels = []string{"fastest", "default", "better", "best"}

// URLSchemes are the object-store URL schemes output.url accepts.
var URLSchemes = []string{"s3", "gs", "azblob", "file", "mem"}

// validateSecurity checks TLS and SASL settings; it never prints the
// password.
func (k Kafka) validateSecurity() []error {
	var errs []error
	if (k.TLS.CertFile == "") != (k.TLS.KeyFile == "") {
		errs = append(errs, errors.New("kafka.tls.cert_file, kafka.tls.key_file: set both or neither"))
	}
	s := k.SASL
	if !slices.Contains(saslMechanisms, s.Mechanism) {
		errs = append(errs, fmt.Errorf("kafka.sasl.mechanism: %q; one of plain, scram-sha-256, scram-sha-512 (or empty for none)", s.Mechanism))
	}
	if s.Mechanism != "" && s.Username == "" {
		errs = append(errs, errors.New("kafka.sasl.username: empty; required with kafka.sasl.mechanism"))
	}
	if s.Mechanism != "" && s.Password == "" && s.PasswordFile == "" {
		errs = append(errs, errors.New("kafka.sasl.password: empty; set it (CONVANON_KAFKA_SASL_PASSWORD) or kafka.sasl.password_file"))
	}
	if s.Password != "" && s.PasswordFile != "" {
		errs = append(errs, errors.New("kafka.sasl.password_file: set together with kafka.sasl.password; set only one"))
	}
	if s.Mechanism == "" && (s.Username != "" || s.Password != "" || s.PasswordFile != "") {
		errs = append(errs, errors.New("kafka.sasl.mechanism: empty while credentials are set; one of plain, scram-sha-256, scram-sha-512"))
	}
	return errs
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// validate checks the window against a day and the suppression minimum.
func (s Stats) validate() []error {
	var errs []error
	if s.Window < time.Minute || (24*time.Hour)%s.Window != 0 {
		errs = append(errs, fmt.Errorf("stats.window: %s; must be 1m or more and divide 24h (e.g. 15m, 1h, 6h)", s.Window))
	}
	if s.Lateness < 0 {
		errs = append(errs, fmt.Errorf("stats.lateness: %s; must not be negative", s.Lateness))
	}
	if s.MinGroupUsers < 2 {
		errs = append(errs, fmt.Errorf("stats.min_group_users: %d; must be 2 or more", s.MinGroupUsers))
	}
	if s.RollupInterval < 10*time.Millisecond {
		errs = append(errs, fmt.Errorf("stats.rollup_interval: %s; must be 10ms or more", s.RollupInterval))
	}
	return errs
}

// MinUsers returns the fewest distinct users a published stats row of
// tenant may count: the tenant's override, else the global minimum.
func (c *Config) MinUsers(tenant string) int {
	if t, ok := c.Tenants[tenant]; ok && t.MinGroupUsers > 0 {
		return t.MinGroupUsers
	}
	return c.Stats.MinGroupUsers
}
