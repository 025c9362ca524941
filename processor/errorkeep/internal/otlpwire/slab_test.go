package otlpwire

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spantest"
)

func traceID(i int) pcommon.TraceID {
	var id pcommon.TraceID
	binary.BigEndian.PutUint64(id[8:], uint64(i)*0x9E3779B97F4A7C15)
	id[0] = byte(i)
	return id
}

func richBatch() ptrace.Traces {
	return spantest.RichBatch([3]pcommon.TraceID{traceID(1), traceID(2), traceID(3)}, traceID(99))
}

// cutTraces encodes td and cuts it as errorkeep does a batch: the pieces of each
// trace, in the order the traces first appear.
func cutTraces(t testing.TB, td ptrace.Traces) []*Pieces {
	t.Helper()
	byID := map[pcommon.TraceID]*Pieces{}
	var traces, owners []*Pieces
	messages := 0
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		messages += 1 + sss.Len()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				p := byID[spans.At(k).TraceID()]
				if p == nil {
					p = &Pieces{}
					byID[spans.At(k).TraceID()] = p
					traces = append(traces, p)
				}
				owners = append(owners, p)
			}
		}
	}
	data, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
	require.NoError(t, err)
	_, err = Cut(data, messages, owners)
	require.NoError(t, err)
	return traces
}

// assemble puts the traces' pieces together, trace k as owner k, and decodes them.
func assemble(t testing.TB, share bool, traces []*Pieces) (ptrace.Traces, *Encoder) {
	t.Helper()
	enc := &Encoder{ShareResources: share}
	for k, p := range traces {
		require.NoError(t, enc.Add(p.List, k))
	}
	td, err := (&ptrace.ProtoUnmarshaler{}).UnmarshalTraces(enc.Encode(nil))
	require.NoError(t, err)
	return td, enc
}

func TestCutAndAssembleGiveBackEverySpan(t *testing.T) {
	in := richBatch()
	traces := cutTraces(t, in)
	require.Len(t, traces, 3)
	perTrace := spantest.SpansByTrace(in)
	for k, p := range traces {
		assert.Equal(t, uint32(perTrace[traceID(k+1)]), p.Spans, "spans of trace %d", k+1)
		assert.Greater(t, len(p.List), 1, "interleaved spans give several pieces")
		assert.Same(t, traces[0].Slab(), p.Slab(), "one slab per batch")
	}
	for _, share := range []bool{false, true} {
		out, enc := assemble(t, share, traces)
		assert.Equal(t, spantest.FlatSpans(t, in), spantest.FlatSpans(t, out))
		// Every trace's spans of one scope are in a ScopeSpans of their own, which
		// Owner names.
		for r := 0; r < out.ResourceSpans().Len(); r++ {
			sss := out.ResourceSpans().At(r).ScopeSpans()
			for j := 0; j < sss.Len(); j++ {
				spans := sss.At(j).Spans()
				want := traceID(enc.Owner(r, j) + 1)
				for k := 0; k < spans.Len(); k++ {
					assert.Equal(t, want, spans.At(k).TraceID())
				}
			}
		}
	}
}

// Traces of one batch with one resource, assembled one after another, leave under
// one ResourceSpans: the resource is decoded, and later exported, once.
func TestTracesOfOneBatchShareTheirResource(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	ss := rs.ScopeSpans().AppendEmpty()
	for i := range 30 {
		span := ss.Spans().AppendEmpty()
		span.SetTraceID(traceID(i%10 + 1))
		span.SetName("op")
	}
	out, _ := assemble(t, true, cutTraces(t, td))
	assert.Equal(t, spantest.FlatSpans(t, td), spantest.FlatSpans(t, out))
	require.Equal(t, 1, out.ResourceSpans().Len(), "one resource, decoded once")
	assert.Equal(t, 10, out.ResourceSpans().At(0).ScopeSpans().Len(), "a ScopeSpans per trace")
}

