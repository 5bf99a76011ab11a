package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/convanon/convanon/bench/corpus"
	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/cputime"
)

// runScan measures, on one core, the engine and the naive baseline over the
// same generated corpus, interleaving their runs so that machine noise hits
// both alike, and prints medians; its last line is the summary
// "scan: engine=… baseline=… ratio=… allocs/msg=…".
func runScan(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("messages", 10000, "number of corpus messages")
	runs := fs.Int("runs", 5, "measured runs; medians are reported")
	seed := fs.Uint64("seed", 1, "corpus seed")
	minRun := fs.Duration("min-run", 250*time.Millisecond, "CPU time a measured run lasts at least; a fast mode repeats the corpus until then")
	perDetector := fs.Bool("per-detector", false, "also measure each detector alone in an engine, one run each")
	cpuProfile := fs.String("cpuprofile", "", "after the measured runs, write a CPU profile of one more run of --profile-mode to this file")
	profileMode := fs.String("profile-mode", "full", "the mode --cpuprofile profiles: structured, full, langid only or baseline")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 1 || *runs < 1 {
		return fmt.Errorf("%w: --messages %d, --runs %d; both must be 1 or more", errUsage, *n, *runs)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))

	all := detectors.All()
	eng, err := detectors.New(all)
	if err != nil {
		return fmt.Errorf("build engine: %w", err)
	}
	structEng, err := detectors.New(structuredDetectors(all))
	if err != nil {
		return fmt.Errorf("build structured engine: %w", err)
	}
	lid, err := langid.New(nil)
	if err != nil {
		return fmt.Errorf("build language detector: %w", err)
	}
	c := newBenchCorpus(corpus.Generate(*seed, *n))
	rules := naiveRules()
	modes := []mode{
		{name: "structured", pass: c.structured(structEng)},
		{name: "full", pass: c.full(eng, lid)},
		{name: "langid only", pass: c.langOnly(lid)},
		{name: "baseline", pass: c.baseline(rules)},
	}
	for i := range modes {
		modes[i].pass(min(len(c.texts), 1000)) // warm up: caches, regexp machine pools
	}
	for range *runs {
		for i := range modes {
			modes[i].samples = append(modes[i].samples, measure(modes[i].pass, len(c.texts), *minRun))
		}
	}

	if *cpuProfile != "" {
		i := slices.IndexFunc(modes, func(m mode) bool { return m.name == *profileMode })
		if i < 0 {
			return fmt.Errorf("%w: --profile-mode %q; want structured, full, langid only or baseline", errUsage, *profileMode)
		}
		stop, err := startProfile(*cpuProfile, true)
		if err != nil {
			return err
		}
		measure(modes[i].pass, len(c.texts), 10*(*minRun))
		stop()
	}

	fmt.Fprintf(stdout, "corpus: %d messages in %d conversations, %.2f MB, seed %d; %.1f%% carry planted PII\n",
		len(c.texts), c.conversations, float64(c.bytes)/1e6, *seed, 100*float64(c.gold)/float64(len(c.texts)))
	fmt.Fprintf(stdout, "structured: %s\n", describeDetectors(structEng.Detectors()))
	fmt.Fprintf(stdout, "full: %s\n", describeDetectors(eng.Detectors()))
	fmt.Fprintf(stdout, "baseline: %d stdlib regexps, FindAllIndex per regexp per message\n", len(rules))
	fmt.Fprintf(stdout, "GOMAXPROCS=1, %d runs, %s, %s/%s\n\n", *runs, runtime.Version(), runtime.GOOS, runtime.GOARCH)

	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "mode\tMB/s\tmin\tmax\tmsgs/s\twall MB/s\tallocs/msg\twith findings\t")
	for _, m := range modes {
		s := m.summary(c.bytes, len(c.texts))
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f\t%.0f\t%.1f\t%.2f\t%.1f%%\t\n",
			m.name, s.mbps, s.minMBps, s.maxMBps, s.msgsPerSec, s.wallMBps, s.allocsPerMsg, 100*s.withFindings)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	if *perDetector {
		if err := c.perDetector(stdout, eng.Detectors(), *minRun); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nfindings by type, structured (gold spans): %s\n", c.byType(eng))
	fmt.Fprintf(stdout, "language: %.1f%% of messages get the language they were written in (langid, no hints, conversation's last confident language when unsure)\n",
		100*c.langAccuracy(lid))
	st, full := modes[0].summary(c.bytes, len(c.texts)), modes[1].summary(c.bytes, len(c.texts))
	lang, base := modes[2].summary(c.bytes, len(c.texts)), modes[3].summary(c.bytes, len(c.texts))
	fmt.Fprintf(stdout, "MB/s and msgs/s are per CPU-second of this process (one core), medians of %d runs; wall MB/s counts time lost to other load.\n", *runs)
	fmt.Fprintf(stdout, "structured: Engine.Scan per message. full: conversation order, no lang hints, language detected per message, Input.Spoken for voice.\n")
	fmt.Fprintf(stdout, "language detection share of full: %.0f%%\n", 100*full.mbps/lang.mbps)
	fmt.Fprintf(stdout, "ratio to baseline: structured %.1fx, full %.1fx\n", st.mbps/base.mbps, full.mbps/base.mbps)
	fmt.Fprintf(stdout, "scan: engine=%.1f baseline=%.2f ratio=%.1f allocs/msg=%.2f\n", st.mbps, base.mbps, st.mbps/base.mbps, st.allocsPerMsg)
	return nil
}

