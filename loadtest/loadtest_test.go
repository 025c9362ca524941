package loadtest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("google.golang.org/grpc/internal/grpcsync.(*CallbackSerializer).run"))
}

func TestParseCPUTime(t *testing.T) {
	// A command name with spaces and a ')' must not shift the fields.
	stat := "4242 (otelcol (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 130 0 0 20 0 12 0 100 0 0"
	got, err := parseCPUTime([]byte(stat))
	require.NoError(t, err)
	assert.Equal(t, 3800*time.Millisecond, got) // (250 + 130) ticks at 100 Hz

	_, err = parseCPUTime([]byte("4242 (short) S 1 2"))
	require.ErrorContains(t, err, "fields")
	_, err = parseCPUTime([]byte("no command"))
	assert.Error(t, err)
}

func TestParseStatusKiB(t *testing.T) {
	status := "Name:\totelcol\nVmPeak:\t 900000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n"
	got, err := parseStatusKiB([]byte(status), "VmHWM")
	require.NoError(t, err)
	assert.Equal(t, int64(123456*1024), got)
	_, err = parseStatusKiB([]byte(status), "VmSwap")
	assert.ErrorContains(t, err, "VmSwap")
}

func TestParseCounters(t *testing.T) {
	metrics := `# HELP otelcol_receiver_accepted_spans_total Number of spans successfully pushed into the pipeline.
# TYPE otelcol_receiver_accepted_spans_total counter
otelcol_receiver_accepted_spans_total{receiver="otlp",transport="grpc"} 1000
otelcol_receiver_accepted_spans_total{receiver="otlp",transport="http"} 24
otelcol_receiver_refused_spans_total{receiver="otlp",transport="grpc",reason="a b"} 7
otelcol_exporter_send_failed_spans_total{exporter="otlp_grpc/jaeger"} 3
otelcol_exporter_send_failed_spans_total{exporter="otlp_grpc/tempo"} 2
otelcol_exporter_enqueue_failed_spans{exporter="otlp_grpc/tempo"} 1
otelcol_exporter_sent_spans_total{exporter="otlp_grpc/tempo"} 999
`
	got, err := parseCounters(strings.NewReader(metrics))
	require.NoError(t, err)
	assert.Equal(t, collectorCounters{Accepted: 1024, Refused: 7, SendFailed: 5, EnqueueFailed: 1}, got)

	assert.Equal(t, int64(6), got.lost(), "without handoffs, failed sends are lost")

	withHandoff, err := parseCounters(strings.NewReader(metrics + `otelcol_processor_handoff_accepted_items{processor="handoff",signal="traces"} 1024
otelcol_processor_handoff_dropped_items{processor="handoff",signal="traces"} 2
otelcol_processor_handoff_refused_items{processor="handoff",signal="traces"} 4
`))
	require.NoError(t, err)
	assert.Equal(t, int64(2+4+1), withHandoff.lost(), "with handoffs, failed sends are retried; drops and refusals are lost")

	_, err = parseCounters(strings.NewReader("otelcol_receiver_accepted_spans_total{} many\n"))
	assert.ErrorContains(t, err, "otelcol_receiver_accepted_spans")
}

func TestTraceBuilderClasses(t *testing.T) {
	b := newTraceBuilder(1)
	td, perClass := b.batch(1000, time.Now())
	require.Equal(t, 1000*SpansPerTrace, td.SpanCount())
	counted := [classCount]int{}
	spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := range spans.Len() {
		c, ok := ClassOf(spans.At(i).TraceID())
		require.True(t, ok)
		counted[c]++
	}
	assert.Equal(t, perClass, counted)
	for c := range classCount {
		assert.InDelta(t, ClassShare(c), float64(counted[c])/float64(td.SpanCount()), 1e-9, "share of %s", c)
	}
	// Slow traces last longer than the 2s threshold; healthy ones do not.
	for i := 0; i < spans.Len(); i += SpansPerTrace {
		root := spans.At(i)
		c, _ := ClassOf(root.TraceID())
		d := root.EndTimestamp().AsTime().Sub(root.StartTimestamp().AsTime())
		assert.Equal(t, c == ClassSlow, d >= 2*time.Second, "trace class %s lasted %s", c, d)
	}
}

