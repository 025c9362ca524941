package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Key rules in the notations that pair a key and a value without ':' or '=':
//
//	XML and SOAP      <Password>x</Password>  <wsse:Password Type="…">x</wsse:Password>
//	.NET settings     <add key="SmtpPassword" value="x" />
//	PHP print_r       [password] => x
//	PHP var_dump      ["password"]=> string(1) "x"
//	Rails SQL binds   [["phone", "512 345 678"], ["id", 42]]
//	multipart forms   Content-Disposition: form-data; name="password"\r\n\r\nx\r\n--
//	SQL INSERT        INSERT INTO t (id, phone) VALUES (42, '512 345 678')
//	messages          invalid api_key 'x', cardholder_name "Jane Doe" rejected
//
// Each value found is judged as keyedValue judges one after ':' or '='.

// foundFunc receives a value's range and the personal kind its key names.
type foundFunc func(detector.Match, personalKind)

// keyedValue reports, for a value under key at s[vStart:vEnd], the part that the
// key rules redact. quoted: the value is delimited (a quoted string, an element's
// text), so it is the whole range; a bare one is cut to its tokens.
func keyedValue(key, s string, vStart, vEnd int, quoted bool, found foundFunc) {
	for vStart < vEnd && s[vStart] == ' ' {
		vStart++
	}
	for vEnd > vStart && (s[vEnd-1] == ' ' || s[vEnd-1] == '\r') {
		vEnd--
	}
	if vEnd <= vStart || detector.PlainValue(s[vStart:vEnd]) {
		return
	}
	switch classifyKeyWords(key) {
	case wordsCredential, wordsPersonName:
		if startsWithAuthScheme(s[vStart:vEnd]) {
			vStart += strings.IndexByte(s[vStart:vEnd], ' ') + 1
		}
		if !quoted {
			if k := strings.IndexAny(s[vStart:vEnd], " \t<>"); k > 0 {
				vEnd = vStart + k
			}
			if detector.PlainValue(s[vStart:vEnd]) {
				return
			}
		}
		found(detector.Match{Start: vStart, End: vEnd}, personalNone)
	case wordsCookie:
		for _, sp := range cookieSecrets(s[vStart:vEnd]) {
			found(detector.Match{Start: vStart + sp[0], End: vStart + sp[1]}, personalNone)
		}
	case wordsAuthorization:
		for _, sp := range authorizationSecret(s[vStart:vEnd]) {
			found(detector.Match{Start: vStart + sp[0], End: vStart + sp[1]}, personalNone)
		}
	case wordsPerson:
		// <AccountHolder>Jane Doe</AccountHolder>, [account_holder] => Jane Doe
		if individualKey(key) && personNameShaped(s[vStart:vEnd]) {
			found(detector.Match{Start: vStart, End: vEnd}, personalNone)
		}
	case wordsNone:
		if ik := identifierKeyKind(key); ik != notIdentifier && identifierShaped(ik, s[vStart:vEnd]) {
			found(detector.Match{Start: vStart, End: vEnd}, keepKind) // <TraceId>, [dd_trace_id] =>, a gtin column
			return
		}
		kind := personalKeyKind(key)
		if kind == personalNone {
			return
		}
		if !quoted {
			vEnd = vStart + personalTokens(kind, s[vStart:vEnd])
		}
		if vEnd > vStart && personalShaped(kind, s[vStart:vEnd]) {
			found(detector.Match{Start: vStart, End: vEnd}, kind)
		}
	}
}

// appendMarkupValues finds values under keys in the notations above.
func appendMarkupValues(s string, found foundFunc) {
	notations := markupNotations(s)
	if notations&notationXML != 0 {
		xmlValues(s, found)
	}
	if notations&notationPHP != 0 {
		phpValues(s, found)
	}
	if notations&notationPairs != 0 {
		pairValues(s, found)
	}
	if notations&notationMultipart != 0 {
		multipartValues(s, found)
	}
	if notations&notationInsert != 0 {
		if i := indexWordFold(s, "insert"); i >= 0 && indexWordFold(s[i:], "values") >= 0 {
			insertValues(s[i:], i, found)
		}
	}
	quotedAfterKeyValues(s, found)
}

