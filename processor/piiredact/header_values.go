package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "strings"

// Values of cookie and authorization headers are redacted knowing their syntax:
// masking a whole Set-Cookie value would take its attributes ("Path=/; SameSite=Lax")
// and a language or theme cookie with it, and masking a whole Authorization value
// its scheme, none of which is a secret.

// redactHeaderValue redacts the secret parts of a cookie or authorization header
// value and reports whether anything changed.
func (r *redactor) redactHeaderValue(s string, class keyClass) (string, bool) {
	var spans [][2]int
	switch class {
	case keyCookie:
		spans = cookieSecrets(s)
	case keyAuthorization:
		spans = authorizationSecret(s)
	}
	if len(spans) == 0 {
		return s, false
	}
	rl := &r.rules[r.keyRule]
	var b strings.Builder
	b.Grow(len(s) + 16*len(spans))
	prev := 0
	for _, sp := range spans {
		b.WriteString(s[prev:sp[0]])
		rl.writeReplacement(&b, r.hasher, s[sp[0]:sp[1]])
		prev = sp[1]
	}
	b.WriteString(s[prev:])
	return b.String(), true
}

// cookieAttributes are Set-Cookie attribute names (RFC 6265): never secrets.
var cookieAttributes = []string{"path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "priority", "partitioned", "version", "comment"}

// cookieSecrets returns the ranges of cookie values that may identify someone: every
// value but an attribute's, and but a short word that is the same for everyone
// ("dark", "en-GB", "true", "EUR") under a name that is not a credential's.
func cookieSecrets(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		end := strings.IndexByte(s[i:], ';')
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		pair := s[i:end]
		if eq := strings.IndexByte(pair, '='); eq > 0 {
			name := strings.TrimSpace(pair[:eq])
			vStart := i + eq + 1
			for vStart < end && s[vStart] == ' ' {
				vStart++
			}
			vEnd := end
			for vEnd > vStart && s[vEnd-1] == ' ' {
				vEnd--
			}
			if vEnd > vStart && !isCookieAttribute(name) && cookieMayIdentify(name, s[vStart:vEnd]) && !isReplacement(s[vStart:vEnd]) {
				out = append(out, [2]int{vStart, vEnd})
			}
		}
		i = end + 1
	}
	return out
}

func isCookieAttribute(name string) bool {
	for _, a := range cookieAttributes {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// cookieMayIdentify reports a cookie value that is not a plain setting: eight
// bytes or more with a digit, sixteen or more of anything, or any value of a cookie
// whose name says it is a credential or a session.
func cookieMayIdentify(name, v string) bool {
	if w := classifyKeyWords(name); w == wordsCredential || w == wordsCookie || w == wordsAuthorization {
		return true
	}
	lower := strings.ToLower(name)
	for _, id := range []string{"sess", "auth", "token", "sid", "jwt", "login", "remember", "user", "uid", "csrf", "xsrf", "id"} {
		if strings.Contains(lower, id) {
			return true
		}
	}
	plain := strings.ReplaceAll(v, "%2F", "/")
	digits := 0
	for i := 0; i < len(plain); i++ {
		if plain[i] >= '0' && plain[i] <= '9' {
			digits++
		}
	}
	return len(plain) >= 16 || (len(plain) >= 8 && digits > 0)
}

// authorizationSecret returns the range after the scheme of "Scheme credential",
// or the whole value when it has no scheme.
func authorizationSecret(s string) [][2]int {
	t := strings.TrimLeft(s, " ")
	lead := len(s) - len(t)
	sp := strings.IndexByte(t, ' ')
	if sp > 0 && sp <= 24 && isSchemeToken(t[:sp]) {
		start := lead + sp + 1
		for start < len(s) && s[start] == ' ' {
			start++
		}
		if start < len(s) && !isReplacement(s[start:]) {
			return [][2]int{{start, len(s)}}
		}
		return nil
	}
	if isReplacement(t) {
		return nil
	}
	return [][2]int{{lead, len(s)}}
}

// authSchemes are the HTTP authentication schemes in use (IANA's registry and the
// common vendor ones).
var authSchemes = []string{"basic", "bearer", "digest", "negotiate", "ntlm", "token", "apikey", "api-key", "hmac", "hoba", "mutual", "scram-sha-256", "aws4-hmac-sha256", "dpop", "gnap", "privatetoken", "sso-key", "splunk", "key"}

// startsWithAuthScheme reports "<scheme> <credential>" with a known scheme.
func startsWithAuthScheme(s string) bool {
	sp := strings.IndexByte(s, ' ')
	if sp <= 0 || sp+1 >= len(s) {
		return false
	}
	for _, a := range authSchemes {
		if strings.EqualFold(a, s[:sp]) {
			return true
		}
	}
	return false
}

func isSchemeToken(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !isAlnumByte(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// isReplacement reports a value this processor already wrote, so that running it
// twice (sidecar, then gateway) neither re-redacts nor double-counts.
func isReplacement(v string) bool {
	return strings.HasPrefix(v, "[REDACTED:") || strings.HasPrefix(v, "[HASH:")
}
