package detectors

import (
	"encoding/base64"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Keys in these tests are synthetic but format-valid. They are assembled at
// run time from pieces (prefixes split, bodies from a seeded generator), so
// secret scanners with push protection find nothing in the source.

const (
	alAlnum   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	alURL     = alAlnum + "_-"
	alHex     = "0123456789abcdef"
	alB32     = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	alUpAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	alLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	alDigits  = "0123456789"
	alB64     = alAlnum + "+/"
)

// rnd returns n bytes drawn from alphabet by a seeded generator: a stand-in
// for a key body that is random-looking yet reproducible.
func rnd(alphabet string, n int, seed uint32) string {
	var b strings.Builder
	x := seed*2654435761 + 12345
	for range n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteByte(alphabet[x%uint32(len(alphabet))])
	}
	return b.String()
}

func ghToken(prefix string, seed uint32) string {
	r := rnd(alAlnum, 30, seed)
	sum := githubChecksum([]byte(r))
	return prefix + r + string(sum[:])
}

func b64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func jwt() string {
	return b64url(`{"alg":"HS256","typ":"JWT"}`) + "." + b64url(`{"sub":"1234567890","name":"Test","iat":1516239022}`) + "." + rnd(alURL, 43, 7)
}

func pemBlock(label string) string {
	var b strings.Builder
	b.WriteString("-----" + "BEGIN " + label + "-----\n")
	for i := range 6 {
		b.WriteString(rnd(alB64, 64, uint32(100+i)) + "\n")
	}
	b.WriteString("-----" + "END " + label + "-----")
	return b.String()
}

func secretEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New([]Detector{SecretToken(), SecretAssignment(), PrivateKey()})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

type secretHit struct {
	Rule, Value string
}

func secretHits(text string, fs []Finding) []secretHit {
	out := []secretHit{}
	for _, f := range fs {
		out = append(out, secretHit{f.Rule, text[f.Start:f.End]})
	}
	return out
}

// secretCase is a text holding one secret where %s marks it.
type secretCase struct {
	name   string
	give   string
	secret string
	rule   string
}

