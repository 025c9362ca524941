package detector

import "strings"

// apiKey finds cloud and SaaS credentials by their documented formats: AWS access
// key IDs, Google API keys, Stripe-style secret and restricted keys, OpenAI-style
// "sk-" keys, GitHub tokens, Slack tokens and Slack webhook paths.
type apiKey struct{}

// keyFormat is a fixed prefix followed by a body of allowed characters.
type keyFormat struct {
	prefix  string
	minBody int
	maxBody int // 0: no upper bound
	body    func(byte) bool
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
	{prefix: "hooks.slack.com/services/", minBody: 20, body: isPathBody},
}

func (apiKey) Name() string { return APIKey }

func (apiKey) AppendMatches(dst []Match, s string) []Match {
	first := len(dst)
	for f := range apiKeyFormats {
		dst = apiKeyFormats[f].appendMatches(dst, s)
	}
	sortMatches(dst[first:])
	return dedupeOverlaps(dst, first)
}

func (f *keyFormat) appendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], f.prefix)
		if k < 0 {
			return dst
		}
		start := i + k
		j := start + len(f.prefix)
		end := j
		for end < len(s) && f.body(s[end]) && (f.maxBody == 0 || end-j < f.maxBody) {
			end++
		}
		n := end - j
		glued := (start > 0 && isWord(s[start-1]) && f.prefix != "hooks.slack.com/services/") ||
			(end < len(s) && f.body(s[end]))
		if n >= f.minBody && !glued {
			if f.prefix == "hooks.slack.com/services/" {
				start = j // keep the host and path prefix; the rest is the secret
			}
			dst = append(dst, Match{Start: start, End: end})
			i = end
			continue
		}
		i = start + 1
	}
	return dst
}
