package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func statementSecrets(s string) []string {
	var args []argSpan
	var out []string
	for _, m := range appendStatementSecrets(nil, s, &args) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

func TestStatementSecrets(t *testing.T) {
	for in, want := range map[string][]string{
		"CREATE USER 'app'@'%' IDENTIFIED BY 'my-S3cret'":       {"my-S3cret"},
		"ALTER USER app WITH PASSWORD 'pg-Pa55'":                {"pg-Pa55"},
		"SET PASSWORD FOR 'app'@'localhost' = 'set-Pa55'":       {"set-Pa55"},
		"ALTER LOGIN sa WITH PASSWORD = 'It''s-Pa55'":           {"It''s-Pa55"},
		"AUTH default Sup3rS3cret":                              {"Sup3rS3cret"},
		"HELLO 3 AUTH default h3llo-Pa55":                       {"h3llo-Pa55"},
		"CONFIG SET requirepass n3w-Pa55":                       {"n3w-Pa55"},
		"ACL SETUSER app on >acl-Pa55 ~* +@all":                 {"acl-Pa55"},
		"SET session:7f3a9c2e 9f86d081884c7d659a2feaa0 EX 3600": {"9f86d081884c7d659a2feaa0"},
		"HSET user:42 token t0k3n name bob":                     {"t0k3n"},
		"SETEX auth_token:42 3600 s3tex":                        {"s3tex"},
		// Nothing to find.
		"SELECT password_hash FROM users WHERE id = 42": nil,
		"SET cart:42 {\"items\":3}":                     nil,
		"set the flag before retrying":                  nil,
	} {
		assert.Equal(t, want, statementSecrets(in), in)
	}
}
