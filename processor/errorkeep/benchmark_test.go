package errorkeep

import (
	"context"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/tailsamplingprocessor"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"
)

// tailSamplingEquivalent is contrib tail_sampling set up for errorkeep's job.
var tailSamplingEquivalent = map[string]any{
	"decision_wait": "1h", // benchmarks measure buffering; nothing is decided mid-run
	"num_traces":    1_000_000,
	"policies": []any{
		map[string]any{"name": "errors", "type": "status_code", "status_code": map[string]any{"status_codes": []any{"ERROR"}}},
		map[string]any{"name": "slow", "type": "latency", "latency": map[string]any{"threshold_ms": 2000}},
		map[string]any{"name": "healthy", "type": "probabilistic", "probabilistic": map[string]any{"sampling_percentage": 10}},
	},
}

func newTailSampling(b *testing.B) processor.Traces {
	f := tailsamplingprocessor.NewFactory()
	cfg := f.CreateDefaultConfig()
	if err := confmap.NewFromStringMap(tailSamplingEquivalent).Unmarshal(cfg); err != nil {
		b.Fatal(err)
	}
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(component.MustNewType("tail_sampling")), cfg, consumertest.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		b.Fatal(err)
	}
	return p
}

func newErrorKeepForBench(b *testing.B) processor.Traces {
	cfg := defaultConfig()
	cfg.DecisionWait = time.Hour
	cfg.RootSpanGrace = 0
	cfg.MaxBufferedBytes = 8 << 30
	cfg.MaxTraces = 1_000_000
	p, err := NewFactory().CreateTraces(context.Background(), processortest.NewNopSettings(NewFactory().Type()), cfg, consumertest.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		b.Fatal(err)
	}
	return p
}

// benchBatch is a batch of 20 five-span traces with realistic attributes.
func benchBatch(seq uint64) ptrace.Traces {
	td := ptrace.NewTraces()
	for t := uint64(0); t < 20; t++ {
		id := traceID(seq*20 + t + 1)
		specs := make([]spanSpec, 0, 5)
		for s := uint64(1); s <= 5; s++ {
			specs = append(specs, spanSpec{span: s, parent: s - 1, dur: time.Duration(s) * time.Millisecond, err: t == 0 && s == 5,
				attrs: map[string]any{"http.request.method": "GET", "http.route": "/api/v1/orders/{id}", "http.response.status_code": int64(200),
					"server.address": "checkout.shop.svc.cluster.local", "db.statement": "SELECT id, total FROM orders WHERE id = $1"}})
		}
		traceOf(id, specs...).ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
	}
	return td
}

type samplerImpl struct {
	name string
	make func(*testing.B) processor.Traces
}

var samplers = []samplerImpl{{"errorkeep", newErrorKeepForBench}, {"tail_sampling", newTailSampling}}

// BenchmarkIngest is CPU per span of taking spans in (grouping and buffering) for
// errorkeep and for contrib tail_sampling with equivalent policies, in the same run.
func BenchmarkIngest(b *testing.B) {
	const batches = 256
	inputs := make([]ptrace.Traces, batches)
	for i := range inputs {
		inputs[i] = benchBatch(uint64(i))
	}
	for _, impl := range samplers {
		b.Run(impl.name, func(b *testing.B) {
			b.ReportAllocs()
			spans := 0
			var p processor.Traces
			i := 0
			for b.Loop() {
				if i%batches == 0 {
					if p != nil {
						_ = p.Shutdown(context.Background())
					}
					b.StopTimer()
					p = impl.make(b)
					b.StartTimer()
				}
				td := ptrace.NewTraces()
				inputs[i%batches].CopyTo(td)
				spans += td.SpanCount() // before: errorkeep moves the spans out
				if err := p.ConsumeTraces(context.Background(), td); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.StopTimer()
			_ = p.Shutdown(context.Background())
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(spans), "ns/span")
		})
	}
}

