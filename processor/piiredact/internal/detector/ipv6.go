package detector

import "strings"

// ipv6 finds IPv6 addresses in full, compressed ("2001:db8::1", "::1") and
// IPv4-suffixed ("::ffff:10.0.0.1") forms. The candidate must parse completely (eight
// groups, or fewer with one "::"), which leaves clock times, MAC addresses and
// "Class::method" alone.
type ipv6 struct{}

func (ipv6) Name() string { return IPv6 }

func (ipv6) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		colon := strings.IndexByte(s[i:], ':')
		if colon < 0 {
			return dst
		}
		pos := i + colon
		start := pos
		for start > i && (isHex(s[start-1]) || s[start-1] == ':' || s[start-1] == '.') {
			start--
		}
		end := pos
		for end < len(s) && (isHex(s[end]) || s[end] == ':' || s[end] == '.') {
			end++
		}
		// A trailing ':' or '.' belongs to the sentence, not the address.
		for end > pos+1 && (s[end-1] == '.' || (s[end-1] == ':' && s[end-2] != ':')) {
			end--
		}
		if (start == 0 || !isWord(s[start-1])) && (end == len(s) || !isWord(s[end])) && validIPv6(s[start:end]) {
			dst = append(dst, Match{Start: start, End: end})
		}
		i = max(end, pos+1)
	}
	return dst
}

// validIPv6 reports whether a is a complete IPv6 address (no zone).
func validIPv6(a string) bool {
	if len(a) < 2 || strings.Count(a, ":") < 2 {
		return false
	}
	groups, compressed, hasHex := 0, false, false
	i := 0
	if strings.HasPrefix(a, "::") {
		compressed = true
		i = 2
		if i == len(a) {
			return false // "::" alone carries no address worth reporting
		}
	} else if a[0] == ':' {
		return false
	}
	for i < len(a) {
		j := i
		for j < len(a) && isHex(a[j]) {
			j++
		}
		if j < len(a) && a[j] == '.' {
			// Embedded IPv4 must be last and counts as two groups.
			if ipv4End(a, i) != len(a) {
				return false
			}
			groups += 2
			hasHex = true
			break
		}
		n := j - i
		if n == 0 || n > 4 {
			return false
		}
		hasHex = true
		groups++
		if j == len(a) {
			break
		}
		// a[j] == ':'
		if j+1 < len(a) && a[j+1] == ':' {
			if compressed {
				return false
			}
			compressed = true
			j++
			if j+1 == len(a) {
				break
			}
		} else if j+1 == len(a) {
			return false
		}
		i = j + 1
	}
	if !hasHex {
		return false
	}
	if compressed {
		return groups <= 7
	}
	return groups == 8
}
