package holdout

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Statements: SQL dialects' user management, Redis, MongoDB, and how servers log
// them.
type stmt struct {
	name string
	make func(g *gen, pw string) (text, held, keep string)
}

var stmts = []stmt{
	{"pg-create-role", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "CREATE ROLE reporting WITH LOGIN PASSWORD '" + q + "' VALID UNTIL '2026-01-01'", q, "VALID UNTIL '2026-01-01'"
	}},
	{"pg-alter-user", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "ALTER USER app WITH ENCRYPTED PASSWORD '" + q + "'", q, "ALTER USER app WITH ENCRYPTED PASSWORD"
	}},
	{"mysql-create-user", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "CREATE USER 'app'@'%' IDENTIFIED BY '" + q + "' REQUIRE SSL", q, "REQUIRE SSL"
	}},
	{"mysql-identified-with", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "ALTER USER 'app'@'10.0.%' IDENTIFIED WITH caching_sha2_password BY '" + q + "'", q, "IDENTIFIED WITH caching_sha2_password BY"
	}},
	{"mysql-set-password", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "SET PASSWORD FOR 'app'@'localhost' = '" + q + "'", q, "SET PASSWORD FOR 'app'@'localhost'"
	}},
	{"mysql-grant-identified", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "GRANT ALL PRIVILEGES ON shop.* TO 'app'@'%' IDENTIFIED BY '" + q + "' WITH GRANT OPTION", q, "WITH GRANT OPTION"
	}},
	{"mssql-create-login", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "CREATE LOGIN reporting WITH PASSWORD = N'" + q + "', CHECK_POLICY = OFF", q, "CHECK_POLICY = OFF"
	}},
	{"oracle-identified", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "ALTER USER app IDENTIFIED BY \"" + p + "\" ACCOUNT UNLOCK", p, "ACCOUNT UNLOCK"
	}},
	{"clickhouse-create-user", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "CREATE USER loader IDENTIFIED WITH sha256_password BY '" + q + "' DEFAULT ROLE etl", q, "DEFAULT ROLE etl"
	}},
	{"cassandra-create-role", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "CREATE ROLE app WITH PASSWORD = '" + q + "' AND LOGIN = true", q, "AND LOGIN = true"
	}},
	{"snowflake-create-user", func(g *gen, pw string) (string, string, string) {
		q := sqlQuote(pw)
		return "CREATE USER loader PASSWORD = '" + q + "' DEFAULT_ROLE = LOADER MUST_CHANGE_PASSWORD = FALSE", q, "DEFAULT_ROLE = LOADER"
	}},
	{"redis-auth", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "AUTH " + p, p, ""
	}},
	{"redis-auth-user", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "AUTH default " + p, p, "AUTH default"
	}},
	{"redis-hello", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "HELLO 3 AUTH app " + p + " SETNAME orders-worker", p, "SETNAME orders-worker"
	}},
	{"redis-config-requirepass", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "CONFIG SET requirepass " + p, p, "CONFIG SET requirepass"
	}},
	{"redis-acl", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "ACL SETUSER worker on >" + p + " ~jobs:* +@list", p, "~jobs:* +@list"
	}},
	{"redis-set-session", func(g *gen, pw string) (string, string, string) {
		t := g.b64url(32)
		return "SET session:" + g.hex(16) + " " + t + " EX 3600", t, "EX 3600"
	}},
	{"redis-hset-token", func(g *gen, pw string) (string, string, string) {
		t := g.hex(40)
		return "HSET user:" + fmt.Sprint(g.between(1, 99999)) + " refresh_token " + t + " plan pro", t, "plan pro"
	}},
	{"redis-setex-otp", func(g *gen, pw string) (string, string, string) {
		t := g.b64url(24)
		return "SETEX reset_token:" + g.uuid() + " 900 " + t, t, " 900 "
	}},
	{"mongo-createuser", func(g *gen, pw string) (string, string, string) {
		q := strings.ReplaceAll(pw, `"`, `\"`)
		return `{"createUser":"app","pwd":"` + q + `","roles":[{"role":"readWrite","db":"shop"}]}`, q, `"roles":[{"role":"readWrite","db":"shop"}]`
	}},
	{"mongo-update-password", func(g *gen, pw string) (string, string, string) {
		q := strings.ReplaceAll(pw, `"`, `\"`)
		return `{"update":"users","updates":[{"q":{"_id":"6543a1b2c3d4e5f6a7b8c9d0"},"u":{"$set":{"password":"` + q + `"}}}]}`, q, `"6543a1b2c3d4e5f6a7b8c9d0"`
	}},
}

