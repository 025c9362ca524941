package detector

import "strings"

// URLCredential is the name of the url_credential detector.
const URLCredential = "url_credential" //nolint:gosec // a detector's name, not a credential

var urlCredentialBuiltin = Builtin{
	Name: URLCredential,
	New:  func(_ Options) Detector { return urlCredential{} },
	// Userinfo's "@", "name=value" or "name: value", a link's path.
	Prefilter: Prefilter{AnyOf: "@=:/"},
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
var secretParams = newWordSet(
	"token", "access_token", "refresh_token", "id_token", "auth_token", "private_token",
	"api_key", "apikey", "api-key", "key_secret", "secret", "client_secret",
	"password", "passwd", "pwd", "pass", "sig", "signature", "auth", "authorization",
	"session", "sessionid", "session_id", "jwt", "code",
	"x-amz-signature", "x-amz-credential", "x-amz-security-token",
	"x-goog-signature", "x-goog-credential",
	// OpenWeather's and others' "appid", Sentry's DSN key in its auth header, PKCE's
	// code verifier (its challenge is a hash and stays).
	"appid", "sentry_key", "code_verifier",
	// OAuth 1.0a's and Shopify's request signatures.
	"oauth_signature", "hmac",
)

func (urlCredential) Name() string { return URLCredential }

func (urlCredential) AppendMatches(dst []Match, s string) []Match {
	first := len(dst)
	// A URL's "://" and a cookie line's "Cookie:" need a ':', a parameter a ':' or
	// '='; values with a '/' and neither (paths, routes, user agents) are common.
	colon, equals := strings.IndexByte(s, ':') >= 0, strings.IndexByte(s, '=') >= 0
	if colon {
		dst = appendUserinfo(dst, s)
	}
	if colon || equals {
		dst = appendSecretParams(dst, s)
	}
	if colon {
		dst = appendCookieValues(dst, s)
	}
	dst = appendPathTokens(dst, s)
	dst = appendDSNPasswords(dst, s)
	if colon {
		dst = appendPgpassPassword(dst, s)
	}
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
		if at > start && !isReplacement(s[start:at]) && userinfoSecret(s[start:at]) {
			dst = append(dst, Match{Start: start, End: at})
		}
		i = start
	}
	return dst
}

