package holdout

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Look-alikes: the values real telemetry is full of that resemble personal data
// or secrets and are neither. They must arrive byte for byte.
type lookalike struct {
	kind string
	make func(g *gen) string
	keys []string
	// prose: sentences with %s that name it as what it is.
	prose []string
}

func ean(g *gen, n int) string {
	d := g.digits(n - 1)
	s := 0
	for i := 0; i < len(d); i++ {
		w := 1
		if (len(d)-i)%2 == 1 {
			w = 3
		}
		s += int(d[i]-'0') * w
	}
	return d + fmt.Sprint((10-s%10)%10)
}

func isbn10(g *gen) string {
	d := g.digits(9)
	s := 0
	for i := 0; i < 9; i++ {
		s += int(d[i]-'0') * (10 - i)
	}
	c := (11 - s%11) % 11
	cs := fmt.Sprint(c)
	if c == 10 {
		cs = "X"
	}
	return d[:1] + "-" + d[1:4] + "-" + d[4:9] + "-" + cs
}

// isbn13 is "978-" a registration group, a publisher, a title and the EAN-13 check.
func isbn13(g *gen) string {
	d := "978" + g.digits(9)
	s := 0
	for i := 0; i < 12; i++ {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		s += int(d[i]-'0') * w
	}
	return d[:3] + "-" + d[3:4] + "-" + d[4:7] + "-" + d[7:12] + "-" + fmt.Sprint((10-s%10)%10)
}

func ksuid(g *gen) string { return g.alnum(27) }

func ulid(g *gen) string { return "01J" + g.from(crockford, 23) }

