package pipeline

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/detectors/langid"
	"github.com/convanon/convanon/internal/events"
)

// worker is one partition goroutine's reusable state: an anonymizer
// session per tenant policy in use, each conversation's last confident
// language, and scratch buffers. Not shared.
type worker struct {
	sessions map[*Anonymizer]*Session
	lid      *langid.Detector  // nil: the event's hint is the language
	prior    map[string]string // conversation id -> last confident language
	buf      []byte
	strs     arena     // the strings of the rows being batched
	memo     *scanMemo // nil until the first session: made for its engine
}

// maxPriors bounds the per-partition language memory; it is cleared when
// full, which only costs a few detections.
const maxPriors = 1 << 16

func newWorker(lid *langid.Detector) *worker {
	return &worker{sessions: map[*Anonymizer]*Session{}, lid: lid, prior: map[string]string{}, buf: make([]byte, 0, 4096)}
}

// lang returns the language of text in ev's conversation: the hint when it
// names a configured language, else detected, keeping the conversation's
// last confident language for turns too short or mixed to judge.
func (w *worker) lang(ev *events.Event, text []byte) string {
	if w.lid == nil {
		return ev.Lang
	}
	prior := w.prior[ev.ConversationID]
	l, sure := w.lid.DetectIn(text, ev.Lang, prior)
	if sure && l != prior && ev.ConversationID != "" {
		if len(w.prior) >= maxPriors {
			clear(w.prior)
		}
		// Cloned: the event's strings share the record's buffer.
		w.prior[strings.Clone(ev.ConversationID)] = l
	}
	return l
}

func (w *worker) session(a *Anonymizer) *Session {
	s, ok := w.sessions[a]
	if !ok {
		s = a.NewSession()
		// Every tenant's anonymizer runs the pipeline's one engine, so
		// their sessions share one memo of findings.
		if w.memo == nil {
			w.memo = newScanMemo(a.eng)
		}
		s.memo = w.memo
		w.sessions[a] = s
	}
	return s
}

// message turns a message event into a messages row: pseudonymous ids,
// anonymized text, entity counts of text and metadata.
//
// Metadata is scanned, so the identifiers in it are counted, and then
// dropped: no dataset has a metadata column, so IP addresses, user agents
// and device ids in it never reach the output, detected or not.
func (w *worker) message(ev *events.Event, tp *tenantPolicy, lin events.Lineage, c *counts) (events.MessageRow, error) {
	s := w.session(tp.anon)
	text := bytesOf(ev.Text)
	row := events.MessageRow{
		TenantID: ev.TenantID, Channel: ev.Channel, Role: ev.Role, TS: ev.TS,
		Lang: w.lang(ev, text), Lineage: lin,
	}
	var err error
	if row.EventID, err = w.pseudonym(s, ev, "event", ev.EventID); err != nil {
		return row, err
	}
	if row.ConversationID, err = w.recurring(s, ev, "conversation", ev.ConversationID); err != nil {
		return row, err
	}
	if row.UserID, err = w.recurring(s, ev, "user", ev.UserID); err != nil {
		return row, err
	}
	in := detectors.Input{Text: text, Lang: row.Lang, Spoken: ev.Channel == "voice"}
	if row.Text, row.KeyID, err = w.text(s, ev, ev.Text, in, &row.EntityCounts, c); err != nil {
		return row, err
	}
	if len(ev.Metadata) > 0 {
		if _, _, err = w.text(s, ev, "", detectors.Input{Text: ev.Metadata}, &row.EntityCounts, c); err != nil {
			return row, err
		}
	}
	return row, nil
}

// decision turns a decision event into a decisions row: the anonymized
// context turns, the compared model names and the choice. It has no user
// id, and the candidates' texts are never decoded, so never written.
func (w *worker) decision(ev *events.Event, tp *tenantPolicy, lin events.Lineage, c *counts) (events.DecisionRow, error) {
	s := w.session(tp.anon)
	var last []byte // the turn just before the decision tells its language best
	if n := len(ev.Context); n > 0 {
		last = bytesOf(ev.Context[n-1].Text)
	}
	row := events.DecisionRow{
		TenantID: ev.TenantID, TS: ev.TS, Lang: w.lang(ev, last),
		Models: ev.Models, Choice: ev.Choice, Lineage: lin,
		Context: make([]events.Turn, len(ev.Context)),
	}
	var err error
	if row.EventID, err = w.pseudonym(s, ev, "event", ev.EventID); err != nil {
		return row, err
	}
	if row.ConversationID, err = w.recurring(s, ev, "conversation", ev.ConversationID); err != nil {
		return row, err
	}
	var discard events.EntityCounts // decisions have no entity columns; Stats still counts
	// The turns of a voice conversation are transcripts, as its messages
	// are: scanned alike, so spelled-out numbers are found here too, and
	// the scan memo answers them from the messages' scans.
	spoken := ev.Channel == "voice"
	for i, t := range ev.Context {
		row.Context[i].Role = t.Role
		in := detectors.Input{Text: bytesOf(t.Text), Lang: row.Lang, Spoken: spoken}
		if row.Context[i].Text, row.KeyID, err = w.text(s, ev, t.Text, in, &discard, c); err != nil {
			return row, err
		}
	}
	if row.KeyID == "" {
		// No context turns: the key id still says which key made the ids.
		if _, row.KeyID, err = w.text(s, ev, "", detectors.Input{}, &discard, c); err != nil {
			return row, err
		}
	}
	return row, nil
}