const (
	notationXML       = 1 << iota // "</" or "/>"
	notationPHP                   // "]=>" or "] =>"
	notationPairs                 // `", ` or "', "
	notationMultipart             // "form-data;"
	notationInsert                // "INSERT", "insert" or "Insert"
)

// markupNotations reports, in one pass, which of the notations above s may hold.
func markupNotations(s string) (n uint8) {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '/':
			if s[i-1] == '<' || i+1 < len(s) && s[i+1] == '>' {
				n |= notationXML
			}
		case '>':
			if s[i-1] == '=' && i >= 2 && (s[i-2] == ']' || s[i-2] == ' ' && i >= 3 && s[i-3] == ']') {
				n |= notationPHP
			}
		case ' ':
			if s[i-1] == ',' && i >= 2 && (s[i-2] == '"' || s[i-2] == '\'') {
				n |= notationPairs
			}
		case ';':
			if i >= 9 && s[i-9:i] == "form-data" {
				n |= notationMultipart
			}
		case 'T', 't':
			if i >= 5 && (s[i-5:i+1] == "INSERT" || s[i-5:i+1] == "insert" || s[i-5:i+1] == "Insert") {
				n |= notationInsert
			}
		}
	}
	return n
}

func isNameByte(c byte) bool {
	return isAlnumByte(c) || c == '_' || c == '-' || c == '.' || c == ':'
}

// xmlValues: an element's text under its (local) name, and .NET's <add key value>.
func xmlValues(s string, found foundFunc) {
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || i+1 >= len(s) || !isAlnumByte(s[i+1]) {
			continue
		}
		nameEnd := i + 1
		for nameEnd < len(s) && isNameByte(s[nameEnd]) {
			nameEnd++
		}
		name := s[i+1 : nameEnd]
		gt := strings.IndexByte(s[nameEnd:], '>')
		if gt < 0 {
			return
		}
		gt += nameEnd
		attrs := s[nameEnd:gt]
		if strings.HasSuffix(attrs, "/") {
			addKeyValue(s, nameEnd, gt, found)
			i = gt
			continue
		}
		textStart := gt + 1
		lt := strings.IndexByte(s[textStart:], '<')
		if lt < 0 {
			return
		}
		textEnd := textStart + lt
		if strings.HasPrefix(s[textEnd:], "</"+name+">") {
			local := name
			if c := strings.LastIndexByte(local, ':'); c >= 0 {
				local = local[c+1:]
			}
			if !keyedValueUnderParent(xmlParent(s, i), local, s, textStart, textEnd, found) {
				keyedValue(local, s, textStart, textEnd, true, found)
			}
		}
		i = textEnd - 1
	}
}

// keyedValueUnderParent applies the rules that need the element's parent: a name
// in a person's element (<Customer><Name>…</Name></Customer>) and the number of an
// element that names a personal value (<Passport><Number>…</Number></Passport>).
// It reports whether one applied.
func keyedValueUnderParent(parent, key, s string, vStart, vEnd int, found foundFunc) bool {
	if parent == "" || vEnd <= vStart || detector.PlainValue(s[vStart:vEnd]) {
		return false
	}
	switch pc := classifyKeyWords(parent); {
	case pc == wordsPerson && classifyKeyWords(key) == wordsName &&
		(individualKey(parent) || personNameShaped(s[vStart:vEnd])): // <user><name>bob</name> is a login
		found(detector.Match{Start: vStart, End: vEnd}, personalNone)
		return true
	case pc == wordsNone && personalNumberKey(key):
		if kind := personalKeyKind(parent); kind != personalNone && personalShaped(kind, s[vStart:vEnd]) {
			found(detector.Match{Start: vStart, End: vEnd}, kind)
			return true
		}
	}
	return false
}

// maxXMLParentScan bounds how far back an element's parent is looked for.
const maxXMLParentScan = 4096

// xmlParent returns the local name of the element that encloses the tag at i: the
// nearest opening tag before it whose element is not closed before i.
func xmlParent(s string, i int) string {
	depth := 0
	floor := max(0, i-maxXMLParentScan)
	for j := i - 1; j >= floor; j-- {
		if s[j] != '>' {
			continue
		}
		lt := strings.LastIndexByte(s[floor:j], '<')
		if lt < 0 {
			return ""
		}
		lt += floor
		tag := s[lt+1 : j]
		j = lt
		switch {
		case strings.HasPrefix(tag, "/"):
			depth++
		case strings.HasSuffix(tag, "/"), strings.HasPrefix(tag, "?"), strings.HasPrefix(tag, "!"):
		case depth > 0:
			depth--
		default:
			name := tag
			if sp := strings.IndexAny(name, " \t\r\n"); sp >= 0 {
				name = name[:sp]
			}
			if c := strings.LastIndexByte(name, ':'); c >= 0 {
				name = name[c+1:]
			}
			return name
		}
	}
	return ""
}

