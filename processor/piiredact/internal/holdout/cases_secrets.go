package holdout

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// tokenPlaces puts a vendor credential where credentials travel: header and
// metadata arrays, environment dumps, exporter headers, command lines, URLs,
// configuration files.
func (g *gen) tokenPlaces(v Val) []Case {
	tok := v.Text
	key := v.Keys[g.intn(len(v.Keys))]
	env := envName(key)
	hdr := strings.Join(keyWordsOf(key), "-")
	nz := g.noise()
	var out []Case
	all := []func() Case{
		func() Case {
			return Case{Kind: v.Kind, Place: "span.attr.header", Rec: Record{Signal: Traces, Name: "POST", Attrs: Map{
				{"http.request.method", "POST"}, {"http.request.header." + hdr, []string{tok}}, {"http.request.header.content-type", []string{"application/json"}}, {"url.full", "https://api.vendor.example/v2/events"},
			}}, Secrets: []string{tok}, Keep: []string{"application/json", "https://api.vendor.example/v2/events"}}
		},
		func() Case {
			return Case{Kind: v.Kind, Place: "span.attr.grpc-metadata", Rec: Record{Signal: Traces, Name: "opentelemetry.proto.collector.trace.v1.TraceService/Export", Attrs: Map{
				{"rpc.system", "grpc"}, {"rpc.grpc.request.metadata." + hdr, []string{tok}}, {"rpc.grpc.request.metadata.user-agent", []string{"grpc-go/1.68.0"}},
			}}, Secrets: []string{tok}, Keep: []string{"grpc-go/1.68.0"}}
		},
		func() Case {
			body := fmt.Sprintf("container environment:\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin\nHOSTNAME=%s\n%s=%s\nNODE_ENV=production\nPORT=8080\n", nz.host, env, tok)
			return Case{Kind: v.Kind, Place: "log.body.env", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{tok}, Keep: []string{"NODE_ENV=production", "HOSTNAME=" + nz.host}}
		},
		func() Case {
			body := fmt.Sprintf(`[{"Id":"%s","Config":{"Env":["PATH=/usr/local/bin:/usr/bin","%s=%s","JAVA_OPTS=-Xmx512m"],"Image":"registry.example.com/shop/api:1.8.3"}}]`, g.hex(64), env, tok)
			return Case{Kind: v.Kind, Place: "log.body.docker-inspect", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{tok}, Keep: []string{"JAVA_OPTS=-Xmx512m", "registry.example.com/shop/api:1.8.3"}}
		},
		func() Case {
			val := "OTEL_EXPORTER_OTLP_HEADERS=" + hdr + "=" + tok + ",x-scope-orgid=tenant-7"
			return Case{Kind: v.Kind, Place: "process.command_line", Rec: Record{Signal: Traces, Resource: Map{{"process.command_line", val + " java -javaagent:/otel/opentelemetry-javaagent.jar -jar /app/app.jar"}}},
				Secrets: []string{tok}, Keep: []string{"x-scope-orgid=tenant-7", "-javaagent:/otel/opentelemetry-javaagent.jar -jar /app/app.jar"}}
		},
		func() Case {
			cmd := fmt.Sprintf("curl -sS -X POST -H 'Content-Type: application/json' -H '%s: %s' https://api.vendor.example/v1/deploy", key, tok)
			return Case{Kind: v.Kind, Place: "log.body.ci", Rec: Record{Signal: Logs, Body: "+ " + cmd}, Secrets: []string{tok}, Keep: []string{"Content-Type: application/json", "https://api.vendor.example/v1/deploy"}}
		},
		func() Case {
			body := fmt.Sprintf("$ export %s=%s\n$ ./deploy.sh --env production --region eu-west-1", env, tok)
			return Case{Kind: v.Kind, Place: "log.body.shell", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{tok}, Keep: []string{"./deploy.sh --env production --region eu-west-1"}}
		},
		func() Case {
			u := fmt.Sprintf("https://api.vendor.example/v1/items?%s=%s&page=3", g.pick("access_token", "api_key", "token", "key", "apikey"), queryEscape(tok))
			return Case{Kind: v.Kind, Place: "url.query", Rec: Record{Signal: Traces, Attrs: Map{{"url.full", u}, {"http.response.status_code", int64(401)}}}, Secrets: []string{queryEscape(tok)}, Keep: []string{"&page=3", "https://api.vendor.example/v1/items?"}}
		},
		func() Case {
			body := fmt.Sprintf("apiVersion: v1\nkind: Secret\nmetadata:\n  name: vendor-creds\n  namespace: shop-prod\ntype: Opaque\nstringData:\n  %s: %s\n", env, yamlScalar(tok))
			return Case{Kind: v.Kind, Place: "log.body.k8s-manifest", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{inner(yamlScalar(tok))}, Keep: []string{"name: vendor-creds", "namespace: shop-prod"}}
		},
		func() Case {
			return Case{Kind: v.Kind, Place: "span.attr.authorization", Rec: Record{Signal: Traces, Attrs: Map{{"http.request.header.authorization", []string{"Bearer " + tok}}, {"http.route", nz.route}}}, Secrets: []string{tok}, Keep: []string{nz.route}}
		},
		func() Case {
			body := fmt.Sprintf("request failed: POST https://api.vendor.example/v1/charge headers={'Authorization': 'Bearer %s', 'Idempotency-Key': '%s'} status=401", tok, nz.reqID)
			return Case{Kind: v.Kind, Place: "log.body.python-headers", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{tok}, Keep: []string{nz.reqID, "status=401"}}
		},
	}
	for _, i := range g.r.Perm(len(all))[:4] {
		out = append(out, all[i]())
	}
	return out
}

