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

// appendKeyedValues appends the ranges of values under sensitive keys in s, and to
// kinds, for each, the personal kind its key names (personalNone for credentials,
// cookies, authorization values and names).
func appendKeyedValues(dst []detector.Match, kinds []personalKind, s string) ([]detector.Match, []personalKind) {
	// Every append to dst appends its kind, so that the two stay in step.
	found := func(m detector.Match, kind personalKind) {
		dst = append(dst, m)
		kinds = append(kinds, kind)
	}
	var scopes [personScopes]int // ends of the maps under person keys, innermost last
	var scopeStarts [personScopes]int
	// The personal kind a map's key names ({"passport": {"number": …}}), personalNone
	// for a person's map.
	var scopeKinds [personScopes]personalKind
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '{' && i > 0 && (s[i-1] == ' ' || isAlnumByte(s[i-1])) {
			// Protocol buffers' text format and HCL open a message without a separator:
			// "billing {contact {name: \"Jane Doe\"}}", "passport { number: \"…\" }".
			if key, _ := keyBefore(s, i); key != "" && depth < personScopes {
				for depth > 0 && scopes[depth-1] <= i {
					depth--
				}
				class, kind := classifyKeyWords(key), personalNone
				if class == wordsNone {
					kind = personalKeyKind(key)
				}
				if class == wordsPerson || kind != personalNone {
					scopes[depth], scopeStarts[depth], scopeKinds[depth] = closingOf(s, i), i, kind
					depth++
				}
			}
			continue
		}
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
		key, loose := keyBefore(s, i)
		if key == "" || (i-len(key) >= 3 && s[i-len(key)-3:i-len(key)] == "://") {
			// ("smtp://apikey:SG.x@host" is a URL's userinfo: url_credential's.)
			continue
		}
		for depth > 0 && scopes[depth-1] <= i {
			depth--
		}
		class := classifyKeyWords(key)
		// In a URL's query ("?token=abc&x=1") '&' ends a value; elsewhere it is a byte
		// of it (a password).
		keyStart := i - len(key)
		if c == ':' && keyStart > 0 && s[keyStart-1] == ':' && sepEnd < len(s) && s[sepEnd] != ' ' && s[sepEnd] != '"' && s[sepEnd] != '\'' {
			continue // a segment of a cache key's path ("rate_limit:api_key:42")
		}
		if c == ':' && (keyStart > 0 && s[keyStart-1] == '$' || key[0] == '$') {
			continue // GraphQL's "$password: String!" declares a variable
		}
		inQuery := c == '=' && keyStart > 0 && (s[keyStart-1] == '?' || s[keyStart-1] == '&' || s[keyStart-1] == '#')
		vStart, vEnd, nested := valueAt(s, sepEnd, inQuery)
		if class == wordsNone && (key == "value" || key == "Value") && siblingNamesSecret(s, keyStart) {
			class = wordsCredential // {"name": "DB_PASSWORD", "value": "…"}, "- name: DB_PASSWORD\n  value: …"
		}
		if inQuery && class == wordsNone && (strings.EqualFold(key, "key") || strings.EqualFold(key, "sig")) && !objectPath(s[vStart:vEnd]) {
			class = wordsCredential // "?key=AIza...": Google's and others' API keys in a query
		}
		switch {
		case nested:
			if s[vStart] == '[' && vEnd-vStart > 2 && (class == wordsCredential || class == wordsCookie || class == wordsAuthorization) {
				// A header map's list of values: Go's "X-Api-Key:[abc]", JSON's
				// "X-Api-Key": ["abc"].
				appendListValues(s, vStart+1, vEnd-1, class, found)
				i = vEnd - 1
				continue
			}
			kind := personalNone
			if class == wordsNone {
				kind = personalKeyKind(key)
			}
			if (class == wordsPerson || kind != personalNone) && depth < personScopes && vEnd > vStart {
				scopes[depth], scopeStarts[depth], scopeKinds[depth] = vEnd, vStart, kind
				depth++
			}
			continue
		case vEnd <= vStart || detector.PlainValue(s[vStart:vEnd]):
			continue
		case class == wordsCredential && credentialValueIsNone(key, strings.Trim(s[vStart:vEnd], `"'`)):
			continue // "credentials": "include", "AccountSid": "AC…", "pass": 3
		case vEnd-vStart == len(key)+1 && s[vStart] == '$' && strings.EqualFold(s[vStart+1:vEnd], key):
			continue // "password: $password": GraphQL passes its variable on
		case loose && s[vStart-1] != '"' && s[vStart-1] != '\'':
			// A quoted word in a sentence and a bare word after it ("volume "db-creds" :
			// secret ..."): no map. (A quoted value makes it one: `for "passphrase": "x"`.)
			continue
		case class == wordsCredential && oneTimeCodeKey(key) && !hasDigitByte(s[vStart:vEnd]):
			// "mfa=totp", "otp: sms": the method; a one-time code has digits.
			continue
		case c == ':' && s[vStart-1] != '"' && s[vStart-1] != '\'' && labelsAPair(s[vStart:vEnd]):
			// "auth: method=oidc provider=okta": a label, then pairs of their own.
			continue
		}
		switch class {
		case wordsCredential, wordsPersonName:
		case wordsName:
			// A person's name is a name key right in the map under the person, not in a
			// map nested in it ({"holder": {"bank": {"name": "ING"}}}).
			if depth == 0 || scopeKinds[depth-1] != personalNone || !directChild(s, scopeStarts[depth-1], i) {
				i = vEnd - 1
				continue
			}
		case wordsCookie:
			for _, sp := range cookieSecrets(s[vStart:vEnd]) {
				found(detector.Match{Start: vStart + sp[0], End: vStart + sp[1]}, personalNone)
			}
			i = vEnd - 1
			continue
		case wordsAuthorization:
			for _, sp := range authorizationSecret(s[vStart:vEnd]) {
				found(detector.Match{Start: vStart + sp[0], End: vStart + sp[1]}, personalNone)
			}
			i = vEnd - 1
			continue
		case wordsNone:
			if kind := identifierKeyKind(key); kind != notIdentifier {
				idEnd := vEnd
				if s[vStart-1] != '"' && s[vStart-1] != '\'' {
					// A bare identifier is one token: "dd_trace_id=5644790049814991924 (insufficient funds)".
					if k := strings.IndexAny(s[vStart:vEnd], " ,"); k > 0 {
						idEnd = vStart + k
					}
				}
				if identifierShaped(kind, s[vStart:idEnd]) {
					found(detector.Match{Start: vStart, End: idEnd}, keepKind) // "span_id": "2526443115065271"
					i = idEnd - 1
					continue
				}
			}
			// A personal value under a key that names its kind ("phone": "512 345 678"), or
			// the number of the map whose key names it ({"passport": {"number": "…"}}).
			kind := personalKeyKind(key)
			if kind == personalNone && bareE164(s[vStart:vEnd]) && addresseeKey(key) {
				found(detector.Match{Start: vStart, End: vEnd}, personalPhone) // Vonage's "to": "447700900123"
				i = vEnd - 1
				continue
			}
			if kind == personalNone && depth > 0 && scopeKinds[depth-1] != personalNone && personalNumberKey(key) &&
				nestingAt(s, scopeStarts[depth-1], i) == 1 {
				kind = scopeKinds[depth-1]
			}
			if kind != personalNone && s[vStart-1] != '"' && s[vStart-1] != '\'' {
				if kind == personalAddress {
					vEnd = streetWordsAfter(s, vEnd)
				}
				vEnd = vStart + personalTokens(kind, s[vStart:vEnd])
			}
			if kind != personalNone && vEnd > vStart && personalShaped(kind, s[vStart:vEnd]) {
				found(detector.Match{Start: vStart, End: vEnd}, kind)
				i = vEnd - 1
			}
			continue
		case wordsPerson:
			// "account_holder": "Jane Doe": the value of a key that names one person, when
			// it is a name; "recipient": 31612345678, a phone number without its '+'.
			if bareE164(s[vStart:vEnd]) && addresseeKey(key) {
				found(detector.Match{Start: vStart, End: vEnd}, personalPhone)
				i = vEnd - 1
				continue
			}
			if individualKey(key) && personNameShaped(strings.TrimSpace(s[vStart:vEnd])) {
				found(detector.Match{Start: vStart, End: vEnd}, personalNone)
				i = vEnd - 1
			}
			continue
		default:
			continue
		}
		if startsWithAuthScheme(s[vStart:vEnd]) {
			vStart += strings.IndexByte(s[vStart:vEnd], ' ') + 1
		}
		if class == wordsCredential && c == ':' && vStart > 0 && s[vStart-1] != '"' && s[vStart-1] != '\'' && yamlLine(s, i-len(key)) {
			// A YAML document's unquoted value is the rest of its line, whatever bytes it
			// has ("password: 7E)9T5N9ZNrS<WC~bO<kegSF").
			if nl := strings.IndexAny(s[vStart:], "\r\n"); nl >= 0 {
				vEnd = vStart + nl
			} else {
				vEnd = len(s)
			}
			for vEnd > vStart && (s[vEnd-1] == ' ' || s[vEnd-1] == '\t') {
				vEnd--
			}
		}
		if class == wordsCredential && vStart > 0 && s[vStart-1] != '"' && s[vStart-1] != '\'' {
			// A bare credential is one token: "secret: abc rejected by ..." ends at the space,
			// or at the quote that closes the text it is quoted in ("`…;SharedAccessKey=x`:").
			// In a document of lines (YAML, properties) a key that starts its line has the
			// rest of the line: "password: blue moon over paris".
			if k := strings.IndexAny(s[vStart:vEnd], " \t<>"); k > 0 && (c != ':' || !yamlLine(s, i-len(key))) {
				vEnd = vStart + k
			}
			vEnd = closingQuote(s, vStart, vEnd)
			if detector.PlainValue(s[vStart:vEnd]) || detector.ProseAfterLabel(s, vStart, vEnd) {
				continue // "MUST_CHANGE_PASSWORD = FALSE: connection reset", "password: minimum length 12 not met"
			}
		}
		found(detector.Match{Start: vStart, End: vEnd}, personalNone)
		i = vEnd - 1
	}
	appendMarkupValues(s, found)
	return dst, kinds
}

