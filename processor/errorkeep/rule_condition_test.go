package errorkeep

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

func TestConditionRule(t *testing.T) {
	cfg := defaultConfig()
	assert.Nil(t, newConditionRule(cfg, 1), "no conditions: off")
	cfg.Conditions = []ConditionConfig{{Attribute: "sampling.priority", Values: []string{"1"}}, {Attribute: "tenant.vip"}}
	r := newConditionRule(cfg, 4).(*conditionRule)
	tests := []struct {
		name  string
		attrs map[string]any
		match bool
	}{
		{"value listed", map[string]any{"sampling.priority": int64(1)}, true},
		{"value not listed", map[string]any{"sampling.priority": int64(0)}, false},
		{"present, any value", map[string]any{"tenant.vip": false}, true},
		{"absent", map[string]any{"tenant": "vip"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			attrs := pcommon.NewMap()
			require.NoError(t, attrs.FromRaw(tt.attrs))
			assert.Equal(t, tt.match, r.matches(attrs))
			res := pcommon.NewResource()
			attrs.CopyTo(res.Attributes())
			want := marks(0)
			if tt.match {
				want = 4
			}
			assert.Equal(t, want, r.resourceMarks(res))
		})
	}
}