// userinfoSecret reports userinfo that holds a secret: a password after the user
// that is not masked nor a reference ("app:****", "app:${DB_PASSWORD}" are not), or,
// with no password, a user that is a token ("https://ghp_…@github.com"). A user name
// alone ("postgres://app@db/orders") is an account, not a credential.
func userinfoSecret(u string) bool {
	k := strings.IndexByte(u, ':')
	if k < 0 {
		return RandomToken(u) || len(u) >= 20 && hasDigit(u) && !strings.ContainsAny(u, ".%")
	}
	return !PlainValue(u[k+1:])
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
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
		if name == "" || !isSecretParam(name) || (s[k] == ':' && k+2 < len(s) && s[k+1] == '/' && s[k+2] == '/') || afterScheme(s, k, name) || keyPathSegment(s, k, name) ||
			s[k] == ':' && k-len(name) > 0 && s[k-len(name)-1] == '$' {
			// (GraphQL's "$password: String!" declares a variable.)
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
			if strings.EqualFold(scheme, "digest") || end < len(s) && s[end] == '"' {
				// Digest's and OAuth's parameter lists ("Digest username=\"app\", …,
				// response=\"…\""): the credential is the whole list, to the line's end.
				if nl := strings.IndexAny(s[end:], "\r\n"); nl >= 0 {
					end += nl
				} else {
					end = len(s)
				}
			}
		} else if start < len(s) && s[start] == '(' {
			// A tuple: Python's requests' auth=('user', 'password'); the last item is
			// the secret.
			if ts, te, ok := lastTupleItem(s, start); ok {
				if !PlainValue(s[ts:te]) {
					dst = append(dst, Match{Start: ts, End: te})
				}
				i = te
				continue
			}
		}
		if inConnectionString(s, k, name) {
			// "…;Password=P@ss w0rd!;…": the value runs to the next ';', spaces included,
			// or to the quote that closes a quoted connection string.
			// The last field, with no ';' after it, ends where the string does: at a space.
			if semi := strings.IndexAny(s[start:], ";\n"); semi >= 0 && s[start+semi] == ';' {
				end = start + semi
			} else {
				if sp := strings.IndexAny(s[start:], " \n"); sp >= 0 {
					end = start + sp
				} else {
					end = len(s)
				}
				if b := strings.IndexByte(s[start:end], ']'); b >= 0 && strings.IndexByte(s[start:start+b], '[') < 0 {
					end = start + b // the last field inside a bracketed list ("Cookie:[a=1; sid=x] …")
				}
			}
			end = closingQuoteBefore(s, start, end)
		}
		if start < end && s[start] == '<' && end < len(s) && s[end] == '>' && PlainValue(s[start:end+1]) {
			i = end // "password=<redacted>"
			continue
		}
		if strings.EqualFold(name, "auth") && optionWord(s[start:end]) || strings.EqualFold(name, "pass") && end-start <= 4 && allDigitBytes(s[start:end]) {
			i = end // "auth=oauth2", "pass=120": a method, a count
			continue
		}
		if before := k - len(name); before > 0 && (s[before-1] == '/' || s[before-1] == '+') || strings.Trim(s[start:end], "=") == "" {
			i = k + 1 // inside base64 ("nonce-gtAaT1yd2E/SIg==") or padding alone: no name and value
			continue
		}
		if end-start == len(name)+1 && s[start] == '$' && strings.EqualFold(s[start+1:end], name) {
			i = end // "password: $password": GraphQL's variable, passed on
			continue
		}
		if end > start && !PlainValue(s[start:end]) && (s[k] != ':' || !labelsAPair(s[start:end]) && !ProseAfterLabel(s, start, end)) && (!strings.EqualFold(name, "code") || inQueryString(s, k, name) || looksLikeCode(s[start:end])) {
			dst = append(dst, Match{Start: start, End: end})
			i = end
			continue
		}
		i = k + 1
	}
	return dst
}

// optionWord reports a value that names an authentication method or a client's
// credentials option, not a credential: fetch's "include", "same-origin" and "omit",
// and the schemes and mechanisms that "auth" settings name.
func optionWord(v string) bool {
	return authOptions.has(v)
}

var authOptions = newWordSet("include", "omit", "same-origin", "none", "basic", "bearer", "digest", "oauth", "oauth2",
	"oidc", "saml", "ldap", "kerberos", "ntlm", "negotiate", "jwt", "apikey", "api-key", "api_key", "mtls", "tls",
	"password", "token", "anonymous", "iam", "sigv4", "hmac", "scram", "scram-sha-256", "scram-sha-512", "plain",
	"sasl", "required", "optional", "disabled", "enabled", "session", "cookie", "header", "query", "client_credentials")