// siblingNamesSecret reports whether, in the map or the YAML list item that a
// "value" key at keyStart is in, a "name" or "key" before it names a credential.
func siblingNamesSecret(s string, keyStart int) bool {
	from := max(0, keyStart-256)
	region := s[from:keyStart]
	start := max(strings.LastIndexByte(region, '{'), strings.LastIndex(region, "- "))
	if start < 0 || strings.LastIndexByte(region, '}') > start {
		return false
	}
	for i := from + start; i < keyStart; i++ {
		if s[i] != ':' && s[i] != '=' {
			continue
		}
		k, _ := keyBefore(s, i)
		if !strings.EqualFold(k, "name") && !strings.EqualFold(k, "key") {
			continue
		}
		if vs, ve, nested := valueAt(s, i+1, false); !nested && ve > vs {
			return namesSecret(s[vs:ve])
		}
	}
	return false
}

// objectPath reports a value up to a query's next '&' that is an object's path
// ("key=reports%2F2025%2F01.csv", S3's and GCS's object keys): a '/' (or "%2F") and a
// file's extension at its end.
func objectPath(v string) bool {
	if amp := strings.IndexByte(v, '&'); amp >= 0 {
		v = v[:amp]
	}
	if !strings.Contains(v, "/") && !strings.Contains(v, "%2F") && !strings.Contains(v, "%2f") {
		return false
	}
	dot := strings.LastIndexByte(v, '.')
	if dot < 0 || len(v)-dot-1 < 1 || len(v)-dot-1 > 5 {
		return false
	}
	for i := dot + 1; i < len(v); i++ {
		if !isAlnumByte(v[i]) {
			return false
		}
	}
	return true
}

