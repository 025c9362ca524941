package piiredact

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// update rewrites the corpus and the expected golden files from the code:
// go test ./processor/piiredact -run 'Corpus|Golden' -update
var update = flag.Bool("update", false, "rewrite testdata golden files")

const corpusDir = "testdata/corpus"

// Planted PII and secrets: every built-in detector, and key rules, in every place.
const (
	plantVisa      = "4111 1111 1111 1111"
	plantAmex      = "378282246310005"
	plantMaster    = "5555-5555-5555-4444"
	plantEmail     = "jane.doe@example.com"
	plantEmailEnc  = "ops.team%40example.org"
	plantSSN       = "123-45-6789"
	plantPhoneUS   = "+1 (415) 555-2671"
	plantPhoneUK   = "+44 20 7946 0958"
	plantPhoneNANP = "415-555-0199"
	plantIPv4      = "203.0.113.42"
	plantIPv6      = "2001:db8::8a2e:370:7334"
	plantIBAN      = "DE89 3704 0044 0532 0130 00"
	plantIBAN2     = "GB82WEST12345698765432"
	plantJWT       = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	plantBearer    = "8f14e45fceea167a5a36dedd4bea2543"
	plantBasic     = "dXNlcjpwYXNzd29yZA=="
	plantAWS       = "AKIAIOSFODNN7EXAMPLE"
	plantStripe    = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
	plantGitHub    = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
	plantSlack     = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"
	plantURLToken  = "tok_9f8e7d6c5b4a3210"
	plantUserinfo  = "admin:hunter2"
	plantPassword  = "Tr0ub4dor&3"
	plantCookie    = "sid=31d4d96e407aad42"
	plantAuthHdr   = "Token abcdef0123456789"
	// Secrets real services leak that the first corpus did not carry.
	plantPEMBody    = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"
	plantPEM        = "-----BEGIN RSA PRIVATE KEY-----\n" + plantPEMBody + "\n-----END RSA PRIVATE KEY-----"
	plantAWSSecret  = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	plantPGPassword = "pg-s3cr3t-Pa55"
	plantSessionID  = "8c3f2a9d41e7b605"
	plantGitLab     = "glpat-xYz0123456789abcdefGH"
	plantSendGrid   = "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"
	plantVault      = "hvs.CAESIJ1Xk2f8aYb3nQZrPpL0mWcT4uVsD5eR"
	plantMaestro    = "5018 0000 0000 7"
	plantUnionPay   = "6212-3456-7890-1234-569"
	plantUserName   = "Jane Q. Doe"
	plantNINO       = "AB 12 34 56 C"
	plantSIN        = "046 454 286"
	plantAadhaar    = "2345 6789 0124"
	plantCPF        = "529.982.247-25"
	plantDNI        = "12345678Z"
	plantNIR        = "1 84 12 76 451 089 46"
	// Issue #20's kinds: credentials on command lines, in statements, in header arrays
	// and under key names beyond the list, tokens in URL paths, names under a person.
	plantMySQLPwd   = "My5ql-Pa55word"
	plantRedisAuth  = "rEd1s-Auth-2024"
	plantHeaderKey  = "a1b2c3d4e5f6a7b8c9d0"
	plantBotToken   = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
	plantSessionTok = "9f86d081884c7d659a2feaa0c55ad015"
	plantHolderName = "Jane Q. Holder"
	plantGoMapPwd   = "g0-map-Secret!"
	// National identifiers of more countries, and phone numbers as countries write
	// them at home and as URLs carry them.
	plantCodiceFiscale = "RSSMRA85T10A562S"
	plantBSN           = "111222333"
	plantPESEL         = "44051401359"
	plantHETU          = "131052-308T"
	plantSteuerID      = "36 574 261 809"
	plantAHV           = "756.9217.0769.85"
	plantPPSN          = "6433435F"
	plantNHS           = "943 476 5919"
	plantPersonnummer  = "590819-9424"
	plantCURP          = "BOXW310820HNERXN09"
	plantCUIT          = "20-26756539-3"
	plantCNPJ          = "16.727.230/0001-97"
	plantRUT           = "12.531.909-2"
	plantPAN           = "ACUPA7085R"
	plantGSTIN         = "27AAPFU0939F1ZV"
	plantPhoneDE       = "030 123456"
	plantPhoneFR       = "06 12 34 56 78"
	plantPhoneES       = "612 34 56 78"
	plantPhoneBR       = "(11) 91234-5678"
	plantPhoneIN       = "98765 43210"
	plantPhoneJP       = "090-1234-5678"
	plantPhoneEnc      = "%2B442079460958"
)

