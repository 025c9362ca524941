package errorkeep

import (
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

// The side-by-side benchmarks against contrib tail_sampling (ingest, memory held per
// buffered span, CPU of a whole decision cycle) are in the distribution's module
// (test/compare), so that this module does not pull contrib processors in.

// benchBatch is a batch of 20 five-span traces with realistic attributes.
func benchBatch(seq uint64) ptrace.Traces {
	td := ptrace.NewTraces()
	for t := uint64(0); t < 20; t++ {
		id := traceID(seq*20 + t + 1)
		specs := make([]spanSpec, 0, 5)
		for s := uint64(1); s <= 5; s++ {
			specs = append(specs, spanSpec{span: s, parent: s - 1, dur: time.Duration(s) * time.Millisecond, err: t == 0 && s == 5,
				attrs: map[string]any{"http.request.method": "GET", "http.route": "/api/v1/orders/{id}", "http.response.status_code": int64(200),
					"server.address": "checkout.shop.svc.cluster.local", "db.statement": "SELECT id, total FROM orders WHERE id = $1"}})
		}
		traceOf(id, specs...).ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
	}
	return td
}

// BenchmarkDecodeKeptFromOneBigScope is putting kept traces back together from a
// batch with one scope of 8,192 spans, as an SDK sends them: the cost per span must
// not grow with the size of the batch.
func BenchmarkDecodeKeptFromOneBigScope(b *testing.B) {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
	for i := range 8192 {
		span := ss.Spans().AppendEmpty()
		span.SetTraceID(traceID(uint64(i/4 + 1)))
		span.SetName("op")
		span.Attributes().PutStr("http.route", "/api/v1/orders/{id}")
	}
	rules := newKeepRules(defaultConfig())
	groups, err := cutBatch(td, &rules, newCutScratch())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var kept keptTraces
		for i, g := range groups {
			if i%7 == 0 { // about the share a 10% sampler with 5% errors keeps
				kept.addGroup(g, 0)
			}
		}
		if _, _, err := kept.decode(nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*8192/7), "ns/kept-span")
}