// appendListValues finds the secrets of the values in a list s[from:to] under a
// credential's, a cookie's or an authorization's key: each quoted item, or the
// whole of a bare list (Go prints a header's values as "[v1 v2]").
func appendListValues(s string, from, to int, class keyWordClass, found func(detector.Match, personalKind)) {
	item := func(a, b int) {
		if b <= a || isReplacement(s[a:b]) || detector.PlainValue(s[a:b]) {
			return
		}
		switch class {
		case wordsCookie:
			for _, sp := range cookieSecrets(s[a:b]) {
				found(detector.Match{Start: a + sp[0], End: a + sp[1]}, personalNone)
			}
		case wordsAuthorization:
			for _, sp := range authorizationSecret(s[a:b]) {
				found(detector.Match{Start: a + sp[0], End: a + sp[1]}, personalNone)
			}
		default:
			if startsWithAuthScheme(s[a:b]) {
				a += strings.IndexByte(s[a:b], ' ') + 1
			}
			found(detector.Match{Start: a, End: b}, personalNone)
		}
	}
	if detector.PlainValue(s[from-1 : to+1]) {
		return // "[FILTERED]", "[REDACTED]": a masking stage's, not a list
	}
	i := from
	for i < to && s[i] == ' ' {
		i++
	}
	if i < to && (s[i] == '"' || s[i] == '\'') {
		for i < to {
			if s[i] != '"' && s[i] != '\'' {
				i++
				continue
			}
			a, b, _ := quotedAt(s, i, s[i], false)
			if b <= a || b >= to {
				item(a, min(b, to))
				return
			}
			item(a, b)
			i = b + 1
		}
		return
	}
	item(i, to)
}