// text anonymizes in and returns the text and the id of the key used,
// counting entities by type in ec and c. src is in.Text as a string, or ""
// when the caller needs only the counts and the key id (metadata): the
// text returned is then "". Only texts with a src go through the scan
// memo: metadata objects hold per-event values (device ids, addresses)
// and rarely recur whole.
func (w *worker) text(s *Session, ev *events.Event, src string, in detectors.Input, ec *events.EntityCounts, c *counts) (string, string, error) {
	out, res, err := s.text(w.buf[:0], ev.TenantID, ev.TS, in, src != "")
	if err != nil {
		return "", "", noKey(err)
	}
	w.buf = out[:0]
	for _, f := range res.Findings {
		ec.Add(int(f.Kind), 1)
		if int(f.Kind) < len(c.entities) {
			c.entities[f.Kind]++
		}
	}
	if src == "" || len(res.Findings) == 0 {
		return src, res.KeyID, nil // unchanged: the decoded string, no copy
	}
	return w.strs.string(out), res.KeyID, nil
}

// pseudonym returns the pseudonym of an id column, "" for an absent id.
func (w *worker) pseudonym(s *Session, ev *events.Event, typ, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	out, err := s.Pseudonym(w.buf[:0], ev.TenantID, ev.TS, typ, id)
	if err != nil {
		return "", noKey(err)
	}
	w.buf = out[:0]
	return w.strs.string(out), nil
}

// recurring returns the pseudonym of an id that recurs across events
// (conversation, user), "" for an absent id.
func (w *worker) recurring(s *Session, ev *events.Event, typ, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	p, err := s.PseudonymOf(ev.TenantID, ev.TS, typ, id)
	if err != nil {
		return "", noKey(err)
	}
	return p, nil
}

// noKey turns a key ring error into a rejection: the record goes to dead
// letters (no key is in force at its time) and processing goes on.
func noKey(err error) error {
	return &events.RejectError{Code: codeNoKey, Err: fmt.Errorf("no usable key at the event's time: %w", err)}
}

// codeNoKey is the dead-letter reason for events with no key in force.
const codeNoKey = "no_key"

// bytesOf returns s's bytes without copying: the detectors only read the
// text and keep none of it (FindFunc's contract), so the string's
// immutability holds.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// arena hands out strings copied into shared chunks, one allocation per
// chunk instead of one per string: a batch's rows hold several short
// strings each (pseudonyms, anonymized texts), and allocating each one
// was a tenth of the pipeline's CPU time with the GC work it caused.
//
// Chunks are never written below their length, so a string stays valid
// for as long as it is referenced; a chunk is freed once no string of it
// is (after its batch is written).
type arena struct{ chunk []byte }

// arenaChunk is the size of an arena chunk; longer strings get their own
// allocation, so a chunk wastes at most a few percent at its end.
const arenaChunk = 32 << 10

// string returns a string with b's bytes.
func (a *arena) string(b []byte) string {
	switch {
	case len(b) == 0:
		return ""
	case len(b) > arenaChunk/16:
		return string(b)
	case len(b) > cap(a.chunk)-len(a.chunk):
		a.chunk = make([]byte, 0, arenaChunk)
	}
	start := len(a.chunk)
	a.chunk = append(a.chunk, b...)
	return unsafe.String(&a.chunk[start], len(b))
}

// interner hands out one copy of each string it is given, for the few
// distinct values (tenants, models, channels, languages) that would
// otherwise be cloned out of every record that needs to outlive it.
type interner map[string]string

// maxInterned bounds an interner; it is cleared when full, which only
// costs copies.
const maxInterned = 4096

// get returns s's interned copy, "" for "".
func (in interner) get(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := in[s]; ok {
		return c
	}
	if len(in) >= maxInterned {
		clear(in)
	}
	c := strings.Clone(s)
	in[c] = c
	return c
}