func secretPositives() []secretCase {
	telegramID := "7" + rnd(alDigits, 9, 3)
	discordID := "8" + rnd(alDigits, 17, 4)
	aws := "AK" + "IA" + rnd(alB32, 16, 5)
	awsSecret := rnd(alB64, 40, 6)
	return []secretCase{
		{"openai project", "my key is %s thanks", "sk-" + "proj-" + rnd(alURL, 74, 1) + "T3Blbk" + "FJ" + rnd(alURL, 74, 2), "openai-api-key"},
		{"openai service account", "%s", "sk-" + "svcacct-" + rnd(alURL, 58, 1) + "T3Blbk" + "FJ" + rnd(alURL, 58, 2), "openai-api-key"},
		{"openai admin", "key=%s", "sk-" + "admin-" + rnd(alURL, 58, 3) + "T3Blbk" + "FJ" + rnd(alURL, 58, 4), "openai-api-key"},
		{"openai legacy", "use %s.", "sk-" + rnd(alAlnum, 20, 1) + "T3Blbk" + "FJ" + rnd(alAlnum, 20, 2), "openai-api-key"},
		{"anthropic", "ANTHROPIC_API_KEY=%s", "sk-" + "ant-api03-" + rnd(alURL, 93, 1) + "AA", "anthropic-api-key"},
		{"anthropic admin", `"%s"`, "sk-" + "ant-admin01-" + rnd(alURL, 93, 2) + "AA", "anthropic-admin-api-key"},
		{"deepseek", "deepseek: %s", "sk-" + rnd(alHex, 32, 3), "deepseek-api-key"},
		{"openrouter", "%s", "sk-" + "or-v1-" + rnd(alHex, 64, 3), "openrouter-api-key"},
		{"typographic quotes", "la clé «%s» merci", "gs" + "k_" + rnd(alAlnum, 52, 40), "groq-api-key"},
		{"markdown", "use `%s` here", ghToken("gh"+"p_", 41), "github-pat"},
		{"groq", "(%s)", "gs" + "k_" + rnd(alAlnum, 52, 1), "groq-api-key"},
		{"perplexity", "%s", "pp" + "lx-" + rnd(alAlnum, 48, 1), "perplexity-api-key"},
		{"replicate", "%s", "r8" + "_" + rnd(alAlnum, 37, 1), "replicate-api-token"},
		{"xai", "%s", "xa" + "i-" + rnd(alAlnum, 80, 1), "xai-api-key"},
		{"huggingface", "HF_TOKEN=%s", "hf" + "_" + rnd(alLetters, 34, 1), "huggingface-access-token"},
		{"aws access key id", "id %s", aws, "aws-access-token"},
		{"aws temporary id", "%s", "AS" + "IA" + rnd(alB32, 16, 9), "aws-access-token"},
		{"gcp", "?key=%s&x=1", "AI" + "za" + rnd(alURL, 35, 1), "gcp-api-key"},
		{"google oauth client secret", "%s", "GOC" + "SPX-" + rnd(alURL, 28, 1), "google-oauth-client-secret"},
		{"github pat", "%s", ghToken("gh"+"p_", 1), "github-pat"},
		{"github oauth", "%s", ghToken("gh"+"o_", 2), "github-oauth"},
		{"github app", "%s", ghToken("gh"+"s_", 3), "github-app-token"},
		{"github refresh", "%s", ghToken("gh"+"r_", 4), "github-refresh-token"},
		{"github fine-grained", "%s", "github" + "_pat_" + rnd(alAlnum, 22, 1) + "_" + rnd(alAlnum, 59, 2), "github-fine-grained-pat"},
		{"gitlab pat", "%s", "gl" + "pat-" + rnd(alURL, 20, 1), "gitlab-pat"},
		{"gitlab runner", "%s", "gl" + "rt-" + rnd(alURL, 20, 2), "gitlab-runner-authentication-token"},
		{"npm", "%s", ghToken("np"+"m_", 5), "npm-access-token"},
		{"pypi", "%s", "py" + "pi-AgEIcHlwaS5vcmc" + rnd(alURL, 70, 1), "pypi-upload-token"},
		{"docker hub", "%s", "dc" + "kr_pat_" + rnd(alURL, 27, 1), "dockerhub-pat"},
		{"slack bot", "%s", "xo" + "xb-" + rnd(alDigits, 12, 1) + "-" + rnd(alDigits, 13, 2) + "-" + rnd(alAlnum, 24, 3), "slack-bot-token"},
		{"slack user", "%s", "xo" + "xp-" + rnd(alDigits, 12, 1) + "-" + rnd(alDigits, 12, 2) + "-" + rnd(alDigits, 12, 3) + "-" + rnd(alHex, 32, 4), "slack-user-token"},
		{"slack app", "%s", "xa" + "pp-1-A" + rnd(alUpAlnum, 10, 1) + "-" + rnd(alDigits, 13, 2) + "-" + rnd(alHex, 64, 3), "slack-app-token"},
		{"slack webhook", "post to %s now", "https://" + "hooks.slack.com/services/T" + rnd(alUpAlnum, 10, 1) + "/B" + rnd(alUpAlnum, 10, 2) + "/" + rnd(alAlnum, 24, 3), "slack-webhook-url"},
		{"discord webhook", "%s", "https://" + "discord.com/api/webhooks/" + rnd(alDigits, 18, 1) + "/" + rnd(alURL, 68, 2), "discord-webhook-url"},
		{"discord bot", "%s", b64url(discordID) + "." + rnd(alURL, 6, 1) + "." + rnd(alURL, 38, 2), "discord-bot-token"},
		{"telegram", "bot token %s", telegramID + ":AA" + rnd(alURL, 33, 1), "telegram-bot-api-token"},
		{"stripe live", "%s", "sk" + "_live_" + rnd(alAlnum, 24, 1), "stripe-access-token"},
		{"stripe restricted", "%s", "rk" + "_live_" + rnd(alAlnum, 24, 2), "stripe-access-token"},
		{"stripe test", "%s", "sk" + "_test_" + rnd(alAlnum, 24, 3), "stripe-access-token"},
		{"twilio", "%s", "S" + "K" + rnd(alHex, 32, 1), "twilio-api-key"},
		{"sendgrid", "%s", "S" + "G." + rnd(alURL, 22, 1) + "." + rnd(alURL, 43, 2), "sendgrid-api-token"},
		{"mailgun", "%s", "ke" + "y-" + rnd(alHex, 32, 1), "mailgun-private-api-token"},
		{"mailchimp", "%s", rnd(alHex, 32, 2) + "-us" + "12", "mailchimp-api-key"},
		{"digitalocean", "%s", "do" + "p_v1_" + rnd(alHex, 64, 1), "digitalocean-pat"},
		{"heroku v2", "%s", "HR" + "KU-AA" + rnd(alURL, 58, 1), "heroku-api-key-v2"},
		{"shopify", "%s", "sh" + "pat_" + rnd(alHex, 32, 1), "shopify-access-token"},
		{"square", "%s", "sq" + "0atp-" + rnd(alURL, 22, 1), "square-access-token"},
		{"braintree", "%s", "access_token$" + "production$" + rnd("abcdefghijklmnopqrstuvwxyz0123456789", 16, 1) + "$" + rnd(alHex, 32, 2), "paypal-braintree-access-token"},
		{"new relic", "%s", "NR" + "AK-" + rnd(alUpAlnum, 27, 1), "new-relic-user-api-key"},
		{"sentry user", "%s", "sn" + "tryu_" + rnd(alHex, 64, 1), "sentry-user-token"},
		{"grafana cloud", "%s", "gl" + "c_" + rnd(alB64, 60, 1), "grafana-cloud-api-token"},
		{"grafana service account", "%s", "gl" + "sa_" + rnd(alAlnum, 32, 1) + "_" + rnd(alHex, 8, 2), "grafana-service-account-token"},
		{"atlassian", "%s", "ATA" + "TT3" + rnd(alURL, 186, 1), "atlassian-api-token"},
		{"linear", "%s", "lin" + "_api_" + rnd(alAlnum, 40, 1), "linear-api-key"},
		{"notion", "%s", "nt" + "n_" + rnd(alDigits, 11, 1) + rnd(alAlnum, 35, 2), "notion-api-token"},
		{"airtable", "%s", "pa" + "t" + rnd(alAlnum, 14, 1) + "." + rnd(alHex, 64, 2), "airtable-personnal-access-token"},
		{"doppler", "%s", "dp" + ".pt." + rnd(alAlnum, 43, 1), "doppler-api-token"},
		{"vault", "VAULT_TOKEN=%s", "hv" + "s." + rnd(alURL, 95, 1), "vault-service-token"},
		{"azure storage key", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=%s;EndpointSuffix=core.windows.net", rnd(alB64, 86, 1) + "==", "azure-storage-account-key"},
		{"azure ad client secret", "%s", "ab" + "C8Q~" + rnd(alURL, 34, 1), "azure-ad-client-secret"},
		{"age", "%s", "AGE-" + "SECRET-KEY-1" + rnd("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, 1), "age-secret-key"},
		{"1password secret key", "%s", "A" + "3-" + rnd(alUpAlnum, 6, 1) + "-" + rnd(alUpAlnum, 6, 2) + "-" + rnd(alUpAlnum, 5, 3) + "-" + rnd(alUpAlnum, 5, 4) + "-" + rnd(alUpAlnum, 5, 5) + "-" + rnd(alUpAlnum, 5, 6), "1password-secret-key"},
		{"pulumi", "%s", "pu" + "l-" + rnd(alHex, 40, 1), "pulumi-api-token"},
		{"terraform", "%s", rnd("abcdefghijklmnopqrstuvwxyz0123456789", 14, 1) + ".atlas" + "v1." + rnd(alURL, 67, 2), "hashicorp-tf-api-token"},
		{"vercel", "%s", "vc" + "p_" + rnd(alAlnum, 56, 1), "vercel-api-token"},
		{"netlify", "%s", "nf" + "p_" + rnd(alAlnum, 36, 1), "netlify-access-token"},
		{"supabase", "%s", "sb" + "p_" + rnd(alHex, 40, 1), "supabase-access-token"},
		{"databricks", "%s", "da" + "pi" + rnd(alHex, 32, 1), "databricks-api-token"},
		{"jwt", "Authorization: Bearer %s", jwt(), "jwt"},
		{"postgres url", "postgres://app:%s@db.example.com:5432/prod", "s3cr" + "etPw9", "database-connection-string"},
		{"mongodb url", "mongodb+srv://admin:%s@cluster0.example.net/", "Tr0ub4" + "dor", "database-connection-string"},
		{"https basic auth", "https://bob:%s@example.com/x", "Pa55" + "word!", "url-basic-auth"},
		{"sentry dsn", "https://%s@o123.ingest.sentry.io/456", rnd(alHex, 32, 9), "sentry-dsn"},
		{"pem rsa", "here:\n%s\nthanks", pemBlock("RSA PRIVATE KEY"), "private-key"},
		{"pem openssh", "%s", pemBlock("OPENSSH PRIVATE KEY"), "private-key"},
		{"pem pkcs8 in json", `{"private_key": "%s"}`, strings.ReplaceAll(pemBlock("PRIVATE KEY"), "\n", `\n`), "private-key"},

		// Assignments and cues: the value only.
		{"password=", "password=%s", "hunter2", "generic-password"},
		{"password: quoted", `password: "%s"`, "correct horse battery", "generic-password"},
		{"json password", `{"user":"bob","password":"%s"}`, "Tr0ub4dor&3", "generic-password"},
		{"env password spaced", `DB_PASSWORD = '%s'`, "s3cret-Value", "generic-password"},
		{"prose password", "my password is %s ok", "hunter2", "generic-password"},
		{"prose password far cue", "the password for the wifi is %s", "Summer2024!", "generic-password"},
		{"spanish", "contraseña: %s", "Sol2024", "generic-password"},
		{"german", "Passwort: %s", "Sommer2024", "generic-password"},
		{"german cue", "Das Kennwort lautet %s", "Sommer!2024", "generic-password"},
		{"french", "mot de passe : %s", "Soleil2024", "generic-password"},
		{"portuguese", "senha=%s", "abc12345x", "generic-password"},
		{"russian", "пароль: %s", "qwerty123", "generic-password"},
		{"portuguese prose", "minha senha é %s", "Abc!2024", "generic-password"},
		{"dutch", "wachtwoord = %s", "Zomer2024", "generic-password"},
		{"basic auth header", "Authorization: Basic %s", b64url("bob:Tr0ub4dor") + "==", "basic-auth"},
		{"password in query", "https://example.com/login?user=bob&password=%s&next=/", "Tr0ub4dor3", "generic-password"},
		{"api_key yaml", "api_key: %s", rnd(alAlnum, 32, 11), "generic-api-key"},
		{"token json", `{"token": "%s"}`, rnd(alURL, 40, 12), "generic-api-key"},
		{"export", "export OPENAI_API_KEY=%s", rnd(alAlnum, 40, 13), "generic-api-key"},
		{"bearer header", "Authorization: Bearer %s", rnd(alURL, 40, 14), "bearer-token"},
		{"bearer curl", `curl -H "Authorization: Bearer %s" https://api.example.com`, rnd(alURL, 40, 15), "bearer-token"},
		{"prose api key", "my api key is %s, can you check", rnd(alAlnum, 32, 16), "generic-api-key"},
		{"prose api key, shortest", "my api key is %s", rnd(alAlnum, 20, 19), "generic-api-key"},
		{"secret hex with keyword", "client_secret=%s", rnd(alHex, 40, 17), "generic-api-key"},
		{"camel apiKey", `apiKey = "%s"`, rnd(alAlnum, 24, 18), "generic-api-key"},
		{"cloudflare origin ca", "%s", "v1" + ".0-" + rnd(alHex, 24, 30) + "-" + rnd(alHex, 146, 31), "cloudflare-origin-ca-key"},
		{"slack legacy workspace", "%s", "xo" + "xa-2-" + rnd(alAlnum, 30, 32), "slack-legacy-workspace-token"},
		{"postman", "%s", "PM" + "AK-" + rnd(alHex, 24, 33) + "-" + rnd(alHex, 34, 34), "postman-api-token"},
		{"sendinblue", "%s", "xkey" + "sib-" + rnd(alHex, 64, 35) + "-" + rnd(alAlnum, 16, 36), "sendinblue-api-token"},
		{"dynatrace", "%s", "dt0c" + "01." + rnd(alUpAlnum, 24, 37) + "." + rnd(alAlnum, 64, 38), "dynatrace-api-token"},
		{"cohere by name", "COHERE_API_KEY=%s", rnd(alAlnum, 40, 19), "cohere-api-token"},
		{"mistral by name", "MISTRAL_API_KEY=%s", rnd(alAlnum, 32, 20), "mistral-api-key"},
		{"heroku by name", "HEROKU_API_KEY=%s", "0c7f5c9e-1b2a-4d3e-9f8a-7b6c5d4e3f2a", "heroku-api-key"},
		{"aws secret by name", "aws_secret_access_key = %s", awsSecret, "aws-secret-access-key"},
		{"query token", "https://api.example.com/v1?user=1&access_token=%s&x=2", rnd(alAlnum, 32, 21), "generic-api-key"},
		{"compound name", "das Router-Passwort ist %s", "Kx!9mLp2", "generic-password"},
		{"italian copula", "la password dell'ufficio è %s", "Gatto#42", "generic-password"},
		{"french c'est", "le mot de passe du bureau c'est %s je crois", "Mar1ne!Bleue", "generic-password"},
		{"wifi code", "le code wifi ? c'est %s", "Pl4ge&Sable", "generic-password"},
		{"shaped without cue", `network "Cafe-Nord" password %s`, "Pl4ge&Sable", "generic-password"},
		{"login pair", "my login is jdoe / %s", "Ocean!Breeze7", "generic-password"},
		{"german credentials", "Zugangsdaten: m.keller %s", "Herbst#2031", "generic-password"},
		{"mysql glued flag", "mysql -u app -h db.example.com -p%s appdb", "Tr1cky#Pw", "cli-password"},
		{"sshpass", "sshpass -p %s ssh deploy@example.com", "Zz9!quartz", "cli-password"},
		{"db url with # in password", "redis://cache:%s@cache.example.com:6379/0", "r3d#is!Pw", "database-connection-string"},
		{"lone separator", `const openaiApiKey = "%s"`, rnd(alAlnum, 32, 50), "generic-api-key"},
		{"plain word ending the sentence", "my password is %s", "sunshine", "plain-password"},
		{"plain word then period", "Mein Passwort ist %s.", "schmetterling", "plain-password"},
	}
}

func TestSecretTruePositives(t *testing.T) {
	e := secretEngine(t)
	for _, tt := range secretPositives() {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(tt.give, "%s", tt.secret, 1)
			got := secretHits(text, e.Scan(nil, []byte(text)))
			want := []secretHit{{tt.rule, tt.secret}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%s) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestSecretMultiple(t *testing.T) {
	id := "AK" + "IA" + rnd(alB32, 16, 5)
	secret := rnd(alB64, 40, 6)
	sha := "3f2a9c1b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f90"
	gh := ghToken("gh"+"p_", 8)
	tests := []struct {
		name string
		give string
		want []secretHit
	}{
		{"aws pair", "aws creds: " + id + "\n" + secret + "\n", []secretHit{{"aws-access-token", id}, {"aws-secret-access-key", secret}}},
		{"aws id then git sha", id + " is in commit " + sha, []secretHit{{"aws-access-token", id}}},
		{"two keys in json", `{"gh":"` + gh + `","password":"hunter2"}`, []secretHit{{"github-pat", gh}, {"generic-password", "hunter2"}}},
		{"env file", "GITHUB_TOKEN=" + gh + "\nDB_PASSWORD=Tr0ub4dor\nDEBUG=true\n", []secretHit{{"github-pat", gh}, {"generic-password", "Tr0ub4dor"}}},
	}
	e := secretEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secretHits(tt.give, e.Scan(nil, []byte(tt.give)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Scan(%s) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestSecretPEMTruncated(t *testing.T) {
	block := pemBlock("EC PRIVATE KEY")
	cut := block[:strings.Index(block, "-----END")-1]
	text := cut + "\n\nwhat is wrong with it?"
	got := secretHits(text, secretEngine(t).Scan(nil, []byte(text)))
	want := []secretHit{{"private-key", cut}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan(truncated pem) mismatch (-want +got):\n%s", diff)
	}
}

func TestSecretChecksumValidates(t *testing.T) {
	good := ghToken("gh"+"p_", 42)
	bad := good[:len(good)-1] + string("ab"[strings.IndexByte("ab", good[len(good)-1])+1&1])
	tests := []struct {
		name string
		give string
		want bool
	}{
		{"good checksum", good, true},
		{"bad checksum", bad, false},
	}
	e := secretEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := e.Scan(nil, []byte(tt.give))
			if len(fs) != 1 || fs[0].Validated != tt.want || fs[0].Rule != "github-pat" {
				t.Errorf("Scan(%s) = %v, want one github-pat with Validated=%v", tt.name, fs, tt.want)
			}
		})
	}
}

func TestSecretTrueNegatives(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{"chat", "hey, can you help me plan a trip to the mountains next week? thanks a lot"},
		{"uuid", "request id 123e4567-e89b-12d3-a456-426614174000 failed"},
		{"git sha", "fixed in commit 3f2a9c1b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f90, see the log"},
		{"sha256", "checksum e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 matches"},
		{"base64 image", "look: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg== nice"},
		{"long words", "internationalization and antidisestablishmentarianism are long"},
		{"path", "open /usr/local/lib/python3.11/site-packages/requests/__init__.py please"},
		{"url", "see https://docs.example.com/guides/getting-started?ref=nav_123&lang=en"},
		{"sk word", "my sk-ills are great and sk-8 boarding too"},
		{"openai placeholder", "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
		{"your api key", "api_key: YOUR_API_KEY"},
		{"angle placeholder", "Authorization: Bearer <token>"},
		{"stars", "password: ********"},
		{"env reference", `password = os.environ["DB_PASSWORD"]`},
		{"template", "token: ${GITHUB_TOKEN}"},
		{"code index", "password := args[3]"},
		{"cache key", `{"key": "user:12345:profile"}`},
		{"identifier value", "secret_name_v2: user_profile_settings_v2"},
		{"token then address", "send the token to 0x71c7656ec7ab88b098defb751b7401b5f6d8976f please"},
		{"key then email", "the key was sent to anna.smith2024@example.com yesterday"},
		{"key then path", "my key is at ~/projects/app2024/config/keys/dev.pem"},
		{"prose api key too short", "my api key is Xq7Lm2Pz9Rt4Wv8Ks3N"},
		{"code literal", "Secret: Bug4Secret{1}"},
		{"value is name", `encodeUserPassword: "encodeUserPassword"`},
		{"password incorrect", "my password is incorrect, can you reset it?"},
		{"password prose no value", "I forgot my password yesterday"},
		{"yaml key", "- key: app\n  value: frontend"},
		{"max tokens", "max_tokens: 4096, input_tokens=1200"},
		{"token type", "token_type: bearer"},
		{"key id", "aws_access_key_id_name: prod"},
		{"author", "author: Jane Example-Writer2024"},
		{"public key", "my public key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7Ve5t6c8xQ2Lrm9f0pGd3hYwZk4sJ7qTnXvU1aE2bC"},
		{"ssh pubkey after key", "here is my key AAAAC3NzaC1lZDI1NTE5AAAAIB7Ve5t6c8xQ2Lrm9f0pGd3hYwZk4sJ7qTnXvU1aE2bC"},
		{"aws doc example", "AKIAIOSFODNN7EXAMPLE"},
		{"aws id in longer token", "AKIA" + rnd(alB32, 20, 1)},
		{"github too short", "ghp_" + rnd(alAlnum, 20, 1)},
		{"jwt bad header", b64url(`{"foo":"bar"}`)[:0] + "eyJmb28iOiJiYXIifQ." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0." + rnd(alURL, 20, 1)},
		{"pem placeholder", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"},
		{"pem public", "-----BEGIN PUBLIC KEY-----\n" + rnd(alB64, 128, 1) + "\n-----END PUBLIC KEY-----"},
		{"db url no password", "postgres://app@db.example.com/prod"},
		{"db url literal placeholder", "postgres://user:password@localhost:5432/db"},
		{"db url placeholder", "postgres://user:<password>@localhost/db"},
		{"stripe publishable", "pk_live_" + rnd(alAlnum, 24, 1)},
		{"key point", "the key point is that we ship 2x faster"},
		{"secretary", "secretary: Mrs Example2"},
		{"version", "upgrade to v1.2.3-beta.4+build.5678 today"},
		{"time and ratio", "meet at 10:30, ratio 16:9, score 3:1"},
		{"hex without keyword", "color #a1b2c3 and id 5f2b9c3d8e1a4f7b6c0d9e8f7a6b5c4d"},
		{"token word", "I got a token of appreciation"},
		{"cue without value", "the password is"},
		{"plain word mid sentence", "my password is different from the old one"},
		{"password described", "the wifi password is wrong again"},
		{"wifi status", "the wifi is down again since 10:30"},
		{"network name", "wifi network HomeNet-5G is slow"},
		{"mysql prompt flag", "mysql -u root -p shopdb"},
		{"login url", "login at https://example.com/app2024/Login"},
		{"version after credentials", "credentials rotated in v2.3.1-rc"},
		{"port then query", "http://example.com:8080?mail=a@b.example"},
	}
	e := secretEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secretHits(tt.give, e.Scan(nil, []byte(tt.give)))
			if diff := cmp.Diff([]secretHit{}, got); diff != "" {
				t.Errorf("Scan(%s) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

// TestSecretRuleKinds counts the distinct rule ids, the number the README
// quotes.
func TestSecretRuleKinds(t *testing.T) {
	ids := map[string]bool{"generic-password": true, "generic-api-key": true, "bearer-token": true, "basic-auth": true,
		"private-key": true, "database-connection-string": true, "url-basic-auth": true, "sentry-dsn": true,
		"microsoft-teams-webhook": true, "aws-secret-access-key": true}
	for _, r := range tokenRules() {
		ids[r.id] = true
	}
	for _, p := range secretProviders {
		ids[p.id] = true
	}
	if len(ids) < 100 {
		t.Errorf("rule kinds = %d, want at least 100", len(ids))
	}
	t.Logf("rule kinds: %d", len(ids))
}

// TestSecretTruncations scans every prefix of every true positive: cut keys
// reach the matchers' bounds checks, which random fuzzing rarely does.
func TestSecretTruncations(t *testing.T) {
	e := secretEngine(t)
	var dst []Finding
	for _, tt := range secretPositives() {
		text := []byte(strings.Replace(tt.give, "%s", tt.secret, 1))
		for n := range len(text) {
			dst = e.Scan(dst[:0], text[:n])
			for _, f := range dst {
				if f.Start < 0 || f.End > n || f.End <= f.Start {
					t.Fatalf("Scan(%s cut at %d) = span [%d,%d), out of bounds", tt.name, n, f.Start, f.End)
				}
			}
		}
	}
}

// FuzzSecret checks the invariants the engine relies on: no panic, spans in
// bounds, ordered and disjoint, and every finding a SECRET with a rule.
func FuzzSecret(f *testing.F) {
	f.Add(chatSample)
	f.Add("password=hunter2 " + ghToken("gh"+"p_", 1) + " postgres://a:b@c/d")
	f.Add("-----" + "BEGIN RSA PRIVATE KEY-----\nMIIB\n")
	f.Add("Authorization: Bearer " + jwt())
	e := secretEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
		fs := e.Scan(nil, []byte(s))
		last := 0
		for _, x := range fs {
			if x.Start < last || x.End <= x.Start || x.End > len(s) || x.Kind != KindSecret || x.Rule == "" {
				t.Fatalf("Scan(%q) = bad finding %v (rule %q)", s, x, x.Rule)
			}
			last = x.End
		}
	})
}

func TestSecretNoAllocsWithoutFindings(t *testing.T) {
	e := secretEngine(t)
	text := []byte(chatSample)
	dst := make([]Finding, 0, 8)
	if n := testing.AllocsPerRun(50, func() { dst = e.Scan(dst[:0], text) }); n != 0 {
		t.Errorf("Scan(chat) allocated %v times per run, want 0", n)
	}
}

// plainChat is conversational text with no code, URLs or ids.
const plainChat = `Hi there! I was wondering if you could help me write a short note to my landlord about ` +
	`the broken heater in the living room. It stopped working last Tuesday and the apartment gets really cold ` +
	`at night. I already called twice but nobody answered. Could you make it polite but firm? Also, what ` +
	`temperature should a rental be kept at during the winter, legally speaking? I live in a small town and ` +
	`I'm not sure which rules apply. Thanks a lot, you're a lifesaver. One more thing: my sister wants ideas ` +
	`for a birthday party for her 7-year-old, something with dinosaurs maybe, nothing too expensive.` + "\n"

// chatSample is ordinary chat and code with no secret in it.
const chatSample = `hey! can you help me fix this? I'm getting an error when I run the script: ` +
	`TypeError: cannot read property 'map' of undefined at line 42. Here's my config: ` +
	`{"model": "gpt-4o", "max_tokens": 1024, "temperature": 0.7, "user_id": "u-123"} ` +
	`Also the docs at https://docs.example.com/api/v2/reference?section=auth#tokens say to use ` +
	`the Authorization header. My password is incorrect apparently, so I reset it yesterday. ` +
	`The build id is 3f2a9c1b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f90 and the request 123e4567-e89b-12d3-a456-426614174000 ` +
	`timed out after 30s. Meeting at 10:30 tomorrow, then lunch; state-of-the-art results on the ` +
	`benchmark, 95.2%% accuracy. Thanks so much for your help, really appreciate it!!` + "\n"

func BenchmarkSecretScanChat(b *testing.B) {
	e := secretEngine(b)
	text := []byte(strings.Repeat(chatSample, 64))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}

func BenchmarkSecretScanPlainChat(b *testing.B) {
	e := secretEngine(b)
	text := []byte(strings.Repeat(plainChat, 64))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}

func BenchmarkSecretScanKeys(b *testing.B) {
	e := secretEngine(b)
	text := []byte(strings.Repeat("export OPENAI_API_KEY="+"sk-"+"proj-"+rnd(alURL, 74, 1)+"T3Blbk"+"FJ"+rnd(alURL, 74, 2)+
		" and password=hunter2 and "+ghToken("gh"+"p_", 1)+" ok\n", 32))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.Scan(dst[:0], text)
	}
}

func TestSecretSpokenPasswords(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []secretHit
	}{
		{"words and digits", "the router password is maple seven seven two", []secretHit{{"plain-password", "maple seven seven two"}}},
		{"remark after", "my password is river stone forty one all lowercase", []secretHit{{"plain-password", "river stone forty one"}}},
		{"german", "mein passwort ist kaffee dreiundzwanzig bitte", []secretHit{{"plain-password", "kaffee dreiundzwanzig"}}},
		{"spanish connector", "la contraseña es luna llena noventa y dos", []secretHit{{"plain-password", "luna llena noventa y dos"}}},
		{"connector before a word", "my password is tiger and the user is me", []secretHit{{"plain-password", "tiger"}}},
		{"described", "my password is not working", []secretHit{}},
		{"remark only", "the password is all lowercase", []secretHit{}},
		{"another value announced", "never share your password with anyone my email is anna at example dot com", []secretHit{}},
		{"another value in spanish", "no compartas tu contraseña mi correo es luis arroba ejemplo punto es", []secretHit{}},
	}
	e := secretEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secretHits(tt.give, e.ScanInput(nil, Input{Text: []byte(tt.give), Spoken: true}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScanInput(%q, spoken) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

// TestKeywordClassesMatchClassifyLower checks that the precomputed answers
// for SecretAssignment's keywords equal the full classification in any case.
func TestKeywordClassesMatchClassifyLower(t *testing.T) {
	for _, kw := range secretKeywords {
		upper := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r - 'a' + 'A'
			}
			return r
		}, kw)
		tests := []struct {
			give []byte
		}{{[]byte(kw)}, {[]byte(upper)}, {[]byte(upper[:1] + kw[1:])}}
		for _, tt := range tests {
			gotT, gotProv := classifyName(tt.give)
			wantT, wantProv := classifyLower(tt.give, []byte(kw))
			if gotT != wantT || gotProv != wantProv {
				t.Errorf("classifyName(%q) = %v, %d; want %v, %d", tt.give, gotT, gotProv, wantT, wantProv)
			}
		}
	}
}

func TestEntropy(t *testing.T) {
	tests := []struct {
		give string
		want float64
	}{
		{"", 0},
		{"aaaa", 0},
		{"abab", 1},
		{"abcd", 2},
		{"0123456789abcdef", 4},
		{"\x00\xff\x00\xff", 1},
		{"aab", -(2.0/3*math.Log2(2.0/3) + 1.0/3*math.Log2(1.0/3))},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := entropy([]byte(tt.give)); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("entropy(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestSecretProsePasswords(t *testing.T) {
	tests := []struct {
		name   string
		give   string
		spoken bool
		want   []secretHit
	}{
		{"pass shorthand", `wifi is "Seaview_5G" pass gullrock2291 and the door code is 4471`, false,
			[]secretHit{{"generic-password", "gullrock2291"}}},
		{"es clave", "usuario deploy, clave Pl4ya_Mal1bu!2024", false, []secretHit{{"generic-password", "Pl4ya_Mal1bu!2024"}}},
		{"fr mdp", "le mdp du compte de test c'est Caf3Cr3me! merci", false, []secretHit{{"generic-password", "Caf3Cr3me!"}}},
		{"nl ssh pair", "ssh met deploy/Stroopwafel!9x", false, []secretHit{{"generic-password", "Stroopwafel!9x"}}},
		{"en login pair", "sftp login is ops/Tr1dent!Blue for staging", false, []secretHit{{"generic-password", "Tr1dent!Blue"}}},
		{"en pw", "the pw for the shared drive is m4ngo!Lassi", false, []secretHit{{"generic-password", "m4ngo!Lassi"}}},
		{"pt senha", "a senha do wifi é cajuzinho2023", false, []secretHit{{"generic-password", "cajuzinho2023"}}},
		{"boarding pass", "my boarding pass is on my phone", false, []secretHit{}},
		{"pass on", "I'll pass on that offer", false, []secretHit{}},
		{"function word in speech", "hi can you help me reset my password is there a discount", true, []secretHit{}},
		{"fr je is no cue", "réinitialiser mon mot de passe je m'appelle françois", true, []secretHit{}},
		{"another subject", "never share your password with anyone a list is mutable while", true, []secretHit{}},
		{"nl je is no cue", "wachtwoord te resetten kun je deze tekst samenvatten", true, []secretHit{}},
		{"resolution", "Can you help me reset my password? The screen resolution is 1170x2532", false, []secretHit{}},
		{"resolution same sentence", "reset my password the screen resolution is 1170x2532", true, []secretHit{}},
		{"uuid request id", "reimpostare la password? L'ID della richiesta è 3f883440-7b96-4195-ae91-a6f86708e6d7", false, []secretHit{}},
		{"amount", "mein passwort zurückzusetzen insgesamt waren es 4.065,00", true, []secretHit{}},
		{"price", "Can you help me reset my password? My total was €253,90", false, []secretHit{}},
		{"version", "reset my password please, the app version is 4.12.0", false, []secretHit{}},
		{"ssid band", `the wifi is "Seaview_5G" if you need it`, false, []secretHit{}},
		{"plain word kept", "my password is sunshine", false, []secretHit{{"plain-password", "sunshine"}}},
		{"hesitation before the value", "my password is like um hunter two", true, []secretHit{{"plain-password", "hunter two"}}},
		{"digits kept", "my password is 483920", false, []secretHit{{"generic-password", "483920"}}},
	}
	e := secretEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secretHits(tt.give, e.ScanInput(nil, Input{Text: []byte(tt.give), Spoken: tt.spoken}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScanInput(%q, spoken=%v) mismatch (-want +got):\n%s", tt.give, tt.spoken, diff)
			}
		})
	}
}

// TestClassifyWordMatchesNameAndContext checks that classifyWord answers as
// classifyName and contextName do, for keywords in any case and other words.
func TestClassifyWordMatchesNameAndContext(t *testing.T) {
	tests := []struct {
		give string
	}{
		{"wifi_password"}, {"API_KEY"}, {"Passwort"}, {"hello"}, {"x"}, {"authorization"}, {"SSHPASS"},
		{"mot"}, {"Bearer"}, {strings.Repeat("a", 70)}, {"contraseña"}, {"WLAN"},
	}
	for _, kw := range secretKeywords {
		tests = append(tests, struct{ give string }{kw}, struct{ give string }{strings.ToUpper(kw)})
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			gotT, gotProv, gotCtx := classifyWord([]byte(tt.give))
			wantT, wantProv := classifyName([]byte(tt.give))
			wantCtx := contextName([]byte(tt.give))
			if gotT != wantT || gotProv != wantProv || gotCtx != wantCtx {
				t.Errorf("classifyWord(%q) = %v, %d, %d; want %v, %d, %d", tt.give, gotT, gotProv, gotCtx, wantT, wantProv, wantCtx)
			}
		})
	}
}

// TestProseQuietFindsNothing checks that when proseQuiet skips the walk
// after a password word, the walk would have found nothing and left the
// resume offset alone.
func TestProseQuietFindsNothing(t *testing.T) {
	tests := []struct {
		give      string
		wantQuiet bool
	}{
		{give: " again, can you help", wantQuiet: true},
		{give: " for the wifi is Tr0ub4dor&3", wantQuiet: false},
		{give: " is hunter2", wantQuiet: false},
		{give: ": sunshine", wantQuiet: false},
		{give: " reset link never arrived. It is 4pm", wantQuiet: true},
		{give: " and my email is someone", wantQuiet: true},
		{give: " Guest Ch@t0uille12", wantQuiet: false},
		{give: " got changed\nis hunter2", wantQuiet: true},
		{give: " one two three four five six seven is x1", wantQuiet: true},
		{give: " expired yesterday so I need a new one", wantQuiet: true},
		{give: "", wantQuiet: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			text := []byte(tt.give)
			if got := proseQuiet(text, 0); got != tt.wantQuiet {
				t.Fatalf("proseQuiet(%q) = %v, want %v", tt.give, got, tt.wantQuiet)
			}
			if !tt.wantQuiet {
				return
			}
			for _, spoken := range []bool{false, true} {
				got, resume := proseWalk(nil, Input{Text: text, Spoken: spoken}, 0, -1)
				if len(got) != 0 || resume != -1 {
					t.Errorf("proseWalk(%q, spoken=%v) = %v, %d; want no finding, -1", tt.give, spoken, got, resume)
				}
			}
		})
	}
}

// TestRandomnessMatchesEntropy checks that entropyOK's bounds answer as the
// exact entropy does, on values drawn from alphabets of several sizes, at
// the thresholds valueAt and awsSecretNear use.
func TestRandomnessMatchesEntropy(t *testing.T) {
	tests := []struct {
		give string // the alphabet values are drawn from
	}{
		{"0123456789abcdef"}, {"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"},
		{"a1b2c3"}, {"ab12"}, {"aaaaaaab1234567"}, {"0123456789abcdefghij-_"}, {"x1y2z3w4v5u6t7s8"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			for range 2000 {
				v := make([]byte, 12+rng.IntN(50))
				for i := range v {
					v[i] = tt.give[rng.IntN(len(tt.give))]
				}
				var cls charset
				for _, c := range v {
					cls |= csOf[c]
				}
				for _, min := range []float64{3.0, 3.5, 4.0} {
					lim := min
					if cls&^csHex == 0 {
						lim -= 0.7
					}
					want := cls&csDigit != 0 && cls&csLetters != 0 && !placeholder(v) && entropy(v) >= lim
					if got := entropyOK(v, min); got != want {
						t.Fatalf("entropyOK(%q, %v) = %v, want %v", v, min, got, want)
					}
				}
			}
		})
	}
}
