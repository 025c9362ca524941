package detector

import "strings"

// APIKey is the name of the api_key detector.
const APIKey = "api_key"

var apiKeyBuiltin = Builtin{
	Name:      APIKey,
	New:       func(_ Options) Detector { return apiKey{} },
	Prefilter: Prefilter{MinLen: minAPIKeyLen},
}

// apiKey finds cloud and SaaS credentials by their documented formats: AWS access
// key IDs, Google API keys, Stripe secret, restricted and webhook-signing keys,
// OpenAI and Anthropic "sk-" keys, GitHub tokens, Slack tokens and webhook paths,
// GitLab, npm, PyPI, Docker Hub, Twilio, SendGrid, Mailgun, Shopify, Square and
// HashiCorp Vault tokens. Hex or base64 keys with no prefix (Datadog's, say) are
// found by url_credential after a name that says what they are ("dd_api_key=").
type apiKey struct{}

// keyFormat is a fixed prefix followed by a body of allowed characters.
type keyFormat struct {
	prefix  string
	minBody int
	maxBody int // 0: no upper bound
	body    func(byte) bool
	// afterHost: the prefix is a host and path, which is kept; only the body is secret.
	afterHost bool
	// lead: the key starts this many alphanumerics before the prefix, which is a
	// marker in its middle (Terraform Cloud's "<14>.atlasv1.<67>").
	lead int
	// leadBody, when set, is what the lead may hold besides alphanumerics.
	leadBody func(byte) bool
	// shape, when set, checks the whole body: a path's segments, which a byte class
	// alone cannot tell from any other path's.
	shape func(body string) bool
}

func isUpperAlnum(c byte) bool { return isUpper(c) || isDigit(c) }
func isKeyBody(c byte) bool    { return isAlnum(c) || c == '_' || c == '-' }
func isSlackBody(c byte) bool  { return isAlnum(c) || c == '-' }
func isPathBody(c byte) bool   { return isAlnum(c) || c == '/' }

