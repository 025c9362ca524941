package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Key rules inside text. Applications write maps into log lines and messages in
// many notations, and a secret or a name under a telling key is as sensitive there
// as in an attribute. appendKeyedValues finds "key<sep>value" in all of them:
//
//	JSON and JavaScript  {"password": "x"}  { password: 'x' }  {\"password\":\"x\"}
//	Python               {'password': 'x'}
//	Ruby                 {:password=>"x"}  {"password"=>"x"}  {password: "x"}
//	Java                 {password=x, user=bob}   User(password=x)
//	Go                   map[password:x user:bob]   {Password:x User:bob}
//	logfmt, key: value   password=x user=bob   password: x, user: bob
//
// and reports the value when the key's words name a credential, a cookie or an
// authorization header (keeping the scheme), or a person's name: by its own words
// ("holder_name") or as a name key inside the map under a key that names a person
// ({"holder": {"name": "x"}}).

// personScopes bounds the nesting of maps under person keys that is tracked.
const personScopes = 8

func isKeyByte(c byte) bool {
	return isAlnumByte(c) || c == '_' || c == '-' || c == '.' || c == '$' || c == '@'
}

// appendKeyedValues appends the ranges of values under sensitive keys in s.
func appendKeyedValues(dst []detector.Match, s string) []detector.Match {
	var scopes [personScopes]int // ends of the maps under person keys, innermost last
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != ':' && c != '=' {
			continue
		}
		sepEnd := i + 1
		if c == '=' && sepEnd < len(s) && s[sepEnd] == '>' {
			sepEnd++ // Ruby's =>
		} else if c == '=' && sepEnd < len(s) && s[sepEnd] == '=' {
			continue // "==" is not a separator
		}
		if c == ':' && sepEnd+1 < len(s) && s[sepEnd] == '/' && s[sepEnd+1] == '/' {
			continue // a URL's scheme
		}
		key := keyBefore(s, i)
		if key == "" {
			continue
		}
		for depth > 0 && scopes[depth-1] <= i {
			depth--
		}
		class := classifyKeyWords(key)
		// In a URL's query ("?token=abc&x=1") '&' ends a value; elsewhere it is a byte
		// of it (a password).
		keyStart := i - len(key)
		inQuery := c == '=' && keyStart > 0 && (s[keyStart-1] == '?' || s[keyStart-1] == '&' || s[keyStart-1] == '#')
		vStart, vEnd, nested := valueAt(s, sepEnd, inQuery)
		if inQuery && class == wordsNone && (strings.EqualFold(key, "key") || strings.EqualFold(key, "sig")) {
			class = wordsCredential // "?key=AIza...": Google's and others' API keys in a query
		}
		switch {
		case nested:
			if class == wordsPerson && depth < personScopes && vEnd > vStart {
				scopes[depth] = vEnd
				depth++
			}
			continue
		case vEnd <= vStart || isReplacement(s[vStart:vEnd]):
			continue
		}
		switch class {
		case wordsCredential, wordsPersonName:
		case wordsName:
			if depth == 0 {
				i = vEnd - 1
				continue
			}
		case wordsCookie:
			for _, sp := range cookieSecrets(s[vStart:vEnd]) {
				dst = append(dst, detector.Match{Start: vStart + sp[0], End: vStart + sp[1]})
			}
			i = vEnd - 1
			continue
		case wordsAuthorization:
			for _, sp := range authorizationSecret(s[vStart:vEnd]) {
				dst = append(dst, detector.Match{Start: vStart + sp[0], End: vStart + sp[1]})
			}
			i = vEnd - 1
			continue
		default:
			continue
		}
		if startsWithAuthScheme(s[vStart:vEnd]) {
			vStart += strings.IndexByte(s[vStart:vEnd], ' ') + 1
		}
		if class == wordsCredential && vStart > 0 && s[vStart-1] != '"' && s[vStart-1] != '\'' {
			// A bare credential is one token: "secret: abc rejected by ..." ends at the space.
			if k := strings.IndexAny(s[vStart:vEnd], " \t<>"); k > 0 {
				vEnd = vStart + k
			}
		}
		dst = append(dst, detector.Match{Start: vStart, End: vEnd})
		i = vEnd - 1
	}
	return dst
}

