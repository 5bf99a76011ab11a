package pipeline

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/sinks"
)

// Kinds of partial aggregates, one per stats dataset.
const (
	kindFeedback = "feedback"
	kindDecision = "decision"
	kindUsage    = "usage"
)

// allOpponents is the opponent of a decision_stats row over every
// decision that showed the model.
const allOpponents = "*"

// unknown stands for an absent channel or language in stats rows.
const unknown = "unknown"

// partialRow is one group's additive aggregate over one batch: the rows of
// the internal _stats_partials dataset. A batch writes its partials in
// the same durable unit as its other rows, named by its offset range, so
// a partial exists exactly once whatever crashes, replays or rebalances
// happen; a rollup merges them (rollup.go).
//
// Users holds a 64-bit hash of each distinct user's pseudonym (never a
// raw id): exact sets, so that the suppression threshold is exact. The
// sketches are quantileSketch buckets as parallel key/count lists.
type partialRow struct {
	Kind        string    `parquet:"kind,dict"`
	WindowStart time.Time `parquet:"window_start,timestamp(microsecond)"`
	WindowEnd   time.Time `parquet:"window_end,timestamp(microsecond)"`
	TenantID    string    `parquet:"tenant_id,dict"`
	Model       string    `parquet:"model,dict"`
	Opponent    string    `parquet:"opponent,dict"`
	Channel     string    `parquet:"channel,dict"`
	Lang        string    `parquet:"lang,dict"`
	MaxTS       time.Time `parquet:"max_ts,timestamp(microsecond)"` // latest event time counted: the watermark's input
	Users       []int64   `parquet:"users,list"`

	Up     int64 `parquet:"up"`
	Down   int64 `parquet:"down"`
	Shown  int64 `parquet:"shown"`
	Chosen int64 `parquet:"chosen"`
	Ties   int64 `parquet:"ties"`
	None   int64 `parquet:"none"`

	Events       int64 `parquet:"events"`
	InputTokens  int64 `parquet:"input_tokens"`
	OutputTokens int64 `parquet:"output_tokens"`
	InputChars   int64 `parquet:"input_chars"`
	OutputChars  int64 `parquet:"output_chars"`
	LatencyMS    int64 `parquet:"latency_ms"`

	InputTokensKeys    []int32 `parquet:"input_tokens_keys,list"`
	InputTokensCounts  []int64 `parquet:"input_tokens_counts,list"`
	OutputTokensKeys   []int32 `parquet:"output_tokens_keys,list"`
	OutputTokensCounts []int64 `parquet:"output_tokens_counts,list"`
	LatencyKeys        []int32 `parquet:"latency_keys,list"`
	LatencyCounts      []int64 `parquet:"latency_counts,list"`
}

// statsKey is a group: kind, window and dimensions.
type statsKey struct {
	kind                                   string
	start                                  int64 // window start, Unix seconds
	tenant, model, opponent, channel, lang string
}

// statsGroup is the running aggregate of one group.
type statsGroup struct {
	key                          statsKey
	users                        []uint64 // with repeats; sorted and deduplicated by row
	maxTS                        time.Time
	up, down                     int64
	shown, chosen, ties, none    int64
	events, inTok, outTok        int64
	inChars, outChars, latency   int64
	inTokSk, outTokSk, latencySk listSketch
}

// statsAcc aggregates one batch's feedback, decision and usage events by
// group. It is owned by the partition goroutine.
//
// Groups are found by a 64-bit hash of their key: hashing a statsKey as a
// map key hashed its six strings one by one, the larger part of counting
// an event. A group whose hash another group holds goes to collided.
type statsAcc struct {
	window   time.Duration
	byHash   map[uint64]*statsGroup
	collided map[statsKey]*statsGroup
	list     []*statsGroup // every group of the batch
	free     []*statsGroup // groups of earlier batches, emptied for reuse
	scratch  []byte        // a key's bytes, hashed
	strs     interner      // tenants, models, channels, languages: few, kept across batches
	maxTS    time.Time
}

func newStatsAcc(window time.Duration) *statsAcc {
	return &statsAcc{window: window, byHash: map[uint64]*statsGroup{}, collided: map[statsKey]*statsGroup{}, strs: interner{}}
}

