package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func commandSecrets(s string) []string {
	var args []argSpan
	var argv []string
	var found [][3]int
	var out []string
	for _, m := range appendCommandLineSecrets(nil, s, &args, &argv, &found) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

func TestCommandLineSecrets(t *testing.T) {
	for in, want := range map[string][]string{
		"mysql -h db -u app -pS3cret orders":                            {"S3cret"},
		"mysqldump -uroot -pR00t! --all-databases":                      {"R00t!"},
		"redis-cli -h cache -a rEd1s ping":                              {"rEd1s"},
		"curl -u admin:hunter2 https://api.example.com/health":          {"hunter2"},
		"curl -s -H 'X-Api-Key: k-123' https://api.example.com":         {"k-123"},
		`curl -H "Authorization: Token abc123" https://api.example.com`: {"abc123"},
		"docker login -u ci -p dckr-Pa55 registry.example.com":          {"dckr-Pa55"},
		"sshpass -p s5h ssh deploy@10.0.3.7":                            {"s5h"},
		"ldapsearch -x -D cn=admin -w ld4p -b dc=example":               {"ld4p"},
		`sqlcmd -S db -U sa -P Sql-Pa55 -Q "SELECT 1"`:                  {"Sql-Pa55"},
		"./migrate --db-password m1grate --db-host db":                  {"m1grate"},
		"exec: /usr/bin/mysql --password 0ld-style orders; echo done":   {"0ld-style"},
		// Brokers, caches and Windows tools, by their manuals' flags.
		"rabbitmqadmin -H mq -u ops -p Rb-Pa55 list queues":                                                  {"Rb-Pa55"},
		"mosquitto_pub -h mq -p 8883 -u dev -P mQ77-x -t a/b -m 1":                                           {"mQ77-x"},
		"etcdctl --user root:Etc-d9 get /config":                                                             {"Etc-d9"},
		"etcdctl --user=root:Etc-d9 get /config":                                                             {"Etc-d9"},
		"lftp -u deploy,Ft9-pass sftp://files.example.com":                                                   {"Ft9-pass"},
		"memtier_benchmark -s cache -p 6379 -a Mt-77x --test-time=30":                                        {"Mt-77x"},
		`net use \\fs01\builds /user:CORP\svc Nu-55x /persistent:no`:                                         {"Nu-55x"},
		`net use Z: \\fs01\builds Nu-55x /user:CORP\svc`:                                                     {"Nu-55x"},
		`schtasks /create /tn Export /tr C:\jobs\x.cmd /ru CORP\svc /RP St-55x`:                              {"St-55x"},
		`cmdkey /add:fs01 /user:CORP\svc /pass:Ck-55x`:                                                       {"Ck-55x"},
		`powershell -Command "$pw = ConvertTo-SecureString 'Ps-55x' -AsPlainText -Force; Connect-AzAccount"`: {"Ps-55x"},
		// A log line's fields before a command are no assignments of its environment.
		`spawned child pid=2647: powershell.exe -Command "$pw = ConvertTo-SecureString 'Ps-66x' -AsPlainText; x"`: {"Ps-66x"},
		`wmic /node:app01 /user:CORP\\svc /password:Wm-55x process list brief`:                                    {"Wm-55x"},
		`pwsh -c "'Pw-55x' | ConvertTo-SecureString -AsPlainText -Force | Set-Variable pw"`:                       {"Pw-55x"},
		"ssh-keygen -t ed25519 -N Kg-55x -f /home/deploy/.ssh/id_ed25519":                                         {"Kg-55x"},
		// References, not secrets: nothing is on the line.
		"mysql -u app -p${DB_PASSWORD} -h db":                 nil,
		"docker login -u ci -p $CI_REGISTRY_PASSWORD ghcr.io": nil,
		"ssh-keygen -t ed25519 -N '' -f /tmp/deploy_key":      nil,
		"mysql -u app --password ******** -h db":              nil,
		`net use \\fs01\builds * /user:CORP\svc`:              nil,
		// Nothing to find: a port published, a header that is no credential, a plain -p.
		"docker run -p 8080:80 nginx":                                nil,
		"curl -H 'Accept: application/json' https://api.example.com": nil,
		"python3 manage.py runserver -p 8000":                        nil,
	} {
		assert.Equal(t, want, commandSecrets(in), in)
	}
}

func TestArgvSecrets(t *testing.T) {
	argv := []string{"redis-cli", "-h", "cache", "-a", "rEd1s", "ping"}
	assert.Equal(t, [][3]int{{4, 0, 5}}, argvSecrets(argv, nil))
	argv = []string{"PGPASSWORD=x", "mysql", "-pS3cret"}
	assert.Equal(t, [][3]int{{2, 2, 8}}, argvSecrets(argv, nil))
}

// TestPositionalCommandSecrets: clients that take a secret by its position, or after
// a flag of their own.
func TestPositionalCommandSecrets(t *testing.T) {
	for in, want := range map[string][]string{
		"rabbitmqctl add_user orders rabbit-Pa55":                                            {"rabbit-Pa55"},
		"htpasswd -b -c /etc/nginx/.htpasswd admin htp-Pa55":                                 {"htp-Pa55"},
		"net user svc_backup Win-Pa55 /add":                                                  {"Win-Pa55"},
		"mc alias set s3 https://minio:9000 minioadmin mc-Secret1":                           {"mc-Secret1"},
		"aws configure set aws_secret_access_key wJalrXUtnFEMI --profile ci":                 {"wJalrXUtnFEMI"},
		"sqlplus -S app/ora-Pa55@db.internal:1521/ORCL @migrate.sql":                         {"ora-Pa55"},
		"mysqladmin -u root password new-Pa55":                                               {"new-Pa55"},
		"smbclient //fs01/share -U svc%smb-Pa55":                                             {"smb-Pa55"},
		"openssl pkcs12 -export -out k.p12 -passout pass:ssl-Pa55":                           {"ssl-Pa55"},
		"keytool -importkeystore -destkeystore app.jks -deststorepass ks-Pa55":               {"ks-Pa55"},
		"PsExec.exe \\\\fs01 -u CORP\\svc -p psx-Pa55 cmd.exe":                               {"psx-Pa55"},
		`{"msg":"exec","cmd":"cqlsh cass 9042 -u cassandra -p cql-Pa55","exit_code":0}`:      {"cql-Pa55"},
		`$secure = ConvertTo-SecureString "-#x92fO]nIGH5PLJ" -AsPlainText -Force`:            {"-#x92fO]nIGH5PLJ"}, // a value, not a flag
		`$secure = ConvertTo-SecureString "-xf94M+_ZD5zcKYE%o6w)lq7pmn" -AsPlainText -Force`: {"-xf94M+_ZD5zcKYE%o6w)lq7pmn"},
		// Nothing to find.
		"openssl pkcs12 -export -passout env:P12_PASS": nil,
		"net use Z: \\\\fs01\\share":                   nil,
		"rabbitmqctl list_users":                       nil,
	} {
		assert.Equal(t, want, commandSecrets(in), in)
	}
}

// sc's "password= SECRET" is two arguments in an argv array.
func TestArgvSecretsOfWindowsServices(t *testing.T) {
	args := []string{"sc.exe", "config", "OrdersSvc", "obj=", `CORP\svc`, "password=", "Sc-55x"}
	assert.Equal(t, [][3]int{{6, 0, 6}}, argvSecrets(args, nil))
}