// benchCorpus is the generated corpus as the measured loops read it.
type benchCorpus struct {
	texts         [][]byte
	spoken        []bool   // per message: a voice transcript
	conv          []int    // per message: its conversation's number
	langs         []string // per message: the language it was written in
	bytes         int      // total text bytes
	conversations int
	gold          int            // messages with planted PII
	goldByType    map[string]int // planted spans per type
}

func newBenchCorpus(msgs []corpus.Message) *benchCorpus {
	c := &benchCorpus{
		texts: make([][]byte, len(msgs)), spoken: make([]bool, len(msgs)),
		conv: make([]int, len(msgs)), langs: make([]string, len(msgs)), goldByType: map[string]int{},
	}
	for i, m := range msgs {
		c.texts[i] = []byte(m.Text)
		c.spoken[i] = m.Channel == "voice"
		c.bytes += len(m.Text)
		if i == 0 || m.ConversationID != msgs[i-1].ConversationID {
			c.conversations++
		}
		c.conv[i] = c.conversations
		c.langs[i] = m.Lang
		if len(m.Spans) > 0 {
			c.gold++
		}
		for _, sp := range m.Spans {
			c.goldByType[string(sp.Type)]++
		}
	}
	return c
}

// byType counts, in an untimed pass, the engine's findings per type next to
// the corpus's gold spans of that type, e.g. "EMAIL 480 (512)": a sanity check
// that detectors fire on the corpus, not a quality measure (convanon eval
// matches spans).
func (c *benchCorpus) byType(eng *detectors.Engine) string {
	found := map[string]int{}
	var dst []detectors.Finding
	for _, t := range c.texts {
		dst = eng.Scan(dst[:0], t)
		for _, f := range dst {
			found[f.Kind.String()]++
		}
	}
	var parts []string
	for _, k := range detectors.Kinds() {
		name := k.String()
		if found[name] > 0 || c.goldByType[name] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d (%d)", name, found[name], c.goldByType[name]))
		}
	}
	return strings.Join(parts, ", ")
}

