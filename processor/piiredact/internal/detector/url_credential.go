package detector

import "strings"

// URLCredential is the name of the url_credential detector.
const URLCredential = "url_credential" //nolint:gosec // a detector's name, not a credential

var urlCredentialBuiltin = Builtin{
	Name: URLCredential,
	New:  func(_ Options) Detector { return urlCredential{} },
	// Userinfo's "@", "name=value" or "name: value".
	Prefilter: Prefilter{AnyOf: "@=:"},
}

// urlCredential finds credentials carried in URLs and key-value text:
//   - the userinfo of a URL ("https://user:pass@host/" reports "user:pass");
//   - the value of a parameter whose name says it is a secret, in a query string,
//     a form body, a logfmt line, a connection string, a command line's environment
//     assignment or a configuration dump, in every common notation: "token=abc",
//     "PGPASSWORD=abc", "Password=abc;", "aws_secret_access_key = abc",
//     "password: abc", `"client_secret": "abc"`, also JSON-escaped;
//   - every value of a "Cookie:" or "Set-Cookie:" line in free text.
//
// Scheme, host, path and every other parameter stay as they are.
type urlCredential struct{}

// secretSuffixes are endings, compared without case, of names whose values are
// credentials whatever comes before: "PGPASSWORD", "REDIS_PASSWORD", "MYSQL_PWD",
// "GITHUB_TOKEN", "aws_secret_access_key", "AccountKey", "dd_api_key".
var secretSuffixes = [...]string{
	"password", "passwd", "_pwd", "_secret", "-secret", "_token", "-token",
	"secret_access_key", "secret_key", "session_token", "security_token",
	"accountkey", "sharedaccesskey", "private_key", "api_key", "apikey", "app_key", "_key_secret",
}

// cookieAttributes are Set-Cookie attribute names: their values are not secrets.
var cookieAttributes = [...]string{"path", "domain", "expires", "max-age", "samesite", "priority"}

// secretParams are parameter names, compared without case, whose values are credentials.
var secretParams = [...]string{
	"token", "access_token", "refresh_token", "id_token", "auth_token", "private_token",
	"api_key", "apikey", "api-key", "key_secret", "secret", "client_secret",
	"password", "passwd", "pwd", "pass", "sig", "signature", "auth", "authorization",
	"session", "sessionid", "session_id", "jwt", "code",
	"x-amz-signature", "x-amz-credential", "x-amz-security-token",
	"x-goog-signature", "x-goog-credential",
}

func (urlCredential) Name() string { return URLCredential }

func (urlCredential) AppendMatches(dst []Match, s string) []Match {
	first := len(dst)
	dst = appendUserinfo(dst, s)
	dst = appendSecretParams(dst, s)
	dst = appendCookieValues(dst, s)
	sortMatches(dst[first:])
	return dedupeOverlaps(dst, first)
}

func appendUserinfo(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "://")
		if k < 0 {
			return dst
		}
		start := i + k + 3
		end := start
		at := -1
		for end < len(s) && !isAuthorityEnd(s[end]) {
			if s[end] == '@' {
				at = end
			}
			end++
		}
		if at > start && !isReplacement(s[start:at]) {
			dst = append(dst, Match{Start: start, End: at})
		}
		i = start
	}
	return dst
}

func isParamNameChar(c byte) bool { return isAlnum(c) || c == '_' || c == '-' || c == '.' }

func isParamValueEnd(c byte) bool {
	return c == '&' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ')' || c == '>'
}

// appendSecretParams finds "name<sep>value" with a secret name; sep is '=' or ':',
// with optional spaces around it, the name and the value optionally quoted.
func appendSecretParams(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := indexSeparator(s, i)
		if k < 0 {
			return dst
		}
		name := nameBefore(s, k)
		if name == "" || !isSecretParam(name) || (s[k] == ':' && k+2 < len(s) && s[k+1] == '/' && s[k+2] == '/') {
			i = k + 1
			continue
		}
		start, end := valueAfter(s, k+1)
		if scheme := s[start:end]; end < len(s) && s[end] == ' ' && isAuthScheme(scheme) {
			// "Authorization: Bearer abc": auth_credential reports Bearer and Basic
			// credentials; any other scheme is masked with its credential.
			if strings.EqualFold(scheme, "bearer") || strings.EqualFold(scheme, "basic") {
				i = end
				continue
			}
			_, end = valueAfter(s, end+1)
		}
		if inConnectionString(s, k, name) {
			// "…;Password=P@ss w0rd!;…": the value runs to the next ';', spaces included.
			end = start + strings.IndexByte(s[start:]+";", ';')
		}
		if end > start && !isReplacement(s[start:end]) && (!strings.EqualFold(name, "code") || inQueryString(s, k, name) || looksLikeCode(s[start:end])) {
			dst = append(dst, Match{Start: start, End: end})
			i = end
			continue
		}
		i = k + 1
	}
	return dst
}

// indexSeparator returns the index of the next '=' or ':' at or after i, or -1.
func indexSeparator(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] == '=' || s[i] == ':' {
			return i
		}
	}
	return -1
}

