package errorkeep

import (
	"context"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadata"
	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spantest"
)

var t0 = time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)

// fakeClock is the injected time source; tests move it by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func newTestProcessor(t *testing.T, cfg *Config) (*errorKeepProcessor, *consumertest.TracesSink, *fakeClock) {
	t.Helper()
	clock := &fakeClock{now: t0}
	sink := new(consumertest.TracesSink)
	p, err := newErrorKeepProcessor(processortest.NewNopSettings(metadata.Type), cfg, sink, withClock(clock.Now))
	require.NoError(t, err)
	// Started, so that the rescue store is open; the loop's ticks read the same fake
	// clock, so they decide nothing a test has not made due.
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, p.Shutdown(context.Background())) })
	return p, sink, clock
}

func defaultConfig() *Config { return createDefaultConfig().(*Config) }

func traceID(n uint64) pcommon.TraceID {
	var id pcommon.TraceID
	binary.BigEndian.PutUint64(id[:8], n)
	binary.BigEndian.PutUint64(id[8:], n*0x9E3779B97F4A7C15) // spread the random bits
	return id
}

type spanSpec struct {
	span, parent uint64
	start, dur   time.Duration
	err          bool
	attrs        map[string]any
}

// traceOf builds one batch of spans of trace id.
func traceOf(id pcommon.TraceID, specs ...spanSpec) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "svc")
	spans := rs.ScopeSpans().AppendEmpty().Spans()
	for _, s := range specs {
		sp := spans.AppendEmpty()
		sp.SetTraceID(id)
		var sid pcommon.SpanID
		binary.BigEndian.PutUint64(sid[:], s.span)
		sp.SetSpanID(sid)
		if s.parent != 0 {
			var pid pcommon.SpanID
			binary.BigEndian.PutUint64(pid[:], s.parent)
			sp.SetParentSpanID(pid)
		}
		sp.SetName("op")
		sp.SetStartTimestamp(pcommon.NewTimestampFromTime(t0.Add(s.start)))
		sp.SetEndTimestamp(pcommon.NewTimestampFromTime(t0.Add(s.start + s.dur)))
		if s.err {
			sp.Status().SetCode(ptrace.StatusCodeError)
		}
		_ = sp.Attributes().FromRaw(s.attrs)
	}
	return td
}

func keptSpansByTrace(sink *consumertest.TracesSink) map[pcommon.TraceID]int {
	out := map[pcommon.TraceID]int{}
	for _, td := range sink.AllTraces() {
		for id, n := range spantest.SpansByTrace(td) {
			out[id] += n
		}
	}
	return out
}

func TestErrorOnChildSpanKeepsWholeTrace(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.RootSpanGrace = 0
	p, sink, clock := newTestProcessor(t, cfg)
	id := traceID(1)
	ctx := context.Background()
	// Spans of one trace arrive in three batches; only a grandchild fails.
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1, dur: 10 * time.Millisecond})))
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 2, parent: 1, dur: time.Millisecond})))
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 3, parent: 2, dur: time.Millisecond, err: true})))
	healthy := traceID(2)
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(healthy, spanSpec{span: 1, dur: time.Millisecond})))

	clock.Advance(cfg.DecisionWait - time.Nanosecond)
	p.decideDue(ctx, clock.Now())
	assert.Zero(t, sink.SpanCount(), "nothing is decided before decision_wait")

	clock.Advance(time.Nanosecond)
	p.decideDue(ctx, clock.Now())
	assert.Equal(t, map[pcommon.TraceID]int{id: 3}, keptSpansByTrace(sink))
	for _, td := range sink.AllTraces() {
		ts := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).TraceState().AsRaw()
		assert.Equal(t, "ot=th:0", ts, "kept for an error: adjusted count 1")
	}
}

