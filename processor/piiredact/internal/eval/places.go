package eval

import (
	"net/url"
	"strings"
)

// Signal is the kind of telemetry a case travels in.
type Signal uint8

const (
	Traces Signal = iota
	Logs
	Metrics
)

// Record is what one case puts into a signal: one resource with one span, log
// record or metric data point. Maps are raw values for pcommon.Map.FromRaw.
type Record struct {
	Signal                      Signal
	Resource, Scope             map[string]any
	SpanName, Status, EventName string
	Span, Event, Link           map[string]any
	Body                        any
	LogAttrs                    map[string]any
	Point, Exemplar             map[string]any
	ExceptionEvent              bool // the event is a semconv "exception" event
}

// slot is what a place embeds: the planted value (or a look-alike standing in its
// place) with the parts that must go and stay, and neighbours to put beside it.
type slot struct {
	text    string
	class   Class
	kind    string
	context string
	secret  []string
	keep    []string
	nb      []Lookalike
}

// encode rewrites the value and its labelled parts alike, as a place that
// URL-encodes what it carries does.
func (x *slot) encode(f func(string) string) {
	if hasEscape(x.text) {
		return // already encoded (a url-encoded variant): not encoded twice
	}
	x.text = f(x.text)
	for i := range x.secret {
		x.secret[i] = f(x.secret[i])
	}
	for i := range x.keep {
		x.keep[i] = f(x.keep[i])
	}
}

// hasEscape reports a percent-escape in s.
func hasEscape(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' && strings.IndexByte("0123456789abcdefABCDEF", s[i+1]) >= 0 && strings.IndexByte("0123456789abcdefABCDEF", s[i+2]) >= 0 {
			return true
		}
	}
	return false
}

// nbText returns the i-th neighbour's text, or a fixed word when there is none.
func (x *slot) nbText(i int) string {
	if i < len(x.nb) {
		return x.nb[i].Text
	}
	return "n/a"
}

// withContext is the value with its context word before it, for formats that are
// ambiguous alone.
func (x *slot) withContext() string {
	if x.context == "" {
		return x.text
	}
	return x.context + " " + x.text
}

// place is one kind of location in telemetry. classes lists the classes of values
// that can be planted there (a person's name only goes where a key names it).
type place struct {
	name    string
	signal  Signal
	classes []Class
	fill    func(g *gen, x *slot, r *Record)
}

var (
	all         = []Class{Free, Credential, Person}
	notPerson   = []Class{Free, Credential}
	freeOnly    = []Class{Free}
	credentials = []Class{Credential}
)

