package detector

// USSSN is the name of the us_ssn detector.
const USSSN = "us_ssn"

var usSSNBuiltin = Builtin{
	Name: USSSN,
	New:  func(_ Options) Detector { return usSSN{} },
	// Nine digits: "AAA-GG-SSSS", or bare after "SSN".
	Prefilter: Prefilter{MinLen: 9, MinDigits: 9},
}

// usSSN finds US Social Security numbers written AAA-GG-SSSS or AAA GG SSSS (one
// separator kind), excluding numbers the SSA never issues: area 000, 666 and
// 900-999, group 00 and serial 0000. Nine bare digits are reported only after a
// word that names an SSN within a few words ("SSN 123456789", "ssn: 123456789").
type usSSN struct{}

func (usSSN) Name() string { return USSSN }

func (usSSN) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i+9 <= len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if numberStartsAt(s, i) {
			if i+11 <= len(s) && ssnAt(s, i) {
				dst = append(dst, Match{Start: i, End: i + 11})
				i += 11
				continue
			}
			if end := skipDigits(s, i); end-i == 9 && numberEndsAt(s, end) && ssnValid(s[i:i+3], s[i+3:i+5], s[i+5:i+9]) &&
				hasFieldContext(s, i, ssnContext[:]) {
				dst = append(dst, Match{Start: i, End: end})
				i = end
				continue
			}
		}
		i = skipDigits(s, i)
	}
	return dst
}

// ssnContext names a Social Security number before a bare run of nine digits.
var ssnContext = [...]string{"ssn", "social security", "social security number", "ss#", "ssn#", "sozialversicherungsnummer"}

// ssnValid applies the SSA's rules to the area, group and serial digits.
func ssnValid(area, group, serial string) bool {
	a := int(area[0]-'0')*100 + int(area[1]-'0')*10 + int(area[2]-'0')
	return a != 0 && a != 666 && a < 900 && group != "00" && serial != "0000"
}

func ssnAt(s string, i int) bool {
	sep := s[i+3]
	if sep != '-' && sep != ' ' || s[i+6] != sep {
		return false
	}
	for _, k := range [...]int{0, 1, 2, 4, 5, 7, 8, 9, 10} {
		if !isDigit(s[i+k]) {
			return false
		}
	}
	if !numberEndsAt(s, i+11) {
		return false
	}
	area := int(s[i]-'0')*100 + int(s[i+1]-'0')*10 + int(s[i+2]-'0')
	group := int(s[i+4]-'0')*10 + int(s[i+5]-'0')
	serial := s[i+7:i+11] != "0000"
	return area != 0 && area != 666 && area < 900 && group != 0 && serial
}
