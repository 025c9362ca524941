package detector

// Profile counts, in one pass over a value, the bytes the built-in detectors' prefilters
// need. Most attribute values hold nothing sensitive, and for most of them the profile
// alone shows that a detector cannot match (no '@' for an e-mail, fewer than 12 digits
// for a card), so that detector is not run at all.
type Profile struct {
	len    int
	counts [numByteClasses]int32
}

// byteClass groups the bytes the prefilters look at.
type byteClass uint8

const (
	classOther byteClass = iota
	classDigit
	classUpper
	classDot
	classColon
	classAt
	classPercent
	classEquals
	classSpace
	classLetterB // 'b' or 'B': the start of "Bearer" and "Basic"
	classLetterE // 'e': the start of "eyJ"
	numByteClasses
)

var byteClasses = func() (t [256]byteClass) {
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	// 'B' is counted as a letter B; Upper adds it back to the upper-case count.
	t['B'] = classLetterB
	t['b'] = classLetterB
	t['e'] = classLetterE
	t['.'] = classDot
	t[':'] = classColon
	t['@'] = classAt
	t['%'] = classPercent
	t['='] = classEquals
	t[' '] = classSpace
	return t
}()

// NewProfile profiles s.
func NewProfile(s string) Profile {
	p := Profile{len: len(s)}
	for i := 0; i < len(s); i++ {
		p.counts[byteClasses[s[i]]]++
	}
	return p
}

func (p *Profile) count(c byteClass) int { return int(p.counts[c]) }

// Digits is the number of ASCII digits.
func (p *Profile) Digits() int { return p.count(classDigit) }

// Upper is the number of ASCII upper-case letters ('B' included).
func (p *Profile) Upper() int { return p.count(classUpper) + p.count(classLetterB) }

// Prefilter is what a value must hold for a detector to find anything in it: at
// least MinLen bytes, at least the given counts of digits, upper-case letters, dots,
// colons and spaces, and, when AnyOf is set, at least one of its bytes. A detector is
// skipped only when no input with that profile could produce a match, so each field
// is the least any match needs. The zero Prefilter admits every value.
type Prefilter struct {
	MinLen    int
	MinDigits int
	MinUpper  int // 'A'-'Z'
	MinDots   int
	MinColons int
	MinSpaces int
	// AnyOf lists bytes of which the value must hold at least one. Only bytes the
	// profile counts on their own may be listed: '@', '%', '=', ':', '.', ' ', 'b'
	// or 'B' (counted together) and 'e'.
	AnyOf string
}

// Admits reports whether a value with profile p could hold a match.
func (f *Prefilter) Admits(p *Profile) bool {
	return p.len >= f.MinLen &&
		p.Digits() >= f.MinDigits &&
		p.Upper() >= f.MinUpper &&
		p.count(classDot) >= f.MinDots &&
		p.count(classColon) >= f.MinColons &&
		p.count(classSpace) >= f.MinSpaces &&
		(f.AnyOf == "" || p.hasAny(f.AnyOf))
}

// hasAny reports whether the value holds at least one byte of the class of one of
// the bytes of set.
func (p *Profile) hasAny(set string) bool {
	for i := 0; i < len(set); i++ {
		if p.counts[byteClasses[set[i]]] > 0 {
			return true
		}
	}
	return false
}

// countedAlone reports whether the profile counts c in a class of its own (or, for
// 'b' and 'B', of the two), which a Prefilter's AnyOf needs.
func countedAlone(c byte) bool {
	switch byteClasses[c] {
	case classOther, classDigit, classUpper:
		return false
	}
	return true
}
