package main

import "regexp"

// naiveRule is one regular expression of the naive baseline.
type naiveRule struct {
	name string
	re   *regexp.Regexp
}

// naiveRules returns the naive baseline: the engine's structured types, one
// stdlib regexp each, in the form common open-source scanners use (Presidio's
// and gitleaks' patterns, simplified). It is the honest naive approach, not a
// sabotaged one: patterns are anchored on literal prefixes where the type has
// them, so RE2's prefix scan applies, and nothing is compiled per message.
func naiveRules() []naiveRule {
	rules := []struct{ name, expr string }{
		{"email", `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`},
		{"url", `https?://[^\s<>"']+`},
		{"ipv4", `\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\b`},
		{"ipv6", `(?i)\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b`},
		{"mac", `\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b`},
		{"phone", `(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]?\d{3,5}[\s.-]?\d{3,5}\b`},
		{"card", `\b(?:\d[ -]?){12,18}\d\b`},
		{"iban", `\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`},
		{"ssn", `\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b`},
		{"btc", `\b(?:bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})\b`},
		{"eth", `\b0x[0-9a-fA-F]{40}\b`},
		{"openai-anthropic", `\bsk-(?:proj-|ant-api03-)?[A-Za-z0-9_-]{20,}`},
		{"github", `\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b`},
		{"aws", `\b(?:AKIA|ASIA)[A-Z2-7]{16}\b`},
		{"slack", `\bxox[baprs]-[A-Za-z0-9-]{10,}`},
		{"stripe", `\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,}\b`},
		{"google", `\bAIza[A-Za-z0-9_-]{35}`},
		{"jwt", `\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`},
		{"pem", `-----BEGIN [A-Z ]*PRIVATE KEY-----`},
	}
	out := make([]naiveRule, len(rules))
	for i, r := range rules {
		out[i] = naiveRule{r.name, regexp.MustCompile(r.expr)}
	}
	return out
}

// naiveScan runs every rule over text with FindAllIndex, as a naive scanner
// does, and reports how many matches it found.
func naiveScan(rules []naiveRule, text []byte) int {
	n := 0
	for _, r := range rules {
		n += len(r.re.FindAllIndex(text, -1))
	}
	return n
}
