package detector

import "strings"

// NationalID is the name of the national_id detector.
const NationalID = "national_id"

var nationalIDBuiltin = Builtin{
	Name: NationalID,
	New:  func(_ Options) Detector { return nationalID{} },
	// A NINO has six digits, every other identifier more.
	Prefilter: Prefilter{MinDigits: 6},
}

// nationalID finds national identifiers by their formats and check digits, as
// Datadog's sensitive data scanner and Presidio have them:
//   - UK National Insurance number: two letters, six digits, A-D ("AB 12 34 56 C"),
//     with the prefixes HMRC never issues refused;
//   - Canadian Social Insurance Number: nine digits, Luhn ("046 454 286"), grouped
//     3-3-3 or after a context word;
//   - Indian Aadhaar: twelve digits, the first 2-9, Verhoeff ("2345 6789 0124");
//   - Brazilian CPF: eleven digits, two mod-11 check digits ("529.982.247-25");
//   - Spanish DNI and NIE: eight digits or X/Y/Z and seven, and the mod-23 letter;
//   - French NIR: fifteen digits, sex 1-4, 7 or 8 first, a mod-97 key.
//
// Bare digit runs (a SIN, an Aadhaar, a CPF or a NIR without its separators) match
// only after a context word that names the identifier, within a few words before it:
// order numbers and timestamps are digit runs too.
type nationalID struct{}

var (
	sinContext     = [...]string{"sin", "social insurance", "numéro d'assurance sociale", "nas"}
	aadhaarContext = [...]string{"aadhaar", "aadhar", "uidai", "uid"}
	cpfContext     = [...]string{"cpf"}
	nirContext     = [...]string{"nir", "insee", "sécurité sociale", "securite sociale", "social security", "ssn"}
)

func (nationalID) Name() string { return NationalID }

func (nationalID) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		c := s[i]
		if !isAlnum(c) || (i > 0 && isWord(s[i-1])) || (isDigit(c) && !numberStartsAt(s, i)) {
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

// idLayout is how an identifier is written with its separators: 'd' is a digit, 's'
// a separator (one of seps, the same each time), anything else itself.
type idLayout struct {
	pattern string
	seps    string
	kind    idKind
}

// idKind names a check-digit rule. (A switch, not function values: a slice passed to
// a function value escapes, and a clean value must cost no allocation.)
type idKind uint8

const (
	kindSIN idKind = iota
	kindAadhaar
	kindCPF
	kindNIR
)

func (k idKind) valid(d []byte) bool {
	switch k {
	case kindSIN:
		return luhnValid(d)
	case kindAadhaar:
		return d[0] >= 2 && verhoeffValid(d)
	case kindCPF:
		return cpfValid(d)
	}
	return nirValid(d)
}

var idLayouts = [...]idLayout{
	{pattern: "dddsdddsddd", seps: " -", kind: kindSIN},
	{pattern: "ddddsddddsdddd", seps: " -", kind: kindAadhaar},
	{pattern: "ddd.ddd.ddd-dd", kind: kindCPF},
	{pattern: "dsddsddsddsdddsdddsdd", seps: " ", kind: kindNIR},
}

// bareIDs are the identifiers recognised as a bare digit run after a context word.
var bareIDs = [...]struct {
	digits  int
	context []string
	kind    idKind
}{
	{9, sinContext[:], kindSIN},
	{11, cpfContext[:], kindCPF},
	{12, aadhaarContext[:], kindAadhaar},
	{15, nirContext[:], kindNIR},
}

// nationalIDAt returns the end of an identifier starting at word start i, or 0.
func nationalIDAt(s string, i int) int {
	if isAlpha(s[i]) {
		if end := ninoAt(s, i); end > 0 {
			return end
		}
		return nieAt(s, i)
	}
	var digits [15]byte
	for k := range idLayouts {
		l := &idLayouts[k]
		if end, n := readLayout(s, i, l, digits[:]); end > 0 && l.kind.valid(digits[:n]) {
			return end
		}
	}
	j := skipDigits(s, i)
	if j-i == 8 {
		return dniAt(s, i, j)
	}
	if j-i > len(digits) || !idEndsAt(s, j) {
		return 0
	}
	for k := i; k < j; k++ {
		digits[k-i] = s[k] - '0'
	}
	for _, b := range bareIDs {
		if j-i == b.digits && b.kind.valid(digits[:b.digits]) && hasContext(s, i, b.context) {
			return j
		}
	}
	return 0
}

// readLayout reads l's pattern at i into dst and returns where it ends and how many
// digits it read, or 0 when s does not follow it there or runs on after it.
func readLayout(s string, i int, l *idLayout, dst []byte) (end, n int) {
	var sep byte
	j := i
	for k := 0; k < len(l.pattern); k++ {
		if j >= len(s) {
			return 0, 0
		}
		c := s[j]
		switch p := l.pattern[k]; {
		case p == 'd':
			if !isDigit(c) {
				return 0, 0
			}
			dst[n] = c - '0'
			n++
		case p == 's':
			if strings.IndexByte(l.seps, c) < 0 || (sep != 0 && c != sep) {
				return 0, 0
			}
			sep = c
		case c != p:
			return 0, 0
		}
		j++
	}
	if !idEndsAt(s, j) || (j < len(s) && (s[j] == '-' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1])) {
		return 0, 0
	}
	return j, n
}

func idEndsAt(s string, j int) bool {
	return j == len(s) || (!isWord(s[j]) && (s[j] != '.' || j+1 >= len(s) || !isDigit(s[j+1])))
}

// dniAt reads "12345678Z" or "12345678-Z": the eight digits from i end at end, where
// the letter follows.
func dniAt(s string, i, end int) int {
	var n uint64
	for k := i; k < end; k++ {
		n = n*10 + uint64(s[k]-'0')
	}
	return dniLetterAt(s, end, n)
}

// nieAt reads "X1234567L": X, Y or Z stand for 0, 1 and 2 before seven digits.
func nieAt(s string, i int) int {
	lead := strings.IndexByte("XYZ", s[i]&^0x20)
	if lead < 0 || i+8 > len(s) {
		return 0
	}
	n := uint64(lead)
	for k := i + 1; k < i+8; k++ {
		if !isDigit(s[k]) {
			return 0
		}
		n = n*10 + uint64(s[k]-'0')
	}
	return dniLetterAt(s, i+8, n)
}

func dniLetterAt(s string, j int, n uint64) int {
	if j < len(s) && s[j] == '-' {
		j++
	}
	if j >= len(s) || s[j]&^0x20 != dniLetter(n) || (j+1 < len(s) && isWord(s[j+1])) {
		return 0
	}
	return j + 1
}

// ninoAt reads a UK National Insurance number, compact or spaced in pairs.
func ninoAt(s string, i int) int {
	if i+2 > len(s) || !isUpper(s[i]) || !isUpper(s[i+1]) {
		return 0
	}
	a, b := s[i], s[i+1]
	if strings.IndexByte("DFIQUV", a) >= 0 || strings.IndexByte("DFIOQUV", b) >= 0 {
		return 0
	}
	switch s[i : i+2] {
	case "BG", "GB", "NK", "KN", "TN", "NT", "ZZ":
		return 0
	}
	j := i + 2
	for pair := 0; pair < 3; pair++ {
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if j+2 > len(s) || !isDigit(s[j]) || !isDigit(s[j+1]) {
			return 0
		}
		j += 2
	}
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j >= len(s) || s[j] < 'A' || s[j] > 'D' || (j+1 < len(s) && isWord(s[j+1])) {
		return 0
	}
	return j + 1
}
