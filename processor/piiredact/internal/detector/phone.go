package detector

import "strings"

// Phone is the name of the phone detector.
const Phone = "phone"

var phoneBuiltin = Builtin{
	Name:      Phone,
	New:       func(_ Options) Detector { return phone{} },
	Prefilter: Prefilter{MinDigits: minE164Digits},
}

// phone finds telephone numbers:
//   - international (E.164 and its printed forms): "+" (or "00" dialled in its place,
//     in groups) then 8 to 15 digits, with single spaces, dashes or dots between groups
//     and at most one parenthesised group, e.g. "+14155552671", "+1 (415) 555-2671",
//     "+44 (0)20 7946 0958", "00 44 20 7946 0958"; URL-encoded
//     too ("%2B442079460958", "tel:%2B1-415-555-2671", "%2B44%2020%207946%200958",
//     "+44+20+7946+0958" in a form-encoded query);
//   - North American: "(415) 555-2671", "415-555-2671", "415.555.2671", "415 555 2671",
//     optionally after "1-", with valid area and exchange codes (first digit 2-9);
//   - national numbers with a trunk prefix 0, as the UK, Germany, France, Italy, the
//     Netherlands, Japan, Australia, Korea and most of Europe write them: a first group
//     of 2-5 digits, parenthesised or followed by "/", then groups of 2-8, 9 to 12
//     digits in all ("020 7946 0958", "030/123456", "(02) 9876 5432", "01.23.45.67.89",
//     "090-1234-5678");
//   - national numbers without a trunk prefix, by each plan's leading digits and
//     grouping: Spain ("612 34 56 78", "91 123 45 67"), Italian mobiles ("333 123 4567"),
//     Mexico ("55 1234 5678"), Brazil ("(11) 91234-5678"), Chinese mobiles
//     ("138 0013 8000");
//   - shapes that digit lists share (Spain's "612 345 678", India's "98765 43210") and
//     bare digit runs ("07700900123", "4155552671") only right after a label that says
//     it is a phone number ("phone:", "tel=", `"mobileNumber": "`).
//
// A number glued to a word, or by a dash or a dot to a longer token, is something
// else: an id, a version, a UUID's group.
type phone struct{}

func (phone) Name() string { return Phone }

func (phone) AppendMatches(dst []Match, s string) []Match {
	lastEnd := -1
	for i := 0; i < len(s); {
		if !phoneStartBytes[s[i]] {
			i++
			continue
		}
		if !phoneStartsAt(s, i, lastEnd) {
			i = skipToken(s, i)
			continue
		}
		end, next := phoneAt(s, i)
		if end > i && macShaped(s, i) {
			// "03-11-44-26-84-89": six pairs joined by '-' or ':' are a MAC address.
			i = skipToken(s, i)
			continue
		}
		if end > i {
			dst = append(dst, Match{Start: i, End: end})
			i, lastEnd = end, end
			continue
		}
		i = next
	}
	return dst
}

// phoneStartBytes are the bytes a phone number can start with.
var phoneStartBytes = func() (t [256]bool) {
	for _, c := range []byte("+(%0123456789") {
		t[c] = true
	}
	return t
}()

// phoneStartsAt reports whether a number may start at i, which holds '+', '(', '%'
// or a digit. A number written without '+' does not start in the middle of a run of
// digit groups ("01 02 2024 10 30", an IBAN's "… 0532 0130 00"), unless the groups
// before it were the previous number, which ended at lastEnd.
func phoneStartsAt(s string, i, lastEnd int) bool {
	if i == 0 || i == lastEnd {
		// The start of s, or right after the previous number; not a UUID's first group
		// ("00442714-2758-4b56-…").
		return !isDigit(s[i]) || !inUUID(s, i)
	}
	prev := s[i-1]
	switch s[i] {
	case '+':
		// A '+' after a digit starts a new number ("+1555...+1555..."): letters and
		// a dot glue to it ("ver.+1234…" is no phone number).
		return !isAlpha(prev) && prev != '_' && prev != '.'
	case '%', '(':
		return !isWord(prev)
	}
	if !numberStartsAt(s, i) {
		return false
	}
	if w, _ := phoneSepAt(s, i-1, false); w == 1 && i >= 2 && isDigit(s[i-2]) && i-1 != lastEnd {
		return false // inside a run of groups
	}
	glued := (prev == '-' || prev == '.') && i >= 2 && isAlnum(s[i-2])
	return !glued
}