// simplePassword has no spaces, quotes or separators: for syntaxes that do not
// quote (Go's %+v, .netrc, Dockerfile ENV).
func (g *gen) simplePassword() string {
	for {
		p := g.password()
		if !strings.ContainsAny(p, " '\"`;,&=:@/\\<>(){}[]#%+?~^*!$") {
			return p
		}
		if g.chance(0.5) {
			return g.mixed(g.between(10, 20)) + g.pick("!", "-", "_", ".")
		}
	}
}

func userinfoEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~'
}

// pwSyntax writes a password in one syntax: the record, the password as held, what
// must survive.
type pwSyntax struct {
	name   string
	simple bool
	put    func(g *gen, pw string) (Record, string, []string)
}

func logRec(body string) Record { return Record{Signal: Logs, Body: body} }

var pwSyntaxes = []pwSyntax{
	{"url-query", false, func(g *gen, pw string) (Record, string, []string) {
		e := queryEscape(pw)
		return Record{Signal: Traces, Attrs: Map{{"url.full", "https://legacy.example.com/login.php?username=bob&password=" + e + "&lang=en"}}}, e, []string{"&lang=en"}
	}},
	{"form", false, func(g *gen, pw string) (Record, string, []string) {
		e := queryEscape(pw)
		return logRec("POST /login body=username=bob%40example.com&password=" + e + "&remember_me=1 status=302"), e, []string{"&remember_me=1 status=302"}
	}},
	{"json", false, func(g *gen, pw string) (Record, string, []string) {
		return logRec(`{"level":"debug","msg":"login request","body":{"username":"bob","password":` + jsonQ(pw) + `,"remember":true}}`), jsonInner(pw), []string{`"remember":true`}
	}},
	{"json-escaped", false, func(g *gen, pw string) (Record, string, []string) {
		doc := `{"user":"bob","pass":` + jsonQ(pw) + `,"otp":"","client":"ios"}`
		return logRec(`{"msg":"proxying","payload":` + jsonQ(doc) + `}`), jsonInner(jsonInner(pw)), []string{`client\":\"ios`}
	}},
	{"json-nested-credentials", false, func(g *gen, pw string) (Record, string, []string) {
		return logRec(`{"datasource":{"url":"jdbc:postgresql://db:5432/shop","credentials":{"username":"app","pwd":` + jsonQ(pw) + `}},"pool":{"max":20}}`), jsonInner(pw), []string{`"pool":{"max":20}`, "jdbc:postgresql://db:5432/shop"}
	}},
	{"yaml", false, func(g *gen, pw string) (Record, string, []string) {
		y := yamlScalar(pw)
		return logRec("effective config:\nspring:\n  datasource:\n    url: jdbc:mysql://db:3306/shop\n    username: app\n    password: " + y + "\n    hikari:\n      maximum-pool-size: 20\n"), inner(y), []string{"maximum-pool-size: 20"}
	}},
	{"java-properties", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("spring.datasource.url=jdbc:postgresql://db:5432/shop\nspring.datasource.password=" + pw + "\nspring.jpa.open-in-view=false"), pw, []string{"spring.jpa.open-in-view=false"}
	}},
	{"dotenv", false, func(g *gen, pw string) (Record, string, []string) {
		return logRec("loaded .env: APP_ENV=production\nDB_HOST=db.internal\nDB_PASSWORD=\"" + strings.ReplaceAll(pw, `"`, `\"`) + "\"\nCACHE_DRIVER=redis"), strings.ReplaceAll(pw, `"`, `\"`), []string{"CACHE_DRIVER=redis"}
	}},
	{"ini", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("[client]\nuser = app\npassword = " + pw + "\nhost = db.internal\n"), pw, []string{"host = db.internal"}
	}},
	{"toml", false, func(g *gen, pw string) (Record, string, []string) {
		return logRec("[database]\nhost = \"db.internal\"\nport = 5432\npassword = " + jsonQ(pw) + "\npool_size = 10\n"), jsonInner(pw), []string{"pool_size = 10"}
	}},
	{"hcl", false, func(g *gen, pw string) (Record, string, []string) {
		return logRec("resource \"aws_db_instance\" \"main\" {\n  engine   = \"postgres\"\n  username = \"app\"\n  password = " + jsonQ(pw) + "\n  instance_class = \"db.t3.micro\"\n}"), jsonInner(pw), []string{`instance_class = "db.t3.micro"`}
	}},
	{"php-array", false, func(g *gen, pw string) (Record, string, []string) {
		q := strings.ReplaceAll(strings.ReplaceAll(pw, `\`, `\\`), "'", `\'`)
		return logRec("'mysql' => [\n    'driver' => 'mysql',\n    'host' => '127.0.0.1',\n    'password' => '" + q + "',\n    'charset' => 'utf8mb4',\n],"), q, []string{"'charset' => 'utf8mb4'"}
	}},
	{"python-kwargs", false, func(g *gen, pw string) (Record, string, []string) {
		r := pyRepr(pw)
		return logRec("psycopg2.connect(host='db.internal', user='app', password=" + r + ", dbname='shop', connect_timeout=5)"), inner(r), []string{"dbname='shop', connect_timeout=5)"}
	}},
	{"ruby-hash", false, func(g *gen, pw string) (Record, string, []string) {
		r := rubyInspect(pw)
		return logRec(`Parameters: {"session"=>{"email"=>"[FILTERED]", "password"=>` + r + `}, "commit"=>"Log in"}`), inner(r), []string{`"commit"=>"Log in"`, "[FILTERED]"}
	}},
	{"go-struct", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("config loaded: &{Host:db.internal Port:5432 User:app Password:" + pw + " SSLMode:require}"), pw, []string{"SSLMode:require}"}
	}},
	{"java-tostring", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("Creating DataSourceProperties{url=jdbc:mysql://db:3306/shop, username=app, password=" + pw + ", driverClassName=com.mysql.cj.jdbc.Driver}"), pw, []string{"driverClassName=com.mysql.cj.jdbc.Driver}"}
	}},
	{"csharp-anon", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("Login attempt { UserName = bob, Password = " + pw + ", RememberMe = False }"), pw, []string{"RememberMe = False }"}
	}},
	{"xml-element", false, func(g *gen, pw string) (Record, string, []string) {
		x := xmlEscape(pw)
		return logRec("<datasource><url>jdbc:oracle:thin:@db:1521/ORCL</url><user>app</user><password>" + x + "</password><pool max=\"20\"/></datasource>"), x, []string{`<pool max="20"/>`, "jdbc:oracle:thin:@db:1521/ORCL"}
	}},
	{"dotnet-appsettings", false, func(g *gen, pw string) (Record, string, []string) {
		x := xmlEscape(pw)
		return logRec(`<appSettings><add key="SmtpHost" value="smtp.example.com" /><add key="SmtpPassword" value="` + x + `" /><add key="SmtpPort" value="587" /></appSettings>`), x, []string{`<add key="SmtpPort" value="587" />`, `value="smtp.example.com"`}
	}},
	{"soap-wsse", false, func(g *gen, pw string) (Record, string, []string) {
		x := xmlEscape(pw)
		return logRec(`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><wsse:Security><wsse:UsernameToken><wsse:Username>svc-orders</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">` + x + `</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><GetOrder><Id>42</Id></GetOrder></soapenv:Body></soapenv:Envelope>`),
			x, []string{"<soapenv:Body><GetOrder><Id>42</Id></GetOrder></soapenv:Body>"}
	}},
	{"multipart", false, func(g *gen, pw string) (Record, string, []string) {
		b := "----WebKitFormBoundary7MA4YWxkTrZu0gW"
		return logRec("--" + b + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nbob\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + pw + "\r\n--" + b + "--"), pw, []string{"--" + b + "--"}
	}},
	{"kafka-jaas", false, func(g *gen, pw string) (Record, string, []string) {
		q := strings.ReplaceAll(pw, `"`, `\"`)
		return logRec("ProducerConfig values:\n\tacks = -1\n\tsasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc-orders\" password=\"" + q + "\";\n\tsasl.mechanism = PLAIN\n"), q, []string{"sasl.mechanism = PLAIN"}
	}},
	{"netrc", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("machine api.github.com login bob password " + pw + "\nmachine uploads.github.com login bob"), pw, []string{"machine uploads.github.com login bob"}
	}},
	{"jvm-flag", true, func(g *gen, pw string) (Record, string, []string) {
		return Record{Signal: Traces, Resource: Map{{"process.command_line", "/usr/bin/java -Xmx1g -Djavax.net.ssl.keyStorePassword=" + pw + " -Dserver.port=8443 -jar app.jar"}}}, pw, []string{"-Dserver.port=8443 -jar app.jar"}
	}},
	{"dockerfile-env", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("Step 4/9 : ENV DB_PASSWORD " + pw + "\n ---> Running in 3f9a1c2b7d8e"), pw, []string{"---> Running in 3f9a1c2b7d8e"}
	}},
	{"redis-conf", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("# redis.conf\nbind 0.0.0.0\nrequirepass " + pw + "\nmaxmemory 256mb"), pw, []string{"maxmemory 256mb"}
	}},
	{"smtp-auth-plain", false, func(g *gen, pw string) (Record, string, []string) {
		b := base64.StdEncoding.EncodeToString([]byte("\x00bob@example.com\x00" + pw))
		return logRec("C: EHLO app.example.com\nS: 250-smtp.example.com\nC: AUTH PLAIN " + b + "\nS: 235 2.7.0 Authentication successful"), b, []string{"235 2.7.0 Authentication successful"}
	}},
	{"smtp-auth-login", false, func(g *gen, pw string) (Record, string, []string) {
		b := base64.StdEncoding.EncodeToString([]byte(pw))
		return logRec("C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: Ym9i\nS: 334 UGFzc3dvcmQ6\nC: " + b + "\nS: 235 2.7.0 Accepted"), b, []string{"S: 235 2.7.0 Accepted"}
	}},
	{"ftp-pass", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("> USER deploy\n< 331 Please specify the password.\n> PASS " + pw + "\n< 230 Login successful."), pw, []string{"< 230 Login successful."}
	}},
	{"imap-login", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("C: a001 LOGIN bob " + pw + "\nS: a001 OK LOGIN completed"), pw, []string{"S: a001 OK LOGIN completed"}
	}},
	{"basic-header", false, func(g *gen, pw string) (Record, string, []string) {
		b := base64.StdEncoding.EncodeToString([]byte("bob:" + pw))
		return Record{Signal: Traces, Attrs: Map{{"http.request.header.authorization", []string{"Basic " + b}}, {"http.request.header.accept", []string{"*/*"}}}}, b, []string{"*/*"}
	}},
	{"basic-proxy-header", false, func(g *gen, pw string) (Record, string, []string) {
		b := base64.StdEncoding.EncodeToString([]byte("proxyuser:" + pw))
		return logRec("> CONNECT api.example.com:443 HTTP/1.1\n> Proxy-Authorization: Basic " + b + "\n> User-Agent: curl/8.5.0\n"), b, []string{"> User-Agent: curl/8.5.0"}
	}},
	{"mongo-createuser", false, func(g *gen, pw string) (Record, string, []string) {
		q := strings.ReplaceAll(pw, `"`, `\"`)
		return Record{Signal: Traces, Attrs: Map{{"db.system.name", "mongodb"}, {"db.query.text", `db.createUser({user: "app", pwd: "` + q + `", roles: [{role: "readWrite", db: "shop"}]})`}}}, q, []string{`roles: [{role: "readWrite", db: "shop"}]`}
	}},
	{"powershell", false, func(g *gen, pw string) (Record, string, []string) {
		q := strings.ReplaceAll(pw, `"`, "`\"")
		return logRec(`PS C:\deploy> $secure = ConvertTo-SecureString "` + q + `" -AsPlainText -Force`), q, []string{"-AsPlainText -Force"}
	}},
	{"dsn-keywords", false, func(g *gen, pw string) (Record, string, []string) {
		q := "'" + strings.ReplaceAll(strings.ReplaceAll(pw, `\`, `\\`), "'", `\'`) + "'"
		return logRec("connecting with dsn: host=db.internal port=5432 user=app password=" + q + " dbname=shop sslmode=require"), inner(q), []string{"dbname=shop sslmode=require"}
	}},
	{"ansible", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("ok: [web-01] => {\"ansible_facts\": {\"discovered_interpreter_python\": \"/usr/bin/python3\"}}\nvars: ansible_user=deploy ansible_become_pass=" + pw + " ansible_port=22"), pw, []string{"ansible_port=22"}
	}},
	{"ldap-bind", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("ldap config: url=ldaps://ldap.example.com:636 bindDN=cn=svc,ou=apps,dc=example,dc=com bindPassword=" + pw + " baseDN=dc=example,dc=com"), pw, []string{"baseDN=dc=example,dc=com"}
	}},
	{"wifi-psk", true, func(g *gen, pw string) (Record, string, []string) {
		return logRec("network={\n\tssid=\"Office\"\n\tpsk=\"" + pw + "\"\n\tkey_mgmt=WPA-PSK\n}"), pw, []string{"key_mgmt=WPA-PSK"}
	}},
}

