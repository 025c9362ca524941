package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// A request larger than a delivery may carry (a shutdown flush of everything a
// tail sampler held, say) is split when it is accepted, so that each part can go
// out whole. Parts copy what they hold; the input is left as it is.

// splitTraces splits td into parts of at most per spans, each span with its resource
// and scope.
func splitTraces(td ptrace.Traces, per int) []ptrace.Traces {
	parts := []ptrace.Traces{ptrace.NewTraces()}
	n := 0
	for i := 0; i < td.ResourceSpans().Len(); i++ {
		rs := td.ResourceSpans().At(i)
		var dstRS ptrace.ResourceSpans
		haveRS := false
		for j := 0; j < rs.ScopeSpans().Len(); j++ {
			ss := rs.ScopeSpans().At(j)
			var dstSS ptrace.ScopeSpans
			haveSS := false
			for k := 0; k < ss.Spans().Len(); k++ {
				if n == per {
					parts, n, haveRS, haveSS = append(parts, ptrace.NewTraces()), 0, false, false
				}
				if !haveRS {
					dstRS = parts[len(parts)-1].ResourceSpans().AppendEmpty()
					rs.Resource().CopyTo(dstRS.Resource())
					dstRS.SetSchemaUrl(rs.SchemaUrl())
					haveRS = true
				}
				if !haveSS {
					dstSS = dstRS.ScopeSpans().AppendEmpty()
					ss.Scope().CopyTo(dstSS.Scope())
					dstSS.SetSchemaUrl(ss.SchemaUrl())
					haveSS = true
				}
				ss.Spans().At(k).CopyTo(dstSS.Spans().AppendEmpty())
				n++
			}
		}
	}
	return parts
}

// splitLogs splits ld into parts of at most per log records.
func splitLogs(ld plog.Logs, per int) []plog.Logs {
	parts := []plog.Logs{plog.NewLogs()}
	n := 0
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		rl := ld.ResourceLogs().At(i)
		var dstRL plog.ResourceLogs
		haveRL := false
		for j := 0; j < rl.ScopeLogs().Len(); j++ {
			sl := rl.ScopeLogs().At(j)
			var dstSL plog.ScopeLogs
			haveSL := false
			for k := 0; k < sl.LogRecords().Len(); k++ {
				if n == per {
					parts, n, haveRL, haveSL = append(parts, plog.NewLogs()), 0, false, false
				}
				if !haveRL {
					dstRL = parts[len(parts)-1].ResourceLogs().AppendEmpty()
					rl.Resource().CopyTo(dstRL.Resource())
					dstRL.SetSchemaUrl(rl.SchemaUrl())
					haveRL = true
				}
				if !haveSL {
					dstSL = dstRL.ScopeLogs().AppendEmpty()
					sl.Scope().CopyTo(dstSL.Scope())
					dstSL.SetSchemaUrl(sl.SchemaUrl())
					haveSL = true
				}
				sl.LogRecords().At(k).CopyTo(dstSL.LogRecords().AppendEmpty())
				n++
			}
		}
	}
	return parts
}

// splitMetrics splits md into parts of about per data points. A metric is not cut:
// one with more points than per makes a part of its own.
func splitMetrics(md pmetric.Metrics, per int) []pmetric.Metrics {
	parts := []pmetric.Metrics{pmetric.NewMetrics()}
	n := 0
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		rm := md.ResourceMetrics().At(i)
		var dstRM pmetric.ResourceMetrics
		haveRM := false
		for j := 0; j < rm.ScopeMetrics().Len(); j++ {
			sm := rm.ScopeMetrics().At(j)
			var dstSM pmetric.ScopeMetrics
			haveSM := false
			for k := 0; k < sm.Metrics().Len(); k++ {
				m := sm.Metrics().At(k)
				points := dataPoints(m)
				if n > 0 && n+points > per {
					parts, n, haveRM, haveSM = append(parts, pmetric.NewMetrics()), 0, false, false
				}
				if !haveRM {
					dstRM = parts[len(parts)-1].ResourceMetrics().AppendEmpty()
					rm.Resource().CopyTo(dstRM.Resource())
					dstRM.SetSchemaUrl(rm.SchemaUrl())
					haveRM = true
				}
				if !haveSM {
					dstSM = dstRM.ScopeMetrics().AppendEmpty()
					sm.Scope().CopyTo(dstSM.Scope())
					dstSM.SetSchemaUrl(sm.SchemaUrl())
					haveSM = true
				}
				m.CopyTo(dstSM.Metrics().AppendEmpty())
				n += points
			}
		}
	}
	return parts
}

func dataPoints(m pmetric.Metric) int {
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		return m.Gauge().DataPoints().Len()
	case pmetric.MetricTypeSum:
		return m.Sum().DataPoints().Len()
	case pmetric.MetricTypeHistogram:
		return m.Histogram().DataPoints().Len()
	case pmetric.MetricTypeExponentialHistogram:
		return m.ExponentialHistogram().DataPoints().Len()
	case pmetric.MetricTypeSummary:
		return m.Summary().DataPoints().Len()
	}
	return 0
}
