package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"

	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The labeled corpus is written as markup, one message a line:
//
//	voice en: hi this is [[PERSON|anna]], my number is [[PHONE|four one five …]]
//
// where a literal \n stands for a line break inside the message (e-mails,
// signatures, PEM blocks), and compiled into testdata/eval/labeled.jsonl
// with byte offsets, which
// TestLabeledCorpusUpToDate keeps in step (go test ./cmd/convanon -run
// TestLabeledCorpusUpToDate -update).
const (
	labeledSrc  = "../../testdata/eval/src"
	labeledJSON = "../../testdata/eval/labeled.jsonl"
)

var markupLine = regexp.MustCompile(`^(\w+) (\w\w): (.*)$`)

// compileMarkup turns one markup line into a labeled line.
func compileMarkup(id, line string) (labeledLine, error) {
	m := markupLine.FindStringSubmatch(line)
	if m == nil {
		return labeledLine{}, fmt.Errorf("want 'channel lang: text'")
	}
	l := labeledLine{ID: id, Channel: m[1], Lang: m[2], Spans: []goldSpans{}}
	var text strings.Builder
	rest := strings.ReplaceAll(m[3], `\n`, "\n")
	for {
		i := strings.Index(rest, "[[")
		if i < 0 {
			text.WriteString(rest)
			break
		}
		text.WriteString(rest[:i])
		j := strings.Index(rest[i:], "]]")
		bar := strings.IndexByte(rest[i:], '|')
		if j < 0 || bar < 0 || bar > j {
			return labeledLine{}, fmt.Errorf("unclosed [[TYPE|value]] at byte %d", i)
		}
		typ, val := rest[i+2:i+bar], rest[i+bar+1:i+j]
		start := text.Len()
		text.WriteString(val)
		l.Spans = append(l.Spans, goldSpans{Type: typ, Start: start, End: text.Len()})
		rest = rest[i+j+2:]
	}
	l.Text = text.String()
	return l, nil
}

func compileCorpus(t *testing.T) []byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(labeledSrc, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no labeled sources in %s (err %v)", labeledSrc, err)
	}
	var out bytes.Buffer
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			l, err := compileMarkup(base+"-"+strconv.Itoa(n), line)
			if err != nil {
				t.Fatalf("%s:%d: %v", f, n, err)
			}
			b, err := json.Marshal(l)
			if err != nil {
				t.Fatal(err)
			}
			out.Write(b)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

func TestLabeledCorpusUpToDate(t *testing.T) {
	want := compileCorpus(t)
	if *update {
		if err := os.WriteFile(labeledJSON, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(labeledJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./cmd/convanon -run TestLabeledCorpusUpToDate -update", labeledJSON)
	}
}

func TestCompileMarkup(t *testing.T) {
	tests := []struct {
		name, give string
		want       labeledLine
	}{
		{
			name: "spans",
			give: "sms en: hi [[PERSON|Anna]], mail [[EMAIL|anna@example.com]]",
			want: labeledLine{ID: "x", Channel: "sms", Lang: "en", Text: "hi Anna, mail anna@example.com",
				Spans: []goldSpans{{"PERSON", 3, 7}, {"EMAIL", 14, 30}}},
		},
		{
			name: "line breaks",
			give: `email en: Regards,\n[[PERSON|Anna Berg]]\n[[ADDRESS|1 Elm St\nSpringfield]]`,
			want: labeledLine{ID: "x", Channel: "email", Lang: "en", Text: "Regards,\nAnna Berg\n1 Elm St\nSpringfield",
				Spans: []goldSpans{{"PERSON", 9, 18}, {"ADDRESS", 19, 39}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := compileMarkup("x", tt.give)
			if err != nil {
				t.Fatalf("compileMarkup(%q): %v", tt.give, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("compileMarkup(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestEvalReport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "l.jsonl")
	lines := `{"id":"a","text":"write to anna@example.com today","spans":[{"type":"EMAIL","start":9,"end":25}]}
{"id":"b","text":"nothing here","spans":[{"type":"PHONE","start":0,"end":7}]}
`
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), env{stdout: &out, stderr: &errOut}, []string{"eval", path})
	if code != 0 {
		t.Fatalf("eval exit %d, stderr %s", code, errOut.String())
	}
	last := lastLine(out.String())
	if want := "eval: precision=1.000 recall=0.500 f2=0.556 leak=0.5000 n=2"; last != want {
		t.Errorf("eval last line = %q, want %q", last, want)
	}
	if strings.Contains(out.String(), "anna@example.com") {
		t.Errorf("eval printed a gold value")
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}
