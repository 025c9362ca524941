package errorkeep

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"google.golang.org/protobuf/encoding/protowire"
)

// richBatch has two resources with schema URLs, two scopes each, and three traces
// whose spans interleave, with every kind of span field set.
func richBatch() ptrace.Traces {
	td := ptrace.NewTraces()
	ids := []pcommon.TraceID{traceID(1), traceID(2), traceID(3)}
	n := uint64(0)
	for r := range 2 {
		rs := td.ResourceSpans().AppendEmpty()
		rs.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
		rs.Resource().Attributes().PutStr("service.name", []string{"checkout", "payments"}[r])
		rs.Resource().SetDroppedAttributesCount(uint32(r))
		for s := range 2 {
			ss := rs.ScopeSpans().AppendEmpty()
			ss.SetSchemaUrl("https://example.com/scope")
			ss.Scope().SetName("io.opentelemetry.http")
			ss.Scope().SetVersion([]string{"1.0", "2.0"}[s])
			ss.Scope().Attributes().PutBool("scope.attr", s == 1)
			for k := range 5 {
				n++
				span := ss.Spans().AppendEmpty()
				span.SetTraceID(ids[(k+r+s)%len(ids)])
				var sid pcommon.SpanID
				sid[7] = byte(n)
				span.SetSpanID(sid)
				span.SetParentSpanID(pcommon.SpanID{1})
				span.SetName("GET /orders")
				span.SetKind(ptrace.SpanKindServer)
				span.SetFlags(1)
				span.TraceState().FromRaw("vendor=abc")
				span.SetStartTimestamp(pcommon.NewTimestampFromTime(t0))
				span.SetEndTimestamp(pcommon.NewTimestampFromTime(t0.Add(time.Duration(n) * time.Millisecond)))
				span.Attributes().PutInt("http.response.status_code", 200)
				span.Attributes().PutEmptySlice("list").AppendEmpty().SetDouble(1.5)
				span.Attributes().PutEmptyBytes("raw").FromRaw([]byte{0, 1, 2})
				ev := span.Events().AppendEmpty()
				ev.SetName("retry")
				ev.Attributes().PutStr("attempt", "2")
				link := span.Links().AppendEmpty()
				link.SetTraceID(traceID(99))
				link.SetSpanID(pcommon.SpanID{9})
				span.Status().SetMessage("fine")
				span.SetDroppedAttributesCount(3)
			}
		}
	}
	return td
}

// flatSpans renders every span with its resource and scope as one canonical string,
// sorted: two Traces hold the same spans when their flatSpans are equal, however
// the spans are grouped.
func flatSpans(t *testing.T, td ptrace.Traces) []string {
	t.Helper()
	var out []string
	var m ptrace.JSONMarshaler
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		for j := 0; j < rs.ScopeSpans().Len(); j++ {
			ss := rs.ScopeSpans().At(j)
			for k := 0; k < ss.Spans().Len(); k++ {
				one := ptrace.NewTraces()
				ors := one.ResourceSpans().AppendEmpty()
				rs.Resource().CopyTo(ors.Resource())
				ors.SetSchemaUrl(rs.SchemaUrl())
				oss := ors.ScopeSpans().AppendEmpty()
				ss.Scope().CopyTo(oss.Scope())
				oss.SetSchemaUrl(ss.SchemaUrl())
				ss.Spans().At(k).CopyTo(oss.Spans().AppendEmpty())
				b, err := m.MarshalTraces(one)
				require.NoError(t, err)
				out = append(out, string(b))
			}
		}
	}
	slices.Sort(out)
	return out
}

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
	perTrace := keptSpansByTraceOf(in)
	c := newClassifier(defaultConfig())
	groups, err := c.cutBatch(in, newCutScratch())
	require.NoError(t, err)
	require.Len(t, groups, 3)
	for _, g := range groups {
		assert.Equal(t, uint32(perTrace[g.id]), g.summary.spans, "spans of %v", g.id)
		assert.Greater(t, len(g.pieces), 1, "interleaved spans give several pieces")
		assert.Same(t, groups[0].slab(), g.slab(), "one slab per batch")
	}
	out := decodeGroups(t, groups)
	assert.Equal(t, want, flatSpans(t, out))
	// Every span has its own trace's ID back, and every trace's spans of one scope
	// are in a ScopeSpans of their own.
	assert.Equal(t, perTrace, keptSpansByTraceOf(out))
	for r := 0; r < out.ResourceSpans().Len(); r++ {
		sss := out.ResourceSpans().At(r).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			assert.Len(t, keptSpansByTraceOf(scopeAlone(sss.At(j))), 1, "one trace per ScopeSpans")
		}
	}
}

