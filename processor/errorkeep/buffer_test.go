package errorkeep

import (
	"context"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func TestSlabsCountWholeWhileAnyTracePointsIntoThem(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	in := richBatch()
	spans := in.SpanCount()
	require.NoError(t, p.ConsumeTraces(ctx, in))
	require.Equal(t, 3, p.adm.buffer.len())
	s := p.adm.buffer.get(traceID(1)).pieces.first.Slab()
	assert.Equal(t, s.Size()+3*perTraceOverhead, p.adm.buffer.bytes)

	// Deciding two of the three traces frees nothing: the third still points into the slab.
	p.mu.Lock()
	ps := &pass{now: clock.Now()}
	p.adm.decide(ps, p.adm.buffer.get(traceID(1)))
	p.adm.decide(ps, p.adm.buffer.get(traceID(2)))
	assert.Equal(t, s.Size()+perTraceOverhead, p.adm.buffer.bytes)
	p.adm.decide(ps, p.adm.buffer.get(traceID(3)))
	assert.Zero(t, p.adm.buffer.bytes)
	p.mu.Unlock()
	require.NoError(t, p.forward(ctx, ps, p.store()))
	assert.Equal(t, spans, sink.SpanCount())
}

func TestSparseBatchIsRepacked(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	p, _, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	// Decide traces 1..50, then send a batch where they are late and one trace is new.
	first := ptrace.NewTraces()
	for i := range 50 {
		traceOf(traceID(uint64(i+1)), spanSpec{span: 1, attrs: map[string]any{"k": "v"}}).ResourceSpans().MoveAndAppendTo(first.ResourceSpans())
	}
	require.NoError(t, p.ConsumeTraces(ctx, first))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	require.Zero(t, p.adm.buffer.len())

	late := ptrace.NewTraces()
	for i := range 50 {
		traceOf(traceID(uint64(i+1)), spanSpec{span: 2, parent: 1, attrs: map[string]any{"k": "v"}}).ResourceSpans().MoveAndAppendTo(late.ResourceSpans())
	}
	traceOf(traceID(1000), spanSpec{span: 1}).ResourceSpans().MoveAndAppendTo(late.ResourceSpans())
	lateSize := (&ptrace.ProtoMarshaler{}).TracesSize(late)
	require.NoError(t, p.ConsumeTraces(ctx, late))
	require.Equal(t, 1, p.adm.buffer.len())
	held := p.adm.buffer.bytes - perTraceOverhead
	assert.Less(t, held, int64(lateSize)/10, "the new trace holds a slab of its own, not the late spans' batch")
}

// A buffered trace is 128 bytes, a size class of its own: a hundred thousand are
// held at a time.
func TestBufferedTraceFitsItsSizeClass(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(bufferedTrace{}), uintptr(128))
}
