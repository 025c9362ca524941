package errorkeep

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHealthySampler(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	assert.Nil(t, newHealthySampler(cfg, 0), "0% keeps nothing: no rule")

	cfg.HealthyPercent = 100
	all := newHealthySampler(cfg, 0)
	threshold, keep := all.keeps(traceID(1), &traceSummary{})
	assert.True(t, keep)
	assert.Zero(t, threshold, "100%: every span counts as itself")

	cfg.HealthyPercent = 50
	half := newHealthySampler(cfg, 0)
	rules := keepRules{rules: []keepRule{half}, reasons: []keepReason{4}}
	// Explicit randomness in tracestate decides, not the trace ID's; the first span
	// that carries it decides for the trace.
	high := traceOf(traceID(3), spanSpec{span: 1})
	high.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).TraceState().FromRaw("ot=rv:ffffffffffffff")
	low := traceOf(traceID(3), spanSpec{span: 2})
	low.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).TraceState().FromRaw("ot=rv:00000000000001")
	s := summaryOf(&rules, high)
	lowS := summaryOf(&rules, low)
	s.merge(&lowS)
	threshold, keep = half.keeps(traceID(3), &s)
	assert.True(t, keep, "rv ff… passes 50%%")
	assert.Equal(t, thresholdForPercent(50), threshold)
	lowS.merge(&s)
	_, keep = half.keeps(traceID(3), &lowS)
	assert.False(t, keep, "rv 00…01 came first here")
}
