package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
	"unicode/utf8"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/keys"
	"github.com/convanon/convanon/pipeline"
)

const scanUsage = `Usage: convanon scan [flags] [FILE...]

Anonymizes messages read from FILEs, or standard input when there are none
(or for "-"), and prints them in order: identifiers are replaced by keyed
pseudonyms (<EMAIL_3f9a0c12d4e5>), secrets and card numbers by their type
(<CREDIT_CARD>). Detected values themselves are never printed.

With --format text, each line is a message and the output is its anonymized
line. With --format jsonl, each line is a JSON object with "text" and the
optional "id", "lang", "channel", "tenant_id" and "ts" (RFC 3339; picks the
key in force then); each output line is
  {"id":…,"text":"…","findings":[{"type":"EMAIL","start":10,"end":27,"confidence":0.99}],"key_id":"…"}
with byte offsets into the original text. A line that cannot be read gives
{"line":N,"error":"…"} instead (its text is not echoed), processing goes on,
and the exit status is 1. Blank lines are skipped in jsonl. Messages on the
"voice" channel are read as speech transcripts.

Without --key-file or --key-env, a random key is made for the run and said
so on standard error: its pseudonyms match no other run's.

Examples:
  echo 'mail anna@example.com' | convanon scan
  convanon scan --format jsonl --tenant acme --key-file keys.yaml chats.jsonl
  CONVANON_KEY=$(head -c32 /dev/urandom | base64) convanon scan --key-env CONVANON_KEY \
      --action EMAIL=mask --action LOCATION=keep notes.txt

Flags:
`

// scanFlags are scan's command-line settings.
type scanFlags struct {
	format  string
	tenant  string
	keyFile string
	keyEnv  string
	lang    string
	at      string
	maxLine int
	actions actionFlag
}

// actionFlag collects repeated --action TYPE=ACTION flags.
type actionFlag struct{ actions pipeline.Actions }

func (f *actionFlag) String() string { return "" }

func (f *actionFlag) Set(spec string) error {
	k, a, err := pipeline.ParseActionSpec(spec)
	if err != nil {
		return err
	}
	if f.actions == nil {
		f.actions = pipeline.Actions{}
	}
	f.actions[k] = a
	return nil
}

// runScan anonymizes text or JSONL lines with every shipped detector.
func runScan(ctx context.Context, e env, args []string) error {
	return scan(ctx, e, args, detectors.All())
}

// scan is runScan over the detectors dets, so tests can run it with their own.
func scan(ctx context.Context, e env, args []string, dets []detectors.Detector) error {
	var fl scanFlags
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&fl.format, "format", "text", "input and output `format`: text (a message per line) or jsonl")
	fs.StringVar(&fl.tenant, "tenant", "default", "`tenant` whose pseudonyms to make, unless a jsonl line has tenant_id")
	fs.StringVar(&fl.keyFile, "key-file", "", "key `file` (YAML, mode 0600) to take keys from")
	fs.StringVar(&fl.keyEnv, "key-env", "", "environment `variable` holding a base64 root key ([ID:]BASE64), rotated daily")
	fs.StringVar(&fl.lang, "lang", "", "language of the messages (ISO 639-1, e.g. en), unless a jsonl line has lang")
	fs.StringVar(&fl.at, "time", "", "RFC 3339 `time` whose key to use when a line has no ts (default: now)")
	fs.IntVar(&fl.maxLine, "max-line", 1<<20, "longest input line in `bytes`; longer lines are errors")
	fs.Var(&fl.actions, "action", "`TYPE=ACTION` for a type, e.g. EMAIL=mask (pseudonymize, redact, mask, keep); repeatable")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, scanUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: %v", errUsage, err) // flag has printed the details
	}
	if fl.format != "text" && fl.format != "jsonl" {
		return fmt.Errorf("%w: --format %q: want text or jsonl", errUsage, fl.format)
	}
	if fl.maxLine < 1 {
		return fmt.Errorf("%w: --max-line %d: want 1 or more", errUsage, fl.maxLine)
	}
	at := time.Now()
	if fl.at != "" {
		t, err := time.Parse(time.RFC3339, fl.at)
		if err != nil {
			return fmt.Errorf("%w: --time %q: want an RFC 3339 time such as 2026-11-23T10:00:00Z", errUsage, fl.at)
		}
		at = t
	}
	ring, err := scanRing(e, fl)
	if err != nil {
		return err
	}
	eng, err := detectors.New(dets)
	if err != nil {
		return err
	}
	anon, err := pipeline.NewAnonymizer(eng, ring, fl.actions.actions)
	if err != nil {
		return err
	}
	if _, err := ring.At(at); err != nil && fl.format == "text" {
		return err // every text line would fail alike
	}

	s := &scanner{
		e: e, fl: fl, at: at, sess: anon.NewSession(),
		out: bufio.NewWriterSize(e.stdout, 64<<10),
	}
	s.enc = json.NewEncoder(&s.line)
	s.enc.SetEscapeHTML(false) // keep <EMAIL_…> readable
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if err := s.file(ctx, name); err != nil {
			s.out.Flush()
			return err
		}
	}
	if err := s.out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if s.failed {
		return errFailed
	}
	return nil
}

