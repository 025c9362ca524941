package fieldsecrets

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// moreCommands are the second round of tools: request bodies given on the command
// line, cloud CLIs' keys, build arguments, Spring Boot's arguments, Windows'
// service and WMI tools, PowerShell's credential objects.
func (c *corpus) moreCommands() {
	pw := c.password(true)
	u, h := c.user(), c.host()
	key := c.token("azure-storage")
	sas := "sv=2022-11-02&ss=b&srt=co&sp=rwl&se=2025-02-01T00:00:00Z&sig=" + strings.NewReplacer("+", "%2B", "/", "%2F", "=", "%3D").Replace(c.b64(32))
	sasSig := sas[strings.Index(sas, "sig=")+4:]
	npm := c.token("npm")
	type tpl struct {
		kind    string
		argv    []string
		secrets []string
		keeps   []string
	}
	ts := []tpl{
		{"cmd/curl-form-password", []string{"curl", "-X", "POST", "https://auth.example.com/oauth/token", "-d", "grant_type=password&username=" + u + "&password=" + pw + "&client_id=orders-web"}, []string{pw}, []string{"client_id=orders-web"}},
		{"cmd/curl-json-password", []string{"curl", "-s", "-H", "Content-Type: application/json", "-d", `{"username":"` + u + `","password":"` + pw + `"}`, "https://api.example.com/login"}, []string{pw}, []string{"Content-Type: application/json"}},
		{"cmd/curl-data-urlencode", []string{"curl", "https://auth.example.com/token", "--data-urlencode", "client_secret=" + pw, "--data-urlencode", "scope=orders.read"}, []string{pw}, []string{"scope=orders.read"}},
		{"cmd/curl-user-long", []string{"curl", "--user", u + ":" + pw, "--fail", "https://nexus.example.com/repository/raw/a.tgz"}, []string{pw}, []string{"--fail"}},
		{"cmd/az-account-key", []string{"az", "storage", "blob", "upload", "--account-name", "acmeorders", "--account-key", key, "-c", "exports", "-f", "orders.csv"}, []string{key}, []string{"acmeorders", "orders.csv"}},
		{"cmd/az-sas-token", []string{"az", "storage", "blob", "list", "--account-name", "acmeorders", "-c", "exports", "--sas-token", sas}, []string{sasSig}, []string{"acmeorders"}},
		{"cmd/az-connection-string", []string{"az", "storage", "container", "list", "--connection-string", "DefaultEndpointsProtocol=https;AccountName=acmeorders;AccountKey=" + key + ";EndpointSuffix=core.windows.net"}, []string{key}, nil},
		{"cmd/docker-build-arg", []string{"docker", "build", "--build-arg", "NPM_TOKEN=" + npm, "--build-arg", "NODE_ENV=production", "-t", "orders:2.14.1", "."}, []string{npm}, []string{"NODE_ENV=production", "orders:2.14.1"}},
		{"cmd/spring-boot-args", []string{"java", "-jar", "orders.jar", "--spring.datasource.password=" + pw, "--server.port=8080"}, []string{pw}, []string{"--server.port=8080"}},
		{"cmd/celery-broker", []string{"celery", "-A", "orders", "worker", "-b", "redis://:" + pw + "@" + h + ":6379/0", "--loglevel=INFO"}, []string{pw}, []string{"--loglevel=INFO"}},
		{"cmd/vault-kv-put", []string{"vault", "kv", "put", "secret/orders/db", "username=" + u, "password=" + pw}, []string{pw}, []string{"secret/orders/db"}},
		{"cmd/kafka-configs-scram", []string{"kafka-configs.sh", "--bootstrap-server", "kafka-1:9092", "--alter", "--add-config", "SCRAM-SHA-512=[password=" + pw + "]", "--entity-type", "users", "--entity-name", u}, []string{pw}, []string{"kafka-1:9092"}},
		{"cmd/mysqladmin-password", []string{"mysqladmin", "-u", "root", "-p" + pw, "password", pw + "N"}, []string{pw, pw + "N"}, nil},
		{"cmd/sqlplus-logon", []string{"sqlplus", "-S", strings.ReplaceAll(u, "-", "_") + "/" + pw + "@//" + h + ":1521/ORCLPDB1", "@report.sql"}, []string{pw}, []string{"@report.sql"}},
		{"cmd/htpasswd-b", []string{"htpasswd", "-b", "/etc/nginx/.htpasswd", u, pw}, []string{pw}, []string{"/etc/nginx/.htpasswd"}},
		{"cmd/mc-alias-set", []string{"mc", "alias", "set", "minio", "https://minio.example.com", "orders-app", c.from(base62, 40)}, nil, []string{"https://minio.example.com"}},
		{"cmd/rclone-pass", []string{"rclone", "copy", "/data", "remote:backup", "--sftp-host", h, "--sftp-user", u, "--sftp-pass", pw}, []string{pw}, []string{"remote:backup"}},
		{"cmd/openssl-enc-k", []string{"openssl", "enc", "-aes-256-cbc", "-salt", "-in", "dump.sql", "-out", "dump.enc", "-k", pw}, []string{pw}, []string{"dump.enc"}},
		{"cmd/7z-p", []string{"7z", "a", "-p" + pw, "-mhe=on", "backup.7z", "/data"}, []string{pw}, []string{"backup.7z"}},
		{"cmd/zip-P", []string{"zip", "-r", "-P", pw, "export.zip", "export/"}, []string{pw}, []string{"export.zip"}},
		{"cmd/psexec-p", []string{"PsExec.exe", `\\app01`, "-u", `CORP\` + u, "-p", pw, "cmd", "/c", "ipconfig"}, []string{pw}, []string{"ipconfig"}},
	}
	for _, t := range ts {
		if t.secrets == nil {
			t.secrets = []string{t.argv[len(t.argv)-1]}
		}
		c.command(t.kind, t.argv, t.secrets, t.keeps)
	}
	// Windows' and PowerShell's lines, as their instrumentation records them.
	lines := []struct{ kind, line, secret, keep string }{
		{"cmd/sc-config-password", `sc.exe config OrdersSvc obj= CORP\` + u + " password= " + pw, pw, "OrdersSvc"},
		{"cmd/wmic-password", `wmic /node:app01 /user:CORP\` + u + " /password:" + pw + " process list brief", pw, "/node:app01"},
		{"cmd/powershell-networkcredential", `powershell -Command "$c = New-Object System.Net.NetworkCredential('` + u + `', '` + pw + `'); Invoke-WebRequest -Uri https://intranet.example.com -Credential $c"`, pw, "https://intranet.example.com"},
		{"cmd/powershell-securestring-pipe", `pwsh -c "'` + pw + `' | ConvertTo-SecureString -AsPlainText -Force | Set-Variable pw"`, pw, "Set-Variable"},
		{"cmd/runas-cmdkey-generic", `cmdkey /generic:TERMSRV/app01 /user:CORP\` + u + " /pass:" + pw, pw, "/generic:TERMSRV/app01"},
	}
	for _, l := range lines {
		c.commandLine(l.kind, l.line, windowsArgv(l.line), []string{l.secret}, []string{l.keep})
	}
	// Look-alikes: a mysql --password with no '=' prompts, and the word after it is
	// the database; a file of credentials; a key vault's name.
	ks := []tpl{
		{"keep/cmd-gh-with-token", []string{"gh", "auth", "login", "--with-token"}, nil, []string{"--with-token"}},
		{"keep/cmd-gcloud-token-file", []string{"gcloud", "auth", "activate-service-account", "--key-file=/var/run/secrets/gcp/key.json"}, nil, []string{"--key-file=/var/run/secrets/gcp/key.json"}},
		{"keep/cmd-az-keyvault-name", []string{"az", "keyvault", "secret", "show", "--vault-name", "orders-kv", "--name", "db-password"}, nil, []string{"orders-kv", "db-password"}},
		{"keep/cmd-aws-secretsmanager", []string{"aws", "secretsmanager", "get-secret-value", "--secret-id", "prod/orders/db", "--query", "SecretString"}, nil, []string{"prod/orders/db", "SecretString"}},
		{"keep/cmd-kubectl-token-ttl", []string{"kubectl", "create", "token", "orders-sa", "--duration=1h", "-n", "shop-prod"}, nil, []string{"orders-sa", "--duration=1h"}},
		{"keep/cmd-redis-askpass", []string{"redis-cli", "--askpass", "-h", h, "INFO", "replication"}, nil, []string{"--askpass", "replication"}},
		{"keep/cmd-ssh-keygen", []string{"ssh-keygen", "-t", "ed25519", "-C", "deploy@ci", "-f", "/tmp/deploy_key", "-N", ""}, nil, []string{"/tmp/deploy_key", "ed25519"}},
		{"keep/cmd-openssl-passin-env", []string{"openssl", "rsa", "-in", "key.pem", "-passin", "env:KEY_PASS", "-out", "plain.pem"}, nil, []string{"env:KEY_PASS", "plain.pem"}},
		{"keep/cmd-docker-secret", []string{"docker", "secret", "create", "db_password", "/run/secrets/db_password.txt"}, nil, []string{"db_password", "/run/secrets/db_password.txt"}},
		{"keep/cmd-token-count", []string{"llm-bench", "--max-tokens", "4096", "--model", "gpt-4o", "--temperature", "0.2"}, nil, []string{"4096", "gpt-4o"}},
	}
	for _, k := range ks {
		c.command(k.kind, k.argv, nil, k.keeps)
	}
}

// moreStatements: a second round of dialects' secret clauses and functions that
// take a key, next to hashes that stay.
func (c *corpus) moreStatements() {
	pw := c.password(true)
	u := c.user()
	hash := "*" + strings.ToUpper(c.hex(40))
	sha := c.hex(64)
	ts := []struct{ kind, system, stmt, secret string }{
		{"stmt/pg-encrypted-password", "postgresql", "CREATE USER " + u + " WITH ENCRYPTED PASSWORD '" + pw + "' CONNECTION LIMIT 20", pw},
		{"stmt/pg-pgp-sym-encrypt", "postgresql", "INSERT INTO cards (id, pan) VALUES (42, pgp_sym_encrypt('4111', '" + pw + "'))", pw},
		{"stmt/pg-crypt", "postgresql", "UPDATE users SET password_hash = crypt('" + pw + "', gen_salt('bf')) WHERE id = 42", pw},
		{"stmt/mysql-aes-encrypt", "mysql", "SELECT AES_DECRYPT(secret_col, '" + pw + "') FROM vault_items WHERE id = 7", pw},
		{"stmt/mssql-sp-addlogin", "mssql", "EXEC sp_addlogin '" + u + "', '" + pw + "', 'orders'", pw},
		{"stmt/mssql-linkedsrvlogin", "mssql", "EXEC sp_addlinkedsrvlogin @rmtsrvname = N'LEGACY', @useself = N'False', @rmtuser = N'" + u + "', @rmtpassword = N'" + pw + "'", pw},
		{"stmt/mssql-backup-certificate", "mssql", "BACKUP CERTIFICATE TDECert TO FILE = 'C:\\certs\\tde.cer' WITH PRIVATE KEY (FILE = 'C:\\certs\\tde.pvk', ENCRYPTION BY PASSWORD = '" + pw + "')", pw},
		{"stmt/db2-connect-using", "db2", "CONNECT TO ORDERS USER " + u + " USING " + pw, pw},
		{"stmt/snowflake-alter-user", "snowflake", "ALTER USER " + u + " SET PASSWORD = '" + pw + "' MUST_CHANGE_PASSWORD = TRUE", pw},
		{"stmt/redis-sentinel-auth-pass", "redis", "SENTINEL SET mymaster auth-pass " + pw, pw},
		{"stmt/redis-acl-resetpass", "redis", "ACL SETUSER " + u + " resetpass >" + pw + " on ~* +@all", pw},
		{"stmt/mongo-command-updateuser", "mongodb", `{"updateUser":"` + u + `","pwd":"` + pw + `","$db":"admin"}`, pw},
		{"stmt/cql-login-role", "cassandra", "ALTER ROLE " + u + " WITH LOGIN = true AND PASSWORD = '" + pw + "'", pw},
	}
	for _, t := range ts {
		c.statement(t.kind, t.system, t.stmt, []string{t.secret}, nil)
	}
	ks := []struct{ kind, system, stmt string }{
		{"keep/stmt-mysql-hash", "mysql", "CREATE USER 'app'@'%' IDENTIFIED WITH mysql_native_password AS '" + hash + "'"},
		{"keep/stmt-redis-acl-hash", "redis", "ACL SETUSER app on #" + sha + " ~orders:* +@read"},
		{"keep/stmt-pg-md5-column", "postgresql", "SELECT rolname, rolpassword IS NOT NULL AS has_password FROM pg_authid WHERE rolcanlogin"},
		{"keep/stmt-update-token-hash", "postgresql", "UPDATE api_tokens SET last_used_at = now() WHERE token_sha256 = '" + sha + "'"},
		{"keep/stmt-select-sessions", "mysql", "SELECT session_id, user_id, expires_at FROM sessions WHERE expires_at < NOW() LIMIT 500"},
		{"keep/stmt-redis-expire-ratelimit", "redis", "EXPIRE ratelimit:user:" + fmt.Sprint(c.n(1000, 99999)) + " 60"},
		{"keep/stmt-cypher-match", "neo4j", "MATCH (u:User {id: $userId})-[:HAS_TOKEN]->(t:Token) RETURN t.createdAt, t.scope"},
	}
	for _, k := range ks {
		c.statement(k.kind, k.system, k.stmt, nil, []string{k.stmt})
	}
}

// morePayloads: OAuth token responses, form bodies, GraphQL variables, Kubernetes
// secrets as kubectl prints them, and env dumps with URLs that carry credentials.
func (c *corpus) morePayloads() {
	pw := c.password(true)
	u := c.user()
	acc := c.from(b64url, 43)
	ref := c.from(b64url, 64)
	b64pw := base64.StdEncoding.EncodeToString([]byte(pw))
	dcj := base64.StdEncoding.EncodeToString([]byte(`{"auths":{"ghcr.io":{"auth":"` + basic(u, pw) + `"}}}`))
	whsec := "whsec_" + c.from(base62, 32)
	slack := c.from(base62, 24)
	verifier := c.from(b64url, 64)
	ts := []struct {
		kind, text string
		secrets    []string
		keeps      []string
	}{
		{"payload/oauth-token-response", `{"access_token":"` + acc + `","token_type":"Bearer","expires_in":3600,"refresh_token":"` + ref + `","scope":"orders:read"}`, []string{acc, ref}, []string{`"token_type":"Bearer"`, `"expires_in":3600`}},
		{"payload/form-body", "grant_type=password&username=" + u + "&password=" + pw + "&client_id=orders-web&scope=openid", []string{pw}, []string{"client_id=orders-web"}},
		{"payload/form-client-secret", "grant_type=client_credentials&client_id=orders-svc&client_secret=" + acc, []string{acc}, []string{"grant_type=client_credentials"}},
		{"payload/pkce-verifier", "grant_type=authorization_code&code_verifier=" + verifier + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb", []string{verifier}, []string{"grant_type=authorization_code"}},
		{"payload/graphql-variables", `{"query":"mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }","variables":{"email":"ops@example.com","password":"` + pw + `"}}`, []string{pw}, []string{"mutation Login($email: String!, $password: String!)"}},
		{"payload/k8s-secret-yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\ntype: Opaque\ndata:\n  username: " + base64.StdEncoding.EncodeToString([]byte(u)) + "\n  password: " + b64pw + "\n", []string{b64pw}, []string{"name: orders-db"}},
		{"payload/k8s-dockerconfigjson", `{"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"` + dcj + `"}}`, []string{dcj}, []string{"kubernetes.io/dockerconfigjson"}},
		{"payload/env-database-url", "DATABASE_URL=postgres://" + u + ":" + pw + "@db.internal:5432/orders\nRAILS_ENV=production\n", []string{pw}, []string{"RAILS_ENV=production"}},
		{"payload/env-slack-webhook", "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0123ABCD/B0456EFGH/" + slack + "\nLOG_LEVEL=info\n", []string{slack}, []string{"LOG_LEVEL=info"}},
		{"payload/stripe-webhook-secret", "stripe: endpoint configured, signing secret " + whsec, []string{whsec}, nil},
		{"payload/stripe-client-secret", `{"id":"pi_3MtwBwLkdIwHu7ix28a3tqPa","object":"payment_intent","client_secret":"pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_` + c.from(base62, 25) + `"}`, nil, []string{`"object":"payment_intent"`}},
		{"payload/xml-soap-password", `<soapenv:Header><wsse:Security><wsse:UsernameToken><wsse:Username>` + u + `</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">` + pw + `</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>`, []string{pw}, nil},
		{"payload/java-properties-jaas", `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="` + u + `" password="` + pw + `";` + "\nsecurity.protocol=SASL_SSL\n", []string{pw}, []string{"security.protocol=SASL_SSL"}},
		{"payload/exception-jwt", "io.jsonwebtoken.ExpiredJwtException: JWT expired at 2025-01-15T10:12:00Z. Current time: 2025-01-15T10:13:00Z. token=" + c.jwt(), nil, []string{"2025-01-15T10:12:00Z"}},
		{"payload/exception-invalid-key", "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: " + c.token("openai") + ". You can find your API key at https://platform.openai.com/account/api-keys.'}}", nil, []string{"https://platform.openai.com/account/api-keys"}},
	}
	for _, t := range ts {
		secrets := t.secrets
		if secrets == nil {
			switch {
			case strings.Contains(t.text, "_secret_"):
				s := t.text[strings.Index(t.text, `"client_secret":"`)+len(`"client_secret":"`):]
				secrets = []string{s[:strings.IndexByte(s, '"')]}
			case strings.Contains(t.text, "token=eyJ"):
				secrets = []string{t.text[strings.Index(t.text, "token=")+6:]}
			case strings.Contains(t.text, "provided: "):
				s := t.text[strings.Index(t.text, "provided: ")+10:]
				s, _, _ = strings.Cut(s, ". You")
				secrets = []string{s}
			}
		}
		c.text(t.kind, "http.request.body", t.text, secrets, t.keeps)
		c.dump(t.kind, t.text, secrets, t.keeps)
	}
	// Look-alikes that payloads carry beside secrets.
	ks := []string{
		`<script src="https://cdn.example.com/app.js" integrity="sha384-` + c.b64(48) + `" crossorigin="anonymous"></script>`,
		`"resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz", "integrity": "sha512-` + c.b64(64) + `"`,
		"X-Amzn-Trace-Id: Root=1-" + c.hex(8) + "-" + c.hex(24) + ";Parent=" + c.hex(16) + ";Sampled=1",
		"X-Cloud-Trace-Context: " + c.hex(32) + "/" + fmt.Sprint(c.n(1000000, 99999999)) + ";o=1",
		"tracestate: congo=t61rcWkgMzE,rojo=00f067aa0ba902b7",
		`{"id":"cus_` + c.from(base62, 14) + `","object":"customer","default_source":"card_` + c.from(base62, 24) + `"}`,
		"publishable key pk_live_" + c.from(base62, 24) + " loaded for checkout.js",
		"client_id=" + fmt.Sprint(c.n(100000000, 999999999)) + "-" + c.from(lower+digits, 32) + ".apps.googleusercontent.com&response_type=code",
		"code_challenge=" + c.from(b64url, 43) + "&code_challenge_method=S256",
		"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" + c.from(base62, 20) + "AAAAASUVORK5CYII=",
		"arn:aws:iam::" + fmt.Sprint(c.n(100000000000, 999999999999)) + ":role/orders-task-role",
		"-----BEGIN CERTIFICATE-----\n" + c.b64(48) + "\n" + c.b64(48) + "\n-----END CERTIFICATE-----",
		`{"event_id":"` + c.hex(32) + `","level":"error","platform":"python","release":"orders@2.14.1"}`,
		"X-GitHub-Delivery: " + c.uuid() + "\nX-GitHub-Event: push",
		`{"kind":"Pod","metadata":{"uid":"` + c.uuid() + `","resourceVersion":"` + fmt.Sprint(c.n(1000000, 99999999)) + `","labels":{"pod-template-hash":"` + c.from("bcdfghjklmnpqrstvwxz2456789", 10) + `"}}}`,
		"Slack message posted: channel=C0" + strings.ToUpper(c.from(base62, 9)) + " ts=" + fmt.Sprint(c.n(1700000000, 1799999999)) + "." + fmt.Sprint(c.n(100000, 999999)),
		"password authentication failed for user \"" + u + "\" (SQLSTATE 28P01)",
		"remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/orders.git/'",
		"WARNING: Using a password on the command line interface can be insecure.",
		"token_endpoint_auth_method=client_secret_basic grant_types=authorization_code,refresh_token",
	}
	for i, k := range ks {
		c.text(fmt.Sprintf("keep/payload-%d", i), "http.response.body", k, nil, []string{k})
	}
}

// windowsArgv splits a command line as CommandLineToArgvW does for these lines:
// at spaces outside double quotes, which it removes.
func windowsArgv(line string) []string {
	var out []string
	var b strings.Builder
	quoted, inArg := false, false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"':
			quoted, inArg = !quoted, true
		case c == ' ' && !quoted:
			if inArg {
				out = append(out, b.String())
				b.Reset()
				inArg = false
			}
		default:
			b.WriteByte(c)
			inArg = true
		}
	}
	if inArg {
		out = append(out, b.String())
	}
	return out
}
