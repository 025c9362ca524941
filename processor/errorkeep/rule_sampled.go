package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
)

// newHealthySampler is the "sampled" rule: the traces no other rule kept are
// sampled toward healthy_throughput per second, per key (keyedSampler), or, while
// that is off, with probability healthy_percent (healthySampler). Its mark is
// unused: samplers note what they need in their own summary fields.
func newHealthySampler(cfg *Config, _ marks) keepRule {
	switch {
	case cfg.HealthyThroughput.enabled():
		return newKeyedSampler(&cfg.HealthyThroughput)
	case cfg.HealthyPercent <= 0:
		return nil
	}
	return &healthySampler{threshold: thresholdForPercent(cfg.HealthyPercent)}
}

// healthySampler keeps healthy_percent of the traces no other rule kept, decided
// from each trace's 56 random bits (OpenTelemetry consistent probability sampling),
// so that every replica and tier agrees and the spans carry the threshold that
// counts them. It notes in two summary flags whether a span carried explicit
// randomness (tracestate ot=rv) and whether that passes.
type healthySampler struct {
	noResourceMarks
	threshold uint64 // rejection threshold
}

func (r *healthySampler) observeSpan(s *traceSummary, a arrival) {
	if s.has(flagOT) {
		return
	}
	if ot := otValue(a.span.TraceState().AsRaw()); ot != "" {
		s.flags |= flagOT
		if sampledByThreshold(randomness(a.id, ot), r.threshold) {
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
