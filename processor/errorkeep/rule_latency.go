package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// latencyRule keeps a slow trace: one whose duration (earliest start to latest end)
// or any single span's reaches latency_threshold. One mark bit, for a slow span; the
// trace's duration comes from the times every summary keeps.
type latencyRule struct {
	noResourceMarks
	mark      marks
	threshold pcommon.Timestamp // in ns, as span times are
}

func newLatencyRule(cfg *Config, mark marks) keepRule {
	if cfg.LatencyThreshold <= 0 {
		return nil
	}
	return &latencyRule{mark: mark, threshold: pcommon.Timestamp(cfg.LatencyThreshold / time.Nanosecond)}
}

func (r *latencyRule) observeSpan(s *traceSummary, a arrival) {
	if start, end := a.span.StartTimestamp(), a.span.EndTimestamp(); end > start && end-start >= r.threshold {
		s.marks |= r.mark
	}
}

func (r *latencyRule) keeps(_ pcommon.TraceID, s *traceSummary) (uint64, bool) {
	return 0, s.marks&r.mark != 0 || s.duration() >= int64(r.threshold)
}