// lastTupleItem returns the last quoted item of a tuple that opens at i ("('app',
// 'S3cret')"), when the tuple holds quoted items alone and closes within 256 bytes.
func lastTupleItem(s string, i int) (int, int, bool) {
	start, end := -1, -1
	for j := i + 1; j < len(s) && j < i+256; j++ {
		switch c := s[j]; {
		case c == '\'' || c == '"':
			k := strings.IndexByte(s[j+1:], c)
			if k < 0 {
				return 0, 0, false
			}
			start, end = j+1, j+1+k
			j = end
		case c == ')':
			return start, end, start >= 0 && end > start
		case c != ' ' && c != ',':
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// keyPathSegment reports a name that is a segment of a colon-separated key path
// ("rate_limit:api_key:99315", a cache key's), not a name with its value: a ':'
// before it and none but a ':' after it.
func keyPathSegment(s string, k int, name string) bool {
	before := k - len(name)
	return s[k] == ':' && before > 0 && s[before-1] == ':' && k+1 < len(s) && s[k+1] != ' ' && s[k+1] != '"' && s[k+1] != '\''
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
// plainBracketed reports a value that starts with a bracketed plain value
// ("[FILTERED]", "[REDACTED]"): not a list.
func plainBracketed(s string) bool {
	end := strings.IndexByte(s, ']')
	return end > 0 && PlainValue(s[:end+1])
}

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
	if i+1 < len(s) && s[i] == 'N' && s[i+1] == '\'' {
		i++ // SQL Server's N'…' literal
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		start := i + 1
		end := strings.IndexByte(s[start:], s[i])
		if end < 0 {
			return start, start
		}
		return start, start + end
	}
	list := i < len(s) && s[i] == '[' && !isReplacement(s[i:]) && !plainBracketed(s[i:])
	if list {
		i++ // a list of values: Java's and Go's header maps ("Authorization=[Bearer x]")
	}
	end := i
	opened := false // a ']' closes the value when no '[' opened inside it ("sid=abc] User-Agent:[…]" in Go's map)
	for end < len(s) && !isParamValueEnd(s[end]) && (s[end] != ']' || opened && !list) {
		opened = opened || s[end] == '['
		end++
	}
	return i, end
}

// authSchemes are HTTP authentication schemes that come before the credential in an
// Authorization value.
var authSchemes = [...]string{"bearer", "basic", "token", "digest", "negotiate", "apikey", "hmac", "aws4-hmac-sha256",
	// Vendors' schemes: Azure Storage, Okta, Splunk HEC, Opsgenie, Discord bots.
	"sharedkey", "sharedkeylite", "ssws", "splunk", "geniekey", "api-key", "bot"}

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
			// A cookie's value has no space nor ']' (RFC 6265's cookie-octet; Go prints
			// a header's values in brackets): the text after it is not the cookie's
			// ("Cookie:[sid=abc] User-Agent:[…]", an Expires date's words).
			for end < lineEnd && s[end] != ';' && s[end] != '\r' && s[end] != '"' && s[end] != ' ' && s[end] != ']' {
				end++
			}
			if end > start && !isCookieAttribute(name) && cookieMayIdentify(name, s[start:end]) && !isReplacement(s[start:end]) {
				dst = append(dst, Match{Start: start, End: end})
			}
			if end < lineEnd && s[end] != ';' {
				next := strings.IndexByte(s[end:lineEnd], ';')
				if next < 0 {
					break
				}
				end += next
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

// afterScheme reports a name that follows a URL's "://": "smtp://apikey:SG.x@host"
// is userinfo, which appendUserinfo reports, not "apikey: value".
func afterScheme(s string, k int, name string) bool {
	before := k - len(name)
	return before >= 3 && s[before-3:before] == "://"
}

// closingQuoteBefore returns where a value that starts at start inside a quoted
// string ("failed to connect to `Endpoint=…;SharedAccessKey=x`: timeout") ends: at
// the quote that closes it, when one comes before end; end otherwise.
func closingQuoteBefore(s string, start, end int) int {
	for _, q := range [...]byte{'`', '"', '\''} {
		if strings.Count(s[:start], string(q))%2 == 1 {
			if c := strings.IndexByte(s[start:end], q); c >= 0 {
				end = start + c
			}
		}
	}
	return end
}

// labelsAPair reports a value that is itself "name=…" or "name: …": the word before
// it was a label ("auth: method=oidc provider=okta"), not a key whose value this is.
func labelsAPair(v string) bool {
	i := 0
	for i < len(v) && (isLower(v[i]) || v[i] == '_') {
		i++
	}
	if i < 3 || i >= len(v) || (v[i] != '=' && v[i] != ':') {
		return false
	}
	return !strings.HasPrefix(v[i:], "://") && i+1 < len(v) && v[i+1] != '='
}

// notSecretTokens are words that make a name ending in "token" something else: a
// page or continuation token, a .NET cancellation token.
var notSecretTokens = [...]string{"page", "next", "continuation", "cancellation", "sync", "resume", "pagination", "cursor"}

func isSecretParam(name string) bool {
	if n := len(name); n > len("token") && strings.EqualFold(name[n-len("token"):], "token") {
		head := strings.TrimRight(name[:n-len("token")], "_-.")
		for _, w := range notSecretTokens {
			if len(head) >= len(w) && strings.EqualFold(head[len(head)-len(w):], w) {
				return false
			}
		}
	}
	if secretParams.has(name) {
		return true
	}
	for _, suffix := range secretSuffixes {
		if len(name) >= len(suffix) && name[len(name)-1]|0x20 == suffix[len(suffix)-1] && strings.EqualFold(name[len(name)-len(suffix):], suffix) {
			return true
		}
	}
	return false
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
	// A percent-escape is one byte of the value ("tz=Europe%2FLondon" is thirteen),
	// and its hex digits are no digits of it.
	escapes := 0
	for i := 0; i+2 < len(v); i++ {
		if v[i] == '%' && IsHex(v[i+1]) && IsHex(v[i+2]) {
			escapes++
			if isDigit(v[i+1]) {
				digits--
			}
			if isDigit(v[i+2]) {
				digits--
			}
		}
	}
	n := len(v) - 2*escapes
	return n >= 16 || (n >= 8 && digits > 0)
}

// inQueryString reports a parameter of a URL's query or fragment ("?code=",
// "&code="), where OAuth puts its codes.
func inQueryString(s string, k int, name string) bool {
	before := k - len(name)
	return s[k] == '=' && before > 0 && (s[before-1] == '?' || s[before-1] == '&' || s[before-1] == '#')
}

// looksLikeCode reports an OAuth authorization code: eight characters or more that
// mix letters and digits. "code = DeadlineExceeded" (a gRPC status), "code=404" (an
// HTTP status) and, below sixteen characters, codes without a lower-case letter
// ("ORA-00942", "E11000") or hexadecimal literals ("0x80070005") are not secrets:
// providers' codes are longer or mix cases.
func looksLikeCode(v string) bool {
	if RandomToken(v) {
		return true // letters of both cases that change often, with no digit ("TiQmobVpzRpjtuXzNQkS-GzEdahhVx")
	}
	letters, digits, lower := 0, 0, 0
	for i := 0; i < len(v); i++ {
		switch {
		case isLower(v[i]):
			letters++
			lower++
		case isAlpha(v[i]):
			letters++
		case isDigit(v[i]):
			digits++
		}
	}
	if len(v) < 8 || letters == 0 || digits == 0 || strings.IndexByte(v, ' ') >= 0 {
		return false // an authorization code is one token; "NSURLErrorDomain -1009" is an error's
	}
	return len(v) >= 16 || (lower > 0 && !hasPrefixFold(v, "0x"))
}

// flowSegments are path segments after which a link's token comes: password reset,
// e-mail verification, invitation, magic sign-in and unsubscribe links, webhooks
// whose path is their secret.
var flowSegments = newWordSet(
	"reset", "reset-password", "password-reset", "reset_password", "password_reset", "resetpassword", "passwordreset",
	"verify", "verify-email", "verify_email", "verification", "confirm", "confirm-email", "confirmation", "activate",
	"activation", "invite", "invites", "invitation", "invitations", "accept", "accept-invite", "magic", "magic-link",
	"magiclink", "login-link", "sign-in-link", "token", "tokens", "unsubscribe", "webhook", "webhooks", "hooks",
	"email-confirmation", "onetime", "one-time", "otp", "set-password", "new-password", "recover", "recovery",
)

// appendPathTokens finds the token segment of such links: within two segments after
// a flow segment ("/password/reset/<token>", "/invite/accept/<token>",
// "/webhooks/892544/<token>"), a segment of 16 characters or more that mixes letters
// and digits, or a UUID.
func appendPathTokens(dst []Match, s string) []Match {
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '/')
		if k < 0 || i+k+1 >= len(s) {
			return dst
		}
		i += k
		segEnd := i + 1
		for segEnd < len(s) && isPathSegmentByte(s[segEnd]) {
			segEnd++
		}
		if !isFlowSegment(s[i+1:segEnd]) || inBase64Run(s, i) {
			continue
		}
		j := segEnd
		for step := 0; step < 2 && j < len(s) && s[j] == '/'; step++ {
			k := j + 1
			for k < len(s) && isPathSegmentByte(s[k]) {
				k++
			}
			if seg := s[j+1 : k]; tokenSegment(seg) {
				dst = append(dst, Match{Start: j + 1, End: k})
				break
			}
			j = k
		}
		i = segEnd - 1
	}
	return dst
}

// inBase64Run reports a '/' at i inside a run of base64 (a PEM block's line, an SSH
// key's blob: sixty bytes or more of its alphabet alone, a word of its own that does
// not start with '/'),
// where "…Xj//Otp/bkCvEVKt…" is no link's path.
func inBase64Run(s string, i int) bool {
	isB64 := func(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' }
	start, end := i, i
	for start > 0 && isB64(s[start-1]) {
		start--
	}
	for end < len(s) && isB64(s[end]) {
		end++
	}
	// A whole word of the text: a line of its own or between spaces and quotes (a
	// URL's path follows its host's '.' or ':').
	bounded := func(k int) bool { return k < 0 || k >= len(s) || strings.IndexByte(" \t\r\n\"'\\", s[k]) >= 0 }
	return end-start >= 60 && s[start] != '/' && bounded(start-1) && bounded(end)
}

func isPathSegmentByte(c byte) bool {
	return isAlnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '=' || c == '%'
}

func isFlowSegment(seg string) bool { return len(seg) >= 3 && flowSegments.has(seg) }

// tokenSegment reports a path segment that is a token: 16 characters or more with
// letters and digits (not a file name), or a UUID.
func tokenSegment(seg string) bool {
	if len(seg) < 16 || isReplacement(seg) {
		return false
	}
	if dot := strings.LastIndexByte(seg, '.'); dot >= 0 && len(seg)-dot <= 5 && isLetterRun(seg[dot+1:]) {
		return false // "report-2025-11-07.pdf"
	}
	letters, digits := 0, 0
	for i := 0; i < len(seg); i++ {
		switch {
		case isAlpha(seg[i]):
			letters++
		case isDigit(seg[i]):
			digits++
		}
	}
	return letters > 0 && digits > 0 || RandomToken(seg)
}

func isLetterRun(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) {
			return false
		}
	}
	return s != ""
}

// appendDSNPasswords finds the password of data source names that are not URLs: Go's
// MySQL driver's "user:password@tcp(host:3306)/db" (also unix(), tcp6()) and Oracle's
// JDBC thin "jdbc:oracle:thin:user/password@//host:1521/svc".
// appendPgpassPassword reports the password of a .pgpass line,
// "host:port:database:user:password" (the port digits or '*', no field empty), that
// stands on a line or between spaces of its own.
func appendPgpassPassword(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		end := i
		for end < len(s) && s[end] != ' ' && s[end] != '\n' && s[end] != '\t' && s[end] != '"' && s[end] != '\'' {
			end++
		}
		if end-i >= 9 {
			if m, ok := pgpassPassword(s, i, end); ok {
				dst = append(dst, m)
			}
		}
		i = end + 1
	}
	return dst
}