// addKeyValue: <add key="SmtpPassword" value="x" /> (also name= and value=).
func addKeyValue(s string, from, to int, found foundFunc) {
	attrs := s[from:to]
	key := xmlAttr(attrs, "key")
	if key == "" {
		key = xmlAttr(attrs, "name")
	}
	v := strings.Index(attrs, ` value="`)
	if key == "" || v < 0 {
		return
	}
	vs := from + v + len(` value="`)
	ve := strings.IndexByte(s[vs:to], '"')
	if ve < 0 {
		return
	}
	keyedValue(key, s, vs, vs+ve, true, found)
}

func xmlAttr(attrs, name string) string {
	k := strings.Index(attrs, " "+name+`="`)
	if k < 0 {
		return ""
	}
	v := attrs[k+len(name)+3:]
	if e := strings.IndexByte(v, '"'); e >= 0 {
		return v[:e]
	}
	return ""
}

// phpValues: print_r's "[key] => value" to the end of the line, and var_dump's
// ["key"]=> string(n) "value".
func phpValues(s string, found foundFunc) {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "=>")
		if k < 0 {
			return
		}
		arrow := i + k
		i = arrow + 2
		j := arrow
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j == 0 || s[j-1] != ']' {
			continue
		}
		open := strings.LastIndexByte(s[:j-1], '[')
		if open < 0 {
			continue
		}
		key := strings.Trim(s[open+1:j-1], `"'`)
		v := i
		for v < len(s) && (s[v] == ' ' || s[v] == '\n' || s[v] == '\r') {
			v++
		}
		if strings.HasPrefix(s[v:], "string(") {
			q := strings.IndexByte(s[v:], '"')
			if q < 0 {
				continue
			}
			start := v + q + 1
			end := strings.IndexByte(s[start:], '"')
			if end < 0 {
				continue
			}
			keyedValue(key, s, start, start+end, true, found)
			continue
		}
		end := strings.IndexByte(s[v:], '\n')
		if end < 0 {
			end = len(s) - v
		}
		keyedValue(key, s, v, v+end, true, found)
	}
}

// pairValues: a two-element list or tuple of a quoted key and a quoted value, as
// Rails logs SQL binds ([["phone", "512 345 678"], ["id", 42]]).
func pairValues(s string, found foundFunc) {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] != '[' && s[i] != '(') || (s[i+1] != '"' && s[i+1] != '\'') {
			continue
		}
		q := s[i+1]
		ks := i + 2
		ke := strings.IndexByte(s[ks:], q)
		if ke < 0 {
			return
		}
		ke += ks
		if !strings.HasPrefix(s[ke+1:], ", ") || ke+3 >= len(s) || (s[ke+3] != '"' && s[ke+3] != '\'') {
			continue
		}
		vq := s[ke+3]
		vs := ke + 4
		ve := vs
		for ve < len(s) && s[ve] != vq {
			if s[ve] == '\\' {
				ve++
			}
			ve++
		}
		if ve+1 >= len(s) || (s[ve+1] != ']' && s[ve+1] != ')') {
			continue
		}
		keyedValue(s[ks:ke], s, vs, ve, true, found)
		i = ve
	}
}

// multipartValues: each form-data part's name and its body.
func multipartValues(s string, found foundFunc) {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], `form-data; name="`)
		if k < 0 {
			return
		}
		ns := i + k + len(`form-data; name="`)
		ne := strings.IndexByte(s[ns:], '"')
		if ne < 0 {
			return
		}
		name := s[ns : ns+ne]
		i = ns + ne
		body := strings.Index(s[i:], "\r\n\r\n")
		sep := 4
		if lf := strings.Index(s[i:], "\n\n"); lf >= 0 && (body < 0 || lf < body) {
			body, sep = lf, 2
		}
		if body < 0 {
			return
		}
		vs := i + body + sep
		ve := strings.Index(s[vs:], "\n--")
		if ve < 0 {
			ve = len(s) - vs
		}
		end := vs + ve
		if end > vs && s[end-1] == '\r' {
			end--
		}
		keyedValue(name, s, vs, end, true, found)
		i = end
	}
}

