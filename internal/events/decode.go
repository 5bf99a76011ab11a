package events

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Reject codes: stable reasons why a record cannot be processed. They name
// dead letters (header convanon.reason) and metric labels.
const (
	CodeOversize = "oversize"  // record larger than the configured limit
	CodeBadUTF8  = "bad_utf8"  // invalid UTF-8, or a lone UTF-16 surrogate escape
	CodeBadJSON  = "bad_json"  // not a well-formed JSON object
	CodeBadType  = "bad_type"  // "type" names no known event type
	CodeBadField = "bad_field" // a required field missing, a field of the wrong type or value
)

// RejectError says why a record was rejected. Code is one of the Code
// constants; Field names the offending field for bad_field ("" otherwise).
// Its message names codes, fields and byte offsets only, never a value from
// the record, so it is safe to log and to put in a dead letter.
type RejectError struct {
	Code  string
	Field string
	Err   error
}

// Error returns "reject CODE: [FIELD: ]REASON".
func (e *RejectError) Error() string {
	if e.Field != "" {
		return "reject " + e.Code + ": " + e.Field + ": " + e.Err.Error()
	}
	return "reject " + e.Code + ": " + e.Err.Error()
}

// Unwrap returns the underlying reason.
func (e *RejectError) Unwrap() error { return e.Err }

// Reasons for field rejections; shared so rejections allocate little.
var (
	errMissing   = errors.New("missing")
	errWrongType = errors.New("wrong JSON type")
	errBadValue  = errors.New("value not allowed")
	errBadTime   = errors.New("not an RFC 3339 time")
	errBadInt    = errors.New("not a non-negative integer")
	errTooDeep   = errors.New("nesting deeper than 256")
	errSurrogate = errors.New("lone UTF-16 surrogate in a string escape")
)

func reject(code string, err error) *RejectError { return &RejectError{Code: code, Err: err} }

func fieldErr(field string, err error) *RejectError {
	return &RejectError{Code: CodeBadField, Field: field, Err: err}
}

// maxDepth bounds nesting so hostile records cannot exhaust the stack.
const maxDepth = 256

// Decode decodes one input event from a Kafka record value. maxBytes <= 0
// means no size limit. Any error is a *RejectError; checks run in the order
// oversize, bad_utf8, bad_json, bad_type, bad_field.
//
// Unknown fields are ignored; a null value counts as absent. A decision's
// candidate texts are validated as JSON and skipped, never copied. The
// strings of the returned Event share one allocation and do not alias b.
// Decode is safe for concurrent use.
func Decode(b []byte, maxBytes int) (Event, error) {
	return decode(b, maxBytes, false)
}

// DecodeOwned is Decode for a caller that hands b over: the returned
// strings alias b where the JSON needs no unescaping, so b must not be
// modified afterwards (reading it, e.g. to send it as a dead letter, is
// fine). It saves copying every string of every record; a Kafka reader's
// message values are fresh buffers owned by the caller.
func DecodeOwned(b []byte, maxBytes int) (Event, error) {
	return decode(b, maxBytes, true)
}

func decode(b []byte, maxBytes int, owned bool) (Event, error) {
	if maxBytes > 0 && len(b) > maxBytes {
		return Event{}, reject(CodeOversize, fmt.Errorf("record of %d bytes exceeds limit of %d", len(b), maxBytes))
	}
	if !utf8.Valid(b) {
		return Event{}, reject(CodeBadUTF8, errors.New("invalid UTF-8"))
	}
	d := decoder{b: b, owned: owned}
	if !owned {
		d.arena = make([]byte, 0, len(b))
	}
	var ev Event
	var typ []byte
	d.ws()
	if !d.object(0, func(key []byte) { d.eventField(&ev, &typ, key) }) {
		return Event{}, d.syntaxErr()
	}
	if err := d.finish(); err != nil {
		return Event{}, err
	}
	if typ == nil {
		if d.fieldErr != nil && d.fieldErr.Field == "type" {
			return Event{}, d.fieldErr
		}
		return Event{}, fieldErr("type", errMissing)
	}
	switch string(typ) {
	case "message":
		ev.Type = TypeMessage
	case "decision":
		ev.Type = TypeDecision
	case "feedback":
		ev.Type = TypeFeedback
	case "usage":
		ev.Type = TypeUsage
	default:
		return Event{}, reject(CodeBadType, errors.New("unknown event type"))
	}
	if d.fieldErr != nil {
		return Event{}, d.fieldErr
	}
	if err := validate(&ev, &d); err != nil {
		return Event{}, err
	}
	return ev, nil
}

