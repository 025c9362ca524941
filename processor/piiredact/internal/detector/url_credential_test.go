package detector

import "testing"

func TestURLCredential(t *testing.T) {
	runDetectionCases(t, URLCredential, []detectionCase{
		{in: "https://shop.example.com/pay?token=abc123&amount=5", want: []string{"abc123"}},
		{in: "postgres://admin:hunter2@db.internal:5432/app", want: []string{"admin:hunter2"}},
		// A user name alone is an account; a token as the user, a password after it
		// (unless masked or a reference) are credentials.
		{in: "https://user@example.com/", want: nil},
		{in: "postgres://svc_orders@db.internal:5432/orders?sslmode=require", want: nil},
		{in: "postgres://app:****@db.internal/orders", want: nil},
		{in: "postgres://app:${DB_PASSWORD}@db.internal/orders", want: nil},
		{in: "https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/acme/x.git", want: []string{"ghp_16C7e42F292c6912E7710c838347Ae178B4a"}},
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
		// A cookie's value ends at a space or a ']' (Go's header map): what follows is not its.
		{in: "map[Cookie:[theme=dark; sessionid=abcdefghijklmnop12345] User-Agent:[Go-http-client/1.1]]", want: []string{"abcdefghijklmnop12345"}},
		{in: "Set-Cookie: sid=31d4d96e; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/", want: []string{"31d4d96e"}},
		// A percent-escape is one byte: a time zone's name is a setting.
		{in: "Cookie: theme=dark; lang=en-GB; tz=Europe%2FLondon", want: nil},
		// GraphQL declares and passes variables; SQL Server's N'…' literal; PKCE's verifier.
		{in: `mutation Login($password: String!) { login(password: $password) { token } }`, want: nil},
		{in: "EXEC sp_addlinkedsrvlogin @rmtuser = N'etl', @rmtpassword = N'Ls-55x'", want: []string{"Ls-55x"}},
		{in: "grant_type=authorization_code&code_verifier=A3ZBAU8jrnlI3Dcgs96c&code_challenge_method=S256", want: []string{"A3ZBAU8jrnlI3Dcgs96c"}},
		// Request signatures (OAuth 1.0a, Shopify) and vendors' Authorization schemes.
		{in: "?oauth_signature_method=HMAC-SHA1&oauth_signature=h2JxBSuTvPfM4VdH%3D&oauth_version=1.0", want: []string{"h2JxBSuTvPfM4VdH%3D"}},
		{in: "/auth/callback?hmac=4712bf92ffc2917d15a2f5a273e39f0116667419afbebbd6&shop=acme.myshopify.com", want: []string{"4712bf92ffc2917d15a2f5a273e39f0116667419afbebbd6"}},
		{in: "Authorization: SharedKey acmeorders:bdio2DUW/OATt9L//n8CACMuHrc=", want: []string{"SharedKey acmeorders:bdio2DUW/OATt9L//n8CACMuHrc="}},
		// An authorization code of letters alone that reads as random.
		{in: "code=TiQmobVpzRpjtuXzNQkS-GzEdahhVx&state=4cbfa42006fe1e50", want: []string{"TiQmobVpzRpjtuXzNQkS-GzEdahhVx"}},
		// A flow's word inside a PEM block's base64 line is no link.
		{in: "-----BEGIN PUBLIC KEY-----\nXj//Otp/bkCvEVKtSjxVUrBqhOptV5g5ndJHIl/MIXvMtvPv7TQIUbhknAUUPqLq\n-----END PUBLIC KEY-----", want: nil},
		{in: "GET /otp/bkCvEVKtSjxVUrBqhOptV5g5ndJHIl HTTP/1.1", want: []string{"bkCvEVKtSjxVUrBqhOptV5g5ndJHIl"}},
		// A method under "auth", a count under "pass".
		{in: "request done auth=oauth2 pass=8 status=200", want: nil},
		{in: "login auth=hunter2hunter290 pass=S3cret", want: []string{"hunter2hunter290", "S3cret"}},
		// requests' auth tuple, Digest's parameter list, a .pgpass line; and what is none.
		{in: "requests.get(url, auth=('app', 'Rq-S3cret-55'))", want: []string{"Rq-S3cret-55"}},
		{in: `Authorization: Digest username="app", realm="api", response="6629fae49393a05397450978507c4ef1"`, want: []string{`Digest username="app", realm="api", response="6629fae49393a05397450978507c4ef1"`}},
		{in: "cat ~/.pgpass\ndb.internal:5432:orders:app:Pgp4ss-55x\n", want: []string{"Pgp4ss-55x"}},
		{in: "fd00:10:244::5 10:15:30 2001:db8:85a3:8d3:1319 5E1B:30301:96604C:18B62C:8160D828", want: nil},
		{in: "<Changed>2025-10-01T08:00:00Z</Changed><Created>2025-12-04T11:08:44.859Z</Created>", want: nil},
		// Base64 that happens to hold a parameter's name ("…/SIg==") is none.
		{in: "Content-Security-Policy: script-src 'nonce-gtAaT1yd2Ef2EK5E3I/SIg=='", want: nil},
		// A cache key's path segment, not a name and its value.
		{in: "GET rate_limit:api_key:99315", want: nil},
		// Query keys of vendors that name no credential in words.
		{in: "https://api.openweathermap.org/data/2.5/weather?q=London&appid=93afc712acd054d9&units=metric", want: []string{"93afc712acd054d9"}},
		{in: "X-Sentry-Auth: Sentry sentry_version=7, sentry_key=82b274afdaabc4f0", want: []string{"82b274afdaabc4f0"}},
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