var apiKeyFormats = [...]keyFormat{
	// AWS access key IDs: a four-letter resource prefix and 16 upper-case alphanumerics.
	{prefix: "AKIA", minBody: 16, maxBody: 16, body: isUpperAlnum},
	{prefix: "ASIA", minBody: 16, maxBody: 16, body: isUpperAlnum},
	{prefix: "ABIA", minBody: 16, maxBody: 16, body: isUpperAlnum},
	{prefix: "ACCA", minBody: 16, maxBody: 16, body: isUpperAlnum},
	{prefix: "AIza", minBody: 35, maxBody: 35, body: isKeyBody},
	{prefix: "sk_live_", minBody: 10, body: isAlnum},
	{prefix: "sk_test_", minBody: 10, body: isAlnum},
	{prefix: "rk_live_", minBody: 10, body: isAlnum},
	{prefix: "rk_test_", minBody: 10, body: isAlnum},
	{prefix: "sk-", minBody: 20, body: isKeyBody},
	{prefix: "ghp_", minBody: 30, body: isAlnum},
	{prefix: "gho_", minBody: 30, body: isAlnum},
	{prefix: "ghu_", minBody: 30, body: isAlnum},
	{prefix: "ghs_", minBody: 30, body: isAlnum},
	{prefix: "ghr_", minBody: 30, body: isAlnum},
	{prefix: "github_pat_", minBody: 22, body: isKeyBody},
	{prefix: "xoxb-", minBody: 10, body: isSlackBody},
	{prefix: "xoxp-", minBody: 10, body: isSlackBody},
	{prefix: "xoxa-", minBody: 10, body: isSlackBody},
	{prefix: "xoxr-", minBody: 10, body: isSlackBody},
	{prefix: "xoxs-", minBody: 10, body: isSlackBody},
	{prefix: "xoxe-", minBody: 10, body: isSlackBody},
	{prefix: "hooks.slack.com/services/", minBody: 20, body: isPathBody, afterHost: true},
	// GitLab personal, runner, deploy and pipeline-trigger tokens.
	{prefix: "glpat-", minBody: 20, body: isKeyBody},
	{prefix: "glrt-", minBody: 20, body: isKeyBody},
	{prefix: "gldt-", minBody: 20, body: isKeyBody},
	{prefix: "glptt-", minBody: 40, body: isKeyBody},
	{prefix: "npm_", minBody: 36, maxBody: 36, body: isAlnum},
	{prefix: "pypi-AgEIcHlwaS5vcmc", minBody: 50, body: isKeyBody},
	{prefix: "dckr_pat_", minBody: 27, body: isKeyBody},
	// Twilio API key SIDs and Mailgun keys: a prefix and 32 hex digits.
	{prefix: "SK", minBody: 32, maxBody: 32, body: isLowerHex},
	{prefix: "key-", minBody: 32, maxBody: 32, body: isLowerHex},
	// SendGrid: "SG." 22 characters "." 43 characters.
	{prefix: "SG.", minBody: 66, maxBody: 66, body: isDottedKeyBody},
	{prefix: "whsec_", minBody: 24, body: isAlnum},
	{prefix: "shpat_", minBody: 32, maxBody: 32, body: IsHex},
	{prefix: "shpss_", minBody: 32, maxBody: 32, body: IsHex},
	{prefix: "shpca_", minBody: 32, maxBody: 32, body: IsHex},
	{prefix: "shppa_", minBody: 32, maxBody: 32, body: IsHex},
	{prefix: "sq0atp-", minBody: 22, body: isKeyBody},
	{prefix: "sq0csp-", minBody: 43, body: isKeyBody},
	{prefix: "EAAA", minBody: 60, maxBody: 60, body: isKeyBody},
	// HashiCorp Vault service and batch tokens.
	{prefix: "hvs.", minBody: 24, body: isKeyBody},
	{prefix: "hvb.", minBody: 24, body: isKeyBody},
	// Bot and webhook URLs whose path is the credential: Telegram's bot token,
	// Discord's and Microsoft Teams' webhook secrets.
	{prefix: "api.telegram.org/bot", minBody: 40, body: isBotTokenBody, afterHost: true},
	{prefix: "discord.com/api/webhooks/", minBody: 60, body: isWebhookBody, afterHost: true},
	{prefix: "discordapp.com/api/webhooks/", minBody: 60, body: isWebhookBody, afterHost: true},
	{prefix: "/IncomingWebhook/", minBody: 32, body: isWebhookBody, afterHost: true},
	// The same paths without their host, as access logs and server spans record them:
	// Slack's "/services/T…/B…/<24>", Telegram's "/bot<id>:<35>", Discord's
	// "/api/webhooks/<id>/<68>", each by its segments' shapes.
	{prefix: "/services/T", minBody: 40, body: isPathBody, afterHost: true, shape: slackWebhookPath},
	{prefix: "/bot", minBody: 40, body: isBotTokenBody, afterHost: true, shape: telegramBotToken},
	{prefix: "/api/webhooks/", minBody: 60, body: isWebhookBody, afterHost: true, shape: discordWebhookPath},
	// CAS service and proxy tickets: "ST-<n>-<random>[-<host>]".
	{prefix: "ST-", minBody: 22, body: isKeyBody, shape: casTicket},
	{prefix: "PT-", minBody: 22, body: isKeyBody, shape: casTicket},
	// Heroku's platform API keys (2024): "HRKU-AA" and 58 characters.
	{prefix: "HRKU-AA", minBody: 58, maxBody: 58, body: isKeyBody},
	// More vendors' documented formats.
	{prefix: "xapp-", minBody: 30, body: isSlackBody},
	{prefix: "PMAK-", minBody: 59, body: isKeyBody},
	// Doppler service tokens name their config: "dp.st.prd.<40>".
	{prefix: "dp.st.", minBody: 40, body: isDottedKeyBody},
	{prefix: "dp.pt.", minBody: 40, body: isKeyBody},
	{prefix: "dp.sa.", minBody: 40, body: isKeyBody},
	{prefix: "dp.ct.", minBody: 40, body: isKeyBody},
	{prefix: "sntrys_", minBody: 40, body: isKeyBody},
	{prefix: "sntryu_", minBody: 64, maxBody: 64, body: isLowerHex},
	{prefix: "glsa_", minBody: 41, body: isKeyBody},
	{prefix: "glc_", minBody: 32, body: isKeyBody},
	{prefix: "lin_api_", minBody: 40, body: isAlnum},
	{prefix: "NRAK-", minBody: 27, maxBody: 27, body: isUpperAlnum},
	{prefix: "NRII-", minBody: 27, maxBody: 32, body: isKeyBody},
	{prefix: "ATATT3", minBody: 100, body: isPaddedKeyBody},
	{prefix: "dop_v1_", minBody: 64, maxBody: 64, body: isLowerHex},
	{prefix: "doo_v1_", minBody: 64, maxBody: 64, body: isLowerHex},
	{prefix: "dor_v1_", minBody: 64, maxBody: 64, body: isLowerHex},
	{prefix: "pul-", minBody: 40, maxBody: 40, body: isLowerHex},
	{prefix: "xkeysib-", minBody: 81, body: isKeyBody},
	{prefix: "dapi", minBody: 32, maxBody: 32, body: isLowerHex},
	{prefix: "sk.eyJ", minBody: 40, body: isDottedKeyBody},
	{prefix: "figd_", minBody: 40, body: isKeyBody},
	{prefix: "ya29.", minBody: 50, body: isKeyBody},
	{prefix: "hf_", minBody: 34, body: isAlnum},
	{prefix: "AGE-SECRET-KEY-1", minBody: 58, maxBody: 58, body: isUpperAlnum},
	{prefix: "secret_", minBody: 43, maxBody: 43, body: isAlnum},
	{prefix: "ntn_", minBody: 40, body: isAlnum},
	{prefix: ".atlasv1.", minBody: 60, body: isKeyBody, lead: 14},
	// AI providers, CI and platform tokens.
	{prefix: "r8_", minBody: 37, maxBody: 37, body: isAlnum},
	{prefix: "gsk_", minBody: 52, maxBody: 52, body: isAlnum},
	{prefix: "pplx-", minBody: 48, maxBody: 48, body: isAlnum},
	{prefix: "pat-na1-", minBody: 36, maxBody: 36, body: isUUIDBody},
	{prefix: "pat-eu1-", minBody: 36, maxBody: 36, body: isUUIDBody},
	{prefix: "squ_", minBody: 40, maxBody: 40, body: isLowerHex},
	{prefix: "sqp_", minBody: 40, maxBody: 40, body: isLowerHex},
	{prefix: "sqa_", minBody: 40, maxBody: 40, body: isLowerHex},
	{prefix: "bkua_", minBody: 40, maxBody: 40, body: isLowerHex},
	{prefix: "CCIPAT_", minBody: 60, body: isKeyBody},
	{prefix: "sbp_", minBody: 40, maxBody: 40, body: isLowerHex},
	{prefix: "pscale_tkn_", minBody: 43, body: isKeyBody},
	{prefix: "pscale_pw_", minBody: 43, body: isKeyBody},
	{prefix: "pscale_oauth_", minBody: 43, body: isKeyBody},
	{prefix: "access_token$production$", minBody: 49, body: isBraintreeBody},
	{prefix: "dt0c01.", minBody: 89, maxBody: 89, body: isDottedKeyBody},
	{prefix: "pat", minBody: 79, maxBody: 79, body: isDottedKeyBody}, // Airtable: pat<14>.<64 hex>
	{prefix: "AKCp", minBody: 60, body: isAlnum},                     // JFrog API keys
	{prefix: "EAA", minBody: 100, body: isAlnum},                     // Facebook access tokens
	{prefix: "hcaik_", minBody: 58, body: isAlnum},                   // Honeycomb ingest and management keys
	{prefix: "hcxik_", minBody: 58, body: isAlnum},
	{prefix: "hcxlk_", minBody: 58, body: isAlnum},
	{prefix: "hcamk_", minBody: 58, body: isAlnum},
	// Keys recognised by a marker inside or at the end of them.
	{prefix: ":APA91b", minBody: 100, body: isKeyBody, lead: 11, leadBody: isKeyBody},                       // Firebase server keys
	{prefix: "-us", minBody: 1, maxBody: 2, body: isDigit, lead: 32},                                        // Mailchimp: <32 hex>-us<dc>
	{prefix: "NRAL", lead: 36, body: isAlnum},                                                               // New Relic license keys
	{prefix: "Q~", minBody: 31, maxBody: 34, body: isAzureSecretBody, lead: 4, leadBody: isAzureSecretBody}, // Entra ID client secrets
}

