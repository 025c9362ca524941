package compare

import (
	"context"
	"encoding/binary"
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/tailsamplingprocessor"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep"
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

func newTailSampling(b *testing.B, settings map[string]any, next consumer.Traces) processor.Traces {
	f := tailsamplingprocessor.NewFactory()
	cfg := f.CreateDefaultConfig()
	if err := confmap.NewFromStringMap(settings).Unmarshal(cfg); err != nil {
		b.Fatal(err)
	}
	p, err := f.CreateTraces(context.Background(), processortest.NewNopSettings(component.MustNewType("tail_sampling")), cfg, next)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// errorkeepConfig is errorkeep with the same rules; dir, when set, is its folder.
func errorkeepConfig(wait time.Duration, dir string) *errorkeep.Config {
	cfg := errorkeep.NewFactory().CreateDefaultConfig().(*errorkeep.Config)
	cfg.DecisionWait = wait
	cfg.MaxBufferedBytes = 8 << 30
	cfg.MaxTraces = 1_000_000
	if dir != "" {
		cfg.Directory = dir
		cfg.RescueMaxBytes = 4 << 30 // nothing is decided here: every span stays in the folder
	}
	return cfg
}

func newErrorKeep(b *testing.B, cfg *errorkeep.Config, set processor.Settings, next consumer.Traces) processor.Traces {
	p, err := errorkeep.NewFactory().CreateTraces(context.Background(), set, cfg, next)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func started(b *testing.B, p processor.Traces) processor.Traces {
	if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		b.Fatal(err)
	}
	return p
}

type samplerImpl struct {
	name string
	make func(*testing.B) processor.Traces
}

// buffering are the samplers set up never to decide during a run: what they cost to
// take spans in and hold them.
var buffering = []samplerImpl{
	{"errorkeep", func(b *testing.B) processor.Traces {
		cfg := errorkeepConfig(time.Hour, "")
		cfg.RootSpanGrace = 0
		return started(b, newErrorKeep(b, cfg, processortest.NewNopSettings(errorkeep.NewFactory().Type()), consumertest.NewNop()))
	}},
	// errorkeep as the gateway runs it: every accepted span written to its folder,
	// where undecided traces wait.
	{"errorkeep_folder", func(b *testing.B) processor.Traces {
		cfg := errorkeepConfig(time.Hour, b.TempDir())
		cfg.RootSpanGrace = 0
		return started(b, newErrorKeep(b, cfg, processortest.NewNopSettings(errorkeep.NewFactory().Type()), consumertest.NewNop()))
	}},
	{"tail_sampling", func(b *testing.B) processor.Traces {
		return started(b, newTailSampling(b, tailSamplingEquivalent, consumertest.NewNop()))
	}},
}

var t0 = time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)

func traceID(n uint64) pcommon.TraceID {
	var id pcommon.TraceID
	binary.BigEndian.PutUint64(id[:8], n)
	binary.BigEndian.PutUint64(id[8:], n*0x9E3779B97F4A7C15) // spread the random bits
	return id
}

// benchBatch is a batch of 20 five-span traces with realistic attributes; the
// first trace of each batch ends in an error.
func benchBatch(seq uint64) ptrace.Traces {
	td := ptrace.NewTraces()
	for t := uint64(0); t < 20; t++ {
		id := traceID(seq*20 + t + 1)
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr("service.name", "svc")
		spans := rs.ScopeSpans().AppendEmpty().Spans()
		for s := uint64(1); s <= 5; s++ {
			sp := spans.AppendEmpty()
			sp.SetTraceID(id)
			var sid, pid pcommon.SpanID
			binary.BigEndian.PutUint64(sid[:], s)
			sp.SetSpanID(sid)
			if s > 1 {
				binary.BigEndian.PutUint64(pid[:], s-1)
				sp.SetParentSpanID(pid)
			}
			sp.SetName("op")
			sp.SetStartTimestamp(pcommon.NewTimestampFromTime(t0))
			sp.SetEndTimestamp(pcommon.NewTimestampFromTime(t0.Add(time.Duration(s) * time.Millisecond)))
			if t == 0 && s == 5 {
				sp.Status().SetCode(ptrace.StatusCodeError)
			}
			a := sp.Attributes()
			a.PutStr("http.request.method", "GET")
			a.PutStr("http.route", "/api/v1/orders/{id}")
			a.PutInt("http.response.status_code", 200)
			a.PutStr("server.address", "checkout.shop.svc.cluster.local")
			a.PutStr("db.statement", "SELECT id, total FROM orders WHERE id = $1")
		}
	}
	return td
}

// BenchmarkIngest is CPU per span of taking spans in (grouping and buffering) for
// errorkeep and for contrib tail_sampling with equivalent policies, in the same run.
func BenchmarkIngest(b *testing.B) {
	const batches = 256
	inputs := make([]ptrace.Traces, batches)
	for i := range inputs {
		inputs[i] = benchBatch(uint64(i))
	}
	for _, impl := range buffering {
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
	for _, impl := range buffering {
		b.Run(impl.name, func(b *testing.B) {
			var perSpan float64
			for b.Loop() {
				b.StopTimer()
				p := impl.make(b)
				// Twice: objects in sync.Pools survive one collection, and whatever an
				// earlier iteration left in one would otherwise be freed during this one
				// and make it look smaller.
				runtime.GC()
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
				clear(inputs) // what was consumed may be collected; only what the sampler holds stays
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

// bufferedTraces reads errorkeep's own gauge of the traces it holds.
func bufferedTraces(b *testing.B, tel *componenttest.Telemetry) int64 {
	m, err := tel.GetMetric("otelcol_processor_errorkeep_buffered_traces")
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, dp := range m.Data.(metricdata.Gauge[int64]).DataPoints {
		n += dp.Value
	}
	return n
}

// BenchmarkDecisionCycleCPU is CPU per span for the whole job, ingest and decision and
// forwarding, in the same run for both. tail_sampling decides on its own ticker, after
// ConsumeTraces has returned, so wall time would hide its work: this measures the
// process's CPU time from the first span in until every trace is decided, with the
// same decision wait (1s) for both.
//
// Each iteration is a fresh processor. cold measures its first 10,000 traces, so it
// includes growing its tables from nothing; warm first lets 10,000 other traces
// through untimed and then measures the next 10,000, which is what a collector that
// has been running for a while does. Run with -benchtime 10x: each iteration waits.
func BenchmarkDecisionCycleCPU(b *testing.B) {
	const batches = 500 // 10,000 traces, 50,000 spans
	impls := []struct {
		name string
		// make returns the processor and a check that everything sent since the
		// sink held roundStart spans has been decided and forwarded.
		make func(*testing.B, *countingSink) (p processor.Traces, decided func(roundStart int) bool)
	}{
		{"errorkeep", func(b *testing.B, sink *countingSink) (processor.Traces, func(int) bool) {
			tel := componenttest.NewTelemetry()
			b.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
			set := processortest.NewNopSettings(errorkeep.NewFactory().Type())
			set.TelemetrySettings = tel.NewTelemetrySettings()
			p := newErrorKeep(b, errorkeepConfig(time.Second, ""), set, sink)
			return p, func(int) bool { return bufferedTraces(b, tel) == 0 }
		}},
		{"errorkeep_keyed", func(b *testing.B, sink *countingSink) (processor.Traces, func(int) bool) {
			tel := componenttest.NewTelemetry()
			b.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
			set := processortest.NewNopSettings(errorkeep.NewFactory().Type())
			set.TelemetrySettings = tel.NewTelemetrySettings()
			cfg := errorkeepConfig(time.Second, "")
			// About the reference's 10% of the healthy traces the round sends.
			cfg.HealthyThroughput.TracesPerSecond = 1000
			return newErrorKeep(b, cfg, set, sink), func(int) bool { return bufferedTraces(b, tel) == 0 }
		}},
		{"tail_sampling", func(b *testing.B, sink *countingSink) (processor.Traces, func(int) bool) {
			settings := map[string]any{}
			for k, v := range tailSamplingEquivalent {
				settings[k] = v
			}
			settings["decision_wait"] = "1s"
			p := newTailSampling(b, settings, sink)
			// tail_sampling exposes no buffer size: wait until its output has grown and
			// then stopped growing for longer than its decision tick.
			last, since := -1, time.Now()
			return p, func(roundStart int) bool {
				if n := sink.SpanCount(); n != last {
					last, since = n, time.Now()
				}
				return last > roundStart && time.Since(since) > 2500*time.Millisecond
			}
		}},
	}
	for _, impl := range impls {
		for _, warm := range []bool{false, true} {
			b.Run(impl.name+map[bool]string{false: "/cold", true: "/warm"}[warm], func(b *testing.B) {
				var cpu time.Duration
				spans := 0
				for b.Loop() {
					b.StopTimer()
					sink := new(countingSink)
					p, decided := impl.make(b, sink)
					started(b, p)
					if warm {
						round(b, p, decided, sink, batchesFrom(1_000_000, batches))
						time.Sleep(200 * time.Millisecond) // the last forwarding of the warm-up
					}
					inputs := batchesFrom(0, batches)
					for i := range inputs {
						spans += inputs[i].SpanCount()
					}
					runtime.GC()
					b.StartTimer()
					before := processCPU(b)
					round(b, p, decided, sink, inputs)
					// Shutdown inside the window: it returns once the processor's own
					// goroutines are done, so the last forwarding is counted too.
					if err := p.Shutdown(context.Background()); err != nil {
						b.Fatal(err)
					}
					cpu += processCPU(b) - before
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
}

// countingSink counts the spans it is given and lets go of them, as an exporter does
// once it has sent them: a sink that kept every kept span would have the garbage
// collector mark them again and again, a cost that belongs to neither processor.
type countingSink struct{ spans atomic.Int64 }

func (s *countingSink) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (s *countingSink) ConsumeTraces(_ context.Context, td ptrace.Traces) error {
	s.spans.Add(int64(td.SpanCount()))
	return nil
}

func (s *countingSink) SpanCount() int { return int(s.spans.Load()) }

func batchesFrom(seq uint64, n int) []ptrace.Traces {
	inputs := make([]ptrace.Traces, n)
	for i := range inputs {
		inputs[i] = benchBatch(seq + uint64(i))
	}
	return inputs
}

// round sends inputs and waits until all of them are decided. It lets go of each
// input once it is consumed, as a receiver does: input kept alive would be marked by
// every garbage collection in the window, a cost that belongs to neither processor.
func round(b *testing.B, p processor.Traces, decided func(int) bool, sink *countingSink, inputs []ptrace.Traces) {
	start := sink.SpanCount()
	for i := range inputs {
		if err := p.ConsumeTraces(context.Background(), inputs[i]); err != nil {
			b.Fatal(err)
		}
		inputs[i] = ptrace.Traces{}
	}
	for !decided(start) {
		time.Sleep(50 * time.Millisecond)
	}
}