func (g *gen) statementCases(per int) []Case {
	var out []Case
	for _, s := range stmts {
		for range per {
			text, held, keep := s.make(g, g.password())
			keeps := []string{}
			if keep != "" {
				keeps = append(keeps, keep)
			}
			sys := "postgresql"
			switch {
			case strings.HasPrefix(s.name, "redis"):
				sys = "redis"
			case strings.HasPrefix(s.name, "mongo"):
				sys = "mongodb"
			case strings.HasPrefix(s.name, "mysql"):
				sys = "mysql"
			}
			switch g.intn(4) {
			case 0, 1:
				out = append(out, Case{Kind: "password/stmt-" + s.name, Place: "db.statement", Rec: Record{Signal: Traces, Name: "db", Attrs: Map{{"db.system.name", sys}, {g.pick("db.query.text", "db.statement"), text}, {"server.address", "db.internal"}}}, Secrets: []string{held}, Keep: append(keeps, "db.internal")})
			case 2:
				// How the server logs it.
				var line string
				switch sys {
				case "redis":
					// MONITOR output quotes every argument.
					args := splitSpaces(text)
					for i := range args {
						args[i] = `"` + args[i] + `"`
					}
					line = fmt.Sprintf("1730973600.%06d [0 10.0.3.7:51234] %s", g.intn(1000000), strings.Join(args, " "))
					keeps = nil
				case "mysql":
					line = fmt.Sprintf("2025-11-07T10:00:00.%06dZ\t   %d Query\t%s", g.intn(1000000), g.between(5, 90), text)
				case "mongodb":
					line = `{"t":{"$date":"2025-11-07T10:00:00.000+00:00"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn12","msg":"Slow query","attr":{"command":` + text + `,"durationMillis":112}}`
				default:
					line = fmt.Sprintf("2025-11-07 10:00:00.%03d UTC [%d] postgres@shop LOG:  statement: %s", g.intn(1000), g.between(100, 9000), text)
				}
				out = append(out, Case{Kind: "password/stmt-" + s.name, Place: "log.body.db-server", Rec: logRec(line), Secrets: []string{held}, Keep: keeps})
			default:
				msg := fmt.Sprintf("query failed after 3 retries: %s: connection reset by peer", text)
				out = append(out, Case{Kind: "password/stmt-" + s.name, Place: "exception.message", Rec: Record{Signal: Traces, Event: Map{{"exception.type", "DBError"}, {"exception.message", msg}}}, Secrets: []string{held}, Keep: append(keeps, ": connection reset by peer")})
			}
		}
	}
	return out
}

func splitSpaces(s string) []string { return strings.Fields(s) }