// Records the store gives back are each an encoding of their own: those whose
// resource is byte for byte the same share one ResourceSpans all the same, and a
// different resource gets its own.
func TestRecordsWithTheSameResourceShareIt(t *testing.T) {
	record := func(service string, id int) []byte {
		td := ptrace.NewTraces()
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr("service.name", service)
		span := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
		span.SetTraceID(traceID(id))
		span.SetName("op")
		data, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
		require.NoError(t, err)
		return data
	}
	var traces []*Pieces
	for i, service := range []string{"checkout", "checkout", "checkout", "payments", "checkout"} {
		p := &Pieces{}
		_, err := CutOne(record(service, i+1), p)
		require.NoError(t, err)
		require.Equal(t, uint32(1), p.Spans)
		traces = append(traces, p)
	}
	out, enc := assemble(t, true, traces)
	require.Equal(t, 3, out.ResourceSpans().Len(), "checkout ×3, payments, checkout")
	assert.Equal(t, 3, out.ResourceSpans().At(0).ScopeSpans().Len())
	assert.Equal(t, 3, enc.Owner(1, 0))
	assert.Equal(t, 4, enc.Owner(2, 0))
	unshared, _ := assemble(t, false, traces)
	assert.Equal(t, 5, unshared.ResourceSpans().Len())
	assert.Equal(t, spantest.FlatSpans(t, unshared), spantest.FlatSpans(t, out))
}

func TestRepackKeepsEverySpanWithinTheLimit(t *testing.T) {
	in := richBatch()
	traces := cutTraces(t, in)
	before := traces[0].Slab()
	const limit = 2000
	require.NoError(t, Repack(traces, limit))
	slabs := map[*Slab]int{}
	for _, p := range traces {
		s := p.Slab()
		require.NotSame(t, before, s)
		for _, pc := range p.List {
			assert.Same(t, s, pc.Slab(), "a trace's pieces share one slab")
		}
		slabs[s]++
	}
	assert.Greater(t, len(slabs), 1, "the limit splits the batch")
	for s, holders := range slabs {
		if s.Size() > limit {
			assert.Equal(t, 1, holders, "only a slab holding a single trace may pass the limit")
		}
	}
	out, _ := assemble(t, true, traces)
	assert.Equal(t, spantest.FlatSpans(t, in), spantest.FlatSpans(t, out))
}

func TestNeedsRepack(t *testing.T) {
	traces := cutTraces(t, richBatch())
	size := traces[0].Slab().Size()
	assert.False(t, NeedsRepack(traces, size*slabShare), "all of a batch, in a large buffer")
	assert.True(t, NeedsRepack(traces[:1], size*slabShare), "a third of a batch is sparse")
	assert.True(t, NeedsRepack(traces, size), "a batch larger than its share of the buffer")
	assert.False(t, NeedsRepack(nil, size))
}

func TestSlabHoldAndRelease(t *testing.T) {
	s := &Slab{}
	assert.False(t, s.Held())
	assert.True(t, s.Hold(), "the first piece held")
	assert.False(t, s.Hold())
	assert.False(t, s.Release())
	assert.True(t, s.Release(), "the last piece let go of")
	assert.False(t, s.Held())
}

// A batch as an SDK sends it: one resource, one scope, many traces. Putting a trace
// back together reads its resource and scope where Cut noted they are, without
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
		span.SetTraceID(traceID(i + 1))
		span.SetName("op")
	}
	traces := cutTraces(t, td)
	require.Len(t, traces, 2000)
	s := traces[0].Slab()
	require.Len(t, s.tails, 2, "one ResourceSpans and one ScopeSpans")
	last := traces[len(traces)-1].List[0]
	tail, err := s.tailOf(last.ss)
	require.NoError(t, err)
	assert.Equal(t, last.end, tail, "the scope's header fields start right after its last span")
	out, _ := assemble(t, true, traces)
	assert.Equal(t, spantest.FlatSpans(t, td), spantest.FlatSpans(t, out))
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
		assert.ErrorIs(t, err, ErrMalformed, "a length past the end, %d", n)
	}
}

// FuzzCutOne: whatever a record holds, cutting and assembling it never panic, and
// what they accept decodes to the spans pdata reads from it. (Records are our own
// encodings; pdata also accepts shapes it never writes, which are refused.)
func FuzzCutOne(f *testing.F) {
	for _, td := range []ptrace.Traces{richBatch(), ptrace.NewTraces()} {
		data, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte{0x0a, 0x05, 0x12, 0x03, 0x12, 0x01, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := (&ptrace.ProtoUnmarshaler{}).UnmarshalTraces(data)
		if err != nil {
			return
		}
		var p Pieces
		if _, err := CutOne(data, &p); err != nil {
			return // pdata accepts encodings a slab never is (fields out of order)
		}
		assert.Equal(t, uint32(want.SpanCount()), p.Spans)
		enc := Encoder{ShareResources: true}
		if err := enc.Add(p.List, 0); err != nil {
			require.ErrorIs(t, err, ErrMalformed)
			return
		}
		out, err := (&ptrace.ProtoUnmarshaler{}).UnmarshalTraces(enc.Encode(nil))
		require.NoError(t, err)
		assert.Equal(t, want.SpanCount(), out.SpanCount())
	})
}