func (g *gen) passwordCases(per int) []Case {
	var out []Case
	for _, s := range pwSyntaxes {
		for range per {
			pw := g.password()
			if s.simple {
				pw = g.simplePassword()
			}
			rec, held, keep := s.put(g, pw)
			out = append(out, Case{Kind: "password/" + s.name, Place: placeOf(rec), Rec: rec, Secrets: []string{held}, Keep: keep})
		}
	}
	return out
}

// placeOf names the place of a record built by a syntax.
func placeOf(r Record) string {
	switch {
	case len(r.Resource) > 0:
		return "resource.attr"
	case r.Signal == Logs && r.Body != nil:
		if _, ok := r.Body.(Map); ok {
			return "log.body.map"
		}
		return "log.body.text"
	case r.Signal == Traces && len(r.Attrs) > 0:
		for _, kv := range r.Attrs {
			if strings.HasPrefix(kv.K, "http.request.header.") {
				return "span.attr.header"
			}
			if strings.HasPrefix(kv.K, "db.") && kv.K != "db.system.name" && kv.K != "db.system" {
				return "db.statement"
			}
			if kv.K == "url.full" {
				return "url.query"
			}
		}
		return "span.attr"
	}
	return "other"
}

// Connection strings of databases and brokers: the password goes, the host and
// database stay.
type connString struct {
	name string
	make func(g *gen, pw string) (cs, held, keep string)
}

