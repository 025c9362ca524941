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
		// "%5BFILTERED%5D" in a URL's query.
		var buf [64]byte
		n := 0
		for i := 0; i < len(v); i++ {
			if v[i] == '%' && i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]) {
				buf[n] = hexValue(v[i+1])<<4 | hexValue(v[i+2])
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

func hexValue(c byte) byte {
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
	if isReplacement(v) || maskedValue(v) {
		return true
	}
	return absolutePath(v)
}

// maskedValue reports a run of mask characters: three or more '*' or '•', or four
// or more 'x', 'X' or '.' (what payment pages and SDKs print for a card or a key).
func maskedValue(v string) bool {
	run, prev := 0, byte(0)
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == prev {
			run++
		} else {
			run, prev = 1, c
		}
		switch {
		case (c == '*') && run >= 3:
			return true
		case (c == 'x' || c == 'X' || c == '.') && run >= 4:
			return true
		}
	}
	return strings.Contains(v, "•••")
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