// Cookies and authentication headers as instrumentations, HTTP clients' debug
// output and language runtimes' dumps of header maps show them.
func (g *gen) headerCases(per int) []Case {
	var out []Case
	for range per * 4 {
		sid := g.b64url(24)
		csrf := g.hex(32)
		tok := g.b64url(32)
		nz := g.noise()
		name := g.pick("JSESSIONID", "PHPSESSID", "connect.sid", "sessionid", "_shop_session", "ASP.NET_SessionId", ".AspNetCore.Cookies", "laravel_session", "__Host-next-auth.session-token", "session", "SESSION", "sid", "_gitlab_session", "remember_user_token")
		if name == "connect.sid" {
			sid = "s%3A" + g.b64url(24) + "." + g.b64url(32)
		}
		cookie := fmt.Sprintf("%s=%s; csrftoken=%s; theme=dark; lang=en-GB", name, sid, csrf)
		setCookie := fmt.Sprintf("%s=%s; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=1209600; HttpOnly; Secure; SameSite=Lax", name, sid)
		out = append(out,
			Case{Kind: "cookie/request-header", Place: "span.attr.header", Rec: Record{Signal: Traces, Attrs: Map{
				{"http.request.header.cookie", []string{cookie}}, {"http.request.header.accept-language", []string{"en-GB,en;q=0.9"}}, {"http.route", nz.route},
			}}, Secrets: []string{sid, csrf}, Keep: []string{"theme=dark", "lang=en-GB", "en-GB,en;q=0.9", nz.route}},
			Case{Kind: "cookie/set-cookie-header", Place: "span.attr.header", Rec: Record{Signal: Traces, Attrs: Map{
				{"http.response.header.set-cookie", []string{setCookie, "lang=en-GB; Path=/; SameSite=Lax"}}, {"http.response.status_code", int64(302)},
			}}, Secrets: []string{sid}, Keep: []string{"Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=1209600; HttpOnly; Secure; SameSite=Lax", "lang=en-GB; Path=/; SameSite=Lax"}},
			Case{Kind: "cookie/curl-verbose", Place: "log.body.text", Rec: logRec(fmt.Sprintf("> GET /account HTTP/1.1\r\n> Host: shop.example.com\r\n> Cookie: %s\r\n> Accept: */*\r\n>\r\n< HTTP/1.1 200 OK\r\n< Set-Cookie: %s\r\n< Content-Length: 5120\r\n", cookie, setCookie)),
				Secrets: []string{sid, csrf}, Keep: []string{"< HTTP/1.1 200 OK", "< Content-Length: 5120", "> Host: shop.example.com", "theme=dark"}},
			Case{Kind: "auth/curl-verbose", Place: "log.body.text", Rec: logRec(fmt.Sprintf("> POST /v1/orders HTTP/2\n> Host: api.example.com\n> Authorization: Bearer %s\n> Content-Type: application/json\n< HTTP/2 201\n< x-request-id: %s", tok, nz.reqID)),
				Secrets: []string{tok}, Keep: []string{"> Content-Type: application/json", nz.reqID, "> Host: api.example.com"}},
			Case{Kind: "auth/python-requests-debug", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`send: b'GET /v1/me HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: python-requests/2.32.3\r\nAuthorization: Bearer %s\r\nAccept: */*\r\n\r\n'`, tok)),
				Secrets: []string{tok}, Keep: []string{`User-Agent: python-requests/2.32.3\r\n`, `Accept: */*\r\n\r\n'`}},
			Case{Kind: "auth/java-header-map", Place: "log.body.text", Rec: logRec(fmt.Sprintf("Request headers: {Authorization=[Bearer %s], Accept=[application/json], X-Request-Id=[%s]}", tok, nz.reqID)),
				Secrets: []string{tok}, Keep: []string{"Accept=[application/json]", nz.reqID}},
			Case{Kind: "auth/go-header-map", Place: "log.body.text", Rec: logRec(fmt.Sprintf("outgoing request: GET https://api.example.com/v1/me headers=map[Accept:[application/json] Authorization:[Bearer %s] User-Agent:[Go-http-client/2.0]]", tok)),
				Secrets: []string{tok}, Keep: []string{"User-Agent:[Go-http-client/2.0]]", "Accept:[application/json]"}},
			Case{Kind: "auth/node-axios-error", Place: "log.body.text", Rec: logRec(fmt.Sprintf("AxiosError: Request failed with status code 401\n    config: {\n      headers: { Accept: 'application/json', Authorization: 'Bearer %s', 'User-Agent': 'axios/1.7.7' },\n      url: 'https://api.example.com/v1/me'\n    }", tok)),
				Secrets: []string{tok}, Keep: []string{"'User-Agent': 'axios/1.7.7'", "url: 'https://api.example.com/v1/me'"}},
			Case{Kind: "auth/grpc-metadata-dump", Place: "log.body.text", Rec: logRec(fmt.Sprintf("grpc: incoming metadata: map[:authority:[orders:50051] authorization:[Bearer %s] content-type:[application/grpc] user-agent:[grpc-node-js/1.12.2]]", tok)),
				Secrets: []string{tok}, Keep: []string{"user-agent:[grpc-node-js/1.12.2]]", ":authority:[orders:50051]"}},
			Case{Kind: "auth/scheme-other", Place: "span.attr.header", Rec: Record{Signal: Traces, Attrs: Map{{"http.request.header.authorization", []string{g.pick("SSWS ", "Splunk ", "Bot ", "Api-Token ", "GenieKey ", "Token token=") + tok}}}}, Secrets: []string{tok}},
			Case{Kind: "auth/aws-sigv4", Place: "log.body.text", Rec: logRec(fmt.Sprintf("Authorization: AWS4-HMAC-SHA256 Credential=AKIA%s/20251107/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=%s\nx-amz-date: 20251107T100000Z", g.from(base32Chars, 16), csrf+csrf)),
				Secrets: []string{csrf + csrf}, Keep: []string{"x-amz-date: 20251107T100000Z"}},
			Case{Kind: "auth/kafka-headers", Place: "log.body.text", Rec: logRec(fmt.Sprintf("consumed orders-v1[3]@%d headers=[traceparent=00-%s-%s-01, x-auth-token=%s, content-type=application/avro]", g.between(1000, 999999), nz.traceID, nz.spanID, tok)),
				Secrets: []string{tok}, Keep: []string{"content-type=application/avro]", nz.traceID}},
			Case{Kind: "auth/amqp-headers", Place: "log.body.map", Rec: Record{Signal: Logs, Body: Map{{"msg", "message received"}, {"routing_key", "orders.created"}, {"headers", Map{{"x-api-key", tok}, {"x-retry-count", "2"}, {"content_type", "application/json"}}}}},
				Secrets: []string{tok}, Keep: []string{"orders.created", "application/json"}},
			Case{Kind: "auth/otlp-headers-env", Place: "resource.attr", Rec: Record{Signal: Metrics, Resource: Map{{"process.command_line", "env OTEL_EXPORTER_OTLP_HEADERS=Authorization=Basic%20" + csrf + ",X-Scope-OrgID=tenant-3 node --require @opentelemetry/auto-instrumentations-node/register server.js"}}},
				Secrets: []string{csrf}, Keep: []string{"X-Scope-OrgID=tenant-3", "server.js"}},
		)
	}
	return out
}

