package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"container/list"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// bufferedTrace holds one undecided trace. Spans are kept as OTLP protobuf chunks,
// one per arriving batch: several times smaller than in-memory pdata, and exactly
// measurable, which is what lets the buffer be bounded in bytes.
type bufferedTrace struct {
	id           pcommon.TraceID
	summary      traceSummary
	chunks       [][]byte
	bytes        int64
	firstSeen    time.Time
	rootDeadline time.Time     // zero until a root span arrived
	order        *list.Element // in traceBuffer.order
	rootOrder    *list.Element // in traceBuffer.roots, once a root span arrived
}

// traceBuffer is the set of undecided traces in arrival order. Not safe for
// concurrent use: the processor holds its lock. Both deadlines (first span +
// decision_wait, root span + grace) grow with arrival time, so two FIFO lists
// give the due traces without scanning the rest.
type traceBuffer struct {
	traces map[pcommon.TraceID]*bufferedTrace
	order  *list.List // by first span, oldest first
	roots  *list.List // by root span arrival, oldest first
	bytes  int64
}

// perTraceOverhead approximates what the map entry, list element and struct cost,
// so that many tiny traces count against max_buffered_bytes too.
const perTraceOverhead = 256

func newTraceBuffer() traceBuffer {
	return traceBuffer{traces: make(map[pcommon.TraceID]*bufferedTrace), order: list.New(), roots: list.New()}
}

func (b *traceBuffer) len() int { return len(b.traces) }

func (b *traceBuffer) get(id pcommon.TraceID) *bufferedTrace { return b.traces[id] }

func (b *traceBuffer) add(id pcommon.TraceID, now time.Time) *bufferedTrace {
	t := &bufferedTrace{id: id, firstSeen: now, bytes: perTraceOverhead}
	t.order = b.order.PushBack(t)
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
	if t.rootOrder != nil {
		return
	}
	t.rootDeadline = deadline
	t.rootOrder = b.roots.PushBack(t)
}

func (b *traceBuffer) remove(t *bufferedTrace) {
	b.order.Remove(t.order)
	if t.rootOrder != nil {
		b.roots.Remove(t.rootOrder)
	}
	delete(b.traces, t.id)
	b.bytes -= t.bytes
}

func (b *traceBuffer) oldest() *bufferedTrace { return front(b.order) }

// oldestRoot returns the trace whose root-span deadline comes first.
func (b *traceBuffer) oldestRoot() *bufferedTrace { return front(b.roots) }

func front(l *list.List) *bufferedTrace {
	if e := l.Front(); e != nil {
		return e.Value.(*bufferedTrace)
	}
	return nil
}