// validate checks the fields each type requires.
func validate(ev *Event, d *decoder) *RejectError {
	if ev.EventID == "" {
		return fieldErr("event_id", errMissing)
	}
	if ev.TenantID == "" {
		return fieldErr("tenant_id", errMissing)
	}
	if ev.UserID == "" {
		return fieldErr("user_id", errMissing)
	}
	if !d.hasTS {
		return fieldErr("ts", errMissing)
	}
	if ev.Channel != "" && !slices.Contains(Channels(), ev.Channel) {
		return fieldErr("channel", errBadValue)
	}
	switch ev.Type {
	case TypeMessage:
		switch {
		case ev.ConversationID == "":
			return fieldErr("conversation_id", errMissing)
		case ev.Channel == "":
			return fieldErr("channel", errMissing)
		case ev.Role == "":
			return fieldErr("role", errMissing)
		case !slices.Contains(Roles(), ev.Role):
			return fieldErr("role", errBadValue)
		case !d.hasText:
			return fieldErr("text", errMissing)
		}
	case TypeDecision:
		switch {
		case ev.ConversationID == "":
			return fieldErr("conversation_id", errMissing)
		case !d.hasContext:
			return fieldErr("context", errMissing)
		case !d.hasCandidates:
			return fieldErr("candidates", errMissing)
		case ev.Choice == "":
			return fieldErr("choice", errMissing)
		case ev.Choice != "tie" && ev.Choice != "none" && !slices.Contains(ev.Models, ev.Choice):
			return fieldErr("choice", errBadValue)
		}
		for _, t := range ev.Context {
			if !slices.Contains(Roles(), t.Role) {
				return fieldErr("context.role", errBadValue)
			}
		}
	case TypeFeedback:
		switch {
		case ev.Model == "":
			return fieldErr("model", errMissing)
		case ev.Rating == "":
			return fieldErr("rating", errMissing)
		case ev.Rating != "up" && ev.Rating != "down":
			return fieldErr("rating", errBadValue)
		}
	case TypeUsage:
		if ev.Model == "" {
			return fieldErr("model", errMissing)
		}
	}
	return nil
}

// eventField decodes the value of one top-level field.
func (d *decoder) eventField(ev *Event, typ *[]byte, key []byte) {
	switch string(key) {
	case "type":
		if s, ok := d.rawString("type"); ok {
			*typ = s
		}
	case "event_id":
		d.setStr(&ev.EventID, "event_id")
	case "tenant_id":
		d.setStr(&ev.TenantID, "tenant_id")
	case "user_id":
		d.setStr(&ev.UserID, "user_id")
	case "conversation_id":
		d.setStr(&ev.ConversationID, "conversation_id")
	case "channel":
		d.setStr(&ev.Channel, "channel")
	case "role":
		d.setStr(&ev.Role, "role")
	case "lang":
		d.setStr(&ev.Lang, "lang")
	case "text":
		d.setStr(&ev.Text, "text")
		d.hasText = d.hasText || d.present
	case "choice":
		d.setStr(&ev.Choice, "choice")
	case "message_id":
		d.setStr(&ev.MessageID, "message_id")
	case "model":
		d.setStr(&ev.Model, "model")
	case "rating":
		d.setStr(&ev.Rating, "rating")
	case "ts":
		if t := d.ts("ts"); d.present {
			ev.TS, d.hasTS = t, true
		}
	case "metadata":
		ev.Metadata = d.metadataText("metadata")
	case "context":
		ev.Context = d.context()
	case "candidates":
		ev.Models = d.candidates()
	case "input_tokens":
		ev.InputTokens = d.int("input_tokens")
	case "output_tokens":
		ev.OutputTokens = d.int("output_tokens")
	case "input_chars":
		ev.InputChars = d.int("input_chars")
	case "output_chars":
		ev.OutputChars = d.int("output_chars")
	case "latency_ms":
		ev.LatencyMS = d.int("latency_ms")
	default:
		d.skip(0)
	}
}