// perDetector measures each detector alone in an engine over the corpus
// (structured, one run) and prints its throughput, allocations and wakes
// (calls of its Find, counted in a separate untimed pass): where the
// engine's time goes.
func (c *benchCorpus) perDetector(w io.Writer, dets []detectors.Detector, minRun time.Duration) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\ndetector alone\tMB/s\tallocs/msg\twith findings\twakes/pass\t")
	for _, d := range dets {
		eng, err := detectors.New([]detectors.Detector{d})
		if err != nil {
			return fmt.Errorf("build engine of detector %s: %w", d.Name, err)
		}
		m := mode{name: d.Name, pass: c.structured(eng)}
		m.samples = append(m.samples, measure(m.pass, len(c.texts), minRun))
		s := m.summary(c.bytes, len(c.texts))
		wakes, err := c.wakes(d)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%.2f\t%.1f%%\t%d\t\n", d.Name, s.mbps, s.allocsPerMsg, 100*s.withFindings, wakes)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write per-detector results: %w", err)
	}
	return nil
}

// wakes returns how many times the engine calls d's Find in one pass over
// the corpus: d alone in an engine, its Find wrapped in a counter.
func (c *benchCorpus) wakes(d detectors.Detector) (int, error) {
	n, find := 0, d.Find
	d.Find = func(dst []detectors.Finding, in detectors.Input, tok detectors.Token) ([]detectors.Finding, int) {
		n++
		return find(dst, in, tok)
	}
	eng, err := detectors.New([]detectors.Detector{d})
	if err != nil {
		return 0, fmt.Errorf("build counting engine of detector %s: %w", d.Name, err)
	}
	c.structured(eng)(len(c.texts))
	return n, nil
}

// structuredKinds are the identifiers with a written structure (issue 3):
// the "structured" figure measures the detectors of these kinds alone, the
// "full" figure every detector with language detection.
var structuredKinds = []detectors.Kind{
	detectors.KindEmail, detectors.KindURL, detectors.KindIPAddress, detectors.KindMACAddress,
	detectors.KindPhone, detectors.KindCreditCard, detectors.KindIBAN, detectors.KindUSSSN,
	detectors.KindCrypto, detectors.KindSecret,
}

// structuredDetectors returns the written-form detectors of structuredKinds;
// spoken forms belong to the full figure.
func structuredDetectors(all []detectors.Detector) []detectors.Detector {
	var out []detectors.Detector
	for _, d := range all {
		if slices.Contains(structuredKinds, d.Kind) && !strings.HasPrefix(d.Name, "spoken-") {
			out = append(out, d)
		}
	}
	return out
}

// passFunc scans the first n messages once and returns how many had
// findings.
type passFunc func(n int) int

// structured scans each message alone with Scan, reusing the findings slice,
// as a caller with nothing but text does.
func (c *benchCorpus) structured(eng *detectors.Engine) passFunc {
	var dst []detectors.Finding
	return func(n int) int {
		found := 0
		for _, t := range c.texts[:n] {
			dst = eng.Scan(dst[:0], t)
			if len(dst) > 0 {
				found++
			}
		}
		return found
	}
}

// full scans the corpus as the pipeline sees it: turns in conversation
// order, no language hints, each turn's language detected (langTracker),
// transcripts marked spoken.
func (c *benchCorpus) full(eng *detectors.Engine, lid *langid.Detector) passFunc {
	var dst []detectors.Finding
	return func(n int) int {
		found := 0
		var lt langTracker
		for i, t := range c.texts[:n] {
			in := detectors.Input{Text: t, Lang: lt.detect(lid, c.conv[i], t), Spoken: c.spoken[i]}
			dst = eng.ScanInput(dst[:0], in)
			if len(dst) > 0 {
				found++
			}
		}
		return found
	}
}

// langOnly runs the language detection step of full alone, so that its share
// of full's time shows.
func (c *benchCorpus) langOnly(lid *langid.Detector) passFunc {
	return func(n int) int {
		var lt langTracker
		for i, t := range c.texts[:n] {
			lt.detect(lid, c.conv[i], t)
		}
		return 0
	}
}

