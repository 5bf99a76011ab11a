package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"
	"github.com/segmentio/kafka-go"

	"github.com/convanon/convanon/internal/demo"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/sinks"
)

// testMinUsers is the suppression minimum of the integration tests: the
// generated streams spread 400 users over many small groups, so a low
// minimum leaves rows on both sides of it.
const testMinUsers = 3

// statCell is one published stats row as the tests compare it.
type statCell struct {
	Users, Up, Down, Total, Shown, Chosen, Ties, None int64
	Events, InTok, OutTok, InChars, OutChars, Latency int64
	P                                                 [9]int64 // in/out tokens and latency p50, p90, p99
}

// statKey locates a published stats row.
type statKey struct {
	Dataset, Gran                          string
	Start                                  int64
	Tenant, Model, Opponent, Channel, Lang string
}

func (k statKey) String() string {
	return fmt.Sprintf("%s/%s/%s/%s/%s/%s/%s/%s", k.Dataset, k.Gran, time.Unix(k.Start, 0).UTC().Format(time.RFC3339), k.Tenant, k.Model, k.Opponent, k.Channel, k.Lang)
}

// readStats reads every published stats file under dir, checking that no
// row counts fewer than minUsers users and that the rates match the counts.
func readStats(t *testing.T, dir string, minUsers int64) map[statKey]statCell {
	t.Helper()
	out := map[statKey]statCell{}
	put := func(k statKey, c statCell) {
		if _, dup := out[k]; dup {
			t.Errorf("stats row %v published twice", k)
		}
		if c.Users < minUsers {
			t.Errorf("stats row %v has %d users, below the minimum %d", k, c.Users, minUsers)
		}
		out[k] = c
	}
	for _, ds := range []string{events.DatasetFeedbackStats, events.DatasetDecisionStats, events.DatasetUsageStats} {
		root := filepath.Join(dir, ds)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				if err != nil && strings.Contains(err.Error(), "no such file") {
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			gran := hivePart(rel, "granularity")
			key := func(s events.StatsKey, opp string) statKey {
				return statKey{ds, gran, s.WindowStart.Unix(), s.TenantID, s.Model, opp, s.Channel, s.Lang}
			}
			switch ds {
			case events.DatasetFeedbackStats:
				rows, err := parquet.ReadFile[events.FeedbackStatsRow](path)
				if err != nil {
					return err
				}
				for _, r := range rows {
					if r.Total != r.Up+r.Down || math.Abs(r.UpRate-float64(r.Up)/float64(r.Total)) > 1e-9 {
						t.Errorf("feedback row %+v: total or up_rate inconsistent", r)
					}
					put(key(r.StatsKey, ""), statCell{Users: r.Users, Up: r.Up, Down: r.Down, Total: r.Total})
				}
			case events.DatasetDecisionStats:
				rows, err := parquet.ReadFile[events.DecisionStatsRow](path)
				if err != nil {
					return err
				}
				for _, r := range rows {
					if math.Abs(r.WinRate-float64(r.Chosen)/float64(r.Shown)) > 1e-9 {
						t.Errorf("decision row %+v: win_rate inconsistent", r)
					}
					put(key(r.StatsKey, r.Opponent), statCell{Users: r.Users, Shown: r.Shown, Chosen: r.Chosen, Ties: r.Ties, None: r.None})
				}
			default:
				rows, err := parquet.ReadFile[events.UsageStatsRow](path)
				if err != nil {
					return err
				}
				for _, r := range rows {
					put(key(r.StatsKey, ""), statCell{Users: r.Users, Events: r.Events, InTok: r.InputTokensSum, OutTok: r.OutputTokensSum,
						InChars: r.InputCharsSum, OutChars: r.OutputCharsSum, Latency: r.LatencyMSSum,
						P: [9]int64{r.InputTokensP50, r.InputTokensP90, r.InputTokensP99, r.OutputTokensP50, r.OutputTokensP90, r.OutputTokensP99,
							r.LatencyMSP50, r.LatencyMSP90, r.LatencyMSP99}})
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("read %s: %v", ds, err)
		}
	}
	return out
}

// statsRaw is the test's own view of a stats-relevant record.
type statsRaw struct {
	Type         string `json:"type"`
	EventID      string `json:"event_id"`
	TenantID     string `json:"tenant_id"`
	UserID       string `json:"user_id"`
	Channel      string `json:"channel"`
	Lang         string `json:"lang"`
	TS           string `json:"ts"`
	Model        string `json:"model"`
	Rating       string `json:"rating"`
	Choice       string `json:"choice"`
	InputTokens  int64  `json:"input_tokens"`
	OutputTokens int64  `json:"output_tokens"`
	InputChars   int64  `json:"input_chars"`
	OutputChars  int64  `json:"output_chars"`
	LatencyMS    int64  `json:"latency_ms"`
	Candidates   []struct {
		Model string `json:"model"`
	} `json:"candidates"`
}

// oracleGroup is the oracle's aggregate of one group.
type oracleGroup struct {
	users  map[string]bool
	cell   statCell
	vals   [3][]int64
	hidden bool
}

// expectStats computes, from the raw records and the documented rules
// (opt-outs, HIPAA, shopco's channels, hour windows, daily totals,
// suppression under minUsers with secondary suppression of totals that
// would reveal a small hidden group), the stats rows that must be
// published. Users are raw user ids: the oracle needs no pseudonyms.
func expectStats(t *testing.T, msgs []kafka.Message, minUsers int) (map[statKey]statCell, time.Time) {
	t.Helper()
	var watermark time.Time
	hours, days := map[statKey]*oracleGroup{}, map[statKey]*oracleGroup{}
	add := func(k statKey, user string, f func(c *statCell), vals ...int64) {
		for _, lvl := range []struct {
			m    map[statKey]*oracleGroup
			gran string
			unit time.Duration
		}{{hours, "hour", time.Hour}, {days, "day", 24 * time.Hour}} {
			kk := k
			kk.Gran = lvl.gran
			kk.Start = time.Unix(k.Start, 0).UTC().Truncate(lvl.unit).Unix()
			g := lvl.m[kk]
			if g == nil {
				g = &oracleGroup{users: map[string]bool{}}
				lvl.m[kk] = g
			}
			g.users[user] = true
			f(&g.cell)
			for i, v := range vals {
				g.vals[i] = append(g.vals[i], v)
			}
		}
	}
	for _, m := range msgs {
		var r statsRaw
		if json.Unmarshal(m.Value, &r) != nil || r.EventID == "e-bad" {
			continue
		}
		var u int
		fmt.Sscanf(r.UserID, "u-%d", &u)
		if r.TenantID == demo.TenantUmbrella || u%13 == 0 && u != 26 {
			continue // opted out of training
		}
		if r.TenantID == demo.TenantShopco && r.Channel == "voice" {
			continue // shopco keeps no voice
		}
		ts, err := time.Parse(time.RFC3339, r.TS)
		if err != nil {
			t.Fatalf("record ts %q: %v", r.TS, err)
		}
		if r.Type == "decision" && (r.TenantID == demo.TenantClinic || u%17 == 0) {
			continue // HIPAA tenant; decisions opted out
		}
		if r.Type == "feedback" || r.Type == "usage" || r.Type == "decision" {
			watermark = later(watermark, ts)
		}
		ch, lang := cmpOr(r.Channel, "unknown"), cmpOr(r.Lang, "unknown")
		k := statKey{Start: ts.Unix(), Tenant: r.TenantID, Model: r.Model, Channel: ch, Lang: lang}
		switch r.Type {
		case "feedback":
			k.Dataset = events.DatasetFeedbackStats
			add(k, r.UserID, func(c *statCell) {
				if r.Rating == "up" {
					c.Up++
				} else {
					c.Down++
				}
				c.Total++
			})
		case "usage":
			k.Dataset = events.DatasetUsageStats
			add(k, r.UserID, func(c *statCell) {
				c.Events++
				c.InTok += r.InputTokens
				c.OutTok += r.OutputTokens
				c.InChars += r.InputChars
				c.OutChars += r.OutputChars
				c.Latency += r.LatencyMS
			}, r.InputTokens, r.OutputTokens, r.LatencyMS)
		case "decision":
			k.Dataset = events.DatasetDecisionStats
			var models []string
			for _, c := range r.Candidates {
				if !slices.Contains(models, c.Model) {
					models = append(models, c.Model)
				}
			}
			for _, mdl := range models {
				for _, opp := range append([]string{"*"}, models...) {
					if opp == mdl {
						continue
					}
					kk := k
					kk.Model, kk.Opponent = mdl, opp
					add(kk, r.UserID, func(c *statCell) {
						c.Shown++
						switch r.Choice {
						case mdl:
							c.Chosen++
						case "tie":
							c.Ties++
						case "none":
							c.None++
						}
					})
				}
			}
		}
	}
	// Suppression: small groups, then totals whose hidden parts hold 1 to
	// minUsers-1 users (per-model decision rows over pair rows; days over
	// hours).
	residual := func(parents, children map[statKey]*oracleGroup, parent func(statKey) (statKey, bool)) {
		res := map[statKey]map[string]bool{}
		for k, g := range children {
			if pk, ok := parent(k); ok && g.hidden {
				if res[pk] == nil {
					res[pk] = map[string]bool{}
				}
				for u := range g.users {
					res[pk][u] = true
				}
			}
		}
		for k, g := range parents {
			if n := len(res[k]); n > 0 && n < minUsers {
				g.hidden = true
			}
		}
	}
	pairParent := func(k statKey) (statKey, bool) {
		k.Opponent = "*"
		return k, k.Dataset == events.DatasetDecisionStats
	}
	for _, lvl := range []map[statKey]*oracleGroup{hours, days} {
		for _, g := range lvl {
			g.hidden = len(g.users) < minUsers
		}
	}
	residual(hours, hours, func(k statKey) (statKey, bool) {
		pk, ok := pairParent(k)
		return pk, ok && k.Opponent != "*"
	})
	residual(days, hours, func(k statKey) (statKey, bool) {
		k.Gran, k.Start = "day", time.Unix(k.Start, 0).UTC().Truncate(24*time.Hour).Unix()
		return k, true
	})
	residual(days, days, func(k statKey) (statKey, bool) {
		pk, ok := pairParent(k)
		return pk, ok && k.Opponent != "*"
	})
	want := map[statKey]statCell{}
	for _, lvl := range []map[statKey]*oracleGroup{hours, days} {
		for k, g := range lvl {
			if g.hidden {
				continue
			}
			c := g.cell
			c.Users = int64(len(g.users))
			if k.Dataset == events.DatasetUsageStats {
				for i, vals := range g.vals {
					slices.Sort(vals)
					for j, q := range []float64{0.5, 0.9, 0.99} {
						c.P[i*3+j] = vals[int(q*float64(len(vals)-1))]
					}
				}
			}
			want[k] = c
		}
	}
	return want, watermark
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// compareStats compares published rows with the oracle cell by cell;
// percentiles may differ by the sketch's 1% (plus rounding).
func compareStats(t *testing.T, want, got map[statKey]statCell) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("oracle expects no stats rows: the test stream is too small")
	}
	t.Logf("comparing %d stats rows", len(want))
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("stats row %v missing, want %+v", k, w)
			continue
		}
		for i := range w.P {
			if math.Abs(float64(g.P[i]-w.P[i])) > 0.01*float64(w.P[i])+1 {
				t.Errorf("stats row %v percentile %d = %d, want %d within 1%%", k, i, g.P[i], w.P[i])
			}
		}
		g.P, w.P = [9]int64{}, [9]int64{}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("stats row %v mismatch (-want +got):\n%s", k, diff)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("stats row %v published, not expected (suppressed or opted out)", k)
		}
	}
}

// checkStats publishes every window of dir's partials, as `convanon
// rollup` does, and compares the stats datasets with the oracle.
func checkStats(t *testing.T, msgs []kafka.Message, dir string) {
	t.Helper()
	fsys, err := sinks.NewDirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewRollup(fsys, testConfig(nil, dir), nil).Roll(context.Background(), true)
	if err != nil {
		t.Fatalf("Roll(open): %v", err)
	}
	t.Logf("rollup: %+v", res)
	want, _ := expectStats(t, msgs, testMinUsers)
	compareStats(t, want, readStats(t, dir, testMinUsers))
}

// checkClosedStats compares what `run` published by itself with the
// oracle's rows of the windows closed at the stream's watermark: hours
// ending at least the lateness before the latest event; no day yet.
func checkClosedStats(t *testing.T, msgs []kafka.Message, dir string, lateness time.Duration) {
	t.Helper()
	all, wm := expectStats(t, msgs, testMinUsers)
	want := map[statKey]statCell{}
	for k, c := range all {
		if k.Gran == "hour" && !time.Unix(k.Start, 0).Add(time.Hour+lateness).After(wm) {
			want[k] = c
		}
	}
	compareStats(t, want, readStats(t, dir, testMinUsers))
}
