// Package corpus generates a reproducible synthetic corpus of conversations
// for benchmarks, labeled-corpus work and demos: chat, SMS, WhatsApp, web chat,
// e-mail-like and voice-transcript turns in seven languages, about 15% of them
// carrying planted identifiers whose gold spans are recorded, and hard
// negatives (prices, dates, versions, UUIDs, git SHAs, ISBNs …) everywhere.
//
// Every identifier is synthetic: example.com addresses, 555 and drama-range
// phone numbers, published test card numbers, documentation IP ranges,
// random IBANs with valid check digits. The vocabulary is compact and lives
// in code; nothing is downloaded. The same seed always gives the same corpus.
//
// The package imports none of convanon's packages; its Type names equal the
// detectors' kind names.
package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Type names a kind of planted identifier; the names equal detectors.Kind
// names ("EMAIL", "PHONE" …).
type Type string

// The types the generator plants.
const (
	Email       Type = "EMAIL"
	URL         Type = "URL"
	IPAddress   Type = "IP_ADDRESS"
	MACAddress  Type = "MAC_ADDRESS"
	Phone       Type = "PHONE"
	CreditCard  Type = "CREDIT_CARD"
	IBAN        Type = "IBAN"
	USSSN       Type = "US_SSN"
	Crypto      Type = "CRYPTO"
	Secret      Type = "SECRET"
	Person      Type = "PERSON"
	Address     Type = "ADDRESS"
	DateOfBirth Type = "DATE_OF_BIRTH"
	Operational Type = "OPERATIONAL"
)

// Span is the gold label of one planted identifier: its type and byte
// offsets into Message.Text, End exclusive.
type Span struct {
	Type  Type `json:"type"`
	Start int  `json:"start"`
	End   int  `json:"end"`
}

// Message is one turn of a generated conversation. Its JSON form is the
// labeled-corpus line {"id","text","spans",…}.
type Message struct {
	ID             string `json:"id"`
	ConversationID string `json:"conversation_id"`
	Turn           int    `json:"turn"`    // 0-based position in the conversation
	Role           string `json:"role"`    // user or assistant
	Channel        string `json:"channel"` // chat, sms, whatsapp, webchat, email or voice
	Lang           string `json:"lang"`    // ISO 639-1 code of the language it was written in
	Text           string `json:"text"`
	Spans          []Span `json:"spans"` // planted identifiers in order; empty, not nil, when none
}

// PIIShare is the probability that a message carries planted identifiers.
const PIIShare = 0.15

// Generate returns n messages of whole conversations (the last one cut at n),
// in conversation order. The same seed and n give the same messages, and a
// shorter corpus is a prefix of a longer one with the same seed.
func Generate(seed uint64, n int) []Message {
	g := &generator{r: rand.New(rand.NewPCG(seed, 0x636f6e76616e6f6e))}
	g.v = values{g.r}
	msgs := make([]Message, 0, n)
	for c := 0; len(msgs) < n; c++ {
		msgs = g.conversation(msgs, c, n)
	}
	return msgs
}

// WriteJSONL writes msgs to w, one JSON object a line.
func WriteJSONL(w io.Writer, msgs []Message) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range msgs {
		if err := enc.Encode(&msgs[i]); err != nil {
			return fmt.Errorf("write corpus line %d: %w", i+1, err)
		}
	}
	return nil
}

// channels lists the channels with their share of conversations, the range
// of turns a conversation has on each, and the sentences in user and
// assistant turns.
var channels = []struct {
	name                 string
	weight               int
	minTurns, maxTurns   int
	userMin, userMax     int
	assistMin, assistMax int
}{
	{"chat", 30, 2, 8, 1, 3, 3, 7},
	{"sms", 15, 2, 4, 1, 1, 1, 2},
	{"whatsapp", 15, 2, 6, 1, 2, 1, 3},
	{"webchat", 15, 2, 8, 1, 3, 2, 6},
	{"email", 10, 1, 3, 2, 4, 3, 6},
	{"voice", 15, 4, 10, 1, 3, 1, 3},
}

// piiWeights are the planted placeholders with their relative frequency in
// written text; voiceWeights those said aloud in transcripts.
var (
	piiWeights = []struct {
		key    string
		weight int
	}{
		{"EMAIL", 16}, {"PHONE", 16}, {"PERSON", 14}, {"CARD", 6}, {"IBAN", 5}, {"SSN", 3},
		{"IP", 5}, {"IPV6", 2}, {"MAC", 2}, {"URL", 5}, {"SECRET", 10}, {"JWT", 3}, {"PEM", 1},
		{"CRYPTO", 2}, {"ADDRESS", 6}, {"DOB", 4}, {"ORDER", 5}, {"TRACKING", 3},
	}
	voiceWeights = []struct {
		key    string
		weight int
	}{
		{"PHONE", 35}, {"EMAIL", 25}, {"PERSON", 25}, {"CARD", 10}, {"SSN", 5},
	}
)