// langAccuracy returns the share of messages whose detected language (as
// full sets it) is the language the corpus wrote them in.
func (c *benchCorpus) langAccuracy(lid *langid.Detector) float64 {
	var lt langTracker
	ok := 0
	for i, t := range c.texts {
		if lt.detect(lid, c.conv[i], t) == c.langs[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(c.texts))
}

// langTracker detects each turn's language as the pipeline does: with
// langid's DetectIn and the conversation's last confident language.
type langTracker struct {
	conv int    // conversation of last
	last string // its last confident language
}

func (lt *langTracker) detect(lid *langid.Detector, conv int, text []byte) string {
	if conv != lt.conv {
		lt.conv, lt.last = conv, ""
	}
	lang, confident := lid.DetectIn(text, "", lt.last)
	if confident {
		lt.last = lang
	}
	return lang
}

// baseline runs the naive regexps over each message.
func (c *benchCorpus) baseline(rules []naiveRule) passFunc {
	return func(n int) int {
		found := 0
		for _, t := range c.texts[:n] {
			if naiveScan(rules, t) > 0 {
				found++
			}
		}
		return found
	}
}

// sample is one measured run of a mode.
type sample struct {
	wall, cpu    time.Duration // cpu is wall when CPU time is unavailable
	passes       int
	mallocs      uint64
	withFindings int // messages with findings in one pass
}

// measure runs whole passes over the first n messages until minRun of CPU
// time has elapsed, and counts heap allocations around them.
func measure(pass passFunc, n int, minRun time.Duration) sample {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var s sample
	cpu0, cpuOK := cputime.Process()
	start := time.Now()
	for s.passes == 0 || s.cpu < minRun {
		s.withFindings = pass(n)
		s.passes++
		s.wall = time.Since(start)
		s.cpu = s.wall
		if c, ok := cputime.Process(); ok && cpuOK {
			s.cpu = c - cpu0
		}
	}
	runtime.ReadMemStats(&after)
	s.mallocs = after.Mallocs - before.Mallocs
	return s
}

// mode is one measured way of scanning the corpus.
type mode struct {
	name    string
	pass    passFunc
	samples []sample
}

// summary is a mode's medians over its runs.
type summary struct {
	mbps, minMBps, maxMBps float64 // per CPU-second: per core
	wallMBps               float64 // per wall-clock second, slowed by other load
	msgsPerSec             float64
	allocsPerMsg           float64
	withFindings           float64 // share of messages
}

func (m mode) summary(bytes, msgs int) summary {
	rates := make([]float64, len(m.samples))
	walls := make([]float64, len(m.samples))
	var mallocs uint64
	passes := 0
	for i, s := range m.samples {
		rates[i] = float64(bytes) * float64(s.passes) / s.cpu.Seconds() / 1e6
		walls[i] = float64(bytes) * float64(s.passes) / s.wall.Seconds() / 1e6
		mallocs += s.mallocs
		passes += s.passes
	}
	med := median(rates)
	return summary{
		mbps:         med,
		minMBps:      slices.Min(rates),
		maxMBps:      slices.Max(rates),
		wallMBps:     median(walls),
		msgsPerSec:   med * 1e6 / float64(bytes) * float64(msgs),
		allocsPerMsg: float64(mallocs) / float64(passes*msgs),
		withFindings: float64(m.samples[0].withFindings) / float64(msgs),
	}
}

func median(xs []float64) float64 {
	xs = slices.Sorted(slices.Values(xs))
	if len(xs)%2 == 0 {
		return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	return xs[len(xs)/2]
}

// describeDetectors says how many detectors the engine has and of which
// kinds, e.g. "3 detectors (EMAIL 1, PHONE 2)".
func describeDetectors(dets []detectors.Detector) string {
	if len(dets) == 0 {
		return "0 detectors in detectors.NewDefault()"
	}
	count := map[detectors.Kind]int{}
	for _, d := range dets {
		count[d.Kind]++
	}
	var parts []string
	for _, k := range detectors.Kinds() {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, count[k]))
		}
	}
	return fmt.Sprintf("%d detectors in detectors.NewDefault() (%s)", len(dets), strings.Join(parts, ", "))
}