var connStrings = []connString{
	{"postgres-url", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "postgresql://app:" + e + "@db.internal:5432/shop?sslmode=require", e, "db.internal:5432/shop?sslmode=require"
	}},
	{"postgres-keywords", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "host=db.internal port=5432 user=app password=" + p + " dbname=shop sslmode=disable", p, "dbname=shop sslmode=disable"
	}},
	{"jdbc-postgres", func(g *gen, pw string) (string, string, string) {
		e := queryEscape(pw)
		return "jdbc:postgresql://db.internal:5432/shop?user=app&password=" + e + "&ssl=true", e, "&ssl=true"
	}},
	{"jdbc-mysql", func(g *gen, pw string) (string, string, string) {
		e := queryEscape(pw)
		return "jdbc:mysql://db.internal:3306/shop?user=app&password=" + e + "&useSSL=true&serverTimezone=UTC", e, "&useSSL=true&serverTimezone=UTC"
	}},
	{"jdbc-sqlserver", func(g *gen, pw string) (string, string, string) {
		p := strings.ReplaceAll(g.simplePassword(), ";", "")
		return "jdbc:sqlserver://db.internal:1433;databaseName=shop;user=app;password=" + p + ";encrypt=true;trustServerCertificate=false", p, "encrypt=true;trustServerCertificate=false"
	}},
	{"adonet", func(g *gen, pw string) (string, string, string) {
		p := strings.ReplaceAll(pw, ";", "")
		return "Server=tcp:shop.database.windows.net,1433;Initial Catalog=shop;User ID=app;Password=" + p + ";Encrypt=True;Connection Timeout=30;", p, "Encrypt=True;Connection Timeout=30;"
	}},
	{"odbc", func(g *gen, pw string) (string, string, string) {
		p := strings.ReplaceAll(g.simplePassword(), ";", "")
		return "Driver={ODBC Driver 18 for SQL Server};Server=db.internal;Database=shop;Uid=app;Pwd=" + p + ";TrustServerCertificate=yes;", p, "TrustServerCertificate=yes;"
	}},
	{"oracle-jdbc-thin", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "jdbc:oracle:thin:app/" + p + "@//db.internal:1521/ORCLPDB1", p, "db.internal:1521/ORCLPDB1"
	}},
	{"oracle-ezconnect", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "app/" + p + "@db.internal:1521/ORCLPDB1", p, "db.internal:1521/ORCLPDB1"
	}},
	{"mysql-go-dsn", func(g *gen, pw string) (string, string, string) {
		p := g.simplePassword()
		return "app:" + p + "@tcp(db.internal:3306)/shop?parseTime=true&loc=UTC", p, "tcp(db.internal:3306)/shop?parseTime=true&loc=UTC"
	}},
	{"mongodb-srv", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "mongodb+srv://app:" + e + "@cluster0.ab1cd.mongodb.net/shop?retryWrites=true&w=majority", e, "cluster0.ab1cd.mongodb.net/shop?retryWrites=true&w=majority"
	}},
	{"redis-url", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return g.pick("redis://default:", "rediss://:") + e + "@cache.internal:6379/0", e, "cache.internal:6379/0"
	}},
	{"amqp", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "amqps://orders:" + e + "@rabbitmq.internal:5671/%2Fshop", e, "rabbitmq.internal:5671/%2Fshop"
	}},
	{"nats", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "nats://orders:" + e + "@nats.internal:4222", e, "nats.internal:4222"
	}},
	{"mqtt", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "mqtts://device-42:" + e + "@broker.iot.example.com:8883", e, "broker.iot.example.com:8883"
	}},
	{"elasticsearch", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "https://elastic:" + e + "@es.internal:9200/_bulk", e, "es.internal:9200/_bulk"
	}},
	{"clickhouse", func(g *gen, pw string) (string, string, string) {
		e := queryEscape(pw)
		return "tcp://ch.internal:9000?username=default&password=" + e + "&database=events&dial_timeout=10s", e, "&database=events&dial_timeout=10s"
	}},
	{"snowflake", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "snowflake://loader:" + e + "@acme-xy12345/analytics/public?warehouse=LOAD_WH&role=LOADER", e, "acme-xy12345/analytics/public?warehouse=LOAD_WH&role=LOADER"
	}},
	{"neo4j", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "neo4j+s://neo4j:" + e + "@a1b2c3d4.databases.neo4j.io:7687", e, "a1b2c3d4.databases.neo4j.io:7687"
	}},
	{"sqlalchemy", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "postgresql+psycopg2://app:" + e + "@db.internal/shop", e, "db.internal/shop"
	}},
	{"azure-servicebus", func(g *gen, pw string) (string, string, string) {
		k := g.b64(32)
		return "Endpoint=sb://shop-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + k, k, "Endpoint=sb://shop-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
	}},
	{"azure-storage", func(g *gen, pw string) (string, string, string) {
		k := g.b64(64)
		return "DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=" + k + ";EndpointSuffix=core.windows.net", k, ";EndpointSuffix=core.windows.net"
	}},
	{"azure-cosmos", func(g *gen, pw string) (string, string, string) {
		k := g.b64(64)
		return "AccountEndpoint=https://shop-cosmos.documents.azure.com:443/;AccountKey=" + k + ";", k, "AccountEndpoint=https://shop-cosmos.documents.azure.com:443/;"
	}},
	{"smtp-url", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "smtp://apikey:" + e + "@smtp.sendgrid.net:587", e, "smtp.sendgrid.net:587"
	}},
	{"sftp", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "sftp://deploy:" + e + "@files.example.com:22/upload", e, "files.example.com:22/upload"
	}},
	{"couchdb", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "http://admin:" + e + "@couchdb.internal:5984/orders", e, "couchdb.internal:5984/orders"
	}},
	{"influx", func(g *gen, pw string) (string, string, string) {
		e := userinfoEscape(pw)
		return "influxdb://telegraf:" + e + "@influx.internal:8086/metrics", e, "influx.internal:8086/metrics"
	}},
	{"cassandra-python", func(g *gen, pw string) (string, string, string) {
		r := pyRepr(pw)
		return "Cluster(['cass-0.cass.internal'], auth_provider=PlainTextAuthProvider(username='app', password=" + r + "), port=9042)", inner(r), "port=9042)"
	}},
}

