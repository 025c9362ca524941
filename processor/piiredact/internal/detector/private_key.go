package detector

import "strings"

// PrivateKey is the name of the private_key detector.
const PrivateKey = "private_key"

var privateKeyBuiltin = Builtin{
	Name: PrivateKey,
	New:  func(_ Options) Detector { return privateKey{} },
	// The markers: "-----BEGIN ", a label naming a private key and "-----".
	Prefilter: Prefilter{MinLen: minPrivateKeyLn, MinUpper: len("BEGINPRIVATEKEY")},
}

// privateKey finds PEM private keys of every type ("-----BEGIN RSA PRIVATE KEY-----",
// EC, DSA, OPENSSH, PKCS#8 "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY
// BLOCK") and reports the whole block, markers included, whatever the line breaks
// are: real ones, or "\n" escapes inside a JSON string (a GCP service-account file).
// A block cut short (a truncated log line) is reported up to where its base64 ends.
type privateKey struct{}

const (
	pemBegin        = "-----BEGIN "
	pemDashes       = "-----"
	maxPEMLabel     = 40
	minPrivateKeyLn = len(pemBegin) + len("PRIVATE KEY") + len(pemDashes)
)

func (privateKey) Name() string { return PrivateKey }

func (privateKey) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], pemBegin)
		if k < 0 {
			return dst
		}
		start := i + k
		labelStart := start + len(pemBegin)
		n := strings.Index(s[labelStart:], pemDashes)
		if n < 0 {
			return dst
		}
		label := s[labelStart : labelStart+n]
		if n > maxPEMLabel || !strings.Contains(label, "PRIVATE KEY") {
			i = labelStart
			continue
		}
		bodyStart := labelStart + n + len(pemDashes)
		end := pemBodyEnd(s, bodyStart)
		if e := strings.Index(s[bodyStart:], "-----END "+label+pemDashes); e >= 0 {
			end = bodyStart + e + len("-----END ") + len(label) + len(pemDashes)
		}
		dst = append(dst, Match{Start: start, End: end})
		i = end
	}
	return dst
}

// pemBodyEnd returns where the base64 body (with its line breaks, headers such as
// "Proc-Type: 4,ENCRYPTED", and "\n" escapes) starting at i ends.
func pemBodyEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case isAlnum(c), c == '+', c == '/', c == '=', c == '\n', c == '\r', c == ' ', c == '\t', c == ':', c == ',', c == '-':
			i++
		case c == '\\' && i+1 < len(s) && (s[i+1] == 'n' || s[i+1] == 'r'):
			i += 2
		default:
			return i
		}
		if strings.HasPrefix(s[i:], pemDashes) {
			return i
		}
	}
	return i
}
