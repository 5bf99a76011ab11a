package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/convanon/convanon/detectors"
)

func TestScanMemo(t *testing.T) {
	const (
		email = "write to Ann.Lee@Example.com today"
		url   = "see https://example.com/x?id=7 now"
	)
	tests := []struct {
		name       string
		give       []detectors.Input
		wantHits   int
		wantMisses int
	}{
		{
			name:       "repeat",
			give:       []detectors.Input{{Text: []byte(email)}, {Text: []byte(email)}, {Text: []byte(url)}, {Text: []byte(url)}},
			wantHits:   2,
			wantMisses: 2,
		},
		{
			name:       "language and spoken are part of the key",
			give:       []detectors.Input{{Text: []byte(email)}, {Text: []byte(email), Lang: "de"}, {Text: []byte(email), Spoken: true}, {Text: []byte(email), Lang: "de"}},
			wantHits:   1,
			wantMisses: 3,
		},
		{
			name:       "no findings",
			give:       []detectors.Input{{Text: []byte("hello there")}, {Text: []byte("hello there")}, {Text: []byte("")}, {Text: []byte("")}},
			wantHits:   2,
			wantMisses: 2,
		},
		{
			name:       "too long to remember",
			give:       []detectors.Input{{Text: []byte(strings.Repeat("a ", maxMemoText))}, {Text: []byte(strings.Repeat("a ", maxMemoText))}},
			wantHits:   0,
			wantMisses: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := testAnonymizer(t, nil).eng
			mm := newScanMemo(eng)
			for i, in := range tt.give {
				want := eng.ScanInput(nil, in)
				got := mm.scan(nil, in)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("scan #%d (%q): findings differ from the engine's (-want +got):\n%s", i, in.Text, diff)
				}
			}
			if mm.hits != tt.wantHits || mm.misses != tt.wantMisses {
				t.Errorf("hits, misses = %d, %d; want %d, %d", mm.hits, mm.misses, tt.wantHits, tt.wantMisses)
			}
		})
	}
}

// TestScanMemoOwnsItsCopies checks that a remembered answer survives the
// caller reusing its buffers: the record buffer the text came from, and the
// findings slice the values were returned in.
func TestScanMemoOwnsItsCopies(t *testing.T) {
	eng := testAnonymizer(t, nil).eng
	mm := newScanMemo(eng)
	const text = "mail Ann.Lee@Example.com or https://example.com/x?id=7"
	want := eng.ScanInput(nil, detectors.Input{Text: []byte(text)})
	buf := []byte(text)
	found := mm.scan(nil, detectors.Input{Text: buf})
	for i := range buf {
		buf[i] = 'x'
	}
	for i := range found {
		found[i] = detectors.Finding{}
	}
	got := mm.scan(nil, detectors.Input{Text: []byte(text)})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scan after the caller's buffers changed (-want +got):\n%s", diff)
	}
	if mm.hits != 1 {
		t.Errorf("hits = %d, want 1", mm.hits)
	}
}

// TestScanMemoEvicts scans more distinct texts than the memo has slots,
// then scans them again: slots taken over by other texts answer right.
func TestScanMemoEvicts(t *testing.T) {
	eng := testAnonymizer(t, nil).eng
	mm := newScanMemo(eng)
	text := func(i int) []byte {
		if i%64 == 0 { // a few with findings: the test detectors are slow
			return fmt.Appendf(nil, "%d mail User%d@Example.com or https://example.com/%d?x", i, i, i)
		}
		return fmt.Appendf(nil, "%d hello there", i)
	}
	for range 2 {
		for i := range 3 * memoSlots {
			in := detectors.Input{Text: text(i)}
			want := eng.ScanInput(nil, in)
			if got := mm.scan(nil, in); !cmp.Equal(want, got) {
				t.Fatalf("scan #%d: findings differ from the engine's: %s", i, cmp.Diff(want, got))
			}
		}
	}
	if mm.hits == 0 || mm.hits == 3*memoSlots {
		t.Errorf("hits = %d of %d second scans; want some, not all (the memo holds %d)", mm.hits, 3*memoSlots, memoSlots)
	}
}

// TestSessionMemoSameOutput checks that sessions sharing a memo, as a
// partition's tenants do, write what sessions without one write:
// pseudonyms are made per tenant, never remembered.
func TestSessionMemoSameOutput(t *testing.T) {
	a := testAnonymizer(t, nil)
	plain := a.NewSession()
	memo := newScanMemo(a.eng)
	withMemo := a.NewSession()
	withMemo.memo = memo
	other := a.NewSession()
	other.memo = memo
	tests := []struct {
		give   string
		tenant string
	}{
		{give: "mail Ann.Lee@Example.com please", tenant: "acme"},
		{give: "mail Ann.Lee@Example.com please", tenant: "globex"},
		{give: "mail Ann.Lee@Example.com please", tenant: "acme"},
		{give: "nothing here", tenant: "acme"},
	}
	for _, tt := range tests {
		t.Run(tt.tenant+"/"+tt.give, func(t *testing.T) {
			in := detectors.Input{Text: []byte(tt.give)}
			want, wantRes, err := plain.Text(nil, tt.tenant, testAt, in)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []*Session{withMemo, other} {
				got, gotRes, err := s.Text(nil, tt.tenant, testAt, in)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(want) || !cmp.Equal(gotRes, wantRes) {
					t.Errorf("Text(%q, %s) with memo = %q, %+v; want %q, %+v", tt.give, tt.tenant, got, gotRes, want, wantRes)
				}
			}
		})
	}
	if memo.hits == 0 {
		t.Errorf("memo hits = 0, want repeats answered from it")
	}
}