func (g *gen) connectionStringCases(per int) []Case {
	var out []Case
	for _, c := range connStrings {
		for range per {
			cs, held, keep := c.make(g, g.password())
			kind := "password/conn-" + c.name
			var rec Record
			keeps := []string{keep}
			switch g.intn(5) {
			case 0:
				rec = Record{Signal: Traces, Attrs: Map{{"db.connection_string", cs}, {"db.system", "other_sql"}}}
			case 1:
				rec = logRec("connecting to " + cs + " (attempt 1/5)")
				keeps = append(keeps, "(attempt 1/5)")
			case 2:
				rec = Record{Signal: Traces, Status: "dial failed", Event: Map{{"exception.type", "ConnectionError"}, {"exception.message", "failed to connect to `" + cs + "`: timeout after 5s"}}}
				keeps = append(keeps, "`: timeout after 5s")
			case 3:
				rec = logRec("DATABASE_URL=" + cs + "\nREDIS_TTL=300")
				keeps = append(keeps, "REDIS_TTL=300")
			default:
				rec = Record{Signal: Logs, Body: Map{{"msg", "datasource configured"}, {"url", cs}, {"pool", int64(20)}}}
			}
			out = append(out, Case{Kind: kind, Place: placeOf(rec), Rec: rec, Secrets: []string{held}, Keep: keeps})
		}
	}
	return out
}

