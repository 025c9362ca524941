package errorkeep

import (
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
	forEachSpan(out, func(span ptrace.Span) {
		span.TraceState().FromRaw(withThreshold(span.TraceState().AsRaw(), 0))
	})
	return out
}

func decodeGroups(t *testing.T, groups []*traceGroup) ptrace.Traces {
	t.Helper()
	var kept keptTraces
	for _, g := range groups {
		kept.addGroup(g, 0)
	}
	td, _, err := kept.decode(nil, nil)
	require.NoError(t, err)
	return td
}

func TestCutAndDecodeGiveBackEverySpan(t *testing.T) {
	in := richBatch()
	want := flatSpans(t, withThresholds(in))
	perTrace := spantest.SpansByTrace(in)
	rules := newKeepRules(defaultConfig())
	groups, err := cutBatch(in, &rules, newCutScratch())
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
