package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// traceGroup is the part of an incoming batch that belongs to one trace, copied
// with its resources and scopes, and what its spans show.
type traceGroup struct {
	id      pcommon.TraceID
	traces  ptrace.Traces
	summary traceSummary
	// where the last span went, to share a resource/scope copy between consecutive spans
	lastRS, lastSS int
	dst            ptrace.SpanSlice
}

// groupByTrace splits td by trace ID, in first-seen order. It moves the spans out of
// td rather than copy them (the processor declares that it mutates its input):
// copying every attribute of every span was most of the cost of taking a batch in.
func (c *classifier) groupByTrace(td ptrace.Traces) []*traceGroup {
	var groups []*traceGroup
	index := make(map[pcommon.TraceID]*traceGroup)
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		resourceMatches := c.matches(rs.Resource().Attributes())
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j)
			spans := ss.Spans()
			for k := 0; k < spans.Len(); k++ {
				span := spans.At(k)
				id := span.TraceID()
				g := index[id]
				if g == nil {
					g = &traceGroup{id: id, traces: ptrace.NewTraces(), lastRS: -1, lastSS: -1}
					index[id] = g
					groups = append(groups, g)
				}
				if g.lastRS != i || g.lastSS != j {
					drs := g.traces.ResourceSpans().AppendEmpty()
					rs.Resource().CopyTo(drs.Resource())
					drs.SetSchemaUrl(rs.SchemaUrl())
					dss := drs.ScopeSpans().AppendEmpty()
					ss.Scope().CopyTo(dss.Scope())
					dss.SetSchemaUrl(ss.SchemaUrl())
					g.dst, g.lastRS, g.lastSS = dss.Spans(), i, j
				}
				c.observeSpan(&g.summary, span)
				span.MoveTo(g.dst.AppendEmpty())
				if resourceMatches {
					g.summary.hasCondition = true
				}
			}
		}
	}
	return groups
}

// setThreshold writes the sampling threshold into every span's tracestate.
func setThreshold(td ptrace.Traces, threshold uint64) {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				ts := spans.At(k).TraceState()
				ts.FromRaw(withThreshold(ts.AsRaw(), threshold))
			}
		}
	}
}
