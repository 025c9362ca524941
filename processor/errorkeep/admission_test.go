package errorkeep

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func TestMemoryPressureDecidesEarlyWithinByteBound(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.MaxBufferedBytes = 64 << 10
	p, sink, _ := newTestProcessor(t, cfg)
	ctx := context.Background()
	big := strings.Repeat("x", 1024)
	for i := 0; i < 500; i++ {
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(traceID(uint64(100+i)), spanSpec{span: 1, err: i%5 == 0, attrs: map[string]any{"blob": big}})))
		assert.LessOrEqual(t, p.adm.buffer.bytes, cfg.MaxBufferedBytes, "after trace %d", i)
	}
	// Errors decided early are still kept, whole.
	assert.Len(t, keptSpansByTrace(sink), 100-p.bufferedErrors())
}

func (p *errorKeepProcessor) bufferedErrors() int {
	n := 0
	for _, t := range p.adm.buffer.traces {
		if r, _ := p.adm.decider.rules.keep(t.id, &t.summary); r.String() == "error" {
			n++
		}
	}
	return n
}

func TestOneHugeTraceDoesNotEvictEverything(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.MaxBufferedBytes = 256 << 10
	p, sink, _ := newTestProcessor(t, cfg)
	ctx := context.Background()
	for i := 0; i < 20; i++ {
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(traceID(uint64(1000+i)), spanSpec{span: 1})))
	}
	huge := traceID(1)
	blob := strings.Repeat("y", 4096)
	for i := 0; i < 100; i++ {
		require.NoError(t, p.ConsumeTraces(ctx, traceOf(huge, spanSpec{span: uint64(i + 1), parent: 1, err: i == 0, attrs: map[string]any{"blob": blob}})))
		assert.LessOrEqual(t, p.adm.buffer.bytes, cfg.MaxBufferedBytes)
	}
	assert.Equal(t, 100, keptSpansByTrace(sink)[huge], "the huge error trace arrives whole")
	assert.GreaterOrEqual(t, p.adm.buffer.len(), 1)
}

func TestMaxTracesBound(t *testing.T) {
	cfg := defaultConfig()
	cfg.MaxTraces = 10
	p, _, _ := newTestProcessor(t, cfg)
	for i := 0; i < 50; i++ {
		require.NoError(t, p.ConsumeTraces(context.Background(), traceOf(traceID(uint64(i+1)), spanSpec{span: 1})))
		assert.LessOrEqual(t, p.adm.buffer.len(), 10)
	}
}

// take cuts td and takes it in, as the processor does under its lock.
func take(t *testing.T, a *admission, ps *pass, td ptrace.Traces) {
	t.Helper()
	scratch := newCutScratch()
	_, err := cutBatch(td, &a.decider.rules, scratch)
	require.NoError(t, err)
	require.NoError(t, a.take(ps, scratch))
}

// Admission alone, without the processor: it buffers what waits, decides through
// the decider, and routes late spans by the decision remembered.
func TestAdmissionBuffersDecidesAndFollowsLateSpans(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	a := newAdmission(cfg)
	failing, healthy := traceID(1), traceID(2)
	batch := traceOf(failing, spanSpec{span: 1, err: true})
	traceOf(healthy, spanSpec{span: 1}).ResourceSpans().MoveAndAppendTo(batch.ResourceSpans())

	ps := &pass{now: t0}
	take(t, &a, ps, batch)
	assert.Equal(t, 2, a.buffer.len())
	assert.True(t, ps.kept.empty())

	ps = &pass{now: t0.Add(cfg.DecisionWait)}
	a.decideDue(ps)
	assert.Zero(t, a.buffer.len())
	assert.Equal(t, int64(1), ps.out.keptTraces[1], "kept for an error")
	assert.Equal(t, int64(1), ps.out.droppedTrace)
	require.Len(t, ps.kept.traces, 1)
	assert.Equal(t, failing, ps.kept.traces[0].id)

	late := traceOf(failing, spanSpec{span: 2, parent: 1})
	traceOf(healthy, spanSpec{span: 2, parent: 1}).ResourceSpans().MoveAndAppendTo(late.ResourceSpans())
	ps = &pass{now: t0.Add(time.Minute)}
	take(t, &a, ps, late)
	assert.Zero(t, a.buffer.len(), "late spans are not buffered")
	assert.Equal(t, int64(1), ps.out.lateKept)
	assert.Equal(t, int64(1), ps.out.lateDropped)
	require.Len(t, ps.kept.traces, 1)
	assert.Equal(t, failing, ps.kept.traces[0].id)
}
