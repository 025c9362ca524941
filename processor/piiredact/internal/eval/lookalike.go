package eval

import (
	"fmt"
	"strings"
)

// Lookalike is a value that is not personal and must arrive byte for byte, shaped
// like what real telemetry carries next to personal data: identifiers, hashes,
// versions, timestamps, amounts, addresses of the services themselves.
type Lookalike struct {
	Kind string // e.g. "uuid", "version/assembly-qualified"
	Text string
}

// lookalikeFormats are the look-alikes the corpus draws from; the comment after
// each says which detector it tempts.
var lookalikeFormats = []struct {
	kind string
	make func(g *gen) string
}{
	{"uuid", func(g *gen) string { return g.uuid() }},                                           // card, phone, ssn (digit groups)
	{"uuid/upper-braced", func(g *gen) string { return "{" + strings.ToUpper(g.uuid()) + "}" }}, // same
	{"uuid/compact", func(g *gen) string { return g.hex(32) }},                                  // api_key, card
	{"trace-id", func(g *gen) string { return g.hex(32) }},
	{"span-id", func(g *gen) string { return g.hex(16) }},
	{"traceparent", func(g *gen) string { return "00-" + g.hex(32) + "-" + g.hex(16) + "-01" }},
	{"hash/sha256", func(g *gen) string { return g.hex(64) }},
	{"hash/sha1", func(g *gen) string { return g.hex(40) }},
	{"hash/md5", func(g *gen) string { return g.hex(32) }},
	{"hash/git-short", func(g *gen) string { return g.hex(7) }},
	{"hash/sri", func(g *gen) string { return "sha512-" + g.chars(base64Chars, 86) + "==" }},
	{"image-digest", func(g *gen) string {
		return pick(g, []string{"ghcr.io/acme/checkout", "registry.example.com/team/api", "docker.io/library/redis"}) + "@sha256:" + g.hex(64)
	}},
	{"image-tag", func(g *gen) string {
		return "registry.example.com/team/api:" + fmt.Sprintf("%d.%d.%d", g.intn(5), g.intn(30), g.intn(100))
	}},
	{"version/semver", func(g *gen) string {
		return fmt.Sprintf("%s%d.%d.%d", pick(g, []string{"", "v"}), g.intn(20), g.intn(40), g.intn(200))
	}},
	{"version/semver-pre", func(g *gen) string {
		return fmt.Sprintf("%d.%d.%d-%s.%d+build.%d", g.intn(5), g.intn(30), g.intn(30), pick(g, []string{"rc", "beta", "alpha"}), g.intn(10), g.intn(9999))
	}},
	// A bare four-part version is an IPv4 address by its format: versions come with
	// a "v", a name or a word that says so.
	{"version/four-part", func(g *gen) string {
		return fmt.Sprintf(pick(g, []string{"v%d.%d.%d.%d", "version %d.%d.%d.%d", "FileVersion: %d.%d.%d.%d", "ver. %d.%d.%d.%d"}), g.between(1, 9), g.intn(20), g.intn(100), g.intn(9999))
	}}, // ipv4
	{"version/build-prose", func(g *gen) string {
		return fmt.Sprintf("build %d.%d.%d.%d", g.between(1, 9), g.intn(20), g.intn(100), g.intn(99))
	}},
	{"version/assembly-qualified", func(g *gen) string {
		return fmt.Sprintf("%s, Version=%d.%d.%d.%d, Culture=neutral, PublicKeyToken=%s",
			pick(g, []string{"Newtonsoft.Json", "System.Private.CoreLib", "Acme.Checkout.Api", "Microsoft.Extensions.Logging"}),
			g.between(1, 13), g.intn(10), g.intn(10), g.intn(10), g.hex(16))
	}},
	{"version/windows-build", func(g *gen) string { return fmt.Sprintf("10.0.%d.%d", g.between(10000, 22999), g.between(1, 5000)) }},
	{"version/product-token", func(g *gen) string {
		return fmt.Sprintf("%s/%d.%d.%d.%d", pick(g, []string{"Chrome", "checkout-sync", "Edg", "okhttp", "grpc-java-netty"}), g.between(1, 130), g.intn(10), g.intn(7000), g.intn(300))
	}},
	{"version/runtime", func(g *gen) string {
		return pick(g, []string{"go1.21.5", "jdk-17.0.9+9", "Python 3.11.4", "node v20.11.1", "5.15.0-1051-azure", "OpenSSL 3.0.13 30 Jan 2024", ".NET 8.0.1"})
	}},
	{"version/calver", func(g *gen) string {
		return fmt.Sprintf("%d.%02d.%02d", g.between(2019, 2026), g.between(1, 12), g.between(1, 28))
	}},
	{"user-agent", func(g *gen) string {
		return fmt.Sprintf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Safari/537.36", g.between(100, 130), g.between(5000, 7000), g.between(1, 200))
	}},
	{"order-number", func(g *gen) string {
		return fmt.Sprintf(pick(g, []string{"ORD-%d-%09d", "INV-%d-%06d", "PO%d%08d"}), g.between(2020, 2026), g.intn(1e6))
	}},
	{"order-number/16-digit", func(g *gen) string { return nonLuhn(g, 16) }},     // card
	{"order-number/12-digit", func(g *gen) string { return g.digitsNoLead(12) }}, // aadhaar, maestro
	{"timestamp/epoch-s", func(g *gen) string { return fmt.Sprint(g.between(1600000000, 1800000000)) }},
	{"timestamp/epoch-ms", func(g *gen) string {
		return fmt.Sprint(int64(g.between(1600000000, 1800000000))*1000 + int64(g.intn(1000)))
	}},
	{"timestamp/epoch-us", func(g *gen) string {
		return fmt.Sprint(int64(g.between(1600000000, 1800000000))*1000000 + int64(g.intn(1e6)))
	}},
	{"timestamp/epoch-ns", func(g *gen) string {
		return fmt.Sprint(int64(g.between(1600000000, 1800000000))*1000000000 + int64(g.intn(1e9)))
	}},
	{"timestamp/iso8601", func(g *gen) string {
		return fmt.Sprintf("%d-%02d-%02dT%02d:%02d:%02d.%03dZ", g.between(2020, 2026), g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(1000))
	}},
	{"timestamp/python-logging", func(g *gen) string {
		return fmt.Sprintf("%d-%02d-%02d %02d:%02d:%02d,%03d", g.between(2020, 2026), g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(1000))
	}},
	{"timestamp/rfc1123", func(g *gen) string {
		return fmt.Sprintf("%s, %02d Nov %d %02d:%02d:%02d GMT", pick(g, []string{"Mon", "Tue", "Wed"}), g.between(1, 28), g.between(2020, 2026), g.intn(24), g.intn(60), g.intn(60))
	}},
	{"date/numeric", func(g *gen) string {
		return fmt.Sprintf(pick(g, []string{"%02d/%02d/%d", "%02d.%02d.%d", "%02d-%02d-%d"}), g.between(1, 28), g.between(1, 12), g.between(1990, 2026))
	}},
	{"duration", func(g *gen) string {
		return pick(g, []string{fmt.Sprintf("%d.%dms", g.intn(999), g.intn(10)), fmt.Sprintf("%dm%ds", g.intn(60), g.intn(60)), fmt.Sprintf("PT%d.%dS", g.intn(60), g.intn(1000)), fmt.Sprintf("%d ns", g.between(1000000, 999999999))})
	}},
	{"price", func(g *gen) string {
		return fmt.Sprintf(pick(g, []string{"%d.%02d EUR", "$%d.%02d", "£%d.%02d", "%d,%02d €"}), g.intn(5000), g.intn(100))
	}},
	{"amount/grouped", func(g *gen) string {
		return fmt.Sprintf("%d,%03d,%03d.%02d", g.between(1, 999), g.intn(1000), g.intn(1000), g.intn(100))
	}},
	{"port", func(g *gen) string {
		return fmt.Sprint(pick(g, []int{80, 443, 4317, 4318, 5432, 6379, 8080, 8443, 9090, 27017, 3306}))
	}},
	{"host-port/cluster", func(g *gen) string {
		return fmt.Sprintf("%s.%s.svc.cluster.local:%d", pick(g, []string{"checkout", "payments", "redis-master", "orders-db"}), pick(g, []string{"prod", "default", "shop"}), pick(g, []int{8080, 6379, 5432, 4317}))
	}},
	{"k8s/pod-name", func(g *gen) string {
		return pick(g, []string{"checkout", "payments-api", "orders-worker"}) + "-" + g.chars("bcdfghjklmnpqrstvwxz2456789", 10) + "-" + g.chars("bcdfghjklmnpqrstvwxz2456789", 5)
	}},
	{"k8s/node-name", func(g *gen) string {
		return fmt.Sprintf("ip-10-%d-%d-%d.eu-west-1.compute.internal", g.intn(256), g.intn(256), g.intn(256))
	}},
	{"k8s/container-id", func(g *gen) string { return "containerd://" + g.hex(64) }},
	{"internal-ipv4", func(g *gen) string {
		return pick(g, []string{fmt.Sprintf("10.%d.%d.%d", g.intn(256), g.intn(256), g.between(1, 254)), fmt.Sprintf("192.168.%d.%d", g.intn(256), g.between(1, 254)), fmt.Sprintf("172.%d.%d.%d", g.between(16, 31), g.intn(256), g.between(1, 254)), "127.0.0.1", "169.254.169.254", "0.0.0.0"})
	}},
	{"internal-ipv6", func(g *gen) string {
		return pick(g, []string{fmt.Sprintf("fd00:10:244::%x", g.between(1, 0xfff)), fmt.Sprintf("fe80::%x:%x:%x:%x", g.intn(0x10000), g.intn(0x10000), g.intn(0x10000), g.intn(0x10000)), "::1", "::"})
	}},
	{"mac-address", func(g *gen) string {
		h := g.hex(12)
		return h[0:2] + ":" + h[2:4] + ":" + h[4:6] + ":" + h[6:8] + ":" + h[8:10] + ":" + h[10:12]
	}},
	{"memory-address", func(g *gen) string { return "0x" + pick(g, []string{"7ffd", "c000", "55d0"}) + g.hex(8) }},
	{"arn", func(g *gen) string {
		return fmt.Sprintf("arn:aws:%s::%s:%s", pick(g, []string{"iam", "sqs:eu-west-1", "lambda:us-east-1"}), g.digitsNoLead(12), pick(g, []string{"role/checkout", "orders-queue", "function:charge"}))
	}},
	{"stripe-object-id", func(g *gen) string {
		return pick(g, []string{"ch_", "pi_", "cus_", "pm_", "evt_", "in_", "sub_"}) + g.chars(alnumChars, 24)
	}},
	{"request-id", func(g *gen) string {
		return pick(g, []string{"req_" + g.chars(alnumChars, 14), "Root=1-" + g.hex(8) + "-" + g.hex(24), g.chars(upperAlnum, 26)})
	}},
	// Snowflake IDs as Twitter and Discord make them: milliseconds since their epoch
	// (2010-11-04), shifted left 22 bits.
	{"snowflake-id", func(g *gen) string {
		ms := int64(g.between(1672531200, 1790000000))*1000 - 1288834974657
		return fmt.Sprint(ms<<22 | int64(g.intn(1<<22)))
	}},
	{"kafka-offset", func(g *gen) string { return fmt.Sprintf("orders-%d@%d", g.intn(12), g.intn(1e8)) }},
	{"file-path", func(g *gen) string {
		return fmt.Sprintf("/var/lib/app/data/%d/%02d/%02d/part-%05d.parquet", g.between(2020, 2026), g.between(1, 12), g.between(1, 28), g.intn(100000))
	}},
	{"stack-frame", func(g *gen) string {
		return pick(g, []string{fmt.Sprintf("at com.acme.checkout.PaymentService.charge(PaymentService.java:%d)", g.intn(900)), fmt.Sprintf("File \"/app/checkout/views.py\", line %d, in charge", g.intn(900)), fmt.Sprintf("main.(*Server).handle(0xc000%s)\n\t/src/server.go:%d +0x%x", g.hex(6), g.intn(900), g.intn(4096))})
	}},
	{"route", func(g *gen) string {
		return pick(g, []string{"GET /api/v1/orders/{id}", "POST /checkout", "/users/:id/cards", "/api/v2/carts/" + fmt.Sprint(g.intn(1e6))})
	}},
	{"http-status-line", func(g *gen) string {
		return fmt.Sprintf("HTTP/1.1 %d %s", pick(g, []int{200, 404, 502}), pick(g, []string{"OK", "Not Found", "Bad Gateway"}))
	}},
	{"oid", func(g *gen) string { return fmt.Sprintf("1.3.6.1.4.1.%d.%d.%d", g.intn(60000), g.intn(30), g.intn(30)) }},
	{"number/float", func(g *gen) string { return fmt.Sprintf("%d.%09d", g.intn(100), g.intn(1e9)) }},
	{"number/scientific", func(g *gen) string { return fmt.Sprintf("%d.%de+%02d", g.between(1, 9), g.intn(1000), g.intn(30)) }},
	{"zip-code", func(g *gen) string {
		return pick(g, []string{fmt.Sprintf("%05d-%04d", g.intn(1e5), g.intn(1e4)), "SW1A 1AA", fmt.Sprintf("%05d", g.intn(1e5))})
	}},
	{"isbn", func(g *gen) string {
		return "978-" + g.digits(1) + "-" + g.digits(4) + "-" + g.digits(4) + "-" + g.digits(1)
	}},
	{"feature-flag", func(g *gen) string {
		return pick(g, []string{"new_checkout=on", "ff.checkout_v2=true", "variant=B", "rollout=25%", "dark_mode=false"})
	}},
	{"cookie/no-identifier", func(g *gen) string {
		return pick(g, []string{"theme=dark", "lang=en-GB", "consent=true", "currency=EUR", "tz=Europe%2FLondon", "cookie_policy=accepted"})
	}},
	{"cookie/attributes", func(g *gen) string {
		return pick(g, []string{"Path=/; Secure; HttpOnly; SameSite=Lax", "Max-Age=3600; SameSite=Strict", "Domain=.example.com; Path=/; SameSite=None; Secure", "Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly"})
	}},
	{"geo-region", func(g *gen) string {
		return pick(g, []string{"eu-west-1", "us-central1-a", "westeurope", "ap-southeast-2"})
	}},
	{"sql-literal", func(g *gen) string { return fmt.Sprintf("LIMIT %d OFFSET %d", g.between(10, 100), g.intn(100000)) }},
	{"dotted-number", func(g *gen) string {
		return fmt.Sprintf("%d.%d.%d.%d.%d", g.intn(300), g.intn(300), g.intn(300), g.intn(300), g.intn(300))
	}},
	{"base64-payload", func(g *gen) string { return g.chars(base64Chars, 44) }},
	{"phone-like/extension", func(g *gen) string { return fmt.Sprintf("ext. %d", g.between(100, 9999)) }},
	{"issue-key", func(g *gen) string {
		return fmt.Sprintf("%s-%d", pick(g, []string{"CHK", "OPS", "PAY"}), g.between(1, 99999))
	}},
}

// nonLuhn returns n digits that no card issuer would print: a valid issuer
// prefix, but a wrong check digit.
func nonLuhn(g *gen, n int) string {
	payload := "4" + g.digits(n-2)
	c := luhnCheckDigit(payload)
	return payload + string('0'+(c-'0'+1)%10)
}

func (g *gen) lookalike() Lookalike {
	f := pick(g, lookalikeFormats)
	return Lookalike{Kind: f.kind, Text: f.make(g)}
}
