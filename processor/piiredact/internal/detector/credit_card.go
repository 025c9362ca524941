package detector

// CreditCard is the name of the credit_card detector.
const CreditCard = "credit_card"

var creditCardBuiltin = Builtin{
	Name:      CreditCard,
	New:       func(_ Options) Detector { return creditCard{} },
	Prefilter: Prefilter{MinDigits: minCardDigits},
}

// creditCard finds payment card numbers: 12 to 19 digits, optionally grouped by a
// single kind of separator (space or dash) in groups of 2 to 8 (the last may be a
// single digit: "5018 0000 0000 9"), with a known issuer prefix for the length, and a
// valid Luhn check digit. The prefix and Luhn rules are
// what keep millisecond and nanosecond timestamps, order numbers and IDs unmasked.
type creditCard struct{}

const (
	minCardDigits = 12 // Maestro; every other issuer starts at 13
	minCardGroup  = 2
	maxCardGroup  = 8
	maxCardDigits = 19
)

func (creditCard) Name() string { return CreditCard }

func (creditCard) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if !numberStartsAt(s, i) {
			i = skipDigits(s, i)
			continue
		}
		if end, ok := scanCard(s, i); ok {
			dst = append(dst, Match{Start: i, End: end})
			i = end
			continue
		}
		i = skipDigits(s, i)
	}
	return dst
}

// scanCard reads a card number starting at digit i and returns the end of the
// longest valid one that ends at a group boundary, so that in a run of grouped
// digits longer than a card ("4111 1111 1111 1111 4111 ...") each card is found.
func scanCard(s string, i int) (int, bool) {
	var digits [maxCardDigits]byte
	n, group, best := 0, 0, 0
	var sep byte
	j := i
	for {
		for j < len(s) && isDigit(s[j]) {
			if n == maxCardDigits {
				return best, best > 0
			}
			digits[n] = s[j] - '0'
			n++
			group++
			j++
		}
		if sep != 0 && group > maxCardGroup {
			break
		}
		// Twelve bare digits are an account or order number as often as a Maestro card:
		// they are one only printed in groups or after a word naming a card.
		bareTwelve := n == minCardDigits && sep == 0 && !hasContext(s, i, cardContext[:])
		if n >= minCardDigits && !bareTwelve && cardEndsAt(s, j) && issuerAccepts(digits[:n]) && luhnValid(digits[:n]) &&
			!productCode(s, i, sep, digits[:n]) {
			best = j
		}
		if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && isDigit(s[j+1]) && (sep == 0 || sep == s[j]) && group >= minCardGroup && group <= maxCardGroup {
			sep = s[j]
			group = 0
			j++
			continue
		}
		break
	}
	return best, best > 0
}

// cardEndsAt accepts the end of a number or a group boundary inside a longer run.
func cardEndsAt(s string, j int) bool {
	if numberEndsAt(s, j) {
		return true
	}
	return j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && isDigit(s[j+1])
}

// issuerAccepts reports whether the leading digits name a card issuer that uses
// this length (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro).
func issuerAccepts(d []byte) bool {
	n := len(d)
	p2 := int(d[0])*10 + int(d[1])
	p3 := p2*10 + int(d[2])
	p4 := p3*10 + int(d[3])
	switch {
	case n < 13:
		// Only Maestro issues 12-digit cards.
		return p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67
	case d[0] == 4:
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720:
		return n == 16
	case p2 == 34 || p2 == 37:
		return n == 15
	case p2 == 36 || p2 == 38 || p2 == 39 || (p3 >= 300 && p3 <= 305):
		return n >= 14
	case p4 >= 3528 && p4 <= 3589:
		return n >= 16
	case p2 == 62 || p2 == 65 || p4 == 6011 || (p3 >= 644 && p3 <= 649):
		return n >= 16
	case p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67:
		return true
	}
	return false
}

// GS1Valid reports digits whose last is GS1's check digit (GTIN-8, -12, -13, -14,
// ISBN-13): weights 3 and 1 from the right, before the check digit.
func GS1Valid(d []byte) bool {
	if len(d) < 8 {
		return false
	}
	sum := 0
	for k := len(d) - 2; k >= 0; k-- {
		w := 1
		if (len(d)-2-k)%2 == 0 {
			w = 3
		}
		sum += int(d[k]) * w
	}
	return (10-sum%10)%10 == int(d[len(d)-1])
}

// productCode reports digits printed bare, as a barcode is, that pass GS1's check
// digit after a word naming a barcode: a product, not a card.
func productCode(s string, i int, sep byte, d []byte) bool {
	return sep == 0 && len(d) <= 14 && GS1Valid(d) && hasContext(s, i, productCodeContext[:])
}
