package detector

import "strings"

// Phone is the name of the phone detector.
const Phone = "phone"

var phoneBuiltin = Builtin{
	Name:      Phone,
	New:       func(_ Options) Detector { return phone{} },
	Prefilter: Prefilter{MinDigits: minE164Digits},
}

// phone finds telephone numbers in three shapes:
//   - international (E.164 and its printed forms): "+" then 8 to 15 digits, with single
//     spaces, dashes or dots between groups and at most one parenthesised group,
//     e.g. "+14155552671", "+1 (415) 555-2671", "+44 20 7946 0958";
//   - North American: "(415) 555-2671", "415-555-2671", "415.555.2671", "415 555 2671",
//     optionally after "1-", with valid area and exchange codes (first digit 2-9);
//   - trunk-prefixed national: "020 7946 0958", "01 23 45 67 89", "07700 900123".
//
// Unseparated national numbers are not reported: ten bare digits are as likely an
// epoch timestamp or an ID.
type phone struct{}

func (phone) Name() string { return Phone }

func (phone) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '+' && c != '(' && !isDigit(c) {
			i++
			continue
		}
		if i > 0 && (glued(s[i-1], c) || (c != '+' && c != '(' && !numberStartsAt(s, i))) || (c == '(' && inUUID(s, i+1)) {
			i = skipToken(s, i)
			continue
		}
		end := 0
		switch {
		case c == '+':
			end = internationalEnd(s, i)
		case c == '0' && i+2 < len(s) && s[i+1] == '0' && s[i+2] >= '1' && s[i+2] <= '9':
			// "00 44 20 7946 0958", "0044 20 7946 0958": the international prefix
			// dialled instead of '+', printed in groups (compact, it is any number).
			if e := internationalEnd(s, i+1); e > i && strings.ContainsAny(s[i:e], " -.") {
				end = e
			}
			if end == 0 {
				end = trunkNationalEnd(s, i)
			}
		case c == '(' || s[i] != '0':
			end = northAmericanEnd(s, i)
		default:
			end = trunkNationalEnd(s, i)
		}
		if end > i {
			dst = append(dst, Match{Start: i, End: end})
			i = end
			continue
		}
		i = skipToken(s, i)
	}
	return dst
}

// glued reports whether prev attaches to a number starting with c. A '+' after a
// digit starts a new number ("+1555...+1555..."): only letters glue to it.
func glued(prev, c byte) bool {
	if c == '+' {
		return isAlpha(prev) || prev == '_' || prev == '.'
	}
	return isWord(prev)
}

func skipToken(s string, i int) int {
	j := skipDigits(s, i)
	if j == i {
		return i + 1
	}
	return j
}

func isPhoneSep(c byte) bool { return c == ' ' || c == '-' || c == '.' }

// internationalEnd returns the end of an international number starting at '+' at
// i, or 0. Like the other grouped forms it takes the longest valid prefix that ends
// at a group boundary.
func internationalEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] < '1' || s[i+1] > '9' {
		return 0
	}
	digits, parens, best := 0, 0, 0
	j := i + 1
	for j < len(s) && digits <= maxE164Digits {
		c := s[j]
		switch {
		case isDigit(c):
			digits++
			j++
			if digits >= minE164Digits && digits <= maxE164Digits && (j == len(s) || !isDigit(s[j])) && phoneEndsAt(s, j) {
				best = j
			}
			continue
		case isPhoneSep(c) && (isDigit(s[j-1]) || s[j-1] == ')') && j+1 < len(s) && (isDigit(s[j+1]) || s[j+1] == '('):
			j++
			continue
		case c == '(' && parens == 0 && j+1 < len(s) && isDigit(s[j+1]):
			k := skipDigits(s, j+1)
			if k >= len(s) || s[k] != ')' || k-j-1 > 4 {
				return best
			}
			digits += k - j - 1
			parens++
			j = k + 1
			continue
		}
		break
	}
	return best
}

const (
	minE164Digits = 8
	maxE164Digits = 15
)

// phoneEndsAt accepts the end of a number or a group separator inside a longer run.
func phoneEndsAt(s string, j int) bool {
	return numberEndsAt(s, j) || (j+1 < len(s) && isPhoneSep(s[j]) && isDigit(s[j+1]))
}

// northAmericanEnd returns the end of a NANP number starting at i, or 0.
func northAmericanEnd(s string, i int) int {
	j := i
	// Optional country code "1" and a separator.
	if s[j] == '1' && j+1 < len(s) && isPhoneSep(s[j+1]) {
		j += 2
	}
	var sep byte
	switch {
	case j < len(s) && s[j] == '(':
		if !threeDigitsFrom(s, j+1, true) || j+4 >= len(s) || s[j+4] != ')' {
			return 0
		}
		j += 5
		if j < len(s) && (s[j] == ' ' || s[j] == '-') {
			j++
		}
	case threeDigitsFrom(s, j, true) && j+3 < len(s) && isPhoneSep(s[j+3]):
		sep = s[j+3]
		j += 4
	default:
		return 0
	}
	if !threeDigitsFrom(s, j, true) || j+3 >= len(s) {
		return 0
	}
	second := s[j+3]
	if !isPhoneSep(second) || (sep != 0 && second != sep) {
		return 0
	}
	j += 4
	for k := 0; k < 4; k++ {
		if j+k >= len(s) || !isDigit(s[j+k]) {
			return 0
		}
	}
	j += 4
	// "415-555-2671-99" continues; "415-555-2671 415-555-0199" is two numbers.
	if !numberEndsAt(s, j) || (j+1 < len(s) && s[j] == '.' && isDigit(s[j+1])) {
		return 0
	}
	return j
}

// threeDigitsFrom reports three digits at i; leading requires the first to be 2-9.
func threeDigitsFrom(s string, i int, leading bool) bool {
	if i+3 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || !isDigit(s[i+2]) {
		return false
	}
	return !leading || s[i] >= '2'
}

// trunkNationalEnd returns the end of a "0"-prefixed national number at i, or 0:
// a first group of 2-5 digits, then groups of 2-6 separated by one kind of space or
// dash, 10 or 11 digits in all. In a longer grouped run it takes the longest valid
// prefix, so the rest of the run is scanned again rather than hiding a number.
func trunkNationalEnd(s string, i int) int {
	j := skipDigits(s, i)
	first := j - i
	if first < 2 || first > 5 || j >= len(s) || (s[j] != ' ' && s[j] != '-') {
		return 0
	}
	sep := s[j]
	digits, groups, best := first, 1, 0
	for j+1 < len(s) && s[j] == sep && isDigit(s[j+1]) {
		k := skipDigits(s, j+1)
		g := k - j - 1
		if g < 2 || g > 6 {
			break
		}
		digits += g
		groups++
		j = k
		if digits > 11 {
			break
		}
		if digits >= 10 && (numberEndsAt(s, j) || s[j] == sep) {
			best = j
		}
	}
	return best
}
