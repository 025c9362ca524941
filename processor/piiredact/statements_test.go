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

// TestStatementSecretsInText: statements as errors and servers' logs quote them.
func TestStatementSecretsInText(t *testing.T) {
	for in, want := range map[string][]string{
		"ALTER USER 'app'@'%' IDENTIFIED WITH caching_sha2_password BY 'w1th-Pa55'":          {"w1th-Pa55"},
		"CREATE LOGIN r WITH PASSWORD = N'n-Pa55', CHECK_POLICY = OFF":                       {"n-Pa55"},
		`1730973600.557868 [0 10.0.3.7:51234] "AUTH" "m0nitor-Pa55"`:                         {"m0nitor-Pa55"},
		"query failed after 3 retries: HELLO 3 AUTH app h3-Pa55 SETNAME w: connection reset": {"h3-Pa55"},
		"query failed: CONFIG SET requirepass c0nf-Pa55: connection reset by peer":           {"c0nf-Pa55"},
		// Nothing to find: a quoted word, an UPDATE's SET.
		`args: [{:credential_type=>"password", :source=>"web"}]`:             nil,
		`args: [{:secret_ref=>"vault:kv/shop/db#password", :source=>"web"}]`: nil, // the word ends a string
		"SET PASSWORD='eq-Pa55'": {"eq-Pa55"},
		// Masked already: what an ORM or a toString printed.
		"UPDATE customers SET password = 'xxxx-xxxx-xxxx-7319' WHERE id = 42": nil,
		"saving Customer{id=42, password='********', tier=GOLD}":              nil,
		"UPDATE users SET session_token = ? WHERE id = 42":                    nil,
	} {
		assert.Equal(t, want, statementSecrets(in), in)
	}
}

// Dialects' other forms: Oracle's unquoted password (and the old one after REPLACE),
// Cypher's FROM … TO, a hash's field that says something about the token, a bind
// parameter; nothing where a hash, a random password or a parameter stands.
func TestStatementSecretsOfMoreDialects(t *testing.T) {
	for in, want := range map[string][]string{
		"ALTER USER app IDENTIFIED BY Orcl_55x REPLACE old_44y":                             {"Orcl_55x", "old_44y"},
		"CREATE DATABASE LINK legacy CONNECT TO app IDENTIFIED BY Lnk_55x USING 'LEGACYDB'": {"Lnk_55x"},
		"ALTER CURRENT USER SET PASSWORD FROM 'Old-1' TO 'New-2'":                           {"Old-1", "New-2"},
		"HSET oauth:42 access_token t0k3n-Abc expires_in 3600 token_type Bearer":            {"t0k3n-Abc"},
		"AUTH ?": nil,
		"ALTER USER 'u'@'%' IDENTIFIED BY RANDOM PASSWORD": nil,
		"CREATE USER u IDENTIFIED BY VALUES 'S:ABCDEF'":    nil,
		"CREATE USER u IDENTIFIED BY :pw":                  nil,
	} {
		assert.Equal(t, want, statementSecrets(in), in)
	}
}

func callSecrets(s string) []string {
	var out []string
	for _, m := range appendCallSecrets(nil, s) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

// Functions that take a password by position, and the same names where none is.
func TestCallSecrets(t *testing.T) {
	for in, want := range map[string][]string{
		`db.getSiblingDB("admin").auth("app", "Mg-55x")`:                                               {"Mg-55x"},
		`db.changeUserPassword("app", "Mg-66x")`:                                                       {"Mg-66x"},
		"CALL dbms.security.createUser('app', 'Neo-55x', false)":                                       {"Neo-55x"},
		"CALL dbms.security.changePassword('Neo-66x')":                                                 {"Neo-66x"},
		"SELECT * FROM mysql('10.0.4.2:3306', 'shop', 'orders', 'app', 'Ch-55x') LIMIT 10":             {"Ch-55x"},
		"SELECT * FROM postgresql('pg:5432', 'db', 't', 'u', 'Ch-66x')":                                {"Ch-66x"},
		"SELECT * FROM s3('https://b.s3.amazonaws.com/x.csv', 'AKIAEXAMPLE7', 'wJalr/K7MDENG', 'CSV')": {"wJalr/K7MDENG"},
		"SELECT * FROM s3('https://b.s3.amazonaws.com/x.csv', 'CSV', 'a String')":                      nil,
		"SELECT * FROM mysql('h:3306', 'db', 't', 'u', ?)":                                             nil,
		"SELECT auth(user_id, 2) FROM t":                                                               nil,
		"db.auth({user: 'app', pwd: passwordPrompt()})":                                                nil,
	} {
		assert.Equal(t, want, callSecrets(in), in)
	}
}

func procSecrets(s string) []string {
	var out []string
	for _, m := range appendProcSecrets(nil, s) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

// Stored procedures that take a password by position, and DB2's CONNECT … USING.
func TestProcSecrets(t *testing.T) {
	for in, want := range map[string][]string{
		"EXEC sp_addlogin 'etl_user', 'Sp-55x', 'orders'":          {"Sp-55x"},
		"EXECUTE dbo.sp_password 'Old-44y', 'New-55x', 'etl_user'": {"Old-44y", "New-55x"},
		"CONNECT TO ORDERS USER etl_user USING Db2-55x":            {"Db2-55x"},
		"EXEC sp_addlogin @loginame = 'etl_user', @passwd = @p1":   nil,
		"EXEC dbo.usp_orders_by_customer 'ACME', 42":               nil,
		"CONNECT TO ORDERS USER etl_user USING ?":                  nil,
		"we connect using the user pool":                           nil,
	} {
		assert.Equal(t, want, procSecrets(in), in)
	}
}