// Kept traces that arrived with one resource in one batch, and are decided one
// after another (as traces of one batch are), leave under one ResourceSpans.
func TestKeptTracesOfOneBatchShareTheirResource(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	ss := rs.ScopeSpans().AppendEmpty()
	for i := range 30 {
		span := ss.Spans().AppendEmpty()
		span.SetTraceID(traceID(uint64(i%10 + 1)))
		span.SetName("op")
	}
	want := flatSpans(t, withThresholds(td))
	c := newClassifier(defaultConfig())
	groups, err := c.cutBatch(td, newCutScratch())
	require.NoError(t, err)
	out := decodeGroups(t, groups)
	assert.Equal(t, want, flatSpans(t, out))
	require.Equal(t, 1, out.ResourceSpans().Len(), "one resource, decoded once")
	assert.Equal(t, 10, out.ResourceSpans().At(0).ScopeSpans().Len(), "a ScopeSpans per trace")
	assert.Len(t, keptSpansByTraceOf(out), 10)
}

func scopeAlone(ss ptrace.ScopeSpans) ptrace.Traces {
	td := ptrace.NewTraces()
	ss.CopyTo(td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty())
	return td
}

func TestRepackKeepsEverySpanWithinTheLimit(t *testing.T) {
	in := richBatch()
	want := flatSpans(t, withThresholds(in))
	c := newClassifier(defaultConfig())
	groups, err := c.cutBatch(in, newCutScratch())
	require.NoError(t, err)
	before := groups[0].slab()
	const limit = 2000
	require.NoError(t, repack(groups, limit))
	slabs := map[*slab]bool{}
	for _, g := range groups {
		s := g.slab()
		require.NotSame(t, before, s)
		for _, pc := range g.pieces {
			assert.Same(t, s, pc.slab, "a group's pieces share one slab")
		}
		slabs[s] = true
	}
	assert.Greater(t, len(slabs), 1, "the limit splits the batch")
	for s := range slabs {
		if s.size() > limit {
			// Only a slab holding a single group may pass the limit.
			holders := 0
			for _, g := range groups {
				if g.slab() == s {
					holders++
				}
			}
			assert.Equal(t, 1, holders)
		}
	}
	assert.Equal(t, want, flatSpans(t, decodeGroups(t, groups)))
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
	s := p.buffer.get(traceID(1)).pieces.first.slab
	assert.Equal(t, s.size()+3*perTraceOverhead, p.buffer.bytes)

	// Deciding two of the three traces frees nothing: the third still points into the slab.
	p.mu.Lock()
	var kept keptTraces
	var out outcome
	p.decideLocked(p.buffer.get(traceID(1)), clock.Now(), &kept, &out)
	p.decideLocked(p.buffer.get(traceID(2)), clock.Now(), &kept, &out)
	assert.Equal(t, s.size()+perTraceOverhead, p.buffer.bytes)
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

// A batch as an SDK sends it: one resource, one scope, many traces. Putting a trace
// back together reads its resource and scope where cut noted they are, without
// walking past the other traces' spans (that would make the work grow with the
// square of the batch).
func TestHeadersAreFoundWithoutWalkingOtherSpans(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.SetSchemaUrl("https://example.com/scope")
	ss.Scope().SetName("io.opentelemetry.http")
	for i := range 2000 {
		span := ss.Spans().AppendEmpty()
		span.SetTraceID(traceID(uint64(i + 1)))
		span.SetName("op")
	}
	want := flatSpans(t, withThresholds(td))
	c := newClassifier(defaultConfig())
	groups, err := c.cutBatch(td, newCutScratch())
	require.NoError(t, err)
	require.Len(t, groups, 2000)

	s := groups[0].slab()
	require.Len(t, s.tails, 2, "one ResourceSpans and one ScopeSpans")
	last := groups[len(groups)-1].pieces[0]
	tail, err := s.tailOf(last.ss)
	require.NoError(t, err)
	assert.Equal(t, last.end, tail, "the scope's header fields start right after its last span")
	assert.Equal(t, want, flatSpans(t, decodeGroups(t, groups)))
}

// nextField's inline paths agree with protowire's on every field shape a slab holds.
func TestNextFieldReadsEveryShape(t *testing.T) {
	for _, n := range []int{0, 1, 127, 128, 300, 16383, 16384, 70000} {
		var data []byte
		data = protowire.AppendTag(data, 2, protowire.BytesType)
		data = protowire.AppendVarint(data, uint64(n))
		data = append(data, make([]byte, n)...)
		data = protowire.AppendTag(data, 7, protowire.VarintType)
		data = protowire.AppendVarint(data, 1<<40)
		data = protowire.AppendTag(data, 8, protowire.Fixed64Type)
		data = protowire.AppendFixed64(data, 1)

		num, body, next, err := nextField(data, 0, len(data))
		require.NoError(t, err, "length %d", n)
		assert.Equal(t, protowire.Number(2), num)
		assert.Equal(t, n, next-body)
		num, body, next2, err := nextField(data, next, len(data))
		require.NoError(t, err)
		assert.Equal(t, protowire.Number(7), num)
		assert.Equal(t, -1, body)
		_, _, end, err := nextField(data, next2, len(data))
		require.NoError(t, err)
		assert.Equal(t, len(data), end)

		_, _, _, err = nextField(data[:next-1], 0, next-1)
		assert.ErrorIs(t, err, errMalformedSlab, "a length past the end, %d", n)
	}
}