// insertValues maps the string literals of INSERT's VALUES tuples to its columns.
// s starts at "INSERT"; base is its offset in the whole string.
func insertValues(s string, base int, found foundFunc) {
	open := strings.IndexByte(s, '(')
	vals := indexWordFold(s, "values")
	if open < 0 || vals < 0 || open > vals {
		return
	}
	closeCols := strings.IndexByte(s[open:], ')')
	if closeCols < 0 || open+closeCols > vals {
		return
	}
	var cols [32]string
	n := 0
	for _, c := range strings.Split(s[open+1:open+closeCols], ",") {
		if n == len(cols) {
			break
		}
		cols[n] = strings.Trim(strings.TrimSpace(c), "`\"[]")
		n++
	}
	j := vals + len("values")
	for {
		for j < len(s) && (s[j] == ' ' || s[j] == ',' || s[j] == '\n') {
			j++
		}
		if j >= len(s) || s[j] != '(' {
			return
		}
		j++
		for col := 0; j < len(s) && s[j] != ')'; col++ {
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && (s[j] == 'N' || s[j] == 'E') && j+1 < len(s) && s[j+1] == '\'' {
				j++ // N'…' and E'…' literals
			}
			if j < len(s) && s[j] == '\'' {
				start, end := sqlLiteralAt(s, j)
				if end > start && col < n {
					keyedValue(cols[col], s[:end], start, end, true, func(m detector.Match, k personalKind) {
						found(detector.Match{Start: base + m.Start, End: base + m.End}, k)
					})
				}
				j = end + 1
			} else {
				// A number, a parameter, a function call: skip to the next ',' at this depth.
				depth := 0
				for j < len(s) && (depth > 0 || (s[j] != ',' && s[j] != ')')) {
					switch s[j] {
					case '(':
						depth++
					case ')':
						depth--
					}
					j++
				}
			}
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && s[j] == ',' {
				j++
			}
		}
		j++
	}
}

// quotedAfterKeyValues: in a message, a key of two words or more written as an
// identifier ("api_key", "cardholderName", "x-auth-token") and then a quoted value:
// "invalid api_key 'x'", "cardholder_name \"Jane Doe\" rejected". A single word
// followed by a quote is prose ("secret \"db-creds\" not found").
func quotedAfterKeyValues(s string, found foundFunc) {
	for i := 2; i < len(s); i++ {
		q := s[i]
		if (q != '\'' && q != '"') || s[i-1] != ' ' {
			continue
		}
		end := i - 1
		start := end
		for start > 0 && (isAlnumByte(s[start-1]) || s[start-1] == '_' || s[start-1] == '-' || s[start-1] == '.') {
			start--
		}
		key := s[start:end]
		vs, vEnd, _ := quotedAt(s, i, q, false) // ('Wei O'Brien': an apostrophe inside a word)
		ve := vEnd - vs
		if ve <= 0 {
			continue
		}
		// A single word is prose ("secret \"db-creds\" not found") unless it names a
		// personal value ("tckn '10000000146'", "passport 'C01X00T47'") or a credential
		// that the quoted value looks like ("invalid apikey '4ARgDsiXnoBSExL4CXjFW0kl'").
		if !multiWordIdentifier(key) && (personalKeyKind(key) == personalNone || classifyKeyWords(key) != wordsNone) &&
			classifyKeyWords(key) != wordsPersonName &&
			(classifyKeyWords(key) != wordsCredential || !detector.RandomToken(s[vs:vs+ve])) {
			continue
		}
		keyedValue(key, s, vs, vs+ve, true, found)
		i = vs + ve
	}
}

// multiWordIdentifier reports a key of two words or more in an identifier's
// notation: snake_case, kebab-case, dotted or camelCase.
func multiWordIdentifier(k string) bool {
	if len(k) < 3 || !isAlnumByte(k[0]) {
		return false
	}
	var w [maxKeyWords][2]int
	if keyWordSpans(k, &w) < 2 {
		return false
	}
	return strings.ContainsAny(k, "_-.") || (k[0] >= 'a' && k[0] <= 'z')
}
