package detector

import "testing"

const sampleJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

func TestJWT(t *testing.T) {
	runDetectionCases(t, JWT, []detectionCase{
		{in: sampleJWT, want: []string{sampleJWT}},
		{in: "token=" + sampleJWT + "&x=1", want: []string{sampleJWT}},
		{in: "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.", want: []string{"eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0."}},
		{in: "eyJhbGciOiJIUzI1NiJ9", want: nil},
		{in: "eyJ.eyJ.x", want: nil},
		{in: "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc", want: nil},
	})
}
