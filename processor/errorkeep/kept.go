package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// keptTraces collects the traces a pass kept, so that their spans are decoded in one
// go, and after the processor's lock is released.
type keptTraces struct {
	traces  []keptTrace
	pieces  []piece
	rescued []rescuedTrace
}

// rescuedTrace is what the rescue store gave back of a kept trace: OTLP encodings
// of its earlier spans, their trace IDs blank.
type rescuedTrace struct {
	id        pcommon.TraceID
	threshold uint64
	payloads  [][]byte
}

type keptTrace struct {
	id        pcommon.TraceID
	threshold uint64 // written to every span's tracestate
	from, to  int    // its pieces, in keptTraces.pieces
}

func (k *keptTraces) addTrace(t *bufferedTrace, threshold uint64) {
	from := len(k.pieces)
	k.pieces = t.pieces.appendTo(k.pieces)
	k.traces = append(k.traces, keptTrace{id: t.id, threshold: threshold, from: from, to: len(k.pieces)})
}

func (k *keptTraces) addGroup(g *traceGroup, threshold uint64) {
	from := len(k.pieces)
	k.pieces = append(k.pieces, g.pieces...)
	k.traces = append(k.traces, keptTrace{id: g.id, threshold: threshold, from: from, to: len(k.pieces)})
}

func (k *keptTraces) addRescued(id pcommon.TraceID, threshold uint64, payloads [][]byte) {
	k.rescued = append(k.rescued, rescuedTrace{id: id, threshold: threshold, payloads: payloads})
}

func (k *keptTraces) empty() bool { return len(k.traces) == 0 && len(k.rescued) == 0 }

// decode puts the kept spans together into one OTLP encoding in buf, the traces of
// one batch under one resource, decodes it once and gives every span back its trace
// ID and the trace's sampling threshold.
// Decoding copies everything out, so buf can be used again afterwards; the buffer
// used is returned for that.
func (k *keptTraces) decode(buf []byte) (ptrace.Traces, []byte, error) {
	td, buf, err := k.decodePieces(buf)
	if err != nil {
		return td, buf, err
	}
	return td, buf, k.decodeRescued(td)
}

// decodeRescued appends what the rescue store gave back to td. Rescues are rare, so
// each record is decoded on its own.
func (k *keptTraces) decodeRescued(td ptrace.Traces) error {
	var (
		unmarshaler ptrace.ProtoUnmarshaler
		ts          traceStateRewriter
	)
	for i := range k.rescued {
		r := &k.rescued[i]
		for _, payload := range r.payloads {
			part, err := unmarshaler.UnmarshalTraces(payload)
			if err != nil {
				return err
			}
			forEachSpan(part, func(span ptrace.Span) {
				span.SetTraceID(r.id)
				ts.setThreshold(span.TraceState(), r.threshold)
			})
			part.ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
		}
	}
	return nil
}

func (k *keptTraces) decodePieces(buf []byte) (ptrace.Traces, []byte, error) {
	if len(k.traces) == 0 {
		return ptrace.NewTraces(), buf, nil
	}
	enc := encoder{shareResources: true}
	for i := range k.traces {
		kt := &k.traces[i]
		if err := enc.add(k.pieces[kt.from:kt.to], i); err != nil {
			return ptrace.Traces{}, buf, err
		}
	}
	buf = enc.encode(buf)
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
			kt := &k.traces[enc.scopesOf(&enc.resources[r])[j].owner]
			spans := sss.At(j).Spans()
			for s := 0; s < spans.Len(); s++ {
				span := spans.At(s)
				span.SetTraceID(kt.id)
				ts.setThreshold(span.TraceState(), kt.threshold)
			}
		}
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