func isLowerHex(c byte) bool      { return isDigit(c) || (c >= 'a' && c <= 'f') }
func isUUIDBody(c byte) bool      { return IsHex(c) || c == '-' }
func isBraintreeBody(c byte) bool { return isAlnum(c) || c == '$' }
func isAzureSecretBody(c byte) bool {
	return isAlnum(c) || c == '_' || c == '~' || c == '.' || c == '-'
}
func isBotTokenBody(c byte) bool  { return isKeyBody(c) || c == ':' }
func isWebhookBody(c byte) bool   { return isKeyBody(c) || c == '/' }
func isPaddedKeyBody(c byte) bool { return isKeyBody(c) || c == '=' }
func isDottedKeyBody(c byte) bool { return isKeyBody(c) || c == '.' }

// minAPIKeyLen is the shortest key any format accepts ("xoxb-" and ten characters).
var minAPIKeyLen = func() int {
	n := 1 << 30
	for _, f := range apiKeyFormats {
		n = min(n, f.lead+len(f.prefix)+f.minBody)
	}
	return n
}()

// apiKeyFormatsByFirstByte indexes apiKeyFormats by the first byte of their prefix, so
// that one pass over a value tries only the formats that can start at each byte.
var apiKeyFormatsByFirstByte = func() (t [256][]uint8) {
	for i := range apiKeyFormats {
		c := apiKeyFormats[i].prefix[0]
		t[c] = append(t[c], uint8(i))
	}
	return t
}()