var lookalikes = []lookalike{
	{"uuid", func(g *gen) string { return g.uuid() }, []string{"request_id", "correlationId", "order.id", "x-request-id", "tenant_id", "device.id", "idempotency_key"}, []string{"request %s completed", "retrying job %s"}},
	{"uuid-v7", func(g *gen) string { return g.uuidv7() }, []string{"event_id", "messaging.message.id", "id"}, []string{"event %s published"}},
	{"uuid-braced", func(g *gen) string { return "{" + strings.ToUpper(g.uuid()) + "}" }, []string{"ActivityId", "CorrelationId"}, []string{"activity %s started"}},
	{"ulid", ulid, []string{"event_id", "id", "job_id"}, []string{"job %s enqueued"}},
	{"ksuid", ksuid, []string{"segment.message_id", "event_id"}, []string{"message %s accepted"}},
	{"snowflake", func(g *gen) string { return "1" + g.from("23", 1) + g.digits(17) }, []string{"tweet_id", "discord.message_id", "message_id", "snowflake"}, []string{"message %s deleted"}},
	{"stripe-id", func(g *gen) string {
		return g.pick("ch_", "cus_", "pi_", "pm_", "sub_", "in_", "evt_", "req_", "price_", "prod_", "cs_live_", "seti_") + g.alnum(g.between(14, 24))
	}, []string{"stripe.charge_id", "customer_id", "payment_intent", "stripe_event_id", "request-id"}, []string{"webhook %s processed", "No such customer: '%s'"}},
	{"aws-instance-id", func(g *gen) string { return "i-0" + g.hex(16) }, []string{"host.id", "aws.ec2.instance_id", "instance_id"}, []string{"instance %s is running"}},
	{"aws-resource-ids", func(g *gen) string {
		return g.pick("vpc-0", "subnet-0", "sg-0", "eni-0", "vol-0", "ami-0", "snap-0") + g.hex(16)
	}, []string{"aws.resource_id", "resource"}, []string{"attached %s"}},
	{"aws-arn", func(g *gen) string {
		return g.pick("arn:aws:iam::", "arn:aws:lambda:eu-west-1:", "arn:aws:sqs:eu-west-1:", "arn:aws:dynamodb:us-east-1:") + g.digits(12) + g.pick(":role/checkout-task-role", ":function:orders-handler:42", ":orders-dlq", ":table/orders/stream/2025-11-07T10:00:00.000")
	}, []string{"aws.lambda.invoked_arn", "cloud.resource_id", "aws.iam.role_arn", "faas.id"}, []string{"assumed %s", "User: %s is not authorized to perform: sqs:SendMessage"}},
	{"aws-request-id", func(g *gen) string {
		return strings.ToUpper(g.from("0123456789ABCDEFGHIJKLMNOPQRSTUV", 16)) + g.upperAlnum(36)
	}, []string{"aws.request_id", "x-amz-id-2"}, nil},
	{"azure-resource-id", func(g *gen) string {
		return "/subscriptions/" + g.uuid() + "/resourceGroups/rg-shop-prod/providers/Microsoft.Web/sites/shop-api-" + g.lower(4)
	}, []string{"cloud.resource_id", "azure.resource.id"}, []string{"deployment to %s succeeded"}},
	{"gcp-resource", func(g *gen) string {
		return fmt.Sprintf("projects/shop-prod-%d/locations/europe-west1/services/checkout/revisions/checkout-%05d-%s", g.between(100000, 999999), g.intn(99999), g.lower(3))
	}, []string{"gcp.resource.name", "cloud.resource_id"}, []string{"revision %s ready"}},
	{"gcp-operation", func(g *gen) string {
		return fmt.Sprintf("operation-%d-%s-%s-%s", 1762500000000+int64(g.intn(1e9)), g.hex(13), g.hex(8), g.hex(8))
	}, []string{"gcp.operation"}, nil},
	{"k8s-pod-name", func(g *gen) string {
		return g.pick("checkout", "orders-api", "payments-worker", "frontend") + "-" + g.hex(g.between(8, 10)) + "-" + g.from("bcdfghjklmnpqrstvwxz2456789", 5)
	}, []string{"k8s.pod.name", "pod", "kubernetes.pod_name"}, []string{"Successfully assigned shop/%s to ip-10-0-1-23.eu-west-1.compute.internal", "Back-off restarting failed container in pod %s"}},
	{"k8s-uid", func(g *gen) string { return g.uuid() }, []string{"k8s.pod.uid", "k8s.deployment.uid"}, nil},
	{"k8s-node", func(g *gen) string {
		return g.pick(fmt.Sprintf("ip-10-%d-%d-%d.eu-west-1.compute.internal", g.intn(256), g.intn(256), g.intn(256)), "gke-prod-pool-1-"+g.hex(8)+"-"+g.lower(4), "aks-nodepool1-"+g.digits(8)+"-vmss00000"+g.digits(1))
	}, []string{"k8s.node.name", "host.name", "node"}, []string{"node %s is NotReady"}},
	{"git-sha", func(g *gen) string { return g.hex(40) }, []string{"vcs.ref.head.revision", "git.commit.sha", "GIT_COMMIT", "revision"}, []string{"deploying commit %s", "HEAD is now at %s"}},
	{"git-sha-short", func(g *gen) string { return g.hex(7) }, []string{"git.commit", "build.commit"}, []string{"merge %s into main"}},
	{"image-digest", func(g *gen) string { return "sha256:" + g.hex(64) }, []string{"container.image.id", "oci.manifest.digest", "image_digest"}, []string{"pulled image digest %s"}},
	{"image-ref", func(g *gen) string {
		return fmt.Sprintf("registry.example.com/shop/checkout:%d.%d.%d@sha256:%s", g.between(1, 9), g.intn(30), g.intn(100), g.hex(64))
	}, []string{"container.image.name", "image"}, []string{`Pulling image "%s"`}},
	{"container-id", func(g *gen) string { return g.hex(64) }, []string{"container.id", "docker.container_id"}, nil},
	{"trace-id", func(g *gen) string { return g.hex(32) }, []string{"trace_id", "traceId", "otel.trace_id", "dd.trace_id"}, []string{"trace %s sampled"}},
	{"traceparent", func(g *gen) string { return "00-" + g.hex(32) + "-" + g.hex(16) + "-01" }, []string{"traceparent", "http.request.header.traceparent"}, nil},
	{"hash-md5", func(g *gen) string { return g.hex(32) }, []string{"file.hash.md5", "etag", "checksum", "content_md5"}, []string{"checksum %s verified"}},
	{"hash-sha1", func(g *gen) string { return g.hex(40) }, []string{"file.hash.sha1", "fingerprint"}, nil},
	{"hash-sha256", func(g *gen) string { return g.hex(64) }, []string{"file.hash.sha256", "content_sha256", "x-amz-content-sha256", "tls.server.hash.sha256"}, []string{"artifact sha256 %s"}},
	{"hash-sha256-b64", func(g *gen) string { return base64.StdEncoding.EncodeToString(g.bytes(32)) }, []string{"integrity", "x-goog-hash", "content_digest"}, nil},
	{"sri", func(g *gen) string { return "sha384-" + base64.StdEncoding.EncodeToString(g.bytes(48)) }, []string{"integrity"}, nil},
	{"version-semver", func(g *gen) string {
		return g.pick("", "v") + fmt.Sprintf("%d.%d.%d", g.intn(20), g.intn(40), g.intn(200)) + g.pick("", "", "-rc.1", "-beta.3", "+build.517", "-alpha.20251107")
	}, []string{"service.version", "app_version", "telemetry.sdk.version", "version", "otel.scope.version"}, []string{"upgraded to %s", "running version %s"}},
	{"version-4part", func(g *gen) string {
		return fmt.Sprintf("%d.%d.%d.%d", g.between(1, 20), g.intn(10), g.intn(30000), g.intn(9999))
	}, []string{"os.version", "build", "file_version", "assembly.version", "firmware"}, []string{"build %s", "Version=%s, Culture=neutral, PublicKeyToken=31bf3856ad364e35"}},
	{"version-windows", func(g *gen) string { return fmt.Sprintf("10.0.%d.%d", g.between(17763, 26100), g.between(1, 5000)) }, []string{"os.build_id", "os.version"}, []string{"Microsoft Windows [Version %s]"}},
	{"version-runtime", func(g *gen) string {
		return g.pick(fmt.Sprintf("go1.%d.%d", g.between(18, 25), g.intn(10)), fmt.Sprintf("21.0.%d+%d-LTS", g.intn(9), g.between(1, 15)), fmt.Sprintf("v%d.%d.%d", g.between(16, 23), g.intn(20), g.intn(5)), fmt.Sprintf("3.%d.%d", g.between(8, 13), g.intn(12)))
	}, []string{"process.runtime.version", "runtime"}, []string{"runtime %s"}},
	{"user-agent", func(g *gen) string {
		return g.pick(chromeUA, "okhttp/4.12.0", "Go-http-client/2.0", "python-requests/2.32.3", "aws-sdk-go-v2/1.32.4 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 api/s3#1.66.3", "grpc-java-netty/1.68.1", "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)", "ShopApp/5.12.0 (iPhone; iOS 18.1; Scale/3.00)")
	}, []string{"user_agent.original", "http.request.header.user-agent"}, nil},
	{"build-number", func(g *gen) string {
		return g.pick(fmt.Sprint(g.between(100, 99999)), fmt.Sprintf("2025%02d%02d.%d", g.between(1, 12), g.between(1, 28), g.between(1, 30)), fmt.Sprintf("#%d", g.between(100, 9999)))
	}, []string{"ci.build.number", "BUILD_NUMBER", "build_id", "cicd.pipeline.run.id"}, []string{"build %s passed"}},
	{"timestamp-iso", func(g *gen) string {
		return fmt.Sprintf("2025-%02d-%02dT%02d:%02d:%02d.%06d%s", g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(1000000), g.pick("Z", "+01:00", "-05:00", "+05:30"))
	}, []string{"created_at", "updated_at", "timestamp", "expires_at", "event.time"}, []string{"scheduled for %s"}},
	{"timestamp-rfc1123", func(g *gen) string {
		return fmt.Sprintf("%s, %02d %s 2025 %02d:%02d:%02d GMT", g.pick("Mon", "Tue", "Wed", "Thu", "Fri"), g.between(1, 28), g.pick("Jan", "Mar", "Jun", "Nov"), g.intn(24), g.intn(60), g.intn(60))
	}, []string{"http.response.header.date", "last_modified", "expires"}, nil},
	{"timestamp-epoch", func(g *gen) string {
		base := 1_735_000_000 + g.intn(40_000_000)
		return g.pick(fmt.Sprint(base), fmt.Sprintf("%d%03d", base, g.intn(1000)), fmt.Sprintf("%d%09d", base, g.intn(1e9)), fmt.Sprintf("%d%06d", base, g.intn(1e6)))
	}, []string{"ts", "timestamp", "exp", "iat", "time_unix_nano", "epoch_ms"}, []string{"cursor at %s"}},
	{"timestamp-log", func(g *gen) string {
		return fmt.Sprintf("%02d/%s/2025:%02d:%02d:%02d +0000", g.between(1, 28), g.pick("Jan", "Feb", "Nov"), g.intn(24), g.intn(60), g.intn(60))
	}, []string{"time_local"}, nil},
	{"date", func(g *gen) string {
		return g.pick(fmt.Sprintf("2025-%02d-%02d", g.between(1, 12), g.between(1, 28)), fmt.Sprintf("%02d/%02d/2025", g.between(1, 12), g.between(1, 28)), fmt.Sprintf("%02d.%02d.2024", g.between(1, 28), g.between(1, 12)))
	}, []string{"delivery_date", "invoice_date", "release_date", "valid_until", "due_date"}, []string{"delivery expected on %s"}},
	{"duration", func(g *gen) string {
		return g.pick(fmt.Sprintf("%d.%03ds", g.intn(60), g.intn(1000)), fmt.Sprintf("%dms", g.between(1, 99999)), fmt.Sprintf("PT%dM%dS", g.intn(60), g.intn(60)), fmt.Sprintf("%dh%dm%d.%ds", g.intn(5), g.intn(60), g.intn(60), g.intn(10)), fmt.Sprintf("00:%02d:%02d.%03d", g.intn(60), g.intn(60), g.intn(1000)))
	}, []string{"duration", "elapsed", "latency", "timeout"}, []string{"completed in %s"}},
	{"size", func(g *gen) string {
		return g.pick(fmt.Sprintf("%d bytes", g.between(1, 1e9)), fmt.Sprintf("%.1f GiB", float64(g.between(1, 9999))/10), fmt.Sprintf("%d %03d %03d B", g.between(1, 999), g.intn(1000), g.intn(1000)), fmt.Sprintf("%dKi", g.between(1000, 9000000)))
	}, []string{"size", "content_length", "memory.limit", "body_size"}, []string{"uploaded %s"}},
	{"host-port", func(g *gen) string {
		return g.pick(fmt.Sprintf("10.%d.%d.%d:%d", g.intn(256), g.intn(256), g.between(1, 254), g.pick4port(g)), fmt.Sprintf("0.0.0.0:%d", g.pick4port(g)), fmt.Sprintf("127.0.0.1:%d", g.pick4port(g)), fmt.Sprintf("[fd00:%x::%x]:%d", g.intn(65536), g.intn(65536), g.pick4port(g)), fmt.Sprintf("192.168.%d.%d:%d", g.intn(256), g.between(1, 254), g.pick4port(g)), fmt.Sprintf("172.%d.%d.%d:%d", g.between(16, 31), g.intn(256), g.between(1, 254), g.pick4port(g)))
	}, []string{"server.address", "net.host.name", "upstream", "listen", "network.peer.address", "db.connection.address"}, []string{"dial tcp %s: connect: connection refused", "listening on %s"}},
	{"private-ip", func(g *gen) string {
		return g.pick(fmt.Sprintf("10.%d.%d.%d", g.intn(256), g.intn(256), g.between(1, 254)), fmt.Sprintf("172.%d.%d.%d", g.between(16, 31), g.intn(256), g.between(1, 254)), fmt.Sprintf("192.168.%d.%d", g.intn(256), g.between(1, 254)), "169.254.169.254", "fe80::1ff:fe23:4567:890a", "::1", fmt.Sprintf("fd12:3456:789a:%x::%x", g.intn(65536), g.between(1, 65535)), fmt.Sprintf("::ffff:10.%d.%d.%d", g.intn(256), g.intn(256), g.between(1, 254)))
	}, []string{"k8s.pod.ip", "host.ip", "server.address", "network.local.address", "net.sock.peer.addr", "client.address"}, []string{"connecting to %s", "probe failed for %s"}},
	{"hostname", func(g *gen) string {
		return g.pick("api.shop.example.com", "orders.shop-prod.svc.cluster.local", "db-primary.internal", "kafka-2.kafka-headless.data.svc", "shop-redis.abc123.ng.0001.euw1.cache.amazonaws.com", "shop-db.cluster-c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com")
	}, []string{"server.address", "url.domain", "db.server", "peer.service"}, []string{"resolving %s"}},
	{"semver-range", func(g *gen) string {
		return g.pick(fmt.Sprintf("^%d.%d.%d", g.intn(20), g.intn(20), g.intn(20)), fmt.Sprintf(">=%d.%d.0 <%d.0.0", g.intn(5), g.intn(10), g.between(5, 9)), fmt.Sprintf("~> %d.%d", g.between(3, 8), g.intn(10)), fmt.Sprintf("~%d.%d.%d", g.intn(9), g.intn(9), g.intn(9)))
	}, []string{"dependency.range", "engines.node", "constraint"}, []string{"requires %s"}},
	{"error-code", func(g *gen) string {
		return g.pick("ORA-00942", "ORA-01017", "ERR_CONNECTION_REFUSED", "E11000", "SQLSTATE 23505", "0x80070005", "HRESULT 0x8007000E", "ECONNRESET", "AH01630", "EACCES", "ENOTFOUND", "errno 111", fmt.Sprintf("ERR-%d", g.between(1000, 9999)), "InvalidClientTokenId", "ThrottlingException", "PERMISSION_DENIED", "DEADLINE_EXCEEDED")
	}, []string{"error.type", "exception.type", "db.response.status_code", "error_code"}, []string{"failed with %s", "rpc error: code = %s desc = context deadline exceeded"}},
	{"http-status-line", func(g *gen) string {
		return g.pick("HTTP/1.1 503 Service Unavailable", "HTTP/2 429", "HTTP/1.1 302 Found", "HTTP/1.0 200 OK", "HTTP/1.1 401 Unauthorized")
	}, []string{"http.status_line"}, []string{"< %s"}},
	{"sql-binds", func(g *gen) string {
		return g.pick("SELECT * FROM users WHERE id = $1 AND email = $2", "UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?", "INSERT INTO sessions (token, user_id, expires_at) VALUES (:token, :user_id, :expires_at)", "SELECT id, name FROM customers WHERE phone = @phone", "DELETE FROM api_keys WHERE key_id = $1 AND revoked_at IS NULL", "SELECT \"u\".\"id\" FROM \"auth_user\" \"u\" WHERE \"u\".\"username\" = %s LIMIT 21", "CALL set_password(?, ?)", "SELECT pg_sleep($1)")
	}, []string{"db.query.text", "db.statement"}, []string{"slow query: %s"}},
	{"order-number", func(g *gen) string {
		return g.pick(fmt.Sprintf("ORD-%d-%06d", g.between(2020, 2025), g.intn(1e6)), fmt.Sprintf("INV-%08d", g.intn(1e8)), fmt.Sprintf("PO %d", 4500000000+g.intn(1e8)), fmt.Sprintf("#%d", g.between(100000, 9999999)), fmt.Sprintf("SO%07d", g.intn(1e7)), fmt.Sprintf("RMA-%s-%04d", g.upper(2), g.intn(1e4)))
	}, []string{"order_number", "invoice.number", "purchase_order", "orderRef", "order.id"}, []string{"order %s shipped", "Invoice %s paid"}},
	{"tracking-number", func(g *gen) string {
		return g.pick("1Z"+g.upperAlnum(6)+g.digits(10), g.digits(12), "9400"+g.digits(18), g.digits(10), g.upper(2)+g.digits(9)+"GB", "JJD"+g.digits(18))
	}, []string{"tracking_number", "shipment.tracking_id", "trackingNumber", "awb"}, []string{"tracking number %s", "shipment %s out for delivery"}},
	{"isbn", func(g *gen) string { return g.pick(isbn10(g), isbn13(g)) }, []string{"isbn", "book.isbn"}, []string{"ISBN %s"}},
	{"gtin", func(g *gen) string { return g.pick(ean(g, 13), ean(g, 12), ean(g, 14), ean(g, 8)) }, []string{"gtin", "ean", "upc", "barcode", "product.gtin"}, []string{"scanned barcode %s"}},
	{"mac-address", func(g *gen) string {
		b := g.bytes(6)
		return g.pick(fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]), fmt.Sprintf("%02X-%02X-%02X-%02X-%02X-%02X", b[0], b[1], b[2], b[3], b[4], b[5]), fmt.Sprintf("%02x%02x.%02x%02x.%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5]))
	}, []string{"host.mac", "network.interface.mac", "mac"}, []string{"DHCPACK on 10.0.0.50 to %s"}},
	{"geo", func(g *gen) string {
		return g.pick(fmt.Sprintf("%.6f, %.6f", float64(g.between(-90000000, 90000000))/1e6, float64(g.between(-180000000, 180000000))/1e6), fmt.Sprintf("%.4f,%.4f", float64(g.between(35000000, 60000000))/1e6, float64(g.between(-10000000, 30000000))/1e6))
	}, []string{"geo.location", "store.coordinates", "warehouse_location"}, []string{"nearest store at %s"}},
	{"amount", func(g *gen) string {
		return g.pick(fmt.Sprintf("%d.%02d", g.between(1, 99999), g.intn(100)), fmt.Sprintf("EUR %d.%03d,%02d", g.between(1, 99), g.intn(1000), g.intn(100)), fmt.Sprintf("$%d,%03d.%02d", g.between(1, 999), g.intn(1000), g.intn(100)), fmt.Sprintf("%d %03d,%02d zł", g.between(1, 999), g.intn(1000), g.intn(100)), fmt.Sprintf("+%d.%02d%%", g.intn(100), g.intn(100)))
	}, []string{"amount", "price", "total", "order.total", "balance_delta"}, []string{"charged %s", "total %s"}},
	{"digit-list", func(g *gen) string {
		return g.pick(fmt.Sprintf("%d %d %d", g.between(100, 999), g.between(100, 999), g.between(100, 999)), fmt.Sprintf("%d, %d, %d, %d", g.between(8000, 9000), g.between(8000, 9000), g.between(8000, 9000), g.between(8000, 9000)), fmt.Sprintf("%d %d %d %d", g.between(10, 99), g.between(10, 99), g.between(10, 99), g.between(10, 99)))
	}, []string{"ports", "retry_delays_ms", "shard_ids", "partitions"}, []string{"partitions %s assigned", "retry delays %s ms"}},
	{"ssh-public-key", func(g *gen) string {
		return g.pick("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"+g.from(alnumChars+"+/", 43)+" deploy-key", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ"+g.from(alnumChars+"+/", 300)+" ci-runner", "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB"+g.from(alnumChars+"+/", 80)+"=")
	}, []string{"ssh.public_key", "authorized_key", "public_key"}, []string{"added key %s"}},
	{"ssh-fingerprint", func(g *gen) string { return "SHA256:" + base64.RawStdEncoding.EncodeToString(g.bytes(32)) }, []string{"ssh.fingerprint", "key_fingerprint"}, []string{"Accepted publickey for deploy from 10.0.4.7 port 52114 ssh2: ED25519 %s"}},
	{"certificate", func(g *gen) string {
		return "-----BEGIN CERTIFICATE-----\n" + g.b64(48) + "\n" + g.b64(48) + "\n-----END CERTIFICATE-----"
	}, []string{"tls.server.certificate", "tls.client.certificate", "ca_cert"}, nil},
	{"public-key-pem", func(g *gen) string {
		return "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + g.from(alnumChars+"+/", 20) + "\n" + g.b64(48) + "\n-----END PUBLIC KEY-----"
	}, []string{"jwks.public_key", "verification_key"}, nil},
	{"data-uri", func(g *gen) string { return "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA" + g.b64(60) }, []string{"avatar_placeholder", "icon"}, nil},
	{"etag", func(g *gen) string {
		return g.pick(`W/"`+g.hex(8)+"-"+g.hex(4)+`"`, `"`+g.hex(32)+`"`, `"`+g.hex(32)+`-`+fmt.Sprint(g.between(2, 40))+`"`)
	}, []string{"http.response.header.etag", "etag"}, nil},
	{"cf-ray", func(g *gen) string { return g.hex(16) + "-" + g.pick("FRA", "LHR", "AMS", "IAD", "SIN") }, []string{"http.response.header.cf-ray", "cf_ray"}, nil},
	{"b3", func(g *gen) string { return g.hex(32) + "-" + g.hex(16) + "-1" }, []string{"http.request.header.b3", "b3"}, nil},
	{"base64-blob", func(g *gen) string {
		return base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf(`{"page":%d,"sort":"created_at","dir":"desc","after":"%s"}`, g.intn(100), g.uuid())))
	}, []string{"next_page_token", "cursor", "pageToken", "continuation_token"}, []string{"next page: %s"}},
	{"publishable-key", func(g *gen) string { return g.pick("pk_live_", "pk_test_") + g.alnum(99) }, []string{"stripe.publishable_key", "publishableKey"}, nil},
	{"cron", func(g *gen) string {
		return g.pick("0 */5 * * *", "30 2 * * 1-5", "@hourly", "0 0 1 * *", "*/15 9-17 * * MON-FRI")
	}, []string{"schedule", "cron"}, []string{"next run of %s"}},
	{"cidr", func(g *gen) string { return fmt.Sprintf("10.%d.0.0/%d", g.intn(256), g.pick16(g)) }, []string{"network.cidr", "vpc_cidr", "allowed_ranges"}, []string{"allowlisted %s"}},
	{"percent", func(g *gen) string { return fmt.Sprintf("%d.%d%%", g.intn(100), g.intn(10)) }, []string{"cpu", "error_rate"}, []string{"cpu at %s"}},
	{"md-table-ids", func(g *gen) string { return fmt.Sprintf("%d/%d", g.between(1, 999), g.between(1000, 99999)) }, []string{"ratio", "progress"}, []string{"processed %s records"}},
	{"iso-week", func(g *gen) string { return fmt.Sprintf("2025-W%02d", g.between(1, 52)) }, []string{"report.week"}, nil},
	{"jira-key", func(g *gen) string {
		return g.pick("SHOP", "OPS", "PAY", "INFRA") + "-" + fmt.Sprint(g.between(1, 99999))
	}, []string{"issue", "ticket"}, []string{"fixes %s"}},
	{"phone-like-code", func(g *gen) string { return g.pick("+0100", "+0530", "-0800", "+02:00", "+1d", "+12h", "+3") }, []string{"tz_offset", "delta"}, []string{"offset %s"}},
	{"numeric-id", func(g *gen) string {
		return g.pick(fmt.Sprint(g.between(1, 99999999)), g.digitsNZ(g.between(9, 11)), fmt.Sprint(1000000000000+g.intn(1e9)))
	}, []string{"user_id", "customer_id", "account.id", "enduser.pseudo.id", "org_id", "project_number"}, []string{"customer %s upgraded", "account %s locked after 5 failed attempts"}},
	{"masked-value", func(g *gen) string {
		return g.pick("[FILTERED]", "********", "***", "<redacted>", "REDACTED", "xxxx-xxxx-xxxx-"+g.digits(4), "************"+g.digits(4), "[MASKED]", "sk_live_...."+g.alnum(4))
	}, []string{"password", "card_number", "authorization", "api_key", "token"}, nil},
}

