package fieldsecrets

import "fmt"

// statements plants passwords in the user-management clauses of SQL dialects and
// in the authentication commands of caches and document stores, as their manuals
// write them, next to statements that name passwords without holding one.
func (c *corpus) statements() {
	pw := c.password(true)
	u := c.user()
	aws := c.token("aws-secret")
	type tpl struct{ kind, system, stmt, secret string }
	ts := []tpl{
		{"stmt/mysql-create-user", "mysql", "CREATE USER '" + u + "'@'%' IDENTIFIED BY '" + pw + "'", pw},
		{"stmt/mysql-alter-user-with", "mysql", "ALTER USER '" + u + "'@'localhost' IDENTIFIED WITH caching_sha2_password BY '" + pw + "' PASSWORD EXPIRE INTERVAL 90 DAY", pw},
		{"stmt/mysql-set-password", "mysql", "SET PASSWORD FOR '" + u + "'@'%' = '" + pw + "'", pw},
		{"stmt/mysql-change-source", "mysql", "CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.0.3.11', SOURCE_USER='repl', SOURCE_PASSWORD='" + pw + "', SOURCE_AUTO_POSITION=1", pw},
		{"stmt/mysql-change-master", "mysql", "CHANGE MASTER TO MASTER_HOST='db-1', MASTER_USER='repl', MASTER_PASSWORD='" + pw + "', MASTER_LOG_FILE='mysql-bin.000042', MASTER_LOG_POS=154", pw},
		{"stmt/mysql-create-server", "mysql", "CREATE SERVER reporting FOREIGN DATA WRAPPER mysql OPTIONS (USER '" + u + "', PASSWORD '" + pw + "', HOST '10.0.4.2', DATABASE 'reports')", pw},
		{"stmt/pg-create-role", "postgresql", "CREATE ROLE " + u + " WITH LOGIN PASSWORD '" + pw + "' VALID UNTIL '2026-01-01'", pw},
		{"stmt/pg-alter-user", "postgresql", "ALTER USER " + u + " WITH PASSWORD '" + pw + "'", pw},
		{"stmt/pg-user-mapping", "postgresql", "CREATE USER MAPPING FOR " + u + " SERVER legacy_db OPTIONS (user 'legacy', password '" + pw + "')", pw},
		{"stmt/pg-alter-user-mapping", "postgresql", "ALTER USER MAPPING FOR CURRENT_USER SERVER legacy_db OPTIONS (SET password '" + pw + "')", pw},
		{"stmt/pg-create-subscription", "postgresql", "CREATE SUBSCRIPTION orders_sub CONNECTION 'host=10.0.2.9 port=5432 user=repl password=" + pw + " dbname=orders' PUBLICATION orders_pub", pw},
		{"stmt/pg-dblink", "postgresql", "SELECT * FROM dblink('host=10.0.2.9 dbname=legacy user=" + u + " password=" + pw + "', 'SELECT id FROM accounts') AS t(id int)", pw},
		{"stmt/mssql-create-login", "mssql", "CREATE LOGIN [" + u + "] WITH PASSWORD = N'" + pw + "', CHECK_POLICY = ON, DEFAULT_DATABASE = [orders]", pw},
		{"stmt/mssql-alter-login", "mssql", "ALTER LOGIN sa WITH PASSWORD = '" + pw + "' OLD_PASSWORD = '" + pw + "x'", pw},
		{"stmt/mssql-master-key", "mssql", "CREATE MASTER KEY ENCRYPTION BY PASSWORD = '" + pw + "'", pw},
		{"stmt/mssql-scoped-credential", "mssql", "CREATE DATABASE SCOPED CREDENTIAL blob_cred WITH IDENTITY = 'SHARED ACCESS SIGNATURE', SECRET = '" + pw + "'", pw},
		{"stmt/mssql-open-symmetric-key", "mssql", "OPEN SYMMETRIC KEY CardKey DECRYPTION BY PASSWORD = '" + pw + "'", pw},
		{"stmt/oracle-create-user", "oracle", "CREATE USER " + u + " IDENTIFIED BY \"" + pw + "\" DEFAULT TABLESPACE users QUOTA 100M ON users", pw},
		{"stmt/oracle-alter-user-replace", "oracle", "ALTER USER " + u + " IDENTIFIED BY " + pw + " REPLACE oldpass42", pw},
		{"stmt/oracle-db-link", "oracle", "CREATE DATABASE LINK legacy CONNECT TO " + u + " IDENTIFIED BY " + pw + " USING 'LEGACYDB'", pw},
		{"stmt/snowflake-create-user", "snowflake", "CREATE USER " + u + " PASSWORD = '" + pw + "' DEFAULT_ROLE = analyst MUST_CHANGE_PASSWORD = FALSE", pw},
		{"stmt/snowflake-stage-credentials", "snowflake", "CREATE STAGE raw_events URL = 's3://acme-raw/events/' CREDENTIALS = (AWS_KEY_ID = '" + c.token("aws-id") + "' AWS_SECRET_KEY = '" + aws + "')", aws},
		{"stmt/redshift-copy-credentials", "redshift", "COPY events FROM 's3://acme-raw/events/' CREDENTIALS 'aws_access_key_id=" + c.token("aws-id") + ";aws_secret_access_key=" + aws + "' FORMAT AS JSON 'auto'", aws},
		{"stmt/clickhouse-create-user", "clickhouse", "CREATE USER " + u + " IDENTIFIED WITH sha256_password BY '" + pw + "' HOST IP '10.0.0.0/8'", pw},
		{"stmt/clickhouse-s3-function", "clickhouse", "INSERT INTO events SELECT * FROM s3('https://acme-raw.s3.amazonaws.com/events/*.parquet', '" + c.token("aws-id") + "', '" + aws + "', 'Parquet')", aws},
		{"stmt/clickhouse-mysql-function", "clickhouse", "SELECT * FROM mysql('10.0.4.2:3306', 'shop', 'orders', '" + u + "', '" + pw + "') LIMIT 10", pw},
		{"stmt/cql-create-role", "cassandra", "CREATE ROLE " + u + " WITH PASSWORD = '" + pw + "' AND LOGIN = true AND SUPERUSER = false", pw},
		{"stmt/cql-alter-role", "cassandra", "ALTER ROLE " + u + " WITH PASSWORD = '" + pw + "'", pw},
		{"stmt/cql-create-user", "cassandra", "CREATE USER " + u + " WITH PASSWORD '" + pw + "' NOSUPERUSER", pw},
		{"stmt/influxql-create-user", "influxdb", "CREATE USER " + u + " WITH PASSWORD '" + pw + "' WITH ALL PRIVILEGES", pw},
		{"stmt/influxql-set-password", "influxdb", "SET PASSWORD FOR " + u + " = '" + pw + "'", pw},
		{"stmt/cypher-create-user", "neo4j", "CREATE USER " + u + " SET PASSWORD '" + pw + "' CHANGE NOT REQUIRED", pw},
		{"stmt/cypher-alter-current-user", "neo4j", "ALTER CURRENT USER SET PASSWORD FROM 'Initial-1' TO '" + pw + "'", pw},
		{"stmt/cypher-dbms-createuser", "neo4j", "CALL dbms.security.createUser('" + u + "', '" + pw + "', false)", pw},
		{"stmt/mongosh-createuser", "mongodb", `db.createUser({ user: "` + u + `", pwd: "` + pw + `", roles: [ { role: "readWrite", db: "orders" } ] })`, pw},
		{"stmt/mongosh-auth", "mongodb", `db.getSiblingDB("admin").auth("` + u + `", "` + pw + `")`, pw},
		{"stmt/mongosh-changeuserpassword", "mongodb", `db.changeUserPassword("` + u + `", "` + pw + `")`, pw},
		{"stmt/mongo-command-createuser", "mongodb", `{"createUser":"` + u + `","pwd":"` + pw + `","roles":[{"role":"read","db":"reports"}],"$db":"admin"}`, pw},
		{"stmt/redis-auth", "redis", "AUTH " + pw, pw},
		{"stmt/redis-auth-user", "redis", "AUTH " + u + " " + pw, pw},
		{"stmt/redis-hello-auth", "redis", "HELLO 3 AUTH default " + pw + " SETNAME orders-worker", pw},
		{"stmt/redis-migrate-auth", "redis", "MIGRATE 10.0.5.8 6379 \"\" 0 5000 COPY AUTH " + pw + " KEYS cart:1001 cart:1002", pw},
		{"stmt/redis-migrate-auth2", "redis", "MIGRATE 10.0.5.8 6379 \"\" 0 5000 AUTH2 " + u + " " + pw + " KEYS cart:1001", pw},
		{"stmt/redis-acl-setuser", "redis", "ACL SETUSER " + u + " on >" + pw + " ~orders:* &* +@read +@write", pw},
		{"stmt/redis-config-masterauth", "redis", "CONFIG SET masterauth " + pw, pw},
		{"stmt/valkey-config-requirepass", "valkey", "CONFIG SET requirepass " + pw, pw},
	}
	for _, t := range ts {
		c.statement(t.kind, t.system, t.stmt, []string{t.secret}, nil)
	}
	tok := c.from(b64url, 43)
	c.statement("stmt/redis-set-session", "redis", "SET session:"+c.hex(16)+" "+tok+" EX 3600", []string{tok}, nil)
	c.statement("stmt/redis-hset-token", "redis", "HSET oauth:"+fmt.Sprint(c.n(1000, 99999))+" access_token "+tok+" expires_in 3600", []string{tok}, []string{"expires_in 3600"})

	// Statements that name passwords and tokens and hold none: bind parameters,
	// columns, hashes, placeholders.
	id := fmt.Sprint(c.n(1000, 999999))
	ks := []struct{ kind, system, stmt string }{
		{"keep/stmt-bind-password", "postgresql", "UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2"},
		{"keep/stmt-select-token-columns", "mysql", "SELECT id, token_type, expires_at, revoked FROM oauth_access_tokens WHERE user_id = " + id + " AND revoked = 0"},
		{"keep/stmt-alter-password-expire", "mysql", "ALTER USER '" + u + "'@'%' PASSWORD EXPIRE INTERVAL 90 DAY"},
		{"keep/stmt-pg-password-null", "postgresql", "ALTER ROLE " + u + " PASSWORD NULL"},
		{"keep/stmt-named-param", "mssql", "EXEC dbo.usp_SetPassword @UserId = @p0, @PasswordHash = @p1"},
		{"keep/stmt-redis-get", "redis", "GET rate_limit:api_key:" + id},
		{"keep/stmt-redis-auth-placeholder", "redis", "AUTH ?"},
		{"keep/stmt-create-table", "postgresql", "CREATE TABLE password_resets (id bigserial PRIMARY KEY, token_hash bytea NOT NULL, expires_at timestamptz NOT NULL)"},
		{"keep/stmt-grant", "postgresql", "GRANT SELECT, INSERT ON orders TO " + u},
		{"keep/stmt-cypher-show-users", "neo4j", "SHOW USERS YIELD user, passwordChangeRequired WHERE passwordChangeRequired"},
	}
	for _, k := range ks {
		c.statement(k.kind, k.system, k.stmt, nil, []string{k.stmt})
	}
}
