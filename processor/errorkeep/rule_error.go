package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// errorRule keeps a trace with a span that failed: status Error, an "exception"
// event, or an HTTP status code at or above http_status_floor. One mark bit.
type errorRule struct {
	noResourceMarks
	mark      marks
	httpFloor int64 // 0: HTTP status codes are not looked at
}

func newErrorRule(cfg *Config, mark marks) keepRule {
	return &errorRule{mark: mark, httpFloor: int64(cfg.HTTPStatusFloor)}
}

// httpStatusKeys are the stable and the legacy semantic-convention names.
var httpStatusKeys = [...]string{"http.response.status_code", "http.status_code"}

func (r *errorRule) observeSpan(s *traceSummary, a arrival) {
	if s.marks&r.mark == 0 && r.failed(a.span) {
		s.marks |= r.mark
	}
}

func (r *errorRule) failed(span ptrace.Span) bool {
	if span.Status().Code() == ptrace.StatusCodeError {
		return true
	}
	events := span.Events()
	for i := 0; i < events.Len(); i++ {
		if events.At(i).Name() == "exception" {
			return true
		}
	}
	if r.httpFloor > 0 {
		// One pass for both names: this runs for every span.
		for k, v := range span.Attributes().All() {
			if (k == httpStatusKeys[0] || k == httpStatusKeys[1]) && statusCode(v) >= r.httpFloor {
				return true
			}
		}
	}
	return false
}

func (r *errorRule) keeps(_ pcommon.TraceID, s *traceSummary) (uint64, bool) {
	return 0, s.marks&r.mark != 0
}

// statusCode reads an HTTP status code written as an int, a double or a string of
// digits; 0 for anything else.
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
