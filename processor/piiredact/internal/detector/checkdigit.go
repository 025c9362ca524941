package detector

import "strings"

// Check-digit algorithms: every check a detector validates a value with is here, with
// its table tests in checkdigit_test.go, so that no detector reaches into another for
// one. Digits are passed as values 0-9 and characters as upper-case ASCII; nothing
// here allocates.

// luhnValid reports whether the digits carry a valid Luhn (ISO/IEC 7812-1, mod 10)
// check digit: payment cards, Canadian SIN.
func luhnValid(d []byte) bool {
	sum := 0
	double := false
	for k := len(d) - 1; k >= 0; k-- {
		v := int(d[k])
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// Verhoeff's dihedral-group tables: multiplication in D5 and the position permutation.
var (
	verhoeffD = [10][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	verhoeffP = [8][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
)

// verhoeffValid reports whether the digits carry a valid Verhoeff check digit:
// Indian Aadhaar.
func verhoeffValid(d []byte) bool {
	var c byte
	for k := range d {
		c = verhoeffD[c][verhoeffP[k%8][d[len(d)-1-k]]]
	}
	return c == 0
}

// mod97 returns rem followed by the decimal digits d, modulo 97 (ISO 7064 MOD 97-10
// over a number too long for an integer).
func mod97(rem int, d []byte) int {
	for _, x := range d {
		rem = (rem*10 + int(x)) % 97
	}
	return rem
}

// mod97Alnum is mod97 over characters, each letter standing for the two digits of
// 10 (A) to 35 (Z), as IBANs are checked.
func mod97Alnum(rem int, b []byte) int {
	for _, c := range b {
		if isDigit(c) {
			rem = (rem*10 + int(c-'0')) % 97
			continue
		}
		rem = (rem*100 + int(c-'A') + 10) % 97
	}
	return rem
}

// ibanChecksumValid moves the first four characters of an IBAN to the end and
// checks that the number is 1 modulo 97 (ISO 13616).
func ibanChecksumValid(b []byte) bool {
	return mod97Alnum(mod97Alnum(0, b[4:]), b[:4]) == 1
}

// nirValid checks a French NIR: sex 1-4, 7 or 8 first, and the two-digit key
// 97 - (the first thirteen digits mod 97).
func nirValid(d []byte) bool {
	if d[0] != 1 && d[0] != 2 && d[0] != 3 && d[0] != 4 && d[0] != 7 && d[0] != 8 {
		return false
	}
	key := int(d[13])*10 + int(d[14])
	return key == 97-mod97(0, d[:13])
}

// cpfValid checks a Brazilian CPF: two mod-11 check digits, each over the digits
// before it with weights counting down to 2; eleven equal digits are refused.
func cpfValid(d []byte) bool {
	same := true
	for _, x := range d {
		same = same && x == d[0]
	}
	if same {
		return false
	}
	check := func(n int) byte {
		sum := 0
		for k := 0; k < n; k++ {
			sum += int(d[k]) * (n + 1 - k)
		}
		return byte(sum * 10 % 11 % 10)
	}
	return check(9) == d[9] && check(10) == d[10]
}

// dniLetters is the mod-23 check letter table of Spanish DNI and NIE numbers.
const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// dniLetter returns the check letter of a DNI number (or of a NIE's, its X, Y or Z
// read as 0, 1 or 2).
func dniLetter(n uint64) byte { return dniLetters[n%23] }

// weightedSum returns the sum of d[k]·w[k] over the first len(w) digits.
func weightedSum(d, w []byte) int {
	sum := 0
	for k, x := range w {
		sum += int(d[k]) * int(x)
	}
	return sum
}

// number returns the decimal number the digits spell.
func number(d []byte) uint64 {
	var n uint64
	for _, x := range d {
		n = n*10 + uint64(x)
	}
	return n
}

// Weights of the weighted-sum schemes, from the first digit on.
var (
	bsnWeights        = [...]byte{9, 8, 7, 6, 5, 4, 3, 2}
	peselWeights      = [...]byte{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	nifWeights        = [...]byte{9, 8, 7, 6, 5, 4, 3, 2}
	fnrWeights1       = [...]byte{3, 7, 6, 1, 8, 9, 4, 5, 2}
	fnrWeights2       = [...]byte{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
	svnrATWeights     = [...]byte{3, 7, 9, 0, 5, 8, 4, 2, 1, 6}
	nhsWeights        = [...]byte{10, 9, 8, 7, 6, 5, 4, 3, 2}
	cnpWeights        = [...]byte{2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9}
	cuitWeights       = [...]byte{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
	cnpjWeights1      = [...]byte{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	cnpjWeights2      = [...]byte{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	rvnrWeights       = [...]byte{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
	nitWeightsFromEnd = [...]byte{3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71}
)

// mod11Digit returns 11 - sum mod 11 as a check digit, 11 read as 0; 10 means the
// scheme has no digit for that sum (numbers that would need it are never issued).
func mod11Digit(sum int) int { return (11 - sum%11) % 11 }

// bsnValid checks a Dutch BSN: the "11-proof", 9·d1 + 8·d2 + ... + 2·d8 - d9 is a
// multiple of 11.
func bsnValid(d []byte) bool {
	return (weightedSum(d, bsnWeights[:])-int(d[8]))%11 == 0 && number(d) != 0
}

// peselValid checks a Polish PESEL's check digit: weights 1, 3, 7, 9 repeated, mod 10.
func peselValid(d []byte) bool {
	return (10-weightedSum(d, peselWeights[:])%10)%10 == int(d[10])
}

// portugueseNIFValid checks a Portuguese NIF: weights 9 to 2, mod 11, 10 read as 0.
func portugueseNIFValid(d []byte) bool {
	return mod11Digit(weightedSum(d, nifWeights[:]))%10 == int(d[8])
}

// norwegianFNRValid checks both mod-11 check digits of a Norwegian fødselsnummer.
func norwegianFNRValid(d []byte) bool {
	k1 := mod11Digit(weightedSum(d, fnrWeights1[:]))
	k2 := mod11Digit(weightedSum(d, fnrWeights2[:]))
	return k1 == int(d[9]) && k2 == int(d[10])
}

// austrianSVNRValid checks an Austrian Versicherungsnummer, whose fourth digit is the
// check: the weighted sum of the other nine, mod 11 (10 is never issued).
func austrianSVNRValid(d []byte) bool {
	return weightedSum(d, svnrATWeights[:])%11 == int(d[3])
}

// nhsValid checks a UK NHS number: weights 10 to 2, mod 11 (10 is never issued).
func nhsValid(d []byte) bool {
	return mod11Digit(weightedSum(d, nhsWeights[:])) == int(d[9])
}

// romanianCNPValid checks a Romanian CNP: the weighted sum mod 11, 10 read as 1.
func romanianCNPValid(d []byte) bool {
	c := weightedSum(d, cnpWeights[:]) % 11
	if c == 10 {
		c = 1
	}
	return c == int(d[12])
}

// argentineCUITValid checks a CUIT or CUIL: mod 11 with weights 5 to 2 and 7 to 2,
// 11 read as 0 and 10 as 9.
func argentineCUITValid(d []byte) bool {
	c := mod11Digit(weightedSum(d, cuitWeights[:]))
	if c == 10 {
		c = 9
	}
	return c == int(d[10])
}

// czechBirthNumberValid checks a ten-digit Czech or Slovak rodné číslo: the number
// is a multiple of 11, or its first nine digits leave 10 and the last digit is 0.
func czechBirthNumberValid(d []byte) bool {
	return number(d)%11 == 0 || (number(d[:9])%11 == 10 && d[9] == 0)
}

// belgianNationalNumberValid checks the two-digit mod-97 key of a Belgian national
// number: 97 minus the first nine digits mod 97, or, for people born from 2000 on,
// with a 2 written before them.
func belgianNationalNumberValid(d []byte) bool {
	key := int(d[9])*10 + int(d[10])
	return key == 97-mod97(0, d[:9]) || key == 97-mod97(2, d[:9])
}

// ean13Valid checks an EAN-13 (GTIN) check digit, as Swiss AHV numbers use: weights
// 1 and 3 from the left, mod 10.
func ean13Valid(d []byte) bool {
	sum := 0
	for k := 0; k < 12; k++ {
		sum += int(d[k]) * (1 + 2*(k%2))
	}
	return (10-sum%10)%10 == int(d[12])
}

// iso7064Mod11_10Valid checks a check digit of ISO 7064 MOD 11,10 (pure system for
// decimal digits): German Steuer-ID, Croatian OIB.
func iso7064Mod11_10Valid(d []byte) bool {
	p := 10
	for _, x := range d[:len(d)-1] {
		s := (int(x) + p) % 10
		if s == 0 {
			s = 10
		}
		p = s * 2 % 11
	}
	return (11-p)%10 == int(d[len(d)-1])
}

// colombianNITDigit returns the check digit of a Colombian NIT's digits: prime
// weights from the last digit on, mod 11, 0 and 1 kept, others subtracted from 11.
func colombianNITDigit(d []byte) byte {
	sum := 0
	for k := 0; k < len(d) && k < len(nitWeightsFromEnd); k++ {
		sum += int(d[len(d)-1-k]) * int(nitWeightsFromEnd[k])
	}
	if r := sum % 11; r > 1 {
		return byte(11 - r)
	}
	return byte(sum % 11)
}

// chileanRUTCheck returns the check character of a Chilean RUT/RUN's digits:
// weights 2 to 7 from the last digit, mod 11, 11 read as '0' and 10 as 'K'.
func chileanRUTCheck(d []byte) byte {
	sum := 0
	for k := 0; k < len(d); k++ {
		sum += int(d[len(d)-1-k]) * (2 + k%6)
	}
	switch c := 11 - sum%11; c {
	case 11:
		return '0'
	case 10:
		return 'K'
	default:
		return byte('0' + c)
	}
}

// irishPPSNLetter returns the check letter of an Irish PPS number's seven digits and
// its second letter (0 for none; 'A', 'B' or 'H' count, with a weight of 9).
func irishPPSNLetter(d []byte, second byte) byte {
	sum := 0
	for k := 0; k < 7; k++ {
		sum += int(d[k]) * (8 - k)
	}
	if second >= 'A' && second <= 'Z' {
		sum += 9 * int(second-'A'+1)
	}
	return "WABCDEFGHIJKLMNOPQRSTUV"[sum%23]
}

// finnishHETUCheck returns the check character of a Finnish HETU: the nine digits
// of date and individual number mod 31, read in a table that leaves out G, I, O, Q
// and Z.
func finnishHETUCheck(d []byte) byte {
	return "0123456789ABCDEFHJKLMNPRSTUVWXY"[number(d)%31]
}

// germanSVNRCheck returns the check digit of a German Versicherungsnummer from its
// first eleven characters: the letter becomes its two-digit place in the alphabet,
// the twelve digits are weighted 2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1, the products'
// digit sums added, mod 10 (VKVV § 2 (6)).
func germanSVNRCheck(d []byte, letter byte) byte {
	var digits [12]byte
	copy(digits[:8], d[:8])
	pos := letter - 'A' + 1
	digits[8], digits[9] = pos/10, pos%10
	digits[10], digits[11] = d[8], d[9]
	sum := 0
	for k, w := range rvnrWeights {
		p := int(digits[k]) * int(w)
		sum += p/10 + p%10
	}
	return byte(sum % 10)
}

// brazilianCNPJValid checks a CNPJ's two mod-11 check digits; the twelve characters
// before them are digits or, from July 2026, upper-case letters, each worth its
// ASCII code minus 48.
func brazilianCNPJValid(c []byte) bool {
	var v [13]byte
	for k := 0; k < 12; k++ {
		v[k] = c[k] - '0'
	}
	d1 := mod11Digit(weightedSum(v[:], cnpjWeights1[:])) % 10
	v[12] = byte(d1)
	d2 := mod11Digit(weightedSum(v[:], cnpjWeights2[:])) % 10
	return int(c[12]-'0') == d1 && int(c[13]-'0') == d2
}

// codiceFiscaleOdd is the value of each character (0-9, then A-Z) in an odd place
// of an Italian codice fiscale; in an even place a digit is worth itself and a
// letter its place in the alphabet from 0.
var codiceFiscaleOdd = [36]byte{
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
}

// codiceFiscaleCheck returns the check letter of a codice fiscale's first fifteen
// characters (upper-case letters and digits).
func codiceFiscaleCheck(c []byte) byte {
	sum := 0
	for k := 0; k < 15; k++ {
		x := c[k]
		i, even := int(x-'0'), int(x-'0')
		if isUpper(x) {
			i, even = int(x-'A')+10, int(x-'A')
		}
		if k%2 == 0 {
			sum += int(codiceFiscaleOdd[i])
		} else {
			sum += even
		}
	}
	return byte('A' + sum%26)
}

// mexicanAlphabet orders the characters of a CURP or RFC for their check digits;
// '&' stands where Ñ sorts in Spanish.
const mexicanAlphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"

// curpCheck returns the check digit of a CURP's first seventeen characters: weights
// 18 down to 2, mod 10.
func curpCheck(c []byte) byte {
	sum := 0
	for k := 0; k < 17; k++ {
		sum += strings.IndexByte(mexicanAlphabet, c[k]) * (18 - k)
	}
	return byte('0' + (10-sum%10)%10)
}

// rfcCheck returns the check character of a person's RFC from its first twelve
// characters: weights 13 down to 2, mod 11, 10 written 'A'.
func rfcCheck(c []byte) byte {
	sum := 0
	for k := 0; k < 12; k++ {
		sum += strings.IndexByte(mexicanAlphabet, c[k]) * (13 - k)
	}
	return mexicanAlphabet[mod11Digit(sum)]
}

// luhnMod36Valid checks a Luhn mod 36 check character over digits and upper-case
// letters (0-9 then A-Z): Indian GSTIN.
func luhnMod36Valid(c []byte) bool {
	sum := 0
	double := false
	for k := len(c) - 1; k >= 0; k-- {
		v := int(c[k] - '0')
		if isUpper(c[k]) {
			v = int(c[k]-'A') + 10
		}
		if double {
			v *= 2
			v = v/36 + v%36
		}
		sum += v
		double = !double
	}
	return sum%36 == 0
}
