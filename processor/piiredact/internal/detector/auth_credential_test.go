package detector

import "testing"

func TestAuthCredential(t *testing.T) {
	runDetectionCases(t, AuthCredential, []detectionCase{
		{in: "Bearer mF_9.B5f-4.1JqM", want: []string{"mF_9.B5f-4.1JqM"}},
		{in: "Authorization: bearer 8f14e45fceea167a5a36dedd4bea2543", want: []string{"8f14e45fceea167a5a36dedd4bea2543"}},
		{in: "Basic dXNlcjpwYXNzd29yZA==", want: []string{"dXNlcjpwYXNzd29yZA=="}},
		{in: "basic YWxhZGRpbjpvcGVuc2VzYW1l", want: []string{"YWxhZGRpbjpvcGVuc2VzYW1l"}},
		{in: "Basic aGVsbG93b3JsZA==", want: nil}, // decodes without ':'
		{in: "Bearer tokens", want: nil},
		{in: "basic information", want: nil},
		{in: "subearer 8f14e45fceea167a5a36", want: nil},
	})
}

// A word after "token" that is a name ("kubectl create token orders-sa") is none.
func TestAuthCredentialNotANamesWord(t *testing.T) {
	runDetectionCases(t, AuthCredential, []detectionCase{
		{in: "kubectl create token orders-sa --duration=1h", want: nil},
		{in: "Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b", want: []string{"9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"}},
	})
}
