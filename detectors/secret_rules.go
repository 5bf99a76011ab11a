package detectors

import (
	"bytes"
	"encoding/base64"
	"hash/crc32"
)

// charset is a set of byte kinds a secret's body may hold. A byte belongs to
// a charset when its own bits (csOf) share one with it.
type charset uint16

const (
	csDigit      charset = 1 << iota // 0-9
	csHexLower                       // a-f
	csHexUpper                       // A-F
	csLower                          // a-z
	csUpper                          // A-Z
	csB32                            // A-Z, 2-7 (RFC 4648 base32)
	csUnderscore                     // _
	csDash                           // -
	csPlus                           // +
	csSlash                          // /
	csEqual                          // =
	csDot                            // .
	csTilde                          // ~
	csPercent                        // %

	csAlnum    = csDigit | csLower | csUpper
	csHex      = csDigit | csHexLower | csHexUpper
	csHexL     = csDigit | csHexLower
	csLetters  = csLower | csUpper
	csUpAlnum  = csDigit | csUpper
	csLoAlnum  = csDigit | csLower
	csWord     = csAlnum | csUnderscore        // \w
	csURLSafe  = csWord | csDash               // base64url
	csB64      = csAlnum | csPlus | csSlash    // base64 without padding
	csB64Pad   = csB64 | csEqual               // base64
	csTokenish = csURLSafe | csDot | csEqual   // [\w.=-]
	csAnyKey   = csTokenish | csPlus | csSlash // every byte a key body may hold
	csAzureAD  = csWord | csDot | csTilde | csDash
)

// csOf maps each byte to the charset bits it belongs to; read-only.
var csOf = func() (t [256]charset) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= '0' && c <= '9':
			t[c] = csDigit
			if c >= '2' && c <= '7' {
				t[c] |= csB32
			}
		case c >= 'a' && c <= 'z':
			t[c] = csLower
			if c <= 'f' {
				t[c] |= csHexLower
			}
		case c >= 'A' && c <= 'Z':
			t[c] = csUpper | csB32
			if c <= 'F' {
				t[c] |= csHexUpper
			}
		}
	}
	t['_'], t['-'], t['+'], t['/'] = csUnderscore, csDash, csPlus, csSlash
	t['='], t['.'], t['~'], t['%'] = csEqual, csDot, csTilde, csPercent
	return t
}()

// spanOf returns how many leading bytes of b belong to set, counting at most
// limit.
func spanOf(b []byte, set charset, limit int) int {
	n := 0
	for n < len(b) && n < limit && csOf[b[n]]&set != 0 {
		n++
	}
	return n
}

// tokenRule is one known secret format: a literal prefix (or, for formats
// without one, the bytes a match may start with) and either a body charset
// and length or a custom matcher. Rules are data: the table below is read by
// SecretToken, which indexes it by first byte.
type tokenRule struct {
	id     string // gitleaks-style rule id, safe to log
	prefix string // literal start, case-sensitive; "" for rules matched by first
	first  string // prefixless rules: the bytes a match may start with
	// set, min and max bound the body after the prefix; the body must end at
	// a byte that is neither in set nor a letter or digit.
	set      charset
	min, max int
	conf     float32 // confidence of a match; 0.95 or more marks it validated
	// match, when set, replaces set/min/max: given the text from the
	// candidate's first byte to the token's end, it returns the match length
	// (0 for none) and its confidence.
	match func(m []byte) (int, float32)
	// check, when set, re-scores a set/min/max match (prefix included):
	// 0 rejects it.
	check func(m []byte) float32
	// bodyOnly reports just the body as the secret (AccountKey=…).
	bodyOnly bool
	// scheme lets the span grow back over a preceding "https://".
	scheme bool
}

// Confidence levels for known formats.
const (
	confChecksum  = 0.99 // checksum or decoded structure verified
	confStructure = 0.95 // distinctive prefix with exact charset and length
	confLikely    = 0.85 // short or shared prefix: probably, not surely, a key
)

func rule(id, prefix string, set charset, min, max int) tokenRule {
	return tokenRule{id: id, prefix: prefix, set: set, min: min, max: max, conf: confStructure}
}

func weakRule(id, prefix string, set charset, min, max int) tokenRule {
	r := rule(id, prefix, set, min, max)
	r.conf, r.check = confLikely, mixedCheck(confLikely)
	return r
}

