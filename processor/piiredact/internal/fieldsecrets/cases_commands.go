package fieldsecrets

import (
	"fmt"
	"strings"
)

// commands plants passwords and tokens where real tools take them on their command
// lines (their manuals' flags), next to the arguments that look like them and stay:
// ports after -p/-P, file paths of password files, placeholders, image digests.
func (c *corpus) commands() {
	pw := c.password(false)
	spw := c.password(true)
	u, h := c.user(), c.host()
	tok := c.token(c.pick(bearerVendors...))
	port := fmt.Sprint(c.pick("5432", "3306", "6379", "6380", "27017", "1433"))
	keepHU := []string{h}
	type tpl struct {
		kind    string
		argv    []string
		secrets []string
		keeps   []string
	}
	ts := []tpl{
		{"cmd/mysql-p-glued", []string{"mysql", "-u", u, "-p" + spw, "-h", h, "-P", "3306", "orders"}, []string{spw}, keepHU},
		{"cmd/mysql-password-eq", []string{"mysql", "--user=" + u, "--password=" + pw, "--host=" + h, "shop"}, []string{pw}, keepHU},
		{"cmd/mysqldump", []string{"mysqldump", "-u" + u, "-p" + spw, "--single-transaction", "--routines", "shop"}, []string{spw}, []string{"--single-transaction"}},
		{"cmd/psql-uri", []string{"psql", "postgresql://" + u + ":" + spw + "@" + h + ":5432/orders?sslmode=require", "-c", "SELECT 1"}, []string{spw}, keepHU},
		{"cmd/pg_dump-conninfo", []string{"pg_dump", "host=" + h + " port=5432 user=" + u + " password=" + spw + " dbname=orders", "-Fc", "-f", "/backup/orders.dump"}, []string{spw}, []string{"/backup/orders.dump"}},
		{"cmd/redis-cli-a", []string{"redis-cli", "-h", h, "-p", port, "-a", spw, "--no-auth-warning", "INFO"}, []string{spw}, keepHU},
		{"cmd/redis-cli-u", []string{"redis-cli", "-u", "redis://default:" + spw + "@" + h + ":6379/0", "PING"}, []string{spw}, nil},
		{"cmd/valkey-cli-pass", []string{"valkey-cli", "--user", u, "--pass", spw, "-h", h, "DBSIZE"}, []string{spw}, keepHU},
		{"cmd/mongosh-srv", []string{"mongosh", "mongodb+srv://" + u + ":" + spw + "@cluster0.x7kq2.mongodb.net/orders?retryWrites=true&w=majority"}, []string{spw}, []string{"cluster0.x7kq2.mongodb.net"}},
		{"cmd/mongo-p", []string{"mongo", "--host", h, "-u", u, "-p", spw, "--authenticationDatabase", "admin"}, []string{spw}, keepHU},
		{"cmd/mongodump-password", []string{"mongodump", "--uri=mongodb://" + h + ":27017", "--username=" + u, "--password=" + spw, "--out=/backup/mongo"}, []string{spw}, []string{"/backup/mongo"}},
		{"cmd/sqlcmd", []string{"sqlcmd", "-S", "tcp:" + h + ",1433", "-U", "sa", "-P", pw, "-d", "orders", "-Q", "SELECT @@VERSION"}, []string{pw}, nil},
		{"cmd/cqlsh", []string{"cqlsh", h, "9042", "-u", "cassandra", "-p", spw, "-e", "DESCRIBE KEYSPACES"}, []string{spw}, nil},
		{"cmd/clickhouse-client", []string{"clickhouse-client", "--host", h, "--user", u, "--password", spw, "--query", "SELECT count() FROM events"}, []string{spw}, nil},
		{"cmd/influx-password", []string{"influx", "-host", h, "-username", u, "-password", spw, "-execute", "SHOW DATABASES"}, []string{spw}, nil},
		{"cmd/rabbitmqadmin", []string{"rabbitmqadmin", "-H", h, "-u", u, "-p", spw, "list", "queues"}, []string{spw}, nil},
		{"cmd/rabbitmqctl-add_user", []string{"rabbitmqctl", "add_user", u, spw}, []string{spw}, nil},
		{"cmd/kafka-jaas-property", []string{"kafka-console-producer.sh", "--bootstrap-server", "kafka-1:9093", "--topic", "orders", "--producer-property", "security.protocol=SASL_SSL",
			"--producer-property", `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="` + u + `" password="` + spw + `";`}, []string{spw}, []string{"kafka-1:9093"}},
		{"cmd/mosquitto_pub", []string{"mosquitto_pub", "-h", h, "-p", "8883", "-u", u, "-P", spw, "-t", "sensors/temp", "-m", "21.5"}, []string{spw}, []string{"sensors/temp"}},
		{"cmd/nats-password", []string{"nats", "pub", "orders.created", "{}", "--server", "nats://" + h + ":4222", "--user", u, "--password", spw}, []string{spw}, nil},
		{"cmd/etcdctl-user", []string{"etcdctl", "--endpoints=https://etcd-0:2379", "--user", "root:" + spw, "get", "/config"}, []string{spw}, []string{"https://etcd-0:2379"}},
		{"cmd/consul-token", []string{"consul", "kv", "get", "-token=" + c.uuid(), "config/orders"}, nil, []string{"config/orders"}},
		{"cmd/aws-configure-set", []string{"aws", "configure", "set", "aws_secret_access_key", c.token("aws-secret"), "--profile", "prod"}, nil, []string{"prod"}},
		{"cmd/az-login-sp", []string{"az", "login", "--service-principal", "-u", c.uuid(), "-p", c.from(base62, 8) + "~" + c.from(b64url, 31), "--tenant", "contoso.onmicrosoft.com"}, nil, []string{"contoso.onmicrosoft.com"}},
		{"cmd/docker-login-p", []string{"docker", "login", "-u", u, "-p", spw, "registry.example.com"}, []string{spw}, []string{"registry.example.com"}},
		{"cmd/podman-login-password", []string{"podman", "login", "--username", u, "--password", spw, "quay.io"}, []string{spw}, nil},
		{"cmd/docker-run-env", []string{"docker", "run", "-d", "-p", "5432:5432", "-e", "POSTGRES_PASSWORD=" + spw, "postgres:16.4"}, []string{spw}, []string{"postgres:16.4", "5432:5432"}},
		{"cmd/helm-set-password", []string{"helm", "upgrade", "--install", "orders", "./chart", "--set", "postgresql.auth.password=" + spw, "--set", "image.tag=2.14.1"}, []string{spw}, []string{"image.tag=2.14.1"}},
		{"cmd/helm-repo-add", []string{"helm", "repo", "add", "internal", "https://charts.example.com", "--username", u, "--password", spw}, []string{spw}, []string{"https://charts.example.com"}},
		{"cmd/kubectl-from-literal", []string{"kubectl", "create", "secret", "generic", "db-creds", "--from-literal=username=" + u, "--from-literal=password=" + spw}, []string{spw}, []string{"db-creds"}},
		{"cmd/kubectl-docker-registry", []string{"kubectl", "create", "secret", "docker-registry", "regcred", "--docker-server=ghcr.io", "--docker-username=" + u, "--docker-password=" + tok}, []string{tok}, []string{"regcred"}},
		{"cmd/kubectl-token", []string{"kubectl", "--server=https://10.96.0.1:443", "--token=" + c.jwtOrTok(), "get", "pods", "-n", "shop-prod"}, nil, []string{"shop-prod"}},
		{"cmd/curl-u", []string{"curl", "-sS", "-u", u + ":" + spw, "https://api.example.com/v1/orders"}, []string{spw}, []string{"https://api.example.com/v1/orders"}},
		{"cmd/curl-bearer-header", []string{"curl", "-H", "Authorization: Bearer " + tok, "https://api.example.com/v2/me"}, []string{tok}, []string{"https://api.example.com/v2/me"}},
		{"cmd/curl-api-key-header", []string{"curl", "-X", "POST", "-H", "X-Api-Key: " + c.hex(32), "-d", `{"q":"status"}`, "https://api.example.com/search"}, nil, []string{"https://api.example.com/search"}},
		{"cmd/curl-oauth2-bearer", []string{"curl", "--oauth2-bearer", tok, "https://graph.example.com/v1.0/users"}, []string{tok}, nil},
		{"cmd/wget-password", []string{"wget", "--user=" + u, "--password=" + spw, "https://files.example.com/export.csv"}, []string{spw}, []string{"https://files.example.com/export.csv"}},
		{"cmd/wget-http-password", []string{"wget", "--http-user", u, "--http-password", spw, "https://files.example.com/a.tgz"}, []string{spw}, nil},
		{"cmd/httpie-a", []string{"http", "-a", u + ":" + spw, "GET", "https://api.example.com/health"}, []string{spw}, nil},
		{"cmd/httpie-header", []string{"http", "POST", "https://api.example.com/items", "Authorization:Bearer " + tok, "name=widget"}, []string{tok}, []string{"name=widget"}},
		{"cmd/sshpass", []string{"sshpass", "-p", spw, "ssh", "-o", "StrictHostKeyChecking=no", "-p", "2222", u + "@" + h}, []string{spw}, []string{"StrictHostKeyChecking=no"}},
		{"cmd/git-clone-token", []string{"git", "clone", "https://x-access-token:" + tok + "@github.com/acme/orders.git"}, []string{tok}, []string{"github.com/acme/orders.git"}},
		{"cmd/git-clone-oauth2", []string{"git", "clone", "--depth", "1", "https://oauth2:" + c.token("gitlab") + "@gitlab.example.com/platform/infra.git"}, nil, []string{"gitlab.example.com/platform/infra.git"}},
		{"cmd/git-extraheader", []string{"git", "-c", "http.extraheader=AUTHORIZATION: basic " + basic("x-access-token", tok), "fetch", "origin"}, nil, nil},
		{"cmd/java-D-datasource", []string{"java", "-Xmx512m", "-Dspring.datasource.url=jdbc:postgresql://" + h + ":5432/orders", "-Dspring.datasource.username=" + u, "-Dspring.datasource.password=" + spw, "-jar", "app.jar"}, []string{spw}, []string{"-Xmx512m", "app.jar"}},
		{"cmd/java-D-keystore", []string{"java", "-Djavax.net.ssl.keyStore=/etc/tls/keystore.p12", "-Djavax.net.ssl.keyStorePassword=" + spw, "-Djavax.net.ssl.trustStorePassword=" + spw, "-cp", "lib/*", "com.acme.Main"}, []string{spw}, []string{"/etc/tls/keystore.p12", "com.acme.Main"}},
		{"cmd/keytool-storepass", []string{"keytool", "-importkeystore", "-srckeystore", "in.p12", "-srcstorepass", spw, "-deststorepass", spw, "-destkeystore", "out.jks"}, []string{spw}, []string{"out.jks"}},
		{"cmd/openssl-passout", []string{"openssl", "pkcs12", "-export", "-in", "tls.crt", "-inkey", "tls.key", "-out", "tls.p12", "-passout", "pass:" + spw}, []string{spw}, []string{"tls.crt"}},
		{"cmd/node-env-flag", []string{"node", "--max-old-space-size=4096", "server.js", "--jwt-secret", c.from(base62, 40)}, nil, []string{"--max-old-space-size=4096"}},
		{"cmd/python-arg", []string{"python3", "-m", "worker", "--broker", "amqp://" + u + ":" + spw + "@" + h + ":5672/prod", "--concurrency", "8"}, []string{spw}, nil},
		{"cmd/gunicorn-env", []string{"gunicorn", "app:create_app()", "--env", "SECRET_KEY=" + c.from(base62, 50), "--workers", "4"}, nil, []string{"--workers"}},
		{"cmd/terraform-var", []string{"terraform", "apply", "-auto-approve", "-var", "db_password=" + spw, "-var", "region=eu-west-1"}, []string{spw}, []string{"region=eu-west-1"}},
		{"cmd/ansible-extra-vars", []string{"ansible-playbook", "site.yml", "-i", "inventory/prod", "--extra-vars", "ansible_become_password=" + spw + " deploy_version=2.14.1"}, []string{spw}, []string{"inventory/prod"}},
		{"cmd/vault-login", []string{"vault", "login", c.token("vault")}, nil, nil},
		{"cmd/npm-config-authtoken", []string{"npm", "config", "set", "//registry.npmjs.org/:_authToken", c.token("npm")}, nil, nil},
		{"cmd/pip-index-url", []string{"pip", "install", "--index-url", "https://" + u + ":" + spw + "@pypi.example.com/simple", "orders-client==2.3.1"}, []string{spw}, []string{"orders-client==2.3.1"}},
		{"cmd/mvn-D-password", []string{"mvn", "-B", "deploy", "-Drepo.username=" + u, "-Drepo.password=" + spw, "-DskipTests"}, []string{spw}, []string{"-DskipTests"}},
		{"cmd/gradle-P-password", []string{"./gradlew", "publish", "-PmavenPassword=" + spw, "-Pversion=2.14.1"}, []string{spw}, []string{"-Pversion=2.14.1"}},
		{"cmd/ldapsearch-w", []string{"ldapsearch", "-x", "-H", "ldaps://ldap.example.com", "-D", "cn=admin,dc=example,dc=com", "-w", spw, "-b", "dc=example,dc=com"}, []string{spw}, []string{"ldaps://ldap.example.com"}},
		{"cmd/smbclient-U", []string{"smbclient", "//fileserver/share", "-U", "CORP\\" + u + "%" + spw}, []string{spw}, []string{"//fileserver/share"}},
		{"cmd/lftp-u", []string{"lftp", "-u", u + "," + spw, "sftp://files.example.com"}, []string{spw}, []string{"sftp://files.example.com"}},
		{"cmd/svn-password", []string{"svn", "checkout", "https://svn.example.com/repo/trunk", "--username", u, "--password", spw, "--non-interactive"}, []string{spw}, []string{"--non-interactive"}},
		{"cmd/argocd-login", []string{"argocd", "login", "argocd.example.com", "--username", "admin", "--password", spw, "--grpc-web"}, []string{spw}, []string{"argocd.example.com"}},
		{"cmd/oc-login-token", []string{"oc", "login", "--token=sha256~" + c.from(b64url, 43), "--server=https://api.ocp.example.com:6443"}, nil, []string{"--server=https://api.ocp.example.com:6443"}},
		{"cmd/env-assignment", []string{"env", "DATABASE_PASSWORD=" + spw, "API_TOKEN=" + tok, "./bin/migrate", "up"}, []string{spw, tok}, []string{"./bin/migrate"}},
		{"cmd/memtier-a", []string{"memtier_benchmark", "-s", h, "-p", "6379", "-a", spw, "--test-time=30"}, []string{spw}, []string{"--test-time=30"}},
	}
	for _, t := range ts {
		if t.secrets == nil {
			t.secrets = secretsOfKind(t.kind, t.argv)
		}
		c.command(t.kind, t.argv, t.secrets, t.keeps)
	}
	// Prefixed environment assignments, as a shell writes them before a command.
	envLine := "PGPASSWORD=" + spw + " psql -h " + h + " -U " + u + " -d orders -c 'VACUUM ANALYZE'"
	c.commandLine("cmd/env-prefix-pgpassword", envLine, strings.Fields(envLine), []string{spw}, []string{h})
	envLine = "AWS_SECRET_ACCESS_KEY=" + c.token("aws-secret") + " AWS_DEFAULT_REGION=eu-west-1 aws s3 ls"
	c.commandLine("cmd/env-prefix-aws", envLine, strings.Fields(envLine), []string{strings.Fields(envLine)[0][len("AWS_SECRET_ACCESS_KEY="):]}, []string{"AWS_DEFAULT_REGION=eu-west-1"})
	// PowerShell and cmd.exe, as Windows process instrumentation records them.
	ps := `powershell.exe -NoProfile -Command "$pw = ConvertTo-SecureString '` + pw + `' -AsPlainText -Force; $cred = New-Object PSCredential('` + u + `', $pw); Connect-AzAccount -Credential $cred"`
	c.commandLine("cmd/powershell-securestring", ps, []string{"powershell.exe", "-NoProfile", "-Command", ps[len(`powershell.exe -NoProfile -Command `):]}, []string{pw}, []string{"-NoProfile"})
	ps = `pwsh -c "Invoke-RestMethod -Uri https://api.example.com/v1/jobs -Headers @{Authorization='Bearer ` + tok + `'}"`
	c.commandLine("cmd/powershell-irm-bearer", ps, []string{"pwsh", "-c", ps[len(`pwsh -c `):]}, []string{tok}, []string{"https://api.example.com/v1/jobs"})
	cmd := `net use \\fs01\builds /user:CORP\` + u + " " + spw + " /persistent:no"
	c.commandLine("cmd/windows-net-use", cmd, strings.Fields(cmd), []string{spw}, []string{`\\fs01\builds`, "/persistent:no"})
	cmd = "cmdkey /add:fs01.corp.local /user:CORP\\" + u + " /pass:" + spw
	c.commandLine("cmd/windows-cmdkey", cmd, strings.Fields(cmd), []string{spw}, []string{"/add:fs01.corp.local"})
	cmd = `schtasks /create /tn "Nightly Export" /tr C:\jobs\export.cmd /sc daily /ru CORP\` + u + " /rp " + spw
	c.commandLine("cmd/windows-schtasks-rp", cmd, strings.Fields(cmd), []string{spw}, []string{`C:\jobs\export.cmd`})

	// Look-alikes on command lines: they stay byte for byte.
	digest := "sha256:" + c.hex(64)
	sha := c.hex(40)
	ks := []tpl{
		{"keep/cmd-port-flags", []string{"redis-cli", "-h", h, "-p", port, "PING"}, nil, []string{port}},
		{"keep/cmd-mysql-port", []string{"mysql", "-h", h, "-P", "3306", "-u", u, "-p", "orders"}, nil, []string{"3306", "orders"}},
		{"keep/cmd-password-file", []string{"pg_dump", "--no-password", "-h", h, "-f", "/backup/db.sql"}, nil, []string{"--no-password", "/backup/db.sql"}},
		{"keep/cmd-password-stdin", []string{"docker", "login", "--username", u, "--password-stdin", "ghcr.io"}, nil, []string{"--password-stdin", "ghcr.io"}},
		{"keep/cmd-password-file-flag", []string{"rsync", "-az", "--password-file=/etc/rsync.secret", "/data/", "backup::data"}, nil, []string{"--password-file=/etc/rsync.secret"}},
		{"keep/cmd-placeholder-env", []string{"mysql", "-u", u, "-p${DB_PASSWORD}", "-h", h}, nil, []string{"-p${DB_PASSWORD}"}},
		{"keep/cmd-placeholder-var", []string{"docker", "login", "-u", u, "-p", "$CI_REGISTRY_PASSWORD", "$CI_REGISTRY"}, nil, []string{"$CI_REGISTRY_PASSWORD"}},
		{"keep/cmd-image-digest", []string{"docker", "pull", "ghcr.io/acme/orders@" + digest}, nil, []string{digest}},
		{"keep/cmd-git-sha", []string{"git", "checkout", "-q", sha}, nil, []string{sha}},
		{"keep/cmd-git-commit-message", []string{"git", "commit", "-m", "Rotate token handling in auth middleware (#" + fmt.Sprint(c.n(100, 9999)) + ")"}, nil, []string{"Rotate token handling in auth middleware"}},
		{"keep/cmd-key-file", []string{"ssh", "-i", "/home/deploy/.ssh/id_ed25519", "-p", "2222", "deploy@" + h}, nil, []string{"/home/deploy/.ssh/id_ed25519", "2222"}},
		{"keep/cmd-kubectl-secret-name", []string{"kubectl", "get", "secret", "db-password", "-n", "shop-prod", "-o", "yaml"}, nil, []string{"db-password"}},
		{"keep/cmd-token-file", []string{"vault", "agent", "-config=/etc/vault/agent.hcl", "-token-file=/var/run/secrets/vault-token"}, nil, []string{"-token-file=/var/run/secrets/vault-token"}},
		{"keep/cmd-java-props", []string{"java", "-Dspring.profiles.active=prod", "-Dserver.port=8080", "-Dspring.datasource.password=${DB_PASSWORD}", "-jar", "app.jar"}, nil, []string{"-Dspring.profiles.active=prod", "-Dserver.port=8080", "${DB_PASSWORD}"}},
		{"keep/cmd-uuid-arg", []string{"orders-cli", "cancel", "--order-id", c.uuid()}, nil, nil},
		{"keep/cmd-sha256sum", []string{"sha256sum", "-c", "orders-2.14.1.tar.gz.sha256"}, nil, []string{"orders-2.14.1.tar.gz.sha256"}},
		{"keep/cmd-masked", []string{"mysql", "-u", u, "--password=********", "-h", h}, nil, []string{"--password=********"}},
	}
	for _, t := range ks {
		keeps := t.keeps
		if t.kind == "keep/cmd-uuid-arg" {
			keeps = []string{t.argv[3]}
		}
		c.command(t.kind, t.argv, nil, keeps)
	}
}

// jwtOrTok draws a service account token: a JWT or an opaque token.
func (c *corpus) jwtOrTok() string {
	if c.r.IntN(2) == 0 {
		return c.jwt()
	}
	return c.from(b64url, 43)
}

// secretsOfKind finds, for templates whose secret was drawn inline, the argument
// that carries it: what follows the flag or assignment the kind names.
func secretsOfKind(kind string, argv []string) []string {
	for i, a := range argv {
		switch {
		case strings.HasPrefix(a, "-token=") || strings.HasPrefix(a, "--token="):
			return []string{a[strings.IndexByte(a, '=')+1:]}
		case strings.HasPrefix(a, "--token=sha256~"):
			return []string{a[len("--token=sha256~"):]}
		case a == "aws_secret_access_key" || a == "-p" && kind == "cmd/az-login-sp" || a == "--jwt-secret" || a == "login" && kind == "cmd/vault-login" || a == "//registry.npmjs.org/:_authToken":
			return []string{argv[i+1]}
		case strings.HasPrefix(a, "X-Api-Key: "):
			return []string{a[len("X-Api-Key: "):]}
		case strings.HasPrefix(a, "SECRET_KEY="):
			return []string{a[len("SECRET_KEY="):]}
		case strings.HasPrefix(a, "https://oauth2:"):
			return []string{a[len("https://oauth2:"):strings.IndexByte(a, '@')]}
		case strings.HasPrefix(a, "http.extraheader=AUTHORIZATION: basic "):
			return []string{a[len("http.extraheader=AUTHORIZATION: basic "):]}
		}
	}
	return nil
}
