package holdout

import (
	"fmt"
	"strings"
)

const chromeUA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

// Lines of servers and frameworks in their own formats, with the personal values
// they carry.
func (g *gen) logLineCases(per int) []Case {
	var out []Case
	for range per * 4 {
		ip := g.publicIPv4()
		ip6 := g.publicIPv6()
		em := g.email()
		nz := g.noise()
		pw := g.simplePassword()
		n := g.between(100, 99999)
		out = append(out,
			Case{Kind: "logline/nginx", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`%s - - [07/Nov/2025:10:%02d:%02d +0000] "GET /api/v1/users?email=%s&expand=orders HTTP/1.1" 200 %d "https://shop.example.com/account" "%s"`, ip, g.intn(60), g.intn(60), queryEscape(em), n, chromeUA)),
				Secrets: []string{ip, queryEscape(em)}, Keep: []string{fmt.Sprintf(`&expand=orders HTTP/1.1" 200 %d "https://shop.example.com/account"`, n), chromeUA}},
			Case{Kind: "logline/apache-error", Place: "log.body.text", Rec: logRec(fmt.Sprintf("[Fri Nov 07 10:00:00.%06d 2025] [proxy:error] [pid %d:tid 140234] [client %s:%d] AH00898: Error reading from remote server returned by /api/orders", g.intn(1000000), n, ip, g.between(1024, 65535))),
				Secrets: []string{ip}, Keep: []string{"AH00898: Error reading from remote server returned by /api/orders", "[proxy:error]"}},
			Case{Kind: "logline/envoy", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`[%s] "POST /api/v1/login HTTP/2" 401 - via_upstream - "-" 123 45 12 11 "%s" "okhttp/4.12.0" "%s" "api.example.com" "%s:8080"`, nz.ts, ip, nz.reqID, nz.podIP)),
				Secrets: []string{ip}, Keep: []string{nz.reqID, nz.podIP + ":8080", `"okhttp/4.12.0"`, nz.ts}},
			Case{Kind: "logline/rails-started", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`Started POST "/users/sign_in" for %s at 2025-11-07 10:00:00 +0000`, g.pick(ip, ip6))),
				Secrets: []string{}, Keep: []string{`Started POST "/users/sign_in" for `, " at 2025-11-07 10:00:00 +0000"}},
			Case{Kind: "logline/express-morgan", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`::ffff:%s - - [07/Nov/2025:10:00:00 +0000] "GET /api/users/%s HTTP/1.1" 404 9 "-" "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"`, ip, pathEscape(em))),
				Secrets: []string{ip, pathEscape(em)}, Keep: []string{`HTTP/1.1" 404 9 "-" "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"`}},
			Case{Kind: "logline/efcore-sensitive", Place: "log.body.text", Rec: logRec(fmt.Sprintf("info: Microsoft.EntityFrameworkCore.Database.Command[20101]\n      Executed DbCommand (3ms) [Parameters=[@__email_0='%s' (Size = 256)], CommandType='Text', CommandTimeout='30']\n      SELECT TOP(1) [u].[Id], [u].[Email] FROM [Users] AS [u] WHERE [u].[Email] = @__email_0", em)),
				Secrets: []string{em}, Keep: []string{"CommandType='Text', CommandTimeout='30']", "WHERE [u].[Email] = @__email_0"}},
			Case{Kind: "logline/sshd", Place: "log.body.text", Rec: logRec(fmt.Sprintf("Nov  7 10:00:00 bastion-01 sshd[%d]: Failed password for invalid user admin from %s port %d ssh2", n, ip, g.between(1024, 65535))),
				Secrets: []string{ip}, Keep: []string{"Failed password for invalid user admin from ", " ssh2"}},
			Case{Kind: "logline/postfix", Place: "log.body.text", Rec: logRec(fmt.Sprintf("Nov  7 10:00:00 mail postfix/smtp[%d]: 4BDF31C0F2: to=<%s>, relay=mx1.example.net[203.0.113.25]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK)", n, em)),
				Secrets: []string{em}, Keep: []string{"status=sent (250 2.0.0 OK)", "delays=0.1/0/0.5/0.6, dsn=2.0.0"}},
			Case{Kind: "logline/laravel-duplicate", Place: "log.body.text", Rec: logRec(fmt.Sprintf("[2025-11-07 10:00:00] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '%s' for key 'users_email_unique' (Connection: mysql, SQL: insert into `users` (`email`) values (%s))", em, em)),
				Secrets: []string{em}, Keep: []string{"for key 'users_email_unique' (Connection: mysql, SQL: insert into `users` (`email`) values ("}},
			Case{Kind: "logline/k8s-audit", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"%s","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/shop/secrets/db-creds","verb":"get","user":{"username":"%s","groups":["system:authenticated"]},"sourceIPs":["%s"],"objectRef":{"resource":"secrets","namespace":"shop","name":"db-creds"},"responseStatus":{"code":200}}`, nz.reqID, em, ip)),
				Secrets: []string{em, ip}, Keep: []string{nz.reqID, `"groups":["system:authenticated"]`, `"responseStatus":{"code":200}`}},
			Case{Kind: "logline/spring-security", Place: "log.body.text", Rec: logRec(fmt.Sprintf("%s  WARN 1 --- [nio-8080-exec-7] o.s.s.a.DaoAuthenticationProvider : Failed to authenticate since password does not match stored value for user '%s'", nz.ts, em)),
				Secrets: []string{em}, Keep: []string{"o.s.s.a.DaoAuthenticationProvider : Failed to authenticate since password does not match stored value"}},
			Case{Kind: "logline/pg-duplicate", Place: "exception.message", Rec: Record{Signal: Traces, Event: Map{{"exception.type", "org.springframework.dao.DataIntegrityViolationException"}, {"exception.message", fmt.Sprintf(`could not execute statement; SQL [n/a]; constraint [uk_users_email]; nested exception is org.hibernate.exception.ConstraintViolationException: ERROR: duplicate key value violates unique constraint "uk_users_email"  Detail: Key (email)=(%s) already exists.`, em)}}},
				Secrets: []string{em}, Keep: []string{"constraint [uk_users_email]", ") already exists."}},
			Case{Kind: "logline/haproxy", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`%s:%d [07/Nov/2025:10:00:00.123] fe_https~ be_api/api-2 0/0/1/12/13 200 %d - - ---- 10/10/2/1/0 0/0 "GET /api/v1/orders HTTP/1.1"`, ip, g.between(1024, 65535), n)),
				Secrets: []string{ip}, Keep: []string{"fe_https~ be_api/api-2 0/0/1/12/13 200", `- - ---- 10/10/2/1/0 0/0 "GET /api/v1/orders HTTP/1.1"`}},
			Case{Kind: "logline/aws-alb", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`h2 2025-11-07T10:00:00.123456Z app/shop-alb/50dc6c495c0c9188 %s:%d 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://shop.example.com:443/ HTTP/2.0" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354"`, ip, g.between(1024, 65535))),
				Secrets: []string{ip}, Keep: []string{`10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://shop.example.com:443/ HTTP/2.0" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354"`}},
			Case{Kind: "logline/graphql-inline", Place: "span.attr", Rec: Record{Signal: Traces, Name: "mutation Login", Attrs: Map{{"graphql.document", fmt.Sprintf(`mutation Login { login(email: "%s", password: "%s") { token expiresAt } }`, em, pw)}, {"graphql.operation.type", "mutation"}}},
				Secrets: []string{em, pw}, Keep: []string{"{ token expiresAt } }"}},
			Case{Kind: "logline/mongo-filter", Place: "log.body.text", Rec: logRec(fmt.Sprintf(`{"t":{"$date":"2025-11-07T10:00:00.000+00:00"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn%d","msg":"Slow query","attr":{"type":"command","ns":"shop.users","command":{"find":"users","filter":{"email":"%s"},"limit":1},"planSummary":"IXSCAN { email: 1 }","durationMillis":%d}}`, g.between(1, 500), em, g.between(100, 2000))),
				Secrets: []string{em}, Keep: []string{`"planSummary":"IXSCAN { email: 1 }"`, `"ns":"shop.users"`}},
		)
	}
	// Rails "Started ... for <ip>": the address is the secret.
	for i := range out {
		if out[i].Kind == "logline/rails-started" {
			body := out[i].Rec.Body.(string)
			start := strings.Index(body, " for ") + 5
			end := strings.Index(body, " at ")
			out[i].Secrets = []string{body[start:end]}
		}
	}
	return out
}