// places are the locations the corpus plants into, from the OpenTelemetry semantic
// conventions' attribute registry and what the instrumentations record there.
var places = []place{
	{"span.attribute", Traces, all, func(g *gen, x *slot, r *Record) { putFields(r.Span, g, x) }},
	{"span.attribute.map", Traces, all, func(g *gen, x *slot, r *Record) {
		r.Span[pick(g, []string{"request.body", "app.payload", "payment"})] = asRaw(fields(g, x))
	}},
	{"resource.attribute", Traces, notPerson, func(g *gen, x *slot, r *Record) { putFields(r.Resource, g, x) }},
	{"scope.attribute", Traces, notPerson, func(g *gen, x *slot, r *Record) { putFields(r.Scope, g, x) }},
	{"event.attribute", Traces, all, func(g *gen, x *slot, r *Record) { putFields(r.Event, g, x) }},
	{"link.attribute", Traces, notPerson, func(g *gen, x *slot, r *Record) { putFields(r.Link, g, x) }},
	{"span.name", Traces, freeOnly, func(g *gen, x *slot, r *Record) {
		r.SpanName = pick(g, []string{"GET /users/%s", "lookup %s", "HGET customer:%s", "notify %s", "%s"})
		r.SpanName = strings.Replace(r.SpanName, "%s", x.withContext(), 1)
	}},
	{"span.status_message", Traces, notPerson, func(g *gen, x *slot, r *Record) { r.Status = prose(g, x) }},
	{"event.name", Traces, freeOnly, func(g *gen, x *slot, r *Record) { r.EventName = prose(g, x) }},
	{"http.header", Traces, notPerson, fillHTTPHeader},
	{"rpc.grpc.metadata", Traces, notPerson, fillGRPCMetadata},
	{"url.query", Traces, notPerson, fillURLQuery},
	{"url.fragment", Traces, notPerson, fillURLFragment},
	{"url.userinfo", Traces, credentials, func(g *gen, x *slot, r *Record) {
		// What userinfo cannot hold is escaped; an escape already there stays.
		esc := strings.NewReplacer("/", "%2F", "@", "%40", ":", "%3A", "?", "%3F", "#", "%23", " ", "%20")
		x.text = esc.Replace(x.text)
		x.secret = mapStrings(x.secret, esc.Replace)
		user := strings.ToLower(asciiFold(pick(g, firstNames)))
		r.Span[pick(g, []string{"url.full", "db.connection_string", "messaging.url", "http.url"})] =
			pick(g, []string{"https", "postgres", "redis", "amqps", "mongodb"}) + "://" + user + ":" + x.text + "@" +
				pick(g, []string{"db.internal:5432/orders", "cache:6379/0", "broker.example.com/vhost", "api.example.com/v1/status"})
	}},
	{"url.path", Traces, freeOnly, fillURLPath},
	{"db.statement.sql", Traces, notPerson, fillSQL},
	{"db.statement.nosql", Traces, all, fillNoSQL},
	{"db.statement.redis", Traces, notPerson, fillRedis},
	{"process.command_line", Traces, notPerson, fillCommandLine},
	{"process.command_args", Traces, notPerson, fillCommandArgs},
	{"exception.message", Traces, notPerson, func(g *gen, x *slot, r *Record) {
		r.ExceptionEvent = true
		r.Event["exception.type"] = pick(g, []string{"ValueError", "java.lang.IllegalArgumentException", "*errors.errorString", "ArgumentException"})
		r.Event["exception.message"] = exceptionMessage(g, x)
	}},
	{"exception.stacktrace", Traces, notPerson, func(g *gen, x *slot, r *Record) {
		r.ExceptionEvent = true
		r.Event["exception.type"] = "java.lang.IllegalStateException"
		r.Event["exception.stacktrace"] = stacktrace(g, x)
	}},
	{"log.body.text", Logs, notPerson, func(g *gen, x *slot, r *Record) { r.Body = prose(g, x) }},
	{"log.body.json", Logs, all, fillSerialised("log.json")},
	{"log.body.logfmt", Logs, all, fillSerialised("log.logfmt")},
	{"log.body.kv", Logs, all, fillSerialised("log.kv")},
	{"log.body.python", Logs, all, fillSerialised("log.python")},
	{"log.body.ruby", Logs, all, fillSerialised("log.ruby")},
	{"log.body.java", Logs, all, fillSerialised("log.java")},
	{"log.body.go", Logs, all, fillSerialised("log.go")},
	{"log.body.js", Logs, all, fillSerialised("log.js")},
	{"log.body.map", Logs, all, func(g *gen, x *slot, r *Record) { r.Body = asRaw(fields(g, x)) }},
	{"log.attribute", Logs, all, func(g *gen, x *slot, r *Record) { putFields(r.LogAttrs, g, x) }},
	{"metric.attribute", Metrics, all, func(g *gen, x *slot, r *Record) { putFields(r.Point, g, x) }},
	{"metric.exemplar", Metrics, notPerson, func(g *gen, x *slot, r *Record) { putFields(r.Exemplar, g, x) }},
}

// ---- keys ----

