package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func keyedValues(s string) []string {
	var out []string
	matches, kinds := appendKeyedValues(nil, nil, s)
	for i, m := range matches {
		if kinds[i] != keepKind {
			out = append(out, s[m.Start:m.End])
		}
	}
	return out
}

func TestKeyedValuesInEveryNotation(t *testing.T) {
	for in, want := range map[string][]string{
		`{"user":"bob","password":"p@ss w0rd"}`:                                                 {"p@ss w0rd"},
		"datasource:\n    username: app\n    password: 7E)9T5N9ZNrS<WC~bO<kegSF\n    hikari:\n": {"7E)9T5N9ZNrS<WC~bO<kegSF"},
		`{\"user\":\"bob\",\"apiKey\":\"k-123\"}`:                                               {"k-123"},
		`{'host': 'db', 'pwd': 'Pyth0n-Pa55!'}`:                                                 {"Pyth0n-Pa55!"},
		`{:user=>"bob", :password=>"RubyPa55"}`:                                                 {"RubyPa55"},
		`{ user: 'bob', token: 'tok-1' }`:                                                       {"tok-1"},
		`{user=bob, secret=java-s3cret, port=5432}`:                                             {"java-s3cret"},
		`map[host:db password:g0-Secret port:5432]`:                                             {"g0-Secret"},
		`level=info passphrase=blue-horse user=bob`:                                             {"blue-horse"},
		`secret: abc123 rejected by upstream`:                                                   {"abc123"},
		`upstream.auth: Basic dXNlcjpwYXNz, next: 1`:                                            {"dXNlcjpwYXNz"},
		`cookie: "sid=31d4d96e407aad42; theme=dark"`:                                            {"31d4d96e407aad42"},
		`{"payment":{"details":{"holder":{"name":"Jane Doe"}}}}`:                                {"Jane Doe"},
		// Protocol buffers' text format: a message opens without a separator.
		`UpdateProfileRequest {billing {contact {name: "HIROSHI KOWALCZYK"}} k8s {replicaset {name: "orders-1"}}}`: {"HIROSHI KOWALCZYK"},
		// A form's bracketed keys: the last bracket names the value.
		`transaction[amount]=10.00&transaction[credit_card][cardholder_name]=Jane+Doe&transaction[order_id]=x1`: {"Jane+Doe"},
		`user[password]=s3cret-Pa55&user[name]=bob`:                                                             {"s3cret-Pa55"},
		`req {passport {number: "C01X00T47"} order {number: "ORD-1"}}`:                                          {"C01X00T47"},
		`map[customerName:O'BRIEN, Linda level:info]`:                                                           {"O'BRIEN, Linda"},
		`https://x.example/cb?page=2&key=AIzaSyD-1&lang=en`:                                                     {"AIzaSyD-1"},
		// Nothing to find: names that are not a person's, base64 padding, URLs.
		`{"service":{"name":"checkout"},"product":{"name":"Mouse"}}`: nil,
		`map[digest:YWJjZA== level:info]`:                            nil,
		`GET http://db.internal:5432/orders status=200`:              nil,
	} {
		assert.Equal(t, want, keyedValues(in), in)
	}
}

// Header maps print a header's values as a list: Go's "X-Api-Key:[v]", JSON's
// "X-Api-Key": ["v"]. A credential's list is its values; a cookie's and an
// authorization's keep their syntax; a reference in the list is none.
func TestKeyedValuesInHeaderLists(t *testing.T) {
	for in, want := range map[string][]string{
		"headers: map[Accept:[application/json] X-Api-Key:[437e52ccf473a6ca] User-Agent:[Go-http-client/1.1]]": {"437e52ccf473a6ca"},
		`{"headers": {"X-Auth-Token": ["t0k-Abc123", "t0k-Def456"], "Accept": ["*/*"]}}`:                       {"t0k-Abc123", "t0k-Def456"},
		"map[Authorization:[Bearer abcDEF123456789xyz]]":                                                       {"abcDEF123456789xyz"},
		"map[Cookie:[theme=dark; sessionid=abcdefghijklmnop12345]]":                                            {"abcdefghijklmnop12345"},
		"map[X-Api-Key:[${API_KEY}] Accept:[*/*]]":                                                             nil,
	} {
		assert.Equal(t, want, keyedValues(in), in)
	}
}

// A one-time code has digits: under "mfa" or "otp" a word is the method.
func TestKeyedValuesOfOneTimeCodes(t *testing.T) {
	for in, want := range map[string][]string{
		"auth_method=password mfa=totp otp_code=sms result=ok": nil,
		"login ok otp=482913 user=x":                           {"482913"},
	} {
		assert.Equal(t, want, keyedValues(in), in)
	}
}

// A bare value in a single-quoted shell argument ends at the quote that closes it.
func TestKeyedValueInShellQuotes(t *testing.T) {
	for in, want := range map[string][]string{
		"oc login '--token=sha256~bCE8emtdOS' --server=https://api.example.com:6443": {"sha256~bCE8emtdOS"},
		"note: password=O'Brien-1x done":                                             {"O'Brien-1x"},
	} {
		assert.Equal(t, want, keyedValues(in), in)
	}
}

// JSON inside JSON inside JSON: keys and values escaped twice or more.
func TestKeyedValuesEscapedTwice(t *testing.T) {
	in := `{"msg":"{\"payload\":\"{\\\"db_password\\\":\\\"Tw1ce-esc\\\",\\\"region\\\":\\\"eu\\\"}\"}"}`
	assert.Equal(t, []string{"Tw1ce-esc"}, keyedValues(in))
}

// An object's key in a storage query is its path, not an API key.
func TestKeyedValuesObjectKeyInQuery(t *testing.T) {
	assert.Nil(t, keyedValues("/v1/objects?bucket=exports&key=reports%2F2025%2F01.csv&versionId=3"))
	assert.Equal(t, []string{"AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"}, keyedValues("/maps/api/geocode/json?address=x&key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"))
}

// A name/value pair: the value is what its sibling name names (Kubernetes' and ECS's
// environment lists, SSM parameters); a name that says something about a secret
// names none.
func TestKeyedValuesOfNamedPairs(t *testing.T) {
	for in, want := range map[string][]string{
		`{"env":[{"name":"APP_ENV","value":"production"},{"name":"DB_PASSWORD","value":"Pa1r-55x"}]}`: {"Pa1r-55x"},
		"env:\n  - name: LOG_LEVEL\n    value: info\n  - name: API_TOKEN\n    value: Pa1r-66x\n":      {"Pa1r-66x"},
		`{"Parameter":{"Name":"/prod/orders/db_password","Type":"SecureString","Value":"Pa1r-77x"}}`:  {"Pa1r-77x"},
		`[{"name":"APP_ENV","value":"production"},{"name":"PORT","value":"8080"}]`:                    nil,
		"env:\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db\n":                              nil,
	} {
		assert.Equal(t, want, keyedValues(in), in)
	}
}
