package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCreditCard(t *testing.T) {
	runDetectionCases(t, CreditCard, []detectionCase{
		{in: "4111111111111111", want: []string{"4111111111111111"}},
		{in: "card 4111 1111 1111 1111 ok", want: []string{"4111 1111 1111 1111"}},
		{in: "4111-1111-1111-1111", want: []string{"4111-1111-1111-1111"}},
		{in: "amex 378282246310005", want: []string{"378282246310005"}},
		{in: "amex 3782 822463 10005", want: []string{"3782 822463 10005"}},
		{in: "mc 5555555555554444, visa 4012888888881881", want: []string{"5555555555554444", "4012888888881881"}},
		{in: "mc2 2223003122003222", want: []string{"2223003122003222"}},
		{in: "discover 6011111111111117", want: []string{"6011111111111117"}},
		{in: "jcb 3530111333300000", want: []string{"3530111333300000"}},
		{in: "/pay/4111111111111111/confirm", want: []string{"4111111111111111"}},
		{in: "4111111111111112", want: nil},       // Luhn fails
		{in: "41111111111111111111", want: nil},   // 20 digits
		{in: "id4111111111111111", want: nil},     // glued to a word
		{in: "0.4111111111111111", want: nil},     // fraction
		{in: "4111 1111-1111 1111", want: nil},    // mixed separators
		{in: "1234567812345670", want: nil},       // Luhn-valid, no issuer
		{in: "ts=1700000000000000000", want: nil}, // ns timestamp
		{in: "4111 1111 1111 1111 1", want: []string{"4111 1111 1111 1111"}},
		{in: "4111 1111 1111 1111 4012 8888 8888 1881", want: []string{"4111 1111 1111 1111", "4012 8888 8888 1881"}},
		{in: "12 4111-1111-1111-1111", want: []string{"4111-1111-1111-1111"}},
		// Every length and brand Luhn validates, with any grouping.
		{in: "maestro 501800000009", want: []string{"501800000009"}},
		{in: "maestro 5018 0000 0009", want: []string{"5018 0000 0009"}},
		{in: "maestro 5018 0000 0000 7", want: []string{"5018 0000 0000 7"}},
		{in: "unionpay 6212 3456 7890 1234 569", want: []string{"6212 3456 7890 1234 569"}},
		{in: "unionpay 6212-34567890-1234569", want: []string{"6212-34567890-1234569"}},
		{in: "visa19 4111 1111 1111 1111 110", want: []string{"4111 1111 1111 1111 110"}},
		{in: "diners 3056 930902 5904", want: []string{"3056 930902 5904"}},
		{in: "jcb 35 66 00 20 20 36 05 05", want: []string{"35 66 00 20 20 36 05 05"}},
		{in: "411111111117", want: nil},      // 12 digits, Luhn-valid: only Maestro has 12
		{in: "123456789015", want: nil},      // 12 digits, no issuer
		{in: "4111 1 1111111111", want: nil}, // a one-digit group inside
	})
}

// A product's barcode that passes Luhn after a card's prefix (one in ten of
// Germany's 400–440 EAN-13s read as Visa's thirteen digits) is a barcode after a
// word naming one; the same digits elsewhere are a card.
func TestProductCodesAreNotCards(t *testing.T) {
	for in, want := range map[string]int{
		"scanned barcode 57668292883879":     0,
		`{"upc":"4083278088655"}`:            0,
		"EAN 4083278088655 not in catalogue": 0,
		"card 4083278088655":                 1,
		"4083278088655":                      1,
	} {
		assert.Len(t, creditCard{}.AppendMatches(nil, in), want, in)
	}
	assert.True(t, GS1Valid([]byte{4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3, 1})) // 4006381333931
}