// finish checks that only white space follows the top-level object and
// returns the first error met while decoding it.
func (d *decoder) finish() error {
	d.ws()
	if d.i != len(d.b) {
		d.fail("data after the top-level object")
		return d.syntaxErr()
	}
	if d.err != nil { // a typed nil must not become a non-nil error
		return d.err
	}
	return nil
}

// objects decodes field, an array of objects, calling each with the
// decoder at every element's '{'. It reports false for null or a value of
// another type (recorded as a field error).
func (d *decoder) objects(field string, each func()) bool {
	if d.null() {
		return false
	}
	if d.peek() != '[' {
		d.wrongType(field)
		d.skip(0)
		return false
	}
	d.array(1, func() {
		if d.peek() != '{' {
			d.wrongType(field)
			d.skip(1)
			return
		}
		each()
	})
	return true
}

// context decodes a decision's "context": an array of {role, text} objects.
func (d *decoder) context() []Turn {
	turns := []Turn{}
	d.hasContext = d.objects("context", func() {
		var t Turn
		hasText := false
		d.object(2, func(key []byte) {
			switch string(key) {
			case "role":
				d.setStr(&t.Role, "context.role")
			case "text":
				d.setStr(&t.Text, "context.text")
				hasText = hasText || d.present
			default:
				d.skip(2)
			}
		})
		if t.Role == "" {
			d.setFieldErr(fieldErr("context.role", errMissing))
		}
		if !hasText {
			d.setFieldErr(fieldErr("context.text", errMissing))
		}
		turns = append(turns, t)
	})
	if !d.hasContext {
		return nil
	}
	return turns
}

// candidates decodes a decision's "candidates" and keeps only the model
// names; the candidate texts are skipped without copying.
func (d *decoder) candidates() []string {
	models := []string{}
	d.hasCandidates = d.objects("candidates", func() {
		model := ""
		d.object(2, func(key []byte) {
			if string(key) == "model" {
				d.setStr(&model, "candidates.model")
			} else {
				d.skip(2)
			}
		})
		if model == "" {
			d.setFieldErr(fieldErr("candidates.model", errMissing))
		}
		models = append(models, model)
	})
	if !d.hasCandidates {
		return nil
	}
	return models
}

// DecodeOptOut decodes one record of the opt-out topic: key "user:<id>" or
// "tenant:<id>", value {"training":bool,"decisions":bool,"ts":RFC 3339}
// with absent fields meaning consent, or an empty value (a tombstone)
// restoring the defaults. Errors are *RejectError, as for Decode.
func DecodeOptOut(key, value []byte, maxBytes int) (OptOut, error) {
	var o OptOut
	switch {
	case bytes.HasPrefix(key, []byte("user:")):
		o.Kind, o.ID = SubjectUser, string(key[len("user:"):])
	case bytes.HasPrefix(key, []byte("tenant:")):
		o.Kind, o.ID = SubjectTenant, string(key[len("tenant:"):])
	default:
		return OptOut{}, fieldErr("key", errBadValue)
	}
	if o.ID == "" {
		return OptOut{}, fieldErr("key", errMissing)
	}
	o.Training, o.Decisions = true, true
	if len(value) == 0 {
		o.Tombstone = true
		return o, nil
	}
	if maxBytes > 0 && len(value) > maxBytes {
		return OptOut{}, reject(CodeOversize, fmt.Errorf("record of %d bytes exceeds limit of %d", len(value), maxBytes))
	}
	if !utf8.Valid(value) {
		return OptOut{}, reject(CodeBadUTF8, errors.New("invalid UTF-8"))
	}
	d := decoder{b: value}
	d.ws()
	ok := d.object(0, func(k []byte) {
		switch string(k) {
		case "training":
			o.Training = d.bool("training", o.Training)
		case "decisions":
			o.Decisions = d.bool("decisions", o.Decisions)
		case "ts":
			o.TS = d.ts("ts")
		default:
			d.skip(0)
		}
	})
	if !ok {
		return OptOut{}, d.syntaxErr()
	}
	if err := d.finish(); err != nil {
		return OptOut{}, err
	}
	if d.fieldErr != nil {
		return OptOut{}, d.fieldErr
	}
	return o, nil
}

