package fieldsecrets

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// thirdRound places credentials in the structures that nest them: maps under
// keys that name no credential, arrays of headers, doubly escaped JSON, stack
// traces that print a frame's arguments, multi-line YAML and environment values,
// percent-encoded userinfo; and the look-alikes that share their keys.
func (c *corpus) thirdRound() {
	pw := c.password(true)
	u := c.user()
	tok := c.token(c.pick(bearerVendors...))
	jwt := c.jwt()
	enc := url.QueryEscape(pw + "@#")
	key := c.privateKey("RSA PRIVATE KEY")
	firstLine := strings.SplitN(key, "\n", 3)[1]

	// Nested maps in log bodies: the credential's key is a level down.
	c.add("nested/map-auth-password", "log.body.map", Record{Signal: Logs, Body: Map{{K: "msg", V: "connecting"},
		{K: "datasource", V: Map{{K: "url", V: "jdbc:postgresql://db.internal:5432/orders"}, {K: "auth", V: Map{{K: "username", V: u}, {K: "password", V: pw}}}}}}}, []string{pw}, []string{"jdbc:postgresql://db.internal:5432/orders"})
	c.add("nested/map-credentials-list", "log.body.map", Record{Signal: Logs, Body: Map{{K: "msg", V: "registries"},
		{K: "registries", V: []any{Map{{K: "host", V: "ghcr.io"}, {K: "token", V: tok}}, Map{{K: "host", V: "quay.io"}, {K: "token", V: "${QUAY_TOKEN}"}}}}}}, []string{tok}, []string{"ghcr.io", "${QUAY_TOKEN}"})
	c.add("nested/span-attr-map", "span.attr", Record{Signal: Traces, Name: "config.load", Attrs: Map{
		{K: "app.config", V: Map{{K: "smtp", V: Map{{K: "host", V: "smtp.example.com"}, {K: "pass", V: pw}}}}}}}, []string{pw}, []string{"smtp.example.com"})
	c.add("nested/header-array-multi", "http.header", Record{Signal: Traces, Name: "POST /v1/hooks", Attrs: Map{
		{K: "http.request.header.authorization", V: []string{"Bearer " + jwt}},
		{K: "http.request.header.x-hub-signature-256", V: []string{"sha256=" + c.hex(64)}},
		{K: "http.response.header.set-cookie", V: []string{"sid=" + c.from(b64url, 32) + "; Path=/; HttpOnly", "lang=en; Path=/"}}}},
		[]string{jwt}, []string{"lang=en; Path=/"})
	c.add("nested/grpc-metadata-bin", "grpc.metadata", Record{Signal: Traces, Name: "payments.v1.Payments/Charge", Attrs: Map{
		{K: "rpc.grpc.request.metadata.x-goog-iam-authorization-token", V: []string{tok}},
		{K: "rpc.grpc.request.metadata.grpc-accept-encoding", V: []string{"identity, gzip"}}}}, []string{tok}, []string{"identity, gzip"})

	// JSON in JSON in JSON: a queue message logged by a consumer that logs as JSON.
	inner, _ := json.Marshal(map[string]string{"db_password": pw, "region": "eu-west-1"})
	mid, _ := json.Marshal(map[string]string{"type": "config.rotated", "payload": string(inner)})
	outer, _ := json.Marshal(map[string]string{"level": "info", "msg": string(mid)})
	c.dump("escaped/json-twice", string(outer), []string{pw}, []string{"config.rotated"})

	// Stack traces that print arguments and locals.
	c.text("trace/java-jdbc", "", "org.postgresql.util.PSQLException: Connection to db.internal:5432 refused.\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:342)\n\tat com.acme.orders.Db.connect(Db.java:41) [url=jdbc:postgresql://db.internal:5432/orders?user="+u+"&password="+pw+"]", []string{pw}, []string{"ConnectionFactoryImpl.java:342"})
	c.text("trace/go-panic-struct", "", "panic: dial failed: &config.DB{Host:\"db.internal\", Port:5432, User:\""+u+"\", Password:\""+pw+"\", SSLMode:\"require\"}\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:27 +0x1d", []string{pw}, []string{"/app/main.go:27"})
	c.text("trace/python-locals", "", "Traceback (most recent call last):\n  File \"/app/client.py\", line 12, in login\n    resp = session.post(url, auth=(user, password))\n    user = '"+u+"'\n    password = '"+pw+"'\nrequests.exceptions.ConnectionError", []string{pw}, []string{"/app/client.py"})
	c.text("trace/dotnet-exception", "", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).\n   at Orders.Client.GetAsync(String url = \"https://api.example.com/v1/items\", String apiKey = \""+tok+"\")", []string{tok}, []string{"https://api.example.com/v1/items"})
	c.text("trace/ruby-error", "", "Faraday::UnauthorizedError: the server responded with status 401 (request: {:method=>:get, :url=>\"https://api.example.com/v1/items\", :headers=>{\"Authorization\"=>\"Bearer "+tok+"\"}})", []string{tok}, []string{"https://api.example.com/v1/items"})

	// Multi-line values: a private key in a YAML block and in an env value with
	// literal \n, and a URL-encoded password in userinfo.
	indented := "  " + strings.ReplaceAll(key, "\n", "\n  ")
	c.dump("multiline/yaml-block-key", "tls:\n  key: |\n"+indented+"\n  cert: /etc/tls/tls.crt\n", []string{firstLine}, []string{"/etc/tls/tls.crt"})
	c.dump("multiline/env-escaped-key", "PRIVATE_KEY=\""+strings.ReplaceAll(key, "\n", `\n`)+"\"\nAPP_ENV=prod", []string{firstLine}, []string{"APP_ENV=prod"})
	c.text("url/userinfo-encoded", "db.connection_string", "postgresql://"+u+":"+enc+"@db.internal:5432/orders", []string{enc}, []string{"@db.internal:5432/orders"})

	// Look-alikes under keys that name credentials, and beside them.
	ks := []struct{ kind, key, value string }{
		{"keep/key-token-count", "gen_ai.usage.input_tokens", fmt.Sprint(c.n(10, 99999))},
		{"keep/key-token-type", "oauth.token_type", "Bearer"},
		{"keep/key-secret-name", "k8s.secret.name", "orders-db-credentials"},
		{"keep/key-password-policy", "auth.password_policy", "min_length=12,require_symbol=true"},
		{"keep/key-session-sampled", "session.sampled", "true"},
		{"keep/key-key-id", "aws.kms.key_id", c.uuid()},
		{"keep/key-api-key-id", "app.api_key_id", "key_" + c.from(base62, 16)},
		{"keep/key-credential-type", "auth.credential_type", "client_secret_post"},
		{"keep/key-password-changed", "user.password_changed_at", "2025-01-15T10:12:00Z"},
		{"keep/key-token-expires", "oauth.token_expires_in", "3600"},
		{"keep/key-hub-signature", "http.request.header.x-github-event", "push"},
		{"keep/key-max-tokens", "gen_ai.request.max_tokens", "4096"},
	}
	for _, k := range ks {
		c.add(k.kind, "span.attr", Record{Signal: Traces, Name: "op", Attrs: Map{{K: k.key, V: k.value}}}, nil, []string{k.value})
		c.add(k.kind, "log.body.map", Record{Signal: Logs, Body: Map{{K: "msg", V: "event"}, {K: k.key, V: k.value}}}, nil, []string{k.value})
		c.add(k.kind, "log.body.text", Record{Signal: Logs, Body: fmt.Sprintf("event %s=%s done", k.key, k.value)}, nil, []string{k.value})
	}
}
