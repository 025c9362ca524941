package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
)

// traceGroup is the part of an incoming batch that belongs to one trace: where its
// spans are in the batch's slab, and what they show. All of a group's pieces are in
// one slab.
type traceGroup struct {
	id      pcommon.TraceID
	summary traceSummary
	pieces  otlpwire.Pieces
	// stored: the group's spans are in the store's folder (accept wrote them), so
	// the buffer holds no piece of it; storedFrom is the store's segment when accept
	// got to it, a bound below every record its trace writes from then on.
	stored     bool
	storedFrom uint32
}

// cutScratch is what cutting one batch needs, kept for the next batch: a collector
// cuts thousands of batches a second, and allocating these each time was an eighth
// of the processor's allocations.
type cutScratch struct {
	groups  []*traceGroup // in first-seen order; the first len of free are in use
	free    []*traceGroup
	owners  []*otlpwire.Pieces
	pending []*traceGroup      // the groups that follow no decision
	repack  []*otlpwire.Pieces // the pending groups' pieces, when they leave their slab
	index   map[pcommon.TraceID]*traceGroup
}

func newCutScratch() *cutScratch {
	return &cutScratch{index: make(map[pcommon.TraceID]*traceGroup)}
}

func (s *cutScratch) group(id pcommon.TraceID) *traceGroup {
	var g *traceGroup
	if n := len(s.groups); n < len(s.free) {
		g = s.free[n]
		*g = traceGroup{id: id, pieces: otlpwire.Pieces{List: g.pieces.List[:0]}}
	} else {
		g = &traceGroup{id: id}
		s.free = append(s.free, g)
	}
	s.groups = append(s.groups, g)
	s.index[id] = g
	return g
}

// reset forgets the last batch. The slabs its groups pointed to are let go too.
func (s *cutScratch) reset() {
	for _, g := range s.groups {
		g.pieces.Reset()
	}
	clear(s.owners)
	clear(s.pending)
	clear(s.repack)
	s.groups, s.owners, s.pending, s.repack = s.groups[:0], s.owners[:0], s.pending[:0], s.repack[:0]
	clear(s.index)
}

// cutBatch groups td's spans by trace, in first-seen order, and notes what each
// group's spans show for the keep rules; then it encodes td once into a slab and
// points each group at its spans there. It blanks the spans' trace IDs first (the
// processor declares that it mutates its input): a piece always belongs to a known
// trace, so the ID would only be held once more for every span. The groups belong to
// scratch until its next reset.
func cutBatch(td ptrace.Traces, rules *keepRules, scratch *cutScratch) ([]*traceGroup, error) {
	var last *traceGroup
	messages := 0 // ResourceSpans and ScopeSpans, for the slab's table of their tails
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		res := rs.Resource()
		resourceMarks := rules.resourceMarks(res)
		sss := rs.ScopeSpans()
		messages += 1 + sss.Len()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				span := spans.At(k)
				id := span.TraceID()
				g := last
				if g == nil || g.id != id {
					if g = scratch.index[id]; g == nil {
						g = scratch.group(id)
					}
					last = g
				}
				rules.observeSpan(&g.summary, arrival{id: id, span: span, resource: res})
				g.summary.marks |= resourceMarks
				span.SetTraceID(pcommon.NewTraceIDEmpty())
				scratch.owners = append(scratch.owners, &g.pieces)
			}
		}
	}
	var marshaler ptrace.ProtoMarshaler
	data, err := marshaler.MarshalTraces(td)
	if err != nil {
		return nil, err
	}
	if _, err := otlpwire.Cut(data, messages, scratch.owners); err != nil {
		return nil, err
	}
	for _, g := range scratch.groups {
		g.summary.bytes = g.pieces.Bytes
	}
	return scratch.groups, nil
}
