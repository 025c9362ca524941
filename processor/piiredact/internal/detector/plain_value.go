package detector

import "strings"

// PlainValue reports a value that is not a secret whatever its key says: a boolean
// or a null ("MUST_CHANGE_PASSWORD = FALSE", "(using password: YES)"), a value an
// earlier stage already masked ("[FILTERED]", "********", "xxxx-xxxx-xxxx-4242",
// "sk_live_....4242"), or an absolute path ("PWD=/home/deploy", the working
// directory sudo logs). Key rules, in attributes and in text, leave these alone:
// changing them hides nothing and damages what the telemetry says.
func PlainValue(v string) bool {
	v = strings.TrimRight(strings.TrimSpace(v), ",;:.")
	if strings.IndexByte(v, '%') >= 0 && len(v) <= 64 {
		if placeholder(v) {
			return true // "%DB_PASS%", not "%DB" decoded
		}
		// "%5BFILTERED%5D" in a URL's query.
		var buf [64]byte
		n := 0
		for i := 0; i < len(v); i++ {
			if v[i] == '%' && i+2 < len(v) && IsHex(v[i+1]) && IsHex(v[i+2]) {
				buf[n] = HexValue(v[i+1])<<4 | HexValue(v[i+2])
				i += 2
			} else {
				buf[n] = v[i]
			}
			n++
		}
		return plainDecoded(string(buf[:n]))
	}
	return plainDecoded(v)
}

