package fieldsecrets

import (
	"encoding/json"
	"fmt"
	"strings"
)

// tokens plants each vendor's token format where no key or word names it (the
// format alone must find it) and where one does.
func (c *corpus) tokens() {
	for _, v := range tokenVendors {
		tok := c.token(v)
		if v == "aws-secret" {
			// A secret access key has no format: it travels with its key ID (an IAM
			// credentials CSV line, "id:secret", a client's arguments).
			id := c.token("aws-id")
			line := c.pick("ci-deployer,%s,%s", "using %s:%s for the upload", "aws: access key %s secret %s region eu-west-1")
			c.text("token/"+v, "app.value", fmt.Sprintf(line, id, tok), []string{id, tok}, nil)
			continue
		}
		switch c.i % 4 {
		case 0:
			c.text("token/"+v, "app.value", tok, []string{tok}, nil)
		case 1:
			line := fmt.Sprintf("export CI_VAR_%d=%s", c.n(1, 99), tok)
			c.text("token/"+v, "", line, []string{tok}, nil)
		case 2:
			c.add("token/"+v, "log.attr.array", Record{Signal: Logs, Body: "args", Attrs: Map{{K: "job.args", V: []string{"--region", "eu-west-1", tok}}}}, []string{tok}, []string{"eu-west-1"})
			c.text("token/"+v, "", fmt.Sprintf("retrying with %s (attempt 2)", tok), []string{tok}, nil)
		default:
			c.text("token/"+v, "", fmt.Sprintf(`{"id":%d,"value":"%s","created":"2025-01-15T10:12:00Z"}`, c.n(1, 9999), tok), []string{tok}, nil)
		}
	}
	jwt := c.jwt()
	c.text("token/jwt", "app.value", "session restored from "+jwt, []string{jwt}, nil)
	for _, typ := range []string{"RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"} {
		k := c.privateKey(typ)
		body := k[strings.IndexByte(k, '\n')+1 : strings.LastIndexByte(k, '\n')]
		first := strings.SplitN(body, "\n", 2)[0]
		c.dump("private_key/pem", k, []string{first}, nil)
		esc, _ := json.Marshal(map[string]string{"type": "service_account", "project_id": "acme-prod", "private_key_id": c.hex(40), "private_key": k + "\n", "client_email": "uploader@acme-prod.iam.gserviceaccount.com"})
		c.dump("private_key/json-escaped", string(esc), []string{first}, []string{"acme-prod"})
	}
}