// keyBefore returns the key that ends at the separator at sep: quoted (possibly
// JSON-escaped), a Ruby symbol, or a bare identifier; "" when there is none. loose
// reports a quoted key that does not stand where a map's keys do (keyMayStartAfter).
func keyBefore(s string, sep int) (key string, loose bool) {
	end := sep
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	if end == 0 {
		return "", false
	}
	if q := s[end-1]; q == '"' || q == '\'' {
		end--
		// Escaped once (\"key\") or more, as JSON inside JSON inside JSON escapes it.
		escaped := false
		for end > 0 && s[end-1] == '\\' {
			end--
			escaped = true
		}
		start := end
		for start > 0 && s[start-1] != q && end-start < 64 {
			start--
		}
		if start == 0 || s[start-1] != q {
			return "", false
		}
		return s[start:end], !keyMayStartAfter(s, start-1, escaped)
	}
	if s[end-1] == ']' && end >= 3 && s[end-2] != '[' {
		// A form's nested key ("transaction[credit_card][cardholder_name]=…", PHP's and
		// Rails' brackets, also %5B…%5D decoded): the last bracket names the value.
		start := end - 1
		for start > 0 && isKeyByte(s[start-1]) && end-start < 64 {
			start--
		}
		if start > 0 && s[start-1] == '[' && start < end-1 {
			return s[start : end-1], false
		}
		return "", false
	}
	start := end
	for start > 0 && isKeyByte(s[start-1]) && end-start < 64 {
		start--
	}
	return s[start:end], false
}

// keyMayStartAfter reports whether a quoted key whose opening quote is at q stands
// where a map's keys do: first in the text or a line, or after '{', '[', '(', ','
// or ';'. A quoted word after a word is a value in a sentence ("volume "db-creds" :
// secret ...", "invalid name 'x': ...").
func keyMayStartAfter(s string, q int, escaped bool) bool {
	j := q
	for escaped && j > 0 && s[j-1] == '\\' {
		j--
	}
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j == 0 {
		return true
	}
	switch s[j-1] {
	case '{', '[', '(', ',', ';', '\n', '\r', '|':
		return true
	case 'n', 'r', 't':
		// An escaped line break of JSON text ("...\n  'password': ...").
		return j >= 2 && s[j-2] == '\\'
	}
	return false
}