// BenchmarkBufferedMemory reports heap bytes held per buffered span after 10,000
// traces (50,000 spans) are buffered awaiting decisions.
func BenchmarkBufferedMemory(b *testing.B) {
	const batches = 500
	for _, impl := range samplers {
		b.Run(impl.name, func(b *testing.B) {
			var perSpan float64
			for b.Loop() {
				b.StopTimer()
				p := impl.make(b)
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before) // before the inputs: the delta is what p retains
				inputs := make([]ptrace.Traces, batches)
				for i := range inputs {
					inputs[i] = benchBatch(uint64(i))
				}
				b.StartTimer()
				spans := 0
				for i := range inputs {
					spans += inputs[i].SpanCount()
					if err := p.ConsumeTraces(context.Background(), inputs[i]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				inputs = nil
				runtime.GC()
				runtime.ReadMemStats(&after)
				perSpan = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(spans)
				runtime.KeepAlive(p)
				_ = p.Shutdown(context.Background())
				b.StartTimer()
			}
			b.ReportMetric(perSpan, "B/buffered-span")
		})
	}
}

// processCPU is the user and system CPU time the whole test process has used,
// background goroutines included.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDecisionCycleCPU is CPU per span for the whole job, ingest and decision and
// forwarding, in the same run for both. tail_sampling decides on its own ticker, after
// ConsumeTraces has returned, so wall time would hide its work: this measures the
// process's CPU time from the first span in until every trace is decided, with the
// same decision wait (1s) for both. Run with -benchtime 3x: each iteration waits.
func BenchmarkDecisionCycleCPU(b *testing.B) {
	const batches = 500 // 10,000 traces, 50,000 spans
	impls := []struct {
		name string
		make func(*testing.B, *consumertest.TracesSink) (processor.Traces, func() bool)
	}{
		{"errorkeep", func(b *testing.B, sink *consumertest.TracesSink) (processor.Traces, func() bool) {
			cfg := defaultConfig()
			cfg.DecisionWait = time.Second
			cfg.MaxBufferedBytes = 8 << 30
			cfg.MaxTraces = 1_000_000
			p, err := NewFactory().CreateTraces(context.Background(), processortest.NewNopSettings(NewFactory().Type()), cfg, sink)
			if err != nil {
				b.Fatal(err)
			}
			ek := p.(*errorKeepProcessor)
			return p, func() bool { n, _ := ek.buffered(); return n == 0 }
		}},
		{"tail_sampling", func(b *testing.B, sink *consumertest.TracesSink) (processor.Traces, func() bool) {
			f := tailsamplingprocessor.NewFactory()
			cfg := f.CreateDefaultConfig()
			settings := map[string]any{}
			for k, v := range tailSamplingEquivalent {
				settings[k] = v
			}
			settings["decision_wait"] = "1s"
			if err := confmap.NewFromStringMap(settings).Unmarshal(cfg); err != nil {
				b.Fatal(err)
			}
			p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(component.MustNewType("tail_sampling")), cfg, sink)
			if err != nil {
				b.Fatal(err)
			}
			// tail_sampling exposes no buffer size: wait until its output stops growing
			// for longer than its decision tick.
			last, since := -1, time.Now()
			return p, func() bool {
				if n := sink.SpanCount(); n != last {
					last, since = n, time.Now()
				}
				return last > 0 && time.Since(since) > 2500*time.Millisecond
			}
		}},
	}
	for _, impl := range impls {
		b.Run(impl.name, func(b *testing.B) {
			var cpu time.Duration
			spans := 0
			for b.Loop() {
				b.StopTimer()
				sink := new(consumertest.TracesSink)
				p, decided := impl.make(b, sink)
				if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
					b.Fatal(err)
				}
				inputs := make([]ptrace.Traces, batches)
				for i := range inputs {
					inputs[i] = benchBatch(uint64(i))
					spans += inputs[i].SpanCount()
				}
				runtime.GC()
				b.StartTimer()
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				before := processCPU(b)
				for i := range inputs {
					if err := p.ConsumeTraces(context.Background(), inputs[i]); err != nil {
						b.Fatal(err)
					}
				}
				for !decided() {
					time.Sleep(50 * time.Millisecond)
				}
				// Shutdown inside the window: it returns once the processor's own
				// goroutines are done, so the last forwarding is counted too.
				if err := p.Shutdown(context.Background()); err != nil {
					b.Fatal(err)
				}
				cpu += processCPU(b) - before
				runtime.ReadMemStats(&m1)
				b.Logf("gc=%d alloc=%.1fMB heap0=%.1fMB", m1.NumGC-m0.NumGC, float64(m1.TotalAlloc-m0.TotalAlloc)/1e6, float64(m0.HeapAlloc)/1e6)
				b.StopTimer()
				if sink.SpanCount() == 0 {
					b.Fatal("nothing was kept")
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(spans), "cpu-ns/span")
		})
	}
}
