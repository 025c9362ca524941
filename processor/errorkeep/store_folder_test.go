package errorkeep

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadatatest"
	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spantest"
)

// With a folder, a buffered trace's spans wait there, written once on arrival (the
// write-ahead record), and memory holds only the trace's entry: the batch's
// encoding is not kept. A kept trace is read back at its decision and arrives
// whole, as it went in.
func TestInAFolderUndecidedSpansWaitOnDiskNotInMemory(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	cfg.Directory = t.TempDir()
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	in := richBatch()
	want, perTrace := flatSpans(t, withThresholds(in)), spantest.SpansByTrace(in)
	require.NoError(t, p.ConsumeTraces(ctx, in))

	p.mu.Lock()
	require.Equal(t, 3, p.adm.buffer.len())
	assert.Equal(t, int64(3*perTraceOverhead), p.adm.buffer.bytes, "no slab held")
	for id, bt := range p.adm.buffer.traces {
		assert.True(t, bt.summary.has(flagInStore), "trace %v", id)
		assert.Nil(t, bt.pieces.first.Slab(), "trace %v holds no piece", id)
	}
	p.mu.Unlock()
	rescueBytes, _ := p.store().usage()
	assert.Positive(t, rescueBytes)

	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	var got []string
	for _, td := range sink.AllTraces() {
		got = append(got, flatSpans(t, td)...)
	}
	slices.Sort(got)
	assert.Equal(t, want, got)
	assert.Equal(t, perTrace, keptSpansByTrace(sink))
}

// Kept traces read back from the folder leave with one ResourceSpans per resource,
// as kept traces from memory do, though each was written as a record of its own.
func TestTracesReadBackFromTheFolderShareTheirResource(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	cfg.Directory = t.TempDir()
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	td := ptrace.NewTraces()
	for i := range 20 {
		traceOf(traceID(uint64(i+1)), spanSpec{span: 1}, spanSpec{span: 2, parent: 1}).ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
	}
	require.NoError(t, p.ConsumeTraces(ctx, td))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	require.Len(t, sink.AllTraces(), 1)
	out := sink.AllTraces()[0]
	assert.Equal(t, 1, out.ResourceSpans().Len(), "every trace came with the same resource")
	assert.Equal(t, 20, out.ResourceSpans().At(0).ScopeSpans().Len(), "a ScopeSpans per trace")
	assert.Equal(t, 40, out.SpanCount())
}

// A folder full of spans still waiting for their decision drops none of them: the
// oldest traces are decided early instead (and counted), every span comes out once,
// and the folder stays within its bound.
func TestAFolderFullOfUndecidedSpansDecidesTheOldestEarly(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	cfg.DecisionWait = time.Hour // only room can decide anything
	cfg.RootSpanGrace = 0
	cfg.RescueMaxBytes = minRescueMaxBytes
	cfg.Directory = t.TempDir()
	clock := &fakeClock{now: t0}
	p, sink, tt := newTelemetryProcessor(t, cfg, clock)
	ctx := context.Background()
	padding := strings.Repeat("x", 1000)
	var want []string
	peak := int64(0)
	const traces = 300 // about 3 MB of spans through a 1 MiB folder
	for i := range traces {
		td := traceOf(traceID(uint64(i+1)), spanSpec{span: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 2, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 3, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 4, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 5, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 6, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 7, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 8, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 9, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 10, parent: 1, attrs: map[string]any{"pad": padding}})
		want = append(want, flatSpans(t, withThresholds(td))...)
		require.NoError(t, p.ConsumeTraces(ctx, td))
		held, _ := p.store().usage()
		peak = max(peak, held)
	}
	early := p.adm.buffer.len()
	assert.Less(t, early, traces, "some traces were decided early")
	// Markers (48 bytes each) may pass the bound rather than fail; spans may not.
	assert.LessOrEqual(t, peak, cfg.RescueMaxBytes+int64(traces)*48)

	require.NoError(t, p.Shutdown(ctx))
	var got []string
	for _, td := range sink.AllTraces() {
		got = append(got, flatSpans(t, td)...)
	}
	slices.Sort(got)
	slices.Sort(want)
	assert.Equal(t, want, got, "every span once, none lost for room")
	metadatatest.AssertEqualProcessorErrorkeepTracesDecidedEarly(t, tt, counted(int64(traces-early)), ignoreTime...)
}