// apiKeyInnerFormatsByFirstByte are the formats that may start inside a word: a
// marker after its lead, a webhook path after its host. Most bytes of a value are
// inside a word, where only these are tried.
var apiKeyInnerFormatsByFirstByte = func() (t [256][]uint8) {
	for i := range apiKeyFormats {
		if f := &apiKeyFormats[i]; f.lead > 0 || f.afterHost {
			t[f.prefix[0]] = append(t[f.prefix[0]], uint8(i))
		}
	}
	return t
}()

// apiKeyStarts marks the bytes some format's prefix starts with, at a word's start
// or inside one.
var apiKeyStarts = func() (t [256]uint8) {
	for c := range t {
		if len(apiKeyFormatsByFirstByte[c]) > 0 || len(apiKeyInnerFormatsByFirstByte[c]) > 0 {
			t[c] = 1
		}
	}
	return t
}()

func (apiKey) Name() string { return APIKey }

// AppendMatches makes one pass over s. A key may start only where a word starts (a
// prefix glued to a preceding word is part of something else), except a Slack webhook
// path, which follows a host.
func (apiKey) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); i++ {
		if apiKeyStarts[s[i]] == 0 {
			continue // no format starts with this byte (checked inline: most bytes)
		}
		m, ok := keyAt(s, i)
		if !ok {
			continue
		}
		// A webhook path's secret starts after its host and path, where another
		// format's key may start too: the longer one is the match.
		if m.Start > i {
			if other, ok := keyAt(s, m.Start); ok && other.End > m.End {
				m = other
			}
		}
		dst = append(dst, m)
		i = m.End - 1
		if m.End-m.Start == 20 && (strings.HasPrefix(s[m.Start:], "AKIA") || strings.HasPrefix(s[m.Start:], "ASIA")) {
			// The secret access key that travels with an access key ID: forty
			// characters of base64's alphabet within a few separators after it (a
			// credentials file's CSV line, "id:secret", a client's arguments). Alone it
			// has no format to tell it by.
			if sm, ok := awsSecretAfter(s, m.End); ok {
				dst = append(dst, sm)
				i = sm.End - 1
			}
		}
	}
	return dst
}

// awsSecretAfter returns an AWS secret access key that starts within 48 bytes after
// from on the same line, with only separators and short words between: a run of exactly forty bytes
// of [A-Za-z0-9/+] with small letters, capitals and digits.
func awsSecretAfter(s string, from int) (Match, bool) {
	isBody := func(c byte) bool { return isAlnum(c) || c == '/' || c == '+' }
	for j := from; j < len(s) && j < from+48; {
		if s[j] == '\n' {
			break // a file's next line names its own value ("aws_secret_access_key = …")
		}
		if !isBody(s[j]) {
			j++
			continue
		}
		k := j
		for k < len(s) && isBody(s[k]) {
			k++
		}
		if k-j == 40 && (k == len(s) || s[k] != '=') {
			v := s[j:k]
			if RandomToken(v) {
				return Match{Start: j, End: k}, true
			}
		}
		j = k
	}
	return Match{}, false
}