// decoder is a single-pass JSON scanner over one record. Syntax errors stop
// it (err); field errors (wrong type, bad value) are recorded, the value is
// skipped, and scanning goes on so that bad_json takes precedence.
type decoder struct {
	b     []byte
	i     int
	arena []byte // backing store of decoded strings; cap len(b), never grows
	// owned: strings may alias b (DecodeOwned); arena is then unused.
	owned bool
	err   *RejectError
	// fieldErr is the first field error met.
	fieldErr *RejectError
	// present is set by str and ts: whether the value was non-null.
	present                                   bool
	hasTS, hasText, hasContext, hasCandidates bool
}

func (d *decoder) fail(reason string) {
	if d.err == nil {
		d.err = reject(CodeBadJSON, fmt.Errorf("%s at byte %d", reason, d.i))
	}
}

func (d *decoder) syntaxErr() *RejectError {
	if d.err == nil {
		d.fail("syntax error")
	}
	return d.err
}

func (d *decoder) setFieldErr(e *RejectError) {
	if d.fieldErr == nil {
		d.fieldErr = e
	}
}

func (d *decoder) wrongType(field string) { d.setFieldErr(fieldErr(field, errWrongType)) }

func (d *decoder) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) peek() byte {
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

// null consumes a null literal if one is next.
func (d *decoder) null() bool {
	if bytes.HasPrefix(d.b[d.i:], []byte("null")) {
		d.i += 4
		return true
	}
	return false
}

// object scans an object at depth, calling field for each key with d
// positioned at the value, which field must consume. It reports whether
// the object was well formed.
func (d *decoder) object(depth int, field func(key []byte)) bool {
	if depth > maxDepth {
		d.err = reject(CodeBadJSON, errTooDeep)
		return false
	}
	if d.peek() != '{' {
		d.fail("expected an object")
		return false
	}
	d.i++
	d.ws()
	if d.peek() == '}' {
		d.i++
		return true
	}
	for {
		if d.peek() != '"' {
			d.fail("expected a key")
			return false
		}
		key, _, ok := d.scanString(nil)
		if !ok {
			return false
		}
		d.ws()
		if d.peek() != ':' {
			d.fail("expected a colon")
			return false
		}
		d.i++
		d.ws()
		field(key)
		if d.err != nil {
			return false
		}
		d.ws()
		switch d.peek() {
		case ',':
			d.i++
			d.ws()
		case '}':
			d.i++
			return true
		default:
			d.fail("expected a comma or a closing brace")
			return false
		}
	}
}

// array scans an array at depth, calling elem with d positioned at each
// element, which elem must consume.
func (d *decoder) array(depth int, elem func()) bool {
	if depth > maxDepth {
		d.err = reject(CodeBadJSON, errTooDeep)
		return false
	}
	d.i++ // '['
	d.ws()
	if d.peek() == ']' {
		d.i++
		return true
	}
	for {
		elem()
		if d.err != nil {
			return false
		}
		d.ws()
		switch d.peek() {
		case ',':
			d.i++
			d.ws()
		case ']':
			d.i++
			return true
		default:
			d.fail("expected a comma or a closing bracket")
			return false
		}
	}
}

// skip validates and consumes any value.
func (d *decoder) skip(depth int) {
	switch c := d.peek(); {
	case c == '{':
		d.object(depth+1, func([]byte) { d.skip(depth + 1) })
	case c == '[':
		d.array(depth+1, func() { d.skip(depth + 1) })
	case c == '"':
		d.skipString()
	case c == '-' || c >= '0' && c <= '9':
		d.number()
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	default:
		d.fail("expected a value")
	}
}

func (d *decoder) literal(lit string) {
	if !bytes.HasPrefix(d.b[d.i:], []byte(lit)) {
		d.fail("invalid literal")
		return
	}
	d.i += len(lit)
}

// number consumes a JSON number and reports whether it was a plain
// non-negative integer (no sign, fraction or exponent).
func (d *decoder) number() (integer bool) {
	integer = true
	if d.peek() == '-' {
		integer = false
		d.i++
	}
	switch c := d.peek(); {
	case c == '0':
		d.i++
	case c >= '1' && c <= '9':
		for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
			d.i++
		}
	default:
		d.fail("invalid number")
		return false
	}
	if d.peek() == '.' {
		integer = false
		d.i++
		if !d.digits() {
			return false
		}
	}
	if c := d.peek(); c == 'e' || c == 'E' {
		integer = false
		d.i++
		if c := d.peek(); c == '+' || c == '-' {
			d.i++
		}
		if !d.digits() {
			return false
		}
	}
	return integer
}