// hash returns the 64-bit hash of k; each string is followed by a 0 byte,
// which valid UTF-8 event fields do not hold before their end.
func (a *statsAcc) hash(k *statsKey) uint64 {
	b := binary.LittleEndian.AppendUint64(a.scratch[:0], uint64(k.start))
	for _, s := range [...]string{k.kind, k.tenant, k.model, k.opponent, k.channel, k.lang} {
		b = append(append(b, s...), 0)
	}
	a.scratch = b
	return xxhash.Sum64(b)
}

// group returns ev's group for kind, creating it; strings are interned
// copies so the group does not keep the record alive.
func (a *statsAcc) group(kind string, ev *events.Event, model, opponent, channel, lang string, user uint64, hasUser bool) *statsGroup {
	k := statsKey{kind, ev.TS.Truncate(a.window).Unix(), ev.TenantID, model, opponent, orUnknown(channel), orUnknown(lang)}
	h := a.hash(&k)
	g, ok := a.byHash[h]
	if ok && g.key != k {
		g, ok = a.collided[k]
	}
	if !ok {
		k.tenant, k.model, k.opponent = a.strs.get(k.tenant), a.strs.get(k.model), a.strs.get(k.opponent)
		k.channel, k.lang = a.strs.get(k.channel), a.strs.get(k.lang)
		if n := len(a.free); n > 0 {
			g, a.free = a.free[n-1], a.free[:n-1]
		} else {
			g = &statsGroup{}
		}
		g.key = k
		if _, taken := a.byHash[h]; taken {
			a.collided[k] = g
		} else {
			a.byHash[h] = g
		}
		a.list = append(a.list, g)
	}
	if hasUser {
		g.users = append(g.users, user)
	}
	if ev.TS.After(g.maxTS) {
		g.maxTS = ev.TS
	}
	if ev.TS.After(a.maxTS) {
		a.maxTS = ev.TS
	}
	return g
}

func orUnknown(s string) string { return cmp.Or(s, unknown) }

// feedback counts a feedback event.
func (a *statsAcc) feedback(ev *events.Event, user uint64, hasUser bool) {
	g := a.group(kindFeedback, ev, ev.Model, "", ev.Channel, ev.Lang, user, hasUser)
	switch ev.Rating {
	case "up":
		g.up++
	case "down":
		g.down++
	}
}

// usage counts a usage event.
func (a *statsAcc) usage(ev *events.Event, user uint64, hasUser bool) {
	g := a.group(kindUsage, ev, ev.Model, "", ev.Channel, ev.Lang, user, hasUser)
	g.events++
	g.inTok += ev.InputTokens
	g.outTok += ev.OutputTokens
	g.inChars += ev.InputChars
	g.outChars += ev.OutputChars
	g.latency += ev.LatencyMS
	g.inTokSk.add(ev.InputTokens)
	g.outTokSk.add(ev.OutputTokens)
	g.latencySk.add(ev.LatencyMS)
}

// decision counts a decision for each distinct model shown, against all
// opponents ("*") and against each other model shown. lang is the
// language of the decision's context.
func (a *statsAcc) decision(ev *events.Event, lang string, user uint64, hasUser bool) {
	for i, m := range ev.Models {
		if slices.Contains(ev.Models[:i], m) {
			continue // a model shown twice is one model shown
		}
		a.decisionGroup(ev, m, allOpponents, lang, user, hasUser)
		for j, o := range ev.Models {
			if o != m && !slices.Contains(ev.Models[:j], o) {
				a.decisionGroup(ev, m, o, lang, user, hasUser)
			}
		}
	}
}

func (a *statsAcc) decisionGroup(ev *events.Event, model, opponent, lang string, user uint64, hasUser bool) {
	g := a.group(kindDecision, ev, model, opponent, ev.Channel, lang, user, hasUser)
	g.shown++
	switch ev.Choice {
	case model:
		g.chosen++
	case "tie":
		g.ties++
	case "none":
		g.none++
	}
}