// freeKeys name where each kind of value is kept: none of them is a sensitive
// key by default, so the detectors must find the value.
var freeKeys = map[string][]string{
	KindCreditCard:     {"payment.card_number", "card", "pan", "payment.method.card"},
	KindEmail:          {"customer.contact", "email_address", "mail.to", "notify.recipient"},
	KindPhone:          {"customer.phone", "mobile", "sms.recipient", "contact.tel"},
	KindIBAN:           {"payout.iban", "account.iban", "bank_account"},
	KindIPv4:           {"client.address", "http.client_ip", "source.address", "network.peer.address"},
	KindIPv6:           {"client.address", "http.client_ip", "source.address", "network.peer.address"},
	KindNationalID:     {"customer.tax_id", "kyc.document_number", "patient.identifier", "national_id"},
	KindUSSSN:          {"applicant.ssn", "tax.ssn", "ssn"},
	KindJWT:            {"id_token", "auth.jwt", "upstream.assertion"},
	KindAPIKey:         {"ci.token", "integration.key", "config.value"},
	KindPrivateKey:     {"tls.key", "signing.pem"},
	KindAuthCredential: {"upstream.auth", "http.header"},
	KindURLCredential:  {"url.full", "http.url", "redirect_uri", "webhook.url", "callback"},
}

var neutralKeys = []string{"app.message", "note", "detail", "comment", "description", "input", "query", "value", "data", "payload", "reason", "msg", "context", "info", "args"}

// credentialNames are how applications name secrets in payloads, headers and
// configuration dumps: the default key list's words and the ones beyond it.
var credentialNames = []string{
	"password", "passwd", "pwd", "pass", "passphrase", "secret", "client_secret", "clientSecret", "token",
	"auth_token", "authToken", "access_token", "accessToken", "refresh_token", "api_key", "apiKey", "api-key",
	"x-api-key", "apiToken", "sessionToken", "session_token", "session_id", "sessionId", "sid", "private_key",
	"privateKey", "secretKey", "secret_key", "credentials", "jwt", "auth", "db_password", "SMTP_PASSWORD",
	"signing_key", "webhook_secret", "encryption_key", "otp_secret", "master_key", "dsn_password", "bearer",
}

// personPaths are nested keys whose leaf holds a person's name because its parent
// names a person.
var personPaths = [][]string{
	{"payment", "details", "holder", "name"}, {"customer", "name"}, {"customer", "full_name"}, {"cardholder", "name"},
	{"cardholder_name"}, {"billing", "name"}, {"shipping", "recipient", "name"}, {"patient", "name"}, {"user", "display_name"},
	{"account", "holder_name"}, {"order", "customer", "fullName"}, {"beneficiary", "name"}, {"contact", "name"},
	{"sender", "name"}, {"passenger", "full_name"}, {"employee", "name"}, {"payer", "name"}, {"customerName"},
	{"holderName"}, {"recipient", "displayName"}, {"guest", "lastName"}, {"member", "first_name"},
}

// neighbourKeys name look-alikes by the kind of thing they are.
func neighbourKey(kind string) string {
	k := kind
	if i := strings.IndexByte(k, '/'); i > 0 {
		k = k[:i]
	}
	switch k {
	case "uuid", "request-id":
		return "request_id"
	case "trace-id":
		return "trace_id"
	case "span-id":
		return "span_id"
	case "timestamp", "date":
		return "ts"
	case "order-number":
		return "order_id"
	case "version":
		return "version"
	case "cookie":
		return "prefs"
	case "price", "amount":
		return "amount"
	case "k8s":
		return "k8s"
	}
	return strings.ReplaceAll(k, "-", "_")
}

