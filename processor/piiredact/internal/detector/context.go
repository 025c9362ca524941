package detector

import "strings"

// Context words: a value whose format alone is ambiguous (a bare run of digits is an
// order number or a timestamp as often as an identifier) is reported only when a word
// naming it comes shortly before it, as validated-detector systems do.

// contextWindow is how far before a bare number its context word may be.
const contextWindow = 40

// hasContext reports a context word ending within contextWindow bytes before i.
func hasContext(s string, i int, words []string) bool {
	window := s[max(0, i-contextWindow):i]
	for _, w := range words {
		for k := 0; k+len(w) <= len(window); k++ {
			if strings.EqualFold(window[k:k+len(w)], w) && (k == 0 || !isAlpha(window[k-1])) &&
				(k+len(w) == len(window) || !isAlpha(window[k+len(w)])) {
				return true
			}
		}
	}
	return false
}

// versionWords name what a dotted number after them is: "build 2.1.0.17",
// "Version=2.1.0.17" (an assembly-qualified name), "firmware 1.2.3.4".
var versionWords = [...]string{
	"version", "ver", "build", "release", "rev", "revision", "firmware", "fw", "kernel", "patch", "sdk",
	"agent", "runtime", "update", "driver", "bios", "edition", "v", "vers", "fileversion", "productversion",
	"assemblyversion",
}

// afterVersionWord reports whether the word just before i, separated from it only
// by spaces, '=', ':' or a quote, is one that names a version.
func afterVersionWord(s string, i int) bool {
	j := i
	for j > 0 && i-j < 6 {
		switch {
		case s[j-1] == ' ' || s[j-1] == '=' || s[j-1] == ':' || s[j-1] == '"' || s[j-1] == '\'' || s[j-1] == '+' || s[j-1] == '.':
			j--
			continue
		case j >= 3 && s[j-3:j] == "%20":
			j -= 3
			continue
		}
		break
	}
	end := j
	for j > 0 && isAlpha(s[j-1]) && end-j < 20 {
		j--
	}
	if j == end {
		return false
	}
	w := s[j:end]
	for _, v := range versionWords {
		if strings.EqualFold(w, v) {
			return true
		}
	}
	return false
}

// cardContext names a payment card before a number that is ambiguous alone.
var cardContext = [...]string{"card", "maestro", "pan", "cc", "carte", "tarjeta", "karte", "cartão", "carta"}
