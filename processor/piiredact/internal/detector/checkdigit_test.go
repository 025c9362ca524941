package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// digitValues turns "0123" into the values 0, 1, 2, 3 the check functions take.
func digitValues(s string) []byte {
	d := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d = append(d, s[i]-'0')
		}
	}
	return d
}

// checkCase is a number and whether its check holds; each valid number is followed
// by itself with one digit changed, which every scheme here must catch.
type checkCase struct {
	in    string
	valid bool
}

func runCheckCases(t *testing.T, check func([]byte) bool, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		assert.Equal(t, tc.valid, check(digitValues(tc.in)), tc.in)
	}
}

func TestLuhn(t *testing.T) {
	runCheckCases(t, luhnValid, []checkCase{
		{"79927398713", true}, {"79927398714", false},
		{"4111111111111111", true}, {"4111111111111121", false},
		{"046454286", true}, {"046454287", false},
		{"0", true}, {"18", true}, {"19", false},
	})
}

func TestVerhoeff(t *testing.T) {
	runCheckCases(t, verhoeffValid, []checkCase{
		{"2363", true}, {"2364", false},
		{"234567890124", true}, {"234567890125", false},
		{"498765432102", true}, {"498765432112", false},
		// Verhoeff catches every adjacent transposition, which mod 10 schemes miss.
		{"234567890142", false},
	})
}

func TestMod97(t *testing.T) {
	assert.Equal(t, 0, mod97(0, digitValues("97")))
	assert.Equal(t, 1, mod97(0, digitValues("98")))
	assert.Equal(t, 1234567890123%97, mod97(0, digitValues("1234567890123")))
	assert.Equal(t, 1234567890123%97, mod97(mod97(0, digitValues("1234567")), digitValues("890123")))
	// Letters count as two digits, A = 10 ... Z = 35.
	assert.Equal(t, 135%97, mod97Alnum(0, []byte("1Z"))) // "1" then "35"
}

func TestIBANChecksum(t *testing.T) {
	for _, tc := range []checkCase{
		{"DE89370400440532013000", true}, {"DE89370400440532013001", false},
		{"GB82WEST12345698765432", true}, {"GB82WEST12345698765433", false},
		{"NO9386011117947", true}, {"NO9386011117948", false},
		{"FR1420041010050500013M02606", true}, {"FR1420041010050500013M02607", false},
	} {
		assert.Equal(t, tc.valid, ibanChecksumValid([]byte(tc.in)), tc.in)
	}
}

func TestNIRKey(t *testing.T) {
	runCheckCases(t, nirValid, []checkCase{
		{"184127645108946", true}, {"184127645108947", false},
		{"269059912345662", true}, {"269059912345672", false},
		{"584127645108946", false}, // sex digit 5 never issued
	})
}

func TestCPF(t *testing.T) {
	runCheckCases(t, cpfValid, []checkCase{
		{"52998224725", true}, {"52998224726", false},
		{"12345678909", true}, {"12345678919", false},
		{"11111111111", false}, // all equal: mod 11 holds, never issued
	})
}

func TestDNILetter(t *testing.T) {
	for _, tc := range []struct {
		n    uint64
		want byte
	}{
		{12345678, 'Z'}, {0, 'T'}, {22, 'E'}, {23, 'T'},
		{1234567, 'L'},  // NIE X1234567L: X reads as 0
		{17654321, 'G'}, // NIE Y7654321G: Y reads as 1
	} {
		assert.Equal(t, string(tc.want), string(dniLetter(tc.n)), "%d", tc.n)
	}
}

// The valid numbers below are the schemes' published examples or numbers generated
// and cross-checked with python-stdnum; each invalid one differs in one digit.

