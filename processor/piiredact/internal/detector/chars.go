package detector

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isAlpha(c byte) bool { return isUpper(c) || isLower(c) }

func isAlnum(c byte) bool { return isDigit(c) || isAlpha(c) }

// IsHex reports a hexadecimal digit.
func IsHex(c byte) bool { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') }

// isWord reports bytes that glue a token to its neighbour: a value next to one of
// these is part of a longer identifier, not a stand-alone value.
func isWord(c byte) bool { return isAlnum(c) || c == '_' }

func isBase64URL(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }

// numberStartsAt reports whether a number may start at i: it is not glued to a
// word, and it is not the fractional or grouped part of a longer number
// ("0.4111...", "1,411...").
func numberStartsAt(s string, i int) bool {
	if i == 0 {
		return !isDigit(s[i]) || !inUUID(s, i) // a UUID's first group
	}
	p := s[i-1]
	if isWord(p) {
		return false
	}
	if (p == '.' || p == ',') && i >= 2 && isDigit(s[i-2]) {
		return false
	}
	// A group of a longer dashed token ("ip-10-129-143-236", a UUID's
	// "-4155-5526-...") is not a number of its own.
	if p == '-' && i >= 2 && isAlnum(s[i-2]) {
		return false
	}
	if isDigit(s[i]) && inUUID(s, i) {
		return false
	}
	// Digits in or right after a percent-escape ("build%205.5.48.11") start inside it.
	if p == '%' || (i >= 3 && s[i-3] == '%' && IsHex(s[i-2]) && IsHex(s[i-1])) {
		return false
	}
	return true
}

// numberEndsAt reports whether a number may end just before i.
func numberEndsAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	n := s[i]
	if isWord(n) {
		return false
	}
	if (n == '.' || n == ',' || n == '-') && i+1 < len(s) && isDigit(s[i+1]) {
		return false
	}
	return true
}

// skipDigits returns the index just past the run of digits starting at i.
func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// hasPrefixFold is strings.HasPrefix with ASCII case folding, without allocation.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if toLower(s[i]) != toLower(prefix[i]) {
			return false
		}
	}
	return true
}

func toLower(c byte) byte {
	if isUpper(c) {
		return c + ('a' - 'A')
	}
	return c
}

// inUUID reports whether position i lies in a UUID ("7d444840-9dc0-11d1-b245-
// 5ffdce74fad2", braced or not): its digit groups are no numbers of their own.
func inUUID(s string, i int) bool {
	start, end := i, i
	for start > 0 && (IsHex(s[start-1]) || s[start-1] == '-') {
		start--
	}
	for end < len(s) && (IsHex(s[end]) || s[end] == '-') {
		end++
	}
	for start < end && s[start] == '-' {
		start++
	}
	for end > start && s[end-1] == '-' {
		end--
	}
	if end-start != 36 {
		return false
	}
	for k := start; k < end; k++ {
		if dash := k-start == 8 || k-start == 13 || k-start == 18 || k-start == 23; dash != (s[k] == '-') {
			return false
		}
	}
	return true
}

// hasCode reports whether "ab" is one of the space-separated two-character codes
// ("33 55 56 81", "AS BC BS").
func hasCode(codes string, a, b byte) bool {
	for k := 0; k+1 < len(codes); k += 3 {
		if codes[k] == a && codes[k+1] == b {
			return true
		}
	}
	return false
}

// base64Value is the value of a base64 (standard or URL-safe) character.
func base64Value(c byte) byte {
	switch {
	case isUpper(c):
		return c - 'A'
	case isLower(c):
		return c - 'a' + 26
	case isDigit(c):
		return c - '0' + 52
	case c == '+':
		return 62
	default:
		return 63
	}
}

// allBytes reports whether every byte of s is one f accepts.
func allBytes(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}
