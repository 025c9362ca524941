package errorkeep

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestLatencyRule(t *testing.T) {
	cfg := defaultConfig() // 2s
	tests := []struct {
		name  string
		spans []spanSpec
		keep  bool
	}{
		{"fast", []spanSpec{{span: 1, dur: time.Second}}, false},
		{"one slow span", []spanSpec{{span: 1, dur: 2 * time.Second}}, true},
		{"fast spans over a slow trace", []spanSpec{{span: 1, dur: time.Second}, {span: 2, start: 1500 * time.Millisecond, dur: time.Second}}, true},
		{"end before start", []spanSpec{{span: 1, start: time.Hour, dur: -time.Hour}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := keepRules{rules: []keepRule{newLatencyRule(cfg, 1)}, reasons: []keepReason{2}}
			s := summaryOf(&rules, traceOf(traceID(1), tt.spans...))
			_, keep := rules.rules[0].keeps(traceID(1), &s)
			assert.Equal(t, tt.keep, keep)
		})
	}
	cfg.LatencyThreshold = 0
	assert.Nil(t, newLatencyRule(cfg, 1), "latency_threshold 0 turns the rule off")
}
