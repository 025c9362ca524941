package handoff

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadata"
)

// realisticTraces is n spans of about 280 bytes of OTLP each, with a dozen
// attributes, as the load test's generator makes them.
func realisticTraces(n int) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	rs.Resource().Attributes().PutStr("k8s.pod.name", "checkout-7d9f8b6c5-x2x4z")
	spans := rs.ScopeSpans().AppendEmpty().Spans()
	for i := range n {
		s := spans.AppendEmpty()
		s.SetName("GET /api/orders/{id}")
		s.SetTraceID(pcommon.TraceID{byte(i), byte(i >> 8), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
		s.SetSpanID(pcommon.SpanID{byte(i), byte(i >> 8), 1, 2, 3, 4, 5, 6})
		s.SetKind(ptrace.SpanKindServer)
		a := s.Attributes()
		a.PutStr("http.request.method", "GET")
		a.PutStr("url.path", "/api/orders/12345")
		a.PutInt("http.response.status_code", 200)
		a.PutStr("server.address", "checkout.shop.svc.cluster.local")
		a.PutInt("server.port", 8080)
		a.PutStr("network.protocol.version", "1.1")
		a.PutStr("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64)")
		a.PutStr("client.address", "10.1.2.3")
		a.PutStr("db.system", "postgresql")
		a.PutStr("db.operation.name", "SELECT")
		a.PutInt("order.items", 3)
		a.PutBool("cache.hit", false)
	}
	return td
}

// BenchmarkConsumeTraces is what accepting a 100-span request costs: encoding it and
// writing it to the folder (or keeping it in memory), deliveries running beside.
func BenchmarkConsumeTraces(b *testing.B) {
	for _, where := range []string{"memory", "folder"} {
		b.Run(where, func(b *testing.B) {
			cfg := createDefaultConfig().(*Config)
			if where == "folder" {
				cfg.Directory = filepath.Join(b.TempDir(), "handoff")
			}
			p, err := newTracesHandoff(processortest.NewNopSettings(metadata.Type), cfg, &drainClock{}, consumertest.NewNop())
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
				b.Fatal(err)
			}
			defer func() { _ = p.Shutdown(context.Background()) }()
			td := realisticTraces(100)
			b.ReportAllocs()
			for b.Loop() {
				if err := p.ConsumeTraces(context.Background(), td); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkThroughput is the whole way through: b.N requests of spansPerRequest
// accepted and delivered (read back, batched, decoded) to a consumer that counts and
// keeps nothing. The time per op is per request.
func BenchmarkThroughput(b *testing.B) {
	for _, spansPerRequest := range []int{10, 100} {
		for _, where := range []string{"memory", "folder"} {
			b.Run(fmt.Sprintf("%s/%d_spans", where, spansPerRequest), func(b *testing.B) {
				cfg := createDefaultConfig().(*Config)
				if where == "folder" {
					cfg.Directory = filepath.Join(b.TempDir(), "handoff")
				}
				var delivered atomic.Int64
				count, err := consumer.NewTraces(func(_ context.Context, td ptrace.Traces) error {
					delivered.Add(int64(td.SpanCount()))
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				p, err := newTracesHandoff(processortest.NewNopSettings(metadata.Type), cfg, &drainClock{}, count)
				if err != nil {
					b.Fatal(err)
				}
				if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
					b.Fatal(err)
				}
				td := realisticTraces(spansPerRequest)
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					if err := p.ConsumeTraces(context.Background(), td); err != nil {
						b.Fatal(err)
					}
					n++
				}
				if err := p.Shutdown(context.Background()); err != nil {
					b.Fatal(err)
				}
				if got := delivered.Load(); got != int64(n*spansPerRequest) {
					b.Fatalf("delivered %d of %d spans", got, n*spansPerRequest)
				}
			})
		}
	}
}
