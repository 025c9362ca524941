package loadtest

import (
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TestRealisticSpanSize reports the OTLP size of the generator's spans, the figure the
// deployment guide sizes queues with; it fails if the spans stop looking realistic.
func TestRealisticSpanSize(t *testing.T) {
	td, _ := newTraceBuilder(7).batch(200, time.Now())
	size := (&ptrace.ProtoMarshaler{}).TracesSize(td)
	perSpan := float64(size) / float64(td.SpanCount())
	t.Logf("%.0f bytes of OTLP protobuf per span", perSpan)
	if perSpan < 150 || perSpan > 1000 {
		t.Fatalf("%.0f bytes per span: not a realistic span any more", perSpan)
	}
}
