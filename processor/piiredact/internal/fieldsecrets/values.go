package fieldsecrets

import (
	"encoding/base64"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"strings"
)

// gen draws values from a seeded source, so that a seed gives the same corpus.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed^0x5eC7e75))} }

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) n(lo, hi int) int         { return lo + g.r.IntN(hi-lo+1) }

const (
	lower  = "abcdefghijklmnopqrstuvwxyz"
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits = "0123456789"
	base62 = digits + upper + lower
	b64url = base62 + "-_"
)

func (g *gen) from(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

func (g *gen) hex(n int) string { return g.from("0123456789abcdef", n) }

func (g *gen) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.UintN(256))
	}
	return b
}

// password draws what people and generators set as passwords: a word with
// digits and a symbol, a generated run of mixed characters, or words joined by
// dashes. safe limits the symbols to those that need no quoting in a shell, a URL's
// userinfo or a key=value list.
func (g *gen) password(safe bool) string {
	sym := "!#%^*+=?"
	if safe {
		sym = "_-."
	}
	var s string
	switch g.r.IntN(4) {
	case 0:
		w := g.pick("Summer", "Winter", "Falcon", "Orchid", "Granite", "Harbor", "Velvet", "Quartz", "Maple", "Tundra")
		s = w + fmt.Sprint(g.n(10, 9999)) + string(sym[g.r.IntN(len(sym))]) + g.from(lower, 2)
	case 1:
		s = g.from(base62, g.n(4, 8)) + string(sym[g.r.IntN(len(sym))]) + g.from(base62, g.n(6, 12))
		if !strings.ContainsAny(s, digits) {
			s += fmt.Sprint(g.n(0, 9))
		}
	case 2:
		s = g.pick("correct", "copper", "lantern", "ripple", "saddle") + "-" + g.pick("horse", "meadow", "violet", "tiger", "harvest") + "-" +
			g.pick("battery", "anchor", "pepper", "sonnet") + "-" + fmt.Sprint(g.n(10, 99))
	default:
		s = g.from(base62, g.n(16, 28))
	}
	return s
}

func (g *gen) user() string {
	return g.pick("app", "svc_orders", "reporting", "admin", "root", "sa", "postgres", "checkout", "replicator", "deploy", "ci-bot", "etl_user")
}

func (g *gen) host() string {
	return g.pick("db.internal", "pg-primary.shop-prod.svc.cluster.local", "mysql-0.mysql", "10.0.12.7", "orders-db.c7xk2ab3.eu-west-1.rds.amazonaws.com",
		"redis-master.cache.svc", "kafka-1.kafka-headless", "rabbitmq.messaging", "mongo-0.mongo", "sql-prod.database.windows.net")
}

func (g *gen) uuid() string {
	h := g.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string("89ab"[g.r.IntN(4)]) + h[17:20] + "-" + h[20:]
}

func (g *gen) b64(n int) string    { return base64.StdEncoding.EncodeToString(g.bytes(n)) }
func (g *gen) b64url(n int) string { return base64.RawURLEncoding.EncodeToString(g.bytes(n)) }

// jwt builds a signed JSON Web Token with a realistic header and claims.
func (g *gen) jwt() string {
	alg := g.pick("RS256", "HS256", "ES256")
	head := fmt.Sprintf(`{"alg":"%s","typ":"JWT","kid":"%s"}`, alg, g.hex(16))
	body := fmt.Sprintf(`{"sub":"%s","iss":"https://auth.example.com/","aud":"orders-api","iat":%d,"exp":%d,"scope":"orders:read orders:write"}`,
		g.uuid(), 1736900000+g.n(0, 999999), 1736990000+g.n(0, 999999))
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(head)) + "." + enc.EncodeToString([]byte(body)) + "." + enc.EncodeToString(g.bytes(g.pick2(32, 64)))
}

func (g *gen) pick2(a, b int) int {
	if g.r.IntN(2) == 0 {
		return a
	}
	return b
}

// base62CRC is the six-character base62 CRC32 that GitHub's and npm's tokens end
// with (GitHub's token format, 2021).
func base62CRC(s string) string {
	c := uint64(crc32.ChecksumIEEE([]byte(s)))
	b := make([]byte, 6)
	for i := 5; i >= 0; i-- {
		b[i] = base62[c%62]
		c /= 62
	}
	return string(b)
}

