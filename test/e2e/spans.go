package e2e

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// SpanRecord is one span with the resource and scope it arrived under.
type SpanRecord struct {
	Resource pcommon.Resource
	Scope    pcommon.InstrumentationScope
	Span     ptrace.Span
}

// FlattenSpans lists every span of the given payloads.
func FlattenSpans(all []ptrace.Traces) []SpanRecord {
	var out []SpanRecord
	for _, td := range all {
		for i := 0; i < td.ResourceSpans().Len(); i++ {
			rs := td.ResourceSpans().At(i)
			for j := 0; j < rs.ScopeSpans().Len(); j++ {
				ss := rs.ScopeSpans().At(j)
				for k := 0; k < ss.Spans().Len(); k++ {
					out = append(out, SpanRecord{Resource: rs.Resource(), Scope: ss.Scope(), Span: ss.Spans().At(k)})
				}
			}
		}
	}
	return out
}

// SpansByTrace groups spans by trace ID.
func SpansByTrace(spans []SpanRecord) map[pcommon.TraceID][]SpanRecord {
	out := make(map[pcommon.TraceID][]SpanRecord)
	for _, s := range spans {
		id := s.Span.TraceID()
		out[id] = append(out[id], s)
	}
	return out
}
