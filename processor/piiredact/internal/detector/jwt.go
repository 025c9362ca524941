package detector

import "strings"

// JWT is the name of the jwt detector.
const JWT = "jwt"

var jwtBuiltin = Builtin{
	Name: JWT,
	New:  func(_ Options) Detector { return jwt{} },
	// "eyJ", two segments and their dots.
	Prefilter: Prefilter{MinLen: 2*minJWTSegment + 2, MinDots: 2, AnyOf: "e"},
}

// jwt finds JSON Web Tokens: three base64url segments separated by dots, the first
// two starting "eyJ" (a base64url-encoded JSON object). The signature may be empty
// (unsigned tokens).
type jwt struct{}

const minJWTSegment = 10

func (jwt) Name() string { return JWT }

func (jwt) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "eyJ")
		if k < 0 {
			return dst
		}
		start := i + k
		if start > 0 && isBase64URL(s[start-1]) {
			i = start + 3
			continue
		}
		if end := jwtEnd(s, start); end > 0 {
			dst = append(dst, Match{Start: start, End: end})
			i = end
			continue
		}
		i = start + 3
	}
	return dst
}

func jwtEnd(s string, start int) int {
	header := base64URLRunEnd(s, start)
	if header-start < minJWTSegment || header >= len(s) || s[header] != '.' {
		return 0
	}
	payloadStart := header + 1
	if !strings.HasPrefix(s[payloadStart:], "eyJ") {
		return 0
	}
	payload := base64URLRunEnd(s, payloadStart)
	if payload-payloadStart < minJWTSegment || payload >= len(s) || s[payload] != '.' {
		return 0
	}
	return base64URLRunEnd(s, payload+1)
}

func base64URLRunEnd(s string, i int) int {
	for i < len(s) && isBase64URL(s[i]) {
		i++
	}
	return i
}
