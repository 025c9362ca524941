package detector

import "strings"

// NationalID is the name of the national_id detector.
const NationalID = "national_id"

var nationalIDBuiltin = Builtin{
	Name: NationalID,
	New:  func(_ Options) Detector { return nationalID{} },
	// An Indian PAN has four digits, every other identifier more.
	Prefilter: Prefilter{MinDigits: minIDDigits},
}

// nationalID finds national identifiers (personal, tax and social-security numbers)
// by their formats and check digits, as validated-detector systems (Datadog's
// sensitive data scanner, Presidio, python-stdnum) have them. national_id_formats.go
// lists them, each with its layout, its check and, where the layout alone is
// ambiguous, the context words that must come shortly before it.
//
// An identifier stands alone: it starts and ends at a word boundary and is not glued
// by a dash or a dot to a longer token ("ORD-2024-…", a UUID's groups, "v2.…"). Bare
// digit runs match only after a context word: order numbers, timestamps and ids are
// digit runs too.
type nationalID struct{}

func (nationalID) Name() string { return NationalID }

func (nationalID) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) || !idStartsAt(s, i) {
			i++
			continue
		}
		if end := nationalIDAt(s, i); end > 0 {
			dst = append(dst, Match{Start: i, End: end})
			i = end
			continue
		}
		for i < len(s) && isWord(s[i]) {
			i++
		}
	}
	return dst
}

// idStartsAt reports whether an identifier may start at i: not inside a word, and not
// after a dash or a dot that follows a letter or digit.
func idStartsAt(s string, i int) bool {
	if i == 0 {
		return true
	}
	p := s[i-1]
	glued := (p == '-' || p == '.') && i >= 2 && isAlnum(s[i-2])
	// A ':' after a group with a digit joins groups of one identifier
	// ("7A11:A8070:5955BF:AE1CA2:8935981B", GitHub's request IDs); after a word it
	// ends a label ("DNI:12345678Z").
	glued = glued || p == ':' && i >= 2 && isAlnum(s[i-2]) && groupBeforeHasDigit(s, i-1)
	return !isWord(p) && !glued
}

// groupBeforeHasDigit reports whether the run of letters and digits that ends just
// before end has a digit.
func groupBeforeHasDigit(s string, end int) bool {
	for k := end - 1; k >= 0 && isAlnum(s[k]); k-- {
		if isDigit(s[k]) {
			return true
		}
	}
	return false
}

// idEndsAt reports whether an identifier may end just before j: not inside a word,
// and not before a dash or a dot that a letter or digit follows.
func idEndsAt(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	n := s[j]
	glued := (n == '-' || n == '.') && j+1 < len(s) && isAlnum(s[j+1])
	return !isWord(n) && !glued
}

// idFormat is one identifier's written form. layout spells it a character at a time:
//
//	d    a digit
//	L    a letter (upper case, or either case with anyCase)
//	A    a letter or a digit
//	s    a separator, one of seps; every s and ~ of one match is the same byte
//	~    an optional separator
//	[…]  one of the bytes listed
//
// and any other byte stands for itself. The letters and digits of the match are what
// valid checks.
type idFormat struct {
	name    string // the identifier, for tests and documentation
	layout  string
	seps    string
	anyCase bool
	// context, when set, is the words of which one must end within contextWindow
	// bytes before the identifier; without it the layout and check are enough.
	context []string
	// notInPath refuses a match between slashes, where the layout reads as path
	// segments ("/850709/1234").
	notInPath bool
	valid     func(t idText) bool
}

// idText is the letters and digits of an identifier, separators and punctuation left
// out: the characters in upper case, and their values (a digit its own, a letter 10
// for A to 35 for Z). Validators take it by value, so
// that calling one through a function value never moves it to the heap.
type idText struct {
	c, v [maxIDLen]byte
	n    int
}

const (
	maxIDLen    = 24
	minIDDigits = 4
	maxIDRun    = 16 // the longest leading run of letters or digits any layout has
)

func (t *idText) add(c byte) {
	t.c[t.n] = c
	t.v[t.n] = c - '0'
	if isUpper(c) {
		t.v[t.n] = c - 'A' + 10
	}
	t.n++
}

// digits returns the values of the characters read.
func (t *idText) digits() []byte { return t.v[:t.n] }

// chars returns the characters read.
func (t *idText) chars() []byte { return t.c[:t.n] }

// nationalIDAt returns the end of an identifier starting at word start i, or 0. Only
// the formats whose layout can start the way s does at i are tried: with a run of
// digits or letters of that length, and the kind of byte after it.
func nationalIDAt(s string, i int) int {
	lead, run, next := idShapeAt(s, i)
	for _, k := range idFormatsByShape[lead][run][next] {
		if end := idFormats[k].matchAt(s, i); end > 0 {
			return end
		}
	}
	return 0
}

// An identifier's shape: whether it starts with digits or letters, how many, and the
// kind of byte after them.
const (
	leadDigit = iota
	leadLetter
	numLeads
)

const (
	nextOther = iota // the end of s, or a byte of no kind below
	nextDigit
	nextLetter
	nextDot
	nextDash
	nextSpace
	nextSlash
	nextPlus
	numNexts
)

func nextKind(c byte) int {
	switch {
	case isDigit(c):
		return nextDigit
	case isAlpha(c):
		return nextLetter
	}
	switch c {
	case '.':
		return nextDot
	case '-':
		return nextDash
	case ' ':
		return nextSpace
	case '/':
		return nextSlash
	case '+':
		return nextPlus
	}
	return nextOther
}

