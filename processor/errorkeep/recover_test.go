package errorkeep

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadatatest"
)

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