func (d *decoder) digits() bool {
	n := 0
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
		n++
	}
	if n == 0 {
		d.fail("invalid number")
	}
	return n > 0
}

// int decodes a non-negative integer field; null counts as absent (0).
func (d *decoder) int(field string) int64 {
	if d.null() {
		return 0
	}
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		d.wrongType(field)
		d.skip(0)
		return 0
	}
	start := d.i
	if !d.number() {
		if d.err == nil {
			d.setFieldErr(fieldErr(field, errBadInt))
		}
		return 0
	}
	var n int64
	for _, c := range d.b[start:d.i] {
		if n > (1<<63-1-9)/10 {
			d.setFieldErr(fieldErr(field, errBadInt))
			return 0
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

func (d *decoder) bool(field string, absent bool) bool {
	switch {
	case d.null():
		return absent
	case bytes.HasPrefix(d.b[d.i:], []byte("true")):
		d.i += 4
		return true
	case bytes.HasPrefix(d.b[d.i:], []byte("false")):
		d.i += 5
		return false
	}
	d.wrongType(field)
	d.skip(0)
	return absent
}

// skipString validates and consumes a string without decoding it.
func (d *decoder) skipString() {
	d.i++ // '"'
	for {
		d.plain()
		if d.i >= len(d.b) {
			d.fail("unterminated string")
			return
		}
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return
		case c == '\\':
			if !d.escape(nil, false) {
				return
			}
		default:
			d.fail("control character in string")
			return
		}
	}
}

// SWAR constants: one in every byte, the top bit of every byte.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// plain advances d.i past string bytes that need no attention: anything
// but '"', '\\' and control characters. It tests eight bytes at a time
// (haszero and hasless from "Bit Twiddling Hacks"; bytes >= 0x80 never
// match), then finishes byte by byte.
func (d *decoder) plain() {
	b, i := d.b, d.i
	for i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		q := x ^ (lsb * '"')
		e := x ^ (lsb * '\\')
		if ((q-lsb)&^q|(e-lsb)&^e|(x-lsb*0x20)&^x)&msb != 0 {
			break
		}
		i += 8
	}
	for i < len(b) {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	d.i = i
}

// scanString consumes a string, returning its unescaped bytes: a slice of
// the input when it has no escapes (escaped false), otherwise dst with the
// bytes appended.
func (d *decoder) scanString(dst []byte) (s []byte, escaped, ok bool) {
	d.i++ // '"'
	start := d.i
	d.plain()
	if d.i < len(d.b) && d.b[d.i] == '"' {
		s := d.b[start:d.i]
		d.i++
		return s, false, true
	}
	dst = append(dst, d.b[start:d.i]...)
	for {
		if d.i >= len(d.b) {
			d.fail("unterminated string")
			return nil, false, false
		}
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return dst, true, true
		case c == '\\':
			if dst, ok = d.escapeAppend(dst); !ok {
				return nil, false, false
			}
		default:
			d.fail("control character in string")
			return nil, false, false
		}
		from := d.i
		d.plain()
		dst = append(dst, d.b[from:d.i]...)
	}
}