// fields is the structured payload of a slot: its neighbours, then the value under
// a key that fits its class, sometimes nested as real payloads are.
func fields(g *gen, x *slot) []field {
	var fs []field
	for i, n := range x.nb {
		k := neighbourKey(n.Kind)
		for _, f := range fs {
			if f.k == k {
				k += "_" + string(rune('a'+i))
			}
		}
		fs = append(fs, field{k, n.Text})
	}
	var v field
	switch x.class {
	case Person:
		path := pick(g, personPaths)
		var val any = x.text
		for i := len(path) - 1; i > 0; i-- {
			val = []field{{path[i], val}}
		}
		v = field{path[0], val}
	case Credential:
		v = field{pick(g, credentialNames), x.text}
		if g.chance(30) {
			v = field{pick(g, []string{"config", "db", "auth", "headers", "smtp"}), []field{v}}
		}
	default:
		key := pick(g, neutralKeys)
		if ks, ok := freeKeys[x.kind]; ok && g.chance(60) {
			key = pick(g, ks)
		}
		v = field{key, x.withContext()}
		if g.chance(25) {
			v = field{pick(g, []string{"request", "customer", "event", "input"}), []field{v}}
		}
	}
	// The value goes first, in the middle or last: parsers must not rely on where.
	at := g.intn(len(fs) + 1)
	fs = append(fs[:at], append([]field{v}, fs[at:]...)...)
	return fs
}

// putFields puts a payload into attributes as dotted keys.
func putFields(attrs map[string]any, g *gen, x *slot) {
	for _, f := range flatten(fields(g, x), "", nil) {
		attrs[f.k] = f.v
	}
}

// ---- prose: messages, names, log lines ----

func prose(g *gen, x *slot) string {
	var v string
	switch x.class {
	case Credential:
		v = credentialPhrase(g, pick(g, credentialNames), x.text)
	default:
		v = x.withContext()
	}
	a, b := x.nbText(0), x.nbText(1)
	switch g.intn(10) {
	case 0:
		return "payment failed for " + v + " (order " + a + ")"
	case 1:
		return "lookup " + v + " took " + b
	case 2:
		return a + " sending receipt to " + v
	case 3:
		return "value '" + v + "' rejected at " + a
	case 4:
		return "[" + a + "] " + v
	case 5:
		return "received \"" + v + "\" from " + a + ", " + b
	case 6:
		return "<" + v + "> " + a
	case 7:
		return v
	case 8:
		return "retry " + a + ": " + v + "; next in " + b
	}
	return "user input " + v + ". ref=" + a
}

// credentialPhrase writes name and secret in one of the notations applications use.
func credentialPhrase(g *gen, name, secret string) string {
	switch g.intn(7) {
	case 0:
		return name + ": " + secret
	case 1:
		return `"` + name + `": "` + secret + `"`
	case 2:
		return name + "='" + secret + "'"
	case 3:
		return name + " = " + secret
	case 4:
		return name + "=\"" + secret + "\""
	}
	return name + "=" + secret
}

func exceptionMessage(g *gen, x *slot) string {
	if x.class == Credential {
		switch g.intn(4) {
		case 0:
			return "could not connect to server: host=db.internal port=5432 user=app password=" + x.text + " dbname=orders sslmode=require"
		case 1:
			return "invalid token: " + x.text
		case 2:
			return "config error: " + credentialPhrase(g, pick(g, credentialNames), x.text) + " rejected by " + x.nbText(0)
		}
		return "login failed: {\"user\":\"app\",\"" + pick(g, credentialNames) + "\":\"" + x.text + "\"}"
	}
	switch g.intn(5) {
	case 0:
		return "invalid value " + x.withContext() + " for field " + x.nbText(0)
	case 1:
		return "no customer matches " + x.withContext()
	case 2:
		return "Validation failed: '" + x.withContext() + "' is not allowed (" + x.nbText(0) + ")"
	case 3:
		return "upstream returned 400 for " + x.withContext()
	}
	return x.withContext() + ": not found"
}

func stacktrace(g *gen, x *slot) string {
	msg := exceptionMessage(g, x)
	switch g.intn(3) {
	case 0:
		return "java.lang.IllegalStateException: " + msg + "\n\tat com.acme.checkout.PaymentService.charge(PaymentService.java:88)\n\tat com.acme.checkout.Api.post(Api.java:41)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)"
	case 1:
		return "Traceback (most recent call last):\n  File \"/app/checkout/views.py\", line 112, in charge\n    raise ValueError(msg)\nValueError: " + msg
	}
	return "panic: " + msg + "\n\ngoroutine 1 [running]:\nmain.(*Server).handle(0xc000123456)\n\t/src/server.go:214 +0x1a5\nmain.main()\n\t/src/main.go:31 +0x85"
}