func skipToken(s string, i int) int {
	j := skipDigits(s, i)
	if j == i {
		return i + 1
	}
	return j
}

// phoneAt returns the end of a phone number starting at i, or 0 and where to look
// on from.
func phoneAt(s string, i int) (end, next int) {
	switch s[i] {
	case '+':
		return internationalEnd(s, i+1), i + 1
	case '%':
		if hasPrefixFold(s[i:], "%2b") {
			return internationalEnd(s, i+3), i + 1
		}
		return 0, i + 1
	case '(':
		if end := northAmericanEnd(s, i); end > 0 {
			return end, end
		}
		if end := nationalEnd(s, i, i); end > 0 {
			return end, end
		}
		return contextualEnd(s, i), i + 1
	}
	if s[i] == '0' && i+2 < len(s) && s[i+1] == '0' && (i < 2 || s[i-1] != ':' && s[i-1] != '.' || !isDigit(s[i-2])) {
		// "00 44 20 7946 0958", "0044 20 7946 0958": the international prefix dialled
		// instead of '+', printed in groups (compact, it is any number). Not a clock's
		// "12:00.307517+01:00".
		from := i + 2
		if w, sep := phoneSepAt(s, from, false); w > 0 && sep != '.' {
			from += w
		} else if w > 0 {
			from = len(s)
		}
		if end := internationalEnd(s, from); end > 0 && strings.ContainsAny(s[i:end], " -.") {
			return end, end
		}
	}
	run := skipDigits(s, i)
	if !groupFollows(s, run) {
		// A single run of digits, as most numbers in telemetry are: a phone number
		// only right after a phone label, or after a word naming one nearby.
		if end := labelledEnd(s, i, run); end > 0 {
			return end, run
		}
		if end := contextualRunEnd(s, i, run); end > 0 {
			return end, run
		}
		// A trunk digit and an area code in parentheses: "8 (495) 453-88-33".
		if run == i+1 && run+1 < len(s) && s[run] == ' ' && s[run+1] == '(' {
			return contextualEnd(s, i), run
		}
		return 0, run
	}
	if end := northAmericanEnd(s, i); end > 0 {
		return end, end
	}
	if end := nationalEnd(s, i, run); end > 0 {
		return end, run
	}
	return contextualEnd(s, i), run
}

// contextualEnd returns the end of a number written in groups the way a national
// plan prints it, which only a word naming a phone shortly before it makes one
// ("SMS to 9207 6296", "call me on 022 770 97 75", "Rufnummer 693 212 752",
// "twilio: message queued to 28 35 52 21"): groups of digits (the first may be
// parenthesised) separated by spaces or dashes, 8 to 13 digits in all. Without
// such a word, digit groups are as often sizes, lists or dates. Dotted and slashed
// numbers (addresses, versions, ratios, dates) and groups that end in one digit
// (an ISBN's check digit, a suffix) are something else.
func contextualEnd(s string, i int) int {
	j, digits, groups, end := i, 0, 0, 0
	first, last := 0, 0
	for j < len(s) {
		switch {
		case s[j] == '(' && groups <= 1: // "(495) …", and after a trunk digit: "8 (495) …"
			k := skipDigits(s, j+1)
			if k == j+1 || k-j-1 > 5 || k >= len(s) || s[k] != ')' {
				return end
			}
			digits += k - j - 1
			j = k + 1
		case isDigit(s[j]):
			k := skipDigits(s, j)
			if groups > 0 && k-j > 8 {
				return end
			}
			if groups == 0 {
				first = k - j
			}
			last = k - j
			digits += k - j
			j = k
		default:
			return end
		}
		groups++
		if digits > 13 {
			return end
		}
		zipPlus4 := groups == 2 && first == 5 && last == 4 && s[j-5] == '-'
		if digits >= 8 && (last > 1 || groups == 1) && !zipPlus4 && phoneNumberEndsAt(s, j) && !dateLike(s, i, first) && (j+1 >= len(s) || s[j] != '.' || !isDigit(s[j+1])) {
			if end == 0 && !hasStandaloneContext(s, i, phoneContext) {
				return 0
			}
			end = j
		}
		if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && (isDigit(s[j+1]) || (s[j+1] == '(' && groups == 1)) {
			j++
			continue
		}
		if w, _ := phoneSepAt(s, j, false); w == 3 && j+w < len(s) && isDigit(s[j+w]) {
			j += w // "%20"
			continue
		}
		return end
	}
	return end
}