func pgpassPassword(s string, from, to int) (Match, bool) {
	var colons [5]int
	n := 0
	for k := from; k < to; k++ {
		if s[k] == ':' {
			if n == 4 {
				return Match{}, false
			}
			colons[n] = k
			n++
		}
	}
	if n != 4 || colons[0] == from || colons[3]+1 == to {
		return Match{}, false
	}
	for f := 0; f < 3; f++ {
		if colons[f+1] == colons[f]+1 {
			return Match{}, false // an empty field: IPv6's "::"
		}
	}
	host, port := s[from:colons[0]], s[colons[0]+1:colons[1]]
	db, user := s[colons[1]+1:colons[2]], s[colons[2]+1:colons[3]]
	if port != "*" && (len(port) > 5 || !allBytes(port, isDigit)) {
		return Match{}, false
	}
	// A host's name ("db.internal", "pg-primary", "localhost", "*"), a database's and
	// a user's in small letters: not the groups of an ID ("5E1B:30301:96604C:…") nor
	// markup around timestamps.
	if host != "*" && host != "localhost" && !strings.ContainsAny(host, ".-") || !allBytes(host, isHostByte) ||
		!pgpassName(db) || !pgpassName(user) || isReplacement(s[colons[3]+1:to]) || PlainValue(s[colons[3]+1:to]) {
		return Match{}, false
	}
	return Match{Start: colons[3] + 1, End: to}, true
}