// HexValue is the value of the hexadecimal digit c.
func HexValue(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// plainWords are, compared without case, booleans, nulls and what masking stages write.
var plainWords = newWordSet("true", "false", "yes", "no", "null", "nil", "none", "undefined", "on", "off", "n/a",
	"[filtered]", "[redacted]", "<redacted>", "redacted", "[masked]", "masked", "<hidden>", "[hidden]",
	"hidden", "<secret>", "[secret]", "<password>", "<token>", "[removed]", "<removed>")

func plainDecoded(v string) bool {
	if v == "" {
		return false
	}
	if plainWords.has(v) {
		return true
	}
	if inner, ok := strings.CutPrefix(v, "&lt;"); ok {
		// "&lt;redacted&gt;" in XML (its ';' may have been trimmed as punctuation).
		if inner, ok = strings.CutSuffix(strings.TrimSuffix(inner, ";"), "&gt"); ok {
			return plainWords.has("<" + inner + ">")
		}
	}
	if isReplacement(v) || maskedValue(v) || placeholder(v) {
		return true
	}
	return absolutePath(v)
}

// placeholder reports a reference to a value rather than the value: what
// configuration, templates and statements write where the secret is filled in
// later ("${DB_PASSWORD}", "$CI_REGISTRY_PASSWORD", "%DB_PASS%", "{{ .Values.db.password }}",
// "${{ secrets.NPM_TOKEN }}", "<your-api-key>", a bind parameter "?", "$1", "%s",
// "%(password)s"). Masking it hides nothing and hides that the reference was never
// filled in. A secret that starts with '$' has small letters or digits after it:
// only capitals' names are environment variables.
func placeholder(v string) bool {
	if len(v) < 1 || len(v) > 128 {
		return false
	}
	switch v[0] {
	case '?':
		return len(v) == 1
	case '$':
		if len(v) >= 3 && v[1] == '{' {
			// "${DB_PASSWORD}" (or cut at its '}' by a value's end), "${{ secrets.X }}";
			// "${DB_PASSWORD:-s3cret}" carries a default, which may be the secret.
			return v[2] == '{' || !strings.Contains(v, ":-") && allOf(strings.TrimSuffix(v[2:], "}"), func(c byte) bool { return isAlnum(c) || c == '_' || c == '.' || c == ':' || c == '-' })
		}
		return len(v) >= 2 && (allOf(v[1:], isDigit) && len(v) <= 3 || isUpper(v[1]) && allOf(v[1:], func(c byte) bool { return isUpper(c) || isDigit(c) || c == '_' }))
	case '%':
		if v == "%s" || v == "%v" || v == "%d" || strings.HasPrefix(v, "%(") && strings.HasSuffix(v, ")s") {
			return true
		}
		return len(v) >= 3 && v[len(v)-1] == '%' && allOf(v[1:len(v)-1], func(c byte) bool { return isUpper(c) || isDigit(c) || c == '_' })
	case '{':
		return strings.HasPrefix(v, "{{") // a template's expression, cut at its first space
	case '<':
		return len(v) >= 3 && v[len(v)-1] == '>' && isLower(v[1]) && allOf(v[1:len(v)-1], func(c byte) bool { return isLower(c) || isUpper(c) || c == '_' || c == '-' || c == ' ' })
	}
	return false
}

func allOf(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

// maskedValue reports what a masking stage wrote: a run of mask characters (three
// or more '*' or '•', four or more 'x', 'X' or '.') that is most of the value
// ("********", "xxxx-xxxx-xxxx-4242", "4111********1111"), or that stands between a
// name's prefix and the last four ("sk_live_....4242", "411111******1111"). A
// password with "***" inside ("+jA[ajWvP06YZ~Kwf~sw!<vC8?F***4W") is a password.
func maskedValue(v string) bool {
	run, prev := 0, byte(0)
	masked, first, last := 0, -1, -1 // mask bytes in qualifying runs, and where they are
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == prev {
			run++
		} else {
			run, prev = 1, c
		}
		need := 0
		switch c {
		case '*':
			need = 3
		case 'x', 'X', '.':
			need = 4
		}
		if need == 0 || run < need {
			continue
		}
		n := 1
		if run == need {
			n = need // the run qualifies: count it whole
		}
		masked += n
		if first < 0 {
			first = i - run + 1
		}
		last = i
	}
	if k := strings.Index(v, "•••"); k >= 0 {
		masked += strings.Count(v, "•") * len("•")
		if first < 0 || k < first {
			first = k
		}
		last = max(last, strings.LastIndex(v, "•")+len("•")-1)
	}
	if masked == 0 {
		return false
	}
	if 2*masked >= len(strings.ReplaceAll(v, " ", "")) {
		return true
	}
	// A prefix of a name's bytes before the mask, at most four after it.
	if len(v)-last-1 > 4 || first > 16 {
		return false
	}
	for i := 0; i < first; i++ {
		if c := v[i]; !isAlnum(c) && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// absolutePath reports "/home/deploy", "/run/secrets/db" or "~/.ssh/id_ed25519":
// a path of two segments or more, with no space.
func absolutePath(v string) bool {
	if !strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "~/") {
		return false
	}
	if strings.Count(v, "/") < 2 || strings.HasPrefix(v, "//") {
		return false
	}
	// A path's segments are names; a base64 secret that starts with '/' (one in
	// sixty-four does) has capitals and digits in base64's alphabet alone
	// ("/NB0LCH/mOIK", "/9jbpGOLyAs1v/UCoRvU"), or a segment that reads as random.
	if base64WithCapitalsAndDigits(v) {
		return false
	}
	for seg := range strings.SplitSeq(v, "/") {
		if RandomToken(seg) {
			return false
		}
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isAlnum(c) && c != '/' && c != '.' && c != '-' && c != '_' && c != '~' {
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

// ProseAfterLabel reports a bare value s[start:end] after "name:" that begins a
// sentence rather than holds a secret: a lower-case word followed by more words
// ("password: minimum length 12 not met", "token: expired for user 42"). A secret
// has a digit, a capital or a symbol, or stands alone.
func ProseAfterLabel(s string, start, end int) bool {
	if start < 2 || s[start-1] != ' ' || s[start-2] != ':' || end-start > 12 {
		return false
	}
	for i := start; i < end; i++ {
		if !isLower(s[i]) {
			return false
		}
	}
	return end+1 < len(s) && s[end] == ' ' && isLower(s[end+1])
}

// RandomToken reports a value that reads as random characters rather than words:
// sixteen bytes or more of a token's alphabet (letters, digits, '_', '-', '+', '/',
// '=', '.', '~'), with capitals and small letters both, and digits or a change of
// case every four bytes at least ("4ARgDsiXnoBSExL4CXjFW0kl", "ByfSllWBUoeyNqqtGOOG").
// Names are not: "orders-db-credentials-v2" has no capital, "ResetPasswordConfirmation"
// changes case three times.
func RandomToken(v string) bool {
	if len(v) < 16 || len(v) > 512 {
		return false
	}
	upper, lower, digits, changes := 0, 0, 0, 0
	prevUpper := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case isUpper(c):
			upper++
			if i > 0 && !prevUpper && isLower(v[i-1]) {
				changes++
			}
			prevUpper = true
			continue
		case isLower(c):
			lower++
			if i > 0 && prevUpper {
				changes++
			}
		case isDigit(c):
			digits++
		case c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.' || c == '~':
		default:
			return false
		}
		prevUpper = false
	}
	return upper > 0 && lower > 0 && (digits > 0 || changes*4 >= len(v))
}

// base64WithCapitalsAndDigits reports a value of base64's alphabet alone (letters,
// digits, '+', '/', '=') with a capital and a digit, '+' or '=': "/NB0LCH/mOIK", not
// "/home/deploy" nor "/Users/JohnSmith/Library".
func base64WithCapitalsAndDigits(v string) bool {
	upper, other := false, false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case isUpper(c):
			upper = true
		case isDigit(c) || c == '+' || c == '=':
			other = true
		case isLower(c) || c == '/':
		default:
			return false
		}
	}
	return upper && other
}