func (d *decoder) escapeAppend(dst []byte) ([]byte, bool) {
	var r rune
	ok := d.escape(&r, true)
	if !ok {
		return nil, false
	}
	return utf8.AppendRune(dst, r), true
}

// escape consumes one escape sequence at d.i (the backslash), storing the
// rune in r when decode is set.
func (d *decoder) escape(r *rune, decode bool) bool {
	if d.i+1 >= len(d.b) {
		d.fail("unterminated string")
		return false
	}
	c := d.b[d.i+1]
	d.i += 2
	var v rune
	switch c {
	case '"', '\\', '/':
		v = rune(c)
	case 'b':
		v = '\b'
	case 'f':
		v = '\f'
	case 'n':
		v = '\n'
	case 'r':
		v = '\r'
	case 't':
		v = '\t'
	case 'u':
		u, ok := d.hex4()
		if !ok {
			return false
		}
		v = u
		if utf16.IsSurrogate(u) {
			if u >= 0xDC00 || !bytes.HasPrefix(d.b[d.i:], []byte(`\u`)) {
				d.err = reject(CodeBadUTF8, errSurrogate)
				return false
			}
			d.i += 2
			lo, ok := d.hex4()
			if !ok {
				return false
			}
			v = utf16.DecodeRune(u, lo)
			if v == utf8.RuneError {
				d.err = reject(CodeBadUTF8, errSurrogate)
				return false
			}
		}
	default:
		d.i -= 2
		d.fail("invalid escape")
		return false
	}
	if decode {
		*r = v
	}
	return true
}

func (d *decoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		d.fail("invalid unicode escape")
		return 0, false
	}
	var v rune
	for _, c := range d.b[d.i : d.i+4] {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | rune(c-'A'+10)
		default:
			d.fail("invalid unicode escape")
			return 0, false
		}
	}
	d.i += 4
	return v, true
}

// rawString decodes a string field into a temporary slice (valid until the
// next string is decoded); ok is false for null and wrong types.
func (d *decoder) rawString(field string) ([]byte, bool) {
	d.present = false
	if d.null() {
		return nil, false
	}
	if d.peek() != '"' {
		d.wrongType(field)
		d.skip(0)
		return nil, false
	}
	s, _, ok := d.scanString(nil)
	d.present = ok
	return s, ok
}

// setStr decodes a string field into *dst; null leaves *dst as it was,
// like encoding/json.
func (d *decoder) setStr(dst *string, field string) {
	if s := d.str(field); d.present {
		*dst = s
	}
}

// str decodes a string field into the arena; null gives "" with present
// unset.
//
// The arena has the capacity of the whole record and no decoded value is
// longer than its encoding, so appends do not reallocate; if one did,
// earlier strings would still be valid, since appending never writes below
// len and the old array stays alive through them.
func (d *decoder) str(field string) string {
	d.present = false
	if d.null() {
		return ""
	}
	if d.peek() != '"' {
		d.wrongType(field)
		d.skip(0)
		return ""
	}
	if d.owned {
		// Unescaped: a slice of b. Escaped: appended to a fresh slice.
		s, _, ok := d.scanString(nil)
		if !ok {
			return ""
		}
		d.present = true
		if len(s) == 0 {
			return ""
		}
		return unsafe.String(&s[0], len(s))
	}
	start := len(d.arena)
	s, escaped, ok := d.scanString(d.arena)
	if !ok {
		return ""
	}
	d.present = true
	if escaped {
		d.arena = s
	} else {
		d.arena = append(d.arena, s...)
	}
	if len(d.arena) == start {
		return ""
	}
	return unsafe.String(&d.arena[start], len(d.arena)-start)
}