// configs plants credentials in the files and dumps that logs print: env dumps,
// .npmrc, pip.conf, Maven's settings.xml, docker's config.json, kubeconfig,
// Terraform output, and the map renderings of Python, Ruby, Java, Kotlin, Go, PHP,
// .NET and Node, logfmt and JSON with escaped JSON inside.
func (c *corpus) configs() {
	pw := c.password(true)
	u := c.user()
	tok := c.token(c.pick(bearerVendors...))
	npm := c.token("npm")
	api := c.hex(32)
	key := c.pick("password", "passwd", "pwd", "db_password", "adminPass", "client_secret", "secretKey", "apiKey", "api_key", "auth_token",
		"refresh_token", "accessToken", "sessionToken", "private_token", "signing_key", "encryption_key", "master_key", "jwt_secret",
		"hmac_key", "totp_secret", "passphrase", "keystore_password", "bind_password", "sasl_password", "cookie_secret", "app_secret",
		"consumer_secret", "webhook_secret", "x_auth_key", "conn_password")
	type tpl struct{ kind, text, secret string }
	ts := []tpl{
		{"dump/python-dict", fmt.Sprintf("{'host': 'db.internal', 'port': 5432, 'user': '%s', '%s': '%s', 'sslmode': 'require'}", u, key, pw), pw},
		{"dump/python-repr", fmt.Sprintf("Settings(database_url='postgresql://db.internal/orders', %s='%s', debug=False)", key, pw), pw},
		{"dump/python-kwargs", fmt.Sprintf("connect() got kwargs {'user': '%s', 'password': '%s', 'host': 'db.internal', 'connect_timeout': 10}", u, pw), pw},
		{"dump/ruby-inspect", fmt.Sprintf(`#<ApiClient:0x000055d5c1a0e2b8 @base_url="https://api.example.com", @%s="%s", @timeout=30>`, key, pw), pw},
		{"dump/ruby-hash-rocket", fmt.Sprintf(`{:user=>"%s", :%s=>"%s", :host=>"db.internal"}`, u, key, pw), pw},
		{"dump/ruby-hash-34", fmt.Sprintf(`{user: "%s", %s: "%s", host: "db.internal"}`, u, key, pw), pw},
		{"dump/java-tostring", fmt.Sprintf("DataSourceProperties{url='jdbc:postgresql://db.internal:5432/orders', username='%s', %s='%s', driverClassName='org.postgresql.Driver'}", u, key, pw), pw},
		{"dump/java-map", fmt.Sprintf("{url=jdbc:postgresql://db.internal:5432/orders, username=%s, %s=%s, maximumPoolSize=10}", u, key, pw), pw},
		{"dump/kotlin-data-class", fmt.Sprintf("SmtpConfig(host=smtp.example.com, port=587, username=%s, %s=%s, startTls=true)", u, key, pw), pw},
		{"dump/go-struct-plus-v", fmt.Sprintf("config: {Host:db.internal Port:5432 User:%s %s:%s SSLMode:require}", u, goField(key), pw), pw},
		{"dump/go-map", fmt.Sprintf("map[host:db.internal %s:%s user:%s]", key, pw, u), pw},
		{"dump/go-struct-pointer", fmt.Sprintf("&{Endpoint:https://api.example.com %s:%s Timeout:30s}", goField(key), pw), pw},
		{"dump/php-print-r", fmt.Sprintf("Array\n(\n    [host] => db.internal\n    [%s] => %s\n    [user] => %s\n)\n", key, pw, u), pw},
		{"dump/php-var-dump", fmt.Sprintf("array(3) {\n  [\"host\"]=>\n  string(11) \"db.internal\"\n  [\"%s\"]=>\n  string(%d) \"%s\"\n  [\"port\"]=>\n  int(3306)\n}\n", key, len(pw), pw), pw},
		{"dump/dotnet-anonymous", fmt.Sprintf("{ Host = db.internal, UserName = %s, %s = %s, Port = 5432 }", u, goField(key), pw), pw},
		{"dump/node-inspect", fmt.Sprintf("{ host: 'db.internal', user: '%s', %s: '%s', port: 5432 }", u, key, pw), pw},
		{"dump/logfmt", fmt.Sprintf(`level=info msg="loaded settings" user=%s %s=%s region=eu-west-1`, u, key, pw), pw},
		{"dump/json-escaped-json", fmt.Sprintf(`{"msg":"webhook received","payload":"{\"event\":\"config.updated\",\"%s\":\"%s\",\"id\":42}"}`, key, pw), pw},
		{"dump/yaml", fmt.Sprintf("database:\n  host: db.internal\n  user: %s\n  %s: %s\n  pool: 10\n", u, key, pw), pw},
		{"dump/env", fmt.Sprintf("HOME=/home/app\nPATH=/usr/local/bin:/usr/bin\nDB_PASSWORD=%s\nGITHUB_TOKEN=%s\nLANG=C.UTF-8\n", pw, tok), pw},
		{"dump/npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + npm + "\nalways-auth=true\n", npm},
		{"dump/npmrc-password", "//npm.pkg.example.com/:username=" + u + "\n//npm.pkg.example.com/:_password=" + basic("", pw)[4:] + "\n", basic("", pw)[4:]},
		{"dump/pip-conf", "[global]\nindex-url = https://" + u + ":" + pw + "@pypi.example.com/simple\ntimeout = 60\n", pw},
		{"dump/maven-settings", "<settings><servers><server><id>releases</id><username>" + u + "</username><password>" + pw + "</password></server></servers></settings>", pw},
		{"dump/docker-config", `{"auths":{"ghcr.io":{"auth":"` + basic(u, pw) + `"}},"credsStore":""}`, basic(u, pw)},
		{"dump/kubeconfig-token", "users:\n- name: ci\n  user:\n    token: " + tok + "\n", tok},
		{"dump/terraform-output", "Outputs:\n\ndb_endpoint = \"orders.c7xk2ab3.eu-west-1.rds.amazonaws.com\"\ndb_password = \"" + pw + "\"\n", pw},
		{"dump/ini", "[smtp]\nhost = smtp.example.com\nuser = " + u + "\n" + key + " = " + pw + "\n", pw},
		{"dump/properties", "spring.datasource.username=" + u + "\nspring.datasource." + key + "=" + pw + "\nserver.port=8080\n", pw},
		{"dump/env-file-quoted", "STRIPE_API_KEY=\"" + api + "\"\nAPP_ENV=production\n", api},
		{"dump/dotnet-exception-data", "System.Data.SqlClient.SqlException (0x80131904): Login failed for user '" + u + "'.\n   at Orders.Db.Open(String connectionString = \"Server=db.internal;User Id=" + u + ";Password=" + pw + ";\")", pw},
		{"dump/node-error-config", "Error: connect ECONNREFUSED 10.0.3.4:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  config: { host: 'db.internal', user: '" + u + "', password: '" + pw + "' }\n}", pw},
		{"dump/python-traceback-locals", "Traceback (most recent call last):\n  File \"/app/db.py\", line 41, in connect\n    return psycopg2.connect(dsn)\n    dsn = 'postgresql://" + u + ":" + pw + "@db.internal/orders'\npsycopg2.OperationalError: connection refused", pw},
		{"dump/requests-http-error", "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/items?api_key=" + api, api},
	}
	for _, t := range ts {
		c.dump(t.kind, t.text, []string{t.secret}, nil)
	}
	// Dumps whose credential-named fields hold no secret.
	ks := []struct{ kind, text string }{
		{"keep/dump-masked", "DataSourceProperties{url='jdbc:postgresql://db.internal:5432/orders', username='app', password='******'}"},
		{"keep/dump-placeholder", "database:\n  password: ${DB_PASSWORD}\n  user: app\n"},
		{"keep/dump-template", "password: {{ .Values.postgresql.auth.password }}"},
		{"keep/dump-gha-secret", "env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n"},
		{"keep/dump-mongo-hidden", "MongoCredential{mechanism=SCRAM-SHA-256, source='admin', password=<hidden>, mechanismProperties=<hidden>}"},
		{"keep/dump-token-usage", `{"model":"gpt-4o","usage":{"prompt_tokens":1532,"completion_tokens":211,"total_tokens":1743},"max_tokens":4096}`},
		{"keep/dump-token-type", "token_type=Bearer expires_in=3600 scope=\"orders:read\""},
		{"keep/dump-password-policy", "password_min_length=12 password_expired=false password_changed_at=2025-01-15T10:12:00Z"},
		{"keep/dump-secret-name", "mounted secret_name=db-credentials secret_version=7 into /var/run/secrets/db"},
		{"keep/dump-access-denied", "Access denied for user 'app'@'10.0.3.4' (using password: YES)"},
		{"keep/dump-filtered", `Parameters: {"user"=>{"email"=>"[FILTERED]", "password"=>"[FILTERED]"}, "commit"=>"Sign in"}`},
		{"keep/dump-auth-method", "auth_method=password mfa=totp result=success attempts=1"},
	}
	for _, k := range ks {
		c.dump(k.kind, k.text, nil, []string{k.text})
	}
}

// goField writes a key as an exported Go or .NET field name.
func goField(key string) string {
	var b strings.Builder
	up := true
	for i := 0; i < len(key); i++ {
		ch := key[i]
		if ch == '_' {
			up = true
			continue
		}
		if up && ch >= 'a' && ch <= 'z' {
			ch -= 'a' - 'A'
		}
		up = false
		b.WriteByte(ch)
	}
	return b.String()
}

// lookalikes places the identifiers, hashes and encodings that sit next to
// secrets in real telemetry and are none: they stay byte for byte, under keys and
// in text that name credentials nearby.
func (c *corpus) lookalikes() {
	sha := c.hex(40)
	digest := "sha256:" + c.hex(64)
	ks := []struct{ kind, key, value, text string }{
		{"keep/git-sha", "vcs.ref.head.revision", sha, "deployed revision " + sha + " to prod"},
		{"keep/image-digest", "container.image.id", digest, "pulled ghcr.io/acme/orders@" + digest},
		{"keep/uuid", "app.order.id", c.uuid(), "order " + c.uuid() + " shipped"},
		{"keep/trace-id", "app.parent_trace", c.hex(32), "linked trace " + c.hex(32)},
		{"keep/ulid-request-id", "app.request_id", "req_01" + c.from("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24), "request req_01" + c.from("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24) + " done"},
		{"keep/base64-payload", "messaging.payload", c.b64json(), "decoded event " + c.b64json()},
		{"keep/ssh-fingerprint", "ssh.host_key.fingerprint", "SHA256:" + c.from(base62+"+/", 43), "Server host key fingerprint is SHA256:" + c.from(base62+"+/", 43)},
		{"keep/gpg-key-id", "signing.key_id", strings.ToUpper(c.hex(16)), "Good signature from key " + strings.ToUpper(c.hex(16))},
		{"keep/kms-arn", "aws.kms.key_arn", "arn:aws:kms:eu-west-1:123456789012:key/" + c.uuid(), "encrypting with arn:aws:kms:eu-west-1:123456789012:key/" + c.uuid()},
		{"keep/public-key", "tls.client.public_key", c.publicKey(), "authorized key added: " + c.publicKey()},
		{"keep/md5-checksum", "file.hash.md5", c.hex(32), "checksum md5=" + c.hex(32) + " verified"},
		{"keep/sha256-checksum", "file.hash.sha256", c.hex(64), "sha256 " + c.hex(64) + "  orders-2.14.1.tar.gz"},
		{"keep/secret-ref", "k8s.secret.name", "orders-db-credentials", "reading password from secret orders-db-credentials key password"},
		{"keep/masked-token", "app.token_hint", "ghp_****" + c.from(base62, 4), "token ghp_****" + c.from(base62, 4) + " expired"},
		{"keep/masked-key-last4", "app.api_key_last4", "…" + c.from(base62, 4), "rotated key ending in " + c.from(base62, 4)},
		{"keep/placeholder-angle", "app.example", "curl -u <username>:<password> https://api.example.com", "usage: login --password <password>"},
		{"keep/jwt-kid", "auth.jwt.kid", c.hex(40), `{"alg":"RS256","kid":"` + c.hex(40) + `"}`},
		{"keep/installation-id", "github.installation_id", fmt.Sprint(c.n(10000000, 99999999)), "app installation " + fmt.Sprint(c.n(10000000, 99999999)) + " token refreshed"},
		{"keep/nonce", "http.response.header.x-content-type-options", "nosniff", "Content-Security-Policy: script-src 'nonce-" + c.b64(16) + "'"},
	}
	for _, k := range ks {
		c.text(k.kind, k.key, k.text, nil, []string{k.text})
		sig := Traces
		if c.i%3 == 0 {
			sig = Logs
		}
		c.add(k.kind, "attr.value", Record{Signal: sig, Body: "event", Name: "op", Attrs: Map{{K: k.key, V: k.value}}}, nil, []string{k.value})
	}
}

// b64json is a base64 message payload with no secret in it.
func (c *corpus) b64json() string {
	return base64Std(fmt.Sprintf(`{"event":"order.created","order_id":%d,"total":%d.%02d,"currency":"EUR"}`, c.n(1000, 999999), c.n(1, 999), c.n(0, 99)))
}