// keyAt returns the key whose prefix starts at i, if any.
func keyAt(s string, i int) (Match, bool) {
	boundary := i == 0 || !isWord(s[i-1])
	formats := apiKeyFormatsByFirstByte[s[i]]
	if !boundary {
		formats = apiKeyInnerFormatsByFirstByte[s[i]]
	}
	if len(formats) == 0 {
		return Match{}, false
	}
	for _, f := range formats {
		kf := &apiKeyFormats[f]
		if len(kf.prefix) > 1 && (i+1 >= len(s) || s[i+1] != kf.prefix[1]) {
			continue // (the second byte first: most '/' and letters start no prefix)
		}
		if kf.lead > 0 {
			if m, ok := kf.matchWithLead(s, i); ok {
				return m, true
			}
			continue
		}
		if !boundary && !kf.afterHost || !strings.HasPrefix(s[i:], kf.prefix) {
			continue
		}
		if m, ok := kf.matchAt(s, i); ok {
			return m, true
		}
	}
	return Match{}, false
}

// matchWithLead reads a key whose marker starts at i, lead alphanumerics after a
// word boundary.
func (f *keyFormat) matchWithLead(s string, i int) (Match, bool) {
	start := i - f.lead
	if start < 0 || !strings.HasPrefix(s[i:], f.prefix) || (start > 0 && isWord(s[start-1])) {
		return Match{}, false
	}
	for k := start; k < i; k++ {
		if !isAlnum(s[k]) && (f.leadBody == nil || !f.leadBody(s[k])) {
			return Match{}, false
		}
	}
	m, ok := f.matchAt(s, i)
	m.Start = start
	return m, ok
}

// matchAt reads a key whose prefix starts at start.
func (f *keyFormat) matchAt(s string, start int) (Match, bool) {
	j := start + len(f.prefix)
	end := j
	for end < len(s) && f.body(s[end]) && (f.maxBody == 0 || end-j < f.maxBody) {
		end++
	}
	// A key runs to a byte its body cannot hold; a dot there ends a sentence
	// ("... SG.abc.def. ref=1") when no body byte follows it.
	sentenceDot := end < len(s) && s[end] == '.' && (end+1 == len(s) || !f.body(s[end+1]))
	if end-j < f.minBody || (end < len(s) && f.body(s[end]) && !sentenceDot) {
		return Match{}, false
	}
	if f.shape != nil && !f.shape(s[j:end]) {
		return Match{}, false
	}
	if f.afterHost {
		start = j // keep the host and path prefix; the rest is the secret
	}
	return Match{Start: start, End: end}, true
}

// slackWebhookPath: after "/services/T", a team ID's rest, "/B" and a bot ID's, '/'
// and 24 alphanumerics.
func slackWebhookPath(body string) bool {
	team, rest, ok := strings.Cut(body, "/")
	bot, secret, ok2 := strings.Cut(rest, "/")
	return ok && ok2 && len(team) >= 6 && len(team) <= 12 && allBytes(team, isUpperAlnum) && len(bot) >= 8 && len(bot) <= 13 && bot[0] == 'B' &&
		allBytes(bot, isUpperAlnum) && len(secret) == 24 && allBytes(secret, isAlnum)
}

// casTicket: a serial number, '-', and twenty or more random characters.
func casTicket(body string) bool {
	n, rest, ok := strings.Cut(body, "-")
	if !ok || n == "" || !allBytes(n, isDigit) {
		return false
	}
	r, _, _ := strings.Cut(rest, "-")
	return len(r) >= 20 && RandomToken(r)
}

// telegramBotToken: a bot's numeric ID, ':' and 35 characters.
func telegramBotToken(body string) bool {
	id, secret, ok := strings.Cut(body, ":")
	return ok && len(id) >= 6 && len(id) <= 12 && allBytes(id, isDigit) && len(secret) >= 35 && allBytes(secret, isKeyBody)
}

// discordWebhookPath: a webhook's snowflake ID, '/' and its token of 60 or more.
func discordWebhookPath(body string) bool {
	id, secret, ok := strings.Cut(body, "/")
	return ok && len(id) >= 17 && len(id) <= 20 && allBytes(id, isDigit) && len(secret) >= 60 && allBytes(secret, isKeyBody)
}