// URLs that carry secrets: signed URLs of the clouds, OAuth redirects, reset and
// invitation links, tokens in paths, credentials in the authority.
func (g *gen) urlCases(per int) []Case {
	var out []Case
	for range per * 3 {
		sig64 := g.hex(64)
		akid := "AKIA" + g.from(base32Chars, 16)
		s3 := fmt.Sprintf("https://shop-invoices.s3.eu-west-1.amazonaws.com/2025/11/INV-%06d.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s%%2F20251107%%2Feu-west-1%%2Fs3%%2Faws4_request&X-Amz-Date=20251107T100000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=%s", g.intn(1000000), akid, sig64)
		gsig := g.hex(256)
		gcs := fmt.Sprintf("https://storage.googleapis.com/shop-exports/report.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=exporter%%40shop-prod.iam.gserviceaccount.com%%2F20251107%%2Fauto%%2Fstorage%%2Fgoog4_request&X-Goog-Date=20251107T100000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=%s", gsig)
		sas := queryEscape(g.b64(32))
		azure := fmt.Sprintf("https://shopassets.blob.core.windows.net/uploads/avatar.png?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-11-08T10:00:00Z&st=2025-11-07T10:00:00Z&spr=https&sig=%s", sas)
		cfSig := g.from(alnumChars+"-_~", 172)
		cf := fmt.Sprintf("https://d111111abcdef8.cloudfront.net/videos/intro.mp4?Expires=1762513200&Signature=%s&Key-Pair-Id=K2JCJMDEHXQW5F", cfSig)
		code := "4/0A" + g.from(alnumChars+"_-", 70)
		oauth := fmt.Sprintf("https://shop.example.com/auth/callback?state=%s&code=%s&scope=openid%%20email%%20profile&authuser=0&prompt=consent", g.b64url(16), queryEscape(code))
		at := g.b64url(40)
		frag := fmt.Sprintf("https://shop.example.com/oauth/implicit#access_token=%s&token_type=Bearer&expires_in=3599&scope=read", at)
		reset := g.b64url(32)
		nz := g.noise()
		resetURL := fmt.Sprintf("https://shop.example.com/%s/%s", g.pick("password/reset", "reset-password", "invite/accept", "verify-email", "magic-link"), reset)
		userPw := g.simplePassword()
		basic := fmt.Sprintf("https://builder:%s@nexus.example.com/repository/npm-private/", userPw)
		apiTok := g.b64url(24)
		pathTok := fmt.Sprintf("https://hooks.example.com/api/v1/webhooks/%d/%s", g.between(100000, 999999), apiTok)
		tg := fmt.Sprintf("%d:%s", g.between(100000000, 9999999999), "AA"+g.from(alnumChars+"_-", 33))
		tgURL := "https://api.telegram.org/bot" + tg + "/sendMessage"
		slack := fmt.Sprintf("https://hooks.slack.com/services/T%s/B%s/%s", g.upperAlnum(8), g.upperAlnum(10), g.alnum(24))
		slackSecret := slack[strings.LastIndex(slack, "/T"):]
		pre := "https://shop.example.com/api/v1/exports/download?token="
		tokQ := g.b64url(30)
		out = append(out,
			Case{Kind: "url_secret/s3-presigned", Place: "url.query", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", s3}, {"http.request.method", "GET"}}}, Secrets: []string{sig64, akid}, Keep: []string{"X-Amz-Date=20251107T100000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host", "https://shop-invoices.s3.eu-west-1.amazonaws.com/2025/11/INV-"}},
			Case{Kind: "url_secret/gcs-signed", Place: "url.query", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", gcs}}}, Secrets: []string{gsig}, Keep: []string{"https://storage.googleapis.com/shop-exports/report.csv?", "X-Goog-Expires=900"}},
			Case{Kind: "url_secret/azure-sas", Place: "url.query", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", azure}}}, Secrets: []string{sas}, Keep: []string{"sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-11-08T10:00:00Z", "https://shopassets.blob.core.windows.net/uploads/avatar.png?"}},
			Case{Kind: "url_secret/cloudfront-signed", Place: "log.body.text", Rec: logRec("serving signed url " + cf + " to player"), Secrets: []string{cfSig}, Keep: []string{"&Key-Pair-Id=K2JCJMDEHXQW5F", "Expires=1762513200"}},
			Case{Kind: "url_secret/oauth-code", Place: "url.query", Rec: Record{Signal: Traces, Name: "GET /auth/callback", Attrs: Map{{"url.full", oauth}, {"url.path", "/auth/callback"}}}, Secrets: []string{queryEscape(code)}, Keep: []string{"&scope=openid%20email%20profile&authuser=0&prompt=consent"}},
			Case{Kind: "url_secret/oauth-fragment", Place: "log.body.text", Rec: logRec("redirecting browser to " + frag), Secrets: []string{at}, Keep: []string{"&token_type=Bearer&expires_in=3599&scope=read"}},
			Case{Kind: "url_secret/path-token", Place: "url.path", Rec: Record{Signal: Traces, Name: "GET", Attrs: Map{{"url.full", resetURL}, {"http.response.status_code", int64(200)}, {"user_agent.original", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"}}},
				Secrets: []string{reset}, Keep: []string{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"}},
			Case{Kind: "url_secret/basic-auth-url", Place: "log.body.text", Rec: logRec("npm ERR! 404 Not Found - GET " + basic + "left-pad - Not found"), Secrets: []string{userPw}, Keep: []string{"nexus.example.com/repository/npm-private/left-pad - Not found"}},
			Case{Kind: "url_secret/webhook-path", Place: "url.path", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", pathTok}}}, Secrets: []string{apiTok}, Keep: []string{"https://hooks.example.com/api/v1/webhooks/"}},
			Case{Kind: "url_secret/telegram-bot", Place: "url.path", Rec: Record{Signal: Traces, Name: "POST", Attrs: Map{{"url.full", tgURL}, {"server.address", "api.telegram.org"}}}, Secrets: []string{tg}, Keep: []string{"/sendMessage", "api.telegram.org"}},
			Case{Kind: "url_secret/slack-webhook", Place: "log.body.text", Rec: logRec("posting alert to " + slack + " failed: 404 no_service"), Secrets: []string{slackSecret[1:]}, Keep: []string{"failed: 404 no_service"}},
			Case{Kind: "url_secret/query-token", Place: "span.name", Rec: Record{Signal: Traces, Name: "GET " + pre + tokQ, Attrs: Map{{"http.request.method", "GET"}}}, Secrets: []string{tokQ}},
			Case{Kind: "url_secret/nginx-query-token", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`10.0.%d.%d - - [07/Nov/2025:10:00:00 +0000] "GET /api/v1/exports/download?token=%s HTTP/1.1" 200 73421 "-" "curl/8.5.0" rt=0.123`, g.intn(256), g.between(1, 254), tokQ)),
				Secrets: []string{tokQ}, Keep: []string{`HTTP/1.1" 200 73421 "-" "curl/8.5.0" rt=0.123`, "[07/Nov/2025:10:00:00 +0000]"}},
			Case{Kind: "url_secret/password-in-path", Place: "url.path", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", fmt.Sprintf("https://legacy.example.com/api/login/%s/%s", "bob", userPw)}, {"http.route", "/api/login/{user}/{password}"}}}, Secrets: []string{userPw}, Keep: []string{"/api/login/{user}/{password}"}},
			Case{Kind: "url_secret/reset-in-email-log", Place: "log.body.map", Rec: Record{Signal: Logs, Body: Map{{"msg", "email rendered"}, {"template", "password_reset"}, {"link", resetURL}, {"request_id", nz.reqID}}}, Secrets: []string{reset}, Keep: []string{"password_reset", nz.reqID}},
		)
	}
	return out
}

// JWTs: in authorization headers, cookies, URLs, JSON responses, logs.
func (g *gen) jwtCases(per int) []Case {
	var out []Case
	for range per * 4 {
		t := g.jwt()
		nz := g.noise()
		switch g.intn(8) {
		case 0:
			out = append(out, Case{Kind: "jwt/authorization", Place: "span.attr.header", Rec: Record{Signal: Traces, Attrs: Map{{"rpc.grpc.request.metadata.authorization", []string{"Bearer " + t}}, {"rpc.method", "GetOrder"}}}, Secrets: []string{t}, Keep: []string{"GetOrder"}})
		case 1:
			out = append(out, Case{Kind: "jwt/cookie", Place: "span.attr.header", Rec: Record{Signal: Traces, Attrs: Map{{"http.request.header.cookie", []string{"access_token=" + t + "; theme=light"}}}}, Secrets: []string{t}, Keep: []string{"theme=light"}})
		case 2:
			out = append(out, Case{Kind: "jwt/url", Place: "url.query", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", "wss://realtime.example.com/socket?vsn=2.0.0&jwt=" + t}}}, Secrets: []string{t}, Keep: []string{"wss://realtime.example.com/socket?vsn=2.0.0&"}})
		case 3:
			out = append(out, Case{Kind: "jwt/json-response", Place: "log.body.text", Rec: logRec(`{"level":"debug","msg":"token response","body":{"access_token":"` + t + `","token_type":"Bearer","expires_in":3600,"scope":"openid email"}}`), Secrets: []string{t}, Keep: []string{`"token_type":"Bearer","expires_in":3600,"scope":"openid email"`}})
		case 4:
			out = append(out, Case{Kind: "jwt/prose", Place: "log.body.text", Rec: logRec("JWT verification failed (exp claim expired): " + t + " at " + nz.ts), Secrets: []string{t}, Keep: []string{nz.ts}})
		case 5:
			out = append(out, Case{Kind: "jwt/id-token-form", Place: "log.body.text", Rec: logRec("POST /oidc/callback id_token=" + t + "&state=" + nz.spanID), Secrets: []string{t}, Keep: []string{"&state=" + nz.spanID}})
		case 6:
			out = append(out, Case{Kind: "jwt/map", Place: "log.body.map", Rec: Record{Signal: Logs, Body: Map{{"msg", "upstream call"}, {"auth", Map{{"type", "jwt"}, {"credential", t}}}, {"upstream", "payments"}}}, Secrets: []string{t}, Keep: []string{"payments"}})
		default:
			out = append(out, Case{Kind: "jwt/exception", Place: "exception.message", Rec: Record{Signal: Traces, Event: Map{{"exception.type", "io.jsonwebtoken.ExpiredJwtException"}, {"exception.message", "JWT expired at 2025-11-07T09:00:00Z. Current time: 2025-11-07T10:00:00Z, a difference of 3600000 milliseconds.  Allowed clock skew: 0 milliseconds. token=" + t}}}, Secrets: []string{t}, Keep: []string{"a difference of 3600000 milliseconds."}})
		}
	}
	return out
}

// Private keys: PEM in files dumped to logs, JSON-escaped in service-account
// documents, in Kubernetes manifests; the public halves stay.
func (g *gen) privateKeyCases(per int) []Case {
	var out []Case
	labels := []string{"RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"}
	for range per * 3 {
		label := labels[g.intn(len(labels))]
		switch g.intn(4) {
		case 0:
			k := g.pem(label, false)
			out = append(out, Case{Kind: "private_key/pem", Place: "log.body.text", Rec: logRec("loaded signing key from /etc/app/keys/signing.pem:\n" + k + "\nkey id: " + g.hex(16)), Secrets: []string{k}, Keep: []string{"/etc/app/keys/signing.pem"}})
		case 1:
			k := g.pem("PRIVATE KEY", true)
			sa := `{"type":"service_account","project_id":"shop-prod-4711","private_key_id":"` + g.hex(40) + `","private_key":"` + k + `\n","client_email":"exporter@shop-prod-4711.iam.gserviceaccount.com","client_id":"` + g.digits(21) + `","token_uri":"https://oauth2.googleapis.com/token"}`
			out = append(out, Case{Kind: "private_key/gcp-service-account", Place: "log.body.text", Rec: logRec(sa), Secrets: []string{k}, Keep: []string{`"token_uri":"https://oauth2.googleapis.com/token"`, "shop-prod-4711"}})
		case 2:
			k := g.pem(label, false)
			out = append(out, Case{Kind: "private_key/env", Place: "span.attr", Rec: Record{Signal: Traces, Attrs: Map{{"app.config.tls_key", k}}}, Secrets: []string{k}})
		default:
			body := base64.StdEncoding.EncodeToString([]byte(g.pem("RSA PRIVATE KEY", false) + "\n"))
			kc := "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: " + g.b64(600) + "\n    server: https://10.0.0.1:6443\n  name: prod\nusers:\n- name: admin\n  user:\n    client-key-data: " + body + "\n    token: " + g.hex(32) + "\n"
			out = append(out, Case{Kind: "private_key/kubeconfig", Place: "log.body.text", Rec: logRec(kc), Secrets: []string{body}, Keep: []string{"server: https://10.0.0.1:6443"}})
		}
	}
	return out
}

// Configuration files of tools that hold credentials, as they get printed in CI
// and debug logs.
func (g *gen) configFileCases(per int) []Case {
	var out []Case
	for range per * 3 {
		npmTok := "npm_" + g.alnum(36)
		auth := queryEscape(g.b64(18))
		dockerAuth := g.b64(24)
		awsSecret := g.from(alnumChars+"/+", 40)
		akid := "AKIA" + g.from(base32Chars, 16)
		pipPw := g.simplePassword()
		gitTok := "ghp_" + g.alnum(36)
		ghaPw := g.simplePassword()
		k8sData := g.b64(g.between(9, 24))
		out = append(out,
			Case{Kind: "config/npmrc", Place: "log.body.text", Rec: logRec("//registry.npmjs.org/:_authToken=" + npmTok + "\n@acme:registry=https://npm.pkg.github.com\nalways-auth=true"), Secrets: []string{npmTok}, Keep: []string{"@acme:registry=https://npm.pkg.github.com"}},
			Case{Kind: "config/npmrc-auth", Place: "log.body.text", Rec: logRec("registry=https://nexus.example.com/repository/npm/\n_auth=" + auth + "\nemail=ci@example.com"), Secrets: []string{auth}, Keep: []string{"registry=https://nexus.example.com/repository/npm/"}},
			Case{Kind: "config/docker-config", Place: "log.body.text", Rec: logRec(`{"auths":{"registry.example.com":{"auth":"` + dockerAuth + `"}},"credsStore":"desktop"}`), Secrets: []string{dockerAuth}, Keep: []string{`"credsStore":"desktop"`, "registry.example.com"}},
			Case{Kind: "config/aws-credentials", Place: "log.body.text", Rec: logRec("[default]\naws_access_key_id = " + akid + "\naws_secret_access_key = " + awsSecret + "\nregion = eu-west-1\n"), Secrets: []string{awsSecret, akid}, Keep: []string{"region = eu-west-1"}},
			Case{Kind: "config/pip-conf", Place: "log.body.text", Rec: logRec("Looking in indexes: https://ci:" + pipPw + "@pypi.example.com/simple\nCollecting requests==2.32.3"), Secrets: []string{pipPw}, Keep: []string{"Collecting requests==2.32.3", "pypi.example.com/simple"}},
			Case{Kind: "config/git-credentials", Place: "log.body.text", Rec: logRec("https://bob:" + gitTok + "@github.com\n"), Secrets: []string{gitTok}, Keep: []string{"@github.com"}},
			Case{Kind: "config/github-actions-env", Place: "log.body.text", Rec: logRec("Run ./scripts/migrate.sh\n  env:\n    DB_HOST: db.internal\n    DB_PASSWORD: " + ghaPw + "\n    NODE_VERSION: 20.18.0"), Secrets: []string{ghaPw}, Keep: []string{"NODE_VERSION: 20.18.0", "DB_HOST: db.internal"}},
			Case{Kind: "config/k8s-secret-data", Place: "log.body.text", Rec: logRec("apiVersion: v1\ndata:\n  password: " + k8sData + "\n  username: YXBw\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque"), Secrets: []string{k8sData}, Keep: []string{"name: db-creds", "type: Opaque"}},
		)
	}
	return out
}
