package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/parquet-go/parquet-go"

	"github.com/convanon/convanon/detectors"
)

const auditHelp = `Re-scans every text column of every dataset under DIR (a directory or a store URL) with the
detectors, and checks the other string columns: id columns (user_id, conversation_id,
event_id) must hold pseudonyms (32 hex digits), and the distinct values of every other string
column are scanned too. Placeholders convanon wrote (<EMAIL_3f9a0c12d4e5>, <CREDIT_CARD>) are
not findings. It reports findings by dataset, file, column and type, never the values, and
exits 1 when anything is found, 0 when the datasets are clean.

Examples:
  convanon audit ./out
  convanon audit s3://training-data?region=eu-west-1&prefix=convanon/
  convanon audit --min-confidence 0.8 ./out`

// runAudit scans the datasets for identifiers that should not be there.
func runAudit(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = usageOf(fs, e.stderr, "audit [flags] DIR", auditHelp)
	minConf := fs.Float64("min-confidence", 0, "ignore findings below this `confidence` (0 to 1)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: audit needs one DIR", errUsage)
	}
	root, closeRoot, err := rootArg(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	defer closeRoot()
	eng, err := detectors.NewDefault()
	if err != nil {
		return fmt.Errorf("detectors: %w", err)
	}
	a := &auditor{eng: eng, minConf: float32(*minConf), found: map[auditKey]int{}}
	var names []string
	err = root.Walk(".", func(name string, _ int64) error {
		if strings.HasSuffix(name, ".parquet") && !strings.HasPrefix(name, "_") {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := root.ReadFile(name)
		if err != nil {
			return err
		}
		if err := a.file(name, data); err != nil {
			return err
		}
	}
	keys := slices.SortedFunc(maps.Keys(a.found), func(x, y auditKey) int {
		return strings.Compare(x.file+"\x00"+x.column+"\x00"+x.kind, y.file+"\x00"+y.column+"\x00"+y.kind)
	})
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	total := 0
	for _, k := range keys {
		ds, _, _ := strings.Cut(k.file, "/")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", ds, k.file, k.column, k.kind, a.found[k])
		total += a.found[k]
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "audit: %d files, %d rows, %d values scanned; %d findings\n", len(names), a.rows, a.values, total)
	if total > 0 {
		return errFailed
	}
	return nil
}

// auditKey groups findings for the report; it holds no value.
type auditKey struct{ file, column, kind string }

type auditor struct {
	eng     *detectors.Engine
	minConf float32
	found   map[auditKey]int
	rows    int64
	values  int64

	buf  []byte
	fill [][2]int // placeholder spans in buf
	hits []detectors.Finding
}

// placeholder matches what convanon writes in place of an entity.
var placeholder = regexp.MustCompile(`<[A-Z][A-Z_]*(?:_[0-9a-f]{12})?(?: host=[^>\s]*)?>`)

// idColumns hold pseudonyms: IDLen lower-case hex digits, or empty.
var idColumns = []string{"user_id", "conversation_id", "event_id"}

// file audits one Parquet file, column by column.
func (a *auditor) file(name string, data []byte) error {
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	a.rows += f.NumRows()
	spoken := strings.Contains(name, "/channel=voice/")
	cols := f.Schema().Columns()
	for _, rg := range f.RowGroups() {
		for i, cc := range rg.ColumnChunks() {
			if cc.Type().Kind() != parquet.ByteArray {
				continue
			}
			path := cols[i]
			col := strings.Join(slices.DeleteFunc(slices.Clone(path), func(s string) bool { return s == "list" || s == "element" }), ".")
			leaf := path[len(path)-1]
			var check func(v []byte)
			switch {
			case leaf == "text":
				check = func(v []byte) { a.scan(name, col, v, spoken) }
			case slices.Contains(idColumns, leaf):
				check = func(v []byte) {
					if len(v) > 0 && !isPseudonymID(v) {
						a.found[auditKey{name, col, "RAW_ID"}]++
					}
				}
			default:
				seen := map[string]bool{} // dictionary-like columns: scan each value once
				check = func(v []byte) {
					if !seen[string(v)] {
						seen[string(v)] = true
						a.scan(name, col, v, false)
					}
				}
			}
			if err := eachValue(cc, func(v []byte) { a.values++; check(v) }); err != nil {
				return fmt.Errorf("read %s column %s: %w", name, col, err)
			}
		}
	}
	return nil
}

// scan runs the detectors over v with each of convanon's placeholders
// replaced by a filler word of the same length. The filler keeps the
// sentence's shape ("my name is xxxx and …"), so a cue before a
// placeholder is not misread as pointing at the next word; a finding counts
// only for what it covers outside fillers, which catches what a placeholder
// left behind ("<PERSON_…> van den Berg").
func (a *auditor) scan(file, col string, v []byte, spoken bool) {
	a.buf = append(a.buf[:0], v...)
	a.fill = a.fill[:0]
	for _, m := range placeholder.FindAllIndex(a.buf, -1) {
		copy(a.buf[m[0]:m[1]], filler)
		for i := m[0] + len(filler); i < m[1]; i++ {
			a.buf[i] = ' '
		}
		a.fill = append(a.fill, [2]int{m[0], m[1]})
	}
	a.hits = a.eng.ScanInput(a.hits[:0], detectors.Input{Text: a.buf, Spoken: spoken})
	for _, h := range a.hits {
		if h.Confidence >= a.minConf && a.outsideFill(h.Start, h.End) {
			a.found[auditKey{file, col, h.Kind.String()}]++
		}
	}
}

// filler stands in for a placeholder; every placeholder is at least this
// long ("<IBAN>").
var filler = []byte("xxxx")

// outsideFill reports whether a finding at text[start:end] stands for
// something convanon left in clear: it starts outside every filler (a
// finding that starts on a filler reads convanon's own placeholder as the
// first word of a value, "my password is <OPERATIONAL_…> thanks") and has a
// letter or digit outside them.
func (a *auditor) outsideFill(start, end int) bool {
	for _, f := range a.fill {
		if start >= f[0] && start < f[1] {
			return false
		}
	}
	for i := start; i < end; i++ {
		inFill := false
		for _, f := range a.fill {
			if i >= f[0] && i < f[1] {
				inFill = true
				break
			}
		}
		if c := a.buf[i]; !inFill && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80) {
			return true
		}
	}
	return false
}

func isPseudonymID(v []byte) bool {
	if len(v) != 32 {
		return false
	}
	for _, c := range v {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// eachValue calls fn with every non-null value of a byte-array column
// chunk; fn must not keep v.
func eachValue(cc parquet.ColumnChunk, fn func(v []byte)) error {
	pages := cc.Pages()
	defer pages.Close()
	vals := make([]parquet.Value, 256)
	for {
		p, err := pages.ReadPage()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		r := p.Values()
		for {
			n, err := r.ReadValues(vals)
			for _, v := range vals[:n] {
				if !v.IsNull() {
					fn(v.ByteArray())
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				parquet.Release(p)
				return err
			}
		}
		parquet.Release(p)
	}
}