// scanRing loads the key ring the flags name, or makes an ephemeral one.
func scanRing(e env, fl scanFlags) (*keys.Ring, error) {
	switch {
	case fl.keyFile != "" && fl.keyEnv != "":
		return nil, fmt.Errorf("%w: --key-file and --key-env both set; choose one", errUsage)
	case fl.keyFile != "":
		return keys.Load(fl.keyFile)
	case fl.keyEnv != "":
		return keys.LoadEnv(fl.keyEnv, keys.RotatePeriod, keys.Daily)
	}
	ring, err := keys.Ephemeral(keys.RotateVersions, "")
	if err != nil {
		return nil, err
	}
	k, err := ring.At(time.Time{})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(e.stderr, "convanon scan: using an ephemeral key (%s); its pseudonyms match no other run's: pass --key-file or --key-env for stable ones\n", k.ID)
	return ring, nil
}

// scanner anonymizes one run's lines.
type scanner struct {
	e      env
	fl     scanFlags
	at     time.Time
	sess   *pipeline.Session
	out    *bufio.Writer
	buf    []byte       // anonymized text
	line   bytes.Buffer // one encoded jsonl line
	enc    *json.Encoder
	failed bool
}

// file anonymizes the lines of the named file ("-": standard input). A file
// that cannot be opened is reported and skipped; write errors stop the run.
func (s *scanner) file(ctx context.Context, name string) error {
	var r io.Reader = s.e.stdin
	label := ""
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(s.e.stderr, "convanon scan: %v\n", err)
			s.failed = true
			return nil
		}
		defer f.Close()
		r, label = f, name
	}
	lr := newLineReader(r, s.fl.maxLine)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := lr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			fmt.Fprintf(s.e.stderr, "convanon scan: read %s: %v\n", cmpOr(label, "standard input"), err)
			s.failed = true
			return nil
		}
		if tooLong {
			s.lineError(label, n, nil, fmt.Sprintf("line longer than %d bytes (--max-line)", s.fl.maxLine))
		} else if s.fl.format == "text" {
			s.textLine(label, n, line)
		} else {
			s.jsonLine(label, n, line)
		}
		if lr.r.Buffered() == 0 { // about to wait for input: show what is done
			if err := s.out.Flush(); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// textLine writes the anonymized line.
func (s *scanner) textLine(label string, n int, line []byte) {
	out, _, err := s.sess.Text(s.buf[:0], s.fl.tenant, s.at, detectors.Input{Text: line, Lang: s.fl.lang})
	if err != nil {
		s.lineError(label, n, nil, err.Error())
		return
	}
	s.buf = out
	s.out.Write(out)
	s.out.WriteByte('\n')
}

// scanIn is one jsonl input line; unknown fields are ignored.
type scanIn struct {
	ID       json.RawMessage `json:"id"`
	Text     *string         `json:"text"`
	Lang     string          `json:"lang"`
	Channel  string          `json:"channel"`
	TenantID string          `json:"tenant_id"`
	TS       string          `json:"ts"`
}

type scanOut struct {
	ID       json.RawMessage `json:"id,omitempty"`
	Text     string          `json:"text"`
	Findings []scanFinding   `json:"findings"`
	KeyID    string          `json:"key_id"`
}

type scanFinding struct {
	Type       detectors.Kind `json:"type"`
	Start      int            `json:"start"`
	End        int            `json:"end"`
	Confidence float32        `json:"confidence"`
}

type scanError struct {
	ID    json.RawMessage `json:"id,omitempty"`
	File  string          `json:"file,omitempty"`
	Line  int             `json:"line"`
	Error string          `json:"error"`
}

// jsonLine anonymizes one jsonl object, or writes why it could not.
func (s *scanner) jsonLine(label string, n int, line []byte) {
	if len(bytes.TrimSpace(line)) == 0 {
		return
	}
	if !utf8.Valid(line) {
		s.lineError(label, n, nil, "invalid UTF-8")
		return
	}
	var in scanIn
	if err := json.Unmarshal(line, &in); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			in.ID = nil // a syntax error leaves nothing trustworthy
		}
		s.lineError(label, n, in.ID, jsonProblem(err))
		return
	}
	if in.Text == nil {
		s.lineError(label, n, in.ID, `no "text" field`)
		return
	}
	at := s.at
	if in.TS != "" {
		t, err := time.Parse(time.RFC3339, in.TS)
		if err != nil {
			s.lineError(label, n, in.ID, `field ts: not an RFC 3339 time such as 2026-11-23T10:00:00Z`)
			return
		}
		at = t
	}
	tenant := cmpOr(in.TenantID, s.fl.tenant)
	text := []byte(*in.Text)
	out, res, err := s.sess.Text(s.buf[:0], tenant, at, detectors.Input{
		Text: text, Lang: cmpOr(in.Lang, s.fl.lang), Spoken: in.Channel == "voice",
	})
	if err != nil {
		s.lineError(label, n, in.ID, err.Error())
		return
	}
	s.buf = out
	o := scanOut{ID: in.ID, Text: string(out), Findings: make([]scanFinding, len(res.Findings)), KeyID: res.KeyID}
	for i, f := range res.Findings {
		o.Findings[i] = scanFinding{Type: f.Kind, Start: f.Start, End: f.End, Confidence: f.Confidence}
	}
	s.write(o)
}