// nameBefore returns the name that ends before the separator at k: spaces, then
// a closing quote (possibly JSON-escaped), are skipped first.
func nameBefore(s string, k int) string {
	end := k
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	if end > 0 && (s[end-1] == '"' || s[end-1] == '\'') {
		end--
		if end > 0 && s[end-1] == '\\' {
			end--
		}
	}
	start := end
	for start > 0 && isParamNameChar(s[start-1]) {
		start--
	}
	return s[start:end]
}

// valueAfter returns the value that starts after the separator at from: spaces are
// skipped; a quoted value (possibly JSON-escaped) runs to its closing quote, any
// other to the first delimiter.
func valueAfter(s string, from int) (int, int) {
	i := from
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && s[i] == '\\' && i+1 < len(s) && s[i+1] == '"' {
		start := i + 2
		end := strings.Index(s[start:], `\"`)
		if end < 0 {
			return start, start
		}
		return start, start + end
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		start := i + 1
		end := strings.IndexByte(s[start:], s[i])
		if end < 0 {
			return start, start
		}
		return start, start + end
	}
	end := i
	for end < len(s) && !isParamValueEnd(s[end]) {
		end++
	}
	return i, end
}

// authSchemes are HTTP authentication schemes that come before the credential in an
// Authorization value.
var authSchemes = [...]string{"bearer", "basic", "token", "digest", "negotiate", "apikey", "hmac", "aws4-hmac-sha256"}

func isAuthScheme(v string) bool {
	for _, a := range authSchemes {
		if strings.EqualFold(a, v) {
			return true
		}
	}
	return false
}

// inConnectionString reports whether the name before the separator at k is a field
// of an ADO.NET / ODBC / JDBC connection string: it follows a ';'.
func inConnectionString(s string, k int, name string) bool {
	if s[k] != '=' {
		return false
	}
	before := k - len(name)
	for before > 0 && s[before-1] == ' ' {
		before--
	}
	return before > 0 && s[before-1] == ';'
}

// appendCookieValues finds every value of a "Cookie:" or "Set-Cookie:" line: the
// pairs up to the end of the line, separated by ';'.
func appendCookieValues(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := indexFold(s[i:], "cookie:")
		if k < 0 {
			return dst
		}
		j := i + k + len("cookie:")
		lineEnd := strings.IndexByte(s[j:], '\n')
		if lineEnd < 0 {
			lineEnd = len(s)
		} else {
			lineEnd += j
		}
		for j < lineEnd {
			eq := strings.IndexByte(s[j:lineEnd], '=')
			if eq < 0 {
				break
			}
			name := strings.TrimSpace(s[j : j+eq])
			start := j + eq + 1
			end := start
			for end < lineEnd && s[end] != ';' && s[end] != '\r' && s[end] != '"' {
				end++
			}
			if end > start && !isCookieAttribute(name) && cookieMayIdentify(name, s[start:end]) && !isReplacement(s[start:end]) {
				dst = append(dst, Match{Start: start, End: end})
			}
			j = end + 1
		}
		i = lineEnd
	}
	return dst
}

func isCookieAttribute(name string) bool {
	for _, a := range cookieAttributes {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring case.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if s[i]|0x20 == needle[0] && strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

func isSecretParam(name string) bool {
	for _, p := range secretParams {
		if len(p) == len(name) && strings.EqualFold(p, name) {
			return true
		}
	}
	for _, suffix := range secretSuffixes {
		if len(name) >= len(suffix) && strings.EqualFold(name[len(name)-len(suffix):], suffix) {
			return true
		}
	}
	return false
}

// isReplacement reports a value this processor already wrote, so that running it
// twice (sidecar, then gateway) neither re-redacts nor double-counts.
func isReplacement(v string) bool {
	return strings.HasPrefix(v, "[REDACTED:") || strings.HasPrefix(v, "[HASH:")
}

// cookieMayIdentify reports a cookie value that may identify someone: any value of
// a cookie whose name says session, auth, token, user or id, and otherwise a value
// of sixteen bytes or more, or of eight with a digit. "theme=dark", "lang=en-GB"
// and "consent=true" are settings everyone shares.
func cookieMayIdentify(name, v string) bool {
	for _, w := range [...]string{"sess", "auth", "token", "sid", "jwt", "login", "remember", "user", "uid", "csrf", "xsrf", "id", "key", "secret", "pass"} {
		if indexFold(name, w) >= 0 {
			return true
		}
	}
	digits := 0
	for i := 0; i < len(v); i++ {
		if isDigit(v[i]) {
			digits++
		}
	}
	return len(v) >= 16 || (len(v) >= 8 && digits > 0)
}

// inQueryString reports a parameter of a URL's query or fragment ("?code=",
// "&code="), where OAuth puts its codes.
func inQueryString(s string, k int, name string) bool {
	before := k - len(name)
	return s[k] == '=' && before > 0 && (s[before-1] == '?' || s[before-1] == '&' || s[before-1] == '#')
}

// looksLikeCode reports an OAuth authorization code: eight characters or more that
// mix letters and digits. "code = DeadlineExceeded" (a gRPC status) and "code=404"
// (an HTTP status) are not secrets.
func looksLikeCode(v string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(v); i++ {
		switch {
		case isAlpha(v[i]):
			letters++
		case isDigit(v[i]):
			digits++
		}
	}
	return len(v) >= 8 && letters > 0 && digits > 0
}
