package compare

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/redactionprocessor"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact"
)

// contribRedactionConfig is contrib `redaction` set up as a user would to catch the
// same kinds piiredact catches: every key allowed, values matched by RE2 patterns,
// and credential-looking keys blocked.
var contribRedactionConfig = map[string]any{
	"allow_all_keys": true,
	"summary":        "silent",
	"blocked_key_patterns": []any{
		`(?i).*(authorization|password|passwd|secret|cookie|api_key|apikey|api-key|access_token|refresh_token|private_key|credential).*`,
	},
	"blocked_values": []any{
		`\b(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|3[47][0-9]{13}|6(?:011|5[0-9]{2})[0-9]{12})\b`,
		`\b[0-9]{4}[ -][0-9]{4}[ -][0-9]{4}[ -][0-9]{4}\b`,
		`[a-zA-Z0-9._%+-]+(?:@|%40)[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}`,
		`\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b`,
		`\+[1-9][0-9 ().-]{7,18}[0-9]`,
		`\(?\b[2-9][0-9]{2}\)?[ .-][2-9][0-9]{2}[ .-][0-9]{4}\b`,
		`\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b`,
		`\b(?:[0-9a-fA-F]{1,4}:){2,7}(?::?[0-9a-fA-F]{1,4})+\b`,
		`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`,
		`eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`,
		`(?i)\b(?:bearer|basic) [A-Za-z0-9._~+/-]{8,}=*`,
		`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`,
		`\b[rs]k_(?:live|test)_[A-Za-z0-9]{10,}`,
		`\bgh[pousr]_[A-Za-z0-9]{30,}`,
		`\bxox[baprse]-[A-Za-z0-9-]{10,}`,
		`(?i)[?&](?:token|password|api_key|secret|sig)=[^&\s]+`,
	},
}

// realisticBatch builds spans shaped like an HTTP service's: most values are
// routine, about one value in eight carries PII or a secret.
func realisticBatch(spans int) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	r := rs.Resource().Attributes()
	r.PutStr("service.name", "checkout")
	r.PutStr("service.version", "v2.13.0")
	r.PutStr("k8s.pod.name", "checkout-7d9f8b6c5-x2x9z")
	r.PutStr("host.name", "ip-10-0-12-34.eu-west-1.compute.internal")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp")
	for i := 0; i < spans; i++ {
		s := ss.Spans().AppendEmpty()
		s.SetTraceID(pcommon.TraceID{byte(i), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
		s.SetSpanID(pcommon.SpanID{byte(i), 1, 2, 3, 4, 5, 6, 7})
		s.SetName(fmt.Sprintf("GET /api/v1/orders/%d", 100000+i))
		s.SetStartTimestamp(pcommon.Timestamp(1732480000000000000 + i))
		s.SetEndTimestamp(pcommon.Timestamp(1732480000250000000 + i))
		a := s.Attributes()
		a.PutStr("http.request.method", "GET")
		a.PutStr("http.route", "/api/v1/orders/{id}")
		a.PutInt("http.response.status_code", 200)
		a.PutStr("url.path", fmt.Sprintf("/api/v1/orders/%d", 100000+i))
		a.PutStr("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.6099.109 Safari/537.36")
		a.PutStr("server.address", "checkout.shop.svc.cluster.local")
		a.PutInt("server.port", 8080)
		a.PutStr("network.protocol.version", "1.1")
		a.PutStr("order.id", fmt.Sprintf("ORD-2024-%09d", i))
		a.PutStr("request.uuid", "550e8400-e29b-41d4-a716-446655440000")
		a.PutStr("db.statement", "SELECT id, total, status FROM orders WHERE id = $1 AND tenant = $2")
		a.PutDouble("order.total", 1299.99)
		switch i % 8 {
		case 0:
			a.PutStr("enduser.email", "jane.doe@example.com")
		case 1:
			a.PutStr("client.address", "203.0.113.42")
		case 2:
			a.PutStr("url.full", "https://shop.example.com/pay?token=tok_9f8e7d6c5b4a&amount=5")
		case 3:
			a.PutStr("payment.note", "card 4111 1111 1111 1111 declined")
		}
		if i%16 == 0 {
			ev := s.Events().AppendEmpty()
			ev.SetName("exception")
			ev.Attributes().PutStr("exception.message", "upstream returned 502 for order 123456 after 3 retries")
		}
	}
	return td
}

func newPIIRedactForBench(b *testing.B, sink *consumertest.TracesSink) processor.Traces {
	f := piiredact.NewFactory()
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(f.Type()), f.CreateDefaultConfig(), sink)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func newContribRedactionForBench(b *testing.B, sink *consumertest.TracesSink) processor.Traces {
	f := redactionprocessor.NewFactory()
	cfg := f.CreateDefaultConfig()
	if err := confmap.NewFromStringMap(contribRedactionConfig).Unmarshal(cfg); err != nil {
		b.Fatal(err)
	}
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(component.MustNewType("redaction")), cfg, sink)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkRedactTraces runs piiredact (all detectors) and contrib redaction (RE2
// patterns for the same kinds) on the same batches in the same run. Each iteration
// copies the batch first, since both mutate it; BenchmarkCopyBatch measures that copy.
func BenchmarkRedactTraces(b *testing.B) {
	for _, spans := range []int{10, 100, 1000} {
		batch := realisticBatch(spans)
		for _, impl := range []struct {
			name string
			make func(*testing.B, *consumertest.TracesSink) processor.Traces
		}{
			{"piiredact", newPIIRedactForBench},
			{"contrib_redaction", newContribRedactionForBench},
		} {
			b.Run(fmt.Sprintf("%s/spans=%d", impl.name, spans), func(b *testing.B) {
				sink := new(consumertest.TracesSink)
				p := impl.make(b, sink)
				b.ReportAllocs()
				for b.Loop() {
					td := ptrace.NewTraces()
					batch.CopyTo(td)
					if err := p.ConsumeTraces(context.Background(), td); err != nil {
						b.Fatal(err)
					}
					sink.Reset()
				}
				b.ReportMetric(float64(spans)*float64(b.N)/b.Elapsed().Seconds(), "spans/s")
			})
		}
	}
}

func BenchmarkCopyBatch(b *testing.B) {
	batch := realisticBatch(100)
	b.ReportAllocs()
	for b.Loop() {
		td := ptrace.NewTraces()
		batch.CopyTo(td)
	}
}
