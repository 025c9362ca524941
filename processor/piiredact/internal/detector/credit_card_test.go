package detector

import "testing"

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
	})
}
