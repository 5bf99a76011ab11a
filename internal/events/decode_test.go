package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const (
	messageJSON = `{"type":"message","event_id":"e-1","tenant_id":"acme","user_id":"u-42",
 "conversation_id":"c-9","channel":"voice","role":"user","ts":"2026-11-22T10:00:00Z",
 "text":"hi this is anna my number is four one five five five five oh one nine two",
 "lang":"en","metadata":{"ip":"203.0.113.7","user_agent":"Mozilla/5.0"}}`
	decisionJSON = `{"type":"decision","event_id":"e-2","tenant_id":"acme","user_id":"u-42","conversation_id":"c-9",
 "ts":"2026-11-22T10:00:05.123456+02:00","context":[{"role":"user","text":"my card is 4111 1111 1111 1111"},{"role":"assistant","text":"thanks"}],
 "candidates":[{"model":"m-a","text":"SECRET-A"},{"model":"m-b","text":"SECRET-B"}],"choice":"m-b"}`
	feedbackJSON = `{"type":"feedback","event_id":"e-3","tenant_id":"acme","user_id":"u-42","conversation_id":"c-9",
 "ts":"2026-11-22T10:01:00Z","message_id":"e-1","model":"m-b","rating":"up","channel":"chat"}`
	usageJSON = `{"type":"usage","event_id":"e-4","tenant_id":"acme","user_id":"u-42","conversation_id":"c-9",
 "ts":"2026-11-22T10:01:00Z","model":"m-b","input_tokens":12,"output_tokens":340,"input_chars":50,"output_chars":1400,"latency_ms":812}`
)

// decoders are the two forms of Decode, which must agree.
var decoders = []struct {
	name   string
	decode func([]byte, int) (Event, error)
}{{"Decode", Decode}, {"DecodeOwned", DecodeOwned}}

func TestDecodeValid(t *testing.T) {
	ts := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		give string
		want Event
	}{
		{
			name: "message",
			give: messageJSON,
			want: Event{
				Type: TypeMessage, EventID: "e-1", TenantID: "acme", UserID: "u-42", ConversationID: "c-9",
				Channel: "voice", Role: "user", TS: ts, Lang: "en",
				Text:     "hi this is anna my number is four one five five five five oh one nine two",
				Metadata: []byte("ip: 203.0.113.7\nuser_agent: Mozilla/5.0\n"),
			},
		},
		{
			name: "decision keeps model names only",
			give: decisionJSON,
			want: Event{
				Type: TypeDecision, EventID: "e-2", TenantID: "acme", UserID: "u-42", ConversationID: "c-9",
				TS:      time.Date(2026, 11, 22, 8, 0, 5, 123456000, time.UTC),
				Context: []Turn{{Role: "user", Text: "my card is 4111 1111 1111 1111"}, {Role: "assistant", Text: "thanks"}},
				Models:  []string{"m-a", "m-b"}, Choice: "m-b",
			},
		},
		{
			name: "feedback",
			give: feedbackJSON,
			want: Event{
				Type: TypeFeedback, EventID: "e-3", TenantID: "acme", UserID: "u-42", ConversationID: "c-9",
				TS: ts.Add(time.Minute), MessageID: "e-1", Model: "m-b", Rating: "up", Channel: "chat",
			},
		},
		{
			name: "usage",
			give: usageJSON,
			want: Event{
				Type: TypeUsage, EventID: "e-4", TenantID: "acme", UserID: "u-42", ConversationID: "c-9",
				TS: ts.Add(time.Minute), Model: "m-b", InputTokens: 12, OutputTokens: 340, InputChars: 50,
				OutputChars: 1400, LatencyMS: 812,
			},
		},
		{
			name: "escapes, unknown fields, nulls, empty text",
			give: `{"x":[1,{"y":null}],"type":"message","event_id":"e\u002d5","tenant_id":"acme","user_id":"u\"1",
				"conversation_id":"c","channel":"sms","role":"agent","ts":"2026-01-02T03:04:05.5z","text":"",
				"lang":null,"metadata":null,"extra":{"deep":[true,false,-1.5e3]},"text2":"\ud83d\ude00\n\u00e9"}`,
			want: Event{
				Type: TypeMessage, EventID: "e-5", TenantID: "acme", UserID: `u"1`, ConversationID: "c",
				Channel: "sms", Role: "agent", TS: time.Date(2026, 1, 2, 3, 4, 5, 500000000, time.UTC),
			},
		},
		{
			name: "text with every escape",
			give: `{"type":"message","event_id":"e","tenant_id":"t","user_id":"u","conversation_id":"c","channel":"chat",
				"role":"user","ts":"2026-01-02T03:04:05-01:30","text":"a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\ud83d\ude00 ü"}`,
			want: Event{
				Type: TypeMessage, EventID: "e", TenantID: "t", UserID: "u", ConversationID: "c", Channel: "chat",
				Role: "user", TS: time.Date(2026, 1, 2, 4, 34, 5, 0, time.UTC),
				Text: "a\"b\\c/d\be\ff\ng\rh\tié😀 ü",
			},
		},
	}
	for _, tt := range tests {
		for _, dec := range decoders {
			t.Run(dec.name+"/"+tt.name, func(t *testing.T) {
				give := []byte(tt.give)
				got, err := dec.decode(give, 1<<20)
				if err != nil {
					t.Fatalf("%s(%s) error: %v", dec.name, tt.name, err)
				}
				if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s(%s) mismatch (-want +got):\n%s", dec.name, tt.name, diff)
				}
				if string(give) != tt.give {
					t.Errorf("%s(%s) modified its input", dec.name, tt.name)
				}
			})
		}
	}
}