// Values that must arrive byte for byte: IDs, numbers, versions and look-alikes.
var corpusIntact = append([]string{
	"checkout", "ORD-2024-000123456", "550e8400-e29b-41d4-a716-446655440000",
	"v2.13.0", "1732480000000", "https://shop.example.com/pay", "GET /api/v1/orders",
	"order 4111111111111112 shipped", "price 1299.99 EUR", "2026-11-24T20:01:00Z",
	"payment declined", "retrying", "cart", "eu-west-1",
	// The services' own addresses and versions that look like addresses.
	"10.0.3.7", "http://127.0.0.1:8083/route?dropoff=577", "fd00:10:244::5", "169.254.169.254",
	"checkout-sync/2.1.0.17 (linux; grpc-go/1.60.1)", "10.0.19045.3803",
	// Digit runs shaped like national identifiers, with no context word.
	"ticket 12345678909", "build 498765432102", "batch 184127645108946",
	// Versions in other notations, UUID groups, cookie attributes and settings.
	"build 2.1.0.17", "Acme.Checkout.Api, Version=2.1.0.17, Culture=neutral, PublicKeyToken=null",
	"7d444840-9dc0-11d1-b245-004155552671", "; Path=/; HttpOnly; SameSite=Lax", "theme=dark; lang=en-GB",
	"rpc error: code = DeadlineExceeded desc = context deadline exceeded",
	// Shapes of identifiers and phone numbers that are neither.
	"lot 211062-5629", "build 20240115-0042", "ports 60000 60010", "invoice 480356373",
	"2024-11-24 01 02 2024", "retries 0 12 345",
}, secretsCorpusIntact...)

func corpusPlanted() []string {
	return append([]string{
		plantVisa, plantAmex, plantMaster, plantEmail, plantEmailEnc, plantSSN, plantPhoneUS,
		plantPhoneUK, plantPhoneNANP, plantIPv4, plantIPv6, plantIBAN, plantIBAN2, plantJWT,
		plantBearer, plantBasic, plantAWS, plantStripe, plantGitHub, plantSlack, plantURLToken,
		"hunter2", plantPassword, plantCookie, plantAuthHdr,
		plantPEMBody, plantAWSSecret, plantPGPassword, plantSessionID, plantGitLab, plantSendGrid, plantVault,
		plantMaestro, plantUnionPay, plantUserName,
		plantNINO, plantSIN, plantAadhaar, plantCPF, plantDNI, plantNIR,
		plantMySQLPwd, plantRedisAuth, plantHeaderKey, plantBotToken, plantSessionTok, plantHolderName, plantGoMapPwd,
		plantCodiceFiscale, plantBSN, plantPESEL, plantHETU, plantSteuerID, plantAHV, plantPPSN, plantNHS,
		plantPersonnummer, plantCURP, plantCUIT, plantCNPJ, plantRUT, plantPAN, plantGSTIN,
		plantPhoneDE, plantPhoneFR, plantPhoneES, plantPhoneBR, plantPhoneIN, plantPhoneJP, plantPhoneEnc,
	}, secretsCorpusPlanted()...)
}

func corpusResource(res pcommon.Resource) {
	a := res.Attributes()
	a.PutStr("service.name", "checkout")
	a.PutStr("service.version", "v2.13.0")
	a.PutStr("cloud.region", "eu-west-1")
	a.PutStr("host.ip", plantIPv4)
	a.PutStr("deploy.owner", "Ping "+plantEmail+" on call")
}

func corpusScope(sc pcommon.InstrumentationScope) {
	sc.SetName("checkout/http")
	sc.SetVersion("1.4.0")
	sc.Attributes().PutStr("scope.debug.aws", "key "+plantAWS)
}