// idShapeAt returns the shape of what starts at i, a letter or a digit. A run longer
// than any layout's is maxIDRun+1, which no format is listed under.
func idShapeAt(s string, i int) (lead, run, next int) {
	j := i
	if isDigit(s[i]) {
		for j < len(s) && isDigit(s[j]) && j-i <= maxIDRun {
			j++
		}
	} else {
		lead = leadLetter
		for j < len(s) && isAlpha(s[j]) && j-i <= maxIDRun {
			j++
		}
	}
	if j < len(s) {
		next = nextKind(s[j])
	}
	return lead, j - i, next
}

// idFormatsByShape lists, for each shape, the formats whose layout can start that way.
var idFormatsByShape = func() (t [numLeads][maxIDRun + 2][numNexts][]uint8) {
	for k := range idFormats {
		f := &idFormats[k]
		for lead := leadDigit; lead < numLeads; lead++ {
			for run := 1; run <= maxIDRun; run++ {
				rest, ok := f.afterRun(lead, run)
				if !ok {
					continue
				}
				for next := nextOther; next < numNexts; next++ {
					if f.admitsNext(rest, lead, next) {
						t[lead][run][next] = append(t[lead][run][next], uint8(k))
					}
				}
			}
		}
	}
	return t
}()

// afterRun returns the layout left after run characters of the lead kind, or false
// when the layout cannot start with them.
func (f *idFormat) afterRun(lead, run int) (string, bool) {
	layout := f.layout
	for pos := 0; pos < run; pos++ {
		for len(layout) > 0 && layout[0] == '~' {
			layout = layout[1:] // an optional separator left out: the run goes on
		}
		if len(layout) == 0 {
			return "", false
		}
		elem, rest := layoutElement(layout)
		if !elementAdmits(elem, leadKind(lead)) {
			return "", false
		}
		layout = rest
	}
	return layout, true
}

// admitsNext reports whether the layout left after a run can go on with a byte of
// the next kind (which is not the run's own kind).
func (f *idFormat) admitsNext(rest string, lead, next int) bool {
	if next == leadKind(lead) {
		return false // the run would have been longer
	}
	if rest == "" {
		return next != nextDigit && next != nextLetter // the end: no word may follow
	}
	elem, after := layoutElement(rest)
	switch elem {
	case "s":
		return kindIn(f.seps, next)
	case "~":
		return kindIn(f.seps, next) || f.admitsNext(after, lead, next)
	}
	return elementAdmits(elem, next)
}

func leadKind(lead int) int {
	if lead == leadDigit {
		return nextDigit
	}
	return nextLetter
}

// layoutElement splits the first element ("d", "[-+A]", ".") off a layout.
func layoutElement(layout string) (elem, rest string) {
	if layout[0] == '[' {
		end := strings.IndexByte(layout, ']') + 1
		return layout[:end], layout[end:]
	}
	return layout[:1], layout[1:]
}

// elementAdmits reports whether a layout element can take a byte of the kind.
func elementAdmits(elem string, kind int) bool {
	switch elem {
	case "d":
		return kind == nextDigit
	case "L":
		return kind == nextLetter
	case "A":
		return kind == nextDigit || kind == nextLetter
	case "s", "~":
		return false
	}
	if elem[0] == '[' {
		return kindIn(elem[1:len(elem)-1], kind)
	}
	return nextKind(elem[0]) == kind
}

// kindIn reports whether one of the bytes is of the kind.
func kindIn(bytes string, kind int) bool {
	for i := 0; i < len(bytes); i++ {
		if nextKind(bytes[i]) == kind {
			return true
		}
	}
	return false
}

// matchAt returns the end of the identifier in f's form starting at i, or 0.
func (f *idFormat) matchAt(s string, i int) int {
	var sep byte
	j := i
	for k := 0; k < len(f.layout); k++ {
		p := f.layout[k]
		if p == '~' {
			if j < len(s) && strings.IndexByte(f.seps, s[j]) >= 0 && (sep == 0 || s[j] == sep) {
				sep = s[j]
				j++
			}
			continue
		}
		if j >= len(s) {
			return 0
		}
		c := s[j]
		if f.anyCase && isLower(c) {
			c -= 'a' - 'A'
		}
		switch p {
		case 'd':
			if !isDigit(c) {
				return 0
			}
		case 'L':
			if !isUpper(c) {
				return 0
			}
		case 'A':
			if !isDigit(c) && !isUpper(c) {
				return 0
			}
		case 's':
			if strings.IndexByte(f.seps, c) < 0 || (sep != 0 && c != sep) {
				return 0
			}
			sep = c
		case '[':
			end := k + strings.IndexByte(f.layout[k:], ']')
			if strings.IndexByte(f.layout[k+1:end], c) < 0 {
				return 0
			}
			k = end
		default:
			if c != p {
				return 0
			}
		}
		j++
	}
	if !idEndsAt(s, j) || (f.notInPath && ((i > 0 && s[i-1] == '/') || (j < len(s) && s[j] == '/'))) {
		return 0
	}
	if sep == ' ' && (isDigit(s[i]) && i >= 2 && s[i-1] == ' ' && isDigit(s[i-2]) ||
		isDigit(s[j-1]) && j+1 < len(s) && s[j] == ' ' && isDigit(s[j+1])) {
		return 0 // groups of a longer run: a card number's, a phone number's
	}
	var t idText
	for k := i; k < j; k++ {
		if c := s[k]; isAlnum(c) {
			if isLower(c) {
				c -= 'a' - 'A'
			}
			t.add(c)
		}
	}
	if !f.valid(t) || (f.context != nil && !hasFieldContext(s, i, f.context)) {
		return 0
	}
	return j
}
