package pipeline

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/convanon/convanon/internal/events"
)

// merged is one group's aggregate over every partial of its window.
type merged struct {
	key                                     statsKey
	end                                     int64 // window end, Unix seconds
	users                                   map[uint64]struct{}
	up, down, shown, chosen, ties, none     int64
	events, inTok, outTok, inChars, outChar int64
	latency                                 int64
	inSk, outSk, latSk                      quantileSketch
	hidden                                  bool // suppressed, or its window not published
}

func (m *merged) add(p *partialRow) {
	for _, u := range p.Users {
		m.users[uint64(u)] = struct{}{}
	}
	m.up += p.Up
	m.down += p.Down
	m.shown += p.Shown
	m.chosen += p.Chosen
	m.ties += p.Ties
	m.none += p.None
	m.events += p.Events
	m.inTok += p.InputTokens
	m.outTok += p.OutputTokens
	m.inChars += p.InputChars
	m.outChar += p.OutputChars
	m.latency += p.LatencyMS
	m.inSk.mergeColumns(p.InputTokensKeys, p.InputTokensCounts)
	m.outSk.mergeColumns(p.OutputTokensKeys, p.OutputTokensCounts)
	m.latSk.mergeColumns(p.LatencyKeys, p.LatencyCounts)
}

// level is the groups of one granularity level (base windows or days).
type level map[statsKey]*merged

func (l level) add(k statsKey, end int64, p *partialRow) {
	m, ok := l[k]
	if !ok {
		m = &merged{key: k, end: end, users: map[uint64]struct{}{}, inSk: quantileSketch{}, outSk: quantileSketch{}, latSk: quantileSketch{}}
		l[k] = m
	}
	m.add(p)
}

// publication is what a date's rollup publishes.
type publication struct {
	window     time.Duration
	base, days level
	suppressed int
}

// aggregate merges a date's partials into base windows (published ones
// marked visible) and, when dayOn, the day; then suppresses small groups.
func (r *Rollup) aggregate(rows []partialRow, published map[int64]bool, dayOn bool, day time.Time) *publication {
	pub := &publication{window: r.cfg.Stats.Window, base: level{}, days: level{}}
	for i := range rows {
		p := &rows[i]
		k := statsKey{p.Kind, p.WindowStart.Unix(), p.TenantID, p.Model, p.Opponent, p.Channel, p.Lang}
		pub.base.add(k, p.WindowEnd.Unix(), p)
		if dayOn {
			k.start = day.Unix()
			pub.days.add(k, day.Add(24*time.Hour).Unix(), p)
		}
	}
	for k, m := range pub.base {
		m.hidden = !published[k.start]
	}
	// Totals come last, each over its parts' final state: per-model
	// decision rows over pair rows, days over base windows. Hiding more
	// parts can only grow a residual, so each pass sees every part hidden.
	pub.suppressed += r.suppressSmall(pub.base)
	pub.suppressed += r.suppressResidual(pub.base, pub.base, parentOfPair, false)
	if dayOn {
		pub.suppressed += r.suppressSmall(pub.days)
		pub.suppressed += r.suppressResidual(pub.days, pub.base, anyWindow, true)
		pub.suppressed += r.suppressResidual(pub.days, pub.days, parentOfPair, false)
	}
	return pub
}

// suppressSmall hides the groups with fewer distinct users than their
// tenant's minimum and returns how many it hid.
func (r *Rollup) suppressSmall(l level) int {
	n := 0
	for _, m := range l {
		if !m.hidden && len(m.users) < r.cfg.MinUsers(m.key.tenant) {
			m.hidden = true
			n++
		}
	}
	return n
}

// anyWindow maps a base-window row to its day total's key, start 0.
func anyWindow(k statsKey) statsKey {
	k.start = 0
	return k
}

// parentOfPair maps a decision pair row to its per-model row ("*"), and
// every other row to a key that matches no parent.
func parentOfPair(k statsKey) statsKey {
	if k.kind != kindDecision || k.opponent == allOpponents {
		return statsKey{}
	}
	k.opponent = allOpponents
	return k
}