func (g *gen) pick4port(_ *gen) int {
	return []int{80, 443, 8080, 8443, 3000, 5432, 6379, 9092, 4317, 4318, 27017, 3306, 9200, 11211}[g.intn(14)]
}
func (g *gen) pick16(_ *gen) int { return []int{8, 12, 16, 20, 24}[g.intn(5)] }

// lookalikeCases places each look-alike under its keys and in its sentences.
// A look-alike under a key that names a credential ("password": "[FILTERED]")
// is a value a previous stage masked: it must stay as it is.
func (g *gen) lookalikeCases(scale int) []Case {
	var out []Case
	for _, l := range lookalikes {
		for range 12 * scale {
			v := l.make(g)
			k := l.keys[g.intn(len(l.keys))]
			p := keyedPlaces[g.intn(len(keyedPlaces))]
			rec, held, keep := p.put(g, k, v)
			out = append(out, Case{Kind: "keep/" + l.kind, Place: p.name, Rec: rec, Keep: append(keep, held)})
			if len(l.prose) > 0 {
				s := fmt.Sprintf(l.prose[g.intn(len(l.prose))], v)
				pp := prosePlaces[g.intn(len(prosePlaces))]
				rec, keep := pp.put(g, s)
				kept := s
				if strings.HasPrefix(pp.name, "log.body.json") {
					kept = jsonInner(s)
				}
				out = append(out, Case{Kind: "keep/" + l.kind, Place: pp.name, Rec: rec, Keep: append(keep, kept)})
			}
		}
	}
	out = append(out, g.cleanKeyCases(scale)...)
	out = append(out, g.cleanLineCases(scale)...)
	return out
}

