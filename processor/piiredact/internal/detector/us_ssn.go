package detector

// USSSN is the name of the us_ssn detector.
const USSSN = "us_ssn"

var usSSNBuiltin = Builtin{
	Name: USSSN,
	New:  func(_ Options) Detector { return usSSN{} },
	// "AAA-GG-SSSS": nine digits in eleven bytes.
	Prefilter: Prefilter{MinLen: 11, MinDigits: 9},
}

// usSSN finds US Social Security numbers written AAA-GG-SSSS or AAA GG SSSS (one
// separator kind), excluding numbers the SSA never issues: area 000, 666 and
// 900-999, group 00 and serial 0000. Nine bare digits are too ambiguous to report.
type usSSN struct{}

func (usSSN) Name() string { return USSSN }

func (usSSN) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i+11 <= len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if numberStartsAt(s, i) && ssnAt(s, i) {
			dst = append(dst, Match{Start: i, End: i + 11})
			i += 11
			continue
		}
		i = skipDigits(s, i)
	}
	return dst
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