// parts returns the batch's partials, one Part per date of window start
// (_stats_partials/date=YYYY-MM-DD/), rows in a deterministic order; nil
// when the batch counted nothing.
func (a *statsAcc) parts() []sinks.Part {
	if len(a.list) == 0 {
		return nil
	}
	slices.SortFunc(a.list, func(x, y *statsGroup) int { return compareStatsKeys(&x.key, &y.key) })
	var parts []sinks.Part
	// One backing array for every date's rows: each part is a window of it.
	all := make([]partialRow, 0, len(a.list))
	from := 0
	date := ""
	cut := func() {
		if len(all) > from {
			parts = append(parts, sinks.Part{Dataset: events.DatasetStatsPartials, Partition: "date=" + date, Rows: sinks.RowsOf(all[from:len(all):len(all)])})
		}
		from = len(all)
	}
	var day int64 = -1
	for _, g := range a.list {
		start := time.Unix(g.key.start, 0).UTC()
		// The date of a window start changes with its UTC day number.
		if d := floorDiv(g.key.start, 86400); d != day {
			cut()
			day, date = d, start.Format(time.DateOnly)
		}
		all = append(all, g.row(start, a.window))
	}
	cut()
	return parts
}

// compareStatsKeys orders keys by window first, so parts cut by date. It
// stops at the first field that differs: cmp.Or would compare all seven
// for every pair, and sorting a batch's groups showed in its profile.
func compareStatsKeys(x, y *statsKey) int {
	if c := cmp.Compare(x.start, y.start); c != 0 {
		return c
	}
	if c := strings.Compare(x.kind, y.kind); c != 0 {
		return c
	}
	if c := strings.Compare(x.tenant, y.tenant); c != 0 {
		return c
	}
	if c := strings.Compare(x.model, y.model); c != 0 {
		return c
	}
	if c := strings.Compare(x.opponent, y.opponent); c != 0 {
		return c
	}
	if c := strings.Compare(x.channel, y.channel); c != 0 {
		return c
	}
	return strings.Compare(x.lang, y.lang)
}

// row is the partial of g.
func (g *statsGroup) row(start time.Time, window time.Duration) partialRow {
	k := g.key
	r := partialRow{
		Kind: k.kind, WindowStart: start, WindowEnd: start.Add(window), TenantID: k.tenant, Model: k.model,
		Opponent: k.opponent, Channel: k.channel, Lang: k.lang, MaxTS: g.maxTS,
		Up: g.up, Down: g.down, Shown: g.shown, Chosen: g.chosen, Ties: g.ties, None: g.none,
		Events: g.events, InputTokens: g.inTok, OutputTokens: g.outTok, InputChars: g.inChars,
		OutputChars: g.outChars, LatencyMS: g.latency,
	}
	r.Users = make([]int64, len(g.users))
	for i, u := range g.users {
		r.Users[i] = int64(u)
	}
	slices.Sort(r.Users)
	r.Users = slices.Compact(r.Users)
	r.InputTokensKeys, r.InputTokensCounts = g.inTokSk.appendTo(nil, nil)
	r.OutputTokensKeys, r.OutputTokensCounts = g.outTokSk.appendTo(nil, nil)
	r.LatencyKeys, r.LatencyCounts = g.latencySk.appendTo(nil, nil)
	return r
}

// reset empties the accumulator for the next batch, keeping its groups
// for reuse.
func (a *statsAcc) reset() {
	for _, g := range a.list {
		g.reset()
	}
	a.free = append(a.free, a.list[:min(len(a.list), maxFreeGroups-len(a.free))]...)
	clear(a.list)
	a.list = a.list[:0]
	clear(a.byHash)
	clear(a.collided)
	a.maxTS = time.Time{}
}

// maxFreeGroups bounds the groups kept for reuse: about the groups of a
// busy batch (tenants × models × channels × languages × windows seen).
const maxFreeGroups = 1024

// reset empties g, keeping its buffers.
func (g *statsGroup) reset() {
	*g = statsGroup{
		users:     g.users[:0],
		inTokSk:   g.inTokSk.emptied(),
		outTokSk:  g.outTokSk.emptied(),
		latencySk: g.latencySk.emptied(),
	}
}

// floorDiv is x/y rounded down (Unix days before 1970 are negative).
func floorDiv(x, y int64) int64 {
	q := x / y
	if x%y != 0 && (x < 0) != (y < 0) {
		q--
	}
	return q
}

// userHash returns a 64-bit hash of the user's pseudonym, the only form of
// a user that stats partials hold; ok is false for an event without user.
func (w *worker) userHash(ev *events.Event, tp *tenantPolicy) (uint64, bool, error) {
	if ev.UserID == "" {
		return 0, false, nil
	}
	s := w.session(tp.anon)
	p, err := s.PseudonymOf(ev.TenantID, ev.TS, "user", ev.UserID)
	if err != nil {
		return 0, false, noKey(err)
	}
	return xxhash.Sum64String(p), true, nil
}