// contextualRunEnd returns the end of a bare run of digits from i to j that a word
// shortly before it names as a phone number ("Updated contact number to
// 09339448098"): 9 to 12 digits after a trunk 0, or 10 to 13 after a word that
// names nothing but a phone.
func contextualRunEnd(s string, i, j int) int {
	n := j - i
	if !phoneNumberEndsAt(s, j) {
		return 0
	}
	switch {
	case s[i] == '0' && n >= 9 && n <= 12 && s[i+1] != '0' && hasStandaloneContext(s, i, phoneContext):
		return j
	case s[i] != '0' && n >= 10 && n <= 13 && hasStandaloneContext(s, i, phoneOnlyContext):
		return j
	}
	return 0
}

// phoneOnlyContext are the context words that name nothing but a phone: after them a
// bare run of digits is one (after "call" or "contact" it may be an id).
var phoneOnlyContext = newWordSet(
	"phone", "telephone", "tel", "mobile", "cellphone", "sms", "msisdn", "whatsapp", "fax", "telefon",
	"telefonnummer", "rufnummer", "handynummer", "teléfono", "telefono", "telefone", "téléphone", "celular", "móvil",
	"movil", "mobilnummer", "dialing", "dialling", "callback",
)

// dateLike reports digit groups that start like a date: a year and a month
// ("2024 11 07", "2024-11-07 10 30"), or a day, a month and a year ("21-09-1995").
func dateLike(s string, i, first int) bool {
	if first == 2 && i+10 <= len(s) && !isDigit(s[i+2]) && s[i+5] == s[i+2] && isDigit(s[i+3]) && isDigit(s[i+4]) {
		day := int(s[i]-'0')*10 + int(s[i+1]-'0')
		month := int(s[i+3]-'0')*10 + int(s[i+4]-'0')
		// A year of four digits: "21-09-1995", not the pairs "27 04 28 70".
		return day >= 1 && day <= 31 && month >= 1 && month <= 12 && (s[i+6] == '1' || s[i+6] == '2') &&
			isDigit(s[i+7]) && isDigit(s[i+8]) && isDigit(s[i+9]) && (i+10 == len(s) || !isDigit(s[i+10]))
	}
	if first != 4 || (s[i] != '1' && s[i] != '2') || i+7 > len(s) {
		return false
	}
	y := s[i : i+2]
	if y != "19" && y != "20" {
		return false
	}
	m := i + 5
	return isDigit(s[m]) && m+1 < len(s) && isDigit(s[m+1]) && (m+2 >= len(s) || !isDigit(s[m+2])) && (s[m] == '0' || (s[m] == '1' && s[m+1] <= '2'))
}

// phoneContext names a phone number in the words before one, within contextWindow.
var phoneContext = newWordSet(
	"phone", "telephone", "tel", "mobile", "cell", "cellphone", "sms", "mms", "call", "calls", "called", "calling",
	"callback", "dialing", "dialling", "dialed", "dialled", "voice", "whatsapp", "fax", "msisdn", "twilio",
	"vonage", "nexmo", "telefon", "telefonnummer", "rufnummer", "handy", "handynummer", "teléfono", "telefono",
	"telefone", "téléphone", "celular", "móvil", "movil", "tlf", "puhelin", "otp", "contact", "numer", "numéro",
	"número", "mobil", "mobilnummer", "texted", "text", "ring", "viber", "telegram", "signal",
)

// groupFollows reports whether another group of digits follows the one ending at j.
func groupFollows(s string, j int) bool {
	w, _ := phoneSepAt(s, j, false)
	if w == 0 && j < len(s) && s[j] == '/' {
		w = 1
	}
	return w > 0 && j+w < len(s) && isDigit(s[j+w])
}

func isPhoneSep(c byte) bool { return c == ' ' || c == '-' || c == '.' }

