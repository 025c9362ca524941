package errorkeep

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadatatest"
)

// storeModes runs a test with the rescue store in memory and in a folder.
func storeModes(t *testing.T, test func(t *testing.T, cfg *Config)) {
	for name, dir := range map[string]func() string{"memory": func() string { return "" }, "folder": t.TempDir} {
		t.Run(name, func(t *testing.T) {
			cfg := defaultConfig()
			cfg.HealthyPercent = 0
			cfg.RootSpanGrace = 0
			cfg.Directory = dir()
			test(t, cfg)
		})
	}
}

// newTelemetryProcessor is newTestProcessor with own metrics recorded in tt.
func newTelemetryProcessor(t *testing.T, cfg *Config, clock *fakeClock) (*errorKeepProcessor, *consumertest.TracesSink, *componenttest.Telemetry) {
	t.Helper()
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	sink := new(consumertest.TracesSink)
	p, err := newErrorKeepProcessor(metadatatest.NewSettings(tt), cfg, sink, withClock(clock.Now))
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, p.Shutdown(context.Background())) })
	return p, sink, tt
}

// thresholdsByTrace lists the tracestates of every span received, per trace.
func thresholdsByTrace(sink *consumertest.TracesSink) map[pcommon.TraceID][]string {
	out := map[pcommon.TraceID][]string{}
	for _, td := range sink.AllTraces() {
		forEachSpan(td, func(s ptrace.Span) { out[s.TraceID()] = append(out[s.TraceID()], s.TraceState().AsRaw()) })
	}
	return out
}

func counted(n int64, attrs ...attribute.KeyValue) []metricdata.DataPoint[int64] {
	attrs = append([]attribute.KeyValue{attribute.String("processor", "errorkeep")}, attrs...)
	return []metricdata.DataPoint[int64]{{Value: n, Attributes: attribute.NewSet(attrs...)}}
}

var ignoreTime = []metricdatatest.Option{metricdatatest.IgnoreTimestamp()}

// A consumer span that fails long after its producer's trace was decided (not kept)
// brings the producer's spans back: the trace arrives whole, every span with th:0,
// and its later spans follow the new decision.
func TestLateErrorSpanBringsItsTraceBackWhole(t *testing.T) {
	storeModes(t, func(t *testing.T, cfg *Config) {
		clock := &fakeClock{now: t0}
		p, sink, tt := newTelemetryProcessor(t, cfg, clock)
		ctx := context.Background()
		id := traceID(21)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1, dur: time.Millisecond}, spanSpec{span: 2, parent: 1, dur: time.Millisecond})))
		clock.Advance(cfg.DecisionWait)
		p.decideDue(ctx, clock.Now())
		require.Zero(t, sink.SpanCount(), "healthy, 0%: not kept")

		clock.Advance(10 * time.Second)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 3, parent: 1, dur: time.Millisecond}))) // healthy, late
		p.decideDue(ctx, clock.Now())
		require.Zero(t, sink.SpanCount(), "a late healthy span follows the decision")

		clock.Advance(20 * time.Second)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 4, parent: 3, dur: time.Millisecond, err: true})))
		assert.Equal(t, map[pcommon.TraceID][]string{id: {"ot=th:0", "ot=th:0", "ot=th:0", "ot=th:0"}}, thresholdsByTrace(sink),
			"the error span and the three spans before it, all with threshold 0")

		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 5, parent: 1, dur: time.Millisecond})))
		assert.Equal(t, 5, sink.SpanCount(), "the trace is kept from then on")

		metadatatest.AssertEqualProcessorErrorkeepTracesRescued(t, tt, counted(1), ignoreTime...)
		metadatatest.AssertEqualProcessorErrorkeepSpansRescued(t, tt, counted(3), ignoreTime...)
		metadatatest.AssertEqualProcessorErrorkeepLateSpansQualified(t, tt, counted(1), ignoreTime...)
		// In memory nothing is left of the trace; a folder keeps the marker saying its
		// late spans were handed on (so a crash does not send them again) until the
		// marker's segment goes.
		held := int64(0)
		if cfg.Directory != "" {
			held = 1
		}
		metadatatest.AssertEqualProcessorErrorkeepRescueTraces(t, tt, counted(held), ignoreTime...)
	})
}

