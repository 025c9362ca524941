package errorkeep

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

func TestKeepRules(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Config)
		spans  []spanSpec
		keep   bool
	}{
		{name: "slow span", spans: []spanSpec{{span: 1, dur: 3 * time.Second}}, keep: true},
		{name: "slow trace of fast spans", spans: []spanSpec{{span: 1, dur: time.Second}, {span: 2, parent: 1, start: 1500 * time.Millisecond, dur: time.Second}}, keep: true},
		{name: "fast", spans: []spanSpec{{span: 1, dur: time.Second}}, keep: false},
		{name: "http 503", spans: []spanSpec{{span: 1, attrs: map[string]any{"http.response.status_code": int64(503)}}}, keep: true},
		{name: "legacy http 500 as string", spans: []spanSpec{{span: 1, attrs: map[string]any{"http.status_code": "500"}}}, keep: true},
		{name: "http 404", spans: []spanSpec{{span: 1, attrs: map[string]any{"http.response.status_code": int64(404)}}}, keep: false},
		{name: "http floor 400", mutate: func(c *Config) { c.HTTPStatusFloor = 400 }, spans: []spanSpec{{span: 1, attrs: map[string]any{"http.response.status_code": int64(404)}}}, keep: true},
		{
			name: "condition with value",
			mutate: func(c *Config) {
				c.Conditions = []ConditionConfig{{Attribute: "sampling.priority", Values: []string{"1"}}}
			},
			spans: []spanSpec{{span: 1, attrs: map[string]any{"sampling.priority": int64(1)}}}, keep: true,
		},
		{
			name:   "condition presence",
			mutate: func(c *Config) { c.Conditions = []ConditionConfig{{Attribute: "tenant.vip"}} },
			spans:  []spanSpec{{span: 1, attrs: map[string]any{"tenant.vip": true}}}, keep: true,
		},
		{name: "latency off", mutate: func(c *Config) { c.LatencyThreshold = 0 }, spans: []spanSpec{{span: 1, dur: time.Hour}}, keep: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig()
			cfg.HealthyPercent = 0
			if tt.mutate != nil {
				tt.mutate(cfg)
			}
			require.NoError(t, cfg.Validate())
			p, sink, clock := newTestProcessor(t, cfg)
			require.NoError(t, p.ConsumeTraces(context.Background(), traceOf(traceID(7), tt.spans...)))
			clock.Advance(cfg.DecisionWait)
			p.decideDue(context.Background(), clock.Now())
			assert.Equal(t, tt.keep, sink.SpanCount() == len(tt.spans))
		})
	}
}

func TestExceptionEventKeeps(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	p, sink, clock := newTestProcessor(t, cfg)
	td := traceOf(traceID(3), spanSpec{span: 1})
	td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Events().AppendEmpty().SetName("exception")
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(context.Background(), clock.Now())
	assert.Equal(t, 1, sink.SpanCount())
}

// allRulesOn is a config that turns every registered rule on.
func allRulesOn() *Config {
	cfg := defaultConfig()
	cfg.Conditions = []ConditionConfig{{Attribute: "tenant.vip"}}
	return cfg
}

// Every registered rule has a unique name, a constructor, a mark bit of its own that
// fits a summary, and is built when its config turns it on: a rule cannot be added
// to one list and missed by another.
func TestRuleRegistryIsComplete(t *testing.T) {
	require.LessOrEqual(t, len(keepRuleRegistry), maxRules, "a summary's marks have room for %d rules", maxRules)
	seen := map[string]bool{"none": true}
	for i, entry := range keepRuleRegistry {
		assert.NotEmpty(t, entry.reason, "rule %d", i)
		assert.False(t, seen[entry.reason], "reason %q registered twice (or shadows none)", entry.reason)
		seen[entry.reason] = true
		require.NotNil(t, entry.build, entry.reason)
		assert.NotNil(t, entry.build(allRulesOn(), marks(1)<<i), "%s: on in allRulesOn", entry.reason)
		assert.Equal(t, entry.reason, keepReason(i+1).String())
	}
	rules := newKeepRules(allRulesOn())
	assert.Len(t, rules.rules, len(keepRuleRegistry))
	for i, r := range rules.onItsOwn {
		assert.True(t, keepRuleRegistry[rules.reasons[r]-1].onItsOwn, "rule %d judges late spans on its own", i)
	}
}

// The keep reasons are the metric attribute's values: metadata.yaml declares the
// same list, and the missed-rescue reasons apart, under the same attribute name.
func TestMetadataDeclaresEveryReason(t *testing.T) {
	md, err := confmaptest.LoadConf("metadata.yaml")
	require.NoError(t, err)
	enum := func(attr string) []string {
		var out []string
		for _, v := range md.Get("attributes::" + attr + "::enum").([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	var reasons []string
	for _, entry := range keepRuleRegistry {
		reasons = append(reasons, entry.reason)
	}
	assert.Equal(t, reasons, enum("keep_reason"))
	assert.Equal(t, spanstore.ReasonNames[:], enum("rescue_miss_reason"))
	assert.Equal(t, "reason", md.Get("attributes::keep_reason::name_override"))
	assert.Equal(t, "reason", md.Get("attributes::rescue_miss_reason::name_override"))
}

// A resource that satisfies a rule gives every span under it the rule's mark.
func TestResourceMarksEverySpanUnderIt(t *testing.T) {
	rules := newKeepRules(allRulesOn())
	td := traceOf(traceID(1), spanSpec{span: 1})
	td.ResourceSpans().At(0).Resource().Attributes().PutBool("tenant.vip", true)
	s := summaryOf(&rules, td)
	reason, _ := rules.keep(traceID(1), &s)
	assert.Equal(t, "condition", reason.String())
	assert.Equal(t, "condition", rules.qualifies(traceID(1), &s).String(), "a late span under that resource qualifies on its own")
}

// Noting a span costs no allocation, with every rule on: it runs for every span.
func TestObservingASpanDoesNotAllocate(t *testing.T) {
	rules := newKeepRules(allRulesOn())
	td := traceOf(traceID(1), spanSpec{span: 1, attrs: map[string]any{"http.response.status_code": int64(200), "tenant": "a"}})
	span := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	span.TraceState().FromRaw("ot=th:0;rv:abcdefabcdefab")
	res := td.ResourceSpans().At(0).Resource()
	var s traceSummary
	allocs := testing.AllocsPerRun(1000, func() {
		s = traceSummary{}
		rules.observeSpan(&s, arrival{id: traceID(1), span: span, resource: res})
		s.marks |= rules.resourceMarks(res)
	})
	assert.Zero(t, allocs)
}
