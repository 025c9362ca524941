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
	rootDeadline time.Time // zero until a root span arrived
	order        *list.Element
}

// traceBuffer is the set of undecided traces in arrival order. Not safe for
// concurrent use: the processor holds its lock.
type traceBuffer struct {
	traces map[pcommon.TraceID]*bufferedTrace
	order  *list.List // oldest first
	bytes  int64
}

// perTraceOverhead approximates what the map entry, list element and struct cost,
// so that many tiny traces count against max_buffered_bytes too.
const perTraceOverhead = 256

func newTraceBuffer() traceBuffer {
	return traceBuffer{traces: make(map[pcommon.TraceID]*bufferedTrace), order: list.New()}
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

func (b *traceBuffer) remove(t *bufferedTrace) {
	b.order.Remove(t.order)
	delete(b.traces, t.id)
	b.bytes -= t.bytes
}

func (b *traceBuffer) oldest() *bufferedTrace {
	if e := b.order.Front(); e != nil {
		return e.Value.(*bufferedTrace)
	}
	return nil
}
