package events

import "time"

// Dataset names of the statistics, and the internal dataset of their
// partial aggregates (its leading underscore keeps it out of dataset
// globs and Hive discovery; it is never published).
const (
	DatasetFeedbackStats = "feedback_stats"
	DatasetDecisionStats = "decision_stats"
	DatasetUsageStats    = "usage_stats"
	DatasetStatsPartials = "_stats_partials"
)

// Granularities of stats rows besides the base window's: a base window of
// one hour is "hour"; other sizes are named like "15m" or "6h".
const (
	GranularityHour = "hour"
	GranularityDay  = "day"
)

// StatsKey is the group of a stats row: one window, tenant, model, channel
// and language, and the number of distinct users in it. No row holds a
// user id or text. Granularity is the Hive partition of the files
// (DATASET/granularity=G/date=YYYY-MM-DD/), not stored inside them.
type StatsKey struct {
	WindowStart time.Time `parquet:"window_start,timestamp(microsecond)"`
	WindowEnd   time.Time `parquet:"window_end,timestamp(microsecond)"` // exclusive
	Granularity string    `parquet:"-"`                                 // hour (or the base window) | day; from the path
	TenantID    string    `parquet:"tenant_id,dict"`
	Model       string    `parquet:"model,dict"`
	Channel     string    `parquet:"channel,dict"` // the event's channel, "unknown" when absent
	Lang        string    `parquet:"lang,dict"`    // the event's language (decisions: the context's), "unknown" when absent
	Users       int64     `parquet:"users"`        // distinct users, never below the configured minimum
}

// FeedbackStatsRow is one row of feedback_stats: thumbs up and down on one
// model's responses.
type FeedbackStatsRow struct {
	StatsKey
	Up     int64   `parquet:"up"`
	Down   int64   `parquet:"down"`
	Total  int64   `parquet:"total"`   // up + down
	UpRate float64 `parquet:"up_rate"` // up / total
}

// DecisionStatsRow is one row of decision_stats: how often users chose
// Model when it was shown, against any opponent (Opponent "*") or against
// one opponent model.
type DecisionStatsRow struct {
	StatsKey
	Opponent string  `parquet:"opponent,dict"` // "*" for all decisions showing Model
	Shown    int64   `parquet:"shown"`         // decisions showing Model (and Opponent)
	Chosen   int64   `parquet:"chosen"`        // of those, Model chosen
	Ties     int64   `parquet:"ties"`          // of those, choice "tie"
	None     int64   `parquet:"none"`          // of those, choice "none"
	WinRate  float64 `parquet:"win_rate"`      // chosen / shown
}

// UsageStatsRow is one row of usage_stats: volumes and distributions of
// tokens and latency of one model. Percentiles come from a mergeable
// log-bucket sketch, within 1% of the exact order statistic (then rounded).
type UsageStatsRow struct {
	StatsKey
	Events          int64 `parquet:"events"`
	InputTokensSum  int64 `parquet:"input_tokens_sum"`
	OutputTokensSum int64 `parquet:"output_tokens_sum"`
	InputCharsSum   int64 `parquet:"input_chars_sum"`
	OutputCharsSum  int64 `parquet:"output_chars_sum"`
	LatencyMSSum    int64 `parquet:"latency_ms_sum"`
	InputTokensP50  int64 `parquet:"input_tokens_p50"`
	InputTokensP90  int64 `parquet:"input_tokens_p90"`
	InputTokensP99  int64 `parquet:"input_tokens_p99"`
	OutputTokensP50 int64 `parquet:"output_tokens_p50"`
	OutputTokensP90 int64 `parquet:"output_tokens_p90"`
	OutputTokensP99 int64 `parquet:"output_tokens_p99"`
	LatencyMSP50    int64 `parquet:"latency_ms_p50"`
	LatencyMSP90    int64 `parquet:"latency_ms_p90"`
	LatencyMSP99    int64 `parquet:"latency_ms_p99"`
}
