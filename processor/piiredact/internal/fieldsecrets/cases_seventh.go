package fieldsecrets

import "fmt"

// seventhRound puts secrets in span names, as older HTTP and database
// instrumentations name spans after the request's path or the statement, and in
// the status message of a failed span; with the names that stay.
func (c *corpus) seventhRound() {
	acc := c.from(b64url, 43)
	tg := c.token("telegram")
	pw := c.password(true)
	names := []struct{ kind, name, secret string }{
		{"spanname/reset-path", "GET /account/reset-password/" + acc, acc},
		{"spanname/telegram-bot", "POST /bot" + tg + "/sendMessage", tg[len(tg)-35:]},
		{"spanname/redis-auth", "AUTH " + pw, pw},
		{"spanname/create-user", "CREATE USER 'app'@'%' IDENTIFIED BY '" + pw + "'", pw},
	}
	for _, n := range names {
		c.add(n.kind, "span.name", Record{Signal: Traces, Name: n.name, Attrs: Map{{K: "span.kind", V: "client"}}}, []string{n.secret}, nil)
		c.add(n.kind, "span.status", Record{Signal: Traces, Name: "request", Status: "request failed: " + n.name}, []string{n.secret}, nil)
	}
	// Credentials in a client's call, an auth header's parameter list and a .pgpass line.
	pw2 := c.password(true)
	c.text("payload/requests-auth-tuple", "", "requests.get(url, auth=('"+c.user()+"', '"+pw2+"'), timeout=10)", []string{pw2}, []string{"timeout=10"})
	resp := c.hex(32)
	c.header("header/authorization-digest", "Authorization", `Digest username="`+c.user()+`", realm="api", nonce="`+c.hex(32)+`", uri="/v1/items", response="`+resp+`"`, []string{resp}, nil)
	c.dump("dump/pgpass", "$ cat ~/.pgpass\ndb.internal:5432:orders:"+c.user()+":"+pw2+"\n*:*:*:replicator:"+pw+"\n", []string{pw2, pw}, []string{"db.internal:5432:orders:"})
	keeps := []string{
		"GET /api/v1/orders/{orderId}", "POST /oauth/token", "GET /.well-known/openid-configuration",
		"SELECT orders", "AUTH", fmt.Sprintf("GET /api/v1/tokens/%d", c.n(1, 9999)), "PUT /api/v1/users/{id}/password",
	}
	for i, k := range keeps {
		c.add(fmt.Sprintf("keep/spanname-%d", i), "span.name", Record{Signal: Traces, Name: k}, nil, []string{k})
	}
}
