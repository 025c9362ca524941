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
