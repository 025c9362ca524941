package detector

// Check-digit algorithms: every check a detector validates a value with is here, with
// its table tests in checkdigit_test.go, so that no detector reaches into another for
// one. Digits are passed as values 0-9, not characters; nothing here allocates.

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
