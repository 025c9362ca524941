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
		// Environment assignments in command lines.
		{in: "PGPASSWORD=s3cr3t psql -h db -U app", want: []string{"s3cr3t"}},
		{in: "env MYSQL_PWD=hunter2 REDIS_PASSWORD=r3d1s GITHUB_TOKEN=abc123 make", want: []string{"hunter2", "r3d1s", "abc123"}},
		{in: "APP_SECRET=topsecret ./run", want: []string{"topsecret"}},
		// Connection strings.
		{in: "Server=db;Database=app;User Id=sa;Password=P@ss w0rd!;", want: []string{"P@ss w0rd!"}},
		{in: "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Hunter2;", want: []string{"Hunter2"}},
		{in: "Driver={ODBC};Server=db;Uid=sa;Pwd=hunter2;", want: []string{"hunter2"}},
		{in: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=bXlrZXk=;EndpointSuffix=core.windows.net", want: []string{"bXlrZXk="}},
		{in: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=c2VjcmV0=", want: []string{"c2VjcmV0="}},
		// Configuration dumps, every notation.
		{in: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", want: []string{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}},
		{in: "aws_session_token: FwoGZXIvYXdzEJr", want: []string{"FwoGZXIvYXdzEJr"}},
		{in: `{"client_secret": "s3cr3t value", "client_id": "app"}`, want: []string{"s3cr3t value"}},
		{in: `{\"password\":\"hunter2\"}`, want: []string{"hunter2"}},
		{in: "dd_api_key=0123456789abcdef0123456789abcdef", want: []string{"0123456789abcdef0123456789abcdef"}},
		// Cookies in free text.
		// A cookie that identifies nobody stays.
		{in: "GET / HTTP/1.1\r\nCookie: sid=31d4d96e; theme=dark\r\nHost: x", want: []string{"31d4d96e"}},
		{in: "Cookie: prefs=a9f3c2e18b7d4f60a9f3; lang=en-GB", want: []string{"a9f3c2e18b7d4f60a9f3"}},
		// "code" is OAuth's in a query; a status elsewhere.
		{in: "rpc error: code = DeadlineExceeded desc = context deadline exceeded", want: nil},
		{in: "upstream failed code=404 path=/x", want: nil},
		{in: `{"error":{"code":"NSURLErrorDomain -1009"}}`, want: nil},
		{in: "exchanging code=4/0AfJohXk2Lq9 for a token", want: []string{"4/0AfJohXk2Lq9"}},
		{in: "Set-Cookie: session=abc123; Path=/; HttpOnly", want: []string{"abc123"}},
		{in: "https://app.example.com/cb#access_token=ya29.a0AfH6&token_type=Bearer", want: []string{"ya29.a0AfH6"}},
		{in: "upstream said: Authorization: Bearer abc.def", want: nil}, // auth_credential's
		{in: "Authorization: Token abcdef0123 retry", want: []string{"Token abcdef0123"}},
		// Look-alikes.
		{in: "https://example.com:8443/path", want: nil},
		{in: "retry_token_bucket: 10ms", want: nil},
		{in: "12:30:45 password reset requested", want: nil},
		{in: "tokens: 4096", want: nil},
	})
}

// TestURLCredentialLinksAndDSNs: a link's token in its path, the passwords of data
// source names that are not URLs, and what stays.
func TestURLCredentialLinksAndDSNs(t *testing.T) {
	runDetectionCases(t, URLCredential, []detectionCase{
		{in: "https://shop.example.com/password/reset/0WS18pmjexeedxQECotsTEer4W", want: []string{"0WS18pmjexeedxQECotsTEer4W"}},
		{in: "GET /invite/accept/7iav90FqZsAe0k4EMriX6tCN HTTP/1.1", want: []string{"7iav90FqZsAe0k4EMriX6tCN"}},
		{in: "https://hooks.example.com/api/v1/webhooks/892544/ekCcKDZWvrGmZaz3xja", want: []string{"ekCcKDZWvrGmZaz3xja"}},
		{in: "app:g0-Pa55@tcp(db.internal:3306)/shop?parseTime=true", want: []string{"g0-Pa55"}},
		{in: "jdbc:oracle:thin:app/ora-Pa55@//db.internal:1521/ORCLPDB1", want: []string{"ora-Pa55"}},
		{in: "DATABASE_URL=app/ez-Pa55@db.internal:1521/ORCLPDB1", want: []string{"ez-Pa55"}},
		{in: "Password=x-Pa55 (attempt 1/5)", want: []string{"x-Pa55"}},
		// Kept: booleans, masks, paths, labels, prose, reports, images.
		{in: "MUST_CHANGE_PASSWORD = FALSE: connection reset", want: nil},
		{in: "(using password: YES)", want: nil},
		{in: "password=<redacted>, tier=GOLD", want: nil},
		{in: "TTY=pts/0 ; PWD=/home/deploy ; USER=root", want: nil},
		{in: "auth: method=oidc provider=okta", want: nil},
		{in: "password: minimum length 12 not met", want: nil},
		{in: "https://shop.example.com/reset/report-2025-11-07.pdf", want: nil},
		{in: "docker.io/library/nginx@sha256:3cf6166a695af637ad048aa434b8305c", want: nil},
		{in: `{"continuation_token":"eyJwYWdlIjo0NH0="}`, want: nil},
		{in: "rpc error: code = ORA-00942 desc = gone", want: nil},
	})
}
