package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// keepReason says why a trace was kept; the order is the order of precedence.
type keepReason int

const (
	reasonNone keepReason = iota
	reasonError
	reasonLatency
	reasonCondition
	reasonSampled
)

var reasonNames = [...]string{"none", "error", "latency", "condition", "sampled"}

func (r keepReason) String() string { return reasonNames[r] }

// traceSummary is what the spans of one trace have shown so far. It is kept small:
// one is held per buffered trace.
type traceSummary struct {
	minStart     pcommon.Timestamp
	maxEnd       pcommon.Timestamp
	spans        uint32
	bytes        uint32 // encoded size of the spans
	hasError     bool
	slowSpan     bool
	hasCondition bool
	hasRoot      bool
	// hasOT says a span carried an "ot" tracestate member; otSampled is then whether
	// its explicit randomness (or, without rv, the trace ID's) passes the healthy
	// threshold. The first such span decides, as for the W3C randomness itself.
	hasOT     bool
	otSampled bool
	// inStore: some of the spans are in the store's folder, not held in memory.
	inStore bool
}

func (s *traceSummary) merge(o *traceSummary) {
	s.hasError = s.hasError || o.hasError
	s.slowSpan = s.slowSpan || o.slowSpan
	s.hasCondition = s.hasCondition || o.hasCondition
	s.hasRoot = s.hasRoot || o.hasRoot
	s.inStore = s.inStore || o.inStore
	if s.spans == 0 || (o.minStart != 0 && o.minStart < s.minStart) {
		s.minStart = o.minStart
	}
	s.maxEnd = max(s.maxEnd, o.maxEnd)
	if !s.hasOT && o.hasOT {
		s.hasOT, s.otSampled = true, o.otSampled
	}
	s.spans += o.spans
	s.bytes = saturatingAdd(s.bytes, o.bytes)
}

func saturatingAdd(a, b uint32) uint32 {
	if a > ^uint32(0)-b {
		return ^uint32(0)
	}
	return a + b
}

// classifier applies the keep rules to spans.
type classifier struct {
	healthyT   uint64 // rejection threshold for healthy traces
	latency    time.Duration
	httpFloor  int64
	conditions []condition
}

type condition struct {
	attribute string
	values    map[string]struct{}
}

func newClassifier(cfg *Config) classifier {
	c := classifier{healthyT: thresholdForPercent(cfg.HealthyPercent), latency: cfg.LatencyThreshold, httpFloor: int64(cfg.HTTPStatusFloor)}
	for _, cc := range cfg.Conditions {
		cond := condition{attribute: cc.Attribute}
		if len(cc.Values) > 0 {
			cond.values = make(map[string]struct{}, len(cc.Values))
			for _, v := range cc.Values {
				cond.values[v] = struct{}{}
			}
		}
		c.conditions = append(c.conditions, cond)
	}
	return c
}

// httpStatusKeys are the stable and the legacy semantic-convention names.
var httpStatusKeys = [...]string{"http.response.status_code", "http.status_code"}

func (c *classifier) observeSpan(s *traceSummary, id pcommon.TraceID, span ptrace.Span) {
	start, end := span.StartTimestamp(), span.EndTimestamp()
	if s.spans == 0 || (start != 0 && start < s.minStart) {
		s.minStart = start
	}
	s.maxEnd = max(s.maxEnd, end)
	s.spans++
	if !s.hasOT {
		if ot := otValue(span.TraceState().AsRaw()); ot != "" {
			s.hasOT, s.otSampled = true, sampledByThreshold(randomness(id, ot), c.healthyT)
		}
	}
	if span.ParentSpanID().IsEmpty() {
		s.hasRoot = true
	}
	if c.latency > 0 && end > start && time.Duration(end-start) >= c.latency {
		s.slowSpan = true
	}
	if !s.hasError && c.isError(span) {
		s.hasError = true
	}
	if !s.hasCondition && c.matches(span.Attributes()) {
		s.hasCondition = true
	}
}

func (c *classifier) isError(span ptrace.Span) bool {
	if span.Status().Code() == ptrace.StatusCodeError {
		return true
	}
	events := span.Events()
	for i := 0; i < events.Len(); i++ {
		if events.At(i).Name() == "exception" {
			return true
		}
	}
	if c.httpFloor > 0 {
		// One pass for both names: this runs for every span.
		for k, v := range span.Attributes().All() {
			if (k == httpStatusKeys[0] || k == httpStatusKeys[1]) && statusCode(v) >= c.httpFloor {
				return true
			}
		}
	}
	return false
}

func statusCode(v pcommon.Value) int64 {
	switch v.Type() {
	case pcommon.ValueTypeInt:
		return v.Int()
	case pcommon.ValueTypeDouble:
		return int64(v.Double())
	case pcommon.ValueTypeStr:
		var n int64
		for _, ch := range v.Str() {
			if ch < '0' || ch > '9' {
				return 0
			}
			n = n*10 + int64(ch-'0')
		}
		return n
	}
	return 0
}

func (c *classifier) matches(attrs pcommon.Map) bool {
	for i := range c.conditions {
		cond := &c.conditions[i]
		v, ok := attrs.Get(cond.attribute)
		if !ok {
			continue
		}
		if cond.values == nil {
			return true
		}
		if _, hit := cond.values[v.AsString()]; hit {
			return true
		}
	}
	return false
}

// sampled reports whether a healthy trace is kept: its randomness passes the
// healthy threshold.
func (c *classifier) sampled(id pcommon.TraceID, s *traceSummary) bool {
	if s.hasOT {
		return s.otSampled
	}
	return sampledByThreshold(randomness(id, ""), c.healthyT)
}

// reason returns why a trace with this summary is kept, before sampling.
func (c *classifier) reason(s *traceSummary) keepReason {
	switch {
	case s.hasError:
		return reasonError
	case s.slowSpan || (c.latency > 0 && s.maxEnd > s.minStart && time.Duration(s.maxEnd-s.minStart) >= c.latency):
		return reasonLatency
	case s.hasCondition:
		return reasonCondition
	}
	return reasonNone
}
