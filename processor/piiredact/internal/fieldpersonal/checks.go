package fieldpersonal

import (
	"math/big"
	"strconv"
	"strings"
)

// luhnDigit is the check digit that makes digits+d pass the Luhn test.
func luhnDigit(digits string) byte {
	sum := 0
	double := true
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// ibanCheck is the two check digits of an IBAN (ISO 13616, mod 97).
func ibanCheck(country, bban string) string {
	var b strings.Builder
	for _, r := range bban + country + "00" {
		if r >= 'A' && r <= 'Z' {
			b.WriteString(strconv.Itoa(int(r-'A') + 10))
		} else {
			b.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(b.String(), 10)
	m := new(big.Int).Mod(n, big.NewInt(97)).Int64()
	c := 98 - m
	if c < 10 {
		return "0" + strconv.FormatInt(c, 10)
	}
	return strconv.FormatInt(c, 10)
}

// weightedMod11 returns sum(d[i]*w[i]) mod 11.
func weightedMod11(digits string, weights []int) int {
	s := 0
	for i := range weights {
		s += int(digits[i]-'0') * weights[i]
	}
	return s % 11
}

// cpfDigits appends Brazil's CPF check digits to nine digits.
func cpfDigits(nine string) string {
	d := nine
	for n := 10; n <= 11; n++ {
		s := 0
		for i := 0; i < n-1; i++ {
			s += int(d[i]-'0') * (n - i)
		}
		r := s * 10 % 11
		if r == 10 {
			r = 0
		}
		d += strconv.Itoa(r)
	}
	return d
}

// cnpjDigits appends Brazil's CNPJ check digits to twelve digits.
func cnpjDigits(twelve string) string {
	d := twelve
	for _, w := range [][]int{{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}, {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}} {
		s := 0
		for i := range w {
			s += int(d[i]-'0') * w[i]
		}
		r := s % 11
		if r < 2 {
			r = 0
		} else {
			r = 11 - r
		}
		d += strconv.Itoa(r)
	}
	return d
}

// rutDigit is Chile's RUT check character.
func rutDigit(body string) string {
	s, m := 0, 2
	for i := len(body) - 1; i >= 0; i-- {
		s += int(body[i]-'0') * m
		m++
		if m > 7 {
			m = 2
		}
	}
	switch r := 11 - s%11; r {
	case 11:
		return "0"
	case 10:
		return "K"
	default:
		return strconv.Itoa(r)
	}
}

// cuitDigit is Argentina's CUIT/CUIL check digit (mod 11), or -1 when the body
// has none (such numbers are not issued).
func cuitDigit(ten string) int {
	r := 11 - weightedMod11(ten, []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
	switch r {
	case 11:
		return 0
	case 10:
		return -1
	}
	return r
}

var verhoeffD = [10][10]int{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
	{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
	{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
	{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
}
var verhoeffP = [8][10]int{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
	{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 7, 8, 6, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
	{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
}
var verhoeffInv = [10]int{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}

// verhoeff is the Verhoeff check digit of digits (Aadhaar).
func verhoeff(digits string) int {
	c := 0
	for i := 0; i < len(digits); i++ {
		c = verhoeffD[c][verhoeffP[(i+1)%8][int(digits[len(digits)-1-i]-'0')]]
	}
	return verhoeffInv[c]
}

// elevenProof reports whether a Dutch BSN passes the 11-proof.
func elevenProof(nine string) bool {
	s := 0
	for i := 0; i < 8; i++ {
		s += int(nine[i]-'0') * (9 - i)
	}
	s -= int(nine[8] - '0')
	return s%11 == 0
}

// dniLetter is Spain's DNI/NIE control letter.
func dniLetter(n int) byte { return "TRWAGMYFPDXBNJZSQVHLCKE"[n%23] }

// peselDigit is Poland's PESEL check digit of its first ten digits.
func peselDigit(ten string) int {
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	s := 0
	for i := range w {
		s += int(ten[i]-'0') * w[i]
	}
	return (10 - s%10) % 10
}

// nhsDigit is the NHS number's mod-11 check digit, or -1 (10: not issued).
func nhsDigit(nine string) int {
	s := 0
	for i := 0; i < 9; i++ {
		s += int(nine[i]-'0') * (10 - i)
	}
	r := 11 - s%11
	if r == 11 {
		return 0
	}
	if r == 10 {
		return -1
	}
	return r
}

// hetuChar is Finland's HETU check character for DDMMYY+NNN.
func hetuChar(nine string) byte {
	n, _ := strconv.Atoi(nine)
	return "0123456789ABCDEFHJKLMNPRSTUVWXY"[n%31]
}

// nifDigit is Portugal's NIF check digit of its first eight digits.
func nifDigit(eight string) int {
	r := 11 - weightedMod11(eight, []int{9, 8, 7, 6, 5, 4, 3, 2})
	if r >= 10 {
		return 0
	}
	return r
}