// Command lines of clients that take a secret, as process instrumentation and
// shells record them.
type cmdLine struct {
	name string
	args func(g *gen, pw string) (argv []string, secretArg int, keep string)
}

var cmdLines = []cmdLine{
	{"mysql", func(g *gen, pw string) ([]string, int, string) {
		return []string{"mysql", "-h", "db.internal", "-u", "root", "-p" + pw, "shop"}, 5, "db.internal"
	}},
	{"mysql-long", func(g *gen, pw string) ([]string, int, string) {
		return []string{"mysqldump", "--host=db.internal", "--user=app", "--password=" + pw, "--single-transaction", "shop"}, 3, "--single-transaction"
	}},
	{"psql-env", func(g *gen, pw string) ([]string, int, string) {
		return []string{"env", "PGPASSWORD=" + pw, "psql", "-h", "db.internal", "-U", "app", "-d", "shop", "-c", "select 1"}, 1, "select 1"
	}},
	{"redis-cli", func(g *gen, pw string) ([]string, int, string) {
		return []string{"redis-cli", "-h", "cache.internal", "-p", "6379", "-a", pw, "--no-auth-warning", "ping"}, 6, "--no-auth-warning"
	}},
	{"curl-user", func(g *gen, pw string) ([]string, int, string) {
		return []string{"curl", "-fsS", "-u", "admin:" + pw, "https://jenkins.example.com/api/json"}, 3, "https://jenkins.example.com/api/json"
	}},
	{"docker-login", func(g *gen, pw string) ([]string, int, string) {
		return []string{"docker", "login", "-u", "ci-bot", "-p", pw, "registry.example.com"}, 5, "registry.example.com"
	}},
	{"sshpass", func(g *gen, pw string) ([]string, int, string) {
		return []string{"sshpass", "-p", pw, "ssh", "-o", "StrictHostKeyChecking=no", "deploy@10.0.4.12"}, 2, "StrictHostKeyChecking=no"
	}},
	{"mongosh", func(g *gen, pw string) ([]string, int, string) {
		return []string{"mongosh", "--host", "mongo.internal", "--username", "app", "--password", pw, "--authenticationDatabase", "admin"}, 6, "--authenticationDatabase"
	}},
	{"ldapsearch", func(g *gen, pw string) ([]string, int, string) {
		return []string{"ldapsearch", "-x", "-H", "ldaps://ldap.example.com", "-D", "cn=svc,dc=example,dc=com", "-w", pw, "-b", "dc=example,dc=com"}, 7, "ldaps://ldap.example.com"
	}},
	{"sqlcmd", func(g *gen, pw string) ([]string, int, string) {
		return []string{"sqlcmd", "-S", "db.internal", "-U", "sa", "-P", pw, "-Q", "SELECT @@VERSION"}, 6, "SELECT @@VERSION"
	}},
	{"openssl-passin", func(g *gen, pw string) ([]string, int, string) {
		return []string{"openssl", "pkcs12", "-export", "-in", "tls.crt", "-inkey", "tls.key", "-out", "keystore.p12", "-passout", "pass:" + pw}, 10, "keystore.p12"
	}},
	{"keytool", func(g *gen, pw string) ([]string, int, string) {
		return []string{"keytool", "-importkeystore", "-srckeystore", "keystore.p12", "-srcstoretype", "PKCS12", "-destkeystore", "app.jks", "-deststorepass", pw}, 9, "app.jks"
	}},
	{"helm-repo", func(g *gen, pw string) ([]string, int, string) {
		return []string{"helm", "repo", "add", "internal", "https://charts.example.com", "--username", "ci", "--password", pw}, 8, "https://charts.example.com"
	}},
	{"rabbitmqctl", func(g *gen, pw string) ([]string, int, string) {
		return []string{"rabbitmqctl", "add_user", "orders", pw}, 3, "add_user"
	}},
	{"htpasswd", func(g *gen, pw string) ([]string, int, string) {
		return []string{"htpasswd", "-b", "-c", "/etc/nginx/.htpasswd", "admin", pw}, 5, "/etc/nginx/.htpasswd"
	}},
	{"aws-configure", func(g *gen, pw string) ([]string, int, string) {
		return []string{"aws", "configure", "set", "aws_secret_access_key", pw, "--profile", "ci"}, 4, "--profile"
	}},
	{"vault-login", func(g *gen, pw string) ([]string, int, string) {
		return []string{"vault", "login", "-method=userpass", "username=ci", "password=" + pw}, 4, "-method=userpass"
	}},
	{"az-login", func(g *gen, pw string) ([]string, int, string) {
		return []string{"az", "login", "--service-principal", "-u", "0f3c2a1b-7d6e-4f5a-9b8c-1d2e3f4a5b6c", "-p", pw, "--tenant", "contoso.onmicrosoft.com"}, 6, "contoso.onmicrosoft.com"
	}},
	{"kubectl-secret", func(g *gen, pw string) ([]string, int, string) {
		return []string{"kubectl", "create", "secret", "generic", "db-creds", "--from-literal=username=app", "--from-literal=password=" + pw, "-n", "shop"}, 6, "db-creds"
	}},
	{"docker-run-env", func(g *gen, pw string) ([]string, int, string) {
		return []string{"docker", "run", "-d", "-e", "POSTGRES_PASSWORD=" + pw, "-p", "5432:5432", "postgres:16.4"}, 4, "postgres:16.4"
	}},
	{"cqlsh", func(g *gen, pw string) ([]string, int, string) {
		return []string{"cqlsh", "cass.internal", "9042", "-u", "cassandra", "-p", pw}, 6, "cass.internal"
	}},
	{"smbclient", func(g *gen, pw string) ([]string, int, string) {
		return []string{"smbclient", "//fs01/share", "-U", "svc_backup%" + pw}, 3, "//fs01/share"
	}},
	{"mysqladmin-password", func(g *gen, pw string) ([]string, int, string) {
		return []string{"mysqladmin", "-u", "root", "password", pw}, 4, "mysqladmin"
	}},
	{"zip", func(g *gen, pw string) ([]string, int, string) {
		return []string{"zip", "-r", "-P", pw, "backup.zip", "/var/backups/db"}, 3, "backup.zip"
	}},
	{"mc-alias", func(g *gen, pw string) ([]string, int, string) {
		return []string{"mc", "alias", "set", "s3", "https://minio.internal:9000", "minioadmin", pw}, 6, "https://minio.internal:9000"
	}},
	{"wget", func(g *gen, pw string) ([]string, int, string) {
		return []string{"wget", "--user=deploy", "--password=" + pw, "https://artifacts.example.com/app-1.4.2.tar.gz"}, 2, "https://artifacts.example.com/app-1.4.2.tar.gz"
	}},
	{"git-clone-token", func(g *gen, pw string) ([]string, int, string) {
		return []string{"git", "clone", "https://oauth2:" + pw + "@gitlab.example.com/shop/api.git"}, 2, "gitlab.example.com/shop/api.git"
	}},
	{"psexec", func(g *gen, pw string) ([]string, int, string) {
		return []string{"PsExec.exe", "\\\\fs01", "-u", "CORP\\svc_deploy", "-p", pw, "cmd.exe", "/c", "ipconfig"}, 5, "ipconfig"
	}},
	{"net-user", func(g *gen, pw string) ([]string, int, string) {
		return []string{"net", "user", "svc_backup", pw, "/add", "/domain"}, 3, "/domain"
	}},
	{"pg-basebackup-dsn", func(g *gen, pw string) ([]string, int, string) {
		return []string{"pg_basebackup", "-d", "host=primary.internal user=replicator password=" + pw, "-D", "/var/lib/postgresql/data"}, 2, "/var/lib/postgresql/data"
	}},
	{"generic-long-flag", func(g *gen, pw string) ([]string, int, string) {
		return []string{"/app/bin/migrate", "--db-host", "db.internal", "--db-password", pw, "--timeout", "30s"}, 4, "--timeout"
	}},
	{"generic-token-flag", func(g *gen, pw string) ([]string, int, string) {
		return []string{"gh-release", "--repo", "acme/shop", "--token", pw, "--draft"}, 4, "--draft"
	}},
}