// ---- HTTP headers and gRPC metadata, recorded as string arrays ----

// credentialHeaders are header names whose values are credentials.
var credentialHeaders = []string{
	"x-api-key", "x-auth-token", "api-key", "x-access-token", "x-csrf-token", "x-amz-security-token", "private-token",
	"x-vault-token", "x-goog-api-key", "x-functions-key", "ocp-apim-subscription-key", "x-shopify-access-token",
	"x-session-id", "x-refresh-token", "apikey", "x-client-secret", "x-gitlab-token", "x-upload-token",
}

func fillHTTPHeader(g *gen, x *slot, r *Record) {
	dir := pick(g, []string{"request", "response"})
	key := func(name string) string { return "http." + dir + ".header." + name }
	// Headers that sit next to credentials in every request.
	r.Span[key("content-type")] = []any{"application/json"}
	r.Span[key("x-request-id")] = []any{x.nbText(0)}
	if x.class == Credential {
		switch g.intn(5) {
		case 0:
			r.Span[key("cookie")] = []any{"session=" + x.text + "; " + pick(g, []string{"theme=dark", "lang=en-GB", "consent=true"})}
			x.keep = append(x.keep, "theme=dark", "lang=en-GB", "consent=true")
		case 1:
			r.Span["http.response.header.set-cookie"] = []any{pick(g, []string{"sid", "SESSION", "auth", "__Host-session"}) + "=" + x.text + "; Path=/; HttpOnly; Secure; SameSite=Lax"}
			x.keep = append(x.keep, "; Path=/; HttpOnly; Secure; SameSite=Lax")
		case 2:
			r.Span[key("proxy-authorization")] = []any{"Basic " + basicOf("proxy", x.text)}
			x.secret = []string{basicOf("proxy", x.text)}
		default:
			r.Span[key(pick(g, credentialHeaders))] = []any{x.text}
		}
		return
	}
	switch x.kind {
	case KindAuthCredential:
		r.Span[key("authorization")] = []any{x.text}
	case KindIPv4, KindIPv6:
		r.Span[key("x-forwarded-for")] = []any{x.text + ", 10.0.3.7"}
	case KindURLCredential:
		r.Span[key(pick(g, []string{"referer", "location", "origin"}))] = []any{x.text}
	case KindJWT, KindAPIKey:
		r.Span[key(pick(g, []string{"authorization", "x-api-key", "x-token"}))] = []any{pick(g, []string{"Bearer ", ""}) + x.text}
	default:
		r.Span[key(pick(g, []string{"x-customer-ref", "from", "x-user", "x-debug-info", "x-forwarded-user"}))] = []any{x.withContext()}
	}
}

func fillGRPCMetadata(g *gen, x *slot, r *Record) {
	key := func(name string) string { return "rpc.grpc.request.metadata." + name }
	r.Span[key("user-agent")] = []any{"grpc-go/1.60.1"}
	r.Span[key("x-request-id")] = []any{x.nbText(0)}
	switch {
	case x.class == Credential:
		r.Span[key(pick(g, []string{"x-api-key", "x-token", "auth-token", "x-auth-token", "x-session-token", "api-key"}))] = []any{x.text}
	case x.kind == KindAuthCredential:
		r.Span[key("authorization")] = []any{x.text}
	default:
		r.Span[key(pick(g, []string{"x-customer", "x-user-email", "x-debug", "x-caller"}))] = []any{x.withContext()}
	}
}

// ---- URLs ----

func urlAttr(g *gen) string {
	return pick(g, []string{"url.full", "http.url", "url.original", "http.target"})
}

