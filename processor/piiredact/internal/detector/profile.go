package detector

// Profile counts, in one pass over a value, the bytes the built-in detectors need. Most
// attribute values hold nothing sensitive, and for most of them the profile alone shows
// that a detector cannot match (no '@' for an e-mail, fewer than 13 digits for a card),
// so that detector is not run at all. Checks are conservative: a detector is skipped only
// when no input with that profile could produce a match.
type Profile struct {
	len    int
	counts [numByteClasses]int32
}

// byteClass groups the bytes the detectors' Possible methods look at.
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

// has reports whether the value holds at least n bytes of the class.
func (p *Profile) has(c byteClass, n int) bool { return int(p.counts[c]) >= n }

// Possible reports whether the built-in detector d could match a value with profile
// p. Custom patterns always can.
func Possible(d Detector, p *Profile) bool {
	switch d.(type) {
	case creditCard:
		return p.Digits() >= minCardDigits
	case email:
		return p.has(classAt, 1) || p.has(classPercent, 1) // "@" or "%40"
	case usSSN:
		return p.Digits() >= 9 && p.len >= 11
	case phone:
		return p.Digits() >= minE164Digits
	case ipv4:
		return p.Digits() >= 4 && p.has(classDot, 3)
	case ipv6:
		return p.has(classColon, 2) // even "::" has two
	case *iban:
		return p.len >= 15 && p.Upper() >= 2 && p.Digits() >= 2
	case jwt:
		return p.has(classLetterE, 1) && p.has(classDot, 2) && p.len >= 2*minJWTSegment+2
	case authCredential:
		return p.has(classLetterB, 1) && p.has(classSpace, 1)
	case apiKey:
		return p.len >= minAPIKeyLen
	case nationalID:
		return p.Digits() >= 6 // a NINO has six
	case privateKey:
		return p.len >= minPrivateKeyLn && p.Upper() >= len("BEGINPRIVATEKEY")
	case urlCredential:
		return p.has(classAt, 1) || p.has(classEquals, 1) || p.has(classColon, 1) // userinfo, "name=value", "name: value"
	}
	return true
}