// placeholderType maps a PII placeholder to the type of its gold span.
var placeholderType = map[string]Type{
	"EMAIL": Email, "PHONE": Phone, "PERSON": Person, "CARD": CreditCard, "IBAN": IBAN,
	"SSN": USSSN, "IP": IPAddress, "IPV6": IPAddress, "MAC": MACAddress, "URL": URL,
	"SECRET": Secret, "JWT": Secret, "PEM": Secret, "CRYPTO": Crypto, "ADDRESS": Address,
	"DOB": DateOfBirth, "ORDER": Operational, "TRACKING": Operational,
}

// generator holds the random source of one Generate call.
type generator struct {
	r *rand.Rand
	v values
}

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *generator) conversation(msgs []Message, c, limit int) []Message {
	ch := channels[weighted(g.r, len(channels), func(i int) int { return channels[i].weight })]
	l := languages[weighted(g.r, len(languages), func(i int) int { return languages[i].weight })].lang
	turns := g.v.between(ch.minTurns, ch.maxTurns)
	conv := fmt.Sprintf("c%05d", c)
	for t := 0; t < turns && len(msgs) < limit; t++ {
		role, lo, hi := "user", ch.userMin, ch.userMax
		if t%2 == 1 {
			role, lo, hi = "assistant", ch.assistMin, ch.assistMax
		}
		b := &builder{voice: ch.name == "voice"}
		g.turn(b, l, ch.name, role, t, g.v.between(lo, hi))
		msgs = append(msgs, Message{
			ID:             fmt.Sprintf("%s-%02d", conv, t),
			ConversationID: conv,
			Turn:           t,
			Role:           role,
			Channel:        ch.name,
			Lang:           l.code,
			Text:           string(b.buf),
			Spans:          append([]Span{}, b.spans...),
		})
	}
	return msgs
}

// turn writes one message of sentences sentences into b.
func (g *generator) turn(b *builder, l *language, channel, role string, t, sentences int) {
	pool := l.user
	if role == "assistant" {
		pool = l.assistant
	}
	parts := make([]string, 0, sentences+3)
	for i, p := range g.r.Perm(len(pool)) { // no sentence twice in a turn
		if i == sentences {
			break
		}
		parts = append(parts, pool[p])
	}
	if g.chance(0.35) {
		parts = insert(g.r, parts, g.v.pick(l.neg))
	}
	pii := g.chance(PIIShare)
	if pii {
		parts = insert(g.r, parts, g.piiSentence(l, b.voice))
		if g.chance(0.2) {
			parts = insert(g.r, parts, g.piiSentence(l, b.voice))
		}
	}
	sep := " "
	switch {
	case channel == "email":
		sep = "\n\n"
		parts = append([]string{g.v.pick(l.hello) + ","}, parts...)
		bye := g.v.pick(l.bye) + ","
		if pii && role == "user" {
			bye += "\n{FIRST}"
		}
		parts = append(parts, bye)
	case t == 0 && g.chance(0.6):
		parts = append([]string{g.v.pick(l.hello) + "!"}, parts...)
	case role == "assistant" && sentences >= 4 && g.chance(0.3):
		sep = "\n- " // a bulleted answer
	}
	for i, p := range parts {
		if i > 0 {
			b.text(sep)
		}
		g.expand(b, l, p)
	}
	if channel == "whatsapp" && g.chance(0.3) {
		b.text(" " + g.v.pick([]string{"👍", "🙏", "😊", "🙂"}))
	}
}

// piiSentence picks a placeholder the language and medium can plant and a
// sentence that plants it.
func (g *generator) piiSentence(l *language, voice bool) string {
	for {
		var key string
		if voice {
			key = voiceWeights[weighted(g.r, len(voiceWeights), func(i int) int { return voiceWeights[i].weight })].key
		} else {
			key = piiWeights[weighted(g.r, len(piiWeights), func(i int) int { return piiWeights[i].weight })].key
		}
		if tpls := l.pii[key]; len(tpls) > 0 {
			return g.v.pick(tpls)
		}
	}
}

// expand writes template tpl into b, replacing each {placeholder}.
func (g *generator) expand(b *builder, l *language, tpl string) {
	for {
		before, rest, ok := strings.Cut(tpl, "{")
		if !ok {
			b.text(tpl)
			return
		}
		name, after, _ := strings.Cut(rest, "}")
		b.text(before)
		g.fill(b, l, name)
		tpl = after
	}
}