func fillURLQuery(g *gen, x *slot, r *Record) {
	base := "https://" + pick(g, []string{"api.example.com", "shop.example.org", "10.0.3.7:8080"}) + "/v1/" + pick(g, []string{"search", "customers", "callback", "verify"})
	if x.class == Credential {
		name := pick(g, []string{"token", "access_token", "api_key", "apikey", "key", "password", "secret", "sig", "auth", "session", "code", "client_secret", "private_token", "jwt", "id_token"})
		x.encode(url.QueryEscape)
		r.Span[urlAttr(g)] = base + "?page=2&" + name + "=" + x.text + "&ts=" + x.nbText(0)
		if g.chance(40) {
			r.Span["url.query"] = "page=2&" + name + "=" + x.text
		}
		return
	}
	if x.kind != KindEmail && x.kind != KindURLCredential {
		x.encode(url.QueryEscape)
	}
	name := pick(g, []string{"q", "email", "phone", "to", "recipient", "filter", "value", "account", "user", "ref"})
	if x.kind == "" {
		name = pick(g, []string{"q", "filter", "value", "ref", "since", "cursor"}) // a look-alike is not under a name that says phone
	}
	r.Span[urlAttr(g)] = base + "?" + name + "=" + x.text + "&ts=" + x.nbText(0)
}

func fillURLFragment(g *gen, x *slot, r *Record) {
	if x.class == Credential {
		x.encode(url.QueryEscape)
		r.Span[urlAttr(g)] = "https://app.example.com/oauth/callback#" + pick(g, []string{"access_token", "id_token", "token"}) + "=" + x.text + "&token_type=Bearer&expires_in=3600"
		x.keep = append(x.keep, "&token_type=Bearer&expires_in=3600")
		return
	}
	x.encode(url.PathEscape)
	r.Span[urlAttr(g)] = "https://app.example.com/#/customers/" + x.text + "?tab=" + x.nbText(0)
}

func fillURLPath(g *gen, x *slot, r *Record) {
	if x.kind == KindURLCredential {
		r.Span[urlAttr(g)] = x.text
		return
	}
	if x.kind == KindPhone && g.chance(50) {
		x.encode(url.PathEscape)
	} else if strings.ContainsAny(x.text, " /?#") {
		x.encode(url.PathEscape)
	}
	path := "/api/v1/" + pick(g, []string{"users", "customers", "phones", "cards", "accounts"}) + "/" + x.text + "/" + pick(g, []string{"orders", "profile", "verify"})
	if g.chance(50) {
		r.Span["url.path"] = path
	} else {
		r.Span[urlAttr(g)] = "https://api.example.com" + path + "?v=" + x.nbText(0)
	}
}

// ---- database statements ----

func dbAttr(g *gen) string { return pick(g, []string{"db.query.text", "db.statement"}) }

func fillSQL(g *gen, x *slot, r *Record) {
	r.Span["db.system"] = pick(g, []string{"postgresql", "mysql", "mssql", "oracle"})
	esc := strings.ReplaceAll(x.withContext(), "'", "''")
	x.secret = replaceAll(x.secret, "'", "''")
	if x.class == Credential {
		r.Span[dbAttr(g)] = sprintf1(pick(g, []string{
			"CREATE USER 'app'@'%%' IDENTIFIED BY '%s'",
			"ALTER USER app WITH PASSWORD '%s'",
			"CREATE ROLE reporting WITH LOGIN PASSWORD '%s' VALID UNTIL 'infinity'",
			"ALTER LOGIN sa WITH PASSWORD = '%s'",
			"SET PASSWORD FOR 'app'@'localhost' = '%s'",
			"ALTER USER app IDENTIFIED BY \"%s\"",
			"UPDATE integrations SET api_token = '%s' WHERE id = 42",
			"CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password '%s')",
		}), esc)
		return
	}
	field := "contact"
	if x.kind == "" {
		field = "external_ref" // a look-alike is not under a name that says contact
	}
	r.Span[dbAttr(g)] = sprintf1(pick(g, []string{
		"SELECT id, status FROM orders WHERE customer_ref = '%s' AND created_at > '2024-01-01' LIMIT 50",
		"INSERT INTO payments (order_id, instrument, amount) VALUES ('" + x.nbText(0) + "', '%s', 12.50)",
		"UPDATE customers SET " + field + " = '%s' WHERE id = 42",
		"DELETE FROM sessions WHERE origin = '%s'",
	}), esc)
}

