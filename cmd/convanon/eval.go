package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/pipeline"
)

// labeledLine is one line of a labeled corpus: a text and its gold spans.
type labeledLine struct {
	ID      string      `json:"id"`
	Text    string      `json:"text"`
	Lang    string      `json:"lang,omitempty"`
	Channel string      `json:"channel,omitempty"`
	Spans   []goldSpans `json:"spans"`
}

type goldSpans struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// typeScore counts, for one entity type, predicted spans that overlap a gold
// span of the type (tp), predicted spans that do not (fp), gold spans found
// and missed, and gold spans whose value survived anonymization verbatim.
type typeScore struct {
	tp, fp, found, missed, leaked int
}

func (s typeScore) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s typeScore) recall() float64    { return ratio(s.found, s.found+s.missed) }
func (s typeScore) fbeta(beta float64) float64 {
	p, r := s.precision(), s.recall()
	if p == 0 && r == 0 {
		return 0
	}
	b2 := beta * beta
	return (1 + b2) * p * r / (b2*p + r)
}

func (s typeScore) leakRate() float64 {
	if gold := s.found + s.missed; gold > 0 {
		return float64(s.leaked) / float64(gold)
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1 // nothing to get wrong
	}
	return float64(a) / float64(b)
}

func runEval(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	tenant := fs.String("tenant", "eval", "tenant the pseudonyms are scoped to")
	verbose := fs.Bool("v", false, "list every missed and spurious span by line id and type (never the values)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, `Usage: convanon eval [flags] FILE...

Runs the detectors and the anonymizer over labeled JSONL, one object a line:
  {"id":"l1","text":"mail anna@example.com","lang":"en","channel":"chat",
   "spans":[{"type":"EMAIL","start":5,"end":21}]}
with byte offsets into text, and prints per-type precision, recall, F1 and F2
(a span counts when it overlaps a gold span of the same type) and the leak
rate: the share of gold values still present verbatim in the anonymized text.
The last line is
  eval: precision=<p> recall=<r> f2=<f> leak=<l> n=<lines>

Example:
  convanon eval testdata/eval/labeled.jsonl

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no labeled file given", errUsage)
	}
	eng, err := detectors.NewDefault()
	if err != nil {
		return err
	}
	ring, err := keys.Ephemeral(keys.RotatePeriod, keys.Daily)
	if err != nil {
		return err
	}
	anon, err := pipeline.NewAnonymizer(eng, ring, nil)
	if err != nil {
		return err
	}
	ev := evaluator{sess: anon.NewSession(), tenant: *tenant, scores: map[string]*typeScore{}, verbose: *verbose, out: e.stdout}
	for _, path := range fs.Args() {
		if err := ev.file(ctx, path); err != nil {
			return err
		}
	}
	ev.report(e.stdout)
	return nil
}

// evaluator scores labeled lines.
type evaluator struct {
	sess    *pipeline.Session
	tenant  string
	scores  map[string]*typeScore
	lines   int
	verbose bool
	out     io.Writer
	buf     []byte
}

func (ev *evaluator) score(typ string) *typeScore {
	s, ok := ev.scores[typ]
	if !ok {
		s = &typeScore{}
		ev.scores[typ] = s
	}
	return s
}

func (ev *evaluator) file(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var l labeledLine
			if jerr := json.Unmarshal(line, &l); jerr != nil {
				return fmt.Errorf("%s:%d: %w", path, n, jerr)
			}
			if verr := ev.line(l); verr != nil {
				return fmt.Errorf("%s:%d: %w", path, n, verr)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
	}
}

func (ev *evaluator) line(l labeledLine) error {
	text := []byte(l.Text)
	for _, g := range l.Spans {
		if g.Start < 0 || g.End > len(text) || g.Start >= g.End {
			return fmt.Errorf("line %q: span %s [%d:%d) out of bounds", l.ID, g.Type, g.Start, g.End)
		}
		if _, err := detectors.ParseKind(g.Type); err != nil {
			return fmt.Errorf("line %q: %w", l.ID, err)
		}
	}
	in := detectors.Input{Text: text, Lang: l.Lang, Spoken: l.Channel == "voice"}
	out, res, err := ev.sess.Text(ev.buf[:0], ev.tenant, time.Now(), in)
	if err != nil {
		return err
	}
	ev.buf = out
	ev.lines++
	overlaps := func(s1, e1, s2, e2 int) bool { return s1 < e2 && s2 < e1 }
	for _, p := range res.Findings {
		typ := p.Kind.String()
		hit := slices.ContainsFunc(l.Spans, func(g goldSpans) bool { return g.Type == typ && overlaps(p.Start, p.End, g.Start, g.End) })
		if hit {
			ev.score(typ).tp++
			continue
		}
		ev.score(typ).fp++
		if ev.verbose {
			fmt.Fprintf(ev.out, "spurious %s in %s [%d:%d]\n", typ, l.ID, p.Start, p.End)
		}
	}
	for _, g := range l.Spans {
		s := ev.score(g.Type)
		hit := slices.ContainsFunc(res.Findings, func(p pipeline.Finding) bool {
			return p.Kind.String() == g.Type && overlaps(p.Start, p.End, g.Start, g.End)
		})
		if hit {
			s.found++
		} else {
			s.missed++
			if ev.verbose {
				fmt.Fprintf(ev.out, "missed %s in %s [%d:%d]\n", g.Type, l.ID, g.Start, g.End)
			}
		}
		if bytes.Contains(out, text[g.Start:g.End]) {
			s.leaked++
		}
	}
	return nil
}

func (ev *evaluator) report(w io.Writer) {
	types := make([]string, 0, len(ev.scores))
	var all typeScore
	for t, s := range ev.scores {
		types = append(types, t)
		all.tp, all.fp, all.found, all.missed, all.leaked = all.tp+s.tp, all.fp+s.fp, all.found+s.found, all.missed+s.missed, all.leaked+s.leaked
	}
	slices.Sort(types)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tgold\tpredicted\tprecision\trecall\tf1\tf2\tleak\t")
	row := func(name string, s typeScore) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, s.found+s.missed, s.tp+s.fp,
			s.precision(), s.recall(), s.fbeta(1), s.fbeta(2), s.leakRate())
	}
	for _, t := range types {
		row(t, *ev.scores[t])
	}
	row("ALL", all)
	tw.Flush()
	fmt.Fprintf(w, "eval: precision=%.3f recall=%.3f f2=%.3f leak=%.4f n=%d\n",
		all.precision(), all.recall(), all.fbeta(2), all.leakRate(), ev.lines)
}