func TestScenarioExpectedRatio(t *testing.T) {
	for _, sc := range Scenarios() {
		switch sc.Name {
		case "tailsampling", "tailsampling-in-memory", "tailsampling-keyed", "late-roots", "gateway", "gateway-in-memory":
			// 2% error + 2% slow traces kept whole, and 10% of the other 96%.
			assert.InDelta(t, 0.136, sc.ExpectedRatio(), 1e-9, sc.Name)
		default:
			assert.InDelta(t, 1.0, sc.ExpectedRatio(), 1e-9, sc.Name)
		}
	}
}

// A keyed goal keeps the reference's share at every rate: 10% of the healthy traces.
func TestKeyedGoalKeepsTheSameShare(t *testing.T) {
	for _, sc := range Scenarios() {
		if !sc.KeyedGoal {
			assert.Zero(t, sc.healthyGoal(10000), sc.Name)
			continue
		}
		// 10,000 spans/s are 2,000 traces/s, 96% of them healthy: 10% of those.
		assert.InDelta(t, 192.0, sc.healthyGoal(10000), 1e-9, sc.Name)
	}
}

// TestFindMax runs the search against a model collector that holds any rate up to a
// capacity, and checks it lands just below the capacity in few trials.
func TestFindMax(t *testing.T) {
	for _, tc := range []struct {
		name     string
		capacity int
		opts     SearchOptions
		wantLow  int
		wantHigh int
	}{
		{"above start", 130000, SearchOptions{StartRate: 25000, MaxRate: 400000, Refine: 4}, 120000, 130000},
		{"below start", 18000, SearchOptions{StartRate: 25000, MaxRate: 400000, Refine: 4}, 16000, 18000},
		{"above the limit", 10_000_000, SearchOptions{StartRate: 25000, MaxRate: 400000, Refine: 4}, 400000, 400000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			best, trials, err := findMax(context.Background(), tc.opts, func(_ context.Context, rate int) (Result, error) {
				ok := rate <= tc.capacity
				return Result{TargetRate: rate, Achieved: float64(rate), OK: ok}, nil
			})
			require.NoError(t, err)
			assert.True(t, best.OK)
			assert.Equal(t, "max", best.Mode)
			assert.GreaterOrEqual(t, best.TargetRate, tc.wantLow)
			assert.LessOrEqual(t, best.TargetRate, tc.wantHigh)
			assert.LessOrEqual(t, len(trials), 10)
		})
	}
	t.Run("nothing passes", func(t *testing.T) {
		best, trials, err := findMax(context.Background(), SearchOptions{StartRate: 16000, MaxRate: 400000, Refine: 3},
			func(_ context.Context, rate int) (Result, error) {
				return Result{TargetRate: rate, Why: "refused"}, nil
			})
		require.NoError(t, err)
		assert.False(t, best.OK)
		assert.Equal(t, "max", best.Mode)
		assert.Equal(t, 1000, best.TargetRate) // halved down to a sixteenth of the start
		assert.Len(t, trials, 5)
	})
}

