package otlpwire

import (
	"testing"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// sdkBatch is a batch as an SDK sends it: one resource, one scope, 4,096 spans (1,024
// traces of four) with realistic attributes.
func sdkBatch() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	rs.Resource().Attributes().PutStr("k8s.pod.name", "checkout-7d9f8b6c5-x2x4z")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp")
	for i := range 4096 {
		span := ss.Spans().AppendEmpty()
		span.SetTraceID(traceID(i/4 + 1))
		span.SetSpanID(pcommon.SpanID{byte(i), byte(i >> 8), 1})
		span.SetName("GET /api/v1/orders/{id}")
		span.Attributes().PutStr("http.route", "/api/v1/orders/{id}")
		span.Attributes().PutInt("http.response.status_code", 200)
		span.Attributes().PutStr("db.statement", "SELECT id, total FROM orders WHERE id = $1")
	}
	return td
}

// BenchmarkCut is cutting a batch into its traces' pieces: the one walk over its
// encoding that errorkeep makes per batch.
func BenchmarkCut(b *testing.B) {
	td := sdkBatch()
	data, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
	if err != nil {
		b.Fatal(err)
	}
	owners := make([]*Pieces, 0, 4096)
	traces := make([]Pieces, 1024)
	for i := range 4096 {
		owners = append(owners, &traces[i/4])
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range traces {
			traces[i].Reset()
		}
		if _, err := Cut(data, 2, owners); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*4096), "ns/span")
}

// BenchmarkAssembleRecords is putting kept traces back together from the records
// the store gave back, one per trace, as a folder-backed errorkeep does at a
// decision: each record cut on its own, the resource shared by content, one
// encoding for all.
func BenchmarkAssembleRecords(b *testing.B) {
	traces := cutTraces(b, sdkBatch())
	records := make([][]byte, 0, len(traces))
	for _, p := range traces[:len(traces)/7] { // about the share a 10% sampler with 5% errors keeps
		enc := Encoder{}
		if err := enc.Add(p.List, 0); err != nil {
			b.Fatal(err)
		}
		records = append(records, enc.Encode(nil))
	}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		enc := Encoder{ShareResources: true}
		for i, record := range records {
			var p Pieces
			if _, err := CutOne(record, &p); err != nil {
				b.Fatal(err)
			}
			if err := enc.Add(p.List, i); err != nil {
				b.Fatal(err)
			}
		}
		buf = enc.Encode(buf)
	}
	if len(records) > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(records)*4), "ns/span")
	}
}