// cleanKeyCases are keys that name credentials or people in a word but hold
// something else: counts, types, times, flags, names of things.
func (g *gen) cleanKeyCases(scale int) []Case {
	pairs := [][2]string{
		{"gen_ai.usage.input_tokens", "1284"}, {"llm.token_count.prompt", "3021"}, {"max_tokens", "4096"}, {"token_type", "Bearer"},
		{"token_expires_in", "3600"}, {"password_changed_at", "2025-10-01T08:00:00Z"}, {"password_reset_required", "false"},
		{"password_policy", "min 12 chars, 1 digit"}, {"auth_method", "oauth2"}, {"auth.provider", "google"}, {"secret_name", "db-creds"},
		{"secret_version", "7"}, {"api_key_id", "key_" + g.alnum(12)}, {"cache.key", "cart:42:v3"}, {"messaging.kafka.message.key", "order-" + g.digits(6)},
		{"credential_type", "password"}, {"oauth.scope", "openid profile email"}, {"cookie_consent", "accepted"}, {"csrf_enabled", "true"},
		{"service.name", "checkout-api"}, {"product.name", "Aeron Chair"}, {"k8s.deployment.name", "orders-api"}, {"messaging.destination.name", "orders.created"},
		{"db.collection.name", "customers"}, {"rpc.method", "GetCustomer"}, {"code.function.name", "CustomerService.Update"}, {"file.name", "invoice-2025-11.pdf"},
		{"plan.name", "Pro Annual"}, {"user_agent.name", "Chrome"}, {"os.name", "Ubuntu"}, {"browser.name", "Firefox"}, {"merchant.name", "ACME GmbH"},
		{"company.name", "Initech Ltd"}, {"bank.name", "ING"}, {"feature_flag.key", "new-checkout"}, {"queue.name", "emails-high"}, {"server.address", "db-primary.internal"},
		{"address_family", "ipv4"}, {"address_type", "billing"}, {"email_verified", "true"}, {"phone_verified", "false"}, {"phone.model", "Pixel 8"},
		{"phone_country_code", "+48"}, {"dob_verified", "true"}, {"session.duration_ms", "93211"}, {"passwordless", "true"}, {"tokenizer", "cl100k_base"},
		{"auth.result", "denied"}, {"authentication.scheme", "Bearer"}, {"secret_ref", "vault:kv/shop/db#password"}, {"key_alias", "alias/shop-prod"},
		{"signing_algorithm", "RS256"}, {"kid", g.hex(16)}, {"public_key_id", g.hex(16)}, {"customer.tier", "gold"}, {"customer.segment", "smb"},
		{"user.roles", "admin,editor"}, {"enduser.role", "support"}, {"customer.id", g.digitsNZ(8)}, {"customer.country", "PL"},
		{"holder.type", "individual"}, {"payer.bank.name", "Revolut"}, {"author.association", "MEMBER"}, {"contact.method", "sms"},
		{"billing.plan.name", "Team"}, {"member.group.name", "ops"}, {"patient.ward.name", "Cardiology"}, {"employee.department.name", "Finance"},
		{"db.user", "app"}, {"db.namespace", "shop"}, {"process.owner", "app"}, {"pwd_strength", "strong"}, {"otp_length", "6"}, {"mfa_enabled", "true"},
		{"sid_format", "uuid"}, {"jwt_alg", "RS256"}, {"dsn_host", "db.internal"}, {"token_count", "512"}, {"tokens_used", "2048"},
		{"x-ratelimit-remaining-tokens", "149000"}, {"authorization_status", "approved"}, {"auth_time", "1762509600"}, {"secret_rotation_days", "90"},
	}
	var out []Case
	for range 2 * scale {
		for _, kv := range pairs {
			p := keyedPlaces[g.intn(len(keyedPlaces))]
			rec, held, keep := p.put(g, kv[0], kv[1])
			out = append(out, Case{Kind: "keep/key-lookalike", Place: p.name, Rec: rec, Keep: append(keep, held)})
		}
	}
	return out
}

