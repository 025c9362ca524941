package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
)

// keptTraces collects the traces a pass kept, so that their spans are put together
// and decoded in one go, after the processor's lock is released.
type keptTraces struct {
	traces []keptTrace
	pieces []otlpwire.Piece
}

type keptTrace struct {
	id       pcommon.TraceID
	decision decision // its threshold is written to every span's tracestate
	from, to int      // its pieces in memory, in keptTraces.pieces
	// stored are OTLP encodings of its spans the store gave back (trace IDs blank):
	// the spans it had in the folder, and those rescued.
	stored [][]byte
}

func (k *keptTraces) addTrace(t *bufferedTrace, d decision) {
	from := len(k.pieces)
	k.pieces = t.pieces.appendTo(k.pieces)
	k.traces = append(k.traces, keptTrace{id: t.id, decision: d, from: from, to: len(k.pieces)})
}

func (k *keptTraces) addGroup(g *traceGroup, d decision) {
	from := len(k.pieces)
	k.pieces = append(k.pieces, g.pieces.List...)
	k.traces = append(k.traces, keptTrace{id: g.id, decision: d, from: from, to: len(k.pieces)})
}

// addStored adds what the store gave back of trace id: to the trace added last
// when that is id, as it is when a decision keeps a trace, or on its own.
func (k *keptTraces) addStored(id pcommon.TraceID, d decision, payloads [][]byte) {
	if n := len(k.traces); n > 0 && k.traces[n-1].id == id && k.traces[n-1].decision == d {
		k.traces[n-1].stored = append(k.traces[n-1].stored, payloads...)
		return
	}
	k.traces = append(k.traces, keptTrace{id: id, decision: d, from: len(k.pieces), to: len(k.pieces), stored: payloads})
}

func (k *keptTraces) empty() bool { return len(k.traces) == 0 }

// reset forgets what was kept, keeping the lists' room; the slabs and records they
// pointed to are let go.
func (k *keptTraces) reset() {
	clear(k.traces)
	clear(k.pieces)
	k.traces, k.pieces = k.traces[:0], k.pieces[:0]
}

// decode puts the kept spans together into one OTLP encoding in buf, those of one
// resource under one ResourceSpans, decodes it once and gives every span back its
// trace ID and the trace's sampling threshold. What the store gave back joins in:
// each record is cut like a batch, so it costs no decode of its own.
// Decoding copies everything out, so buf can be used again afterwards; the buffer
// used is returned for that.
func (k *keptTraces) decode(buf []byte, reasons *reasonRecorder) (ptrace.Traces, []byte, error) {
	if len(k.traces) == 0 {
		return ptrace.NewTraces(), buf, nil
	}
	enc := otlpwire.Encoder{ShareResources: true}
	for i := range k.traces {
		kt := &k.traces[i]
		if err := enc.Add(k.pieces[kt.from:kt.to], i); err != nil {
			return ptrace.Traces{}, buf, err
		}
		if len(kt.stored) == 0 {
			continue
		}
		var stored otlpwire.Pieces
		for r := len(kt.stored) - 1; r >= 0; r-- { // oldest first, as they arrived
			if _, err := otlpwire.CutOne(kt.stored[r], &stored); err != nil {
				return ptrace.Traces{}, buf, err
			}
		}
		if err := enc.Add(stored.List, i); err != nil {
			return ptrace.Traces{}, buf, err
		}
	}
	buf = enc.Encode(buf)
	var unmarshaler ptrace.ProtoUnmarshaler
	td, err := unmarshaler.UnmarshalTraces(buf)
	if err != nil {
		return ptrace.Traces{}, buf, err
	}
	var ts traceStateRewriter
	rss := td.ResourceSpans()
	for r := 0; r < rss.Len(); r++ {
		sss := rss.At(r).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			kt := &k.traces[enc.Owner(r, j)]
			spans := sss.At(j).Spans()
			for s := 0; s < spans.Len(); s++ {
				span := spans.At(s)
				span.SetTraceID(kt.id)
				ts.setThreshold(span.TraceState(), kt.decision.threshold())
			}
		}
	}
	if reasons != nil {
		reasons.record(td, &enc, k.traces)
	}
	return td, buf, nil
}

// traceStateRewriter writes sampling thresholds into tracestates, remembering the last
// rewrite: the spans of a trace nearly always carry the same tracestate.
type traceStateRewriter struct {
	in, out   string
	threshold uint64
	valid     bool
}

func (w *traceStateRewriter) setThreshold(ts pcommon.TraceState, threshold uint64) {
	raw := ts.AsRaw()
	if !w.valid || raw != w.in || threshold != w.threshold {
		w.in, w.out, w.threshold, w.valid = raw, withThreshold(raw, threshold), threshold, true
	}
	ts.FromRaw(w.out)
}

// setTraceID gives every span of td the trace ID our encodings leave out.
func setTraceID(td ptrace.Traces, id pcommon.TraceID) {
	forEachSpan(td, func(s ptrace.Span) { s.SetTraceID(id) })
}

// forEachSpan calls f with every span of td.
func forEachSpan(td ptrace.Traces, f func(ptrace.Span)) {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				f(spans.At(k))
			}
		}
	}
}