func fillNoSQL(g *gen, x *slot, r *Record) {
	r.Span["db.system"] = pick(g, []string{"mongodb", "elasticsearch", "couchbase"})
	v := jsonInner(x.withContext())
	x.secret = mapStrings(x.secret, jsonInner)
	switch x.class {
	case Credential:
		r.Span[dbAttr(g)] = pick(g, []string{
			`{"createUser":"app","pwd":"` + v + `","roles":["readWrite"]}`,
			`db.createUser({user: "app", pwd: "` + v + `", roles: ["readWrite"]})`,
			`{"insert":"users","documents":[{"login":"app","password":"` + v + `"}]}`,
			`{"update":"integrations","updates":[{"q":{"_id":42},"u":{"$set":{"apiKey":"` + v + `"}}}]}`,
		})
	case Person:
		r.Span[dbAttr(g)] = `{"insert":"payments","documents":[{"order":"` + x.nbText(0) + `","payment":{"details":{"holder":{"name":"` + v + `"}}}}]}`
	default:
		field := "contact"
		if x.kind == "" {
			field = "external_ref" // a look-alike is not under a name that says contact
		}
		r.Span[dbAttr(g)] = pick(g, []string{
			`{"find":"customers","filter":{"` + field + `":"` + v + `"},"limit":1}`,
			`{"query":{"term":{"` + field + `.keyword":"` + v + `"}}}`,
			`{"aggregate":"orders","pipeline":[{"$match":{"ref":"` + v + `"}}]}`,
		})
	}
}

func fillRedis(g *gen, x *slot, r *Record) {
	r.Span["db.system"] = "redis"
	if x.class == Credential {
		r.Span[dbAttr(g)] = pick(g, []string{
			"AUTH " + x.text,
			"AUTH default " + x.text,
			"CONFIG SET requirepass " + x.text,
			"SET session:" + g.hex(16) + " " + x.text + " EX 3600",
			"SETEX token:42 3600 " + x.text,
			"HSET session:" + g.hex(16) + " token " + x.text,
			"HELLO 3 AUTH default " + x.text,
			"MIGRATE 10.0.3.9 6379 session:1 0 5000 AUTH " + x.text,
		})
		return
	}
	t := x.withContext()
	if strings.ContainsAny(t, " ") {
		t = `"` + t + `"`
	}
	field := "contact"
	if x.kind == "" {
		field = "external_ref" // a look-alike is not under a name that says contact
	}
	r.Span[dbAttr(g)] = pick(g, []string{"GET customer:" + t, "HSET customer:42 " + field + " " + t, "SADD seen " + t, "LPUSH notify " + t})
}

// ---- command lines ----

