package detector

import "strings"

// urlCredential finds credentials carried in URLs and key=value text:
//   - the userinfo of a URL ("https://user:pass@host/" reports "user:pass");
//   - the value of a parameter whose name says it is a secret, in a query string,
//     a form body or a logfmt line ("?token=abc&x=1" reports "abc").
//
// Scheme, host, path and every other parameter stay as they are.
type urlCredential struct{}

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

// inURLAuthority reports whether position at lies in the authority of a URL, that
// is after "://" with no path, query, fragment or space in between.
func inURLAuthority(s string, at int) bool {
	for k := at; k >= 3; k-- {
		if s[k-3:k] == "://" {
			return true
		}
		if isAuthorityEnd(s[k-1]) {
			return false
		}
	}
	return false
}

func isAuthorityEnd(c byte) bool {
	return c == '/' || c == '?' || c == '#' || c == ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\t' || c == '\n'
}

func isParamNameChar(c byte) bool { return isAlnum(c) || c == '_' || c == '-' || c == '.' }

func isParamValueEnd(c byte) bool {
	return c == '&' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ')' || c == '>'
}

func appendSecretParams(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '=')
		if k < 0 {
			return dst
		}
		eq := i + k
		nameStart := eq
		for nameStart > 0 && isParamNameChar(s[nameStart-1]) {
			nameStart--
		}
		valueEnd := eq + 1
		for valueEnd < len(s) && !isParamValueEnd(s[valueEnd]) {
			valueEnd++
		}
		if valueEnd > eq+1 && nameStart < eq && isSecretParam(s[nameStart:eq]) && !isReplacement(s[eq+1:valueEnd]) {
			dst = append(dst, Match{Start: eq + 1, End: valueEnd})
			i = valueEnd
			continue
		}
		i = eq + 1
	}
	return dst
}

func isSecretParam(name string) bool {
	for _, p := range secretParams {
		if len(p) == len(name) && strings.EqualFold(p, name) {
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
