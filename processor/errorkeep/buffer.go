package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"math"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
)

// bufferedTrace holds one undecided trace: where its spans are (pieces of the
// slabs of the batches they came in, or records in the store's folder) and what they
// showed. Times are Unix nanoseconds and the two arrival-order lists are threaded
// through the struct itself: with a hundred thousand traces buffered, every byte per
// trace counts (this is 128, a size class of its own).
type bufferedTrace struct {
	id        pcommon.TraceID
	summary   traceSummary
	pieces    pieceList
	firstSeen int64 // Unix ns
	order     links // in traceBuffer.order
	roots     links // in traceBuffer.roots, once a root span arrived
	// rootGraceMs is when the root span's grace ends, in ms after firstSeen, plus one;
	// 0 until a root span arrived. (32 bits: a trace waiting 49 days is due anyway.)
	rootGraceMs uint32
	// storedFrom is the store's segment when the trace was first accepted: its
	// records in the folder are there or in newer segments, which the store keeps
	// until it is decided. Whether any are is the summary's flagInStore.
	storedFrom uint32
}

// rootDeadline is when the root span's grace ends, Unix ns; 0 until a root span
// arrived.
func (t *bufferedTrace) rootDeadline() int64 {
	if t.rootGraceMs == 0 {
		return 0
	}
	return t.firstSeen + int64(t.rootGraceMs-1)*int64(time.Millisecond)
}

// pieceList holds a trace's pieces: most traces arrive in one batch, so the first
// piece is inline and only later ones cost an allocation.
type pieceList struct {
	first otlpwire.Piece
	rest  *[]otlpwire.Piece
}

func (l *pieceList) push(pc otlpwire.Piece) {
	switch {
	case l.first.Slab() == nil:
		l.first = pc
	case l.rest == nil:
		l.rest = &[]otlpwire.Piece{pc}
	default:
		*l.rest = append(*l.rest, pc)
	}
}

// appendTo appends the pieces of the list to dst.
func (l *pieceList) appendTo(dst []otlpwire.Piece) []otlpwire.Piece {
	if l.first.Slab() == nil {
		return dst
	}
	dst = append(dst, l.first)
	if l.rest != nil {
		dst = append(dst, *l.rest...)
	}
	return dst
}

// links are a trace's neighbours in one of the buffer's FIFO lists.
type links struct{ prev, next *bufferedTrace }

// fifo is an intrusive first-in, first-out list of traces; byRoot says which links
// of a trace it uses (a flag rather than a function: this runs for every trace).
type fifo struct {
	head, tail *bufferedTrace
	byRoot     bool
}

func (f *fifo) at(t *bufferedTrace) *links {
	if f.byRoot {
		return &t.roots
	}
	return &t.order
}

func (f *fifo) pushBack(t *bufferedTrace) {
	l := f.at(t)
	l.prev, l.next = f.tail, nil
	if f.tail != nil {
		f.at(f.tail).next = t
	} else {
		f.head = t
	}
	f.tail = t
}

func (f *fifo) remove(t *bufferedTrace) {
	l := f.at(t)
	if l.prev != nil {
		f.at(l.prev).next = l.next
	} else {
		f.head = l.next
	}
	if l.next != nil {
		f.at(l.next).prev = l.prev
	} else {
		f.tail = l.prev
	}
	l.prev, l.next = nil, nil
}

// traceBuffer is the set of undecided traces in arrival order. Not safe for
// concurrent use: the processor holds its lock. Both deadlines (first span +
// decision_wait, root span + grace) grow with arrival time, so two FIFO lists
// give the due traces without scanning the rest.
type traceBuffer struct {
	traces map[pcommon.TraceID]*bufferedTrace
	order  fifo // by first span, oldest first
	roots  fifo // by root span arrival, oldest first
	// bytes is every slab a buffered trace points into, whole, plus perTraceOverhead
	// per trace: the memory held. Spans in the store's folder do not count here.
	bytes int64
}

// perTraceOverhead is what a trace's entry costs beyond its spans (the struct, 128
// bytes, its map slot, its later pieces), rounded up, so that many tiny traces
// count against max_buffered_bytes too.
const perTraceOverhead = 256

func newTraceBuffer() traceBuffer {
	return traceBuffer{
		traces: make(map[pcommon.TraceID]*bufferedTrace),
		roots:  fifo{byRoot: true},
	}
}

func (b *traceBuffer) len() int { return len(b.traces) }

func (b *traceBuffer) get(id pcommon.TraceID) *bufferedTrace { return b.traces[id] }

func (b *traceBuffer) add(id pcommon.TraceID, now time.Time) *bufferedTrace {
	t := &bufferedTrace{id: id, firstSeen: now.UnixNano()}
	b.order.pushBack(t)
	b.traces[id] = t
	b.bytes += perTraceOverhead
	return t
}

// newBytes is what holding g would add to the memory held: its slab, when no
// buffered trace points into it yet and g is not in the store's folder.
func (b *traceBuffer) newBytes(g *traceGroup) int64 {
	if s := g.pieces.Slab(); !g.stored && s != nil && !s.Held() {
		return s.Size()
	}
	return 0
}

// hold adds g and what it showed to t: its pieces, or when it is in the store's
// folder, only that it is there.
func (b *traceBuffer) hold(t *bufferedTrace, g *traceGroup) {
	t.summary.merge(&g.summary)
	if g.stored {
		t.summary.flags |= flagInStore
		return
	}
	for _, pc := range g.pieces.List {
		if pc.Slab().Hold() {
			b.bytes += pc.Slab().Size()
		}
		t.pieces.push(pc)
	}
}

// setRootDeadline records when a trace whose root span arrived becomes due; the
// first root span sets it.
func (b *traceBuffer) setRootDeadline(t *bufferedTrace, deadline time.Time) {
	if t.rootGraceMs != 0 {
		return
	}
	after := max(deadline.UnixNano()-t.firstSeen, 0) / int64(time.Millisecond)
	t.rootGraceMs = uint32(min(after, math.MaxUint32-1)) + 1
	b.roots.pushBack(t)
}

func (b *traceBuffer) remove(t *bufferedTrace) {
	b.order.remove(t)
	if t.rootGraceMs != 0 {
		b.roots.remove(t)
	}
	delete(b.traces, t.id)
	b.bytes -= perTraceOverhead
	if t.pieces.first.Slab() != nil {
		b.release(&t.pieces.first)
	}
	if t.pieces.rest != nil {
		for i := range *t.pieces.rest {
			b.release(&(*t.pieces.rest)[i])
		}
	}
}

// release lets go of one piece; a slab no buffered trace points into stops counting.
func (b *traceBuffer) release(pc *otlpwire.Piece) {
	if pc.Slab().Release() {
		b.bytes -= pc.Slab().Size()
	}
}

// oldest returns the trace that arrived first, or nil.
func (b *traceBuffer) oldest() *bufferedTrace { return b.order.head }

// oldestRoot returns the trace whose root-span deadline comes first.
func (b *traceBuffer) oldestRoot() *bufferedTrace { return b.roots.head }
