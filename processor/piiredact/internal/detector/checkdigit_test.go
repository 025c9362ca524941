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