// token draws an API token of a named vendor's published format.
func (g *gen) token(vendor string) string {
	switch vendor {
	case "github":
		r := g.from(base62, 30)
		return g.pick("ghp_", "gho_", "ghs_", "ghu_", "ghr_") + r + base62CRC(r)
	case "github-fine":
		return "github_pat_11" + g.from(upper+digits, 20) + "_" + g.from(base62, 59)
	case "gitlab":
		return g.pick("glpat-", "glrt-", "gldt-") + g.from(b64url, 20)
	case "npm":
		r := g.from(base62, 30)
		return "npm_" + r + base62CRC(r)
	case "slack-bot":
		return "xoxb-" + fmt.Sprint(g.n(1000000000, 9999999999)) + "-" + fmt.Sprint(g.n(1000000000, 9999999999)) + "-" + g.from(base62, 24)
	case "slack-user":
		return "xoxp-" + fmt.Sprint(g.n(1000000000, 9999999999)) + "-" + fmt.Sprint(g.n(1000000000, 9999999999)) + "-" + fmt.Sprint(g.n(1000000000, 9999999999)) + "-" + g.hex(32)
	case "aws-secret":
		return g.from(base62+"/+", 40)
	case "aws-id":
		return g.pick("AKIA", "ASIA") + g.from(upper+"234567", 16)
	case "stripe":
		return g.pick("sk_live_", "rk_live_", "sk_test_") + g.from(base62, g.pick2(24, 99))
	case "sendgrid":
		return "SG." + g.from(b64url, 22) + "." + g.from(b64url, 43)
	case "twilio":
		return "SK" + g.hex(32)
	case "google":
		return "AIza" + g.from(b64url, 35)
	case "openai":
		return "sk-proj-" + g.from(b64url, 48) + "T3BlbkFJ" + g.from(b64url, 48)
	case "anthropic":
		return "sk-ant-api03-" + g.from(b64url, 93) + "AA"
	case "vault":
		return "hvs." + g.from(b64url, 24)
	case "dockerhub":
		return "dckr_pat_" + g.from(b64url, 27)
	case "shopify":
		return g.pick("shpat_", "shpss_", "shpca_") + g.hex(32)
	case "digitalocean":
		return g.pick("dop_v1_", "doo_v1_") + g.hex(64)
	case "huggingface":
		return "hf_" + g.from(upper+lower, 34)
	case "pypi":
		return "pypi-AgEIcHlwaS5vcmc" + g.from(b64url, 60)
	case "grafana":
		return "glsa_" + g.from(base62, 32) + "_" + g.hex(8)
	case "sentry":
		return "sntrys_" + g.from(base62, 120)
	case "newrelic":
		return "NRAK-" + g.from(upper+digits, 27)
	case "datadog":
		return g.hex(32)
	case "linear":
		return "lin_api_" + g.from(base62, 40)
	case "azure-storage":
		return g.b64(64)
	case "azure-sas-key":
		return g.b64(32)
	case "mailgun":
		return "key-" + g.hex(32)
	case "postman":
		return "PMAK-" + g.hex(24) + "-" + g.hex(34)
	case "doppler":
		return "dp.st." + g.from(base62, 43)
	case "databricks":
		return "dapi" + g.hex(32)
	case "atlassian":
		return "ATATT3xFfGF0" + g.from(b64url, 170) + "=" + g.hex(8)
	case "pulumi":
		return "pul-" + g.hex(40)
	case "heroku":
		return "HRKU-AA" + g.from(b64url, 58)
	case "telegram":
		return fmt.Sprint(g.n(100000000, 9999999999)) + ":AA" + g.from(b64url, 33)
	}
	panic("fieldsecrets: no token format " + vendor)
}

var tokenVendors = []string{"github", "github-fine", "gitlab", "npm", "slack-bot", "slack-user", "aws-secret", "stripe", "sendgrid", "twilio",
	"google", "openai", "anthropic", "vault", "dockerhub", "shopify", "digitalocean", "huggingface", "pypi", "grafana", "sentry", "newrelic",
	"linear", "mailgun", "postman", "doppler", "databricks", "atlassian", "pulumi", "heroku"}

// bearerVendors are the formats a client sends as a bearer token or a URL's
// userinfo: all but the AWS secret, which signs requests and never travels.
var bearerVendors = func() []string {
	var out []string
	for _, v := range tokenVendors {
		if v != "aws-secret" {
			out = append(out, v)
		}
	}
	return out
}()

// privateKey builds a PEM block of the given type with a body of random base64,
// as long as a real key of the type.
func (g *gen) privateKey(typ string) string {
	n := map[string]int{"RSA PRIVATE KEY": 1190, "PRIVATE KEY": 1217, "EC PRIVATE KEY": 121, "OPENSSH PRIVATE KEY": 387, "ENCRYPTED PRIVATE KEY": 1298}[typ]
	body := base64.StdEncoding.EncodeToString(g.bytes(n))
	var lines []string
	width := 64
	if typ == "OPENSSH PRIVATE KEY" {
		width = 70
		body = "b3BlbnNzaC1rZXktdjEAAAAA" + body
	}
	for len(body) > width {
		lines = append(lines, body[:width])
		body = body[width:]
	}
	lines = append(lines, body)
	return "-----BEGIN " + typ + "-----\n" + strings.Join(lines, "\n") + "\n-----END " + typ + "-----"
}

// publicKey builds a public key or certificate, a look-alike that must stay.
func (g *gen) publicKey() string {
	switch g.r.IntN(3) {
	case 0:
		return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.from(base62+"+/", 43) + " deploy@ci-runner-" + fmt.Sprint(g.n(1, 40))
	case 1:
		return "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + g.from(base62+"+/", 200) + "= ops@bastion"
	}
	body := base64.StdEncoding.EncodeToString(g.bytes(294))
	var lines []string
	for len(body) > 64 {
		lines = append(lines, body[:64])
		body = body[64:]
	}
	lines = append(lines, body)
	return "-----BEGIN PUBLIC KEY-----\n" + strings.Join(lines, "\n") + "\n-----END PUBLIC KEY-----"
}

func basic(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}