func isHostByte(c byte) bool { return isAlnum(c) || c == '.' || c == '-' || c == '_' || c == '*' }

// pgpassName: '*', or a name of letters, digits, '_', '.', '-' with a small letter.
func pgpassName(v string) bool {
	if v == "*" {
		return true
	}
	lower := false
	for k := 0; k < len(v); k++ {
		c := v[k]
		if !isAlnum(c) && c != '_' && c != '.' && c != '-' {
			return false
		}
		lower = lower || isLower(c)
	}
	return lower
}

func appendDSNPasswords(dst []Match, s string) []Match {
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '@')
		if k < 0 {
			return dst
		}
		i += k
		rest := s[i+1:]
		if strings.HasPrefix(rest, "tcp(") || strings.HasPrefix(rest, "tcp6(") || strings.HasPrefix(rest, "unix(") || strings.HasPrefix(rest, "udp(") {
			start := i
			for start > 0 && !isDSNBoundary(s[start-1]) {
				start--
			}
			if c := strings.IndexByte(s[start:i], ':'); c > 0 && start+c+1 < i && !isReplacement(s[start+c+1:i]) {
				dst = append(dst, Match{Start: start + c + 1, End: i})
			}
			continue
		}
		if end := ezConnectPassword(s, i); end > 0 {
			dst = append(dst, Match{Start: end, End: i})
			continue
		}
		for _, p := range [...]string{"jdbc:oracle:thin:", "jdbc:oracle:oci:"} {
			k := strings.LastIndex(s[:i], p)
			if k < 0 {
				continue
			}
			logon := s[k+len(p) : i]
			if sl := strings.IndexByte(logon, '/'); sl > 0 && !strings.ContainsAny(logon, " @") && sl+1 < len(logon) {
				dst = append(dst, Match{Start: k + len(p) + sl + 1, End: i})
			}
			break
		}
	}
	return dst
}