// The folder outlives the process: a trace let go of before a restart is rescued
// after it.
func TestRescueAcrossARestart(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.Directory = t.TempDir()
	clock := &fakeClock{now: t0}
	ctx := context.Background()
	id := traceID(28)

	first, _, _ := newTelemetryProcessor(t, cfg, clock)
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 1}, spanSpec{span: 2, parent: 1})))
	require.NoError(t, first.Shutdown(ctx)) // decides the trace (not kept) and closes the store

	clock.Advance(30 * time.Second)
	second, sink, tt := newTelemetryProcessor(t, cfg, clock)
	metadatatest.AssertEqualProcessorErrorkeepRescueTraces(t, tt, counted(1), ignoreTime...)
	require.NoError(t, second.ConsumeTraces(ctx, traceOf(id, spanSpec{span: 3, parent: 1, err: true})))
	clock.Advance(cfg.DecisionWait) // the new process has no decision for it: it waits
	second.decideDue(ctx, clock.Now())
	assert.Equal(t, map[pcommon.TraceID]int{id: 3}, keptSpansByTrace(sink))
}

func TestStartFailsOnAFolderThatCannotBeWritten(t *testing.T) {
	cfg := defaultConfig()
	cfg.Directory = "/proc/errorkeep-cannot-be-here"
	p, err := newErrorKeepProcessor(metadatatest.NewSettings(componenttest.NewTelemetry()), cfg, consumertest.NewNop())
	require.NoError(t, err)
	err = p.Start(context.Background(), componenttest.NewNopHost())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/proc/errorkeep-cannot-be-here")
	assert.Contains(t, err.Error(), "directory")
	require.NoError(t, p.Shutdown(context.Background()))
}

// snapshot copies a store's folder as a SIGKILL would leave it: what was written,
// nothing more. (The processor that wrote it is shut down cleanly later, by the test's
// cleanup, which the copy does not see.)
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(to, e.Name()), b, 0o600))
	}
	return to
}

// A process killed inside the decision wait: the next one, started on the same
// folder, decides what was accepted and not decided, late, and the traces arrive
// whole with the thresholds they would have had. What was decided before the kill
// (a trace handed on, a trace let go) is not sent again.
func TestKilledProcessUndecidedTracesAreRecovered(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 0
	cfg.RootSpanGrace = 0
	cfg.Directory = t.TempDir()
	cfg.SyncInterval = time.Millisecond // exercises fsync; a kill loses nothing either way
	ctx := context.Background()
	first, firstSink, clock := newTestProcessor(t, cfg)

	decidedKept, decidedDropped := traceID(1), traceID(2)
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(decidedKept, spanSpec{span: 1, dur: time.Millisecond, err: true})))
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(decidedDropped, spanSpec{span: 1, dur: time.Millisecond})))
	clock.Advance(cfg.DecisionWait)
	first.decideDue(ctx, clock.Now())
	require.Equal(t, 1, firstSink.SpanCount())

	failing, slow, healthy := traceID(3), traceID(4), traceID(5)
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(failing, spanSpec{span: 1, dur: time.Millisecond}, spanSpec{span: 2, parent: 1, dur: time.Millisecond, err: true})))
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(slow, spanSpec{span: 1, dur: 3 * time.Second})))
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(healthy, spanSpec{span: 1, dur: time.Millisecond})))
	require.NoError(t, first.ConsumeTraces(ctx, traceOf(failing, spanSpec{span: 3, parent: 1, dur: time.Millisecond})))
	killed := snapshot(t, cfg.Directory) // SIGKILL: the acknowledged batches are in the folder

	cfg2 := *cfg
	cfg2.Directory = killed
	second, sink, tt := newTelemetryProcessor(t, &cfg2, clock)
	clock.Advance(cfg.DecisionWait)
	second.decideDue(ctx, clock.Now())
	assert.Equal(t, map[pcommon.TraceID][]string{
		failing: {"ot=th:0", "ot=th:0", "ot=th:0"},
		slow:    {"ot=th:0"},
	}, thresholdsByTrace(sink), "undecided error and slow traces whole; nothing decided before the kill again")
	metadatatest.AssertEqualProcessorErrorkeepTracesRecovered(t, tt, counted(3), ignoreTime...)
	metadatatest.AssertEqualProcessorErrorkeepSpansRecovered(t, tt, counted(5), ignoreTime...)

	// Killed again right after the recovery's decisions: nothing comes back twice.
	cfg3 := *cfg
	cfg3.Directory = snapshot(t, killed)
	third, thirdSink, _ := newTelemetryProcessor(t, &cfg3, clock)
	clock.Advance(cfg.DecisionWait)
	third.decideDue(ctx, clock.Now())
	assert.Zero(t, thirdSink.SpanCount(), "traces recovered and decided once are not recovered again")

	// The healthy trace let go of before the second kill can still be rescued: its late
	// error starts a new decision (the decisions died with the process), which brings
	// back the spans the store holds of it.
	require.NoError(t, third.ConsumeTraces(ctx, traceOf(healthy, spanSpec{span: 9, parent: 1, dur: time.Millisecond, err: true})))
	clock.Advance(cfg.DecisionWait)
	third.decideDue(ctx, clock.Now())
	assert.Equal(t, map[pcommon.TraceID][]string{healthy: {"ot=th:0", "ot=th:0"}}, thresholdsByTrace(thirdSink))
}
