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
