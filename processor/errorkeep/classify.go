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

// traceSummary is what the spans of one trace have shown so far.
type traceSummary struct {
	hasError     bool
	slowSpan     bool
	hasCondition bool
	hasRoot      bool
	minStart     pcommon.Timestamp
	maxEnd       pcommon.Timestamp
	spans        int
	otValue      string // the first span's tracestate "ot" member, for its randomness
}

func (s *traceSummary) merge(o *traceSummary) {
	s.hasError = s.hasError || o.hasError
	s.slowSpan = s.slowSpan || o.slowSpan
	s.hasCondition = s.hasCondition || o.hasCondition
	s.hasRoot = s.hasRoot || o.hasRoot
	if s.spans == 0 || (o.minStart != 0 && o.minStart < s.minStart) {
		s.minStart = o.minStart
	}
	s.maxEnd = max(s.maxEnd, o.maxEnd)
	if s.otValue == "" {
		s.otValue = o.otValue
	}
	s.spans += o.spans
}

// classifier applies the keep rules to spans.
type classifier struct {
	latency    time.Duration
	httpFloor  int64
	conditions []condition
}

type condition struct {
	attribute string
	values    map[string]struct{}
}

func newClassifier(cfg *Config) classifier {
	c := classifier{latency: cfg.LatencyThreshold, httpFloor: int64(cfg.HTTPStatusFloor)}
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

func (c *classifier) observeSpan(s *traceSummary, span ptrace.Span) {
	start, end := span.StartTimestamp(), span.EndTimestamp()
	if s.spans == 0 || (start != 0 && start < s.minStart) {
		s.minStart = start
	}
	s.maxEnd = max(s.maxEnd, end)
	s.spans++
	if s.otValue == "" {
		s.otValue = otValue(span.TraceState().AsRaw())
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
		for _, key := range httpStatusKeys {
			if v, ok := span.Attributes().Get(key); ok && statusCode(v) >= c.httpFloor {
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