// keyBefore returns the key that ends at the separator at sep: quoted (possibly
// JSON-escaped), a Ruby symbol, or a bare identifier; "" when there is none.
func keyBefore(s string, sep int) string {
	end := sep
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	if end == 0 {
		return ""
	}
	if q := s[end-1]; q == '"' || q == '\'' {
		end--
		escaped := end > 0 && s[end-1] == '\\'
		if escaped {
			end--
		}
		start := end
		for start > 0 && s[start-1] != q && end-start < 64 {
			start--
		}
		if start == 0 || s[start-1] != q {
			return ""
		}
		return s[start:end]
	}
	start := end
	for start > 0 && isKeyByte(s[start-1]) && end-start < 64 {
		start--
	}
	return s[start:end]
}

// valueAt returns the value that starts after a separator: quoted (to its closing
// quote, JSON escapes honoured), a nested map or list (nested, with its extent), or
// bare, which runs to the end of the line, of the enclosing structure, to the next
// "key<sep>" or to a delimiter of URLs and logfmt.
func valueAt(s string, from int, inQuery bool) (start, end int, nested bool) {
	i := from
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) {
		return i, i, false
	}
	switch c := s[i]; {
	case c == '"' || c == '\'':
		return quotedAt(s, i, c, false)
	case c == '\\' && i+1 < len(s) && s[i+1] == '"':
		return quotedAt(s, i+1, '"', true)
	case c == '{' || c == '[' || c == '(' || strings.HasPrefix(s[i:], "map["):
		if c == 'm' {
			i += 3
		}
		return i, closingOf(s, i), true
	}
	end = i
	for end < len(s) {
		c := s[end]
		// Quotes inside a bare value are its own ("O'Brien").
		if c == '\n' || c == '\r' || c == '}' || c == ']' || c == ')' || (c == '&' && inQuery) || c == ';' {
			break
		}
		if (c == ',' || c == ' ' || c == '\t') && nextIsKey(s, end+1) {
			break
		}
		end++
	}
	for end > i && (s[end-1] == ' ' || s[end-1] == ',') {
		end--
	}
	return i, end, false
}

func quotedAt(s string, q int, quote byte, escaped bool) (int, int, bool) {
	start := q + 1
	for k := start; k < len(s); k++ {
		switch {
		case escaped && s[k] == '\\' && k+1 < len(s) && s[k+1] == quote:
			return start, k, false
		case !escaped && s[k] == '\\':
			k++
		case !escaped && s[k] == quote:
			return start, k, false
		}
	}
	return start, start, false
}

// closingOf returns the index just past the bracket that closes the one at i,
// or len(s).
func closingOf(s string, i int) int {
	depth := 0
	var quote byte
	for k := i; k < len(s); k++ {
		c := s[k]
		switch {
		case quote != 0 && c == '\\':
			k++ // an escaped byte inside a quoted string
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{' || c == '[' || c == '(':
			depth++
		case c == '}' || c == ']' || c == ')':
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return len(s)
}

// nextIsKey reports whether a key and its separator start at i, after spaces.
func nextIsKey(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && (s[i] == ':' || s[i] == '"' || s[i] == '\'') {
		i++ // a Ruby symbol, a quoted key
	}
	start := i
	for i < len(s) && isKeyByte(s[i]) {
		i++
	}
	if i == start || i >= len(s) {
		return false
	}
	if s[i] == '"' || s[i] == '\'' {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || (s[i] != '=' && s[i] != ':') {
		return false
	}
	// Base64's padding ("...NTI=]") is no separator: a value follows a real one.
	if s[i] == '=' && (i+1 >= len(s) || strings.IndexByte("=]}), \t\n", s[i+1]) >= 0) {
		return false
	}
	return true
}