func buildCorpusTraces() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	corpusResource(rs.Resource())
	ss := rs.ScopeSpans().AppendEmpty()
	corpusScope(ss.Scope())

	span := ss.Spans().AppendEmpty()
	span.SetTraceID(pcommon.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36})
	span.SetSpanID(pcommon.SpanID{0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7})
	span.SetName("GET /users/" + plantEmail + "/cards")
	span.SetKind(ptrace.SpanKindServer)
	span.SetStartTimestamp(1732480000000000000)
	span.SetEndTimestamp(1732480000250000000)
	a := span.Attributes()
	a.PutStr("order.id", "ORD-2024-000123456")
	a.PutStr("request.uuid", "550e8400-e29b-41d4-a716-446655440000")
	a.PutInt("http.response.status_code", 402)
	a.PutDouble("order.total", 1299.99)
	a.PutBool("feature.new_checkout", true)
	a.PutStr("timestamp_ms", "1732480000000")
	a.PutStr("server.address", "10.0.3.7")
	a.PutStr("url.full_internal", "http://127.0.0.1:8083/route?dropoff=577")
	a.PutStr("k8s.pod.ip", "fd00:10:244::5")
	a.PutStr("cloud.metadata_endpoint", "169.254.169.254")
	a.PutStr("user_agent.original", "checkout-sync/2.1.0.17 (linux; grpc-go/1.60.1)")
	a.PutStr("os.version", "10.0.19045.3803")
	a.PutStr("note", "order 4111111111111112 shipped")
	a.PutStr("payment.card", plantVisa)
	a.PutStr("payment.card_amex", "amex "+plantAmex)
	a.PutStr("user.ssn", plantSSN)
	a.PutStr("user.phone", plantPhoneUS)
	a.PutStr("user.email_encoded", "/signup?email="+plantEmailEnc+"&plan=pro")
	a.PutStr("client.address", plantIPv6)
	a.PutStr("payout.iban", plantIBAN)
	a.PutStr("url.full", "https://shop.example.com/pay?token="+plantURLToken+"&amount=5")
	a.PutStr("db.connection_string", "postgres://"+plantUserinfo+"@db.internal:5432/app")
	a.PutStr("db.password", plantPassword)
	a.PutStr("http.request.header.cookie", plantCookie)
	hdr := a.PutEmptySlice("http.request.header.authorization")
	hdr.AppendEmpty().SetStr(plantAuthHdr)
	tags := a.PutEmptySlice("customer.contacts")
	tags.AppendEmpty().SetStr(plantPhoneUK)
	tags.AppendEmpty().SetStr("cart")
	tags.AppendEmpty().SetStr(plantEmail)
	span.Status().SetCode(ptrace.StatusCodeError)
	span.Status().SetMessage("payment declined for card " + plantMaster)

	ev := span.Events().AppendEmpty()
	ev.SetName("retrying with backup card " + plantVisa)
	ev.SetTimestamp(1732480000100000000)
	ev.Attributes().PutStr("exception.message", "upstream said: Authorization: Bearer "+plantBearer)
	ev.Attributes().PutStr("stripe.key", plantStripe)

	link := span.Links().AppendEmpty()
	link.SetTraceID(pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	link.SetSpanID(pcommon.SpanID{1, 2, 3, 4, 5, 6, 7, 8})
	link.Attributes().PutStr("link.reason", "caller "+plantPhoneNANP)
	link.Attributes().PutStr("link.token", plantJWT)

	child := ss.Spans().AppendEmpty()
	child.SetTraceID(span.TraceID())
	child.SetSpanID(pcommon.SpanID{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88})
	child.SetParentSpanID(span.SpanID())
	child.SetName("GET /api/v1/orders")
	child.SetStartTimestamp(1732480000010000000)
	child.SetEndTimestamp(1732480000200000000)
	child.Attributes().PutStr("ci.token", plantGitHub)
	child.Attributes().PutStr("notify.slack", plantSlack)
	child.Attributes().PutStr("http.header", "Basic "+plantBasic)
	child.Attributes().PutStr("refund.account", plantIBAN2)
	child.Attributes().PutStr("process.command_line", "PGPASSWORD="+plantPGPassword+" psql -h 10.0.3.7 -U app orders")
	child.Attributes().PutStr("config.dump", "[default]\naws_access_key_id = AKIA0000000000000000\naws_secret_access_key = "+plantAWSSecret+"\n")
	child.Attributes().PutStr("http.raw_request", "GET /cart HTTP/1.1\r\nCookie: session="+plantSessionID+"; theme=dark\r\n")
	child.Attributes().PutStr("deploy.tokens", "gitlab "+plantGitLab+" sendgrid "+plantSendGrid+" vault "+plantVault)
	child.Attributes().PutStr("user.name", plantUserName)
	args := child.Attributes().PutEmptySlice("process.command_args")
	for _, a := range []string{"mysql", "-h", "db.internal", "-u", "app", "-p" + plantMySQLPwd, "orders"} {
		args.AppendEmpty().SetStr(a)
	}
	child.Attributes().PutStr("db.statement", "AUTH default "+plantRedisAuth)
	child.Attributes().PutEmptySlice("http.request.header.x-api-key").AppendEmpty().SetStr(plantHeaderKey)
	child.Attributes().PutEmptySlice("http.response.header.set-cookie").AppendEmpty().SetStr("sid=" + plantSessionTok + "; Path=/; HttpOnly; SameSite=Lax")
	child.Attributes().PutEmptySlice("http.request.header.cookie").AppendEmpty().SetStr("theme=dark; lang=en-GB")
	child.Attributes().PutStr("notify.url", "https://api.telegram.org/bot"+plantBotToken+"/sendMessage")
	child.Attributes().PutStr("app.build", "build 2.1.0.17")
	child.Attributes().PutStr("dotnet.type", "Acme.Checkout.Api, Version=2.1.0.17, Culture=neutral, PublicKeyToken=null")
	child.Attributes().PutStr("request.id", "7d444840-9dc0-11d1-b245-004155552671")
	child.Attributes().PutStr("rpc.error", "rpc error: code = DeadlineExceeded desc = context deadline exceeded")
	cex := child.Events().AppendEmpty()
	cex.SetName("exception")
	cex.Attributes().PutStr("exception.message", "cannot parse key: "+plantPEM)
	cex.Attributes().PutStr("payment.cards", "maestro "+plantMaestro+", unionpay "+plantUnionPay)
	addSecretsCorpusSpan(td)
	return td
}