// cleanLineCases are whole lines of servers, frameworks and tools with nothing
// personal in them: each must arrive unchanged.
func (g *gen) cleanLineCases(scale int) []Case {
	var out []Case
	for range 8 * scale {
		nz := g.noise()
		pod := fmt.Sprintf("orders-api-%s-%s", g.hex(9)[:9], g.from("bcdfghjklmnpqrstvwxz2456789", 5))
		ver := fmt.Sprintf("%d.%d.%d", g.between(1, 9), g.intn(30), g.intn(50))
		lines := []string{
			fmt.Sprintf(`%s - - [07/Nov/2025:10:00:00 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`, nz.podIP),
			fmt.Sprintf("Successfully assigned shop-prod/%s to ip-10-0-%d-%d.eu-west-1.compute.internal", pod, g.intn(256), g.intn(256)),
			fmt.Sprintf(`Failed to pull image "registry.example.com/shop/orders-api:%s": rpc error: code = Unknown desc = failed to resolve reference: unexpected status 401 Unauthorized`, ver),
			fmt.Sprintf(`Readiness probe failed: Get "http://%s:8080/ready": dial tcp %s:8080: connect: connection refused`, nz.podIP, nz.podIP),
			"0/6 nodes are available: 3 Insufficient memory, 3 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.",
			`MountVolume.SetUp failed for volume "db-creds" : secret "db-creds" not found`,
			fmt.Sprintf("Scaled up replica set orders-api-%s to 3 from 2", g.hex(9)[:9]),
			"Nov  7 10:00:00 web-01 sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx",
			fmt.Sprintf("Nov  7 10:00:00 bastion-01 sshd[%d]: Accepted publickey for deploy from %s port %d ssh2: ED25519 SHA256:%s", g.between(100, 99999), nz.podIP, g.between(1024, 65535), base64.RawStdEncoding.EncodeToString(g.bytes(32))),
			fmt.Sprintf("%s  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'", nz.ts),
			fmt.Sprintf("%s  INFO 1 --- [           main] com.acme.shop.ShopApplication            : Started ShopApplication in %d.%03d seconds (process running for %d.%d)", nz.ts, g.between(2, 30), g.intn(1000), g.between(3, 40), g.intn(10)),
			fmt.Sprintf("%s  WARN 1 --- [nio-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 23505", nz.ts),
			`[07/Nov/2025 10:00:00] "POST /accounts/login/ HTTP/1.1" 302 0`,
			fmt.Sprintf("Completed 200 OK in %dms (Views: %d.%dms | ActiveRecord: %d.%dms (3 queries, 0 cached) | GC: 0.0ms)", g.between(5, 900), g.intn(90), g.intn(10), g.intn(90), g.intn(10)),
			fmt.Sprintf("info: Microsoft.AspNetCore.Hosting.Diagnostics[2]\n      Request finished HTTP/1.1 GET http://localhost:5000/api/orders/%d - 200 - application/json;+charset=utf-8 %d.%04dms", g.between(1, 99999), g.between(1, 900), g.intn(10000)),
			fmt.Sprintf("AccessDeniedException: User: arn:aws:sts::%s:assumed-role/checkout-task-role/%s is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:%s:table/orders because no identity-based policy allows the dynamodb:PutItem action", g.digits(12), g.hex(32), g.digits(12)),
			"googleapi: Error 403: exporter@shop-prod-4711.iam.gserviceaccount.com does not have storage.objects.get access to the Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist)., forbidden",
			fmt.Sprintf("AuthorizationPermissionMismatch: This request is not authorized to perform this operation using this permission.\nRequestId:%s\nTime:%s", g.uuid(), nz.ts),
			"pq: password authentication failed for user \"app\"",
			fmt.Sprintf("SQLSTATE[HY000] [1045] Access denied for user 'app'@'%s' (using password: YES)", nz.podIP),
			"ORA-01017: invalid username/password; logon denied",
			fmt.Sprintf("MongoServerError: E11000 duplicate key error collection: shop.orders index: orderNumber_1 dup key: { orderNumber: \"%s\" }", nz.orderID),
			fmt.Sprintf("redis: connection pool timeout after %dms (pool size 10, idle 0)", g.between(100, 5000)),
			fmt.Sprintf("kafka: client has run out of available brokers to talk to: dial tcp %s:9092: i/o timeout", nz.podIP),
			fmt.Sprintf("goroutine %d [running]:\nmain.(*Server).handle(0xc000123400, {0x1a2b3c0, 0xc0004a6000})\n\t/app/server.go:142 +0x1d4\nnet/http.HandlerFunc.ServeHTTP(0xc0001b2000?, {0x1a2b3c0?, 0xc0004a6000?}, 0x0?)\n\t/usr/local/go/src/net/http/server.go:2220 +0x29", g.between(1, 9999)),
			fmt.Sprintf("Traceback (most recent call last):\n  File \"/app/orders/views.py\", line %d, in create\n    order = Order.objects.create(**data)\ndjango.db.utils.IntegrityError: duplicate key value violates unique constraint \"orders_order_number_key\"", g.between(10, 400)),
			fmt.Sprintf("   at Acme.Orders.OrderService.GetAsync(Int32 id, CancellationToken cancellationToken) in /src/Orders/OrderService.cs:line %d\n   at Acme.Orders.OrdersController.Get(Int32 id) in /src/Orders/OrdersController.cs:line 31", g.between(10, 400)),
			fmt.Sprintf("Error: connect ECONNREFUSED %s:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)", nz.podIP),
			fmt.Sprintf("NoMethodError (undefined method `total' for nil:NilClass):\n  app/controllers/orders_controller.rb:%d:in `show'", g.between(10, 200)),
			fmt.Sprintf("PHP Fatal error:  Uncaught TypeError: Argument 1 passed to App\\Order::setTotal() must be of the type float, string given, called in /var/www/html/app/Http/Controllers/OrderController.php on line %d", g.between(10, 400)),
			fmt.Sprintf("rpc error: code = DeadlineExceeded desc = context deadline exceeded (Client.Timeout exceeded while awaiting headers) after %s", nz.dur),
			fmt.Sprintf("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\nContent-Type: application/problem+json\r\nX-Request-Id: %s", nz.reqID),
			"Set-Cookie: lang=en-GB; Path=/; Max-Age=31536000; SameSite=Lax",
			"Cookie: theme=dark; lang=de-DE; consent=true",
			fmt.Sprintf("uploaded 1 048 576 bytes in %s (12 345 678 total)", nz.dur),
			"scanned 3 partitions: 12 13 14, lag 0 0 17",
			fmt.Sprintf("Deploying shop-api %s (build 2025%02d%02d.%d, commit %s) to eu-west-1", ver, g.between(1, 12), g.between(1, 28), g.between(1, 30), g.hex(7)),
			"npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
			fmt.Sprintf("added 1204 packages, and audited 1205 packages in %ds", g.between(5, 90)),
			fmt.Sprintf("Step 7/12 : RUN pip install --no-cache-dir -r requirements.txt\n ---> Running in %s", g.hex(12)),
			fmt.Sprintf("git@github.com:acme/shop-api.git: fetching origin, HEAD is now at %s", g.hex(7)),
			fmt.Sprintf("Downloading https://repo.maven.apache.org/maven2/org/springframework/spring-core/6.1.%d/spring-core-6.1.%d.jar", g.intn(15), g.intn(15)),
			fmt.Sprintf("com.acme.shop.Cart@%s: 3 items, subtotal 129.97 EUR", g.hex(8)),
			"Loaded Microsoft.Extensions.Logging, Version=8.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60 from /app/Microsoft.Extensions.Logging.dll",
			fmt.Sprintf("TLS handshake ok: TLSv1.3 TLS_AES_128_GCM_SHA256, peer CN=orders.shop-prod.svc, serial %s", strings.ToUpper(g.hex(32))),
			fmt.Sprintf("GC(%d) Pause Young (Normal) (G1 Evacuation Pause) 512M->128M(1024M) %s", g.between(1, 9999), nz.dur),
			fmt.Sprintf("batch 17/240: 5000 rows in %s (id range 1000000-1005000)", nz.dur),
			fmt.Sprintf("consumer group orders-v1 rebalanced: partitions [0 1 2 3] assigned to orders-worker-%d", g.intn(9)),
			fmt.Sprintf("cache hit ratio 0.97 (hits 123456, misses 3817) over %s", nz.dur),
			fmt.Sprintf("X-RateLimit-Limit: 5000, X-RateLimit-Remaining: %d, X-RateLimit-Reset: %d", g.intn(5000), 1762510000+g.intn(9999)),
			fmt.Sprintf("stripe: No such payment_intent: 'pi_%s'; request-id: req_%s", g.alnum(24), g.alnum(14)),
			fmt.Sprintf("Password reset requested (user_id=%d, expires_in=3600, method=email)", g.between(1, 999999)),
			fmt.Sprintf("password: minimum length 12 not met (user_id=%d)", g.between(1, 999999)),
			"token refresh succeeded for client web-app (expires_in=3600, token_type=Bearer)",
			"session created: sid_length=32 ttl=1800s store=redis",
			fmt.Sprintf("auth: method=oidc provider=okta result=success duration=%s", nz.dur),
			fmt.Sprintf("secret rotated: name=db-creds version=%d next_rotation=2026-02-05", g.between(2, 40)),
			fmt.Sprintf("shipment %s tracking 1Z%s%s handed to UPS", nz.orderID, g.upperAlnum(6), g.digits(10)),
			fmt.Sprintf("invoice INV-%08d total EUR 1.299,00 due 2025-12-07", g.intn(1e8)),
			"coordinates 52.520008,13.404954 resolved to store BER-01",
			fmt.Sprintf("listen tcp 0.0.0.0:%d: bind: address already in use", 8080+g.intn(10)),
		}
		for i, l := range lines {
			p := prosePlaces[g.intn(len(prosePlaces))]
			rec, keep := p.put(g, l)
			kept := l
			if strings.HasPrefix(p.name, "log.body.json") {
				kept = jsonInner(l)
			}
			out = append(out, Case{Kind: fmt.Sprintf("keep/line-%02d", i), Place: p.name, Rec: rec, Keep: append(keep, kept)})
		}
	}
	return out
}
