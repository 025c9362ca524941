package detector

import "testing"

func TestIBAN(t *testing.T) {
	runDetectionCases(t, IBAN, []detectionCase{
		{in: "DE89370400440532013000", want: []string{"DE89370400440532013000"}},
		{in: "iban: DE89 3704 0044 0532 0130 00, thanks", want: []string{"DE89 3704 0044 0532 0130 00"}},
		{in: "GB82WEST12345698765432", want: []string{"GB82WEST12345698765432"}},
		{in: "FR1420041010050500013M02606", want: []string{"FR1420041010050500013M02606"}},
		{in: "NO9386011117947", want: []string{"NO9386011117947"}},
		{in: "DE89370400440532013001", want: nil},  // mod-97 fails
		{in: "DE8937040044053201300", want: nil},   // wrong length
		{in: "XX89370400440532013000", want: nil},  // unknown country
		{in: "ADE89370400440532013000", want: nil}, // glued
	})
}

// A country whose account part is digits alone: letters there make a key ID, not an IBAN.
func TestIBANNumericBBAN(t *testing.T) {
	runDetectionCases(t, IBAN, []detectionCase{
		{in: "Good signature from key BE8842A3691E92C8", want: nil},
		{in: "refund to BE71 0961 2345 6769", want: []string{"BE71 0961 2345 6769"}},
	})
}