// jsonProblem describes a decoding error without quoting the input.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("bad JSON at byte %d", se.Offset)
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("field %s: got JSON %s, want %s", te.Field, te.Value, te.Type)
	case errors.As(err, &te):
		return fmt.Sprintf("got JSON %s, want an object", te.Value)
	}
	return "bad JSON"
}

// lineError reports a line that could not be anonymized: in jsonl as an
// output line, in text as an empty output line (keeping lines aligned) and
// a note on stderr. The run's exit status becomes 1.
func (s *scanner) lineError(label string, n int, id json.RawMessage, msg string) {
	s.failed = true
	if s.fl.format == "text" {
		fmt.Fprintf(s.e.stderr, "convanon scan: %s line %d: %s\n", cmpOr(label, "standard input"), n, msg)
		s.out.WriteByte('\n')
		return
	}
	if id != nil && !json.Valid(id) {
		id = nil
	}
	s.write(scanError{ID: id, File: label, Line: n, Error: msg})
}

func (s *scanner) write(v any) {
	s.line.Reset()
	if err := s.enc.Encode(v); err != nil {
		panic("BUG: scan: encode output line: " + err.Error()) // plain structs always encode
	}
	s.out.Write(s.line.Bytes())
}

// lineReader reads lines of any length up to max bytes, reusing its buffer
// (bufio.Scanner stops at 64 KiB by default and cannot skip a long line).
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its line ending; it is valid until the
// next call. A line longer than max is consumed and reported as tooLong,
// without its bytes. At the end of input it returns io.EOF.
func (lr *lineReader) next() (line []byte, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	read := false
	for {
		chunk, err := lr.r.ReadSlice('\n')
		read = read || len(chunk) > 0
		if !tooLong {
			if len(lr.buf)+len(chunk) > lr.max+2 { // +2: "\r\n"
				tooLong, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && !read {
			return nil, false, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		break
	}
	line = bytes.TrimSuffix(lr.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if !tooLong && len(line) > lr.max {
		tooLong, line = true, nil
	}
	return line, tooLong, nil
}
