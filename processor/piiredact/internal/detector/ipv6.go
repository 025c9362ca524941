package detector

import (
	"net/netip"
	"strings"
)

// IPv6 is the name of the ipv6 detector.
const IPv6 = "ipv6"

var ipv6Builtin = Builtin{
	Name: IPv6,
	New:  func(opts Options) Detector { return ipv6{maskInternal: opts.MaskInternalAddresses} },
	// Even "::" has two colons.
	Prefilter: Prefilter{MinColons: 2},
	Address:   true,
}

// ipv6 finds IPv6 addresses in full, compressed ("2001:db8::1", "::1") and
// IPv4-suffixed ("::ffff:10.0.0.1") forms. The candidate must parse completely (eight
// groups, or fewer with one "::"), which leaves clock times, MAC addresses and
// "Class::method" alone.
//
// Like ipv4, it leaves internal addresses alone unless maskInternal is set: loopback
// (::1), unspecified (::), link-local (fe80::/10), unique-local (fc00::/7) and
// IPv4-mapped internal IPv4 addresses.
type ipv6 struct{ maskInternal bool }

func (ipv6) Name() string { return IPv6 }

func (d ipv6) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		colon := strings.IndexByte(s[i:], ':')
		if colon < 0 {
			return dst
		}
		pos := i + colon
		start := pos
		for start > i && (IsHex(s[start-1]) || s[start-1] == ':' || s[start-1] == '.') {
			start--
		}
		end := pos
		for end < len(s) && (IsHex(s[end]) || s[end] == ':' || s[end] == '.') {
			end++
		}
		// A trailing ':' or '.' belongs to the sentence, not the address.
		for end > pos+1 && (s[end-1] == '.' || (s[end-1] == ':' && s[end-2] != ':')) {
			end--
		}
		next := max(end, pos+1)
		// "address:2606:4700::1", "note:2001:db8::1" (a Go map dump's key:value): the
		// key and its colon are not part of the address.
		if start > 0 && isWord(s[start-1]) {
			if c := strings.IndexByte(s[start:end], ':'); c >= 0 && start+c+1 < end && s[start+c+1] != ':' && isWord(s[start-1]) {
				start += c + 1
			}
		}
		// ']' before the run is a previous replacement's end ("[REDACTED:x]::0"), or a
		// bracketed host's; neither starts an address.
		if (start == 0 || (!isWord(s[start-1]) && s[start-1] != ']')) && (end == len(s) || !isWord(s[end])) {
			if !validIPv6(s[start:end]) {
				end = withoutPort(s, start, end)
			}
			if end > start && (d.maskInternal || !internalIPv6(s[start:end])) {
				dst = append(dst, Match{Start: start, End: end})
			}
		}
		i = next
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
		for j < len(a) && IsHex(a[j]) {
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

// withoutPort handles "::ffff:10.0.0.1:8080", an IPv4-mapped address and a port:
// it returns the end of the address, or start when s[start:end] is not that shape.
// Plain IPv6 addresses take ports only in brackets, so nothing else is trimmed.
func withoutPort(s string, start, end int) int {
	k := strings.LastIndexByte(s[start:end], ':')
	if k <= 0 {
		return start
	}
	addr, port := s[start:start+k], s[start+k+1:end]
	if port == "" || skipDigits(port, 0) != len(port) || !strings.Contains(addr, ".") || !validIPv6(addr) {
		return start
	}
	return start + k
}

// internalIPv6 reports whether a, which validIPv6 has accepted, is an address of the
// organisation's own network rather than a person's.
func internalIPv6(a string) bool {
	ip, err := netip.ParseAddr(a)
	if err != nil {
		return false // not one netip reads: treat it as public, so it is masked
	}
	if ip.Is4In6() {
		ip = ip.Unmap()
	}
	return ip.IsLoopback() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() || ip.IsPrivate() ||
		(ip.Is4() && ip.As4()[0] == 0)
}
