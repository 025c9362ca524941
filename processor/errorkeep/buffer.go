package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// bufferedTrace holds one undecided trace. Spans are kept as OTLP protobuf chunks,
// one per arriving batch: several times smaller than in-memory pdata, and exactly
// measurable, which is what lets the buffer be bounded in bytes. Times are Unix
// nanoseconds and the two arrival-order lists are threaded through the struct itself:
// with a hundred thousand traces buffered, every byte per trace counts.
type bufferedTrace struct {
	id           pcommon.TraceID
	summary      traceSummary
	chunks       [][]byte
	bytes        int64
	firstSeen    int64 // Unix ns
	rootDeadline int64 // Unix ns; 0 until a root span arrived
	order        links // in traceBuffer.order
	roots        links // in traceBuffer.roots, once a root span arrived
}

// links are a trace's neighbours in one of the buffer's FIFO lists.
type links struct{ prev, next *bufferedTrace }

// fifo is an intrusive first-in, first-out list of traces; at says which links of a
// trace it uses.
type fifo struct {
	head, tail *bufferedTrace
	at         func(*bufferedTrace) *links
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
	bytes  int64
}

// perTraceOverhead approximates what the map entry and struct cost, so that many tiny
// traces count against max_buffered_bytes too.
const perTraceOverhead = 256

func newTraceBuffer() traceBuffer {
	return traceBuffer{
		traces: make(map[pcommon.TraceID]*bufferedTrace),
		order:  fifo{at: func(t *bufferedTrace) *links { return &t.order }},
		roots:  fifo{at: func(t *bufferedTrace) *links { return &t.roots }},
	}
}

func (b *traceBuffer) len() int { return len(b.traces) }

func (b *traceBuffer) get(id pcommon.TraceID) *bufferedTrace { return b.traces[id] }

func (b *traceBuffer) add(id pcommon.TraceID, now time.Time) *bufferedTrace {
	t := &bufferedTrace{id: id, firstSeen: now.UnixNano(), bytes: perTraceOverhead}
	b.order.pushBack(t)
	b.traces[id] = t
	b.bytes += perTraceOverhead
	return t
}

func (b *traceBuffer) appendChunk(t *bufferedTrace, chunk []byte, s *traceSummary) {
	t.chunks = append(t.chunks, chunk)
	t.bytes += int64(len(chunk))
	b.bytes += int64(len(chunk))
	t.summary.merge(s)
}

// setRootDeadline records when a trace whose root span arrived becomes due; the
// first root span sets it.
func (b *traceBuffer) setRootDeadline(t *bufferedTrace, deadline time.Time) {
	if t.rootDeadline != 0 {
		return
	}
	t.rootDeadline = deadline.UnixNano()
	b.roots.pushBack(t)
}

func (b *traceBuffer) remove(t *bufferedTrace) {
	b.order.remove(t)
	if t.rootDeadline != 0 {
		b.roots.remove(t)
	}
	delete(b.traces, t.id)
	b.bytes -= t.bytes
}

// oldest returns the trace that arrived first, or nil.
func (b *traceBuffer) oldest() *bufferedTrace { return b.order.head }

// oldestRoot returns the trace whose root-span deadline comes first.
func (b *traceBuffer) oldestRoot() *bufferedTrace { return b.roots.head }
