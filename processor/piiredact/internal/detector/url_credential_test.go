package detector

import "testing"

func TestURLCredential(t *testing.T) {
	runDetectionCases(t, URLCredential, []detectionCase{
		{in: "https://shop.example.com/pay?token=abc123&amount=5", want: []string{"abc123"}},
		{in: "postgres://admin:hunter2@db.internal:5432/app", want: []string{"admin:hunter2"}},
		{in: "https://user@example.com/", want: []string{"user"}},
		{in: "/cb?code=xyz&state=1&client_secret=s3cr3t", want: []string{"xyz", "s3cr3t"}},
		{in: "login failed user=bob password=hunter2 ip=x", want: []string{"hunter2"}},
		{in: "https://s3.amazonaws.com/b/k?X-Amz-Signature=deadbeef&X-Amz-Expires=60", want: []string{"deadbeef"}},
		{in: "https://example.com/a?page=2&sort=asc", want: nil},
		{in: "https://example.com/@user/profile", want: nil},
		{in: "token=", want: nil},
		{in: "mytoken=abc", want: nil},
		{in: "?token=[REDACTED:url_credential]&x=1", want: nil},
	})
}