// commandLine returns a command line that holds the slot's value.
func commandLine(g *gen, x *slot) string {
	s := x.text
	if x.class != Credential {
		t := x.withContext()
		switch g.intn(4) {
		case 0:
			if x.kind == KindURLCredential {
				return "curl -s '" + x.text + "'"
			}
			if x.context != "" {
				return "/usr/local/bin/notify --to '" + t + "' --template receipt"
			}
			x.encode(url.QueryEscape)
			return "curl -s 'https://api.example.com/v1/customers?ref=" + x.text + "'"
		case 1:
			return "/usr/local/bin/notify --to '" + t + "' --template receipt"
		case 2:
			return "python3 manage.py lookup '" + t + "'"
		}
		return "java -jar billing.jar --instrument='" + t + "' --dry-run"
	}
	switch g.intn(22) {
	case 0:
		return "mysql -h db.internal -u app -p" + s + " orders"
	case 1:
		return "mysql --user=app --password=" + s + " --host=db.internal orders"
	case 2:
		return "mysqldump -uroot -p" + s + " --all-databases"
	case 3:
		return "PGPASSWORD=" + s + " psql -h db.internal -U app orders"
	case 4:
		return "redis-cli -h cache.internal -p 6379 -a " + s + " ping"
	case 5:
		return "curl -u admin:" + s + " https://api.example.com/health"
	case 6:
		return "curl -s -H 'X-Api-Key: " + s + "' https://api.example.com/v1/orders"
	case 7:
		return "curl -H \"Authorization: Token " + s + "\" https://api.example.com/v1/me"
	case 8:
		return "curl --header 'PRIVATE-TOKEN: " + s + "' https://gitlab.example.com/api/v4/projects"
	case 9:
		return "docker login -u ci -p " + s + " registry.example.com"
	case 10:
		return "docker login --username ci --password " + s + " registry.example.com"
	case 11:
		return "sshpass -p " + s + " ssh deploy@10.0.3.7"
	case 12:
		return "mongosh --host mongo.internal -u admin -p " + s + " --authenticationDatabase admin"
	case 13:
		return "wget --user=ci --password=" + s + " https://repo.example.com/artifact.tar.gz"
	case 14:
		return "ldapsearch -x -H ldap://ldap.internal -D cn=admin,dc=example,dc=com -w " + s + " -b dc=example,dc=com"
	case 15:
		return "openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:" + s
	case 16:
		return "kubectl --token=" + s + " --server=https://10.0.0.1:6443 get pods"
	case 17:
		return "sqlcmd -S db.internal -U sa -P " + s + " -Q \"SELECT 1\""
	case 18:
		return "API_TOKEN=" + s + " ./deploy.sh --env prod"
	case 19:
		return "java -Dspring.datasource.password=" + s + " -jar app.jar"
	case 20:
		return "./migrate --db-password " + s + " --db-host db.internal"
	}
	return "REDISCLI_AUTH=" + s + " redis-cli -h cache.internal info"
}

func fillCommandLine(g *gen, x *slot, r *Record) {
	target := r.Span
	if g.chance(50) {
		target = r.Resource // process.* attributes are resource attributes
	}
	target["process.command_line"] = commandLine(g, x)
}

func fillCommandArgs(g *gen, x *slot, r *Record) {
	args := shellSplit(commandLine(g, x))
	arr := make([]any, len(args))
	for i, a := range args {
		arr[i] = a
	}
	target := r.Span
	if g.chance(50) {
		target = r.Resource
	}
	target["process.command_args"] = arr
	target["process.executable.name"] = args[0]
}

// shellSplit splits a command line as a POSIX shell would, for the quoting the
// corpus uses (single and double quotes, no escapes).
func shellSplit(s string) []string {
	var out []string
	var cur strings.Builder
	var quote byte
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '\'' || c == '"':
			quote, in = c, true
		case c == ' ':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

// ---- log bodies ----

func fillSerialised(format string) func(g *gen, x *slot, r *Record) {
	return func(g *gen, x *slot, r *Record) {
		fs := append([]field{{"level", "info"}, {"msg", pick(g, []string{"request handled", "charge attempt", "user updated"})}}, fields(g, x)...)
		out := serialisations[format](fs)
		// What a serialisation escapes, the labels must say escaped.
		if format == "log.json" {
			x.secret = mapStrings(x.secret, jsonInner)
		}
		if format == "log.ruby" || format == "log.logfmt" {
			for i, s := range x.secret {
				if !strings.Contains(out, s) {
					x.secret[i] = strings.TrimSuffix(strings.TrimPrefix(quoteGo(s), `"`), `"`)
				}
			}
		}
		r.Body = out
	}
}

func jsonInner(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(jsonString(s), `"`), `"`)
}

func quoteGo(s string) string {
	var b strings.Builder
	b.WriteString(`"`)
	b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s))
	b.WriteString(`"`)
	return b.String()
}

func mapStrings(xs []string, f func(string) string) []string {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

func replaceAll(xs []string, old, repl string) []string {
	return mapStrings(xs, func(s string) string { return strings.ReplaceAll(s, old, repl) })
}

func sprintf1(format, v string) string {
	return strings.Replace(strings.ReplaceAll(format, "%%", "%"), "%s", v, 1)
}
