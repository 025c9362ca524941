package errorkeep

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spantest"
)

func richBatch() ptrace.Traces {
	return spantest.RichBatch([3]pcommon.TraceID{traceID(1), traceID(2), traceID(3)}, traceID(99))
}

func flatSpans(t *testing.T, td ptrace.Traces) []string { return spantest.FlatSpans(t, td) }

// withThresholds is td as errorkeep forwards it when it keeps everything: th:0 in
// every tracestate.
func withThresholds(td ptrace.Traces) ptrace.Traces {
	out := ptrace.NewTraces()
	td.CopyTo(out)
	rss := out.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				ts := spans.At(k).TraceState()
				ts.FromRaw(withThreshold(ts.AsRaw(), 0))
			}
		}
	}
	return out
}

func decodeGroups(t *testing.T, groups []*traceGroup) ptrace.Traces {
	t.Helper()
	var kept keptTraces
	for _, g := range groups {
		kept.addGroup(g, 0)
	}
	td, _, err := kept.decode(nil)
	require.NoError(t, err)
	return td
}

func TestCutAndDecodeGiveBackEverySpan(t *testing.T) {
	in := richBatch()
	want := flatSpans(t, withThresholds(in))
	perTrace := spantest.SpansByTrace(in)
	c := newClassifier(defaultConfig())
	groups, err := c.cutBatch(in, newCutScratch())
	require.NoError(t, err)
	require.Len(t, groups, 3)
	for _, g := range groups {
		assert.Equal(t, uint32(perTrace[g.id]), g.summary.spans, "spans of %v", g.id)
		assert.Greater(t, len(g.pieces.List), 1, "interleaved spans give several pieces")
		assert.Same(t, groups[0].pieces.Slab(), g.pieces.Slab(), "one slab per batch")
	}
	out := decodeGroups(t, groups)
	assert.Equal(t, want, flatSpans(t, out))
	// Every span has its own trace's ID back, and every trace's spans of one scope
	// are in a ScopeSpans of their own.
	assert.Equal(t, perTrace, spantest.SpansByTrace(out))
	for r := 0; r < out.ResourceSpans().Len(); r++ {
		sss := out.ResourceSpans().At(r).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			assert.Len(t, spantest.SpansByTrace(scopeAlone(sss.At(j))), 1, "one trace per ScopeSpans")
		}
	}
}

func scopeAlone(ss ptrace.ScopeSpans) ptrace.Traces {
	td := ptrace.NewTraces()
	ss.CopyTo(td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty())
	return td
}

func TestSlabsCountWholeWhileAnyTracePointsIntoThem(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	in := richBatch()
	spans := in.SpanCount()
	require.NoError(t, p.ConsumeTraces(ctx, in))
	require.Equal(t, 3, p.buffer.len())
	s := p.buffer.get(traceID(1)).pieces.first.Slab()
	assert.Equal(t, s.Size()+3*perTraceOverhead, p.buffer.bytes)

	// Deciding two of the three traces frees nothing: the third still points into the slab.
	p.mu.Lock()
	var kept keptTraces
	var out outcome
	p.decideLocked(p.buffer.get(traceID(1)), clock.Now(), &kept, &out)
	p.decideLocked(p.buffer.get(traceID(2)), clock.Now(), &kept, &out)
	assert.Equal(t, s.Size()+perTraceOverhead, p.buffer.bytes)
	p.decideLocked(p.buffer.get(traceID(3)), clock.Now(), &kept, &out)
	assert.Zero(t, p.buffer.bytes)
	p.mu.Unlock()
	require.NoError(t, p.forward(ctx, &kept))
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
	require.Zero(t, p.buffer.len())

	late := ptrace.NewTraces()
	for i := range 50 {
		traceOf(traceID(uint64(i+1)), spanSpec{span: 2, parent: 1, attrs: map[string]any{"k": "v"}}).ResourceSpans().MoveAndAppendTo(late.ResourceSpans())
	}
	traceOf(traceID(1000), spanSpec{span: 1}).ResourceSpans().MoveAndAppendTo(late.ResourceSpans())
	lateSize := (&ptrace.ProtoMarshaler{}).TracesSize(late)
	require.NoError(t, p.ConsumeTraces(ctx, late))
	require.Equal(t, 1, p.buffer.len())
	held := p.buffer.bytes - perTraceOverhead
	assert.Less(t, held, int64(lateSize)/10, "the new trace holds a slab of its own, not the late spans' batch")
}