// The root of a long request is exported last, after the decision: it is the slow
// span, so it brings its children back.
func TestLateSlowRootBringsItsChildrenBack(t *testing.T) {
	storeModes(t, func(t *testing.T, cfg *Config) {
		clock := &fakeClock{now: t0}
		p, sink, _ := newTelemetryProcessor(t, cfg, clock)
		ctx := context.Background()
		id := traceID(22)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 2, parent: 1, dur: time.Millisecond}, spanSpec{span: 3, parent: 1, start: time.Second, dur: time.Millisecond})))
		clock.Advance(cfg.DecisionWait)
		p.decideDue(ctx, clock.Now())
		require.Zero(t, sink.SpanCount())
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1, dur: 7 * time.Second})))
		assert.Equal(t, map[pcommon.TraceID]int{id: 3}, keptSpansByTrace(sink))
	})
}

// A late span that qualifies is never dropped, even with rescue off; it then comes
// alone.
func TestLateErrorSpanIsKeptWithRescueOff(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.RescueWindow = 0
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	id := traceID(23)
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1})))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 2, parent: 1, err: true})))
	assert.Equal(t, map[pcommon.TraceID][]string{id: {"ot=th:0"}}, thresholdsByTrace(sink))
}

// A late error span of a trace kept by sampling goes out with threshold 0, and so
// does every later span of the trace: from then on it counts as the error trace it is.
func TestLateErrorSpanOfASampledTraceTurnsItToThresholdZero(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 50
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	id := pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 0xff, 0, 0, 0, 0, 0, 0} // randomness above 50%: sampled
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1})))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 2, parent: 1})))
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 3, parent: 1, err: true})))
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 4, parent: 1})))
	assert.Equal(t, map[pcommon.TraceID][]string{id: {"ot=th:8", "ot=th:8", "ot=th:0", "ot=th:0"}}, thresholdsByTrace(sink))
}

// When the decision cache has forgotten a trace, a late error span starts a new
// decision; that decision keeps it, and the store still brings the rest back.
func TestRescueAfterTheDecisionCacheForgot(t *testing.T) {
	storeModes(t, func(t *testing.T, cfg *Config) {
		cfg.DecisionCacheSize = 1
		clock := &fakeClock{now: t0}
		p, sink, tt := newTelemetryProcessor(t, cfg, clock)
		ctx := context.Background()
		id, other := traceID(25), traceID(26)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1}, spanSpec{span: 2, parent: 1})))
		clock.Advance(time.Second)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(other, spanSpec{span: 1})))
		clock.Advance(cfg.DecisionWait)
		p.decideDue(ctx, clock.Now()) // both decided; the cache remembers only the second
		_, remembered := p.adm.decider.recall(id)
		require.False(t, remembered)

		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 3, parent: 1, err: true})))
		require.Zero(t, sink.SpanCount(), "a new decision waits like any other")
		clock.Advance(cfg.DecisionWait)
		p.decideDue(ctx, clock.Now())
		assert.Equal(t, map[pcommon.TraceID][]string{id: {"ot=th:0", "ot=th:0", "ot=th:0"}}, thresholdsByTrace(sink))
		metadatatest.AssertEqualProcessorErrorkeepTracesRescued(t, tt, counted(1), ignoreTime...)
	})
}

// A rescue after the window has passed finds nothing: the late span is kept alone and
// the miss is counted with its reason.
func TestRescueAfterTheWindowIsCountedAsMissed(t *testing.T) {
	storeModes(t, func(t *testing.T, cfg *Config) {
		cfg.RescueWindow = time.Minute
		clock := &fakeClock{now: t0}
		p, sink, tt := newTelemetryProcessor(t, cfg, clock)
		ctx := context.Background()
		id := traceID(27)
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1})))
		clock.Advance(cfg.DecisionWait)
		p.decideDue(ctx, clock.Now())
		clock.Advance(cfg.RescueWindow)
		p.decideDue(ctx, clock.Now()) // the store lets the segment go
		metadatatest.AssertEqualProcessorErrorkeepRescueBytes(t, tt, counted(0), ignoreTime...)

		require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 2, parent: 1, err: true})))
		assert.Equal(t, map[pcommon.TraceID]int{id: 1}, keptSpansByTrace(sink))
		metadatatest.AssertEqualProcessorErrorkeepRescuesMissed(t, tt, counted(1, attribute.String("reason", "expired")), ignoreTime...)
	})
}
