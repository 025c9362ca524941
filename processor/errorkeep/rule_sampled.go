package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// healthySampler keeps healthy_percent of the traces no other rule kept, decided
// from each trace's 56 random bits (OpenTelemetry consistent probability sampling),
// so that every replica and tier agrees and the spans carry the threshold that
// counts them. Its mark is unused: it notes in two summary flags whether a span
// carried explicit randomness (tracestate ot=rv) and whether that passes.
type healthySampler struct {
	noResourceMarks
	threshold uint64 // rejection threshold
}

func newHealthySampler(cfg *Config, _ marks) keepRule {
	if cfg.HealthyPercent <= 0 {
		return nil
	}
	return &healthySampler{threshold: thresholdForPercent(cfg.HealthyPercent)}
}

func (r *healthySampler) observeSpan(s *traceSummary, id pcommon.TraceID, span ptrace.Span) {
	if s.has(flagOT) {
		return
	}
	if ot := otValue(span.TraceState().AsRaw()); ot != "" {
		s.flags |= flagOT
		if sampledByThreshold(randomness(id, ot), r.threshold) {
			s.flags |= flagOTSampled
		}
	}
}

func (r *healthySampler) keeps(id pcommon.TraceID, s *traceSummary) (uint64, bool) {
	if s.has(flagOT) {
		return r.threshold, s.has(flagOTSampled)
	}
	return r.threshold, sampledByThreshold(randomness(id, ""), r.threshold)
}
