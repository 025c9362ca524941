package errorkeep

import (
	"context"
	"slices"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

// FuzzConsumeTraces feeds arbitrary OTLP payloads (any bytes that decode) through a
// processor with a small byte bound and an injected clock, then lets every trace come
// due and shuts down. Nothing may panic, the buffer may never pass its bound, and no
// more spans may leave than came in.
func FuzzConsumeTraces(f *testing.F) {
	addSeeds(f,
		traceOf(traceID(1), spanSpec{span: 1, dur: time.Second, err: true}, spanSpec{span: 2, parent: 1, dur: time.Millisecond}),
		traceOf(traceID(2), spanSpec{span: 1, dur: 3 * time.Second}),
		traceOf(traceID(3), spanSpec{span: 2, parent: 1, dur: time.Millisecond, attrs: map[string]any{"http.response.status_code": int64(503)}}),
	)
	f.Fuzz(func(t *testing.T, payload []byte) {
		td, err := (&ptrace.ProtoUnmarshaler{}).UnmarshalTraces(payload)
		if err != nil {
			return
		}
		cfg := defaultConfig()
		cfg.MaxBufferedBytes = 16 << 10
		cfg.MaxTraces = 8
		cfg.DecisionCacheSize = 64 // small: each run builds a processor
		p, sink, clock := newTestProcessor(t, cfg)
		in := td.SpanCount()
		consumeTwiceAndShutDown(t, p, clock, td)
		if out := sink.SpanCount(); out > 2*in {
			t.Fatalf("%d spans out of %d in", out, 2*in)
		}
	})
}

// FuzzEverySpanComesBack keeps every trace (healthy_percent 100) under a small byte
// bound, so that the cut, repack, early-decision and decode paths all run, and checks
// that exactly the spans that went in come out, twice over (the second pass arrives
// late), with only th:0 added to their tracestate: with the spans in memory, and
// waiting in a folder (written, read back at the decision).
func FuzzEverySpanComesBack(f *testing.F) {
	addSeeds(f, richBatch(), benchBatch(0))
	f.Fuzz(func(t *testing.T, payload []byte) {
		td, err := (&ptrace.ProtoUnmarshaler{}).UnmarshalTraces(payload)
		if err != nil {
			return
		}
		want := flatSpans(t, withThresholds(td))
		want = append(want, want...)
		slices.Sort(want)
		for _, dir := range []string{"", t.TempDir()} {
			cfg := defaultConfig()
			cfg.HealthyPercent = 100
			cfg.MaxBufferedBytes = 8 << 10
			cfg.MaxTraces = 4
			cfg.DecisionCacheSize = 64
			cfg.Directory = dir
			p, sink, clock := newTestProcessor(t, cfg)
			consumeTwiceAndShutDown(t, p, clock, td)
			var got []string
			for _, out := range sink.AllTraces() {
				got = append(got, flatSpans(t, out)...)
			}
			slices.Sort(got)
			if !slices.Equal(want, got) {
				t.Fatalf("folder %q: %d spans out, %d expected; first difference:\n%s", dir, len(got), len(want), firstDifference(want, got))
			}
		}
	})
}

func firstDifference(want, got []string) string {
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			return "want " + want[i] + "\n got " + got[i]
		}
	}
	return "lengths differ"
}

// addSeeds adds each batch's OTLP encoding to the corpus.
func addSeeds(f *testing.F, batches ...ptrace.Traces) {
	for _, td := range batches {
		b, err := (&ptrace.ProtoMarshaler{}).MarshalTraces(td)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// consumeTwiceAndShutDown sends a copy of td, lets everything come due, sends another
// copy (which meets the first one's decisions: late spans), lets that come due and
// shuts down; the buffer may never pass its byte bound.
func consumeTwiceAndShutDown(t *testing.T, p *errorKeepProcessor, clock *fakeClock, td ptrace.Traces) {
	for range 2 {
		copyOf := ptrace.NewTraces()
		td.CopyTo(copyOf)
		if err := p.ConsumeTraces(context.Background(), copyOf); err != nil {
			t.Fatal(err)
		}
		if bytes := p.held().bufferedBytes; bytes > p.cfg.MaxBufferedBytes {
			t.Fatalf("buffered %d bytes, bound %d", bytes, p.cfg.MaxBufferedBytes)
		}
		clock.Advance(p.cfg.DecisionWait + time.Second)
		p.decideDue(context.Background(), clock.Now())
	}
	if err := p.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}
