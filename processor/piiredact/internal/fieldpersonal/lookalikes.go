package fieldpersonal

import (
	"fmt"
	"strconv"
	"strings"
)

// look is a value that real telemetry carries beside personal data and that is
// not personal: it must arrive byte for byte.
type look struct {
	kind, key, value string
	// text is how a log line or a message mentions it; "" for key=value only.
	text string
}

func (g *gen) uuid() string {
	return fmt.Sprintf("%s-%s-4%s-%s%s-%s", g.hex(8), g.hex(4), g.hex(3), g.pick("8", "9", "a", "b"), g.hex(3), g.hex(12))
}

// lookalikes lists generators of every kind; each returns one.
var lookalikes = []func(g *gen) look{
	func(g *gen) look { return look{kind: "uuid", key: "request_id", value: g.uuid()} },
	func(g *gen) look {
		return look{kind: "uuid-upper", key: "correlationId", value: strings.ToUpper(g.uuid())}
	},
	func(g *gen) look {
		return look{kind: "ulid", key: "event_id", value: "01" + g.alnum(24, crock32)}
	},
	func(g *gen) look {
		return look{kind: "ksuid", key: "message_id", value: "2" + g.alnum(26, base62)}
	},
	func(g *gen) look { return look{kind: "trace-id", key: "trace_id", value: g.hex(32)} },
	func(g *gen) look { return look{kind: "span-id", key: "span_id", value: g.hex(16)} },
	func(g *gen) look {
		return look{kind: "dd-trace-id", key: "dd.trace_id", value: strconv.FormatUint(g.r.Uint64()>>1|1<<62, 10)}
	},
	func(g *gen) look {
		return look{kind: "traceparent", key: "traceparent", value: "00-" + g.hex(32) + "-" + g.hex(16) + "-01"}
	},
	func(g *gen) look { return look{kind: "sha1", key: "vcs.ref.head.revision", value: g.hex(40)} },
	func(g *gen) look { return look{kind: "sha256", key: "checksum", value: "sha256:" + g.hex(64)} },
	func(g *gen) look {
		return look{kind: "image-digest", key: "container.image.name", value: "ghcr.io/acme/" + g.pick("checkout", "billing-api", "notifier") + "@sha256:" + g.hex(64)}
	},
	func(g *gen) look {
		return look{kind: "pod-name", key: "k8s.pod.name", value: g.pick("payments", "checkout-api", "sms-gateway", "web") + "-" + g.alnum(g.between(9, 10), "bcdfghjklmnpqrstvwxz2456789") + "-" + g.alnum(5, "bcdfghjklmnpqrstvwxz2456789")}
	},
	func(g *gen) look {
		return look{kind: "replicaset", key: "k8s.replicaset.name", value: g.pick("payments", "orders") + "-" + g.digitsNZ(10)}
	},
	func(g *gen) look {
		return look{kind: "semver", key: "service.version", value: fmt.Sprintf("%d.%d.%d", g.intn(12), g.intn(40), g.intn(120))}
	},
	func(g *gen) look {
		return look{kind: "semver-pre", key: "app.release", value: fmt.Sprintf("v%d.%d.%d-rc.%d+build.%d", g.intn(5), g.intn(30), g.intn(20), g.between(1, 9), g.between(100, 9999))}
	},
	func(g *gen) look {
		return look{kind: "version-4", key: "os.build", value: fmt.Sprintf("10.0.%d.%d", g.between(17763, 26100), g.between(1, 5000)), text: "Windows build "}
	},
	func(g *gen) look {
		return look{kind: "assembly", key: "exception.source", value: fmt.Sprintf("Acme.Orders.Domain, Version=%d.%d.%d.%d, Culture=neutral, PublicKeyToken=%s", g.between(1, 9), g.intn(20), g.intn(20), g.between(100, 9999), g.hex(16))}
	},
	func(g *gen) look {
		return look{kind: "build-number", key: "ci.build", value: fmt.Sprintf("%d%02d%02d.%d", g.between(2021, 2026), g.between(1, 12), g.between(1, 28), g.between(1, 12)), text: "build "}
	},
	func(g *gen) look {
		return look{kind: "calver", key: "app.version", value: fmt.Sprintf("%d.%02d.%d", g.between(2020, 2026), g.between(1, 12), g.between(0, 9))}
	},
	func(g *gen) look {
		return look{kind: "iso-time", key: "timestamp", value: fmt.Sprintf("%d-%02d-%02dT%02d:%02d:%02d.%03dZ", g.between(2024, 2026), g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(1000))}
	},
	func(g *gen) look {
		return look{kind: "iso-offset", key: "created_at", value: fmt.Sprintf("%d-%02d-%02dT%02d:%02d:%02d+%02d:00", g.between(2024, 2026), g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(10))}
	},
	func(g *gen) look {
		return look{kind: "rfc2822", key: "http.response.header.date", value: fmt.Sprintf("%s, %02d %s %d %02d:%02d:%02d GMT", g.pick("Mon", "Tue", "Wed", "Thu", "Fri"), g.between(1, 28), g.pick("Jan", "Feb", "Mar", "Oct", "Nov"), g.between(2024, 2026), g.intn(24), g.intn(60), g.intn(60))}
	},
	func(g *gen) look {
		return look{kind: "epoch-s", key: "exp", value: strconv.Itoa(g.between(1700000000, 1800000000))}
	},
	func(g *gen) look {
		return look{kind: "epoch-ms", key: "ts_ms", value: strconv.Itoa(g.between(1700000000, 1800000000)) + g.digits(3)}
	},
	func(g *gen) look {
		return look{kind: "epoch-ns", key: "time_unix_nano", value: strconv.Itoa(g.between(1700000000, 1800000000)) + g.digits(9)}
	},
	func(g *gen) look {
		return look{kind: "filetime", key: "lastLogonTimestamp", value: "13" + g.pick("3", "4") + g.digits(15)}
	},
	func(g *gen) look {
		return look{kind: "duration", key: "elapsed", value: g.pick(fmt.Sprintf("%dh%dm%d.%ds", g.intn(3), g.intn(60), g.intn(60), g.intn(1000)), fmt.Sprintf("PT%dH%dM", g.intn(5), g.intn(60)), fmt.Sprintf("%d.%03dms", g.intn(999), g.intn(1000)))}
	},
	func(g *gen) look {
		return look{kind: "size", key: "http.response.body.size", value: strconv.Itoa(g.between(100, 999999999))}
	},
	func(g *gen) look {
		return look{kind: "size-human", key: "disk.free", value: fmt.Sprintf("%d.%d %s", g.between(1, 999), g.intn(10), g.pick("GiB", "MB", "KiB", "TB"))}
	},
	func(g *gen) look {
		return look{kind: "port", key: "server.port_str", value: strconv.Itoa(g.pick2(443, 8080, 8443, 5432, 6379, 9092, 27017, 4317, 4318))}
	},
	func(g *gen) look {
		return look{kind: "internal-ipv4", key: g.pick("server.address", "net.peer.ip", "k8s.pod.ip", "network.peer.address", "host.ip"), value: fmt.Sprintf("10.%d.%d.%d", g.intn(256), g.intn(256), g.between(1, 254))}
	},
	func(g *gen) look {
		return look{kind: "internal-ipv4-192", key: g.pick("server.address", "net.sock.peer.addr", "db.server.address"), value: fmt.Sprintf("192.168.%d.%d", g.intn(256), g.between(1, 254))}
	},
	func(g *gen) look {
		return look{kind: "internal-ipv6", key: g.pick("k8s.pod.ip", "network.local.address"), value: fmt.Sprintf("fd%s:%s:%s::%x", g.hex(2), g.hex(4), g.hex(4), g.between(1, 0xffff))}
	},
	func(g *gen) look {
		m := []string{g.hex(2), g.hex(2), g.hex(2), g.hex(2), g.hex(2), g.hex(2)}
		return look{kind: "mac", key: "host.mac", value: strings.ToUpper(strings.Join(m, g.pick(":", "-")))}
	},
	func(g *gen) look {
		return look{kind: "order-id", key: "order_id", value: fmt.Sprintf("ORD-%d-%07d", g.between(2023, 2026), g.intn(10000000)), text: "order "}
	},
	func(g *gen) look {
		return look{kind: "invoice", key: "invoice_number", value: "INV-" + g.digits(9), text: "invoice "}
	},
	func(g *gen) look {
		return look{kind: "ticket", key: "ticket", value: g.pick("INC", "CHG", "RITM") + g.digits(7), text: "ticket "}
	},
	func(g *gen) look {
		return look{kind: "jira", key: "issue.key", value: g.pick("PAY", "OPS", "CHK") + "-" + strconv.Itoa(g.between(1, 99999))}
	},
	func(g *gen) look {
		return look{kind: "ups", key: "tracking_number", value: "1Z" + g.alnum(6, "0123456789ABCDEFGHJKLMNPRSTVWXYZ") + g.digits(10), text: "tracking "}
	},
	func(g *gen) look {
		return look{kind: "fedex", key: "shipment.tracking_number", value: g.digitsNZ(12), text: "FedEx tracking "}
	},
	func(g *gen) look {
		return look{kind: "usps", key: "usps_tracking", value: "9400" + g.digits(18), text: "USPS tracking "}
	},
	func(g *gen) look {
		return look{kind: "dhl", key: "dhl.waybill", value: g.digitsNZ(10), text: "DHL waybill "}
	},
	func(g *gen) look {
		b := g.pick("400", "500", "871", "590") + g.digits(9)
		return look{kind: "gtin", key: "product.gtin", value: b + strconv.Itoa(ean13(b)), text: "EAN "}
	},
	func(g *gen) look {
		b := "978" + g.digits(9)
		c := strconv.Itoa(ean13(b))
		return look{kind: "isbn", key: "book.isbn", value: "978-" + b[3:4] + "-" + b[4:7] + "-" + b[7:] + "-" + c, text: "ISBN "}
	},
	func(g *gen) look {
		return look{kind: "sku", key: "sku", value: g.pick("TSH", "SHO", "BAG") + "-" + g.pick("BLK", "WHT", "RED") + "-" + g.pick("XS", "M", "XL", "42") + "-" + g.digits(4)}
	},
	func(g *gen) look {
		return look{kind: "coordinates", key: "geo.location", value: fmt.Sprintf("%d.%06d,%d.%06d", g.between(-60, 70), g.intn(1000000), g.between(-150, 170), g.intn(1000000))}
	},
	func(g *gen) look {
		return look{kind: "amount", key: "order.total", value: g.pick(fmt.Sprintf("%d,%03d.%02d EUR", g.between(1, 99), g.intn(1000), g.intn(100)), fmt.Sprintf("€%d.%02d", g.between(1, 999), g.intn(100)), fmt.Sprintf("USD %d.%02d", g.between(1, 99999), g.intn(100)))}
	},
	func(g *gen) look {
		return look{kind: "status-code", key: "http.status_code_str", value: g.pick("200", "201", "204", "301", "404", "409", "429", "500", "503")}
	},
	func(g *gen) look {
		return look{kind: "exit-code", key: "process.exit.code_str", value: g.pick("0", "1", "137", "143", "255")}
	},
	func(g *gen) look {
		return look{kind: "error-code", key: "error.code", value: g.pick("ORA-00942", "ERR_CONNECTION_RESET", "E11000", "SQLSTATE 23505", "ECONNREFUSED", "0x80070005", "NSURLErrorDomain -1009")}
	},
	func(g *gen) look {
		return look{kind: "arn", key: "cloud.resource_id", value: fmt.Sprintf("arn:aws:lambda:%s:%012d:function:%s", g.pick("eu-west-1", "us-east-1"), g.r.Int64N(1e12), g.pick("checkout", "sms-sender", "card-tokenizer"))}
	},
	func(g *gen) look {
		return look{kind: "gcp-resource", key: "gcp.resource_name", value: fmt.Sprintf("projects/%s-%d/locations/%s/services/%s", g.pick("acme-prod", "shop"), g.between(100000, 999999), g.pick("europe-west1", "us-central1"), g.pick("api", "notifier"))}
	},
	func(g *gen) look {
		return look{kind: "azure-resource", key: "azure.resource.id", value: fmt.Sprintf("/subscriptions/%s/resourceGroups/rg-%s/providers/Microsoft.Web/sites/%s", g.uuid(), g.pick("prod", "shop-weu"), g.pick("checkout", "customer-portal"))}
	},
	func(g *gen) look {
		return look{kind: "hex-color", key: "theme.primary", value: "#" + g.hex(6)}
	},
	func(g *gen) look {
		return look{kind: "stack-position", key: "code.location", value: fmt.Sprintf("%s:%d:%d", g.pick("/app/src/services/customer.ts", "webpack:///./src/Checkout.jsx", "/srv/app/node_modules/pg/lib/client.js"), g.between(1, 2400), g.between(1, 120))}
	},
	func(g *gen) look {
		return look{kind: "config-number", key: "pool.max_connections", value: strconv.Itoa(g.pick2(20, 64, 100, 200, 1024, 65535, 3600000))}
	},
	func(g *gen) look {
		return look{kind: "feature-flag", key: "feature_flag.key", value: g.pick("checkout.new-payment-flow.enabled", "sms-2fa-rollout-2025q1", "enable_phone_verification_v2", "kyc.document-upload.beta")}
	},
	func(g *gen) look {
		return look{kind: "cron", key: "job.schedule", value: g.pick("0 */15 * * * *", "30 2 * * 1-5", "0 0 1 * *", "*/5 * * * *", "15 4 * * 0")}
	},
	func(g *gen) look {
		return look{kind: "masked-card", key: "card.masked", value: g.pick("**** **** **** ", "XXXX-XXXX-XXXX-", "•••• ", "************") + g.digits(4)}
	},
	func(g *gen) look {
		return look{kind: "card-bin-last4", key: "payment_method.card.bin_last4", value: g.pick("424242", "555555", "411111") + "******" + g.digits(4)}
	},
	func(g *gen) look {
		return look{kind: "non-luhn-16", key: "order_number", value: nonLuhn(g, 16), text: "order number "}
	},
	func(g *gen) look {
		return look{kind: "otel-scope-version", key: "otel.scope.version", value: fmt.Sprintf("0.%d.0", g.between(40, 60))}
	},
	func(g *gen) look {
		return look{kind: "user-agent", key: "user_agent.original", value: fmt.Sprintf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Safari/537.36", g.between(110, 131), g.between(5000, 6999), g.between(10, 250))}
	},
	func(g *gen) look {
		return look{kind: "grpc-method", key: "rpc.method", value: g.pick("GetCustomer", "UpdatePhoneNumber", "VerifyEmail", "ChargeCard")}
	},
	func(g *gen) look {
		return look{kind: "country-currency", key: "billing.country", value: g.pick("DE", "GB", "FR", "ES", "BR", "IN", "US")}
	},
	func(g *gen) look {
		return look{kind: "price-cents", key: "amount_cents", value: strconv.Itoa(g.between(100, 99999999))}
	},
	func(g *gen) look {
		return look{kind: "phone-verified", key: "phone_verified", value: g.pick("true", "false")}
	},
	func(g *gen) look {
		return look{kind: "email-template", key: "email.template", value: g.pick("order-confirmation-v3", "password_reset_2024", "welcome.de-DE")}
	},
	func(g *gen) look {
		return look{kind: "mime-msgid-domain", key: "smtp.server", value: g.pick("smtp.sendgrid.net:587", "email-smtp.eu-west-1.amazonaws.com:465", "mx1.mail.ovh.net")}
	},
	func(g *gen) look {
		return look{kind: "db-row-id", key: "db.row_id", value: strconv.Itoa(g.between(1, 99999999))}
	},
	func(g *gen) look {
		return look{kind: "stripe-id", key: "payment_intent", value: "pi_" + g.alnum(24, base62)}
	},
	func(g *gen) look {
		return look{kind: "twilio-sid", key: "messaging.message.id", value: "SM" + g.hex(32)}
	},
	func(g *gen) look {
		return look{kind: "ip-version-like", key: "kernel.release", value: fmt.Sprintf("%d.%d.%d-%d-aws", g.between(4, 6), g.intn(20), g.intn(200), g.between(1, 1100))}
	},
	func(g *gen) look {
		return look{kind: "date-plain", key: "report.date", value: fmt.Sprintf("%d-%02d-%02d", g.between(2024, 2026), g.between(1, 12), g.between(1, 28))}
	},
	func(g *gen) look {
		return look{kind: "zip-like-count", key: "rows_affected", value: strconv.Itoa(g.between(10000, 99999))}
	},
}

func ean13(twelve string) int {
	s := 0
	for i := 0; i < 12; i++ {
		d := int(twelve[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		s += d
	}
	return (10 - s%10) % 10
}

func nonLuhn(g *gen, n int) string {
	for {
		b := g.pick("4", "5") + g.digits(n-2)
		c := luhnDigit(b)
		d := byte('0' + (int(c-'0')+1+g.intn(8))%10)
		return b + string(d)
	}
}

func (g *gen) look() look { return lookalikes[g.intn(len(lookalikes))](g) }
