package detector

import "testing"

func TestNationalID(t *testing.T) {
	runDetectionCases(t, NationalID, []detectionCase{
		// UK NINO.
		{in: "NINO AB123456C on file", want: []string{"AB123456C"}},
		{in: "ni: AB 12 34 56 C", want: []string{"AB 12 34 56 C"}},
		{in: "GB123456A", want: nil}, // prefix never issued
		{in: "DA123456A", want: nil}, // D never first
		{in: "AB123456E", want: nil}, // suffix A-D only
		{in: "part AB123456CX", want: nil},
		// Canadian SIN.
		{in: "SIN 046 454 286", want: []string{"046 454 286"}},
		{in: "sin: 046454286", want: []string{"046454286"}},
		{in: "046-454-286", want: []string{"046-454-286"}},
		{in: "046 454 287", want: nil},     // Luhn fails
		{in: "order 046454286", want: nil}, // bare, no context
		// Indian Aadhaar.
		{in: "aadhaar 2345 6789 0124", want: []string{"2345 6789 0124"}},
		{in: "UIDAI no. 498765432102", want: []string{"498765432102"}},
		{in: "2345 6789 0125", want: nil},  // Verhoeff fails
		{in: "id 498765432102", want: nil}, // bare, no context
		{in: "1345 6789 0124", want: nil},  // first digit 2-9
		// Brazilian CPF.
		{in: "CPF 529.982.247-25", want: []string{"529.982.247-25"}},
		{in: "cpf: 12345678909", want: []string{"12345678909"}},
		{in: "529.982.247-26", want: nil},  // check digit
		{in: "cpf 11111111111", want: nil}, // all the same
		{in: "ticket 12345678909", want: nil},
		// Spanish DNI and NIE.
		{in: "DNI 12345678Z", want: []string{"12345678Z"}},
		{in: "dni 12345678-Z", want: []string{"12345678-Z"}},
		{in: "NIE X1234567L", want: []string{"X1234567L"}},
		{in: "nie Y7654321G.", want: []string{"Y7654321G"}},
		{in: "12345678A", want: nil}, // wrong letter
		{in: "X1234567A", want: nil},
		// French NIR.
		{in: "NIR 1 84 12 76 451 089 46", want: []string{"1 84 12 76 451 089 46"}},
		{in: "n° sécurité sociale: 269059912345662", want: []string{"269059912345662"}},
		{in: "1 84 12 76 451 089 47", want: nil}, // key
		{in: "span 184127645108946", want: nil},  // bare, no context
		// Look-alikes.
		{in: "ts=1732480000000 order ORD-2024-000123456 v2.13.0", want: nil},
		{in: "550e8400-e29b-41d4-a716-446655440000", want: nil},
	})
}
