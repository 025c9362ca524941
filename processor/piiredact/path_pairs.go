package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Personal values in a URL path after a segment that names them. REST paths put a
// lookup key where a query would put a parameter: "/v1/passports/C01X00T47",
// "/customers/by-ssn/123-45-6789", "/account_numbers/27046629/history". The
// segment before is read as a key (its words, a plural's "s" dropped), and the
// value must have the kind's shape, as a value under that key must: "/accounts/42",
// "/phones/models" and "/addresses/home" stay. Route templates say the same where
// the instrumentation records one (route.go); this reads the paths that come
// without. Phones are left to their formats: "/phones/517786527183" is as often
// a handset's or a number resource's id (the phone detector finds "+44…" and
// "tel:" anywhere).

// maxPathSegment bounds a segment read as a key.
const maxPathSegment = 48

// appendPathPairs appends, for each personal value found after the segment naming
// it, its range and kind.
func appendPathPairs(dst []detector.Match, kinds []personalKind, s string) ([]detector.Match, []personalKind) {
	for i := 0; i < len(s); i++ {
		if s[i] != '/' {
			continue
		}
		// The name segment: letters, '_' and '-' only, then '/'.
		j := i + 1
		for j < len(s) && j-i <= maxPathSegment && (isAlnumByte(s[j]) && (s[j] < '0' || s[j] > '9') || s[j] == '_' || s[j] == '-') {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '/' {
			continue
		}
		kind := pathSegmentKind(s[i+1 : j])
		if kind == personalNone || kind == personalPhone {
			continue
		}
		vStart := j + 1
		vEnd := vStart
		for vEnd < len(s) && strings.IndexByte("/?#&; \t\"'<>\n\r", s[vEnd]) < 0 {
			vEnd++
		}
		if v := s[vStart:vEnd]; vEnd > vStart && personalShaped(kind, v) && !detector.PlainValue(v) {
			dst = append(dst, detector.Match{Start: vStart, End: vEnd})
			kinds = append(kinds, kind)
		}
		i = j - 1
	}
	return dst, kinds
}

// pathSegmentKind is the personal kind a path segment names as a key would, in
// the singular or the plural ("passports", "account_numbers", "by-ssn").
func pathSegmentKind(seg string) personalKind {
	if kind := personalKeyKind(seg); kind != personalNone {
		return kind
	}
	if n := len(seg); n > 3 && (seg[n-1] == 's' || seg[n-1] == 'S') {
		return personalKeyKind(seg[:n-1])
	}
	return personalNone
}