// TestDecodeMatchesEncodingJSON checks the hand-written decoder against the
// standard library on the contract's examples.
func TestDecodeMatchesEncodingJSON(t *testing.T) {
	type ref struct {
		EventID, TenantID, UserID, ConversationID, Channel, Role, Lang, Text, Choice string
		Model, Rating, MessageID                                                     string
		Context                                                                      []Turn
	}
	tests := []struct {
		name string
		give string
	}{
		{name: "message", give: messageJSON},
		{name: "decision", give: decisionJSON},
		{name: "feedback", give: feedbackJSON},
		{name: "usage", give: usageJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want struct {
				EventID        string `json:"event_id"`
				TenantID       string `json:"tenant_id"`
				UserID         string `json:"user_id"`
				ConversationID string `json:"conversation_id"`
				Channel        string `json:"channel"`
				Role           string `json:"role"`
				Lang           string `json:"lang"`
				Text           string `json:"text"`
				Choice         string `json:"choice"`
				Model          string `json:"model"`
				Rating         string `json:"rating"`
				MessageID      string `json:"message_id"`
				Context        []Turn `json:"context"`
			}
			if err := json.Unmarshal([]byte(tt.give), &want); err != nil {
				t.Fatalf("json.Unmarshal: %v", err)
			}
			ev, err := Decode([]byte(tt.give), 0)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got := ref{ev.EventID, ev.TenantID, ev.UserID, ev.ConversationID, ev.Channel, ev.Role, ev.Lang,
				ev.Text, ev.Choice, ev.Model, ev.Rating, ev.MessageID, ev.Context}
			if diff := cmp.Diff(ref(want), got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Decode(%s) differs from encoding/json (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestDecodeMetadataText(t *testing.T) {
	tests := []struct {
		name string
		give string // the metadata value
		want string
	}{
		{name: "flat", give: `{"ip":"203.0.113.7","user_agent":"Mozilla/5.0 (X11)"}`, want: "ip: 203.0.113.7\nuser_agent: Mozilla/5.0 (X11)\n"},
		{name: "nested keys join with dots", give: `{"device":{"id":"d-9","os":{"name":"iOS"}}}`, want: "device.id: d-9\ndevice.os.name: iOS\n"},
		{name: "array elements keep their key", give: `{"ips":["192.0.2.1","192.0.2.2"]}`, want: "ips: 192.0.2.1\nips: 192.0.2.2\n"},
		{name: "escapes are decoded", give: `{"email":"anna\u0040example.com","note":"a\"b"}`, want: "email: anna@example.com\nnote: a\"b\n"},
		{name: "numbers kept, literals dropped", give: `{"phone":4155550192,"vip":true,"x":null,"score":-1.5e3}`, want: "phone: 4155550192\nscore: -1.5e3\n"},
		{name: "empty object", give: `{}`, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			give := strings.Replace(messageJSON, `{"ip":"203.0.113.7","user_agent":"Mozilla/5.0"}`, tt.give, 1)
			ev, err := Decode([]byte(give), 0)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got := string(ev.Metadata); got != tt.want {
				t.Errorf("Decode(metadata %s).Metadata = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestDecodeReject(t *testing.T) {
	msg := func(repl ...string) string { return strings.NewReplacer(repl...).Replace(messageJSON) }
	dec := func(repl ...string) string { return strings.NewReplacer(repl...).Replace(decisionJSON) }
	tests := []struct {
		name      string
		give      string
		wantCode  string
		wantField string
	}{
		{name: "oversize", give: messageJSON + strings.Repeat(" ", 2000), wantCode: CodeOversize},
		{name: "invalid utf8", give: msg("anna", "an\xffna"), wantCode: CodeBadUTF8},
		{name: "lone surrogate", give: msg("anna", `an\ud800na`), wantCode: CodeBadUTF8},
		{name: "reversed surrogates", give: msg("anna", `\udc00\ud800`), wantCode: CodeBadUTF8},
		{name: "empty", give: "", wantCode: CodeBadJSON},
		{name: "not an object", give: `["message"]`, wantCode: CodeBadJSON},
		{name: "truncated", give: messageJSON[:len(messageJSON)-10], wantCode: CodeBadJSON},
		{name: "trailing data", give: messageJSON + "{}", wantCode: CodeBadJSON},
		{name: "trailing comma", give: msg(`"en",`, `"en",,`), wantCode: CodeBadJSON},
		{name: "bad escape", give: msg("anna", `an\xna`), wantCode: CodeBadJSON},
		{name: "control char", give: msg("anna", "an\tna"), wantCode: CodeBadJSON},
		{name: "bad literal", give: msg(`"lang":"en"`, `"lang":nul`), wantCode: CodeBadJSON},
		{name: "bad number", give: msg(`"lang":"en"`, `"x":01`), wantCode: CodeBadJSON},
		{name: "too deep", give: msg(`"lang":"en"`, `"x":`+strings.Repeat("[", 300)+strings.Repeat("]", 300)), wantCode: CodeBadJSON},
		{name: "syntax beats field errors", give: msg(`"ts":"2026-11-22T10:00:00Z"`, `"ts":1`)[:200], wantCode: CodeBadJSON},
		{name: "unknown type", give: msg(`"type":"message"`, `"type":"chat"`), wantCode: CodeBadType},
		{name: "type wrong type", give: msg(`"type":"message"`, `"type":7`), wantCode: CodeBadField, wantField: "type"},
		{name: "type missing", give: msg(`"type":"message",`, ``), wantCode: CodeBadField, wantField: "type"},
		{name: "event_id missing", give: msg(`"event_id":"e-1",`, ``), wantCode: CodeBadField, wantField: "event_id"},
		{name: "tenant_id number", give: msg(`"tenant_id":"acme"`, `"tenant_id":12`), wantCode: CodeBadField, wantField: "tenant_id"},
		{name: "user_id missing", give: msg(`"user_id":"u-42",`, ``), wantCode: CodeBadField, wantField: "user_id"},
		{name: "ts missing", give: msg(`"ts":"2026-11-22T10:00:00Z",`, ``), wantCode: CodeBadField, wantField: "ts"},
		{name: "ts not rfc3339", give: msg(`2026-11-22T10:00:00Z`, `22/11/2026 10:00`), wantCode: CodeBadField, wantField: "ts"},
		{name: "ts no zone", give: msg(`2026-11-22T10:00:00Z`, `2026-11-22T10:00:00`), wantCode: CodeBadField, wantField: "ts"},
		{name: "ts feb 30", give: msg(`2026-11-22T10:00:00Z`, `2026-02-30T10:00:00Z`), wantCode: CodeBadField, wantField: "ts"},
		{name: "ts hour 24", give: msg(`2026-11-22T10:00:00Z`, `2026-11-22T24:00:00Z`), wantCode: CodeBadField, wantField: "ts"},
		{name: "channel unknown", give: msg(`"voice"`, `"../../etc"`), wantCode: CodeBadField, wantField: "channel"},
		{name: "channel missing", give: msg(`"channel":"voice",`, ``), wantCode: CodeBadField, wantField: "channel"},
		{name: "role unknown", give: msg(`"role":"user"`, `"role":"admin"`), wantCode: CodeBadField, wantField: "role"},
		{name: "text missing", give: msg(`"text":`, `"x":`), wantCode: CodeBadField, wantField: "text"},
		{name: "text array", give: msg(`"lang":"en"`, `"text":[1]`), wantCode: CodeBadField, wantField: "text"},
		{name: "metadata string", give: msg(`"metadata":{"ip":"203.0.113.7","user_agent":"Mozilla/5.0"}`, `"metadata":"x"`), wantCode: CodeBadField, wantField: "metadata"},
		{name: "decision context missing", give: dec(`"context"`, `"ctx"`), wantCode: CodeBadField, wantField: "context"},
		{name: "decision context object", give: dec(`[{"role":"user","text":"my card is 4111 1111 1111 1111"},{"role":"assistant","text":"thanks"}]`, `{}`), wantCode: CodeBadField, wantField: "context"},
		{name: "decision turn role", give: dec(`{"role":"assistant",`, `{"role":"bot",`), wantCode: CodeBadField, wantField: "context.role"},
		{name: "decision turn text missing", give: dec(`"text":"thanks"`, `"txt":"thanks"`), wantCode: CodeBadField, wantField: "context.text"},
		{name: "decision candidates missing", give: dec(`"candidates"`, `"cands"`), wantCode: CodeBadField, wantField: "candidates"},
		{name: "decision candidate model missing", give: dec(`{"model":"m-a",`, `{`), wantCode: CodeBadField, wantField: "candidates.model"},
		{name: "decision choice unknown", give: dec(`"choice":"m-b"`, `"choice":"m-z"`), wantCode: CodeBadField, wantField: "choice"},
		{name: "feedback rating", give: strings.Replace(feedbackJSON, `"up"`, `"meh"`, 1), wantCode: CodeBadField, wantField: "rating"},
		{name: "feedback model missing", give: strings.Replace(feedbackJSON, `"model"`, `"m"`, 1), wantCode: CodeBadField, wantField: "model"},
		{name: "usage negative", give: strings.Replace(usageJSON, `340`, `-340`, 1), wantCode: CodeBadField, wantField: "output_tokens"},
		{name: "usage fraction", give: strings.Replace(usageJSON, `812`, `8.12`, 1), wantCode: CodeBadField, wantField: "latency_ms"},
		{name: "usage string", give: strings.Replace(usageJSON, `812`, `"812"`, 1), wantCode: CodeBadField, wantField: "latency_ms"},
		{name: "usage overflow", give: strings.Replace(usageJSON, `812`, `99999999999999999999`, 1), wantCode: CodeBadField, wantField: "latency_ms"},
	}
	for _, tt := range tests {
		for _, dec := range decoders {
			t.Run(dec.name+"/"+tt.name, func(t *testing.T) {
				_, err := dec.decode([]byte(tt.give), 1000)
				var re *RejectError
				if !errors.As(err, &re) {
					t.Fatalf("%s(%s) error = %v, want a *RejectError", dec.name, tt.name, err)
				}
				if re.Code != tt.wantCode || re.Field != tt.wantField {
					t.Errorf("%s(%s) = code %q field %q (%v), want code %q field %q", dec.name, tt.name, re.Code, re.Field, err, tt.wantCode, tt.wantField)
				}
				assertNoRecordText(t, err.Error())
			})
		}
	}
}

// assertNoRecordText fails if an error message holds any value that the
// test records use as identifiers or text.
func assertNoRecordText(t *testing.T, msg string) {
	t.Helper()
	for _, v := range []string{"acme", "u-42", "c-9", "e-1", "anna", "203.0.113", "4111", "SECRET", "m-z", "meh", "../", "admin", "22/11"} {
		if strings.Contains(msg, v) {
			t.Errorf("error message %q contains record value %q", msg, v)
		}
	}
}

func TestDecodeOptOut(t *testing.T) {
	ts := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		giveKey  string
		giveVal  string
		want     OptOut
		wantCode string
	}{
		{name: "user out of everything", giveKey: "user:u-42", giveVal: `{"training":false,"decisions":false,"ts":"2026-11-22T10:00:00Z"}`,
			want: OptOut{Kind: SubjectUser, ID: "u-42", TS: ts}},
		{name: "tenant out of decisions", giveKey: "tenant:acme", giveVal: `{"decisions":false}`,
			want: OptOut{Kind: SubjectTenant, ID: "acme", Training: true}},
		{name: "tombstone", giveKey: "user:u-42", giveVal: "",
			want: OptOut{Kind: SubjectUser, ID: "u-42", Training: true, Decisions: true, Tombstone: true}},
		{name: "unknown fields", giveKey: "user:u", giveVal: `{"x":{"y":[1]},"training":null}`,
			want: OptOut{Kind: SubjectUser, ID: "u", Training: true, Decisions: true}},
		{name: "bad key", giveKey: "device:d-1", giveVal: `{}`, wantCode: CodeBadField},
		{name: "empty id", giveKey: "user:", giveVal: `{}`, wantCode: CodeBadField},
		{name: "bad json", giveKey: "user:u", giveVal: `{"training":`, wantCode: CodeBadJSON},
		{name: "training string", giveKey: "user:u", giveVal: `{"training":"no"}`, wantCode: CodeBadField},
		{name: "bad ts", giveKey: "user:u", giveVal: `{"ts":"yesterday"}`, wantCode: CodeBadField},
		{name: "bad utf8", giveKey: "user:u", giveVal: "{\"x\":\"\xff\"}", wantCode: CodeBadUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeOptOut([]byte(tt.giveKey), []byte(tt.giveVal), 1000)
			code := ""
			if re := (*RejectError)(nil); errors.As(err, &re) {
				code = re.Code
				assertNoRecordText(t, err.Error())
			}
			if code != tt.wantCode {
				t.Fatalf("DecodeOptOut(%s) error = %v, want code %q", tt.name, err, tt.wantCode)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("DecodeOptOut(%s) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{messageJSON, decisionJSON, feedbackJSON, usageJSON, `{}`, `{"type":"message"}`, `[`, `"\ud800"`} {
		f.Add([]byte(s))
	}
	codes := []string{CodeOversize, CodeBadUTF8, CodeBadJSON, CodeBadType, CodeBadField}
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := Decode(b, 4096)
		if err != nil {
			var re *RejectError
			if !errors.As(err, &re) {
				t.Fatalf("Decode error %v is not a *RejectError", err)
			}
			if !slices.Contains(codes, re.Code) {
				t.Fatalf("Decode error code %q unknown", re.Code)
			}
			if re.Code == CodeBadJSON && json.Valid(b) && bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n"), []byte("{")) {
				t.Fatalf("Decode says bad_json, encoding/json says valid: %v", err)
			}
			return
		}
		if !json.Valid(b) {
			t.Fatalf("Decode accepted JSON that encoding/json rejects")
		}
		if ev.Type < TypeMessage || ev.Type > TypeUsage || ev.EventID == "" || ev.TenantID == "" ||
			ev.UserID == "" || ev.TS.Location() != time.UTC {
			t.Fatalf("Decode returned an event missing required fields: type %v", ev.Type)
		}
		if len(ev.Metadata) > 0 && ev.Metadata[len(ev.Metadata)-1] != '\n' {
			t.Fatalf("Decode returned metadata text that does not end a line")
		}
	})
}