// suppressResidual is secondary suppression. A visible total minus the
// visible rows it sums is what the hidden rows held; when the distinct
// users of those hidden rows number 1 to min−1, publishing the total would
// reveal a small group by subtraction, so the total is hidden too.
// parentOf maps a child key to its total's key in parents; with overDay
// the totals are days over base windows and are looked up with start 0.
func (r *Rollup) suppressResidual(parents, children level, parentOf func(statsKey) statsKey, overDay bool) int {
	residual := map[statsKey]map[uint64]struct{}{}
	for k, m := range children {
		if !m.hidden {
			continue
		}
		pk := parentOf(k)
		if pk == (statsKey{}) {
			continue
		}

		set := residual[pk]
		if set == nil {
			set = map[uint64]struct{}{}
			residual[pk] = set
		}
		for u := range m.users {
			set[u] = struct{}{}
		}
	}
	n := 0
	for k, m := range parents {
		if m.hidden {
			continue
		}
		pk := k
		if overDay {
			pk.start = 0
		}
		if set := residual[pk]; len(set) > 0 && len(set) < r.cfg.MinUsers(k.tenant) {
			m.hidden = true
			n++
		}
	}
	return n
}

// files returns the date's published files: one per dataset and
// granularity, including empty ones (to be removed).
func (pub *publication) files(date string) []publishFile {
	type rowsOf struct {
		feedback []events.FeedbackStatsRow
		decision []events.DecisionStatsRow
		usage    []events.UsageStatsRow
	}
	byGran := map[string]*rowsOf{granularity(pub.window): {}, events.GranularityDay: {}}
	emit := func(l level) {
		for _, m := range l {
			if m.hidden {
				continue
			}
			gran := granularity(time.Duration(m.end-m.key.start) * time.Second)
			ro := byGran[gran]
			if ro == nil {
				ro = &rowsOf{}
				byGran[gran] = ro
			}
			key := events.StatsKey{
				WindowStart: time.Unix(m.key.start, 0).UTC(), WindowEnd: time.Unix(m.end, 0).UTC(), Granularity: gran,
				TenantID: m.key.tenant, Model: m.key.model, Channel: m.key.channel, Lang: m.key.lang, Users: int64(len(m.users)),
			}
			switch m.key.kind {
			case kindFeedback:
				ro.feedback = append(ro.feedback, events.FeedbackStatsRow{StatsKey: key, Up: m.up, Down: m.down, Total: m.up + m.down, UpRate: ratio(m.up, m.up+m.down)})
			case kindDecision:
				ro.decision = append(ro.decision, events.DecisionStatsRow{StatsKey: key, Opponent: m.key.opponent, Shown: m.shown, Chosen: m.chosen,
					Ties: m.ties, None: m.none, WinRate: ratio(m.chosen, m.shown)})
			case kindUsage:
				ro.usage = append(ro.usage, events.UsageStatsRow{StatsKey: key, Events: m.events,
					InputTokensSum: m.inTok, OutputTokensSum: m.outTok, InputCharsSum: m.inChars, OutputCharsSum: m.outChar, LatencyMSSum: m.latency,
					InputTokensP50: m.inSk.quantile(0.5), InputTokensP90: m.inSk.quantile(0.9), InputTokensP99: m.inSk.quantile(0.99),
					OutputTokensP50: m.outSk.quantile(0.5), OutputTokensP90: m.outSk.quantile(0.9), OutputTokensP99: m.outSk.quantile(0.99),
					LatencyMSP50: m.latSk.quantile(0.5), LatencyMSP90: m.latSk.quantile(0.9), LatencyMSP99: m.latSk.quantile(0.99)})
			}
		}
	}
	emit(pub.base)
	emit(pub.days)
	var out []publishFile
	for gran, ro := range byGran {
		slices.SortFunc(ro.feedback, func(x, y events.FeedbackStatsRow) int { return compareKeys(&x.StatsKey, &y.StatsKey) })
		slices.SortFunc(ro.decision, func(x, y events.DecisionStatsRow) int {
			return cmp.Or(compareKeys(&x.StatsKey, &y.StatsKey), strings.Compare(x.Opponent, y.Opponent))
		})
		slices.SortFunc(ro.usage, func(x, y events.UsageStatsRow) int { return compareKeys(&x.StatsKey, &y.StatsKey) })
		out = append(out,
			publishFile{name: publishedName(events.DatasetFeedbackStats, gran, date), n: len(ro.feedback), w: writeRows(ro.feedback)},
			publishFile{name: publishedName(events.DatasetDecisionStats, gran, date), n: len(ro.decision), w: writeRows(ro.decision)},
			publishFile{name: publishedName(events.DatasetUsageStats, gran, date), n: len(ro.usage), w: writeRows(ro.usage)},
		)
	}
	slices.SortFunc(out, func(x, y publishFile) int { return strings.Compare(x.name, y.name) })
	return out
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
