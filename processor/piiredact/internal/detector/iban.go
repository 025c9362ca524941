package detector

// IBAN is the name of the iban detector.
const IBAN = "iban"

var ibanBuiltin = Builtin{
	Name: IBAN,
	New:  func(_ Options) Detector { return newIBAN() },
	// The shortest IBAN (Norway) has 15 characters: a country code and check digits.
	Prefilter: Prefilter{MinLen: 15, MinUpper: 2, MinDigits: 2},
}

// ibanLengths lists each IBAN country's total length (ISO 13616 registry).
const ibanLengths = "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29BY28CH21CR22CY28CZ24DE22DK18DO28EE20EG29" +
	"ES24FI18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20" +
	"LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MR27MT31MU30NL18NO15PK24PL28PS29PT25" +
	"QA29RO24RS22SA24SC31SD18SE24SI19SK24SM27ST25SV28TL23TN24TR26UA29VA22VG24XK20"

// iban finds International Bank Account Numbers, compact ("DE89370400440532013000")
// or printed in groups of four ("DE89 3704 0044 0532 0130 00"), whose length matches
// the country and whose mod-97 check holds.
type iban struct {
	lengths [26 * 26]uint8
}

func newIBAN() *iban {
	d := &iban{}
	for k := 0; k+4 <= len(ibanLengths); k += 4 {
		c := ibanLengths[k : k+4]
		d.lengths[int(c[0]-'A')*26+int(c[1]-'A')] = (c[2]-'0')*10 + (c[3] - '0')
	}
	return d
}

func (*iban) Name() string { return IBAN }

func (d *iban) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i+15 <= len(s); i++ {
		if !isUpper(s[i]) || !isUpper(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		if i > 0 && isAlnum(s[i-1]) {
			continue
		}
		want := int(d.lengths[int(s[i]-'A')*26+int(s[i+1]-'A')])
		if want == 0 {
			continue
		}
		if end, ok := ibanEnd(s, i, want); ok {
			dst = append(dst, Match{Start: i, End: end})
			i = end - 1
		}
	}
	return dst
}

// ibanEnd reads want alphanumerics from i, allowing one space after every group of
// four, checks mod 97 and returns the end.
func ibanEnd(s string, i, want int) (int, bool) {
	var buf [34]byte
	n, j := 0, i
	for n < want && j < len(s) {
		c := s[j]
		switch {
		case isDigit(c) || isUpper(c):
			buf[n] = c
			n++
			j++
		case c == ' ' && n%4 == 0 && n > 0 && j+1 < len(s) && isAlnum(s[j+1]):
			j++
		default:
			return 0, false
		}
	}
	if n != want || (j < len(s) && isAlnum(s[j])) {
		return 0, false
	}
	if numericBBAN(buf[0], buf[1]) {
		for _, c := range buf[4:n] {
			if !isDigit(c) {
				return 0, false // a letter where the country's BBAN has digits only: a key ID's hex
			}
		}
	}
	return j, ibanChecksumValid(buf[:n])
}

// ibanNumericBBAN lists the countries whose account part (BBAN) is digits alone
// (ISO 13616 registry): "BE8842A3691E92C8" is a GPG key ID, not a Belgian IBAN.
const ibanNumericBBAN = "ATBABECZDEDKEEESFIFOGLHRHUILISLTMENOPLPTRSSESISKTLTNXK"

func numericBBAN(a, b byte) bool {
	for k := 0; k+2 <= len(ibanNumericBBAN); k += 2 {
		if ibanNumericBBAN[k] == a && ibanNumericBBAN[k+1] == b {
			return true
		}
	}
	return false
}
