package fieldsecrets

import (
	"fmt"
	"strings"
)

// fifthRound: name/value pairs whose name is a sibling of the value (Kubernetes'
// and ECS's environment lists, SSM parameters), CLIs that set secrets, and
// functions that hash a password in a statement.
func (c *corpus) fifthRound() {
	pw := c.password(true)
	u := c.user()
	envName := c.pick("DB_PASSWORD", "STRIPE_SECRET_KEY", "API_TOKEN", "REDIS_PASSWORD", "JWT_SECRET", "SMTP_PASS")
	pairs := []struct{ kind, text string }{
		{"pair/k8s-env-yaml", "env:\n  - name: APP_ENV\n    value: production\n  - name: " + envName + "\n    value: " + pw + "\n  - name: LOG_LEVEL\n    value: info\n"},
		{"pair/k8s-env-json", `{"env":[{"name":"APP_ENV","value":"production"},{"name":"` + envName + `","value":"` + pw + `"}]}`},
		{"pair/ecs-environment", `"environment": [{"name": "` + envName + `", "value": "` + pw + `"}, {"name": "PORT", "value": "8080"}]`},
		{"pair/ssm-parameter", `{"Parameter":{"Name":"/prod/orders/` + strings.ToLower(envName) + `","Type":"SecureString","Value":"` + pw + `","Version":3}}`},
		{"pair/key-value-list", `[{"key":"` + envName + `","value":"` + pw + `"},{"key":"REGION","value":"eu-west-1"}]`},
	}
	for _, p := range pairs {
		c.dump(p.kind, p.text, []string{pw}, nil)
	}
	// The same under attributes: a list of maps.
	c.add("pair/attr-env-list", "log.attr", Record{Signal: Logs, Body: "container spec", Attrs: Map{
		{K: "k8s.container.env", V: []any{Map{{K: "name", V: "APP_ENV"}, {K: "value", V: "production"}}, Map{{K: "name", V: envName}, {K: "value", V: pw}}}}}}, []string{pw}, []string{"production"})

	tok := c.token(c.pick(bearerVendors...))
	pypi := c.token("pypi")
	ts := []struct {
		kind    string
		argv    []string
		secrets []string
		keeps   []string
	}{
		{"cmd/gh-secret-set", []string{"gh", "secret", "set", "DEPLOY_TOKEN", "--body", tok, "--repo", "acme/orders"}, []string{tok}, []string{"acme/orders"}},
		{"cmd/twine-upload", []string{"twine", "upload", "-u", "__token__", "-p", pypi, "dist/*"}, []string{pypi}, []string{"__token__"}},
		{"cmd/gpg-passphrase", []string{"gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", pw, "-d", "secrets.gpg"}, []string{pw}, []string{"secrets.gpg"}},
		{"cmd/flyctl-secrets-set", []string{"flyctl", "secrets", "set", "DATABASE_PASSWORD=" + pw, "-a", "orders"}, []string{pw}, []string{"orders"}},
		{"cmd/kubectl-set-env", []string{"kubectl", "set", "env", "deployment/orders", "DB_PASSWORD=" + pw, "LOG_LEVEL=debug"}, []string{pw}, []string{"LOG_LEVEL=debug"}},
		{"cmd/heroku-config-set", []string{"heroku", "config:set", "SECRET_KEY_BASE=" + pw, "--app", "orders-prod"}, []string{pw}, []string{"orders-prod"}},
		{"cmd/stripe-api-key", []string{"stripe", "listen", "--api-key", c.token("stripe"), "--forward-to", "localhost:3000/webhooks"}, nil, []string{"localhost:3000/webhooks"}},
		{"cmd/vercel-token", []string{"vercel", "deploy", "--prod", "--token", c.from(base62, 24)}, nil, []string{"--prod"}},
		{"cmd/ssh-keygen-passphrase", []string{"ssh-keygen", "-t", "ed25519", "-N", pw, "-f", "/home/deploy/.ssh/id_ed25519"}, []string{pw}, []string{"/home/deploy/.ssh/id_ed25519"}},
		{"cmd/pg-basebackup-dsn", []string{"pg_basebackup", "-d", "host=" + c.host() + " user=replicator password=" + pw, "-D", "/var/lib/postgresql/data"}, []string{pw}, []string{"/var/lib/postgresql/data"}},
	}
	for _, t := range ts {
		if t.secrets == nil {
			t.secrets = []string{t.argv[len(t.argv)-3]}
			if t.kind == "cmd/vercel-token" {
				t.secrets = []string{t.argv[len(t.argv)-1]}
			}
		}
		c.command(t.kind, t.argv, t.secrets, t.keeps)
	}
	ks := []struct {
		kind  string
		argv  []string
		keeps []string
	}{
		{"keep/cmd-npm-otp-flag", []string{"npm", "publish", "--access", "public", "--tag", "next"}, []string{"public", "next"}},
		{"keep/cmd-gpg-passphrase-fd", []string{"gpg", "--batch", "--passphrase-fd", "0", "-d", "secrets.gpg"}, []string{"--passphrase-fd", "secrets.gpg"}},
		{"keep/cmd-gh-secret-list", []string{"gh", "secret", "list", "--repo", "acme/orders"}, []string{"acme/orders"}},
	}
	for _, k := range ks {
		c.command(k.kind, k.argv, nil, k.keeps)
	}

	stmts := []struct{ kind, system, stmt string }{
		{"stmt/mariadb-password-function", "mariadb", "SET PASSWORD FOR '" + u + "'@'%' = PASSWORD('" + pw + "')"},
		{"stmt/mysql-set-password-self", "mysql", "SET PASSWORD = '" + pw + "'"},
		{"stmt/pg-set-guc-key", "postgresql", "SET app.api_key = '" + pw + "'"},
		{"stmt/mssql-alter-login-hashed-no", "mssql", "ALTER LOGIN [" + u + "] WITH PASSWORD = '" + pw + "' MUST_CHANGE, CHECK_EXPIRATION = ON"},
	}
	for _, s := range stmts {
		c.statement(s.kind, s.system, s.stmt, []string{pw}, nil)
	}
	// Pairs whose name names no secret stay.
	kp := []string{
		`[{"name":"APP_ENV","value":"production"},{"name":"LOG_LEVEL","value":"info"}]`,
		"env:\n  - name: PORT\n    value: \"8080\"\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db\n",
		`{"Parameter":{"Name":"/prod/orders/feature_flags","Type":"String","Value":"checkout_v2=on","Version":` + fmt.Sprint(c.n(1, 40)) + `}}`,
	}
	for i, k := range kp {
		c.dump(fmt.Sprintf("keep/pair-%d", i), k, nil, []string{k})
	}
}
