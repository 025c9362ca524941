package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"context"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

// processTraces redacts resource and scope attributes, span names, span
// attributes, event names and attributes, link attributes and status messages.
// IDs, timestamps, kinds and status codes are never touched.
func (p *piiRedactProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	sc := p.redactor.getScratch()
	defer p.redactor.putScratch(sc)
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		p.redactor.redactMap(rs.Resource().Attributes(), sc)
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j)
			p.redactor.redactMap(ss.Scope().Attributes(), sc)
			spans := ss.Spans()
			for k := 0; k < spans.Len(); k++ {
				p.redactSpan(spans.At(k), sc)
			}
		}
	}
	p.telemetry.record(ctx, sc)
	return td, nil
}

func (p *piiRedactProcessor) redactSpan(span ptrace.Span, sc *scratch) {
	r := p.redactor
	sc.beginItem()
	if name, changed := r.redactText(span.Name(), sc); changed {
		span.SetName(name)
	}
	r.redactMap(span.Attributes(), sc)
	if r.keyWords {
		r.redactRouteParams(span, sc)
	}
	events := span.Events()
	for e := 0; e < events.Len(); e++ {
		ev := events.At(e)
		if name, changed := r.redactText(ev.Name(), sc); changed {
			ev.SetName(name)
		}
		r.redactMap(ev.Attributes(), sc)
	}
	links := span.Links()
	for l := 0; l < links.Len(); l++ {
		r.redactMap(links.At(l).Attributes(), sc)
	}
	status := span.Status()
	if msg, changed := r.redactText(status.Message(), sc); changed {
		status.SetMessage(msg)
	}
	r.endItem(span.Attributes(), sc)
}