// directChild reports whether position i lies in the map that opens at start itself,
// not in a map or list nested in it.
func directChild(s string, start, i int) bool { return nestingAt(s, start, i) <= 1 }

// nestingAt returns how deep i is in the brackets opened after start.
func nestingAt(s string, start, i int) int {
	depth := 0
	var quote byte
	for k := start; k < i && k < len(s); k++ {
		c := s[k]
		if c == '\\' && k+1 < len(s) && s[k+1] == '"' {
			c = '"' // escaped JSON inside a string: its quotes are quotes
			k++
		}
		switch {
		case quote != 0 && c == '\\':
			k++
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
		}
	}
	return depth
}

// labelsAPair reports a value that is itself "name=…", a name of three lower-case
// letters or more: the word before it was a label ("auth: method=oidc
// provider=okta"), not a key whose value this is. ("T=Sx_#Fwv…" is a password.)
func labelsAPair(v string) bool {
	i := 0
	for i < len(v) && (isLowerByte(v[i]) || v[i] == '_') {
		i++
	}
	return i >= 3 && i+1 < len(v) && v[i] == '=' && v[i+1] != '='
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

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
	case c == '\\':
		m := i
		for m < len(s) && s[m] == '\\' {
			m++
		}
		if m < len(s) && s[m] == '"' {
			return quotedAt(s, m, '"', true)
		}
	case c == '{' || c == '[' || (c == '(' && !parenthesisedNumber(s, i)) || strings.HasPrefix(s[i:], "map["):
		if c == 'm' {
			i += 3
		}
		return i, closingOf(s, i), true
	}
	end = i
	parens := 0 // "(995)" inside a bare value is its own
	for end < len(s) {
		c := s[end]
		if c == '(' {
			parens++
		} else if c == ')' && parens > 0 {
			parens--
			end++
			continue
		}
		// Quotes inside a bare value are its own ("O'Brien").
		if c == '\n' || c == '\r' || c == '}' || c == ']' || c == ')' || (c == '&' && (inQuery || nextIsKey(s, end+1))) || c == ';' {
			break
		}
		if c == '\\' && end+1 < len(s) && (s[end+1] == 'n' || s[end+1] == 'r' || s[end+1] == 't') {
			break // an escaped line break ends the line as a real one does
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

// yamlLine reports a key at k that starts a line of a document of "key: value"
// lines: only spaces before it on its line, and the line before or after it a key
// at the same indentation ("  username: app\n  password: blue moon").
func yamlLine(s string, k int) bool {
	j := k
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j == 0 || s[j-1] != '\n' {
		return false
	}
	indent := k - j
	// The line before.
	if j >= 2 {
		prev := strings.LastIndexByte(s[:j-1], '\n') + 1
		if keyAtIndent(s[prev:j-1], indent) {
			return true
		}
	}
	// The line after.
	if nl := strings.IndexByte(s[k:], '\n'); nl >= 0 {
		next := s[k+nl+1:]
		if e := strings.IndexByte(next, '\n'); e >= 0 {
			next = next[:e]
		}
		return keyAtIndent(next, indent)
	}
	return false
}

// keyAtIndent reports a line that holds "key:" after exactly indent spaces.
func keyAtIndent(line string, indent int) bool {
	if len(line) <= indent || strings.TrimLeft(line[:indent], " \t") != "" {
		return false
	}
	j := indent
	for j < len(line) && isKeyByte(line[j]) {
		j++
	}
	return j > indent && j < len(line) && line[j] == ':'
}

// closingQuote returns where a bare value that starts at start inside quoted text
// ends: at the quote that closes that text, when one comes before end.
func closingQuote(s string, start, end int) int {
	for _, q := range [...]string{"`", `"`} {
		if strings.Count(s[:start], q)%2 == 1 {
			if c := strings.Index(s[start:end], q); c >= 0 {
				end = start + c
			}
		}
	}
	// A single quote is also an apostrophe ("O'Brien"): it closes the text only when
	// one opened it after a space or a separator and it stands before one (a shell's
	// '--token=x' --server=…).
	if p := strings.LastIndexByte(s[:start], '\''); p >= 0 && (p == 0 || strings.IndexByte(" =([{:,", s[p-1]) >= 0) && strings.Count(s[:start], "'")%2 == 1 {
		if c := strings.IndexByte(s[start:end], '\''); c >= 0 && (start+c+1 == len(s) || strings.IndexByte(" ,;)]}\n", s[start+c+1]) >= 0) {
			end = start + c
		}
	}
	return end
}

// parenthesisedNumber reports "(2) 3745 1053", "(044) 387-48-01": an area code, not
// a nested structure.
func parenthesisedNumber(s string, i int) bool {
	k := i + 1
	for k < len(s) && isDigitByte(s[k]) {
		k++
	}
	return k > i+1 && k-i-1 <= 5 && k < len(s) && s[k] == ')'
}

func quotedAt(s string, q int, quote byte, escaped bool) (int, int, bool) {
	start := q + 1
	for k := start; k < len(s); k++ {
		switch {
		case escaped && s[k] == '\\':
			m := k
			for m < len(s) && s[m] == '\\' {
				m++
			}
			if m < len(s) && s[m] == quote {
				return start, k, false // \" or \\\" closes it, at any depth of escaping
			}
			k = m - 1
		case !escaped && s[k] == '\\':
			k++
		case !escaped && s[k] == quote && quote == '\'' && k+2 < len(s) && s[k+1] == '\'' && (isAlnumByte(s[k+2]) || s[k+2] >= 0x80):
			k++ // SQL's doubled quote inside a word: 'O''Brien'
		case !escaped && s[k] == quote && quote == '\'' && k > start && isAlnumByte(s[k-1]) && k+1 < len(s) && isAlnumByte(s[k+1]):
			// An apostrophe inside a word ('O'Brien') does not close the value.
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
	for i < len(s) && s[i] == '[' {
		// A form's nested key: "user[name]=", "a[b][c]=".
		k := i + 1
		for k < len(s) && isKeyByte(s[k]) {
			k++
		}
		if k == i+1 || k >= len(s) || s[k] != ']' {
			return false
		}
		i = k + 1
	}
	if i >= len(s) {
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
	if s[i] == ':' && allDigits(s[start:i]) {
		return false // a number before a colon ("Hauptstraße 69: carrier rejected", "at 10:30") is no key
	}
	// Base64's padding ("...NTI=]") is no separator: a value follows a real one, or
	// it has spaces on both sides ("Password = x").
	if s[i] == '=' && (i+1 >= len(s) || strings.IndexByte("=]}), \t\n", s[i+1]) >= 0) && (s[i-1] != ' ' || i+1 >= len(s) || s[i+1] != ' ') {
		return false
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// streetWordsAfter extends a bare street value that ends at end over the
// capitalised words right after it, which the value's grammar took for the next
// key ("address: 219 Kungsgatan: carrier rejected" is cut before "Kungsgatan:").
func streetWordsAfter(s string, end int) int {
	for end+1 < len(s) && s[end] == ' ' && (isUpperByte(s[end+1]) || s[end+1] >= 0x80) {
		k := end + 1
		for k < len(s) && (isAlnumByte(s[k]) || s[k] >= 0x80 || s[k] == '.' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] != ' ' && s[k] != ',' && (s[k] != ':' || k+1 < len(s) && s[k+1] != ' ') {
			break // "Tier:gold": a Go struct's next field
		}
		end = k
	}
	return end
}