func customRule(id, prefix string, match func([]byte) (int, float32)) tokenRule {
	return tokenRule{id: id, prefix: prefix, match: match}
}

func firstRule(id, first string, match func([]byte) (int, float32)) tokenRule {
	return tokenRule{id: id, first: first, match: match}
}

func (r tokenRule) withCheck(c func([]byte) float32) tokenRule { r.check = c; return r }

const (
	digits   = "0123456789"
	hexLower = digits + "abcdef"
	lowers   = "abcdefghijklmnopqrstuvwxyz"
	uppers   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	alnums   = digits + lowers + uppers
)

// tokenRules returns the known secret formats, after gitleaks' default rules
// (cmd/generate/config/rules) plus AI providers whose keys users bring. Longer
// prefixes are tried before shorter ones sharing a first byte; among equal
// lengths, table order decides.
func tokenRules() []tokenRule {
	slackRule := func(id, prefix string) tokenRule { return customRule(id, prefix, matchSlack) }
	return []tokenRule{
		// AI providers.
		rule("openai-api-key", "sk-proj-", csURLSafe, 40, 250).withCheck(openAICheck),
		rule("openai-api-key", "sk-svcacct-", csURLSafe, 40, 250).withCheck(openAICheck),
		rule("openai-api-key", "sk-admin-", csURLSafe, 40, 250).withCheck(openAICheck),
		rule("openai-api-key", "sk-None-", csURLSafe, 40, 250).withCheck(openAICheck),
		rule("openai-api-key", "sk-", csAlnum, 48, 48).withCheck(func(m []byte) float32 {
			if string(m[23:31]) == "T3BlbkFJ" {
				return confChecksum
			}
			return 0
		}),
		rule("anthropic-api-key", "sk-ant-api03-", csURLSafe, 80, 120).withCheck(anthropicCheck),
		rule("anthropic-admin-api-key", "sk-ant-admin01-", csURLSafe, 80, 120).withCheck(anthropicCheck),
		rule("anthropic-oauth-token", "sk-ant-oat01-", csURLSafe, 80, 120).withCheck(anthropicCheck),
		rule("anthropic-oauth-token", "sk-ant-ort01-", csURLSafe, 80, 120).withCheck(anthropicCheck),
		rule("openrouter-api-key", "sk-or-v1-", csHexL, 64, 64),
		rule("langfuse-secret-key", "sk-lf-", csHexL|csDash, 36, 36),
		rule("deepseek-api-key", "sk-", csHexL, 32, 32).withCheck(mixedCheck(confLikely)),
		weakRule("generic-sk-api-key", "sk-", csAlnum, 32, 200),
		rule("groq-api-key", "gsk_", csAlnum, 52, 52),
		rule("perplexity-api-key", "pplx-", csAlnum, 48, 48),
		rule("replicate-api-token", "r8_", csAlnum, 37, 37),
		rule("xai-api-key", "xai-", csAlnum, 80, 80),
		rule("huggingface-access-token", "hf_", csLetters, 34, 34).withCheck(mixedCaseCheck),
		rule("huggingface-organization-api-token", "api_org_", csLetters, 34, 34).withCheck(mixedCaseCheck),
		rule("langsmith-api-key", "lsv2_pt_", csHexL|csUnderscore, 43, 43),
		rule("langsmith-api-key", "lsv2_sk_", csHexL|csUnderscore, 43, 43),
		rule("pinecone-api-key", "pcsk_", csWord, 40, 120),
		rule("tavily-api-key", "tvly-", csURLSafe, 32, 64),
		rule("nvidia-api-key", "nvapi-", csURLSafe, 60, 80),
		rule("cerebras-api-key", "csk-", csLoAlnum, 40, 60),
		rule("firecrawl-api-key", "fc-", csHexL, 32, 32),
		rule("elevenlabs-api-key", "sk_", csHexL, 48, 48).withCheck(mixedCheck(confLikely)),
		rule("aws-bedrock-api-key", "ABSKQmVkcm9ja0FQSUtleS", csB64Pad, 100, 400),
		rule("aws-bedrock-api-key", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t", csB64Pad|csPercent|csDash, 20, 2000),

		// Cloud.
		rule("aws-access-token", "AKIA", csB32, 16, 16),
		rule("aws-access-token", "ASIA", csB32, 16, 16),
		rule("aws-access-token", "ABIA", csB32, 16, 16),
		rule("aws-access-token", "ACCA", csB32, 16, 16),
		rule("aws-access-token", "A3T", csUpAlnum, 17, 17),
		rule("gcp-api-key", "AIza", csURLSafe, 35, 35),
		rule("google-oauth-client-secret", "GOCSPX-", csURLSafe, 28, 28),
		rule("google-oauth-access-token", "ya29.", csURLSafe|csDot, 30, 2000).withCheck(mixedCheck(confStructure)),
		rule("google-oauth-refresh-token", "1//0", csURLSafe, 40, 500).withCheck(mixedCheck(confStructure)),
		{id: "azure-storage-account-key", prefix: "AccountKey=", set: csB64Pad, min: 86, max: 88, conf: confStructure, bodyOnly: true},
		{id: "azure-shared-access-key", prefix: "SharedAccessKey=", set: csB64Pad, min: 43, max: 44, conf: confStructure, bodyOnly: true},
		firstRule("azure-ad-client-secret", alnums+"_~.", matchAzureAD),
		rule("digitalocean-pat", "dop_v1_", csHexL, 64, 64),
		rule("digitalocean-access-token", "doo_v1_", csHexL, 64, 64),
		rule("digitalocean-refresh-token", "dor_v1_", csHexL, 64, 64),
		rule("heroku-api-key-v2", "HRKU-AA", csURLSafe, 58, 58),
		rule("alibaba-access-key-id", "LTAI", csAlnum, 20, 20).withCheck(mixedCheck(confLikely)),
		rule("yandex-api-key", "AQVN", csURLSafe, 35, 38).withCheck(mixedCheck(confLikely)),
		rule("cloudflare-origin-ca-key", "v1.0-", csHexL|csDash, 171, 171).withCheck(dashAt(5 + 24)),
		firstRule("hashicorp-tf-api-token", digits+lowers, matchTerraform),
		rule("vault-service-token", "hvs.", csURLSafe, 90, 120),
		rule("vault-batch-token", "hvb.", csURLSafe, 138, 300),
		rule("pulumi-api-token", "pul-", csHexL, 40, 40),
		rule("doppler-api-token", "dp.pt.", csAlnum, 40, 44),
		rule("doppler-api-token", "dp.st.", csAlnum|csDot|csDash|csUnderscore, 40, 80),
		rule("doppler-api-token", "dp.sa.", csAlnum, 40, 44),
		rule("doppler-api-token", "dp.ct.", csAlnum, 40, 44),
		rule("doppler-api-token", "dp.scim.", csAlnum, 40, 44),
		rule("doppler-api-token", "dp.audit.", csAlnum, 40, 44),
		rule("vercel-api-token", "vcp_", csAlnum, 24, 80),
		rule("vercel-api-token", "vci_", csAlnum, 24, 80),
		rule("vercel-api-token", "vca_", csAlnum, 24, 80),
		rule("vercel-api-token", "vcr_", csAlnum, 24, 80),
		rule("vercel-api-token", "vck_", csAlnum, 24, 80),
		rule("netlify-access-token", "nfp_", csAlnum, 36, 40),
		rule("supabase-access-token", "sbp_", csHexL, 40, 40),
		rule("supabase-secret-key", "sb_secret_", csURLSafe, 20, 60),
		rule("databricks-api-token", "dapi", csHexL, 32, 32),
		rule("dynatrace-api-token", "dt0c01.", csAlnum|csDot, 89, 89).withCheck(func(m []byte) float32 {
			return b2f(m[7+24] == '.', confStructure)
		}),
		rule("planetscale-api-token", "pscale_tkn_", csTokenish, 32, 64),
		rule("planetscale-oauth-token", "pscale_oauth_", csTokenish, 32, 64),
		rule("planetscale-password", "pscale_pw_", csTokenish, 32, 64),
		rule("prefect-api-token", "pnu_", csAlnum, 36, 36),
		rule("clickhouse-cloud-api-secret-key", "4b1d", csAlnum, 38, 38).withCheck(mixedCheck(confLikely)),
		rule("openshift-user-token", "sha256~", csURLSafe, 43, 43),
		rule("scalingo-api-token", "tk-us-", csURLSafe, 48, 48),
		rule("fly-io-access-token", "FlyV1 fm2_", csB64Pad, 40, 2000),
		rule("fly-io-access-token", "fm2_", csB64Pad|csDash|csUnderscore, 100, 2000),

		// Source hosting, packages, CI.
		rule("github-pat", "ghp_", csAlnum, 36, 36).withCheck(githubCheck),
		rule("github-oauth", "gho_", csAlnum, 36, 36).withCheck(githubCheck),
		rule("github-app-token", "ghu_", csAlnum, 36, 36).withCheck(githubCheck),
		rule("github-app-token", "ghs_", csAlnum, 36, 36).withCheck(githubCheck),
		rule("github-refresh-token", "ghr_", csAlnum, 36, 36).withCheck(githubCheck),
		rule("github-fine-grained-pat", "github_pat_", csWord, 82, 82).withCheck(func(m []byte) float32 {
			return b2f(m[11+22] == '_', confChecksum)
		}),
		rule("gitlab-pat", "glpat-", csURLSafe|csDot, 20, 300),
		rule("gitlab-deploy-token", "gldt-", csURLSafe, 20, 100),
		rule("gitlab-runner-authentication-token", "glrt-", csURLSafe|csDot, 20, 100),
		rule("gitlab-runner-registration-token", "glrtr-", csURLSafe, 20, 100),
		rule("gitlab-cicd-job-token", "glcbt-", csURLSafe, 20, 100),
		rule("gitlab-pipeline-trigger-token", "glptt-", csHexL, 40, 40),
		rule("gitlab-feed-token", "glft-", csURLSafe, 20, 100),
		rule("gitlab-incoming-mail-token", "glimt-", csURLSafe, 25, 100),
		rule("gitlab-kubernetes-agent-token", "glagent-", csURLSafe, 50, 100),
		rule("gitlab-oauth-app-secret", "gloas-", csURLSafe, 64, 64),
		rule("gitlab-scim-token", "glsoat-", csURLSafe, 20, 100),
		rule("gitlab-feature-flag-client-token", "glffct-", csURLSafe, 20, 100),
		rule("gitlab-runner-registration-token", "GR1348941", csURLSafe, 20, 20),
		rule("npm-access-token", "npm_", csAlnum, 36, 36).withCheck(githubCheck),
		rule("pypi-upload-token", "pypi-AgEIcHlwaS5vcmc", csURLSafe, 50, 1000),
		rule("pypi-upload-token", "pypi-AgENdGVzdC5weXBpLm9yZw", csURLSafe, 50, 1000),
		rule("rubygems-api-token", "rubygems_", csHexL, 48, 48),
		rule("clojars-api-token", "CLOJARS_", csAlnum, 60, 60),
		rule("dockerhub-pat", "dckr_pat_", csURLSafe, 27, 40),
		rule("dockerhub-oat", "dckr_oat_", csURLSafe, 27, 40),
		rule("artifactory-api-key", "AKCp", csAlnum, 69, 69),
		rule("artifactory-reference-token", "cmVmd", csAlnum, 59, 59),
		rule("sourcegraph-access-token", "sgp_", csWord, 40, 61).withCheck(mixedCheck(confStructure)),
		rule("atlassian-api-token", "ATATT3", csURLSafe|csEqual, 150, 250),
		rule("atlassian-api-token", "ATCTT3", csURLSafe|csEqual, 150, 250),
		rule("linear-api-key", "lin_api_", csAlnum, 40, 40),
		rule("linear-oauth-token", "lin_oauth_", csHexL, 64, 64),
		rule("octopus-deploy-api-key", "API-", csUpAlnum, 26, 26).withCheck(mixedCheck(confLikely)),
		rule("readme-api-token", "rdme_", csLoAlnum, 70, 70),
		rule("infracost-api-token", "ico-", csAlnum, 32, 32),
		rule("harness-api-key", "pat.", csURLSafe|csDot, 66, 68).withCheck(dotsAt(4+22, 4+22+1+24)),
		rule("harness-api-key", "sat.", csURLSafe|csDot, 66, 68).withCheck(dotsAt(4+22, 4+22+1+24)),
		rule("intra42-client-secret", "s-s4t2ud-", csHexL, 64, 64),
		rule("intra42-client-secret", "s-s4t2af-", csHexL, 64, 64),

		// Chat and collaboration.
		slackRule("slack-bot-token", "xoxb-"),
		slackRule("slack-user-token", "xoxp-"),
		slackRule("slack-user-token", "xoxe-"),
		slackRule("slack-config-access-token", "xoxe.xoxb-"),
		slackRule("slack-config-access-token", "xoxe.xoxp-"),
		slackRule("slack-legacy-workspace-token", "xoxa-"),
		slackRule("slack-legacy-workspace-token", "xoxr-"),
		slackRule("slack-legacy-token", "xoxo-"),
		slackRule("slack-legacy-token", "xoxs-"),
		slackRule("slack-app-token", "xapp-"),
		{id: "slack-webhook-url", prefix: "hooks.slack.com/", match: matchSlackWebhook, scheme: true},
		{id: "discord-webhook-url", prefix: "discord.com/api/webhooks/", match: matchDiscordWebhook, scheme: true},
		{id: "discord-webhook-url", prefix: "discordapp.com/api/webhooks/", match: matchDiscordWebhook, scheme: true},
		firstRule("discord-bot-token", "MNO", matchDiscordBot),
		firstRule("telegram-bot-api-token", digits, matchTelegram),
		customRule("telegram-bot-api-token", "bot", func(m []byte) (int, float32) {
			n, c := matchTelegram(m[3:])
			return b2i(n > 0, n+3), c
		}),
		rule("notion-api-token", "ntn_", csAlnum, 46, 46).withCheck(func(m []byte) float32 {
			return b2f(spanOf(m[4:], csDigit, 11) == 11, confStructure)
		}),
		weakRule("notion-api-token", "secret_", csAlnum, 43, 43),
		customRule("airtable-personnal-access-token", "pat", matchAirtable),
		rule("typeform-api-token", "tfp_", csTokenish, 59, 59),
		rule("frameio-api-token", "fio-u-", csTokenish, 64, 64),
		rule("facebook-page-access-token", "EAAM", csAlnum, 100, 400),
		rule("facebook-page-access-token", "EAAC", csAlnum, 100, 400),
		{id: "twitter-bearer-token", prefix: "AAAAAAAAAAAAAAAAAAAAA", set: csAlnum | csPercent, min: 80, max: 120, conf: confStructure},
		rule("mapbox-api-token", "sk.eyJ", csURLSafe|csDot, 60, 300),
		rule("1password-service-account-token", "ops_eyJ", csB64Pad, 250, 4000),
		rule("1password-secret-key", "A3-", csUpAlnum|csDash, 34, 40).withCheck(onePasswordCheck),
		rule("age-secret-key", "AGE-SECRET-KEY-1", csUpAlnum, 58, 58).withCheck(func(m []byte) float32 {
			return b2f(bytes.IndexAny(m[16:], "1BIO") < 0, confStructure)
		}),

		// Payments and commerce.
		weakRule("stripe-access-token", "sk_live_", csAlnum, 16, 110),
		weakRule("stripe-access-token", "sk_test_", csAlnum, 16, 110),
		weakRule("stripe-access-token", "rk_live_", csAlnum, 16, 110),
		weakRule("stripe-access-token", "rk_test_", csAlnum, 16, 110),
		rule("stripe-webhook-secret", "whsec_", csB64Pad, 32, 64),
		rule("square-access-token", "sq0atp-", csURLSafe, 22, 60),
		rule("square-secret", "sq0csp-", csURLSafe, 43, 43),
		weakRule("square-access-token", "EAAA", csURLSafe, 60, 60),
		customRule("paypal-braintree-access-token", "access_token$production$", matchBraintree),
		customRule("paypal-braintree-access-token", "access_token$sandbox$", matchBraintree),
		rule("shopify-access-token", "shpat_", csHex, 32, 32),
		rule("shopify-custom-access-token", "shpca_", csHex, 32, 32),
		rule("shopify-private-app-access-token", "shppa_", csHex, 32, 32),
		rule("shopify-shared-secret", "shpss_", csHex, 32, 32),
		rule("shippo-api-token", "shippo_live_", csHex, 40, 40),
		rule("shippo-api-token", "shippo_test_", csHex, 40, 40),
		rule("duffel-api-token", "duffel_live_", csURLSafe|csEqual, 43, 43),
		rule("duffel-api-token", "duffel_test_", csURLSafe|csEqual, 43, 43),
		rule("easypost-api-token", "EZAK", csAlnum, 54, 54),
		rule("easypost-test-api-token", "EZTK", csAlnum, 54, 54),
		customRule("flutterwave-secret-key", "FLWSECK_TEST-", matchFlutterwave),
		customRule("flutterwave-secret-key", "FLWSECK-", matchFlutterwave),
		rule("adobe-client-secret", "p8e-", csAlnum, 32, 32).withCheck(mixedCheck(confStructure)),

		// E-mail and messaging.
		customRule("sendgrid-api-token", "SG.", matchSendGrid),
		rule("mailgun-private-api-token", "key-", csHexL, 32, 32).withCheck(mixedCheck(confLikely)),
		firstRule("mailchimp-api-key", hexLower, matchMailchimp),
		rule("sendinblue-api-token", "xkeysib-", csHexL|csAlnum|csDash, 81, 81).withCheck(dashAt(8 + 64)),
		rule("twilio-api-key", "SK", csHex, 32, 32).withCheck(mixedCheck(confLikely)),
		rule("postman-api-token", "PMAK-", csHex|csDash, 59, 59).withCheck(dashAt(5 + 24)),

		// Observability.
		rule("new-relic-user-api-key", "NRAK-", csUpAlnum, 27, 27),
		rule("new-relic-browser-api-token", "NRJS-", csHexL, 19, 19),
		rule("new-relic-insert-key", "NRII-", csURLSafe, 32, 32),
		customRule("sentry-org-token", "sntrys_", matchSentryOrg),
		rule("sentry-user-token", "sntryu_", csHexL, 64, 64),
		rule("grafana-cloud-api-token", "glc_", csB64Pad, 32, 400),
		rule("grafana-service-account-token", "glsa_", csWord, 41, 41).withCheck(func(m []byte) float32 {
			return b2f(m[5+32] == '_' && spanOf(m[5+33:], csHex, 8) == 8, confStructure)
		}),
		rule("grafana-api-key", "eyJrIjoi", csB64Pad, 70, 400),

		// Structural.
		customRule("jwt", "eyJ", matchJWT),
	}
}

func b2f(ok bool, c float32) float32 {
	if ok {
		return c
	}
	return 0
}

func b2i(ok bool, n int) int {
	if ok {
		return n
	}
	return 0
}

// mixedCheck accepts a body holding both a digit and a letter, which
// separates keys from words that happen to follow a short prefix.
func mixedCheck(conf float32) func([]byte) float32 {
	return func(m []byte) float32 {
		var cls charset
		for _, c := range m {
			cls |= csOf[c]
		}
		return b2f(cls&csDigit != 0 && cls&csLetters != 0, conf)
	}
}

// mixedCaseCheck accepts letters-only bodies with both cases (hf_ tokens).
func mixedCaseCheck(m []byte) float32 {
	var cls charset
	for _, c := range m[3:] {
		cls |= csOf[c]
	}
	return b2f(cls&csLower != 0 && cls&csUpper != 0, confStructure)
}

func dashAt(i int) func([]byte) float32 {
	return func(m []byte) float32 { return b2f(m[i] == '-', confStructure) }
}

func dotsAt(i, j int) func([]byte) float32 {
	return func(m []byte) float32 { return b2f(m[i] == '.' && m[j] == '.', confStructure) }
}

// openAICheck validates project, service-account and admin keys: current
// keys embed "T3BlbkFJ" (base64 of "OpenAI") mid-body.
func openAICheck(m []byte) float32 {
	if bytes.Contains(m, []byte("T3BlbkFJ")) {
		return confChecksum
	}
	return confLikely
}

// anthropicCheck validates Anthropic keys, which end in "AA" after 93 bytes.
func anthropicCheck(m []byte) float32 {
	body := m[bytes.Index(m[len("sk-ant-"):], []byte("-"))+len("sk-ant-")+1:]
	if len(body) == 95 && bytes.HasSuffix(body, []byte("AA")) {
		return confChecksum
	}
	return confLikely
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// githubCheck verifies the checksum of GitHub and npm tokens: the last six
// characters are the base62 CRC-32 of the 30 before them. A token failing it
// is still reported, unvalidated: it may be a truncated or hand-made key.
func githubCheck(m []byte) float32 {
	body := m[4:]
	sum := githubChecksum(body[:30])
	if string(body[30:]) != string(sum[:]) {
		return confLikely
	}
	return confChecksum
}

// githubChecksum returns the base62 CRC-32 of random, left-padded to six.
func githubChecksum(random []byte) [6]byte {
	var out [6]byte
	sum := crc32.ChecksumIEEE(random)
	for i := 5; i >= 0; i-- {
		out[i] = base62[sum%62]
		sum /= 62
	}
	return out
}

// onePasswordCheck accepts A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX and
// A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX.
func onePasswordCheck(m []byte) float32 {
	var lens [8]int
	n := 0
	for _, part := range bytes.Split(m[3:], []byte("-")) {
		if n == len(lens) {
			return 0
		}
		lens[n] = len(part)
		n++
	}
	a := [8]int{6, 6, 5, 5, 5, 5}
	b := [8]int{6, 11, 5, 5, 5}
	return b2f(lens == a || lens == b, confStructure)
}

// matchSlack matches xox?- tokens: digit groups and an alphanumeric tail.
func matchSlack(m []byte) (int, float32) {
	p := bytes.IndexByte(m, '-') + 1
	n := spanOf(m[p:], csAlnum|csDash, 300)
	if n < 20 || bytes.IndexAny(m[p:p+n], digits) < 0 {
		return 0, 0
	}
	return p + n, confStructure
}

// matchSlackWebhook matches hooks.slack.com/{services,workflows,triggers}/….
func matchSlackWebhook(m []byte) (int, float32) {
	rest := m[len("hooks.slack.com/"):]
	for _, kind := range []string{"services/", "workflows/", "triggers/"} {
		if bytes.HasPrefix(rest, []byte(kind)) {
			n := spanOf(rest[len(kind):], csB64, 120)
			if n >= 40 {
				return len("hooks.slack.com/") + len(kind) + n, confChecksum
			}
		}
	}
	return 0, 0
}

// matchDiscordWebhook matches …/api/webhooks/<id>/<token>.
func matchDiscordWebhook(m []byte) (int, float32) {
	p := bytes.Index(m, []byte("webhooks/")) + len("webhooks/")
	d := spanOf(m[p:], csDigit, 25)
	if d < 15 || p+d >= len(m) || m[p+d] != '/' {
		return 0, 0
	}
	t := spanOf(m[p+d+1:], csURLSafe, 100)
	if t < 60 || t > 70 {
		return 0, 0
	}
	return p + d + 1 + t, confChecksum
}

// matchDiscordBot matches bot tokens: base64 of the bot's numeric id, a
// timestamp and an HMAC, dot-separated. The id part must decode to digits.
func matchDiscordBot(m []byte) (int, float32) {
	a := spanOf(m, csURLSafe, 30)
	if a < 23 || a > 28 || a >= len(m) || m[a] != '.' {
		return 0, 0
	}
	b := spanOf(m[a+1:], csURLSafe, 8)
	if b < 6 || b > 7 || a+1+b >= len(m) || m[a+1+b] != '.' {
		return 0, 0
	}
	c := spanOf(m[a+b+2:], csURLSafe, 50)
	if c < 27 || c > 40 {
		return 0, 0
	}
	var buf [32]byte
	n, err := base64.RawURLEncoding.Decode(buf[:], m[:a-a%4])
	if err != nil || n < 15 || spanOf(buf[:n], csDigit, n) != n {
		return 0, 0
	}
	return a + b + c + 2, confChecksum
}

// matchTelegram matches bot tokens: <bot id>:AA<33 more>.
func matchTelegram(m []byte) (int, float32) {
	d := spanOf(m, csDigit, 17)
	if d < 5 || d > 16 || d+2 >= len(m) || m[d] != ':' || m[d+1] != 'A' {
		return 0, 0
	}
	t := spanOf(m[d+1:], csURLSafe, 36)
	if t != 35 {
		return 0, 0
	}
	return d + 1 + t, confStructure
}

// matchAzureAD matches Entra ID client secrets: three bytes, a digit, "Q~",
// then 31 to 34 more.
func matchAzureAD(m []byte) (int, float32) {
	if len(m) < 37 || m[4] != 'Q' || m[5] != '~' || csOf[m[3]]&csDigit == 0 || spanOf(m, csAzureAD&^csDash, 3) != 3 {
		return 0, 0
	}
	n := spanOf(m[6:], csAzureAD, 35)
	if n < 31 || n > 34 {
		return 0, 0
	}
	return 6 + n, confStructure
}

// matchTerraform matches <14>.atlasv1.<60-70> Terraform Cloud tokens.
func matchTerraform(m []byte) (int, float32) {
	if len(m) < 14+9+60 || string(m[14:23]) != ".atlasv1." || spanOf(m, csLoAlnum, 14) != 14 {
		return 0, 0
	}
	n := spanOf(m[23:], csURLSafe|csEqual, 71)
	if n < 60 || n > 70 {
		return 0, 0
	}
	return 23 + n, confChecksum
}

// matchAirtable matches pat<14>.<64 hex>.
func matchAirtable(m []byte) (int, float32) {
	if len(m) < 3+14+1+64 || spanOf(m[3:], csAlnum, 14) != 14 || m[17] != '.' || spanOf(m[18:], csHexL, 65) != 64 {
		return 0, 0
	}
	return 18 + 64, confStructure
}

// matchBraintree matches access_token$<env>$<16>$<32 hex>.
func matchBraintree(m []byte) (int, float32) {
	p := bytes.LastIndexByte(m[:min(len(m), 24)], '$') + 1
	if spanOf(m[p:], csLoAlnum, 17) != 16 || p+16 >= len(m) || m[p+16] != '$' || spanOf(m[p+17:], csHexL, 33) != 32 {
		return 0, 0
	}
	return p + 17 + 32, confChecksum
}

// matchFlutterwave matches FLWSECK[_TEST]-<32 hex>-X.
func matchFlutterwave(m []byte) (int, float32) {
	p := bytes.IndexByte(m, '-') + 1
	if spanOf(m[p:], csHexL, 33) != 32 || !bytes.HasPrefix(m[p+32:], []byte("-X")) {
		return 0, 0
	}
	return p + 34, confStructure
}

// matchSendGrid matches SG.<22>.<43>.
func matchSendGrid(m []byte) (int, float32) {
	if spanOf(m[3:], csURLSafe, 23) != 22 || len(m) < 3+22+1+43 || m[25] != '.' || spanOf(m[26:], csURLSafe, 44) != 43 {
		return 0, 0
	}
	return 26 + 43, confChecksum
}

// matchMailchimp matches <32 hex>-us<1-2 digits>.
func matchMailchimp(m []byte) (int, float32) {
	if len(m) < 36 || m[32] != '-' || m[33] != 'u' || m[34] != 's' || spanOf(m, csHexL, 32) != 32 {
		return 0, 0
	}
	d := spanOf(m[35:], csDigit, 3)
	if d < 1 || d > 2 {
		return 0, 0
	}
	return 35 + d, confStructure
}

// matchSentryOrg matches sntrys_ tokens, whose body is base64 JSON with an
// "iat" claim, followed by _<43>.
func matchSentryOrg(m []byte) (int, float32) {
	if !bytes.HasPrefix(m[7:], []byte("eyJpYXQiO")) {
		return 0, 0
	}
	n := spanOf(m[7:], csB64Pad|csUnderscore, 500)
	if n < 60 {
		return 0, 0
	}
	return 7 + n, confChecksum
}

// matchJWT matches header.payload.signature where the header is base64url
// JSON naming an algorithm; the signature may be empty (alg "none").
func matchJWT(m []byte) (int, float32) {
	h := spanOf(m, csURLSafe, 1000)
	if h < 10 || h >= len(m) || m[h] != '.' {
		return 0, 0
	}
	p := spanOf(m[h+1:], csURLSafe, 1<<16)
	if p < 10 || m[h+1] != 'e' || m[h+2] != 'y' {
		return 0, 0
	}
	n := h + 1 + p
	if n < len(m) && m[n] == '.' {
		n += 1 + spanOf(m[n+1:], csURLSafe, 1<<12)
	} else {
		return 0, 0
	}
	var buf [768]byte
	hdr := m[:min(h, 1000)]
	k, err := base64.RawURLEncoding.Decode(buf[:], hdr[:len(hdr)-len(hdr)%4])
	if err != nil || !bytes.Contains(buf[:k], []byte(`"alg"`)) {
		return 0, 0
	}
	return n, confChecksum
}
