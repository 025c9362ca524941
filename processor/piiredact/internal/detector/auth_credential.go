package detector

import "strings"

// AuthCredential is the name of the auth_credential detector.
const AuthCredential = "auth_credential" //nolint:gosec // a detector's name, not a credential

var authCredentialBuiltin = Builtin{
	Name: AuthCredential,
	New:  func(_ Options) Detector { return authCredential{} },
	// A scheme, a space and a credential of eight bytes or more.
	Prefilter: Prefilter{MinSpaces: 1, MinLen: len("Token ") + minBearerToken},
}

// authCredential finds the credential of an HTTP Authorization value, in a header
// value or anywhere in text: "Bearer <token>", "Basic <base64 of user:password>",
// and the token schemes of other APIs ("Token <token>", "ApiKey <key>",
// "Negotiate <base64>").
// Only the credential is reported; the scheme word stays so the value still reads
// as what it is. To keep prose ("basic information", "bearer bonds") untouched, a
// Bearer token needs 8+ characters including a digit or token punctuation (or 16+
// that read as random), and a
// Basic credential must decode to text containing ':'.
type authCredential struct{}

const minBearerToken = 8

func (authCredential) Name() string { return AuthCredential }

func (authCredential) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i+6 < len(s); i++ {
		c := s[i] | 0x20
		if c != 'b' && c != 't' && c != 'a' && c != 'n' || (i > 0 && isWord(s[i-1])) {
			continue
		}
		var scheme int
		basic := false
		switch {
		case hasPrefixFold(s[i:], "bearer"):
			scheme = 6
		case hasPrefixFold(s[i:], "basic"):
			scheme, basic = 5, true
		case hasPrefixFold(s[i:], "token"):
			scheme = 5
		case hasPrefixFold(s[i:], "apikey"):
			scheme = 6
		case hasPrefixFold(s[i:], "negotiate"):
			scheme = 9
		default:
			continue
		}
		j := i + scheme
		spaces := j
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j == spaces {
			continue
		}
		end, ok := 0, false
		if basic {
			end, ok = basicCredentialEnd(s, j)
		} else {
			end, ok = bearerTokenEnd(s, j)
		}
		if ok {
			dst = append(dst, Match{Start: j, End: end})
			i = end - 1
		}
	}
	return dst
}

func isTokenChar(c byte) bool {
	return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/'
}

func bearerTokenEnd(s string, j int) (int, bool) {
	k := j
	signal := false
	for k < len(s) && isTokenChar(s[k]) {
		// A digit or a token's punctuation; '-' between words is a name's
		// ("kubectl create token orders-sa").
		if !isAlpha(s[k]) && s[k] != '-' {
			signal = true
		}
		k++
	}
	for k < len(s) && s[k] == '=' {
		k++
	}
	// (A token of letters alone, as base64 is now and then, reads as random: mixed
	// case that changes often, "TsKoToBpJXxiCqBxZUVevlIJhmWMdCdamTBiPKoIBmQ".)
	return k, (signal || RandomToken(s[j:k])) && k-j >= minBearerToken && (k == len(s) || !isWord(s[k]))
}

// basicCredentialEnd checks that s[j:] starts with standard base64 that decodes to
// printable text containing ':' (user:password), without allocating.
func basicCredentialEnd(s string, j int) (int, bool) {
	k := j
	for k < len(s) && (isAlnum(s[k]) || s[k] == '+' || s[k] == '/') {
		k++
	}
	if end, ok := basicCredentialTo(s, j, k); ok {
		return end, true
	}
	// In a URL's path the credential is a segment: "/Basic%20dXNlcjpwYXNz/verify".
	if slash := strings.LastIndexByte(s[j:k], '/'); slash > 0 {
		return basicCredentialTo(s, j, j+slash)
	}
	return 0, false
}

// basicCredentialTo checks the base64 body s[j:k] and its padding.
func basicCredentialTo(s string, j, k int) (int, bool) {
	body := k
	for k < len(s) && s[k] == '=' && k-body < 2 {
		k++
	}
	if (k-j)%4 != 0 || k-j < 8 || (k < len(s) && isWord(s[k])) {
		return 0, false
	}
	colon := false
	var acc uint32
	bits := 0
	for p := j; p < body; p++ {
		acc = acc<<6 | uint32(base64Value(s[p]))
		bits += 6
		if bits >= 8 {
			bits -= 8
			b := byte(acc >> uint(bits))
			if b < 0x20 || b == 0x7f {
				return 0, false
			}
			if b == ':' {
				colon = true
			}
		}
	}
	return k, colon
}