// The secrets corpus's (internal/fieldsecrets) kinds, so that the end-to-end test
// sends them through the real binary: Windows' and brokers' command lines, Oracle's
// and Neo4j's statements, a Go header map, a name/value pair; and what stays beside
// them (a URL's user alone, a reference, a cache key's segment).
const (
	plantNetUse     = "Nu-e2e-55x"
	plantRabbitPwd  = "Rb-e2e-55x"
	plantOracle     = "Orcl_e2e_55x"
	plantOracleOld  = "old_e2e_44y"
	plantNeo4j      = "Neo-e2e-55x"
	plantGoHeader   = "e2eApiKey4f6b8d0a2c4e6f8a"
	plantEnvPairPwd = "Pa1r-e2e-77x"
)

var secretsCorpusIntact = []string{
	"postgres://svc_orders@db.internal:5432/orders?sslmode=require", "rate_limit:api_key:99315", "${DB_PASSWORD}", "/persistent:no",
}

func secretsCorpusPlanted() []string {
	return []string{plantNetUse, plantRabbitPwd, plantOracle, plantOracleOld, plantNeo4j, plantGoHeader, plantEnvPairPwd}
}

func addSecretsCorpusSpan(td ptrace.Traces) {
	rs := td.ResourceSpans().AppendEmpty()
	ra := rs.Resource().Attributes()
	ra.PutStr("service.name", "orders-worker")
	ra.PutStr("process.command_line", `net use \\fs01\builds /user:CORP\svc `+plantNetUse+" /persistent:no")
	args := ra.PutEmptySlice("process.command_args")
	for _, a := range []string{"rabbitmqadmin", "-u", "ops", "-p", plantRabbitPwd, "list", "queues"} {
		args.AppendEmpty().SetStr(a)
	}
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("orders/worker")
	span := ss.Spans().AppendEmpty()
	span.SetName("worker.start")
	span.SetTraceID(pcommon.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36})
	span.SetSpanID(pcommon.SpanID{0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99})
	a := span.Attributes()
	a.PutStr("db.query.text", "ALTER USER app IDENTIFIED BY "+plantOracle+" REPLACE "+plantOracleOld)
	a.PutStr("db.statement", "CALL dbms.security.createUser('app', '"+plantNeo4j+"', false)")
	a.PutStr("app.startup", "request headers: map[Accept:[application/json] X-Api-Key:["+plantGoHeader+"] User-Agent:[Go-http-client/1.1]]")
	a.PutStr("k8s.container.spec", `{"env":[{"name":"APP_ENV","value":"production"},{"name":"DB_PASSWORD","value":"`+plantEnvPairPwd+`"}]}`)
	a.PutStr("db.connection_string", secretsCorpusIntact[0])
	a.PutStr("app.config_ref", "password: ${DB_PASSWORD}")
	a.PutStr("cache.command", "GET "+secretsCorpusIntact[1])
}