// phoneSepAt returns the width of a group separator at j (a space, a dash, a dot,
// or a URL-encoded space "%20"; in an international number also a '+', which a
// form-encoded query writes for a space) and the separator it stands for; 0 if none.
func phoneSepAt(s string, j int, plusIsSpace bool) (width int, sep byte) {
	if j >= len(s) {
		return 0, 0
	}
	switch c := s[j]; {
	case isPhoneSep(c):
		return 1, c
	case c == '+' && plusIsSpace:
		return 1, ' '
	case c == '%' && j+2 < len(s) && s[j+1] == '2' && s[j+2] == '0':
		return 3, ' '
	}
	return 0, 0
}

// internationalEnd returns the end of an international number whose digits start at
// from, after its '+' (or "%2B"), or 0. Like the other grouped
// forms it takes the longest valid prefix that ends at a group boundary.
func internationalEnd(s string, from int) int {
	if from >= len(s) || s[from] < '1' || s[from] > '9' {
		return 0
	}
	digits, parens, best := 0, 0, 0
	j := from
	for j < len(s) && digits <= maxE164Digits {
		c := s[j]
		if isDigit(c) {
			digits++
			j++
			if digits >= minE164Digits && digits <= maxE164Digits && (j == len(s) || !isDigit(s[j])) && phoneEndsAt(s, j) {
				best = j
			}
			continue
		}
		if w, _ := phoneSepAt(s, j, true); w > 0 && (isDigit(s[j-1]) || s[j-1] == ')') && j+w < len(s) && (isDigit(s[j+w]) || s[j+w] == '(') {
			j += w
			continue
		}
		if c == '(' && parens == 0 && j+1 < len(s) && isDigit(s[j+1]) {
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
	if numberEndsAt(s, j) {
		return true
	}
	w, _ := phoneSepAt(s, j, true)
	return w > 0 && j+w < len(s) && isDigit(s[j+w])
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

// phoneGroups is a run of digit groups read from a national number: the first group
// may be parenthesised ("(030) 1234567") or followed by its own separator
// ("030/123456", "(11) 91234-5678"); the later ones share one separator.
type phoneGroups struct {
	n      int
	end    [maxPhoneGroups]int   // where each group ends
	size   [maxPhoneGroups]uint8 // digits in each group
	digits [maxPhoneGroups]uint8 // digits up to and including each group
	paren  bool
	// first and rest are the separators after the first group and between the later
	// ones (0 for none; "%20" reads as a space).
	first, rest byte
}

const maxPhoneGroups = 7

// readPhoneGroups reads the groups of a number starting at i, a digit or '('.
func readPhoneGroups(s string, i int) (g phoneGroups) {
	j := i
	if s[j] == '(' {
		k := skipDigits(s, j+1)
		if k-j-1 < 2 || k-j-1 > 5 || k >= len(s) || s[k] != ')' {
			return g
		}
		g.paren = true
		g.add(k-j-1, k+1)
		j = k + 1
		if w, sep := phoneSepAt(s, j, false); w > 0 && sep != '.' {
			g.first = sep
			j += w
		}
		if j >= len(s) || !isDigit(s[j]) {
			return g
		}
	} else {
		k := skipDigits(s, j)
		g.add(k-j, k)
		j = k
		w, sep := phoneSepAt(s, j, false)
		if w == 0 && j < len(s) && s[j] == '/' {
			w, sep = 1, '/'
		}
		if w == 0 || j+w >= len(s) || !isDigit(s[j+w]) {
			return g
		}
		g.first = sep
		j += w
	}
	for g.n < maxPhoneGroups && int(g.digits[g.n-1]) <= maxE164Digits {
		k := skipDigits(s, j)
		g.add(k-j, k)
		j = k
		w, sep := phoneSepAt(s, j, false)
		if w == 0 || j+w >= len(s) || !isDigit(s[j+w]) || (g.rest != 0 && sep != g.rest) {
			return g
		}
		g.rest = sep
		j += w
	}
	return g
}

func (g *phoneGroups) add(size, end int) {
	size = min(size, 255)
	g.size[g.n], g.end[g.n] = uint8(size), end
	g.digits[g.n] = uint8(min(size+g.prevDigits(), 255))
	g.n++
}

func (g *phoneGroups) prevDigits() int {
	if g.n == 0 {
		return 0
	}
	return int(g.digits[g.n-1])
}

// sizes reports whether the first m groups have exactly these sizes.
func (g *phoneGroups) sizes(m int, want ...int) bool {
	if m != len(want) {
		return false
	}
	for k, w := range want {
		if int(g.size[k]) != w {
			return false
		}
	}
	return true
}

// nationalEnd returns the end of a national number starting at i, or 0: the longest
// run of its groups that a numbering plan's rule accepts. A number that does not
// start with '(' has its first run of digits end at run.
func nationalEnd(s string, i, run int) int {
	if s[i] != '(' {
		// The first group's length rules most runs out before they are read: 2 to 6
		// digits after a trunk 0, 2, 3 or 5 without one.
		switch first := run - i; {
		case s[i] == '0' && (first < 2 || first > 6):
			return 0
		case s[i] != '0' && first != 2 && first != 3 && first != 5:
			return 0
		}
	}
	g := readPhoneGroups(s, i)
	digitsFrom := i
	if g.paren {
		digitsFrom++
	}
	lead, second := s[digitsFrom], byte(0)
	if digitsFrom+1 < len(s) {
		second = s[digitsFrom+1]
	}
	// A trunk-prefixed number may end where a space starts the next one ("020 7946
	// 0958 020 7946 0959"); the others end where the run does.
	for m := g.n; m >= 2; m-- {
		end := g.end[m-1]
		whole := m == g.n && phoneNumberEndsAt(s, end)
		switch {
		case lead == '0' && second >= '1' && second <= '9' && trunkPrefixed(&g, m) && (whole || (m < g.n && g.rest == ' ')):
			return end
		case whole && withoutTrunk(&g, m, lead, second):
			return end
		case whole && needsLabel(&g, m, lead) && phoneLabelBefore(s, i):
			return end
		}
	}
	return 0
}

// phoneNumberEndsAt reports whether a number may end at j: not glued to a word, and
// not followed by a dash or a dot and more of a token.
func phoneNumberEndsAt(s string, j int) bool {
	glued := j+1 < len(s) && (s[j] == '-' || s[j] == '.') && isAlnum(s[j+1])
	return numberEndsAt(s, j) && !glued
}

// trunkPrefixed: a national number with its trunk prefix 0 (the digit after it 1-9):
// a first group of 2-5 digits (or "0" and 5 in India's "098765 43210"), then
// groups of 2-8, 9 to 12 digits in all, the last of 3 or more unless all are pairs.
// Dots separate pairs only (France, Belgium: "01.23.45.67.89"); a date
// ("01 02 2024 …") is not a number.
func trunkPrefixed(g *phoneGroups, m int) bool {
	digits := int(g.digits[m-1])
	if digits < 9 || digits > 12 {
		return false
	}
	if m == 2 && g.size[0] == 5 && g.size[1] == 4 && (g.rest == '-' || g.first == '-') {
		return false // a US ZIP+4 code ("02769-5786"), not a number
	}
	if first := g.size[0]; first < 2 || first > 6 || (first == 6 && (g.paren || !g.sizes(m, 6, 5))) {
		return false
	}
	for k := 1; k < m; k++ {
		if g.size[k] < 2 || g.size[k] > 8 {
			return false
		}
	}
	pairs := true
	for k := 0; k < m; k++ {
		pairs = pairs && g.size[k] == 2
	}
	if g.first == '.' || g.rest == '.' {
		return pairs && digits == 10
	}
	// A short last group is an extension or a suffix, not a number's end, unless the
	// number ends in pairs as many plans print it ("070-123 45 67", "0676 672 01 07",
	// "022 770 97 75").
	if g.size[m-1] < 3 && !pairs && (g.size[m-1] != 2 || m < 3 || g.size[m-2] > 3) {
		return false
	}
	date := m >= 3 && !g.paren && g.size[0] == 2 && g.size[1] == 2 && g.size[2] == 4
	return !date
}

// mexicanAreas are Mexico's two-digit area codes (Mexico City, Guadalajara,
// Monterrey); the others have three digits and print like North American numbers.
const mexicanAreas = "33 55 56 81"

// withoutTrunk: plans that print the whole national number, recognised by their
// leading digits and grouping, each its own separator throughout.
func withoutTrunk(g *phoneGroups, m int, lead, second byte) bool {
	same := g.rest == 0 || g.first == g.rest
	switch {
	case lead >= '6' && lead <= '9' && same && g.first != '/' && g.sizes(m, 3, 2, 2, 2):
		return true // Spain: mobiles 6 and 7, landlines 8 and 9
	case lead >= '1' && second >= '1' && same && (g.first == ' ' || g.first == '-') && g.sizes(m, 2, 3, 2, 2):
		return true // two-digit areas and pairs: Spain (91 Madrid), Poland (22 Warsaw, 12 Kraków)
	case lead == '3' && second != '0' && (g.first == ' ' || g.first == '-') && same && (g.sizes(m, 3, 3, 4) || g.sizes(m, 3, 7)):
		return true // Italian mobiles
	case (g.first == ' ' || g.first == '-' || (g.paren && g.first == 0)) && same && g.sizes(m, 2, 4, 4) && hasCode(mexicanAreas, lead, second):
		return true // Mexico's two-digit areas
	case lead >= '1' && second >= '1' && (g.paren || g.first == ' ') && g.rest == '-' && m == 3 && g.size[0] == 2 &&
		(g.size[1] == 5 || (g.paren && g.size[1] == 4)) && g.size[2] == 4:
		return true // Brazil: (DD) 9XXXX-XXXX mobiles, (DD) XXXX-XXXX landlines
	case lead == '1' && second >= '3' && (g.first == ' ' || g.first == '-') && same && g.sizes(m, 3, 4, 4):
		return true // Chinese mobiles
	}
	return false
}

// needsLabel: groupings that digit lists share as often as phone numbers, taken
// only after a phone label: Spain's 3-3-3 ("612 345 678") and India's 5-5 mobiles
// ("98765 43210").
func needsLabel(g *phoneGroups, m int, lead byte) bool {
	same := g.rest == 0 || g.first == g.rest
	return lead >= '6' && lead <= '9' && (g.first == ' ' || g.first == '-') && same &&
		(g.sizes(m, 3, 3, 3) || g.sizes(m, 5, 5))
}

// labelledEnd returns the end of a bare run of 9 to 15 digits, from i to j, right
// after a phone label ("phone: 07700900123", "msisdn=447700900123"), or 0.
func labelledEnd(s string, i, j int) int {
	if n := j - i; n < 9 || n > maxE164Digits || !phoneNumberEndsAt(s, j) || (s[i] == '0' && (n > 12 || s[i+1] == '0')) {
		return 0
	}
	if !phoneLabelBefore(s, i) {
		return 0
	}
	return j
}

// phoneWords name a phone number; phoneFillers may stand between one and the
// number ("phone number:", "Tel. (home):", "mobileNo").
var (
	phoneWords = newWordSet(
		"phone", "phonenumber", "telephone", "tel", "telefon", "telefone", "telefono", "teléfono", "téléphone",
		"telefonnummer", "mobile", "mobil", "móvil", "movil", "cell", "cellphone", "cellular", "celular",
		"handy", "handynummer", "mobilnummer", "msisdn", "fax", "whatsapp", "sms", "tlf", "tfn", "puhelin",
		"call", "callback", "contact", "cel", "dial", "dialing", "dialling", "calling", "rufnummer",
	)
	phoneFillers = newWordSet(
		"number", "no", "nr", "num", "nummer", "numero", "número", "home", "work", "office", "private",
		"primary", "main", "personal", "business",
	)
)

// phoneLabelBefore reports whether a phone label ends just before i: the words
// before it, punctuation and fillers skipped, name a phone number.
func phoneLabelBefore(s string, i int) bool {
	return labelBefore(s, i, phoneWords, phoneFillers)
}

// macShaped reports a MAC address at i: six groups of two hex digits joined by one
// '-' or ':' throughout, as a whole token.
func macShaped(s string, i int) bool {
	const n = 17 // "03-11-44-26-84-89"
	if i+n > len(s) || (i > 0 && isAlnum(s[i-1])) || (i+n < len(s) && (isAlnum(s[i+n]) || s[i+n] == s[i+2])) {
		return false
	}
	sep := s[i+2]
	if sep != '-' && sep != ':' {
		return false
	}
	for g := 0; g < 6; g++ {
		k := i + 3*g
		if !IsHex(s[k]) || !IsHex(s[k+1]) || (g < 5 && s[k+2] != sep) {
			return false
		}
	}
	return true
}
