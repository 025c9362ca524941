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