func buildCorpusLogs() plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	corpusResource(rl.Resource())
	sl := rl.ScopeLogs().AppendEmpty()
	corpusScope(sl.Scope())

	lr := sl.LogRecords().AppendEmpty()
	lr.SetTimestamp(1732480000000000000)
	lr.SetSeverityText("ERROR")
	lr.SetSeverityNumber(plog.SeverityNumberError)
	lr.Body().SetStr("payment declined for " + plantEmail + " card " + plantVisa + " from " + plantIPv4 + " at 2026-11-24T20:01:00Z")
	lr.Attributes().PutStr("order.id", "ORD-2024-000123456")
	lr.Attributes().PutStr("user.ssn", plantSSN)

	structured := sl.LogRecords().AppendEmpty()
	structured.SetTimestamp(1732480000000000001)
	body := structured.Body().SetEmptyMap()
	body.PutStr("event", "retrying")
	body.PutInt("attempt", 2)
	user := body.PutEmptyMap("user")
	user.PutStr("email", plantEmail)
	user.PutStr("password", plantPassword)
	user.PutStr("iban", plantIBAN2)
	hist := body.PutEmptySlice("history")
	hist.AppendEmpty().SetStr("called " + plantPhoneUK)
	hist.AppendEmpty().SetStr("price 1299.99 EUR")
	hist.AppendEmpty().SetInt(42)
	structured.Attributes().PutStr("aws.key", plantAWS)

	arr := sl.LogRecords().AppendEmpty()
	arr.SetTimestamp(1732480000000000002)
	items := arr.Body().SetEmptySlice()
	items.AppendEmpty().SetStr("jwt " + plantJWT)
	items.AppendEmpty().SetStr("cart")

	kyc := sl.LogRecords().AppendEmpty()
	kyc.SetTimestamp(1732480000000000004)
	kyc.Body().SetStr("KYC check: NINO " + plantNINO + ", SIN " + plantSIN + ", Aadhaar " + plantAadhaar +
		", CPF " + plantCPF + ", DNI " + plantDNI + ", NIR " + plantNIR + "; ticket 12345678909, build 498765432102, batch 184127645108946")

	holder := sl.LogRecords().AppendEmpty()
	holder.SetTimestamp(1732480000000000007)
	hm := holder.Body().SetEmptyMap()
	hm.PutEmptyMap("payment").PutEmptyMap("details").PutEmptyMap("holder").PutStr("name", plantHolderName)
	hm.PutStr("dump", "config map[host:db.internal password:"+plantGoMapPwd+" port:5432]")
	kyc2 := sl.LogRecords().AppendEmpty()
	kyc2.SetTimestamp(1732480000000000005)
	kyc2.Body().SetStr("KYC check: codice fiscale " + plantCodiceFiscale + ", BSN " + plantBSN + ", PESEL " + plantPESEL +
		", HETU " + plantHETU + ", Steuer-ID " + plantSteuerID + ", AHV " + plantAHV + ", PPSN " + plantPPSN +
		", NHS number " + plantNHS + ", personnummer " + plantPersonnummer + ", CURP " + plantCURP + ", CUIT " + plantCUIT +
		", CNPJ " + plantCNPJ + ", RUT " + plantRUT + ", PAN " + plantPAN + ", GSTIN " + plantGSTIN +
		"; lot 211062-5629, build 20240115-0042, invoice 480356373")
	contact := sl.LogRecords().AppendEmpty()
	contact.SetTimestamp(1732480000000000006)
	cm := contact.Body().SetEmptyMap()
	cm.PutStr("office", "Tel. "+plantPhoneDE)
	cm.PutStr("mobile", "mobile: "+plantPhoneIN)
	cm.PutStr("note", "call "+plantPhoneFR+" or "+plantPhoneES+", ports 60000 60010")
	phones := cm.PutEmptySlice("phones")
	phones.AppendEmpty().SetStr(plantPhoneBR)
	phones.AppendEmpty().SetStr(plantPhoneJP)
	contact.Attributes().PutStr("url.query", "to="+plantPhoneEnc+"&lang=en")
	contact.Attributes().PutStr("event.date", "2024-11-24 01 02 2024")
	contact.Attributes().PutStr("retry.note", "retries 0 12 345")

	leaky := sl.LogRecords().AppendEmpty()
	leaky.SetTimestamp(1732480000000000003)
	leaky.Body().SetStr(`loaded service account {"type": "service_account", "private_key": "` + plantPEM + `", "client_email": "svc@proj.iam.gserviceaccount.com"}`)
	return ld
}