func TestWeightedMod11Schemes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		check func([]byte) bool
		cases []checkCase
	}{
		{"BSN 11-proof", bsnValid, []checkCase{{"111222333", true}, {"111222334", false}, {"480356373", true}, {"480356363", false}, {"000000000", false}}},
		{"PESEL", peselValid, []checkCase{{"44051401359", true}, {"44051401358", false}, {"36251003705", true}, {"36251003715", false}}},
		{"Portuguese NIF", portugueseNIFValid, []checkCase{{"501964843", true}, {"501964842", false}, {"397452896", true}, {"397452796", false}}},
		{"Norwegian fødselsnummer", norwegianFNRValid, []checkCase{{"15108695088", true}, {"15108695077", false}, {"13108172538", true}, {"13108172548", false}}},
		{"Austrian SVNR", austrianSVNRValid, []checkCase{{"1237010180", true}, {"2237010180", false}, {"3137060243", true}, {"3138060243", false}}},
		{"NHS number", nhsValid, []checkCase{{"9434765919", true}, {"9434765918", false}, {"6091390996", true}, {"6091390997", false}}},
		{"Romanian CNP", romanianCNPValid, []checkCase{{"5290107299191", true}, {"5290107299192", false}, {"2681004209478", true}, {"2681004209479", false}}},
		{"Argentine CUIT", argentineCUITValid, []checkCase{{"20267565393", true}, {"20267565392", false}, {"27219994716", true}, {"27219994717", false}}},
		{"Czech birth number", czechBirthNumberValid, []checkCase{{"6152268155", true}, {"6152268156", false}, {"5407024832", true}, {"5407024833", false}}},
		{"Belgian national number", belgianNationalNumberValid, []checkCase{{"85073003328", true}, {"85073003329", false}, {"17073003384", true}, {"17073003385", false}, {"10040467723", true}}},
		{"EAN-13 (AHV)", ean13Valid, []checkCase{{"7569217076985", true}, {"7569217076986", false}, {"7561555902117", true}, {"7561555902118", false}}},
		{"ISO 7064 MOD 11,10", iso7064Mod11_10Valid, []checkCase{{"36574261809", true}, {"36574261808", false}, {"33392005961", true}, {"33392005962", false}, {"61682812646", true}}},
	} {
		t.Run(tc.name, func(t *testing.T) { runCheckCases(t, tc.check, tc.cases) })
	}
}

func TestCheckCharacters(t *testing.T) {
	assert.Equal(t, byte(1), colombianNITDigit(digitValues("213123432")))
	assert.Equal(t, byte(2), colombianNITDigit(digitValues("977621014")))
	assert.Equal(t, byte('2'), chileanRUTCheck(digitValues("12531909")))
	assert.Equal(t, byte('5'), chileanRUTCheck(digitValues("76086428")))
	assert.Equal(t, byte('K'), chileanRUTCheck(digitValues("14351238")))
	assert.Equal(t, byte('F'), irishPPSNLetter(digitValues("6433435"), 0))
	assert.Equal(t, byte('O'), irishPPSNLetter(digitValues("6433435"), 'A'))
	assert.Equal(t, byte('O'), irishPPSNLetter(digitValues("1234567"), 'B'))
	assert.Equal(t, byte('T'), finnishHETUCheck(digitValues("131052308")))
	assert.Equal(t, byte('C'), finnishHETUCheck(digitValues("020792890")))
	// German Versicherungsnummer: area and date, then the serial; the letter apart.
	assert.Equal(t, byte(6), germanSVNRCheck(digitValues("1201018012"), 'M'))
	assert.Equal(t, byte(3), germanSVNRCheck(digitValues("6517083900"), 'J'))
	assert.Equal(t, byte(0), germanSVNRCheck(digitValues("5327066701"), 'W'))
}

func TestAlphanumericChecks(t *testing.T) {
	for _, tc := range []checkCase{
		{"16727230000197", true}, {"16727230000198", false},
		{"52785100000174", true}, {"52785100000164", false},
		{"12ABC34501DE35", true}, {"12ABC34501DE36", false}, // letters from July 2026
	} {
		assert.Equal(t, tc.valid, brazilianCNPJValid([]byte(tc.in)), "CNPJ %s", tc.in)
	}
	for in, want := range map[string]byte{
		"RCCMNL83S18D969": 'H', "RSSMRA85T10A562": 'S', "CNTCHR83T41D969": 'D',
		"RCCMNL83S18D96V": 'W', // omocodia: the last digit 9 written V
	} {
		assert.Equal(t, string(want), string(codiceFiscaleCheck([]byte(in))), "codice fiscale %s", in)
	}
	for in, want := range map[string]byte{"BOXW310820HNERXN0": '9', "GOMA850709MDFRRL0": '8', "PEGJ050101HJCRNNA": '6'} {
		assert.Equal(t, string(want), string(curpCheck([]byte(in))), "CURP %s", in)
	}
	for in, want := range map[string]byte{"GODE561231GR": '8', "VACE460910SX": '5', "MARL850709HZ": '6'} {
		assert.Equal(t, string(want), string(rfcCheck([]byte(in))), "RFC %s", in)
	}
	for _, tc := range []checkCase{{"27AAPFU0939F1ZV", true}, {"27AAPFU0939F1ZO", false}, {"27AAPFU0939F2ZV", false}} {
		assert.Equal(t, tc.valid, luhnMod36Valid([]byte(tc.in)), "GSTIN %s", tc.in)
	}
}
