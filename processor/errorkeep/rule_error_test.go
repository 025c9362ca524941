package errorkeep

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func TestErrorRule(t *testing.T) {
	tests := []struct {
		name  string
		floor int
		span  func(ptrace.Span)
		keep  bool
	}{
		{"ok", 500, func(ptrace.Span) {}, false},
		{"status error", 500, func(s ptrace.Span) { s.Status().SetCode(ptrace.StatusCodeError) }, true},
		{"status ok with a message", 500, func(s ptrace.Span) { s.Status().SetCode(ptrace.StatusCodeOk) }, false},
		{"exception event", 500, func(s ptrace.Span) { s.Events().AppendEmpty().SetName("exception") }, true},
		{"other event", 500, func(s ptrace.Span) { s.Events().AppendEmpty().SetName("retry") }, false},
		{"http 500 int", 500, func(s ptrace.Span) { s.Attributes().PutInt("http.response.status_code", 500) }, true},
		{"http 503 double", 500, func(s ptrace.Span) { s.Attributes().PutDouble("http.response.status_code", 503) }, true},
		{"legacy http 500 string", 500, func(s ptrace.Span) { s.Attributes().PutStr("http.status_code", "500") }, true},
		{"http 404", 500, func(s ptrace.Span) { s.Attributes().PutInt("http.response.status_code", 404) }, false},
		{"http 404 with floor 400", 400, func(s ptrace.Span) { s.Attributes().PutInt("http.response.status_code", 404) }, true},
		{"http 500 with the floor off", 0, func(s ptrace.Span) { s.Attributes().PutInt("http.response.status_code", 500) }, false},
		{"not a number", 500, func(s ptrace.Span) { s.Attributes().PutStr("http.status_code", "5xx") }, false},
		{"another key", 500, func(s ptrace.Span) { s.Attributes().PutInt("rpc.grpc.status_code", 503) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig()
			cfg.HTTPStatusFloor = tt.floor
			r := newErrorRule(cfg, 1)
			span := ptrace.NewSpan()
			tt.span(span)
			var s traceSummary
			r.observeSpan(&s, arrival{id: traceID(1), span: span})
			_, keep := r.keeps(traceID(1), &s)
			assert.Equal(t, tt.keep, keep)
		})
	}
}