func buildCorpusMetrics() pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	corpusResource(rm.Resource())
	sm := rm.ScopeMetrics().AppendEmpty()
	corpusScope(sm.Scope())

	m := sm.Metrics().AppendEmpty()
	m.SetName("http.server.request.duration")
	m.SetUnit("s")
	h := m.SetEmptyHistogram()
	h.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	dp := h.DataPoints().AppendEmpty()
	dp.SetTimestamp(1732480000000000000)
	dp.SetCount(3)
	dp.SetSum(0.75)
	dp.BucketCounts().FromRaw([]uint64{1, 2})
	dp.ExplicitBounds().FromRaw([]float64{0.25})
	dp.Attributes().PutStr("http.route", "GET /api/v1/orders")
	dp.Attributes().PutStr("client.address", plantIPv4)
	ex := dp.Exemplars().AppendEmpty()
	ex.SetTimestamp(1732480000000000000)
	ex.SetDoubleValue(0.5)
	ex.FilteredAttributes().PutStr("enduser.id", plantEmail)

	g := sm.Metrics().AppendEmpty()
	g.SetName("checkout.cart.items")
	g.SetUnit("{item}")
	gdp := g.SetEmptyGauge().DataPoints().AppendEmpty()
	gdp.SetTimestamp(1732480000000000000)
	gdp.SetIntValue(3)
	gdp.Attributes().PutStr("customer.phone", plantPhoneUS)
	gdp.Attributes().PutStr("cart", "cart")
	return md
}

// TestCorpusFiles keeps the committed corpus in step with the builders above; run
// with -update after changing them.
func TestCorpusFiles(t *testing.T) {
	if *update {
		writeFile(t, filepath.Join(corpusDir, "planted.txt"), strings.Join(corpusPlanted(), "\n")+"\n")
		writeFile(t, filepath.Join(corpusDir, "intact.txt"), strings.Join(corpusIntact, "\n")+"\n")
		if err := golden.WriteTraces(t, filepath.Join(corpusDir, "traces.yaml"), buildCorpusTraces()); err != nil {
			t.Fatal(err)
		}
		if err := golden.WriteLogs(t, filepath.Join(corpusDir, "logs.yaml"), buildCorpusLogs()); err != nil {
			t.Fatal(err)
		}
		if err := golden.WriteMetrics(t, filepath.Join(corpusDir, "metrics.yaml"), buildCorpusMetrics()); err != nil {
			t.Fatal(err)
		}
	}
	assertFileEquals(t, filepath.Join(corpusDir, "planted.txt"), strings.Join(corpusPlanted(), "\n")+"\n")
	assertFileEquals(t, filepath.Join(corpusDir, "intact.txt"), strings.Join(corpusIntact, "\n")+"\n")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func assertFileEquals(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("%s is out of date; run with -update", path)
	}
}