func (g *gen) commandLineCases(per int) []Case {
	var out []Case
	for _, c := range cmdLines {
		for range per {
			pw := g.simplePassword()
			argv, si, keep := c.args(g, pw)
			quoted := make([]string, len(argv))
			for i, a := range argv {
				quoted[i] = shellQuote(a)
			}
			line := strings.Join(quoted, " ")
			held := pw
			switch g.intn(5) {
			case 0:
				out = append(out, Case{Kind: "password/cmd-" + c.name, Place: "process.command_line", Rec: Record{Signal: Traces, Resource: Map{{"process.command_line", line}, {"process.executable.name", argv[0]}}}, Secrets: []string{held}, Keep: []string{keep}})
			case 1:
				_ = si
				out = append(out, Case{Kind: "password/cmd-" + c.name, Place: "process.command_args", Rec: Record{Signal: Traces, Resource: Map{{"process.command_args", argv}, {"process.pid", int64(g.between(100, 40000))}}}, Secrets: []string{held}, Keep: []string{keep}})
			case 2:
				hist := fmt.Sprintf("  %d  %s\n  %d  exit", g.between(100, 2000), line, g.between(2001, 2100))
				out = append(out, Case{Kind: "password/cmd-" + c.name, Place: "log.body.shell-history", Rec: logRec(hist), Secrets: []string{held}, Keep: []string{keep}})
			case 3:
				ci := fmt.Sprintf("[%s] + %s\n[%s] exit status 0", "2025-11-07T10:01:02Z", line, "2025-11-07T10:01:04Z")
				out = append(out, Case{Kind: "password/cmd-" + c.name, Place: "log.body.ci", Rec: logRec(ci), Secrets: []string{held}, Keep: []string{keep, "exit status 0"}})
			default:
				js := `{"level":"info","msg":"exec","cmd":` + jsonQ(line) + `,"exit_code":0}`
				out = append(out, Case{Kind: "password/cmd-" + c.name, Place: "log.body.json", Rec: logRec(js), Secrets: []string{jsonInner(held)}, Keep: []string{jsonInner(keep), `"exit_code":0`}})
			}
		}
	}
	return out
}