func isDSNBoundary(c byte) bool {
	return c == ' ' || c == '"' || c == '\'' || c == '`' || c == '=' || c == '(' || c == ',' || c == '\t' || c == '\n'
}

// ezConnectPassword returns where the password of an Oracle Easy Connect logon
// starts, for the '@' at i ("app/s3cret@db.internal:1521/ORCLPDB1",
// "app/s3cret@//db:1521/svc"), or 0: an identifier, '/', the password, '@', a host,
// ':', a port of digits and '/'. ("library/nginx@sha256:3cf6…" has no port.)
func ezConnectPassword(s string, i int) int {
	j := i + 1
	if strings.HasPrefix(s[j:], "//") {
		j += 2
	}
	h := j
	for h < len(s) && (isAlnum(s[h]) || s[h] == '.' || s[h] == '-') {
		h++
	}
	if h == j || h >= len(s) || s[h] != ':' {
		return 0
	}
	p := skipDigits(s, h+1)
	if p == h+1 || p >= len(s) || s[p] != '/' {
		return 0
	}
	start := i
	for start > 0 && !isDSNBoundary(s[start-1]) {
		start--
	}
	slash := strings.IndexByte(s[start:i], '/')
	if slash <= 0 || start+slash+1 >= i || !isAlpha(s[start]) {
		return 0
	}
	for k := start; k < start+slash; k++ {
		if !isWord(s[k]) && s[k] != '$' && s[k] != '#' {
			return 0
		}
	}
	return start + slash + 1
}

func allDigitBytes(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) {
			return false
		}
	}
	return v != ""
}