// metadataText decodes an object value into the text the anonymizer scans:
// a line "key: value" for every string and number in it, nested keys joined
// with dots ("device.id: …"), strings unescaped; nil for null. Raw JSON
// would reach the detectors as one long token of quotes and commas, and
// escapes could hide an identifier ("\u0040"); as text, each value is its
// own token and its key a cue ("phone: …").
func (d *decoder) metadataText(field string) []byte {
	if d.null() {
		return nil
	}
	if d.peek() != '{' {
		d.wrongType(field)
		d.skip(0)
		return nil
	}
	out := d.flatten(0, make([]byte, 0, 256), nil)
	if d.err != nil {
		return nil
	}
	return out
}

// flatten appends the lines of the value at d.i, under key path, to out.
func (d *decoder) flatten(depth int, out, path []byte) []byte {
	switch c := d.peek(); {
	case c == '{':
		d.object(depth+1, func(key []byte) {
			p := path
			if len(p) > 0 {
				p = append(p, '.')
			}
			out = d.flatten(depth+1, out, append(p, key...))
		})
	case c == '[':
		d.array(depth+1, func() { out = d.flatten(depth+1, out, path) })
	case c == '"':
		line := len(out)
		out = append(append(out, path...), ": "...)
		s, escaped, ok := d.scanString(out)
		switch {
		case !ok:
			return out[:line]
		case escaped:
			out = s
		default:
			out = append(out, s...)
		}
		out = append(out, '\n')
	case c == '-' || c >= '0' && c <= '9':
		start := d.i
		d.number()
		out = append(append(append(append(out, path...), ": "...), d.b[start:d.i]...), '\n')
	default: // true, false, null: no identifier
		d.skip(depth)
	}
	return out
}

// ts decodes an RFC 3339 timestamp field into UTC; present is set for
// non-null values.
func (d *decoder) ts(field string) time.Time {
	s, ok := d.rawString(field)
	if !ok {
		return time.Time{}
	}
	t, ok := parseRFC3339(s)
	if !ok {
		d.setFieldErr(fieldErr(field, errBadTime))
		return time.Time{}
	}
	return t
}

// parseRFC3339 parses YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM) (RFC 3339
// section 5.6; 'T' and 'Z' in either case) without the cost of time.Parse.
func parseRFC3339(s []byte) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := atoiN(s[0:4])
	month, ok2 := atoiN(s[5:7])
	day, ok3 := atoiN(s[8:10])
	hour, ok4 := atoiN(s[11:13])
	minute, ok5 := atoiN(s[14:16])
	sec, ok6 := atoiN(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) ||
		month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	if day > daysIn(month, year) {
		return time.Time{}, false
	}
	i := 19
	nsec := 0
	if s[i] == '.' {
		i++
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-start < 9 {
				nsec = nsec*10 + int(s[i]-'0')
			}
			i++
		}
		n := i - start
		if n == 0 {
			return time.Time{}, false
		}
		for ; n < 9; n++ {
			nsec *= 10
		}
	}
	if i >= len(s) {
		return time.Time{}, false
	}
	offset := 0
	switch s[i] {
	case 'Z', 'z':
		i++
	case '+', '-':
		if len(s)-i != 6 || s[i+3] != ':' {
			return time.Time{}, false
		}
		oh, okh := atoiN(s[i+1 : i+3])
		om, okm := atoiN(s[i+4 : i+6])
		if !okh || !okm || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		offset = (oh*60 + om) * 60
		if s[i] == '-' {
			offset = -offset
		}
		i += 6
	default:
		return time.Time{}, false
	}
	if i != len(s) {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), true
}

func atoiN(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
