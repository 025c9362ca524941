package fieldsecrets

import (
	"fmt"
	"strings"
)

// sixthRound: values under keys that name credentials and are none (options,
// methods, counts, identifiers a vendor calls a "SID"), and commands and statements
// that name a password without giving one.
func (c *corpus) sixthRound() {
	acct := "AC" + c.hex(32)
	call := "CA" + c.hex(32)
	winSID := fmt.Sprintf("S-1-5-21-%d-%d-%d-%d", c.n(1000000000, 3999999999), c.n(1000000000, 3999999999), c.n(1000000000, 3999999999), c.n(1000, 9999))
	kv := []struct{ kind, key, value string }{
		{"keep/opt-fetch-credentials", "credentials", "include"},
		{"keep/opt-fetch-credentials-origin", "credentials", "same-origin"},
		{"keep/opt-auth-method", "auth", "oauth2"},
		{"keep/opt-auth-none", "auth", "none"},
		{"keep/id-twilio-account-sid", "AccountSid", acct},
		{"keep/id-twilio-call-sid", "CallSid", call},
		{"keep/id-windows-sid", "sid", winSID},
		{"keep/count-pass-number", "pass", fmt.Sprint(c.n(1, 9))},
		{"keep/empty-password", "password", ""},
		{"keep/opt-token-endpoint-auth", "token_endpoint_auth_method", "private_key_jwt"},
		{"keep/opt-secret-scanning", "secret_scanning", "enabled"},
	}
	for _, k := range kv {
		keeps := []string{k.value}
		if k.value == "" {
			keeps = []string{`"password":""`}
		}
		c.add(k.kind, "log.body.json", Record{Signal: Logs, Body: fmt.Sprintf(`{"event":"request","%s":"%s","status":200}`, k.key, k.value)}, nil, keeps)
		if k.value != "" {
			c.add(k.kind, "span.attr", Record{Signal: Traces, Name: "op", Attrs: Map{{K: "app." + k.key, V: k.value}}}, nil, keeps)
			c.add(k.kind, "log.body.text", Record{Signal: Logs, Body: fmt.Sprintf("request done %s=%s status=200", k.key, k.value)}, nil, keeps)
		}
	}
	// Twilio's SIDs in a webhook's form body and URL, beside its auth token.
	tok := c.hex(32)
	c.text("payload/twilio-webhook", "http.request.body", "AccountSid="+acct+"&CallSid="+call+"&CallStatus=completed&AuthToken="+tok, []string{tok}, []string{acct, call, "CallStatus=completed"})
	c.link("url/twilio-api", "https://"+acct+":"+tok+"@api.twilio.com/2010-04-01/Accounts/"+acct+"/Calls/"+call+".json", []string{tok}, []string{"/2010-04-01/Accounts/" + acct + "/Calls/" + call + ".json"})

	// Commands and statements that name a password and give none.
	cmds := [][]string{
		{"psql", "-h", "db.internal", "-U", "app", "-W", "orders"},
		{"mysql", "-u", "app", "-p", "-h", "db.internal"},
		{"redis-cli", "-h", "cache.internal", "--no-auth-warning", "CONFIG", "GET", "requirepass"},
		{"vault", "kv", "get", "-field=password", "secret/orders/db"},
		{"aws", "secretsmanager", "rotate-secret", "--secret-id", "prod/orders/db", "--rotation-rules", "AutomaticallyAfterDays=30"},
	}
	for i, argv := range cmds {
		c.command(fmt.Sprintf("keep/cmd-names-password-%d", i), argv, nil, []string{argv[len(argv)-2], argv[len(argv)-1]})
	}
	stmts := []struct{ system, stmt string }{
		{"redis", "CONFIG GET requirepass"},
		{"redis", "ACL SETUSER monitor on nopass ~* +info"},
		{"oracle", "CREATE USER ops_ext IDENTIFIED EXTERNALLY"},
		{"postgresql", "SELECT id FROM users WHERE email = $1 AND password_hash = crypt($2, password_hash)"},
		{"mysql", "CREATE USER 'legacy'@'%' IDENTIFIED BY PASSWORD '*" + strings.ToUpper(c.hex(40)) + "'"},
		{"postgresql", "ALTER ROLE reporting WITH PASSWORD NULL"},
	}
	for i, s := range stmts {
		c.statement(fmt.Sprintf("keep/stmt-names-password-%d", i), s.system, s.stmt, nil, []string{s.stmt})
	}
}