func TestReport(t *testing.T) {
	rep := &Report{Machine: "test machine", Scenarios: Scenarios()}
	add := func(scenario string, build BuildKind, mode string, rate int, cpu, rss float64) {
		rep.Results = append(rep.Results, Result{Scenario: scenario, Build: build, Mode: mode, TargetRate: rate,
			Achieved: float64(rate), CPUPerMillion: cpu, PeakRSSMiB: rss, OK: true, ExpectedRatio: 1, DeliveredRatio: 1})
	}
	add("passthrough", Custom, "fixed", 10000, 5.0, 80)
	add("passthrough", Reference, "fixed", 10000, 4.9, 55)
	add("sidecar", Custom, "fixed", 10000, 8.0, 80)
	add("sidecar", Reference, "fixed", 10000, 40, 55)
	add("sidecar-without-redaction", Custom, "fixed", 10000, 7.5, 80)
	add("tailsampling", Custom, "fixed", 10000, 5.5, 120)
	add("tailsampling", Reference, "fixed", 10000, 7.9, 200)
	add("passthrough", Custom, "max", 120000, 8.3, 90)
	add("passthrough", Reference, "max", 118000, 8.4, 60)

	md := rep.Markdown()
	assert.Contains(t, md, "Machine: test machine")
	assert.Contains(t, md, "| passthrough | 10000 | 10000 / 10000 | 5.00 / 4.90 / 1.02× |")
	assert.Contains(t, md, "| passthrough | 120000 | 118000 | 1.02× | 8.30 / 8.40 | 120482 / 119048 |")
	verdicts := map[string]string{}
	for _, tg := range rep.Targets() {
		verdicts[tg.Name] = tg.Verdict()
	}
	assert.Equal(t, "**missed**", verdicts["Sidecar pipeline ≤ 1.15× passthrough CPU per span at 10000 spans/s"]) // 1.6×
	assert.Equal(t, "met", verdicts["Sidecar pipeline ≤ 1.15× the CPU per span of the same sidecar without piiredact at 10000 spans/s"])
	assert.Equal(t, "met", verdicts["Sidecar pipeline ≥ 3× cheaper per span than with contrib redaction at 10000 spans/s"])
	assert.Equal(t, "**missed**", verdicts["tailsampling: errorkeep ≤ 0.5× tail_sampling CPU per span at 10000 spans/s"])
	assert.Equal(t, "met", verdicts["errorkeep's own CPU per span (over passthrough) ≤ 0.5× tail_sampling's at 10000 spans/s"]) // 0.5 vs 3.0

	// A reference that could not hold the rate carried less load: no verdict.
	held := &Report{Scenarios: Scenarios(), Results: []Result{
		{Scenario: "gateway", Build: Custom, Mode: "fixed", TargetRate: 50000, Achieved: 50000, CPUPerMillion: 6, PeakRSSMiB: 150, OK: true},
		{Scenario: "gateway", Build: Reference, Mode: "fixed", TargetRate: 50000, Achieved: 25000, CPUPerMillion: 40, PeakRSSMiB: 300, Why: "held 25000"},
	}}
	for _, tg := range held.Targets() {
		assert.Equal(t, "not comparable", tg.Verdict(), tg.Name)
	}
	assert.Equal(t, "met", verdicts["Passthrough within 5% of the reference build's CPU per span at 10000 spans/s"])
	assert.Equal(t, "met", verdicts["Passthrough max throughput within 5% of the reference build"])

	// A max rate at which the collector's core was not busy was set by the generator.
	generatorBound := Result{TargetRate: 200000, Achieved: 200000, CPUPerMillion: 3.5, OK: true}
	assert.Equal(t, "200000*", maxRate(generatorBound, true))
	assert.Equal(t, "285714", perCore(generatorBound, true))

	line := rep.Results[0].KeyValues()
	assert.True(t, strings.HasPrefix(line, "scenario=passthrough build=otelcol-custom mode=fixed "), line)
	assert.Contains(t, line, " cpu_s_per_million_spans=5.00 ")
	assert.Contains(t, line, " ok=true")

	// Every line reads back into the same figures, so a report renders again from a log.
	for _, res := range append(rep.Results, Result{Scenario: "gateway", Build: Reference, Mode: "fixed", TargetRate: 50000,
		Achieved: 26000, Why: `held 26000 of 50000 spans/s, "quoted"`}) {
		back, err := ParseKeyValues(res.KeyValues())
		require.NoError(t, err)
		assert.Equal(t, res.KeyValues(), back.KeyValues())
	}
	_, err := ParseKeyValues("scenario=x build=y mode=fixed cpu_s=many")
	assert.Error(t, err)
}

// TestLateRootsHoldsRootsBackUntilDue: a batch leaves with its children only; its
// roots leave together once their delay is over, never before.
func TestLateRootsHoldsRootsBackUntilDue(t *testing.T) {
	b := newTraceBuilder(1)
	late := lateRoots{delay: [2]time.Duration{5 * time.Second, 10 * time.Second}, rng: b.rng}
	now := time.Unix(1_800_000_000, 0)
	td, _ := b.batch(20, now)
	late.holdBack(td, now)
	assert.Equal(t, 20*(SpansPerTrace-1), td.SpanCount(), "the children leave now")
	assert.Zero(t, late.takeDue(ptrace.NewTraces(), now.Add(4999*time.Millisecond)).SpanCount(), "no root before 5 s")
	roots := late.takeDue(ptrace.NewTraces(), now.Add(10*time.Second))
	assert.Equal(t, 20, roots.SpanCount(), "every root by 10 s")
	assert.Empty(t, late.pending)
}
