package fieldsecrets

import (
	"fmt"
	"net/url"
	"strings"
)

// connections plants passwords in the connection strings of common drivers and
// brokers, written as their documentation writes them.
func (c *corpus) connections() {
	pw := c.password(true)
	u, h := c.user(), c.host()
	acct := c.token("azure-storage")
	sas := c.token("azure-sas-key")
	type tpl struct{ kind, dsn, secret string }
	ts := []tpl{
		{"dsn/jdbc-postgresql-query", "jdbc:postgresql://" + h + ":5432/orders?user=" + u + "&password=" + pw + "&ssl=true", pw},
		{"dsn/jdbc-mysql-userinfo", "jdbc:mysql://" + u + ":" + pw + "@" + h + ":3306/shop?useSSL=true", pw},
		{"dsn/jdbc-sqlserver", "jdbc:sqlserver://" + h + ":1433;databaseName=orders;user=" + u + ";password=" + pw + ";encrypt=true;trustServerCertificate=false", pw},
		{"dsn/jdbc-oracle-thin", "jdbc:oracle:thin:" + u + "/" + pw + "@//" + h + ":1521/ORCLPDB1", pw},
		{"dsn/jdbc-db2", "jdbc:db2://" + h + ":50000/SAMPLE:user=" + u + ";password=" + pw + ";", pw},
		{"dsn/adonet-sqlserver", "Server=tcp:" + h + ",1433;Initial Catalog=orders;Persist Security Info=False;User ID=" + u + ";Password=" + pw + ";MultipleActiveResultSets=False;Encrypt=True;Connection Timeout=30;", pw},
		{"dsn/adonet-pwd", "Data Source=" + h + ";Initial Catalog=orders;User Id=" + u + ";Pwd=" + pw + ";", pw},
		{"dsn/npgsql", "Host=" + h + ";Port=5432;Database=orders;Username=" + u + ";Password=" + pw + ";SSL Mode=Require", pw},
		{"dsn/azure-storage", "DefaultEndpointsProtocol=https;AccountName=acmeorders;AccountKey=" + acct + ";EndpointSuffix=core.windows.net", acct},
		{"dsn/azure-servicebus", "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + sas, sas},
		{"dsn/azure-cosmos", "AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=" + acct + ";", acct},
		{"dsn/odbc-braced", "Driver={ODBC Driver 18 for SQL Server};Server=" + h + ";Database=orders;Uid=" + u + ";Pwd={" + pw + "};Encrypt=yes;", pw},
		{"dsn/odbc-dsn", "DSN=Reporting;UID=" + u + ";PWD=" + pw, pw},
		{"dsn/libpq-keyvalue", "host=" + h + " port=5432 dbname=orders user=" + u + " password=" + pw + " sslmode=verify-full", pw},
		{"dsn/libpq-quoted", "host=" + h + " user=" + u + " password='" + pw + "' dbname=orders connect_timeout=10", pw},
		{"dsn/postgres-url", "postgres://" + u + ":" + pw + "@" + h + ":5432/orders?sslmode=disable", pw},
		{"dsn/mongodb-srv", "mongodb+srv://" + u + ":" + pw + "@cluster0.x7kq2.mongodb.net/orders?retryWrites=true&w=majority&appName=orders", pw},
		{"dsn/mongodb-replicaset", "mongodb://" + u + ":" + pw + "@mongo-0.mongo:27017,mongo-1.mongo:27017/orders?replicaSet=rs0&authSource=admin", pw},
		{"dsn/amqp", "amqp://" + u + ":" + pw + "@rabbitmq.messaging:5672/prod", pw},
		{"dsn/amqps", "amqps://" + u + ":" + pw + "@b-1234.mq.eu-west-1.amazonaws.com:5671", pw},
		{"dsn/kafka-jaas-plain", `org.apache.kafka.common.security.plain.PlainLoginModule required username="` + u + `" password="` + pw + `";`, pw},
		{"dsn/kafka-jaas-property", `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username='` + u + `' password='` + pw + `';`, pw},
		{"dsn/redis-url", "redis://:" + pw + "@redis-master.cache.svc:6379/0", pw},
		{"dsn/rediss-url-user", "rediss://default:" + pw + "@redis-12345.c1.eu-west-1-1.ec2.cloud.redislabs.com:12345", pw},
		{"dsn/smtp-url", "smtp://" + u + "%40example.com:" + pw + "@smtp.example.com:587", pw},
		{"dsn/smtps-url", "smtps://apikey:" + pw + "@smtp.sendgrid.net:465", pw},
		{"dsn/go-mysql", u + ":" + pw + "@tcp(" + h + ":3306)/orders?parseTime=true&loc=UTC", pw},
		{"dsn/sqlserver-url", "sqlserver://sa:" + pw + "@" + h + ":1433?database=orders&encrypt=disable", pw},
		{"dsn/clickhouse-url", "clickhouse://" + u + ":" + pw + "@" + h + ":9000/default?dial_timeout=10s", pw},
		{"dsn/nats-url", "nats://" + u + ":" + pw + "@nats.messaging:4222", pw},
		{"dsn/mqtt-url", "mqtts://" + u + ":" + pw + "@broker.hivemq.example:8883", pw},
		{"dsn/ldap-bind", "ldap://ldap.example.com:389 bindDN=cn=admin,dc=example,dc=com bindPassword=" + pw, pw},
	}
	keys := []string{"db.connection_string", "messaging.connection", "app.datasource", "config.value"}
	for i, t := range ts {
		text := t.dsn
		switch i % 3 {
		case 1:
			text = "failed to connect to `" + t.dsn + "`: dial tcp 10.0.3.4:5432: connect: connection refused"
		case 2:
			text = "Opening connection pool with " + t.dsn
		}
		c.text(t.kind, keys[i%len(keys)], text, []string{t.secret}, nil)
	}

	// Connection strings with no secret in them, or a masked or referenced one.
	ks := []string{
		"postgres://" + u + "@" + h + ":5432/orders?sslmode=require",
		"host=" + h + " port=5432 dbname=orders user=" + u + " sslmode=require",
		"postgres://" + u + ":****@" + h + ":5432/orders",
		"postgres://" + u + ":${DB_PASSWORD}@" + h + ":5432/orders",
		"Server=" + h + ";Database=orders;Integrated Security=SSPI;TrustServerCertificate=True",
		"jdbc:postgresql://" + h + ":5432/orders?ssl=true&sslmode=verify-full&ApplicationName=orders",
		"mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/orders?replicaSet=rs0&readPreference=secondaryPreferred",
		"amqp://rabbitmq.messaging:5672/prod",
		"redis://redis-master.cache.svc:6379/0",
		"Server=" + h + ";Database=orders;User Id=" + u + ";Password=<password>;",
	}
	for i, k := range ks {
		c.text(fmt.Sprintf("keep/dsn-%d", i), "db.connection_string", "connecting: "+k, nil, []string{k})
	}
}

// headers plants credentials under request headers and gRPC metadata other than
// Authorization, as HTTP and gRPC instrumentations record them when told to.
func (c *corpus) headers() {
	tok := c.token(c.pick(bearerVendors...))
	hex32 := c.hex(32)
	sid := c.from(b64url, 32)
	pw := c.password(true)
	b := basic(c.user(), pw)
	type tpl struct{ kind, name, value, secret string }
	ts := []tpl{
		{"header/x-api-key", "X-Api-Key", hex32, hex32},
		{"header/x-auth-token", "X-Auth-Token", tok, tok},
		{"header/proxy-authorization", "Proxy-Authorization", "Basic " + b, b},
		{"header/x-amz-security-token", "X-Amz-Security-Token", "IQoJb3JpZ2luX2VjE" + c.from(base62+"/+", 300) + "==", ""},
		{"header/x-goog-api-key", "X-Goog-Api-Key", c.token("google"), ""},
		{"header/x-vault-token", "X-Vault-Token", c.token("vault"), ""},
		{"header/private-token", "Private-Token", c.token("gitlab"), ""},
		{"header/x-gitlab-token", "X-Gitlab-Token", c.from(base62, 32), ""},
		{"header/x-shopify-access-token", "X-Shopify-Access-Token", c.token("shopify"), ""},
		{"header/dd-api-key", "DD-API-KEY", c.hex(32), ""},
		{"header/x-honeycomb-team", "X-Honeycomb-Team", c.from(base62, 22), ""},
		{"header/x-functions-key", "x-functions-key", c.from(b64url, 54) + "==", ""},
		{"header/ocp-apim-subscription-key", "Ocp-Apim-Subscription-Key", c.hex(32), ""},
		{"header/api-key", "api-key", c.hex(32), ""},
		{"header/x-rapidapi-key", "X-RapidAPI-Key", c.hex(50), ""},
		{"header/x-csrf-token", "X-CSRF-Token", c.from(b64url, 43), ""},
		{"header/x-figma-token", "X-Figma-Token", "figd_" + c.from(b64url, 40), ""},
		{"header/x-access-token", "x-access-token", c.jwt(), ""},
		{"header/x-session-id", "X-Session-Id", sid, sid},
		{"header/cookie-session", "Cookie", "theme=dark; sessionid=" + sid + "; _ga=GA1.2.1234567890.1700000000", sid},
		{"header/cookie-jsessionid", "Cookie", "JSESSIONID=" + strings.ToUpper(c.hex(32)) + "; lang=en", ""},
		{"header/set-cookie", "Set-Cookie", "__Host-session=" + sid + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=86400", sid},
		{"header/sentry-auth", "X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=sentry.python/2.19.0, sentry_key=" + hex32, hex32},
		{"header/authorization-token-scheme", "Authorization", "token " + c.token("github"), ""},
		{"header/authorization-aws4", "Authorization", "AWS4-HMAC-SHA256 Credential=" + c.token("aws-id") + "/20250115/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + c.hex(64), ""},
	}
	for _, t := range ts {
		secret := t.secret
		if secret == "" {
			secret = t.value
			switch {
			case strings.HasPrefix(t.value, "JSESSIONID="):
				secret = t.value[len("JSESSIONID=") : len("JSESSIONID=")+32]
			case strings.HasPrefix(t.value, "token "):
				secret = t.value[len("token "):]
			case strings.HasPrefix(t.value, "AWS4-HMAC-SHA256"):
				secret = t.value[strings.LastIndex(t.value, "=")+1:]
			}
		}
		var keeps []string
		if strings.Contains(t.value, "SameSite=Lax") {
			keeps = []string{"SameSite=Lax"}
		}
		if strings.HasPrefix(t.value, "theme=dark") {
			keeps = []string{"theme=dark"}
		}
		c.header(t.kind, t.name, t.value, []string{secret}, keeps)
	}
	// Headers that look like credentials and are not.
	etag := `"` + c.hex(40) + `"`
	ks := []struct{ kind, name, value string }{
		{"keep/header-request-id", "X-Request-Id", c.uuid()},
		{"keep/header-traceparent", "traceparent", "00-" + c.hex(32) + "-" + c.hex(16) + "-01"},
		{"keep/header-b3", "X-B3-TraceId", c.hex(32)},
		{"keep/header-etag", "If-None-Match", etag},
		{"keep/header-amz-id-2", "x-amz-id-2", c.b64(48)},
		{"keep/header-amz-request-id", "x-amz-request-id", strings.ToUpper(c.hex(16))},
		{"keep/header-content-md5", "Content-MD5", c.b64(16)},
		{"keep/header-idempotency-key", "Idempotency-Key", c.uuid()},
		{"keep/header-github-request-id", "X-GitHub-Request-Id", strings.ToUpper(c.hex(4) + ":" + c.hex(5) + ":" + c.hex(6) + ":" + c.hex(6) + ":" + c.hex(8))},
		{"keep/header-cf-ray", "CF-RAY", c.hex(16) + "-AMS"},
		{"keep/header-ratelimit", "X-RateLimit-Remaining", fmt.Sprint(c.n(0, 5000))},
		{"keep/header-cookie-prefs", "Cookie", "theme=dark; lang=en-GB; tz=Europe%2FLondon"},
		{"keep/header-user-agent", "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36"},
		{"keep/header-signature-key-id", "Signature-Input", `sig1=("@method" "@target-uri");created=1736937600;keyid="test-key-rsa-pss"`},
	}
	for _, k := range ks {
		c.header(k.kind, k.name, k.value, nil, []string{k.value})
	}
}

// links plants tokens in URL paths, queries and fragments: signed object URLs,
// OAuth redirects, webhook and bot URLs, query API keys.
func (c *corpus) links() {
	akid := c.token("aws-id")
	sig := c.hex(64)
	stok := "IQoJb3JpZ2luX2VjE" + c.from(base62, 200)
	gsig := c.hex(256)
	sas := c.b64(32)
	acc := c.from(b64url, 43)
	code := c.from(b64url, 30)
	slack := c.from(base62, 24)
	disc := c.from(b64url, 68)
	tg := c.token("telegram")
	gkey := c.token("google")
	k32 := c.hex(32)
	type tpl struct {
		kind    string
		u       string
		secrets []string
		keeps   []string
	}
	ts := []tpl{
		{"url/s3-presigned", "https://acme-exports.s3.eu-west-1.amazonaws.com/reports/2025-01.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + akid + "%2F20250115%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20250115T101200Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=" + sig,
			[]string{akid, sig}, []string{"X-Amz-Date=20250115T101200Z", "X-Amz-Expires=3600", "/reports/2025-01.csv"}},
		{"url/s3-presigned-session", "https://acme-exports.s3.amazonaws.com/a/b.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + akid + "%2F20250115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250115T101200Z&X-Amz-Expires=900&X-Amz-Security-Token=" + url.QueryEscape(stok) + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + sig,
			[]string{akid, stok, sig}, []string{"X-Amz-Expires=900"}},
		{"url/gcs-signed", "https://storage.googleapis.com/acme-media/video.mp4?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=uploader%40acme-prod.iam.gserviceaccount.com%2F20250115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20250115T101200Z&X-Goog-Expires=600&X-Goog-SignedHeaders=host&X-Goog-Signature=" + gsig,
			[]string{gsig}, []string{"X-Goog-Expires=600", "/acme-media/video.mp4"}},
		{"url/azure-sas", "https://acmeorders.blob.core.windows.net/exports/orders.csv?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2025-01-16T10:12:00Z&st=2025-01-15T10:12:00Z&spr=https&sig=" + url.QueryEscape(sas),
			[]string{url.QueryEscape(sas)}, []string{"sv=2022-11-02", "/exports/orders.csv"}},
		{"url/oauth-implicit-fragment", "https://app.example.com/callback#access_token=" + acc + "&token_type=Bearer&expires_in=3600&state=" + c.hex(16),
			[]string{acc}, []string{"token_type=Bearer", "expires_in=3600"}},
		{"url/oauth-code", "https://app.example.com/oauth/callback?code=" + code + "&state=" + c.hex(16),
			[]string{code}, []string{"/oauth/callback"}},
		{"url/oauth-id-token-fragment", "https://app.example.com/signin-oidc#id_token=" + c.jwt() + "&session_state=" + c.uuid(),
			nil, []string{"/signin-oidc"}},
		{"url/slack-webhook", "https://hooks.slack.com/services/T" + strings.ToUpper(c.from(base62, 8)) + "/B" + strings.ToUpper(c.from(base62, 10)) + "/" + slack,
			[]string{slack}, nil},
		{"url/discord-webhook", "https://discord.com/api/webhooks/" + fmt.Sprint(c.n(100000000, 999999999)) + "123456789/" + disc,
			[]string{disc}, nil},
		{"url/telegram-bot", "https://api.telegram.org/bot" + tg + "/sendMessage?chat_id=-100" + fmt.Sprint(c.n(1000000000, 9999999999)),
			[]string{tg[strings.IndexByte(tg, ':')+1:]}, []string{"/sendMessage"}},
		{"url/google-chat-webhook", "https://chat.googleapis.com/v1/spaces/AAAA" + c.from(b64url, 7) + "/messages?key=" + gkey + "&token=" + url.QueryEscape(c.from(b64url, 43)),
			[]string{gkey}, nil},
		{"url/teams-webhook", "https://acme.webhook.office.com/webhookb2/" + c.uuid() + "@" + c.uuid() + "/IncomingWebhook/" + k32 + "/" + c.uuid() + "/V2" + c.from(b64url, 43),
			[]string{k32}, nil},
		{"url/query-api-key", "https://api.openweathermap.org/data/2.5/weather?q=London&appid=" + k32 + "&units=metric",
			[]string{k32}, []string{"units=metric"}},
		{"url/query-apikey", "https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key=" + gkey,
			[]string{gkey}, nil},
		{"url/query-access-token", "https://graph.facebook.com/v19.0/me/accounts?access_token=EAA" + acc + "&fields=id,name",
			[]string{"EAA" + acc}, []string{"fields=id,name"}},
		{"url/userinfo-token", "https://" + c.token("github") + "@raw.githubusercontent.com/acme/infra/main/values.yaml",
			nil, []string{"/acme/infra/main/values.yaml"}},
		{"url/password-reset-path", "https://shop.example.com/account/reset-password/" + acc + "?utm_source=email",
			[]string{acc}, []string{"utm_source=email"}},
		{"url/magic-link", "https://app.example.com/auth/magic?token=" + acc + "&redirect=%2Fdashboard",
			[]string{acc}, []string{"redirect=%2Fdashboard"}},
	}
	for _, t := range ts {
		secrets := t.secrets
		if secrets == nil {
			switch {
			case strings.Contains(t.u, "id_token="):
				s := t.u[strings.Index(t.u, "id_token=")+len("id_token="):]
				secrets = []string{s[:strings.IndexByte(s, '&')]}
			case strings.HasPrefix(t.u, "https://gh"):
				secrets = []string{t.u[len("https://"):strings.IndexByte(t.u, '@')]}
			}
		}
		c.link(t.kind, t.u, secrets, t.keeps)
	}
	// URLs with identifiers that are not secrets.
	sha := c.hex(40)
	digest := "sha256:" + c.hex(64)
	ks := []struct{ kind, u string }{
		{"keep/url-commit", "https://github.com/acme/orders/commit/" + sha},
		{"keep/url-registry-manifest", "https://ghcr.io/v2/acme/orders/manifests/" + digest},
		{"keep/url-registry-blob", "https://registry-1.docker.io/v2/library/postgres/blobs/" + digest},
		{"keep/url-uuid-path", "https://api.example.com/v1/orders/" + c.uuid() + "/items?page=2&per_page=50"},
		{"keep/url-page-token", "https://www.googleapis.com/drive/v3/files?pageToken=" + c.from(b64url, 40) + "&pageSize=100"},
		{"keep/url-cursor", "https://api.example.com/v1/events?cursor=" + c.b64url(24) + "&limit=100"},
		{"keep/url-cache-buster", "https://cdn.example.com/assets/app." + c.hex(20) + ".js?v=" + c.hex(8)},
		{"keep/url-trace-id", "https://tempo.example.com/explore?traceId=" + c.hex(32)},
		{"keep/url-state-only", "https://app.example.com/login?state=" + c.hex(16) + "&error=access_denied"},
		{"keep/url-ipfs", "https://ipfs.io/ipfs/bafybei" + c.from("abcdefghijklmnopqrstuvwxyz234567", 52)},
	}
	for _, k := range ks {
		rest := k.u[strings.Index(k.u, "://")+3:]
		c.link(k.kind, k.u, nil, []string{rest[strings.IndexByte(rest, '/'):]})
	}
}
