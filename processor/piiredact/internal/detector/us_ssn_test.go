package detector

import "testing"

func TestUSSSN(t *testing.T) {
	runDetectionCases(t, USSSN, []detectionCase{
		{in: "ssn 123-45-6789", want: []string{"123-45-6789"}},
		{in: "123 45 6789", want: []string{"123 45 6789"}},
		{in: "000-12-3456", want: nil},  // area 000
		{in: "666-12-3456", want: nil},  // area 666
		{in: "900-12-3456", want: nil},  // area 9xx
		{in: "123-00-4567", want: nil},  // group 00
		{in: "123-45-0000", want: nil},  // serial 0000
		{in: "123-45 6789", want: nil},  // mixed separators
		{in: "123456789", want: nil},    // bare digits
		{in: "1123-45-6789", want: nil}, // longer run
		{in: "123-45-67890", want: nil},
		{in: "SSN: 123456789", want: []string{"123456789"}},
		// The word names the value after it, not one of the next field.
		{in: "ssn=062-11-4983&http_response_body_size=826272486", want: []string{"062-11-4983"}},
	})
}
