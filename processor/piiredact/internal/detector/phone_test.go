package detector

import "testing"

func TestPhone(t *testing.T) {
	runDetectionCases(t, Phone, []detectionCase{
		{in: "+14155552671", want: []string{"+14155552671"}},
		{in: "call +1 (415) 555-2671 now", want: []string{"+1 (415) 555-2671"}},
		{in: "+44 20 7946 0958", want: []string{"+44 20 7946 0958"}},
		{in: "+33 1 23 45 67 89", want: []string{"+33 1 23 45 67 89"}},
		{in: "(415) 555-2671", want: []string{"(415) 555-2671"}},
		{in: "415-555-2671", want: []string{"415-555-2671"}},
		{in: "415.555.2671", want: []string{"415.555.2671"}},
		{in: "1-415-555-2671", want: []string{"1-415-555-2671"}},
		{in: "020 7946 0958", want: []string{"020 7946 0958"}},
		{in: "01 23 45 67 89", want: []string{"01 23 45 67 89"}},
		{in: "415-555-0199 415-555-0199", want: []string{"415-555-0199", "415-555-0199"}},
		{in: "415-555-2671-99", want: nil},
		{in: "4155552671", want: nil},   // bare digits
		{in: "115-555-2671", want: nil}, // area starts with 1
		{in: "415-155-2671", want: nil}, // exchange starts with 1
		{in: "415-555.2671", want: nil}, // mixed separators
		{in: "+123", want: nil},         // too short
		{in: "+1.5 degrees", want: nil},
		{in: "01 02 2024", want: nil},
	})
}