func TestHealthyShareConvergesAndIsConsistent(t *testing.T) {
	const traces = 20000
	cfg := defaultConfig()
	cfg.HealthyPercent = 10
	cfg.RootSpanGrace = 0
	run := func() map[pcommon.TraceID]int {
		p, sink, clock := newTestProcessor(t, cfg)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := 0; i < traces; i++ {
			var id pcommon.TraceID
			binary.BigEndian.PutUint64(id[:8], rng.Uint64())
			binary.BigEndian.PutUint64(id[8:], rng.Uint64())
			require.NoError(t, p.ConsumeTraces(context.Background(), traceOf(id, spanSpec{span: 1, dur: time.Millisecond})))
		}
		clock.Advance(cfg.DecisionWait)
		p.decideDue(context.Background(), clock.Now())
		return keptSpansByTrace(sink)
	}
	first := run()
	kept := float64(len(first))
	expected := traces * cfg.HealthyPercent / 100
	sigma := math.Sqrt(traces * 0.1 * 0.9)
	assert.InDelta(t, expected, kept, 4*sigma, "kept %v of %d", kept, traces)
	assert.Equal(t, first, run(), "two instances given the same traces decide identically")
}

func TestSampledSpansCarryThreshold(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 50
	p, sink, clock := newTestProcessor(t, cfg)
	id := pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 0xff, 0, 0, 0, 0, 0, 0} // randomness above 50%
	require.NoError(t, p.ConsumeTraces(context.Background(), traceOf(id, spanSpec{span: 1, dur: time.Millisecond})))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(context.Background(), clock.Now())
	require.Equal(t, 1, sink.SpanCount())
	ts := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).TraceState().AsRaw()
	assert.Equal(t, "ot=th:8", ts)
}

func TestLateSpansFollowTheDecision(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	kept, dropped := traceID(10), traceID(11)
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(kept, spanSpec{span: 1, err: true})))
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(dropped, spanSpec{span: 1})))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	require.Equal(t, 1, sink.SpanCount())

	// Late spans: the kept trace's go straight through; the dropped trace's healthy
	// ones stay dropped.
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(kept, spanSpec{span: 2, parent: 1})))
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(dropped, spanSpec{span: 2, parent: 1})))
	assert.Equal(t, map[pcommon.TraceID]int{kept: 2}, keptSpansByTrace(sink))
	assert.Zero(t, p.adm.buffer.len())
}

func TestRootSpanDecidesEarly(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(traceID(20), spanSpec{span: 2, parent: 1, err: true})))
	clock.Advance(time.Second)
	p.decideDue(ctx, clock.Now())
	assert.Zero(t, sink.SpanCount(), "no root yet")
	require.NoError(t, p.ConsumeTraces(ctx, traceOf(traceID(20), spanSpec{span: 1})))
	clock.Advance(cfg.RootSpanGrace)
	p.decideDue(ctx, clock.Now())
	assert.Equal(t, 2, sink.SpanCount(), "decided at root + grace, before decision_wait")
}

func TestShutdownFlushesIdempotentlyAndHonoursDeadline(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.DecisionWait = time.Hour
	sink := new(consumertest.TracesSink)
	p, err := newErrorKeepProcessor(processortest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeTraces(context.Background(), traceOf(traceID(5), spanSpec{span: 1, err: true}, spanSpec{span: 2, parent: 1})))
	require.NoError(t, p.Shutdown(context.Background()))
	assert.Equal(t, 2, sink.SpanCount(), "shutdown decided and flushed the buffered error trace")
	require.NoError(t, p.Shutdown(context.Background()))

	// A next consumer that blocks cannot hold shutdown past its deadline.
	blocking := &blockingConsumer{release: make(chan struct{})}
	defer close(blocking.release)
	q, err := newErrorKeepProcessor(processortest.NewNopSettings(metadata.Type), cfg, blocking)
	require.NoError(t, err)
	require.NoError(t, q.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, q.ConsumeTraces(context.Background(), traceOf(traceID(6), spanSpec{span: 1, err: true})))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, q.Shutdown(ctx), context.DeadlineExceeded)
}

type blockingConsumer struct {
	consumertest.TracesSink
	release chan struct{}
}

func (b *blockingConsumer) ConsumeTraces(ctx context.Context, _ ptrace.Traces) error {
	select {
	case <-b.release:
	case <-ctx.Done():
	}
	return ctx.Err()
}

func TestShutdownWithoutStart(t *testing.T) {
	p, err := newErrorKeepProcessor(processortest.NewNopSettings(metadata.Type), defaultConfig(), consumertest.NewNop())
	require.NoError(t, err)
	require.NoError(t, p.Shutdown(context.Background()))
	require.NoError(t, p.Shutdown(context.Background()))
}
