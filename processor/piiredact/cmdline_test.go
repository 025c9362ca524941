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