// fill writes the value of one placeholder: a planted identifier (upper
// case) with its gold span, or a hard negative (lower case).
func (g *generator) fill(b *builder, l *language, name string) {
	v := g.v
	if name == "FIRST" { // an e-mail signature
		b.pii(Person, v.pick(l.first))
		return
	}
	t, ok := placeholderType[name]
	if !ok {
		b.negative(v.negative(name))
		return
	}
	if b.voice {
		b.pii(t, g.spoken(l, name))
		return
	}
	var s string
	switch name {
	case "EMAIL":
		local, domain := v.email(l)
		s = local + "@" + domain
	case "PHONE":
		s, _ = v.phone(v.pick(l.countries))
	case "PERSON":
		first, last := v.name(l)
		s = first + " " + last
		if g.chance(0.3) {
			s = first
		}
	case "CARD":
		s, _ = v.card()
	case "IBAN":
		s = v.iban()
	case "SSN":
		s = v.ssn()
	case "IP":
		s = v.ipv4()
	case "IPV6":
		s = v.ipv6()
	case "MAC":
		s = v.mac()
	case "URL":
		s = v.url()
	case "SECRET":
		s = v.secret()
	case "JWT":
		s = v.jwt()
	case "PEM":
		s = v.pem()
	case "CRYPTO":
		s = v.pick(cryptoAddrs)
	case "ADDRESS":
		s = v.address(l)
	case "DOB":
		s = v.dob(l)
	case "ORDER":
		s = v.order()
	case "TRACKING":
		s = v.tracking()
	}
	b.pii(t, s)
}

// spoken returns an identifier as an ASR transcript has it: lower case,
// digits and punctuation said as words.
func (g *generator) spoken(l *language, name string) string {
	v := g.v
	switch name {
	case "EMAIL":
		local, domain := v.email(l)
		r := strings.NewReplacer(".", " "+l.dot+" ", "+", " plus ", "_", " underscore ")
		return r.Replace(local) + " " + l.at + " " + r.Replace(domain)
	case "PHONE":
		_, national := v.phone(v.pick(l.countries))
		return g.sayDigits(l, national)
	case "PERSON":
		first, last := v.name(l)
		return strings.ToLower(first + " " + last)
	case "CARD":
		_, d := v.card()
		return g.sayDigits(l, d)
	case "SSN":
		return g.sayDigits(l, strings.ReplaceAll(v.ssn(), "-", ""))
	default:
		panic("BUG: corpus: no spoken form for " + name)
	}
}

// sayDigits spells digits one word each; English speakers say "oh" for zero
// and "double five" for a pair now and then.
func (g *generator) sayDigits(l *language, digits string) string {
	words := make([]string, 0, len(digits))
	for i := 0; i < len(digits); i++ {
		d := digits[i] - '0'
		w := l.digits[d]
		if l.code == "en" && d == 0 && g.chance(0.5) {
			w = "oh"
		}
		if l.code == "en" && i+1 < len(digits) && digits[i+1] == digits[i] && g.chance(0.4) {
			words = append(words, "double "+w)
			i++
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// builder accumulates a message's text and the gold spans in it. In a voice
// transcript, plain text is lower-cased and stripped of punctuation as ASR
// output is; planted values are already in spoken form.
type builder struct {
	buf   []byte
	spans []Span
	voice bool
}

var asrStrip = strings.NewReplacer(" ?", "", " !", "", " :", "", " ;", "", ",", "", ".", "", "!", "", "?", "", "¿", "", "¡", "", ":", "", ";", "", "#", "", "\n", " ")

func (b *builder) text(s string) {
	if b.voice {
		s = asrStrip.Replace(strings.ToLower(s))
	}
	b.buf = append(b.buf, s...)
}

// negative writes a hard negative. Transcripts keep its digits and symbols,
// as ASR systems write prices, times and versions ("$19.99", "10:30").
func (b *builder) negative(s string) {
	if b.voice {
		s = strings.ToLower(s)
	}
	b.buf = append(b.buf, s...)
}

func (b *builder) pii(t Type, s string) {
	b.spans = append(b.spans, Span{Type: t, Start: len(b.buf), End: len(b.buf) + len(s)})
	b.buf = append(b.buf, s...)
}

// insert puts s at a random position of parts.
func insert(r *rand.Rand, parts []string, s string) []string {
	i := r.IntN(len(parts) + 1)
	parts = append(parts, "")
	copy(parts[i+1:], parts[i:])
	parts[i] = s
	return parts
}

// weighted picks an index in [0, n) with probability proportional to w(i).
func weighted(r *rand.Rand, n int, w func(int) int) int {
	total := 0
	for i := range n {
		total += w(i)
	}
	x := r.IntN(total)
	for i := range n {
		if x -= w(i); x < 0 {
			return i
		}
	}
	return n - 1
}
